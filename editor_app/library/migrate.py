"""Runs the Alembic migrations shipped in ``migrations/`` without an ``alembic.ini``.

Every upgrade ends by reinstalling the search objects: on SQLite a batch migration
rebuilds a table by copy-drop-rename, and the drop takes the full-text triggers
with it. Migrations and reinstall commit together, so a failure leaves the library
as it was.
"""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, Engine, text

from editor_app.library.engine import WRITE_OPTION, raw_sqlite
from editor_app.library.errors import LibraryUnavailable, SchemaTooNew
from editor_app.library.fts import install_search

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
_POSTGRESQL_MIGRATION_LOCK = 0x41454C4942  # pg_advisory_xact_lock key: "AELIB"


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS_DIR))
    config.set_main_option("path_separator", "os")
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None, "the library has no migrations"
    return head


def known_revisions() -> frozenset[str]:
    script = ScriptDirectory.from_config(alembic_config())
    return frozenset(revision.revision for revision in script.walk_revisions())


def current_revision(connection: Connection) -> str | None:
    return MigrationContext.configure(connection).get_current_revision()


def needs_upgrade(revision: str | None, where: str) -> bool:
    """Whether a library at ``revision`` must be migrated; ``SchemaTooNew`` when this
    version of the app does not know the revision at all."""
    if revision == head_revision():
        return False
    if revision is None or revision in known_revisions():
        return True
    raise SchemaTooNew(
        f"the library {where} was made by a newer Article Editor (schema {revision}); "
        "update Article Editor to open it"
    )


def upgrade(engine: Engine, target: str = "head") -> None:
    """Migrate to ``target`` and reinstall the search objects, in one transaction."""
    with engine.connect() as connection:
        connection = connection.execution_options(**{WRITE_OPTION: True})
        sqlite = connection.dialect.name == "sqlite"
        if sqlite:
            # Outside any transaction, or SQLite ignores it: a batch rebuild drops
            # ``articles``, which must not cascade to the rows that refer to it.
            raw_sqlite(connection).execute("PRAGMA foreign_keys=OFF")
        try:
            with connection.begin():
                if not sqlite:
                    connection.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"),
                        {"key": _POSTGRESQL_MIGRATION_LOCK},
                    )
                command.upgrade(alembic_config(connection), target)
                install_search(connection, connection.dialect.name)
                if sqlite:
                    _refuse_broken_references(connection)
        finally:
            if sqlite:
                raw_sqlite(connection).execute("PRAGMA foreign_keys=ON")


def _refuse_broken_references(connection: Connection) -> None:
    broken = connection.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
    if broken:
        raise LibraryUnavailable(
            f"the library cannot be upgraded: {len(broken)} rows refer to rows that do not exist"
        )
