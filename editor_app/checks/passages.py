"""Finding a quoted passage in an article's body, exactly or nearly.

Pull quotes repeat the body word for word, but the body gets edited and the
pull quote does not follow. Both sides are compared as lists of normalised
words (case folded, apostrophes straightened, hyphenated words split, quote
marks, dashes and other punctuation dropped), so typography never counts as a
difference; an ellipsis or a bracketed insertion in the quote may stand for
any words of the body.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from functools import lru_cache
from itertools import accumulate
from typing import NamedTuple

from editor_app.checks.text_units import straight_apostrophes, word_parts, words
from editor_app.model import Article, BlockQuote, ListBlock, Paragraph

_MEMO = 4096
_GAP_RE = re.compile(r"…|\.\s*\.\s*\.|\[[^\]]*\]")
"""What may stand for left-out body words: an ellipsis or an [insertion]."""
_CANDIDATES = 5
_CONTEXT_WORDS = 4
_CLOSE_ENOUGH = 0.6
"""The share of words a nearly matching passage must have in common with the quote."""

Piece = tuple[str, ...]


class _Word(NamedTuple):
    norm: str
    start: int
    end: int


@lru_cache(maxsize=_MEMO)
def _normalised_words(text: str) -> tuple[_Word, ...]:
    found: list[_Word] = []
    for word in words(text):
        for part in word_parts(word):
            found.append(_Word(straight_apostrophes(part.text).casefold(), part.start, part.end))
    return tuple(found)


def quote_pieces(text: str) -> tuple[Piece, ...]:
    """The runs of normalised words a quote is made of, split at ellipses and
    [insertions]; empty when the quote has no words."""
    pieces = (tuple(w.norm for w in _normalised_words(part)) for part in _GAP_RE.split(text))
    return tuple(piece for piece in pieces if piece)


def _body_texts(article: Article) -> tuple[str, ...]:
    """The running text a pull quote may come from: paragraphs, block quotes, list items."""
    texts: list[str] = []
    for block in article.body:
        if isinstance(block, Paragraph | BlockQuote):
            texts.append(block.content.plain)
        elif isinstance(block, ListBlock):
            texts.extend(item.plain for item in block.items)
    return tuple(texts)


class BodyIndex:
    """The body's words, rebuilt only when the body text changes."""

    def __init__(self) -> None:
        self._texts: tuple[str, ...] = ()
        self._joined = " "
        self._built = False

    def update(self, article: Article) -> None:
        texts = _body_texts(article)
        if self._built and texts == self._texts:
            return
        self._texts = texts
        all_words = (word.norm for text in texts for word in _normalised_words(text))
        self._joined = " " + " ".join(all_words) + " "
        self._built = True

    def contains(self, pieces: tuple[Piece, ...]) -> bool:
        """Whether every piece appears in the body, in order."""
        position = 0
        for piece in pieces:
            found = self._joined.find(" " + " ".join(piece) + " ", position)
            if found < 0:
                return False
            position = found + len(" ".join(piece))
        return True

    def nearest(self, pieces: tuple[Piece, ...]) -> str | None:
        """The body passage most like the quote, as the body writes it, when it
        shares enough words with the quote; ``None`` otherwise."""
        quote = [word for piece in pieces for word in piece]
        wanted = set(quote)
        candidates: list[tuple[int, int, int]] = []  # (hits, text number, first word)
        for number, text in enumerate(self._texts):
            body = _normalised_words(text)
            hits = [0, *accumulate(1 if word.norm in wanted else 0 for word in body)]
            width = min(len(quote), len(body))
            for first in range(len(body) - width + 1):
                score = hits[first + width] - hits[first]
                if score:
                    candidates.append((score, number, first))
        best: tuple[float, str] | None = None
        for _score, number, first in sorted(candidates, reverse=True)[:_CANDIDATES]:
            ratio, passage = self._refine(quote, number, first)
            if best is None or ratio > best[0]:
                best = (ratio, passage)
        if best is None or best[0] < _CLOSE_ENOUGH:
            return None
        return best[1]

    def _refine(self, quote: list[str], number: int, first: int) -> tuple[float, str]:
        """How well the body around ``first`` matches, and the matched passage."""
        text = self._texts[number]
        body = _normalised_words(text)
        lo = max(0, first - _CONTEXT_WORDS)
        window = body[lo : first + len(quote) + _CONTEXT_WORDS]
        matcher = SequenceMatcher(None, quote, [word.norm for word in window], autojunk=False)
        blocks = [block for block in matcher.get_matching_blocks() if block.size]
        if not blocks:
            return 0.0, ""
        begin = blocks[0].b
        end = blocks[-1].b + blocks[-1].size
        # Stretch to the quote's length when its first or last words were changed.
        begin = max(0, begin - blocks[0].a)
        end = min(len(window), end + len(quote) - (blocks[-1].a + blocks[-1].size))
        matched = sum(block.size for block in blocks)
        ratio = 2 * matched / (len(quote) + end - begin)
        return ratio, text[window[begin].start : window[end - 1].end]
