"""Copy and paste at the model level: ``selection_blocks`` and ``insert_blocks``."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from PySide6.QtGui import QTextCursor, QTextDocument

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
    fill_document,
    insert_blocks,
    read_document,
    selection_blocks,
)
from tests.ui.document_helpers import (
    assert_lists_consistent,
    block_texts,
    bodies,
    filled,
    light_styles,
    plain,
    position_of,
    selecting,
    tricky_bodies,
)

pytestmark = pytest.mark.usefixtures("qapp")

WORDS = Paragraph(RichText((Span("quick "), Span("brown", bold=True))))
SECOND = Paragraph(plain("Second pasted."))
QUOTE = BlockQuote(plain("Pasted quote."), plain("Ana"))
ITEMS = ListBlock((plain("x"), plain("y")))
RULE = HorizontalRule()
SENTENCE = Paragraph(plain("The fox jumped."))


def paste_at(body: tuple[Block, ...], anchor: str, blocks: tuple[Block, ...]) -> QTextDocument:
    """Fill ``body``, put the cursor just before ``anchor`` and paste ``blocks``."""
    document = filled(body)
    cursor = QTextCursor(document)
    cursor.setPosition(position_of(document, anchor))
    insert_blocks(cursor, blocks, light_styles())
    return document


def sentence_with(*middle: Span) -> RichText:
    return RichText((Span("The "), *middle, Span("fox jumped.")))


PASTES: dict[str, tuple[tuple[Block, ...], str, tuple[Block, ...], tuple[Block, ...]]] = {
    "one paragraph mid-sentence stays one paragraph": (
        (SENTENCE,),
        "fox",
        (WORDS,),
        (Paragraph(sentence_with(Span("quick "), Span("brown", bold=True))),),
    ),
    "two paragraphs split the sentence": (
        (SENTENCE,),
        "fox",
        (WORDS, SECOND),
        (
            Paragraph(RichText((Span("The quick "), Span("brown", bold=True)))),
            Paragraph(plain("Second pasted.fox jumped.")),
        ),
    ),
    "a quote splits the paragraph": (
        (SENTENCE,),
        "fox",
        (QUOTE,),
        (Paragraph(plain("The ")), QUOTE, Paragraph(plain("fox jumped."))),
    ),
    "paragraph, list, paragraph: first and last join the text around": (
        (SENTENCE,),
        "fox",
        (WORDS, ITEMS, SECOND),
        (
            Paragraph(RichText((Span("The quick "), Span("brown", bold=True)))),
            ITEMS,
            Paragraph(plain("Second pasted.fox jumped.")),
        ),
    ),
    "at the start of a paragraph the blocks go before it": (
        (SENTENCE,),
        "The",
        (QUOTE,),
        (QUOTE, SENTENCE),
    ),
    "list items continue the list they are pasted into": (
        (ListBlock((plain("ab"), plain("cd"))),),
        "cd",
        (ITEMS,),
        (ListBlock((plain("ab"), plain("x"), plain("y"), plain("cd"))),),
    ),
    "numbered items pasted into a bulleted list take its bullets": (
        (ListBlock((plain("ab"),)),),
        "b",
        (ListBlock((plain("x"),), ordered=True),),
        (ListBlock((plain("a"), plain("x"), plain("b"))),),
    ),
    "list items pasted into an empty item fill it": (
        (ListBlock((plain("ab"), RichText())),),
        "ab",
        (ITEMS,),
        (ListBlock((plain("x"), plain("y"), plain("ab"), RichText())),),
    ),
    "anything pasted into code is code lines": (
        (CodeBlock("first\nlast", "python"),),
        "last",
        (WORDS, ITEMS),
        (CodeBlock("first\nquick brown\nx\nylast", "python"),),
    ),
    "a heading pasted into a heading's middle is a heading of its own": (
        (Heading(plain("Top story")),),
        "story",
        (Heading(plain("Inner"), level=3), SECOND),
        (
            Heading(plain("Top ")),
            Heading(plain("Inner"), level=3),
            Heading(plain("Second pasted.story")),
        ),
    ),
    "a pull quote keeps its attribution": (
        (SENTENCE,),
        "fox",
        (PullQuote(plain("Big"), plain("Ana")),),
        (
            Paragraph(plain("The ")),
            PullQuote(plain("Big"), plain("Ana")),
            Paragraph(plain("fox jumped.")),
        ),
    ),
}


@pytest.mark.parametrize(
    ("body", "anchor", "pasted", "expected"), PASTES.values(), ids=PASTES.keys()
)
def test_paste(
    body: tuple[Block, ...], anchor: str, pasted: tuple[Block, ...], expected: tuple[Block, ...]
) -> None:
    document = paste_at(body, anchor, pasted)
    assert read_document(document) == expected
    assert_lists_consistent(document)


@pytest.mark.parametrize("items", [(RichText(),), (plain("a"), RichText())])
def test_list_items_pasted_into_an_empty_item_continue_its_list(
    items: tuple[RichText, ...],
) -> None:
    document = filled((ListBlock(items, ordered=True),))
    cursor = QTextCursor(document)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    insert_blocks(cursor, (ITEMS,), light_styles())
    assert read_document(document) == (
        ListBlock((*items[:-1], plain("x"), plain("y")), ordered=True),
    )
    last = document.lastBlock().textList()
    assert last is not None and last.count() == len(items) + 1
    assert document.firstBlock().textList() is not None


def test_pasting_at_the_end_of_a_paragraph() -> None:
    document = filled((SENTENCE,))
    cursor = QTextCursor(document)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    insert_blocks(cursor, (QUOTE, SECOND), light_styles())
    assert read_document(document) == (SENTENCE, QUOTE, SECOND)
    assert cursor.atEnd()


def test_a_pasted_rule_leaves_a_paragraph_to_type_in() -> None:
    document = filled((SENTENCE,))
    cursor = QTextCursor(document)
    cursor.movePosition(QTextCursor.MoveOperation.End)
    insert_blocks(cursor, (RULE,), light_styles())
    cursor.insertText("typed")
    assert read_document(document) == (SENTENCE, RULE, Paragraph(plain("typed")))


def test_pasting_on_a_rule_puts_the_blocks_after_it() -> None:
    document = filled((RULE, SENTENCE))
    insert_blocks(QTextCursor(document), (WORDS, QUOTE), light_styles())
    assert read_document(document) == (RULE, WORDS, QUOTE, SENTENCE)


def test_pasting_replaces_the_selection() -> None:
    document = filled((SENTENCE, Paragraph(plain("Other."))))
    start = position_of(document, "fox")
    end = position_of(document, "Other", after=True)
    insert_blocks(selecting(document, start, end), (WORDS,), light_styles())
    assert read_document(document) == (
        Paragraph(RichText((Span("The quick "), Span("brown", bold=True), Span(".")))),
    )


@pytest.mark.parametrize("pasted", [(WORDS,), (WORDS, QUOTE, SECOND), (ITEMS,), (RULE,)])
@pytest.mark.parametrize("anchor", ["The", "fox", "jumped"])
def test_a_paste_is_one_undo_step(pasted: tuple[Block, ...], anchor: str) -> None:
    body = (SENTENCE, ListBlock((plain("item"),)), BlockQuote(plain("q"), plain("who")))
    document = filled(body)
    texts = block_texts(document)
    cursor = QTextCursor(document)
    cursor.setPosition(position_of(document, anchor))
    insert_blocks(cursor, pasted, light_styles())
    assert read_document(document) != body
    document.undo()
    assert read_document(document) == body
    assert block_texts(document) == texts
    assert not document.isUndoAvailable()


@settings(max_examples=150, deadline=None)
@given(bodies)
def test_pasting_a_body_into_an_empty_document_gives_the_body(body: tuple[Block, ...]) -> None:
    assume(body and body != (Paragraph(),))
    document = filled(())
    insert_blocks(QTextCursor(document), body, light_styles())
    expected = (*body, Paragraph()) if isinstance(body[-1], HorizontalRule) else body
    assert read_document(document) == expected
    assert_lists_consistent(document)


# -- selections -------------------------------------------------------------------------

MIXED = (
    Paragraph(RichText((Span("Opening "), Span("words", italic=True), Span(" here.")))),
    BlockQuote(RichText((Span("Quoted "), Span("text", bold=True))), plain("Ana Fielding")),
    ListBlock((plain("one"), plain("two"), plain("three"))),
    Paragraph(plain("Closing.")),
)


def test_a_selection_across_blocks_keeps_their_kinds_and_marks() -> None:
    document = filled(MIXED)
    start = position_of(document, "words")
    end = position_of(document, "two", after=True)
    assert selection_blocks(selecting(document, start, end)) == (
        Paragraph(RichText((Span("words", italic=True), Span(" here.")))),
        MIXED[1],
        ListBlock((plain("one"), plain("two"))),
    )


def test_a_selection_inside_one_block_is_inline_text() -> None:
    document = filled(MIXED)
    start = position_of(document, "Quoted")
    end = position_of(document, "text", after=True)
    assert selection_blocks(selecting(document, start, end)) == (
        Paragraph(RichText((Span("Quoted "), Span("text", bold=True)))),
    )


def test_code_selected_inside_one_line_is_inline_code() -> None:
    document = filled((CodeBlock("x = compute()", "python"),))
    cursor = selecting(document, 4, 11)
    assert selection_blocks(cursor) == (Paragraph(RichText((Span("compute", code=True),))),)


def test_a_selection_ending_at_a_block_start_leaves_that_block_out() -> None:
    document = filled(MIXED)
    start = position_of(document, "Quoted")
    end = position_of(document, "one")
    assert selection_blocks(selecting(document, start, end)) == (MIXED[1],)


def test_an_attribution_selected_without_its_quote_is_a_paragraph() -> None:
    document = filled(MIXED)
    start = position_of(document, "Fielding")
    end = position_of(document, "one", after=True)
    assert selection_blocks(selecting(document, start, end)) == (
        Paragraph(plain("Fielding")),
        ListBlock((plain("one"),)),
    )


def test_no_selection_is_no_blocks() -> None:
    assert selection_blocks(QTextCursor(filled(MIXED))) == ()


@settings(max_examples=150, deadline=None)
@given(tricky_bodies)
def test_selecting_everything_gives_the_body(body: tuple[Block, ...]) -> None:
    document = filled(body)
    assume(document.blockCount() > 1)
    everything = selecting(document, 0, document.characterCount() - 1)
    assert selection_blocks(everything) == body


@settings(max_examples=100, deadline=None)
@given(tricky_bodies)
def test_copy_then_paste_into_a_new_document_is_lossless(body: tuple[Block, ...]) -> None:
    source = filled(body)
    assume(source.blockCount() > 1 and not isinstance(body[-1], HorizontalRule))
    copied = selection_blocks(selecting(source, 0, source.characterCount() - 1))
    target = QTextDocument()
    fill_document(target, (), light_styles())
    insert_blocks(QTextCursor(target), copied, light_styles())
    assert read_document(target) == body
