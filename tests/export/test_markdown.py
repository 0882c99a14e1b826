"""Writing Markdown, and reading it back: the two directions of one dialect."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.cleanup import is_leftover
from editor_app.export import ExportOptions
from editor_app.export import render as render_format
from editor_app.export.markdown import render
from editor_app.importers.markdown import import_markdown
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
    Status,
)
from tests.strategies import articles

OPTIONS = ExportOptions()


def plain(text: str) -> RichText:
    return RichText.plain_text(text)


def rich(*spans: Span) -> RichText:
    return RichText(spans)


def body_markdown(*blocks: Block) -> str:
    """What ``render`` writes after the front matter, for an article without headline."""
    text = render(Article(body=blocks), ExportOptions(include_metadata=False))
    return text.rstrip("\n")


def round_trip(article: Article) -> Article:
    return import_markdown(render(article, OPTIONS)).article


# -- the documented normalisation ------------------------------------------------------
# What Markdown cannot carry, as listed in the docstring of editor_app.export.markdown.


def _unmark_edge_space(span: Span) -> list[Span]:
    """White space at the edges of a bold/italic run comes back unmarked."""
    if span.code or not (span.bold or span.italic):
        return [span]
    core = span.text.strip()
    if not core:
        return [Span(span.text, link=span.link)]
    start = span.text.index(core)
    outside = Span("", link=span.link)
    return [
        outside.with_text(span.text[:start]),
        span.with_text(core),
        outside.with_text(span.text[start + len(core) :]),
    ]


def _uncode_line_breaks(span: Span) -> list[Span]:
    """A line break inside inline code comes back as a plain break between code spans."""
    if not span.code or "\n" not in span.text:
        return [span]
    pieces: list[Span] = []
    for index, line in enumerate(span.text.split("\n")):
        if index:
            pieces.append(replace(span, text="\n", code=False))
        pieces.append(span.with_text(line))
    return pieces


def _drop_unsafe_link(span: Span) -> Span:
    if span.link is not None and span.link.lower().startswith(
        ("javascript:", "vbscript:", "file:")
    ):
        return replace(span, link=None)
    return span


def expected_text(text: RichText) -> RichText:
    spans = [piece for span in text for piece in _uncode_line_breaks(_drop_unsafe_link(span))]
    return RichText(tuple(piece for span in spans for piece in _unmark_edge_space(span)))


def expected_block(block: Block) -> Block:
    match block:
        case Paragraph() | Heading():
            return replace(block, content=expected_text(block.content))
        case BlockQuote() | PullQuote():
            return replace(
                block,
                content=expected_text(block.content),
                attribution=expected_text(block.attribution),
            )
        case ListBlock():
            return replace(block, items=tuple(expected_text(item) for item in block.items))
    return block


def _kept(block: Block) -> bool:
    """Empty paragraphs are not written; web-page furniture is dropped on import."""
    if isinstance(block, Paragraph) and not block.content:
        return False
    return not (isinstance(block, Paragraph | Heading) and is_leftover(block.content.plain))


def expected_article(article: Article) -> Article:
    body = tuple(expected_block(block) for block in article.body)
    return article.with_body(tuple(block for block in body if _kept(block)))


# -- round trips -----------------------------------------------------------------------


@settings(max_examples=200)
@given(articles)
def test_round_trip_keeps_every_article(article: Article) -> None:
    assert round_trip(article) == expected_article(article)


# Text made of what Markdown is touchy about: syntax characters, white space at
# line edges, line breaks, dashes that open quote attributions, lookalike markers.
_TOUCHY = st.sampled_from(
    [*"ab1 .*_`\\[]<>!#&;-+=~|:()\n\t—–―\u00a0é’“", "&amp;", "1.", "---", "[!PULLQUOTE]", "-- "]
)
_touchy_text = st.lists(_TOUCHY, min_size=1, max_size=8).map("".join)
_touchy_spans = st.builds(
    Span,
    text=_touchy_text,
    bold=st.booleans(),
    italic=st.booleans(),
    code=st.booleans(),
    link=st.one_of(
        st.none(),
        st.sampled_from(["https://example.org/a b", "u(1)", "?a=1&amp;b", "", "javascript:x"]),
    ),
)
_touchy_rich = st.lists(_touchy_spans, max_size=6).map(lambda spans: RichText(tuple(spans)))
_touchy_blocks: st.SearchStrategy[Block] = st.one_of(
    st.builds(Paragraph, _touchy_rich),
    st.builds(Heading, _touchy_rich, level=st.sampled_from([2, 3, 4])),
    st.builds(BlockQuote, _touchy_rich, _touchy_rich),
    st.builds(PullQuote, _touchy_rich, _touchy_rich),
    st.builds(ListBlock, st.lists(_touchy_rich, min_size=1, max_size=3).map(tuple), st.booleans()),
    st.builds(CodeBlock, st.lists(_TOUCHY, max_size=8).map("".join), st.sampled_from(["", "py"])),
)
_touchy_articles = st.builds(
    Article,
    meta=st.builds(
        Metadata,
        headline=_touchy_text,
        standfirst=_touchy_text,
        byline=_touchy_text,
        tags=st.lists(_touchy_text, max_size=3).map(tuple),
        created=st.one_of(st.none(), st.datetimes()),
    ),
    body=st.lists(_touchy_blocks, max_size=4).map(tuple),
)


@settings(max_examples=200)
@given(_touchy_articles)
def test_round_trip_keeps_text_markdown_is_touchy_about(article: Article) -> None:
    assert round_trip(article) == expected_article(article)


@pytest.mark.parametrize(
    "content",
    [
        rich(Span("Note: ", bold=True), Span("ferries run")),
        rich(Span("un"), Span("believ", italic=True), Span("able")),
        rich(Span("a"), Span("(b)", italic=True), Span("c")),
        rich(
            Span("bold", bold=True), Span("both", bold=True, italic=True), Span("it", italic=True)
        ),
        rich(Span("x"), Span("y", bold=True), Span("z", italic=True), Span("w", bold=True)),
        rich(Span("see"), Span("`code`", code=True, bold=True), Span("now")),
        rich(Span("[`a]:b`", code=True, link="https://example.org/a")),
        rich(Span("Wow!"), Span("link", link="https://example.org/a")),
        rich(Span(" lead and trail  ")),
        rich(Span("line\n  indented\n\nafter a blank")),
        rich(Span("\nstarts and ends with a break\n")),
        rich(Span("tab\there")),
        rich(Span("a*b_c`d[e]f<g>h\\i")),
        rich(Span("&amp; &#169; AT&T")),
        rich(Span("link", link="https://example.org/a (b)")),
        rich(Span("link", link="https://example.org/?q=1&amp;x")),
        rich(Span("code", code=True, link="")),
    ],
)
def test_tricky_inline_round_trips(content: RichText) -> None:
    article = Article(
        body=(Paragraph(content), BlockQuote(content, content), ListBlock((content,)))
    )
    assert round_trip(article) == expected_article(article)


# -- blocks ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("block", "markdown"),
    [
        (Paragraph(plain("Plain text.")), "Plain text."),
        (Heading(plain("Section"), 2), "## Section"),
        (Heading(plain("Sub"), 4), "#### Sub"),
        (BlockQuote(plain("We will win.")), "> We will win."),
        (
            BlockQuote(plain("We will win."), plain("Jens Stoltenberg")),
            "> We will win.\n>\n> — Jens Stoltenberg",
        ),
        (PullQuote(plain("Big words")), "> [!PULLQUOTE]\n> Big words"),
        (PullQuote(plain("Big words"), plain("Ana")), "> [!PULLQUOTE]\n> Big words\n>\n> — Ana"),
        (ListBlock((plain("one"), plain("two"))), "- one\n- two"),
        (ListBlock((plain("one"), plain("two")), ordered=True), "1. one\n2. two"),
        (ListBlock((plain("a\nb"),), ordered=True), "1. a\\\n   b"),
        (CodeBlock("print('hi')", "python"), "```python\nprint('hi')\n```"),
        (CodeBlock("a ``` b ```` c"), "`````\na ``` b ```` c\n`````"),
        (HorizontalRule(), "***"),
        (Paragraph(plain("one\ntwo")), "one\\\ntwo"),
        (BlockQuote(plain("one\ntwo")), "> one\\\n> two"),
        (Paragraph(RichText()), ""),
    ],
)
def test_blocks(block: Block, markdown: str) -> None:
    assert body_markdown(block) == markdown


@pytest.mark.parametrize(
    ("content", "markdown"),
    [
        (rich(Span("bold", bold=True)), "**bold**"),
        (rich(Span("italic", italic=True)), "*italic*"),
        (rich(Span("both", bold=True, italic=True)), "***both***"),
        (rich(Span("Note: ", bold=True), Span("x")), "**Note:** x"),
        (rich(Span("a", bold=True), Span("b", italic=True)), "**a**_b_"),
        (rich(Span("plan", link="https://example.org/plan")), "[plan](https://example.org/plan)"),
        (rich(Span("plan", link="https://example.org/a b")), "[plan](<https://example.org/a b>)"),
        (rich(Span("plan", link="https://x.org/(a)")), "[plan](<https://x.org/(a)>)"),
        (rich(Span("x", link="javascript:alert(1)")), "x"),
        (rich(Span("print()", code=True)), "`print()`"),
        (rich(Span("a`b", code=True)), "``a`b``"),
        (rich(Span("`a", code=True)), "`` `a ``"),
        (rich(Span(" a ", code=True)), "`  a  `"),
        (rich(Span("a"), Span("(b)", italic=True)), "&#97;*(b)*"),
    ],
)
def test_inline_marks(content: RichText, markdown: str) -> None:
    assert body_markdown(Paragraph(content)) == markdown


@pytest.mark.parametrize(
    ("text", "markdown"),
    [
        ("1. Not a list", "1\\. Not a list"),
        ("2025) was a year", "2025\\) was a year"),
        ("# not a heading", "\\# not a heading"),
        ("> not a quote", "\\> not a quote"),
        ("- not a bullet", "\\- not a bullet"),
        ("+ nor this", "\\+ nor this"),
        ("=====", "\\====="),
        ("~~~", "\\~~~"),
        ("a * b _ c", "a \\* b \\_ c"),
        ("[not a link](x)", "\\[not a link\\](x)"),
        ("`tick`", "\\`tick\\`"),
        ("<b>not html</b>", "\\<b>not html\\</b>"),
        ("back\\slash", "back\\\\slash"),
        ("&amp; stays", "\\&amp; stays"),
        ("AT&T", "AT&T"),
        ("trailing  ", "trailing&#32;&#32;"),
        ("    four spaces", "&#32;&#32;&#32;&#32;four spaces"),
        ("\u00a0nbsp", "&#160;nbsp"),
        ("It’s “curly” — fine", "It’s “curly” — fine"),
        ("Score 3-1 #win", "Score 3-1 #win"),
    ],
)
def test_special_characters_are_escaped(text: str, markdown: str) -> None:
    assert body_markdown(Paragraph(plain(text))) == markdown


@pytest.mark.parametrize(
    ("block", "markdown"),
    [
        (Heading(plain("Ends with #"), 2), "## Ends with \\#"),
        (BlockQuote(plain("— not the attribution")), "> &mdash; not the attribution"),
        (BlockQuote(plain("[!PULLQUOTE]")), "> \\[!PULLQUOTE\\]"),
        (ListBlock((plain("- dash"),)), "- \\- dash"),
    ],
)
def test_escapes_depend_on_the_block(block: Block, markdown: str) -> None:
    assert body_markdown(block) == markdown


def test_adjacent_lists_stay_apart() -> None:
    blocks = (
        ListBlock((plain("a"),)),
        ListBlock((plain("b"),)),
        ListBlock((plain("c"),), ordered=True),
        ListBlock((plain("d"),), ordered=True),
    )
    assert body_markdown(*blocks) == "- a\n\n* b\n\n1. c\n\n1) d"
    assert round_trip(Article(body=blocks)).body == blocks


# -- front matter and headline ---------------------------------------------------------


def test_front_matter_then_headline_then_blocks() -> None:
    article = Article(
        meta=Metadata(
            headline="Port rules agreed",
            standfirst="Ferries must publish delays.",
            byline="Jane Doe",
            tags=("ports", "ferries"),
            status=Status.READY,
            created=datetime(2025, 3, 3, 9, 30, tzinfo=UTC),
        ),
        body=(Paragraph(plain("Body.")), HorizontalRule()),
    )
    assert render(article, OPTIONS) == (
        "---\n"
        "standfirst: Ferries must publish delays.\n"
        "byline: Jane Doe\n"
        "tags:\n"
        "- ports\n"
        "- ferries\n"
        "status: ready\n"
        "language: en-GB\n"
        "created: 2025-03-03 09:30:00+00:00\n"
        "---\n"
        "\n"
        "# Port rules agreed\n"
        "\n"
        "Body.\n"
        "\n"
        "***\n"
    )


def test_multi_line_metadata_cannot_close_the_front_matter() -> None:
    article = Article(meta=Metadata(standfirst="one\n---\ntwo"))
    assert 'standfirst: "one\\n---\\ntwo"' in render(article, OPTIONS)
    assert round_trip(article) == article


def test_without_metadata_the_headline_stays() -> None:
    article = Article(meta=Metadata(headline="Title", byline="Jane"), body=(Paragraph(plain("x")),))
    assert render(article, ExportOptions(include_metadata=False)) == "# Title\n\nx\n"


def test_headline_special_characters_are_escaped() -> None:
    article = Article(meta=Metadata(headline="#1 story: *big* news #"))
    assert "# \\#1 story: \\*big\\* news \\#\n" in render(article, OPTIONS)
    assert round_trip(article).meta.headline == "#1 story: *big* news #"


def test_curly_quotes_and_dashes_survive_untouched() -> None:
    text = "“It’s ‘done’,” she said -- twice... (c) 1/2 — “really”"
    article = Article(meta=Metadata(headline=text), body=(Paragraph(plain(text)),))
    assert round_trip(article) == article


def test_registry_renders_markdown() -> None:
    article = Article(meta=Metadata(headline="Title"))
    assert render_format(article, "md") == render(article, OPTIONS).encode("utf-8")
