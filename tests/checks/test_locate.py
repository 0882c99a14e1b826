from __future__ import annotations

import pytest

from editor_app.checks.locate import SourceLocator, SourceSpan
from editor_app.model import (
    Article,
    Field,
    Metadata,
    Paragraph,
    RichText,
    Span,
    TextRange,
    TextRef,
    jsonformat,
)

ARTICLE = Article(
    Metadata(headline="Mayor Hale opens bridge", standfirst="The long wait is over"),
    (
        Paragraph(
            RichText((Span("The "), Span("mayor", bold=True), Span(" said Hall would speak.")))
        ),
        Paragraph(RichText.plain_text("Hale said the bridge cost £4m, and Hall agreed.")),
    ),
)


def _range_of(article: Article, ref: TextRef, word: str, occurrence: int = 0) -> TextRange:
    text = article.text_at(ref)
    start = -1
    for _ in range(occurrence + 1):
        start = text.index(word, start + 1)
    return TextRange(ref, start, start + len(word))


MARKDOWN = """---
standfirst: The long wait is over
---

# Mayor Hale opens bridge

The **mayor** said Hall
would speak.

Hale said the bridge cost £4m, and Hall agreed.
"""

SCRAPED = """The long wait is over

Mayor Hale opens bridge

The mayor said Hall would speak.

Hale said the bridge cost £4m, and Hall agreed.

Leave a Reply
"""


@pytest.mark.parametrize(
    ("source", "ref", "word", "occurrence", "expected"),
    [
        (MARKDOWN, TextRef(Field.TEXT, 0), "Hall", 0, SourceSpan(7, 20, 7, 24)),
        (MARKDOWN, TextRef(Field.TEXT, 0), "speak", 0, SourceSpan(8, 7, 8, 12)),
        (MARKDOWN, TextRef(Field.TEXT, 1), "Hall", 0, SourceSpan(10, 36, 10, 40)),
        (MARKDOWN, TextRef(Field.HEADLINE), "Hale", 0, SourceSpan(5, 9, 5, 13)),
        (MARKDOWN, TextRef(Field.STANDFIRST), "wait", 0, SourceSpan(2, 22, 2, 26)),
        (SCRAPED, TextRef(Field.HEADLINE), "Hale", 0, SourceSpan(3, 7, 3, 11)),
        (SCRAPED, TextRef(Field.STANDFIRST), "long", 0, SourceSpan(1, 5, 1, 9)),
        (SCRAPED, TextRef(Field.TEXT, 1), "Hall", 0, SourceSpan(7, 36, 7, 40)),
    ],
)
def test_findings_land_on_the_source_word(
    source: str, ref: TextRef, word: str, occurrence: int, expected: SourceSpan
) -> None:
    locator = SourceLocator(source, ARTICLE)
    assert locator.locate(_range_of(ARTICLE, ref, word, occurrence)) == expected


def test_json_sources_are_located_inside_their_strings() -> None:
    source = jsonformat.dumps(ARTICLE)
    span = SourceLocator(source, ARTICLE).locate(_range_of(ARTICLE, TextRef(Field.TEXT, 1), "Hall"))
    assert span is not None
    line = source.splitlines()[span.line - 1]
    assert line[span.column - 1 : span.end_column - 1] == "Hall"


def test_text_missing_from_the_source_has_no_location() -> None:
    locator = SourceLocator("nothing alike here", ARTICLE)
    assert locator.locate(_range_of(ARTICLE, TextRef(Field.TEXT, 1), "Hall")) is None
