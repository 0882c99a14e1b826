"""Plain-text export in the wire-copy shape, and its round trip through the importer."""

from __future__ import annotations

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from editor_app.cleanup import is_leftover
from editor_app.export import ExportOptions
from editor_app.export import text as text_export
from editor_app.importers import text as text_import
from editor_app.model import (
    Article,
    Block,
    BlockQuote,
    CodeBlock,
    Heading,
    HorizontalRule,
    ListBlock,
    Metadata,
    Paragraph,
    PullQuote,
    RichText,
    Span,
)
from tests.strategies import nonempty_rich_texts

META = Metadata(
    headline="Ferry fares frozen",
    standfirst="No rise this year, the harbour board says.",
    byline="Ailsa Brennan",
    dateline="PORTMERE, 3 March 2025",
    section="Transport",
    tags=("ferries",),
)


def rich(text: str) -> RichText:
    return RichText.plain_text(text)


def render(article: Article, include_metadata: bool = True) -> str:
    return text_export.render(article, ExportOptions(include_metadata=include_metadata))


def test_header_in_wire_copy_shape() -> None:
    assert render(Article(META)) == (
        "Ferry fares frozen\n\nNo rise this year, the harbour board says.\n\n"
        "By Ailsa Brennan\n\nPORTMERE, 3 March 2025\n"
    )


@pytest.mark.parametrize(
    ("meta", "expected"),
    [
        (Metadata(headline="Only a headline"), "Only a headline\n"),
        (Metadata(byline="By Tom Hale"), "By Tom Hale\n"),
        (Metadata(byline="by Tom Hale"), "by Tom Hale\n"),
        (Metadata(byline="Bystander Press"), "By Bystander Press\n"),
        (Metadata(headline="Two\nlines", standfirst="  \n"), "Two lines\n"),
        (Metadata(), ""),
    ],
)
def test_header_fields(meta: Metadata, expected: str) -> None:
    assert render(Article(meta)) == expected


def test_without_metadata_only_the_body() -> None:
    article = Article(META, (Paragraph(rich("Body.")),))
    assert render(article, include_metadata=False) == "Body.\n"


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        (
            Paragraph(
                RichText(
                    (
                        Span("plain "),
                        Span("bold", bold=True),
                        Span(" link", link="https://example.org"),
                    )
                )
            ),
            "plain bold link",
        ),
        (Paragraph(rich("line one\nline two\n\nline three")), "line one\nline two\nline three"),
        (Heading(rich("What happens next"), level=3), "What happens next"),
        (
            BlockQuote(rich("We will not give up."), rich("Ailsa Brennan")),
            "We will not give up.\n— Ailsa Brennan",
        ),
        (BlockQuote(rich("Unattributed words.")), "Unattributed words."),
        (
            PullQuote(rich("Twice as often"), rich("the port director")),
            "Twice as often\n— the port director",
        ),
        (ListBlock((rich("one"), rich("two"))), "- one\n- two"),
        (ListBlock((rich("one"), rich("two")), ordered=True), "1. one\n2. two"),
        (CodeBlock("  indented = True\nx = 1\n", "python"), "  indented = True\nx = 1"),
        (HorizontalRule(), "* * *"),
    ],
)
def test_blocks(block: Block, expected: str) -> None:
    assert render(Article(body=(block,))) == expected + "\n"


def test_blocks_are_separated_by_blank_lines() -> None:
    article = Article(body=(Paragraph(rich("One.")), HorizontalRule(), Paragraph(rich("Two."))))
    assert render(article) == "One.\n\n* * *\n\nTwo.\n"


def test_registered_as_txt() -> None:
    pytest.importorskip("editor_app.export.markdown", reason="the registry also needs markdown")
    from editor_app import export

    article = Article(META, (Paragraph(rich("Body.")),))
    assert export.render(article, "txt") == render(article).encode("utf-8")


def test_round_trip_of_every_block_kind_keeps_the_words() -> None:
    body: tuple[Block, ...] = (
        Paragraph(rich("The board met on Monday.")),
        Heading(rich("Reaction")),
        BlockQuote(rich("We are delighted."), rich("a councillor")),
        ListBlock((rich("first item"), rich("second item"))),
        HorizontalRule(),
        CodeBlock("fares = frozen"),
    )
    imported = text_import.import_text(render(Article(META, body))).article
    assert imported.meta == Metadata(
        headline=META.headline,
        standfirst=META.standfirst,
        byline=META.byline,
        dateline=META.dateline,
    )
    assert imported.body == (
        Paragraph(rich("The board met on Monday.")),
        Paragraph(rich("Reaction")),
        Paragraph(rich("We are delighted. — a councillor")),
        Paragraph(rich("- first item\n- second item")),
        HorizontalRule(),
        Paragraph(rich("fares = frozen")),
    )


# -- the round-trip property -------------------------------------------------------------
#
# Plain text cannot mark which line is which, so the importer recognises the header by
# its shape; the generated metadata has that shape: a headline of a few words, a byline
# of names (not ending like a sentence), a dateline of capitalised words.

_word = st.from_regex(r"[A-Za-zÀ-ÿ0-9’'\-&]{1,12}", fullmatch=True)


def _phrase(
    min_words: int, max_words: int, word: st.SearchStrategy[str] = _word
) -> st.SearchStrategy[str]:
    return st.lists(word, min_size=min_words, max_size=max_words).map(" ".join)


_capitalised = st.from_regex(r"[A-Z][A-Za-z]{0,10}|[0-9]{1,4}", fullmatch=True)
round_trip_meta = st.builds(
    Metadata,
    headline=_phrase(1, 12),
    standfirst=st.tuples(_phrase(1, 30), st.sampled_from([".", "!", "?", ""])).map("".join),
    byline=_phrase(1, 6),
    dateline=_phrase(1, 5, _capitalised),
)
round_trip_body = st.lists(st.builds(Paragraph, content=nonempty_rich_texts), max_size=6).map(tuple)


def _tidy(text: str) -> str:
    return " ".join(text.split())


@given(round_trip_meta, round_trip_body)
def test_round_trip_keeps_header_and_paragraph_texts(
    meta: Metadata, body: tuple[Paragraph, ...]
) -> None:
    texts = [paragraph.content.plain for paragraph in body]
    assume(all(text.strip() and not is_leftover(text) for text in texts))
    assume(not any(set(text) <= {"*", "-", "_", " ", "\u00a0"} for text in texts))
    assume(not is_leftover(meta.headline) and not is_leftover(meta.standfirst))

    imported = text_import.import_text(render(Article(meta, body))).article

    assert (imported.meta.headline, imported.meta.standfirst) == (meta.headline, meta.standfirst)
    assert (imported.meta.byline, imported.meta.dateline) == (meta.byline, meta.dateline)
    assert [_tidy(text) for ref, text in imported.segments() if ref.block >= 0] == [
        _tidy(text) for text in texts
    ]
