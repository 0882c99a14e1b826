"""A process killed with SIGKILL in the middle of saving leaves a healthy library holding
one whole committed text: each save is one transaction."""

from __future__ import annotations

import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from editor_app.library import open_library
from tests.library.save_loop import article_for

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 5


def run_until_killed(path: Path, article_id: int, first_save: int, delay: float) -> list[int]:
    """Start the save loop, let it commit at least once, kill it after ``delay`` seconds;
    the saves it reported as committed."""
    child = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "tests.library.save_loop",
            str(path),
            str(article_id),
            str(first_save),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "PYTHONDONTWRITEBYTECODE": "1"},
    )
    assert child.stdout is not None
    first = child.stdout.readline()
    if not first:
        child.wait(timeout=30)
        pytest.fail(
            f"the save loop died before saving: {child.stderr.read() if child.stderr else ''}"
        )
    time.sleep(delay)
    child.send_signal(signal.SIGKILL)
    rest, _errors = child.communicate(timeout=30)
    assert child.returncode == -signal.SIGKILL
    return [int(line) for line in [first, *rest.splitlines()] if line.strip()]


@pytest.mark.slow
def test_killed_saves_leave_one_whole_committed_text(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    with open_library(path) as library:
        article_id = library.add_article(article_for(0)).id
    generator = random.Random(20261128)
    next_save = 1
    for _round in range(ROUNDS):
        committed = run_until_killed(path, article_id, next_save, generator.uniform(0.05, 0.4))
        last_reported = committed[-1]
        with open_library(path, create=False) as library:
            assert library.integrity_check() == []
            stored = library.get(article_id)
            save = int(stored.article.meta.headline.removeprefix("Save number "))
            # The save in flight may have committed just before the kill, unreported.
            assert save in {last_reported, last_reported + 1}
            assert stored.article == article_for(save)
            assert stored.version == save + 1
            assert [r.number for r in library.history(article_id)] == list(range(save, 0, -1))
        next_save = save + 1
