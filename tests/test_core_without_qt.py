"""The core (model, importers, exporters, settings, the CLI's subcommands) never loads Qt.

Run in a fresh interpreter: in the test process pytest-qt has loaded PySide6 already.
"""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from editor_app.model import Article, Metadata, Paragraph, RichText, jsonformat

PROBE = textwrap.dedent(
    """
    import importlib, pkgutil, sys
    import editor_app.importers, editor_app.export
    for package in (editor_app.importers, editor_app.export):
        for module in pkgutil.iter_modules(package.__path__):
            importlib.import_module(f"{package.__name__}.{module.name}")
    import editor_app.model, editor_app.settings, editor_app.assets, editor_app.cli
    status = [
        editor_app.cli.main(["show", sys.argv[1]]),
        editor_app.cli.main(["show", "--json", sys.argv[1]]),
        editor_app.cli.main(["export", sys.argv[1], "-o", sys.argv[2]]),
        editor_app.cli.main(["export", "--help"]),
    ]
    qt = sorted(name for name in sys.modules if name.startswith(("PySide6", "shiboken6")))
    print("RESULT", status, qt)
    """
)


def test_core_and_cli_subcommands_do_not_import_qt(tmp_path: Path) -> None:
    source = tmp_path / "story.article.json"
    article = Article(
        Metadata(headline="Lock keeper retires"),
        (Paragraph(RichText.plain_text("After 40 years.")),),
    )
    source.write_text(jsonformat.dumps(article), encoding="utf-8")
    done = subprocess.run(
        [sys.executable, "-c", PROBE, str(source), str(tmp_path / "copy.article.json")],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "RESULT [0, 0, 0, 0] []"
