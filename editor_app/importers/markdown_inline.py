"""Markdown inline tokens (markdown-it's syntax tree) turned into ``RichText``.

The base of ``importers.markdown``'s block reader, kept apart because it has
one job: the inside of a paragraph, heading, list item or table cell, with
its marks (bold, italic, code, link), line breaks, character escapes and what
is dropped on the way (images, inline HTML tags) for the import report.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace

from markdown_it.tree import SyntaxTreeNode

from editor_app.importers.markdown_html import html_lines
from editor_app.model import RichText, Span


@dataclass
class InlineReader:
    """Reads inline content; ``removed`` and ``notes`` collect what the import
    report lists."""

    removed: list[str] = field(default_factory=list)
    notes: dict[str, None] = field(default_factory=dict)
    """Insertion-ordered set: each note once."""

    def note(self, text: str) -> None:
        self.notes[text] = None

    def inline(self, node: SyntaxTreeNode) -> RichText:
        """The text of a paragraph, heading or table cell."""
        return self.spans_to_text(inline_children(node))

    def spans_to_text(self, nodes: Iterable[SyntaxTreeNode]) -> RichText:
        """Inline nodes as text; stripped when something inside was dropped,
        so a removed image leaves no space at the edge."""
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
                    out.append(marks.with_text("\n".join(html_lines(node.content))))
                case _:
                    dropped |= self._spans(node.children, marks, out)
        return dropped


def inline_children(node: SyntaxTreeNode) -> list[SyntaxTreeNode]:
    """The inline content of a paragraph, heading or table cell."""
    for child in node.children:
        if child.type == "inline":
            return list(child.children)
    return []


def _describe_image(node: SyntaxTreeNode) -> str:
    token = node.token
    alt_tokens = token.children if token is not None and token.children else []
    alt = "".join(child.content for child in alt_tokens if child.type in ("text", "text_special"))
    source = str(node.attrs.get("src", ""))
    return f"image: {alt} ({source})" if alt.strip() else f"image: {source}"
