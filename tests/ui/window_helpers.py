"""Helpers for tests that open the main window."""

from __future__ import annotations

from pytestqt.qtbot import QtBot

from editor_app.ui.main_window import MainWindow


def forget_changes(window: MainWindow) -> None:
    """Mark the article saved, so closing the window at the end asks nothing."""
    window.editor.document().setModified(False)
    window.panel.mark_saved()


def keep(qtbot: QtBot, window: MainWindow) -> MainWindow:
    """Let qtbot close ``window`` after the test without the unsaved-changes question."""
    qtbot.addWidget(window, before_close_func=forget_changes)
    return window
