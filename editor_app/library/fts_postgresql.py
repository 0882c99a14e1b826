"""The PostgreSQL search index: a stored generated ``tsvector`` column with a GIN index.

The vector is built with the text search configuration ``article_search``: a copy of
``simple`` (no stemming and no stop words, so names and every word of a phrase are
indexed as written, as FTS5 does) with the ``unaccent`` dictionary in front, which folds
accents and letters such as ı ł ø ß. ``english`` would stem "Guterres" to "guterr" and
drop "the" from phrases; for names, which matter most in a newsroom, ``simple`` is right.

Weights: A headline, B standfirst and tags, C body, D byline. The brief grouped byline
with body; a letter of its own lets ranking weigh it as SQLite does (byline twice the
body). A generated column rather than an expression index: ranking then reads the stored
vector instead of re-parsing every matching body, and PostgreSQL keeps it current.

``unaccent`` is a trusted extension: the owner of the database can install it.
"""

from __future__ import annotations

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

from editor_app.library.errors import LibraryUnavailable

TEXT_SEARCH_CONFIG = "article_search"
SEARCH_VECTOR = "search_vector"
SEARCH_VECTOR_INDEX = "ix_articles_search_vector"
WEIGHTS = {"headline": "A", "standfirst": "B", "tags_text": "B", "body_text": "C", "byline": "D"}
_VERSION = "article-search v1"
"""Kept as the column's comment: a column from another version is replaced."""


def install(connection: Connection) -> None:
    """Create what is missing or outdated; writes nothing when everything is current."""
    if not problems(connection):
        return
    unaccent_schema = _ensure_unaccent(connection)
    schema = _current_schema(connection)
    config = f"{_quote(schema)}.{TEXT_SEARCH_CONFIG}"
    if not _config_exists(connection, schema):
        connection.exec_driver_sql(f"CREATE TEXT SEARCH CONFIGURATION {config} (COPY = simple)")
        connection.exec_driver_sql(
            f"ALTER TEXT SEARCH CONFIGURATION {config} ALTER MAPPING FOR hword, hword_part, word "
            f"WITH {_quote(unaccent_schema)}.unaccent, simple"
        )
    version = _column_comment(connection)
    if version is not None and version != _VERSION:
        connection.exec_driver_sql(f"ALTER TABLE articles DROP COLUMN {SEARCH_VECTOR}")
    if version != _VERSION:
        connection.exec_driver_sql(
            f"ALTER TABLE articles ADD COLUMN {SEARCH_VECTOR} tsvector "
            f"GENERATED ALWAYS AS ({_weighted_vector(config)}) STORED"
        )
        connection.exec_driver_sql(f"COMMENT ON COLUMN articles.{SEARCH_VECTOR} IS '{_VERSION}'")
    if _index_valid(connection) is not True:
        connection.exec_driver_sql(f"DROP INDEX IF EXISTS {SEARCH_VECTOR_INDEX}")
        connection.exec_driver_sql(
            f"CREATE INDEX {SEARCH_VECTOR_INDEX} ON articles USING gin ({SEARCH_VECTOR})"
        )


def rebuild(connection: Connection) -> None:
    connection.exec_driver_sql(f"REINDEX INDEX {SEARCH_VECTOR_INDEX}")


def problems(connection: Connection) -> list[str]:
    found: list[str] = []
    if not _config_exists(connection, _current_schema(connection)):
        found.append(f"the text search configuration {TEXT_SEARCH_CONFIG} is missing")
    if _column_comment(connection) != _VERSION:
        found.append(f"the search column articles.{SEARCH_VECTOR} is missing or outdated")
    valid = _index_valid(connection)
    if valid is None:
        found.append(f"the search index {SEARCH_VECTOR_INDEX} is missing")
    elif not valid:
        found.append(f"the search index {SEARCH_VECTOR_INDEX} is invalid; rebuild it")
    return found


def _current_schema(connection: Connection) -> str:
    return str(connection.exec_driver_sql("SELECT current_schema()").scalar_one())


def _index_valid(connection: Connection) -> bool | None:
    """Whether the GIN index is usable; ``None`` when there is none."""
    row = connection.execute(
        text(
            "SELECT i.indisvalid FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid "
            "WHERE c.relname = :index AND i.indrelid = 'articles'::regclass"
        ),
        {"index": SEARCH_VECTOR_INDEX},
    ).first()
    return None if row is None else bool(row[0])


def _weighted_vector(config: str) -> str:
    return " || ".join(
        f"setweight(to_tsvector('{config}'::regconfig, coalesce({column}, '')), '{weight}')"
        for column, weight in WEIGHTS.items()
    )


def _ensure_unaccent(connection: Connection) -> str:
    """The schema of the ``unaccent`` extension, installed when it is missing."""
    try:
        with connection.begin_nested():
            connection.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS unaccent")
    except DBAPIError as error:
        raise LibraryUnavailable(
            "the PostgreSQL database needs the unaccent extension for search "
            f"({_reason(error)}); ask its administrator to run CREATE EXTENSION unaccent"
        ) from None
    return str(
        connection.exec_driver_sql(
            "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace "
            "WHERE e.extname = 'unaccent'"
        ).scalar_one()
    )


def _config_exists(connection: Connection, schema: str) -> bool:
    found = connection.execute(
        text(
            "SELECT 1 FROM pg_ts_config c JOIN pg_namespace n ON n.oid = c.cfgnamespace "
            "WHERE c.cfgname = :name AND n.nspname = :schema"
        ),
        {"name": TEXT_SEARCH_CONFIG, "schema": schema},
    ).first()
    return found is not None


def _column_comment(connection: Connection) -> str | None:
    """The search column's version comment; ``None`` when there is no such column."""
    row = connection.execute(
        text(
            "SELECT coalesce(col_description(attrelid, attnum), '') FROM pg_attribute "
            "WHERE attrelid = 'articles'::regclass AND attname = :column AND NOT attisdropped"
        ),
        {"column": SEARCH_VECTOR},
    ).first()
    return None if row is None else str(row[0])


def _quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'


def _reason(error: DBAPIError) -> str:
    lines = str(error.orig).strip().splitlines()
    return lines[0] if lines else "no reason given"
