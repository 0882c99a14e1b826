"""The model ⇄ QTextDocument adapter: exact round trips and the document's structure."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from PySide6.QtCore import Qt
from PySide6.QtGui import (
    QFont,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
    QTextFormat,
    QTextListFormat,
)

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
from editor_app.ui.document_adapter import (
    BLOCK_KIND,
    BOLD_MARK,
    CODE_MARK,
    GROUP,
    ITALIC_MARK,
    BlockKind,
    block_kind,
    fill_document,
    read_document,
)
from tests.ui.document_helpers import (
    block_texts,
    bodies,
    document_blocks,
    filled,
    light_styles,
    plain,
    tricky_bodies,
)

pytestmark = pytest.mark.usefixtures("qapp")

ALL_MARKS = Span("all", bold=True, italic=True, code=True, link="https://example.org/all")

EDGE_CASES: dict[str, tuple[Block, ...]] = {
    "empty body": (),
    "one empty paragraph": (Paragraph(),),
    "empty paragraphs around text": (Paragraph(), Paragraph(plain("x")), Paragraph()),
    "quote without attribution": (BlockQuote(plain("Said."), RichText()),),
    "quote with no text": (BlockQuote(RichText(), plain("Ana")),),
    "pull quote with attribution": (PullQuote(plain("Big words"), plain("Ana Fielding")),),
    "attribution starting with a dash": (BlockQuote(plain("q"), plain("— Ana")),),
    "code with blank lines and a trailing newline": (CodeBlock("a\n\nb\n", "python"),),
    "empty code": (CodeBlock("", ""),),
    "code of one newline": (CodeBlock("\n", "json"),),
    "code holding a line separator": (CodeBlock("x\u2028y", "js"),),
    "code with carriage returns": (CodeBlock("a\r\nb\r", ""),),
    "list item with a line break": (ListBlock((plain("one\ntwo"), plain("three"))),),
    "empty list": (ListBlock((), ordered=True),),
    "list with an empty item": (ListBlock((plain("a"), RichText(), plain("b"))),),
    "adjacent lists": (ListBlock((plain("a"),)), ListBlock((plain("b"),))),
    "adjacent numbered and bulleted lists": (
        ListBlock((plain("a"),), ordered=True),
        ListBlock((plain("b"),)),
    ),
    "adjacent code blocks": (CodeBlock("a", "python"), CodeBlock("b", "python")),
    "adjacent quotes": (BlockQuote(plain("a"), plain("x")), BlockQuote(plain("b"), RichText())),
    "adjacent rules": (HorizontalRule(), HorizontalRule()),
    "object replacement and paragraph separator": (Paragraph(plain("a\ufffcb\u2029c")),),
    "Qt's block markers": (Paragraph(plain("a\ufdd0b\ufdd1c")),),
    "a lone surrogate": (Paragraph(plain("a\ud800b")),),
    "a literal line separator beside a newline": (Paragraph(plain("a\u2028b\nc")),),
    "leading and trailing spaces": (Paragraph(plain("  spaced  ")),),
    "non-breaking space and emoji": (Paragraph(plain("👍\u00a0Blinked 🇺🇦")),),
    "link with an empty href": (Paragraph(RichText((Span("here", link=""),))),),
    "every mark at once": (Paragraph(RichText((Span("a "), ALL_MARKS, Span(" b")))),),
    "marks in a heading and a pull quote": (
        Heading(RichText((Span("bold", bold=True), Span(" plain"))), level=4),
        PullQuote(RichText((Span("upright", italic=True), Span(" italic"))), RichText()),
    ),
    "marks in an attribution": (
        BlockQuote(plain("q"), RichText((Span("Ana", bold=True), Span(", "), ALL_MARKS))),
    ),
    "heading levels": tuple(Heading(plain(f"h{level}"), level=level) for level in (2, 3, 4)),
}


@pytest.mark.parametrize("body", EDGE_CASES.values(), ids=EDGE_CASES.keys())
def test_edge_cases_round_trip(body: tuple[Block, ...]) -> None:
    assert read_document(filled(body)) == body


@settings(max_examples=300, deadline=None)
@given(bodies)
def test_article_bodies_round_trip(body: tuple[Block, ...]) -> None:
    assert read_document(filled(body)) == body


@settings(max_examples=300, deadline=None)
@given(tricky_bodies)
def test_tricky_characters_round_trip(body: tuple[Block, ...]) -> None:
    assert read_document(filled(body)) == body


def test_filling_again_replaces_everything() -> None:
    document = filled((Paragraph(plain("old")), ListBlock((plain("old item"),))))
    body = (Heading(plain("new")),)
    fill_document(document, body, light_styles())
    assert read_document(document) == body
    assert block_texts(document) == ["new"]


def test_filling_leaves_nothing_to_undo() -> None:
    document = QTextDocument()
    QTextCursor(document).insertText("typed before")
    fill_document(document, (Paragraph(plain("x")),), light_styles())
    assert not document.isUndoAvailable()
    assert not document.isModified()


# -- structure -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "lines"),
    [
        ("a\n\nb\n", ["a", "", "b", ""]),
        ("", [""]),
        ("\n", ["", ""]),
        ("one line", ["one line"]),
    ],
)
def test_a_code_block_is_one_document_block_per_line(code: str, lines: list[str]) -> None:
    document = filled((CodeBlock(code, "python"),))
    assert block_texts(document) == lines
    assert {block_kind(block) for block in document_blocks(document)} == {BlockKind.CODE}
    assert len({block.blockFormat().property(GROUP) for block in document_blocks(document)}) == 1


@pytest.mark.parametrize(
    ("body", "kinds"),
    [
        ((Paragraph(plain("p")),), [BlockKind.PARAGRAPH]),
        ((Heading(plain("h"), level=3),), [BlockKind.HEADING]),
        ((BlockQuote(plain("q"), RichText()),), [BlockKind.QUOTE]),
        (
            (BlockQuote(plain("q"), plain("a")),),
            [BlockKind.QUOTE, BlockKind.QUOTE_ATTRIBUTION],
        ),
        (
            (PullQuote(plain("q"), plain("a")),),
            [BlockKind.PULLQUOTE, BlockKind.PULLQUOTE_ATTRIBUTION],
        ),
        ((ListBlock((plain("a"), plain("b"))),), [BlockKind.LIST_ITEM, BlockKind.LIST_ITEM]),
        ((HorizontalRule(),), [BlockKind.RULE]),
    ],
)
def test_each_document_block_says_what_it_is(
    body: tuple[Block, ...], kinds: list[BlockKind]
) -> None:
    document = filled(body)
    blocks = document_blocks(document)
    assert [block.blockFormat().property(BLOCK_KIND) for block in blocks] == kinds


def test_the_attribution_is_the_words_alone() -> None:
    """The dash before an attribution is drawn, not typed: it never reaches the model."""
    assert block_texts(filled((BlockQuote(plain("q"), plain("Ana")),))) == ["q", "Ana"]


def test_a_line_break_is_qts_line_separator() -> None:
    assert block_texts(filled((Paragraph(plain("one\ntwo")),))) == ["one\u2028two"]


def test_a_list_is_one_qt_list() -> None:
    document = filled((ListBlock((plain("a"), plain("b")), ordered=True),))
    first, second = document_blocks(document)
    text_list = first.textList()
    assert text_list is not None
    assert text_list.count() == 2
    assert second.textList() is not None
    assert text_list.format().style() == text_list.format().Style.ListDecimal


def test_adjacent_lists_are_two_qt_lists() -> None:
    document = filled((ListBlock((plain("a"),)), ListBlock((plain("b"),))))
    first, second = document_blocks(document)
    first_list, second_list = first.textList(), second.textList()
    assert first_list is not None and second_list is not None
    assert first_list.objectIndex() != second_list.objectIndex()


def test_a_rule_is_an_empty_block_with_qts_ruler() -> None:
    document = filled((HorizontalRule(),))
    (rule,) = document_blocks(document)
    assert rule.text() == ""
    assert rule.blockFormat().hasProperty(QTextFormat.Property.BlockTrailingHorizontalRulerWidth)


def run_formats(document: QTextDocument) -> dict[str, QTextCharFormat]:
    found = {}
    for block in document_blocks(document):
        iterator = block.begin()
        while not iterator.atEnd():
            fragment = iterator.fragment()
            found[fragment.text()] = fragment.charFormat()
            iterator += 1
    return found


def test_marks_are_properties_and_looks() -> None:
    formats = run_formats(filled((Paragraph(RichText((Span("plain "), ALL_MARKS))),)))
    marked, unmarked = formats["all"], formats["plain "]
    assert marked.property(BOLD_MARK) and marked.fontWeight() == QFont.Weight.Bold
    assert marked.property(ITALIC_MARK) and marked.fontItalic()
    assert marked.property(CODE_MARK)
    assert marked.isAnchor() and marked.anchorHref() == "https://example.org/all"
    assert marked.fontUnderline()
    assert unmarked.property(BOLD_MARK) is False and not unmarked.isAnchor()


def test_a_headings_weight_is_not_a_bold_mark() -> None:
    formats = run_formats(filled((Heading(plain("Subhead")),)))
    assert formats["Subhead"].fontWeight() == QFont.Weight.Bold
    assert formats["Subhead"].property(BOLD_MARK) is False


def test_italics_inside_a_pull_quote_stand_upright() -> None:
    content = RichText((Span("upright", italic=True), Span(" leaning")))
    formats = run_formats(filled((PullQuote(content, RichText()),)))
    assert not formats["upright"].fontItalic()
    assert formats[" leaning"].fontItalic()


def test_headings_and_pull_quotes_are_larger_than_text() -> None:
    body = (
        Paragraph(plain("Body text")),
        Heading(plain("Level two"), level=2),
        Heading(plain("Level three"), level=3),
        PullQuote(plain("Pulled"), RichText()),
    )
    document = filled(body)
    document.setTextWidth(600)
    texts = ("Body text", "Level two", "Level three", "Pulled")
    sizes = {text: _line_ascent(document, text) for text in texts}
    assert sizes["Level two"] > sizes["Level three"] > sizes["Body text"]
    assert sizes["Pulled"] > sizes["Body text"] * 1.3


def test_zooming_the_default_font_scales_headings_too() -> None:
    document = filled((Heading(plain("Level two"), level=2),))
    document.setTextWidth(600)
    before = _line_ascent(document, "Level two")
    font = document.defaultFont()
    font.setPointSizeF(font.pointSizeF() * 2)
    document.setDefaultFont(font)
    assert _line_ascent(document, "Level two") > before * 1.7


def _line_ascent(document: QTextDocument, text: str) -> float:
    document.documentLayout().documentSize()  # lays the document out
    block = next(block for block in document_blocks(document) if block.text() == text)
    return block.layout().lineAt(0).ascent()


def test_a_pull_quote_is_centred_and_a_quote_indented() -> None:
    document = filled((BlockQuote(plain("q"), plain("a")), PullQuote(plain("p"), RichText())))
    quote, _attribution, pull = document_blocks(document)
    assert quote.blockFormat().indent() >= 1
    assert pull.blockFormat().alignment() & Qt.AlignmentFlag.AlignHCenter


# -- documents written by something else ---------------------------------------------------


def test_blocks_without_adapter_properties_are_read_by_their_qt_formats() -> None:
    document = QTextDocument()
    cursor = QTextCursor(document)
    heading = QTextBlockFormat()
    heading.setHeadingLevel(3)
    cursor.setBlockFormat(heading)
    cursor.insertText("Title")
    cursor.insertBlock(QTextBlockFormat())
    bold = QTextCharFormat()
    bold.setFontWeight(QFont.Weight.Bold)
    cursor.insertText("strong", bold)
    cursor.insertText(" plain", QTextCharFormat())
    cursor.insertBlock(QTextBlockFormat())
    numbers = QTextListFormat()
    numbers.setStyle(QTextListFormat.Style.ListDecimal)
    cursor.createList(numbers)
    cursor.insertText("item")
    assert read_document(document) == (
        Heading(plain("Title"), level=3),
        Paragraph(RichText((Span("strong", bold=True), Span(" plain")))),
        ListBlock((plain("item"),), ordered=True),
    )
