"""Revisions: every text an article had before it was replaced, and refused saves.

Numbers run 1, 2, 3… per article with no gaps (``integrity_check`` verifies it); a
revision is never changed or removed except when its article leaves the trash for good.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from datetime import datetime

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from editor_app.library import codec
from editor_app.library.errors import ArticleNotFound, RevisionNotFound
from editor_app.library.models import ArticleRow, RevisionRow
from editor_app.library.records import RevisionSummary
from editor_app.model import Article


@dataclass(frozen=True)
class Snapshot:
    """What goes into a revision: an article's text and who saved it, when."""

    saved_at: datetime
    author: str
    note: str
    headline: str
    word_count: int
    body_json: str

    @classmethod
    def of_row(cls, row: ArticleRow) -> Snapshot:
        return cls(
            row.updated, row.saved_by, row.save_note, row.headline, row.word_count, row.body_json
        )

    @classmethod
    def of_article(cls, article: Article, saved_at: datetime, author: str, note: str) -> Snapshot:
        return cls(
            saved_at,
            author,
            note,
            article.meta.headline,
            article.word_count(),
            codec.article_json(article),
        )


def keep(session: Session, article_id: int, snapshot: Snapshot) -> int:
    """Store ``snapshot`` as the article's next revision; its number. The caller holds
    the article's row lock, so numbers cannot collide."""
    number = _last_number(session, article_id) + 1
    session.add(
        RevisionRow(
            article_id=article_id,
            number=number,
            saved_at=snapshot.saved_at,
            author=snapshot.author,
            note=snapshot.note,
            headline=snapshot.headline,
            word_count=snapshot.word_count,
            body_json=snapshot.body_json,
        )
    )
    session.flush()
    return number


def summaries(session: Session, article_id: int) -> list[RevisionSummary]:
    require_article(session, article_id)
    rows = session.scalars(
        select(RevisionRow)
        .where(RevisionRow.article_id == article_id)
        .order_by(RevisionRow.number.desc())
    )
    return [codec.revision_summary(row) for row in rows]


def revision(session: Session, article_id: int, number: int) -> Article:
    require_article(session, article_id)
    row = session.scalar(
        select(RevisionRow).where(
            RevisionRow.article_id == article_id, RevisionRow.number == number
        )
    )
    if row is None:
        raise RevisionNotFound(f"article {article_id} has no revision {number}")
    return codec.revision_article(row)


def diff(old: Article, new: Article, old_label: str, new_label: str) -> list[str]:
    """A unified diff of the two texts, one line a paragraph (metadata fields first)."""
    return list(
        difflib.unified_diff(
            diff_lines(old), diff_lines(new), fromfile=old_label, tofile=new_label, lineterm=""
        )
    )


def diff_lines(article: Article) -> list[str]:
    return [line for _ref, text in article.segments() for line in text.splitlines()]


def require_article(session: Session, article_id: int) -> None:
    if session.scalar(select(ArticleRow.id).where(ArticleRow.id == article_id)) is None:
        raise ArticleNotFound(f"there is no article {article_id} in the library")


def _last_number(session: Session, article_id: int) -> int:
    return session.execute(
        select(func.coalesce(func.max(RevisionRow.number), 0)).where(
            RevisionRow.article_id == article_id
        )
    ).scalar_one()
