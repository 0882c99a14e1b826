"""The article's display-time colours: code blocks through Pygments, quotes, links, inline code.

A document has room for one ``QSyntaxHighlighter``, so ``ArticleHighlighter``
does every colour that depends on the theme; the document itself stays
theme-neutral (see ``block_styles``). Changing the theme is ``set_styles``: the
text is re-coloured without touching the document or its undo history.

Code blocks are lexed whole, not line by line, so a string or comment that runs
over several lines is coloured right. One lexing of a code block serves all its
lines while the document is unchanged (keyed by the document's revision), and
each line's block state is a hash of its own and all later lines' colours, so an
edit that changes the colours further down makes Qt carry on to those lines and
stop as soon as nothing changes.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import (
    QColor,
    QFont,
    QSyntaxHighlighter,
    QTextBlock,
    QTextCharFormat,
    QTextDocument,
)

from editor_app.highlight import PLAIN, TokenKind, TokenStyle, highlight_tokens, token_style
from editor_app.model import utf16_offset
from editor_app.ui.block_styles import CODE_LANGUAGE, CODE_MARK, GROUP, BlockKind, BlockStyles
from editor_app.ui.document_reader import block_kind, fragments

_STATE_MASK = 0x3FFFFFFF
"""Block states are ints; -1 is Qt's "none", so keep hashes non-negative and small."""

_Range = tuple[int, int, TokenKind]
"""Start and length in UTF-16 units, and the token kind."""


@dataclass(frozen=True)
class _CodeLine:
    text: str
    ranges: tuple[_Range, ...]
    state: int


class ArticleHighlighter(QSyntaxHighlighter):
    """Colours a document filled by the adapter with the theme of a ``BlockStyles``."""

    def __init__(self, document: QTextDocument, styles: BlockStyles) -> None:
        document.documentLayout()  # without a layout Qt reports no changes to re-colour
        super().__init__(document)
        self._styles = styles
        self._formats: dict[TokenKind, QTextCharFormat] = {}
        self._colours: dict[str, QTextCharFormat] = {}
        self._lexed: dict[int, _CodeLine] = {}
        self._lexed_revision = -1
        self.rehighlight()

    @property
    def styles(self) -> BlockStyles:
        return self._styles

    def set_styles(self, styles: BlockStyles) -> None:
        """Re-colour the document for another theme."""
        self._styles = styles
        self._formats.clear()
        self._colours.clear()
        self.rehighlight()

    def highlightBlock(self, text: str) -> None:  # noqa: N802 - Qt's name
        block = self.currentBlock()
        kind = block_kind(block)
        if kind is BlockKind.CODE:
            self._highlight_code(block, text)
            return
        self.setCurrentBlockState(-1)
        if kind is BlockKind.RULE:
            return
        colour = self._styles.text_colour(kind)
        if colour is not None and text:
            self.setFormat(0, block.length() - 1, self._coloured(colour))
        start = block.position()
        for fragment in fragments(block):
            char_format = fragment.charFormat()
            link, code = char_format.isAnchor(), bool(char_format.property(CODE_MARK))
            if link or code:
                name = "link+code" if link and code else "link" if link else "code"
                self.setFormat(fragment.position() - start, fragment.length(), self._marked(name))

    # -- code ------------------------------------------------------------------------------

    def _highlight_code(self, block: QTextBlock, text: str) -> None:
        revision = self.document().revision()
        if revision != self._lexed_revision:
            self._lexed.clear()
            self._lexed_revision = revision
        number = block.blockNumber()
        line = self._lexed.get(number)
        if line is None or line.text != text:
            self._lex_code_block(block)
            line = self._lexed[number]
        for start, length, kind in line.ranges:
            self.setFormat(start, length, self._token_format(kind))
        self.setCurrentBlockState(line.state)

    def _lex_code_block(self, block: QTextBlock) -> None:
        """Lex the whole code block ``block`` is a line of, remembering every line."""
        group = block.blockFormat().property(GROUP)
        first = block
        while _is_code_of(first.previous(), group):
            first = first.previous()
        lines = [first]
        while _is_code_of(lines[-1].next(), group):
            lines.append(lines[-1].next())
        texts = [line.text() for line in lines]
        language = first.blockFormat().property(CODE_LANGUAGE)
        tokens = highlight_tokens("\n".join(texts), language if isinstance(language, str) else "")
        ranges = _line_ranges(tokens, len(texts))
        state = 0
        for index in range(len(lines) - 1, -1, -1):
            line_ranges = tuple(ranges[index])
            state = hash((line_ranges, state)) & _STATE_MASK
            self._lexed[lines[index].blockNumber()] = _CodeLine(texts[index], line_ranges, state)

    def _token_format(self, kind: TokenKind) -> QTextCharFormat:
        char_format = self._formats.get(kind)
        if char_format is None:
            char_format = self._formats[kind] = token_char_format(
                token_style(kind, self._styles.code_style)
            )
        return char_format

    # -- prose -----------------------------------------------------------------------------

    def _coloured(self, colour: QColor) -> QTextCharFormat:
        name = colour.name(QColor.NameFormat.HexArgb)
        char_format = self._colours.get(name)
        if char_format is None:
            char_format = self._colours[name] = QTextCharFormat()
            char_format.setForeground(colour)
        return char_format

    def _marked(self, name: str) -> QTextCharFormat:
        char_format = self._colours.get(name)
        if char_format is None:
            char_format = self._colours[name] = QTextCharFormat()
            colours = self._styles.colours
            if "link" in name:
                char_format.setForeground(colours.link)
            if "code" in name:
                char_format.setBackground(colours.code_background)
        return char_format


def _is_code_of(block: QTextBlock, group: object) -> bool:
    return (
        block.isValid()
        and block_kind(block) is BlockKind.CODE
        and block.blockFormat().property(GROUP) == group
    )


def _line_ranges(tokens: list[tuple[str, TokenKind]], count: int) -> list[list[_Range]]:
    """Cut the tokens of a code block at its line breaks, in UTF-16 columns per line."""
    ranges: list[list[_Range]] = [[] for _ in range(count)]
    line, column = 0, 0
    for text, kind in tokens:
        for number, piece in enumerate(text.split("\n")):
            if number:
                line, column = line + 1, 0
            width = utf16_offset(piece, len(piece))
            if width and kind != PLAIN and line < count:
                ranges[line].append((column, width, kind))
            column += width
    return ranges


def token_char_format(style: TokenStyle) -> QTextCharFormat:
    """A Pygments token style as a Qt character format (unset parts keep the default);
    shared by the editor's code blocks and the export dialog's source view."""
    char_format = QTextCharFormat()
    if style.color:
        char_format.setForeground(QColor(style.color))
    if style.background:
        char_format.setBackground(QColor(style.background))
    if style.bold:
        char_format.setFontWeight(QFont.Weight.Bold)
    if style.italic:
        char_format.setFontItalic(True)
    if style.underline:
        char_format.setFontUnderline(True)
    return char_format
