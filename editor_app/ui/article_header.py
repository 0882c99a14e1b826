"""The article's metadata above the body: section, headline, standfirst, byline and dateline.

Read-only labels for now (the metadata editor is a later issue). Every label is
plain text: an article's words are never interpreted as HTML.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QPalette
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from editor_app.model import Metadata
from editor_app.ui.body_view import BODY_FONT_FAMILIES, BODY_POINT_SIZE
from editor_app.ui.theme import ArticleColours


class ArticleHeader(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kicker = self._label(0.78, bold=True, serif=False)
        self.headline = self._label(2.05, bold=True)
        self.standfirst = self._label(1.2)
        self.byline = self._label(0.9, serif=False)
        self.details = self._label(0.8, serif=False)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 0, 4, 0)
        layout.setSpacing(8)
        layout.addWidget(self.kicker)
        layout.addWidget(self.headline)
        layout.addWidget(self.standfirst)
        layout.addSpacing(2)
        layout.addWidget(self.byline)
        layout.addWidget(self.details)

    def show_metadata(self, meta: Metadata, colours: ArticleColours) -> None:
        self._set(self.kicker, meta.section.upper(), colours.accent)
        self._set(self.headline, meta.headline or self.tr("Untitled article"), colours.text)
        self._set(self.standfirst, meta.standfirst, colours.secondary)
        byline = " · ".join(part for part in (meta.credit_line, meta.dateline) if part)
        self._set(self.byline, byline, colours.text)
        details = [meta.status.value.replace("_", " ").capitalize(), meta.language]
        if meta.tags:
            details.append(", ".join(f"#{tag}" for tag in meta.tags))
        self._set(self.details, "   ·   ".join(details), colours.secondary)

    def _label(self, scale: float, *, bold: bool = False, serif: bool = True) -> QLabel:
        label = QLabel(self)
        label.setTextFormat(Qt.TextFormat.PlainText)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = QFont(self.font())
        if serif:
            font.setFamilies(list(BODY_FONT_FAMILIES))
        else:  # the small sans-serif lines read better slightly spaced out
            font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 104)
        font.setPointSizeF(BODY_POINT_SIZE * scale)
        font.setBold(bold)
        label.setFont(font)
        return label

    @staticmethod
    def _set(label: QLabel, text: str, colour: QColor) -> None:
        label.setText(text)
        label.setVisible(bool(text))
        palette = label.palette()
        # Labels on a Base-coloured page draw with the Text role, elsewhere WindowText.
        for role in (QPalette.ColorRole.WindowText, QPalette.ColorRole.Text):
            palette.setColor(role, colour)
        label.setPalette(palette)
