"""Word documents (``.docx``), styled from ``resources/templates/article.docx``.

Styles (see ``editor_app.docx_styles``)
    Title (headline), Subtitle (standfirst), Byline (``meta.credit_line``),
    Dateline; Heading 2-4; List Bullet and List Number, each list with its own
    numbering instance so numbered lists restart at 1; Quote for block quotes
    and Intense Quote for pull quotes, each followed by a Quote Attribution
    paragraph when there is one; Code Block (monospace, shaded) with Pygments
    colours per token; Horizontal Rule (an empty paragraph with a bottom
    border); Normal for paragraphs. Inline: bold and italic as direct
    formatting, code in the Code Char style, links as real ``w:hyperlink``
    elements in the Hyperlink style; a line break inside a block is ``w:br``
    and a tab ``w:tab``.

Document properties
    Core: title (headline), author (byline names), subject (standfirst),
    keywords (tags joined with ", "), category (section), language, created
    and modified; the language is also the default run language of the styles
    (Word's spelling dictionary). Custom ``ArticleEditor.*`` properties carry
    what Word has no place for: the status, the exact tags, section and
    timestamps (core properties stop at 255 characters and whole seconds) and
    the code blocks' languages. ``ExportOptions(include_metadata=False)``
    writes the headline and the body only: no standfirst, byline or dateline
    paragraphs and no properties but the title and the language.

What a round trip through ``editor_app.importers.docx`` loses
    Nothing but what this list says: the rest, metadata included, comes back
    exactly (``tests/export/test_docx.py`` checks it on random articles).

    - Characters XML cannot hold (control characters but tab and line breaks,
      lone surrogates, U+FFFE/U+FFFF) become U+FFFD; a carriage return (CR or
      CRLF) becomes a line break.
    - An empty or white-space-only paragraph or heading, an empty list item,
      an empty list and a quote with neither text nor attribution are dropped;
      so is a byline of white space only (the Byline paragraph would be empty).
    - A paragraph or heading that is entirely web-page furniture ("Share",
      "Leave a Reply") is dropped by the importer, as from any import.
    - An empty language reads back as the default one.
    - Code languages are matched to code blocks by position: a code block
      added or removed in Word loses the languages of all of them.
"""

from __future__ import annotations

import io
import json
from dataclasses import dataclass, field
from itertools import groupby

import docx
from docx.document import Document
from docx.shared import RGBColor
from docx.text.paragraph import Paragraph as DocxParagraph

from editor_app import docx_styles as names
from editor_app.assets import resource
from editor_app.errors import ExportFailed
from editor_app.export import ExportOptions
from editor_app.export.docx_oxml import (
    ListNumbering,
    add_hyperlink,
    number_paragraph,
    run_text,
    set_custom_properties,
    set_default_language,
    xml_safe,
)
from editor_app.highlight import TokenStyle, highlight_tokens, token_style
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
)


def render(article: Article, options: ExportOptions) -> bytes:
    """The article as the bytes of a ``.docx`` file."""
    document = _open_template()
    writer = _BodyWriter(document, ListNumbering(document))
    _write_header(document, article.meta, options)
    for block in article.body:
        writer.write(block)
    _set_properties(document, article.meta, options, writer.code_languages)
    output = io.BytesIO()
    document.save(output)
    return output.getvalue()


def _open_template() -> Document:
    try:
        data = resource(*names.TEMPLATE).read_bytes()
    except OSError as error:
        raise ExportFailed(f"the DOCX styles template is missing ({error.strerror})") from None
    return docx.Document(io.BytesIO(data))


def _write_header(document: Document, meta: Metadata, options: ExportOptions) -> None:
    fields = [(names.TITLE, meta.headline)]
    if options.include_metadata:
        fields += [
            (names.SUBTITLE, meta.standfirst),
            (names.BYLINE, meta.credit_line),
            (names.DATELINE, meta.dateline),
        ]
    for style, text in fields:
        if text:
            document.add_paragraph(style=style).add_run(run_text(text))


# -- the body ----------------------------------------------------------------------------


_EMPTY = RichText()


@dataclass
class _BodyWriter:
    document: Document
    numbering: ListNumbering
    code_languages: list[str] = field(default_factory=list)

    def paragraph(self, style: str, content: RichText = _EMPTY) -> DocxParagraph:
        paragraph = self.document.add_paragraph(style=style)
        write_inline(paragraph, content)
        return paragraph

    def write(self, block: Block) -> None:
        match block:
            case Paragraph():
                self.paragraph(names.NORMAL, block.content)
            case Heading():
                self.paragraph(names.heading(block.level), block.content)
            case BlockQuote():
                self._quote(names.QUOTE, block.content, block.attribution)
            case PullQuote():
                self._quote(names.INTENSE_QUOTE, block.content, block.attribution)
            case ListBlock():
                self._list(block)
            case CodeBlock():
                self._code(block)
            case HorizontalRule():
                self.paragraph(names.HORIZONTAL_RULE)

    def _quote(self, style: str, content: RichText, attribution: RichText) -> None:
        quote = self.paragraph(style, content)
        if attribution:
            quote.paragraph_format.keep_with_next = True
            self.paragraph(names.QUOTE_ATTRIBUTION, attribution)

    def _list(self, block: ListBlock) -> None:
        style = names.LIST_NUMBER if block.ordered else names.LIST_BULLET
        num_id = self.numbering.new_list(style, restart=block.ordered)
        for item in block.items:
            paragraph = self.paragraph(style, item)
            if num_id is not None:
                number_paragraph(paragraph, num_id)

    def _code(self, block: CodeBlock) -> None:
        self.code_languages.append(block.language)
        paragraph = self.document.add_paragraph(style=names.CODE_BLOCK)
        for text, look in highlighted(run_text(block.code), block.language):
            run = paragraph.add_run(text)
            if look.color:
                run.font.color.rgb = RGBColor.from_string(look.color.removeprefix("#"))
            if look.bold:
                run.bold = True
            if look.italic:
                run.italic = True


def write_inline(paragraph: DocxParagraph, content: RichText) -> None:
    """Runs for the spans of ``content``; spans sharing a link share one ``w:hyperlink``."""
    for link, spans in groupby(content, key=lambda span: span.link):
        hyperlink = None if link is None else add_hyperlink(paragraph, link)
        for span in spans:
            style = names.CODE_CHAR if span.code else names.HYPERLINK if link is not None else None
            run = paragraph.add_run(run_text(span.text), style=style)
            if span.bold:
                run.bold = True
            if span.italic:
                run.italic = True
            if hyperlink is not None:
                hyperlink.append(run._r)


def highlighted(code: str, language: str) -> list[tuple[str, TokenStyle]]:
    """``code`` cut into runs of one look (Pygments' default style, via ``highlight``)."""
    runs: list[tuple[str, TokenStyle]] = []
    for text, kind in highlight_tokens(code, language):
        look = token_style(kind)
        if runs and runs[-1][1] == look:
            runs[-1] = (runs[-1][0] + text, look)
        else:
            runs.append((text, look))
    return runs


# -- document properties -----------------------------------------------------------------


def _set_properties(
    document: Document, meta: Metadata, options: ExportOptions, code_languages: list[str]
) -> None:
    properties = document.core_properties
    properties.title = names.core_text(xml_safe(meta.headline))
    properties.language = names.core_text(xml_safe(meta.language))
    if meta.language:
        set_default_language(document, meta.language)
    custom = {names.FORMAT_PROPERTY: names.FORMAT_VERSION}
    if code_languages:
        custom[names.CODE_LANGUAGES_PROPERTY] = json.dumps(code_languages, ensure_ascii=False)
    if options.include_metadata:
        tags = tuple(xml_safe(tag) for tag in meta.tags)
        properties.author = names.core_text(xml_safe(meta.byline))
        properties.subject = names.core_text(xml_safe(meta.standfirst))
        properties.keywords = names.keywords_of(tags)
        properties.category = names.core_text(xml_safe(meta.section))
        custom[names.STATUS_PROPERTY] = meta.status.value
        custom[names.TAGS_PROPERTY] = json.dumps(tags, ensure_ascii=False)
        custom[names.SECTION_PROPERTY] = meta.section
        if meta.created is not None:
            properties.created = names.core_datetime(meta.created)
            custom[names.CREATED_PROPERTY] = meta.created.isoformat()
        if meta.updated is not None:
            properties.modified = names.core_datetime(meta.updated)
            custom[names.UPDATED_PROPERTY] = meta.updated.isoformat()
    set_custom_properties(document, custom)
