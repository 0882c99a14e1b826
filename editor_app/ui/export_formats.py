"""What the export dialog says and previews for each export format. No Qt here.

The export registry (``editor_app.export``) knows formats by short names ("md",
"ninjs"); people know them as "Markdown" or "ninjs JSON" and want to see the
result before they write a file. This module maps one to the other, picks the
file suffix and the save dialog's filter, and turns a rendered export into
what the preview shows. A format the registry gains later still works here:
it gets its short name as a title and a text preview when its output is text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from editor_app.export import (
    FORMAT_BY_SUFFIX,
    ExportOptions,
    export_article,
    format_names,
    render,
)
from editor_app.model import Article

PAGE_FORMAT = "html"
FRAGMENT_FORMAT = "html-fragment"
"""The body alone as HTML: what "Copy as HTML" puts on the clipboard."""

FORMAT_TITLES = {
    PAGE_FORMAT: "Web page (HTML)",
    FRAGMENT_FORMAT: "HTML fragment for the CMS",
    "docx": "Word document (DOCX)",
    "md": "Markdown",
    "txt": "Plain text",
    "ninjs": "ninjs JSON",
    "article": "Article Editor file",
}
"""Names for people, in the order the dialog lists the formats (unknown ones follow)."""

FORMAT_DESCRIPTIONS = {
    PAGE_FORMAT: "A complete web page with its own styles, to publish or send as one file.",
    FRAGMENT_FORMAT: "The body alone as clean HTML, for the HTML field of the CMS.",
    "docx": "A Word document in the house styles, for editing, review and print.",
    "md": "Markdown with the metadata as front matter; opens again in Article Editor.",
    "txt": "Plain text, a blank line between blocks, for e-mail and wire systems.",
    "ninjs": "IPTC ninjs 2.0 JSON, the shape news agencies and content APIs ingest.",
    "article": "Article Editor's own file: everything, exactly, to open again later.",
}

FALLBACK_SUFFIXES = {FRAGMENT_FORMAT: ".html"}
"""The suffix of a format the suffix table does not name (a fragment has no suffix of its own)."""

METADATA_FORMATS = frozenset({PAGE_FORMAT, "docx", "md", "txt", "ninjs"})
"""Formats that honour ``ExportOptions.include_metadata``; the others ignore it."""

METADATA_OPTION_HINTS = {
    PAGE_FORMAT: "Standfirst, byline, dateline, section and tags on the page and in its head.",
    "docx": "Standfirst, byline and dateline paragraphs, and the document's properties.",
    "md": "The YAML front matter: standfirst, byline, dateline, section, tags, status, dates.",
    "txt": "The headline, standfirst, byline and dateline above the body.",
    "ninjs": "Headlines, descriptions, byline, dateline and subjects.",
}

SOURCE_LANGUAGES = {
    PAGE_FORMAT: "html",
    FRAGMENT_FORMAT: "html",
    "docx": "html",
    "md": "markdown",
    "txt": "text",
    "ninjs": "json",
    "article": "json",
}
"""The Pygments language of a format's source; unknown formats are shown as plain text."""

APPROXIMATED_BY_PAGE = frozenset({"docx"})
"""Binary formats the preview cannot show: it shows the web page of the article instead."""

APPROXIMATION_NOTE = (
    "A Word document cannot be shown here. The preview is the web page of the same "
    "article: an approximation of the document's text and layout, not the file itself."
)


@dataclass(frozen=True)
class ExportPreview:
    """What the dialog shows for one format: a rich view, the source, and a note."""

    source: str
    """The text of the Source tab (for a binary format, the HTML it is approximated by)."""
    language: str
    """The Pygments language of ``source``."""
    html: str | None
    """HTML for the rich preview, or ``None`` to show ``source`` as monospace text."""
    note: str = ""
    """Said above the preview when it is not the file itself."""


def export_formats() -> tuple[str, ...]:
    """Every format the dialog offers: the known ones in ``FORMAT_TITLES`` order, then the rest."""
    names = list(format_names())
    order = list(FORMAT_TITLES)
    return tuple(sorted(names, key=lambda name: order.index(name) if name in order else len(order)))


def format_title(format_name: str) -> str:
    return FORMAT_TITLES.get(format_name, format_name)


def format_description(format_name: str) -> str:
    return FORMAT_DESCRIPTIONS.get(format_name, "")


def format_suffixes(format_name: str) -> tuple[str, ...]:
    """The file suffixes of a format, its usual one first."""
    suffixes = tuple(suffix for suffix, name in FORMAT_BY_SUFFIX.items() if name == format_name)
    fallback = FALLBACK_SUFFIXES.get(format_name)
    if not suffixes and fallback:
        return (fallback,)
    return suffixes


def file_filter(format_name: str) -> str:
    """The save dialog's filter: "Markdown (*.md *.markdown)"."""
    patterns = " ".join(f"*{suffix}" for suffix in format_suffixes(format_name)) or "*"
    return f"{format_title(format_name)} ({patterns})"


def honours_metadata_option(format_name: str) -> bool:
    return format_name in METADATA_FORMATS or format_name not in FORMAT_TITLES


def suggested_file_name(source: Path | None, headline: str, format_name: str) -> str:
    """The current file's name (or one made from the headline) with the format's suffix."""
    suffixes = format_suffixes(format_name)
    return suggested_stem(source, headline) + (suffixes[0] if suffixes else "")


def suggested_stem(source: Path | None, headline: str) -> str:
    """The current file's name without its format suffix, else one made from the headline."""
    if source is not None:
        name = source.name
        for suffix in sorted(FORMAT_BY_SUFFIX, key=len, reverse=True):
            if name.lower().endswith(suffix):
                return name[: -len(suffix)]
        return source.stem
    words = "".join(c if c.isalnum() else " " for c in headline.lower())
    return "-".join(words.split()[:8]) or "article"


def render_export(article: Article, format_name: str, options: ExportOptions) -> bytes:
    """The exported file's bytes (raises ``ExportFailed``/``UnsupportedFormat``)."""
    return render(article, format_name, options)


def export_to_file(article: Article, path: Path, format_name: str, options: ExportOptions) -> None:
    """Write the export atomically: a failure leaves any previous file as it was."""
    export_article(article, path, format_name, options)


def html_fragment(article: Article) -> str:
    """The body as the CMS fragment (the "html-fragment" format)."""
    return render_export(article, FRAGMENT_FORMAT, ExportOptions()).decode("utf-8")


def build_preview(article: Article, format_name: str, options: ExportOptions) -> ExportPreview:
    """What the dialog shows for ``format_name`` (raises what rendering raises)."""
    if format_name in APPROXIMATED_BY_PAGE:
        page = render_export(article, PAGE_FORMAT, options).decode("utf-8")
        return ExportPreview(page, "html", page, APPROXIMATION_NOTE)
    output = render_export(article, format_name, options)
    language = SOURCE_LANGUAGES.get(format_name, "text")
    try:
        text = output.decode("utf-8")
    except UnicodeDecodeError:
        size = f"{len(output):,} bytes"
        return ExportPreview("", "text", None, f"This format is binary ({size}): no preview.")
    return ExportPreview(text, language, text if language == "html" else None)
