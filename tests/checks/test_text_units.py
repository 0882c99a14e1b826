from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor_app.checks.text_units import (
    Token,
    count_words,
    non_prose_spans,
    overlaps,
    sentences,
    straight_apostrophes,
    word_parts,
    words,
)

# Any text at all, plus text made of the characters news copy is made of.
any_text = st.text()
news_text = st.lists(
    st.sampled_from(
        [
            *"abcXYZ019 .,;:!?'\"()-—–’‘“”…\n\t\u00a0@#/",
            *("é", "e\u0301", "😀", "👍🏽", "\u200d", "ß", "İ", "https://", ".org", "Dr."),
        ]
    ),
    max_size=40,
).map("".join)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The mayor spoke.", ["The", "mayor", "spoke"]),
        ("a well-known route", ["a", "well-known", "route"]),
        ("don’t and don't", ["don’t", "and", "don't"]),
        ("O’Brien’s plan", ["O’Brien’s", "plan"]),
        ("’tis the ministers’ day", ["tis", "the", "ministers", "day"]),
        ("cafe\u0301 au lait", ["cafe\u0301", "au", "lait"]),
        ("3rd of 10,000", ["3rd", "of", "10", "000"]),
        ("snake_case", ["snake", "case"]),
        ("— – …", []),
    ],
)
def test_words(text: str, expected: list[str]) -> None:
    assert [word.text for word in words(text)] == expected


def test_word_offsets_are_code_points() -> None:
    text = "😀 café"
    (word,) = words(text)
    assert (word.start, word.end) == (2, 6)


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        (Token("well-known", 4, 14), [("well", 4, 8), ("known", 9, 14)]),
        (Token("plain", 0, 5), [("plain", 0, 5)]),
        (Token("ex‐minister", 0, 11), [("ex", 0, 2), ("minister", 3, 11)]),
    ],
)
def test_word_parts(word: Token, parts: list[tuple[str, int, int]]) -> None:
    assert [tuple(part) for part in word_parts(word)] == parts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("It rained. The river rose.", ["It rained.", "The river rose."]),
        ("Is it over? Yes! Done.", ["Is it over?", "Yes!", "Done."]),
        (
            "Dr. Hale met Mr. Lee at 3 p.m. on Monday.",
            ["Dr. Hale met Mr. Lee at 3 p.m. on Monday."],
        ),
        ("J. K. Rowling wrote it.", ["J. K. Rowling wrote it."]),
        ("He left, e.g. on foot.", ["He left, e.g. on foot."]),
        ("“It is over.” Then he left.", ["“It is over.”", "Then he left."]),
        ("He waited… and waited.", ["He waited… and waited."]),
        ("Close it.\n\nnext part", ["Close it.", "next part"]),
        ("It cost £4m. 2024 was hard.", ["It cost £4m.", "2024 was hard."]),
        ("  padded  ", ["padded"]),
        ("", []),
    ],
)
def test_sentences(text: str, expected: list[str]) -> None:
    assert [sentence.text for sentence in sentences(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("See https://example.org/a/b.", ["https://example.org/a/b"]),
        ("Go to www.example.org, then", ["www.example.org"]),
        ("Mail desk@example.org today", ["desk@example.org"]),
        ("Follow @newsdesk and #floods", ["@newsdesk", "#floods"]),
        ("Visit example.com now", ["example.com"]),
        ("Number #1 and plain prose.", []),
    ],
)
def test_non_prose_spans(text: str, expected: list[str]) -> None:
    assert [text[start:end] for start, end in non_prose_spans(text)] == expected


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [(0, 2, False), (2, 3, True), (4, 6, True), (5, 9, True), (10, 12, False)],
)
def test_overlaps(start: int, end: int, expected: bool) -> None:
    assert overlaps(((2, 5), (8, 10)), start, end) is expected


@pytest.mark.parametrize(
    ("text", "expected"), [("don’t", "don't"), ("it‘s", "it's"), ("plain", "plain")]
)
def test_straight_apostrophes(text: str, expected: str) -> None:
    assert straight_apostrophes(text) == expected


def test_count_words_counts_a_slice_without_building_tokens() -> None:
    text = "One well-known word. Another two."
    assert count_words(text) == 5
    assert count_words(text, 0, 20) == 3


@given(st.one_of(any_text, news_text))
def test_word_offsets_slice_back_to_the_word(text: str) -> None:
    for word in words(text):
        assert text[word.start : word.end] == word.text
        assert word.text


@given(st.one_of(any_text, news_text))
def test_sentence_offsets_slice_back_to_the_sentence(text: str) -> None:
    previous_end = 0
    for sentence in sentences(text):
        assert text[sentence.start : sentence.end] == sentence.text
        assert sentence.text == sentence.text.strip() != ""
        assert sentence.start >= previous_end
        previous_end = sentence.end


@given(st.one_of(any_text, news_text))
def test_sentences_cover_every_word(text: str) -> None:
    covered = [(sentence.start, sentence.end) for sentence in sentences(text)]
    for word in words(text):
        assert any(start <= word.start and word.end <= end for start, end in covered)


@given(st.one_of(any_text, news_text))
def test_non_prose_spans_are_inside_the_text(text: str) -> None:
    for start, end in non_prose_spans(text):
        assert 0 <= start < end <= len(text)


@given(st.one_of(any_text, news_text))
def test_word_parts_slice_back(text: str) -> None:
    for word in words(text):
        for part in word_parts(word):
            assert text[part.start : part.end] == part.text
