"""The Qt-free find-and-replace core: options, bad patterns, wrapping, code points."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor_app.ui.find_core import (
    BadPattern,
    Hit,
    Match,
    SearchOptions,
    compile_search,
    find_all,
    next_hit,
    replace_all,
)

PLAIN = SearchOptions()
CASE = SearchOptions(case_sensitive=True)
WORD = SearchOptions(whole_word=True)
REGEX = SearchOptions(regex=True)


@pytest.mark.parametrize(
    ("query", "options", "text", "spans"),
    [
        ("ferry", PLAIN, "Ferry and ferry", [(0, 5), (10, 15)]),
        ("ferry", CASE, "Ferry and ferry", [(10, 15)]),
        ("port", PLAIN, "Portsmouth port", [(0, 4), (11, 15)]),
        ("port", WORD, "Portsmouth port", [(11, 15)]),
        ("Dr.", WORD, "Dr. Hale and Dr.Who", [(0, 3)]),
        ("a.c", PLAIN, "abc a.c", [(4, 7)]),
        ("a.c", REGEX, "abc a.c", [(0, 3), (4, 7)]),
        (r"\d+", REGEX, "06:40 and 7", [(0, 2), (3, 5), (10, 11)]),
        (r"\d+", SearchOptions(regex=True, whole_word=True), "a1 22 b", [(3, 5)]),
        ("x*", REGEX, "abc", []),
        ("Café", PLAIN, "CAFÉ café", [(0, 4), (5, 9)]),
        ("🚢", PLAIN, "a🚢b🚢", [(1, 2), (3, 4)]),
    ],
)
def test_matches(
    query: str, options: SearchOptions, text: str, spans: list[tuple[int, int]]
) -> None:
    found = find_all(text, compile_search(query, options))
    assert [(match.start, match.end) for match in found] == spans


@pytest.mark.parametrize(
    ("query", "options", "replacement", "text", "result", "count"),
    [
        ("ferry", PLAIN, "boat", "Ferry, ferry", "boat, boat", 2),
        ("ferry", CASE, "boat", "Ferry, ferry", "Ferry, boat", 1),
        (r"(\w+) (\w+)", REGEX, r"\2 \1", "Ana Fielding", "Fielding Ana", 1),
        (r"(?P<h>\d\d):(?P<m>\d\d)", REGEX, r"\g<h>.\g<m>", "at 06:40", "at 06.40", 1),
        ("a.c", PLAIN, r"\1", "a.c", r"\1", 1),  # literal: no group references
        ("🚢", PLAIN, "ship", "🚢 and 🚢", "ship and ship", 2),
        ("none", PLAIN, "x", "nothing here", "nothing here", 0),
    ],
)
def test_replace_all(
    query: str, options: SearchOptions, replacement: str, text: str, result: str, count: int
) -> None:
    assert replace_all(text, compile_search(query, options, replacement)) == (result, count)


@pytest.mark.parametrize(
    ("query", "options", "replacement", "message"),
    [
        ("(", REGEX, "", "Not a valid regular expression: missing ), unterminated subpattern."),
        ("[a-", REGEX, "", "Not a valid regular expression: unterminated character set."),
        ("(a)", REGEX, r"\2", "The replacement cannot be used: invalid group reference 2."),
        ("a", REGEX, r"\g<who>", "The replacement cannot be used: unknown group name 'who'."),
        ("", PLAIN, "", "Type something to find."),
    ],
)
def test_bad_patterns_are_one_sentence(
    query: str, options: SearchOptions, replacement: str, message: str
) -> None:
    with pytest.raises(BadPattern) as raised:
        compile_search(query, options, replacement)
    assert str(raised.value) == message


def test_a_literal_query_is_never_a_bad_pattern() -> None:
    assert find_all("a (b", compile_search("(", PLAIN)) == [Match(2, 3, "")]


BLOCKS = ["the ferry", "no match", "ferry ferry"]


@pytest.mark.parametrize(
    ("after", "backwards", "expected"),
    [
        ((0, 0), False, (Hit(0, 4, 9), False)),
        ((0, 9), False, (Hit(2, 0, 5), False)),
        ((2, 5), False, (Hit(2, 6, 11), False)),
        ((2, 11), False, (Hit(0, 4, 9), True)),
        ((2, 6), True, (Hit(2, 0, 5), False)),
        ((2, 0), True, (Hit(0, 4, 9), False)),
        ((0, 4), True, (Hit(2, 6, 11), True)),
        ((1, 3), False, (Hit(2, 0, 5), False)),
    ],
)
def test_next_hit_moves_and_wraps(
    after: tuple[int, int], backwards: bool, expected: tuple[Hit, bool]
) -> None:
    search = compile_search("ferry", PLAIN)
    assert next_hit(BLOCKS, search, after, backwards=backwards) == expected


def test_the_only_match_is_found_again_after_wrapping() -> None:
    search = compile_search("match", PLAIN)
    assert next_hit(BLOCKS, search, (1, 8)) == (Hit(1, 3, 8), True)


@pytest.mark.parametrize("texts", [[], ["nothing"]])
def test_next_hit_without_matches(texts: list[str]) -> None:
    assert next_hit(texts, compile_search("ferry", PLAIN), (0, 0)) is None


@given(st.text(), st.text(min_size=1, max_size=3), st.text(max_size=3))
def test_literal_replace_all_agrees_with_str_replace(text: str, query: str, new: str) -> None:
    search = compile_search(query, CASE, new)
    assert replace_all(text, search)[0] == text.replace(query, new)


@given(st.text(), st.text(min_size=1, max_size=3))
def test_ignoring_case_agrees_with_re(text: str, query: str) -> None:
    expected = [m.span() for m in re.finditer(re.escape(query), text, re.IGNORECASE) if m.group()]
    assert [(m.start, m.end) for m in find_all(text, compile_search(query, PLAIN))] == expected
