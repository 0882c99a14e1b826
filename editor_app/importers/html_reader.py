"""Reading the sanitised HTML tree into article blocks (the rules are in ``importers.html``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from typing import Any, TypeGuard

from editor_app.cleanup import find_leftover
from editor_app.importers.html_clean import Node, image_report
from editor_app.importers.html_inline import NO_MARKS, InlineReader, joined, text_of
from editor_app.model import (
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

OWN_ATTRIBUTION_DASH = "— "
_CAPTION_DASH = re.compile(r"(?:--|[—–―-])\s*")
"""Before a caption's name: any dash, the hyphen included."""
_ATTRIBUTION_DASH = re.compile(r"(?:--|[—–―])\s*")
"""Before a quote's last line, making it the attribution: a real dash only."""
_BY = re.compile(r"by\s+", re.IGNORECASE)
_ORDERED_MARKER = re.compile(r"\s*(?:\d+|[a-z]|[ivxlcdm]+)[.)]", re.IGNORECASE)
_LISTS = ("ul", "ol")
_WORD_QUOTES = frozenset({"msoquote", "msointensequote"})
_META_CLASSES = ("standfirst", "byline", "dateline")


@dataclass
class Reader(InlineReader):
    """Walks the tree once, collecting blocks, header fields and what it removed."""

    body: list[Block] = field(default_factory=list)
    meta: dict[str, Any] = field(default_factory=dict)
    notes: dict[str, None] = field(default_factory=dict)
    """Insertion-ordered set: each note once."""
    created_text: str = ""
    """The ``datetime`` of the dateline's ``<time>``, when there is one."""
    _word_list: list[RichText] | None = None
    _word_list_ordered: bool = False

    def note(self, text: str) -> None:
        self.notes[text] = None

    # -- containers and blocks -----------------------------------------------------

    def read_container(self, node: Node, marks: Span = NO_MARKS) -> None:
        pending: list[Span] = []
        for child in node.children:
            if isinstance(child, str) or not child.is_block:
                if self._word_list is not None and text_of([child]).strip():
                    self._end_word_list()
                self.inline(child, marks, pending)
                continue
            self._add_paragraph(pending)
            pending = []
            if _is_word_list_item(child):
                self._word_list_item(child, marks)
                continue
            self._end_word_list()
            self.read_block(child, marks)
        self._add_paragraph(pending)
        self._end_word_list()

    def read_block(self, node: Node, marks: Span) -> None:
        if self._is_furniture(node):
            return
        marks = self.marks(node, marks)
        tag = node.tag
        if tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
            self._heading(node, int(tag[1]), marks)
        elif tag == "p":
            self._paragraph(node, marks)
        elif tag in _LISTS:
            self._list(node, marks)
        elif tag == "blockquote":
            self._blockquote(node, marks)
        elif tag == "figure":
            self._figure(node, marks)
        elif tag == "aside":
            self._pull_quote(node, marks)
        elif tag == "pre":
            self._code(node)
        elif tag == "hr":
            self.body.append(HorizontalRule())
        elif tag == "table":
            self._table(node, marks)
        elif tag == "footer" and self.own:
            return  # section and tags, read from the <meta> tags
        else:
            self.read_container(node, marks)

    def _heading(self, node: Node, level: int, marks: Span) -> None:
        content = self.content(node, marks)
        if level == 1 and "headline" not in self.meta:
            if any(not span.same_marks(NO_MARKS) for span in content):
                self.note("formatting in the headline was dropped: a headline is plain text")
            self.meta["headline"] = content.plain
            return
        if level == 1:
            self.note("a second <h1> became a level-2 heading")
        elif level > 4:
            self.note("headings below level 4 (<h5>, <h6>) became level 4")
        if (content or self.own) and not self._is_leftover(content.plain):
            self.body.append(Heading(content, level=min(max(level, 2), 4)))

    def _paragraph(self, node: Node, marks: Span) -> None:
        classes = {name.lower() for name in node.classes}
        field_name = next((name for name in _META_CLASSES if name in classes), None)
        if field_name is not None:
            self._header_field(field_name, node, marks)
        elif self.own and "date" in classes:
            return  # the creation date, read from its <meta> tag
        elif "msotitle" in classes and "headline" not in self.meta:
            self.meta["headline"] = self.content(node, marks).plain
        elif "msosubtitle" in classes and "standfirst" not in self.meta:
            self.meta["standfirst"] = self.content(node, marks).plain
        elif classes & _WORD_QUOTES:
            content = self.content(node, marks)
            if content:
                self.body.append(BlockQuote(content))
        else:
            out: list[Span] = []
            for child in node.children:
                self.inline(child, marks, out)
            self._add_paragraph(out, loose=False)

    def _header_field(self, name: str, node: Node, marks: Span) -> None:
        text = self.content(node, marks).plain
        if name == "byline":
            text = _BY.sub("", text, count=1) if _BY.match(text) else text
        if name == "dateline":
            times = [child for child in node.children if isinstance(child, Node)]
            self.created_text = next(
                (child.attr("datetime") for child in times if child.tag == "time"), ""
            )
        self.meta.setdefault(name, text)

    def _add_paragraph(self, spans: list[Span], loose: bool = True) -> None:
        """A paragraph, unless it is empty or web furniture. ``loose``: text standing
        between blocks rather than in a ``<p>``; white space alone there is layout."""
        content = RichText(tuple(spans))
        if loose and not content.plain.strip():
            return
        content = self.finish(content)
        if (content or self.own) and not self._is_leftover(content.plain):
            self.body.append(Paragraph(content))

    def _is_leftover(self, text: str) -> bool:
        match = None if self.own else find_leftover(text)
        if match is not None:
            self.removed.append(f"{match.reason}: {text}")
        return match is not None

    # -- lists ---------------------------------------------------------------------

    def _list(self, node: Node, marks: Span) -> None:
        items = self._list_items(node, marks)
        if not items and not self.own:
            return
        if not self._is_leftover("\n".join(item.plain for item in items)):
            self.body.append(ListBlock(tuple(items), ordered=node.tag == "ol"))

    def _list_items(self, node: Node, marks: Span) -> list[RichText]:
        items: list[RichText] = []
        for child in node.children:
            if isinstance(child, Node) and _is_list(child):
                self.note("nested lists were flattened: their items joined the outer list")
                items.extend(self._list_items(child, marks))
                continue
            if isinstance(child, str):
                child = Node("#text", children=[child])
                if not child.text():
                    continue  # white space between the items
            nested = [item for item in child.children if _is_list(item)]
            own_part = replace(child, children=[c for c in child.children if not _is_list(c)])
            content = joined(self.flow(own_part, marks))
            if content or (self.own and child.tag == "li"):
                items.append(content)
            for inner in nested:
                self.note("nested lists were flattened: their items joined the outer list")
                items.extend(self._list_items(inner, marks))
        return items

    def _word_list_item(self, node: Node, marks: Span) -> None:
        """One of Word's list paragraphs (``MsoListParagraph``, ``mso-list``)."""
        marker = "".join(text_of(_word_markers(node)))
        if self._word_list is None:
            self._word_list = []
            self._word_list_ordered = _ORDERED_MARKER.match(marker) is not None
        content = self.content(node, self.marks(node, marks))
        if content:
            self._word_list.append(content)

    def _end_word_list(self) -> None:
        if self._word_list:
            self.body.append(ListBlock(tuple(self._word_list), ordered=self._word_list_ordered))
        self._word_list = None

    # -- quotes --------------------------------------------------------------------

    def _blockquote(self, node: Node, marks: Span, attribution: RichText | None = None) -> None:
        quoted = node
        if attribution is None and not self.own:
            parts = [c for c in node.children if isinstance(c, Node) and c.tag == "footer"]
            if parts:
                attribution = self.attribution(parts[-1], marks)
                quoted = replace(node, children=[c for c in node.children if c is not parts[-1]])
        pieces = self.flow(quoted, marks)
        if attribution is None and not self.own and pieces:
            pieces, attribution = _dash_led_attribution(pieces)
        content, attribution = joined(pieces), attribution or RichText()
        if content or attribution or self.own:
            self.body.append(BlockQuote(content, attribution))

    def _figure(self, node: Node, marks: Span) -> None:
        children = [child for child in node.children if isinstance(child, Node)]
        quotes = [child for child in children if child.tag == "blockquote"]
        captions = [child for child in children if child.tag == "figcaption"]
        if quotes:
            # The figure states its attribution: no guessing one from a dash.
            caption = self.attribution(captions[0], marks) if captions else RichText()
            self._blockquote(quotes[0], self.marks(quotes[0], marks), caption)
            return
        images = _descendants(node, "img")
        if not (images and captions):
            self.read_container(node, marks)
            return
        self.removed.extend(image_report(image) for image in images)
        self.removed.extend(f"image caption: {c.text()}" for c in captions if c.text())

    def _pull_quote(self, node: Node, marks: Span) -> None:
        """``<aside class="pullquote">`` (any other aside is furniture, read elsewhere)."""
        blocks = [child for child in node.children if isinstance(child, Node)]
        credits = [child for child in blocks if "attribution" in child.classes]
        rest = replace(node, children=[c for c in node.children if not _is_in(c, credits)])
        attribution = self.attribution(credits[-1], marks) if credits else RichText()
        figure = next((child for child in blocks if child.tag in ("figure", "blockquote")), None)
        if figure is not None and not credits:
            before = len(self.body)
            self.read_block(figure, marks)
            if len(self.body) > before and isinstance(quote := self.body[-1], BlockQuote):
                self.body[-1] = PullQuote(quote.content, quote.attribution)
            return
        content = joined(self.flow(rest, marks))
        if content or attribution or self.own:
            self.body.append(PullQuote(content, attribution))

    def attribution(self, node: Node, marks: Span) -> RichText:
        """A caption's text without the dash in front of it."""
        text = joined(self.flow(node, self.marks(node, marks)))
        if self.own:
            dash = len(OWN_ATTRIBUTION_DASH)
            return text.slice(dash) if text.plain.startswith(OWN_ATTRIBUTION_DASH) else text
        lead = _CAPTION_DASH.match(text.plain)
        return text.slice(lead.end()) if lead else text

    # -- code and tables -------------------------------------------------------------

    def _code(self, pre: Node) -> None:
        code_nodes = [c for c in pre.children if isinstance(c, Node) and c.tag == "code"]
        language = _language(code_nodes[0] if code_nodes else pre) or _language(pre)
        code = text_of(pre.children, keep_breaks=True)
        if not self.own:
            code = code.removesuffix("\n")
        if code or self.own:
            self.body.append(CodeBlock(code, language))

    def _table(self, node: Node, marks: Span) -> None:
        self.note("a table was flattened to one paragraph per row")
        for row in _descendants(node, "tr"):
            cells = [c for c in row.children if isinstance(c, Node) and c.tag in ("td", "th")]
            line = joined([joined(self.flow(cell, marks), " ") for cell in cells], " | ")
            self._add_paragraph(list(line), loose=False)


def _is_list(child: Node | str) -> TypeGuard[Node]:
    return isinstance(child, Node) and child.tag in _LISTS


def _is_in(child: Node | str, nodes: list[Node]) -> bool:
    return any(child is node for node in nodes)


def _is_word_list_item(node: Node) -> bool:
    style = node.style.get("mso-list", "")
    return node.tag == "p" and (
        any(name.lower().startswith("msolistparagraph") for name in node.classes)
        or bool(style and style != "ignore")
    )


def _word_markers(node: Node) -> list[Node | str]:
    found: list[Node | str] = []
    for child in node.children:
        if isinstance(child, Node):
            found.extend(
                [child] if child.style.get("mso-list") == "ignore" else _word_markers(child)
            )
    return found


def _descendants(node: Node, tag: str) -> list[Node]:
    found = []
    for child in node.children:
        if isinstance(child, Node):
            found.extend([child] if child.tag == tag else _descendants(child, tag))
    return found


def _language(node: Node) -> str:
    for name in node.classes:
        for prefix in ("language-", "lang-"):
            if name.startswith(prefix):
                return name[len(prefix) :]
    return ""


def _dash_led_attribution(pieces: list[RichText]) -> tuple[list[RichText], RichText | None]:
    """A quote's last paragraph, or last line, opening with a dash is its attribution."""
    last = pieces[-1]
    line_start = last.plain.rfind("\n") + 1
    lead = _ATTRIBUTION_DASH.match(last.plain, line_start)
    if lead is None or not last.plain[lead.end() :].strip():
        return pieces, None
    attribution = last.slice(lead.end())
    if line_start == 0:
        return pieces[:-1], attribution
    return [*pieces[:-1], last.slice(0, line_start - 1)], attribution
