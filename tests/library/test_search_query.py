"""The search language: what each query means, what is refused, and that no text reaches
FTS5 as syntax it could choke on."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor_app.library.errors import SearchQueryError
from editor_app.library.search_query import (
    MAX_TERMS,
    SearchField,
    SearchQuery,
    Term,
    parse_query,
)
from editor_app.library.search_sqlite import fts5_expression

HEADLINE, BODY, TAGS = SearchField.HEADLINE, SearchField.BODY, SearchField.TAGS


def words(*texts: str) -> tuple[tuple[Term, ...], ...]:
    return tuple((Term(text),) for text in texts)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("budget", SearchQuery(words("budget"))),
        ("budget vote", SearchQuery(words("budget", "vote"))),
        ("  budget\tvote\n", SearchQuery(words("budget", "vote"))),
        ("budget AND vote", SearchQuery(words("budget", "vote"))),
        ('"prime minister"', SearchQuery(((Term("prime minister"),),))),
        ("“prime minister”", SearchQuery(((Term("prime minister"),),))),
        ("„prime minister“", SearchQuery(((Term("prime minister"),),))),
        ("minist*", SearchQuery(((Term("minist", prefix=True),),))),
        ('"prime minist"*', SearchQuery(((Term("prime minist", prefix=True),),))),
        ("mi*", SearchQuery(((Term("mi", prefix=True),),))),
        ('"prime mi-"*', SearchQuery(((Term("prime mi-", prefix=True),),))),
        ("Paris OR Berlin", SearchQuery(((Term("Paris"), Term("Berlin")),))),
        (
            "Paris OR Berlin summit",
            SearchQuery(((Term("Paris"), Term("Berlin")), (Term("summit"),))),
        ),
        ("paris or berlin", SearchQuery(words("paris", "or", "berlin"))),
        ("strike -football", SearchQuery(words("strike"), (Term("football"),))),
        ("strike NOT football", SearchQuery(words("strike"), (Term("football"),))),
        ('-"transfer window" strike', SearchQuery(words("strike"), (Term("transfer window"),))),
        ("headline:budget", SearchQuery(((Term("budget", field=HEADLINE),),))),
        ("Headline:budget", SearchQuery(((Term("budget", field=HEADLINE),),))),
        ("body:minist*", SearchQuery(((Term("minist", prefix=True, field=BODY),),))),
        ('headline:"tram budget"', SearchQuery(((Term("tram budget", field=HEADLINE),),))),
        ('headline: "tram budget"', SearchQuery(((Term("tram budget", field=HEADLINE),),))),
        ("tag:trams", SearchQuery(((Term("trams", field=TAGS),),))),
        ("vote -tags:trams", SearchQuery(words("vote"), (Term("trams", field=TAGS),))),
        ("10:30 briefing", SearchQuery(words("10:30", "briefing"))),
        ("Erdoğan", SearchQuery(words("Erdoğan"))),
        ("Erdog\u0306an", SearchQuery(words("Erdoğan"))),  # decomposed input is composed
        ("O'Brien well-known", SearchQuery(words("O'Brien", "well-known"))),
        ("Paris - Berlin", SearchQuery(words("Paris", "Berlin"))),
        ('budget "" vote', SearchQuery(words("budget", "vote"))),
        ("budget\x00vote", SearchQuery(words("budget", "vote"))),
    ],
)
def test_query_means(query: str, expected: SearchQuery) -> None:
    assert parse_query(query) == expected


@pytest.mark.parametrize(
    ("query", "message"),
    [
        ("", "Type a word to search for."),
        ("   ", "Type a word to search for."),
        ("— …", "Type a word to search for."),
        ('""', "Type a word to search for."),
        ('"prime minister', "Close the quoted phrase with a second quotation mark."),
        ('budget "vote" "', "Close the quoted phrase with a second quotation mark."),
        ("*", "Put the start of a word before *, as in minist*."),
        ("budget -*", "Put the start of a word before *, as in minist*."),
        ("m*", "Type at least two letters before *, as in minist*."),
        ('"prime m"*', "Type at least two letters before *, as in minist*."),
        ("--*", "Put the start of a word before *, as in minist*."),
        ('""*', "Put the start of a word before *, as in minist*."),
        ("OR budget", "Put a word on each side of OR, as in Paris OR Berlin."),
        ("budget OR", "Put a word on each side of OR, as in Paris OR Berlin."),
        ("budget OR OR vote", "Put a word on each side of OR, as in Paris OR Berlin."),
        ("budget -vote OR tram", "A left-out word cannot be part of an OR."),
        ("budget OR -vote", "A left-out word cannot be part of an OR."),
        ("budget NOT", "Put a word after NOT, as in NOT football."),
        ("-football", "Add a word to find: a search cannot only leave words out."),
        ("NOT football -strike", "Add a word to find: a search cannot only leave words out."),
        ("headline:", "Put a word right after headline:, as in headline:budget."),
        ("headline: OR vote", "Put a word right after headline:, as in headline:budget."),
        ("-byline: vote", "Put a word right after byline:, as in byline:budget."),
        (" ".join(["w"] * (MAX_TERMS + 1)), f"Use at most {MAX_TERMS} words or phrases"),
    ],
)
def test_unusable_query_is_explained(query: str, message: str) -> None:
    with pytest.raises(SearchQueryError, match=message.replace("*", r"\*")):
        parse_query(query)


@pytest.mark.parametrize(
    ("query", "expression"),
    [
        ("budget", '(("budget"))'),
        ("budget vote", '(("budget") AND ("vote"))'),
        ("minist*", '(("minist"*))'),
        ('"prime minister"', '(("prime minister"))'),
        ("Paris OR Berlin summit", '(("Paris" OR "Berlin") AND ("summit"))'),
        ("strike -football -tag:sport", '(("strike")) NOT "football" NOT tags_text : "sport"'),
        ("body:minist*", '((body_text : "minist"*))'),
        ("AND(x)", '(("AND(x)"))'),
        ("NEAR(a b)", '(("NEAR(a") AND ("b)"))'),
    ],
)
def test_fts5_expression(query: str, expression: str) -> None:
    assert fts5_expression(parse_query(query)) == expression


@pytest.fixture(scope="module")
def fts5_table() -> Iterator[sqlite3.Connection]:
    """A bare FTS5 table shaped like the library's, to run expressions against."""
    connection = sqlite3.connect(":memory:")
    connection.execute(
        "CREATE VIRTUAL TABLE article_search USING fts5(headline, standfirst, body_text, "
        "byline, tags_text, tokenize='unicode61 remove_diacritics 2')"
    )
    connection.execute(
        "INSERT INTO article_search VALUES (?, ?, ?, ?, ?)",
        ("Erdoğan meets Guterres", "Grain talks", "The ministers met.", "Selin Aydın", "turkey"),
    )
    yield connection
    connection.close()


QUERY_ALPHABET = st.sampled_from(
    [*"\"“”„*-:() ORANDNOT\t^{}+.,;'ğşé\u0301\x00", "headline:", "tag:", " OR ", " NOT "]
)


@given(st.one_of(st.text(), st.lists(QUERY_ALPHABET | st.text(max_size=3)).map("".join)))
def test_any_text_is_a_query_or_a_clear_refusal(fts5_table: sqlite3.Connection, query: str) -> None:
    try:
        parsed = parse_query(query)
    except SearchQueryError as refusal:
        assert str(refusal).endswith(".")
        return
    fts5_table.execute(
        "SELECT rowid FROM article_search WHERE article_search MATCH ?", (fts5_expression(parsed),)
    ).fetchall()
