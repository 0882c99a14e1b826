"""The WordprocessingML python-docx has no public API for, built for the DOCX exporter.

Hyperlinks (a ``w:hyperlink`` holding runs, its target in a relationship),
list numbering that restarts per list (a ``w:num`` per list, with a start
override for numbered ones), the default run language in the styles, and the
custom document properties part. Kept apart from ``docx.py`` so that module
reads as the mapping from the article model to styles.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from xml.sax.saxutils import escape, quoteattr

from docx.document import Document
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import OxmlElement
from docx.oxml.ns import nsmap, qn
from docx.text.paragraph import Paragraph as DocxParagraph

from editor_app import docx_styles as names

CUSTOM_PROPERTIES_PART = "/docProps/custom.xml"
_FIRST_CUSTOM_PID = 2
"""Property ids 0 and 1 are reserved by the format."""

_CR = {"\r": "&#13;"}
"""A literal carriage return would be read back as a line feed."""
_NOT_XML = re.compile("[^\t\n\r\u0020-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")


def xml_safe(text: str) -> str:
    """``text`` with the characters XML 1.0 cannot hold (most control characters,
    lone surrogates) replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def run_text(text: str) -> str:
    """Text for a run: XML-safe, and a CR or CRLF one line break (python-docx would
    make each of CR and LF a ``w:br``)."""
    return xml_safe(text.replace("\r\n", "\n").replace("\r", "\n"))


def add_hyperlink(paragraph: DocxParagraph, target: str) -> Any:
    """An empty ``w:hyperlink`` at the end of ``paragraph``, pointing at ``target``
    through an external relationship; move runs into it to make the link text."""
    rel_id = paragraph.part.relate_to(xml_safe(target), RT.HYPERLINK, is_external=True)
    hyperlink = OxmlElement(
        "w:hyperlink",
        attrs={qn("r:id"): rel_id, qn("w:history"): "1"},
        nsdecls={prefix: nsmap[prefix] for prefix in ("w", "r")},
    )
    paragraph._p.append(hyperlink)
    return hyperlink


class ListNumbering:
    """Hands out one ``w:num`` per list, so numbered lists restart at 1 and two lists
    in a row stay two lists for any reader that groups list paragraphs by ``numId``."""

    def __init__(self, document: Document) -> None:
        self._document = document

    def new_list(self, style_name: str, *, restart: bool) -> int | None:
        """A fresh ``numId`` on the numbering the style uses; ``None`` when the style
        has no numbering (the paragraphs then carry only the style)."""
        abstract_id = self._abstract_numbering_of(style_name)
        if abstract_id is None:
            return None
        numbering = self._document.part.numbering_part.element
        num = numbering.add_num(abstract_id)
        if restart:
            num.add_lvlOverride(ilvl=0).add_startOverride(1)
        return int(num.numId)

    def _abstract_numbering_of(self, style_name: str) -> int | None:
        style = self._document.styles[style_name]
        found = style.element.xpath("w:pPr/w:numPr/w:numId/@w:val")
        if not found:
            return None
        numbering = self._document.part.numbering_part.element
        try:
            num = numbering.num_having_numId(int(found[0]))
        except KeyError:
            return None
        return int(num.abstractNumId.val)


def number_paragraph(paragraph: DocxParagraph, num_id: int) -> None:
    """Make ``paragraph`` a first-level item of the list ``num_id``."""
    numbering = paragraph._p.get_or_add_pPr().get_or_add_numPr()
    numbering.get_or_add_ilvl().val = 0
    numbering.get_or_add_numId().val = num_id


def set_default_language(document: Document, language: str) -> None:
    """The language of every run that does not say otherwise (``w:docDefaults``):
    it picks Word's spelling dictionary and hyphenation."""
    styles = document.styles.element
    defaults = styles.find(qn("w:docDefaults"))
    if defaults is None:
        defaults = OxmlElement("w:docDefaults")
        styles.insert(0, defaults)
    run_defaults = _child(defaults, "w:rPrDefault", first=True)
    properties = _child(run_defaults, "w:rPr", first=True)
    lang = properties.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        properties.append(lang)  # w:lang is among the last children of w:rPr
    lang.set(qn("w:val"), xml_safe(language))


def _child(parent: Any, tag: str, *, first: bool) -> Any:
    found = parent.find(qn(tag))
    if found is None:
        found = OxmlElement(tag)
        if first:
            parent.insert(0, found)
        else:
            parent.append(found)
    return found


def set_custom_properties(document: Document, properties: Mapping[str, str]) -> None:
    """Replace the package's custom properties (File > Properties > Custom in Word)
    with ``properties``, every value a string."""
    package = document.part.package
    for rel_id, rel in list(package.rels.items()):
        if rel.reltype == RT.CUSTOM_PROPERTIES:
            del package.rels[rel_id]
    if not properties:
        return
    items = "".join(
        f'<property fmtid="{names.CUSTOM_PROPERTY_FMTID}" pid="{pid}" '
        f"name={quoteattr(xml_safe(name))}><vt:lpwstr>{escape(xml_safe(value), _CR)}</vt:lpwstr>"
        "</property>"
        for pid, (name, value) in enumerate(properties.items(), start=_FIRST_CUSTOM_PID)
    )
    xml = (
        "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
        f'<Properties xmlns="{names.CUSTOM_PROPERTIES_NS}" xmlns:vt="{names.VT_NS}">'
        f"{items}</Properties>"
    )
    part = Part(
        PackURI(CUSTOM_PROPERTIES_PART),
        CT.OFC_CUSTOM_PROPERTIES,
        xml.encode("utf-8"),
        package,
    )
    package.relate_to(part, RT.CUSTOM_PROPERTIES)
