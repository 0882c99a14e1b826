"""Markdown export, in the dialect ``editor_app.importers.markdown`` reads back.

This module is the entry point and lays out the blocks; escaping inline text
is ``export.markdown_escape`` and writing the YAML ``export.front_matter``.

The file
    YAML front matter between ``---`` lines with every non-empty metadata field
    but the headline (standfirst, byline, dateline, section, tags as a list,
    status, language, created and updated as YAML timestamps), then
    ``# headline``, then the blocks separated by blank lines. Multi-line strings
    in the front matter are double-quoted, so no line of it can look like its
    closing ``---``. ``ExportOptions(include_metadata=False)`` leaves the front
    matter out (the headline stays).

Blocks
    Headings ``##``-``####``; quotes ``> text`` with the attribution as a last
    paragraph ``> — name``; pull quotes the same under a ``> [!PULLQUOTE]`` line;
    lists ``-`` or ``1.`` (two lists in a row alternate ``-``/``*`` and ``.``/``)``
    so they stay two lists); code fenced with more backticks than any run in the
    code and the language as info string; a rule ``***``.

Inline text
    ``**bold**``, ``*italic*``, ``[text](target)`` and code spans with enough
    backticks. A line break inside a block is a backslash at the end of the
    line. Every character that Markdown would read as syntax is escaped with a
    backslash or, where a backslash cannot help (white space at the edge of a
    line, an em dash opening a line of a quote, a letter that would stop a ``*``
    from counting as emphasis), written as an HTML character reference, so the
    text reads back exactly. Bold or italic runs that touch each other switch
    to ``_``/``__`` so their markers do not run together. A block that opens
    with a link whose code would make it read as a ``[label]: target``
    definition gets an empty link ``[]()`` in front, which reads back as nothing.

What Markdown cannot carry (a round trip normalises it this way)
    - White space at the edges of a bold or italic run is written outside the
      markers, so it reads back plain: bold "Note: " then "x" is ``**Note:** x``.
    - A line break inside inline code splits the code span; the break itself is
      not code.
    - A link to a ``javascript:``, ``vbscript:``, ``file:`` or (non-image)
      ``data:`` target is written as its text: the Markdown reader refuses it.
    - An empty paragraph or an empty list is left out.
    - A carriage return inside a code block becomes a line break, inside
      inline code a space. NUL, and the control characters Python counts as
      white space (vertical tab, U+001C-U+001F, U+0085) at the edge of a line,
      become U+FFFD.
    - A code block's language is one word (its first word is kept).
    - An empty language comes back as the default one.
    - A paragraph or heading that is entirely web-page furniture ("Share",
      "Leave a Reply") is dropped by the importer, as from any import.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from editor_app.export.front_matter import front_matter
from editor_app.export.markdown_escape import HEADING, PLAIN, QUOTE, render_inline
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
)

if TYPE_CHECKING:
    from editor_app.export import ExportOptions

PULL_QUOTE_MARKER = "[!PULLQUOTE]"
ATTRIBUTION_DASH = "—"
RULE = "***"


def render(article: Article, options: ExportOptions) -> str:
    parts: list[str] = []
    if options.include_metadata:
        parts.append(front_matter(article.meta))
    if article.meta.headline:
        parts.append("# " + render_inline(RichText.plain_text(article.meta.headline), HEADING))
    previous_list: ListBlock | None = None
    marker = ""
    for block in article.body:
        if isinstance(block, ListBlock):
            marker = _list_marker(block, previous_list, marker)
        text = _block(block, marker)
        if text is not None:
            parts.append(text)
            previous_list = block if isinstance(block, ListBlock) else None
    return "\n\n".join(parts) + "\n"


# -- blocks ----------------------------------------------------------------------------


def _list_marker(block: ListBlock, previous: ListBlock | None, previous_marker: str) -> str:
    """``-`` or ``.``; the other one (``*``, ``)``) right after a list of the same
    kind, which would otherwise read back as one list with it."""
    usual, other = (".", ")") if block.ordered else ("-", "*")
    if previous is not None and previous.ordered == block.ordered and previous_marker == usual:
        return other
    return usual


def _block(block: Block, list_marker: str) -> str | None:
    match block:
        case Paragraph():
            return render_inline(block.content, PLAIN) if block.content else None
        case Heading():
            content = render_inline(block.content, HEADING)
            return f"{'#' * block.level} {content}".rstrip()
        case BlockQuote() | PullQuote():
            return _quote(block)
        case ListBlock():
            return _list(block, list_marker) if block.items else None
        case CodeBlock():
            return _code_block(block)
        case HorizontalRule():
            return RULE
    raise TypeError(f"not a block: {block!r}")  # pragma: no cover - exhaustive above


def _quote(block: BlockQuote | PullQuote) -> str:
    paragraphs: list[str] = []
    content = render_inline(block.content, QUOTE) if block.content else ""
    if isinstance(block, PullQuote):
        paragraphs.append(f"{PULL_QUOTE_MARKER}\n{content}" if content else PULL_QUOTE_MARKER)
    elif content:
        paragraphs.append(content)
    if block.attribution:
        paragraphs.append(f"{ATTRIBUTION_DASH} {render_inline(block.attribution, PLAIN)}")
    text = "\n\n".join(paragraphs)
    return "\n".join(f"> {line}" if line else ">" for line in text.split("\n"))


def _list(block: ListBlock, list_marker: str) -> str:
    items: list[str] = []
    for number, item in enumerate(block.items, start=1):
        marker = f"{number}{list_marker}" if block.ordered else list_marker
        indent = " " * (len(marker) + 1)
        text = render_inline(item, PLAIN).replace("\n", "\n" + indent)
        items.append(f"{marker} {text}" if text else marker)
    return "\n".join(items)


def _code_block(block: CodeBlock) -> str:
    fence_char = "~" if "`" in block.language else "`"
    longest = max(
        (len(run) for run in re.findall(f"{re.escape(fence_char)}+", block.code)), default=0
    )
    fence = fence_char * max(3, longest + 1)
    return f"{fence}{block.language}\n{block.code}\n{fence}"
