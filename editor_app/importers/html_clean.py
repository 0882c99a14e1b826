"""Preparing HTML for ``importers.html``: a survey, the sanitiser, a tree, web furniture.

The survey reads what nh3 would throw away unseen: the ``<head>`` (language,
title, ``<meta>`` tags, whether Article Editor wrote the page) and every
element removed with its content (scripts, stylesheets, ``<noscript>``, frames,
embedded media, buttons), so the import report can list them. nh3 then keeps
only the tags the reader maps, ``class``/``id``/``role`` (to recognise web
furniture and our own markup) and the two style properties that carry meaning
in pasted HTML (``font-weight``/``font-style`` from Google Docs, ``mso-list``
from Word), and drops links to anything but http(s), mailto and relative
targets. The stdlib ``html.parser`` turns nh3's well-formed output into a
small tree of ``Node``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from html.parser import HTMLParser

import nh3

from editor_app.errors import ImportFailed
from editor_app.export.html_text import LINK_SCHEMES
from editor_app.model import RichText

GENERATOR_PREFIX = "Article Editor"

BLOCK_TAGS = frozenset(
    "address article aside blockquote body caption center dd details dialog div dl dt "
    "fieldset figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr legend li main menu "
    "nav ol p pre section summary table tbody td tfoot th thead tr ul".split()
)
INLINE_TAGS = frozenset(
    "a abbr b bdi bdo big br cite code del dfn em font i img ins kbd label mark q s samp "
    "small span strike strong sub sup time tt u var wbr".split()
)
_VOID_TAGS = frozenset({"br", "hr", "img", "wbr"})
MAX_DEPTH = 100
"""Deeper nesting is flattened: real pages stay far below, and reading is recursive."""

REMOVED_WITH_CONTENT = {
    "script": "script",
    "style": "stylesheet",
    "noscript": "noscript fallback",
    "iframe": "embedded frame",
    "object": "embedded object",
    "template": "template",
    "svg": "graphic",
    "canvas": "canvas",
    "video": "video",
    "audio": "audio",
    "button": "button",
    "select": "form field",
    "textarea": "form field",
}
"""Elements dropped with everything inside them, and how the report names them."""

_ATTRIBUTES = {
    "*": {"class", "id", "role", "style"},
    "a": {"href"},
    "img": {"alt", "src", "width", "height"},
    "time": {"datetime"},
}
_STYLE_PROPERTIES = {"font-weight", "font-style", "mso-list"}
_SOURCE_ATTRIBUTES = ("src", "data", "href")
_SPACES = re.compile(r"[ \u00a0]+")

_FURNITURE_TAGS = {
    "nav": "site navigation",
    "menu": "site navigation",
    "footer": "page footer",
    "form": "form",
    "dialog": "pop-up",
    "aside": "sidebar",
}
_FURNITURE_ROLES = {
    "navigation": "site navigation",
    "banner": "site header",
    "contentinfo": "page footer",
    "complementary": "sidebar",
    "search": "search box",
    "dialog": "pop-up",
    "alertdialog": "pop-up",
}
_FURNITURE_WORDS = {
    "comment section": "comment comments commentlist respond disqus",
    "share buttons": "share sharing sharedaddy social addthis sharethis",
    "related articles": "related relatedposts recommended",
    "newsletter sign-up": "newsletter subscribe subscription signup",
    "cookie banner": "cookie cookies consent gdpr",
    "advertisement": "ad ads advert adverts advertisement adsbygoogle sponsored promo",
    "site navigation": "breadcrumb breadcrumbs menu navbar navigation",
    "sidebar": "sidebar widget",
    "paywall notice": "paywall",
}
_WORD_KINDS = {word: kind for kind, words in _FURNITURE_WORDS.items() for word in words.split()}
_CLASS_WORD = re.compile(r"[^\W_]+")


# -- the survey ------------------------------------------------------------------------


@dataclass
class PageInfo:
    """What a page says about itself, and what was removed before reading it."""

    language: str | None = None
    title: str = ""
    metas: dict[str, list[str]] = field(default_factory=dict)
    """``<meta name|property content>``: lower-cased name to every value, in order."""
    own: bool = False
    """Written by Article Editor's HTML export (its ``generator`` meta)."""
    removed: list[str] = field(default_factory=list)

    def meta(self, name: str) -> str | None:
        values = self.metas.get(name)
        return values[0] if values else None


class _Survey(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.info = PageInfo()
        self._title: list[str] | None = None
        self._title_done = False
        self._removing: list[str] = []
        """The removed element being read, once per nested element of the same tag."""
        self._removed_kind = ""
        self._removed_text: list[str] = []
        self._removed_source = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        if self._removing:
            if tag == self._removing[0]:
                self._removing.append(tag)
            self._removed_source = self._removed_source or _source_of(values)
        elif tag in REMOVED_WITH_CONTENT:
            self._removing, self._removed_text = [tag], []
            self._removed_source = _source_of(values)
            self._removed_kind = REMOVED_WITH_CONTENT[tag]
            if tag == "script" and values.get("type", "").lower() == "application/ld+json":
                self._removed_kind = "structured data (JSON-LD)"
        elif tag in ("html", "body") and values.get("lang") and self.info.language is None:
            self.info.language = values["lang"].strip()  # Word writes it on <body>
        elif tag == "meta":
            self._meta(values)
        elif tag == "title" and not self._title_done:
            self._title = []
        elif tag == "embed":
            self.info.removed.append(_describe("embedded object", _source_of(values)))

    def handle_endtag(self, tag: str) -> None:
        if self._removing:
            if tag == self._removing[0]:
                self._removing.pop()
                if not self._removing:
                    self.finish_removed()
        elif tag == "title" and self._title is not None:
            self.info.title = " ".join("".join(self._title).split())
            self._title, self._title_done = None, True

    def handle_data(self, data: str) -> None:
        if self._removing:
            self._removed_text.append(data)
        elif self._title is not None:
            self._title.append(data)

    @property
    def reading_removed(self) -> bool:
        return bool(self._removing)

    def finish_removed(self) -> None:
        """Report the removed element just read (or left open at the end)."""
        self._removing = []
        text = " ".join("".join(self._removed_text).split())
        if self._removed_kind == REMOVED_WITH_CONTENT["style"] and self.info.own:
            return  # the page's own stylesheet, not something the author loses
        if self._removed_kind in ("script", "stylesheet", "structured data (JSON-LD)"):
            # Code is not worth listing: where it came from, or how much of it there was.
            size = f"inline, {len(text)} characters" if text else ""
            self.info.removed.append(_describe(self._removed_kind, self._removed_source or size))
        else:
            self.info.removed.append(_describe(self._removed_kind, text or self._removed_source))

    def _meta(self, values: dict[str, str]) -> None:
        name = (values.get("name") or values.get("property") or "").strip().lower()
        if name and "content" in values:
            self.info.metas.setdefault(name, []).append(values["content"])
        if name == "generator" and values.get("content", "").startswith(GENERATOR_PREFIX):
            self.info.own = True


def _source_of(values: dict[str, str]) -> str:
    return next((values[name] for name in _SOURCE_ATTRIBUTES if values.get(name)), "")


def _describe(kind: str, detail: str) -> str:
    return f"{kind}: {detail}" if detail else kind


def survey(source: str) -> PageInfo:
    parser = _Survey()
    _feed(parser, source)
    if parser.reading_removed:
        parser.finish_removed()  # never closed: it swallowed the rest of the page
    return parser.info


# -- sanitising and the tree -----------------------------------------------------------


def sanitise(source: str) -> str:
    """The HTML with only the tags and attributes the reader maps (nh3)."""
    return nh3.clean(
        source,
        tags=set(BLOCK_TAGS | INLINE_TAGS),
        clean_content_tags={*REMOVED_WITH_CONTENT, "title"},
        attributes=_ATTRIBUTES,
        url_schemes=set(LINK_SCHEMES),
        link_rel=None,
        strip_comments=True,
        filter_style_properties=_STYLE_PROPERTIES,
    )


@dataclass
class Node:
    """An element of the sanitised HTML; text is ``str`` children."""

    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[Node | str] = field(default_factory=list)

    def attr(self, name: str) -> str:
        return self.attrs.get(name, "")

    @cached_property
    def classes(self) -> frozenset[str]:
        return frozenset(self.attr("class").split())

    @cached_property
    def style(self) -> dict[str, str]:
        """The ``style`` attribute's properties, names and values lower-cased."""
        properties = {}
        for declaration in self.attr("style").split(";"):
            name, colon, value = declaration.partition(":")
            if colon:
                properties[name.strip().lower()] = value.strip().lower()
        return properties

    @cached_property
    def is_block(self) -> bool:
        """A block element, or an inline one wrapped around blocks (Google Docs'
        ``<b>`` around the whole document)."""
        return self.tag in BLOCK_TAGS or any(
            isinstance(child, Node) and child.is_block for child in self.children
        )

    def text(self) -> str:
        """The text inside, block boundaries and line breaks read as spaces."""
        pieces: list[str] = []
        for child in self.children:
            if isinstance(child, str):
                pieces.append(child)
            elif child.tag in ("br", "hr") or child.is_block:
                pieces.append(f" {child.text()} ")
            else:
                pieces.append(child.text())
        return " ".join("".join(pieces).split())


class _TreeBuilder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = Node("#root")
        self._open = [self.root]
        self._ignored: dict[str, int] = {}
        """Start tags left out below ``MAX_DEPTH``, by name, to skip their end tags."""
        self.flattened = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if len(self._open) > MAX_DEPTH and tag not in _VOID_TAGS:
            self._ignored[tag] = self._ignored.get(tag, 0) + 1
            self.flattened = True
            return
        node = Node(tag, {name: value or "" for name, value in attrs})
        self._open[-1].children.append(node)
        if tag not in _VOID_TAGS:
            self._open.append(node)

    def handle_endtag(self, tag: str) -> None:
        if self._ignored.get(tag):
            self._ignored[tag] -= 1
            return
        for depth in range(len(self._open) - 1, 0, -1):
            if self._open[depth].tag == tag:
                del self._open[depth:]
                return

    def handle_data(self, data: str) -> None:
        self._open[-1].children.append(data)


def parse_tree(clean_html: str) -> tuple[Node, bool]:
    """The tree, and whether elements nested deeper than ``MAX_DEPTH`` were
    flattened into their ancestor (their text kept, their tags dropped)."""
    builder = _TreeBuilder()
    _feed(builder, clean_html)
    return builder.root, builder.flattened


def _feed(parser: HTMLParser, source: str) -> None:
    try:
        parser.feed(source)
        parser.close()
    except AssertionError:  # html.parser's reaction to a few malformed declarations
        raise ImportFailed(
            "the HTML is malformed beyond repair (a broken <! declaration)"
        ) from None


# -- web furniture ---------------------------------------------------------------------


def furniture_kind(node: Node) -> str | None:
    """What kind of web-page furniture an element is (by tag, role, class or id), if any."""
    if node.tag == "aside" and "pullquote" in node.classes:
        return None
    kind = _FURNITURE_TAGS.get(node.tag) or _FURNITURE_ROLES.get(node.attr("role").lower())
    if kind is not None:
        return kind
    if node.tag == "header" and _contains(node, "nav"):
        return "site header"
    words = _CLASS_WORD.findall(f"{node.attr('class')} {node.attr('id')}".lower())
    return next((_WORD_KINDS[word] for word in words if word in _WORD_KINDS), None)


def _contains(node: Node, tag: str) -> bool:
    return any(
        isinstance(child, Node) and (child.tag == tag or _contains(child, tag))
        for child in node.children
    )


def image_report(node: Node) -> str:
    """How the report names a dropped image: a tracking pixel, or its text and address."""
    source = node.attr("src")
    if any(node.attr(side).strip() in ("0", "1", "0px", "1px") for side in ("width", "height")):
        return _describe("tracking pixel", source)
    alt = " ".join(node.attr("alt").split())
    if alt and source:
        return f"image: {alt} ({source})"
    return _describe("image", alt or source)


# -- white space -----------------------------------------------------------------------


def collapse_spaces(text: RichText) -> RichText:
    """White space as a browser shows it, with meaningful no-break spaces kept.

    Runs of spaces become one space (it keeps the marks of the run's first
    character), spaces at the start or end of the text or of a line (next to a
    ``\\n`` from ``<br>``) go. A no-break space standing alone between two
    other characters ("10\u00a0km", "M.\u00a0Dupont", "«\u00a0oui\u00a0»") was put
    there on purpose and stays; one next to other spaces, or at an edge, is
    layout padding (Word's "&nbsp; ") and is treated as a plain space.
    Tabs and source line breaks must already be spaces.
    """
    plain = text.plain
    changes: list[tuple[int, int, str]] = []
    for run in _SPACES.finditer(plain):
        start, end = run.span()
        at_edge = start == 0 or end == len(plain) or plain[start - 1] == "\n"
        if at_edge or plain[end] == "\n":
            changes.append((start, end, ""))
        elif run.group() not in (" ", "\u00a0"):
            changes.append((start, end, " "))
    for start, end, replacement in reversed(changes):
        text = text.replace_range(start, end, replacement)
    return text
