"""Optimistic locking: a save over someone else's newer text is refused, and kept."""

from __future__ import annotations

import threading
from collections.abc import Callable

import pytest

from editor_app.library import Library, SaveConflict, open_library
from editor_app.model import Article

Make = Callable[..., Article]


def test_stale_save_is_refused_and_the_text_kept(library: Library, make_article: Make) -> None:
    stored = library.add_article(make_article("Tram line opens"))
    winner = make_article("Tram line opens on Monday")
    loser = make_article("Tram line opens next week")
    library.save(stored.id, winner, expected_version=1, author="ana")
    with pytest.raises(SaveConflict, match="kept as revision 2") as refused:
        library.save(stored.id, loser, expected_version=1, author="ben")
    conflict = refused.value
    assert (conflict.article_id, conflict.expected_version, conflict.current_version) == (
        stored.id,
        1,
        2,
    )
    assert conflict.kept_revision == 2
    assert library.get(stored.id).article == winner, "the stored text is untouched"
    assert library.get(stored.id).version == 2
    assert library.revision(stored.id, 2) == loser
    kept = library.history(stored.id)[0]
    assert kept.author == "ben"
    assert kept.note.startswith("conflict: refused save")


def test_two_libraries_on_one_database_conflict(library_location: str, make_article: Make) -> None:
    with open_library(library_location) as desk, open_library(library_location) as laptop:
        stored = desk.add_article(make_article())
        opened_version = laptop.get(stored.id).version
        desk.save(stored.id, make_article("From the desk"), expected_version=opened_version)
        with pytest.raises(SaveConflict):
            laptop.save(stored.id, make_article("From the laptop"), expected_version=opened_version)
        assert laptop.get(stored.id).article.meta.headline == "From the desk"


def test_concurrent_saves_of_one_version_let_exactly_one_win(
    library_location: str, make_article: Make
) -> None:
    writers = 6
    with open_library(library_location) as library:
        article_id = library.add_article(make_article()).id
        barrier = threading.Barrier(writers)
        outcomes: list[str] = []
        lock = threading.Lock()

        def write(number: int) -> None:
            barrier.wait()
            try:
                library.save(article_id, make_article(f"Writer {number}"), expected_version=1)
                result = "saved"
            except SaveConflict:
                result = "conflict"
            with lock:
                outcomes.append(result)

        threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        assert sorted(outcomes) == ["conflict"] * (writers - 1) + ["saved"]
        assert library.get(article_id).version == 2
        assert len(library.history(article_id)) == writers, "1 replaced text + 5 refused saves"
        assert library.integrity_check() == []
