"""The issue's test: a real app process killed with ``kill -9`` in the middle of typing
loses no more than the last two seconds, and the next start restores the text.

The driver runs the real window (``build_main_window`` on a workspace in
temporary folders) and types one character every 30 ms, printing how many it
typed after each. The test notes when it read each count, kills the process
after 120 characters, and expects the journal to hold at least everything
typed two seconds before the kill.
"""

from __future__ import annotations

import os
import queue
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path
from typing import IO

import pytest
from pytestqt.qtbot import QtBot

from editor_app.importers import ImportResult
from editor_app.journal import find_recoverable
from editor_app.library.location import LIBRARY_VARIABLE
from editor_app.model import Article, Metadata
from editor_app.settings import CONFIG_DIR_VARIABLE, Settings
from editor_app.ui.main_window import MainWindow
from editor_app.ui.window_journal import offer_recovery
from editor_app.workspace import STATE_DIR_VARIABLE, Workspace
from tests.ui.window_helpers import keep

pytestmark = [
    pytest.mark.skipif(sys.platform == "win32", reason="SIGKILL and flock are POSIX"),
    pytest.mark.slow,
]

TEXT = "the harbour wall was repaired in six weeks and the boats are back " * 4
KILL_AFTER = 120
ALLOWED_LOSS_SECONDS = 2.0

DRIVER = textwrap.dedent(
    """
    import sys
    from PySide6.QtCore import QTimer
    from PySide6.QtTest import QTest
    from editor_app.app import Startup, application, build_main_window
    from editor_app.importers import ImportResult
    from editor_app.model import Article, Metadata
    from editor_app.settings import Settings, settings_path
    from editor_app.workspace import open_workspace

    text = sys.argv[1]
    app = application()
    store = settings_path()
    workspace = open_workspace(store.parent)
    startup = Startup(ImportResult(Article(Metadata())), None, Settings(first_run_done=True))
    window = build_main_window(startup, store, None, workspace)
    window.show()
    window.editor.setFocus()
    typed = 0

    def type_one() -> None:
        global typed
        if typed < len(text):
            QTest.keyClicks(window.editor, text[typed])
            typed += 1
            print(f"typed {typed}", flush=True)

    ticker = QTimer()
    ticker.timeout.connect(type_one)
    ticker.start(30)
    print("ready", flush=True)
    app.exec()
    """
)


def read_lines(stream: IO[str], into: queue.Queue[tuple[str, float]]) -> None:
    """Each line with the moment it was read (this process's clock)."""
    for line in stream:
        into.put((line.strip(), time.monotonic()))
    into.put(("", time.monotonic()))


def type_and_kill(tmp_path: Path) -> tuple[list[tuple[int, float]], float]:
    """Run the driver, kill it with SIGKILL after ``KILL_AFTER`` characters; the counts
    with when they were read, and when the kill was sent."""
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        CONFIG_DIR_VARIABLE: str(tmp_path / "config"),
        STATE_DIR_VARIABLE: str(tmp_path / "state"),
        LIBRARY_VARIABLE: str(tmp_path / "library.sqlite3"),
    }
    script = tmp_path / "driver.py"
    script.write_text(DRIVER, encoding="utf-8")
    errors = (tmp_path / "driver.err").open("w", encoding="utf-8")
    child = subprocess.Popen(
        [sys.executable, str(script), TEXT],
        stdout=subprocess.PIPE,
        stderr=errors,
        text=True,
        env=environment,
        cwd=Path(__file__).resolve().parents[2],
    )
    assert child.stdout is not None
    lines: queue.Queue[tuple[str, float]] = queue.Queue()
    reader = threading.Thread(target=read_lines, args=(child.stdout, lines), daemon=True)
    reader.start()
    counts: list[tuple[int, float]] = []
    try:
        while not counts or counts[-1][0] < KILL_AFTER:
            line, seen = lines.get(timeout=60)
            assert line, f"the driver ended early: {(tmp_path / 'driver.err').read_text()}"
            if line.startswith("typed "):
                counts.append((int(line.split()[1]), seen))
        killed_at = time.monotonic()
        os.kill(child.pid, signal.SIGKILL)
        assert child.wait(timeout=10) == -signal.SIGKILL
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        reader.join(timeout=10)
        child.stdout.close()
        errors.close()
    return counts, killed_at


def test_a_killed_app_loses_at_most_the_last_two_seconds(qtbot: QtBot, tmp_path: Path) -> None:
    counts, killed_at = type_and_kill(tmp_path)
    safe = max(
        (count for count, seen in counts if seen <= killed_at - ALLOWED_LOSS_SECONDS), default=0
    )
    assert safe > 0, "typing took under two seconds: nothing to expect yet"
    journal_dir = tmp_path / "state" / "journal"
    [entry] = find_recoverable(journal_dir)
    assert entry.article is not None
    journaled = entry.article.plain_body()
    assert TEXT.startswith(journaled), "the journal holds only what was typed"
    assert len(journaled) >= len(TEXT[:safe].rstrip()), (
        f"lost more than two seconds: {len(journaled)} of {safe} characters journaled"
    )

    # The next start offers it; Restore brings it back into the window, unsaved.
    workspace = Workspace(tmp_path / "config", tmp_path / "state")
    window = MainWindow(
        ImportResult(Article(Metadata(headline="Opened at start"))),
        settings=Settings(),
        workspace=workspace,
    )
    keep(qtbot, window)
    window.show()
    dialog = offer_recovery(window)
    assert dialog is not None
    assert TEXT[: len(journaled)].strip() in dialog.preview.toPlainText()
    dialog.restore_button.click()
    assert window.article.plain_body() == journaled
    assert window.is_modified()
    assert find_recoverable(journal_dir) == []
