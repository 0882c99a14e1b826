"""Model positions (TextRef + code points) ⇄ Qt positions (UTF-16), both ways."""

from __future__ import annotations

import pytest
from hypothesis import assume, given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextDocument

from editor_app.model import (
    Block,
    BlockQuote,
    CodeBlock,
    Field,
    HorizontalRule,
    ListBlock,
    Paragraph,
    PullQuote,
    TextRef,
    block_segments,
)
from editor_app.ui.document_adapter import (
    DocumentReader,
    document_position,
    model_block_indices,
    model_position,
)
from tests.ui.document_helpers import bodies, filled, plain, selecting, tricky_bodies

pytestmark = pytest.mark.usefixtures("qapp")

BLINKED = "👍 Blinked"
EMOJI_BODY = (
    Paragraph(plain(BLINKED)),
    BlockQuote(plain("🇺🇦 quoted"), plain(BLINKED)),
    ListBlock((plain("first"), plain(BLINKED))),
)


def selected_text(document: QTextDocument, start: int, end: int) -> str:
    return selecting(document, start, end).selectedText()


def qt_text(model_text: str) -> str:
    """How model text shows in a single document block's selection."""
    return model_text.replace("\n", "\u2028")


@pytest.mark.parametrize(
    "ref",
    [
        TextRef(Field.TEXT, 0),
        TextRef(Field.ATTRIBUTION, 1),
        TextRef(Field.ITEM, 2, 1),
    ],
    ids=["text", "attribution", "list item"],
)
def test_a_word_after_an_emoji_selects_exactly_that_word(ref: TextRef) -> None:
    document = filled(EMOJI_BODY)
    start = BLINKED.index("Blinked")
    qt_start = document_position(document, ref, start)
    qt_end = document_position(document, ref, len(BLINKED))
    assert qt_start is not None and qt_end is not None
    assert selected_text(document, qt_start, qt_end) == "Blinked"
    assert model_position(document, qt_start) == (ref, start)
    assert model_position(document, qt_end) == (ref, len(BLINKED))


def refs_and_texts(body: tuple[Block, ...]) -> list[tuple[TextRef, str]]:
    return [
        (ref, content.plain)
        for index, block in enumerate(body)
        for ref, content in block_segments(index, block)
    ]


@settings(max_examples=200, deadline=None)
@given(st.one_of(bodies, tricky_bodies), st.data())
def test_every_model_range_selects_its_text(body: tuple[Block, ...], data: st.DataObject) -> None:
    pieces = refs_and_texts(body)
    assume(pieces)
    ref, text = data.draw(st.sampled_from(pieces))
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    document = filled(body)
    qt_start = document_position(document, ref, start)
    qt_end = document_position(document, ref, end)
    assert qt_start is not None and qt_end is not None
    assert selected_text(document, qt_start, qt_end) == _shown(text[start:end])
    assert model_position(document, qt_start) == (ref, start)


def _shown(text: str) -> str:
    """The selection Qt reports for model text: line breaks as U+2028, held-back
    characters as the placeholders the document keeps for them."""
    shown = []
    for character in text:
        if character in "\n\u2028\u2029":
            shown.append("\u2028")
        elif character in "\r\ufdd0\ufdd1" or 0xD800 <= ord(character) <= 0xDFFF:
            shown.append("\ufffd")
        else:
            shown.append(character)
    return "".join(shown)


@settings(max_examples=150, deadline=None)
@given(st.one_of(bodies, tricky_bodies), st.data())
def test_every_qt_position_in_text_maps_back(body: tuple[Block, ...], data: st.DataObject) -> None:
    document = filled(body)
    position = data.draw(st.integers(0, document.characterCount() - 1))
    found = model_position(document, position)
    if found is None:
        return
    ref, offset = found
    back = document_position(document, ref, offset)
    block = document.findBlock(position)
    # Positions inside a surrogate pair snap to the character's start.
    assert back is not None
    assert block.position() <= back <= position
    assert position - back <= 1


@pytest.mark.parametrize(
    ("ref", "offset"),
    [
        (TextRef(Field.TEXT, 0), 99),
        (TextRef(Field.TEXT, 0), -1),
        (TextRef(Field.TEXT, 7), 0),
        (TextRef(Field.ATTRIBUTION, 0), 0),
        (TextRef(Field.HEADLINE), 0),
        (TextRef(Field.ITEM, 2, 5), 0),
    ],
)
def test_references_to_nothing_have_no_position(ref: TextRef, offset: int) -> None:
    assert document_position(filled(EMOJI_BODY), ref, offset) is None


def test_rules_and_code_have_no_model_position() -> None:
    document = filled((HorizontalRule(), CodeBlock("x = 1", "python"), Paragraph(plain("p"))))
    assert model_position(document, 0) is None
    assert model_position(document, 2) is None
    end_of_text = document.characterCount() - 1
    assert model_position(document, end_of_text) == (TextRef(Field.TEXT, 2), 1)


def test_positions_after_a_rule_with_typed_text_name_the_paragraph_after_it() -> None:
    document = filled((HorizontalRule(), Paragraph(plain("after"))))
    selecting(document, 0, 0).insertText("typed")
    assert model_position(document, 2) == (TextRef(Field.TEXT, 1), 2)


def test_each_document_block_knows_its_model_block() -> None:
    body = (
        Paragraph(plain("p")),
        ListBlock((plain("a"), plain("b"))),
        PullQuote(plain("q"), plain("who")),
        CodeBlock("one\ntwo", "python"),
        HorizontalRule(),
    )
    assert model_block_indices(filled(body)) == [0, 1, 1, 2, 2, 3, 3, 4]


def test_the_reader_maps_positions_like_the_functions() -> None:
    document = filled(EMOJI_BODY)
    reader = DocumentReader(document)
    ref = TextRef(Field.ITEM, 2, 1)
    assert reader.document_position(ref, 2) == document_position(document, ref, 2)
    position = document.characterCount() - 4
    assert reader.model_position(position) == model_position(document, position)


def test_a_quote_typed_over_two_blocks_is_one_text_with_a_line_break() -> None:
    document = filled((BlockQuote(plain("first second"), plain("who")),))
    cursor = selecting(document, len("first"), len("first "))
    cursor.insertBlock()  # Enter in the middle of a quote: the new block is the same quote
    ref = TextRef(Field.TEXT, 0)
    assert model_position(document, len("first") + 1) == (ref, len("first") + 1)
    assert document_position(document, ref, len("first\nsec")) == len("first\nsec")
    end_of_text = document.characterCount() - 1
    assert model_position(document, end_of_text) == (TextRef(Field.ATTRIBUTION, 0), 3)
