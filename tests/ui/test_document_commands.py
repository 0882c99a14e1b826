"""Block kinds and inline marks applied to the document, each one undo step."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor, QTextDocument

from editor_app.model import (
    Block,
    BlockQuote,
    CodeBlock,
    Heading,
    ListBlock,
    Paragraph,
    PullQuote,
    RichText,
    Span,
)
from editor_app.ui.document_adapter import (
    BlockKind,
    apply_block_kind,
    apply_char_mark,
    read_document,
)
from tests.ui.document_helpers import (
    assert_lists_consistent,
    block_texts,
    filled,
    light_styles,
    plain,
    position_of,
    selecting,
)

pytestmark = pytest.mark.usefixtures("qapp")

MARKED = RichText((Span("Plain "), Span("bold", bold=True), Span(" and "), Span("link", link="u")))
ONE = Paragraph(plain("One."))
TWO = Paragraph(MARKED)
THREE = Paragraph(plain("Three."))


def cursor_in(document: QTextDocument, text: str) -> QTextCursor:
    cursor = QTextCursor(document)
    cursor.setPosition(position_of(document, text) + 1)
    return cursor


def spanning(document: QTextDocument, first: str, last: str) -> QTextCursor:
    return selecting(
        document, position_of(document, first), position_of(document, last, after=True)
    )


def apply(document: QTextDocument, cursor: QTextCursor, kind: BlockKind, **options: object) -> None:
    apply_block_kind(cursor, kind, light_styles(), **options)  # type: ignore[arg-type]
    assert_lists_consistent(document)


KINDS: dict[str, tuple[BlockKind, dict[str, object], Block]] = {
    "heading 3": (BlockKind.HEADING, {"level": 3}, Heading(MARKED, level=3)),
    "blockquote": (BlockKind.QUOTE, {}, BlockQuote(MARKED, RichText())),
    "pull quote": (BlockKind.PULLQUOTE, {}, PullQuote(MARKED, RichText())),
    "bulleted list": (BlockKind.LIST_ITEM, {}, ListBlock((MARKED,))),
    "numbered list": (BlockKind.LIST_ITEM, {"ordered": True}, ListBlock((MARKED,), ordered=True)),
    "code": (BlockKind.CODE, {"language": "python"}, CodeBlock(MARKED.plain, "python")),
}


@pytest.mark.parametrize(("kind", "options", "expected"), KINDS.values(), ids=KINDS.keys())
def test_a_paragraph_becomes_another_kind_and_back(
    kind: BlockKind, options: dict[str, object], expected: Block
) -> None:
    document = filled((ONE, TWO, THREE))
    apply(document, cursor_in(document, "bold"), kind, **options)
    assert read_document(document) == (ONE, expected, THREE)
    apply(document, cursor_in(document, "bold"), kind, **options)
    back = TWO if kind is not BlockKind.CODE else Paragraph(plain(MARKED.plain))
    assert read_document(document) == (ONE, back, THREE)


@pytest.mark.parametrize(("kind", "options", "expected"), KINDS.values(), ids=KINDS.keys())
def test_a_block_change_is_one_undo_step(
    kind: BlockKind, options: dict[str, object], expected: Block
) -> None:
    document = filled((ONE, TWO, THREE))
    texts = block_texts(document)
    apply(document, spanning(document, "One", "Three"), kind, **options)
    document.undo()
    assert read_document(document) == (ONE, TWO, THREE)
    assert block_texts(document) == texts
    assert not document.isUndoAvailable()


def test_another_heading_level_changes_the_level_rather_than_toggling() -> None:
    document = filled((Heading(plain("Title"), level=2),))
    apply(document, cursor_in(document, "Title"), BlockKind.HEADING, level=4)
    assert read_document(document) == (Heading(plain("Title"), level=4),)


def test_several_paragraphs_become_one_list() -> None:
    document = filled((ONE, TWO, THREE))
    apply(document, spanning(document, "One", "Three"), BlockKind.LIST_ITEM, ordered=True)
    assert read_document(document) == (ListBlock((ONE.content, MARKED, THREE.content), True),)


def test_several_paragraphs_become_one_quote_with_line_breaks() -> None:
    document = filled((ONE, THREE))
    apply(document, spanning(document, "One", "Three"), BlockKind.QUOTE)
    assert read_document(document) == (BlockQuote(plain("One.\nThree."), RichText()),)


def test_a_selection_ending_at_a_block_start_leaves_that_block_alone() -> None:
    document = filled((ONE, THREE))
    cursor = selecting(document, 0, position_of(document, "Three"))
    apply(document, cursor, BlockKind.HEADING)
    assert read_document(document) == (Heading(ONE.content), THREE)


def test_a_paragraph_after_a_list_joins_it() -> None:
    document = filled((ListBlock((plain("a"), plain("b"))), THREE))
    apply(document, cursor_in(document, "Three"), BlockKind.LIST_ITEM)
    assert read_document(document) == (ListBlock((plain("a"), plain("b"), THREE.content)),)


def test_part_of_a_list_becomes_paragraphs() -> None:
    document = filled((ListBlock((plain("a"), plain("b"), plain("c"))),))
    apply(document, cursor_in(document, "b"), BlockKind.LIST_ITEM)
    assert read_document(document) == (
        ListBlock((plain("a"),)),
        Paragraph(plain("b")),
        ListBlock((plain("c"),)),
    )


def test_a_bulleted_list_becomes_numbered() -> None:
    document = filled((ListBlock((plain("a"), plain("b"))),))
    apply(document, spanning(document, "a", "b"), BlockKind.LIST_ITEM, ordered=True)
    assert read_document(document) == (ListBlock((plain("a"), plain("b")), ordered=True),)


QUOTED = BlockQuote(plain("Words said."), plain("Ana Fielding"))
PULLED = PullQuote(plain("Words said."), plain("Ana Fielding"))


@pytest.mark.parametrize("inside", ["Words", "Fielding"])
def test_a_quote_becomes_a_pull_quote_with_its_attribution(inside: str) -> None:
    document = filled((ONE, QUOTED, THREE))
    apply(document, cursor_in(document, inside), BlockKind.PULLQUOTE)
    assert read_document(document) == (ONE, PULLED, THREE)
    apply(document, cursor_in(document, inside), BlockKind.QUOTE)
    assert read_document(document) == (ONE, QUOTED, THREE)


def test_toggling_a_quote_off_leaves_no_stray_attribution() -> None:
    document = filled((QUOTED,))
    apply(document, cursor_in(document, "Words"), BlockKind.QUOTE)
    assert read_document(document) == (
        Paragraph(plain("Words said.")),
        Paragraph(plain("Ana Fielding")),
    )


def test_a_quotes_text_can_become_a_heading_without_orphaning_the_attribution() -> None:
    document = filled((QUOTED,))
    apply(document, cursor_in(document, "Words"), BlockKind.HEADING)
    assert read_document(document) == (
        Heading(plain("Words said.")),
        Paragraph(plain("Ana Fielding")),
    )


def test_a_paragraph_after_a_quote_becomes_its_attribution() -> None:
    document = filled((BlockQuote(plain("Words said."), RichText()), Paragraph(plain("Ana"))))
    apply(document, cursor_in(document, "Ana"), BlockKind.QUOTE_ATTRIBUTION)
    assert read_document(document) == (BlockQuote(plain("Words said."), plain("Ana")),)


def test_code_lines_become_paragraphs_one_each() -> None:
    document = filled((CodeBlock("a = 1\nb = 2", "python"),))
    apply(document, cursor_in(document, "a = 1"), BlockKind.CODE)
    assert read_document(document) == (Paragraph(plain("a = 1")), CodeBlock("b = 2", "python"))


def test_a_rule_is_not_a_kind_to_apply() -> None:
    document = filled((ONE,))
    with pytest.raises(ValueError, match="rule"):
        apply_block_kind(QTextCursor(document), BlockKind.RULE, light_styles())


# -- inline marks -------------------------------------------------------------------------

SENTENCE = Paragraph(plain("The quick brown fox."))


@pytest.mark.parametrize(
    ("mark", "href", "span"),
    [
        ("bold", None, Span("quick", bold=True)),
        ("italic", None, Span("quick", italic=True)),
        ("code", None, Span("quick", code=True)),
        ("link", "https://example.org/q", Span("quick", link="https://example.org/q")),
        ("link", "", Span("quick", link="")),
    ],
)
def test_a_mark_on_a_selection(mark: str, href: str | None, span: Span) -> None:
    document = filled((SENTENCE,))
    cursor = spanning(document, "quick", "quick")
    apply_char_mark(cursor, mark, True, light_styles(), href)
    marked = Paragraph(RichText((Span("The "), span, Span(" brown fox."))))
    assert read_document(document) == (marked,)
    apply_char_mark(spanning(document, "The", "fox."), mark, False, light_styles())
    assert read_document(document) == (SENTENCE,)


def test_a_mark_across_blocks_and_kinds() -> None:
    document = filled((Heading(plain("Head line")), BlockQuote(plain("Quote text"), plain("Ana"))))
    apply_char_mark(spanning(document, "line", "Quote"), "italic", True, light_styles())
    assert read_document(document) == (
        Heading(RichText((Span("Head "), Span("line", italic=True)))),
        BlockQuote(RichText((Span("Quote", italic=True), Span(" text"))), plain("Ana")),
    )


def test_a_mark_is_one_undo_step() -> None:
    document = filled((SENTENCE, THREE))
    apply_char_mark(spanning(document, "brown", "Three"), "bold", True, light_styles())
    document.undo()
    assert read_document(document) == (SENTENCE, THREE)
    assert not document.isUndoAvailable()


def test_marks_survive_a_change_of_block_kind() -> None:
    document = filled((TWO,))
    for kind in (BlockKind.HEADING, BlockKind.PULLQUOTE, BlockKind.LIST_ITEM, BlockKind.QUOTE):
        apply(document, cursor_in(document, "bold"), kind)
    assert read_document(document) == (BlockQuote(MARKED, RichText()),)


def test_with_no_selection_the_mark_applies_to_what_is_typed_next() -> None:
    document = filled((SENTENCE,))
    cursor = QTextCursor(document)
    cursor.setPosition(position_of(document, " brown"))
    apply_char_mark(cursor, "bold", True, light_styles())
    cursor.insertText("est")
    assert read_document(document) == (
        Paragraph(RichText((Span("The quick"), Span("est", bold=True), Span(" brown fox.")))),
    )


@pytest.mark.parametrize(("mark", "href"), [("underline", None), ("link", None)])
def test_bad_marks_are_refused(mark: str, href: str | None) -> None:
    with pytest.raises(ValueError, match=r"mark|href"):
        apply_char_mark(QTextCursor(filled((SENTENCE,))), mark, True, light_styles(), href)
