"""Qt fixtures shared by the window tests."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtWidgets import QApplication


@pytest.fixture(autouse=True, scope="session")
def clipboard_emptied_at_the_end(qapp: QApplication) -> Iterator[None]:
    """The offscreen platform keeps clipboard data in a C++ global that is destroyed
    after Python has shut down; data that Python made (Copy as HTML) then crashes the
    process on exit. Emptying the clipboard while Python runs avoids it. Real
    platforms (xcb, Windows, macOS) hand the data to their clipboard object, which
    the application deletes in time."""
    yield
    qapp.clipboard().clear()
