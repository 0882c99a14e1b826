"""The full-text index objects: installed after every migration, checked on request.

SQLite (:mod:`fts_sqlite`): an FTS5 external-content table ``article_search`` over the
text columns of ``articles``, kept in step by triggers. PostgreSQL (:mod:`fts_postgresql`):
a generated ``tsvector`` column ``articles.search_vector`` with a GIN index. Both are
diacritics-insensitive ("Erdogan" finds "Erdoğan", "Lodz" finds "Łódź") and both are
idempotent, so :func:`install_search` may run on every open.
"""

from __future__ import annotations

from sqlalchemy import Connection

from editor_app.library import fts_postgresql, fts_sqlite
from editor_app.library.errors import LibraryUnavailable


def install_search(connection: Connection, dialect: str) -> None:
    """Create or repair the search objects. Run it after every migration, inside the
    migration's transaction: SQLite batch migrations drop the triggers with the table."""
    if dialect == "sqlite":
        fts_sqlite.install(connection)
    elif dialect == "postgresql":
        fts_postgresql.install(connection)
    else:
        raise LibraryUnavailable(f"libraries cannot be kept in a {dialect} database")


def rebuild_search_index(connection: Connection, dialect: str) -> None:
    """Rebuild the index from the articles: the cure for what the check reports."""
    if dialect == "sqlite":
        fts_sqlite.install(connection)
        fts_sqlite.rebuild(connection)
    else:
        fts_postgresql.install(connection)
        fts_postgresql.rebuild(connection)


def check_search_index(connection: Connection, dialect: str) -> list[str]:
    """Problems with the search objects, one sentence each; ``[]`` when healthy."""
    if dialect == "sqlite":
        return fts_sqlite.problems(connection)
    return fts_postgresql.problems(connection)


check_search = check_search_index
"""The name ``maintenance.search_problems`` imports."""
