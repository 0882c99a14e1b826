"""Two versions of an article side by side: lines aligned, changed words marked.

The history dialog and the save-conflict dialog show an older text next to a
newer one. Both are rendered as readable lines (headline, standfirst, byline,
dateline, then one line a paragraph, heading, quote or list item); ``difflib``
aligns the lines, pairs the most similar of the replaced ones as *changed*, and
marks the words that differ inside a changed pair. Every row keeps the exact
text of both sides, so the two columns always rebuild the two articles' lines
(a hypothesis test holds it to that). Pure Python: the Qt view only paints it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from difflib import SequenceMatcher
from enum import StrEnum

from editor_app.model import (
    Article,
    BlockQuote,
    CodeBlock,
    Heading,
    HorizontalRule,
    ListBlock,
    Paragraph,
    PullQuote,
)


class LineKind(StrEnum):
    HEADLINE = "headline"
    STANDFIRST = "standfirst"
    BYLINE = "byline"
    DATELINE = "dateline"
    HEADING = "heading"
    PARAGRAPH = "paragraph"
    QUOTE = "quote"
    PULL_QUOTE = "pull_quote"
    ATTRIBUTION = "attribution"
    ITEM = "item"
    CODE = "code"
    RULE = "rule"


METADATA_KINDS: tuple[LineKind, ...] = (
    LineKind.HEADLINE,
    LineKind.STANDFIRST,
    LineKind.BYLINE,
    LineKind.DATELINE,
)
RULE_TEXT = "―――"
_TOKEN = re.compile(r"\w+|\s+|[^\w\s]")
_WORD = re.compile(r"\w+")
SIMILAR_ENOUGH = 0.4
"""Two replaced lines at least this alike are shown as one changed line, not as a
removal and an addition."""
_PAIRING_LIMIT = 400
"""Above this many candidate pairs in one replaced stretch, pair lines in order."""


@dataclass(frozen=True)
class Line:
    kind: LineKind
    text: str


def article_lines(article: Article) -> list[Line]:
    """The article as a reader would scan it, one line a piece of text (a line may hold
    line breaks: a paragraph with Shift+Enter, a code block)."""
    meta = article.meta
    lines = [
        Line(kind, value)
        for kind, value in (
            (LineKind.HEADLINE, meta.headline),
            (LineKind.STANDFIRST, meta.standfirst),
            (LineKind.BYLINE, meta.credit_line),
            (LineKind.DATELINE, meta.dateline),
        )
        if value
    ]
    for block in article.body:
        lines.extend(_block_lines(block))
    return lines


def _block_lines(block: object) -> Iterator[Line]:
    match block:
        case Heading():
            yield Line(LineKind.HEADING, block.content.plain)
        case Paragraph():
            yield Line(LineKind.PARAGRAPH, block.content.plain)
        case BlockQuote() | PullQuote():
            kind = LineKind.QUOTE if isinstance(block, BlockQuote) else LineKind.PULL_QUOTE
            yield Line(kind, block.content.plain)
            if block.attribution:
                yield Line(LineKind.ATTRIBUTION, f"— {block.attribution.plain}")
        case ListBlock():
            for number, item in enumerate(block.items, start=1):
                marker = f"{number}." if block.ordered else "•"
                yield Line(LineKind.ITEM, f"{marker} {item.plain}")
        case CodeBlock():
            yield Line(LineKind.CODE, block.code)
        case HorizontalRule():
            yield Line(LineKind.RULE, RULE_TEXT)


class Change(StrEnum):
    SAME = "same"
    CHANGED = "changed"
    ADDED = "added"
    REMOVED = "removed"


@dataclass(frozen=True)
class Piece:
    """A run of one line's text; ``changed``: deleted (left side) or inserted (right)."""

    text: str
    changed: bool = False


@dataclass(frozen=True)
class Side:
    kind: LineKind
    pieces: tuple[Piece, ...]

    @property
    def text(self) -> str:
        return "".join(piece.text for piece in self.pieces)


@dataclass(frozen=True)
class Row:
    """One row of the two columns; a side is ``None`` where that version has no line."""

    change: Change
    left: Side | None
    right: Side | None


@dataclass(frozen=True)
class Counts:
    """How many lines changed: metadata fields by kind, body lines in total."""

    fields: tuple[tuple[LineKind, Change], ...]
    changed: int
    added: int
    removed: int

    def __bool__(self) -> bool:
        return bool(self.fields or self.changed or self.added or self.removed)


@dataclass(frozen=True)
class Comparison:
    rows: tuple[Row, ...]

    def lines(self, side: str) -> list[Line]:
        """One column's lines (``side`` "left" or "right"), as the article gave them."""
        found = (getattr(row, side) for row in self.rows)
        return [Line(item.kind, item.text) for item in found if item is not None]

    def counts(self) -> Counts:
        fields: list[tuple[LineKind, Change]] = []
        body = dict.fromkeys((Change.CHANGED, Change.ADDED, Change.REMOVED), 0)
        for row in self.rows:
            if row.change is Change.SAME:
                continue
            kind = (row.left or row.right or Side(LineKind.PARAGRAPH, ())).kind
            if kind in METADATA_KINDS:
                fields.append((kind, row.change))
            else:
                body[row.change] += 1
        return Counts(tuple(fields), body[Change.CHANGED], body[Change.ADDED], body[Change.REMOVED])


def compare_articles(before: Article, after: Article) -> Comparison:
    return compare_lines(article_lines(before), article_lines(after))


def compare_lines(before: Sequence[Line], after: Sequence[Line]) -> Comparison:
    rows: list[Row] = []
    matcher = SequenceMatcher(None, before, after, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            rows.extend(_same(line) for line in before[i1:i2])
        else:
            rows.extend(_replaced(before[i1:i2], after[j1:j2]))
    return Comparison(tuple(rows))


def _same(line: Line) -> Row:
    side = Side(line.kind, (Piece(line.text),) if line.text else ())
    return Row(Change.SAME, side, side)


def _removed(line: Line) -> Row:
    return Row(Change.REMOVED, Side(line.kind, _whole(line.text)), None)


def _added(line: Line) -> Row:
    return Row(Change.ADDED, None, Side(line.kind, _whole(line.text)))


def _whole(text: str) -> tuple[Piece, ...]:
    return (Piece(text, changed=True),) if text else ()


def _replaced(old: Sequence[Line], new: Sequence[Line]) -> Iterator[Row]:
    """Rows for a stretch of lines replaced by another: similar lines paired (in order),
    the rest removed before added."""
    pairs = _pairs(old, new)
    i = j = 0
    for pi, pj in [*pairs, (len(old), len(new))]:
        yield from (_removed(line) for line in old[i:pi])
        yield from (_added(line) for line in new[j:pj])
        if pi < len(old) and pj < len(new):
            yield _changed(old[pi], new[pj])
        i, j = pi + 1, pj + 1


def _pairs(old: Sequence[Line], new: Sequence[Line]) -> list[tuple[int, int]]:
    """Which old line becomes which new one: the ordered pairing with the most similarity
    (pairs below ``SIMILAR_ENOUGH`` are not pairs), by dynamic programming."""
    if len(old) * len(new) > _PAIRING_LIMIT:
        return [(k, k) for k in range(min(len(old), len(new)))]
    words_old = [_words(line.text) for line in old]
    words_new = [_words(line.text) for line in new]
    score = {
        (a, b): _similarity(words_old[a], words_new[b], _same_field(old[a], new[b]))
        for a in range(len(old))
        for b in range(len(new))
    }
    # best[a][b]: the best total for old[a:] and new[b:].
    best = [[0.0] * (len(new) + 1) for _ in range(len(old) + 1)]
    for a in range(len(old) - 1, -1, -1):
        for b in range(len(new) - 1, -1, -1):
            pair = score[a, b] + best[a + 1][b + 1] if score[a, b] >= SIMILAR_ENOUGH else -1.0
            best[a][b] = max(pair, best[a + 1][b], best[a][b + 1])
    pairs: list[tuple[int, int]] = []
    a = b = 0
    while a < len(old) and b < len(new):
        if score[a, b] >= SIMILAR_ENOUGH and best[a][b] == score[a, b] + best[a + 1][b + 1]:
            pairs.append((a, b))
            a, b = a + 1, b + 1
        elif best[a][b] == best[a + 1][b]:
            a += 1
        else:
            b += 1
    return pairs


def _similarity(old: list[str], new: list[str], same_field: bool) -> float:
    """How alike two lines' words are, 0 to 1; the same metadata field always pairs
    (a new headline is the headline changed, however different its words)."""
    ratio = 1.0 if not old and not new else SequenceMatcher(None, old, new, autojunk=False).ratio()
    return max(ratio, SIMILAR_ENOUGH) if same_field else ratio


def _same_field(old: Line, new: Line) -> bool:
    return old.kind is new.kind and old.kind in METADATA_KINDS


def _words(text: str) -> list[str]:
    """The words alone: shared spaces and full stops do not make two lines alike."""
    return _WORD.findall(text)


def _tokens(text: str) -> list[str]:
    """Words, runs of white space, and single other characters: they rebuild ``text``."""
    return _TOKEN.findall(text)


def _changed(old: Line, new: Line) -> Row:
    """A pair of lines with the differing words marked on each side."""
    left: list[Piece] = []
    right: list[Piece] = []
    a, b = _tokens(old.text), _tokens(new.text)
    for tag, i1, i2, j1, j2 in SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        equal = tag == "equal"
        _append(left, "".join(a[i1:i2]), changed=not equal)
        _append(right, "".join(b[j1:j2]), changed=not equal)
    return Row(Change.CHANGED, Side(old.kind, tuple(left)), Side(new.kind, tuple(right)))


def _append(pieces: list[Piece], text: str, *, changed: bool) -> None:
    """Add a run, merged with the last one when both are (un)changed alike. White space
    at the ends of a changed run is left unmarked: the words changed, not the gaps."""
    if changed:
        core = text.strip()
        if core and core != text:
            start = text.index(core)
            _append(pieces, text[:start], changed=False)
            _append(pieces, core, changed=True)
            _append(pieces, text[start + len(core) :], changed=False)
            return
    if not text:
        return
    if pieces and pieces[-1].changed == changed:
        pieces[-1] = Piece(pieces[-1].text + text, changed)
    else:
        pieces.append(Piece(text, changed))
