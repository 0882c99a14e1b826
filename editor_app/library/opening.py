"""``open_library``: refuse what is not a usable library, back up, migrate, open."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import Engine, inspect
from sqlalchemy.exc import DBAPIError, OperationalError

from editor_app.library import migrate, sqlite_file
from editor_app.library.engine import create_library_engine
from editor_app.library.errors import LibraryUnavailable
from editor_app.library.library import Library
from editor_app.library.location import Location, default_library_location, parse_location


def open_library(location: str | Path | None = None, *, create: bool = True) -> Library:
    """Open (and, when ``create``, make) the library at a path or URL, default
    :func:`default_library_location`. An existing SQLite library that needs a newer
    schema is first copied to ``<file>.bak-<old revision>``."""
    where = parse_location(default_library_location() if location is None else location)
    pending = _prepare_sqlite(where.path, create=create) if where.path is not None else False
    engine = create_library_engine(where)
    try:
        if where.path is None:
            _prepare_server(engine, where)
        elif pending:
            _migrate(engine, where)
    except BaseException:
        engine.dispose()
        raise
    return Library(engine, where)


def _prepare_sqlite(path: Path, *, create: bool) -> bool:
    """Whether the file needs migrating (a new library does)."""
    sqlite_file.check_folder(path, create=create)
    if not path.exists():
        if not create:
            raise LibraryUnavailable(f"there is no library at {path}")
        return True
    sqlite_file.check_file(path)
    revision = sqlite_file.stored_revision(path)
    if not migrate.needs_upgrade(revision, f"at {path}"):
        return False
    if revision is not None:
        sqlite_file.backup_before_migration(path, revision)
    return True


def _prepare_server(engine: Engine, where: Location) -> None:
    try:
        with engine.connect() as connection:
            tables = set(inspect(connection).get_table_names())
            revision = migrate.current_revision(connection)
    except OperationalError as error:
        raise LibraryUnavailable(
            f"cannot reach the library database {where.display}: {_first_line(error)}"
        ) from None
    if revision is None and tables:
        raise LibraryUnavailable(
            f"the database {where.display} holds other tables, not an Article Editor library"
        )
    if migrate.needs_upgrade(revision, where.display):
        _migrate(engine, where)


def _migrate(engine: Engine, where: Location) -> None:
    try:
        migrate.upgrade(engine)
    except DBAPIError as error:
        raise LibraryUnavailable(
            f"cannot open the library {where.display}: {_first_line(error)}"
        ) from None


def _first_line(error: DBAPIError) -> str:
    return str(error.orig).strip().splitlines()[0] if str(error.orig).strip() else "no reason"
