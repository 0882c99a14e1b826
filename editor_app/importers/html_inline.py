"""Inline text of the sanitised HTML tree: marks, line breaks and white space.

The base of ``html_reader.Reader``: everything that turns the inside of one
element into ``RichText``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace

from editor_app.importers.html_clean import Node, collapse_spaces, furniture_kind, image_report
from editor_app.model import RichText, Span

NO_MARKS = Span("")
_SOURCE_SPACE = re.compile(r"[\t\n\r\f]")
_BOLD = {"b", "strong"}
_ITALIC = {"i", "em", "cite", "dfn", "var"}
_CODE = {"code", "kbd", "samp", "tt"}
_HEAVY = re.compile(r"bold|bolder|[6-9]00")
_LIGHT = re.compile(r"normal|lighter|[1-5]00")


@dataclass
class InlineReader:
    """``own``: the page is Article Editor's export, read exactly as written (no
    white space folding, no furniture detection). ``removed`` collects what the
    report lists."""

    own: bool = False
    removed: list[str] = field(default_factory=list)

    def _is_furniture(self, node: Node) -> bool:
        """Web-page furniture by tag, role, class or id: removed and reported."""
        kind = None if self.own else furniture_kind(node)
        if kind is not None:
            text = node.text()
            self.removed.append(f"{kind}: {text}" if text else kind)
        return kind is not None

    def flow(self, node: Node, marks: Span) -> list[RichText]:
        """The text of an element as paragraphs (each block inside starts one),
        finished; empty ones are left out, except in our own pages."""
        pieces: list[RichText] = []
        pending: list[Span] = []
        has_blocks = any(isinstance(child, Node) and child.is_block for child in node.children)

        def flush() -> None:
            loose = RichText(tuple(pending))
            pending.clear()
            if has_blocks and not loose.plain.strip():
                return  # white space between blocks
            finished = self.finish(loose)
            if finished or self.own:
                pieces.append(finished)

        for child in node.children:
            if isinstance(child, str) or not child.is_block:
                self.inline(child, marks, pending)
                continue
            flush()
            if self._is_furniture(child):
                continue
            if child.tag == "pre":
                code = text_of(child.children, keep_breaks=True)
                pieces.append(RichText((Span(code, code=True),)))
            else:
                pieces.extend(self.flow(child, self.marks(child, marks)))
        flush()
        return pieces

    def content(self, node: Node, marks: Span) -> RichText:
        """An element's inline content, finished."""
        out: list[Span] = []
        for child in node.children:
            self.inline(child, marks, out)
        return self.finish(RichText(tuple(out)))

    def inline(self, node: Node | str, marks: Span, out: list[Span]) -> None:
        if isinstance(node, str):
            out.append(marks.with_text(self.raw(node)))
            return
        if node.tag == "br":
            out.append(marks.with_text("\n"))
        elif node.tag == "img":
            self.removed.append(image_report(node))
        elif node.style.get("mso-list") == "ignore":
            return  # Word's typed bullet or number in front of a list item
        elif node.is_block:  # a block where only text may stand: its text, line by line
            out.extend(joined(self.flow(node, marks)))
        else:
            inner = self.marks(node, marks)
            if node.tag == "q":
                out.append(inner.with_text("“"))
            for child in node.children:
                self.inline(child, inner, out)
            if node.tag == "q":
                out.append(inner.with_text("”"))

    def marks(self, node: Node, marks: Span) -> Span:
        """The marks inside an element: its tag, then its inline style, decide."""
        tag = node.tag
        if tag in _BOLD:
            marks = replace(marks, bold=True)
        elif tag in _ITALIC:
            marks = replace(marks, italic=True)
        elif tag in _CODE:
            marks = replace(marks, code=True)
        elif tag == "a" and node.attr("href"):
            marks = replace(marks, link=node.attr("href"))
        weight, slant = node.style.get("font-weight", ""), node.style.get("font-style", "")
        if _HEAVY.fullmatch(weight) or _LIGHT.fullmatch(weight):
            marks = replace(marks, bold=_HEAVY.fullmatch(weight) is not None)
        if slant in ("italic", "oblique", "normal"):
            marks = replace(marks, italic=slant != "normal")
        return marks

    def raw(self, text: str) -> str:
        """Source text: exact in our own pages, else tabs and newlines are spaces."""
        return text if self.own else _SOURCE_SPACE.sub(" ", text)

    def finish(self, text: RichText) -> RichText:
        """White space as a reader sees it (``collapse_spaces``); exact in our pages."""
        return text if self.own else collapse_spaces(text).strip()


def text_of(children: list[Node | str], keep_breaks: bool = False) -> str:
    pieces = []
    for child in children:
        if isinstance(child, str):
            pieces.append(child)
        elif child.tag == "br":
            pieces.append("\n" if keep_breaks else " ")
        else:
            pieces.append(text_of(child.children, keep_breaks))
    return "".join(pieces)


def joined(pieces: list[RichText], separator: str = "\n") -> RichText:
    result = RichText()
    for index, piece in enumerate(pieces):
        result = result + (RichText.plain_text(separator) if index else RichText()) + piece
    return result
