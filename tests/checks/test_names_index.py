"""The name index: settling ambiguous capitals, counting forms, and keeping the totals
right as paragraphs change."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.checks.names import index as index_module
from editor_app.checks.names.aggregate import NameIndex
from editor_app.checks.names.bookmatch import BookMatcher
from editor_app.checks.names.facts import Facts
from editor_app.checks.names.index import paragraph_names, resolve, summarise
from editor_app.model import Article, Heading, Metadata, Paragraph, RichText
from tests.checks.names_helpers import WordListSpeller, article, small_book


def facts(speller: bool = True) -> Facts:
    return Facts(WordListSpeller() if speller else None, BookMatcher(small_book()), frozenset())


def mention_forms(
    text: str, confirmed: frozenset[str] = frozenset(), speller: bool = True
) -> list[str]:
    paragraph = paragraph_names(text, False)
    return [m.form for m in resolve(paragraph, text, facts(speller).is_name, confirmed)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Calling it a day, Stoltenberg left.", ["Stoltenberg"]),
        ("The mayor left. Hall said it was late.", ["Hall"]),
        ("Maria Oberhuber, who advises brewers, spoke.", ["Maria Oberhuber"]),
        ("Asked about it, Blinken smiled.", ["Blinken"]),
        ("Stoltenburg left early.", ["Stoltenburg"]),
        ("When Blinken arrived, the talks began.", ["Blinken"]),
        ("Hall was full. The talks began on Tuesday, March 3.", []),
    ],
)
def test_sentence_start_capitals_are_settled(text: str, expected: list[str]) -> None:
    assert mention_forms(text) == expected


def test_a_word_capitalised_mid_sentence_elsewhere_counts_at_a_sentence_start() -> None:
    assert mention_forms("Hall was full.", confirmed=frozenset({"Hall"})) == ["Hall"]


def test_without_a_dictionary_only_cued_or_confirmed_capitals_count() -> None:
    assert mention_forms("Stoltenburg left. Novak said so.", speller=False) == ["Novak"]


def test_summary_counts_uses_and_full_names() -> None:
    text = "Mayor Dana Hale spoke. Later Hale said no, and councillor Peter Hall agreed."
    mentions = resolve(paragraph_names(text, False), text, facts().is_name, frozenset())
    forms = summarise(mentions).forms
    hale = forms["Hale"]
    assert (hale.count, hale.bare, hale.strong, hale.titled) == (2, 1, 2, 1)
    assert hale.full_forms == {"Dana Hale": 1}
    assert hale.companions_in("last") == {("dana",)}
    assert forms["Hall"].companions_in("last") == {("peter",)}


PARAGRAPHS = [
    "Katarina Novak leads the union.",
    "Novak said pay was the issue.",
    "Katerina Novak added that talks would resume.",
    "Mayor Dana Hale opened the bridge.",
    "Hall said the council would pay.",
    "Stoltenberg met Blinken in Brussels.",
    "Calling it a day, Stoltenburg left.",
    "Hall was full when Hale arrived.",
]

edits = st.lists(
    st.tuples(
        st.sampled_from(["replace", "insert", "delete", "move"]),
        st.integers(min_value=0, max_value=20),
        st.sampled_from(PARAGRAPHS),
    ),
    max_size=12,
)


def _edit(body: list[str], action: str, where: int, text: str) -> None:
    if action == "insert" or not body:
        body.insert(where % (len(body) + 1), text)
    elif action == "replace":
        body[where % len(body)] = text
    elif action == "delete":
        body.pop(where % len(body))
    else:
        body.append(body.pop(where % len(body)))


def _state(index: NameIndex) -> tuple[object, ...]:
    return (
        {
            text: (
                c.count,
                c.bare,
                c.strong,
                c.titled,
                c.as_object,
                c.kin,
                c.companions,
                c.full_forms,
            )
            for text, c in index.totals.items()
        },
        dict(index.mention_forms),
        dict(index.bare_keys),
    )


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(PARAGRAPHS), max_size=6), edits)
def test_updating_after_edits_equals_reading_afresh(
    start: list[str], changes: list[tuple[str, int, str]]
) -> None:
    names = facts()
    kept = NameIndex(names.is_name)
    body = list(start)
    kept.update(article(*body))
    for action, where, text in changes:
        _edit(body, action, where, text)
        kept.update(article(*body))
        fresh = NameIndex(names.is_name)
        fresh.update(article(*body))
        assert _state(kept) == _state(fresh)


def test_only_the_edited_paragraph_is_read_again(monkeypatch: pytest.MonkeyPatch) -> None:
    read: list[str] = []
    real = index_module.extract

    def counting(text: str, headline: bool = False):  # type: ignore[no-untyped-def]
        read.append(text)
        return real(text, headline)

    monkeypatch.setattr(index_module, "extract", counting)
    body = [f"Paragraph {n} of a story about Councillor Edwina Threlfall-{n}." for n in range(40)]
    index = NameIndex(facts().is_name)
    index.update(article(*body))
    read.clear()
    body[17] = "An edited paragraph that Edwina Threlfall wrote herself."
    index.update(article(*body))
    assert read == [body[17]]


def test_headings_and_headline_make_every_capital_ambiguous() -> None:
    story = Article(
        meta=Metadata(headline="Mayor Opened Bridge"),
        body=(
            Heading(RichText.plain_text("Council Talks Later")),
            Paragraph(RichText.plain_text("It rained.")),
        ),
    )
    index = NameIndex(facts().is_name)
    index.update(story)
    assert index.totals == {}
