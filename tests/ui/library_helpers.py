"""Helpers for the library browser, saving and conflict tests (the `workspace` fixture is
in conftest.py, `open_window` in window_helpers.py)."""

from __future__ import annotations

from typing import TypeVar

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget
from pytestqt.qtbot import QtBot

from editor_app.model import Article, Metadata, Paragraph, RichText, Status
from editor_app.ui.library_browser import LibraryBrowser
from editor_app.ui.main_window import MainWindow

Shown = TypeVar("Shown", bound=QWidget)


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


def shown_child(qtbot: QtBot, window: MainWindow, kind: type[Shown]) -> Shown:
    """The one ``kind`` the window shows now (window-modal, opened with ``open()``)."""
    found: list[Shown] = []

    def shown() -> bool:
        found[:] = [child for child in window.findChildren(kind) if child.isVisible()]
        return len(found) == 1

    qtbot.waitUntil(shown)
    return found[0]


def open_box(qtbot: QtBot, window: MainWindow) -> QMessageBox:
    """The question box the window shows now."""
    return shown_child(qtbot, window, QMessageBox)


def click_button(box: QMessageBox, text: str) -> None:
    button = next(b for b in box.buttons() if b.text().replace("&", "") == text)
    button.click()
    QApplication.processEvents()


def record_errors(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Replace ``window.show_error`` (a message box) with a list of the messages."""
    shown: list[str] = []
    monkeypatch.setattr(window, "show_error", lambda _title, message: shown.append(message))
    return shown
