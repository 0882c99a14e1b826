from __future__ import annotations

import pytest
from hypothesis import given

from editor_app.model import (
    Article,
    BlockQuote,
    CodeBlock,
    Field,
    Heading,
    HorizontalRule,
    ListBlock,
    Metadata,
    Paragraph,
    PullQuote,
    RichText,
    TextRef,
)
from tests.strategies import articles

ARTICLE = Article(
    Metadata(headline="Council backs tram plan", byline="By Mira Sandoval"),
    (
        Paragraph(RichText.plain_text("The council voted on Tuesday.")),
        BlockQuote(RichText.plain_text("We listened."), RichText.plain_text("Dana Hale")),
        ListBlock((RichText.plain_text("first"), RichText.plain_text("second"))),
        CodeBlock("print('hi')", "python"),
        HorizontalRule(),
        PullQuote(RichText.plain_text("We listened.")),
    ),
)


def test_segments_address_every_piece_of_prose_in_reading_order() -> None:
    assert list(ARTICLE.segments()) == [
        (TextRef(Field.HEADLINE), "Council backs tram plan"),
        (TextRef(Field.BYLINE), "By Mira Sandoval"),
        (TextRef(Field.TEXT, 0), "The council voted on Tuesday."),
        (TextRef(Field.TEXT, 1), "We listened."),
        (TextRef(Field.ATTRIBUTION, 1), "Dana Hale"),
        (TextRef(Field.ITEM, 2, 0), "first"),
        (TextRef(Field.ITEM, 2, 1), "second"),
        (TextRef(Field.TEXT, 5), "We listened."),
    ]


@given(articles)
def test_text_at_finds_every_segment(article: Article) -> None:
    for ref, text in article.segments():
        assert article.text_at(ref) == text


@pytest.mark.parametrize(
    "ref", [TextRef(Field.TEXT, 99), TextRef(Field.ATTRIBUTION, 0), TextRef(Field.ITEM, 2, 5)]
)
def test_text_at_refuses_what_does_not_exist(ref: TextRef) -> None:
    with pytest.raises(KeyError):
        ARTICLE.text_at(ref)


def test_word_count_counts_the_body_only() -> None:
    assert ARTICLE.word_count() == 5 + 2 + 2 + 1 + 1 + 2


def test_heading_levels_are_two_to_four() -> None:
    with pytest.raises(ValueError, match="heading level"):
        Heading(RichText.plain_text("Too big"), level=1)


def test_with_meta_changes_only_what_it_names() -> None:
    changed = ARTICLE.with_meta(headline="New")
    assert changed.meta.headline == "New"
    assert changed.meta.byline == ARTICLE.meta.byline
    assert changed.body is ARTICLE.body


@pytest.mark.parametrize(
    ("byline", "printed"),
    [
        ("Mira Sandoval", "By Mira Sandoval"),
        ("By Mira Sandoval", "By Mira Sandoval"),
        ("by our correspondent", "by our correspondent"),
        ("  ", ""),
        ("Byron Hale", "By Byron Hale"),
    ],
)
def test_credit_line_prints_by_once(byline: str, printed: str) -> None:
    assert Metadata(byline=byline).credit_line == printed
