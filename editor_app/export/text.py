"""Plain text in the wire-copy shape that the text importer reads back.

The headline, the standfirst, "By" and the byline, the dateline, then the body,
with a blank line between every piece::

    Ministers agree new port rules

    Ferries must publish delays within the hour, the transport department says.

    By Jane Doe

    DOVER, 3 March 2025

    The first paragraph...

Quotes are their text with a line "— attribution" below; list items are lines
"- item" or "1. item"; headings are their text; code is written as it is; a
horizontal rule is "* * *".

What plain text cannot keep, so a round trip through ``importers.text`` loses it:
bold, italic, code marks and link targets (the link text stays); the kind of
each block (headings, quotes, lists and code come back as paragraphs, a
quote's attribution joined to its text); line breaks inside a paragraph
(joined with a space) and blank lines or indentation inside code; runs of white
space; a leading "By" typed into the byline itself; the section, tags, status,
language and dates. A paragraph that is only "***" or only web-page furniture
("Share this article") comes back as a rule or is dropped and reported.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

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
)

if TYPE_CHECKING:
    from editor_app.export import ExportOptions

RULE = "* * *"


def render(article: Article, options: ExportOptions) -> str:
    pieces = _header(article.meta) if options.include_metadata else []
    pieces.extend(_block_text(block) for block in article.body)
    kept = [piece for piece in pieces if piece.strip()]
    return "\n\n".join(kept) + "\n" if kept else ""


def _header(meta: Metadata) -> list[str]:
    return [
        _one_line(meta.headline),
        _one_line(meta.standfirst),
        _one_line(meta.credit_line),
        _one_line(meta.dateline),
    ]


def _one_line(text: str) -> str:
    """Metadata fields are one line each in the file; the importer relies on it."""
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


def _lines(content: RichText) -> str:
    """A block's text with its line breaks, but no blank line (which would split it)."""
    return "\n".join(line for line in content.plain.split("\n") if line.strip())


def _block_text(block: Block) -> str:
    match block:
        case Paragraph() | Heading():
            return _lines(block.content)
        case BlockQuote() | PullQuote():
            text = _lines(block.content)
            attribution = _one_line(block.attribution.plain)
            return f"{text}\n— {attribution}" if attribution else text
        case ListBlock():
            return "\n".join(
                f"{index}. {_one_line(item.plain)}"
                if block.ordered
                else f"- {_one_line(item.plain)}"
                for index, item in enumerate(block.items, start=1)
            )
        case CodeBlock():
            return block.code.strip("\n")
        case HorizontalRule():
            return RULE
    raise TypeError(f"not a block: {block!r}")  # pragma: no cover - exhaustive above
