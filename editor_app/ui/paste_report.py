"""The one sentence the status bar shows after a paste: what came in, what was cleaned.

"Pasted 3 paragraphs and 1 quote from Word; removed: 1 stylesheet" — short
enough for a status bar, concrete enough that nobody wonders where the
"Leave a Reply" went. Removed pieces of code and page furniture are counted by
kind; paragraphs dropped as web leftovers are quoted, since the reader
recognises their own words faster than a category. No Qt here.
"""

from __future__ import annotations

from collections import Counter

from editor_app.cleanup import LeftoverKind
from editor_app.cleanup.leftovers import LeftoverMatch
from editor_app.importers.report import ImportReport
from editor_app.model import (
    Block,
    BlockQuote,
    CodeBlock,
    Heading,
    HorizontalRule,
    ListBlock,
    Paragraph,
    PullQuote,
)

MAX_REMOVED_PARTS = 5
"""More removed kinds than this end in "and N more": the status bar is one line."""
MAX_QUOTED_CHARACTERS = 40

_BLOCK_NOUNS: dict[type, tuple[str, str]] = {
    Paragraph: ("paragraph", "paragraphs"),
    Heading: ("heading", "headings"),
    BlockQuote: ("quote", "quotes"),
    PullQuote: ("pull quote", "pull quotes"),
    ListBlock: ("list", "lists"),
    CodeBlock: ("code block", "code blocks"),
    HorizontalRule: ("rule", "rules"),
}

_REMOVED_NOUNS: dict[str, tuple[str, str]] = {
    "script": ("script", "scripts"),
    "stylesheet": ("stylesheet", "stylesheets"),
    "structured data (JSON-LD)": ("block of structured data", "blocks of structured data"),
    "noscript fallback": ("noscript fallback", "noscript fallbacks"),
    "embedded frame": ("embedded frame", "embedded frames"),
    "embedded object": ("embedded object", "embedded objects"),
    "graphic": ("graphic", "graphics"),
    "form field": ("form field", "form fields"),
    "tracking pixel": ("tracking pixel", "tracking pixels"),
    "image": ("image", "images"),
    "image caption": ("image caption", "image captions"),
    "site navigation": ("navigation menu", "navigation menus"),
    "share buttons": ("share bar", "share bars"),
    "related articles": ("related-articles box", "related-articles boxes"),
    "newsletter sign-up": ("newsletter sign-up", "newsletter sign-ups"),
    "advertisement": ("advertisement", "advertisements"),
    "paywall notice": ("paywall notice", "paywall notices"),
    "canvas": ("canvas", "canvases"),
    "audio": ("audio player", "audio players"),
    "video": ("video", "videos"),
    "search box": ("search box", "search boxes"),
}

_FIRST = frozenset({"script", "tracking pixel", "embedded frame", "embedded object"})
_OTHERS = ("other piece", "other pieces")

_LEFTOVER_REASONS = frozenset(LeftoverMatch(kind, "").reason for kind in LeftoverKind)
"""How the importers name a paragraph dropped as a web leftover ("comment section of ...")."""


def paste_sentence(blocks: tuple[Block, ...], report: ImportReport, source: str = "") -> str:
    """The sentence: "Pasted 2 paragraphs from HTML; removed: 1 script, 'Leave a Reply'".

    ``source`` names where the paste came from ("HTML", "Word"); empty for our
    own format and plain text, where it says nothing useful.
    """
    what = describe_blocks(blocks) or "nothing"
    sentence = f"Pasted {what}"
    if source:
        sentence += f" from {source}"
    removed = describe_removed(report.removed)
    if removed:
        sentence += f"; removed: {removed}"
    return sentence


def describe_blocks(blocks: tuple[Block, ...]) -> str:
    """The blocks counted by kind, in order of first appearance: "3 paragraphs and 1 quote"."""
    counts = Counter(type(block) for block in blocks)
    return _join([_counted(count, *_BLOCK_NOUNS[kind]) for kind, count in counts.items()])


def describe_removed(removed: tuple[str, ...]) -> str:
    """The report's removed pieces, counted by kind; dropped leftover paragraphs quoted.

    Code and trackers come first (what a careful editor most wants gone), then
    the quoted leftovers, then the rest of the page furniture.
    """
    quoted: list[str] = []
    counts: Counter[tuple[str, str]] = Counter()
    for entry in removed:
        kind, _, detail = entry.partition(": ")
        if kind in _LEFTOVER_REASONS and detail and len(detail) <= MAX_QUOTED_CHARACTERS:
            quoted.append(f"'{detail}'")
        else:
            counts[_REMOVED_NOUNS.get(kind, (kind, kind))] += 1
    first = [nouns for nouns in counts if nouns[0] in _FIRST]
    rest = [nouns for nouns in counts if nouns[0] not in _FIRST]
    parts = [(_counted(counts[nouns], *nouns), counts[nouns]) for nouns in first]
    parts += [(text, 1) for text in quoted]
    parts += [(_counted(counts[nouns], *nouns), counts[nouns]) for nouns in rest]
    if len(parts) > MAX_REMOVED_PARTS:
        hidden = sum(count for _, count in parts[MAX_REMOVED_PARTS - 1 :])
        parts = [*parts[: MAX_REMOVED_PARTS - 1], (_counted(hidden, *_OTHERS), hidden)]
    return ", ".join(text for text, _ in parts)


def _counted(count: int, singular: str, plural: str) -> str:
    return f"{count} {singular if count == 1 else plural}"


def _join(parts: list[str]) -> str:
    if len(parts) <= 1:
        return "".join(parts)
    return f"{', '.join(parts[:-1])} and {parts[-1]}"
