"""Adding, reading, saving, listing and trashing articles, on both dialects."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta

import pytest

from editor_app.library import ArticleNotFound, Library, SearchFilters
from editor_app.model import Article, Status

Make = Callable[..., Article]


def test_added_article_reads_back_equal(library: Library, make_article: Make) -> None:
    article = make_article(section="Business", tags=("ports", "Labour"))
    stored = library.add_article(article)
    assert library.get(stored.id).article == article
    assert (stored.version, stored.deleted) == (1, False)


def test_times_are_utc_aware(library: Library, make_article: Make) -> None:
    before = datetime.now(UTC)
    stored = library.get(library.add_article(make_article()).id)
    assert stored.created.tzinfo is not None
    assert before - timedelta(seconds=1) <= stored.updated <= datetime.now(UTC)


@pytest.mark.parametrize(
    ("headlines", "expected"),
    [
        (["Ça va, Zürich?"], ["ca-va-zurich"]),
        (["", "!!!"], ["article", "article-2"]),
        (
            ["Port strike", "Port strike", "Port strike"],
            ["port-strike", "port-strike-2", "port-strike-3"],
        ),
    ],
)
def test_slugs_are_ascii_and_unique(
    library: Library, make_article: Make, headlines: list[str], expected: list[str]
) -> None:
    slugs = [library.add_article(make_article(headline)).slug for headline in headlines]
    assert slugs == expected


def test_save_replaces_text_and_counts_versions(library: Library, make_article: Make) -> None:
    stored = library.add_article(make_article("First headline"))
    edited = make_article("Second headline", ["A new opening paragraph."])
    saved = library.save(stored.id, edited, expected_version=1, author="ana")
    assert (saved.version, library.get(stored.id).version) == (2, 2)
    assert library.get(stored.id).article == edited
    assert saved.slug == stored.slug, "the slug stays when the headline changes"


@pytest.mark.parametrize(
    "call",
    [
        lambda lib, art: lib.get(999),
        lambda lib, art: lib.save(999, art, expected_version=1),
        lambda lib, art: lib.delete(999),
        lambda lib, art: lib.set_status(999, Status.READY),
        lambda lib, art: lib.record_export(999, "html", "/tmp/a.html"),
        lambda lib, art: lib.history(999),
    ],
)
def test_unknown_article_is_reported(
    library: Library, make_article: Make, call: Callable[[Library, Article], object]
) -> None:
    with pytest.raises(ArticleNotFound, match="no article 999"):
        call(library, make_article())


def test_list_is_newest_first_with_summary_fields(library: Library, make_article: Make) -> None:
    first = library.add_article(make_article("Older story", section=" Local  News "))
    second = library.add_article(make_article("Newer story", tags=("Rail", "rail ", "Buses")))
    library.save(
        first.id, make_article("Older story, updated", section="local news"), expected_version=1
    )
    listed = library.list_articles()
    assert [summary.id for summary in listed] == [first.id, second.id]
    assert listed[0].section == "Local News", "sections match regardless of case and spacing"
    assert listed[1].tags == ("buses", "rail")
    assert listed[1].word_count == make_article().word_count()


@pytest.mark.parametrize(("first", "second"), [("Économie", "ÉCONOMIE"), ("Šport", "šport")])
def test_sections_match_beyond_ascii(
    library: Library, make_article: Make, first: str, second: str
) -> None:
    library.add_article(make_article("One", section=first))
    library.add_article(make_article("Two", section=second))
    assert {summary.section for summary in library.list_articles()} == {first}
    assert len(library.list_articles(SearchFilters(section=second.lower()))) == 2


def test_list_limit(library: Library, make_article: Make) -> None:
    for number in range(5):
        library.add_article(make_article(f"Story {number}"))
    assert [summary.headline for summary in library.list_articles(limit=2)] == [
        "Story 4",
        "Story 3",
    ]


@pytest.mark.parametrize(
    ("filters", "expected"),
    [
        (SearchFilters(status=Status.READY), {"Budget vote"}),
        (SearchFilters(section="POLITICS"), {"Budget vote", "Council meets"}),
        (SearchFilters(tag=" Budget "), {"Budget vote"}),
        (SearchFilters(tag="weather"), set()),
        (SearchFilters(section="Sport", status=Status.DRAFT), {"Cup final"}),
    ],
)
def test_list_filters(
    library: Library, make_article: Make, filters: SearchFilters, expected: set[str]
) -> None:
    library.add_article(
        make_article("Budget vote", section="Politics", tags=("budget",), status=Status.READY)
    )
    library.add_article(make_article("Council meets", section="politics"))
    library.add_article(make_article("Cup final", section="Sport"))
    assert {summary.headline for summary in library.list_articles(filters)} == expected


def test_list_filters_by_updated_day(library: Library, make_article: Make) -> None:
    library.add_article(make_article("Today"))
    today = datetime.now(UTC).date()
    day = timedelta(days=1)
    assert len(library.list_articles(SearchFilters(updated_from=today, updated_to=today))) == 1
    assert library.list_articles(SearchFilters(updated_from=today + day)) == []
    assert library.list_articles(SearchFilters(updated_to=today - day)) == []


def test_set_status_changes_status_and_version(library: Library, make_article: Make) -> None:
    stored = library.add_article(make_article())
    changed = library.set_status(stored.id, Status.PUBLISHED)
    assert changed.version == 2
    assert library.get(stored.id).article.meta.status is Status.PUBLISHED
    assert library.list_articles(SearchFilters(status=Status.PUBLISHED))[0].id == stored.id
    assert library.history(stored.id) == [], "a status change is not a new text"


def test_trash_hides_and_undelete_restores(library: Library, make_article: Make) -> None:
    stored = library.add_article(make_article())
    library.delete(stored.id)
    assert library.list_articles() == []
    assert [s.id for s in library.list_articles(SearchFilters(include_deleted=True))] == [stored.id]
    assert library.get(stored.id).deleted
    library.undelete(stored.id)
    assert [summary.id for summary in library.list_articles()] == [stored.id]


def test_empty_trash_removes_article_with_its_history(library: Library, make_article: Make) -> None:
    kept = library.add_article(make_article("Kept"))
    gone = library.add_article(make_article("Gone"))
    library.save(gone.id, make_article("Gone, edited"), expected_version=1)
    library.record_export(gone.id, "html", "/exports/gone.html")
    library.delete(gone.id)
    assert library.empty_trash() == 1
    with pytest.raises(ArticleNotFound):
        library.get(gone.id)
    assert [summary.id for summary in library.list_articles()] == [kept.id]
    assert library.integrity_check() == []
    assert library.empty_trash() == 0


def test_ids_are_never_reused_after_emptying_the_trash(
    library: Library, make_article: Make
) -> None:
    first = library.add_article(make_article("One"))
    library.delete(first.id)
    library.empty_trash()
    assert library.add_article(make_article("Two")).id > first.id


def test_record_export_keeps_the_library_healthy(library: Library, make_article: Make) -> None:
    stored = library.add_article(make_article())
    library.record_export(stored.id, "docx", "/exports/pilots.docx")
    assert library.integrity_check() == []


def test_url_and_dialect(library: Library, library_location: str) -> None:
    assert library.dialect in {"sqlite", "postgresql"}
    assert library.url.startswith(library.dialect)
    assert "library.sqlite3" in library.url or library.dialect == "postgresql"


def test_many_articles_are_added_in_batches_in_order(library: Library, make_article: Make) -> None:
    batch = [make_article(f"Harbour notice {number}") for number in range(7)]
    ids = library.add_articles(iter(batch), author="Archive Desk", per_transaction=3)
    assert len(ids) == 7
    assert [library.get(identifier).article for identifier in ids] == batch
    assert [item.headline for item in library.search("harbour", limit=10)] != []
    slugs = {library.get(identifier).slug for identifier in ids}
    assert len(slugs) == 7


def test_adding_nothing_adds_nothing(library: Library) -> None:
    assert library.add_articles([]) == []
    assert library.list_articles() == []
