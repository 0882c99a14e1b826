"""Writing DOCX, checked by reading the file back with python-docx, and round trips."""

from __future__ import annotations

import importlib.util
import io
import shutil
import subprocess
import tempfile
import zipfile
from dataclasses import replace
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import docx
import pytest
from hypothesis import given, settings

from editor_app import docx_styles as names
from editor_app.assets import resource
from editor_app.cleanup import is_leftover
from editor_app.export import ExportOptions
from editor_app.export.docx import render
from editor_app.importers.docx import import_file
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
    Span,
    Status,
)
from tests.strategies import articles

ROOT = Path(__file__).resolve().parents[2]
W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
OPTIONS = ExportOptions()


def plain(text: str) -> RichText:
    return RichText.plain_text(text)


def rich(*spans: Span) -> RichText:
    return RichText(spans)


def written(article: Article, options: ExportOptions = OPTIONS) -> Any:
    return docx.Document(io.BytesIO(render(article, options)))


def styled_texts(article: Article, options: ExportOptions = OPTIONS) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in written(article, options).paragraphs]


def document_xml(article: Article) -> ElementTree.Element:
    with zipfile.ZipFile(io.BytesIO(render(article, OPTIONS))) as archive:
        return ElementTree.fromstring(archive.read("word/document.xml"))


# -- styles ------------------------------------------------------------------------------


def test_header_paragraphs_take_their_styles() -> None:
    meta = Metadata(
        headline="Lock keeper retires",
        standfirst="Forty years at the weir.",
        byline="Mira Sandoval",
        dateline="GHENT",
    )
    assert styled_texts(Article(meta)) == [
        ("Title", "Lock keeper retires"),
        ("Subtitle", "Forty years at the weir."),
        ("Byline", "By Mira Sandoval"),
        ("Dateline", "GHENT"),
    ]


@pytest.mark.parametrize(
    ("block", "expected"),
    [
        (Paragraph(plain("Text.")), [("Normal", "Text.")]),
        (Heading(plain("Two"), 2), [("Heading 2", "Two")]),
        (Heading(plain("Four"), 4), [("Heading 4", "Four")]),
        (BlockQuote(plain("We stay.")), [("Quote", "We stay.")]),
        (
            BlockQuote(plain("We stay."), plain("Ana Ruiz")),
            [("Quote", "We stay."), ("Quote Attribution", "Ana Ruiz")],
        ),
        (
            PullQuote(plain("Big words"), plain("Ana")),
            [("Intense Quote", "Big words"), ("Quote Attribution", "Ana")],
        ),
        (ListBlock((plain("a"), plain("b"))), [("List Bullet", "a"), ("List Bullet", "b")]),
        (ListBlock((plain("a"),), ordered=True), [("List Number", "a")]),
        (CodeBlock("x = 1\ny = 2", "python"), [("Code Block", "x = 1\ny = 2")]),
        (HorizontalRule(), [("Horizontal Rule", "")]),
    ],
)
def test_blocks_take_their_styles(block: Block, expected: list[tuple[str, str]]) -> None:
    assert styled_texts(Article(body=(block,))) == expected


def test_numbered_lists_restart_and_every_list_has_its_own_numbering() -> None:
    lists = (
        ListBlock((plain("a"), plain("b")), ordered=True),
        ListBlock((plain("c"),), ordered=True),
        ListBlock((plain("d"),)),
        ListBlock((plain("e"),)),
    )
    document = written(Article(body=lists))
    num_ids = [
        p.paragraph_format.element.xpath("string(w:pPr/w:numPr/w:numId/@w:val)")
        for p in document.paragraphs
    ]
    assert num_ids[0] == num_ids[1]
    assert len(set(num_ids[1:])) == 4
    numbering = document.part.numbering_part.element
    for num_id, ordered in zip(dict.fromkeys(num_ids), [True, True, False, False], strict=True):
        starts = numbering.xpath(f'w:num[@w:numId="{num_id}"]/w:lvlOverride/w:startOverride/@w:val')
        assert starts == (["1"] if ordered else [])


def test_the_horizontal_rule_style_draws_a_bottom_border() -> None:
    style = written(Article(body=(HorizontalRule(),))).styles[names.HORIZONTAL_RULE]
    assert style.element.xpath("w:pPr/w:pBdr/w:bottom/@w:val") == ["single"]


def test_code_styles_are_monospace() -> None:
    styles = written(Article()).styles
    assert styles[names.CODE_BLOCK].font.name == names.MONOSPACE_FONT
    assert styles[names.CODE_CHAR].font.name == names.MONOSPACE_FONT


# -- inline ------------------------------------------------------------------------------


def test_links_are_hyperlinks_with_a_relationship_and_the_hyperlink_style() -> None:
    content = rich(
        Span("Read "),
        Span("the plan", link="https://example.org/plan"),
        Span(" and "),
        Span("code", code=True, link="https://example.org/code"),
    )
    paragraph = written(Article(body=(Paragraph(content),))).paragraphs[0]
    links = paragraph.hyperlinks
    assert [(link.address, link.text) for link in links] == [
        ("https://example.org/plan", "the plan"),
        ("https://example.org/code", "code"),
    ]
    assert [link.runs[0].style.name for link in links] == ["Hyperlink", "Code Char"]


def test_bold_italic_and_code_runs() -> None:
    content = rich(Span("b", bold=True), Span("i", italic=True), Span("c", code=True))
    runs = written(Article(body=(Paragraph(content),))).paragraphs[0].runs
    assert [(run.text, run.bold, run.italic, run.style.name) for run in runs] == [
        ("b", True, None, "Default Paragraph Font"),
        ("i", None, True, "Default Paragraph Font"),
        ("c", None, None, "Code Char"),
    ]


def test_line_breaks_and_tabs_are_word_breaks_and_tabs() -> None:
    body = document_xml(Article(body=(Paragraph(plain("one\ntwo\tthree\r\nfour")),))).find(
        f"{W}body"
    )
    assert body is not None
    run_children = [
        child.tag.removeprefix(W)
        for child in body.iter()
        if child.tag in {f"{W}t", f"{W}br", f"{W}tab"}
    ]
    assert run_children == ["t", "br", "t", "tab", "t", "br", "t"]


def test_code_blocks_are_coloured_per_token() -> None:
    code = "def shout(text):\n    return text.upper()  # loud\n"
    paragraph = written(Article(body=(CodeBlock(code, "python"),))).paragraphs[0]
    colours = {run.text: run.font.color.rgb for run in paragraph.runs}
    assert paragraph.text == code
    assert colours["def"] is not None
    assert colours["# loud"] is not None
    assert colours["def"] != colours["# loud"]


def test_unknown_language_code_is_one_plain_run() -> None:
    paragraph = written(Article(body=(CodeBlock("a <- 1", "no-such-language"),))).paragraphs[0]
    assert [(run.text, run.font.color.rgb) for run in paragraph.runs] == [("a <- 1", None)]


def test_characters_xml_cannot_hold_become_replacement_characters() -> None:
    article = Article(Metadata(headline="bell\x07"), (Paragraph(plain("nul\x00 here")),))
    assert styled_texts(article) == [("Title", "bell\ufffd"), ("Normal", "nul\ufffd here")]


# -- document properties -----------------------------------------------------------------


def test_document_properties() -> None:
    meta = Metadata(
        headline="Ferry returns",
        standfirst="After the storms.",
        byline="Ana Ruiz and Tomas Lind",
        section="Regional",
        tags=("ferries", "winter"),
        language="sv-SE",
        created=datetime(2025, 1, 14, 9, 5, 7, 123, tzinfo=timezone(timedelta(hours=1))),
        updated=datetime(2025, 1, 15, 17, 40),
    )
    document = written(Article(meta))
    core = document.core_properties
    assert (core.title, core.author, core.subject, core.keywords, core.category) == (
        "Ferry returns",
        "Ana Ruiz and Tomas Lind",
        "After the storms.",
        "ferries, winter",
        "Regional",
    )
    assert core.language == "sv-SE"
    assert core.created == datetime(2025, 1, 14, 8, 5, 7, tzinfo=UTC)
    assert core.modified == datetime(2025, 1, 15, 17, 40, tzinfo=UTC)
    default_language = document.styles.element.xpath(
        "string(w:docDefaults/w:rPrDefault/w:rPr/w:lang/@w:val)"
    )
    assert default_language == "sv-SE"


def test_long_metadata_is_cut_in_the_properties_but_whole_in_the_text() -> None:
    headline = "word " * 100
    document = written(Article(Metadata(headline=headline)))
    assert document.core_properties.title == headline[: names.CORE_TEXT_LIMIT]
    assert document.paragraphs[0].text == headline


def test_without_metadata_only_the_headline_and_body_are_written() -> None:
    meta = Metadata(
        headline="Ferry returns", standfirst="S", byline="Ana", dateline="X", tags=("t",)
    )
    options = ExportOptions(include_metadata=False)
    document = written(Article(meta, (Paragraph(plain("Body.")),)), options)
    assert [(p.style.name, p.text) for p in document.paragraphs] == [
        ("Title", "Ferry returns"),
        ("Normal", "Body."),
    ]
    core = document.core_properties
    assert (core.author, core.subject, core.keywords, core.created) == ("", "", "", None)


# -- the template ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        (name, "character" if "Char" in name or name == names.HYPERLINK else "paragraph")
        for name in names.CUSTOM_STYLES
    ],
)
def test_the_template_defines_the_custom_styles(name: str, kind: str) -> None:
    template = docx.Document(io.BytesIO(resource(*names.TEMPLATE).read_bytes()))
    assert template.styles[name].type.name.lower() == kind


def test_the_shipped_template_is_what_the_build_script_makes() -> None:
    spec = importlib.util.spec_from_file_location(
        "build_docx_template", ROOT / "packaging" / "build_docx_template.py"
    )
    assert spec is not None and spec.loader is not None
    script = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(script)

    def contents(data: bytes) -> dict[str, bytes]:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            return {entry.filename: archive.read(entry) for entry in archive.infolist()}

    shipped = resource(*names.TEMPLATE).read_bytes()
    assert contents(script.build_template()) == contents(shipped), (
        "run packaging/build_docx_template.py to regenerate resources/templates/article.docx"
    )


def test_libreoffice_converts_the_export_to_pdf(tmp_path: Path) -> None:
    office = shutil.which("soffice") or shutil.which("libreoffice")
    if office is None:
        pytest.skip("LibreOffice is not installed: cannot check that it opens the DOCX")
    source = tmp_path / "story.docx"
    article = Article(
        Metadata(headline="Ferry returns", byline="Ana"),
        (
            Paragraph(rich(Span("See "), Span("the plan", link="https://example.org"))),
            ListBlock((plain("a"), plain("b")), ordered=True),
            CodeBlock("x = 1", "python"),
            HorizontalRule(),
        ),
    )
    source.write_bytes(render(article, OPTIONS))
    done = subprocess.run(
        [office, "--headless", "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
        capture_output=True,
        timeout=180,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "story.pdf").stat().st_size > 0


# -- round trips -------------------------------------------------------------------------
# The documented normalisation (see the docstring of editor_app.export.docx).


def _kept(block: Block) -> bool:
    if isinstance(block, Paragraph | Heading):
        text = block.content.plain
        return bool(text.strip()) and not is_leftover(text)
    if isinstance(block, ListBlock):
        return bool(block.items)
    return True


def expected_article(article: Article) -> Article:
    body = tuple(block for block in article.body if _kept(block))
    meta = article.meta
    if not meta.byline.strip():
        meta = replace(meta, byline="")
    return Article(meta, body)


def round_trip(article: Article, tmp_path: Path) -> Article:
    path = tmp_path / "round-trip.docx"
    path.write_bytes(render(article, OPTIONS))
    return import_file(path).article


@settings(max_examples=60, deadline=None)
@given(articles)
def test_round_trip_keeps_every_article(article: Article) -> None:
    # A folder per example: hypothesis refuses function-scoped fixtures such as tmp_path.
    with tempfile.TemporaryDirectory() as folder:
        assert round_trip(article, Path(folder)) == expected_article(article)


@pytest.mark.parametrize(
    "content",
    [
        rich(Span("\nstarts and ends with a break\n")),
        rich(Span("tab\there"), Span("  spaces kept  ", bold=True)),
        rich(Span("empty target", link="")),
        rich(Span("two\nlines", code=True, bold=True, italic=True, link="https://example.org")),
        rich(Span("a", link="https://example.org/x"), Span("b", link="https://example.org/y")),
        rich(Span("— starts with a dash\n— and a dash line")),
    ],
)
def test_tricky_inline_round_trips(content: RichText, tmp_path: Path) -> None:
    article = Article(
        body=(
            Paragraph(content),
            BlockQuote(content),
            PullQuote(content, content),
            ListBlock((content,)),
        )
    )
    assert round_trip(article, tmp_path) == article


def test_metadata_round_trips_exactly(tmp_path: Path) -> None:
    meta = Metadata(
        headline="H" * 300,
        standfirst="Long standfirst " * 20,
        byline="By the desk",
        dateline="OSLO",
        section="Section, with comma",
        tags=("a, b", "c;d", "e"),
        status=Status.READY,
        language="nb-NO",
        created=datetime(2024, 5, 1, 12, 0, 0, 5, tzinfo=timezone(timedelta(hours=2))),
        updated=datetime(2024, 5, 1, 12, 0, 0),
    )
    assert round_trip(Article(meta), tmp_path).meta == meta


def test_carriage_returns_become_one_line_break(tmp_path: Path) -> None:
    article = Article(body=(Paragraph(plain("a\r\nb\rc")), CodeBlock("x\r\ny", "python")))
    assert round_trip(article, tmp_path).body == (
        Paragraph(plain("a\nb\nc")),
        CodeBlock("x\ny", "python"),
    )
