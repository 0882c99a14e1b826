"""Word documents (``.docx``): styles mapped back to the article model.

Safety first
    The file is read once and its zip directory checked before python-docx
    sees it (``docx_safety``: size, number of entries, total unpacked size,
    compression ratio, encryption, a main document). Old ``.doc`` and
    password-protected files (both OLE compound files) are refused with a
    sentence saying so.

Styles (a style derived from a known one counts as that one)
    Title → headline (the core ``title`` property when there is none);
    Subtitle → standfirst; Byline → byline, "By " dropped; Dateline →
    dateline. Heading 1 → the headline when it opens a document without a
    Title, a level-2 heading anywhere else; Heading 2-4 → headings; Heading 5+
    → level 4. Quote → block quote and Intense Quote → pull quote, a following
    Quote Attribution paragraph being the attribution (in documents from
    elsewhere, so is a last line that starts with a dash). List Bullet, List
    Number and numbered paragraphs → lists, bullet or number as the numbering
    definitions say; consecutive items of one numbering are one list, nested
    levels flattened into it. Code
    Block → code block (consecutive ones merge in documents from elsewhere;
    the app writes one paragraph per block). Horizontal Rule, or an empty
    paragraph with a bottom border → horizontal rule. Anything else →
    paragraph. Marks: bold, italic, code (Code Char or a monospace font),
    hyperlinks; ``w:br`` → line break.

What is dropped, and reported
    Empty and white-space-only paragraphs and headings; web-page leftovers
    ("Leave a Reply"...; listed verbatim); images (listed by description),
    text boxes (their text listed), footnotes, endnotes and comments (noted);
    tables are flattened to one paragraph per row, cells joined by " | "
    (noted); tracked changes are accepted (noted).

Document properties
    keywords → tags (split at commas and semicolons), category → section,
    language (the styles' default language when the property is empty),
    created and modified → created and updated. A DOCX the app wrote carries
    the exact values in ``ArticleEditor.*`` custom properties (see
    ``editor_app.export.docx``); they are used while they agree with what Word
    shows, so edits made in Word win.
"""

from __future__ import annotations

import io
import re
import zipfile
import zlib
from dataclasses import dataclass, field, replace
from datetime import datetime
from pathlib import Path

import docx
from docx.document import Document
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError

from editor_app import docx_styles as names
from editor_app.cleanup import find_leftover
from editor_app.errors import ImportFailed
from editor_app.importers.docx_reading import (
    StyledParagraph,
    custom_properties,
    json_strings,
    read_body,
)
from editor_app.importers.docx_safety import DEFAULT_LIMITS, DocxLimits, read_checked_docx
from editor_app.importers.report import ImportReport, ImportResult
from editor_app.model import (
    DEFAULT_LANGUAGE,
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
    Status,
)

_BY = re.compile(r"by\s+", re.IGNORECASE)
_DASH_LINE = re.compile(r"\s*[—–―-]+\s*(?=\S)")
_TAG_SEPARATORS = re.compile(r"[,;]")
_MAX_LEVEL = 4


def import_file(path: Path, *, limits: DocxLimits = DEFAULT_LIMITS) -> ImportResult:
    """Read a ``.docx``; ``ImportFailed`` with one sentence when it cannot be read."""
    document = _open(read_checked_docx(path, limits), path.name)
    properties = custom_properties(document)
    ours = names.FORMAT_PROPERTY in properties
    body = read_body(document)
    languages = json_strings(properties.get(names.CODE_LANGUAGES_PROPERTY)) or []
    code_count = sum(1 for paragraph in body.paragraphs if paragraph.role == names.CODE_BLOCK)
    assembler = _Assembler(ours, languages if len(languages) == code_count else [])
    for paragraph in body.paragraphs:
        assembler.add(paragraph)
    meta = _metadata(document, assembler.header, properties)
    report = ImportReport(
        removed=(*body.removed, *assembler.removed),
        notes=(*body.notes, *assembler.notes),
    )
    return ImportResult(Article(meta=meta, body=assembler.finish()), report)


def _open(data: bytes, name: str) -> Document:
    try:
        return docx.Document(io.BytesIO(data))
    except ValueError:  # python-docx: the main part is a workbook, a presentation...
        raise ImportFailed(
            f"{name} is not a Word document (perhaps another Office file renamed to .docx)"
        ) from None
    except (KeyError, SyntaxError, zipfile.BadZipFile, zlib.error, PackageNotFoundError) as error:
        # SyntaxError covers lxml's XMLSyntaxError: a part that is not well-formed XML.
        reason = error.args[0] if isinstance(error, KeyError) and error.args else error
        raise ImportFailed(f"{name} is a damaged DOCX file ({reason})") from None


# -- the body ----------------------------------------------------------------------------


@dataclass
class _Assembler:
    """Turns styled paragraphs into blocks, one at a time."""

    ours: bool
    """Written by Article Editor: one paragraph per block, attributions in their style."""
    code_languages: list[str]
    header: dict[str, str] = field(default_factory=dict)
    blocks: list[Block] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    _list_key: tuple[str, bool] | None = None
    _previous_role: str = ""
    _code_index: int = 0

    def add(self, paragraph: StyledParagraph) -> None:
        role, content = paragraph.role, paragraph.content
        if paragraph.list_key is not None:
            self._list_item(paragraph.list_key, content)
        elif role in (names.TITLE, names.SUBTITLE, names.BYLINE, names.DATELINE):
            self._header_field(role, content)
        elif role.startswith("Heading "):
            self._heading(int(role.removeprefix("Heading ")), content)
        elif role in (names.QUOTE, names.INTENSE_QUOTE):
            kind = BlockQuote if role == names.QUOTE else PullQuote
            self._append(kind(content))
        elif role == names.QUOTE_ATTRIBUTION:
            self._attribution(content)
        elif role == names.CODE_BLOCK:
            self._code(content.plain)
        elif (role == names.HORIZONTAL_RULE or paragraph.rule) and not content.plain:
            self._append(HorizontalRule())
        else:
            self._text_block(Paragraph(content))
        self._previous_role = role if paragraph.list_key is None else "list"
        if paragraph.list_key is None:
            self._list_key = None

    def finish(self) -> tuple[Block, ...]:
        blocks = self.blocks
        if not self.ours:
            blocks = [_split_dash_attribution(block) for block in blocks]
        return tuple(block for block in blocks if not _empty_quote(block))

    def _append(self, block: Block) -> None:
        self.blocks.append(block)

    def _header_field(self, role: str, content: RichText) -> None:
        key = {
            names.TITLE: "headline",
            names.SUBTITLE: "standfirst",
            names.BYLINE: "byline",
            names.DATELINE: "dateline",
        }[role]
        if key in self.header:
            if role == names.TITLE:
                self._heading(2, content)
            else:
                self._text_block(Paragraph(content))
        else:
            self.header[key] = content.plain

    def _heading(self, level: int, content: RichText) -> None:
        if level == 1 and "headline" not in self.header and not self.blocks:
            self.header["headline"] = content.plain
            return
        if level > _MAX_LEVEL and not any("deeper than" in note for note in self.notes):
            self.notes.append(f"headings deeper than level {_MAX_LEVEL} became level {_MAX_LEVEL}")
        self._text_block(Heading(content, level=min(max(level, 2), _MAX_LEVEL)))

    def _text_block(self, block: Paragraph | Heading) -> None:
        text = block.content.plain
        if not text.strip():
            return
        if find_leftover(text) is not None:
            self.removed.append(text)
            return
        self._append(block)

    def _attribution(self, content: RichText) -> None:
        last = self.blocks[-1] if self.blocks else None
        quoted = self._previous_role in (names.QUOTE, names.INTENSE_QUOTE)
        if isinstance(last, BlockQuote | PullQuote) and quoted and not last.attribution:
            self.blocks[-1] = replace(last, attribution=content)
        else:
            self._text_block(Paragraph(content))

    def _list_item(self, key: tuple[str, bool], content: RichText) -> None:
        last = self.blocks[-1] if self.blocks else None
        if not content:
            return
        if isinstance(last, ListBlock) and key == self._list_key:
            self.blocks[-1] = replace(last, items=(*last.items, content))
        else:
            self._append(ListBlock((content,), ordered=key[1]))
            self._list_key = key

    def _code(self, code: str) -> None:
        last = self.blocks[-1] if self.blocks else None
        if (
            not self.ours
            and isinstance(last, CodeBlock)
            and self._previous_role == names.CODE_BLOCK
        ):
            self.blocks[-1] = replace(last, code=f"{last.code}\n{code}")
            return
        language = ""
        if self._code_index < len(self.code_languages):
            language = self.code_languages[self._code_index]
        self._code_index += 1
        self._append(CodeBlock(code, language))


def _split_dash_attribution(block: Block) -> Block:
    """A quote whose last line starts with a dash: that line is the attribution."""
    if not isinstance(block, BlockQuote | PullQuote) or block.attribution:
        return block
    text = block.content.plain
    cut = text.rfind("\n")
    match = _DASH_LINE.match(text, cut + 1) if cut >= 0 else None
    if match is None:
        return block
    return replace(
        block, content=block.content.slice(0, cut), attribution=block.content.slice(match.end())
    )


def _empty_quote(block: Block) -> bool:
    return isinstance(block, BlockQuote | PullQuote) and not block.content and not block.attribution


# -- metadata ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Core:
    """The core properties that matter here; blank when the package has none (python-docx
    would make up a title and a modification time)."""

    title: str = ""
    author: str = ""
    keywords: str = ""
    category: str = ""
    language: str = ""
    created: datetime | None = None
    modified: datetime | None = None


def _core(document: Document) -> _Core:
    try:
        document.part.package.part_related_by(RT.CORE_PROPERTIES)
    except KeyError:
        return _Core()
    core = document.core_properties
    return _Core(
        title=core.title or "",
        author=core.author or "",
        keywords=core.keywords or "",
        category=core.category or "",
        language=core.language or "",
        created=core.created,
        modified=core.modified,
    )


def _metadata(document: Document, header: dict[str, str], custom: dict[str, str]) -> Metadata:
    core = _core(document)
    byline = header.get("byline", "")
    if byline and Metadata(byline=core.author).credit_line == byline:
        byline = core.author  # the names exactly as the app wrote them
    elif byline:
        byline = _BY.sub("", byline.strip(), count=1)
    tags = json_strings(custom.get(names.TAGS_PROPERTY))
    if tags is None or names.keywords_of(tuple(tags)) != core.keywords:
        tags = [tag.strip() for tag in _TAG_SEPARATORS.split(core.keywords) if tag.strip()]
    section = custom.get(names.SECTION_PROPERTY)
    if section is None or names.core_text(section) != core.category:
        section = core.category
    return Metadata(
        headline=header.get("headline", core.title),
        standfirst=header.get("standfirst", ""),
        byline=byline,
        dateline=header.get("dateline", ""),
        section=section,
        tags=tuple(tags),
        status=_status(custom.get(names.STATUS_PROPERTY)),
        language=core.language or _default_run_language(document) or DEFAULT_LANGUAGE,
        created=_moment(custom.get(names.CREATED_PROPERTY), core.created),
        updated=_moment(custom.get(names.UPDATED_PROPERTY), core.modified),
    )


def _status(value: str | None) -> Status:
    try:
        return Status(value or Status.DRAFT.value)
    except ValueError:
        return Status.DRAFT


def _moment(exact: str | None, shown: datetime | None) -> datetime | None:
    """The exact time from the custom property while it agrees with the core one."""
    if exact is not None:
        try:
            moment = datetime.fromisoformat(exact)
        except ValueError:
            return shown
        if shown is not None and names.core_datetime(moment) == shown:
            return moment
    return shown


def _default_run_language(document: Document) -> str:
    found = document.styles.element.xpath("string(w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val)")
    return str(found)
