"""The editor window's speed and memory: start-up, typing latency, resident memory.

(a) Start-up: a fresh ``python`` process until the editor window's first paint,
    with a 5,000-word article, against a bare PySide6 window shown by the same
    Python; the median of each and their ratio (target under 2.5x). As ``run_gui``
    does, the workspace (library, panels, live checks) joins after that paint; the
    time until its first findings are shown is printed too. Both run
    from compiled bytecode (a warm-up run writes it to a temporary folder), as
    an installed app does.
(b) Typing into a 20,000-word article: for each keystroke, the time from
    ``QTest.keyClick`` until the document has the character, the window has
    handled the events it posted (layout, repaint) and ``editor.body()`` returns
    the updated model; p50 and p99 (target: p99 under 16 ms, one frame at 60 Hz).
(c) Resident memory of that process with the article open (target under 300 MB).

Runs offscreen (``QT_QPA_PLATFORM=offscreen``) unless a platform is set.
"""

from __future__ import annotations

import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from benchmarks.corpus import markdown_article

if TYPE_CHECKING:
    from PySide6.QtWidgets import QTextEdit

STARTUP_RATIO_TARGET = 2.5
KEYSTROKE_P99_TARGET_MS = 16.0
MEMORY_TARGET_MB = 300.0
SHOWN = "shown"
READY = "ready"

_BARE_WINDOW = f"""
import sys
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication, QWidget

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print("{SHOWN}", flush=True)
            QApplication.instance().exit(0)
        return False

app = QApplication(sys.argv[:1])
window = QWidget()
window.resize(1280, 860)
spy = FirstPaint()
window.installEventFilter(spy)
window.show()
sys.exit(app.exec())
"""


_EDITOR_WINDOW = f"""
import sys
from pathlib import Path
from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QApplication
from editor_app.app import after_first_paint, application, build_main_window, open_startup_article
from editor_app.settings import load_settings, settings_path
from editor_app.ui.theme import ThemeManager

class FirstPaint(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            print("{SHOWN}", flush=True)
            watched.removeEventFilter(self)
        return False

store = settings_path()
startup = open_startup_article(Path(sys.argv[1]), load_settings(store).settings)
app = application()
themes = ThemeManager(app)
themes.apply(startup.settings.theme)
window = build_main_window(startup, store, themes)
spy = FirstPaint()
window.installEventFilter(spy)

def join_workspace():
    from editor_app.workspace import open_workspace
    window.attach_workspace(open_workspace(store.parent))
    window.live_checks.findings_changed.connect(finish)

def finish():
    print("{READY}", flush=True)
    QApplication.exit(0)

after_first_paint(window, join_workspace)
window.show()
sys.exit(app.exec())
"""
"""The editor's start-up as ``run_gui`` does it (the workspace too: library, panels, live
checks), ending at the window's first paint. Run
with ``-c`` like the bare window, so neither pays for this benchmark module's imports."""


def _time_until_shown(command: Sequence[str], environment: dict[str, str]) -> list[float]:
    """Milliseconds from the start to each line the child prints: the first paint,
    then (for the editor) the workspace joined and its first findings shown."""
    start = time.perf_counter()
    times: list[float] = []
    with subprocess.Popen(
        command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, env=environment
    ) as child:
        assert child.stdout is not None
        lines = []
        for line in child.stdout:
            times.append((time.perf_counter() - start) * 1000)
            lines.append(line.strip())
        child.wait(timeout=60)
    if not lines or lines[0] != SHOWN:
        raise RuntimeError(f"{command[:3]} did not show a window (exit {child.returncode})")
    return times


def write_article(folder: Path, words: int) -> Path:
    from editor_app.importers import import_article
    from editor_app.model import jsonformat

    source = folder / f"long-{words}.md"
    source.write_text(markdown_article(words), encoding="utf-8")
    article = import_article(source).article
    path = folder / f"long-{words}.article.json"
    path.write_text(jsonformat.dumps(article), encoding="utf-8")
    return path


def startup(folder: Path, runs: int) -> tuple[float, float, float]:
    """Median milliseconds to the first paint (bare PySide6 window, the editor), and to
    the editor's workspace joined with the first findings shown."""
    article = write_article(folder, 5_000)
    environment = {
        **os.environ,
        "QT_QPA_PLATFORM": os.environ.get("QT_QPA_PLATFORM", "offscreen"),
        "ARTICLE_EDITOR_CONFIG_DIR": str(folder / "config"),
        "ARTICLE_EDITOR_STATE_DIR": str(folder / "state"),
        "ARTICLE_EDITOR_LIBRARY": str(folder / "library.sqlite3"),
        # An installed app runs from compiled bytecode: let the warm-up run write it
        # (to a temporary folder, not the source tree) even where it is switched off.
        "PYTHONPYCACHEPREFIX": str(folder / "pycache"),
    }
    environment.pop("PYTHONDONTWRITEBYTECODE", None)
    bare_command = [sys.executable, "-c", _BARE_WINDOW]
    editor_command = [sys.executable, "-c", _EDITOR_WINDOW, str(article)]
    _time_until_shown(bare_command, environment)  # warm the disk cache for both
    _time_until_shown(editor_command, environment)
    bare, editor, ready = [], [], []
    for _ in range(runs):
        bare.append(_time_until_shown(bare_command, environment)[0])
        painted, *joined = _time_until_shown(editor_command, environment)
        editor.append(painted)
        ready.extend(joined[:1])
    return statistics.median(bare), statistics.median(editor), statistics.median(ready)


def typing(folder: Path, keystrokes: int) -> tuple[float, float, int, float]:
    """(p50 ms, p99 ms, words, resident MB) of typing into a 20,000-word article."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["ARTICLE_EDITOR_CONFIG_DIR"] = str(folder / "config")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from editor_app.app import application, build_main_window, open_startup_article
    from editor_app.settings import Settings, settings_path

    path = write_article(folder, 20_000)
    application()
    window = build_main_window(
        open_startup_article(path, Settings(first_run_done=True)), settings_path()
    )
    window.resize(1280, 860)
    window.show()
    QApplication.processEvents()
    editor = window.editor
    cursor_to_the_middle(editor)
    QApplication.processEvents()
    text = "the ferry sails at dawn, " * (keystrokes // 25 + 1)
    samples = []
    for character in text[:keystrokes]:
        key = Qt.Key.Key_Space if character == " " else Qt.Key(ord(character.upper()))
        start = time.perf_counter()
        QTest.keyClick(editor, key, Qt.KeyboardModifier.NoModifier, -1)
        QApplication.processEvents()
        body = editor.body()
        samples.append((time.perf_counter() - start) * 1000)
        assert body
    typed = text[:keystrokes].rsplit(" ", 1)[0]
    if typed not in window.article.plain_body():
        raise RuntimeError("the typed text did not reach the model")
    editor.moveCursor(QTextCursor.MoveOperation.End)
    words = window.article.word_count()
    resident = resident_mb()
    window.editor.document().setModified(False)
    window.panel.mark_saved()
    window.close()
    samples.sort()
    p50 = samples[len(samples) // 2]
    p99 = samples[min(len(samples) - 1, round(len(samples) * 0.99))]
    return p50, p99, words, resident


def cursor_to_the_middle(editor: QTextEdit) -> None:
    """Where typing is dearest: the middle of a long article, inside a paragraph."""
    editor.setFocus()
    cursor = editor.textCursor()
    middle = editor.document().findBlockByNumber(editor.document().blockCount() // 2)
    cursor.setPosition(middle.position() + min(20, middle.length() - 1))
    editor.setTextCursor(cursor)


def resident_mb() -> float:
    """Resident memory now (VmRSS), or the peak (ru_maxrss) where /proc is missing."""
    status = Path("/proc/self/status")
    if status.exists():
        for line in status.read_text(encoding="ascii").splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1024 * 1024) if sys.platform == "darwin" else peak / 1024


def _line(name: str, value: str, target: str = "", ok: bool = True) -> None:
    verdict = "" if not target else ("ok" if ok else "OVER TARGET")
    print(f"{name:<52} {value:>12}   {target:<16} {verdict}".rstrip())


def run(repeat: int) -> None:
    with tempfile.TemporaryDirectory() as name:
        folder = Path(name)
        bare, editor, ready = startup(folder, max(3, repeat // 3))
        ratio = editor / bare
        _line("bare PySide6 window: start to first paint", f"{bare:.0f} ms")
        _line("editor, 5,000-word article: start to first paint", f"{editor:.0f} ms")
        target = STARTUP_RATIO_TARGET
        _line("ratio editor / bare", f"{ratio:.2f}", f"target < {target:g}", ratio < target)
        _line("  then library, panels and first findings shown", f"{ready:.0f} ms")
        p50, p99, words, resident = typing(folder, max(200, repeat * 20))
        print(f"typing into a {words:,}-word article (keystroke → document and model):")
        _line("  p50", f"{p50:.2f} ms")
        limit = KEYSTROKE_P99_TARGET_MS
        _line("  p99", f"{p99:.2f} ms", f"target < {limit:g} ms", p99 < limit)
        memory = MEMORY_TARGET_MB
        _line(
            "resident memory with it open",
            f"{resident:.0f} MB",
            f"target < {memory:g} MB",
            resident < memory,
        )


if __name__ == "__main__":
    run(int(sys.argv[1]) if len(sys.argv) > 1 else 15)
