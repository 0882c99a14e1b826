"""The newsroom's style-book entries kept in the library, one row per canonical form."""

from __future__ import annotations

from collections.abc import Iterable

from sqlalchemy import select
from sqlalchemy.orm import Session

from editor_app.checks.stylebook import StyleBookEntry
from editor_app.library import codec
from editor_app.library.models import StyleBookRow


def entries(session: Session) -> list[StyleBookEntry]:
    rows = session.scalars(select(StyleBookRow).order_by(StyleBookRow.canonical))
    return [codec.stylebook_entry(row) for row in rows]


def put(session: Session, entry: StyleBookEntry) -> None:
    """Insert, or replace the entry with the same canonical form."""
    values = codec.stylebook_columns(entry)
    row = session.scalar(select(StyleBookRow).where(StyleBookRow.canonical == entry.canonical))
    if row is None:
        session.add(StyleBookRow(**values))
    else:
        for name, value in values.items():
            setattr(row, name, value)
    session.flush()


def put_all(session: Session, new_entries: Iterable[StyleBookEntry]) -> int:
    count = 0
    for entry in new_entries:
        put(session, entry)
        count += 1
    return count


def remove(session: Session, canonical: str) -> bool:
    """Whether there was an entry with that canonical form to remove."""
    row = session.scalar(select(StyleBookRow).where(StyleBookRow.canonical == canonical))
    if row is None:
        return False
    session.delete(row)
    session.flush()
    return True


def replace(session: Session, old_canonical: str, entry: StyleBookEntry) -> None:
    """``entry`` instead of the one named ``old_canonical`` (a rename when the canonical
    forms differ; another entry already named like ``entry`` is replaced too)."""
    if old_canonical != entry.canonical:
        remove(session, old_canonical)
    put(session, entry)
