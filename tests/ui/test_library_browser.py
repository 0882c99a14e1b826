"""The library sidebar: listing, search with snippets, filters, and the commands on an article."""

from __future__ import annotations

import html
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from editor_app.library import ArticleNotFound, SearchFilters, open_library
from editor_app.model import Status
from editor_app.ui.library_browser import LibraryBrowser
from editor_app.ui.library_list import CURRENT_ROLE, snippet_html
from editor_app.ui.main_window import MainWindow
from editor_app.ui.time_text import relative_time
from editor_app.workspace import Workspace, open_workspace
from tests.ui.library_helpers import (
    browser_of,
    click_button,
    listed_headlines,
    open_box,
    record_errors,
    story,
)
from tests.ui.window_helpers import library_of, open_window

HEADLINES = ("Harbour pilots vote to strike", "Council approves cycle lanes", "Rovers sign striker")


@pytest.fixture
def workspace(workspace: Workspace) -> Workspace:
    """The shared workspace, its library holding the three ``HEADLINES``."""
    library = library_of(workspace)
    library.add_article(
        story(HEADLINES[0], "Pilots at the harbour stop work.", section="News", tags=("ports",))
    )
    library.add_article(
        story(HEADLINES[1], "Lanes on the high street.", section="News", status=Status.READY)
    )
    library.add_article(
        story(HEADLINES[2], "A two-year deal.", section="Sport", tags=("football",))
    )
    return workspace


@pytest.fixture
def window(qtbot: QtBot, workspace: Workspace) -> MainWindow:
    return open_window(qtbot, workspace)


def select(browser: LibraryBrowser, headline: str) -> int:
    row = next(row for row in browser.model.rows() if row.headline == headline)
    assert browser.select(row.article_id)
    return row.article_id


def test_lists_the_newest_articles_first(window: MainWindow) -> None:
    browser = browser_of(window)
    assert browser.objectName() == "libraryBrowser"
    assert browser.windowTitle() == "Library"
    assert listed_headlines(browser) == list(reversed(HEADLINES))
    assert browser.count_label.text() == "3 articles"


def test_search_as_you_type_shows_snippets(qtbot: QtBot, window: MainWindow) -> None:
    browser = browser_of(window)
    QTest.keyClicks(browser.search_box, "harbour")
    qtbot.waitUntil(lambda: listed_headlines(browser) == [HEADLINES[0]])
    row = browser.model.rows()[0]
    assert "«harbour»" in row.snippet
    assert "<b>harbour</b>" in snippet_html(row.snippet)
    browser.search_box.clear()
    qtbot.waitUntil(lambda: len(listed_headlines(browser)) == 3)


def test_an_empty_list_says_why(qtbot: QtBot, window: MainWindow) -> None:
    browser = browser_of(window)
    assert browser.model.rowCount() == 3
    browser.search_box.setText("zeppelin")
    browser.refresh()
    assert browser.model.rowCount() == 0 and "zeppelin" in browser.list.hint
    browser.search_box.clear()
    browser.filter_bar.status_filter.setCurrentIndex(
        browser.filter_bar.status_filter.findData(Status.PUBLISHED.value)
    )
    assert browser.model.rowCount() == 0 and "status" in browser.list.hint
    browser.filter_bar.status_filter.setCurrentIndex(0)
    browser.trash_action.trigger()
    assert browser.model.rowCount() == 0 and browser.list.hint == "The trash is empty."
    with_hint = browser.list.viewport().grab().toImage()
    browser.list.set_hint("")
    assert browser.list.viewport().grab().toImage() != with_hint  # painted, not only kept


def test_an_empty_library_says_how_to_fill_it(qtbot: QtBot, tmp_path: Path) -> None:
    empty = open_workspace(tmp_path / "c", tmp_path / "s", tmp_path / "empty.sqlite3")
    try:
        browser = browser_of(open_window(qtbot, empty))
        assert browser.model.rowCount() == 0 and "Ctrl+S" in browser.list.hint
    finally:
        empty.close()


def test_bad_query_is_said_under_the_box(qtbot: QtBot, window: MainWindow) -> None:
    browser = browser_of(window)
    QTest.keyClicks(browser.search_box, "budget OR")
    QTest.keyClick(browser.search_box, Qt.Key.Key_Return)
    assert browser.problem_label.isVisible()
    assert browser.problem_label.text() == "Put a word on each side of OR, as in Paris OR Berlin."
    QTest.keyClicks(browser.search_box, " vote")
    QTest.keyClick(browser.search_box, Qt.Key.Key_Return)
    assert not browser.problem_label.isVisible()


@given(st.text())
def test_snippet_html_escapes_the_text_and_bolds_the_matches(text: str) -> None:
    plain = text.replace("«", "").replace("»", "")
    marked = f"{plain}«{plain}»{plain}"
    shown = snippet_html(marked)
    assert html.unescape(re.sub("</?b>", "", shown)) == plain * 3
    assert shown.count("<b>") == 1
    assert "<" not in re.sub("</?b>", "", shown)


def test_filters_by_status_section_and_tag(window: MainWindow) -> None:
    browser = browser_of(window)
    browser.filter_bar.status_filter.setCurrentIndex(
        browser.filter_bar.status_filter.findData(Status.READY.value)
    )
    assert listed_headlines(browser) == [HEADLINES[1]]
    browser.filter_bar.status_filter.setCurrentIndex(0)
    sections = [
        browser.filter_bar.section_filter.itemText(n)
        for n in range(browser.filter_bar.section_filter.count())
    ]
    assert sections == ["Section", "News", "Sport"]
    browser.filter_bar.section_filter.setCurrentIndex(
        browser.filter_bar.section_filter.findData("News")
    )
    assert listed_headlines(browser) == [HEADLINES[1], HEADLINES[0]]
    browser.filter_bar.tag_filter.setCurrentIndex(browser.filter_bar.tag_filter.findData("ports"))
    assert listed_headlines(browser) == [HEADLINES[0]]


def test_double_click_opens_and_highlights(qtbot: QtBot, window: MainWindow) -> None:
    browser = browser_of(window)
    number = listed_headlines(browser).index(HEADLINES[1])
    place = browser.list.visualRect(browser.model.index(number)).center()
    QTest.mouseClick(browser.list.viewport(), Qt.MouseButton.LeftButton, pos=place)
    QTest.mouseDClick(browser.list.viewport(), Qt.MouseButton.LeftButton, pos=place)
    assert window.panel.headline.text() == HEADLINES[1]
    assert window.library_origin is not None
    assert window.library_origin.version == 1
    assert browser.model.index(number).data(CURRENT_ROLE) is True
    assert not window.is_modified()


def test_enter_opens_the_selected_article(window: MainWindow) -> None:
    browser = browser_of(window)
    select(browser, HEADLINES[2])
    browser.list.setFocus()
    QTest.keyClick(browser.list, Qt.Key.Key_Return)
    assert window.panel.headline.text() == HEADLINES[2]


def test_new_adds_a_library_article(window: MainWindow) -> None:
    browser = browser_of(window)
    browser.new_action.trigger()
    assert window.library_origin is not None
    assert len(listed_headlines(browser)) == 4
    assert library_of(window).get(window.library_origin.article_id).article.meta.headline == ""
    assert browser.model.rows()[0].title == "Untitled"
    assert browser.model.index(0).data(CURRENT_ROLE) is True


def test_duplicate_adds_a_draft_copy(window: MainWindow) -> None:
    browser = browser_of(window)
    original = select(browser, HEADLINES[1])
    browser.duplicate_action.trigger()
    copy = browser.model.rows()[0]
    assert copy.headline == f"Copy of {HEADLINES[1]}"
    assert copy.status is Status.DRAFT
    assert browser.selected_id() == copy.article_id != original
    stored = library_of(window).get(copy.article_id).article
    assert stored.body == library_of(window).get(original).article.body


def test_delete_asks_then_moves_to_the_trash(qtbot: QtBot, window: MainWindow) -> None:
    browser = browser_of(window)
    article_id = select(browser, HEADLINES[0])
    browser.delete_action.trigger()
    click_button(open_box(qtbot, window), "Cancel")
    assert HEADLINES[0] in listed_headlines(browser)
    browser.delete_action.trigger()
    click_button(open_box(qtbot, window), "Move to Trash")
    assert HEADLINES[0] not in listed_headlines(browser)
    assert [s.id for s in library_of(window).list_trash()] == [article_id]


def test_deleting_the_open_article_keeps_its_text_unsaved(qtbot: QtBot, window: MainWindow) -> None:
    browser = browser_of(window)
    article_id = select(browser, HEADLINES[2])
    assert window.open_library_article(article_id)
    browser.delete_action.trigger()
    click_button(open_box(qtbot, window), "Move to Trash")
    assert window.library_origin is None
    assert window.is_modified()
    assert window.panel.headline.text() == HEADLINES[2]


def test_trash_restore_and_empty(qtbot: QtBot, window: MainWindow) -> None:
    browser = browser_of(window)
    library = library_of(window)
    for row in browser.model.rows()[:2]:
        library.delete(row.article_id)
    browser.refresh()
    browser.trash_action.trigger()
    assert listed_headlines(browser) == [HEADLINES[1], HEADLINES[2]]
    assert browser.restore_action.isVisible() and not browser.new_action.isVisible()
    select(browser, HEADLINES[2])
    browser.restore_action.trigger()
    assert listed_headlines(browser) == [HEADLINES[1]]
    browser.empty_trash_action.trigger()
    click_button(open_box(qtbot, window), "Empty Trash")
    assert listed_headlines(browser) == []
    assert window.statusBar().currentMessage() == "Trash emptied: 1 article deleted for good"
    browser.trash_action.trigger()
    assert sorted(listed_headlines(browser)) == sorted([HEADLINES[0], HEADLINES[2]])


def test_status_change_follows_into_the_open_article(window: MainWindow) -> None:
    browser = browser_of(window)
    article_id = select(browser, HEADLINES[0])
    assert window.open_library_article(article_id)
    browser.status_actions[Status.PUBLISHED].trigger()
    assert library_of(window).get(article_id).article.meta.status is Status.PUBLISHED
    assert window.panel.metadata().status is Status.PUBLISHED
    assert not window.is_modified()
    assert browser.model.rows()[0].status is Status.PUBLISHED
    assert window.save(), "the status change is not a conflict"
    assert library_of(window).get(article_id).article.meta.status is Status.PUBLISHED


def test_library_errors_are_shown_not_raised(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    errors = record_errors(window, monkeypatch)
    browser = browser_of(window)
    article_id = select(browser, HEADLINES[0])
    with open_library(tmp_path / "lib.sqlite3") as other:  # another editor empties it
        other.delete(article_id)
        other.empty_trash()
    assert not browser.open_selected()
    browser.status_actions[Status.READY].trigger()
    assert not browser.duplicate_selected()
    assert errors == [f"there is no article {article_id} in the library"] * 3
    with pytest.raises(ArticleNotFound):
        library_of(window).get(article_id)


def test_view_menu_toggles_the_dock(window: MainWindow) -> None:
    browser, toggle = browser_of(window), window.commands["library_panel"]
    assert toggle.isChecked() and browser.isVisible()
    toggle.trigger()
    assert not browser.isVisible() and not toggle.isChecked()
    toggle.trigger()
    assert browser.isVisible()


def test_no_dock_without_a_library(qtbot: QtBot, tmp_path: Path) -> None:
    (tmp_path / "not-a-library.sqlite3").write_text("plain text", encoding="utf-8")
    workspace = open_workspace(tmp_path / "c", tmp_path / "s", tmp_path / "not-a-library.sqlite3")
    assert workspace.library is None
    window = open_window(qtbot, workspace, story("A"))
    assert window.library_browser is None
    assert not window.commands["library_panel"].isEnabled()
    assert not window.commands["save_to_library"].isEnabled()


def test_listing_asks_for_few_rows(window: MainWindow) -> None:
    library = library_of(window)
    library.add_articles(story(f"Story {n}") for n in range(205))
    browser = browser_of(window)
    browser.refresh()
    assert len(browser.model.rows()) == 200
    assert browser.count_label.text() == "the newest 200 articles"
    assert library.list_articles(SearchFilters(), limit=None)[-1].headline == HEADLINES[0]


@pytest.mark.parametrize(
    ("ago", "expected"),
    [
        (timedelta(seconds=5), "just now"),
        (timedelta(minutes=5), "5 min ago"),
        (timedelta(hours=2, minutes=59), "2 h ago"),
        (timedelta(days=400), None),
    ],
)
def test_relative_time(ago: timedelta, expected: str | None) -> None:
    now = datetime(2024, 6, 15, 12, 0, tzinfo=UTC)
    said = relative_time(now - ago, now)
    if expected is None:
        local = (now - ago).astimezone()
        assert said == f"{local.day} {local.strftime('%b')} {local.year}"
    else:
        assert said == expected
