"""The article model ⇄ QTextDocument adapter: the one door between the editor and the model.

The model is the source of truth; the editor's document is built from it and
read back into it by this package's own code, never through Qt's HTML or
Markdown conversions (they lose quotes, custom properties and italics).

Document structure
    Each block's ``QTextBlockFormat`` says what it is: ``BLOCK_KIND`` (a
    ``BlockKind`` value), ``HEADING_LEVEL``, ``LIST_ORDERED``, ``CODE_LANGUAGE`` and
    ``GROUP`` (consecutive blocks of one kind and group are one model block: a
    list's items, a code block's lines, a quote's text lines). A paragraph or
    heading is one block; a blockquote or pull quote is a text block plus an
    attribution block when it has an attribution; a list is one block per item
    in one QTextList; a code block is one block per line ("a\\n\\nb\\n" is the
    four lines "a", "", "b", ""); a rule is an empty block with Qt's horizontal
    ruler. A line break inside a block is U+2028.

Inline marks
    Every run carries ``BOLD_MARK``, ``ITALIC_MARK`` and ``CODE_MARK`` properties
    beside its look (weight, italic, monospace), so a heading's bold type or a
    pull quote's italics are never mistaken for marks; a link is an anchor with
    its href (an empty href is a link to ""). Set marks with ``apply_char_mark``.

Positions
    Qt counts UTF-16 code units, the model code points; ``document_position`` and
    ``model_position`` convert between a model ``TextRef`` + offset and a Qt
    position. For repeated reads and conversions keep a ``DocumentReader``: it
    re-reads only the blocks that changed.

The look (fonts, sizes, margins, colours) is ``block_styles``'; the display-time
colours and decorations are ``code_highlighter.ArticleHighlighter`` and
``block_decorations``.
"""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from editor_app.model import Block, TextRef
from editor_app.ui.block_styles import (
    BLOCK_KIND,
    BOLD_MARK,
    CODE_LANGUAGE,
    CODE_MARK,
    EMPTY_LIST,
    GROUP,
    HEADING_LEVEL,
    ITALIC_MARK,
    KEEP_EMPTY,
    LIST_ORDERED,
    SOURCE_TEXT,
    BlockKind,
    BlockStyles,
    Marks,
    styles_for,
)
from editor_app.ui.document_commands import (
    MARK_NAMES,
    apply_block_kind,
    apply_char_mark,
    marks_of,
    touched_blocks,
)
from editor_app.ui.document_paste import insert_blocks, selection_blocks
from editor_app.ui.document_reader import DocumentReader, DocumentSnapshot, block_kind, read_lines
from editor_app.ui.document_writer import LINE_SEPARATOR, fill_document, line_block_format

__all__ = [
    "BLOCK_KIND",
    "BOLD_MARK",
    "CODE_LANGUAGE",
    "CODE_MARK",
    "EMPTY_LIST",
    "GROUP",
    "HEADING_LEVEL",
    "ITALIC_MARK",
    "KEEP_EMPTY",
    "LINE_SEPARATOR",
    "LIST_ORDERED",
    "MARK_NAMES",
    "SOURCE_TEXT",
    "BlockKind",
    "BlockStyles",
    "DocumentReader",
    "DocumentSnapshot",
    "Marks",
    "apply_block_kind",
    "apply_char_mark",
    "block_kind",
    "document_position",
    "fill_document",
    "insert_blocks",
    "line_block_format",
    "marks_of",
    "model_block_indices",
    "model_position",
    "read_document",
    "selection_blocks",
    "styles_for",
    "touched_blocks",
]


def read_document(document: QTextDocument) -> tuple[Block, ...]:
    """The model body the document holds (the exact inverse of ``fill_document``)."""
    return _snapshot(document).blocks


def document_position(document: QTextDocument, ref: TextRef, offset: int) -> int | None:
    """The Qt position of a code-point ``offset`` into a body text ``ref``; ``None`` when
    the document has no such text or offset."""
    return _snapshot(document).document_position(document, ref, offset)


def model_position(document: QTextDocument, position: int) -> tuple[TextRef, int] | None:
    """The body text reference and code-point offset at a Qt position; ``None`` on a rule,
    in a code block or outside the document."""
    return _snapshot(document).model_position(document, position)


def model_block_indices(document: QTextDocument) -> list[int]:
    """The model block index of each document block, in order (-1 for the empty body)."""
    return list(_snapshot(document).placement.line_block)


def _snapshot(document: QTextDocument) -> DocumentSnapshot:
    return DocumentSnapshot(read_lines(document))
