"""The main window: one article shown as a page, with Open, Export and the import report.

A viewer for now; the WYSIWYG editor replaces the body view in a later issue.
Dialogs are reached through small public methods (``ask_open_path``,
``show_error``) so tests can answer them without blocking; File → Export… opens
the non-blocking ``ExportDialog``, which does the exporting itself.
Errors are shown in a message box, never raised out of a slot.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QByteArray, QEvent, Qt, QUrl, Signal
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QGuiApplication,
    QKeySequence,
    QPalette,
)
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QMainWindow,
    QMenu,
    QMessageBox,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from editor_app import __version__
from editor_app.errors import ArticleEditorError
from editor_app.importers import ImportReport, ImportResult, import_article, importable_suffixes
from editor_app.model import Article
from editor_app.settings import THEMES, Settings
from editor_app.ui.article_header import ArticleHeader
from editor_app.ui.body_view import ArticleBodyView
from editor_app.ui.clipboard import copy_article_as_html
from editor_app.ui.error_text import error_message
from editor_app.ui.export_dialog import ExportDialog
from editor_app.ui.theme import ArticleColours, ThemeManager

APP_NAME = "Article Editor"
PAGE_WIDTH = 820
NOTICE_MILLISECONDS = 8000


class MainWindow(QMainWindow):
    settings_changed = Signal(object)
    """Emitted with the new ``Settings`` whenever the window changes them; app.py saves them."""

    def __init__(
        self,
        result: ImportResult,
        *,
        settings: Settings,
        source: Path | None = None,
        themes: ThemeManager | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._settings = settings
        self._themes = themes
        self._result = result
        self._source = source
        self._export_format: str | None = None
        self.header = ArticleHeader()
        self.body_view = ArticleBodyView()
        self.word_count_label = _status_label()
        self.report_label = _status_label()
        self._build_page()
        self._build_menus()
        self.statusBar().addPermanentWidget(self.report_label)
        self.statusBar().addPermanentWidget(self.word_count_label)
        self.body_view.highlighted.connect(self._show_link_target)
        self._restore_layout()
        self.show_result(result, source)

    # -- what the window shows ---------------------------------------------------------

    @property
    def article(self) -> Article:
        return self._result.article

    @property
    def report(self) -> ImportReport:
        return self._result.report

    @property
    def source(self) -> Path | None:
        return self._source

    @property
    def settings(self) -> Settings:
        return self._settings

    def show_result(self, result: ImportResult, source: Path | None) -> None:
        self._result, self._source = result, source
        self.setWindowTitle(f"{result.article.meta.headline or 'Untitled'} — {APP_NAME}")
        self.setWindowFilePath(str(source) if source else "")
        self._render_page()
        words = result.article.word_count()
        self.word_count_label.setText(f"{words:,} word{'' if words == 1 else 's'}")
        self.report_label.setText(report_summary(result.report))
        self.report_label.setToolTip("\n".join(result.report.lines()))
        self.report_label.setVisible(bool(result.report))

    def _render_page(self) -> None:
        # The window's palette, not each child's: after a theme change the children
        # may not have heard of it yet when the window re-renders.
        colours = ArticleColours.from_palette(self.palette())
        self.header.show_metadata(self.article.meta, colours)
        self.body_view.show_article(self.article, colours)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """Re-colour the page when the palette changes (theme menu, or the desktop's own)."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.centralWidget() is not None:
            self._render_page()

    def show_notice(self, message: str) -> None:
        self.statusBar().showMessage(message, NOTICE_MILLISECONDS)

    # -- open and export ----------------------------------------------------------------

    def open_file(self, path: Path) -> bool:
        """Open ``path`` in this window; False (after telling the user) when it cannot be read."""
        try:
            result = import_article(path)
        except (ArticleEditorError, OSError) as error:
            self.show_error(self.tr("Cannot open the file"), error_message(error))
            return False
        self.show_result(result, path)
        self._change_settings(self._settings.with_recent_file(path))
        return True

    def open_export_dialog(self) -> ExportDialog:
        """Show File → Export… (window-modal, not blocking); it closes itself after exporting."""
        dialog = ExportDialog(
            self.article,
            source=self._source,
            start_directory=self._start_directory(),
            initial_format=self._export_format,
            parent=self,
        )
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.notice.connect(self.show_notice)
        dialog.exported.connect(self._remember_export)
        dialog.open()
        return dialog

    def copy_as_html(self) -> bool:
        """Edit → Copy as HTML: the body on the clipboard as ``text/html`` and ``text/plain``."""
        try:
            message = copy_article_as_html(self.article, QGuiApplication.clipboard())
        except ArticleEditorError as error:
            self.show_error(self.tr("Cannot copy the article"), error_message(error))
            return False
        self.show_notice(message)
        return True

    def ask_open_path(self) -> Path | None:
        patterns = " ".join(f"*{suffix}" for suffix in importable_suffixes())
        name, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Open Article"),
            self._start_directory(),
            self.tr("Articles ({patterns});;All files (*)").format(patterns=patterns),
        )
        return Path(name) if name else None

    def show_error(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    def _open_with_dialog(self) -> None:
        path = self.ask_open_path()
        if path is not None:
            self.open_file(path)

    def _remember_export(self, path: Path, format_name: str) -> None:
        self._export_format = format_name
        self._change_settings(replace(self._settings, last_directory=str(path.parent)))

    def _start_directory(self) -> str:
        if self._settings.last_directory:
            return self._settings.last_directory
        return str(self._source.parent) if self._source else str(Path.home())

    # -- settings -----------------------------------------------------------------------

    def _change_settings(self, settings: Settings) -> None:
        if settings != self._settings:
            self._settings = settings
            self.settings_changed.emit(settings)

    def _restore_layout(self) -> None:
        geometry = QByteArray.fromBase64(self._settings.window_geometry.encode("ascii"))
        if geometry.isEmpty() or not self.restoreGeometry(geometry):
            self.resize(1080, 820)
        state = QByteArray.fromBase64(self._settings.window_state.encode("ascii"))
        if not state.isEmpty():
            self.restoreState(state)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802 - Qt's name
        self._change_settings(
            replace(
                self._settings,
                window_geometry=_base64(self.saveGeometry()),
                window_state=_base64(self.saveState()),
            )
        )
        super().closeEvent(event)

    def _set_theme(self, theme: str) -> None:
        if self._themes is None:
            return
        self._themes.apply(theme)  # the page is re-coloured in changeEvent
        self._change_settings(replace(self._settings, theme=theme))

    # -- building -------------------------------------------------------------------------

    def _build_page(self) -> None:
        page = QFrame()
        page.setMaximumWidth(PAGE_WIDTH)
        page.setAutoFillBackground(True)
        page.setBackgroundRole(QPalette.ColorRole.Base)
        page.setFrameShape(QFrame.Shape.StyledPanel)
        column = QVBoxLayout(page)
        column.setContentsMargins(56, 44, 56, 48)
        column.setSpacing(18)
        column.addWidget(self.header)
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Plain)
        rule.setForegroundRole(QPalette.ColorRole.Mid)
        rule_row = QHBoxLayout()
        rule_row.setContentsMargins(4, 0, 4, 0)  # line up with the text's 4 px margins
        rule_row.addWidget(rule)
        column.addLayout(rule_row)
        column.addWidget(self.body_view)
        column.addStretch(1)
        desk = QWidget()
        row = QHBoxLayout(desk)
        row.setContentsMargins(24, 24, 24, 24)
        row.addStretch(1)
        row.addWidget(page, stretch=PAGE_WIDTH)
        row.addStretch(1)
        scroller = QScrollArea()
        scroller.setWidgetResizable(True)
        scroller.setFrameShape(QFrame.Shape.NoFrame)
        scroller.setWidget(desk)
        self.setCentralWidget(scroller)

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        self.open_action = self._action(self.tr("&Open…"), QKeySequence.StandardKey.Open)
        self.open_action.triggered.connect(self._open_with_dialog)
        file_menu.addAction(self.open_action)
        self.recent_menu = file_menu.addMenu(self.tr("Open &Recent"))
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        file_menu.addSeparator()
        self.export_action = self._action(self.tr("&Export…"), QKeySequence("Ctrl+Shift+E"))
        self.export_action.triggered.connect(self.open_export_dialog)
        file_menu.addAction(self.export_action)
        file_menu.addSeparator()
        self.quit_action = self._action(self.tr("&Quit"), QKeySequence.StandardKey.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.quit_action.triggered.connect(self.close)
        file_menu.addAction(self.quit_action)

        edit_menu = self.menuBar().addMenu(self.tr("&Edit"))
        self.copy_html_action = self._action(self.tr("Copy as &HTML"), QKeySequence("Ctrl+Alt+C"))
        self.copy_html_action.triggered.connect(self.copy_as_html)
        edit_menu.addAction(self.copy_html_action)

        if self._themes is not None:
            view_menu = self.menuBar().addMenu(self.tr("&View"))
            self._add_theme_menu(view_menu.addMenu(self.tr("&Theme")))

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        self.about_action = self._action(self.tr("&About Article Editor"))
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.about_action.triggered.connect(self._show_about)
        help_menu.addAction(self.about_action)

    def _action(
        self, text: str, shortcut: QKeySequence | QKeySequence.StandardKey | None = None
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(shortcut)
        return action

    def _add_theme_menu(self, menu: QMenu) -> None:
        group = QActionGroup(self)
        for theme in THEMES:
            action = QAction(theme.capitalize(), self, checkable=True)
            action.setChecked(theme == self._settings.theme)
            action.triggered.connect(lambda _checked=False, name=theme: self._set_theme(name))
            group.addAction(action)
            menu.addAction(action)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for name in self._settings.recent_files:
            action = self.recent_menu.addAction(name)
            action.setEnabled(Path(name).is_file())
            action.triggered.connect(lambda _checked=False, path=Path(name): self.open_file(path))
        if not self._settings.recent_files:
            self.recent_menu.addAction(self.tr("No recent files")).setEnabled(False)
            return
        self.recent_menu.addSeparator()
        clear = self.recent_menu.addAction(self.tr("Clear Menu"))
        clear.triggered.connect(
            lambda: self._change_settings(replace(self._settings, recent_files=()))
        )

    def _show_about(self) -> None:
        QMessageBox.about(
            self,
            self.tr("About Article Editor"),
            self.tr(
                "<h3>Article Editor {version}</h3>"
                "<p>A desktop editor for news articles: write, proofread and export "
                "clean copy for the web.</p><p>MIT licence.</p>"
            ).format(version=__version__),
        )

    def _show_link_target(self, url: QUrl) -> None:
        target = url.toString()
        if target:
            self.statusBar().showMessage(target, NOTICE_MILLISECONDS)
        else:
            self.statusBar().clearMessage()


def report_summary(report: ImportReport) -> str:
    """The import report in a few words for the status bar: "Removed 3 web leftovers"."""
    parts = []
    if report.removed:
        count = len(report.removed)
        parts.append(f"Removed {count} web leftover{'' if count == 1 else 's'}")
    if report.notes:
        count = len(report.notes)
        parts.append(f"{count} import note{'' if count == 1 else 's'}")
    return " · ".join(parts)


def _status_label() -> QLabel:
    label = QLabel()
    label.setContentsMargins(10, 0, 10, 0)
    return label


def _base64(data: QByteArray) -> str:
    return bytes(data.toBase64().data()).decode("ascii")
