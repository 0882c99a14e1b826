"""Document lines ⇄ model blocks, without Qt: grouping rules and re-assembling in place."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.model import (
    Block,
    BlockQuote,
    CodeBlock,
    Field,
    HorizontalRule,
    ListBlock,
    Paragraph,
    PullQuote,
    RichText,
    TextRef,
)
from editor_app.ui.block_styles import BlockKind
from editor_app.ui.document_lines import Line, assemble, body_lines, place, reassemble
from tests.ui.document_helpers import bodies, plain

lines = st.builds(
    Line,
    kind=st.sampled_from(list(BlockKind)),
    content=st.sampled_from([RichText(), plain("a"), plain("b c")]),
    level=st.sampled_from([2, 3]),
    group=st.integers(0, 2),
    ordered=st.booleans(),
    language=st.sampled_from(["", "python"]),
    empty_list=st.booleans(),
    keep_empty=st.booleans(),
)


@settings(max_examples=1000)
@given(st.lists(lines, max_size=12), st.lists(lines, max_size=4), st.data())
def test_reassembling_after_a_change_equals_assembling_afresh(
    before: list[Line], replacement: list[Line], data: st.DataObject
) -> None:
    start = data.draw(st.integers(0, len(before)))
    stop = data.draw(st.integers(start, len(before)))
    after = [*before[:start], *replacement, *before[stop:]]
    if not after:
        return
    fresh = assemble(after)
    updated = reassemble(assemble(before), after, start, start + len(replacement))
    assert updated == fresh


@settings(max_examples=300)
@given(bodies)
def test_body_lines_assemble_to_the_body(body: tuple[Block, ...]) -> None:
    assert tuple(assemble(body_lines(body)).blocks) == body


@pytest.mark.parametrize(
    ("line_kinds", "expected"),
    [
        (
            [BlockKind.QUOTE_ATTRIBUTION],
            (BlockQuote(RichText(), plain("x")),),
        ),
        (
            [BlockKind.PULLQUOTE, BlockKind.PULLQUOTE_ATTRIBUTION, BlockKind.PULLQUOTE_ATTRIBUTION],
            (PullQuote(plain("x"), plain("x\nx")),),
        ),
        (
            [BlockKind.QUOTE, BlockKind.PULLQUOTE_ATTRIBUTION],
            (BlockQuote(plain("x"), RichText()), PullQuote(RichText(), plain("x"))),
        ),
        ([BlockKind.RULE], (HorizontalRule(), Paragraph(plain("x")))),
        ([BlockKind.CODE, BlockKind.CODE], (CodeBlock("x\nx"),)),
        ([BlockKind.LIST_ITEM, BlockKind.LIST_ITEM], (ListBlock((plain("x"), plain("x"))),)),
    ],
)
def test_grouping_rules(line_kinds: list[BlockKind], expected: tuple[Block, ...]) -> None:
    made = [Line(kind, plain("x"), group=1) for kind in line_kinds]
    assert tuple(assemble(made).blocks) == expected


def test_an_attribution_alone_in_a_selection_is_a_paragraph() -> None:
    made = [Line(BlockKind.QUOTE_ATTRIBUTION, plain("Ana"))]
    assert assemble(made, selection=True).blocks == [Paragraph(plain("Ana"))]


def test_a_lone_empty_paragraph_is_an_empty_body_unless_kept() -> None:
    assert assemble([Line(BlockKind.PARAGRAPH)]).blocks == []
    assert assemble([Line(BlockKind.PARAGRAPH, keep_empty=True)]).blocks == [Paragraph()]


def test_placement_of_a_quote_over_two_lines() -> None:
    made = [
        Line(BlockKind.QUOTE, plain("one"), group=1),
        Line(BlockKind.QUOTE, plain("two"), group=1),
        Line(BlockKind.QUOTE_ATTRIBUTION, plain("Ana"), group=1),
    ]
    placement = place(made)
    text = TextRef(Field.TEXT, 0)
    assert placement.ref_lines[text] == (0, 1)
    assert placement.line_ref == ((text, 0), (text, 4), (TextRef(Field.ATTRIBUTION, 0), 0))
    assert placement.line_block == (0, 0, 0)
