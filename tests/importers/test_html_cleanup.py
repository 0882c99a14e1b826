"""The HTML importer's clean-up: web furniture, Word and Google Docs pastes, files."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from editor_app.errors import ImportFailed
from editor_app.export import ExportOptions
from editor_app.export.html import render_page
from editor_app.importers.html import import_file, import_html
from editor_app.model import (
    Article,
    BlockQuote,
    Heading,
    ListBlock,
    Metadata,
    Paragraph,
    RichText,
    Span,
    Status,
)
from tests.sample_article import load_sample_article

DATA = Path(__file__).parents[1] / "data"
OPTIONS = ExportOptions()


def plain(text: str) -> RichText:
    return RichText.plain_text(text)


def rich(*spans: Span) -> RichText:
    return RichText(spans)


# -- web leftovers ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("html", "removed"),
    [
        ('<script src="https://t.example/a.js"></script>', "script: https://t.example/a.js"),
        ("<script>track();</script>", "script: inline, 8 characters"),
        (
            '<script type="application/ld+json">{}</script>',
            "structured data (JSON-LD): inline, 2 characters",
        ),
        ("<style>p { color: red }</style>", "stylesheet: inline, 16 characters"),
        ("<noscript>Turn on JavaScript</noscript>", "noscript fallback: Turn on JavaScript"),
        ('<iframe src="https://ads.example/1"></iframe>', "embedded frame: https://ads.example/1"),
        ("<nav><a href='/'>Home</a> <a href='/w'>World</a></nav>", "site navigation: Home World"),
        ("<footer>Contact us</footer>", "page footer: Contact us"),
        ("<header><nav>Menu</nav><a href='/'>Site</a></header>", "site header: Menu Site"),
        ('<div role="complementary">Most read</div>', "sidebar: Most read"),
        ("<aside>Fact box</aside>", "sidebar: Fact box"),
        ('<div id="comments"><p>Great piece!</p></div>', "comment section: Great piece!"),
        (
            '<ul class="share-links"><li>Facebook</li><li>Email</li></ul>',
            "share buttons: Facebook Email",
        ),
        (
            '<div class="newsletter-box">Get the morning briefing</div>',
            "newsletter sign-up: Get the morning briefing",
        ),
        ('<div class="ad-slot">Advertisement</div>', "advertisement: Advertisement"),
        ("<p>Leave a Reply</p>", "comment section of a web page: Leave a Reply"),
        ("<h3>Related articles</h3>", "a list of related articles: Related articles"),
        (
            "<ul><li>Facebook</li><li>Twitter</li></ul>",
            "share buttons or share counts: Facebook\nTwitter",
        ),
        (
            '<img src="https://px.example/p.gif" width="1" height="1">',
            "tracking pixel: https://px.example/p.gif",
        ),
        ('<img src="/harbour.jpg" alt="The harbour">', "image: The harbour (/harbour.jpg)"),
        (
            '<figure><img src="/a.jpg"><figcaption>At dawn</figcaption></figure>',
            "image caption: At dawn",
        ),
    ],
)
def test_leftovers_are_removed_and_reported(html: str, removed: str) -> None:
    result = import_html(f"<p>Kept text.</p>{html}")
    assert result.article.body == (Paragraph(plain("Kept text.")),)
    assert removed in result.report.removed


def test_only_furniture_is_an_error() -> None:
    with pytest.raises(ImportFailed, match="only page furniture"):
        import_html("<nav>Home</nav><p>Share this article</p><script>x()</script>")


@pytest.mark.parametrize("source", ["", "   \n"])
def test_empty_input_is_an_error(source: str) -> None:
    with pytest.raises(ImportFailed, match="empty"):
        import_html(source)


# -- Word, Google Docs and a web page (fixtures) -----------------------------------------------


FIXTURES = {
    "html_word_paste.html": Article(
        meta=Metadata(headline="Harbour ferries to run through the night"),
        body=(
            Paragraph(
                rich(
                    Span(
                        "The harbour authority will keep two ferries running after midnight from "
                    ),
                    Span("1 June", bold=True),
                    Span(", its chair said on "),
                    Span("Tuesday", italic=True),
                    Span(". Tickets cost 4\u00a0euros."),
                )
            ),
            BlockQuote(plain("“Night workers have waited long enough for this.”")),
            Paragraph(
                rich(
                    Span("The changes, listed on the "),
                    Span("timetable page", link="https://harbour.example/ferries"),
                    Span(", are:"),
                )
            ),
            ListBlock(
                (
                    plain("a crossing every forty minutes"),
                    plain("a staffed waiting room on both quays"),
                )
            ),
            Paragraph(plain("The steps, in order:")),
            ListBlock((plain("a trial in June"), plain("a review in Septmber")), ordered=True),
        ),
    ),
    "html_google_docs.html": Article(
        meta=Metadata(headline="Library opens a tool shed for lending"),
        body=(
            Paragraph(
                rich(
                    Span("Members can now borrow a drill, a ladder or a "),
                    Span("pressure washer", bold=True),
                    Span(" for a week, the "),
                    Span("Eastfield", italic=True),
                    Span(" branch said."),
                )
            ),
            Paragraph(
                rich(
                    Span("The shed is open on Saturdays. Details are on the "),
                    Span("branch website", link="https://library.example/tools"),
                    Span("."),
                )
            ),
            ListBlock(
                (plain("Loans last seven days"), plain("A deposit of 20\u00a0pounds applies"))
            ),
        ),
    ),
    "html_web_page.html": Article(
        meta=Metadata(
            headline="Town council backs bike lanes on the high street",
            byline="Dana Whitcombe",
            section="Local",
            tags=("Transport", "Cycling"),
            language="en-US",
            created=datetime(2025, 5, 6, 8, 0, tzinfo=timezone(timedelta(hours=1))),
        ),
        body=(
            Paragraph(
                rich(
                    Span(
                        "Councillors voted 9\u00a0to\u00a04 on Monday to paint protected lanes"
                        " along the high street, ending a "
                    ),
                    Span("two-year", italic=True),
                    Span(" argument."),
                )
            ),
            Paragraph(
                rich(Span("The first stretch opens in "), Span("September", bold=True), Span("."))
            ),
            BlockQuote(
                plain("We are finally giving people a safe way to ride into town."),
                rich(Span("Priya Nand", italic=True), Span(", council leader")),
            ),
            Heading(plain("What changes"), 2),
            Paragraph(plain("Parking moves to the side streets. Deliveries keep a loading bay.")),
        ),
    ),
}


@pytest.mark.parametrize(("name", "expected"), FIXTURES.items(), ids=list(FIXTURES))
def test_fixture_imports_clean(name: str, expected: Article) -> None:
    assert import_file(DATA / name).article == expected


@pytest.mark.parametrize(
    ("name", "removed"),
    [
        ("html_word_paste.html", ["stylesheet: inline, 113 characters"]),
        ("html_google_docs.html", []),
        (
            "html_web_page.html",
            [
                "stylesheet: inline, 33 characters",
                "script: https://tags.example-analytics.com/gtag.js",
                "script: inline, 42 characters",
                "noscript fallback: https://pixel.example-analytics.com/ns.gif",
                "form field",
                "button: Post Comment",
                "embedded frame: https://ads.example.net/slot/7",
                "site header: The Riverside Courier News Sport",
                "share buttons: Facebook Twitter",
                "image: The high street at rush hour (/media/high-street.jpg)",
                "image caption: The high street at rush hour.",
                "sidebar: Related Bus fares rise",
                "share buttons or share counts: Share this article",
                "tracking pixel: https://pixel.example-analytics.com/p.gif",
                "comment section: Leave a Reply",
                "page footer: © 2025 The Riverside Courier",
            ],
        ),
    ],
)
def test_fixture_report_lists_what_was_removed(name: str, removed: list[str]) -> None:
    assert list(import_file(DATA / name).report.removed) == removed


# -- files ----------------------------------------------------------------------------------


def test_declared_charset_decides_a_legacy_file(tmp_path: Path) -> None:
    path = tmp_path / "old.htm"
    declaration = '<meta http-equiv="Content-Type" content="text/html; charset=windows-1250">'
    source = f"<html><head>{declaration}</head>"
    path.write_bytes((source + "<p>Łódź i Žďár nad Sázavou</p></html>").encode("cp1250"))
    result = import_file(path)
    assert result.article.body == (Paragraph(plain("Łódź i Žďár nad Sázavou")),)
    assert not result.report.notes


def test_undeclared_legacy_file_is_guessed_and_noted(tmp_path: Path) -> None:
    path = tmp_path / "old.html"
    path.write_bytes("<p>Café “déjà vu” at 5 °C</p>".encode("cp1252"))
    result = import_file(path)
    assert result.article.body == (Paragraph(plain("Café “déjà vu” at 5 °C")),)
    assert "old.html is not UTF-8" in result.report.notes[0]


@pytest.mark.parametrize(
    ("content", "message"),
    [(b"", "empty"), (b"<nav>Home</nav>", "old.html: there is no article text")],
)
def test_unreadable_files(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "old.html"
    path.write_bytes(content)
    with pytest.raises(ImportFailed, match=message):
        import_file(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match="does not exist"):
        import_file(tmp_path / "gone.html")


def test_own_page_file_round_trip(tmp_path: Path) -> None:
    article = load_sample_article().with_meta(status=Status.PUBLISHED)
    path = tmp_path / "story.html"
    path.write_text(render_page(article, OPTIONS), encoding="utf-8")
    assert import_file(path).article == article


@pytest.mark.parametrize("tag", ["div", "span", "ul", "blockquote", "b"])
def test_absurdly_deep_nesting_is_flattened_not_fatal(tag: str) -> None:
    source = f"<{tag}>" * 3000 + "deep" + f"</{tag}>" * 3000 + "<p>After.</p>"
    result = import_html(source)
    assert "deep" in result.article.plain_body()
    assert result.article.body[-1] == Paragraph(plain("After."))
    assert "elements nested more than 100 deep were flattened (text kept)" in result.report.notes
