"""The HTML importer: our own pages exactly, and web, Word and Google Docs HTML cleaned up."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.cleanup import is_leftover
from editor_app.errors import ImportFailed
from editor_app.export import ExportOptions
from editor_app.export.html import render_fragment, render_page
from editor_app.importers.html import import_html
from editor_app.importers.html_clean import collapse_spaces
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
from tests.sample_article import load_sample_article
from tests.strategies import articles

DATA = Path(__file__).parents[1] / "data"
OPTIONS = ExportOptions()


def plain(text: str) -> RichText:
    return RichText.plain_text(text)


def rich(*spans: Span) -> RichText:
    return RichText(spans)


def body_of(html: str) -> tuple[Block, ...]:
    return import_html(html).article.body


# -- round trips -------------------------------------------------------------------------


@settings(deadline=None)
@given(articles)
def test_own_page_round_trip_is_lossless(article: Article) -> None:
    assert import_html(render_page(article, OPTIONS)).article == article


@settings(deadline=None)
@given(articles)
def test_own_page_round_trip_reports_nothing(article: Article) -> None:
    assert not import_html(render_page(article, OPTIONS)).report


def test_sample_article_round_trip() -> None:
    article = load_sample_article()
    assert import_html(render_page(article, OPTIONS)).article == article


@settings(deadline=None)
@given(articles)
def test_page_without_metadata_keeps_headline_language_and_body(article: Article) -> None:
    result = import_html(render_page(article, ExportOptions(include_metadata=False))).article
    expected_meta = Metadata(headline=article.meta.headline, language=article.meta.language)
    assert result == Article(meta=expected_meta, body=article.body)


def _tidy(text: RichText) -> RichText:
    return collapse_spaces(text).strip()


def fragment_normalised(body: tuple[Block, ...]) -> tuple[Block, ...]:
    """What a fragment (no generator mark: read like any web HTML) keeps of a body.

    White space folds as in a browser, and whatever becomes empty or is entirely
    web furniture ("Share") goes; a code block loses one final line break.
    """
    kept: list[Block] = []
    for block in body:
        match block:
            case Paragraph() | Heading():
                content = _tidy(block.content)
                if content and not is_leftover(content.plain):
                    kept.append(replace(block, content=content))
            case BlockQuote() | PullQuote():
                quote = replace(
                    block, content=_tidy(block.content), attribution=_tidy(block.attribution)
                )
                if quote.content or quote.attribution:
                    kept.append(quote)
            case ListBlock():
                items = tuple(item for item in map(_tidy, block.items) if item)
                if items and not is_leftover("\n".join(item.plain for item in items)):
                    kept.append(replace(block, items=items))
            case CodeBlock():
                if block.code.removesuffix("\n"):
                    kept.append(replace(block, code=block.code.removesuffix("\n")))
            case HorizontalRule():
                kept.append(block)
    return tuple(kept)


@settings(deadline=None)
@given(articles)
def test_fragment_round_trip_keeps_the_body(article: Article) -> None:
    expected = fragment_normalised(article.body)
    fragment = render_fragment(article, OPTIONS)
    if not expected:
        with pytest.raises(ImportFailed, match="no"):
            import_html(fragment)
        return
    assert import_html(fragment).article.body == expected


def test_fragment_round_trip_of_the_sample_is_exact() -> None:
    article = load_sample_article()
    assert body_of(render_fragment(article, OPTIONS)) == article.body


@settings(deadline=None)
@given(st.text(max_size=300) | st.from_regex(r"<[a-z!/?][^>]{0,20}>?[^<]{0,20}", fullmatch=True))
def test_any_input_gives_an_article_or_one_clear_error(source: str) -> None:
    try:
        import_html(source)
    except ImportFailed as error:
        assert str(error)


# -- white space ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<p>end.</p><p>Start</p>", ["end.", "Start"]),
        ("<div>one</div><div>two</div>", ["one", "two"]),
        ("<p>many   spaces\tand\nsource\r\nlines</p>", ["many spaces and source lines"]),
        ("<p>  edges  </p>", ["edges"]),
        ("<p>a <b>bold</b> word</p>", ["a bold word"]),
        ("<p>a<b> bold </b>word</p>", ["a bold word"]),
        ("<p>line<br>break</p>", ["line\nbreak"]),
        ("<p>line <br> break<br></p>", ["line\nbreak"]),
        ("<p>10&nbsp;km and M.&nbsp;Dupont</p>", ["10\u00a0km and M.\u00a0Dupont"]),
        (
            "<p>« oui&nbsp;» et &laquo;&nbsp;non&nbsp;&raquo;</p>",
            ["« oui\u00a0» et «\u00a0non\u00a0»"],
        ),
        ("<p>padding&nbsp; here &nbsp;and&nbsp;&nbsp;there</p>", ["padding here and there"]),
        ("<p>&nbsp;edge&nbsp;</p><p>&nbsp;</p>", ["edge"]),
        ("text<p>para</p>tail", ["text", "para", "tail"]),
    ],
)
def test_white_space(html: str, expected: list[str]) -> None:
    assert [block.content.plain for block in body_of(html)] == expected


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        ((Span("a  "), Span(" b", bold=True)), (Span("a "), Span("b", bold=True))),
        (
            (Span("a"), Span("  ", italic=True), Span("b")),
            (Span("a"), Span(" ", italic=True), Span("b")),
        ),
        ((Span(" \u00a0a\u00a0b \n c "),), (Span("a\u00a0b\nc"),)),
    ],
)
def test_collapse_spaces_keeps_the_first_space_marks(
    spans: tuple[Span, ...], expected: tuple[Span, ...]
) -> None:
    assert collapse_spaces(RichText(spans)) == RichText(expected)


# -- blocks and inline marks ---------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            "<h2>Two</h2><h3>Three</h3><h4>Four</h4>",
            (Heading(plain("Two"), 2), Heading(plain("Three"), 3), Heading(plain("Four"), 4)),
        ),
        ("<h5>Five</h5><h6>Six</h6>", (Heading(plain("Five"), 4), Heading(plain("Six"), 4))),
        ("<ul><li>a</li><li>b</li></ul>", (ListBlock((plain("a"), plain("b"))),)),
        ("<ol><li><p>a</p><p>more</p></li></ol>", (ListBlock((plain("a\nmore"),), ordered=True),)),
        (
            "<ul><li>a<ul><li>inner</li></ul></li><li>b</li></ul>",
            (ListBlock((plain("a"), plain("inner"), plain("b"))),),
        ),
        ("<blockquote><p>Words.</p></blockquote>", (BlockQuote(plain("Words.")),)),
        (
            "<blockquote><p>One.</p><p>Two.</p><p>— Ana</p></blockquote>",
            (BlockQuote(plain("One.\nTwo."), plain("Ana")),),
        ),
        (
            "<blockquote>Words.<br>– Ana Ruiz</blockquote>",
            (BlockQuote(plain("Words."), plain("Ana Ruiz")),),
        ),
        (
            "<blockquote><p>Words.</p><footer>— <cite>Ana</cite></footer></blockquote>",
            (BlockQuote(plain("Words."), rich(Span("Ana", italic=True))),),
        ),
        (
            "<figure><blockquote>Words.</blockquote><figcaption>Ana</figcaption></figure>",
            (BlockQuote(plain("Words."), plain("Ana")),),
        ),
        (
            "<figure><blockquote>— not a credit</blockquote></figure>",
            (BlockQuote(plain("— not a credit")),),
        ),
        (
            '<aside class="pullquote"><p>Big</p><p class="attribution">— Ana</p></aside>',
            (PullQuote(plain("Big"), plain("Ana")),),
        ),
        (
            '<aside class="pullquote"><blockquote>Big</blockquote></aside>',
            (PullQuote(plain("Big")),),
        ),
        (
            '<pre><code class="language-python">x = 1\n</code></pre>',
            (CodeBlock("x = 1", "python"),),
        ),
        ('<pre class="lang-js">  a &lt; b\n    c</pre>', (CodeBlock("  a < b\n    c", "js"),)),
        ("<hr>", (HorizontalRule(),)),
        (
            "<table><tr><th>City</th><th>Rain</th></tr><tr><td>Oslo</td><td>12&nbsp;mm</td></tr></table>",
            (Paragraph(plain("City | Rain")), Paragraph(plain("Oslo | 12\u00a0mm"))),
        ),
    ],
)
def test_blocks(html: str, expected: tuple[Block, ...]) -> None:
    assert body_of(html) == expected


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        ("<b>b</b><strong>s</strong>", rich(Span("bs", bold=True))),
        ("<i>i</i><em>e</em><cite>c</cite>", rich(Span("iec", italic=True))),
        ("<code>c</code><kbd>k</kbd>", rich(Span("ck", code=True))),
        ('<a href="https://example.org/x">l</a>', rich(Span("l", link="https://example.org/x"))),
        ('<a href="/relative">r</a>', rich(Span("r", link="/relative"))),
        (
            '<a href="mailto:desk@example.org">m</a>',
            rich(Span("m", link="mailto:desk@example.org")),
        ),
        ('<a href="javascript:alert(1)">j</a><a href="data:text/html,x">d</a>', plain("jd")),
        ('<a name="anchor">n</a>', plain("n")),
        ('<span style="font-weight:700">g</span>', rich(Span("g", bold=True))),
        ('<span style="font-weight: bold; color: red">g</span>', rich(Span("g", bold=True))),
        ('<b style="font-weight:normal"><span>n</span></b>', plain("n")),
        ('<span style="font-style:italic">s</span>', rich(Span("s", italic=True))),
        ('<em style="font-style:normal">n</em>', plain("n")),
        ("<q>yes</q>", plain("“yes”")),
        ("x<sup>2</sup> <u>u</u> <small>s</small>", plain("x2 u s")),
    ],
)
def test_inline_marks(html: str, expected: RichText) -> None:
    assert body_of(f"<p>{html}</p>") == (Paragraph(expected),)


@pytest.mark.parametrize(
    ("html", "field", "expected"),
    [
        ("<h1>Head</h1><p>Body.</p>", "headline", "Head"),
        ("<h1>Head <em>line</em></h1><p>Body.</p>", "headline", "Head line"),
        ("<title>From title</title><p>Body.</p>", "headline", "From title"),
        ('<p class="standfirst">Stand  first</p><p>Body.</p>', "standfirst", "Stand first"),
        ('<p class="byline">By Ana Ruiz</p><p>Body.</p>', "byline", "Ana Ruiz"),
        ('<p class="byline">Ana Ruiz</p><p>Body.</p>', "byline", "Ana Ruiz"),
        ('<meta name="author" content="Ana"><p>Body.</p>', "byline", "Ana"),
        (
            '<p class="dateline"><time datetime="2025-01-02">OSLO</time></p><p>Body.</p>',
            "dateline",
            "OSLO",
        ),
        ('<html lang="EN-us"><p>Body.</p>', "language", "en-US"),
        ("<p>Body.</p>", "language", "en-GB"),
        ('<meta property="article:section" content="Sport"><p>Body.</p>', "section", "Sport"),
    ],
)
def test_header_fields(html: str, field: str, expected: str) -> None:
    assert getattr(import_html(html).article.meta, field) == expected


def test_second_h1_becomes_a_heading() -> None:
    result = import_html("<h1>One</h1><h1>Two</h1>")
    assert result.article.meta.headline == "One"
    assert result.article.body == (Heading(plain("Two"), 2),)
    assert result.report.notes == ("a second <h1> became a level-2 heading",)


@pytest.mark.parametrize(
    ("html", "expected"),
    [
        (
            '<p class="dateline"><time datetime="2025-01-02T03:04:05Z">X</time></p><p>B</p>',
            datetime(2025, 1, 2, 3, 4, 5, tzinfo=UTC),
        ),
        (
            '<meta property="article:published_time" content="2025-05-06T08:00:00+01:00"><p>B</p>',
            datetime(2025, 5, 6, 8, tzinfo=timezone(timedelta(hours=1))),
        ),
        ('<meta name="dcterms.created" content="yesterday"><p>B</p>', None),
    ],
)
def test_creation_date(html: str, expected: datetime | None) -> None:
    assert import_html(html).article.meta.created == expected
