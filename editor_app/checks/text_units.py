"""Words, sentences and non-prose stretches of plain text, with code-point offsets.

Every check needs the same few units, so they are cut here once: results are
memoised per text (rules that look at the same paragraph share one cut), and all
offsets are code-point offsets into the text given, the unit the model uses, so
``text[token.start:token.end] == token.text`` always holds.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import NamedTuple

_MEMO = 4096
"""Texts remembered per function: a long article has a few hundred segments."""

APOSTROPHES = "'’ʼ‘"
"""Characters writers use as an apostrophe (‘ only by mistake, but it happens)."""
HYPHENS = "-‐"

_COMBINING = "\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f"
# A letter or digit, or a combining mark (decomposed accents): Python's \w has no marks.
_LETTER = rf"(?:[^\W_]|[{_COMBINING}])"
WORD_RE = re.compile(rf"{_LETTER}++(?:[{HYPHENS}{APOSTROPHES}]{_LETTER}++)*+")
"""A word: letters and digits, joined by inner hyphens and apostrophes ("well-known",
"don’t", "O’Brien"); a leading or trailing apostrophe is left out."""

_TO_STRAIGHT = str.maketrans({"’": "'", "ʼ": "'", "‘": "'"})

# -- sentences ------------------------------------------------------------------------

_SENTENCE_END_RE = re.compile(r"[.!?…]+[\"'”’)\]]*+(?=\s|$)|\n[ \t]*\n\s*")
_ABBREVIATION_LIST = """mr mrs ms mx dr prof st sr jr gen col lt capt cmdr sgt maj rev hon gov
    sen rep pres supt insp det cllr fr vs v etc e.g i.e eg ie no nos approx est dept inc ltd
    co corp bros mt ft ave rd jan feb mar apr jun jul aug sep sept oct nov dec a.m p.m cf al
    fig vol pp op u.s u.k u.n"""
_ABBREVIATIONS = frozenset(_ABBREVIATION_LIST.split())
_NEXT_CHAR_RE = re.compile(r"\s*(\S?)")
_OPENERS = "\"'“‘([«¿¡"

# -- non-prose ----------------------------------------------------------------------

_DOMAINS = "com|org|net|gov|edu|int|io|co|uk|eu|de|fr|info|news|ly"
_TRAILING_PUNCTUATION = ".,;:!?)]}”’\"'"
NON_PROSE_RE = re.compile(
    r"""
    (?:https?|ftp)://\S+                                # URLs with a scheme
  | \bwww\.\S+                                          # www.example.org/...
  | \b[\w.+-]+@[\w-]+(?:\.[\w-]+)+                      # e-mail addresses
  | (?<![\w@])@\w+                                      # @handles
  | (?<![\w&#])\#\w*[^\W\d]\w*                          # #tags (not #1)
  | \b(?:[a-z0-9-]+\.)+(?:"""
    + _DOMAINS
    + r""")\b(?:/\S*)?
    """,
    re.VERBOSE | re.IGNORECASE,
)

_NON_PROSE_HINT_RE = re.compile(rf"[@#]|://|www\.|\.(?i:{_DOMAINS})\b")


class Token(NamedTuple):
    """A piece of text and where it sits: ``text == source[start:end]``."""

    text: str
    start: int
    end: int


@lru_cache(maxsize=_MEMO)
def words(text: str) -> tuple[Token, ...]:
    """Every word in ``text``, in order."""
    return tuple(Token(m.group(), m.start(), m.end()) for m in WORD_RE.finditer(text))


def straight_apostrophes(word: str) -> str:
    """``word`` with curly and modifier apostrophes as the ASCII one dictionaries use."""
    return word.translate(_TO_STRAIGHT)


def word_parts(word: Token) -> tuple[Token, ...]:
    """The hyphen-separated parts of a word ("well-known" → "well", "known")."""
    if not any(hyphen in word.text for hyphen in HYPHENS):
        return (word,)
    parts: list[Token] = []
    start = 0
    for index, char in enumerate(word.text + "-"):
        if char in HYPHENS:
            if index > start:
                parts.append(Token(word.text[start:index], word.start + start, word.start + index))
            start = index + 1
    return tuple(parts)


@lru_cache(maxsize=_MEMO)
def sentences(text: str) -> tuple[Token, ...]:
    """The sentences of ``text``, white space trimmed, in order.

    A full stop after a known abbreviation ("Dr.", "e.g.") or an initial ("J. K.")
    does not end a sentence, nor does any end mark followed by a lowercase word;
    a blank line always does.
    """
    found: list[Token] = []
    start = 0
    for match in _SENTENCE_END_RE.finditer(text):
        end = match.end()
        if not match.group().startswith("\n") and not _ends_sentence(text, match):
            continue
        _add_trimmed(found, text, start, end)
        start = end
    _add_trimmed(found, text, start, len(text))
    return tuple(found)


def _ends_sentence(text: str, match: re.Match[str]) -> bool:
    following = _NEXT_CHAR_RE.match(text, match.end())
    first = following.group(1) if following else ""
    if first and not (first.isupper() or first.isdigit() or first in _OPENERS):
        return False
    if match.group()[0] != "." or len(match.group().rstrip("\"'”’)]")) > 1:
        return True
    word_start = match.start()
    while word_start > 0 and (text[word_start - 1].isalnum() or text[word_start - 1] == "."):
        word_start -= 1
    previous = text[word_start : match.start()]
    if len(previous) == 1 and previous.isupper():
        return False  # an initial: "J. K. Rowling"
    return previous.lower() not in _ABBREVIATIONS


def _add_trimmed(found: list[Token], text: str, start: int, end: int) -> None:
    piece = text[start:end]
    stripped = piece.strip()
    if stripped:
        offset = start + (len(piece) - len(piece.lstrip()))
        found.append(Token(stripped, offset, offset + len(stripped)))


@lru_cache(maxsize=_MEMO)
def non_prose_spans(text: str) -> tuple[tuple[int, int], ...]:
    """Stretches that are not prose and that prose rules should leave alone: URLs,
    e-mail addresses, @handles and #tags (trailing punctuation excluded)."""
    if not _NON_PROSE_HINT_RE.search(text):
        return ()  # the common case, found ten times faster than by the full pattern
    spans: list[tuple[int, int]] = []
    for match in NON_PROSE_RE.finditer(text):
        end = match.end()
        while end > match.start() + 1 and text[end - 1] in _TRAILING_PUNCTUATION:
            end -= 1
        spans.append((match.start(), end))
    return tuple(spans)


def overlaps(spans: tuple[tuple[int, int], ...], start: int, end: int) -> bool:
    """Whether ``[start, end)`` touches any of ``spans``."""
    return any(span_start < end and start < span_end for span_start, span_end in spans)


def count_words(text: str, start: int = 0, end: int | None = None) -> int:
    """Words in ``text[start:end]`` as a reader counts them: hyphenated compounds and
    contractions count once. Cheaper than ``len(words(...))``: no tokens are built."""
    return len(WORD_RE.findall(text, start, len(text) if end is None else end))
