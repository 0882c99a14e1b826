"""Saves docs/workspace.png: the window on the sample article, its findings underlined
and listed, beside a library of the project's own test articles.

    .venv/bin/python docs/make_screenshot.py [OUTPUT.png] [--theme dark]

Runs headless (offscreen) with throwaway settings, journal and library folders.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("output", nargs="?", type=Path, default=ROOT / "docs" / "workspace.png")
    parser.add_argument("--theme", choices=("light", "dark"), default="light")
    options = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="article-editor-shot-"))
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    os.environ["ARTICLE_EDITOR_CONFIG_DIR"] = str(folder / "config")
    os.environ["ARTICLE_EDITOR_STATE_DIR"] = str(folder / "state")
    os.environ["ARTICLE_EDITOR_LIBRARY"] = str(folder / "library.sqlite3")
    from PySide6.QtGui import QTextCursor
    from PySide6.QtTest import QTest

    from editor_app.app import Startup, application, build_main_window, sample_article
    from editor_app.importers import import_article
    from editor_app.model import Status
    from editor_app.settings import Settings, settings_path
    from editor_app.ui.theme import ThemeManager
    from editor_app.workspace import open_workspace

    app = application()
    workspace = open_workspace()
    assert workspace.library is not None, workspace.library_problem
    statuses = list(Status)
    for number, path in enumerate(sorted((ROOT / "tests/data/corpus/clean").glob("*.md"))):
        article = import_article(path).article
        workspace.library.add_article(article.with_meta(status=statuses[number % len(statuses)]))
    themes = ThemeManager(app)
    themes.apply(options.theme)
    settings = Settings(first_run_done=True, theme=options.theme)
    window = build_main_window(
        Startup(sample_article(), None, settings), settings_path(), themes, workspace
    )
    window.resize(1500, 950)
    window.show()
    live = window.live_checks
    assert live is not None
    deadline = time.monotonic() + 30
    while (not live.findings() or live.is_checking()) and time.monotonic() < deadline:
        app.processEvents()
        time.sleep(0.01)
    # Scroll to the paragraphs with the misspelt names, the cursor resting before them.
    went = next(finding for finding in live.findings() if finding.text == "Went")
    live.go_to(went)
    if window.findings_panel is not None:
        window.findings_panel.select_finding(went)  # its message in full under the list
    cursor = window.editor.textCursor()
    cursor.movePosition(QTextCursor.MoveOperation.StartOfBlock)
    window.editor.setTextCursor(cursor)
    bar = window.editor.verticalScrollBar()
    bar.setValue(bar.value() + window.editor.viewport().height() // 3)
    QTest.qWait(300)
    options.output.parent.mkdir(parents=True, exist_ok=True)
    window.grab().save(str(options.output))
    print(f"saved {options.output}: {len(live.findings())} findings")
    window.editor.document().setModified(False)
    window.panel.mark_saved()
    window.close()
    workspace.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
