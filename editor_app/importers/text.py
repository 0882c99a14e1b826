"""Plain-text articles (``.txt``, ``.text``, pasted text).

Paragraphs
    Paragraphs are separated by blank lines; the lines inside one are joined with
    a space (hard-wrapped text). A text with no blank line at all has one
    paragraph per line. A paragraph whose every line starts with a list marker
    ("- ", "* ", "• ", "1. ", "2) ") keeps its line breaks, so a list stays
    readable; it is not turned into a list block (Markdown is the Markdown
    importer's job). A paragraph that is only ``***``, ``---``, ``___`` or
    ``* * *`` becomes a horizontal rule.

White space
    Runs of white space become one space and each paragraph is trimmed; a lone
    non-breaking or thin space inside a line is kept (it is deliberate). Quotes,
    apostrophes, dashes and ellipses are never touched.

Web leftovers
    Paragraphs that are entirely web-page furniture ("190 Interactions", "Leave a
    Reply", "Share this article", cookie banners...; see ``editor_app.cleanup``)
    are dropped wherever they stand and listed verbatim in the report.

The header, tried in this order
    1. Scraped page: the first paragraph is a cut-off copy of the lead (at least
       five words that begin the first body paragraph, compared ignoring case,
       spacing and quotation marks) and the second is headline-like and shorter.
       The copy becomes the standfirst and the second paragraph the headline; a
       byline and a dateline may stand between them and the lead. (Wire copy
       whose headline happens to begin the lead has the same shape only if its
       standfirst is shorter than its headline and reads like one.)
    2. Wire copy (what the text exporter writes): headline, an optional
       standfirst, a byline ("By ...", one line, at most 12 words, not ending
       like a sentence), an optional dateline ("BRUSSELS", "LONDON, 3 March
       2025": at most six capitalised words or numbers), then the body. The
       "By" is dropped: the byline holds the names.
    3. Otherwise the first paragraph is the headline when it is headline-like
       (one line, at most 20 words, not ending in a full stop, comma, colon or
       semicolon) and something follows it; everything else is body. A
       standfirst is never guessed out of the lead.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field, replace
from pathlib import Path

from editor_app.cleanup import find_leftover
from editor_app.errors import ImportFailed
from editor_app.importers.decoding import normalise_newlines, read_text_file_with_encoding
from editor_app.importers.report import ImportReport, ImportResult
from editor_app.model import Article, Block, HorizontalRule, Metadata, Paragraph, RichText

_KEPT_SPACES = frozenset("\u00a0\u202f\u2007\u2009\u200a")
_WHITESPACE = re.compile(r"\s+")
_LIST_LINE = re.compile(r"(?:[-*•+–]|\d{1,3}[.)])\s+\S")
_RULE = re.compile(r"(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,}")
_BYLINE = re.compile(r"by\s+(?=\S)", re.IGNORECASE)
_SENTENCE_END = (".", "!", "?", ":", ";")
_HEADLINE_BAD_END = (".", ",", ":", ";")
_QUOTES = str.maketrans(dict.fromkeys("'\"‘’‚“”„«»‹›"))

_PLACE_CONNECTORS = frozenset(
    {"al", "am", "an", "and", "da", "das", "de", "del", "den", "der", "di", "do", "dos", "e"}
    | {"el", "en", "im", "la", "le", "les", "of", "on", "sur", "the", "upon", "van", "von", "y"}
)

MIN_COPY_WORDS = 5
MAX_HEADLINE_WORDS = 20
MAX_WIRE_HEADLINE_WORDS = 30
MAX_BYLINE_WORDS = 12
MAX_DATELINE_WORDS = 6


@dataclass(frozen=True)
class _Paragraph:
    raw: str
    """The lines as written (for the report), outer white space trimmed."""
    text: str
    """Tidied: white space collapsed, lines joined."""
    line_count: int

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def is_rule(self) -> bool:
        return _RULE.fullmatch(self.text) is not None

    @property
    def is_single_line(self) -> bool:
        return self.line_count == 1 and not self.is_rule


@dataclass(frozen=True)
class _Header:
    size: int
    """How many paragraphs the header took."""
    meta: Metadata = field(default_factory=Metadata)
    note: str = ""


def import_file(path: Path) -> ImportResult:
    decoded = read_text_file_with_encoding(path)
    result = import_text(decoded.text)
    if not decoded.guessed:
        return result
    note = (
        f"{path.name} is not UTF-8; it was read as {decoded.encoding} (a guess): "
        "check accented letters and quotation marks"
    )
    report = replace(result.report, notes=(note, *result.report.notes))
    return ImportResult(result.article, report)


def import_text(text: str) -> ImportResult:
    """An article from plain text, e.g. pasted from a web page."""
    paragraphs = _split_paragraphs(normalise_newlines(text))
    if not paragraphs:
        raise ImportFailed("there is no text to import: it is empty")
    kept: list[_Paragraph] = []
    removed: list[str] = []
    for paragraph in paragraphs:
        if find_leftover(paragraph.raw) is None:
            kept.append(paragraph)
        else:
            removed.append(paragraph.raw)
    header = _scraped_header(kept) or _wire_header(kept) or _plain_header(kept)
    body = tuple(_block(paragraph) for paragraph in kept[header.size :])
    report = ImportReport(removed=tuple(removed), notes=(header.note,) if header.note else ())
    return ImportResult(Article(meta=header.meta, body=body), report)


# -- paragraphs ------------------------------------------------------------------------


def _split_paragraphs(text: str) -> list[_Paragraph]:
    groups: list[list[str]] = [[]]
    for line in text.split("\n"):
        if line.strip():
            groups[-1].append(line)
        elif groups[-1]:
            groups.append([])
    groups = [group for group in groups if group]
    if len(groups) == 1:  # no blank line anywhere: one paragraph per line
        groups = [[line] for line in groups[0]]
    return [_paragraph(lines) for lines in groups]


def _paragraph(lines: list[str]) -> _Paragraph:
    tidied = [_tidy(line) for line in lines]
    keep_breaks = len(lines) > 1 and all(_LIST_LINE.match(line) for line in tidied)
    text = ("\n" if keep_breaks else " ").join(tidied)
    return _Paragraph(raw="\n".join(lines).strip(), text=text, line_count=len(lines))


def _tidy(line: str) -> str:
    """Trim, and make each run of white space one space (a lone NBSP stays)."""
    return _WHITESPACE.sub(_one_space, line.strip())


def _one_space(match: re.Match[str]) -> str:
    space = match.group()
    return space if space in _KEPT_SPACES else " "


def _block(paragraph: _Paragraph) -> Block:
    if paragraph.is_rule:
        return HorizontalRule()
    return Paragraph(RichText.plain_text(paragraph.text))


# -- the header ------------------------------------------------------------------------


def _scraped_header(paragraphs: list[_Paragraph]) -> _Header | None:
    if len(paragraphs) < 3 or not _is_headline(paragraphs[1]):
        return None
    copy = paragraphs[0]
    if copy.is_rule or "\n" in copy.text or copy.words <= paragraphs[1].words:
        return None
    index = 2
    byline = ""
    if _is_byline(paragraphs[index]):
        byline = _byline_names(paragraphs[index])
        index += 1
    dateline = ""
    if (
        index + 1 < len(paragraphs)
        and _is_dateline(paragraphs[index])
        and not _is_cut_copy(copy.text, paragraphs[index].text)
    ):
        dateline = paragraphs[index].text
        index += 1
    if index >= len(paragraphs) or _is_dateline(paragraphs[index]):
        return None
    if not _is_cut_copy(copy.text, paragraphs[index].text):
        return None
    meta = Metadata(
        headline=paragraphs[1].text, standfirst=copy.text, byline=byline, dateline=dateline
    )
    note = (
        "the first paragraph repeated the start of the lead, as on a copied web page: "
        "it became the standfirst and the second paragraph the headline"
    )
    return _Header(index, meta, note)


def _wire_header(paragraphs: list[_Paragraph]) -> _Header | None:
    if not paragraphs or not _is_wire_headline(paragraphs[0]):
        return None
    for byline_at in (2, 1):
        if len(paragraphs) <= byline_at or not _is_byline(paragraphs[byline_at]):
            continue
        standfirst = paragraphs[1] if byline_at == 2 else None
        if standfirst is not None and (standfirst.is_rule or "\n" in standfirst.text):
            continue
        index = byline_at + 1
        dateline = ""
        if index < len(paragraphs) and _is_dateline(paragraphs[index]):
            dateline = paragraphs[index].text
            index += 1
        meta = Metadata(
            headline=paragraphs[0].text,
            standfirst=standfirst.text if standfirst else "",
            byline=_byline_names(paragraphs[byline_at]),
            dateline=dateline,
        )
        return _Header(index, meta)
    return None


def _plain_header(paragraphs: list[_Paragraph]) -> _Header:
    if len(paragraphs) >= 2 and _is_headline(paragraphs[0]):
        return _Header(1, Metadata(headline=paragraphs[0].text))
    return _Header(0)


def _is_headline(paragraph: _Paragraph) -> bool:
    return (
        paragraph.is_single_line
        and paragraph.words <= MAX_HEADLINE_WORDS
        and not paragraph.text.endswith(_HEADLINE_BAD_END)
    )


def _is_wire_headline(paragraph: _Paragraph) -> bool:
    """A byline below vouches for the shape, so a headline may end in a full stop."""
    return paragraph.is_single_line and paragraph.words <= MAX_WIRE_HEADLINE_WORDS


def _is_byline(paragraph: _Paragraph) -> bool:
    return (
        paragraph.is_single_line
        and paragraph.words <= MAX_BYLINE_WORDS
        and _BYLINE.match(paragraph.text) is not None
        and not paragraph.text.endswith(_SENTENCE_END)
    )


def _byline_names(paragraph: _Paragraph) -> str:
    return _BYLINE.sub("", paragraph.text, count=1)


def _is_dateline(paragraph: _Paragraph) -> bool:
    words = paragraph.text.split()
    return (
        paragraph.is_single_line
        and 0 < len(words) <= MAX_DATELINE_WORDS
        and (words[0][0].isupper() or words[0][0].isdigit())
        and not paragraph.text.endswith((*_SENTENCE_END, ",", "…"))
        and all(_is_place_or_date_word(word) for word in words)
    )


def _is_place_or_date_word(word: str) -> bool:
    """A word of a dateline: "LONDON", "Kyiv,", "3", "March", "2025", "upon"."""
    core = word.strip(",()")
    if not core:
        return False
    return core[0].isupper() or core[0].isdigit() or core in _PLACE_CONNECTORS


def _is_cut_copy(copy: str, lead: str) -> bool:
    """Whether ``copy`` is the start of ``lead``, perhaps cut mid-sentence."""
    start = _comparable(copy).rstrip(" .…")
    return len(start.split()) >= MIN_COPY_WORDS and _comparable(lead).startswith(start)


def _comparable(text: str) -> str:
    return " ".join(text.casefold().translate(_QUOTES).split())
