"""Engines for the two dialects.

SQLite: every connection gets WAL (readers never block the writer),
``foreign_keys=ON`` (cascades for ``empty_trash``), ``busy_timeout=5000`` and
``synchronous=FULL`` — in WAL mode NORMAL is already crash-safe for the process, but
FULL also keeps the last saves across a power cut, for one fsync a save. pysqlite's
own transaction handling is switched off so SQLAlchemy emits ``BEGIN`` itself, and
``BEGIN IMMEDIATE`` for writes: a save reads the current version and replaces it
under one write lock.

PostgreSQL goes through psycopg 3 with a short connect timeout so an unreachable
server is reported in seconds, not minutes.
"""

from __future__ import annotations

import sqlite3
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event
from sqlalchemy.pool import ConnectionPoolEntry

from editor_app.library.location import Location

WRITE_OPTION = "library_write"
"""Execution option: the transaction will write (``BEGIN IMMEDIATE`` on SQLite)."""
CONNECT_TIMEOUT_SECONDS = 3
SQLITE_PRAGMAS = (
    "PRAGMA journal_mode=WAL",
    "PRAGMA foreign_keys=ON",
    "PRAGMA busy_timeout=5000",
    "PRAGMA synchronous=FULL",
)


def create_library_engine(location: Location) -> Engine:
    if location.path is not None:
        return _sqlite_engine(location)
    return create_engine(
        location.url,
        connect_args={"connect_timeout": CONNECT_TIMEOUT_SECONDS},
        pool_pre_ping=True,
    )


def _sqlite_engine(location: Location) -> Engine:
    engine = create_engine(location.url)

    @event.listens_for(engine, "connect")
    def _configure(dbapi_connection: sqlite3.Connection, _record: ConnectionPoolEntry) -> None:
        dbapi_connection.isolation_level = None
        for pragma in SQLITE_PRAGMAS:
            dbapi_connection.execute(pragma)

    @event.listens_for(engine, "begin")
    def _begin(connection: Connection) -> None:
        writes = connection.get_execution_options().get(WRITE_OPTION, False)
        connection.exec_driver_sql("BEGIN IMMEDIATE" if writes else "BEGIN")

    return engine


def raw_sqlite(connection: Connection) -> sqlite3.Connection:
    """The pysqlite connection under a SQLAlchemy one (for PRAGMAs outside a transaction
    and the backup API)."""
    driver: Any = connection.connection.driver_connection
    assert isinstance(driver, sqlite3.Connection)
    return driver
