from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor_app.model import Field, Position, TextRange, TextRef, codepoint_offset, utf16_offset


@pytest.mark.parametrize(
    ("text", "codepoints", "units"),
    [
        ("plain", 3, 3),
        ("😀 Blinken", 2, 3),
        ("🇺🇦 Kyiv", 3, 5),
        ("é", 1, 1),
    ],
)
def test_emoji_count_twice_in_utf16(text: str, codepoints: int, units: int) -> None:
    assert utf16_offset(text, codepoints) == units
    assert codepoint_offset(text, units) == codepoints


def test_an_offset_inside_a_surrogate_pair_snaps_to_the_character() -> None:
    assert codepoint_offset("a😀b", 2) == 1


@given(st.text(), st.data())
def test_conversions_are_inverse(text: str, data: st.DataObject) -> None:
    offset = data.draw(st.integers(0, len(text)))
    units = utf16_offset(text, offset)
    assert units == len(text[:offset].encode("utf-16-le")) // 2
    assert codepoint_offset(text, units) == offset


def test_reading_order_puts_metadata_first_then_blocks() -> None:
    refs = [
        TextRef(Field.ATTRIBUTION, 2),
        TextRef(Field.TEXT, 2),
        TextRef(Field.ITEM, 1, 3),
        TextRef(Field.ITEM, 1, 0),
        TextRef(Field.STANDFIRST),
        TextRef(Field.HEADLINE),
    ]
    assert sorted(refs) == [
        TextRef(Field.HEADLINE),
        TextRef(Field.STANDFIRST),
        TextRef(Field.ITEM, 1, 0),
        TextRef(Field.ITEM, 1, 3),
        TextRef(Field.TEXT, 2),
        TextRef(Field.ATTRIBUTION, 2),
    ]
    assert Position(TextRef(Field.TEXT, 0), 9) < Position(TextRef(Field.TEXT, 1), 0)


def test_a_range_cannot_run_backwards() -> None:
    with pytest.raises(ValueError, match="bad range"):
        TextRange(TextRef(Field.TEXT, 0), 5, 2)


@pytest.mark.parametrize(
    ("ref", "shown"),
    [
        (TextRef(Field.HEADLINE), "headline"),
        (TextRef(Field.TEXT, 4), "body[4].text"),
        (TextRef(Field.ITEM, 2, 1), "body[2].item[1]"),
    ],
)
def test_refs_read_well_in_messages(ref: TextRef, shown: str) -> None:
    assert str(ref) == shown
