"""The search objects: installed idempotently, restored when a migration drops them, and
checked by ``integrity_check``."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from sqlalchemy import Engine, create_engine, text

from editor_app.library import Library, open_library
from editor_app.library.fts import check_search_index, install_search, rebuild_search_index
from editor_app.library.fts_sqlite import TRIGGERS
from tests.library.builders import build_article


@dataclass(frozen=True)
class Opened:
    library: Library
    engine: Engine
    """A second way in, for what the library does not offer: dropping its objects."""

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    def execute(self, *statements: str) -> None:
        with self.engine.begin() as connection:
            for statement in statements:
                connection.exec_driver_sql(statement)

    def install(self) -> None:
        with self.engine.begin() as connection:
            install_search(connection, self.dialect)

    def problems(self) -> list[str]:
        with self.engine.begin() as connection:
            return check_search_index(connection, self.dialect)

    def schema(self) -> list[tuple[str, ...]]:
        """The definitions of the search objects, to compare before and after."""
        with self.engine.connect() as connection:
            if self.dialect == "sqlite":
                query = "SELECT type, name, sql FROM sqlite_master ORDER BY name"
            else:
                query = (
                    "SELECT 'index', indexname, indexdef FROM pg_indexes "
                    "WHERE tablename = 'articles' UNION ALL "
                    "SELECT 'column', attname, format_type(atttypid, atttypmod) "
                    "FROM pg_attribute WHERE attrelid = 'articles'::regclass AND attnum > 0 "
                    "AND NOT attisdropped ORDER BY 2"
                )
            return [tuple(row) for row in connection.exec_driver_sql(query)]


@pytest.fixture
def opened(library_location: str) -> Iterator[Opened]:
    url = library_location if "://" in library_location else f"sqlite:///{library_location}"
    engine = create_engine(url)
    try:
        with open_library(library_location) as library:
            yield Opened(library, engine)
    finally:
        engine.dispose()


@pytest.fixture
def sqlite_opened(tmp_path: Path) -> Iterator[Opened]:
    path = tmp_path / "library.sqlite3"
    engine = create_engine(f"sqlite:///{path}")
    try:
        with open_library(path) as library:
            yield Opened(library, engine)
    finally:
        engine.dispose()


def found(library: Library, query: str) -> list[str]:
    return [hit.headline for hit in library.search(query)]


def test_new_library_is_healthy(opened: Opened) -> None:
    assert opened.problems() == []
    assert opened.library.integrity_check() == []


def test_installing_again_changes_nothing(opened: Opened) -> None:
    opened.library.add_article(build_article("Ferry fares frozen"))
    before = opened.schema()
    opened.install()
    opened.install()
    assert opened.schema() == before
    assert found(opened.library, "ferry") == ["Ferry fares frozen"]


def test_rebuild_keeps_every_article_findable(opened: Opened) -> None:
    opened.library.add_article(build_article("Łódź tram depot reopens"))
    with opened.engine.begin() as connection:
        rebuild_search_index(connection, opened.dialect)
    assert opened.problems() == []
    assert found(opened.library, "lodz") == ["Łódź tram depot reopens"]


# -- SQLite ----------------------------------------------------------------------------------


def test_dropped_triggers_are_restored_and_missed_rows_indexed(sqlite_opened: Opened) -> None:
    sqlite_opened.execute(*(f"DROP TRIGGER {name}" for name in TRIGGERS))
    sqlite_opened.library.add_article(build_article("Ferry fares frozen"))
    assert len(sqlite_opened.problems()) == len(TRIGGERS) + 1  # three triggers, one row
    sqlite_opened.install()
    assert sqlite_opened.problems() == []
    assert found(sqlite_opened.library, "ferry") == ["Ferry fares frozen"]


def test_outdated_trigger_is_replaced(sqlite_opened: Opened) -> None:
    sqlite_opened.execute(
        "DROP TRIGGER articles_search_insert",
        "CREATE TRIGGER articles_search_insert AFTER INSERT ON articles BEGIN SELECT 1; END",
    )
    assert sqlite_opened.problems() != []
    sqlite_opened.install()
    sqlite_opened.library.add_article(build_article("Ferry fares frozen"))
    assert found(sqlite_opened.library, "ferry") == ["Ferry fares frozen"]
    assert sqlite_opened.problems() == []


def test_index_made_for_a_full_table_is_filled(sqlite_opened: Opened) -> None:
    sqlite_opened.library.add_article(build_article("Ferry fares frozen"))
    sqlite_opened.execute("DROP TABLE article_search")
    assert sqlite_opened.problems() == [
        "the search index is missing; rebuild it to search the library"
    ]
    sqlite_opened.install()
    assert found(sqlite_opened.library, "ferry") == ["Ferry fares frozen"]


def test_damaged_index_is_reported_until_rebuilt(sqlite_opened: Opened) -> None:
    sqlite_opened.library.add_article(build_article("Ferry fares frozen"))
    sqlite_opened.execute("UPDATE article_search_data SET block = x'0000' WHERE id > 10")
    (problem,) = sqlite_opened.library.integrity_check()
    assert problem.startswith("the search index is damaged")
    with sqlite_opened.engine.begin() as connection:
        rebuild_search_index(connection, "sqlite")
    assert sqlite_opened.library.integrity_check() == []
    assert found(sqlite_opened.library, "ferry") == ["Ferry fares frozen"]


def test_article_gone_from_the_index_is_reported(sqlite_opened: Opened) -> None:
    stored = sqlite_opened.library.add_article(build_article("Ferry fares frozen"))
    sqlite_opened.execute(
        "INSERT INTO article_search(article_search, rowid, headline, standfirst, body_text, "
        "byline, tags_text) SELECT 'delete', id, headline, standfirst, body_text, byline, "
        f"tags_text FROM articles WHERE id = {stored.id}"
    )
    assert sqlite_opened.problems() == ["the search index lacks 1 of the articles; rebuild it"]


# -- PostgreSQL ------------------------------------------------------------------------------


@pytest.fixture
def postgres_opened(postgres_url: str) -> Iterator[Opened]:
    engine = create_engine(postgres_url)
    try:
        with open_library(postgres_url) as library:
            yield Opened(library, engine)
    finally:
        engine.dispose()


def test_dropped_search_column_is_reported_and_restored(postgres_opened: Opened) -> None:
    postgres_opened.library.add_article(build_article("Ferry fares frozen"))
    postgres_opened.execute("ALTER TABLE articles DROP COLUMN search_vector")
    assert postgres_opened.library.integrity_check() == [
        "the search column articles.search_vector is missing or outdated",
        "the search index ix_articles_search_vector is missing",
    ]
    postgres_opened.install()
    assert postgres_opened.problems() == []
    assert found(postgres_opened.library, "ferry") == ["Ferry fares frozen"]


def test_search_uses_the_gin_index(postgres_opened: Opened) -> None:
    postgres_opened.library.add_article(build_article("Ferry fares frozen"))
    with postgres_opened.engine.begin() as connection:
        connection.exec_driver_sql("SET LOCAL enable_seqscan = off")
        plan = "\n".join(
            row[0]
            for row in connection.execute(
                text(
                    "EXPLAIN SELECT id FROM articles WHERE search_vector @@ "
                    "phraseto_tsquery('article_search', :words)"
                ),
                {"words": "ferry"},
            )
        )
    assert "ix_articles_search_vector" in plan
