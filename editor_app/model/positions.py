"""Addresses of text inside an article, shared by the checks, the editor and the exporters.

A ``TextRef`` names one editable piece of text (the headline, the text of body
block 3, the attribution of block 5, item 2 of the list at block 7). A
``Position`` is a code-point offset inside such a piece, and a ``TextRange`` a
span inside one piece. Tracked changes and comments, when they come, anchor to
``TextRange`` values too.

Qt counts UTF-16 code units; Python counts code points. The two conversion
functions here are the only place that arithmetic lives.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class Field(StrEnum):
    HEADLINE = "headline"
    STANDFIRST = "standfirst"
    BYLINE = "byline"
    DATELINE = "dateline"
    TEXT = "text"
    ATTRIBUTION = "attribution"
    ITEM = "item"


_FIELD_ORDER = {name: order for order, name in enumerate(Field)}


@dataclass(frozen=True, slots=True)
class TextRef:
    """One editable piece of text. ``block`` is -1 for the metadata fields."""

    field: Field
    block: int = -1
    item: int = 0

    @property
    def sort_key(self) -> tuple[int, int, int]:
        """Reading order: metadata first, then blocks, text before attribution."""
        return (self.block, self.item, _FIELD_ORDER[self.field])

    def __lt__(self, other: TextRef) -> bool:
        return self.sort_key < other.sort_key

    def __str__(self) -> str:
        if self.block < 0:
            return self.field.value
        if self.field is Field.ITEM:
            return f"body[{self.block}].item[{self.item}]"
        return f"body[{self.block}].{self.field.value}"


@dataclass(frozen=True, slots=True)
class Position:
    ref: TextRef
    offset: int

    def __lt__(self, other: Position) -> bool:
        return (self.ref.sort_key, self.offset) < (other.ref.sort_key, other.offset)


@dataclass(frozen=True, slots=True)
class TextRange:
    """A half-open range ``[start, end)`` of code points inside one piece of text."""

    ref: TextRef
    start: int
    end: int

    def __post_init__(self) -> None:
        if not 0 <= self.start <= self.end:
            raise ValueError(f"bad range {self.start}..{self.end}")

    @property
    def begin(self) -> Position:
        return Position(self.ref, self.start)

    def __lt__(self, other: TextRange) -> bool:
        return (self.ref.sort_key, self.start, self.end) < (
            other.ref.sort_key,
            other.start,
            other.end,
        )


def utf16_offset(text: str, codepoint_offset: int) -> int:
    """The UTF-16 offset (Qt's unit) of a code-point offset into ``text``."""
    prefix = text[:codepoint_offset]
    if prefix.isascii():  # the common case, and on the typing path
        return codepoint_offset
    return codepoint_offset + sum(1 for char in prefix if ord(char) > 0xFFFF)


def codepoint_offset(text: str, utf16_offset_value: int) -> int:
    """The code-point offset of a UTF-16 offset into ``text``.

    An offset that falls between the two halves of a surrogate pair snaps to the
    start of that character.
    """
    units = 0
    for index, char in enumerate(text):
        width = 2 if ord(char) > 0xFFFF else 1
        if units + width > utf16_offset_value:
            return index
        units += width
    return len(text)
