"""Trash (``articles.deleted_at``) and CHECK constraints on status and version.

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-28

SQLite cannot add a CHECK constraint to a table, so Alembic's batch mode rebuilds
``articles`` (copy, drop, rename). Dropping the table drops its triggers — the
full-text search triggers among them — which is why ``migrate.upgrade`` reinstalls
the search objects after every upgrade. The rebuild would also reset the
AUTOINCREMENT counter to the highest live id, so it is carried over by hand.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | None = None
depends_on: str | None = None

_STATUSES = "('draft', 'in_edit', 'ready', 'published')"


def upgrade() -> None:
    counter = _autoincrement_counter()
    with op.batch_alter_table("articles", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.add_column(sa.Column("deleted_at", sa.DateTime(timezone=True), nullable=True))
        batch.create_index("ix_articles_deleted_at", ["deleted_at"])
        batch.create_check_constraint("ck_articles_status", sa.text(f"status IN {_STATUSES}"))
        batch.create_check_constraint("ck_articles_version_positive", sa.text("version >= 1"))
    _restore_autoincrement_counter(counter)


def downgrade() -> None:
    counter = _autoincrement_counter()
    with op.batch_alter_table("articles", table_kwargs={"sqlite_autoincrement": True}) as batch:
        batch.drop_constraint("ck_articles_version_positive", type_="check")
        batch.drop_constraint("ck_articles_status", type_="check")
        batch.drop_index("ix_articles_deleted_at")
        batch.drop_column("deleted_at")
    _restore_autoincrement_counter(counter)


def _autoincrement_counter() -> int | None:
    if op.get_context().dialect.name != "sqlite":
        return None
    value = (
        op.get_bind()
        .execute(sa.text("SELECT seq FROM sqlite_sequence WHERE name = 'articles'"))
        .scalar()
    )
    return None if value is None else int(value)


def _restore_autoincrement_counter(counter: int | None) -> None:
    if counter is None:
        return
    bind = op.get_bind()
    parameters = {"counter": counter}
    updated = bind.execute(
        sa.text("UPDATE sqlite_sequence SET seq = MAX(seq, :counter) WHERE name = 'articles'"),
        parameters,
    )
    if updated.rowcount == 0:
        bind.execute(
            sa.text("INSERT INTO sqlite_sequence (name, seq) VALUES ('articles', :counter)"),
            parameters,
        )
