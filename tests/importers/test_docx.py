"""Reading DOCX: styles mapped back, what is dropped is reported, bad files refused."""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import docx
import pytest

from editor_app import docx_styles as names
from editor_app.assets import resource
from editor_app.errors import ImportFailed
from editor_app.export import ExportOptions
from editor_app.export.docx import render
from editor_app.importers.docx import import_file
from editor_app.importers.docx_safety import OLE_MAGIC, DocxLimits
from editor_app.importers.report import ImportReport
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

DATA = Path(__file__).resolve().parents[1] / "data"
MEGABYTE = 1024 * 1024


def plain(text: str) -> RichText:
    return RichText.plain_text(text)


def zip_folder(folder: Path, target: Path) -> Path:
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        for file in sorted(folder.rglob("*")):
            if file.is_file():
                archive.write(file, file.relative_to(folder).as_posix())
    return target


def built(tmp_path: Path, paragraphs: list[tuple[str, str]], **core: str) -> Path:
    """A DOCX made the way another program would: styled paragraphs on the app's
    template, without the app's custom properties."""
    document = docx.Document(io.BytesIO(resource(*names.TEMPLATE).read_bytes()))
    for style, text in paragraphs:
        document.add_paragraph(text, style=style)
    for name, value in core.items():
        setattr(document.core_properties, name, value)
    path = tmp_path / "built.docx"
    document.save(str(path))
    return path


def body_of(tmp_path: Path, paragraphs: list[tuple[str, str]]) -> tuple[Block, ...]:
    return import_file(built(tmp_path, paragraphs)).article.body


# -- a document shaped like Word's --------------------------------------------------------


def test_word_shaped_document(tmp_path: Path) -> None:
    result = import_file(zip_folder(DATA / "docx_word_shaped", tmp_path / "ferry.docx"))
    assert result.article.meta == Metadata(
        headline="Night ferry returns to the northern route",
        standfirst="Operators promise a timetable that survives the winter storms.",
        section="Regional",
        tags=("ferries", "transport", "winter"),
        language="sv-SE",
        created=datetime(2025, 1, 14, 8, 5, tzinfo=UTC),
        updated=datetime(2025, 1, 15, 17, 40, tzinfo=UTC),
    )
    assert result.article.body == (
        Paragraph(
            RichText(
                (
                    Span("The "),
                    Span("overnight", bold=True),
                    Span(" crossing resumes on "),
                    Span("Monday", italic=True),
                    Span(" evening, with the "),
                    Span("new timetable", link="https://example.org/timetable"),
                    Span(" posted at the quay."),
                )
            )
        ),
        Paragraph(
            RichText(
                (
                    Span("Tickets use the code "),
                    Span("NF-24", code=True),
                    Span(".\nSee "),
                    Span("fares", link="#fares"),
                    Span(" below; not bold."),
                )
            )
        ),
        Heading(plain("Timetable"), 2),
        ListBlock((plain("Boarding from 21:30"), plain("Departure at 22:15")), ordered=True),
        ListBlock((plain("Cabins"), plain("Reclining seats")), ordered=False),
        BlockQuote(
            plain("We kept the engines warm all winter."), plain("Harbour master Elin Berg")
        ),
        Heading(plain("Fares"), 4),
        Paragraph(plain("Adult | 240 kronor")),
        Paragraph(RichText((Span("Child | "), Span("free", bold=True)))),
        HorizontalRule(),
        CodeBlock('route = "north"\n    depart(22, 15)'),
    )
    assert result.report == ImportReport(
        removed=(
            "Fact box: the route is 180 km long.",
            "[image: The ferry at the quay]",
            "Leave a Reply",
        ),
        notes=(
            "1 text box left out: an article has no place for it",
            "1 image left out: an article has no place for it",
            "1 footnote left out: an article has no place for it",
            "a table was flattened: one paragraph per row, cells joined by ' | '",
            "tracked changes were accepted: insertions kept, deletions left out",
            "headings deeper than level 4 became level 4",
        ),
    )


# -- styles from other programs ------------------------------------------------------------


@pytest.mark.parametrize(
    ("byline", "names_only"),
    [
        ("By Mira Sandoval", "Mira Sandoval"),
        ("BY  Mira Sandoval ", "Mira Sandoval"),
        ("Mira Sandoval", "Mira Sandoval"),
        ("Bystander Jones", "Bystander Jones"),
    ],
)
def test_the_byline_loses_its_by(tmp_path: Path, byline: str, names_only: str) -> None:
    path = built(tmp_path, [(names.BYLINE, byline)])
    assert import_file(path).article.meta.byline == names_only


def test_the_title_property_stands_in_for_a_missing_title(tmp_path: Path) -> None:
    path = built(tmp_path, [(names.NORMAL, "Body.")], title="From the properties")
    assert import_file(path).article.meta.headline == "From the properties"


@pytest.mark.parametrize(
    ("paragraphs", "headline", "body"),
    [
        (
            [("Heading 1", "Headline"), ("Normal", "Body.")],
            "Headline",
            (Paragraph(plain("Body.")),),
        ),
        (
            [("Title", "Headline"), ("Heading 1", "Part one")],
            "Headline",
            (Heading(plain("Part one"), 2),),
        ),
        (
            [("Normal", "Lead."), ("Heading 1", "Part one")],
            "",
            (Paragraph(plain("Lead.")), Heading(plain("Part one"), 2)),
        ),
        (
            [("Title", "Headline"), ("Heading 3", "Three"), ("Heading 6", "Six")],
            "Headline",
            (Heading(plain("Three"), 3), Heading(plain("Six"), 4)),
        ),
        (
            [("Title", "Headline"), ("Title", "Second title")],
            "Headline",
            (Heading(plain("Second title"), 2),),
        ),
    ],
)
def test_headings(
    tmp_path: Path, paragraphs: list[tuple[str, str]], headline: str, body: tuple[Block, ...]
) -> None:
    article = import_file(built(tmp_path, paragraphs)).article
    assert (article.meta.headline, article.body) == (headline, body)


@pytest.mark.parametrize(
    ("paragraphs", "body"),
    [
        (
            [("Quote", "We stay."), ("Quote Attribution", "Ana Ruiz")],
            (BlockQuote(plain("We stay."), plain("Ana Ruiz")),),
        ),
        (
            [("Intense Quote", "Big words"), ("Quote Attribution", "Ana")],
            (PullQuote(plain("Big words"), plain("Ana")),),
        ),
        (
            [("Quote", "We stay.\n– Ana Ruiz")],
            (BlockQuote(plain("We stay."), plain("Ana Ruiz")),),
        ),
        (
            [("Quote", "— not an attribution without a line before it")],
            (BlockQuote(plain("— not an attribution without a line before it")),),
        ),
        (
            [("Normal", "Text."), ("Quote Attribution", "Nobody quoted")],
            (Paragraph(plain("Text.")), Paragraph(plain("Nobody quoted"))),
        ),
        (
            [("List Bullet", "a"), ("List Bullet", "b"), ("List Number", "1"), ("Normal", "x")],
            (
                ListBlock((plain("a"), plain("b"))),
                ListBlock((plain("1"),), ordered=True),
                Paragraph(plain("x")),
            ),
        ),
        (
            [("Code Block", "a = 1"), ("Code Block", "b = 2"), ("Normal", "x")],
            (CodeBlock("a = 1\nb = 2"), Paragraph(plain("x"))),
        ),
        (
            [("Horizontal Rule", ""), ("Normal", ""), ("Normal", " \t "), ("Heading 2", " ")],
            (HorizontalRule(),),
        ),
    ],
)
def test_block_styles(
    tmp_path: Path, paragraphs: list[tuple[str, str]], body: tuple[Block, ...]
) -> None:
    assert body_of(tmp_path, paragraphs) == body


def test_web_leftovers_are_removed_and_reported(tmp_path: Path) -> None:
    path = built(tmp_path, [("Normal", "The lock opens at six."), ("Normal", "Leave a Reply")])
    result = import_file(path)
    assert result.article.body == (Paragraph(plain("The lock opens at six.")),)
    assert result.report.removed == ("Leave a Reply",)


@pytest.mark.parametrize(
    ("core", "tags", "section", "language"),
    [
        ({"keywords": "a; b, c ,", "category": "Local"}, ("a", "b", "c"), "Local", "en-GB"),
        ({"keywords": "", "language": "fr-FR"}, (), "", "fr-FR"),
    ],
)
def test_properties_from_other_programs(
    tmp_path: Path, core: dict[str, str], tags: tuple[str, ...], section: str, language: str
) -> None:
    meta = import_file(built(tmp_path, [("Normal", "x")], **core)).article.meta
    assert (meta.tags, meta.section, meta.language, meta.status) == (
        tags,
        section,
        language,
        Status.DRAFT,
    )


def test_properties_edited_in_word_win_over_the_apps_copies(tmp_path: Path) -> None:
    meta = Metadata(headline="H", tags=("old",), section="Old", status=Status.READY)
    document = docx.Document(io.BytesIO(render(Article(meta), ExportOptions())))
    document.core_properties.keywords = "new; newer"
    document.core_properties.category = "New"
    path = tmp_path / "edited.docx"
    document.save(str(path))
    imported = import_file(path).article.meta
    assert (imported.tags, imported.section, imported.status) == (
        ("new", "newer"),
        "New",
        Status.READY,
    )


def test_a_package_without_core_properties_has_blank_metadata(tmp_path: Path) -> None:
    entries = exported_entries(Article(body=(Paragraph(plain("x")),)))
    del entries["docProps/core.xml"]
    entries["_rels/.rels"] = re.sub(
        rb"<Relationship [^>]*core-properties[^>]*/>", b"", entries["_rels/.rels"]
    )
    meta = import_file(write_zip(tmp_path / "bare.docx", entries)).article.meta
    assert (meta.headline, meta.created, meta.updated) == ("", None, None)


# -- files that are refused ------------------------------------------------------------------


def write_zip(path: Path, entries: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in entries.items():
            archive.writestr(name, data)
    return path


def exported_entries(article: Article | None = None) -> dict[str, bytes]:
    article = article or Article(Metadata(headline="H"), (Paragraph(plain("x")),))
    data = render(article, ExportOptions())
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {entry.filename: archive.read(entry) for entry in archive.infolist()}


def zip_bomb(path: Path) -> Path:
    """A small archive with a 20 MB entry of zeros, written in chunks."""
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in exported_entries().items():
            archive.writestr(name, data)
        with archive.open("word/media/zeros.bin", "w") as stream:
            chunk = bytes(MEGABYTE)
            for _ in range(20):
                stream.write(chunk)
    return path


def corrupted(path: Path) -> Path:
    """An export whose compressed main document has garbage in the middle."""
    data = bytearray(render(Article(body=(Paragraph(plain("x" * 500)),)), ExportOptions()))
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        entry = archive.getinfo("word/document.xml")
    start = entry.header_offset + 30 + len(entry.filename) + len(entry.extra)
    for offset in range(start + 8, start + 40):
        data[offset] ^= 0x5A
    path.write_bytes(bytes(data))
    return path


def without_main_document(path: Path) -> Path:
    entries = exported_entries()
    del entries["word/document.xml"]
    return write_zip(path, entries)


def spreadsheet(path: Path) -> Path:
    entries = exported_entries()
    entries["[Content_Types].xml"] = entries["[Content_Types].xml"].replace(
        b"wordprocessingml.document.main+xml", b"spreadsheetml.sheet.main+xml"
    )
    return write_zip(path, entries)


def malformed_xml(path: Path) -> Path:
    entries = exported_entries()
    entries["word/document.xml"] = entries["word/document.xml"][:300]
    return write_zip(path, entries)


def encrypted_entry(path: Path) -> Path:
    """An archive whose main document is flagged as encrypted (zipfile cannot write
    one, so the flag is set in the local and central headers by hand)."""
    write_zip(path, exported_entries())
    data = bytearray(path.read_bytes())
    with zipfile.ZipFile(io.BytesIO(bytes(data))) as archive:
        entry = archive.getinfo("word/document.xml")
    data[entry.header_offset + 6] |= 0x1  # local header: general purpose flags
    central = data.index(b"PK\x01\x02")
    while data[central + 46 : central + 46 + len(entry.filename)] != entry.filename.encode():
        central = data.index(b"PK\x01\x02", central + 4)
    data[central + 8] |= 0x1  # central directory: general purpose flags
    path.write_bytes(bytes(data))
    return path


def write_bytes(data: bytes) -> Callable[[Path], Path]:
    def make(path: Path) -> Path:
        path.write_bytes(data)
        return path

    return make


@pytest.mark.parametrize(
    ("make", "limits", "message"),
    [
        (write_bytes(b"just some text, not a zip"), DocxLimits(), "is not a DOCX file"),
        (write_bytes(OLE_MAGIC + bytes(500)), DocxLimits(), "password-protected or old .doc"),
        (write_bytes(b""), DocxLimits(), "is empty"),
        (corrupted, DocxLimits(), "is a damaged DOCX file"),
        (malformed_xml, DocxLimits(), "is a damaged DOCX file"),
        (without_main_document, DocxLimits(), "has no word/document.xml"),
        (spreadsheet, DocxLimits(), "is not a Word document"),
        (encrypted_entry, DocxLimits(), "is encrypted"),
        (zip_bomb, DocxLimits(), "looks like a zip bomb"),
        (zip_bomb, DocxLimits(max_total_bytes=5 * MEGABYTE), "may be a zip bomb"),
        (without_main_document, DocxLimits(max_entries=3), "more than a Word document ever does"),
        (zip_bomb, DocxLimits(max_file_bytes=10_000), "is too large to import"),
    ],
)
def test_bad_files_are_refused_with_one_sentence(
    tmp_path: Path, make: Callable[[Path], Path], limits: DocxLimits, message: str
) -> None:
    path = make(tmp_path / "story.docx")
    with pytest.raises(ImportFailed) as refused:
        import_file(path, limits=limits)
    text = str(refused.value)
    assert message in text
    assert text.startswith("story.docx ")
    assert "\n" not in text


@pytest.mark.parametrize(
    ("name", "message"), [("folder", "is a folder"), ("gone", "does not exist")]
)
def test_paths_that_are_not_files(tmp_path: Path, name: str, message: str) -> None:
    (tmp_path / "folder").mkdir()
    with pytest.raises(ImportFailed, match=message):
        import_file(tmp_path / name)
