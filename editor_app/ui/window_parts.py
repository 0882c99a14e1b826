"""Pieces of the main window that need no state of their own: command tables, menus, texts.

Kept apart so ``main_window.py`` stays the glue it is meant to be.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QByteArray, QCoreApplication, Qt
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QGuiApplication,
    QKeySequence,
    QShortcut,
    QTextBlock,
)
from PySide6.QtWidgets import QApplication, QMainWindow, QMenu, QMessageBox, QWidget

from editor_app import __version__
from editor_app.importers import ImportReport
from editor_app.model import Article
from editor_app.settings import THEMES, Settings
from editor_app.ui.actions import WindowActions
from editor_app.ui.article_editor import ArticleEditor
from editor_app.ui.block_styles import BlockKind
from editor_app.ui.document_adapter import block_kind

if TYPE_CHECKING:
    from editor_app.ui.export_dialog import ExportDialog
    from editor_app.ui.shortcuts_dialog import ShortcutsDialog

Slot = Callable[[], object]


EDIT_COMMANDS = ("undo", "redo", "cut", "copy", "paste")
"""Edit-menu commands that act on whichever text field has the focus."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def editor_slots(editor: ArticleEditor) -> dict[str, Slot]:
    """The Format menu's actions → the editor's commands (each one undo step)."""
    return {
        "bold": editor.toggle_bold,
        "italic": editor.toggle_italic,
        "inline_code": editor.toggle_code,
        "link": editor.edit_link,
        "paragraph": lambda: editor.set_block(BlockKind.PARAGRAPH),
        "heading2": lambda: editor.set_block(BlockKind.HEADING, level=2),
        "heading3": lambda: editor.set_block(BlockKind.HEADING, level=3),
        "heading4": lambda: editor.set_block(BlockKind.HEADING, level=4),
        "bulleted_list": lambda: editor.set_block(BlockKind.LIST_ITEM),
        "numbered_list": lambda: editor.set_block(BlockKind.LIST_ITEM, ordered=True),
        "blockquote": editor.toggle_blockquote,
        "pullquote": editor.toggle_pullquote,
        "attribution": editor.add_attribution,
        "code_block": lambda: editor.set_block(BlockKind.CODE),
        "rule": editor.insert_rule,
    }


def edit_in_focus(window: QWidget, body: QWidget, command: str) -> None:
    """Undo, Cut, Paste... on the text field with the focus (a header field), else the body."""
    target = QApplication.focusWidget()
    if target is None or not window.isAncestorOf(target) or not hasattr(target, command):
        target = body
    getattr(target, command)()


def theme_menu(
    parent: QWidget, current: str, enabled: bool, choose: Callable[[str], None]
) -> QMenu:
    menu = QMenu(_tr("&Theme"), parent)
    menu.setEnabled(enabled)
    group = QActionGroup(menu)
    for theme in THEMES:
        action = QAction(_tr(theme.capitalize()), menu, checkable=True)
        action.setChecked(theme == current)
        action.triggered.connect(lambda _checked=False, name=theme: choose(name))
        group.addAction(action)
        menu.addAction(action)
    return menu


def fill_recent_menu(
    menu: QMenu, recent: Sequence[str], open_file: Callable[[Path], object], clear: Slot
) -> None:
    """File → Open Recent, filled when it opens: files that vanished are shown greyed."""
    menu.clear()
    for name in recent:
        action = menu.addAction(name)
        action.setEnabled(Path(name).is_file())
        action.triggered.connect(lambda _checked=False, path=Path(name): open_file(path))
    if not recent:
        menu.addAction(_tr("No recent files")).setEnabled(False)
        return
    menu.addSeparator()
    menu.addAction(_tr("Clear Menu")).triggered.connect(lambda: clear())


def show_about(parent: QWidget) -> None:
    QMessageBox.about(
        parent,
        _tr("About Article Editor"),
        _tr(
            "<h3>Article Editor {version}</h3>"
            "<p>A desktop editor for news articles: write, proofread and export "
            "clean copy for the web.</p><p>MIT licence.</p>"
        ).format(version=__version__),
    )


class DistractionFree:
    """F11: only the text, full screen; leaving (Esc too) restores the bars and window state."""

    def __init__(self, window: QMainWindow, bars: Sequence[QWidget], *, leave: Slot) -> None:
        self._window = window
        self._bars = bars
        self._was_maximised = False
        self.active = False
        self._escape = QShortcut(QKeySequence(Qt.Key.Key_Escape), window)
        self._escape.setEnabled(False)
        self._escape.activated.connect(lambda: leave())

    def set(self, on: bool) -> bool:
        """Enter or leave; False when already there."""
        if on == self.active:
            return False
        self.active = on
        self._escape.setEnabled(on)
        if on:
            self._was_maximised = self._window.isMaximized()
        for bar in self._bars:
            bar.setVisible(not on)
        if on:
            self._window.showFullScreen()
        elif self._was_maximised:
            self._window.showMaximized()
        else:
            self._window.showNormal()
        return True


def open_export_dialog(
    parent: QWidget,
    article: Article,
    where: tuple[Path | None, str, str | None],
    notice: Callable[[str], None],
    exported: Callable[[Path, str], None],
) -> ExportDialog:
    """File → Export… on ``article``, window-modal but not blocking; it closes itself.

    ``where`` is (the article's file, the folder to start in, the format chosen last).
    """
    from editor_app.ui.export_dialog import ExportDialog  # brings the exporters: load late

    source, start, last_format = where
    dialog = ExportDialog(
        article, source=source, start_directory=start, initial_format=last_format, parent=parent
    )
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.notice.connect(notice)
    dialog.exported.connect(exported)
    dialog.open()
    return dialog


def show_shortcuts(parent: QWidget, actions: WindowActions) -> ShortcutsDialog:
    """Help → Keyboard Shortcuts, not blocking."""
    from editor_app.ui.shortcuts_dialog import ShortcutsDialog

    dialog = ShortcutsDialog(actions, parent)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def copy_as_html(article: Article) -> str:
    """Copy the body as HTML; the status bar sentence. ``ExportFailed`` when it cannot."""
    from editor_app.ui.clipboard import copy_article_as_html

    return copy_article_as_html(article, QGuiApplication.clipboard())


def restore_layout(window: QMainWindow, settings: Settings) -> None:
    geometry = QByteArray.fromBase64(settings.window_geometry.encode("ascii"))
    if geometry.isEmpty() or not window.restoreGeometry(geometry):
        window.resize(1280, 860)
    restore_dock_layout(window, settings)


def restore_dock_layout(window: QMainWindow, settings: Settings) -> None:
    """The bars and side panels where the person left them (again once the panels exist)."""
    state = QByteArray.fromBase64(settings.window_state.encode("ascii"))
    if not state.isEmpty():
        window.restoreState(state)


def with_layout(settings: Settings, window: QMainWindow) -> Settings:
    """The settings with the window's geometry and bars, to restore next time."""
    return replace(
        settings,
        window_geometry=to_base64(window.saveGeometry()),
        window_state=to_base64(window.saveState()),
    )


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


def prose_of(block: QTextBlock) -> str | None:
    """A document block's text for the counts; None for code and rules, as the model counts."""
    return None if block_kind(block) in (BlockKind.CODE, BlockKind.RULE) else block.text()


def file_stem(headline: str) -> str:
    """A file name from the headline: "Ferry returns!" → "ferry-returns"."""
    words = "".join(c if c.isalnum() else " " for c in headline.lower()).split()
    return "-".join(words[:8]) or "untitled"


def to_base64(data: QByteArray) -> str:
    return bytes(data.toBase64().data()).decode("ascii")
