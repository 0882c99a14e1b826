"""``names.stylebook`` and ``names.stylebook-near``: names against the style book."""

from __future__ import annotations

import pytest

from editor_app.checks.base import Severity
from editor_app.checks.names.bookmatch import BookMatcher, MatchKind
from editor_app.checks.stylebook import EntryKind, StyleBook, StyleBookEntry
from tests.checks.names_helpers import context, flagged, name_findings, small_book

BOOK = "names.stylebook"
NEAR = "names.stylebook-near"


@pytest.mark.parametrize(
    ("form", "kind", "suggestion"),
    [
        ("Anthony Blinken", MatchKind.WRONG, "Antony Blinken"),
        ("Antonio Guterres", MatchKind.FOLDED, "António Guterres"),
        ("Jens Stoltenburg", MatchKind.NEAR, "Jens Stoltenberg"),
        ("Stoltenburg", MatchKind.NEAR, "Stoltenberg"),
        ("Afganistan", MatchKind.NEAR, "Afghanistan"),
    ],
)
def test_matcher_answers(form: str, kind: MatchKind, suggestion: str) -> None:
    first = BookMatcher(small_book()).matches(form)[0]
    assert (first.kind, first.suggestion) == (kind, suggestion)


@pytest.mark.parametrize(
    "form",
    ["Antony Blinken", "Blinken", "Tony Blinken", "Jens", "Australia", "Australian", "Hopkins"],
)
def test_matcher_accepts_book_forms_nicknames_and_derivatives(form: str) -> None:
    assert BookMatcher(small_book()).matches(form) == ()


def test_a_wrong_spelling_listed_as_a_surname_suggests_the_surname() -> None:
    book = StyleBook([StyleBookEntry("Jens Stoltenberg", EntryKind.PERSON, wrong=("Stoltenburg",))])
    assert BookMatcher(book).matches("Stoltenburg")[0].suggestion == "Stoltenberg"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Anthony Blinken arrived on Tuesday.", [(BOOK, "Anthony Blinken", "Antony Blinken")]),
        ("Anthony Blinken’s visit ended.", [(BOOK, "Anthony Blinken", "Antony Blinken")]),
        (
            "The UN chief, Antonio Guterres, spoke.",
            [(BOOK, "Antonio Guterres", "António Guterres")],
        ),
        ("Jens Stoltenburg opened the meeting.", [(NEAR, "Jens Stoltenburg", "Jens Stoltenberg")]),
        (
            "Jens Stoltenberg opened the meeting.\n\nLater, Stoltenburg took questions.",
            [(NEAR, "Stoltenburg", "Stoltenberg")],
        ),
        ("Prime Minister Keir Starmar met the cabinet.", [(NEAR, "Keir Starmar", "Keir Starmer")]),
    ],
)
def test_names_against_the_book(text: str, expected: list[tuple[str, str, str]]) -> None:
    assert flagged(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Antony Blinken and Tony Blinken are one man.",
        "Anthony Hopkins arrived in Cardiff.",
        # another real person one letter from a book name: the book cannot know everyone
        "Doris Johnson opened the village fete.",
        "Karl Stoltenburg, a baker from Kiel, opened his shop. Stoltenburg said trade was good.",
        # a lone unknown surname, close to a book name the story never uses
        "Stoltenburg, a baker, said trade was good.",
        "Australian officials met in Afghanistan.",
    ],
)
def test_other_people_and_forms_pass(text: str) -> None:
    assert flagged(text) == []


def test_known_wrong_spellings_are_errors_and_near_misses_warnings() -> None:
    findings = name_findings("Anthony Blinken met Jens Stoltenburg.")
    assert [(finding.rule_id, finding.severity) for finding in findings] == [
        (BOOK, Severity.ERROR),
        (NEAR, Severity.WARNING),
    ]


def test_the_book_speaks_before_the_story_comparison() -> None:
    text = "Jens Stoltenberg spoke. Stoltenberg left. Stoltenberg returned.\n\nStoltenburg waved."
    assert flagged(text) == [(NEAR, "Stoltenburg", "Stoltenberg")]


def test_without_a_book_the_story_comparison_takes_over() -> None:
    text = "Jens Stoltenberg spoke. Stoltenberg left. Stoltenberg returned.\n\nStoltenburg waved."
    assert flagged(text, context(book=False)) == [("names.variant", "Stoltenburg", "Stoltenberg")]


def test_personal_words_are_never_near_misses() -> None:
    personal = context()
    personal.personal_words = frozenset({"Stoltenburg"})
    text = "Jens Stoltenberg spoke.\n\nLater, Stoltenburg took questions."
    assert flagged(text, personal) == []
