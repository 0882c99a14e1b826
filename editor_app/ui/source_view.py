"""A read-only view of an export's source (HTML, Markdown, JSON) coloured by Pygments.

The colours come from ``editor_app.highlight`` as plain data and are written
into the document as character formats, so what the view shows is what a test
(or a copy of the text) sees. The Pygments style follows the palette: one made
for light backgrounds on a light window, one made for dark ones on a dark window.
"""

from __future__ import annotations

from PySide6.QtGui import (
    QFontDatabase,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextOption,
)
from PySide6.QtWidgets import QFrame, QPlainTextEdit, QWidget

from editor_app.highlight import TokenKind, highlight_tokens, token_style
from editor_app.ui.block_styles import DARK_CODE_STYLE, LIGHT_CODE_STYLE
from editor_app.ui.code_highlighter import token_char_format

DARK_LIGHTNESS = 128
"""A palette whose text background is darker than this (0-255) is a dark one."""


def code_style_for(palette: QPalette) -> str:
    """The Pygments style whose colours read well on ``palette``'s text background."""
    if palette.color(QPalette.ColorRole.Base).lightness() < DARK_LIGHTNESS:
        return DARK_CODE_STYLE
    return LIGHT_CODE_STYLE


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
                formats[kind] = token_char_format(token_style(kind, style_name))
            cursor.insertText(piece, formats[kind])
        cursor.endEditBlock()
        self.moveCursor(QTextCursor.MoveOperation.Start)
