"""The main window: the article editor on its page, with files, find, zoom and settings.

The window is glue. The page (``EditorPage``) holds the header panel
(``MetadataPanel``) and the body (``ArticleEditor``); the commands are built
from one table (``actions.py``); counting, searching and the questions the
window asks live in their own modules. The article the window holds is always
``Article(panel.metadata(), editor.body(), ignores)``: Save, Export and Copy as
HTML all take it from there. The newsroom workspace (live checks, findings panel,
library browser, history, journal) attaches its parts from their own modules, at
construction or, as ``app.py`` does, after the first paint (``attach_workspace``);
a window without one is a plain editor. Questions go through small methods tests replace
(``ask_open_path``, ``ask_save_path``, ``_ask_unsaved``, ``show_error``), and
errors are shown in a message box, never raised out of a slot.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Signal
from PySide6.QtGui import QAction, QCloseEvent, QTextCursor
from PySide6.QtWidgets import QApplication, QLabel, QMainWindow, QMenu, QMessageBox, QWidget

from editor_app.errors import ArticleEditorError
from editor_app.export import write_atomically
from editor_app.importers import ImportReport, ImportResult, import_article, suffix_of
from editor_app.model import Article, Metadata, jsonformat
from editor_app.origin import LibraryOrigin
from editor_app.settings import ZOOM_STEPS, Settings
from editor_app.ui import window_dialogs, window_library
from editor_app.ui.actions import (
    EDITOR_COMMANDS,
    RECENT_MENU,
    THEME_MENU,
    TOOLBAR_TOGGLE,
    WORKSPACE_COMMANDS,
    WindowActions,
    build_toolbar,
    fill_menu_bar,
)
from editor_app.ui.article_editor import ArticleEditor
from editor_app.ui.editor_page import EditorPage, zoom_factor
from editor_app.ui.error_text import error_message
from editor_app.ui.find_replace import FindReplaceBar
from editor_app.ui.metadata_panel import MetadataPanel
from editor_app.ui.status_counts import StatusCounts
from editor_app.ui.theme import ThemeManager
from editor_app.ui.window_dialogs import ARTICLE_SUFFIX, UnsavedChoice
from editor_app.ui.window_parts import (
    EDIT_COMMANDS,
    DistractionFree,
    Slot,
    copy_as_html,
    edit_in_focus,
    editor_slots,
    file_stem,
    fill_recent_menu,
    open_export_dialog,
    prose_of,
    report_summary,
    restore_dock_layout,
    restore_layout,
    show_about,
    show_shortcuts,
    theme_menu,
    with_layout,
)

if TYPE_CHECKING:  # loaded on first use: they bring the exporters (and Jinja) with them
    from editor_app.ui.export_dialog import ExportDialog
    from editor_app.ui.findings_panel import FindingsPanel
    from editor_app.ui.library_browser import LibraryBrowser
    from editor_app.ui.live_checks import LiveChecks
    from editor_app.ui.shortcuts_dialog import ShortcutsDialog
    from editor_app.ui.window_journal import WindowJournal
    from editor_app.workspace import Workspace

APP_NAME = "Article Editor"
NOTICE_MILLISECONDS = 8000


class MainWindow(QMainWindow):
    settings_changed = Signal(object)
    """Emitted with the new ``Settings`` whenever the window changes them; app.py saves them."""
    article_shown = Signal()
    """After another article replaced the one shown (opened, new, restored)."""
    saved = Signal()
    """After the article was saved (wherever to)."""
    closed = Signal()
    """When the window closes for good (the person did not cancel)."""
    library_origin_changed = Signal()
    """The article now comes from another library article, or from none (``library_origin``)."""

    def __init__(
        self,
        result: ImportResult,
        *,
        settings: Settings,
        source: Path | None = None,
        themes: ThemeManager | None = None,
        workspace: Workspace | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.workspace = workspace
        """The library, folders and checks; ``None`` for a bare editor (some tests)."""
        self._settings = settings
        self._themes = themes
        self._source = source
        self._report = result.report
        self._export_format: str | None = None
        self._library_origin: LibraryOrigin | None = None
        self.editor = ArticleEditor()
        self.panel = MetadataPanel()
        self.find_bar = FindReplaceBar(self.editor)
        self.page = EditorPage(self.panel, self.editor, self.find_bar)
        self.setCentralWidget(self.page)
        self.commands = WindowActions(self)
        self.toolbar = self.addToolBar(self.tr("Toolbar"))
        build_toolbar(self.toolbar, self.commands)
        self.recent_menu = QMenu(self.tr("Open &Recent"), self)
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        fill_menu_bar(
            self.menuBar(),
            self.commands,
            {
                RECENT_MENU: self.recent_menu,
                THEME_MENU: theme_menu(self, settings.theme, themes is not None, self._set_theme),
                TOOLBAR_TOGGLE: self.toolbar.toggleViewAction(),
            },
        )
        self.toolbar.toggleViewAction().setText(self.tr("Show &Toolbar"))
        self.statusBar().setSizeGripEnabled(False)
        self.report_label = QLabel()
        self.report_label.setContentsMargins(8, 0, 8, 0)
        self.statusBar().addPermanentWidget(self.report_label)
        self.counts = StatusCounts(
            self.statusBar(), self.editor, target=settings.length_target, block_text=prose_of
        )
        bars = (self.menuBar(), self.toolbar, self.statusBar())
        self._quiet = DistractionFree(self, bars, leave=lambda: self.set_distraction_free(False))
        self._connect()
        self.live_checks: LiveChecks | None = None
        self.findings_panel: FindingsPanel | None = None
        self.library_browser: LibraryBrowser | None = None
        self.journal: WindowJournal | None = None
        if workspace is not None:
            self._attach_workspace_parts()
        else:
            self.commands.set_enabled(WORKSPACE_COMMANDS, False)
        restore_layout(self, settings)
        self.page.set_zoom(zoom_factor(settings.zoom))
        self.show_result(result, source)
        self.editor.setFocus()  # ready to type

    # -- the article ----------------------------------------------------------------------

    @property
    def article(self) -> Article:
        """The article as edited now: the header panel's metadata and the editor's body."""
        ignores = self.live_checks.ignores() if self.live_checks is not None else ()
        return Article(self.panel.metadata(), self.editor.body(), ignores)

    @property
    def report(self) -> ImportReport:
        return self._report

    @property
    def source(self) -> Path | None:
        return self._source

    @property
    def settings(self) -> Settings:
        return self._settings

    def is_modified(self) -> bool:
        return self.editor.document().isModified() or self.panel.is_modified()

    def show_result(self, result: ImportResult, source: Path | None) -> None:
        """Show an opened article as the new, unmodified document."""
        self.library_origin = None  # a library article sets it again once shown
        self._report, self._source = result.report, source
        self.find_bar.close_bar()
        self.panel.set_metadata(result.article.meta)
        self.editor.set_body(result.article.body)
        self.editor.moveCursor(QTextCursor.MoveOperation.Start)
        self.page.document_replaced()
        self.setWindowFilePath(str(source) if source else "")
        self.report_label.setText(report_summary(result.report))
        self.report_label.setToolTip("\n".join(result.report.lines()))
        self.report_label.setVisible(bool(result.report))
        self.panel.set_known_tags((*result.article.meta.tags, *self._settings.known_tags))
        self.counts.refresh()
        self._update_title()
        self.shown_ignores = result.article.ignores
        self.article_shown.emit()

    def _update_title(self) -> None:
        headline = self.panel.headline.text().strip() or self.tr("Untitled")
        mark = "• " if self.is_modified() else ""
        self.setWindowTitle(f"{mark}{headline} — {APP_NAME}")

    def show_notice(self, message: str) -> None:
        self.statusBar().showMessage(message, NOTICE_MILLISECONDS)

    def show_error(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    # -- files ----------------------------------------------------------------------------

    def new_article(self) -> bool:
        if not self._confirm_discard():
            return False
        meta = Metadata(language=self._settings.default_language)
        self.show_result(ImportResult(Article(meta)), None)
        self.panel.headline.setFocus()
        return True

    def open_file(self, path: Path) -> bool:
        """Open ``path`` (after the unsaved-changes question); False when it was not opened."""
        return self._confirm_discard() and self._load(path)

    def _open_with_dialog(self) -> None:
        if self._confirm_discard():
            path = self.ask_open_path()
            if path is not None:
                self._load(path)

    def _load(self, path: Path) -> bool:
        try:
            result = import_article(path)
        except (ArticleEditorError, OSError) as error:
            self.show_error(self.tr("Cannot open the file"), error_message(error))
            return False
        self.show_result(result, path)
        self._remember(path)
        self.editor.setFocus()
        return True

    @property
    def library_origin(self) -> LibraryOrigin | None:
        """The library article (and version) shown; ``None`` for files and new articles."""
        return self._library_origin

    @library_origin.setter
    def library_origin(self, origin: LibraryOrigin | None) -> None:
        if origin != self._library_origin:
            self._library_origin = origin
            self.library_origin_changed.emit()

    def open_library_article(self, article_id: int) -> bool:
        """Open a library article (after the unsaved-changes question); False when not opened."""
        return self._confirm_discard() and window_library.load(self, article_id)

    def save(self) -> bool:
        """Back to the library article or ``.article.json`` file it came from; anything else
        goes into the library when there is one, else Save As."""
        if self._library_origin is not None:
            return window_library.save(self, self._library_origin)
        if self._source is not None and suffix_of(self._source) == ARTICLE_SUFFIX:
            return self._write(self._source)
        if window_library.library_of(self) is not None:
            return window_library.add(self)
        return self.save_as()

    def save_to_library(self) -> bool:
        """File → Save to Library: a new library article; the window then edits that copy."""
        return window_library.add(self)

    def save_as(self) -> bool:
        path = self.ask_save_path()
        return path is not None and self._write(path)

    def _write(self, path: Path) -> bool:
        article = self.article
        try:
            write_atomically(path, jsonformat.dumps(article).encode("utf-8"))
        except (ArticleEditorError, OSError) as error:
            self.show_error(self.tr("Cannot save the article"), error_message(error))
            return False
        self.library_origin = None  # Save As from a library article: now the file's
        self._remember(path)
        self.mark_saved(article, path, self.tr("Saved {name}").format(name=path.name))
        return True

    def mark_saved(self, article: Article, source: Path | None, notice: str) -> None:
        """After a save: ``article`` is the unmodified state, ``source`` the file Save
        writes next (``None`` for the library); emits ``saved``."""
        self._source, self._report = source, ImportReport()
        self.report_label.setVisible(False)
        self.setWindowFilePath(str(source) if source else "")
        self.editor.document().setModified(False)
        self.panel.mark_saved(article.meta)
        self.show_notice(notice)
        self._update_title()
        self.saved.emit()

    def _confirm_discard(self) -> bool:
        """True when the current article may be replaced: saved, discarded, or unchanged."""
        if not self.is_modified():
            return True
        choice = self._ask_unsaved()
        if choice is UnsavedChoice.SAVE:
            return self.save()
        return choice is UnsavedChoice.DISCARD

    def _ask_unsaved(self) -> UnsavedChoice:
        headline = self.panel.headline.text().strip() or self.tr("Untitled")
        return window_dialogs.unsaved(self, headline)

    def ask_open_path(self) -> Path | None:
        return window_dialogs.open_path(self, self._start_directory())

    def ask_save_path(self) -> Path | None:
        name = self._source.name if self._source else file_stem(self.panel.headline.text())
        return window_dialogs.save_path(self, str(Path(self._start_directory()) / name))

    def _start_directory(self) -> str:
        if self._settings.last_directory:
            return self._settings.last_directory
        return str(self._source.parent) if self._source else str(Path.home())

    # -- export ---------------------------------------------------------------------------

    def open_export_dialog(self) -> ExportDialog:
        """Show File → Export… (window-modal, not blocking) on the article as edited."""
        where = (self._source, self._start_directory(), self._export_format)
        return open_export_dialog(self, self.article, where, self.show_notice, self.remember_export)

    def copy_as_html(self) -> bool:
        """Edit → Copy as HTML: the edited body as ``text/html`` and ``text/plain``."""
        try:
            self.show_notice(copy_as_html(self.article))
        except ArticleEditorError as error:
            self.show_error(self.tr("Cannot copy the article"), error_message(error))
            return False
        return True

    @property
    def export_action(self) -> QAction:
        return self.commands["export"]

    @property
    def copy_html_action(self) -> QAction:
        return self.commands["copy_html"]

    def remember_export(self, path: Path, format_name: str) -> None:
        self._export_format = format_name
        self._change_settings(replace(self._settings, last_directory=str(path.parent)))

    # -- view -------------------------------------------------------------------------------

    def set_zoom(self, step: int) -> None:
        step = min(max(step, ZOOM_STEPS.start), ZOOM_STEPS.stop - 1)
        self.page.set_zoom(zoom_factor(step))
        self._change_settings(replace(self._settings, zoom=step))
        self.show_notice(self.tr("Zoom {percent} %").format(percent=round(zoom_factor(step) * 100)))

    def set_distraction_free(self, on: bool) -> None:
        """Only the text, full screen; Esc or F11 brings the window back as it was."""
        if on:
            self.find_bar.close_bar()
        if self._quiet.set(on):
            self.page.set_distraction_free(on)
        self.commands["distraction_free"].setChecked(on)
        self.editor.setFocus()

    def set_length_target(self, words: int | None) -> None:
        if words is None:  # the question was cancelled
            return
        self.counts.set_target(words)
        self._change_settings(replace(self._settings, length_target=words))

    def ask_length_target(self) -> int | None:
        return window_dialogs.length_target(self, self._settings.length_target)

    def show_shortcuts(self) -> ShortcutsDialog:
        return show_shortcuts(self, self.commands)

    def _set_theme(self, theme: str) -> None:
        if self._themes is None:
            return
        self._themes.apply(theme)
        self._change_settings(replace(self._settings, theme=theme))

    # -- settings -----------------------------------------------------------------------------

    def _remember(self, path: Path) -> None:
        """After opening or saving ``path``: the recent files, and the tags to complete."""
        recent = self._settings.with_recent_file(path)
        self._change_settings(recent.with_known_tags(self.panel.metadata().tags))

    def _change_settings(self, settings: Settings) -> None:
        if settings != self._settings:
            self._settings = settings
            self.settings_changed.emit(settings)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        if not self._confirm_discard():
            event.ignore()
            return
        self.set_distraction_free(False)
        self._change_settings(with_layout(self._settings, self))
        super().closeEvent(event)
        self.closed.emit()

    # -- wiring -------------------------------------------------------------------------------

    def attach_workspace(self, workspace: Workspace) -> None:
        """Join a window built without one to its workspace. ``app.py`` does it after
        the window's first paint: the article shows at once, and the library, the
        checks and the journal (SQLAlchemy, the dictionaries) follow a moment later."""
        if self.workspace is not None:
            raise RuntimeError("the window already has its workspace")
        self.workspace = workspace
        self.commands.set_enabled(WORKSPACE_COMMANDS, True)
        self._attach_workspace_parts()
        restore_dock_layout(self, self._settings)
        self.article_shown.emit()  # the parts take up the article on show

    def _attach_workspace_parts(self) -> None:
        """The newsroom workspace, each part built by its own module from the window
        (imported here: a window without a workspace never loads them)."""
        from editor_app.ui.findings_panel import attach_findings_panel
        from editor_app.ui.history_dialog import attach_history
        from editor_app.ui.library_browser import attach_library_browser
        from editor_app.ui.live_checks import attach_live_checks
        from editor_app.ui.window_journal import attach_journal

        self.live_checks = attach_live_checks(self)
        self.findings_panel = attach_findings_panel(self)
        self.library_browser = attach_library_browser(self)
        self.journal = attach_journal(self)
        attach_history(self)

    def _connect(self) -> None:
        run: dict[str, Slot] = {
            "new": self.new_article,
            "open": self._open_with_dialog,
            "save": self.save,
            "save_as": self.save_as,
            "export": self.open_export_dialog,
            "quit": self.close,
            "copy_html": self.copy_as_html,
            "find": self.find_bar.open_find,
            "replace": self.find_bar.open_replace,
            "find_next": self.find_bar.find_next,
            "find_previous": self.find_bar.find_previous,
            "zoom_in": lambda: self.set_zoom(self._settings.zoom + 1),
            "zoom_out": lambda: self.set_zoom(self._settings.zoom - 1),
            "zoom_reset": lambda: self.set_zoom(0),
            "distraction_free": lambda: self.set_distraction_free(not self._quiet.active),
            "length_target": lambda: self.set_length_target(self.ask_length_target()),
            "shortcuts": self.show_shortcuts,
            "about": lambda: show_about(self),
            **editor_slots(self.editor),
        }
        for name, slot in run.items():
            self.commands[name].triggered.connect(lambda _checked=False, slot=slot: slot())
        for name in EDIT_COMMANDS:
            self.commands[name].triggered.connect(
                lambda _checked=False, name=name: edit_in_focus(self, self.editor, name)
            )
        self.editor.document().modificationChanged.connect(self._update_title)
        self.panel.changed.connect(self._update_title)
        self.editor.paste_reported.connect(self.show_notice)
        self.find_bar.notice.connect(self.show_notice)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            app.focusChanged.connect(self._focus_changed)

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        """Formatting applies to the body: off while a header field or the find bar is in use."""
        elsewhere = new is not None and (
            self.panel.isAncestorOf(new) or self.find_bar.isAncestorOf(new)
        )
        self.commands.set_enabled(EDITOR_COMMANDS, not elsewhere)

    def _fill_recent_menu(self) -> None:
        fill_recent_menu(
            self.recent_menu,
            self._settings.recent_files,
            self.open_file,
            lambda: self._change_settings(replace(self._settings, recent_files=())),
        )
