"""A read-only view of an article's body, rendered by the model ⇄ document adapter.

It shows exactly what the editor shows: the document is filled by
``document_adapter.fill_document``, coloured by ``ArticleHighlighter`` and
decorated (quote rules, attribution dashes, code boxes) by ``block_decorations``.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QSizeF, Qt
from PySide6.QtGui import QPaintEvent, QTextCursor
from PySide6.QtWidgets import QFrame, QSizePolicy, QTextBrowser, QWidget

from editor_app.model import Article
from editor_app.ui.block_decorations import paint_block_decorations
from editor_app.ui.block_styles import (
    BODY_FONT_FAMILIES,
    BODY_POINT_SIZE,
    BlockStyles,
    styles_for,
    styles_for_colours,
)
from editor_app.ui.code_highlighter import ArticleHighlighter
from editor_app.ui.document_adapter import fill_document
from editor_app.ui.theme import ArticleColours

__all__ = ["BODY_FONT_FAMILIES", "BODY_POINT_SIZE", "ArticleBodyView"]


class ArticleBodyView(QTextBrowser):
    """The article body, rendered read-only; links show their target but do not navigate.

    The view is always as tall as its text, so the page around it (headline and
    body together) scrolls as one, like a printed page.
    """

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setPlaceholderText(self.tr("This article has no body text yet."))
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.document().setDocumentMargin(4)
        self.document().documentLayout().documentSizeChanged.connect(self._fit_height)
        self._styles: BlockStyles = styles_for(self.palette())
        self.highlighter = ArticleHighlighter(self.document(), self._styles)

    @property
    def styles(self) -> BlockStyles:
        return self._styles

    def show_article(self, article: Article, colours: ArticleColours) -> None:
        self._styles = styles_for_colours(colours)
        fill_document(self.document(), article.body, self._styles)
        self.highlighter.set_styles(self._styles)
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        paint_block_decorations(self, self._styles, event.rect())
        super().paintEvent(event)

    def _fit_height(self, size: QSizeF) -> None:
        self.setFixedHeight(math.ceil(size.height()) + 2 * self.frameWidth())
