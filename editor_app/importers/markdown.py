"""Markdown articles (``.md``, ``.markdown``), in the dialect ``export.markdown`` writes.

CommonMark plus pipe tables and YAML front matter, parsed with markdown-it-py.
Typographic replacements, smart quotes and linkify stay off: curly quotes,
apostrophes and dashes come through untouched, and a bare URL stays text.

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

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml
from markdown_it import MarkdownIt
from markdown_it.tree import SyntaxTreeNode
from mdit_py_plugins.front_matter import front_matter_plugin

from editor_app.cleanup import is_leftover
from editor_app.errors import ImportFailed
from editor_app.importers.decoding import read_text_file_with_encoding
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
    Status,
)

PULL_QUOTE_MARKER = "[!pullquote]"
ATTRIBUTION_DASHES = ("—", "–", "―", "--")
_TEXT_FIELDS = ("headline", "standfirst", "byline", "dateline", "section", "language")
_KNOWN_FIELDS = frozenset((*_TEXT_FIELDS, "tags", "status", "created", "updated"))
_UNCLOSED_FRONT_MATTER = re.compile(r"-{3,}[ \t]*\n[ \t]*[A-Za-z_][\w -]*:")
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
    elif _UNCLOSED_FRONT_MATTER.match(text):
        raise ImportFailed("the front matter at the top is never closed: add a line '---' after it")
    for node in nodes:
        reader.read_block(node)
    return reader.result()


# -- reading ---------------------------------------------------------------------------


@dataclass
class _Reader:
    meta: dict[str, Any] = field(default_factory=dict)
    body: list[Block] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    notes: dict[str, None] = field(default_factory=dict)
    """Insertion-ordered set: each note once."""
    headline_taken: bool = False

    def result(self) -> ImportResult:
        article = Article(meta=Metadata(**self.meta), body=tuple(self.body))
        return ImportResult(article, ImportReport(tuple(self.removed), tuple(self.notes)))

    def note(self, text: str) -> None:
        self.notes[text] = None

    # front matter

    def read_front_matter(self, source: str) -> None:
        try:
            data = yaml.safe_load(source)
        except yaml.YAMLError as error:
            mark = getattr(error, "problem_mark", None)
            where = f" on line {mark.line + 2}" if mark is not None else ""
            problem = getattr(error, "problem", None) or "it cannot be parsed"
            raise ImportFailed(
                f"the front matter at the top is not valid YAML ({problem}{where})"
            ) from None
        if data is None:
            return
        if not isinstance(data, dict):
            raise ImportFailed(
                "the front matter at the top should be 'key: value' lines "
                "(headline, byline, tags...)"
            )
        self.meta.update(_metadata_fields(data))
        self.headline_taken = bool(self.meta.get("headline"))
        unknown = [str(key) for key in data if key not in _KNOWN_FIELDS]
        if unknown:
            self.note(
                f"front matter keys not used by Article Editor were ignored: {', '.join(unknown)}"
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
            _inline_children(child) if child.type == "paragraph" else child
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
                return [RichText.plain_text(text) for text in _html_paragraphs(node.content)]
            case "table":
                self.note("a table was flattened to one paragraph per row")
                rows = (row for row in node.walk() if row.type == "tr")
                return [
                    _joined([self.inline(cell) for cell in row.children], " | ") for row in rows
                ]
            case _:
                text = "".join(child.content for child in node.walk() if child.type == "text")
                return [RichText.plain_text(text)] if text.strip() else []

    # inline

    def inline(self, node: SyntaxTreeNode) -> RichText:
        return self.spans_to_text(_inline_children(node))

    def spans_to_text(self, nodes: Iterable[SyntaxTreeNode]) -> RichText:
        spans: list[Span] = []
        dropped = self._spans(nodes, Span(""), spans)
        text = RichText(tuple(spans))
        return text.strip() if dropped else text

    def _spans(self, nodes: Iterable[SyntaxTreeNode], marks: Span, out: list[Span]) -> bool:
        """Append the spans of ``nodes`` to ``out``; whether something was dropped."""
        dropped = False
        for node in nodes:
            match node.type:
                case "text" | "text_special":
                    out.append(marks.with_text(node.content))
                case "softbreak":
                    out.append(marks.with_text(" "))
                case "hardbreak":
                    out.append(marks.with_text("\n"))
                case "code_inline":
                    out.append(replace(marks, text=node.content, code=True))
                case "strong":
                    dropped |= self._spans(node.children, replace(marks, bold=True), out)
                case "em":
                    dropped |= self._spans(node.children, replace(marks, italic=True), out)
                case "link":
                    target = str(node.attrs.get("href", ""))
                    dropped |= self._spans(node.children, replace(marks, link=target), out)
                case "image":
                    self.removed.append(_describe_image(node))
                    dropped = True
                case "html_inline":
                    self.note("HTML tags were removed from the text (their text is kept)")
                    out.append(marks.with_text("\n".join(_html_lines(node.content))))
                case _:
                    dropped |= self._spans(node.children, marks, out)
        return dropped


# -- helpers ---------------------------------------------------------------------------


def _inline_children(node: SyntaxTreeNode) -> list[SyntaxTreeNode]:
    """The inline content of a paragraph, heading or table cell."""
    for child in node.children:
        if child.type == "inline":
            return list(child.children)
    return []


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


def _describe_image(node: SyntaxTreeNode) -> str:
    token = node.token
    alt_tokens = token.children if token is not None and token.children else []
    alt = "".join(child.content for child in alt_tokens if child.type in ("text", "text_special"))
    source = str(node.attrs.get("src", ""))
    return f"image: {alt} ({source})" if alt.strip() else f"image: {source}"


# -- HTML ------------------------------------------------------------------------------


_BLOCK_TAG_NAMES = (
    "address article aside blockquote dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table td th tr ul"
)


class _HtmlText(HTMLParser):
    """The text of an HTML fragment as paragraphs of lines: ``<br>`` starts a
    line, block tags a paragraph, and white space runs count as one space."""

    _BLOCK_TAGS = frozenset(_BLOCK_TAG_NAMES.split())
    _HIDDEN_TAGS = frozenset(("script", "style", "template"))

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[list[str]] = [[""]]
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._HIDDEN_TAGS:
            self._hidden += 1
        elif tag == "br":
            self.paragraphs[-1].append("")
        elif tag in self._BLOCK_TAGS:
            self.paragraphs.append([""])

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN_TAGS:
            self._hidden = max(0, self._hidden - 1)
        elif tag in self._BLOCK_TAGS:
            self.paragraphs.append([""])

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.paragraphs[-1][-1] += data

    def text_paragraphs(self) -> list[str]:
        tidied = (
            "\n".join(" ".join(line.split()) for line in lines).strip("\n")
            for lines in self.paragraphs
        )
        return [paragraph for paragraph in tidied if paragraph.strip()]


def _html_paragraphs(source: str) -> list[str]:
    parser = _HtmlText()
    parser.feed(source)
    parser.close()
    return parser.text_paragraphs()


def _html_lines(source: str) -> list[str]:
    """An inline HTML tag's own text (usually none; ``<br>`` is a line break)."""
    parser = _HtmlText()
    parser.feed(source)
    parser.close()
    return [line for lines in parser.paragraphs for line in lines]


# -- front matter values ---------------------------------------------------------------


def _metadata_fields(data: dict[Any, Any]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for name in _TEXT_FIELDS:
        if name in data:
            fields[name] = _text_value(name, data[name])
    if not fields.get("language"):
        fields.pop("language", None)
    if "tags" in data:
        fields["tags"] = _tags_value(data["tags"])
    if "status" in data and data["status"] is not None:
        fields["status"] = _status_value(data["status"])
    for name in ("created", "updated"):
        if name in data:
            fields[name] = _date_value(name, data[name])
    return fields


def _text_value(name: str, value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        kind = "true/false" if isinstance(value, bool) else _kind(value)
        raise ImportFailed(
            f"the front matter's {name} should be text, not {kind} (put it in quotes)"
        )
    return str(value)


def _tags_value(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(tag.strip() for tag in value.split(",") if tag.strip())
    if isinstance(value, list):
        return tuple(_text_value("tags", tag) for tag in value)
    raise ImportFailed(
        f"the front matter's tags should be a list or comma-separated text, not {_kind(value)}"
    )


def _status_value(value: object) -> Status:
    key = str(value).strip().lower().replace(" ", "_").replace("-", "_")
    try:
        return Status(key)
    except ValueError:
        known = ", ".join(status.value for status in Status)
        raise ImportFailed(f"the front matter's status '{value}' is not one of {known}") from None


def _date_value(name: str, value: object) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ImportFailed(
        f"the front matter's {name} '{value}' is not a date "
        "(write it like 2025-03-14 or 2025-03-14T09:30:00+00:00)"
    )


def _kind(value: object) -> str:
    if isinstance(value, dict):
        return "a set of keys"
    if isinstance(value, list):
        return "a list"
    return f"a {type(value).__name__}"
