"""Side-by-side alignment of two article versions (``editor_app.compare``)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from editor_app.compare import (
    Change,
    Line,
    LineKind,
    Piece,
    article_lines,
    compare_articles,
    compare_lines,
)
from editor_app.model import (
    Article,
    BlockQuote,
    CodeBlock,
    HorizontalRule,
    ListBlock,
    Metadata,
    Paragraph,
    RichText,
)
from tests.strategies import articles

P = LineKind.PARAGRAPH


def para(text: str) -> Paragraph:
    return Paragraph(RichText.plain_text(text))


def story(*paragraphs: str, headline: str = "Ferry strike ends") -> Article:
    return Article(Metadata(headline=headline), tuple(map(para, paragraphs)))


# Lines made of a few shared words, so edits overlap and the pairing is exercised.
_line_texts = st.lists(
    st.sampled_from(["ferry", "strike", "ends", " ", ", ", "Blinken", "\n", "é", "😀"]),
    max_size=8,
).map("".join)
_lines = st.lists(
    st.builds(Line, st.sampled_from([P, LineKind.HEADING, LineKind.HEADLINE]), _line_texts),
    max_size=12,
)


@given(_lines, _lines)
def test_each_column_rebuilds_its_lines_exactly(before: list[Line], after: list[Line]) -> None:
    comparison = compare_lines(before, after)
    assert comparison.lines("left") == before
    assert comparison.lines("right") == after
    for row in comparison.rows:
        assert row.left is not None or row.right is not None
        for side in (row.left, row.right):
            if side is not None:
                assert all(piece.text for piece in side.pieces)


@given(articles, articles)
def test_articles_rebuild_exactly(before: Article, after: Article) -> None:
    comparison = compare_articles(before, after)
    assert comparison.lines("left") == article_lines(before)
    assert comparison.lines("right") == article_lines(after)
    left_text = "\n".join(line.text for line in comparison.lines("left"))
    assert left_text == "\n".join(line.text for line in article_lines(before))


@given(articles)
def test_an_article_against_itself_has_no_changes(article: Article) -> None:
    comparison = compare_articles(article, article)
    assert all(row.change is Change.SAME for row in comparison.rows)
    assert not comparison.counts()


def test_article_lines_read_like_the_article() -> None:
    article = Article(
        Metadata(headline="Lock keeper retires", standfirst="After 40 years", byline="Ana Ruiz"),
        (
            para("He opened the gates."),
            BlockQuote(RichText.plain_text("It was home"), RichText.plain_text("Mr Hale")),
            ListBlock((RichText.plain_text("one"), RichText.plain_text("two")), ordered=True),
            ListBlock((RichText.plain_text("dot"),)),
            CodeBlock("x = 1\ny = 2"),
            HorizontalRule(),
        ),
    )
    assert [line.text for line in article_lines(article)] == [
        "Lock keeper retires",
        "After 40 years",
        "By Ana Ruiz",
        "He opened the gates.",
        "It was home",
        "— Mr Hale",
        "1. one",
        "2. two",
        "• dot",
        "x = 1\ny = 2",
        "―――",
    ]


def test_changed_words_are_marked_on_both_sides() -> None:
    comparison = compare_articles(
        story("Mr Blinked met the minister today."),
        story("Mr Blinken met the minister on Tuesday."),
    )
    changed = [row for row in comparison.rows if row.change is Change.CHANGED]
    assert len(changed) == 1
    left, right = changed[0].left, changed[0].right
    assert left is not None and right is not None
    assert [p.text for p in left.pieces if p.changed] == ["Blinked", "today"]
    assert [p.text for p in right.pieces if p.changed] == ["Blinken", "on Tuesday"]
    assert Piece("Mr ", changed=False) == left.pieces[0]


def test_similar_paragraphs_pair_and_new_ones_are_added() -> None:
    before = story("The ferry strike ended on Monday.", "Unions agreed to a deal.")
    after = story(
        "A completely new opening paragraph arrives.",
        "The ferry strike ended on Tuesday.",
        "Unions agreed to a deal.",
        "Talks continue.",
    )
    rows = compare_articles(before, after).rows
    assert [row.change for row in rows] == [
        Change.SAME,  # the headline
        Change.ADDED,
        Change.CHANGED,
        Change.SAME,
        Change.ADDED,
    ]
    counts = compare_articles(before, after).counts()
    assert (counts.changed, counts.added, counts.removed) == (1, 2, 0)


def test_unrelated_replacement_is_a_removal_and_an_addition() -> None:
    rows = compare_articles(story("Ferries run again."), story("Rain is forecast.")).rows
    assert [row.change for row in rows[1:]] == [Change.REMOVED, Change.ADDED]


def test_metadata_changes_are_counted_by_field() -> None:
    counts = compare_articles(
        story("Text.", headline="Old"), story("Text.", headline="New")
    ).counts()
    assert counts.fields == ((LineKind.HEADLINE, Change.CHANGED),)
    assert (counts.changed, counts.added, counts.removed) == (0, 0, 0)


def test_long_replaced_stretches_pair_in_order() -> None:
    before = story(*(f"Paragraph {n} says something." for n in range(30)))
    after = story(*(f"Paragraph {n} says something else." for n in range(30)))
    rows = compare_articles(before, after).rows
    assert [row.change for row in rows[1:]] == [Change.CHANGED] * 30
