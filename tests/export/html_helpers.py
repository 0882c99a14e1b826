"""Articles and parsers shared by the HTML export tests."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import html5lib

from editor_app.export import ExportOptions
from editor_app.export.html import render_fragment, render_page
from editor_app.model import (
    Article,
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

OPTIONS = ExportOptions()


def plain(text: str) -> RichText:
    return RichText.plain_text(text)


def strict_page(article: Article, options: ExportOptions = OPTIONS) -> Any:
    """The page parsed by html5lib's strict parser: any parse error fails the test."""
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parse(render_page(article, options))


def strict_fragment(article: Article) -> Any:
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    return parser.parseFragment(render_fragment(article, OPTIONS))


def text_of(element: Any) -> str:
    return "".join(element.itertext())


def rich_article() -> Article:
    """Every block and mark, awkward characters, all metadata."""
    return Article(
        meta=Metadata(
            headline="Ferry <b>fares</b> & “night” crossings",
            standfirst="The harbour board agreed the plan\nafter a long meeting.",
            byline="Ana Lindqvist and Tom Osei",
            dateline="PORTSMOUTH",
            section="Local & regional",
            tags=("ferries", "night <economy>"),
            status=Status.READY,
            language="en-GB",
            created=datetime(2025, 6, 3, 9, 30, 15, 123456, tzinfo=timezone(timedelta(hours=2))),
            updated=datetime(2025, 6, 4, 18, 0, tzinfo=UTC),
        ),
        body=(
            Paragraph(
                RichText(
                    (
                        Span("Fares rise by 10\u00a0% from "),
                        Span("1 July", bold=True),
                        Span(", the board said ("),
                        Span("details", italic=True, link="https://example.org/fares?a=1&b=2"),
                        Span(").\nA second line with "),
                        Span("<code>", code=True),
                        Span(" and a "),
                        Span("bad link", link="javascript:alert(1)"),
                        Span("."),
                    )
                )
            ),
            Heading(plain("What changes"), level=2),
            Heading(RichText((Span("Night ", bold=True), Span("crossings", italic=True))), 3),
            Heading(plain("Timetable"), level=4),
            BlockQuote(plain("“We listened to the night workers.”"), plain("Mira Holt, chair")),
            BlockQuote(plain("An unattributed quote.")),
            PullQuote(plain("We listened"), RichText((Span("Mira Holt", italic=True),))),
            PullQuote(plain("No attribution here")),
            ListBlock((plain("one"), RichText((Span("two", bold=True),))), ordered=False),
            ListBlock((plain("first"), plain("second")), ordered=True),
            CodeBlock('def fare(base):\n    return base * 1.1  # "rise" <b>\n', "python"),
            CodeBlock('{"night": true}', "json"),
            CodeBlock("plain <text> & stuff", ""),
            HorizontalRule(),
            Paragraph(plain("The end.")),
        ),
    )
