"""Code highlighting as plain data: exact pieces, Pygments' kinds, classes and colours."""

from __future__ import annotations

import re
from itertools import pairwise

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor_app.highlight import (
    PLAIN,
    TokenStyle,
    css_class,
    has_lexer,
    highlight_tokens,
    stylesheet,
    token_style,
)

LANGUAGES = ["", "python", "json", "html", "javascript", "c", "no-such-language"]


@given(code=st.text(max_size=200), language=st.sampled_from(LANGUAGES))
def test_the_pieces_add_up_to_the_code_exactly(code: str, language: str) -> None:
    assert "".join(text for text, _kind in highlight_tokens(code, language)) == code


@given(code=st.text(min_size=1, max_size=200), language=st.sampled_from(LANGUAGES))
def test_neighbouring_pieces_never_share_a_kind(code: str, language: str) -> None:
    kinds = [kind for _text, kind in highlight_tokens(code, language)]
    assert all(first != second for first, second in pairwise(kinds))


@given(code=st.text(min_size=1, max_size=200), language=st.sampled_from(LANGUAGES))
def test_every_coloured_kind_has_a_css_class(code: str, language: str) -> None:
    for _text, kind in highlight_tokens(code, language):
        assert (css_class(kind) == "") == (kind == PLAIN)


@pytest.mark.parametrize(
    ("code", "language", "expected"),
    [
        ("def area(r):", "python", [("def", "Keyword"), ("area", "Name.Function")]),
        ('{"a": 1}', "json", [('"a"', "Name.Tag"), ("1", "Literal.Number.Integer")]),
        ("<p>x</p>", "html", [("p", "Name.Tag")]),
        ("# note", "Python", [("# note", "Comment.Single")]),
    ],
)
def test_pieces_carry_pygments_kinds(
    code: str, language: str, expected: list[tuple[str, str]]
) -> None:
    pieces = highlight_tokens(code, language)
    for piece in expected:
        assert piece in pieces


@pytest.mark.parametrize("language", ["", "  ", "no-such-language"])
def test_code_without_a_known_language_is_one_plain_piece(language: str) -> None:
    assert highlight_tokens("def f(): pass", language) == [("def f(): pass", PLAIN)]


def test_empty_code_has_no_pieces() -> None:
    assert highlight_tokens("", "python") == []


@pytest.mark.parametrize("code", ["\ufeffprint(1)", "a = 1\r\nb = 2\r\n", "\n\nx = 1\n\n"])
def test_code_pygments_would_rewrite_stays_exact(code: str) -> None:
    assert "".join(text for text, _kind in highlight_tokens(code, "python")) == code


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("Keyword", "k"),
        ("Name.Function", "nf"),
        ("Literal.String.Double", "s2"),
        ("Comment.Single", "c1"),
        (PLAIN, ""),
    ],
)
def test_css_class_is_pygments_short_class(kind: str, expected: str) -> None:
    assert css_class(kind) == expected


@pytest.mark.parametrize(
    ("kind", "bold", "italic"),
    [("Keyword", True, False), ("Comment.Single", False, True), ("Name.Function", False, False)],
)
def test_token_style_gives_a_colour_and_weight(kind: str, bold: bool, italic: bool) -> None:
    style = token_style(kind)
    assert style.color is not None and re.fullmatch(r"#[0-9a-f]{6}", style.color)
    assert (style.bold, style.italic) == (bold, italic)


def test_plain_text_has_no_style() -> None:
    assert token_style(PLAIN) == TokenStyle()


def test_stylesheet_colours_the_classes_under_the_selector() -> None:
    css = stylesheet("pre code")
    rules = css.strip().splitlines()
    assert all(rule.startswith("pre code .") for rule in rules)
    keyword = token_style("Keyword")
    assert f"pre code .k {{ color: {keyword.color}; font-weight: bold }}" in rules


@pytest.mark.parametrize(
    ("language", "known"), [("python", True), ("JS", True), ("html", True), ("klingon", False)]
)
def test_has_lexer(language: str, known: bool) -> None:
    assert has_lexer(language) is known
