"""A read-only view of an export's source (HTML, Markdown, JSON) coloured by Pygments.

The colours come from ``editor_app.highlight`` as plain data and are written
into the document as character formats, so what the view shows is what a test
(or a copy of the text) sees. The Pygments style follows the palette: one made
for light backgrounds on a light window, one made for dark ones on a dark window.
"""

from __future__ import annotations

from PySide6.QtGui import (
    QColor,
    QFont,
    QFontDatabase,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QWidget

from editor_app.highlight import TokenKind, TokenStyle, highlight_tokens, token_style

LIGHT_CODE_STYLE = "default"
DARK_CODE_STYLE = "monokai"
DARK_LIGHTNESS = 128
"""A palette whose text background is darker than this (0-255) is a dark one."""


def code_style_for(palette: QPalette) -> str:
    """The Pygments style whose colours read well on ``palette``'s text background."""
    if palette.color(QPalette.ColorRole.Base).lightness() < DARK_LIGHTNESS:
        return DARK_CODE_STYLE
    return LIGHT_CODE_STYLE


def char_format(style: TokenStyle) -> QTextCharFormat:
    """A Pygments token style as a Qt character format (unset parts keep the default)."""
    result = QTextCharFormat()
    if style.color:
        result.setForeground(QColor(style.color))
    if style.background:
        result.setBackground(QColor(style.background))
    if style.bold:
        result.setFontWeight(QFont.Weight.Bold)
    if style.italic:
        result.setFontItalic(True)
    if style.underline:
        result.setFontUnderline(True)
    return result


class SourceView(QPlainTextEdit):
    """Source text with its tokens coloured; selectable and copyable, not editable."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setUndoRedoEnabled(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setWordWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.document().setDocumentMargin(12)

    def show_source(self, text: str, language: str, style_name: str) -> None:
        """Show ``text`` highlighted as ``language`` in the Pygments style ``style_name``."""
        self.clear()
        formats: dict[TokenKind, QTextCharFormat] = {}
        cursor = QTextCursor(self.document())
        cursor.beginEditBlock()
        for piece, kind in highlight_tokens(text, language):
            if kind not in formats:
                formats[kind] = char_format(token_style(kind, style_name))
            cursor.insertText(piece, formats[kind])
        cursor.endEditBlock()
        self.moveCursor(QTextCursor.MoveOperation.Start)
