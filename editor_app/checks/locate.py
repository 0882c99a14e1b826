"""Maps findings, which live in the article model, back to lines and columns of
the file the article was imported from.

Importers rewrite text (Markdown markup goes, hard-wrapped lines are joined,
JSON escapes are decoded, leftovers are dropped, a scraped page's standfirst
comes before its headline), so there is no offset arithmetic that holds for
every format. Instead the words of each piece of the article are aligned, in
order, with the words of the source: a finding lands on the source word that
holds its first character, at the same offset inside it.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from editor_app.model import Article, TextRange, TextRef

_WORD = re.compile(r"\w+")
_ANCHOR_WORDS = 3


@dataclass(frozen=True)
class SourceSpan:
    """1-based line and column of the first character; ``end_line``/``end_column``
    point just past the last character. Columns count characters (code points)."""

    line: int
    column: int
    end_line: int
    end_column: int


@dataclass(frozen=True)
class _Word:
    text: str
    start: int
    end: int


def _words(text: str) -> list[_Word]:
    return [_Word(m.group(), m.start(), m.end()) for m in _WORD.finditer(text)]


class SourceLocator:
    """Built once per file; ``locate`` is cheap."""

    def __init__(self, source: str, article: Article) -> None:
        self._source = source
        self._source_words = _words(source)
        self._positions: dict[str, list[int]] = {}
        for index, word in enumerate(self._source_words):
            self._positions.setdefault(word.text, []).append(index)
        self._line_starts = [0] + [m.end() for m in re.finditer("\n", source)]
        self._alignment: dict[TextRef, list[tuple[_Word, int]]] = {}
        self._texts: dict[TextRef, str] = {}
        self._align(article)

    def locate(self, where: TextRange) -> SourceSpan | None:
        """The source span of a model range, or ``None`` when its text is not in the
        source at all (text the importer made up, such as a default headline)."""
        start = self._source_offset(where.ref, where.start, at_end=False)
        end = self._source_offset(where.ref, where.end, at_end=True)
        if start is None or end is None:
            return None
        end = max(end, start)
        line, column = self._line_column(start)
        end_line, end_column = self._line_column(end)
        return SourceSpan(line, column, end_line, end_column)

    def _align(self, article: Article) -> None:
        body_cursor = 0
        for ref, text in article.segments():
            # Metadata may stand anywhere in the file (front matter, a scraped
            # page's description line); body blocks follow one another.
            cursor = 0 if ref.block < 0 else body_cursor
            pairs = self._align_segment(_words(text), cursor)
            if pairs is None and cursor:
                pairs = self._align_segment(_words(text), 0)
            if pairs:
                self._alignment[ref] = pairs
                self._texts[ref] = text
                if ref.block >= 0:
                    body_cursor = pairs[-1][1] + 1

    def _align_segment(self, words: list[_Word], cursor: int) -> list[tuple[_Word, int]] | None:
        """Pairs (model word, index of the source word), or ``None`` when the
        segment's opening words are not found from ``cursor`` on."""
        if not words:
            return None
        anchor = [word.text for word in words[:_ANCHOR_WORDS]]
        source = self._source_words
        candidates = self._positions.get(anchor[0], [])
        for begin in candidates[bisect_left(candidates, cursor) :]:
            if [word.text for word in source[begin : begin + len(anchor)]] == anchor:
                return self._follow(words, begin)
        return None

    def _follow(self, words: list[_Word], begin: int) -> list[tuple[_Word, int]]:
        pairs: list[tuple[_Word, int]] = []
        index = begin
        for word in words:
            match = self._next_match(word.text, index, window=12)
            if match is not None:
                pairs.append((word, match))
                index = match + 1
        return pairs

    def _next_match(self, text: str, start: int, window: int) -> int | None:
        for index in range(start, min(start + window, len(self._source_words))):
            if self._source_words[index].text == text:
                return index
        return None

    def _source_offset(self, ref: TextRef, offset: int, at_end: bool) -> int | None:
        pairs = self._alignment.get(ref)
        if not pairs:
            return None
        chosen = pairs[0]
        for model_word, source_index in pairs:
            inside = (
                model_word.start < offset <= model_word.end
                if at_end
                else (model_word.start <= offset < model_word.end)
            )
            if inside or model_word.start >= offset:
                chosen = (model_word, source_index)
                break
            chosen = (model_word, source_index)
        model_word, source_index = chosen
        source_word = self._source_words[source_index]
        delta = offset - model_word.start
        if delta < 0:
            # Punctuation before the word (an opening quote): follow it back when the
            # source has the same characters there.
            before = self._texts[ref][offset : model_word.start]
            if self._source[source_word.start + delta : source_word.start] == before:
                return source_word.start + delta
            return source_word.start
        return min(source_word.start + delta, len(self._source))

    def _line_column(self, offset: int) -> tuple[int, int]:
        line_index = bisect_right(self._line_starts, offset) - 1
        return line_index + 1, offset - self._line_starts[line_index] + 1
