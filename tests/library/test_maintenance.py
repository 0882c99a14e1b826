"""``integrity_check`` finds real damage; ``backup`` writes a consistent, openable copy."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from editor_app.library import Library, LibraryError, open_library
from editor_app.model import Article

Make = Callable[..., Article]


def damage(location: str, *statements: str) -> None:
    """Run raw SQL behind the library's back (foreign keys off, as a careless tool would)."""
    if location.startswith("postgresql"):
        engine = create_engine(location)
        with engine.begin() as connection:
            for statement in statements:
                connection.execute(text(statement))
        engine.dispose()
        return
    connection = sqlite3.connect(location)
    try:
        for statement in statements:
            connection.execute(statement)
        connection.commit()
    finally:
        connection.close()


@pytest.fixture
def edited(library: Library, make_article: Make) -> int:
    stored = library.add_article(make_article("Bridge repairs start"))
    for version in range(1, 4):
        library.save(
            stored.id, make_article(f"Bridge repairs, day {version}"), expected_version=version
        )
    return stored.id


def test_a_healthy_library_has_no_problems(library: Library, edited: int) -> None:
    assert library.integrity_check() == []


def test_a_gap_in_revision_numbers_is_found(
    library: Library, library_location: str, edited: int
) -> None:
    damage(library_location, f"DELETE FROM revisions WHERE article_id = {edited} AND number = 2")
    assert library.integrity_check() == [
        f"article {edited}: revision numbers 1…3 have gaps (2 revisions)"
    ]


def test_an_unreadable_article_text_is_found(
    library: Library, library_location: str, edited: int
) -> None:
    damage(
        library_location, f"UPDATE articles SET body_json = '{{\"format\": 1' WHERE id = {edited}"
    )
    problems = library.integrity_check()
    assert len(problems) == 1
    assert problems[0].startswith(f"article {edited} in the library cannot be read")


def test_a_lost_search_trigger_is_found(sqlite_library: Library, sqlite_path: Path) -> None:
    damage(str(sqlite_path), "DROP TRIGGER articles_search_update")
    assert any("articles_search_update" in problem for problem in sqlite_library.integrity_check())


def test_a_broken_reference_is_found(
    sqlite_library: Library, sqlite_path: Path, make_article: Make
) -> None:
    stored = sqlite_library.add_article(make_article())
    damage(
        str(sqlite_path),
        "INSERT INTO exports (article_id, format, destination, exported_at) "
        f"VALUES ({stored.id + 50}, 'html', 'gone.html', '2026-01-01 00:00:00')",
    )
    assert sqlite_library.integrity_check() == ["exports row 1 refers to a missing row in articles"]


def test_backup_is_a_complete_library(
    sqlite_library: Library, make_article: Make, tmp_path: Path
) -> None:
    article = make_article("Night buses return", section="Transport", tags=("buses",))
    stored = sqlite_library.add_article(article)
    destination = tmp_path / "backups" / "library-copy.sqlite3"
    destination.parent.mkdir()
    sqlite_library.backup(destination)
    assert sorted(child.name for child in destination.parent.iterdir()) == ["library-copy.sqlite3"]
    with open_library(destination, create=False) as copy:
        assert copy.get(stored.id).article == article
        assert copy.integrity_check() == []
        assert [hit.article_id for hit in copy.search("buses")] == [stored.id]


def test_backup_replaces_an_older_backup(
    sqlite_library: Library, make_article: Make, tmp_path: Path
) -> None:
    destination = tmp_path / "copy.sqlite3"
    sqlite_library.backup(destination)
    sqlite_library.add_article(make_article())
    sqlite_library.backup(destination)
    with open_library(destination, create=False) as copy:
        assert len(copy.list_articles()) == 1


@pytest.mark.parametrize(
    ("name", "match"),
    [
        ("library.sqlite3", "onto itself"),
        (".", "is a folder"),
        ("missing/copy.sqlite3", "no folder"),
    ],
)
def test_backup_refuses_bad_destinations(
    sqlite_library: Library, sqlite_path: Path, name: str, match: str
) -> None:
    before = sqlite_path.read_bytes()
    with pytest.raises(LibraryError, match=match):
        sqlite_library.backup(sqlite_path.parent / name)
    assert not (sqlite_path.parent / "missing").exists()
    assert len(sqlite_path.read_bytes()) == len(before)


def test_postgresql_backup_points_to_pg_dump(postgres_url: str) -> None:
    with open_library(postgres_url) as library, pytest.raises(LibraryError, match="pg_dump"):
        library.backup(Path("copy.sqlite3"))
