"""What Qt's text layout cannot draw: the rule beside a blockquote, the attribution dash,
the box behind a code block and the short accent rule over a pull quote.

They are painted from the blocks' geometry, in the theme's colours, so they are
never part of the text: the dash before an attribution cannot be selected,
copied or saved. A widget showing an adapter document calls
``paint_block_decorations`` at the start of its ``paintEvent``, before
``super().paintEvent`` draws the text over them::

    def paintEvent(self, event: QPaintEvent) -> None:
        paint_block_decorations(self, self._styles, event.rect())
        super().paintEvent(event)

The ``*_rects`` functions give the shapes in document coordinates, for tests and
for widgets that paint some other way.
"""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import QLineF, QPointF, QRect, QRectF, Qt
from PySide6.QtGui import QAbstractTextDocumentLayout, QPainter, QPen, QTextBlock, QTextDocument
from PySide6.QtWidgets import QTextEdit

from editor_app.ui.block_styles import (
    ATTRIBUTION_INDENT,
    ATTRIBUTION_KINDS,
    GROUP,
    BlockKind,
    BlockStyles,
)
from editor_app.ui.document_reader import block_kind

QUOTE_RULE_WIDTH = 3.0
QUOTE_RULE_GAP = 16.0
"""From the rule's left edge to the quote's text."""
CODE_BOX_PADDING = 6.0
PULL_QUOTE_RULE = (64.0, 2.0, 12.0)
"""Width, thickness and distance above the pull quote's first line."""


def quote_rule_rects(
    document: QTextDocument,
    layout: QAbstractTextDocumentLayout | None = None,
    top: float | None = None,
    bottom: float | None = None,
) -> list[QRectF]:
    """The rule beside each blockquote (its text and attribution lines), in document
    coordinates; ``top``/``bottom`` limit the search to blocks that may show there."""
    layout = layout or document.documentLayout()
    rects = []
    for run in _runs(document, layout, top, bottom, {BlockKind.QUOTE, BlockKind.QUOTE_ATTRIBUTION}):
        first, last = layout.blockBoundingRect(run[0]), layout.blockBoundingRect(run[-1])
        left = first.left() + _text_left(document, run[0]) - QUOTE_RULE_GAP
        rects.append(QRectF(left, first.top(), QUOTE_RULE_WIDTH, last.bottom() - first.top()))
    return rects


def code_box_rects(
    document: QTextDocument,
    layout: QAbstractTextDocumentLayout | None = None,
    top: float | None = None,
    bottom: float | None = None,
) -> list[QRectF]:
    """The box behind each code block, reaching into the space around it (at most half
    of the gap to the next text, so it never touches a neighbour)."""
    layout = layout or document.documentLayout()
    rects = []
    for run in _runs(document, layout, top, bottom, {BlockKind.CODE}):
        first, last = layout.blockBoundingRect(run[0]), layout.blockBoundingRect(run[-1])
        above, below = run[0].previous(), run[-1].next()
        gap_above = first.top() - layout.blockBoundingRect(above).bottom() if above.isValid() else 0
        gap_below = layout.blockBoundingRect(below).top() - last.bottom() if below.isValid() else 0
        pad_top = min(CODE_BOX_PADDING, max(gap_above, 0) / 2) if above.isValid() else 0
        pad_bottom = min(CODE_BOX_PADDING, max(gap_below, 0) / 2) if below.isValid() else 0
        rects.append(
            QRectF(
                first.left(),
                first.top() - pad_top,
                _column_width(document, first.width()),
                last.bottom() - first.top() + pad_top + pad_bottom,
            )
        )
    return rects


def attribution_dashes(
    document: QTextDocument,
    layout: QAbstractTextDocumentLayout | None = None,
    top: float | None = None,
    bottom: float | None = None,
) -> list[QLineF]:
    """The dash drawn before each attribution's first line, in document coordinates."""
    layout = layout or document.documentLayout()
    dashes = []
    for block in _blocks(document, layout, top, bottom):
        if block_kind(block) not in ATTRIBUTION_KINDS or block.layout().lineCount() == 0:
            continue
        line = block.layout().lineAt(0)
        rect = layout.blockBoundingRect(block)
        text_left = rect.left() + line.naturalTextRect().left()
        y = rect.top() + line.y() + line.ascent() * 0.62
        dashes.append(QLineF(text_left - ATTRIBUTION_INDENT + 3, y, text_left - 6, y))
    return dashes


def pull_quote_rules(
    document: QTextDocument,
    layout: QAbstractTextDocumentLayout | None = None,
    top: float | None = None,
    bottom: float | None = None,
) -> list[QRectF]:
    """The short accent rule centred above each pull quote."""
    layout = layout or document.documentLayout()
    width, thickness, distance = PULL_QUOTE_RULE
    rects = []
    for run in _runs(document, layout, top, bottom, {BlockKind.PULLQUOTE}):
        rect = layout.blockBoundingRect(run[0])
        rects.append(QRectF(rect.center().x() - width / 2, rect.top() - distance, width, thickness))
    return rects


def paint_block_decorations(edit: QTextEdit, styles: BlockStyles, area: QRect) -> None:
    """Paint the decorations of ``edit``'s document that fall in ``area`` (viewport
    coordinates) onto its viewport, under the text."""
    document = edit.document()
    layout = document.documentLayout()
    dx, dy = edit.horizontalScrollBar().value(), edit.verticalScrollBar().value()
    top, bottom = area.top() + dy, area.bottom() + dy
    painter = QPainter(edit.viewport())
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.translate(-dx, -dy)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(styles.code_box)
        for rect in code_box_rects(document, layout, top, bottom):
            painter.drawRoundedRect(rect, 4, 4)
        painter.setBrush(styles.quote_rule)
        for rect in quote_rule_rects(document, layout, top, bottom):
            painter.drawRect(rect)
        painter.setBrush(styles.colours.accent)
        for rect in pull_quote_rules(document, layout, top, bottom):
            painter.drawRect(rect)
        pen = QPen(styles.colours.secondary, 1.2)
        pen.setCapStyle(Qt.PenCapStyle.FlatCap)
        painter.setPen(pen)
        for dash in attribution_dashes(document, layout, top, bottom):
            painter.drawLine(dash)
    finally:
        painter.end()


def _blocks(
    document: QTextDocument,
    layout: QAbstractTextDocumentLayout,
    top: float | None,
    bottom: float | None,
) -> Iterator[QTextBlock]:
    """The blocks that may show between ``top`` and ``bottom`` (all when not given),
    widened to whole code blocks and quotes so their shapes come out whole."""
    block = document.begin()
    if top is not None:
        position = layout.hitTest(QPointF(0, top), Qt.HitTestAccuracy.FuzzyHit)
        block = document.findBlock(max(position, 0))
        block = _start_of_run(block)
    while block.isValid():
        below = bottom is not None and layout.blockBoundingRect(block).top() > bottom
        if below and block_kind(block) not in _DECORATED:
            return  # past the area, and not finishing a quote or code block that shows
        yield block
        block = block.next()


def _start_of_run(block: QTextBlock) -> QTextBlock:
    """Back up to the first block of the decorated run (code block, quote) ``block`` is in."""
    while block_kind(block) in _DECORATED:
        previous = block.previous()
        if not previous.isValid() or block_kind(previous) not in _DECORATED:
            break
        block = previous
    return block


def _runs(
    document: QTextDocument,
    layout: QAbstractTextDocumentLayout,
    top: float | None,
    bottom: float | None,
    kinds: set[BlockKind],
) -> Iterator[list[QTextBlock]]:
    """Consecutive blocks of ``kinds`` that belong together (one group; a quote's text
    and its attribution)."""
    run: list[QTextBlock] = []
    for block in _blocks(document, layout, top, bottom):
        kind = block_kind(block)
        if kind in kinds and run and _continues(run[-1], block):
            run.append(block)
            continue
        if run:
            yield run
        run = [block] if kind in kinds else []
    if run:
        yield run


def _continues(previous: QTextBlock, block: QTextBlock) -> bool:
    if block_kind(block) in ATTRIBUTION_KINDS:
        return True
    return bool(block.blockFormat().property(GROUP) == previous.blockFormat().property(GROUP))


def _column_width(document: QTextDocument, fallback: float) -> float:
    """The width of the text column (a code line's own rectangle stops at its margin)."""
    width = document.textWidth()
    return width - 2 * document.documentMargin() if width > 0 else fallback


def _text_left(document: QTextDocument, block: QTextBlock) -> float:
    block_format = block.blockFormat()
    return block_format.indent() * document.indentWidth() + block_format.leftMargin()


_DECORATED = frozenset(
    {
        BlockKind.CODE,
        BlockKind.QUOTE,
        BlockKind.QUOTE_ATTRIBUTION,
        BlockKind.PULLQUOTE,
        BlockKind.PULLQUOTE_ATTRIBUTION,
    }
)
