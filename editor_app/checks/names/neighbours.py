"""Which name spellings of an article lie within a few edits of each other.

Spellings are compared folded (case and accents dropped), by optimal string
alignment distance, so a swapped pair of letters counts as one slip. The map is
kept up to date as the article's vocabulary changes: typing a new name compares
that one spelling with the others, never the whole vocabulary with itself.
"""

from __future__ import annotations

from collections.abc import Iterable

from rapidfuzz import process
from rapidfuzz.distance import OSA


def allowed_distance(length: int, max_distance: int) -> int:
    """Edits that still look like a slip for a word of this length: none for two
    letters (only accents or case may differ), one up to seven letters, then two."""
    if length < 3:
        return 0
    return min(max_distance, 1 if length < 8 else 2)


class NeighbourMap:
    """Pairs of folded spellings within ``allowed_distance`` of each other."""

    def __init__(self, max_distance: int = 2) -> None:
        self.max_distance = max_distance
        self._by_length: dict[int, set[str]] = {}
        self._near: dict[str, dict[str, int]] = {}

    def update(self, keys: Iterable[str]) -> None:
        """Make the map describe exactly ``keys``."""
        wanted = set(keys)
        for gone in [key for key in self._near if key not in wanted]:
            self._remove(gone)
        for key in sorted(wanted - self._near.keys()):
            self._add(key)

    def near(self, key: str) -> dict[str, int]:
        """The spellings close to ``key``, with their distance."""
        return self._near.get(key, {})

    def pairs(self) -> list[tuple[str, str, int]]:
        """Each close pair once, as (a, b, distance) with a < b."""
        return sorted(
            (key, other, distance)
            for key, others in self._near.items()
            for other, distance in others.items()
            if key < other
        )

    def _add(self, key: str) -> None:
        reach = allowed_distance(len(key), self.max_distance)
        near: dict[str, int] = {}
        if reach:
            candidates = [
                other
                for length in range(len(key) - reach, len(key) + reach + 1)
                for other in self._by_length.get(length, ())
            ]
            for other, distance, _index in process.extract(
                key, candidates, scorer=OSA.distance, score_cutoff=reach, limit=None
            ):
                limit = allowed_distance(min(len(key), len(other)), self.max_distance)
                if distance <= limit:
                    near[other] = int(distance)
                    self._near[other][key] = int(distance)
        self._near[key] = near
        self._by_length.setdefault(len(key), set()).add(key)

    def _remove(self, key: str) -> None:
        for other in self._near.pop(key):
            self._near[other].pop(key, None)
        self._by_length[len(key)].discard(key)
