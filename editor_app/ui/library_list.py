"""The rows of the library browser: a list model of summaries or search hits, and the
delegate that draws each as headline, status tag, section, age and words, with the
search snippet's matches in bold.

The model holds at most a few hundred rows (the library is asked for the newest 200
or the best 50), so a 100,000-article library lists as fast as a small one.
"""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import UTC, datetime

from PySide6.QtCore import (
    QAbstractListModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QColor,
    QFont,
    QFontMetrics,
    QPainter,
    QPalette,
    QTextDocument,
)
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from editor_app.library import ArticleSummary, SearchHit
from editor_app.model import Status
from editor_app.ui.metadata_panel import STATUS_NAMES
from editor_app.ui.time_text import relative_time

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
"""The row's ``LibraryRow``."""
CURRENT_ROLE = Qt.ItemDataRole.UserRole + 2
"""True for the article open in the window."""
STATUS_COLOURS = {
    Status.DRAFT: "#6b7280",
    Status.IN_EDIT: "#b45309",
    Status.READY: "#15803d",
    Status.PUBLISHED: "#1d4ed8",
}
"""Tag backgrounds dark enough for white text, on light and dark palettes alike."""
PADDING = 6
SNIPPET_LINES = 2
ModelIndex = QModelIndex | QPersistentModelIndex


def _tr(text: str) -> str:
    return QCoreApplication.translate("LibraryList", text)


@dataclass(frozen=True)
class LibraryRow:
    """One listed article, from a summary (with words) or a search hit (with a snippet)."""

    article_id: int
    headline: str
    status: Status
    section: str
    updated: datetime
    word_count: int | None = None
    snippet: str = ""
    """Search context with the matches marked «…»; plain text."""

    @classmethod
    def of_summary(cls, summary: ArticleSummary) -> LibraryRow:
        return cls(
            summary.id,
            summary.headline,
            summary.status,
            summary.section,
            summary.updated,
            summary.word_count,
        )

    @classmethod
    def of_hit(cls, hit: SearchHit) -> LibraryRow:
        return cls(
            hit.article_id, hit.headline, hit.status, hit.section, hit.updated, None, hit.snippet
        )

    @property
    def title(self) -> str:
        return self.headline.strip() or _tr("Untitled")

    def details(self, now: datetime) -> str:
        """ "Sport · 2 h ago · 540 words": what the second line says after the status."""
        parts = [self.section] if self.section else []
        parts.append(relative_time(self.updated, now))
        if self.word_count is not None:
            words = _tr("1 word") if self.word_count == 1 else _tr("{n} words")
            parts.append(words.format(n=f"{self.word_count:,}"))
        return " · ".join(parts)


def empty_hint(trash: bool, query: str, filtered: bool) -> str:
    """What an empty list says: why it is empty, and what to do about it."""
    if query:
        return _tr("Nothing matches “{query}”.").format(query=query)
    if filtered:
        return _tr("No article has the status, section and tag chosen.")
    if trash:
        return _tr("The trash is empty.")
    return _tr(
        "Nothing in the library yet. Save the article you are writing (Ctrl+S) to keep it here."
    )


def snippet_html(snippet: str) -> str:
    """The snippet as HTML: its text escaped, the «…» matches in bold."""
    parts: list[str] = []
    for index, chunk in enumerate(snippet.replace("»", "«").split("«")):
        text = html.escape(chunk)
        parts.append(f"<b>{text}</b>" if index % 2 else text)
    return "".join(parts)


class LibraryListModel(QAbstractListModel):
    """The listed rows; replaced whole on each listing (they are few)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._rows: list[LibraryRow] = []
        self._current: int | None = None

    def rowCount(self, parent: ModelIndex = QModelIndex()) -> int:  # noqa: N802, B008 - Qt's
        return 0 if parent.isValid() else len(self._rows)

    def data(self, index: ModelIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return row.title
        if role == Qt.ItemDataRole.ToolTipRole:
            plain = row.snippet.replace("«", "").replace("»", "")
            return f"{row.title}\n{plain}" if plain else row.title
        if role == ROW_ROLE:
            return row
        if role == CURRENT_ROLE:
            return row.article_id == self._current
        return None

    def set_rows(self, rows: list[LibraryRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[LibraryRow]:
        return list(self._rows)

    def row_of(self, article_id: int) -> int | None:
        return next((n for n, row in enumerate(self._rows) if row.article_id == article_id), None)

    def set_current(self, article_id: int | None) -> None:
        """Highlight the article open in the window (``None``: none of them)."""
        changed = {self._current, article_id} - {None}
        self._current = article_id
        for wanted in changed:
            number = self.row_of(wanted) if wanted is not None else None
            if number is not None:
                here = self.index(number)
                self.dataChanged.emit(here, here, [CURRENT_ROLE])


class LibraryRowDelegate(QStyledItemDelegate):
    """Draws a row in two lines (three with a search snippet)."""

    def sizeHint(self, option: QStyleOptionViewItem, index: ModelIndex) -> QSize:  # noqa: N802
        row = index.data(ROW_ROLE)
        lines = self._line_height(option, bold=True) + self._line_height(option) + 2
        if isinstance(row, LibraryRow) and row.snippet:
            lines += self._line_height(option) * SNIPPET_LINES + 2
        return QSize(200, lines + 2 * PADDING)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: ModelIndex) -> None:
        row = index.data(ROW_ROLE)
        if not isinstance(row, LibraryRow):
            return
        self.initStyleOption(option, index)
        widget = option.widget
        style = widget.style() if isinstance(widget, QWidget) else None
        painter.save()
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if style is not None:
            style.drawPrimitive(
                QStyle.PrimitiveElement.PE_PanelItemViewItem, option, painter, widget
            )
        palette: QPalette = option.palette
        rect: QRect = option.rect.adjusted(PADDING + 4, PADDING, -PADDING, -PADDING)
        if index.data(CURRENT_ROLE):
            self._mark_current(painter, option.rect, palette)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        ink = palette.color(role)
        base_font: QFont = option.font
        top = self._paint_headline(painter, rect, row, base_font, ink)
        top = self._paint_details(painter, rect, top, row, base_font, ink, selected, palette)
        if row.snippet:
            self._paint_snippet(painter, rect, top, row, base_font, ink)
        painter.restore()

    def _line_height(self, option: QStyleOptionViewItem, *, bold: bool = False) -> int:
        font = QFont(option.font)
        font.setBold(bold)
        return painter_metrics(font)

    @staticmethod
    def _mark_current(painter: QPainter, rect: QRect, palette: QPalette) -> None:
        """A bar of the accent colour on the left: the article in the window."""
        painter.fillRect(QRect(rect.left(), rect.top(), 4, rect.height()), palette.highlight())

    @staticmethod
    def _paint_headline(
        painter: QPainter, rect: QRect, row: LibraryRow, base: QFont, ink: QColor
    ) -> int:
        font = QFont(base)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(ink)
        metrics = painter.fontMetrics()
        text = metrics.elidedText(row.title, Qt.TextElideMode.ElideRight, rect.width())
        height = metrics.height()
        painter.drawText(QRect(rect.left(), rect.top(), rect.width(), height), 0, text)
        return rect.top() + height + 2

    @staticmethod
    def _paint_details(
        painter: QPainter,
        rect: QRect,
        top: int,
        row: LibraryRow,
        base: QFont,
        ink: QColor,
        selected: bool,
        palette: QPalette,
    ) -> int:
        small = QFont(base)
        small.setPointSizeF(max(base.pointSizeF() * 0.85, 6.0))
        painter.setFont(small)
        metrics = painter.fontMetrics()
        height = painter_metrics(base)
        name = _tr(STATUS_NAMES[row.status])
        tag = QRect(rect.left(), top + 1, metrics.horizontalAdvance(name) + 10, height - 2)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(STATUS_COLOURS[row.status]))
        painter.drawRoundedRect(tag, 4, 4)
        painter.setPen(QColor("white"))
        painter.drawText(tag, Qt.AlignmentFlag.AlignCenter, name)
        quiet = QColor(ink)
        if not selected:
            quiet = palette.color(QPalette.ColorRole.PlaceholderText)
        painter.setPen(quiet)
        left = tag.right() + 6
        width = max(rect.right() - left, 0)
        details = metrics.elidedText(
            row.details(datetime.now(UTC)), Qt.TextElideMode.ElideRight, width
        )
        painter.drawText(QRect(left, top, width, height), Qt.AlignmentFlag.AlignVCenter, details)
        return top + height + 2

    @staticmethod
    def _paint_snippet(
        painter: QPainter, rect: QRect, top: int, row: LibraryRow, base: QFont, ink: QColor
    ) -> None:
        document = QTextDocument()
        document.setDefaultFont(base)
        document.setDocumentMargin(0)
        document.setTextWidth(rect.width())
        document.setHtml(snippet_html(row.snippet))
        height = painter_metrics(base) * SNIPPET_LINES
        painter.translate(rect.left(), top)
        context = QAbstractTextDocumentLayout.PaintContext()
        context.palette.setColor(QPalette.ColorRole.Text, ink)
        context.clip = QRect(0, 0, rect.width(), height).toRectF()
        painter.setClipRect(QRect(0, 0, rect.width(), height))
        document.documentLayout().draw(painter, context)


def painter_metrics(font: QFont) -> int:
    """The line height of ``font``."""
    return QFontMetrics(font).height()
