"""Markdown articles (``.md``, ``.markdown``), in the dialect ``export.markdown`` writes.

CommonMark plus pipe tables and YAML front matter, parsed with markdown-it-py.
Typographic replacements, smart quotes and linkify stay off: curly quotes,
apostrophes and dashes come through untouched, and a bare URL stays text.

This module is the entry point and reads the blocks; the front matter
(``importers.front_matter``), inline text (``importers.markdown_inline``) and
raw HTML (``importers.markdown_html``) each have a module of their own.

Front matter
    An optional YAML block between ``---`` lines at the very top, with any of
    headline, standfirst, byline, dateline, section, tags (a list or a
    comma-separated string), status (draft, in_edit, ready, published), language,
    created and updated (ISO dates or date-times). Other keys are ignored and
    named in the report. Front matter that is not valid YAML, is not a set of
    ``key: value`` lines, holds a value of the wrong kind or is never closed is
    refused with ``ImportFailed``: read as body text it would put the YAML into
    the article, which is worse than saying what to fix.

Headline and headings
    Without a headline in the front matter, the first top-level ``# H1`` is the
    headline (its bold or italic dropped, with a note). With one, an H1 that
    repeats it is dropped and any other H1 becomes a level-2 heading. Later H1s
    become level 2; H2-H4 keep their level and H5/H6 become level 4, with a note.
    No front matter headline and no H1 leaves the headline empty: it is never
    guessed from the text.

Inline text
    Bold, italic, links (their target), inline code. A hard line break (a
    backslash or two spaces at the end of the line) is a line break in the
    text; a plain line end is a space. Characters escaped with a backslash or
    written as character references are taken literally.

Quotes
    ``> …`` is a quote; its paragraphs are joined with line breaks. Its last
    paragraph, or else the last line of it, is the attribution when it starts
    with an em dash, en dash, "--" or "―" written as such (``> — Jens
    Stoltenberg``); the dash goes. A first line ``[!PULLQUOTE]`` (any case) makes
    it a pull quote. Lists, code or quotes inside a quote are kept as its text.

Other blocks
    Bulleted and numbered lists become list blocks; items of nested lists are
    lifted into the outer list (noted). Fenced and indented code become code
    blocks, the language being the first word of the info string. ``---``,
    ``***`` and ``___`` are rules.

What is removed or changed, and reported
    Images are dropped (their alt text and address listed as removed). Raw
    HTML is reduced to its text (``<br>`` is a line break, block tags separate
    paragraphs) and noted. A table becomes one paragraph per row, its cells
    separated by " | ", and is noted. A paragraph or heading that is entirely
    web-page furniture ("Leave a Reply", "190 Interactions", share counts; see
    ``editor_app.cleanup``) is dropped and listed as removed.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from functools import cache
from pathlib import Path
from typing import Any

from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.front_matter import front_matter_plugin

from editor_app.cleanup import is_leftover
from editor_app.errors import ImportFailed
from editor_app.importers.decoding import read_text_file_with_encoding
from editor_app.importers.front_matter import read_front_matter, refuse_unclosed_front_matter
from editor_app.importers.markdown_html import html_paragraphs
from editor_app.importers.markdown_inline import InlineReader, inline_children
from editor_app.importers.report import ImportReport, ImportResult
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

PULL_QUOTE_MARKER = "[!pullquote]"
ATTRIBUTION_DASHES = ("—", "–", "―", "--")
_BREAKS = ("softbreak", "hardbreak")
_LISTS = ("bullet_list", "ordered_list")


class _Parser(MarkdownIt):
    """CommonMark that keeps link targets as written.

    markdown-it percent-encodes targets for HTML output; the article keeps what
    the author wrote. Its check against ``javascript:`` and similar targets stays.
    """

    def normalizeLink(self, url: str) -> str:  # noqa: N802 - markdown-it's name
        return url

    def normalizeLinkText(self, link: str) -> str:  # noqa: N802 - markdown-it's name
        return link


@cache
def _parser() -> MarkdownIt:
    parser = _Parser("commonmark", {"html": True, "typographer": False, "linkify": False})
    parser.enable("table").use(front_matter_plugin)
    # Keep escaped characters and character references as tokens of their own:
    # "\[!PULLQUOTE]" and "&mdash; text" must not read as the markers they spell.
    parser.disable("text_join")
    return parser


def import_file(path: Path) -> ImportResult:
    decoded = read_text_file_with_encoding(path)
    try:
        result = import_markdown(decoded.text)
    except ImportFailed as error:
        raise ImportFailed(f"{path.name}: {error}") from None
    if not decoded.guessed:
        return result
    note = (
        f"{path.name} is not UTF-8; it was read as {decoded.encoding} (a guess): "
        "check accented letters and quotation marks"
    )
    return ImportResult(result.article, replace(result.report, notes=(note, *result.report.notes)))


def import_markdown(text: str) -> ImportResult:
    """An article from Markdown text; ``ImportFailed`` when it cannot be read."""
    if not text.strip():
        raise ImportFailed("there is no text to import: it is empty")
    root = SyntaxTreeNode(_parser().parse(text))
    reader = _Reader()
    nodes = list(root.children)
    if nodes and nodes[0].type == "front_matter":
        reader.read_front_matter(nodes.pop(0).content)
    else:
        refuse_unclosed_front_matter(text)
    for node in nodes:
        reader.read_block(node)
    return reader.result()


# -- reading ---------------------------------------------------------------------------


@dataclass
class _Reader(InlineReader):
    """Reads the blocks of the document (and the front matter's fields) into
    an article; inline content is ``InlineReader``'s."""

    meta: dict[str, Any] = field(default_factory=dict)
    body: list[Block] = field(default_factory=list)
    headline_taken: bool = False

    def result(self) -> ImportResult:
        article = Article(meta=Metadata(**self.meta), body=tuple(self.body))
        return ImportResult(article, ImportReport(tuple(self.removed), tuple(self.notes)))

    def read_front_matter(self, source: str) -> None:
        front_matter = read_front_matter(source)
        self.meta.update(front_matter.fields)
        self.headline_taken = bool(self.meta.get("headline"))
        if front_matter.unknown:
            self.note(
                "front matter keys not used by Article Editor were ignored: "
                + ", ".join(front_matter.unknown)
            )

    # blocks

    def read_block(self, node: SyntaxTreeNode) -> None:
        match node.type:
            case "heading":
                self._heading(node)
            case "paragraph":
                self._paragraph(self.inline(node))
            case "blockquote":
                self.body.append(self._quote(node))
            case "bullet_list" | "ordered_list":
                items = self._list_items(node)
                self.body.append(ListBlock(tuple(items), ordered=node.type == "ordered_list"))
            case "fence" | "code_block":
                self.body.append(CodeBlock(_code_of(node), _language_of(node)))
            case "hr":
                self.body.append(HorizontalRule())
            case _:
                for piece in self.pieces(node):
                    self._paragraph(piece)

    def _heading(self, node: SyntaxTreeNode) -> None:
        content = self.inline(node)
        level = int(node.tag[1])
        if level == 1 and not self.headline_taken:
            self.headline_taken = True
            if any(span != Span(span.text) for span in content):
                self.note("formatting in the headline was dropped: a headline is plain text")
            self.meta["headline"] = content.plain
            return
        if level == 1 and content.plain.strip() == str(self.meta.get("headline", "")).strip():
            return  # the front matter's headline, repeated as the title
        if level == 1:
            self.note("a second top-level (#) heading became a level-2 heading")
        elif level > 4:
            self.note("headings below level 4 (##### and ######) became level 4")
        if self._is_leftover(content):
            return
        self.body.append(Heading(content, level=min(max(level, 2), 4)))

    def _paragraph(self, content: RichText) -> None:
        if content and not self._is_leftover(content):
            self.body.append(Paragraph(content))

    def _is_leftover(self, content: RichText) -> bool:
        if is_leftover(content.plain):
            self.removed.append(content.plain)
            return True
        return False

    def _quote(self, node: SyntaxTreeNode) -> BlockQuote | PullQuote:
        # Paragraphs as their inline nodes (the markers are read from those);
        # anything else as the block node itself.
        units: list[list[SyntaxTreeNode] | SyntaxTreeNode] = [
            inline_children(child) if child.type == "paragraph" else child
            for child in node.children
        ]
        pull = False
        first = units[0] if units else None
        if isinstance(first, list):
            first_break = _break_indexes(first)[0] if _break_indexes(first) else len(first)
            if _is_pull_quote_marker(first[:first_break]):
                pull = True
                units[0] = first[first_break + 1 :]
        attribution = RichText()
        last = units[-1] if units else None
        if isinstance(last, list):
            breaks = _break_indexes(last)
            if _dash_led(last):
                attribution, units[-1] = self._attribution(last), []
            elif breaks and _dash_led(last[breaks[-1] + 1 :]):
                attribution = self._attribution(last[breaks[-1] + 1 :])
                units[-1] = last[: breaks[-1]]
        pieces: list[RichText] = []
        for unit in units:
            if isinstance(unit, list):
                if unit:
                    pieces.append(self.spans_to_text(unit))
            else:
                pieces.extend(self.pieces(unit))
        content = _joined(pieces)
        if pull:
            return PullQuote(content, attribution)
        return BlockQuote(content, attribution)

    def _attribution(self, line: Sequence[SyntaxTreeNode]) -> RichText:
        """The line without its dash and the spaces typed after it."""
        nodes = _meaningful(line)
        text = nodes[0].content
        dash = next(dash for dash in ATTRIBUTION_DASHES if text.startswith(dash))
        lead = RichText.plain_text(text[len(dash) :].lstrip())
        return lead + self.spans_to_text(nodes[1:])

    def _list_items(self, node: SyntaxTreeNode) -> list[RichText]:
        items: list[RichText] = []
        for item in node.children:
            own: list[RichText] = []
            nested: list[RichText] = []
            for child in item.children:
                if child.type in _LISTS:
                    self.note("nested lists were flattened: their items joined the outer list")
                    nested.extend(self._list_items(child))
                else:
                    own.extend(self.pieces(child))
            items.append(_joined(own))
            items.extend(nested)
        return items

    def pieces(self, node: SyntaxTreeNode) -> list[RichText]:
        """Any block as paragraphs of text: for quotes, list items and whatever
        has no block of its own in the article."""
        match node.type:
            case "paragraph" | "heading":
                return [self.inline(node)]
            case "blockquote":
                self.note("a quote inside a quote or list was kept as its text")
                return [piece for child in node.children for piece in self.pieces(child)]
            case "bullet_list" | "ordered_list":
                self.note("a list inside a quote was kept as lines of text")
                return self._list_items(node)
            case "fence" | "code_block":
                return [RichText((Span(_code_of(node), code=True),))]
            case "hr":
                return []
            case "html_block":
                self.note("HTML was reduced to its text")
                return [RichText.plain_text(text) for text in html_paragraphs(node.content)]
            case "table":
                self.note("a table was flattened to one paragraph per row")
                rows = (row for row in node.walk() if row.type == "tr")
                return [
                    _joined([self.inline(cell) for cell in row.children], " | ") for row in rows
                ]
            case _:
                text = "".join(child.content for child in node.walk() if child.type == "text")
                return [RichText.plain_text(text)] if text.strip() else []


# -- helpers ---------------------------------------------------------------------------


def _meaningful(nodes: Sequence[SyntaxTreeNode]) -> list[SyntaxTreeNode]:
    """Without the empty text tokens markdown-it leaves where emphasis markers stood."""
    index = 0
    while index < len(nodes) and nodes[index].type == "text" and not nodes[index].content:
        index += 1
    return list(nodes[index:])


def _is_pull_quote_marker(line: Sequence[SyntaxTreeNode]) -> bool:
    """Only when written as such: an escaped ``\\[!PULLQUOTE]`` is text."""
    nodes = _meaningful(line)
    return (
        bool(nodes)
        and all(node.type == "text" for node in nodes)
        and "".join(node.content for node in nodes).strip().lower() == PULL_QUOTE_MARKER
    )


def _dash_led(nodes: Sequence[SyntaxTreeNode]) -> bool:
    """A line opening with a dash typed as such (not escaped, not a reference)."""
    meaningful = _meaningful(nodes)
    return (
        bool(meaningful)
        and meaningful[0].type == "text"
        and meaningful[0].content.startswith(ATTRIBUTION_DASHES)
    )


def _break_indexes(nodes: Sequence[SyntaxTreeNode]) -> list[int]:
    return [index for index, node in enumerate(nodes) if node.type in _BREAKS]


def _joined(pieces: Sequence[RichText], separator: str = "\n") -> RichText:
    """Paragraphs as one text, a line break (or ``separator``) between each."""
    result = RichText()
    for index, piece in enumerate(pieces):
        result = result + (RichText.plain_text(separator) if index else RichText()) + piece
    return result


def _code_of(node: SyntaxTreeNode) -> str:
    code = node.content
    return code[:-1] if code.endswith("\n") else code


def _language_of(node: SyntaxTreeNode) -> str:
    words = node.info.split() if node.type == "fence" else []
    return words[0] if words else ""
