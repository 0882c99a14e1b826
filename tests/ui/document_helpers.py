"""Builders and strategies shared by the document adapter tests."""

from __future__ import annotations

from hypothesis import strategies as st
from PySide6.QtGui import QColor, QPalette, QTextBlock, QTextCursor, QTextDocument

from editor_app.model import (
    HEADING_LEVELS,
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
)
from editor_app.ui.block_styles import GROUP, BlockKind, BlockStyles, styles_for
from editor_app.ui.document_adapter import block_kind, fill_document
from tests.strategies import blocks

LIGHT = {
    QPalette.ColorRole.Base: "#ffffff",
    QPalette.ColorRole.Text: "#1d2026",
    QPalette.ColorRole.Link: "#1f5fae",
}
DARK = {
    QPalette.ColorRole.Base: "#2a2c31",
    QPalette.ColorRole.Text: "#e3e5e8",
    QPalette.ColorRole.Link: "#8ab4f8",
}


def palette(colours: dict[QPalette.ColorRole, str]) -> QPalette:
    built = QPalette()
    for role, name in colours.items():
        built.setColor(role, QColor(name))
    return built


def light_styles() -> BlockStyles:
    return styles_for(palette(LIGHT))


def dark_styles() -> BlockStyles:
    return styles_for(palette(DARK))


def plain(text: str) -> RichText:
    return RichText.plain_text(text)


def filled(body: tuple[Block, ...], styles: BlockStyles | None = None) -> QTextDocument:
    document = QTextDocument()
    fill_document(document, body, styles or light_styles())
    return document


def document_blocks(document: QTextDocument) -> list[QTextBlock]:
    found, block = [], document.begin()
    while block.isValid():
        found.append(block)
        block = block.next()
    return found


def block_texts(document: QTextDocument) -> list[str]:
    return [block.text() for block in document_blocks(document)]


def selecting(document: QTextDocument, start: int, end: int) -> QTextCursor:
    cursor = QTextCursor(document)
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    return cursor


def position_of(document: QTextDocument, text: str, *, after: bool = False) -> int:
    """The Qt position where ``text`` starts (or ends) in the document."""
    found = document.find(text)
    assert not found.isNull(), text
    return found.selectionEnd() if after else found.selectionStart()


# Characters that need care on the way into Qt and back: line and paragraph
# separators, carriage returns, Qt's block markers, the object replacement
# character, a lone surrogate, NUL, tabs, non-breaking and ordinary spaces.
TRICKY_CHARACTERS = st.sampled_from(
    [*"\n\u2028\u2029\r\ufffc\ufdd0\ufdd1\ud800\x00\t \u00a0\ufffd\u200b", "😀", "\U0001f1fa", "é"]
)
tricky_text = st.text(st.one_of(TRICKY_CHARACTERS, st.characters()), min_size=1, max_size=12)
tricky_spans = st.builds(
    Span,
    text=tricky_text,
    bold=st.booleans(),
    italic=st.booleans(),
    code=st.booleans(),
    link=st.one_of(st.none(), st.sampled_from(["", "https://example.org/x", " spaced "])),
)
tricky_rich = st.lists(tricky_spans, max_size=4).map(lambda spans: RichText(tuple(spans)))
tricky_blocks: st.SearchStrategy[Block] = st.one_of(
    st.builds(Paragraph, content=tricky_rich),
    st.builds(Heading, content=tricky_rich, level=st.sampled_from(HEADING_LEVELS)),
    st.builds(BlockQuote, content=tricky_rich, attribution=tricky_rich),
    st.builds(PullQuote, content=tricky_rich, attribution=tricky_rich),
    st.builds(ListBlock, items=st.lists(tricky_rich, max_size=3).map(tuple), ordered=st.booleans()),
    st.builds(
        CodeBlock,
        code=st.text(st.one_of(TRICKY_CHARACTERS, st.characters()), max_size=30),
        language=st.sampled_from(["", "python", "json", "no-such-language"]),
    ),
    st.just(HorizontalRule()),
)
bodies = st.lists(blocks, max_size=8).map(tuple)
tricky_bodies = st.lists(tricky_blocks, max_size=6).map(tuple)


def assert_lists_consistent(document: QTextDocument) -> None:
    """List items of one group share one QTextList, and nothing else is in a list."""
    lists_of_group: dict[object, set[int]] = {}
    for block in document_blocks(document):
        text_list = block.textList()
        if block_kind(block) is BlockKind.LIST_ITEM:
            assert text_list is not None, f"list item {block.text()!r} is in no list"
            group = block.blockFormat().property(GROUP)
            lists_of_group.setdefault(group, set()).add(text_list.objectIndex())
        else:
            assert text_list is None, f"{block_kind(block)} {block.text()!r} is in a list"
    assert all(len(indices) == 1 for indices in lists_of_group.values()), lists_of_group
