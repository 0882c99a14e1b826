"""The newsroom's style book: the canonical spelling of names and terms.

Entries come from the starter book shipped in ``resources/stylebook/`` (facts
only: heads of state and government, foreign ministers, leaders of
international organisations, countries and capitals), from a newsroom's own
file, and later from the library.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class EntryKind(StrEnum):
    PERSON = "person"
    PLACE = "place"
    ORGANISATION = "organisation"
    TERM = "term"


@dataclass(frozen=True)
class StyleBookEntry:
    """``variants``: other accepted spellings; ``nicknames``: accepted short forms of a
    given name ("Bill" for William); ``wrong``: known wrong spellings to flag."""

    canonical: str
    kind: EntryKind
    variants: tuple[str, ...] = ()
    nicknames: tuple[str, ...] = ()
    wrong: tuple[str, ...] = ()
    note: str = ""
    source: str = ""
