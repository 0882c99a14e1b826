"""Status bar arithmetic without Qt: counts, reading time, the length target."""

from __future__ import annotations

import pytest
from hypothesis import given

from editor_app.model import Article
from editor_app.ui.counts import (
    LengthStatus,
    TextCounts,
    count_text,
    count_texts,
    counts_text,
    reading_minutes,
    reading_time_text,
    selection_text,
)
from tests.strategies import articles


@pytest.mark.parametrize(
    ("text", "words", "characters"),
    [
        ("", 0, 0),
        ("Harbour ferry returns", 3, 21),
        ("  two   words ", 2, 14),
        ("line\u2028break", 2, 9),
        ("para\u2029graph", 2, 9),
        ("🚢 sails", 2, 7),
        ("non\u00a0breaking", 2, 12),  # as Article.word_count splits,
    ],
)
def test_count_text(text: str, words: int, characters: int) -> None:
    assert count_text(text) == TextCounts(words, characters)


@given(articles)
def test_block_by_block_counting_agrees_with_the_model(article: Article) -> None:
    texts = [text for ref, text in article.segments() if ref.block >= 0]
    assert count_texts(texts).words == article.word_count()


@pytest.mark.parametrize(
    ("counts", "shown"),
    [
        (TextCounts(0, 0), "0 words · 0 characters"),
        (TextCounts(1, 1), "1 word · 1 character"),
        (TextCounts(1654, 9876), "1,654 words · 9,876 characters"),
    ],
)
def test_counts_text(counts: TextCounts, shown: str) -> None:
    assert counts_text(counts) == shown


def test_selection_text() -> None:
    shown = selection_text(TextCounts(12, 70), TextCounts(654, 3900))
    assert shown == "12 of 654 words selected · 70 characters"


@pytest.mark.parametrize(
    ("words", "minutes", "shown"),
    [(0, 0, "< 1 min read"), (1, 1, "1 min read"), (230, 1, "1 min read"),
     (231, 2, "2 min read"), (654, 3, "3 min read"), (20_000, 87, "87 min read")],
)  # fmt: skip
def test_reading_time(words: int, minutes: int, shown: str) -> None:
    assert reading_minutes(words) == minutes
    assert reading_time_text(words) == shown


@pytest.mark.parametrize(
    ("words", "target", "shown", "over"),
    [
        (654, 800, "654 / 800 words", 0),
        (800, 800, "800 / 800 words", 0),
        (928, 800, "928 / 800 words · 128 over", 128),
        (1500, 1000, "1,500 / 1,000 words · 500 over", 500),
        (300, 0, "300 words", 0),
    ],
)
def test_length_status(words: int, target: int, shown: str, over: int) -> None:
    status = LengthStatus(words, target)
    assert (status.text, status.over) == (shown, over)
