"""Windows on a library in ``tmp_path``, for the library browser, saving and conflict tests."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from editor_app.importers import ImportResult
from editor_app.library import Library
from editor_app.model import Article, Metadata, Paragraph, RichText, Status
from editor_app.settings import Settings
from editor_app.ui.library_browser import LibraryBrowser
from editor_app.ui.main_window import MainWindow
from editor_app.workspace import Workspace, open_workspace
from tests.ui.window_helpers import keep

AUTHOR = "ana"


def make_workspace(tmp_path: Path) -> Workspace:
    workspace = open_workspace(tmp_path / "config", tmp_path / "state", tmp_path / "lib.sqlite3")
    assert workspace.library is not None, workspace.library_problem
    workspace.author = AUTHOR
    return workspace


def story(
    headline: str,
    text: str = "The harbour pilots voted on Tuesday to stop work for two days.",
    *,
    section: str = "",
    tags: tuple[str, ...] = (),
    status: Status = Status.DRAFT,
) -> Article:
    meta = Metadata(headline=headline, section=section, tags=tags, status=status)
    return Article(meta, (Paragraph(RichText.plain_text(text)),))


def open_window(qtbot: QtBot, workspace: Workspace, article: Article | None = None) -> MainWindow:
    window = MainWindow(
        ImportResult(article or story("Untitled start")), settings=Settings(), workspace=workspace
    )
    keep(qtbot, window)
    window.show()
    return window


def library_of(window: MainWindow) -> Library:
    assert window.workspace is not None and window.workspace.library is not None
    return window.workspace.library


def browser_of(window: MainWindow) -> LibraryBrowser:
    assert window.library_browser is not None
    return window.library_browser


def listed_headlines(browser: LibraryBrowser) -> list[str]:
    return [row.headline for row in browser.model.rows()]


def type_headline(window: MainWindow, text: str) -> None:
    """Replace the headline by typing, as a person would."""
    window.panel.headline.setFocus()
    window.panel.headline.selectAll()
    QTest.keyClicks(window.panel.headline, text)
    assert window.is_modified()


def press_save(qtbot: QtBot, window: MainWindow) -> None:
    """Ctrl+S, as typed: a shortcut needs its window active."""
    if QApplication.activeWindow() is not window:
        with qtbot.waitActive(window):
            window.activateWindow()
    QTest.keyClick(window, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)


def open_box(qtbot: QtBot, window: MainWindow) -> QMessageBox:
    """The question box the window shows now (window-modal, opened with ``open()``)."""
    found: list[QMessageBox] = []

    def shown() -> bool:
        found[:] = [box for box in window.findChildren(QMessageBox) if box.isVisible()]
        return len(found) == 1

    qtbot.waitUntil(shown)
    return found[0]


def click_button(box: QMessageBox, text: str) -> None:
    button = next(b for b in box.buttons() if b.text().replace("&", "") == text)
    button.click()
    QApplication.processEvents()


def record_errors(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Replace ``window.show_error`` (a message box) with a list of the messages."""
    shown: list[str] = []
    monkeypatch.setattr(window, "show_error", lambda _title, message: shown.append(message))
    return shown
