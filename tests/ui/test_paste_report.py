"""The status bar's sentence after a paste."""

from __future__ import annotations

import pytest

from editor_app.importers.report import ImportReport
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
)
from editor_app.ui.paste_report import (
    MAX_REMOVED_PARTS,
    describe_blocks,
    describe_removed,
    paste_sentence,
)

TEXT = RichText.plain_text("Ferries run late.")
PARAGRAPH = Paragraph(TEXT)


@pytest.mark.parametrize(
    ("blocks", "expected"),
    [
        ((PARAGRAPH,), "1 paragraph"),
        ((PARAGRAPH, PARAGRAPH), "2 paragraphs"),
        ((PARAGRAPH, Heading(TEXT), PARAGRAPH), "2 paragraphs and 1 heading"),
        (
            (
                BlockQuote(TEXT),
                PullQuote(TEXT),
                ListBlock((TEXT,)),
                CodeBlock("x"),
                HorizontalRule(),
            ),
            "1 quote, 1 pull quote, 1 list, 1 code block and 1 rule",
        ),
        ((), ""),
    ],
)
def test_blocks_are_counted_by_kind(blocks: tuple[Block, ...], expected: str) -> None:
    assert describe_blocks(blocks) == expected


@pytest.mark.parametrize(
    ("removed", "expected"),
    [
        (("script: inline, 42 characters",), "1 script"),
        (
            (
                "script: a.js",
                "tracking pixel: p.gif",
                "tracking pixel: q.gif",
                "comment section of a web page: Leave a Reply",
            ),
            "1 script, 2 tracking pixels, 'Leave a Reply'",
        ),
        (("image caption: A bus.", "script: a.js"), "1 script, 1 image caption"),
        (
            ("share buttons or share counts: " + "Share " * 20,),
            "1 share buttons or share counts",
        ),
        (("something new: detail",), "1 something new"),
        ((), ""),
    ],
)
def test_removed_pieces_are_counted_or_quoted(removed: tuple[str, ...], expected: str) -> None:
    assert describe_removed(removed) == expected


def test_a_long_removal_list_ends_in_a_count_of_the_rest() -> None:
    kinds = ["script", "stylesheet", "image", "form field", "sidebar", "page footer", "video"]
    described = describe_removed(tuple(f"{kind}: x" for kind in kinds))
    parts = described.split(", ")
    assert len(parts) == MAX_REMOVED_PARTS
    assert parts[-1] == f"{len(kinds) - MAX_REMOVED_PARTS + 1} other pieces"


@pytest.mark.parametrize(
    ("report", "source", "expected"),
    [
        (ImportReport(), "", "Pasted 2 paragraphs"),
        (ImportReport(), "Word", "Pasted 2 paragraphs from Word"),
        (
            ImportReport(removed=("script: a.js", "comment section of a web page: Leave a Reply")),
            "HTML",
            "Pasted 2 paragraphs from HTML; removed: 1 script, 'Leave a Reply'",
        ),
    ],
)
def test_sentence(report: ImportReport, source: str, expected: str) -> None:
    assert paste_sentence((PARAGRAPH, PARAGRAPH), report, source) == expected
