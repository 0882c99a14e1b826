"""Where a library lives: a SQLite file path or a PostgreSQL URL, and the default place."""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

import platformdirs
from sqlalchemy import URL, make_url
from sqlalchemy.exc import ArgumentError

from editor_app.library.errors import LibraryUnavailable

LIBRARY_VARIABLE = "ARTICLE_EDITOR_LIBRARY"
LIBRARY_FILE_NAME = "library.sqlite3"
APP_DIR_NAME = "article-editor"
POSTGRESQL_DRIVER = "postgresql+psycopg"


def default_library_location() -> str:
    """``$ARTICLE_EDITOR_LIBRARY``, else ``library.sqlite3`` in the user's data folder."""
    configured = os.environ.get(LIBRARY_VARIABLE, "").strip()
    if configured:
        return configured
    return str(platformdirs.user_data_path(APP_DIR_NAME) / LIBRARY_FILE_NAME)


@dataclass(frozen=True)
class Location:
    """``url`` still carries the password (to connect); ``display`` never does."""

    url: URL
    path: Path | None
    """The SQLite file; ``None`` for a server database."""

    @property
    def dialect(self) -> str:
        return self.url.get_backend_name()

    @property
    def display(self) -> str:
        url = self.url
        public = URL.create(url.drivername, url.username, None, url.host, url.port, url.database)
        return public.update_query_dict(dict(url.query)).render_as_string(hide_password=False)


def parse_location(location: str | Path) -> Location:
    """A path (``~`` allowed) or a ``sqlite:///…`` / ``postgresql://…`` URL."""
    if isinstance(location, Path) or "://" not in location:
        text = str(location).strip()
        if not text:
            raise LibraryUnavailable("no library location was given")
        return _file_location(Path(text))
    try:
        url = make_url(location.strip())
    except (ArgumentError, ValueError) as error:
        raise LibraryUnavailable(f"{location!r} is not a valid library URL ({error})") from None
    backend = url.get_backend_name()
    if backend == "sqlite":
        if not url.database or url.database == ":memory:":
            raise LibraryUnavailable(
                "an in-memory library would be lost when closed; give a file path"
            )
        return _file_location(Path(url.database))
    if backend == "postgresql":
        url = url.set(drivername=POSTGRESQL_DRIVER)
        if not url.database:
            raise LibraryUnavailable(f"the URL {location!r} names no database")
        return Location(url=url, path=None)
    raise LibraryUnavailable(
        f"a library is a SQLite file or a PostgreSQL database, not {backend!r} ({location!r})"
    )


def _file_location(path: Path) -> Location:
    absolute = path.expanduser().absolute()
    return Location(url=URL.create("sqlite", database=str(absolute)), path=absolute)
