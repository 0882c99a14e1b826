"""Building blocks for the editor tests: short block constructors and cursor placement."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextCursor
from pytestqt.qtbot import QtBot

from editor_app.model import (
    BlockQuote,
    CodeBlock,
    Heading,
    ListBlock,
    Paragraph,
    PullQuote,
    RichText,
    Span,
)
from editor_app.ui.article_editor import ArticleEditor

LINK = "https://example.org/ferry"


def text(value: str) -> RichText:
    return RichText.plain_text(value)


def para(value: str) -> Paragraph:
    return Paragraph(text(value))


def heading(value: str, level: int = 2) -> Heading:
    return Heading(text(value), level=level)


def quote(value: str, attribution: str = "") -> BlockQuote:
    return BlockQuote(text(value), text(attribution))


def pull(value: str, attribution: str = "") -> PullQuote:
    return PullQuote(text(value), text(attribution))


def bullets(*items: str) -> ListBlock:
    return ListBlock(tuple(text(item) for item in items))


def code(value: str, language: str = "") -> CodeBlock:
    return CodeBlock(value, language)


MARKED = Paragraph(
    RichText(
        (
            Span("The "),
            Span("night", bold=True),
            Span(" ferry "),
            Span("returns", italic=True),
            Span(", the "),
            Span("council", link=LINK),
            Span(" said."),
        )
    )
)


def place(editor: ArticleEditor, block: int, offset: int | None = None) -> None:
    """Put the cursor in document block ``block`` at ``offset`` (UTF-16; None: its end)."""
    found = editor.document().findBlockByNumber(block)
    assert found.isValid(), f"no block {block}"
    cursor = QTextCursor(found)
    if offset is None:
        cursor.movePosition(QTextCursor.MoveOperation.EndOfBlock)
    else:
        cursor.setPosition(found.position() + offset)
    editor.setTextCursor(cursor)


def select(editor: ArticleEditor, start: int, end: int) -> None:
    """Select between two document positions."""
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)


def select_word(editor: ArticleEditor, block: int, word: str) -> None:
    found = editor.document().findBlockByNumber(block)
    offset = found.text().index(word)
    select(editor, found.position() + offset, found.position() + offset + len(word))


@pytest.fixture
def editor(qtbot: QtBot) -> ArticleEditor:
    widget = ArticleEditor()
    widget.resize(700, 500)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.setFocus()
    return widget
