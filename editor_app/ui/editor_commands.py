"""The editor's commands as functions of a cursor: marks, links, new paragraphs, rules.

Each command is one edit block on the document, so one undo step however many
document changes it makes (edit blocks nest, so the adapter's own steps join
it). Which document blocks make one model block (a quote's lines and its
attribution, a code block's lines, a list's items) is read from the block
formats the adapter writes.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import replace

from PySide6.QtGui import QTextBlock, QTextCharFormat, QTextCursor

from editor_app.model import (
    Block,
    BlockQuote,
    Heading,
    HorizontalRule,
    ListBlock,
    Paragraph,
    PullQuote,
    RichText,
)
from editor_app.ui.block_styles import (
    ATTRIBUTION_KINDS,
    ATTRIBUTION_OF,
    GROUP,
    HEADING_LEVEL,
    QUOTE_KINDS,
    BlockKind,
    BlockStyles,
)
from editor_app.ui.document_adapter import (
    apply_block_kind,
    apply_char_mark,
    block_kind,
    insert_blocks,
    marks_of,
    selection_blocks,
)
from editor_app.ui.document_lines import Line
from editor_app.ui.document_reader import fragments
from editor_app.ui.document_writer import line_block_format

_Move = QTextCursor.MoveOperation
_Keep = QTextCursor.MoveMode.KeepAnchor
_GROUPED = frozenset({BlockKind.LIST_ITEM, BlockKind.CODE, *QUOTE_KINDS, *ATTRIBUTION_KINDS})


@contextmanager
def one_step(cursor: QTextCursor) -> Iterator[QTextCursor]:
    """Everything done inside is one undo step."""
    cursor.beginEditBlock()
    try:
        yield cursor
    finally:
        cursor.endEditBlock()


# -- model blocks in the document ------------------------------------------------------


def same_model_block(first: QTextBlock, second: QTextBlock) -> bool:
    """Whether two neighbouring document blocks belong to one model block."""
    if not (first.isValid() and second.isValid()):
        return False
    kind, next_kind = block_kind(first), block_kind(second)
    if kind in QUOTE_KINDS and next_kind is ATTRIBUTION_OF[kind]:
        return True
    if kind is next_kind and kind in _GROUPED:
        return bool(first.blockFormat().property(GROUP) == second.blockFormat().property(GROUP))
    return False


def model_block_end(block: QTextBlock) -> QTextBlock:
    """The last document block of the model block that ``block`` is part of."""
    while same_model_block(block, block.next()):
        block = block.next()
    return block


def model_block_start(block: QTextBlock) -> QTextBlock:
    while same_model_block(block.previous(), block):
        block = block.previous()
    return block


# -- inline marks ----------------------------------------------------------------------


def mark_is_on(cursor: QTextCursor, mark: str) -> bool:
    """Whether all the selected text (or, with no selection, what is typed next) has
    ``mark``: a toggle turns it off then, on otherwise."""
    if not cursor.hasSelection():
        return bool(getattr(marks_of(cursor.charFormat(), block_kind(cursor.block())), mark))
    spans = [
        span
        for block in selection_blocks(cursor)
        for text in _texts(block)
        for span in text
        if span.text.strip()
    ]
    return bool(spans) and all(getattr(span, mark) for span in spans)


def _texts(block: Block) -> Iterator[RichText]:
    """The inline contents of a model block (code blocks and rules have none)."""
    match block:
        case Paragraph() | Heading():
            yield block.content
        case BlockQuote() | PullQuote():
            yield block.content
            yield block.attribution
        case ListBlock():
            yield from block.items


def toggle_mark(cursor: QTextCursor, mark: str, styles: BlockStyles) -> None:
    """Bold, italic or inline code on the selection, off when all of it has it already;
    with no selection, on or off for what is typed next (adopt the cursor after)."""
    on = not mark_is_on(cursor, mark)
    with one_step(cursor):
        apply_char_mark(cursor, mark, on, styles)


def typing_without_link(cursor: QTextCursor, styles: BlockStyles) -> QTextCharFormat | None:
    """The typing format to use instead when the cursor stands right after a link's
    last character: what is typed after a link is not part of it (``None``: no change)."""
    if cursor.hasSelection():
        return None
    before = cursor.charFormat()
    if not before.isAnchor() or _continues_link(cursor, before.anchorHref()):
        return None
    block = cursor.block()
    kind = block_kind(block)
    marks = replace(marks_of(before, kind), link=None)
    return styles.char_format(kind, marks, level=_level(block))


def _continues_link(cursor: QTextCursor, href: str) -> bool:
    if cursor.atBlockEnd():
        return False
    after = QTextCursor(cursor)
    after.movePosition(_Move.NextCharacter)
    following = after.charFormat()
    return following.isAnchor() and following.anchorHref() == href


def _level(block: QTextBlock) -> int:
    level = block.blockFormat().property(HEADING_LEVEL)
    return level if isinstance(level, int) and level in (2, 3, 4) else 2


# -- links -----------------------------------------------------------------------------


def link_at(cursor: QTextCursor) -> tuple[QTextCursor, str] | None:
    """The whole link the cursor stands in (or just after), selected, and its target."""
    block = cursor.block()
    position = cursor.selectionStart()
    runs: list[tuple[int, int, str]] = []
    for fragment in fragments(block):
        char_format = fragment.charFormat()
        start, end = fragment.position(), fragment.position() + fragment.length()
        href = char_format.anchorHref() if char_format.isAnchor() else None
        if href is not None and runs and runs[-1][2] == href and runs[-1][1] == start:
            runs[-1] = (runs[-1][0], end, href)
        elif href is not None:
            runs.append((start, end, href))
    for start, end, href in runs:
        if start <= position < end or position == end:
            found = QTextCursor(block)
            found.setPosition(start)
            found.setPosition(end, _Keep)
            return found, href
    return None


def set_link(cursor: QTextCursor, text: str, url: str, styles: BlockStyles) -> None:
    """Link the selection to ``url``, its words replaced by ``text`` when they differ (a
    selection inside one block only); with no selection, insert ``text`` as the link.
    The cursor ends selecting the link."""
    one_block = cursor.block().contains(cursor.selectionStart()) and cursor.block().contains(
        cursor.selectionEnd()
    )
    with one_step(cursor):
        if text and one_block and cursor.selectedText() != text:
            start = cursor.selectionStart()
            typing = cursor.charFormat()
            if not cursor.hasSelection():
                typing = typing_without_link(cursor, styles) or typing
            cursor.insertText(text, typing)
            end = cursor.position()
            cursor.setPosition(start)
            cursor.setPosition(end, _Keep)
        if cursor.hasSelection():
            apply_char_mark(cursor, "link", True, styles, href=url)


def remove_link(cursor: QTextCursor, styles: BlockStyles) -> None:
    with one_step(cursor):
        apply_char_mark(cursor, "link", False, styles)


# -- blocks ----------------------------------------------------------------------------


def new_paragraph_after(block: QTextBlock, styles: BlockStyles) -> QTextCursor:
    """An empty paragraph after the model block ``block`` is part of (after a quote's
    attribution, a code block's last line, a list's last item); the cursor in it."""
    cursor = QTextCursor(model_block_end(block))
    cursor.movePosition(_Move.EndOfBlock)
    with one_step(cursor):
        cursor.insertBlock(
            line_block_format(styles, Line(BlockKind.PARAGRAPH)),
            styles.char_format(BlockKind.PARAGRAPH),
        )
        _leave_list(cursor.block())
    return cursor


def new_paragraph_before(block: QTextBlock, styles: BlockStyles) -> None:
    """An empty paragraph before the model block ``block`` starts (Enter at the start
    of a heading or quote pushes it down without copying its look)."""
    cursor = QTextCursor(model_block_start(block))
    with one_step(cursor):
        cursor.insertBlock()
        cursor.movePosition(_Move.PreviousBlock)
        _leave_list(cursor.block())
        cursor.setBlockFormat(line_block_format(styles, Line(BlockKind.PARAGRAPH)))
        cursor.setBlockCharFormat(styles.char_format(BlockKind.PARAGRAPH))


def attribution_line(cursor: QTextCursor, styles: BlockStyles) -> QTextCursor | None:
    """A cursor at the end of the attribution of the quote at the cursor, adding an
    empty attribution line when it has none (one undo step). A paragraph right after a
    quote without one becomes its attribution. ``None`` away from quotes."""
    block = cursor.block()
    kind = block_kind(block)
    previous = block.previous()
    if kind is BlockKind.PARAGRAPH and previous.isValid() and block_kind(previous) in QUOTE_KINDS:
        apply_block_kind(QTextCursor(block), ATTRIBUTION_OF[block_kind(previous)], styles)
        return _at_end(block)
    if kind not in QUOTE_KINDS and kind not in ATTRIBUTION_KINDS:
        return None
    last = model_block_end(block)
    if block_kind(last) in ATTRIBUTION_KINDS:
        return _at_end(last)
    line = _at_end(last)
    with one_step(line):
        line.insertBlock()
        apply_block_kind(line, ATTRIBUTION_OF[kind], styles)
    return line


def _at_end(block: QTextBlock) -> QTextCursor:
    cursor = QTextCursor(block)
    cursor.movePosition(_Move.EndOfBlock)
    return cursor


def _leave_list(block: QTextBlock) -> None:
    text_list = block.textList()
    if text_list is not None:
        text_list.remove(block)


def unstyle_block(cursor: QTextCursor, styles: BlockStyles) -> None:
    """The cursor's block becomes a plain paragraph (Backspace at its start)."""
    apply_block_kind(QTextCursor(cursor.block()), BlockKind.PARAGRAPH, styles)


def insert_rule(cursor: QTextCursor, styles: BlockStyles) -> None:
    """A horizontal rule at the cursor: it splits a paragraph in the middle, goes before
    a block when the cursor is at its start, and after it at its end."""
    block = cursor.block()
    if not cursor.hasSelection() and block.length() > 1 and cursor.atBlockEnd():
        end = QTextCursor(model_block_end(block))
        end.movePosition(_Move.EndOfBlock)
        cursor.setPosition(end.position())
    insert_blocks(cursor, (HorizontalRule(),), styles)


def remove_rule(rule: QTextBlock, styles: BlockStyles) -> QTextCursor:
    """Delete a rule block; the returned cursor stands where it was."""
    cursor = QTextCursor(rule)
    following, previous = rule.next(), rule.previous()
    with one_step(cursor):
        if following.isValid():
            # From a block's start to the next block's start removes the whole block;
            # the next one keeps its own format.
            cursor.setPosition(following.position(), _Keep)
        elif previous.isValid():
            cursor.setPosition(previous.position() + previous.length() - 1)
            cursor.setPosition(rule.position() + rule.length() - 1, _Keep)
        else:  # the body's only block: it becomes an empty paragraph
            cursor.setBlockFormat(line_block_format(styles, Line(BlockKind.PARAGRAPH)))
            cursor.setBlockCharFormat(styles.char_format(BlockKind.PARAGRAPH))
            return cursor
        cursor.removeSelectedText()
    return cursor
