"""The one place that builds the app's objects and wires them together.

``run_gui`` reads the settings, opens the article, and only then creates the
QApplication and the window: a file that cannot be opened from the command line
ends as the CLI's one-line error before any window appears.
"""

from __future__ import annotations

import signal
import sys
import traceback
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace
from pathlib import Path
from types import FrameType, TracebackType
from typing import cast

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from editor_app import __version__
from editor_app.assets import sample_article_text
from editor_app.errors import ArticleEditorError
from editor_app.importers import ImportResult, import_article
from editor_app.model import jsonformat
from editor_app.settings import Settings, load_settings, save_settings, settings_path
from editor_app.ui.app_icon import app_icon
from editor_app.ui.main_window import APP_NAME, MainWindow
from editor_app.ui.theme import ThemeManager
from editor_app.workspace import Workspace, open_workspace

EXIT_INTERRUPTED = 130
FIRST_PAINT_PATIENCE_MILLISECONDS = 1000


@dataclass(frozen=True)
class Startup:
    """What the window opens on, and the settings after opening it."""

    result: ImportResult
    source: Path | None
    settings: Settings
    notice: str | None = None


def run_gui(path: Path | None, settings_dir: Path | None = None, sample: bool = False) -> int:
    """Open the editor window on ``path`` (or the sample / last file) and run the event loop.

    Raises ``ArticleEditorError`` or ``OSError``, before creating any window, when
    ``path`` cannot be opened.
    """
    store = settings_path(settings_dir)
    loaded = load_settings(store)
    startup = open_startup_article(path, loaded.settings, sample)
    app = application()
    themes = ThemeManager(app)
    themes.apply(startup.settings.theme)
    window = build_main_window(startup, store, themes)
    window.show()
    for notice in (loaded.warning, startup.notice):
        if notice:
            window.show_notice(notice)
    workspaces: list[Workspace] = []

    def join_workspace() -> None:
        """After the first paint: the settings written (a flushed file), the workspace."""
        from editor_app.ui.window_journal import offer_recovery

        saved = save_or_warn(startup.settings, store)
        if saved:
            window.show_notice(saved)
        workspace = open_workspace(store.parent)
        workspaces.append(workspace)
        window.attach_workspace(workspace)
        if workspace.library_problem:
            window.show_notice(workspace.library_problem)
        offer_recovery(window)  # what a crash left unsaved, when there is any

    after_first_paint(window, join_workspace)
    try:
        with errors_in_message_boxes(window), quit_on_interrupt(app) as interrupted:
            status = app.exec()
    finally:
        for workspace in workspaces:
            workspace.close()
    return EXIT_INTERRUPTED if interrupted() else status


class _FirstPaint(QObject):
    """Runs ``then`` once, right after the window's first paint (or after a second,
    should the window not be painted: minimised, on another desktop)."""

    def __init__(self, window: QWidget, then: Callable[[], None]) -> None:
        super().__init__(window)
        self._window = window
        self._then: Callable[[], None] | None = then
        window.installEventFilter(self)
        QTimer.singleShot(FIRST_PAINT_PATIENCE_MILLISECONDS, self._run)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Paint and self._then is not None:
            QTimer.singleShot(0, self._run)  # after this paint reaches the screen
        return False

    def _run(self) -> None:
        then, self._then = self._then, None
        if then is not None:
            self._window.removeEventFilter(self)
            then()


def after_first_paint(window: QWidget, then: Callable[[], None]) -> None:
    """The window first, then the slow parts: the person sees the article at once."""
    _FirstPaint(window, then)


def open_startup_article(path: Path | None, settings: Settings, sample: bool = False) -> Startup:
    """The sample when asked for; the file named on the command line; else the sample on
    the first run; else the last file."""
    started = replace(settings, first_run_done=True)
    if sample:
        return Startup(sample_article(), None, started)
    if path is not None:
        source = path.absolute()
        return Startup(import_article(source), source, started.with_recent_file(source))
    if not settings.first_run_done or not settings.last_opened_path:
        return Startup(sample_article(), None, started)
    last = Path(settings.last_opened_path)
    try:
        return Startup(import_article(last), last, started)
    except (ArticleEditorError, OSError) as error:
        notice = f"Could not reopen {last.name} ({error}); showing the sample article."
        return Startup(sample_article(), None, started, notice)


def sample_article() -> ImportResult:
    return ImportResult(jsonformat.loads(sample_article_text()))


def application() -> QApplication:
    """The running QApplication, created and named if there is none yet."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setApplicationDisplayName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("io.github.articleeditor.ArticleEditor")
    app.setWindowIcon(app_icon())
    return app


def build_main_window(
    startup: Startup,
    store: Path,
    themes: ThemeManager | None = None,
    workspace: Workspace | None = None,
) -> MainWindow:
    window = MainWindow(
        startup.result,
        settings=startup.settings,
        source=startup.source,
        themes=themes,
        workspace=workspace,
    )

    def save(settings: object) -> None:
        notice = save_or_warn(cast(Settings, settings), store)
        if notice:
            window.show_notice(notice)

    window.settings_changed.connect(save)
    return window


def save_or_warn(settings: Settings, store: Path) -> str | None:
    """Save the settings; a sentence for the status bar when that fails (never an exception)."""
    try:
        save_settings(settings, store)
    except OSError as error:
        return f"Could not save the settings in {store.parent}: {error.strerror or error}."
    return None


@contextmanager
def errors_in_message_boxes(window: MainWindow) -> Iterator[None]:
    """Show an unexpected exception from a slot in a message box (traceback on stderr)."""
    previous = sys.excepthook

    def show(kind: type[BaseException], error: BaseException, tb: TracebackType | None) -> None:
        traceback.print_exception(kind, error, tb)
        QMessageBox.critical(window, "Unexpected error", f"{kind.__name__}: {error}")

    sys.excepthook = show
    try:
        yield
    finally:
        sys.excepthook = previous


@contextmanager
def quit_on_interrupt(app: QApplication) -> Iterator[Callable[[], bool]]:
    """Ctrl+C in the terminal quits the app cleanly; yields "was it interrupted?"."""
    interrupted = False

    def handle(_signal: int, _frame: FrameType | None) -> None:
        nonlocal interrupted
        interrupted = True
        app.quit()

    previous = signal.signal(signal.SIGINT, handle)
    # Python runs signal handlers only between bytecodes: wake it up now and then.
    ticker = QTimer()
    ticker.timeout.connect(lambda: None)
    ticker.start(250)
    try:
        yield lambda: interrupted
    finally:
        ticker.stop()
        signal.signal(signal.SIGINT, previous)
