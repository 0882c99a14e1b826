"""Indexes that serve the library panel's lists directly.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-28

Listing the newest articles not in the trash (``WHERE deleted_at IS NULL ORDER BY
updated DESC LIMIT 200``) took 0.5 s on 100,000 articles: SQLite chose the index on
``deleted_at`` — an equality match on almost every row — and then sorted them all.
Partial indexes over the live articles in list order (overall, by status, by
section) let the query stop after its page; the plain ``deleted_at`` index goes,
replaced by one over the trash alone, so the planner cannot pick it for live lists.
Plain CREATE/DROP INDEX: no table rebuild, so the search triggers stay.
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | None = None
depends_on: str | None = None

_LIVE = sa.text("deleted_at IS NULL")
_TRASHED = sa.text("deleted_at IS NOT NULL")
_LIVE_INDEXES = {
    "ix_articles_live_updated": ["updated", "id"],
    "ix_articles_live_status_updated": ["status", "updated", "id"],
    "ix_articles_live_section_updated": ["section_id", "updated", "id"],
}


def upgrade() -> None:
    op.drop_index("ix_articles_deleted_at", table_name="articles")
    op.create_index(
        "ix_articles_trashed",
        "articles",
        ["deleted_at"],
        sqlite_where=_TRASHED,
        postgresql_where=_TRASHED,
    )
    for name, columns in _LIVE_INDEXES.items():
        op.create_index(name, "articles", columns, sqlite_where=_LIVE, postgresql_where=_LIVE)


def downgrade() -> None:
    for name in _LIVE_INDEXES:
        op.drop_index(name, table_name="articles")
    op.drop_index("ix_articles_trashed", table_name="articles")
    op.create_index("ix_articles_deleted_at", "articles", ["deleted_at"])
