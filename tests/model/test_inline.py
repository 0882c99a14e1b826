from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor_app.model import RichText, Span
from tests.strategies import rich_texts


def test_neighbours_with_the_same_marks_merge() -> None:
    text = RichText((Span("Hel"), Span("lo"), Span(" world", bold=True), Span("", italic=True)))
    assert text.spans == (Span("Hello"), Span(" world", bold=True))


def test_equal_content_compares_equal_however_built() -> None:
    assert RichText((Span("a"), Span("b"))) == RichText.plain_text("ab")


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        (0, 5, (Span("Hello"),)),
        (3, 8, (Span("lo"), Span(" wo", bold=True))),
        (6, 99, (Span("world", bold=True),)),
        (4, 4, ()),
    ],
)
def test_slice_keeps_marks(start: int, end: int, expected: tuple[Span, ...]) -> None:
    text = RichText((Span("Hello"), Span(" world", bold=True)))
    assert text.slice(start, end).spans == expected


def test_replace_takes_the_marks_of_the_replaced_text() -> None:
    text = RichText((Span("reassured "), Span("Blinked", italic=True), Span(" that")))
    fixed = text.replace_range(10, 17, "Blinken")
    assert fixed.plain == "reassured Blinken that"
    assert Span("Blinken", italic=True) in fixed.spans


def test_strip_keeps_marks() -> None:
    text = RichText((Span("  "), Span("bold", bold=True), Span(" \n")))
    assert text.strip().spans == (Span("bold", bold=True),)


@given(rich_texts, st.integers(0, 200), st.integers(0, 200))
def test_slices_reassemble(text: RichText, first: int, second: int) -> None:
    cut = min(first, second)
    assert text.slice(0, cut) + text.slice(cut) == text
    assert text.slice(0, cut).plain == text.plain[:cut]


@given(rich_texts)
def test_no_empty_or_mergeable_spans(text: RichText) -> None:
    assert all(span.text for span in text.spans)
    assert all(not a.same_marks(b) for a, b in zip(text.spans, text.spans[1:], strict=False))
