"""Copy and paste at the model level: the selection as model blocks, model blocks into the text.

Pasting works the way word processors do. A single pasted paragraph is inline
text at the cursor. With several blocks the block at the cursor is split: the
first pasted paragraph joins the text before the cursor, the last one the text
after it (and takes that block's kind), and everything between becomes blocks
of its own. Pasted list items continue the list the cursor is in; anything
pasted into a code block arrives as code lines. The whole paste is one undo step.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument, QTextList

from editor_app.model import (
    Block,
    BlockQuote,
    CodeBlock,
    Heading,
    ListBlock,
    Paragraph,
    PullQuote,
    RichText,
    Span,
)
from editor_app.ui.block_styles import GROUP, BlockKind, BlockStyles
from editor_app.ui.document_lines import Line, assemble, block_lines
from editor_app.ui.document_reader import FormatCache, block_kind, read_content, read_line
from editor_app.ui.document_writer import LineWriter, insert_content, insert_text

_Move = QTextCursor.MoveOperation


def selection_blocks(cursor: QTextCursor) -> tuple[Block, ...]:
    """The selected text as model blocks, marks kept.

    A selection inside one block is inline text: one paragraph (code from a code
    block as inline code). A selection across blocks keeps every block's kind,
    the first and last cut to the selection; a block whose start is the very end
    of the selection is not part of it (unless it is the document's empty last
    block: selecting everything takes that too).
    """
    if not cursor.hasSelection():
        return ()
    document = cursor.document()
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    first, last = document.findBlock(start), document.findBlock(end)
    formats: FormatCache = {}
    if first.blockNumber() == last.blockNumber():
        kind = block_kind(first)
        offset = first.position()
        content = read_content(first, kind, formats, start - offset, end - offset)
        if kind is BlockKind.CODE:
            content = RichText((Span(content.plain, code=True),))
        return (Paragraph(content),) if content else ()
    lines: list[Line] = []
    block = first
    while block.isValid() and block.blockNumber() <= last.blockNumber():
        offset = block.position()
        cut_start = start - offset if block.blockNumber() == first.blockNumber() else 0
        cut_end = end - offset if block.blockNumber() == last.blockNumber() else -1
        lines.append(read_line(block, formats, cut_start, cut_end))
        block = block.next()
    if end == last.position() and (last.length() > 1 or last.next().isValid()):
        lines.pop()  # the selection stops where this block starts (an empty last one counts)
    return tuple(assemble(lines, selection=True).blocks)


def insert_blocks(cursor: QTextCursor, blocks: Sequence[Block], styles: BlockStyles) -> None:
    """Insert ``blocks`` at the cursor, replacing its selection, as one undo step.

    The cursor ends after the inserted text.
    """
    cursor.beginEditBlock()
    try:
        cursor.removeSelectedText()
        if blocks:
            _Paste(cursor, styles, list(blocks)).run()
    finally:
        cursor.endEditBlock()


def next_group(document: QTextDocument) -> int:
    """A group id no block of the document uses yet."""
    highest = 0
    block = document.begin()
    while block.isValid():
        group = block.blockFormat().property(GROUP)
        if isinstance(group, int) and group > highest:
            highest = group
        block = block.next()
    return highest + 1


def plain_text(block: Block) -> str:
    """A block's words as plain text, lines separated by "\\n"."""
    match block:
        case Paragraph() | Heading():
            return block.content.plain
        case BlockQuote() | PullQuote():
            parts = [block.content.plain, block.attribution.plain]
            return "\n".join(part for part in parts if part)
        case ListBlock():
            return "\n".join(item.plain for item in block.items)
        case CodeBlock():
            return block.code
    return ""


class _Paste:
    def __init__(self, cursor: QTextCursor, styles: BlockStyles, blocks: list[Block]) -> None:
        self._cursor = cursor
        self._styles = styles
        self._blocks = blocks

    def run(self) -> None:
        block = self._cursor.block()
        kind = block_kind(block)
        if kind is BlockKind.CODE:
            self._into_code()
        elif kind is BlockKind.RULE:
            self._cursor.movePosition(_Move.EndOfBlock)
            self._write_blocks(self._blocks, reuse=False, list_block=None)
            self._leave_a_line_after_a_rule()
        else:
            self._into_text(block, kind)

    def _into_code(self) -> None:
        cursor = self._cursor
        code_format = self._styles.char_format(BlockKind.CODE)
        text = "\n".join(plain_text(block) for block in self._blocks)
        for number, line in enumerate(text.split("\n")):
            if number:
                cursor.insertBlock()  # a new line of the same code block
            insert_text(cursor, line, code_format)

    def _into_text(self, block: QTextBlock, kind: BlockKind) -> None:
        cursor, blocks = self._cursor, self._blocks
        level = read_line(block, {}).level
        left_empty = cursor.positionInBlock() == 0
        right_empty = cursor.positionInBlock() == block.length() - 1
        first = blocks[0]
        if isinstance(first, Paragraph) and (len(blocks) == 1 or not left_empty):
            insert_content(cursor, self._styles, kind, first.content, level)
            left_empty = left_empty and not first.content
            blocks = blocks[1:]
        if not blocks:
            return
        list_block = block if kind is BlockKind.LIST_ITEM else None
        if right_empty:
            # Nothing after the cursor: the blocks simply follow (a rule gets an empty
            # paragraph after it to type in).
            self._write_blocks(blocks, reuse=left_empty, list_block=list_block)
            self._leave_a_line_after_a_rule()
            return
        tail = blocks[-1] if isinstance(blocks[-1], Paragraph) else None
        if tail is not None:
            blocks = blocks[:-1]
        cursor.insertBlock()  # split: the text after the cursor moves to a block of its own
        after = QTextCursor(cursor)
        cursor.movePosition(_Move.PreviousBlock)
        cursor.movePosition(_Move.EndOfBlock)
        self._write_blocks(blocks, reuse=left_empty, list_block=list_block)
        cursor.setPosition(after.position())
        if tail is not None:
            insert_content(cursor, self._styles, block_kind(cursor.block()), tail.content, level)

    def _write_blocks(
        self, blocks: list[Block], *, reuse: bool, list_block: QTextBlock | None
    ) -> None:
        """Write ``blocks`` as new document blocks after the cursor's block (or into it)."""
        writer = LineWriter(self._cursor, self._styles, reuse_block=reuse)
        group = next_group(self._cursor.document())
        for number, block in enumerate(blocks):
            joined = None
            if number == 0 and isinstance(block, ListBlock) and list_block is not None:
                joined = _joinable_list(list_block)
            if joined is not None and isinstance(block, ListBlock):
                list_group, text_list, ordered = joined
                writer.join_list(list_group, text_list)
                for line in block_lines(ListBlock(block.items, ordered=ordered), list_group):
                    writer.write(line)
            else:
                for line in block_lines(block, group + number):
                    writer.write(line)

    def _leave_a_line_after_a_rule(self) -> None:
        """The cursor is on a rule: give it an empty paragraph to type in after it."""
        cursor = self._cursor
        if block_kind(cursor.block()) is not BlockKind.RULE:
            return
        cursor.movePosition(_Move.EndOfBlock)
        writer = LineWriter(cursor, self._styles, reuse_block=False)
        writer.write(Line(BlockKind.PARAGRAPH))


def _joinable_list(block: QTextBlock) -> tuple[int, QTextList, bool] | None:
    """The group, QTextList and numbering of the list item ``block``, for pasted items."""
    text_list = block.textList()
    line = read_line(block, {})
    if text_list is None or line.kind is not BlockKind.LIST_ITEM:
        return None
    return line.group, text_list, line.ordered
