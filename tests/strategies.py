"""Hypothesis strategies for articles, shared by every round-trip test."""

from __future__ import annotations

from datetime import UTC, datetime

from hypothesis import strategies as st

from editor_app.model import (
    HEADING_LEVELS,
    Article,
    Block,
    BlockQuote,
    CheckIgnore,
    CodeBlock,
    Heading,
    HorizontalRule,
    ListBlock,
    Metadata,
    Paragraph,
    PullQuote,
    RichText,
    Span,
    Status,
)

# Letters, digits, punctuation, curly quotes, accents and an emoji or two: the
# characters news copy is made of, including some outside the BMP.
_ALPHABET = st.sampled_from(
    list("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789")
    + list(" .,;:!?'\"()-—–’‘“”…%$€£&/#@*_[]<>éüßñøçłŠ")
    + ["😀", "\U0001f1fa", "\U0001f1e6", "\u00a0"]
)

words = st.text(_ALPHABET, min_size=1, max_size=20)
plain_strings = st.text(_ALPHABET, max_size=60)
links = st.one_of(st.none(), st.sampled_from(["https://example.org/a", "mailto:desk@example.org"]))

spans = st.builds(
    Span,
    text=words,
    bold=st.booleans(),
    italic=st.booleans(),
    code=st.booleans(),
    link=links,
)
rich_texts = st.lists(spans, max_size=6).map(lambda items: RichText(tuple(items)))
nonempty_rich_texts = st.lists(spans, min_size=1, max_size=6).map(
    lambda items: RichText(tuple(items))
)

blocks: st.SearchStrategy[Block] = st.one_of(
    st.builds(Paragraph, content=nonempty_rich_texts),
    st.builds(Heading, content=nonempty_rich_texts, level=st.sampled_from(HEADING_LEVELS)),
    st.builds(BlockQuote, content=nonempty_rich_texts, attribution=rich_texts),
    st.builds(PullQuote, content=nonempty_rich_texts, attribution=rich_texts),
    st.builds(
        ListBlock,
        items=st.lists(nonempty_rich_texts, min_size=1, max_size=4).map(tuple),
        ordered=st.booleans(),
    ),
    st.builds(
        CodeBlock,
        code=st.text(_ALPHABET, min_size=1, max_size=80),
        language=st.sampled_from(["", "python", "json", "html"]),
    ),
    st.just(HorizontalRule()),
)

dates = st.one_of(
    st.none(),
    st.datetimes(
        min_value=datetime(2000, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC)
    ),
)

metadata = st.builds(
    Metadata,
    headline=plain_strings,
    standfirst=plain_strings,
    byline=plain_strings,
    dateline=plain_strings,
    section=plain_strings,
    tags=st.lists(words, max_size=4).map(tuple),
    status=st.sampled_from(list(Status)),
    language=st.sampled_from(["en-GB", "en-US", "fr", "de-CH"]),
    created=dates,
    updated=dates,
)

ignores = st.builds(CheckIgnore, rule_id=words, text=plain_strings, context=plain_strings)
articles = st.builds(Article, meta=metadata, body=st.lists(blocks, max_size=8).map(tuple))
articles_with_ignores = st.builds(
    Article,
    meta=metadata,
    body=st.lists(blocks, max_size=8).map(tuple),
    ignores=st.lists(ignores, max_size=3, unique=True).map(tuple),
)
"""Only the native format keeps ignores; the other formats' round trips use ``articles``."""
