"""Migrations: the schema they build is the ORM's, and upgrading an old library keeps
full-text search in step (SQLite batch migrations drop the triggers of the table they
rebuild; ``migrate.upgrade`` reinstalls them)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext

from editor_app.library import Library, codec, migrate, open_library
from editor_app.library.engine import create_library_engine
from editor_app.library.location import parse_location
from editor_app.library.models import Base, UtcDateTime
from editor_app.model import Article

Make = Callable[..., Article]
FIRST_REVISION = "0001"
SEARCH_TRIGGERS = {"articles_search_insert", "articles_search_update", "articles_search_delete"}

_old_articles = sa.table(
    "articles",
    *(
        sa.column(name)
        for name in ("uid", "slug", "section_id", "version", "saved_by", "save_note")
    ),
    *(sa.column(name) for name in codec.article_columns(Article())),
    sa.column("created", UtcDateTime),
    sa.column("updated", UtcDateTime),
)


def make_old_library(location: str, stories: list[Article]) -> None:
    """A library as the first release left it: schema 0001, search installed, articles."""
    engine = create_library_engine(parse_location(location))
    try:
        migrate.upgrade(engine, FIRST_REVISION)
        with engine.begin() as connection:
            for number, article in enumerate(stories, start=1):
                connection.execute(sa.insert(_old_articles).values(_old_row(number, article)))
    finally:
        engine.dispose()


def _old_row(number: int, article: Article) -> dict[str, Any]:
    when = datetime(2026, 1, 5, 9, 30, tzinfo=UTC)
    return {
        "uid": f"old{number:029d}",
        "slug": f"old-{number}",
        "section_id": None,
        "version": 1,
        "saved_by": "first release",
        "save_note": "",
        "created": when,
        "updated": when,
        **codec.article_columns(article),
    }


def _ignore_search_objects(
    obj: object, name: str | None, type_: str, reflected: bool, compare_to: object
) -> bool:
    if type_ == "table" and name is not None and name.startswith("article_search"):
        return False
    return name not in {"search_vector", "ix_articles_search_vector"}


def test_migrated_schema_matches_the_models(library: Library, library_location: str) -> None:
    library.close()
    engine = create_library_engine(parse_location(library_location))
    try:
        with engine.connect() as connection:
            context = MigrationContext.configure(
                connection, opts={"include_object": _ignore_search_objects, "compare_type": True}
            )
            assert compare_metadata(context, Base.metadata) == []
            assert migrate.current_revision(connection) == migrate.head_revision()
    finally:
        engine.dispose()


def test_search_stays_in_step_after_upgrading_an_old_library(
    library_location: str, make_article: Make
) -> None:
    make_old_library(
        library_location, [make_article("Lighthouse keeper retires", ["After forty winters."])]
    )
    with open_library(library_location) as library:
        assert [hit.headline for hit in library.search("lighthouse")] == [
            "Lighthouse keeper retires"
        ]
        added = library.add_article(make_article("Glassblowers reopen workshop", ["Kilns relit."]))
        assert [hit.article_id for hit in library.search("glassblowers")] == [added.id]
        library.save(
            added.id, make_article("Potters reopen workshop", ["Kilns relit."]), expected_version=1
        )
        assert library.search("glassblowers") == []
        assert [hit.article_id for hit in library.search("potters")] == [added.id]
        library.delete(added.id)
        library.empty_trash()
        assert library.search("potters") == []
        assert library.integrity_check() == []


def test_alembic_alone_would_lose_the_search_triggers(tmp_path: Path, make_article: Make) -> None:
    """The trap the test above guards against, shown directly."""
    path = tmp_path / "library.sqlite3"
    make_old_library(str(path), [make_article()])
    assert _trigger_names(path) >= SEARCH_TRIGGERS
    engine = create_library_engine(parse_location(path))
    try:
        with engine.begin() as connection:
            command.upgrade(migrate.alembic_config(connection), "head")
    finally:
        engine.dispose()
    assert not SEARCH_TRIGGERS & _trigger_names(path)


def test_upgrade_keeps_the_autoincrement_counter(tmp_path: Path, make_article: Make) -> None:
    path = tmp_path / "library.sqlite3"
    make_old_library(str(path), [make_article("One"), make_article("Two")])
    with sqlite3.connect(path) as connection:
        connection.execute("DELETE FROM articles WHERE id = 2")
    connection.close()
    with open_library(path) as library:
        assert library.add_article(make_article("Three")).id == 3


def test_upgrade_backs_up_the_old_file_first(tmp_path: Path, make_article: Make) -> None:
    path = tmp_path / "library.sqlite3"
    make_old_library(str(path), [make_article("Before the upgrade")])
    open_library(path).close()
    backup = tmp_path / f"library.sqlite3.bak-{FIRST_REVISION}"
    connection = sqlite3.connect(backup)
    try:
        assert connection.execute("SELECT version_num FROM alembic_version").fetchall() == [
            ("0001",)
        ]
        assert connection.execute("SELECT headline FROM articles").fetchall() == [
            ("Before the upgrade",)
        ]
    finally:
        connection.close()


def test_no_backup_when_nothing_is_migrated(tmp_path: Path) -> None:
    path = tmp_path / "library.sqlite3"
    open_library(path).close()
    open_library(path).close()
    assert sorted(child.name for child in tmp_path.iterdir()) == ["library.sqlite3"]


def test_every_revision_is_known_and_head_is_latest() -> None:
    assert migrate.known_revisions() == {"0001", "0002", "0003"}
    assert migrate.head_revision() == "0003"


def test_live_lists_are_served_by_an_index_not_a_sort(tmp_path: Path) -> None:
    """The newest live articles (all, by status, by section) come from one index scan."""
    path = tmp_path / "library.sqlite3"
    open_library(path).close()
    connection = sqlite3.connect(path)
    try:
        section = "AND section_id = (SELECT id FROM sections WHERE key = 'world')"
        for where in ("", "AND status = 'ready'", section):
            plan = " ".join(
                str(row[3])
                for row in connection.execute(
                    "EXPLAIN QUERY PLAN SELECT id FROM articles WHERE deleted_at IS NULL "
                    f"{where} ORDER BY updated DESC, id DESC LIMIT 200"
                )
            )
            assert "ix_articles_live_" in plan and "TEMP B-TREE" not in plan, plan
    finally:
        connection.close()


def _trigger_names(path: Path) -> set[str]:
    connection = sqlite3.connect(path)
    try:
        return {
            name
            for (name,) in connection.execute(
                "SELECT name FROM sqlite_master WHERE type = 'trigger'"
            )
        }
    finally:
        connection.close()
