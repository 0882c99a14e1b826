"""``SearchFilters`` as SQL conditions on ``articles``, shared by listing and search.

Sub-queries rather than joins, so a caller can add them to any select over
``ArticleRow`` with ``.where(*filter_conditions(filters))``.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

from sqlalchemy import ColumnElement, exists, select

from editor_app.library import normalise
from editor_app.library.models import ArticleRow, SectionRow, TagRow, article_tags
from editor_app.library.records import SearchFilters


def start_of_day(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=UTC)


def filter_conditions(filters: SearchFilters) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if not filters.include_deleted:
        conditions.append(ArticleRow.deleted_at.is_(None))
    if filters.status is not None:
        conditions.append(ArticleRow.status == filters.status.value)
    if filters.section is not None:
        wanted = normalise.section_key(filters.section)
        # Equality with the one section (keys are unique), not IN: an IN list could
        # hold several, and SQLite would then sort instead of reading the index in order.
        section = select(SectionRow.id).where(SectionRow.key == wanted).scalar_subquery()
        conditions.append(ArticleRow.section_id == section)
    if filters.tag is not None:
        conditions.append(
            exists()
            .where(article_tags.c.article_id == ArticleRow.id)
            .where(article_tags.c.tag_id == TagRow.id)
            .where(TagRow.name == normalise.tag_name(filters.tag))
        )
    if filters.updated_from is not None:
        conditions.append(ArticleRow.updated >= start_of_day(filters.updated_from))
    if filters.updated_to is not None:
        end = start_of_day(filters.updated_to) + timedelta(days=1)
        conditions.append(ArticleRow.updated < end)
    return conditions
