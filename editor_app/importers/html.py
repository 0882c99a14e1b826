"""HTML articles (``.html``, ``.htm``) and HTML pasted from web pages, Word and Google Docs.

How it reads
    1. A survey of the raw HTML (``html_clean.survey``) notes the page's
       language, title and ``<meta>`` tags, and lists every element that is
       removed with its content: scripts, stylesheets, ``<noscript>``, frames,
       embedded media and graphics, buttons and form fields.
    2. nh3 sanitises it: only the tags this importer maps survive, with
       ``class``/``id``/``role``, ``font-weight``/``font-style``/``mso-list``
       styles, and link targets that are http(s), mailto or relative.
    3. The tree is read into the article (``html_reader``).

Blocks
    The first ``<h1>`` is the headline (the ``<title>`` when there is none,
    noted); a later one is a level-2 heading; ``<h2>``-``<h4>`` keep their
    level and ``<h5>``/``<h6>`` become level 4. ``<p>`` and text in a
    ``<div>`` are paragraphs; ``<ul>``/``<ol>`` lists (nested lists flattened);
    ``<pre>`` code (the language from a ``language-x`` or ``lang-x`` class);
    ``<hr>`` a rule. ``<blockquote>`` is a quote: its attribution is a
    ``<figcaption>`` of the ``<figure>`` around it, a ``<footer>`` inside it, or
    a last line opening with a dash; ``<aside class="pullquote">`` is a pull
    quote, its ``p.attribution`` the attribution. A table becomes one
    paragraph per row, cells joined by " | " (noted). ``p.standfirst``,
    ``p.byline`` (its "By" dropped) and ``p.dateline`` fill the header fields
    wherever they stand, as Article Editor's pages write them.

Inline text
    ``<strong>``/``<b>`` bold, ``<em>``/``<i>``/``<cite>`` italic,
    ``<code>``/``<kbd>``/``<samp>`` code, ``<a href>`` links, ``<br>`` a line
    break, ``<q>`` its text in curly quotes. An inline ``font-weight`` or
    ``font-style`` overrides the tag, so Google Docs' ``<b style="font-weight:
    normal" id="docs-internal-guid-…">`` wrapper is not bold and its
    ``<span style="font-weight:700">`` is.

White space
    As a browser shows it: runs of spaces, tabs and source line breaks are one
    space, and white space at the start or end of a block or line goes; text on
    either side of a tag boundary between blocks never runs together. A
    ``&nbsp;`` standing alone between two characters ("10&nbsp;km",
    "«&nbsp;oui&nbsp;»") is kept: someone put it there to hold the two
    together. One beside other spaces or at an edge (Word's "&nbsp; " padding,
    ``<p>&nbsp;</p>``) is layout and goes like any space.

Word and Google Docs
    Word's ``MsoNormal`` paragraphs are paragraphs, ``MsoQuote`` and
    ``MsoIntenseQuote`` quotes, ``MsoTitle`` the headline, ``MsoSubtitle`` the
    standfirst; ``MsoListParagraph`` paragraphs (or ``mso-list`` styles) a list,
    numbered when Word's typed marker is a number or letter; the marker itself
    (``mso-list:Ignore``), ``<o:p>`` and conditional comments vanish.

Removed and reported
    Everything dropped is listed in the report with its kind and its text:
    the elements of step 1; navigation, footers, forms, pop-ups, sidebars
    (``<aside>`` but a pull quote) and comment, share, related-articles,
    newsletter, cookie and advertisement boxes recognised by tag, ARIA role,
    class or id; paragraphs, headings and lists that are entirely web
    furniture ("Leave a Reply", "Share this article"; see
    ``editor_app.cleanup``); images ("image: alt (address)"), tracking pixels
    (1×1 images) and image captions.

Limits
    Elements nested more than ``html_clean.MAX_DEPTH`` (100) deep lose their
    tags but keep their text (noted): no real page comes near, and it keeps a
    hostile one from exhausting the recursion.

Article Editor's own pages
    A page whose ``generator`` meta is Article Editor's is read exactly as
    ``export.html`` wrote it, so the round trip is lossless: white space
    and ``&nbsp;`` as written, no furniture detection, and the metadata the page
    does not show from its ``<meta>`` tags (author, article:section,
    article:tag, article-editor:status, dcterms.created, dcterms.modified).
    Any page's ``author`` meta (which wins over ``p.byline``), Open Graph
    ``article:section``/``article:tag``/``article:published_time``/
    ``article:modified_time`` and ``lang`` (or Word's ``<body lang>``) are
    read too.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from editor_app.errors import ImportFailed
from editor_app.importers.decoding import read_text_file_with_encoding
from editor_app.importers.html_clean import MAX_DEPTH, PageInfo, parse_tree, sanitise, survey
from editor_app.importers.html_reader import Reader
from editor_app.importers.report import ImportReport, ImportResult
from editor_app.model import DEFAULT_LANGUAGE, Article, Metadata, Status

_DECLARED_CHARSET = re.compile(r"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.IGNORECASE)


def import_file(path: Path) -> ImportResult:
    decoded = read_text_file_with_encoding(path)
    text, notes = decoded.text, []
    if decoded.guessed:
        declared = _declared_charset(decoded.text)
        if declared is not None:
            text = _decode_as(path, declared)
        else:
            notes.append(
                f"{path.name} is not UTF-8; it was read as {decoded.encoding} (a guess): "
                "check accented letters and quotation marks"
            )
    try:
        result = import_html(text)
    except ImportFailed as error:
        raise ImportFailed(f"{path.name}: {error}") from None
    if not notes:
        return result
    report = replace(result.report, notes=(*notes, *result.report.notes))
    return ImportResult(result.article, report)


def import_html(text: str) -> ImportResult:
    """An article from an HTML page or fragment; ``ImportFailed`` when it holds no text."""
    if not text.strip():
        raise ImportFailed("there is no text to import: it is empty")
    info = survey(text)
    reader = Reader(own=info.own)
    tree, flattened = parse_tree(sanitise(text))
    if flattened:
        reader.note(f"elements nested more than {MAX_DEPTH} deep were flattened (text kept)")
    reader.read_container(tree)
    meta = _metadata(info, reader)
    article = Article(meta=meta, body=tuple(reader.body))
    if not info.own and not article.body and not meta.headline:
        raise ImportFailed("there is no article text in this HTML, only page furniture")
    report = ImportReport(removed=(*info.removed, *reader.removed), notes=tuple(reader.notes))
    return ImportResult(article, report)


def _metadata(info: PageInfo, reader: Reader) -> Metadata:
    fields = {name: value for name, value in reader.meta.items()}
    if "headline" not in fields and info.title and not info.own:
        fields["headline"] = info.title
        reader.note("the page has no <h1>: its <title> became the headline")
    author = info.meta("author")
    if author is not None:
        fields["byline"] = author
    section = info.meta("article:section")
    if section is not None:
        fields["section"] = section
    fields["tags"] = tuple(info.metas.get("article:tag", ()))
    status = info.meta("article-editor:status")
    if status is not None:
        try:
            fields["status"] = Status(status.strip())
        except ValueError:
            reader.note(f"the page's status '{status}' is not one Article Editor knows")
    language = info.language if info.own else _conventional_case(info.language or "")
    fields["language"] = language or DEFAULT_LANGUAGE
    created = info.meta("dcterms.created") or info.meta("article:published_time")
    fields["created"] = _date(created or reader.created_text, "creation date", reader)
    updated = info.meta("dcterms.modified") or info.meta("article:modified_time")
    fields["updated"] = _date(updated, "modification date", reader)
    return Metadata(**fields)


def _conventional_case(tag: str) -> str:
    """A language tag as usually written: "EN-GB" and "en_gb" as "en-GB"."""
    parts = [part for part in re.split(r"[-_]", tag.strip()) if part]
    cased = [parts[0].lower()] if parts else []
    for part in parts[1:]:
        if len(part) == 2:
            cased.append(part.upper())
        elif len(part) == 4:
            cased.append(part.title())
        else:
            cased.append(part.lower())
    return "-".join(cased)


def _date(value: str | None, what: str, reader: Reader) -> datetime | None:
    if not value or not value.strip():
        return None
    try:
        return datetime.fromisoformat(value.strip())
    except ValueError:
        reader.note(f"the page's {what} '{value}' is not a date and was left out")
        return None


def _declared_charset(text: str) -> str | None:
    """The encoding a ``<meta charset>`` (or http-equiv) declares, if Python knows it."""
    match = _DECLARED_CHARSET.search(text[:4096])
    if match is None:
        return None
    try:
        return codecs.lookup(match.group(1)).name
    except LookupError:
        return None


def _decode_as(path: Path, encoding: str) -> str:
    try:
        return path.read_bytes().decode(encoding, errors="replace")
    except OSError as error:
        raise ImportFailed(f"cannot read {path.name}: {error.strerror}") from None
