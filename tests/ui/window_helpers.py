"""Helpers for tests that open the main window."""

from __future__ import annotations

from pathlib import Path

from pytestqt.qtbot import QtBot

from editor_app.importers import ImportResult
from editor_app.library import Library
from editor_app.model import Article, Metadata, Paragraph, RichText
from editor_app.settings import Settings
from editor_app.ui.main_window import MainWindow
from editor_app.workspace import Workspace

AUTHOR = "ana"
"""Who saves in the shared ``workspace`` fixture (``tests/ui/conftest.py``)."""

START_TEXT = "The harbour pilots voted on Tuesday to stop work for two days."
START = Article(
    Metadata(headline="Untitled start"),
    (Paragraph(RichText.plain_text(START_TEXT)),),
)
"""What ``open_window`` shows when it is given no article."""


def forget_changes(window: MainWindow) -> None:
    """Mark the article saved, so closing the window at the end asks nothing."""
    window.editor.document().setModified(False)
    window.panel.mark_saved()


def keep(qtbot: QtBot, window: MainWindow) -> MainWindow:
    """Let qtbot close ``window`` after the test without the unsaved-changes question."""
    qtbot.addWidget(window, before_close_func=forget_changes)
    return window


def open_window(
    qtbot: QtBot,
    workspace: Workspace | None,
    article: Article | None = None,
    *,
    source: Path | None = None,
) -> MainWindow:
    """A shown window on ``article`` (``START`` when None), closed by qtbot at the end."""
    window = MainWindow(
        ImportResult(START if article is None else article),
        settings=Settings(),
        source=source,
        workspace=workspace,
    )
    keep(qtbot, window)
    window.show()
    qtbot.waitExposed(window)
    return window


def library_of(owner: MainWindow | Workspace) -> Library:
    """The library of a window's workspace, or of a workspace."""
    workspace = owner.workspace if isinstance(owner, MainWindow) else owner
    assert workspace is not None and workspace.library is not None
    return workspace.library
