"""Reading a python-docx document's body into a flat list of styled paragraphs.

``editor_app.importers.docx`` turns the list into an article; this module knows
the WordprocessingML: which known style a paragraph's style is or derives from,
runs and their marks (bold, italic, code through the Code Char style or a
monospace font), hyperlinks (targets through relationships, or ``#anchor``),
list numbering (bullet or number from the numbering definitions), tracked
changes (insertions kept, deletions left out), tables (one paragraph per row,
cells joined by " | ") and what cannot be carried (images, text boxes,
footnotes, comments), which it lists.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from docx.document import Document
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import parse_xml
from docx.oxml.ns import nsmap, qn

from editor_app import docx_styles as names
from editor_app.model import RichText, Span

CELL_SEPARATOR = " | "
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"
VML_IMAGE = "{urn:schemas-microsoft-com:vml}imagedata"

_ROLES = {
    *(
        names.TITLE,
        names.SUBTITLE,
        names.BYLINE,
        names.DATELINE,
        names.QUOTE,
        names.INTENSE_QUOTE,
        names.QUOTE_ATTRIBUTION,
        names.LIST_BULLET,
        names.LIST_NUMBER,
        names.CODE_BLOCK,
        names.HORIZONTAL_RULE,
    ),
    *(names.heading(level) for level in range(1, 10)),
}
_ALIASES = {
    **{f"{names.LIST_BULLET} {n}": names.LIST_BULLET for n in range(2, 6)},
    **{f"{names.LIST_NUMBER} {n}": names.LIST_NUMBER for n in range(2, 6)},
    "HTML Preformatted": names.CODE_BLOCK,
}
_MONOSPACE = frozenset(
    {"courier", "courier new", "consolas", "menlo", "monaco", "lucida console", "andale mono"}
)
_TRANSPARENT = frozenset(
    qn(tag)
    for tag in ("w:ins", "w:moveTo", "w:smartTag", "w:customXml", "w:fldSimple", "w:dir", "w:bdo")
)
"""Containers whose runs are part of the text (tracked insertions, fields, tags)."""
_NO_BULLETS = frozenset({"bullet", "none"})
_LIST_ROLES = frozenset({"", names.LIST_BULLET, names.LIST_NUMBER})
"""Headings, quotes and the like ignore numbering (outline-numbered headings stay headings)."""


@dataclass(frozen=True)
class StyledParagraph:
    """A paragraph of the body: the known style it has (``role``, "" for Normal and
    anything unknown), its inline content, and its list membership."""

    role: str
    content: RichText
    list_key: tuple[str, bool] | None = None
    """(which list, ordered) when the paragraph is a list item."""
    rule: bool = False
    """An empty paragraph with a bottom border drawn on it directly."""


@dataclass
class BodyContent:
    paragraphs: list[StyledParagraph] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)


def custom_properties(document: Document) -> dict[str, str]:
    """The package's custom document properties that hold text."""
    for rel in document.part.package.rels.values():
        if rel.reltype == RT.CUSTOM_PROPERTIES and not rel.is_external:
            try:
                root = parse_xml(rel.target_part.blob)
            except SyntaxError:  # lxml's XMLSyntaxError: a damaged part tells nothing
                return {}
            found = {}
            for item in root.iterchildren(f"{{{names.CUSTOM_PROPERTIES_NS}}}property"):
                value = item.find(f"{{{names.VT_NS}}}lpwstr")
                if value is not None and item.get("name"):
                    found[item.get("name")] = value.text or ""
            return found
    return {}


def json_strings(text: str | None) -> list[str] | None:
    """A JSON list of strings, or ``None`` when ``text`` is not one."""
    try:
        value = json.loads(text) if text is not None else None
    except ValueError:
        return None
    if isinstance(value, list) and all(isinstance(item, str) for item in value):
        return value
    return None


def read_body(document: Document) -> BodyContent:
    reader = _Reader(document)
    reader.read_children(document.element.body)
    reader.list_dropped(document.element.body)
    return reader.content


class _Reader:
    def __init__(self, document: Document) -> None:
        self.document = document
        self.content = BodyContent()
        self.tables = 0
        self.numbering = _numbering_root(document)
        self.paragraph_role = cache(self._paragraph_role)
        self.style_marks = cache(self._style_marks)
        self.list_format = cache(self._list_format)

    # -- block level ---------------------------------------------------------------------

    def read_children(self, container: Any) -> None:
        for child in container.iterchildren():
            if child.tag == qn("w:p"):
                self.content.paragraphs.append(self.paragraph(child))
            elif child.tag == qn("w:tbl"):
                self.table(child)
            elif child.tag == qn("w:customXml"):
                self.read_children(child)
            elif child.tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    self.read_children(content)

    def paragraph(self, p: Any) -> StyledParagraph:
        role, (style_num_id, style_level) = self.paragraph_role(
            p.xpath("string(w:pPr/w:pStyle/@w:val)")
        )
        content = self.inline(p)
        direct = p.xpath("w:pPr/w:numPr")
        num_id, level = _numbering_of(direct[0]) if direct else (None, None)
        list_key = None
        if role in _LIST_ROLES:
            list_key = self._list_key(
                role,
                style_num_id if num_id is None else num_id,
                (style_level if level is None else level) or 0,
            )
        rule = not content and bool(p.xpath("w:pPr/w:pBdr/w:bottom[not(@w:val='none')]"))
        return StyledParagraph(role, content, list_key, rule)

    def _list_key(self, role: str, num_id: str | None, level: int) -> tuple[str, bool] | None:
        """Which list a paragraph belongs to and whether it is numbered: the numbering
        definitions decide, the style name when there are none."""
        if num_id == "0":  # numbering switched off on this paragraph
            return None
        if num_id is None:
            return (role, role == names.LIST_NUMBER) if role else None
        number_format = self.list_format(num_id, level)
        if number_format is None:
            return num_id, role == names.LIST_NUMBER
        return num_id, number_format not in _NO_BULLETS

    def table(self, table: Any) -> None:
        self.tables += 1
        for row in table.iterchildren(qn("w:tr")):
            cells = []
            for cell in row.iterchildren(qn("w:tc")):
                texts = [self.inline(p) for p in _paragraphs_in(cell)]
                text = _joined([text for text in texts if text.plain.strip()], " ")
                if text:
                    cells.append(text)
            if cells:
                self.content.paragraphs.append(StyledParagraph("", _joined(cells, CELL_SEPARATOR)))

    # -- inline --------------------------------------------------------------------------

    def inline(self, p: Any) -> RichText:
        spans: list[Span] = []
        self._collect(p, None, spans)
        return RichText(tuple(spans))

    def _collect(self, element: Any, link: str | None, spans: list[Span]) -> None:
        for child in element.iterchildren():
            tag = child.tag
            if tag == qn("w:r"):
                spans.append(self._run(child, link))
            elif tag == qn("w:hyperlink"):
                self._collect(child, self._target(child), spans)
            elif tag in _TRANSPARENT:
                self._collect(child, link, spans)
            elif tag == qn("w:sdt"):
                content = child.find(qn("w:sdtContent"))
                if content is not None:
                    self._collect(content, link, spans)

    def _run(self, r: Any, link: str | None) -> Span:
        properties = r.find(qn("w:rPr"))
        bold, italic, code = self.style_marks(_attr(properties, "w:rStyle"))
        direct_bold = _switch(properties, "w:b")
        direct_italic = _switch(properties, "w:i")
        font = _attr(properties, "w:rFonts", "w:ascii") or _attr(properties, "w:rFonts", "w:hAnsi")
        return Span(
            r.text,
            bold=bold if direct_bold is None else direct_bold,
            italic=italic if direct_italic is None else direct_italic,
            code=code or font.lower() in _MONOSPACE,
            link=link,
        )

    def _target(self, hyperlink: Any) -> str | None:
        rel_id = hyperlink.get(qn("r:id"))
        anchor = hyperlink.get(qn("w:anchor"))
        target = None
        if rel_id and rel_id in self.document.part.rels:
            target = self.document.part.rels[rel_id].target_ref
        if anchor:
            target = f"{target or ''}#{anchor}"
        return target

    # -- styles and numbering ------------------------------------------------------------

    def _paragraph_role(self, style_id: str) -> tuple[str, tuple[str | None, int | None]]:
        """The known style a paragraph style is or derives from, and the numbering it
        brings along (``numId``, level)."""
        style: Any = self.document.part.get_style(style_id or None, WD_STYLE_TYPE.PARAGRAPH)
        numbering: tuple[str | None, int | None] = (None, None)
        seen = set()
        role = ""
        while style is not None and style.style_id not in seen:
            seen.add(style.style_id)
            found = style.element.xpath("w:pPr/w:numPr")
            if found and numbering[0] is None:
                numbering = _numbering_of(found[0])
            name = _ALIASES.get(style.name, style.name)
            if name in _ROLES and not role:
                role = name
            style = style.base_style
        return role, numbering

    def _style_marks(self, style_id: str) -> tuple[bool, bool, bool]:
        """(bold, italic, code) a character style gives its runs."""
        if not style_id:
            return False, False, False
        style: Any = self.document.part.get_style(style_id, WD_STYLE_TYPE.CHARACTER)
        bold = italic = None
        code = False
        seen = set()
        while style is not None and style.style_id not in seen:
            seen.add(style.style_id)
            properties = style.element.find(qn("w:rPr"))
            bold = _switch(properties, "w:b") if bold is None else bold
            italic = _switch(properties, "w:i") if italic is None else italic
            font = _attr(properties, "w:rFonts", "w:ascii")
            code = code or style.name == names.CODE_CHAR or font.lower() in _MONOSPACE
            style = style.base_style
        return bool(bold), bool(italic), code

    def _list_format(self, num_id: str | None, level: int) -> str | None:
        """The number format ("bullet", "decimal"...) of a list level, if defined."""
        if self.numbering is None or num_id is None or not num_id.isdigit():
            return None
        nums = self.numbering.xpath(f'w:num[@w:numId="{int(num_id)}"]')
        if not nums:
            return None
        override = nums[0].xpath(f'w:lvlOverride[@w:ilvl="{level}"]/w:lvl/w:numFmt/@w:val')
        if override:
            return str(override[0])
        abstract = nums[0].xpath("string(w:abstractNumId/@w:val)")
        if not abstract.isdigit():
            return None
        found = self.numbering.xpath(
            f'w:abstractNum[@w:abstractNumId="{int(abstract)}"]'
            f'/w:lvl[@w:ilvl="{level}"]/w:numFmt/@w:val'
        )
        return str(found[0]) if found else None

    # -- what is left out ----------------------------------------------------------------

    def list_dropped(self, body: Any) -> None:
        removed, notes = self.content.removed, self.content.notes
        boxes = [box for box in body.iter(qn("w:txbxContent")) if _shown(box)]
        for box in boxes:
            text = "\n".join(self.inline(p).plain for p in box.iter(qn("w:p"))).strip()
            if text:
                removed.append(text)
        images = [
            element
            for element in body.iter(qn("w:drawing"), qn("w:pict"))
            if _shown(element)
            and next(element.iter(qn("w:txbxContent")), None) is None
            and (element.tag == qn("w:drawing") or next(element.iter(VML_IMAGE), None) is not None)
        ]
        for image in images:
            removed.append(f"[image: {_image_description(image)}]")
        counts = {
            "text box": len(boxes),
            "image": len(images),
            "footnote": sum(1 for _ in body.iter(qn("w:footnoteReference"))),
            "endnote": sum(1 for _ in body.iter(qn("w:endnoteReference"))),
            "comment": sum(1 for _ in body.iter(qn("w:commentReference"))),
        }
        for kind, count in counts.items():
            if count:
                plural = "es" if kind.endswith("x") else "s"
                noun = kind if count == 1 else kind + plural
                them = "it" if count == 1 else "them"
                notes.append(f"{count} {noun} left out: an article has no place for {them}")
        if self.tables:
            tables = "a table was" if self.tables == 1 else f"{self.tables} tables were"
            notes.append(f"{tables} flattened: one paragraph per row, cells joined by ' | '")
        if next(body.iter(qn("w:del"), qn("w:ins")), None) is not None:
            notes.append("tracked changes were accepted: insertions kept, deletions left out")


def _numbering_root(document: Document) -> Any:
    try:
        part: Any = document.part.part_related_by(RT.NUMBERING)
        return part.element
    except KeyError:
        return None


def _numbering_of(num_pr: Any) -> tuple[str | None, int | None]:
    """(``numId``, level) of a ``w:numPr``, ``None`` for what it leaves to the style."""
    num_id = num_pr.xpath("string(w:numId/@w:val)") or None
    level = num_pr.xpath("string(w:ilvl/@w:val)")
    return num_id, int(level) if level.isdigit() else None


def _switch(properties: Any, tag: str) -> bool | None:
    """An on/off property: ``None`` when absent, so a style's value shows through."""
    if properties is None:
        return None
    element = properties.find(qn(tag))
    if element is None:
        return None
    return element.get(qn("w:val"), "true").lower() not in ("0", "false", "off")


def _attr(properties: Any, tag: str, attribute: str = "w:val") -> str:
    if properties is None:
        return ""
    element = properties.find(qn(tag))
    return "" if element is None else str(element.get(qn(attribute), ""))


def _shown(element: Any) -> bool:
    """Not the fallback copy of an ``mc:AlternateContent`` (it repeats the choice)."""
    return not any(ancestor.tag == MC_FALLBACK for ancestor in element.iterancestors())


def _paragraphs_in(cell: Any) -> list[Any]:
    return [p for p in cell.iter(qn("w:p")) if _shown(p) and not _in_text_box(p)]


def _in_text_box(element: Any) -> bool:
    return any(ancestor.tag == qn("w:txbxContent") for ancestor in element.iterancestors())


def _image_description(image: Any) -> str:
    for properties in image.iter(f"{{{nsmap['wp']}}}docPr"):
        for attribute in ("descr", "title", "name"):
            if properties.get(attribute):
                return str(properties.get(attribute))
    for data in image.iter(VML_IMAGE):
        title = data.get("{urn:schemas-microsoft-com:office:office}title")
        if title:
            return str(title)
    return "no description"


def _joined(texts: list[RichText], separator: str) -> RichText:
    result = RichText()
    for index, text in enumerate(texts):
        result = result + (RichText.plain_text(separator) if index else RichText()) + text
    return result
