"""Looking at a SQLite library file without changing a byte of it.

Everything here runs before the library is opened for writing: the checks that
refuse a file that is not a library (a text file, random bytes, a truncated copy,
a read-only file or folder) and the copy taken before a migration. They read the
file through a read-only connection, so a refused file is left exactly as it was.
"""

from __future__ import annotations

import os
import sqlite3
import stat
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

from editor_app.library.errors import LibraryError, LibraryUnavailable

MAGIC = b"SQLite format 3\x00"
HEADER_SIZE = 100


def writable(path: Path) -> bool:
    """Writable for this user *and* by its permission bits, so a file or folder marked
    read-only is treated as such even when running as root (who could write anyway)."""
    mode = path.stat().st_mode
    return os.access(path, os.W_OK) and bool(stat.S_IMODE(mode) & 0o222)


def check_folder(path: Path, *, create: bool) -> None:
    """The library's folder exists (made when ``create``) and can take the journal files."""
    folder = path.parent
    if not folder.exists():
        if not create:
            raise LibraryUnavailable(f"there is no library at {path}")
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as error:
            raise LibraryUnavailable(
                f"cannot create the library folder {folder}: {error.strerror}"
            ) from None
    if not folder.is_dir():
        raise LibraryUnavailable(f"cannot use {path}: {folder} is not a folder")
    if not writable(folder):
        raise LibraryUnavailable(
            f"the library folder {folder} is read-only; the library needs to write beside it"
        )


def check_file(path: Path) -> None:
    """An existing file that looks like a whole, writable SQLite database."""
    if path.is_dir():
        raise LibraryUnavailable(f"{path} is a folder, not a library file")
    try:
        size = path.stat().st_size
        with path.open("rb") as handle:
            header = handle.read(HEADER_SIZE)
    except OSError as error:
        raise LibraryUnavailable(f"cannot read the library {path}: {error.strerror}") from None
    if size == 0:
        raise LibraryUnavailable(f"{path} is an empty file, not an Article Editor library")
    if not header.startswith(MAGIC):
        raise LibraryUnavailable(f"{path} is not an Article Editor library (not a database)")
    if len(header) < HEADER_SIZE or _truncated(header, size):
        raise LibraryUnavailable(f"the library {path} is truncated (the file is incomplete)")
    if not writable(path):
        raise LibraryUnavailable(f"the library {path} is read-only")


def _truncated(header: bytes, size: int) -> bool:
    page_size = int.from_bytes(header[16:18], "big")
    page_size = 65536 if page_size == 1 else page_size
    if page_size < 512 or size % page_size:
        return True
    page_count = int.from_bytes(header[28:32], "big")
    change_counter = header[24:28]
    size_is_valid = header[92:96] == change_counter  # SQLite's "version-valid-for" rule
    return size_is_valid and size < page_count * page_size


@contextmanager
def read_only(path: Path) -> Iterator[sqlite3.Connection]:
    """A connection that cannot write. Without a write-ahead log beside the file it opens
    ``immutable`` so not even the ``-shm`` index is created next to a refused file."""
    has_log = path.with_name(path.name + "-wal").exists()
    uri = path.as_uri() + ("?mode=ro" if has_log else "?mode=ro&immutable=1")
    try:
        connection = sqlite3.connect(uri, uri=True)
    except sqlite3.Error as error:
        raise LibraryUnavailable(f"cannot open the library {path}: {error}") from None
    with closing(connection):
        yield connection


def stored_revision(path: Path) -> str | None:
    """The schema revision recorded in the file; ``None`` for a database with no tables."""
    with read_only(path) as connection:
        try:
            tables = {
                name
                for (name,) in connection.execute(
                    "SELECT name FROM sqlite_master WHERE type = 'table'"
                )
            }
            if "alembic_version" not in tables:
                if tables:
                    raise LibraryUnavailable(
                        f"{path} is a database, but not an Article Editor library"
                    )
                return None
            rows = connection.execute("SELECT version_num FROM alembic_version").fetchall()
        except sqlite3.DatabaseError as error:
            raise LibraryUnavailable(f"the library {path} is damaged ({error})") from None
    if len(rows) != 1:
        raise LibraryUnavailable(f"the library {path} is damaged (no single schema revision)")
    return str(rows[0][0])


def copy_database(source: sqlite3.Connection, destination: Path) -> None:
    """A consistent copy through SQLite's backup API, written to a temporary file first
    so ``destination`` is either the old file or the whole new copy."""
    temporary = destination.with_name(f".{destination.name}.{os.getpid()}.tmp")
    try:
        with closing(sqlite3.connect(temporary)) as target:
            source.backup(target)
        temporary.replace(destination)
    except (OSError, sqlite3.Error) as error:
        temporary.unlink(missing_ok=True)
        reason = getattr(error, "strerror", None) or str(error)
        raise LibraryError(f"cannot write the copy {destination}: {reason}") from None


def backup_before_migration(path: Path, revision: str) -> Path:
    """``library.sqlite3.bak-<revision>`` beside the library, taken before upgrading it."""
    destination = path.with_name(f"{path.name}.bak-{revision}")
    with read_only(path) as connection:
        try:
            copy_database(connection, destination)
        except LibraryError as error:
            raise LibraryUnavailable(f"the library was not upgraded: {error}") from None
    return destination
