"""``Library.search`` on a small newsroom library, on SQLite and on PostgreSQL.

The read-only tests share one library per dialect (built once per module); the tests that
change articles use the fresh ``library`` fixture.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import URL, create_engine

from editor_app.library import (
    Library,
    SearchFilters,
    SearchQueryError,
    open_library,
    search_query,
    search_sqlite,
)
from editor_app.model import Status
from tests.library.builders import build_article

PUBLISHED, READY, IN_EDIT, DRAFT = Status.PUBLISHED, Status.READY, Status.IN_EDIT, Status.DRAFT

GRAIN = "Erdoğan and Guterres discuss grain corridor"
TRAM_BUDGET = "Council approves tram budget after all-night session"
BUS_STRIKE = "Bus drivers announce two-day strike"
WAITING_LISTS = "Hospital waiting lists fall for third month"
ENERGY_PLAN = "Prime Minister defends energy plan"
FESTIVAL = "Festival counts the cost of the storm"
MANAGER = "Club appoints Yılmaz as manager"
RIVER_PATH = "River path closed after flooding"
LEAK = "Minister's office denies budget leak"
MUSEUM = "Museum reopens after roof repairs"
CARGO = "Airport expands cargo terminal"
TRASHED = "Erdoğan interview notes"

NEWSROOM = (
    build_article(
        GRAIN,
        (
            "President Recep Tayyip Erdoğan hosted the UN secretary-general for three hours "
            "of talks on Tuesday.",
            "Officials said the ministers of both delegations would meet again next week.",
        ),
        standfirst="Talks in Ankara ran past midnight",
        byline="Selin Aydın",
        section="World",
        tags=("turkey", "united nations"),
        status=PUBLISHED,
    ),
    build_article(
        TRAM_BUDGET,
        (
            "Councillors voted 31 to 20 to fund the eastern line.",
            "The regional finance minister welcomed the decision.",
        ),
        standfirst="Opposition councillors walked out before the final vote",
        byline="Mira Sandoval",
        section="Politics",
        tags=("budget", "trams"),
        status=PUBLISHED,
    ),
    build_article(
        BUS_STRIKE,
        (
            "Drivers at the northern depot will walk out on Friday, the union said.",
            "Passengers were told to expect the tram network to be busier than usual.",
            "Union organiser Søren Ødegaard said talks had broken down.",
        ),
        byline="Kofi Mensah",
        section="Transport",
        tags=("strikes", "buses"),
        status=IN_EDIT,
    ),
    build_article(
        WAITING_LISTS,
        (
            "Dr Zoë Lefèvre, who leads the orthopaedic ward, credited the weekend clinics.",
            "Waiting lists remain longer than before the pandemic.",
        ),
        standfirst="Figures from the health board show a steady improvement",
        byline="Amara Okafor",
        section="Health",
        tags=("hospitals", "nurses"),
        status=DRAFT,
    ),
    build_article(
        ENERGY_PLAN,
        (
            "The prime minister told parliament that household bills would fall by winter.",
            "Ministerial colleagues were less certain in private.",
        ),
        byline="Mira Sandoval",
        section="Politics",
        tags=("energy", "climate"),
        status=PUBLISHED,
    ),
    build_article(
        FESTIVAL,
        (
            "Organisers said the main stage was closed for a day after high winds.",
            "Some headliners, including a band from Łódź, played a second night for free.",
        ),
        section="Culture",
        tags=("festival",),
        status=READY,
    ),
    build_article(
        MANAGER,
        (
            "Ahmet Yılmaz signed a three-year contract on Monday.",
            "The chairman said the search had taken four months.",
        ),
        byline="Jonas Brandt",
        section="Sport",
        tags=("football",),
        status=DRAFT,
    ),
    build_article(
        RIVER_PATH,
        (
            "The council said the path would stay shut until engineers had checked the bank.",
            "Residents were asked to use the tram bridge instead.",
        ),
        section="Environment",
        tags=("flooding",),
        status=IN_EDIT,
    ),
    build_article(
        LEAK,
        (
            "A spokesperson said no figures had been shared with journalists.",
            "The inquiry will report next month.",
        ),
        section="Politics",
        tags=("budget",),
        status=READY,
    ),
    build_article(
        MUSEUM,
        (
            "The west gallery opens again on Saturday with free entry for a week and a show "
            "of football shirts.",
        ),
        section="Culture",
        status=PUBLISHED,
    ),
    build_article(
        CARGO,
        (
            "Two new warehouses will double the freight the airport can handle, said its "
            "director, Eva Brandt.",
        ),
        section="Business",
        status=DRAFT,
    ),
    build_article(
        TRASHED,
        ("Notes from the interview with Erdoğan, not for publication.",),
        section="World",
    ),
)


@dataclass(frozen=True)
class Newsroom:
    library: Library
    ids: dict[str, int]

    def headlines(self, query: str, filters: SearchFilters | None = None) -> set[str]:
        filters = SearchFilters() if filters is None else filters
        return {hit.headline for hit in self.library.search(query, filters)}


def _fill(library: Library) -> Newsroom:
    ids = {article.meta.headline: library.add_article(article).id for article in NEWSROOM}
    library.delete(ids[TRASHED])
    return Newsroom(library, ids)


@pytest.fixture(scope="module", params=["sqlite", "postgresql"])
def newsroom(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Newsroom]:
    if request.param == "sqlite":
        with open_library(tmp_path_factory.mktemp("newsroom") / "library.sqlite3") as library:
            yield _fill(library)
        return
    server: URL = request.getfixturevalue("postgres_server_url")
    own = server.set(database=f"{server.database}_search")
    admin = create_engine(server, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{own.database}"')
            connection.exec_driver_sql(f'CREATE DATABASE "{own.database}"')
        with open_library(own.render_as_string(hide_password=False)) as library:
            yield _fill(library)
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE "{own.database}" (FORCE)')
    finally:
        admin.dispose()


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("erdogan", {GRAIN}),
        ("Erdoğan", {GRAIN}),
        ("ERDOGAN", {GRAIN}),
        ("Guterres", {GRAIN}),
        ("yilmaz", {MANAGER}),
        ("Yılmaz", {MANAGER}),
        ("Lefevre zoe", {WAITING_LISTS}),
        ("Søren Ødegaard", {BUS_STRIKE}),
        ("Łódź", {FESTIVAL}),
        ("tram", {TRAM_BUDGET, BUS_STRIKE, RIVER_PATH}),
        ("tram council", {TRAM_BUDGET, RIVER_PATH}),
        ("tram AND council", {TRAM_BUDGET, RIVER_PATH}),
        ("minist*", {GRAIN, TRAM_BUDGET, ENERGY_PLAN, LEAK}),
        ("MINIST*", {GRAIN, TRAM_BUDGET, ENERGY_PLAN, LEAK}),
        ("walk*", {TRAM_BUDGET, BUS_STRIKE}),
        ('"prime minister"', {ENERGY_PLAN}),
        ("“prime minister”", {ENERGY_PLAN}),
        ('"minister prime"', set()),
        ('"tram bridge"', {RIVER_PATH}),
        ('"finance minist"*', {TRAM_BUDGET}),
        ("budget OR energy", {TRAM_BUDGET, ENERGY_PLAN, LEAK}),
        ("tram OR bus* council", {TRAM_BUDGET, RIVER_PATH}),
        ("budget -leak", {TRAM_BUDGET}),
        ("budget NOT leak", {TRAM_BUDGET}),
        ('tram -"tram bridge"', {TRAM_BUDGET, BUS_STRIKE}),
        ("headline:budget", {TRAM_BUDGET, LEAK}),
        ("headline:tram", {TRAM_BUDGET}),
        ("body:tram", {BUS_STRIKE, RIVER_PATH}),
        ("body:budget", set()),
        ("tags:budget", {TRAM_BUDGET, LEAK}),
        ('tag:"united nations"', {GRAIN}),
        ("byline:sandoval", {TRAM_BUDGET, ENERGY_PLAN}),
        ("byline:minister", set()),
        ("standfirst:midnight", {GRAIN}),
        ("standfirst:midn*", {GRAIN}),
        ("tram -body:tram", {TRAM_BUDGET}),
        ("Mensah", {BUS_STRIKE}),
        ("climate", {ENERGY_PLAN}),
        ("two-day", {BUS_STRIKE}),
        ("10:30", set()),
        ("submarine", set()),
    ],
)
def test_query_finds(newsroom: Newsroom, query: str, expected: set[str]) -> None:
    assert newsroom.headlines(query) == expected


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("tram", TRAM_BUDGET),  # headline beats body
        ("figures", WAITING_LISTS),  # standfirst beats body
        ("football", MANAGER),  # tags beat body
        ("brandt", MANAGER),  # byline beats body
        ("walk*", TRAM_BUDGET),  # standfirst beats body
    ],
)
def test_best_match_comes_first(newsroom: Newsroom, query: str, first: str) -> None:
    hits = newsroom.library.search(query)
    assert hits[0].headline == first
    assert [hit.rank for hit in hits] == sorted((hit.rank for hit in hits), reverse=True)


@pytest.mark.parametrize(
    ("query", "marked"),
    [
        ("yilmaz", "Ahmet «Yılmaz» signed"),
        ("yılm*", "Ahmet «Yılmaz» signed"),
        ("Guterres", "Erdoğan and «Guterres» discuss"),  # only the headline matches
        ("midnight", "Ankara ran past «midnight»"),
        ("nurses", "«nurses»"),
        ("Mensah", "Kofi «Mensah»"),
        ("lefevre", "Zoë «Lefèvre», who leads"),
    ],
)
def test_snippet_marks_the_match(newsroom: Newsroom, query: str, marked: str) -> None:
    (hit,) = newsroom.library.search(query)
    assert marked in hit.snippet


def test_snippet_marks_each_word_of_a_phrase(newsroom: Newsroom) -> None:
    (hit,) = newsroom.library.search('"household bills"')
    assert "«household" in hit.snippet
    assert "bills»" in hit.snippet


def test_snippet_is_plain_text_on_one_line(newsroom: Newsroom) -> None:
    (hit,) = newsroom.library.search("pandemic")
    assert "«pandemic»" in hit.snippet
    assert "\n" not in hit.snippet
    assert "<" not in hit.snippet


def test_hit_carries_the_article_details(newsroom: Newsroom) -> None:
    (hit,) = newsroom.library.search("corridor")
    assert (hit.article_id, hit.headline, hit.status, hit.section) == (
        newsroom.ids[GRAIN],
        GRAIN,
        PUBLISHED,
        "World",
    )
    assert abs(hit.updated - datetime.now(UTC)) < timedelta(hours=1)
    assert hit.rank > 0


TODAY = datetime.now(UTC).date()


@pytest.mark.parametrize(
    ("query", "filters", "expected"),
    [
        ("minist*", SearchFilters(status=PUBLISHED), {GRAIN, TRAM_BUDGET, ENERGY_PLAN}),
        ("minist*", SearchFilters(status=READY), {LEAK}),
        ("minist*", SearchFilters(status=DRAFT), set()),
        ("budget", SearchFilters(section="Politics"), {TRAM_BUDGET, LEAK}),
        ("budget", SearchFilters(section="politics"), {TRAM_BUDGET, LEAK}),
        ("tram", SearchFilters(section="Transport"), {BUS_STRIKE}),
        ("tram", SearchFilters(tag="trams"), {TRAM_BUDGET}),
        ("tram", SearchFilters(tag="football"), set()),
        ("said", SearchFilters(tag="football", status=DRAFT), {MANAGER}),
        (
            "tram",
            SearchFilters(updated_from=TODAY - timedelta(days=1)),
            {TRAM_BUDGET, BUS_STRIKE, RIVER_PATH},
        ),
        ("tram", SearchFilters(updated_to=TODAY - timedelta(days=1)), set()),
        ("tram", SearchFilters(updated_from=TODAY + timedelta(days=1)), set()),
        ("erdogan", SearchFilters(), {GRAIN}),
        ("erdogan", SearchFilters(include_deleted=True), {GRAIN, TRASHED}),
        ("interview", SearchFilters(), set()),
    ],
)
def test_filters(
    newsroom: Newsroom,
    filter_strategy: None,
    query: str,
    filters: SearchFilters,
    expected: set[str],
) -> None:
    assert newsroom.headlines(query, filters) == expected


@pytest.fixture(params=["id lists", "row checks"])
def filter_strategy(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """SQLite turns a filter into a list of ids or, when that list would be long, into a
    check of each candidate: both must give the same answers."""
    if request.param == "row checks":
        monkeypatch.setattr(search_sqlite, "LONG_ID_LIST", 0)


@pytest.mark.parametrize(("limit", "count"), [(1, 1), (2, 2), (10, 4), (0, 0)])
def test_limit(newsroom: Newsroom, limit: int, count: int) -> None:
    assert len(newsroom.library.search("minist*", limit=limit)) == count


@pytest.mark.parametrize("query", ['"tram', "*", "tram OR", "-tram", "", "headline:"])
def test_malformed_query_is_refused(newsroom: Newsroom, query: str) -> None:
    with pytest.raises(SearchQueryError):
        newsroom.library.search(query)


def test_malformed_query_is_refused_even_without_room_for_hits(newsroom: Newsroom) -> None:
    with pytest.raises(SearchQueryError):
        newsroom.library.search('"tram', limit=0)


@settings(suppress_health_check=[HealthCheck.function_scoped_fixture], deadline=None)
@given(query=st.text(alphabet=st.characters(exclude_categories=["Cs"])) | st.text('"*-:OR tram'))
def test_any_text_finds_articles_or_is_refused(newsroom: Newsroom, query: str) -> None:
    try:
        hits = newsroom.library.search(query)
    except SearchQueryError:
        return
    assert all(hit.article_id in newsroom.ids.values() for hit in hits)


# -- the index follows the articles --------------------------------------------------------


def test_saved_text_is_searchable(library: Library) -> None:
    stored = library.add_article(build_article("Harbour pilots vote to strike"))
    library.save(stored.id, build_article("Harbour pilots call off strike"), expected_version=1)
    assert [hit.headline for hit in library.search("call off")] == [
        "Harbour pilots call off strike"
    ]
    assert library.search("vote") == []


def test_trashed_article_comes_back_with_undelete(library: Library) -> None:
    stored = library.add_article(build_article())
    library.delete(stored.id)
    assert library.search("pilots") == []
    library.undelete(stored.id)
    assert [hit.article_id for hit in library.search("pilots")] == [stored.id]


def test_emptied_trash_leaves_the_index(library: Library) -> None:
    stored = library.add_article(build_article())
    library.delete(stored.id)
    library.empty_trash()
    assert library.search("pilots", SearchFilters(include_deleted=True)) == []
    assert library.integrity_check() == []


def test_status_change_keeps_the_article_findable(library: Library) -> None:
    stored = library.add_article(build_article())
    library.set_status(stored.id, Status.PUBLISHED)
    hits = library.search("pilots", SearchFilters(status=Status.PUBLISHED))
    assert [hit.article_id for hit in hits] == [stored.id]
    assert library.integrity_check() == []


def test_only_the_newest_candidates_are_ranked(
    library: Library, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A word in more articles than ``CANDIDATES`` ranks the newest of them: here even the
    oldest article's headline match is left out."""
    monkeypatch.setattr(search_query, "CANDIDATES", 3)
    oldest = library.add_article(build_article("Ferry fares frozen", ["Nothing else."]))
    newer = [
        library.add_article(build_article(f"Harbour news {number}", ["The ferry was late."]))
        for number in range(4)
    ]
    hits = library.search("ferry")
    assert {hit.article_id for hit in hits} == {stored.id for stored in newer[1:]}
    assert oldest.id not in {hit.article_id for hit in library.search("ferry OR fares")}
    assert [hit.article_id for hit in library.search("fares")] == [oldest.id]


def test_restored_revision_is_searchable(library: Library) -> None:
    stored = library.add_article(build_article("Ferry timetable cut"))
    library.save(stored.id, build_article("Ferry timetable restored"), expected_version=1)
    library.restore(stored.id, 1)
    assert [hit.headline for hit in library.search("cut")] == ["Ferry timetable cut"]
    assert library.search("restored") == []
