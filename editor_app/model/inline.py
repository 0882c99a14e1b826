"""Inline text: runs of characters that share the same marks.

A paragraph's content is a ``RichText``: an immutable, normalised tuple of
``Span`` objects. Offsets into a ``RichText`` count Python code points of its
plain text, the unit every position in the model uses (the Qt adapter converts
to and from UTF-16 at its edge).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field, replace
from functools import cached_property


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text with one set of inline marks.

    ``link`` is the target URL when the run is a hyperlink. A line break inside
    a block (Shift+Enter) is a ``"\\n"`` in ``text``.
    """

    text: str
    bold: bool = False
    italic: bool = False
    code: bool = False
    link: str | None = None

    def same_marks(self, other: Span) -> bool:
        return (self.bold, self.italic, self.code, self.link) == (
            other.bold,
            other.italic,
            other.code,
            other.link,
        )

    def with_text(self, text: str) -> Span:
        return replace(self, text=text)


@dataclass(frozen=True)
class RichText:
    """Immutable inline content, always normalised.

    Normalised means no empty spans and no two neighbours with the same marks,
    so two ``RichText`` values with the same text and formatting compare equal
    however they were built.
    """

    spans: tuple[Span, ...] = field(default=())

    def __post_init__(self) -> None:
        object.__setattr__(self, "spans", _normalise(self.spans))

    @classmethod
    def plain_text(cls, text: str) -> RichText:
        return cls((Span(text),))

    @classmethod
    def of(cls, spans: Iterable[Span]) -> RichText:
        return cls(tuple(spans))

    @cached_property
    def plain(self) -> str:
        return "".join(span.text for span in self.spans)

    def __len__(self) -> int:
        return len(self.plain)

    def __bool__(self) -> bool:
        return bool(self.spans)

    def __iter__(self) -> Iterator[Span]:
        return iter(self.spans)

    def __add__(self, other: RichText) -> RichText:
        return RichText(self.spans + other.spans)

    def slice(self, start: int, end: int | None = None) -> RichText:
        """The content between two code-point offsets, marks kept."""
        length = len(self)
        stop = length if end is None else max(0, min(end, length))
        begin = max(0, min(start, stop))
        pieces: list[Span] = []
        offset = 0
        for span in self.spans:
            span_end = offset + len(span.text)
            lo, hi = max(begin, offset), min(stop, span_end)
            if lo < hi:
                pieces.append(span.with_text(span.text[lo - offset : hi - offset]))
            offset = span_end
        return RichText(tuple(pieces))

    def strip(self) -> RichText:
        """Leading and trailing white space removed, marks kept."""
        text = self.plain
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        return self.slice(start, end)

    def replace_range(self, start: int, end: int, replacement: str) -> RichText:
        """Replace ``[start, end)`` with plain text that takes the marks of the first
        replaced character (or of the character before an insertion)."""
        template = self._span_at(start if start < end else max(0, start - 1))
        if template is None:
            inserted = RichText.plain_text(replacement)
        else:
            inserted = RichText((template.with_text(replacement),))
        return self.slice(0, start) + inserted + self.slice(end)

    def _span_at(self, offset: int) -> Span | None:
        position = 0
        for span in self.spans:
            if position <= offset < position + len(span.text):
                return span
            position += len(span.text)
        return self.spans[-1] if self.spans else None


def _normalise(spans: Iterable[Span]) -> tuple[Span, ...]:
    merged: list[Span] = []
    for span in spans:
        if not span.text:
            continue
        if merged and merged[-1].same_marks(span):
            merged[-1] = merged[-1].with_text(merged[-1].text + span.text)
        else:
            merged.append(span)
    return tuple(merged)
