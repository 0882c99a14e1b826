"""Word and character counts, reading time and the length target, as text for the status bar.

No Qt here: the status bar feeds it block texts and the selection, and the
tests check the arithmetic without a window. Words are counted the way
``Article.word_count`` counts them (runs of non-space characters), so the
status bar and the exported article never disagree.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import dataclass

READING_WORDS_PER_MINUTE = 230

_SEPARATORS = str.maketrans("", "", "\u2028\u2029\n\r")
"""Line and paragraph breaks are layout, not characters the reader counts."""


@dataclass(frozen=True)
class TextCounts:
    words: int = 0
    characters: int = 0
    """Code points with spaces, without line or paragraph breaks."""

    def __add__(self, other: TextCounts) -> TextCounts:
        return TextCounts(self.words + other.words, self.characters + other.characters)


def count_text(text: str) -> TextCounts:
    return TextCounts(len(text.split()), len(text.translate(_SEPARATORS)))


def count_texts(texts: Iterable[str]) -> TextCounts:
    total = TextCounts()
    for text in texts:
        total += count_text(text)
    return total


def plural(count: int, singular: str, many: str | None = None) -> str:
    return f"{count:,} {singular if count == 1 else (many or singular + 's')}"


def counts_text(counts: TextCounts) -> str:
    """ "654 words · 3,912 characters" """
    return f"{plural(counts.words, 'word')} · {plural(counts.characters, 'character')}"


def selection_text(selected: TextCounts, total: TextCounts) -> str:
    """ "12 of 654 words selected · 70 characters" """
    return (
        f"{selected.words:,} of {plural(total.words, 'word')} selected"
        f" · {plural(selected.characters, 'character')}"
    )


def reading_minutes(words: int, words_per_minute: int = READING_WORDS_PER_MINUTE) -> int:
    """Whole minutes, rounded up: a 240-word brief is a 2-minute read, not 1."""
    if words <= 0:
        return 0
    return math.ceil(words / words_per_minute)


def reading_time_text(words: int) -> str:
    minutes = reading_minutes(words)
    return "< 1 min read" if minutes == 0 else f"{minutes} min read"


@dataclass(frozen=True)
class LengthStatus:
    """The words against the target; ``over`` is how many words too long (0 when not)."""

    words: int
    target: int

    @property
    def over(self) -> int:
        return max(0, self.words - self.target) if self.target > 0 else 0

    @property
    def text(self) -> str:
        """ "654 / 800 words", or "928 / 800 words · 128 over" """
        if self.target <= 0:
            return plural(self.words, "word")
        shown = f"{self.words:,} / {self.target:,} words"
        return f"{shown} · {self.over:,} over" if self.over else shown
