"""The map of close spellings: right distances, and the same answer however it was built."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st
from rapidfuzz.distance import OSA

from editor_app.checks.names.neighbours import NeighbourMap, allowed_distance


@pytest.mark.parametrize(("length", "expected"), [(2, 0), (3, 1), (7, 1), (8, 2), (15, 2)])
def test_allowed_distance_grows_with_length(length: int, expected: int) -> None:
    assert allowed_distance(length, max_distance=2) == expected


def test_max_distance_caps_the_allowance() -> None:
    assert allowed_distance(12, max_distance=1) == 1


def test_pairs_within_reach() -> None:
    found = NeighbourMap()
    found.update(["stoltenberg", "stoltenburg", "stoltneberg", "blinken", "blinked", "li", "lu"])
    assert found.pairs() == [
        ("blinked", "blinken", 1),
        ("stoltenberg", "stoltenburg", 1),
        ("stoltenberg", "stoltneberg", 1),
        ("stoltenburg", "stoltneberg", 2),
    ]


keys = st.lists(st.text(alphabet="abcde", min_size=1, max_size=9), max_size=12, unique=True)


@given(keys, keys)
def test_updating_equals_building_afresh(first: list[str], second: list[str]) -> None:
    kept = NeighbourMap()
    kept.update(first)
    kept.update(second)
    fresh = NeighbourMap()
    fresh.update(second)
    assert kept.pairs() == fresh.pairs()


@given(keys)
def test_every_pair_is_within_its_allowance(words: list[str]) -> None:
    found = NeighbourMap()
    found.update(words)
    for a, b, distance in found.pairs():
        assert distance == OSA.distance(a, b)
        assert 0 < distance <= allowed_distance(min(len(a), len(b)), 2)
