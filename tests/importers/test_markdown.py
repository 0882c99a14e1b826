"""Reading Markdown: every mapping of the dialect, the report, and bad front matter."""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from editor_app.errors import ImportFailed
from editor_app.importers import import_article
from editor_app.importers.markdown import import_file, import_markdown
from editor_app.model import (
    Block,
    BlockQuote,
    CodeBlock,
    Heading,
    HorizontalRule,
    ListBlock,
    Paragraph,
    PullQuote,
    RichText,
    Span,
    Status,
)

DATA = Path(__file__).parent.parent / "data"


def plain(text: str) -> RichText:
    return RichText.plain_text(text)


def rich(*spans: Span) -> RichText:
    return RichText(spans)


def body_of(markdown: str) -> tuple[Block, ...]:
    return import_markdown(markdown).article.body


# -- headline and headings -------------------------------------------------------------


@pytest.mark.parametrize(
    ("markdown", "headline", "body"),
    [
        ("# Ferry fares frozen\n\nText.", "Ferry fares frozen", (Paragraph(plain("Text.")),)),
        ("Ferry fares frozen\n===\n\nText.", "Ferry fares frozen", (Paragraph(plain("Text.")),)),
        ("Intro.\n\n# Late title", "Late title", (Paragraph(plain("Intro.")),)),
        ("# First\n\n# Second", "First", (Heading(plain("Second"), 2),)),
        (
            "---\nheadline: From YAML\n---\n# From YAML\n\nText.",
            "From YAML",
            (Paragraph(plain("Text.")),),
        ),
        ("---\nheadline: From YAML\n---\n# Other\n", "From YAML", (Heading(plain("Other"), 2),)),
        ("---\nheadline: ''\n---\n# Title\n", "Title", ()),
        ("Just text, no title.", "", (Paragraph(plain("Just text, no title.")),)),
        ("## Not a headline", "", (Heading(plain("Not a headline"), 2),)),
        ("# **Bold** title", "Bold title", ()),
    ],
)
def test_headline_comes_from_front_matter_or_first_h1(
    markdown: str, headline: str, body: tuple[Block, ...]
) -> None:
    article = import_markdown(markdown).article
    assert (article.meta.headline, article.body) == (headline, body)


@pytest.mark.parametrize(
    ("markdown", "level"),
    [("## Two", 2), ("### Three", 3), ("#### Four", 4), ("##### Five", 4), ("###### Six", 4)],
)
def test_heading_levels_map_to_two_to_four(markdown: str, level: int) -> None:
    (heading,) = body_of(f"# Title\n\n{markdown}")
    assert isinstance(heading, Heading) and heading.level == level


@pytest.mark.parametrize(
    ("markdown", "note_fragment"),
    [
        ("# A\n\n# B", "level-2"),
        ("# A\n\n##### B", "level 4"),
        ("# **A**", "headline"),
    ],
)
def test_heading_changes_are_noted(markdown: str, note_fragment: str) -> None:
    notes = import_markdown(markdown).report.notes
    assert any(note_fragment in note for note in notes)


# -- inline ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("markdown", "content"),
    [
        (
            "**bold** and *italic*",
            rich(Span("bold", bold=True), Span(" and "), Span("italic", italic=True)),
        ),
        ("__bold__ _it_", rich(Span("bold", bold=True), Span(" "), Span("it", italic=True))),
        ("***both***", rich(Span("both", bold=True, italic=True))),
        (
            "[the plan](https://example.org/plan)",
            rich(Span("the plan", link="https://example.org/plan")),
        ),
        ("[a](<https://example.org/a b>)", rich(Span("a", link="https://example.org/a b"))),
        ("[**a**](u)", rich(Span("a", bold=True, link="u"))),
        ("use `print()` here", rich(Span("use "), Span("print()", code=True), Span(" here"))),
        ("`` a`b ``", rich(Span("a`b", code=True))),
        ("line one\\\nline two", plain("line one\nline two")),
        ("line one  \nline two", plain("line one\nline two")),
        ("soft\nbreak", plain("soft break")),
        ("\\*not emphasis\\*", plain("*not emphasis*")),
        ("AT&amp;T &#8212; &copy;", plain("AT&T — ©")),
        ("“Curly” quotes, it’s -- (c) ...", plain("“Curly” quotes, it’s -- (c) ...")),
        ("see https://example.org", plain("see https://example.org")),
        ("[javascript](javascript:alert(1))", plain("[javascript](javascript:alert(1))")),
    ],
)
def test_inline_marks(markdown: str, content: RichText) -> None:
    assert body_of(markdown) == (Paragraph(content),)


def test_images_are_dropped_and_reported() -> None:
    result = import_markdown(
        "Before ![A ferry at dawn](https://example.org/f.jpg) after\n\n![](x.png)"
    )
    assert result.article.body == (Paragraph(plain("Before  after")),)
    assert result.report.removed == (
        "image: A ferry at dawn (https://example.org/f.jpg)",
        "image: x.png",
    )


def test_a_paragraph_that_was_only_an_image_disappears() -> None:
    assert body_of("![Map](map.png)\n\nText") == (Paragraph(plain("Text")),)


@pytest.mark.parametrize(
    ("markdown", "body"),
    [
        ("Text <b>bold</b> here", (Paragraph(plain("Text bold here")),)),
        ("One<br>two", (Paragraph(plain("One\ntwo")),)),
        (
            "<div>\n<p>First &amp; <em>best</em></p>\n<p>Second</p>\n</div>",
            (Paragraph(plain("First & best")), Paragraph(plain("Second"))),
        ),
        ("<script>alert(1)</script>\n\nText", (Paragraph(plain("Text")),)),
    ],
)
def test_html_is_reduced_to_its_text_and_noted(markdown: str, body: tuple[Block, ...]) -> None:
    result = import_markdown(markdown)
    assert result.article.body == body
    assert any("HTML" in note for note in result.report.notes)


def test_tables_become_one_paragraph_per_row() -> None:
    result = import_markdown("| Port | Crossings |\n|---|---:|\n| **Dover** | 12 |\n| Calais | 9 |")
    assert result.article.body == (
        Paragraph(plain("Port | Crossings")),
        Paragraph(rich(Span("Dover", bold=True), Span(" | 12"))),
        Paragraph(plain("Calais | 9")),
    )
    assert any("table" in note for note in result.report.notes)


# -- quotes ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("markdown", "block"),
    [
        ("> We will win.", BlockQuote(plain("We will win."))),
        (
            "> We will win.\n>\n> — Jens Stoltenberg",
            BlockQuote(plain("We will win."), plain("Jens Stoltenberg")),
        ),
        (
            "> We will win.\n> — Jens Stoltenberg",
            BlockQuote(plain("We will win."), plain("Jens Stoltenberg")),
        ),
        ("> We will win.\n>\n> – Ana", BlockQuote(plain("We will win."), plain("Ana"))),
        ("> We will win.\n>\n> -- Ana", BlockQuote(plain("We will win."), plain("Ana"))),
        ("> We will win.\n>\n> ―Ana", BlockQuote(plain("We will win."), plain("Ana"))),
        (
            "> We will win.\n>\n> — *Ana*, mayor",
            BlockQuote(plain("We will win."), rich(Span("Ana", italic=True), Span(", mayor"))),
        ),
        ("> One.\n>\n> Two.", BlockQuote(plain("One.\nTwo."))),
        ("> Not — an attribution", BlockQuote(plain("Not — an attribution"))),
        ("> Text\n>\n> &mdash; escaped dash", BlockQuote(plain("Text\n— escaped dash"))),
        ("> Text\n>\n> \\-- escaped dashes", BlockQuote(plain("Text\n-- escaped dashes"))),
        ("> [!PULLQUOTE]\n> Words in big type", PullQuote(plain("Words in big type"))),
        ("> [!pullquote]\n> Words\n>\n> — Ana", PullQuote(plain("Words"), plain("Ana"))),
        ("> [!PULLQUOTE]\n>\n> Words", PullQuote(plain("Words"))),
        ("> \\[!PULLQUOTE]\n> Words", BlockQuote(plain("[!PULLQUOTE] Words"))),
        ("> Text\n>\n> > nested", BlockQuote(plain("Text\nnested"))),
    ],
)
def test_quotes(markdown: str, block: Block) -> None:
    assert body_of(markdown) == (block,)


# -- lists, code, rules ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("markdown", "block"),
    [
        ("- one\n- two", ListBlock((plain("one"), plain("two")))),
        ("* one\n+ two", ListBlock((plain("one"),))),
        ("1. one\n2. two", ListBlock((plain("one"), plain("two")), ordered=True)),
        ("3) three\n4) four", ListBlock((plain("three"), plain("four")), ordered=True)),
        ("- **bold** item", ListBlock((rich(Span("bold", bold=True), Span(" item")),))),
        ("- first para\n\n  second para", ListBlock((plain("first para\nsecond para"),))),
        ("- line\\\n  break", ListBlock((plain("line\nbreak"),))),
        ("```python\nprint('hi')\n```", CodeBlock("print('hi')", "python")),
        ("```python {.numbered}\nx\n```", CodeBlock("x", "python")),
        ("~~~\n  indented\n\n~~~", CodeBlock("  indented\n", "")),
        ("    indented code", CodeBlock("indented code", "")),
        ("---", HorizontalRule()),
        ("***", HorizontalRule()),
        ("_ _ _", HorizontalRule()),
    ],
)
def test_lists_code_and_rules(markdown: str, block: Block) -> None:
    assert body_of(markdown)[0] == block


def test_nested_lists_are_flattened_and_noted() -> None:
    result = import_markdown("- one\n  - one a\n  - one b\n- two")
    assert result.article.body == (
        ListBlock((plain("one"), plain("one a"), plain("one b"), plain("two"))),
    )
    assert any("nested list" in note for note in result.report.notes)


# -- web leftovers ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "leftover", ["Leave a Reply", "190 Interactions", "**42 Shares**", "## Leave a Reply"]
)
def test_web_leftovers_are_removed_and_reported(leftover: str) -> None:
    result = import_markdown(f"# Title\n\nReal text.\n\n{leftover}")
    assert result.article.body == (Paragraph(plain("Real text.")),)
    assert result.report.removed == (leftover.strip("#* "),)


def test_scraped_shape_fixture_imports_with_leftovers_removed() -> None:
    result = import_file(DATA / "md_scraped_shape.md")
    article = result.article
    assert article.meta.headline == "Coastal library reopens after two-year rebuild"
    assert article.body[0] == Paragraph(
        rich(
            Span(
                "The new building doubles the reading room and adds a storm shelter "
                "for the harbour district.",
                italic=True,
            )
        )
    )
    assert (
        BlockQuote(
            rich(
                Span("We designed it to be the building people run "),
                Span("to", italic=True),
                Span(" when the water comes, not away from."),
            ),
            plain("Ines Achterberg, project architect"),
        )
        in article.body
    )
    assert "“People queued in the rain" in article.plain_body()
    assert article.body[-1] == Paragraph(
        rich(
            Span("Read the council’s "),
            Span("full flood-recovery plan", link="https://example.org/council/flood-plan"),
            Span(" for the other projects on the list."),
        )
    )
    assert result.report.removed == (
        "image: The rebuilt reading room (https://example.org/images/reading-room.jpg)",
        "57 Interactions",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
    )


# -- front matter (its values: test_front_matter.py) -----------------------------------


def test_front_matter_fills_the_metadata() -> None:
    markdown = (
        "---\n"
        "headline: Port rules agreed\n"
        "standfirst: Ferries must publish delays.\n"
        "byline: Jane Doe\n"
        "dateline: DOVER\n"
        "section: Transport\n"
        "tags: [ports, ferries]\n"
        "status: ready\n"
        "language: en-US\n"
        "created: 2025-03-03T09:30:00+00:00\n"
        "updated: 2025-03-04\n"
        "---\n"
        "Body.\n"
    )
    meta = import_markdown(markdown).article.meta
    assert meta.headline == "Port rules agreed"
    assert (meta.standfirst, meta.byline, meta.dateline) == (
        "Ferries must publish delays.",
        "Jane Doe",
        "DOVER",
    )
    assert (meta.section, meta.tags, meta.status, meta.language) == (
        "Transport",
        ("ports", "ferries"),
        Status.READY,
        "en-US",
    )
    assert meta.created == datetime(2025, 3, 3, 9, 30, tzinfo=UTC)
    assert meta.updated == datetime(2025, 3, 4)


def test_unknown_front_matter_keys_are_ignored_and_noted() -> None:
    result = import_markdown("---\nbyline: Jane Doe\nlayout: post\nauthor_id: 7\n---\nBody.")
    assert result.article.meta.byline == "Jane Doe"
    assert any("layout, author_id" in note for note in result.report.notes)


def test_empty_front_matter_is_fine() -> None:
    assert import_markdown("---\n---\nBody.").article.body == (Paragraph(plain("Body.")),)


@pytest.mark.parametrize(
    ("markdown", "message_fragment"),
    [
        ("---\nheadline: a: b\n---\nBody.", "not valid YAML .*on line 2"),
        ("---\n- just\n- a list\n---\nBody.", "'key: value' lines"),
        ("---\ncreated: next week\n---\nBody.", "not a date"),
        ("---\nheadline: Never closed\n\nBody text.", "never closed"),
    ],
)
def test_malformed_front_matter_fails_with_one_clear_message(
    markdown: str, message_fragment: str
) -> None:
    with pytest.raises(ImportFailed, match=message_fragment):
        import_markdown(markdown)


def test_a_document_opening_with_a_rule_is_not_front_matter() -> None:
    assert body_of("---\n\nText after a rule.") == (
        HorizontalRule(),
        Paragraph(plain("Text after a rule.")),
    )


# -- files -----------------------------------------------------------------------------


@pytest.mark.parametrize("suffix", [".md", ".markdown"])
def test_the_registry_opens_markdown_files(tmp_path: Path, suffix: str) -> None:
    path = tmp_path / f"story{suffix}"
    path.write_text("# Title\n\nText.\n", encoding="utf-8")
    assert import_article(path).article.meta.headline == "Title"


def test_file_errors_name_the_file(tmp_path: Path) -> None:
    path = tmp_path / "broken.md"
    path.write_text("---\nstatus: lost\n---\nText.\n", encoding="utf-8")
    with pytest.raises(ImportFailed, match=r"^broken\.md: .*status 'lost'"):
        import_file(path)


@pytest.mark.parametrize("content", [b"", b"\x00\x01\x02\x03" * 50])
def test_unreadable_files_fail_cleanly(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "bad.md"
    path.write_bytes(content)
    with pytest.raises(ImportFailed):
        import_file(path)


def test_a_legacy_encoding_is_noted(tmp_path: Path) -> None:
    path = tmp_path / "legacy.md"
    path.write_bytes("# Café “opens”\n\nText.\n".encode("cp1252"))
    result = import_file(path)
    assert result.article.meta.headline == "Café “opens”"
    assert any("Windows-1252" in note for note in result.report.notes)


def test_blank_text_is_refused() -> None:
    with pytest.raises(ImportFailed, match="empty"):
        import_markdown(" \n\n ")
