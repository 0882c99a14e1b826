"""A read-only view of an article's body, built block by block from the model.

The document is assembled with ``QTextCursor`` and explicit block and character
formats rather than through HTML or Markdown, so what the view shows is exactly
the model, and the later editor can map document blocks back to model blocks:
every document block carries the index of its model block as its user state.
One model block is one document block, except a list (one per item) and a
quotation with an attribution (the attribution is a second block).
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from PySide6.QtCore import QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QFontDatabase,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextLength,
    QTextListFormat,
)
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextBrowser, QWidget

from editor_app.model import (
    Article,
    Block,
    BlockQuote,
    CodeBlock,
    Heading,
    HorizontalRule,
    ListBlock,
    Paragraph,
    PullQuote,
    RichText,
)
from editor_app.ui.theme import ArticleColours

BODY_FONT_FAMILIES = ("Georgia", "Charter", "Source Serif Pro", "DejaVu Serif", "serif")
BODY_POINT_SIZE = 12.5
HEADING_SCALE = {2: 1.5, 3: 1.25, 4: 1.1}
PULL_QUOTE_SCALE = 1.55
LINE_SEPARATOR = "\u2028"
"""Qt's line break inside a block (what Shift+Enter inserts)."""
_DASHES = ("—", "–", "-", "―")

_Proportional = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value


class ArticleBodyView(QTextBrowser):
    """The article body, rendered read-only; links show their target but do not navigate.

    The view is always as tall as its text, so the page around it (headline and
    body together) scrolls as one, like a printed page.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setPlaceholderText(self.tr("This article has no body text yet."))
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().setDocumentMargin(4)
        self.document().documentLayout().documentSizeChanged.connect(self._fit_height)

    def show_article(self, article: Article, colours: ArticleColours) -> None:
        render_body(self.document(), article.body, colours)
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def _fit_height(self, size: QSizeF) -> None:
        self.setFixedHeight(math.ceil(size.height()) + 2 * self.frameWidth())


def body_font() -> QFont:
    font = QFont()
    font.setFamilies(list(BODY_FONT_FAMILIES))
    font.setPointSizeF(BODY_POINT_SIZE)
    return font


def render_body(document: QTextDocument, body: Sequence[Block], colours: ArticleColours) -> None:
    """Replace ``document``'s content with ``body``."""
    document.clear()
    document.setDefaultFont(body_font())
    _BodyWriter(document, colours).write(body)


class _BodyWriter:
    def __init__(self, document: QTextDocument, colours: ArticleColours) -> None:
        self._cursor = QTextCursor(document)
        self._colours = colours
        self._fresh = True  # the document's first, empty block is still unused
        self._index = 0
        self._mono = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).families()

    def write(self, body: Sequence[Block]) -> None:
        self._cursor.beginEditBlock()
        for self._index, block in enumerate(body):
            self._write_block(block)
        self._cursor.endEditBlock()

    def _write_block(self, block: Block) -> None:
        match block:
            case Paragraph():
                self._start(_spaced(bottom=10), self._text_format())
                self._insert(block.content)
            case Heading():
                self._write_heading(block)
            case BlockQuote():
                self._write_blockquote(block)
            case PullQuote():
                self._write_pull_quote(block)
            case ListBlock():
                self._write_list(block)
            case CodeBlock():
                self._write_code(block)
            case HorizontalRule():
                rule = _spaced(top=6, bottom=14)
                rule.setBackground(self._colours.rule)  # Qt paints the ruler with it
                rule.setProperty(
                    QTextFormat.Property.BlockTrailingHorizontalRulerWidth,
                    QTextLength(QTextLength.Type.PercentageLength, 100),
                )
                self._start(rule, self._text_format())

    def _write_heading(self, block: Heading) -> None:
        text = self._text_format()
        text.setFontWeight(QFont.Weight.Bold)
        text.setFontPointSize(BODY_POINT_SIZE * HEADING_SCALE[block.level])
        heading = _spaced(top=16, bottom=6)
        heading.setHeadingLevel(block.level)
        self._start(heading, text)
        self._insert(block.content, text)

    def _write_blockquote(self, block: BlockQuote) -> None:
        quote = _spaced(top=4, bottom=4 if block.attribution else 12)
        quote.setIndent(1)
        quote.setRightMargin(24)
        text = self._text_format()
        text.setForeground(self._colours.secondary)
        self._start(quote, text)
        self._insert(block.content, text)
        if block.attribution:
            self._write_attribution(block.attribution, quote, align_centre=False)

    def _write_pull_quote(self, block: PullQuote) -> None:
        pull = _spaced(top=14, bottom=4 if block.attribution else 16)
        pull.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        pull.setLeftMargin(36)
        pull.setRightMargin(36)
        pull.setLineHeight(125, _Proportional)
        text = self._text_format()
        text.setForeground(self._colours.accent)
        text.setFontPointSize(BODY_POINT_SIZE * PULL_QUOTE_SCALE)
        text.setFontItalic(True)
        self._start(pull, text)
        self._insert(block.content, text)
        if block.attribution:
            self._write_attribution(block.attribution, pull, align_centre=True)

    def _write_attribution(
        self, attribution: RichText, quote: QTextBlockFormat, *, align_centre: bool
    ) -> None:
        line = QTextBlockFormat(quote)
        line.setTopMargin(0)
        line.setBottomMargin(14)
        line.setLineHeight(140, _Proportional)
        text = self._text_format()
        text.setFontItalic(True)
        text.setForeground(self._colours.secondary)
        text.setFontPointSize(BODY_POINT_SIZE * 0.92)
        if align_centre:
            line.setAlignment(Qt.AlignmentFlag.AlignHCenter)
        self._start(line, text)
        if not attribution.plain.lstrip().startswith(_DASHES):
            self._cursor.insertText("— ", text)
        self._insert(attribution, text)

    def _write_list(self, block: ListBlock) -> None:
        style = QTextListFormat()
        style.setStyle(
            QTextListFormat.Style.ListDecimal if block.ordered else QTextListFormat.Style.ListDisc
        )
        style.setIndent(1)
        text_list = None
        for number, item in enumerate(block.items):
            last = number == len(block.items) - 1
            self._start(_spaced(bottom=10 if last else 3), self._text_format())
            if text_list is None:
                text_list = self._cursor.createList(style)
            else:
                text_list.add(self._cursor.block())
            self._insert(item)

    def _write_code(self, block: CodeBlock) -> None:
        code = _spaced(top=4, bottom=12)
        code.setBackground(self._colours.code_background)
        code.setNonBreakableLines(True)
        code.setLeftMargin(12)
        code.setLineHeight(115, _Proportional)
        text = self._text_format()
        text.setFontFamilies(self._mono)
        text.setFontPointSize(BODY_POINT_SIZE * 0.82)
        if block.language:
            text.setToolTip(block.language)
        self._start(code, text)
        self._cursor.insertText(block.code.rstrip("\n").replace("\n", LINE_SEPARATOR), text)

    # -- helpers ------------------------------------------------------------------------

    def _text_format(self) -> QTextCharFormat:
        text = QTextCharFormat()
        text.setForeground(self._colours.text)
        return text

    def _start(self, block_format: QTextBlockFormat, text: QTextCharFormat) -> None:
        """Begin a new document block for the current model block."""
        if self._fresh:
            self._cursor.setBlockFormat(block_format)
            self._cursor.setBlockCharFormat(text)
            self._fresh = False
        else:
            self._cursor.insertBlock(block_format, text)
        self._cursor.block().setUserState(self._index)

    def _insert(self, content: RichText, base: QTextCharFormat | None = None) -> None:
        base = base or self._text_format()
        for span in content:
            marked = QTextCharFormat(base)
            if span.bold:
                marked.setFontWeight(QFont.Weight.Bold)
            if span.italic:
                marked.setFontItalic(not base.fontItalic())
            if span.code:
                marked.setFontFamilies(self._mono)
                marked.setFontPointSize((base.fontPointSize() or BODY_POINT_SIZE) * 0.88)
                marked.setBackground(self._colours.code_background)
            if span.link is not None:
                marked.setAnchor(True)
                marked.setAnchorHref(span.link)
                marked.setForeground(self._colours.link)
                marked.setFontUnderline(True)
                marked.setToolTip(span.link)
            self._cursor.insertText(span.text.replace("\n", LINE_SEPARATOR), marked)


def _spaced(*, top: float = 0, bottom: float = 0) -> QTextBlockFormat:
    block_format = QTextBlockFormat()
    block_format.setTopMargin(top)
    block_format.setBottomMargin(bottom)
    block_format.setLineHeight(150, _Proportional)
    return block_format
