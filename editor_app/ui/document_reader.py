"""Reading a QTextDocument back into the model: the Qt → model half, and position mapping.

``read_lines`` turns every block into a ``Line`` (block properties from the block
format, marks from the runs' custom properties); ``document_lines.assemble``
makes model blocks of them. ``DocumentReader`` keeps the lines between reads and
re-reads only the blocks that ``contentsChange`` reported, so asking for the
model after a keystroke costs a fraction of a full read.

Blocks written by something other than the adapter (no ``BLOCK_KIND``) are read
by their Qt formats: a list member is a list item, a Qt heading a heading, a
ruler a rule, anything else a paragraph; runs without mark properties are bold
or italic when their font says so.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from typing import cast

from PySide6.QtCore import QObject
from PySide6.QtGui import (
    QFont,
    QTextBlock,
    QTextBlockFormat,
    QTextCharFormat,
    QTextDocument,
    QTextFormat,
    QTextFragment,
    QTextListFormat,
)

from editor_app.model import (
    HEADING_LEVELS,
    Block,
    RichText,
    Span,
    TextRef,
    codepoint_offset,
    utf16_offset,
)
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
)
from editor_app.ui.document_lines import (
    NO_GROUP,
    Assembly,
    Line,
    Placement,
    assemble,
    place,
    reassemble,
)
from editor_app.ui.document_writer import model_text

_KINDS = {kind.value: kind for kind in BlockKind}
_BOLD_KINDS = frozenset({BlockKind.HEADING})
_ITALIC_KINDS = frozenset(
    {BlockKind.PULLQUOTE, BlockKind.QUOTE_ATTRIBUTION, BlockKind.PULLQUOTE_ATTRIBUTION}
)
_NUMBERED = frozenset(
    {
        QTextListFormat.Style.ListDecimal,
        QTextListFormat.Style.ListLowerAlpha,
        QTextListFormat.Style.ListUpperAlpha,
        QTextListFormat.Style.ListLowerRoman,
        QTextListFormat.Style.ListUpperRoman,
    }
)
_RULER = QTextFormat.Property.BlockTrailingHorizontalRulerWidth

RunInfo = tuple[bool, bool, bool, str | None, int | None]
"""bold, italic, code, link, source code point."""
FormatCache = dict[tuple[int, BlockKind], RunInfo]
"""Run facts by (char format index, block kind); valid while the document's formats are."""


def read_line(block: QTextBlock, formats: FormatCache, start: int = 0, end: int = -1) -> Line:
    """The ``Line`` a block holds; ``start``/``end`` (UTF-16, in the block) cut its content."""
    block_format = block.blockFormat()
    value = block_format.property(BLOCK_KIND)
    kind = _KINDS.get(value) if isinstance(value, str) else None
    if kind is None:
        return _foreign_line(block, block_format, formats, start, end)
    content = read_content(block, kind, formats, start, end)
    if kind is BlockKind.PARAGRAPH:
        return Line(kind, content, keep_empty=bool(block_format.property(KEEP_EMPTY)))
    if kind is BlockKind.HEADING:
        return Line(kind, content, level=_level(block_format.property(HEADING_LEVEL)))
    if kind is BlockKind.RULE:
        return Line(kind, content)
    group = _group(block_format)
    if kind is BlockKind.LIST_ITEM:
        return Line(
            kind,
            content,
            group=group,
            ordered=bool(block_format.property(LIST_ORDERED)),
            empty_list=bool(block_format.property(EMPTY_LIST)),
        )
    if kind is BlockKind.CODE:
        language = block_format.property(CODE_LANGUAGE)
        return Line(
            kind, content, group=group, language=language if isinstance(language, str) else ""
        )
    return Line(kind, content, group=group)


def read_content(
    block: QTextBlock, kind: BlockKind, formats: FormatCache, start: int = 0, end: int = -1
) -> RichText:
    """A block's inline content (plain for code lines), optionally cut to ``[start, end)``."""
    spans: list[Span] = []
    code_line = kind is BlockKind.CODE
    block_start = block.position()
    for fragment in fragments(block):
        text = fragment.text()
        if start or end >= 0:
            offset = fragment.position() - block_start
            stop = offset + fragment.length()
            lo, hi = max(start, offset), stop if end < 0 else min(end, stop)
            if lo >= hi:
                continue
            if (lo, hi) != (offset, stop):
                text = _cut_utf16(text, lo - offset, hi - offset)
        key = (fragment.charFormatIndex(), kind)
        info = formats.get(key)
        if info is None:
            info = formats[key] = run_info(fragment.charFormat(), kind)
        bold, italic, code, link, source = info
        text = model_text(text, source)
        if code_line:
            spans.append(Span(text))
        else:
            spans.append(Span(text, bold, italic, code, link))
    return RichText(tuple(spans))


def block_kind(block: QTextBlock) -> BlockKind:
    """The kind of a document block."""
    block_format = block.blockFormat()
    value = block_format.property(BLOCK_KIND)
    kind = _KINDS.get(value) if isinstance(value, str) else None
    return kind if kind is not None else _foreign_kind(block, block_format)


def fragments(block: QTextBlock) -> Iterator[QTextFragment]:
    """The runs of a block, in order."""
    for item in cast("Iterable[QTextBlock.iterator]", block):
        yield item.fragment()


def read_lines(document: QTextDocument) -> list[Line]:
    formats: FormatCache = {}
    lines = []
    block = document.begin()
    while block.isValid():
        lines.append(read_line(block, formats))
        block = block.next()
    return lines


class DocumentSnapshot:
    """The model of a document at one moment, and where the model's text lives in it."""

    def __init__(self, lines: list[Line], assembly: Assembly | None = None) -> None:
        self.lines = lines
        self.assembly = assembly or assemble(lines)
        self.blocks = tuple(self.assembly.blocks)
        self._placement: Placement | None = None

    @property
    def placement(self) -> Placement:
        """Worked out on first use: most reads only want the blocks."""
        if self._placement is None:
            self._placement = place(self.lines)
        return self._placement

    def document_position(self, document: QTextDocument, ref: TextRef, offset: int) -> int | None:
        """The Qt position (UTF-16) of a code-point ``offset`` into ``ref``'s text."""
        numbers = self.placement.ref_lines.get(ref)
        if numbers is None or offset < 0:
            return None
        for number in numbers:
            text = self.lines[number].content.plain
            if offset <= len(text):
                block = document.findBlockByNumber(number)
                return block.position() + utf16_offset(text, offset)
            offset -= len(text) + 1
        return None

    def model_position(self, document: QTextDocument, position: int) -> tuple[TextRef, int] | None:
        """The text reference and code-point offset at a Qt position; ``None`` outside text."""
        block = document.findBlock(position)
        if not block.isValid():
            return None
        number = block.blockNumber()
        placed = self.placement.line_ref[number] if number < len(self.lines) else None
        if placed is None:
            return None
        ref, start = placed
        text = self.lines[number].content.plain
        return ref, start + codepoint_offset(text, position - block.position())


class DocumentReader(QObject):
    """Reads one document into the model, re-reading only what changed since the last read.

    It listens to the document's ``contentsChange``: only the blocks that changed
    are read again from Qt, and only the model blocks around them assembled
    again. Read the model from a slot connected to ``contentsChanged`` (emitted
    after ``contentsChange``); a read that finds the document changed behind its
    back reads everything.
    """

    def __init__(self, document: QTextDocument, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._document = document
        self._lines: list[Line | None] = []
        self._snapshot: DocumentSnapshot | None = None
        self._assembly: Assembly | None = None
        self._revision = -1
        self._formats: FormatCache = {}
        self._forget()
        document.documentLayout()  # Qt reports contentsChange only for a laid-out document
        document.contentsChange.connect(self._note_change)

    def read(self) -> tuple[Block, ...]:
        return self.snapshot().blocks

    def snapshot(self) -> DocumentSnapshot:
        document = self._document
        if document.revision() != self._revision or len(self._lines) != document.blockCount():
            self._forget()
        if self._snapshot is None:
            first, end = self._read_missing_lines()
            lines = [line for line in self._lines if line is not None]
            if self._assembly is None:
                self._assembly = assemble(lines)
            elif end > first:
                self._assembly = reassemble(self._assembly, lines, first, end)
            self._snapshot = DocumentSnapshot(lines, self._assembly)
        return self._snapshot

    def document_position(self, ref: TextRef, offset: int) -> int | None:
        return self.snapshot().document_position(self._document, ref, offset)

    def model_position(self, position: int) -> tuple[TextRef, int] | None:
        return self.snapshot().model_position(self._document, position)

    def _read_missing_lines(self) -> tuple[int, int]:
        """Read the blocks not known yet; the range of block numbers they span."""
        lines, document, formats = self._lines, self._document, self._formats
        missing = [number for number, line in enumerate(lines) if line is None]
        if not missing:
            return 0, 0
        if len(missing) > len(lines) // 4:
            block, number = document.begin(), 0
            while block.isValid():
                if lines[number] is None:
                    lines[number] = read_line(block, formats)
                block, number = block.next(), number + 1
        else:
            for number in missing:
                lines[number] = read_line(document.findBlockByNumber(number), formats)
        return missing[0], missing[-1] + 1

    def _forget(self) -> None:
        """Drop everything known: the next read reads the whole document."""
        self._lines = [None] * self._document.blockCount()
        self._formats = {}
        self._snapshot = None
        self._assembly = None
        self._revision = self._document.revision()

    def _note_change(self, position: int, _removed: int, added: int) -> None:
        document = self._document
        count = document.blockCount()
        first = document.findBlock(position)
        last = document.findBlock(position + added)
        if not first.isValid():
            self._forget()
            return
        first_number = first.blockNumber()
        last_number = last.blockNumber() if last.isValid() else count - 1
        new_count = last_number - first_number + 1
        old_count = new_count - (count - len(self._lines))
        if old_count < 1 or first_number + old_count > len(self._lines):
            self._forget()
            return
        self._lines[first_number : first_number + old_count] = [None] * new_count
        self._snapshot = None
        self._revision = document.revision()
        if position == 0 and added >= document.characterCount() - 1:
            self._formats = {}  # clear() or a whole new text: format indices start again


def _foreign_line(
    block: QTextBlock,
    block_format: QTextBlockFormat,
    formats: FormatCache,
    start: int,
    end: int,
) -> Line:
    kind = _foreign_kind(block, block_format)
    content = read_content(block, kind, formats, start, end)
    text_list = block.textList()
    if text_list is not None:
        ordered = text_list.format().style() in _NUMBERED
        return Line(kind, content, group=-1 - text_list.objectIndex(), ordered=ordered)
    if kind is BlockKind.HEADING:
        level = min(max(block_format.headingLevel(), HEADING_LEVELS[0]), HEADING_LEVELS[-1])
        return Line(kind, content, level=level)
    return Line(kind, content)


def _foreign_kind(block: QTextBlock, block_format: QTextBlockFormat) -> BlockKind:
    if block.textList() is not None:
        return BlockKind.LIST_ITEM
    if block_format.headingLevel() > 0:
        return BlockKind.HEADING
    if block_format.hasProperty(_RULER):
        return BlockKind.RULE
    return BlockKind.PARAGRAPH


def run_info(char_format: QTextCharFormat, kind: BlockKind) -> RunInfo:
    """What a run's format says: bold, italic, code, link and the held-back character."""
    bold = char_format.property(BOLD_MARK)
    if not isinstance(bold, bool):
        weight = char_format.fontWeight()
        bold = weight > (QFont.Weight.Bold if kind in _BOLD_KINDS else QFont.Weight.Medium)
    italic = char_format.property(ITALIC_MARK)
    if not isinstance(italic, bool):
        italic = char_format.fontItalic() != (kind in _ITALIC_KINDS)
    link = char_format.anchorHref() if char_format.isAnchor() else None
    source = char_format.property(SOURCE_TEXT)
    return (
        bool(bold),
        bool(italic),
        bool(char_format.property(CODE_MARK)),
        link,
        source if isinstance(source, int) else None,
    )


def _group(block_format: QTextBlockFormat) -> int:
    group = block_format.property(GROUP)
    return group if isinstance(group, int) else NO_GROUP


def _level(value: object) -> int:
    return value if isinstance(value, int) and value in HEADING_LEVELS else HEADING_LEVELS[0]


def _cut_utf16(text: str, start: int, end: int) -> str:
    """``text`` between two UTF-16 offsets."""
    if text.isascii():
        return text[start:end]
    return text[codepoint_offset(text, start) : codepoint_offset(text, end)]
