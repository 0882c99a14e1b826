"""Regression guard for the PySide6 6.12.0 trap.

On Python 3.11, PySide6 6.12.0 drops a reference to ``None`` in every Qt setter
that returns nothing; after a few thousand calls ``None``'s count reaches zero and
the interpreter aborts in ``none_dealloc``. pyproject.toml pins ``<6.12``; these
tests fail loudly if a broken build sneaks back in.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from importlib.metadata import version

import PySide6

CALLS_PER_SETTER = 100_000
PROBE = textwrap.dedent(
    f"""
    import sys
    from PySide6.QtGui import QFont, QTextCharFormat, QTextCursor, QTextDocument
    from PySide6.QtWidgets import QApplication, QWidget

    app = QApplication([])
    char_format = QTextCharFormat()
    widget = QWidget()
    cursor = QTextCursor(QTextDocument())
    before = sys.getrefcount(None)
    for _ in range({CALLS_PER_SETTER}):
        char_format.setFontWeight(QFont.Weight.Bold)
        widget.setToolTip("tip")
        cursor.setCharFormat(char_format)
    print(before, sys.getrefcount(None))
    """
)


def test_void_setters_leave_none_alone() -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    before, after = map(int, done.stdout.split())
    assert after >= before - 100  # a broken build loses one reference per call: 300,000


def test_the_broken_pyside_release_is_not_installed() -> None:
    broken = (sys.version_info[:2] == (3, 11)) and "6.12.0" in {
        PySide6.__version__,
        version("PySide6-Essentials"),
    }
    assert not broken
