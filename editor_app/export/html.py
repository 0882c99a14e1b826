"""HTML export: a standalone page, or the body alone for pasting into a CMS.

``render_fragment`` (format "html-fragment")
    The body only, no headline, no inline styles, one block a line:

    - ``<p>``, ``<h2>``-``<h4>``, ``<ul>``/``<ol>`` with ``<li>``, ``<hr>``;
      inside them ``<strong>``, ``<em>``, ``<code>``, ``<a href>`` and ``<br>``
      for a line break.
    - A quote is ``<figure class="quote"><blockquote><p>…</p></blockquote>
      <figcaption>— attribution</figcaption></figure>``: the attribution stands
      outside the ``<blockquote>``, which may hold only the quoted words, as the
      HTML standard asks; no ``<figcaption>`` when there is no attribution.
    - A pull quote is ``<aside class="pullquote"><p>…</p><p class="attribution">—
      attribution</p></aside>``. ``<aside>`` is the element the HTML standard
      gives for pull quotes (content repeated from the article for display,
      which the article reads the same without); not a ``<blockquote>``, since
      the words are not quoted from another source.
    - Code is ``<pre><code class="language-xyz">`` with Pygments' highlighting
      as ``<span class="k">``-style short classes. These classes are the only
      presentational ones: they say what a piece of code *is* (keyword, string,
      comment), the way ``language-xyz`` does, and any Pygments stylesheet
      colours them.

    Class names used: ``quote``, ``pullquote``, ``attribution``,
    ``language-*`` and Pygments' token classes; nothing else.

``render_page`` (format "html")
    A complete HTML5 document from ``resources/templates/article_page.html.j2``:
    ``lang`` from the article's language, the headline as ``<title>`` and
    ``<h1>``, a small embedded stylesheet (article typography and the colours
    of the code classes), and ``<article>`` with a ``<header>`` (headline,
    ``p.standfirst``, ``p.byline`` with the printed credit line, ``p.dateline``
    whose text sits in a ``<time datetime>`` when the article has a creation
    date; without a dateline, ``p.date`` shows that date), the body as above,
    and a ``<footer>`` naming the section and tags.
    The head carries the metadata a page cannot show as ``<meta>`` tags
    (generator, author, description, article:section, article:tag, status,
    dcterms.created/modified), so ``importers.html`` reads the article back
    exactly. ``ExportOptions(include_metadata=False)`` keeps only the headline.

Links
    Only ``http:``, ``https:`` and ``mailto:`` targets and relative ones are
    written as links; any other (``javascript:``, ``data:``, ``file:``...)
    is written as its text.

Escaping
    Every piece of text is escaped (Jinja's autoescaping in the template,
    MarkupSafe's ``escape`` for the body): a headline ``<script>`` is text.

What HTML cannot carry (a round trip normalises it this way)
    - A carriage return becomes a line break; control characters other than
      tab and line break, lone surrogates and Unicode non-characters become
      U+FFFD (HTML forbids them).
    - White space inside a code block's language becomes "-" (a class is one word).
    - A link to a refused target, or a web address without a valid host
      ("https://", "http://[bad"), comes back as plain text. Characters a URL
      may not hold (white space, quotation marks, angle brackets, braces, the
      bar, backslash, caret and backtick, a "%" not followed by two hex digits)
      are percent-encoded: "a b" comes back as "a%20b". Tabs, line breaks and
      spaces at the ends of a target, which browsers ignore, go.
    - A language that is not a well-formed language tag is left out of ``lang``
      and comes back as the default one.

Validity
    The page passes the Nu HTML Checker. Heading levels are the article's own,
    though: an article whose first heading is level 3 gives a page the checker
    faults for skipping level 2, which is the article's structure to fix.
"""

from __future__ import annotations

import re
from datetime import UTC, datetime
from functools import cache
from itertools import groupby
from typing import TYPE_CHECKING

from jinja2 import Environment, FunctionLoader, StrictUndefined
from markupsafe import Markup, escape

from editor_app.assets import resource
from editor_app.errors import ExportFailed
from editor_app.export.html_text import clean_text, safe_href
from editor_app.highlight import css_class, highlight_tokens, stylesheet
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

if TYPE_CHECKING:
    from editor_app.export import ExportOptions

GENERATOR = "Article Editor"
"""The ``generator`` meta value that tells ``importers.html`` a page is its own."""

TEMPLATES_FOLDER = "templates"
PAGE_TEMPLATE = "article_page.html.j2"
PAGE_STYLESHEET = "article_page.css"
CODE_SELECTOR = "pre code"
ATTRIBUTION_DASH = "— "
UNTITLED = "Untitled article"
"""The page's ``<title>`` when the headline is empty (a title may not be empty)."""

_LANGUAGE_TAG = re.compile(r"[A-Za-z]{2,8}(?:-[A-Za-z0-9]{1,8})*")


def render_fragment(article: Article, options: ExportOptions) -> str:
    """The article's body as HTML for a CMS (no headline, no metadata)."""
    fragment = body_html(article.body)
    return f"{fragment}\n" if fragment else ""


def render_page(article: Article, options: ExportOptions) -> str:
    """The article as a complete, valid HTML5 document."""
    meta = article.meta
    include = options.include_metadata
    template = _environment().get_template(PAGE_TEMPLATE)
    return template.render(
        language=meta.language if _LANGUAGE_TAG.fullmatch(meta.language) else "",
        title=clean_text(meta.headline).strip() or UNTITLED,
        generator=GENERATOR,
        meta_tags=_meta_tags(meta) if include else [],
        stylesheet=_page_stylesheet(),
        headline=meta.headline,
        standfirst=meta.standfirst if include else "",
        credit_line=meta.credit_line if include else "",
        dateline=meta.dateline if include else "",
        created=_html_datetime(meta.created) if include and meta.created else "",
        section=meta.section if include else "",
        tags=meta.tags if include else (),
        body=body_html(article.body),
    )


# -- the body ------------------------------------------------------------------------


def body_html(blocks: tuple[Block, ...]) -> Markup:
    return Markup("\n").join(block_html(block) for block in blocks)


def block_html(block: Block) -> Markup:
    match block:
        case Paragraph():
            return Markup("<p>{}</p>").format(inline_html(block.content))
        case Heading():
            return Markup("<h{0}>{1}</h{0}>").format(block.level, inline_html(block.content))
        case BlockQuote():
            quote = Markup("<blockquote><p>{}</p></blockquote>").format(inline_html(block.content))
            if block.attribution:
                quote += Markup("<figcaption>{}</figcaption>").format(
                    _attribution(block.attribution)
                )
            return Markup('<figure class="quote">{}</figure>').format(quote)
        case PullQuote():
            inner = Markup("<p>{}</p>").format(inline_html(block.content))
            if block.attribution:
                inner += Markup('<p class="attribution">{}</p>').format(
                    _attribution(block.attribution)
                )
            return Markup('<aside class="pullquote">{}</aside>').format(inner)
        case ListBlock():
            tag = "ol" if block.ordered else "ul"
            items = Markup("").join(
                Markup("<li>{}</li>\n").format(inline_html(item)) for item in block.items
            )
            return Markup("<{0}>\n{1}</{0}>").format(tag, items)
        case CodeBlock():
            return code_html(block)
        case HorizontalRule():
            return Markup("<hr>")
    raise TypeError(f"not a block: {block!r}")  # pragma: no cover - exhaustive above


def _attribution(attribution: RichText) -> Markup:
    return escape(ATTRIBUTION_DASH) + inline_html(attribution)


def code_html(block: CodeBlock) -> Markup:
    """``<pre><code class="language-x">`` with a span for every highlighted token."""
    pieces = []
    for text, kind in highlight_tokens(clean_text(block.code), block.language):
        short = css_class(kind)
        if short:
            pieces.append(Markup('<span class="{}">{}</span>').format(short, text))
        else:
            pieces.append(escape(text))
    language = "-".join(block.language.split())
    opening = (
        Markup('<code class="language-{}">').format(language) if language else Markup("<code>")
    )
    return Markup("<pre>{}{}</code></pre>").format(opening, Markup("").join(pieces))


def inline_html(content: RichText) -> Markup:
    """Spans as HTML, one ``<a>``/``<strong>``/``<em>`` around neighbours that share it."""
    return _nested(list(content), ("link", "bold", "italic", "code"))


def _nested(spans: list[Span], marks: tuple[str, ...]) -> Markup:
    if not marks:
        return Markup("").join(text_html(span.text) for span in spans)
    mark, rest = marks[0], marks[1:]
    pieces = []
    for value, group in groupby(spans, key=lambda span: getattr(span, mark)):
        inner = _nested(list(group), rest)
        pieces.append(_wrap(mark, value, inner))
    return Markup("").join(pieces)


def _wrap(mark: str, value: object, inner: Markup) -> Markup:
    if mark == "link":
        href = safe_href(value) if isinstance(value, str) else None
        return inner if href is None else Markup('<a href="{}">{}</a>').format(href, inner)
    if not value:
        return inner
    tag = {"bold": "strong", "italic": "em", "code": "code"}[mark]
    return Markup("<{0}>{1}</{0}>").format(tag, inner)


def text_html(text: str) -> Markup:
    """Escaped text, its line breaks as ``<br>``."""
    return Markup("<br>").join(escape(line) for line in clean_text(text).split("\n"))


# -- the page ------------------------------------------------------------------------


def _meta_tags(meta: Metadata) -> list[tuple[str, str]]:
    """``<meta name content>`` pairs: what the page does not show, and exact copies of
    fields it shows reformatted (the byline is printed as a credit line)."""
    tags: list[tuple[str, str]] = []
    if meta.byline:
        tags.append(("author", meta.byline))
    if meta.standfirst:
        tags.append(("description", meta.standfirst))
    if meta.section:
        tags.append(("article:section", meta.section))
    tags.extend(("article:tag", tag) for tag in meta.tags)
    tags.append(("article-editor:status", meta.status.value))
    if meta.created:
        tags.append(("dcterms.created", meta.created.isoformat()))
    if meta.updated:
        tags.append(("dcterms.modified", meta.updated.isoformat()))
    return [(name, clean_text(content)) for name, content in tags]


def _html_datetime(moment: datetime) -> str:
    """A valid HTML date-time: at most millisecond precision, offsets as UTC."""
    timespec = "milliseconds" if moment.microsecond else "seconds"
    if moment.tzinfo is None:
        return moment.isoformat(timespec=timespec)
    try:
        in_utc = moment.astimezone(UTC)
    except OverflowError:
        raise ExportFailed(f"the date {moment.isoformat()} cannot be written in UTC") from None
    return in_utc.replace(tzinfo=None).isoformat(timespec=timespec) + "Z"


def _page_stylesheet() -> Markup:
    css = _template_source(PAGE_STYLESHEET) or ""
    css += "\n" + stylesheet(CODE_SELECTOR)
    # Raw text inside <style>: it must not be escaped, and cannot close the element.
    if "</" in css:
        raise ValueError("the page stylesheet must not contain '</'")
    return Markup(css.strip())


@cache
def _environment() -> Environment:
    environment = Environment(
        loader=FunctionLoader(_template_source),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    environment.filters["text"] = text_html
    environment.filters["clean"] = clean_text
    return environment


def _template_source(name: str) -> str | None:
    """A template from ``resources/templates`` (through importlib.resources)."""
    template = resource(TEMPLATES_FOLDER, name)
    return template.read_text(encoding="utf-8") if template.is_file() else None
