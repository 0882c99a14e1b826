"""Opening a PostgreSQL library: unreachable servers, newer schemas, foreign databases."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator

import pytest
from sqlalchemy import create_engine, text

from editor_app.library import LibraryUnavailable, SchemaTooNew, open_library
from editor_app.library.engine import CONNECT_TIMEOUT_SECONDS


def test_a_refused_connection_is_reported_at_once() -> None:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        free_port = probe.getsockname()[1]
    started = time.monotonic()
    with pytest.raises(LibraryUnavailable, match=f"cannot reach .*127.0.0.1:{free_port}") as error:
        open_library(f"postgresql+psycopg://editor@127.0.0.1:{free_port}/news")
    assert time.monotonic() - started < CONNECT_TIMEOUT_SECONDS
    assert "\n" not in str(error.value)


@pytest.fixture
def silent_server() -> Iterator[int]:
    """A port on loopback that accepts connections and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield server.getsockname()[1]
    stop.set()
    thread.join()
    for connection in accepted:
        connection.close()
    server.close()


def test_a_server_that_never_answers_times_out(silent_server: int) -> None:
    started = time.monotonic()
    with pytest.raises(LibraryUnavailable, match="cannot reach"):
        open_library(f"postgresql+psycopg://editor@127.0.0.1:{silent_server}/news")
    elapsed = time.monotonic() - started
    assert CONNECT_TIMEOUT_SECONDS - 0.5 <= elapsed < CONNECT_TIMEOUT_SECONDS + 5


def _execute(url: str, *statements: str) -> None:
    engine = create_engine(url)
    try:
        with engine.begin() as connection:
            for statement in statements:
                connection.execute(text(statement))
    finally:
        engine.dispose()


def _scalar(url: str, statement: str) -> object:
    engine = create_engine(url)
    try:
        with engine.connect() as connection:
            return connection.execute(text(statement)).scalar()
    finally:
        engine.dispose()


def test_a_newer_schema_is_left_untouched(postgres_url: str) -> None:
    open_library(postgres_url).close()
    _execute(postgres_url, "UPDATE alembic_version SET version_num = '0099'")
    with pytest.raises(SchemaTooNew, match="newer Article Editor"):
        open_library(postgres_url)
    assert _scalar(postgres_url, "SELECT version_num FROM alembic_version") == "0099"


def test_a_database_of_another_program_is_refused(postgres_url: str) -> None:
    _execute(postgres_url, "CREATE TABLE invoices (id integer)")
    with pytest.raises(LibraryUnavailable, match="other tables"):
        open_library(postgres_url)
    assert _scalar(postgres_url, "SELECT to_regclass('articles')") is None


def test_a_missing_database_is_reported(postgres_url: str) -> None:
    missing = postgres_url.rsplit("/", 1)[0] + "/no_such_newsroom"
    with pytest.raises(LibraryUnavailable, match="no_such_newsroom"):
        open_library(missing)
