"""Shared library fixtures: ``library`` runs each test on SQLite and on PostgreSQL.

PostgreSQL tests need ``ARTICLE_EDITOR_TEST_POSTGRES_URL`` (``packaging/test-postgres.sh``
starts a server and prints one) and are skipped, with that reason, without it. Each test
session works in a database of its own, made next to the one the URL names and dropped
at the end, so parallel runs on one server cannot disturb each other; each test starts
from an empty schema in it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import URL, create_engine, make_url, text

from editor_app.library import Library, open_library
from editor_app.model import Article
from tests.library.builders import build_article

POSTGRES_URL_VARIABLE = "ARTICLE_EDITOR_TEST_POSTGRES_URL"
NO_POSTGRES = f"no PostgreSQL server: set {POSTGRES_URL_VARIABLE}"
DIALECTS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def postgres_server_url() -> Iterator[URL]:
    """A private database for this test session on the configured server."""
    configured = os.environ.get(POSTGRES_URL_VARIABLE, "").strip()
    if not configured:
        pytest.skip(NO_POSTGRES)
    base = make_url(configured)
    private = base.set(database=f"{base.database}_{os.getpid()}")
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{private.database}"')
            connection.exec_driver_sql(f'CREATE DATABASE "{private.database}"')
        yield private
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{private.database}" (FORCE)')
    finally:
        admin.dispose()


def reset_postgres_schema(url: URL) -> None:
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            connection.execute(text("DROP SCHEMA IF EXISTS public CASCADE"))
            connection.execute(text("CREATE SCHEMA public"))
    finally:
        engine.dispose()


@pytest.fixture
def postgres_url(postgres_server_url: URL) -> str:
    """An empty PostgreSQL database, as a URL string (with the password, if any)."""
    reset_postgres_schema(postgres_server_url)
    return postgres_server_url.render_as_string(hide_password=False)


@pytest.fixture(params=DIALECTS)
def library_location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """Where a fresh library goes: a SQLite file path, or an empty PostgreSQL database."""
    if request.param == "postgresql":
        return str(request.getfixturevalue("postgres_url"))
    return str(tmp_path / "library.sqlite3")


@pytest.fixture
def library(library_location: str) -> Iterator[Library]:
    with open_library(library_location) as opened:
        yield opened


@pytest.fixture
def sqlite_path(tmp_path: Path) -> Path:
    return tmp_path / "library.sqlite3"


@pytest.fixture
def sqlite_library(sqlite_path: Path) -> Iterator[Library]:
    with open_library(sqlite_path) as opened:
        yield opened


@pytest.fixture
def make_article() -> Callable[..., Article]:
    """``make_article(headline, paragraphs, *, standfirst, byline, section, tags, status)``."""
    return build_article
