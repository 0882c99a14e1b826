"""Quotation marks and quotes: typography, balance, attribution and pull-quote drift.

These are article rules because each needs more than one paragraph's plain
text: straight quotes must be left alone inside inline code (a mark the plain
text does not carry), an unclosed quote is correct news style when the next
paragraph reopens it, and a pull quote must be found in the body. The per-text
work is memoised, so a re-check after an edit costs little more than a scan.

The examples that need quote blocks write them as ``importers/markdown.py`` reads
them: ``> …`` a block quote, a first line ``> [!PULLQUOTE]`` a pull quote, a last
line ``> — Name`` the attribution.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache

from editor_app.checks.base import ArticleRule, CheckContext, Finding, Severity
from editor_app.checks.passages import BodyIndex, quote_pieces
from editor_app.checks.text_units import non_prose_spans, overlaps
from editor_app.model import (
    Article,
    BlockQuote,
    Field,
    Paragraph,
    PullQuote,
    RichText,
    TextRef,
)

_MEMO = 4096
_OPENING_CONTEXT = frozenset(" \t\n\u00a0([{<“‘—–-/")
_ELISIONS = ("tis", "twas", "em", "n", "cause", "til", "bout", "cos")
_STRAIGHT_RUN_RE = re.compile(r"\S*['\"]\S*")
_QUOTE_MARK_RE = re.compile(r"[“”\"‘’']")
_LEADING_MARKS_RE = re.compile(r"^[\W_]+")
_TRAILING_MARKS_RE = re.compile(r"[\W_]+$")
_INLINE_ATTRIBUTION_RE = re.compile(r"[—–-]\s*[^\W\d][^\n]{0,60}$")


@dataclass(frozen=True)
class _Fix:
    start: int
    end: int
    text: str
    replacement: str
    apostrophe_only: bool


def _opens(text: str, index: int) -> bool:
    """Whether a mark at ``index`` sits where a quotation opens."""
    return index == 0 or text[index - 1] in _OPENING_CONTEXT


def _curly(text: str, index: int) -> str | None:
    """The curly form of the straight mark at ``index``; ``None`` for a prime
    (5'10", 12") or anything else to keep."""
    mark = text[index]
    before = text[index - 1] if index else ""
    after = text[index + 1] if index + 1 < len(text) else ""
    if before.isdigit() and not after.isalpha():
        return None  # a prime: feet and inches, minutes and seconds
    if mark == '"':
        return "“" if _opens(text, index) else "”"
    if not _opens(text, index):
        return "’"  # apostrophe or closing single quote
    rest = text[index + 1 : index + 6].lower()
    if after.isdigit() or any(
        rest.startswith(word) and not rest[len(word) : len(word) + 1].isalpha()
        for word in _ELISIONS
    ):
        return "’"  # an elision: ’90s, ’tis, rock ’n’ roll
    return "‘"


@lru_cache(maxsize=_MEMO)
def _straight_fixes(text: str, code: tuple[tuple[int, int], ...]) -> tuple[_Fix, ...]:
    """One fix per white-space-delimited run holding straight marks outside code."""
    fixes: list[_Fix] = []
    skip = non_prose_spans(text) + code
    for run in _STRAIGHT_RUN_RE.finditer(text):
        start, end = run.span()
        if code and overlaps(code, start, end):
            fixes.extend(_single_mark_fixes(text, start, end, skip))
            continue
        if overlaps(skip, start, end):
            continue
        pieces: list[str] = []
        changed_marks: list[str] = []
        for index in range(start, end):
            char = text[index]
            curly = _curly(text, index) if char in "'\"" else None
            pieces.append(curly or char)
            if curly:
                changed_marks.append(curly)
        if changed_marks:
            fixes.append(
                _Fix(start, end, run.group(), "".join(pieces), set(changed_marks) == {"’"})
            )
    return tuple(fixes)


def _single_mark_fixes(
    text: str, start: int, end: int, skip: tuple[tuple[int, int], ...]
) -> Iterator[_Fix]:
    for index in range(start, end):
        if text[index] in "'\"" and not overlaps(skip, index, index + 1):
            curly = _curly(text, index)
            if curly:
                yield _Fix(index, index + 1, text[index], curly, curly == "’")


def _code_spans(rich: RichText) -> tuple[tuple[int, int], ...]:
    spans: list[tuple[int, int]] = []
    offset = 0
    for span in rich:
        if span.code:
            spans.append((offset, offset + len(span.text)))
        offset += len(span.text)
    return tuple(spans)


def _rich_segments(article: Article) -> Iterator[tuple[TextRef, str, tuple[tuple[int, int], ...]]]:
    """Every checkable text with its inline-code stretches."""
    for ref, text in article.segments():
        if ref.block < 0:
            yield ref, text, ()
    for ref, rich in article.rich_segments():
        yield ref, rich.plain, _code_spans(rich)


class StraightQuotes(ArticleRule):
    id = "quotes.straight"
    default_severity = Severity.SUGGESTION
    reason = "Print and web copy set curly quotes and apostrophes; straight ones look typed."
    fires_on = ('He said "we will build it" on Monday.', "The council's plan is ready.")
    passes = (
        "He said “we won’t build it” on Monday.",
        'The goalkeeper is 6\'2" tall and the screen is 27" wide.',
    )

    def check_article(self, article: Article, context: CheckContext) -> Iterator[Finding]:
        for ref, text, code in _rich_segments(article):
            if "'" not in text and '"' not in text:
                continue
            for fix in _straight_fixes(text, code):
                what = "apostrophe" if fix.apostrophe_only else "quotation mark"
                yield self.finding(
                    ref,
                    fix.start,
                    fix.end,
                    fix.text,
                    f"Straight {what}: use the curly form",
                    [fix.replacement],
                )


# -- balance --------------------------------------------------------------------------


@dataclass(frozen=True)
class _Balance:
    unclosed: tuple[int, ...]
    """Opening marks never closed in the text (double quotes)."""
    unopened: tuple[int, ...]
    """Closing double quotes with no opening before them."""
    unclosed_single: tuple[int, ...]


@lru_cache(maxsize=_MEMO)
def _balance(text: str) -> _Balance:
    doubles: list[int] = []
    singles: list[int] = []
    unopened: list[int] = []
    for match in _QUOTE_MARK_RE.finditer(text):
        index = match.start()
        mark = match.group()
        if mark in "'\"" and _curly(text, index) is None:
            continue  # a prime: 5'10"
        if mark == "“" or (mark == '"' and _opens(text, index)):
            doubles.append(index)
        elif mark in '”"':
            if doubles:
                doubles.pop()
            else:
                unopened.append(index)
        elif mark == "‘" or (mark == "'" and _curly(text, index) == "‘"):
            singles.append(index)
        elif singles and not text[index + 1 : index + 2].isalpha():
            singles.pop()  # ’ or ' closing an open single quote, not an apostrophe
    return _Balance(tuple(doubles), tuple(unopened), tuple(singles))


def _reopens(article: Article, index: int) -> bool:
    """Whether body block ``index`` opens with a quotation mark, continuing a quote
    the block before it left open (news style for quotes over several paragraphs)."""
    if index >= len(article.body):
        return False
    block = article.body[index]
    if not isinstance(block, Paragraph | BlockQuote):
        return False
    return block.content.plain.lstrip()[:1] in ("“", '"')


def _word_at(text: str, index: int) -> tuple[int, int]:
    """The mark at ``index`` with the word it is attached to, for a visible underline."""
    start = index
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    end = index + 1
    while end < len(text) and not text[end].isspace():
        end += 1
    return start, end


class UnbalancedQuotes(ArticleRule):
    """Double quotes are paired in each text; an opening left unclosed is news style,
    not an error, when the next body paragraph (or block quote) opens with a quotation
    mark: the quote runs on. A closing mark without an opening is always reported. An
    unclosed single quote is reported with less confidence: ’ doubles as an apostrophe,
    so an unopened closing single quote cannot be told apart and is never reported."""

    id = "quotes.unbalanced"
    default_severity = Severity.WARNING
    reason = "A quotation left open or closed twice leaves readers unsure who is speaking."
    fires_on = (
        "“We will build it, the mayor said.",
        "The mayor said we will build it.” Work starts soon.",
        "He called it ‘a disaster, and left.",
    )
    passes = (
        "“We will build it,” the mayor said.",
        "“We will build it on time.\n\n“And we will build it within budget,” the mayor said.",
        "The ministers’ plan is the councils’ problem, ’tis said.",
    )

    def check_article(self, article: Article, context: CheckContext) -> Iterator[Finding]:
        for ref, text in article.segments():
            if not any(mark in text for mark in "“”\"‘'"):
                continue
            balance = _balance(text)
            continued = (
                ref.field is Field.TEXT
                and isinstance(article.body[ref.block], Paragraph | BlockQuote)
                and _reopens(article, ref.block + 1)
            )
            if not continued:
                for index in balance.unclosed:
                    yield self._at(ref, text, index, "This quotation is never closed")
            for index in balance.unopened:
                yield self._at(ref, text, index, "Closing quotation mark without an opening one")
            for index in balance.unclosed_single:
                yield self._at(ref, text, index, "This single quotation is never closed", 0.7)

    def _at(
        self, ref: TextRef, text: str, index: int, message: str, confidence: float = 1.0
    ) -> Finding:
        start, end = _word_at(text, index)
        return self.finding(ref, start, end, text[start:end], message, confidence=confidence)


# -- quotes set off from the text -----------------------------------------------------


class MissingAttribution(ArticleRule):
    id = "quotes.missing-attribution"
    default_severity = Severity.WARNING
    reason = "A quotation set off from the text must say who said it."
    fires_on = ("> We will build it on time.",)
    passes = ("> We will build it on time.\n> — Ana Ruiz, mayor",)

    def check_article(self, article: Article, context: CheckContext) -> Iterator[Finding]:
        for index, block in enumerate(article.body):
            if not isinstance(block, BlockQuote | PullQuote) or block.attribution.plain.strip():
                continue
            text = block.content.plain
            stripped = text.strip()
            if not stripped:
                continue
            start = len(text) - len(text.lstrip())
            kind = "pull quote" if isinstance(block, PullQuote) else "block quote"
            inline = _INLINE_ATTRIBUTION_RE.search(stripped)
            message = (
                f"The {kind}'s attribution is inside the quote: move it to the attribution"
                if inline
                else f"The {kind} has no attribution: say who said it"
            )
            yield self.finding(
                TextRef(Field.TEXT, index), start, start + len(stripped), stripped, message
            )


def _rewrapped(quote: str, passage: str) -> str:
    """``passage`` with the quote's own opening and closing marks kept around it."""
    opening = len(quote) - len(_LEADING_MARKS_RE.sub("", quote, count=1))
    closing = _TRAILING_MARKS_RE.search(quote)
    suffix = closing.group() if closing else ""
    return quote[:opening] + passage + suffix


class PullQuoteNotInBody(ArticleRule):
    id = "quotes.pullquote-not-in-body"
    default_severity = Severity.ERROR
    reason = "A pull quote must repeat the body word for word, and edits make them drift."
    fires_on = (
        "Work on the bridge will finish in May, the mayor said.\n\n"
        "> [!PULLQUOTE]\n> Work on the bridge will finish in June.",
        "The mayor said the bridge would open in May.\n\n"
        "> [!PULLQUOTE]\n> We never promised a bridge.",
    )
    passes = (
        "The mayor said: “The bridge will open in May, whatever happens.”\n\n"
        "> [!PULLQUOTE]\n> “The bridge will open in May …”",
    )

    def __init__(self) -> None:
        self._index = BodyIndex()

    def check_article(self, article: Article, context: CheckContext) -> Iterator[Finding]:
        pull_quotes = [
            (index, block)
            for index, block in enumerate(article.body)
            if isinstance(block, PullQuote) and block.content.plain.strip()
        ]
        if not pull_quotes:
            return
        self._index.update(article)
        for index, block in pull_quotes:
            text = block.content.plain
            pieces = quote_pieces(text)
            if not pieces or self._index.contains(pieces):
                continue
            stripped = text.strip()
            start = len(text) - len(text.lstrip())
            ref = TextRef(Field.TEXT, index)
            nearest = self._index.nearest(pieces)
            if nearest is None:
                message = "The pull quote's words are not in the body"
                suggestions: list[str] = []
            else:
                message = f"The pull quote differs from the body. The body says: “{nearest}”"
                suggestions = [_rewrapped(stripped, nearest)]
            yield self.finding(ref, start, start + len(stripped), stripped, message, suggestions)


RULES = (StraightQuotes, UnbalancedQuotes, MissingAttribution, PullQuoteNotInBody)
