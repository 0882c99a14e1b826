"""Health checks and backups: the things a support person asks a user to run."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Connection, func, select
from sqlalchemy.orm import Session

from editor_app.errors import ArticleEditorError
from editor_app.library import codec, sqlite_file
from editor_app.library.engine import raw_sqlite
from editor_app.library.errors import LibraryError
from editor_app.library.fts import check_search_index
from editor_app.library.models import ArticleRow, RevisionRow


def sqlite_problems(connection: Connection) -> list[str]:
    """SQLite's own page-level check and broken references, in plain words."""
    problems = [
        f"database: {message}"
        for (message,) in connection.exec_driver_sql("PRAGMA integrity_check")
        if message != "ok"
    ]
    problems.extend(
        f"{table} row {rowid} refers to a missing row in {parent}"
        for table, rowid, parent, _key in connection.exec_driver_sql("PRAGMA foreign_key_check")
    )
    return problems


def search_problems(connection: Connection) -> list[str]:
    return check_search_index(connection, connection.dialect.name)


def content_problems(session: Session) -> list[str]:
    """Revision numbers that do not run 1…n, and article texts that cannot be read."""
    numbering = session.execute(
        select(
            RevisionRow.article_id,
            func.count(),
            func.min(RevisionRow.number),
            func.max(RevisionRow.number),
        ).group_by(RevisionRow.article_id)
    )
    problems = [
        f"article {article_id}: revision numbers {low}…{high} have gaps ({count} revisions)"
        for article_id, count, low, high in numbering
        if low != 1 or high != count
    ]
    for article_id, body_json in session.execute(select(ArticleRow.id, ArticleRow.body_json)):
        try:
            codec.read_article(body_json, f"article {article_id}")
        except ArticleEditorError as error:
            problems.append(str(error))
    return problems


def backup_sqlite(connection: Connection, library: Path, destination: Path) -> None:
    destination = destination.expanduser().absolute()
    if destination.exists() and destination.samefile(library):
        raise LibraryError(f"cannot back up the library onto itself ({destination})")
    if destination.is_dir():
        raise LibraryError(f"{destination} is a folder; give the backup a file name")
    if not destination.parent.is_dir():
        raise LibraryError(f"cannot write the backup: there is no folder {destination.parent}")
    sqlite_file.copy_database(raw_sqlite(connection), destination)
