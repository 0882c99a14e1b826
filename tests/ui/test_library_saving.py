"""Saving with a library: Ctrl+S goes back where the article came from, and everything
else (the sample, new and imported articles) goes into the library."""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from editor_app.app import open_startup_article
from editor_app.importers import import_article
from editor_app.library import open_library
from editor_app.model import jsonformat
from editor_app.settings import Settings
from editor_app.ui.main_window import MainWindow
from editor_app.ui.window_dialogs import UnsavedChoice
from editor_app.workspace import Workspace
from tests.ui.library_helpers import (
    browser_of,
    listed_headlines,
    press_save,
    record_errors,
    story,
    type_headline,
)
from tests.ui.window_helpers import AUTHOR, library_of, open_window

ORIGINAL = story("Lifeboat station gets a new slipway", "Work starts in March.")
EDITED = "Lifeboat slipway work starts in March"


@pytest.fixture
def window(qtbot: QtBot, workspace: Workspace) -> MainWindow:
    return open_window(qtbot, workspace)


def open_article_file(window: MainWindow, tmp_path: Path) -> Path:
    """ORIGINAL in an article file in ``tmp_path``, opened in ``window``."""
    path = tmp_path / "slipway.article.json"
    path.write_text(jsonformat.dumps(ORIGINAL), encoding="utf-8")
    assert window.open_file(path)
    return path


def test_ctrl_s_on_a_library_article_writes_a_revision(qtbot: QtBot, window: MainWindow) -> None:
    library = library_of(window)
    article_id = library.add_article(ORIGINAL, author="ben").id
    assert window.open_library_article(article_id)
    type_headline(window, EDITED)
    with qtbot.waitSignal(window.saved):
        press_save(qtbot, window)
    assert not window.is_modified()
    stored = library.get(article_id)
    assert (stored.version, stored.article.meta.headline, stored.saved_by) == (2, EDITED, AUTHOR)
    assert window.library_origin is not None and window.library_origin.version == 2
    [revision] = library.history(article_id)
    assert (revision.number, revision.author) == (1, "ben")
    assert library.revision(article_id, 1) == ORIGINAL
    assert listed_headlines(browser_of(window)) == [EDITED]
    assert window.statusBar().currentMessage() == "Saved to the library (version 2)"


def test_the_sample_goes_into_the_library(qtbot: QtBot, workspace: Workspace) -> None:
    sample = open_startup_article(None, Settings(), sample=True).result.article
    window = open_window(qtbot, workspace, sample)
    type_headline(window, EDITED)
    press_save(qtbot, window)
    [summary] = library_of(window).list_articles()
    assert summary.headline == EDITED
    assert library_of(window).get(summary.id).article == window.article
    assert window.library_origin is not None and window.library_origin.article_id == summary.id
    assert window.statusBar().currentMessage() == "Saved to the library"
    type_headline(window, "Second edit")
    press_save(qtbot, window)
    assert [s.headline for s in library_of(window).list_articles()] == ["Second edit"]


def test_an_imported_file_goes_into_the_library(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = tmp_path / "slipway.md"
    path.write_text("# Slipway\n\nWork starts in March.\n", encoding="utf-8")
    assert window.open_file(path)
    assert window.save()
    assert [s.headline for s in library_of(window).list_articles()] == ["Slipway"]
    assert window.source is None
    assert path.read_text(encoding="utf-8") == "# Slipway\n\nWork starts in March.\n"


def test_an_article_file_is_saved_in_place(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = open_article_file(window, tmp_path)
    type_headline(window, EDITED)
    press_save(qtbot, window)
    assert import_article(path).article.meta.headline == EDITED
    assert library_of(window).list_articles() == []
    assert window.library_origin is None


def test_save_to_library_makes_the_window_edit_the_library_copy(
    qtbot: QtBot, window: MainWindow, tmp_path: Path
) -> None:
    path = open_article_file(window, tmp_path)
    action = window.commands["save_to_library"]
    assert action.isEnabled()
    action.trigger()
    assert window.library_origin is not None
    assert not action.isEnabled(), "already in the library"
    article_id = window.library_origin.article_id
    assert library_of(window).get(article_id).article == ORIGINAL
    type_headline(window, EDITED)
    press_save(qtbot, window)
    assert library_of(window).get(article_id).version == 2
    assert import_article(path).article == ORIGINAL, "the file is left alone"


def test_save_as_from_a_library_article_edits_the_file(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    article_id = library_of(window).add_article(ORIGINAL).id
    assert window.open_library_article(article_id)
    target = tmp_path / "copy.article.json"
    monkeypatch.setattr(window, "ask_save_path", lambda: target)
    assert window.save_as()
    assert window.library_origin is None
    assert window.commands["save_to_library"].isEnabled()
    type_headline(window, EDITED)
    press_save(qtbot, window)
    assert import_article(target).article.meta.headline == EDITED
    assert library_of(window).get(article_id).version == 1


def test_the_unsaved_question_saves_to_the_library(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    library = library_of(window)
    first, second = (library.add_article(story(h)).id for h in ("First", "Second"))
    assert window.open_library_article(first)
    type_headline(window, EDITED)
    monkeypatch.setattr(window, "_ask_unsaved", lambda: UnsavedChoice.SAVE)
    assert window.open_library_article(second)
    assert library.get(first).article.meta.headline == EDITED
    assert window.panel.headline.text() == "Second"


def test_a_failed_library_save_is_shown_and_keeps_the_text(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    errors = record_errors(window, monkeypatch)
    article_id = library_of(window).add_article(ORIGINAL).id
    assert window.open_library_article(article_id)
    type_headline(window, EDITED)
    with open_library(tmp_path / "lib.sqlite3") as other:  # another editor deletes it for good
        other.delete(article_id)
        other.empty_trash()
    assert not window.save()
    assert errors == [f"there is no article {article_id} in the library"]
    assert window.is_modified()
    assert window.panel.headline.text() == EDITED
