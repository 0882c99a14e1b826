"""The sample article opened on first run: well formed, realistic, and seeded with known errors."""

from __future__ import annotations

import difflib
import re
from datetime import datetime

import pytest

from editor_app.assets import sample_article_text
from editor_app.model import (
    Article,
    BlockQuote,
    Field,
    Heading,
    Paragraph,
    PullQuote,
    Status,
)
from editor_app.model.jsonformat import dumps, loads
from tests.sample_article import (
    PLANTED_KINDS,
    PlantedError,
    all_text,
    count_whole_words,
    load_sample_article,
    planted_errors,
    whole_word_pattern,
)

# wrong form, right form, kind, how often the right form appears in the story.
PLANTED = [
    ("Brunthaler", "Brunnthaler", "variant", 3),
    ("Went", "Wendt", "real-word", 2),
    ("Antonio Guterres", "António Guterres", "stylebook", 0),
]

# Correct names, some rare, each spelt the same every time: a name check must leave them alone.
CONSISTENT_NAMES = [
    ("Vukajlović", 3),
    ("Szabó", 3),
    ("Calloway", 1),
    ("Donau-Pegelnetz", 1),
    ("Váh", 1),
]

QUOTE_MARKS = "“”‘’\"'"


@pytest.fixture(scope="module")
def article() -> Article:
    return load_sample_article()


@pytest.fixture(scope="module")
def text(article: Article) -> str:
    return all_text(article)


def test_file_is_in_canonical_form() -> None:
    raw = sample_article_text()
    assert dumps(loads(raw)) == raw


def test_body_is_about_six_hundred_words(article: Article) -> None:
    assert 550 <= article.word_count() <= 700


def test_body_has_eight_to_twelve_paragraphs(article: Article) -> None:
    paragraphs = [block for block in article.body if isinstance(block, Paragraph)]
    assert 8 <= len(paragraphs) <= 12


def test_one_level_two_heading_partway(article: Article) -> None:
    headings = [
        (index, block) for index, block in enumerate(article.body) if isinstance(block, Heading)
    ]
    assert len(headings) == 1
    index, heading = headings[0]
    assert heading.level == 2
    assert 0 < index < len(article.body) - 1


def test_two_blockquotes_each_attributed(article: Article) -> None:
    quotes = [block for block in article.body if isinstance(block, BlockQuote)]
    assert len(quotes) == 2
    assert all(quote.content.plain.strip() and quote.attribution.plain.strip() for quote in quotes)


def test_pull_quote_words_appear_in_a_paragraph(article: Article) -> None:
    pulls = [block for block in article.body if isinstance(block, PullQuote)]
    assert len(pulls) == 1
    assert pulls[0].attribution.plain.strip()
    words = pulls[0].content.plain.strip(QUOTE_MARKS + " ")
    paragraphs = [block.content.plain for block in article.body if isinstance(block, Paragraph)]
    assert words and any(words in paragraph for paragraph in paragraphs)


def test_has_emphasis_and_only_example_links(article: Article) -> None:
    spans = [span for _ref, content in article.rich_segments() for span in content]
    assert any(span.bold or span.italic for span in spans)
    links = [span.link for span in spans if span.link is not None]
    assert links
    assert all(link.startswith("https://example.org/") for link in links)


@pytest.mark.parametrize("straight", ['"', "'"])
def test_uses_curly_quotes_only(text: str, straight: str) -> None:
    assert straight not in text


def test_metadata_is_complete(article: Article) -> None:
    meta = article.meta
    assert meta.headline and meta.section and meta.dateline.isupper()
    assert meta.byline and not meta.byline.startswith("By ")  # names only
    assert meta.credit_line == f"By {meta.byline}"
    assert 2 <= len(meta.tags) <= 4
    assert meta.status is Status.DRAFT
    assert meta.language == "en-GB"


def test_standfirst_is_one_sentence(article: Article) -> None:
    standfirst = article.meta.standfirst
    assert standfirst.endswith(".")
    assert not re.search(r"[.!?] ", standfirst)


def test_dates_are_in_2026_and_in_order(article: Article) -> None:
    created, updated = article.meta.created, article.meta.updated
    assert isinstance(created, datetime) and isinstance(updated, datetime)
    assert created.year == updated.year == 2026
    assert created <= updated


def test_planted_errors_file_matches_this_table() -> None:
    assert planted_errors() == tuple(
        PlantedError(wrong, right, kind) for wrong, right, kind, _count in PLANTED
    )
    assert {error.kind for error in planted_errors()} == PLANTED_KINDS


@pytest.mark.parametrize(("wrong", "right", "kind", "right_count"), PLANTED)
def test_planted_error_occurs_once_and_right_form_as_told(
    text: str, wrong: str, right: str, kind: str, right_count: int
) -> None:
    assert count_whole_words(text, wrong) == 1
    assert count_whole_words(text, right) == right_count


@pytest.mark.parametrize(("wrong", "right", "kind", "right_count"), PLANTED)
def test_planted_error_sits_in_body_text(
    article: Article, wrong: str, right: str, kind: str, right_count: int
) -> None:
    pattern = whole_word_pattern(wrong)
    refs = [ref for ref, piece in article.segments() if pattern.search(piece)]
    assert len(refs) == 1
    assert refs[0].field is Field.TEXT and refs[0].block >= 0


def test_real_word_error_never_appears_in_lower_case(text: str) -> None:
    """The real-word typo must read as a plain word, so only a name check can catch it."""
    (wrong,) = [wrong for wrong, _right, kind, _count in PLANTED if kind == "real-word"]
    assert wrong.isalpha() and count_whole_words(text, wrong.lower()) == 0


@pytest.mark.parametrize(("name", "count"), CONSISTENT_NAMES)
def test_rare_names_are_spelt_the_same_every_time(text: str, name: str, count: int) -> None:
    assert count_whole_words(text, name) == count


def test_no_unplanned_near_miss_of_a_person_s_name(text: str) -> None:
    """Apart from the planted errors, no capitalised word is a near copy of a surname."""
    surnames = {"Brunnthaler", "Wendt", "Szabó", "Vukajlović", "Calloway", "Guterres"}
    planted = {(right.split()[-1], wrong.split()[-1]) for wrong, right, _kind, _ in PLANTED}
    words = set(re.findall(r"(?<!\w)[A-ZÀ-Ž][\w-]+", text)) - surnames
    near = {
        (surname, word)
        for surname in surnames
        for word in words
        if difflib.SequenceMatcher(None, surname, word).ratio() >= 0.8
    }
    assert near == {pair for pair in planted if pair[0] != pair[1]}


@pytest.mark.parametrize("first_name", ["Petra", "Péter"])
def test_two_szabos_are_always_named_in_full(text: str, first_name: str) -> None:
    """Two different people share the surname, so the story never uses it alone."""
    assert count_whole_words(text, f"{first_name} Szabó") >= 1
    assert count_whole_words(text, "Szabó") == count_whole_words(
        text, "Petra Szabó"
    ) + count_whole_words(text, "Péter Szabó")
