"""HTML export: the body fragment for a CMS, its marks and its links."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings

from editor_app.export.html import render_fragment
from editor_app.model import (
    Article,
    Block,
    BlockQuote,
    CodeBlock,
    Heading,
    HorizontalRule,
    ListBlock,
    Paragraph,
    PullQuote,
    RichText,
    Span,
)
from tests.export.html_helpers import (
    OPTIONS,
    plain,
    rich_article,
    strict_fragment,
    text_of,
)
from tests.strategies import articles


def fragment(*blocks: Block) -> str:
    return render_fragment(Article(body=blocks), OPTIONS).rstrip("\n")


# -- the fragment ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        (Paragraph(plain("Text")), "<p>Text</p>"),
        (Heading(plain("Sub"), level=3), "<h3>Sub</h3>"),
        (HorizontalRule(), "<hr>"),
        (Paragraph(plain("one\ntwo")), "<p>one<br>two</p>"),
        (
            BlockQuote(plain("Words."), plain("Someone")),
            '<figure class="quote"><blockquote><p>Words.</p></blockquote>'
            "<figcaption>— Someone</figcaption></figure>",
        ),
        (
            BlockQuote(plain("Words.")),
            '<figure class="quote"><blockquote><p>Words.</p></blockquote></figure>',
        ),
        (
            PullQuote(plain("Big words"), plain("Someone")),
            '<aside class="pullquote"><p>Big words</p><p class="attribution">— Someone</p></aside>',
        ),
        (PullQuote(plain("Big words")), '<aside class="pullquote"><p>Big words</p></aside>'),
        (ListBlock((plain("a"), plain("b"))), "<ul>\n<li>a</li>\n<li>b</li>\n</ul>"),
        (ListBlock((plain("a"),), ordered=True), "<ol>\n<li>a</li>\n</ol>"),
        (CodeBlock("x < 1", ""), "<pre><code>x &lt; 1</code></pre>"),
        (
            CodeBlock("None", "python"),
            '<pre><code class="language-python"><span class="kc">None</span></code></pre>',
        ),
        (CodeBlock("x", "objective c"), '<pre><code class="language-objective-c">x</code></pre>'),
    ],
)
def test_fragment_blocks(block: Block, expected: str) -> None:
    assert fragment(block) == expected


@pytest.mark.parametrize(
    ("spans", "expected"),
    [
        ((Span("b", bold=True),), "<strong>b</strong>"),
        ((Span("i", italic=True),), "<em>i</em>"),
        ((Span("c", code=True),), "<code>c</code>"),
        (
            (Span("l", link="https://example.org/?a=1&b=2"),),
            '<a href="https://example.org/?a=1&amp;b=2">l</a>',
        ),
        (
            (Span("all", bold=True, italic=True, code=True),),
            "<strong><em><code>all</code></em></strong>",
        ),
        (
            (Span("a ", bold=True), Span("b", bold=True, italic=True), Span(" c", bold=True)),
            "<strong>a <em>b</em> c</strong>",
        ),
        (
            (
                Span("one ", link="https://example.org"),
                Span("two", bold=True, link="https://example.org"),
            ),
            '<a href="https://example.org">one <strong>two</strong></a>',
        ),
        ((Span("a < b & c > d \"q\" 'a'"),), "a &lt; b &amp; c &gt; d &#34;q&#34; &#39;a&#39;"),
    ],
)
def test_fragment_inline_marks(spans: tuple[Span, ...], expected: str) -> None:
    assert fragment(Paragraph(RichText(spans))) == f"<p>{expected}</p>"


@pytest.mark.parametrize(
    "target",
    [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " java\tscript:alert(1)",
        "\x01javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "vbscript:msgbox",
        "file:///etc/passwd",
        "",
    ],
)
def test_refused_link_targets_are_written_as_text(target: str) -> None:
    assert fragment(Paragraph(RichText((Span("x", link=target),)))) == "<p>x</p>"


@pytest.mark.parametrize(
    "target",
    [
        "https://example.org",
        "HTTP://example.org",
        "mailto:desk@example.org",
        "/news/1",
        "#top",
        "page.html",
    ],
)
def test_web_mail_and_relative_link_targets_are_links(target: str) -> None:
    assert f'<a href="{target}">x</a>' in fragment(Paragraph(RichText((Span("x", link=target),))))


@pytest.mark.parametrize(
    ("target", "expected"),
    [
        ("https://example.org/a b|c", "https://example.org/a%20b%7Cc"),
        ('/q?x="<1>"', "/q?x=%22%3C1%3E%22"),
        ("/100%", "/100%25"),
        ("/a%20b", "/a%20b"),
        ("https://example.org/é?ü=ö", "https://example.org/é?ü=ö"),
        (" https://example.org/\tx ", "https://example.org/x"),
    ],
)
def test_link_targets_are_made_valid_urls(target: str, expected: str) -> None:
    html = fragment(Paragraph(RichText((Span("x", link=target),))))
    assert html == f'<p><a href="{expected}">x</a></p>'


@pytest.mark.parametrize("target", ["https://", "http://[bad/", "https:"])
def test_web_links_without_a_host_are_written_as_text(target: str) -> None:
    assert fragment(Paragraph(RichText((Span("x", link=target),)))) == "<p>x</p>"


def test_fragment_has_no_headline_metadata_or_styles() -> None:
    html = render_fragment(rich_article(), OPTIONS)
    assert "Ferry" not in html and "Lindqvist" not in html
    assert "style" not in html and "<h1" not in html


def test_fragment_classes_are_only_the_semantic_ones() -> None:
    html = render_fragment(rich_article(), OPTIONS)
    classes = {name for value in re.findall(r'class="([^"]*)"', html) for name in value.split()}
    semantic = {"quote", "pullquote", "attribution"}
    languages = {name for name in classes if name.startswith("language-")}
    pygments = {
        name for name in classes - semantic - languages if re.fullmatch(r"[a-z][a-z0-9]{0,3}", name)
    }
    assert classes == semantic | languages | pygments
    assert languages == {"language-python", "language-json"}


def test_code_text_survives_highlighting_exactly() -> None:
    article = rich_article()
    tree = strict_fragment(article)
    codes = [
        text_of(code) for code in tree.iter("code") if code.get("class", "").startswith("language")
    ]
    expected = [
        block.code for block in article.body if isinstance(block, CodeBlock) and block.language
    ]
    assert codes == expected


def test_empty_body_gives_an_empty_fragment() -> None:
    assert render_fragment(Article(), OPTIONS) == ""


@settings(deadline=None)
@given(articles)
def test_any_article_gives_a_strictly_valid_fragment(article: Article) -> None:
    strict_fragment(article)
