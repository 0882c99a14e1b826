"""Small original articles for the library tests (no scraped text)."""

from __future__ import annotations

from collections.abc import Sequence

from editor_app.model import Article, Metadata, Paragraph, RichText, Status

DEFAULT_PARAGRAPHS = (
    "The harbour pilots voted on Tuesday to stop work for two days next month.",
    "Their union said the port authority had ignored three letters about night shifts.",
)


def build_article(
    headline: str = "Harbour pilots vote to strike over night shifts",
    paragraphs: Sequence[str] = DEFAULT_PARAGRAPHS,
    *,
    standfirst: str = "",
    byline: str = "",
    section: str = "",
    tags: Sequence[str] = (),
    status: Status = Status.DRAFT,
) -> Article:
    return Article(
        meta=Metadata(
            headline=headline,
            standfirst=standfirst,
            byline=byline,
            section=section,
            tags=tuple(tags),
            status=status,
        ),
        body=tuple(Paragraph(RichText.plain_text(text)) for text in paragraphs),
    )
