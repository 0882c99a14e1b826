"""Two people on one shared PostgreSQL library, each with their own window and
connection: the second to save sees the conflict, and both texts are kept.

Needs ``ARTICLE_EDITOR_TEST_POSTGRES_URL`` (CI starts a server); skipped without it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from editor_app.ui.conflict_dialog import ConflictDialog
from editor_app.ui.main_window import MainWindow
from editor_app.workspace import Workspace, open_workspace
from tests.library.conftest import postgres_server_url, postgres_url
from tests.ui.library_helpers import press_save, shown_child, story, type_headline
from tests.ui.window_helpers import library_of, open_window

__all__ = ["postgres_server_url", "postgres_url"]  # the fixtures this module uses

ORIGINAL = story("Tram depot to close", "The depot closes in March, the council said.")


def desk(tmp_path: Path, url: str, who: str) -> Workspace:
    """One person's workspace: their own folders, the newsroom's shared library."""
    workspace = open_workspace(tmp_path / who / "config", tmp_path / who / "state", url)
    assert workspace.library is not None, workspace.library_problem
    workspace.author = who
    return workspace


@pytest.fixture
def desks(tmp_path: Path, postgres_url: str) -> Iterator[tuple[Workspace, Workspace]]:
    ana, ben = desk(tmp_path, postgres_url, "ana"), desk(tmp_path, postgres_url, "ben")
    yield ana, ben
    ana.close()
    ben.close()


def open_on(qtbot: QtBot, workspace: Workspace, article_id: int) -> MainWindow:
    window = open_window(qtbot, workspace)
    assert window.open_library_article(article_id)
    return window


def test_the_second_to_save_on_a_shared_library_sees_the_conflict(
    qtbot: QtBot, desks: tuple[Workspace, Workspace]
) -> None:
    ana, ben = desks
    article_id = library_of(ana).add_article(ORIGINAL, author="ana").id
    anas, bens = open_on(qtbot, ana, article_id), open_on(qtbot, ben, article_id)
    type_headline(bens, "Tram depot to close in March")
    press_save(qtbot, bens)
    type_headline(anas, "Council closes tram depot")
    press_save(qtbot, anas)
    dialog = shown_child(qtbot, anas, ConflictDialog)
    assert dialog.heading.text().startswith("ben saved version 2")
    dialog.keep_mine_button.click()
    shared = library_of(ben)
    assert shared.get(article_id).article.meta.headline == "Council closes tram depot"
    kept = {shared.revision(article_id, r.number).meta.headline for r in shared.history(article_id)}
    assert {"Tram depot to close", "Tram depot to close in March"} <= kept
