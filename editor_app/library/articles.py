"""Writing and reading articles inside one session each; ``Library`` owns the sessions.

A save is a compare-and-set: ``UPDATE … WHERE id = :id AND version = :expected``, and
only when exactly one row changed does the replaced text become a revision. The row is
read under a write lock first (``BEGIN IMMEDIATE`` on SQLite, ``FOR UPDATE`` on
PostgreSQL) so the revision holds exactly the text that was replaced.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from editor_app.library import codec, history, normalise, taxonomy
from editor_app.library.errors import ArticleNotFound
from editor_app.library.filters import filter_conditions
from editor_app.library.models import ArticleRow, ExportRow, SectionRow
from editor_app.library.records import ArticleSummary, SearchFilters, StoredArticle
from editor_app.model import Article, Status


@dataclass(frozen=True)
class Refused:
    """A save that lost the compare-and-set: the article is at ``current_version``."""

    current_version: int


def locked_row(session: Session, article_id: int) -> ArticleRow:
    row = session.scalar(select(ArticleRow).where(ArticleRow.id == article_id).with_for_update())
    if row is None:
        raise ArticleNotFound(f"there is no article {article_id} in the library")
    return row


def add(session: Session, article: Article, author: str, note: str, now: datetime) -> StoredArticle:
    row = ArticleRow(
        uid=uuid.uuid4().hex,
        slug=_free_slug(session, normalise.slugify(article.meta.headline)),
        section_id=taxonomy.section_id(session, article.meta.section),
        created=now,
        updated=now,
        version=1,
        saved_by=author,
        save_note=note,
        deleted_at=None,
        **codec.article_columns(article),
    )
    session.add(row)
    session.flush()
    taxonomy.set_tags(session, row.id, article.meta.tags)
    return StoredArticle(row.id, row.slug, 1, article, row.created, now, False, author)


def get(session: Session, article_id: int) -> StoredArticle:
    row = session.get(ArticleRow, article_id)
    if row is None:
        raise ArticleNotFound(f"there is no article {article_id} in the library")
    return codec.stored_article(row)


def replace_text(
    session: Session,
    article_id: int,
    article: Article,
    *,
    expected_version: int,
    author: str,
    note: str,
    now: datetime,
) -> StoredArticle | Refused:
    """The current text becomes a revision and ``article`` replaces it, or ``Refused``."""
    row = locked_row(session, article_id)
    if row.version != expected_version:
        return Refused(row.version)
    replaced = history.Snapshot.of_row(row)
    values: dict[str, Any] = {
        **codec.article_columns(article),
        "section_id": taxonomy.section_id(session, article.meta.section),
        "updated": now,
        "version": expected_version + 1,
        "saved_by": author,
        "save_note": note,
    }
    changed = session.connection().execute(
        update(ArticleRow)
        .where(ArticleRow.id == article_id, ArticleRow.version == expected_version)
        .values(**values)
    )
    if changed.rowcount != 1:
        current = session.scalar(select(ArticleRow.version).where(ArticleRow.id == article_id))
        return Refused(current if current is not None else expected_version)
    history.keep(session, article_id, replaced)
    taxonomy.set_tags(session, article_id, article.meta.tags)
    deleted = row.deleted_at is not None
    version = expected_version + 1
    return StoredArticle(article_id, row.slug, version, article, row.created, now, deleted, author)


def set_status(session: Session, article_id: int, status: Status, now: datetime) -> StoredArticle:
    """A status change is not a new text, so it makes no revision; it does take a version,
    so an editor still holding the old status cannot silently save over it."""
    row = locked_row(session, article_id)
    article = codec.read_article(row.body_json, f"article {article_id}").with_meta(status=status)
    row.version += 1
    row.updated = now
    for name, value in codec.article_columns(article).items():
        setattr(row, name, value)
    session.flush()
    return codec.stored_article(row)


def summaries(
    session: Session, filters: SearchFilters, limit: int | None, *, trash: bool = False
) -> list[ArticleSummary]:
    """Newest first; with ``trash``, only the trashed articles, the last one trashed first."""
    conditions = filter_conditions(replace(filters, include_deleted=True) if trash else filters)
    if trash:
        conditions.append(ArticleRow.deleted_at.is_not(None))
    newest = ArticleRow.deleted_at.desc() if trash else ArticleRow.updated.desc()
    query = (
        select(
            ArticleRow.id,
            ArticleRow.slug,
            ArticleRow.headline,
            ArticleRow.status,
            ArticleRow.word_count,
            ArticleRow.updated,
            ArticleRow.version,
            SectionRow.name,
        )
        .outerjoin(SectionRow, SectionRow.id == ArticleRow.section_id)
        .where(*conditions)
        .order_by(newest, ArticleRow.id.desc())
        .limit(limit)
    )
    rows = session.execute(query).all()
    tags = taxonomy.tags_by_article(session, [row.id for row in rows])
    return [
        ArticleSummary(
            id=row.id,
            slug=row.slug,
            headline=row.headline,
            status=Status(row.status),
            section=row.name or "",
            tags=tags.get(row.id, ()),
            word_count=row.word_count,
            updated=row.updated,
            version=row.version,
        )
        for row in rows
    ]


def set_deleted(session: Session, article_id: int, when: datetime | None) -> None:
    locked_row(session, article_id).deleted_at = when


def empty_trash(session: Session) -> int:
    """Deletes trashed articles; their revisions, tags and exports go by ``ON DELETE CASCADE``."""
    removed = session.connection().execute(
        delete(ArticleRow).where(ArticleRow.deleted_at.is_not(None))
    )
    return removed.rowcount


def record_export(
    session: Session, article_id: int, format_name: str, destination: str, now: datetime
) -> None:
    history.require_article(session, article_id)
    session.add(
        ExportRow(
            article_id=article_id, format=format_name, destination=destination, exported_at=now
        )
    )


def _free_slug(session: Session, base: str) -> str:
    taken = set(
        session.scalars(
            select(ArticleRow.slug).where(
                (ArticleRow.slug == base) | ArticleRow.slug.like(f"{base}-%")
            )
        )
    )
    if base not in taken:
        return base
    number = 2
    while f"{base}-{number}" in taken:
        number += 1
    return f"{base}-{number}"
