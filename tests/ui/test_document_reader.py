"""The incremental ``DocumentReader`` agrees with a full read after any sequence of edits."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from PySide6.QtGui import QTextCursor, QTextDocument

from editor_app.model import Block, Field, Paragraph, TextRef
from editor_app.ui.document_adapter import (
    BlockKind,
    DocumentReader,
    apply_block_kind,
    apply_char_mark,
    fill_document,
    insert_blocks,
    model_position,
    read_document,
)
from tests.strategies import blocks
from tests.ui.document_helpers import (
    assert_lists_consistent,
    bodies,
    filled,
    light_styles,
    plain,
    selecting,
    tricky_text,
)

pytestmark = pytest.mark.usefixtures("qapp")

Edit = Callable[[QTextDocument, int, int], None]


def typing(text: str) -> Edit:
    def edit(document: QTextDocument, start: int, end: int) -> None:
        selecting(document, start, end).insertText(text)

    return edit


def deleting(document: QTextDocument, start: int, end: int) -> None:
    selecting(document, start, end).removeSelectedText()


def pressing_enter(document: QTextDocument, start: int, end: int) -> None:
    selecting(document, start, end).insertBlock()


def marking(mark: str) -> Edit:
    def edit(document: QTextDocument, start: int, end: int) -> None:
        apply_char_mark(selecting(document, start, end), mark, True, light_styles(), href="u")

    return edit


def restyling(kind: BlockKind) -> Edit:
    def edit(document: QTextDocument, start: int, end: int) -> None:
        apply_block_kind(selecting(document, start, end), kind, light_styles())

    return edit


def pasting(pasted: tuple[Block, ...]) -> Edit:
    def edit(document: QTextDocument, start: int, end: int) -> None:
        insert_blocks(selecting(document, start, end), pasted, light_styles())

    return edit


def undoing(document: QTextDocument, _start: int, _end: int) -> None:
    document.undo()


def redoing(document: QTextDocument, _start: int, _end: int) -> None:
    document.redo()


edits = st.one_of(
    tricky_text.map(typing),
    st.just(deleting),
    st.just(pressing_enter),
    st.sampled_from(["bold", "italic", "code", "link"]).map(marking),
    st.sampled_from([kind for kind in BlockKind if kind is not BlockKind.RULE]).map(restyling),
    st.lists(blocks, min_size=1, max_size=3).map(tuple).map(pasting),
    st.just(undoing),
    st.just(redoing),
)


@settings(max_examples=150, deadline=None)
@given(bodies, st.lists(st.tuples(edits, st.floats(0, 1), st.floats(0, 1)), max_size=8))
def test_the_reader_agrees_with_a_full_read_after_every_edit(
    body: tuple[Block, ...], steps: list[tuple[Edit, float, float]]
) -> None:
    document = filled(body)
    reader = DocumentReader(document)
    assert reader.read() == body
    for edit, first, second in steps:
        last = document.characterCount() - 1
        start, end = sorted((round(first * last), round(second * last)))
        edit(document, start, end)
        assert reader.read() == read_document(document)
        position = round(first * (document.characterCount() - 1))
        assert reader.model_position(position) == model_position(document, position)
        assert_lists_consistent(document)


def test_the_reader_follows_a_refill() -> None:
    document = filled((Paragraph(plain("old")),))
    reader = DocumentReader(document)
    reader.read()
    body = (Paragraph(plain("new")), Paragraph(plain("second")))
    fill_document(document, body, light_styles())
    assert reader.read() == body


def test_the_reader_rereads_only_the_changed_block() -> None:
    document = filled(tuple(Paragraph(plain(f"Paragraph {n}.")) for n in range(50)))
    reader = DocumentReader(document)
    before = reader.snapshot()
    cursor = QTextCursor(document.findBlockByNumber(20))
    cursor.insertText("Edited ")
    after = reader.snapshot()
    changed = [
        n
        for n, (old, new) in enumerate(zip(before.lines, after.lines, strict=True))
        if old is not new
    ]
    assert changed == [20]
    assert after.blocks[20] == Paragraph(plain("Edited Paragraph 20."))


def test_a_read_inside_an_unfinished_edit_is_still_right() -> None:
    document = filled((Paragraph(plain("one")), Paragraph(plain("two"))))
    reader = DocumentReader(document)
    reader.read()
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    cursor.insertText("new ")
    cursor.insertBlock()
    assert reader.read() == read_document(document)
    cursor.endEditBlock()
    assert reader.read() == read_document(document)
    assert (
        reader.document_position(TextRef(Field.TEXT, 2), 0)
        == document.findBlockByNumber(2).position()
    )
