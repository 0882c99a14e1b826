"""What the library browser lists: the trash alone, the sections and tags in use, and who
saved the version an editor holds — on both dialects."""

from __future__ import annotations

from collections.abc import Callable

from editor_app.library import Library, SearchFilters
from editor_app.model import Article, Status

Make = Callable[..., Article]


def test_trash_lists_only_trashed_articles_last_trashed_first(
    library: Library, make_article: Make
) -> None:
    ids = [library.add_article(make_article(f"Story {n}")).id for n in range(4)]
    library.delete(ids[2])
    library.delete(ids[0])
    assert [s.id for s in library.list_trash()] == [ids[0], ids[2]]
    assert ids[0] not in [s.id for s in library.list_articles()]
    library.undelete(ids[0])
    assert [s.id for s in library.list_trash()] == [ids[2]]


def test_trash_applies_the_other_filters(library: Library, make_article: Make) -> None:
    sport = library.add_article(make_article("Cup final", section="Sport")).id
    news = library.add_article(make_article("Council vote", section="News")).id
    for article_id in (sport, news):
        library.delete(article_id)
    filtered = library.list_trash(SearchFilters(section="sport"), limit=10)
    assert [s.id for s in filtered] == [sport]
    assert library.list_trash(limit=1)[0].id == news


def test_sections_and_tags_in_use_sorted(library: Library, make_article: Make) -> None:
    library.add_article(make_article(section="Sport", tags=("Football", "cup")))
    library.add_article(make_article(section="business", tags=("ports",)))
    moved = library.add_article(make_article(section="Weather", tags=("rain",)))
    library.save(moved.id, make_article(section="Sport"), expected_version=1)
    assert library.sections() == ["business", "Sport"]
    assert library.tags() == ["cup", "football", "ports"]


def test_stored_article_says_who_saved_it(library: Library, make_article: Make) -> None:
    added = library.add_article(make_article(), author="ana")
    assert added.saved_by == "ana"
    saved = library.save(added.id, make_article("New"), expected_version=1, author="ben")
    assert saved.saved_by == "ben"
    assert library.get(added.id).saved_by == "ben"
    assert library.set_status(added.id, Status.READY).saved_by == "ben"
