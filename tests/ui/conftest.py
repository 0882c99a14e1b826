"""Qt fixtures shared by the window tests."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from editor_app.workspace import Workspace, open_workspace
from tests.ui.window_helpers import AUTHOR


@pytest.fixture(autouse=True, scope="session")
def clipboard_emptied_at_the_end(qapp: QApplication) -> Iterator[None]:
    """The offscreen platform keeps clipboard data in a C++ global that is destroyed
    after Python has shut down; data that Python made (Copy as HTML) then crashes the
    process on exit. Emptying the clipboard while Python runs avoids it. Real
    platforms (xcb, Windows, macOS) hand the data to their clipboard object, which
    the application deletes in time."""
    yield
    qapp.clipboard().clear()


@pytest.fixture
def workspace(tmp_path: Path) -> Iterator[Workspace]:
    """A workspace with an empty library in ``tmp_path``, saving as ``AUTHOR``."""
    opened = open_workspace(tmp_path / "config", tmp_path / "state", tmp_path / "lib.sqlite3")
    assert opened.library is not None, opened.library_problem
    opened.author = AUTHOR
    yield opened
    opened.close()
