"""IPTC ninjs 2.0 ("News in JSON"), the shape many CMS and wire pipelines ingest.

The document
    ``standard`` names ninjs 2.0 and its schema (the specification's version
    marker), then ``uri``, ``type: "text"``, ``language``, ``pubstatus``, the
    dates, ``headlines`` (role "main"), ``descriptions`` (the standfirst, role
    "summary"), ``by``, ``located``, ``subjects`` and ``bodies``. Keys come in
    that order every time, indented two spaces, non-ASCII written as itself.
    Empty fields are left out rather than written as empty strings.

``uri``
    ``urn:article-editor:article:<slug>:<created>``: the headline as a slug
    (lower case, accents dropped, words joined by "-", at most 60 characters,
    any non-ASCII letter percent-encoded) and the creation time in UTC as
    ``YYYYMMDDTHHMMSSZ``; "untitled" and "undated" stand in for a missing
    headline or date. The same article always gets the same URN and editing
    the body keeps it, but a changed headline makes a new one: the model has
    no identifier of its own to use instead.

Dates
    ``firstcreated`` is the created date, ``versioncreated`` the updated date
    (the created one for an article never updated), both in UTC with a "Z". A
    date without a UTC offset is read as UTC, so the file does not depend on
    the exporting machine's time zone.

``pubstatus``
    "usable" for a published article; "withheld" for a draft, one in edit or
    one ready, so a pipeline does not publish copy the desk has not released.

``by`` and ``located``
    The byline's names (a "By" typed in front is dropped, as ninjs wants the
    names) and the dateline.

``subjects``
    The section, then each tag once, each with its ``name`` and a ``uri`` of
    ``urn:article-editor:section:<slug>`` or ``urn:article-editor:tag:<slug>``
    (no ``uri`` when the name has no letter or digit to make a slug of).

``bodies``
    The body as HTML (``text/html``, from ``export.html.render_fragment``)
    and as plain text (``text/plain``, ``Article.plain_body``: one block a
    paragraph, code blocks left out), both with role "main" and the same
    ``wordcount`` and ``charcount`` (code points of the plain text). An
    article without blocks has no bodies.

``ExportOptions(include_metadata=False)`` leaves out the editorial metadata
(headlines, descriptions, by, located, subjects) but keeps what identifies and
administers the item: standard, uri, type, language, pubstatus and dates.
"""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any
from urllib.parse import quote

from editor_app.errors import ExportFailed
from editor_app.export.html import render_fragment
from editor_app.model import Article, Metadata, Status

if TYPE_CHECKING:
    from editor_app.export import ExportOptions

NINJS_VERSION = "2.0"
NINJS_SCHEMA_URI = "https://www.iptc.org/std/ninjs/ninjs-schema_2.0.json"
SCHEMA_RESOURCE = ("schemas", "ninjs-2.0.schema.json")
"""Our JSON Schema of ninjs 2.0, under ``resources/`` (see its README)."""

URN_PREFIX = "urn:article-editor"
SLUG_LIMIT = 60
MAIN_ROLE = "main"
SUMMARY_ROLE = "summary"

_BY_PREFIX = re.compile(r"\Aby\s+", re.IGNORECASE)
_NOT_WORD = re.compile(r"[\W_]+")

JsonObject = dict[str, Any]


def render(article: Article, options: ExportOptions) -> str:
    document = ninjs_document(article, options)
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def ninjs_document(article: Article, options: ExportOptions) -> JsonObject:
    """The ninjs object as Python data, keys in output order."""
    meta = article.meta
    document: JsonObject = {
        "standard": {"name": "ninjs", "version": NINJS_VERSION, "schema": NINJS_SCHEMA_URI},
        "uri": article_uri(meta),
        "type": "text",
    }
    if meta.language.strip():
        document["language"] = meta.language.strip()
    document["pubstatus"] = pubstatus(meta.status)
    document.update(_dates(meta))
    if options.include_metadata:
        document.update(_editorial_metadata(meta))
    if article.body:
        document["bodies"] = _bodies(article, options)
    return document


def pubstatus(status: Status) -> str:
    return "usable" if status is Status.PUBLISHED else "withheld"


def article_uri(meta: Metadata) -> str:
    slug = slugify(meta.headline) or "untitled"
    stamp = _utc(meta.created, "created").strftime("%Y%m%dT%H%M%SZ") if meta.created else None
    return f"{URN_PREFIX}:article:{slug}:{stamp or 'undated'}"


def slugify(text: str) -> str:
    """Lower-case words joined by "-", accents dropped, safe inside a URN.

    Letters outside ASCII (Greek, Cyrillic, CJK...) are kept, percent-encoded,
    so a headline in another script still gets a slug of its own.
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    slug = _NOT_WORD.sub("-", bare).strip("-")
    if len(slug) > SLUG_LIMIT:
        cut = slug[:SLUG_LIMIT]
        slug = cut.rsplit("-", 1)[0] if "-" in cut else cut
    return quote(unicodedata.normalize("NFC", slug), safe="-")


def _utc(moment: datetime, what: str) -> datetime:
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    try:
        return moment.astimezone(UTC)
    except OverflowError:
        raise ExportFailed(
            f"the {what} date {moment.isoformat()} cannot be written in UTC for ninjs"
        ) from None


def _timestamp(moment: datetime, what: str) -> str:
    return _utc(moment, what).isoformat().replace("+00:00", "Z")


def _dates(meta: Metadata) -> JsonObject:
    dates: JsonObject = {}
    if meta.created:
        dates["firstcreated"] = _timestamp(meta.created, "created")
    latest = meta.updated or meta.created
    if latest:
        dates["versioncreated"] = _timestamp(latest, "updated" if meta.updated else "created")
    return dates


def _one_line(text: str) -> str:
    return " ".join(line.strip() for line in text.splitlines() if line.strip())


def byline_names(byline: str) -> str:
    """The byline without a typed "By ": ninjs ``by`` holds the creators' names."""
    return _BY_PREFIX.sub("", _one_line(byline))


def _plain_text(role: str, value: str) -> JsonObject:
    return {"role": role, "contenttype": "text/plain", "value": value}


def _editorial_metadata(meta: Metadata) -> JsonObject:
    fields: JsonObject = {}
    headline = _one_line(meta.headline)
    if headline:
        fields["headlines"] = [_plain_text(MAIN_ROLE, headline)]
    standfirst = meta.standfirst.strip()
    if standfirst:
        fields["descriptions"] = [_plain_text(SUMMARY_ROLE, standfirst)]
    names = byline_names(meta.byline)
    if names:
        fields["by"] = names
    located = _one_line(meta.dateline)
    if located:
        fields["located"] = located
    subjects = _subjects(meta)
    if subjects:
        fields["subjects"] = subjects
    return fields


def _subjects(meta: Metadata) -> list[JsonObject]:
    subjects: list[JsonObject] = []
    section = _one_line(meta.section)
    if section:
        subjects.append(_subject("section", section))
    seen: set[str] = set()
    for tag in meta.tags:
        name = _one_line(tag)
        if name and name not in seen:
            seen.add(name)
            subjects.append(_subject("tag", name))
    return subjects


def _subject(kind: str, name: str) -> JsonObject:
    subject: JsonObject = {"name": name}
    slug = slugify(name)
    if slug:
        subject["uri"] = f"{URN_PREFIX}:{kind}:{slug}"
    return subject


def _bodies(article: Article, options: ExportOptions) -> list[JsonObject]:
    plain = article.plain_body()
    counts = {"charcount": len(plain), "wordcount": article.word_count()}
    return [
        {
            "role": MAIN_ROLE,
            "contenttype": "text/html",
            **counts,
            "value": render_fragment(article, options),
        },
        {"role": MAIN_ROLE, "contenttype": "text/plain", **counts, "value": plain},
    ]
