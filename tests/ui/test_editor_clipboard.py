"""The clipboard formats and the paste readers, without an editor widget."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QMimeData

from editor_app.model import (
    Block,
    BlockQuote,
    Heading,
    HorizontalRule,
    ListBlock,
    Paragraph,
    PullQuote,
    RichText,
    Span,
)
from editor_app.ui.editor_clipboard import (
    FRAGMENT_MIME,
    blocks_from_plain_text,
    can_paste,
    decode_fragment,
    encode_fragment,
    fragment_mime_data,
    read_paste,
    tidy_line,
)
from tests.strategies import blocks as any_block

DATA = Path(__file__).parent.parent / "data"
LINK = "https://example.org/ferry"
FRAGMENT: tuple[Block, ...] = (
    PullQuote(
        RichText.plain_text("We kept the benches."), RichText((Span("Ana Ruiz", italic=True),))
    ),
    Paragraph(RichText((Span("Bold", bold=True), Span(" and "), Span("linked", link=LINK)))),
)


def texts(blocks: tuple[Block, ...]) -> list[str]:
    return [block.content.plain for block in blocks if isinstance(block, Paragraph)]


# -- our own format --------------------------------------------------------------------


@given(st.lists(any_block, max_size=6).map(tuple))
def test_fragment_codec_round_trip(blocks: tuple[Block, ...]) -> None:
    assert decode_fragment(encode_fragment(blocks)) == blocks


@pytest.mark.parametrize(
    "data",
    [b"\xff\xfe", b"{}", b"not json", b'{"format": "article-editor/article", "version": 99}'],
)
def test_foreign_data_under_our_name_is_not_a_fragment(data: bytes) -> None:
    assert decode_fragment(data) is None


def test_copy_offers_three_formats() -> None:
    data = fragment_mime_data(FRAGMENT)
    assert data.hasFormat(FRAGMENT_MIME)
    assert '<aside class="pullquote">' in data.html()
    assert f'<a href="{LINK}">linked</a>' in data.html()
    assert data.text() == "We kept the benches.\n— Ana Ruiz\n\nBold and linked"


def test_plain_text_of_a_few_words_is_just_those_words() -> None:
    data = fragment_mime_data((Paragraph(RichText.plain_text("the benches")),))
    assert data.text() == "the benches"


def test_paste_prefers_our_format_over_html() -> None:
    data = fragment_mime_data(FRAGMENT)
    pasted = read_paste(data)
    assert pasted is not None
    assert pasted.blocks == FRAGMENT
    assert pasted.sentence == "Pasted 1 pull quote and 1 paragraph"


def test_html_alone_loses_what_our_format_keeps() -> None:
    """Why the own format exists: HTML collapses white space, so inline code lined up
    with spaces comes back changed; the fragment brings it back exactly."""
    aligned = (Paragraph(RichText((Span("Set "), Span("x  =  1", code=True)))),)
    html_only = QMimeData()
    html_only.setHtml(fragment_mime_data(aligned).html())
    through_html = read_paste(html_only)
    through_ours = read_paste(fragment_mime_data(aligned))
    assert through_html is not None
    assert through_ours is not None
    assert through_html.blocks != aligned
    assert through_ours.blocks == aligned


def test_damaged_own_format_falls_back_to_html() -> None:
    data = QMimeData()
    data.setData(FRAGMENT_MIME, b"garbage")
    data.setHtml("<p>Ferries <b>return</b>.</p>")
    pasted = read_paste(data)
    assert pasted is not None
    assert pasted.blocks == (
        Paragraph(RichText((Span("Ferries "), Span("return", bold=True), Span(".")))),
    )


# -- HTML ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fixture", "first_blocks", "sentence"),
    [
        (
            "html_word_paste.html",
            (Heading(RichText.plain_text("Harbour ferries to run through the night")),),
            "Pasted 1 heading, 3 paragraphs, 1 quote and 2 lists from Word; removed: 1 stylesheet",
        ),
        (
            "html_google_docs.html",
            (Heading(RichText.plain_text("Library opens a tool shed for lending")),),
            "Pasted 1 heading, 2 paragraphs and 1 list from Google Docs",
        ),
        (
            "html_web_page.html",
            (Heading(RichText.plain_text("Town council backs bike lanes on the high street")),),
            "Pasted 2 headings, 3 paragraphs and 1 quote from HTML; removed: 2 scripts, "
            "1 embedded frame, 1 tracking pixel, 'Share this article', 11 other pieces",
        ),
    ],
)
def test_html_fixtures_paste_clean(
    fixture: str, first_blocks: tuple[Block, ...], sentence: str
) -> None:
    data = QMimeData()
    data.setHtml((DATA / fixture).read_text(encoding="utf-8"))
    pasted = read_paste(data)
    assert pasted is not None
    assert pasted.blocks[: len(first_blocks)] == first_blocks
    assert pasted.sentence == sentence
    plain = " ".join(texts(pasted.blocks))
    for leftover in ("Leave a Reply", "Share this", "dataLayer", "Post Comment", "font-family"):
        assert leftover not in plain


def test_web_page_paste_keeps_marks_and_drops_the_page_title() -> None:
    data = QMimeData()
    data.setHtml((DATA / "html_web_page.html").read_text(encoding="utf-8"))
    pasted = read_paste(data)
    assert pasted is not None
    assert "The Riverside Courier" not in " ".join(texts(pasted.blocks))
    assert (
        Paragraph(
            RichText((Span("The first stretch opens in "), Span("September", bold=True), Span(".")))
        )
        in pasted.blocks
    )
    assert any(isinstance(block, BlockQuote) for block in pasted.blocks)


def test_html_of_only_furniture_falls_back_to_the_text() -> None:
    data = QMimeData()
    data.setHtml("<nav><a href='/'>Home</a></nav>")
    data.setText("Home")
    pasted = read_paste(data)
    assert pasted is not None
    assert pasted.blocks == (Paragraph(RichText.plain_text("Home")),)


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (QMimeData(), False),
        (fragment_mime_data(FRAGMENT), True),
    ],
)
def test_can_paste(data: QMimeData, expected: bool) -> None:
    assert can_paste(data) is expected


def test_nothing_to_paste() -> None:
    data = QMimeData()
    data.setText("   \n ")
    assert read_paste(data) is None


# -- plain text ------------------------------------------------------------------------

WRAPPED = (
    "The ferry company said on Monday that the night crossings would return\n"
    "in June, after a winter of repairs to the older of its two vessels.\n"
    "\n"
    "Tickets go on sale next week."
)


@pytest.mark.parametrize(
    ("text", "paragraphs"),
    [
        ("One line", ["One line"]),
        ("First.\n\nSecond.", ["First.", "Second."]),
        ("First.\r\n\r\n\r\nSecond.", ["First.", "Second."]),
        (
            WRAPPED,
            [
                "The ferry company said on Monday that the night crossings would return in "
                "June, after a winter of repairs to the older of its two vessels.",
                "Tickets go on sale next week.",
            ],
        ),
        ("Harbour Road 4\nPortside\nPO1 2AB", ["Harbour Road 4\nPortside\nPO1 2AB"]),
        ("- tickets\n- timetable", ["- tickets\n- timetable"]),
        ("a" * 120 + "\n" + "b" * 120, ["a" * 120, "b" * 120]),
        ("well-\nknown " + "x" * 60, ["well-known " + "x" * 60]),
        ("It’s the “night” ferry — ‘late’", ["It’s the “night” ferry — ‘late’"]),
        ("tab\tand   spaces", ["tab and spaces"]),
        ("line\u2028break " + "y" * 60, ["line break " + "y" * 60]),
    ],
)
def test_plain_text_paragraphs(text: str, paragraphs: list[str]) -> None:
    blocks, report = blocks_from_plain_text(text)
    assert texts(blocks) == paragraphs
    assert not report


@pytest.mark.parametrize(
    ("line", "tidied"),
    [
        ("10\u00a0km", "10\u00a0km"),
        ("4\u00a0euros", "4\u00a0euros"),
        ("50\u00a0%", "50\u00a0%"),
        ("€\u00a05", "€\u00a05"),
        ("«\u00a0oui\u00a0»", "«\u00a0oui\u00a0»"),
        ("quoi\u00a0?", "quoi\u00a0?"),
        ("the\u00a0ferry", "the ferry"),
        ("ends\u00a0", "ends"),
        ("two\u00a0 spaces", "two spaces"),
        ("\u00a0\u00a0indent", "indent"),
    ],
)
def test_no_break_spaces_stay_only_where_they_hold(line: str, tidied: str) -> None:
    assert tidy_line(line) == tidied


def test_rule_line_becomes_a_rule() -> None:
    blocks, _ = blocks_from_plain_text("Before.\n\n* * *\n\nAfter.")
    assert blocks[1] == HorizontalRule()


def test_web_leftovers_are_dropped_and_reported() -> None:
    blocks, report = blocks_from_plain_text(
        "The ferry returns.\n\nLeave a Reply\n\nShare this article"
    )
    assert texts(blocks) == ["The ferry returns."]
    assert len(report.removed) == 2


def test_a_paste_of_only_a_leftover_is_kept() -> None:
    blocks, report = blocks_from_plain_text("Leave a Reply")
    assert texts(blocks) == ["Leave a Reply"]
    assert not report


def test_plain_paste_sentence() -> None:
    data = QMimeData()
    data.setText("First.\n\nSecond.")
    pasted = read_paste(data)
    assert pasted is not None
    assert pasted.sentence == "Pasted 2 paragraphs"


def test_list_paste_is_not_turned_into_a_list_block() -> None:
    blocks, _ = blocks_from_plain_text("- one\n- two")
    assert not any(isinstance(block, ListBlock) for block in blocks)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (" night ", " night "),
        ("night", "night"),
        ("\tnight", " night"),
        ("night\n", "night"),
    ],
)
def test_a_few_pasted_words_keep_their_outer_spaces(text: str, expected: str) -> None:
    data = QMimeData()
    data.setText(text)
    pasted = read_paste(data)
    assert pasted is not None
    assert texts(pasted.blocks) == [expected]


def test_html_paste_keeps_outer_spaces_from_the_plain_text() -> None:
    data = QMimeData()
    data.setHtml("<b>night</b>")
    data.setText("night ")
    pasted = read_paste(data)
    assert pasted is not None
    assert pasted.blocks == (Paragraph(RichText((Span("night", bold=True), Span(" ")))),)


def test_html_paste_makes_stray_no_break_spaces_plain() -> None:
    data = QMimeData()
    data.setHtml("<p>The <i>ferry</i>\u00a0sails 10\u00a0km.</p><ul><li>a\u00a0b</li></ul>")
    pasted = read_paste(data)
    assert pasted is not None
    assert pasted.blocks == (
        Paragraph(RichText((Span("The "), Span("ferry", italic=True), Span(" sails 10\u00a0km.")))),
        ListBlock((RichText.plain_text("a b"),)),
    )
