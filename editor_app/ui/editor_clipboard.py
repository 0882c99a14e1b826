"""What the editor puts on the clipboard, and what it makes of a paste.

Copy puts three formats side by side: our own lossless fragment
(``FRAGMENT_MIME``: the selected blocks in the canonical ``.article.json``
form, so pull quotes, attributions and every mark survive a copy inside the
app or between two windows), clean HTML (the CMS fragment the HTML export
writes) for rich editors, and plain text for everything else.

Paste takes the best format offered: ours first; then HTML, read by the HTML
importer (sanitised by nh3, scripts, tracking images and web furniture dropped
and reported, Word's and Google Docs' markup understood); then plain text
(``blocks_from_plain_text``). Each becomes model blocks plus the sentence the
status bar shows (``paste_report``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from PySide6.QtCore import QMimeData

from editor_app.errors import ArticleEditorError, ImportFailed
from editor_app.export import ExportOptions
from editor_app.importers.report import ImportReport
from editor_app.model import (
    Article,
    Block,
    BlockQuote,
    Heading,
    HorizontalRule,
    ListBlock,
    Paragraph,
    PullQuote,
    RichText,
    jsonformat,
)
from editor_app.ui.paste_report import paste_sentence

FRAGMENT_MIME = "application/x-article-editor-fragment+json"

WRAPPED_LINE_MAX = 100
"""A line longer than this was not hard-wrapped: it is a paragraph of its own."""
SHORT_LINE_MAX = 50
"""When every line of a paste is this short (an address, a verse, a list), its line
breaks are kept instead of being joined into running text."""

_TITLE_ELEMENT = re.compile(r"<title\b[^>]*>.*?</title\s*>", re.IGNORECASE | re.DOTALL)
_LIST_LINE = re.compile(r"(?:[-*•+–]|\d{1,3}[.)])\s+\S")
_RULE_LINE = re.compile(r"(?:\*\s*){3,}|(?:-\s*){3,}|(?:_\s*){3,}")
_SPACE_RUN = re.compile(r"\s+")
_HELD_SPACES = "\u00a0\u202f\u2007"
"""No-break spaces: kept only where they hold a number to its unit (or French punctuation)."""
_UNIT_SIDE = re.compile(r"[^\W_]|[%‰°€$£¥]")
_CURRENCY_BEFORE = frozenset("€$£¥#№")
_FRENCH_OPENING = frozenset("«‹")
_FRENCH_CLOSING = frozenset("»›;:!?")


@dataclass(frozen=True)
class Paste:
    """A clipboard's content as model blocks, and the sentence that reports it."""

    blocks: tuple[Block, ...]
    sentence: str


# -- copy ------------------------------------------------------------------------------


def fragment_mime_data(blocks: tuple[Block, ...]) -> QMimeData:
    """The three clipboard formats for ``blocks``."""
    data = QMimeData()
    data.setData(FRAGMENT_MIME, encode_fragment(blocks))
    article = Article(body=blocks)
    options = ExportOptions(include_metadata=False)
    # The exporters and importers load on first copy or paste, not at start-up.
    from editor_app.export import html as html_export
    from editor_app.export import text as text_export

    data.setHtml(html_export.render_fragment(article, options))
    data.setText(text_export.render(article, options).removesuffix("\n"))
    return data


def encode_fragment(blocks: tuple[Block, ...]) -> bytes:
    """The blocks as an ``.article.json`` document with empty metadata: versioned and
    read back by the same code that reads files."""
    return jsonformat.dumps(Article(body=blocks)).encode("utf-8")


def decode_fragment(data: bytes) -> tuple[Block, ...] | None:
    """The blocks of ``encode_fragment``'s output; ``None`` when it is not one (a newer
    version, another program's data under our name)."""
    try:
        return jsonformat.loads(data.decode("utf-8")).body
    except (UnicodeDecodeError, ArticleEditorError):
        return None


# -- paste -----------------------------------------------------------------------------


def can_paste(data: QMimeData) -> bool:
    return data.hasFormat(FRAGMENT_MIME) or data.hasHtml() or bool(data.hasText() and data.text())


def read_paste(data: QMimeData) -> Paste | None:
    """The best content ``data`` offers as blocks; ``None`` when it holds nothing usable."""
    if data.hasFormat(FRAGMENT_MIME):
        blocks = decode_fragment(bytes(data.data(FRAGMENT_MIME).data()))
        if blocks is not None:
            return Paste(blocks, paste_sentence(blocks, ImportReport()))
    text = data.text() if data.hasText() else ""
    if data.hasHtml():
        pasted = paste_from_html(data.html())
        if pasted is not None:
            return Paste(keep_edge_spaces(pasted.blocks, text), pasted.sentence)
    if text.strip():
        blocks, report = blocks_from_plain_text(text)
        return Paste(keep_edge_spaces(blocks, text), paste_sentence(blocks, report))
    return None


def keep_edge_spaces(blocks: tuple[Block, ...], text: str) -> tuple[Block, ...]:
    """A few words pasted into a sentence keep the space before or after them that
    the copied text had, so they do not fuse with the words around them."""
    if len(blocks) != 1 or not isinstance(blocks[0], Paragraph) or not text.strip():
        return blocks
    content = blocks[0].content
    if text[0] in " \t" and not content.plain[:1].isspace():
        content = RichText.plain_text(" ") + content
    if text[-1] in " \t" and not content.plain[-1:].isspace():
        content = content + RichText.plain_text(" ")
    return (Paragraph(content),)


def paste_from_html(source: str) -> Paste | None:
    """HTML from a browser, Word or Google Docs as clean blocks; ``None`` when it holds
    no article text (only furniture, or nothing), so the plain text can be tried.

    A page's ``<title>`` is not pasted text (the importer would make it the
    headline); a first ``<h1>`` or Word title the person selected is, as a
    level-2 heading, and a Word subtitle as a paragraph.
    """
    try:
        from editor_app.importers.html import import_html

        result = import_html(_TITLE_ELEMENT.sub("", source))
    except ImportFailed:
        return None
    meta = result.article.meta
    lead: list[Block] = []
    if meta.headline.strip():
        lead.append(Heading(RichText.plain_text(meta.headline.strip()), level=2))
    if meta.standfirst.strip():
        lead.append(Paragraph(RichText.plain_text(meta.standfirst.strip())))
    blocks = tuple(_tidy_block(block) for block in (*lead, *result.article.body))
    if not blocks:
        return None
    return Paste(blocks, paste_sentence(blocks, result.report, _html_source(source)))


def _tidy_block(block: Block) -> Block:
    """The block with the no-break spaces that hold nothing made plain (see ``tidy_line``)."""
    match block:
        case Paragraph() | Heading():
            return replace(block, content=tidy_rich(block.content))
        case BlockQuote() | PullQuote():
            return replace(
                block, content=tidy_rich(block.content), attribution=tidy_rich(block.attribution)
            )
        case ListBlock():
            return replace(block, items=tuple(tidy_rich(item) for item in block.items))
    return block


def tidy_rich(text: RichText) -> RichText:
    """Stray no-break spaces in inline content as plain spaces, marks kept."""
    plain = text.plain
    for index, character in enumerate(plain):
        if character in _HELD_SPACES and not _holds(plain, index):
            text = text.replace_range(index, index + 1, " ")
    return text


def _html_source(source: str) -> str:
    """Where pasted HTML came from, as the report names it."""
    head = source[:20000]
    if "docs-internal-guid" in head:
        return "Google Docs"
    if "urn:schemas-microsoft-com:office" in head or 'class="Mso' in head or "class=Mso" in head:
        return "Word"
    return "HTML"


# -- plain text ------------------------------------------------------------------------


def blocks_from_plain_text(text: str) -> tuple[tuple[Block, ...], ImportReport]:
    """Pasted plain text as paragraphs, and what was dropped as web leftovers.

    Paragraphs are separated by blank lines. Inside one, hard-wrapped lines are
    joined with a space (a hyphen at a line's end joins without one, so
    "well-" + "known" stays "well-known"); a line longer than any wrap width is
    a paragraph of its own; lines that all start with a list marker keep their
    breaks, and so does every line when the whole paste is short lines. Runs of
    spaces and tabs become one space; a no-break space becomes a plain one unless
    it holds a number to its unit ("10 km", "€ 5") or stands inside French
    quotation marks or before French punctuation. Quotes, apostrophes and
    dashes are never touched. Paragraphs that are wholly web furniture ("Leave
    a Reply") are dropped and reported, unless nothing else was pasted.
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").replace("\u2028", "\n")
    lines = lines.replace("\u2029", "\n\n")
    groups = _line_groups(lines.split("\n"))
    all_lines = [line for group in groups for line in group]
    keep_breaks = len(all_lines) > 1 and all(
        len(line.strip()) <= SHORT_LINE_MAX for line in all_lines
    )
    raw: list[str] = []
    for group in groups:
        raw.extend(_paragraphs(group, keep_breaks=keep_breaks))
    from editor_app.cleanup import find_leftover

    kept = [paragraph for paragraph in raw if find_leftover(paragraph) is None]
    if not kept:
        kept = raw
    removed = tuple(
        f"{match.reason}: {paragraph}"
        for paragraph in raw
        if paragraph not in kept and (match := find_leftover(paragraph)) is not None
    )
    blocks = tuple(_block(paragraph) for paragraph in kept)
    return blocks, ImportReport(removed=removed)


def _line_groups(lines: list[str]) -> list[list[str]]:
    groups: list[list[str]] = [[]]
    for line in lines:
        if line.strip():
            groups[-1].append(line)
        elif groups[-1]:
            groups.append([])
    return [group for group in groups if group]


def _paragraphs(group: list[str], *, keep_breaks: bool) -> list[str]:
    tidied = [tidy_line(line) for line in group]
    if keep_breaks or (len(tidied) > 1 and all(_LIST_LINE.match(line) for line in tidied)):
        return ["\n".join(tidied)]
    if any(len(line) > WRAPPED_LINE_MAX for line in tidied[:-1]):
        return tidied
    joined = tidied[0]
    for line in tidied[1:]:
        hyphenated = joined.endswith("-") and len(joined) > 1 and joined[-2].isalpha()
        joined += line if hyphenated else f" {line}"
    return [joined]


def tidy_line(line: str) -> str:
    """One line's white space: trimmed, runs as one space, stray no-break spaces plain."""
    held = "".join(
        character if character not in _HELD_SPACES or _holds(line, index) else " "
        for index, character in enumerate(line)
    )
    return _SPACE_RUN.sub(_one_space, held).strip()


def _one_space(match: re.Match[str]) -> str:
    run = match.group()
    return run if len(run) == 1 and run in _HELD_SPACES else " "


def _holds(line: str, index: int) -> bool:
    """Whether the no-break space at ``index`` joins two things meant to stay together."""
    before = line[index - 1] if index > 0 else ""
    after = line[index + 1] if index + 1 < len(line) else ""
    if not before or not after or before.isspace() or after.isspace():
        return False
    if before.isdigit() and _UNIT_SIDE.match(after):
        return True
    if after.isdigit() and (before in _CURRENCY_BEFORE or before.isalpha()):
        return True
    return before in _FRENCH_OPENING or after in _FRENCH_CLOSING


def _block(paragraph: str) -> Block:
    if _RULE_LINE.fullmatch(paragraph):
        return HorizontalRule()
    return Paragraph(RichText.plain_text(paragraph))
