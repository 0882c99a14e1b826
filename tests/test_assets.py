"""Shipped files are found through importlib.resources, wherever the process was started."""

from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from editor_app.assets import resource

PROBE = textwrap.dedent(
    """
    from editor_app.assets import read_resource_text, resource, sample_article_text
    from editor_app.model import jsonformat
    article = jsonformat.loads(sample_article_text())
    print(bool(article.meta.headline), len(article.body) > 3)
    print(resource("sample", "sample.article.json").is_file())
    print("sample.article.json" in read_resource_text("README.md"))
    """
)


def test_resources_load_from_another_working_directory(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == ["True"] * 4


def test_a_missing_resource_is_not_a_file() -> None:
    assert not resource("sample", "no-such-file.json").is_file()
