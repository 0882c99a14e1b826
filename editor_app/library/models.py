"""The ORM tables (SQLAlchemy 2.x typed). Rows stay inside ``editor_app.library``.

The migrations in ``migrations/versions`` create exactly this schema; a test compares
the two. Times are stored in UTC and come back timezone-aware on both dialects.
"""

from __future__ import annotations

from datetime import UTC, datetime

from sqlalchemy import (
    CheckConstraint,
    Column,
    DateTime,
    Dialect,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    UniqueConstraint,
    text,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column
from sqlalchemy.types import TypeDecorator

from editor_app.model import Status

NAMING_CONVENTION = {
    "ix": "ix_%(table_name)s_%(column_0_N_name)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
"""Named constraints, so migrations (and SQLite batch rebuilds) can address them."""

STATUS_VALUES = tuple(status.value for status in Status)


class UtcDateTime(TypeDecorator[datetime]):
    """Aware datetimes in, aware UTC datetimes out; SQLite keeps naive UTC text."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("library times must be timezone-aware")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Dialect) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


_LIVE = text("deleted_at IS NULL")
_TRASHED = text("deleted_at IS NOT NULL")
LIVE_LIST_INDEXES: dict[str, tuple[str, ...]] = {
    "ix_articles_live_updated": ("updated", "id"),
    "ix_articles_live_status_updated": ("status", "updated", "id"),
    "ix_articles_live_section_updated": ("section_id", "updated", "id"),
}
"""Partial indexes over the articles not in the trash, in list order."""


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


class SectionRow(Base):
    """``name`` as first typed, for display; ``key`` its case-folded form, for matching —
    folded in Python, because SQLite's ``lower()`` only knows ASCII."""

    __tablename__ = "sections"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)
    key: Mapped[str] = mapped_column(String(200), unique=True)


class TagRow(Base):
    __tablename__ = "tags"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    name: Mapped[str] = mapped_column(String(200), unique=True)


class ArticleRow(Base):
    """``body_json`` is the canonical ``.article.json`` document and the source of truth;
    the other text columns are copies of it for listing, filtering and search."""

    __tablename__ = "articles"
    __table_args__ = (
        CheckConstraint(f"status IN {STATUS_VALUES!r}", name="status"),
        CheckConstraint("version >= 1", name="version_positive"),
        # The lists the library panel shows, newest first, each served by one index
        # scan that stops at the page's last row (migration 0003 explains why partial).
        *(
            Index(name, *columns, sqlite_where=_LIVE, postgresql_where=_LIVE)
            for name, columns in LIVE_LIST_INDEXES.items()
        ),
        Index(
            "ix_articles_trashed", "deleted_at", sqlite_where=_TRASHED, postgresql_where=_TRASHED
        ),
        # Never reuse the id of an emptied-from-trash article: exports refer to it.
        {"sqlite_autoincrement": True},
    )

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    uid: Mapped[str] = mapped_column(String(32), unique=True)
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    headline: Mapped[str] = mapped_column(Text)
    standfirst: Mapped[str] = mapped_column(Text)
    byline: Mapped[str] = mapped_column(Text)
    dateline: Mapped[str] = mapped_column(Text)
    section_id: Mapped[int | None] = mapped_column(
        ForeignKey("sections.id", ondelete="SET NULL"), index=True
    )
    status: Mapped[str] = mapped_column(String(16), index=True)
    language: Mapped[str] = mapped_column(String(35))
    body_json: Mapped[str] = mapped_column(Text)
    body_text: Mapped[str] = mapped_column(Text)
    tags_text: Mapped[str] = mapped_column(Text)
    word_count: Mapped[int] = mapped_column(Integer)
    created: Mapped[datetime] = mapped_column(UtcDateTime)
    updated: Mapped[datetime] = mapped_column(UtcDateTime, index=True)
    version: Mapped[int] = mapped_column(Integer)
    saved_by: Mapped[str] = mapped_column(Text)
    """Who saved the current text: it moves to the revision when the text is replaced."""
    save_note: Mapped[str] = mapped_column(Text)
    deleted_at: Mapped[datetime | None] = mapped_column(UtcDateTime)


article_tags = Table(
    "article_tags",
    Base.metadata,
    Column("article_id", ForeignKey("articles.id", ondelete="CASCADE"), primary_key=True),
    Column("tag_id", ForeignKey("tags.id", ondelete="CASCADE"), primary_key=True),
    Index(None, "tag_id"),
)


class RevisionRow(Base):
    """A text the article had before it was replaced (or a refused conflicting save)."""

    __tablename__ = "revisions"
    __table_args__ = (UniqueConstraint("article_id", "number"),)

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(ForeignKey("articles.id", ondelete="CASCADE"))
    number: Mapped[int] = mapped_column(Integer)
    saved_at: Mapped[datetime] = mapped_column(UtcDateTime)
    author: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text)
    headline: Mapped[str] = mapped_column(Text)
    word_count: Mapped[int] = mapped_column(Integer)
    body_json: Mapped[str] = mapped_column(Text)


class StyleBookRow(Base):
    """``variants``, ``nicknames`` and ``wrong`` are JSON arrays of strings in TEXT."""

    __tablename__ = "stylebook_entries"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    canonical: Mapped[str] = mapped_column(String(300), unique=True)
    kind: Mapped[str] = mapped_column(String(20))
    variants: Mapped[str] = mapped_column(Text)
    nicknames: Mapped[str] = mapped_column(Text)
    wrong: Mapped[str] = mapped_column(Text)
    note: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(Text)


class ExportRow(Base):
    __tablename__ = "exports"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    article_id: Mapped[int] = mapped_column(
        ForeignKey("articles.id", ondelete="CASCADE"), index=True
    )
    format: Mapped[str] = mapped_column(String(40))
    destination: Mapped[str] = mapped_column(Text)
    exported_at: Mapped[datetime] = mapped_column(UtcDateTime)
