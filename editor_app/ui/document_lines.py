"""Model blocks ⇄ document lines: the structural half of the Qt adapter, without Qt calls.

A ``Line`` is what one QTextBlock holds: its kind, its block properties and its
inline content. ``block_lines`` cuts a model block into lines (one per list item,
per code line, a quote's text and attribution); ``assemble`` glues lines back into
model blocks and records where each piece of model text lives, for position
mapping. The two are exact inverses on whatever ``block_lines`` produces.

Grouping rules (``assemble``)
    * consecutive "list-item" lines with the same group are one list, consecutive
      "code" lines with the same group one code block (lines joined by "\\n");
    * consecutive "quote" (or "pullquote") lines with the same group are one quote,
      their texts joined by "\\n"; the attribution lines right after a quote are its
      attribution, joined the same way;
    * an attribution with no quote before it is a quote with no text (or, for a
      selection, a paragraph); a rule line with text is a rule then a paragraph;
    * a document that is one empty paragraph is an empty body, unless that
      paragraph is marked ``keep_empty`` (the body really is one empty paragraph).
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field

from editor_app.model import (
    Block,
    BlockQuote,
    CodeBlock,
    Field,
    Heading,
    HorizontalRule,
    ListBlock,
    Paragraph,
    PullQuote,
    RichText,
    Span,
    TextRef,
)
from editor_app.ui.block_styles import ATTRIBUTION_KINDS, ATTRIBUTION_OF, QUOTE_OF, BlockKind

NO_GROUP = 0


@dataclass(frozen=True, slots=True)
class Line:
    """One document block's worth of the model. Code lines keep their text as plain spans."""

    kind: BlockKind
    content: RichText = field(default_factory=RichText)
    level: int = 2
    group: int = NO_GROUP
    ordered: bool = False
    language: str = ""
    empty_list: bool = False
    keep_empty: bool = False


@dataclass(frozen=True)
class Placement:
    """Where the model's text lives in the document's blocks (indices are block numbers)."""

    line_block: tuple[int, ...]
    """The model block index of each document block (-1: none, the empty body's line)."""
    line_ref: tuple[tuple[TextRef, int] | None, ...]
    """Each document block's text reference and the code-point offset its text starts at."""
    ref_lines: dict[TextRef, tuple[int, ...]]
    """The document blocks holding each reference's text, in order (joined by "\\n")."""


def block_lines(block: Block, group: int) -> list[Line]:
    """The document lines of one model block; ``group`` ties multi-line blocks together."""
    match block:
        case Paragraph():
            return [Line(BlockKind.PARAGRAPH, block.content)]
        case Heading():
            return [Line(BlockKind.HEADING, block.content, level=block.level)]
        case BlockQuote() | PullQuote():
            kind = BlockKind.QUOTE if isinstance(block, BlockQuote) else BlockKind.PULLQUOTE
            lines = [Line(kind, block.content, group=group)]
            if block.attribution:
                lines.append(Line(ATTRIBUTION_OF[kind], block.attribution, group=group))
            return lines
        case ListBlock():
            if not block.items:
                return [
                    Line(BlockKind.LIST_ITEM, group=group, ordered=block.ordered, empty_list=True)
                ]
            return [
                Line(BlockKind.LIST_ITEM, item, group=group, ordered=block.ordered)
                for item in block.items
            ]
        case CodeBlock():
            return [
                Line(BlockKind.CODE, _plain(text), group=group, language=block.language)
                for text in block.code.split("\n")
            ]
        case HorizontalRule():
            return [Line(BlockKind.RULE)]
    raise TypeError(f"not a block: {block!r}")


def body_lines(body: Sequence[Block]) -> list[Line]:
    """The lines of a whole body; each block's group is its index plus one.

    A document always has a block: an empty body is one empty paragraph line, and
    a body of one empty paragraph is that line marked ``keep_empty``.
    """
    lines = [line for index, block in enumerate(body) for line in block_lines(block, index + 1)]
    if not lines:
        return [Line(BlockKind.PARAGRAPH)]
    if lines == [Line(BlockKind.PARAGRAPH)]:
        return [Line(BlockKind.PARAGRAPH, keep_empty=True)]
    return lines


@dataclass(frozen=True)
class Assembly:
    """Model blocks made of lines, with the line each block starts at (in order)."""

    blocks: list[Block]
    starts: list[int]
    line_count: int


def assemble(lines: Sequence[Line], *, selection: bool = False) -> Assembly:
    """The model blocks ``lines`` make.

    ``selection`` reads a cut-out piece: an attribution whose quote was not
    selected becomes a paragraph rather than a quote with no text, and a lone
    empty paragraph is a paragraph, not an empty body.
    """
    builder = _Assembler(lines, selection, place=False)
    builder.run()
    return Assembly(builder.blocks, builder.starts, len(lines))


def place(lines: Sequence[Line]) -> Placement:
    """Where the text of the model blocks ``lines`` make lives among the lines."""
    builder = _Assembler(lines, selection=False, place=True)
    builder.run()
    return Placement(tuple(builder.line_block), tuple(builder.line_ref), builder.ref_lines)


def reassemble(previous: Assembly, lines: Sequence[Line], first: int, end: int) -> Assembly:
    """``previous`` brought up to date after lines ``[first, end)`` changed (the other
    lines are the same, in the same order; their number may have changed).

    Whether two neighbouring lines belong to one model block depends on those two
    lines alone, so only the blocks touching the changed lines, and the block on
    either side, are assembled again.
    """
    if len(lines) <= 1 or not previous.blocks:
        return assemble(lines)
    starts = previous.starts
    shift = len(lines) - previous.line_count
    old_end = end - shift
    # The block holding the line before the change, and the one holding the line after.
    before = starts[max(bisect.bisect_right(starts, first - 1) - 1, 0)] if first > 0 else 0
    first_block = bisect.bisect_left(starts, before)
    end_block = bisect.bisect_right(starts, old_end)
    line_start = starts[first_block]
    line_end = starts[end_block] + shift if end_block < len(starts) else len(lines)
    middle = _Assembler(lines[line_start:line_end], selection=False, place=False)
    if line_end - line_start:
        middle.run_all()
    return Assembly(
        previous.blocks[:first_block] + middle.blocks + previous.blocks[end_block:],
        starts[:first_block]
        + [line_start + start for start in middle.starts]
        + [start + shift for start in starts[end_block:]],
        len(lines),
    )


def is_empty_body(lines: Sequence[Line]) -> bool:
    return (
        len(lines) == 1
        and lines[0].kind is BlockKind.PARAGRAPH
        and not lines[0].content
        and not lines[0].keep_empty
    )


class _Assembler:
    def __init__(self, lines: Sequence[Line], selection: bool, *, place: bool) -> None:
        self._lines = lines
        self._selection = selection
        self._placing = place
        self.blocks: list[Block] = []
        self.starts: list[int] = []
        self.line_block = [-1] * len(lines) if place else []
        self.line_ref: list[tuple[TextRef, int] | None] = [None] * len(lines) if place else []
        self.ref_lines: dict[TextRef, tuple[int, ...]] = {}

    def run(self) -> None:
        if self._selection or not is_empty_body(self._lines):
            self.run_all()

    def run_all(self) -> None:
        start, count = 0, len(self._lines)
        while start < count:
            start = self._take(start)

    def _add(self, block: Block, start: int) -> int:
        self.blocks.append(block)
        self.starts.append(start)
        return len(self.blocks) - 1

    def _take(self, start: int) -> int:
        """Turn the lines from ``start`` into one model block; the index after them."""
        line = self._lines[start]
        kind = line.kind
        if kind is BlockKind.PARAGRAPH:
            index = self._add(Paragraph(line.content), start)
            self._place(TextRef(Field.TEXT, index), start, start + 1)
            return start + 1
        if kind is BlockKind.HEADING:
            index = self._add(Heading(line.content, level=line.level), start)
            self._place(TextRef(Field.TEXT, index), start, start + 1)
            return start + 1
        if kind is BlockKind.RULE:
            index = self._add(HorizontalRule(), start)
            if self._placing:
                self.line_block[start] = index
            if line.content:  # typed into a rule: keep the words as a paragraph after it
                index = self._add(Paragraph(line.content), start)
                self._place(TextRef(Field.TEXT, index), start, start + 1)
            return start + 1
        if kind is BlockKind.LIST_ITEM:
            end = self._run(start, kind, line.group)
            items = tuple(self._lines[n].content for n in range(start, end))
            if end - start == 1 and line.empty_list and not line.content:
                items = ()
            index = self._add(ListBlock(items, ordered=line.ordered), start)
            for item, number in enumerate(range(start, end)):
                self._place(TextRef(Field.ITEM, index, item), number, number + 1)
            return end
        if kind is BlockKind.CODE:
            end = self._run(start, kind, line.group)
            code = "\n".join(self._lines[n].content.plain for n in range(start, end))
            index = self._add(CodeBlock(code, line.language), start)
            if self._placing:
                self.line_block[start:end] = [index] * (end - start)
            return end
        return self._take_quote(start)

    def _take_quote(self, start: int) -> int:
        line = self._lines[start]
        if line.kind in ATTRIBUTION_KINDS:
            quote_kind, text_end = QUOTE_OF[line.kind], start
        else:
            quote_kind, text_end = line.kind, self._run(start, line.kind, line.group)
        attribution_end = self._run(text_end, ATTRIBUTION_OF[quote_kind], None)
        content = self._joined(start, text_end)
        attribution = self._joined(text_end, attribution_end)
        if text_end == start and self._selection:
            index = self._add(Paragraph(attribution), start)
            self._place(TextRef(Field.TEXT, index), text_end, attribution_end)
            return attribution_end
        make = BlockQuote if quote_kind is BlockKind.QUOTE else PullQuote
        index = self._add(make(content, attribution), start)
        self._place(TextRef(Field.TEXT, index), start, text_end)
        self._place(TextRef(Field.ATTRIBUTION, index), text_end, attribution_end)
        return attribution_end

    def _run(self, start: int, kind: BlockKind, group: int | None) -> int:
        """The end of the run of ``kind`` lines from ``start`` (of one group unless None)."""
        end = start
        lines = self._lines
        while end < len(lines) and lines[end].kind is kind:
            if group is not None and lines[end].group != group:
                break
            end += 1
        return end

    def _joined(self, start: int, end: int) -> RichText:
        if end - start == 1:
            return self._lines[start].content
        spans: list[Span] = []
        for number in range(start, end):
            if number > start:
                spans.append(Span("\n"))
            spans.extend(self._lines[number].content.spans)
        return RichText(tuple(spans))

    def _place(self, ref: TextRef, start: int, end: int) -> None:
        if not self._placing:
            return
        offset = 0
        block = len(self.blocks) - 1
        for number in range(start, end):
            self.line_block[number] = block
            self.line_ref[number] = (ref, offset)
            offset += len(self._lines[number].content.plain) + 1
        if end > start:
            self.ref_lines[ref] = tuple(range(start, end))


def _plain(text: str) -> RichText:
    return RichText((Span(text),)) if text else RichText()
