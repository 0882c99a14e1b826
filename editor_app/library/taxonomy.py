"""Sections and tags, created the first time an article names them."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable

from sqlalchemy import Select, delete, exists, insert, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from editor_app.library import normalise
from editor_app.library.models import ArticleRow, SectionRow, TagRow, article_tags


def section_id(session: Session, name: str) -> int | None:
    """The id of the section called ``name`` (any case or spacing), made if new;
    ``None`` for no section."""
    display = normalise.section_name(name)
    if not display:
        return None
    key = normalise.section_key(display)
    find = select(SectionRow.id).where(SectionRow.key == key)
    return _find_or_insert(session, find, SectionRow(name=display, key=key))


def set_tags(session: Session, article_id: int, tags: Iterable[str]) -> None:
    session.execute(delete(article_tags).where(article_tags.c.article_id == article_id))
    names = normalise.tag_names(tuple(tags))
    if names:
        rows = [{"article_id": article_id, "tag_id": _tag_id(session, name)} for name in names]
        session.execute(insert(article_tags), rows)


def tags_by_article(session: Session, article_ids: Iterable[int]) -> dict[int, tuple[str, ...]]:
    """Each article's normalised tag names, alphabetically."""
    found: defaultdict[int, list[str]] = defaultdict(list)
    query = (
        select(article_tags.c.article_id, TagRow.name)
        .join(TagRow, TagRow.id == article_tags.c.tag_id)
        .where(article_tags.c.article_id.in_(list(article_ids)))
        .order_by(TagRow.name)
    )
    for article_id, name in session.execute(query):
        found[article_id].append(name)
    return {article_id: tuple(names) for article_id, names in found.items()}


def section_names(session: Session) -> list[str]:
    """The sections articles in the library (trash included) are filed under, A to Z."""
    used = exists().where(ArticleRow.section_id == SectionRow.id)
    return list(session.scalars(select(SectionRow.name).where(used).order_by(SectionRow.key)))


def tag_names(session: Session) -> list[str]:
    """The tags articles in the library (trash included) carry, A to Z."""
    used = exists().where(article_tags.c.tag_id == TagRow.id)
    return list(session.scalars(select(TagRow.name).where(used).order_by(TagRow.name)))


def _tag_id(session: Session, name: str) -> int:
    return _find_or_insert(session, select(TagRow.id).where(TagRow.name == name), TagRow(name=name))


def _find_or_insert(session: Session, find: Select[int], new: SectionRow | TagRow) -> int:
    """Insert in a savepoint: when a concurrent writer made the same row first (possible
    on PostgreSQL; SQLite writers are serialised), its row is used."""
    existing = session.scalar(find)
    if existing is not None:
        return existing
    try:
        with session.begin_nested():
            session.add(new)
        return new.id
    except IntegrityError:
        return session.execute(find).scalar_one()
