"""Build ``resources/templates/article.docx``, the styles template of the DOCX export.

Run from the repository root after changing a style:

    .venv/bin/python packaging/build_docx_template.py

It starts from python-docx's own default template and adds the styles named in
``editor_app.docx_styles.CUSTOM_STYLES``; everything else (Title, Subtitle,
Heading 2-4, Quote, Intense Quote, List Bullet, List Number and their
numbering) comes from that template. The output is reproducible: fixed
timestamps in the zip, blank document properties and no preview thumbnail, so
running the script twice gives the same file and a test checks that the
shipped template is what the script builds.
"""

from __future__ import annotations

import io
import sys
import zipfile
from pathlib import Path
from typing import cast

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.xmlchemy import BaseOxmlElement
from docx.shared import Pt, RGBColor
from docx.styles.style import CharacterStyle, ParagraphStyle

from editor_app import docx_styles as names
from editor_app.model import DEFAULT_LANGUAGE

ROOT = Path(__file__).resolve().parents[1]
OUTPUT = ROOT / "resources" / Path(*names.TEMPLATE)
ZIP_TIMESTAMP = (1980, 1, 1, 0, 0, 0)
CODE_SHADING = "F3F4F6"

# The order of the children of w:pPr and w:rPr (ECMA-376 CT_PPrBase, CT_RPr).
PARAGRAPH_PROPERTY_ORDER = """
    pStyle keepNext keepLines pageBreakBefore framePr widowControl numPr suppressLineNumbers
    pBdr shd tabs suppressAutoHyphens kinsoku wordWrap overflowPunct topLinePunct autoSpaceDE
    autoSpaceDN bidi adjustRightInd snapToGrid spacing ind contextualSpacing mirrorIndents
    suppressOverlap jc textDirection textAlignment textboxTightWrap outlineLvl divId cnfStyle
    rPr sectPr pPrChange
"""
RUN_PROPERTY_ORDER = """
    rStyle rFonts b bCs i iCs caps smallCaps strike dstrike outline shadow emboss imprint
    noProof snapToGrid vanish webHidden color spacing w kern position sz szCs highlight u
    effect bdr shd fitText vertAlign rtl cs em lang eastAsianLayout specVanish oMath
"""


def build_template() -> bytes:
    """The template's bytes: python-docx's default document plus the custom styles."""
    document = docx.Document()
    _add_styles(document)
    _set_default_language(document, DEFAULT_LANGUAGE)
    _blank_properties(document)
    _drop_thumbnail(document)
    buffer = io.BytesIO()
    document.save(buffer)
    return _reproducible_zip(buffer.getvalue())


def _add_styles(document: docx.document.Document) -> None:
    styles = document.styles
    normal = styles[names.NORMAL]

    def paragraph_style(name: str) -> ParagraphStyle:
        style = cast(ParagraphStyle, styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH))
        style.base_style = normal
        style.next_paragraph_style = normal
        style.quick_style = True
        return style

    byline = paragraph_style(names.BYLINE)
    byline.font.bold = True
    byline.font.size = Pt(10)
    byline.font.color.rgb = RGBColor(0x40, 0x40, 0x40)
    byline.paragraph_format.space_after = Pt(2)

    dateline = paragraph_style(names.DATELINE)
    dateline.font.all_caps = True
    dateline.font.size = Pt(9)
    dateline.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    dateline.paragraph_format.space_after = Pt(12)

    attribution = paragraph_style(names.QUOTE_ATTRIBUTION)
    attribution.font.size = Pt(10)
    attribution.font.color.rgb = RGBColor(0x59, 0x59, 0x59)
    attribution.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    attribution.paragraph_format.right_indent = Pt(46.8)  # as Intense Quote's indent

    code_block = paragraph_style(names.CODE_BLOCK)
    code_block.next_paragraph_style = code_block
    _monospace(code_block)
    code_block.font.size = Pt(9)
    code_block.paragraph_format.space_before = Pt(0)
    code_block.paragraph_format.space_after = Pt(6)
    code_block.paragraph_format.line_spacing = 1.0
    code_block.paragraph_format.left_indent = Pt(8.5)
    code_block.paragraph_format.right_indent = Pt(8.5)
    code_block.paragraph_format.keep_together = True
    _insert_in_order(code_block.element.get_or_add_pPr(), _shading(), PARAGRAPH_PROPERTY_ORDER)

    rule = paragraph_style(names.HORIZONTAL_RULE)
    rule.font.size = Pt(4)
    rule.paragraph_format.space_after = Pt(12)
    borders = OxmlElement("w:pBdr")
    bottom = OxmlElement("w:bottom")
    for attribute, value in (("val", "single"), ("sz", "6"), ("space", "1"), ("color", "auto")):
        bottom.set(qn(f"w:{attribute}"), value)
    borders.append(bottom)
    _insert_in_order(rule.element.get_or_add_pPr(), borders, PARAGRAPH_PROPERTY_ORDER)

    code_char = cast(CharacterStyle, styles.add_style(names.CODE_CHAR, WD_STYLE_TYPE.CHARACTER))
    _monospace(code_char)
    _insert_in_order(code_char.element.get_or_add_rPr(), _shading(), RUN_PROPERTY_ORDER)

    hyperlink = cast(CharacterStyle, styles.add_style(names.HYPERLINK, WD_STYLE_TYPE.CHARACTER))
    hyperlink.font.color.rgb = RGBColor(0x05, 0x63, 0xC1)
    hyperlink.font.underline = True


def _monospace(style: CharacterStyle) -> None:
    """A monospace font, and no spelling check: code is not prose."""
    style.font.name = names.MONOSPACE_FONT
    fonts = style.element.get_or_add_rPr().get_or_add_rFonts()
    fonts.set(qn("w:cs"), names.MONOSPACE_FONT)
    _insert_in_order(style.element.get_or_add_rPr(), OxmlElement("w:noProof"), RUN_PROPERTY_ORDER)


def _insert_in_order(parent: BaseOxmlElement, child: BaseOxmlElement, order: str) -> None:
    """Insert ``child`` where the schema's sequence puts it: Word rejects other orders."""
    tags = order.split()
    later = tags[tags.index(child.tag.split("}")[1]) + 1 :]
    parent.insert_element_before(child, *(f"w:{tag}" for tag in later))


def _shading() -> BaseOxmlElement:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), CODE_SHADING)
    return shading


def _set_default_language(document: docx.document.Document, language: str) -> None:
    defaults = document.styles.element.find(qn("w:docDefaults"))
    run_defaults = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    run_defaults.find(qn("w:lang")).set(qn("w:val"), language)


def _blank_properties(document: docx.document.Document) -> None:
    """No author, dates or "generated by python-docx": the exporter fills them per article."""
    properties = document.core_properties
    for name in ("title", "subject", "author", "keywords", "comments", "last_modified_by"):
        setattr(properties, name, "")
    properties.revision = 1
    element = properties._element
    for tag in ("dcterms:created", "dcterms:modified"):
        found = element.find(qn(tag))
        if found is not None:
            element.remove(found)


def _drop_thumbnail(document: docx.document.Document) -> None:
    """The default template's preview image would not show the exported article."""
    package_rels = document.part.package.rels
    for rel_id in [key for key, rel in package_rels.items() if rel.reltype == RT.THUMBNAIL]:
        del package_rels[rel_id]


def _reproducible_zip(data: bytes) -> bytes:
    """The same archive with fixed timestamps, so the bytes depend only on the content."""
    output = io.BytesIO()
    with (
        zipfile.ZipFile(io.BytesIO(data)) as source,
        zipfile.ZipFile(output, "w", zipfile.ZIP_DEFLATED) as target,
    ):
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=ZIP_TIMESTAMP)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            target.writestr(info, source.read(entry))
    return output.getvalue()


def main() -> int:
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_bytes(build_template())
    print(f"wrote {OUTPUT.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
