"""Alembic's entry point: runs on the connection ``migrate.upgrade`` hands over.

That connection is already inside a transaction, so Alembic joins it and the
caller commits the migrations together with the search objects it reinstalls.
"""

from __future__ import annotations

from alembic import context

from editor_app.library.models import Base


def run_migrations() -> None:
    connection = context.config.attributes.get("connection")
    if connection is None:
        raise RuntimeError("the library migrations run only through editor_app.library.migrate")
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
    )
    with context.begin_transaction():
        context.run_migrations()


run_migrations()
