"""Writing document lines into a QTextDocument with a cursor: the model → Qt half.

Characters Qt cannot hold in a block's text are written as a placeholder with
the original code point in the run's ``SOURCE_TEXT`` property, so reading gives
them back: "\\r", U+2029 and U+FDD0/U+FDD1 (Qt would start a new block at them),
lone surrogates (dropped on the way into UTF-16) and U+2028 itself (Qt's line
separator, which stands for the model's "\\n"). U+2028 and U+2029 are shown as a
line break, the others as U+FFFD.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from PySide6.QtGui import (
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextList,
)

from editor_app.model import Block, RichText
from editor_app.ui.block_styles import (
    CODE_LANGUAGE,
    EMPTY_LIST,
    GROUP,
    KEEP_EMPTY,
    LIST_ORDERED,
    SOURCE_TEXT,
    BlockKind,
    BlockStyles,
    Marks,
    list_format,
)
from editor_app.ui.document_lines import NO_GROUP, Line, body_lines

LINE_SEPARATOR = "\u2028"
"""Qt's line break inside a block (what Shift+Enter inserts): the model's "\\n"."""
PLACEHOLDER = "\ufffd"
_SEPARATORS = frozenset("\u2028\u2029")
_HELD_BACK = re.compile("[\r\u2028\u2029\ufdd0\ufdd1\ud800-\udfff]")


def fill_document(document: QTextDocument, body: Iterable[Block], styles: BlockStyles) -> None:
    """Replace the document's content with ``body``; the undo history starts afresh."""
    document.setUndoRedoEnabled(False)
    document.clear()
    document.setDefaultFont(styles.body_font())
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    writer = LineWriter(cursor, styles, reuse_block=True)
    for line in body_lines(tuple(body)):
        writer.write(line)
    cursor.endEditBlock()
    document.setUndoRedoEnabled(True)
    document.setModified(False)


def line_block_format(styles: BlockStyles, line: Line) -> QTextBlockFormat:
    """The block format of ``line``: its kind's look plus its block properties."""
    block_format = styles.block_format(line.kind, line.level)
    if line.group != NO_GROUP:
        block_format.setProperty(GROUP, line.group)
    if line.kind is BlockKind.LIST_ITEM:
        block_format.setProperty(LIST_ORDERED, line.ordered)
        if line.empty_list:
            block_format.setProperty(EMPTY_LIST, True)
    elif line.kind is BlockKind.CODE:
        block_format.setProperty(CODE_LANGUAGE, line.language)
    if line.keep_empty:
        block_format.setProperty(KEEP_EMPTY, True)
    return block_format


class LineWriter:
    """Writes lines as blocks at a cursor, keeping list items of one group in one QTextList.

    ``reuse_block`` writes the first line into the cursor's (empty) block instead
    of starting a new one after it.
    """

    def __init__(self, cursor: QTextCursor, styles: BlockStyles, *, reuse_block: bool) -> None:
        self._cursor = cursor
        self._styles = styles
        self._reuse = reuse_block
        self._lists: dict[int, QTextList] = {}

    def join_list(self, group: int, text_list: QTextList) -> None:
        """List items of ``group`` go into ``text_list`` (an existing list they continue)."""
        self._lists[group] = text_list

    def write(self, line: Line) -> None:
        cursor = self._cursor
        block_format = line_block_format(self._styles, line)
        char_format = self._styles.char_format(line.kind, level=line.level)
        in_list = False
        if self._reuse:
            self._reuse = False
            current = cursor.block()
            in_list = self._in_joined_list(current, line)
            text_list = current.textList()
            if text_list is not None and in_list:
                block_format.setObjectIndex(text_list.objectIndex())  # stay in the list
            elif text_list is not None:
                text_list.remove(current)
            cursor.setBlockFormat(block_format)
            cursor.setBlockCharFormat(char_format)
            cursor.setCharFormat(char_format)
        else:
            cursor.insertBlock(block_format, char_format)
        if line.kind is BlockKind.LIST_ITEM and not in_list:
            self._add_to_list(line)
        insert_content(cursor, self._styles, line.kind, line.content, line.level)

    def _in_joined_list(self, block: QTextBlock, line: Line) -> bool:
        """Whether ``block`` is already in the list that ``line``'s items join."""
        text_list, joined = block.textList(), self._lists.get(line.group)
        return (
            line.kind is BlockKind.LIST_ITEM
            and text_list is not None
            and joined is not None
            and text_list.objectIndex() == joined.objectIndex()
        )

    def _add_to_list(self, line: Line) -> None:
        text_list = self._lists.get(line.group)
        if text_list is None:
            self._lists[line.group] = self._cursor.createList(list_format(line.ordered))
        else:
            text_list.add(self._cursor.block())


def insert_content(
    cursor: QTextCursor, styles: BlockStyles, kind: BlockKind, content: RichText, level: int = 2
) -> None:
    """Insert inline content at the cursor, formatted for a block of ``kind``."""
    for span in content:
        marks = Marks(span.bold, span.italic, span.code, span.link)
        insert_text(cursor, span.text, styles.char_format(kind, marks, level))


def insert_text(cursor: QTextCursor, text: str, char_format: QTextCharFormat) -> None:
    """Insert model text: "\\n" as Qt's line separator, held-back characters as placeholders."""
    start = 0
    for held in _HELD_BACK.finditer(text):
        if held.start() > start:
            cursor.insertText(text[start : held.start()].replace("\n", LINE_SEPARATOR), char_format)
        character = held.group()
        source = QTextCharFormat(char_format)
        source.setProperty(SOURCE_TEXT, ord(character))
        cursor.insertText(LINE_SEPARATOR if character in _SEPARATORS else PLACEHOLDER, source)
        start = held.end()
    if start < len(text):
        cursor.insertText(text[start:].replace("\n", LINE_SEPARATOR), char_format)


def model_text(text: str, source: int | None) -> str:
    """The model text of a run's document text (the inverse of ``insert_text``)."""
    if source is None:
        return text.replace(LINE_SEPARATOR, "\n") if LINE_SEPARATOR in text else text
    original = chr(source)
    if original in _SEPARATORS:
        return text.replace(LINE_SEPARATOR, original)
    return text.replace(LINE_SEPARATOR, "\n").replace(PLACEHOLDER, original)
