"""Two editors on one article: the second save asks Keep Mine / Take Theirs / Cancel, and
every text typed stays in the library whatever the answer."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from editor_app.library import Library, open_library
from editor_app.model import Article
from editor_app.ui.conflict_dialog import ConflictDialog
from editor_app.ui.main_window import MainWindow
from editor_app.workspace import Workspace
from tests.ui.library_helpers import press_save, shown_child, story, type_headline
from tests.ui.window_helpers import AUTHOR, library_of, open_window

ORIGINAL = story("Ferry fares rise", "Fares go up by eight per cent in May.")
THEIRS = "Ferry fares rise by 8 per cent"
MINE = "Ferry fares to rise in May"


@pytest.fixture
def article_id(workspace: Workspace) -> int:
    return library_of(workspace).add_article(ORIGINAL, author="ben").id


def open_on(qtbot: QtBot, workspace: Workspace, article_id: int) -> MainWindow:
    window = open_window(qtbot, workspace)
    assert window.open_library_article(article_id)
    return window


def conflict_dialog(qtbot: QtBot, window: MainWindow) -> ConflictDialog:
    return shown_child(qtbot, window, ConflictDialog)


def texts_kept(library: Library, article_id: int) -> list[str]:
    """Every headline the library holds for the article: the revisions and the current."""
    revisions = [
        library.revision(article_id, r.number).meta.headline for r in library.history(article_id)
    ]
    return sorted([*revisions, library.get(article_id).article.meta.headline])


@pytest.fixture
def conflict(qtbot: QtBot, workspace: Workspace, article_id: int) -> ConflictDialog:
    """Window one saves after window two did: the dialog is up in window one."""
    first = open_on(qtbot, workspace, article_id)
    second = open_on(qtbot, workspace, article_id)
    type_headline(second, THEIRS)
    workspace.author = "ben"
    press_save(qtbot, second)
    workspace.author = AUTHOR
    type_headline(first, MINE)
    press_save(qtbot, first)
    return conflict_dialog(qtbot, first)


def window_of(dialog: ConflictDialog) -> MainWindow:
    parent = dialog.parentWidget()
    assert isinstance(parent, MainWindow)
    return parent


def test_the_dialog_says_who_saved_and_shows_both(
    conflict: ConflictDialog, article_id: int
) -> None:
    window = window_of(conflict)
    library = library_of(window)
    assert conflict.windowModality() == Qt.WindowModality.WindowModal
    assert conflict.heading.text() == ("ben saved version 2 (just now) since you opened version 1.")
    assert "revision 2" in conflict.explanation.text()
    assert library.revision(article_id, 2).meta.headline == MINE, "kept before asking"
    assert THEIRS in conflict.diff.before_pane.toPlainText()
    assert MINE in conflict.diff.after_pane.toPlainText()
    assert window.is_modified()


def test_keep_mine_saves_over_theirs(conflict: ConflictDialog, article_id: int) -> None:
    window = window_of(conflict)
    conflict.keep_mine_button.click()
    library = library_of(window)
    current = library.get(article_id)
    assert (current.article.meta.headline, current.version) == (MINE, 3)
    assert window.library_origin is not None and window.library_origin.version == 3
    assert not window.is_modified()
    assert texts_kept(library, article_id) == sorted([ORIGINAL.meta.headline, MINE, THEIRS, MINE])


def test_take_theirs_shows_their_version(conflict: ConflictDialog, article_id: int) -> None:
    window = window_of(conflict)
    conflict.take_theirs_button.click()
    assert window.panel.headline.text() == THEIRS
    assert not window.is_modified()
    assert window.library_origin is not None and window.library_origin.version == 2
    assert "revision 2" in window.statusBar().currentMessage()
    library = library_of(window)
    assert texts_kept(library, article_id) == sorted([ORIGINAL.meta.headline, MINE, THEIRS])


@pytest.mark.parametrize("how", ["button", "escape"])
def test_cancel_keeps_editing(conflict: ConflictDialog, article_id: int, how: str) -> None:
    window = window_of(conflict)
    if how == "button":
        conflict.cancel_button.click()
    else:
        QTest.keyClick(conflict, Qt.Key.Key_Escape)
    assert not conflict.isVisible()
    assert window.is_modified()
    assert window.panel.headline.text() == MINE
    assert window.library_origin is not None and window.library_origin.version == 1
    library = library_of(window)
    assert library.get(article_id).article.meta.headline == THEIRS
    assert texts_kept(library, article_id) == sorted([ORIGINAL.meta.headline, MINE, THEIRS])


def test_a_save_from_another_process_in_between(
    qtbot: QtBot, workspace: Workspace, article_id: int, tmp_path: Path
) -> None:
    window = open_on(qtbot, workspace, article_id)
    type_headline(window, MINE)
    with open_library(tmp_path / "lib.sqlite3") as other:
        theirs = ORIGINAL.with_meta(headline=THEIRS)
        other.save(article_id, theirs, expected_version=1, author="ben")
        other.save(article_id, theirs.with_meta(standfirst="Again"), expected_version=2)
    assert not window.save()
    dialog = conflict_dialog(qtbot, window)
    assert "version 3" in dialog.heading.text()
    assert "version 1" in dialog.heading.text()
    dialog.keep_mine_button.click()
    library = library_of(window)
    assert library.get(article_id).article == window.article
    assert library.get(article_id).version == 4
    headlines = [library.revision(article_id, r.number) for r in library.history(article_id)]
    assert [a.meta.headline for a in headlines] == [THEIRS, MINE, THEIRS, ORIGINAL.meta.headline]
    assert isinstance(headlines[0], Article) and headlines[0].meta.standfirst == "Again"
