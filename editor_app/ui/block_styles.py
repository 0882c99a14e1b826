"""The document's vocabulary: block kinds, custom format properties, and how each kind looks.

The look is split in two so that neither a theme change nor zooming touches the
document (and so its undo history):

* Theme-neutral formats live in the document: fonts, weights, italics, relative
  sizes (``FontSizeAdjustment``, which Qt resolves against the document's default
  font when it lays out, so ``QTextEdit.zoomIn`` scales headings too), margins,
  alignment and indents. ``block_format`` and ``char_format`` build them.
* Colours come from the palette and are applied at display time: by the
  highlighter (``code_highlighter.ArticleHighlighter``: quote and link colours,
  code tokens, inline-code background) and by ``block_decorations`` (the
  blockquote rule, the attribution dash, the code box), which read them from the
  ``BlockStyles`` they are given.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QPalette,
    QTextBlockFormat,
    QTextCharFormat,
    QTextFormat,
    QTextLength,
    QTextListFormat,
)

from editor_app.ui.theme import ArticleColours, blend

BODY_FONT_FAMILIES = ("Georgia", "Charter", "Source Serif Pro", "DejaVu Serif", "serif")
BODY_POINT_SIZE = 12.5
LIGHT_CODE_STYLE = "default"
"""Pygments style for code on a light page (also what the exporters use)."""
DARK_CODE_STYLE = "monokai"

_USER = QTextFormat.Property.UserProperty.value
# Block format properties (QTextBlockFormat).
BLOCK_KIND = _USER + 1
"""str: the block's ``BlockKind``."""
HEADING_LEVEL = _USER + 2
"""int 2-4 (also set as Qt's own heading level)."""
LIST_ORDERED = _USER + 3
"""bool: a numbered list item (also expressed by the QTextList's style)."""
CODE_LANGUAGE = _USER + 4
"""str: a code line's language ("" for none)."""
GROUP = _USER + 5
"""int: consecutive blocks of one kind with the same group are one model block."""
EMPTY_LIST = _USER + 6
"""bool: the lone item block of a list that has no items (``ListBlock(())``)."""
KEEP_EMPTY = _USER + 7
"""bool: the lone empty paragraph of a body that is one empty paragraph, not no body."""
# Character format properties (QTextCharFormat).
CODE_MARK = _USER + 10
"""bool: inline code."""
BOLD_MARK = _USER + 11
"""bool: bold; set on every run the adapter writes, so a heading's own weight is no mark."""
ITALIC_MARK = _USER + 12
"""bool: italic; likewise independent of a pull quote's italic type."""
SOURCE_TEXT = _USER + 13
"""str: the model character that a placeholder character in this run stands for."""

_PROPORTIONAL = QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
_SIZE = QTextFormat.Property.FontSizeAdjustment
# Qt scales the default font by 0.7, 0.8, 1.0, 1.2, 1.5, 2 or 2.4 for adjustments -2..4.
HEADING_SIZE_STEP = {2: 2, 3: 1, 4: 0}
PULL_QUOTE_SIZE_STEP = 2
CODE_SIZE_STEP = -1
ATTRIBUTION_INDENT = 22.0
"""Room before an attribution's first line for the dash ``block_decorations`` draws."""


class BlockKind(StrEnum):
    """What a document block is; stored in its block format (``document_format.BLOCK_KIND``)."""

    PARAGRAPH = "paragraph"
    HEADING = "heading"
    QUOTE = "quote"
    QUOTE_ATTRIBUTION = "quote-attribution"
    PULLQUOTE = "pullquote"
    PULLQUOTE_ATTRIBUTION = "pullquote-attribution"
    LIST_ITEM = "list-item"
    CODE = "code"
    RULE = "rule"


QUOTE_KINDS = frozenset({BlockKind.QUOTE, BlockKind.PULLQUOTE})
ATTRIBUTION_OF = {
    BlockKind.QUOTE: BlockKind.QUOTE_ATTRIBUTION,
    BlockKind.PULLQUOTE: BlockKind.PULLQUOTE_ATTRIBUTION,
}
QUOTE_OF = {attribution: quote for quote, attribution in ATTRIBUTION_OF.items()}
ATTRIBUTION_KINDS = frozenset(QUOTE_OF)


@dataclass(frozen=True)
class _BlockLook:
    top: float = 10
    bottom: float = 10
    line_height: int = 150
    indent: int = 0
    left: float = 0
    right: float = 0
    centred: bool = False
    text_indent: float = 0
    size_step: int = 0
    bold: bool = False
    italic: bool = False
    monospace: bool = False


_LOOKS: dict[BlockKind, _BlockLook] = {
    BlockKind.PARAGRAPH: _BlockLook(),
    BlockKind.HEADING: _BlockLook(top=22, bottom=4, line_height=125, bold=True),
    BlockKind.QUOTE: _BlockLook(top=12, bottom=4, indent=1, right=24),
    BlockKind.QUOTE_ATTRIBUTION: _BlockLook(
        top=0, bottom=12, indent=1, right=24, text_indent=ATTRIBUTION_INDENT, italic=True
    ),
    BlockKind.PULLQUOTE: _BlockLook(
        top=22,
        bottom=6,
        line_height=125,
        left=48,
        right=48,
        centred=True,
        size_step=PULL_QUOTE_SIZE_STEP,
        italic=True,
    ),
    BlockKind.PULLQUOTE_ATTRIBUTION: _BlockLook(
        top=0,
        bottom=22,
        left=48,
        right=48,
        centred=True,
        text_indent=ATTRIBUTION_INDENT,
        italic=True,
    ),
    BlockKind.LIST_ITEM: _BlockLook(top=3, bottom=3),
    # Code lines have no vertical margins: a code block's lines sit edge to edge so
    # the box drawn behind them (block_decorations) is one piece.
    BlockKind.CODE: _BlockLook(
        top=0,
        bottom=0,
        line_height=125,
        left=14,
        right=14,
        size_step=CODE_SIZE_STEP,
        monospace=True,
    ),
    BlockKind.RULE: _BlockLook(top=12, bottom=12, line_height=100),
}


@dataclass(frozen=True)
class Marks:
    """The inline marks of a run of text (a model ``Span`` without its text)."""

    bold: bool = False
    italic: bool = False
    code: bool = False
    link: str | None = None


PLAIN_MARKS = Marks()


@dataclass(eq=False)
class BlockStyles:
    """The article page's look for one palette; build it with ``styles_for``.

    ``block_format``/``char_format`` return theme-neutral formats (fresh copies the
    caller may change); the colour fields are for the highlighter and painter.
    """

    colours: ArticleColours
    dark: bool = False
    point_size: float = BODY_POINT_SIZE
    body_families: tuple[str, ...] = BODY_FONT_FAMILIES
    mono_families: tuple[str, ...] = ()
    _block_cache: dict[tuple[BlockKind, int], QTextBlockFormat] = field(
        default_factory=dict, repr=False
    )
    _char_cache: dict[tuple[BlockKind, int, Marks], QTextCharFormat] = field(
        default_factory=dict, repr=False
    )

    def __post_init__(self) -> None:
        if not self.mono_families:
            fixed = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
            self.mono_families = (*fixed.families(), "monospace")

    # -- display-time colours ------------------------------------------------------------

    @property
    def code_style(self) -> str:
        """The Pygments style for code blocks on this page."""
        return DARK_CODE_STYLE if self.dark else LIGHT_CODE_STYLE

    @property
    def quote_rule(self) -> QColor:
        return blend(self.colours.page, self.colours.accent, 0.55)

    @property
    def code_box(self) -> QColor:
        return self.colours.code_background

    def text_colour(self, kind: BlockKind) -> QColor | None:
        """The colour a block's text is shown in; ``None`` for the palette's text colour."""
        if kind is BlockKind.PULLQUOTE:
            return self.colours.accent
        if kind in (BlockKind.QUOTE, *ATTRIBUTION_KINDS):
            return self.colours.secondary
        return None

    # -- document formats ----------------------------------------------------------------

    def body_font(self) -> QFont:
        font = QFont()
        font.setFamilies(list(self.body_families))
        font.setPointSizeF(self.point_size)
        return font

    def block_format(self, kind: BlockKind, level: int = 2) -> QTextBlockFormat:
        """The format of a block of ``kind``, with ``BLOCK_KIND`` (and ``HEADING_LEVEL``) set."""
        key = (kind, level if kind is BlockKind.HEADING else 0)
        cached = self._block_cache.get(key)
        if cached is None:
            cached = self._block_cache[key] = _block_format(kind, level)
        return QTextBlockFormat(cached)

    def char_format(
        self, kind: BlockKind, marks: Marks = PLAIN_MARKS, level: int = 2
    ) -> QTextCharFormat:
        """Text with ``marks`` in a block of ``kind``: the look plus the mark properties."""
        key = (kind, level if kind is BlockKind.HEADING else 0, marks)
        cached = self._char_cache.get(key)
        if cached is None:
            cached = self._char_cache[key] = self._char_format(kind, marks, level)
        return QTextCharFormat(cached)

    def _char_format(self, kind: BlockKind, marks: Marks, level: int) -> QTextCharFormat:
        look = _LOOKS[kind]
        text = QTextCharFormat()
        step = HEADING_SIZE_STEP.get(level, 0) if kind is BlockKind.HEADING else look.size_step
        if look.monospace or (marks.code and kind is not BlockKind.CODE):
            text.setFontFamilies(list(self.mono_families))
            step = max(-2, step - 1) if not look.monospace else step
        if step:
            text.setProperty(_SIZE, step)
        if kind is BlockKind.CODE:
            return text
        text.setProperty(BOLD_MARK, marks.bold)
        text.setProperty(ITALIC_MARK, marks.italic)
        text.setProperty(CODE_MARK, marks.code)
        # Marks inside a block that is already bold or italic show as the opposite,
        # the way a printed page sets an italic title inside an italic pull quote.
        if look.bold or marks.bold:
            text.setFontWeight(
                QFont.Weight.Black if look.bold and marks.bold else QFont.Weight.Bold
            )
        if look.italic != marks.italic:
            text.setFontItalic(True)
        if marks.link is not None:
            text.setAnchor(True)
            text.setAnchorHref(marks.link)
            text.setFontUnderline(True)
        return text


def list_format(ordered: bool) -> QTextListFormat:
    """The QTextList format of a bulleted or numbered list."""
    style = QTextListFormat()
    style.setStyle(QTextListFormat.Style.ListDecimal if ordered else QTextListFormat.Style.ListDisc)
    style.setIndent(1)
    return style


def styles_for(palette: QPalette, point_size: float = BODY_POINT_SIZE) -> BlockStyles:
    """The block styles for a palette: dark pages get a dark code theme."""
    colours = ArticleColours.from_palette(palette)
    return styles_for_colours(colours, point_size)


def styles_for_colours(colours: ArticleColours, point_size: float = BODY_POINT_SIZE) -> BlockStyles:
    return BlockStyles(colours, dark=colours.page.lightness() < 128, point_size=point_size)


def _block_format(kind: BlockKind, level: int) -> QTextBlockFormat:
    look = _LOOKS[kind]
    block = QTextBlockFormat()
    block.setProperty(BLOCK_KIND, kind.value)
    if kind is BlockKind.HEADING:
        block.setProperty(HEADING_LEVEL, level)
        block.setHeadingLevel(level)
    block.setTopMargin(look.top)
    block.setBottomMargin(look.bottom)
    block.setLineHeight(look.line_height, _PROPORTIONAL)
    if look.indent:
        block.setIndent(look.indent)
    if look.left:
        block.setLeftMargin(look.left)
    if look.right:
        block.setRightMargin(look.right)
    if look.text_indent:
        block.setTextIndent(look.text_indent)
    if look.centred:
        block.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    if kind is BlockKind.CODE:
        block.setNonBreakableLines(True)
    if kind is BlockKind.RULE:
        # No colour of its own: Qt draws the ruler in the palette's text colour.
        block.setProperty(
            QTextFormat.Property.BlockTrailingHorizontalRulerWidth,
            QTextLength(QTextLength.Type.PercentageLength, 100),
        )
    return block
