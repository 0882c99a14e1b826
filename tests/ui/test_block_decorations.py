"""Quote rules, attribution dashes, code boxes and pull-quote rules, drawn under the text."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QColor, QImage, QPaintEvent
from PySide6.QtWidgets import QTextEdit, QWidget
from pytestqt.qtbot import QtBot

from editor_app.model import (
    Block,
    BlockQuote,
    CodeBlock,
    Heading,
    HorizontalRule,
    ListBlock,
    Paragraph,
    PullQuote,
    RichText,
    Span,
)
from editor_app.ui.block_decorations import (
    attribution_dashes,
    code_box_rects,
    paint_block_decorations,
    pull_quote_rules,
    quote_rule_rects,
)
from editor_app.ui.block_styles import BlockStyles
from editor_app.ui.code_highlighter import ArticleHighlighter
from editor_app.ui.document_adapter import BlockKind, block_kind, fill_document
from tests.ui.document_helpers import document_blocks, light_styles, plain

EVERY_KIND: tuple[Block, ...] = (
    Paragraph(
        RichText(
            (
                Span("The ferry "),
                Span("Solent Star", italic=True),
                Span(" returns with "),
                Span("180 seats", bold=True),
                Span(", the "),
                Span("operator said", link="https://example.org"),
                Span("; its "),
                Span("GET /sailings", code=True),
                Span(" feed is live."),
            )
        )
    ),
    Heading(plain("What changes"), level=2),
    BlockQuote(
        plain("We kept the wooden benches because people liked them."), plain("Ana Fielding")
    ),
    ListBlock((plain("First sailing 06:40"), plain("Last sailing 22:10")), ordered=True),
    ListBlock((plain("Bikes free"),)),
    PullQuote(plain("People liked the benches"), plain("Ana Fielding")),
    Heading(plain("For developers"), level=3),
    CodeBlock('def sailings(day):\n    """Crossings\n    on one day."""\n    return day', "python"),
    HorizontalRule(),
    Paragraph(plain("Fares stay the same until the summer.")),
)


class Page(QTextEdit):
    """A text edit that draws the decorations, as the editor and the read-only view do."""

    def __init__(self, styles: BlockStyles, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.styles = styles
        self.highlighter = ArticleHighlighter(self.document(), styles)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        paint_block_decorations(self, self.styles, event.rect())
        super().paintEvent(event)


@pytest.fixture
def page(qtbot: QtBot) -> Page:
    shown = Page(light_styles())
    qtbot.addWidget(shown)
    shown.resize(720, 1100)
    shown.show()
    fill_document(shown.document(), EVERY_KIND, shown.styles)
    return shown


def test_one_rule_beside_each_blockquote_from_its_text_to_its_attribution(page: Page) -> None:
    document = page.document()
    layout = document.documentLayout()
    quote, attribution = (
        block
        for block in document_blocks(document)
        if block_kind(block) in (BlockKind.QUOTE, BlockKind.QUOTE_ATTRIBUTION)
    )
    (rule,) = quote_rule_rects(document)
    quote_rect, attribution_rect = (
        layout.blockBoundingRect(quote),
        layout.blockBoundingRect(attribution),
    )
    assert rule.top() == quote_rect.top()
    assert rule.bottom() == attribution_rect.bottom()
    assert rule.right() < quote_rect.left() + quote.layout().lineAt(0).x()


def test_one_box_behind_each_code_block(qtbot: QtBot) -> None:
    page = Page(light_styles())
    qtbot.addWidget(page)
    page.resize(600, 400)
    page.show()
    body = (
        Paragraph(plain("a")),
        CodeBlock("x = 1\ny = 2", "python"),
        CodeBlock("z = 3", "python"),
    )
    fill_document(page.document(), body, page.styles)
    first, second = code_box_rects(page.document())
    assert first.bottom() <= second.top()
    lines = document_blocks(page.document())[1:3]
    layout = page.document().documentLayout()
    assert first.top() <= layout.blockBoundingRect(lines[0]).top()
    assert first.bottom() >= layout.blockBoundingRect(lines[1]).bottom()


def test_a_dash_before_every_attribution_not_in_its_text(page: Page) -> None:
    document = page.document()
    dashes = attribution_dashes(document)
    attributions = [b for b in document_blocks(document) if b.text() == "Ana Fielding"]
    assert len(dashes) == len(attributions) == 2
    for dash, block in zip(dashes, attributions, strict=True):
        text_left = document.documentLayout().blockBoundingRect(block).left()
        text_left += block.layout().lineAt(0).naturalTextRect().left()
        assert dash.x2() < text_left
        assert dash.length() > 8


def test_a_short_accent_rule_over_each_pull_quote(page: Page) -> None:
    (rule,) = pull_quote_rules(page.document())
    pull = next(
        b for b in document_blocks(page.document()) if b.text() == EVERY_KIND[5].content.plain
    )
    pull_rect = page.document().documentLayout().blockBoundingRect(pull)
    assert rule.bottom() <= pull_rect.top()
    assert abs(rule.center().x() - pull_rect.center().x()) < 1


def test_only_the_blocks_near_the_visible_area_are_looked_at(qtbot: QtBot) -> None:
    page = Page(light_styles())
    qtbot.addWidget(page)
    page.resize(600, 300)
    page.show()
    filler = tuple(Paragraph(plain(f"Paragraph {n}.")) for n in range(60))
    quote = BlockQuote(plain("\n".join(["line"] * 12)), plain("Ana"))
    fill_document(page.document(), (*filler, quote, *filler), page.styles)
    (whole,) = quote_rule_rects(page.document())
    middle = whole.center().y()
    # A window onto the middle of the quote still sees the whole quote's rule.
    assert quote_rule_rects(page.document(), None, middle, middle + 5) == [whole]
    assert quote_rule_rects(page.document(), None, 0, 50) == []


def pixel(image: QImage, x: float, y: float) -> QColor:
    return image.pixelColor(round(x), round(y))


def test_the_decorations_are_painted_in_the_themes_colours(page: Page, tmp_path: Path) -> None:
    image = page.viewport().grab().toImage()
    assert image.save(str(tmp_path / "every_block_kind.png"))
    (rule,) = quote_rule_rects(page.document())
    assert (
        pixel(image, rule.center().x(), rule.center().y()).name() == page.styles.quote_rule.name()
    )
    (box, *_) = code_box_rects(page.document())
    corner = pixel(image, box.right() - 6, box.bottom() - 3)
    assert corner.name() == page.styles.code_box.name()
