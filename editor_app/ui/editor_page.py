"""The desk and the page: the header panel and the body editor in one centred column.

The editor spans the whole width, so its scroll bar sits at the window's edge,
and viewport margins narrow its text to the page's column; the page itself
(a white sheet with a hairline edge, the text inset from it) is painted
behind both. The header panel sits above the editor in the same column, so
the headline and the body line up. Zoom scales the text and the column
together; distraction-free mode drops the desk and the header.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QFont, QPainter, QPaintEvent, QPalette, QResizeEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QSizePolicy, QTextEdit, QVBoxLayout, QWidget

from editor_app.ui.theme import blend

TEXT_WIDTH = 720
"""The body's measure at 100 %: about 75 characters of the body font a line."""
PAGE_PADDING = 56
"""White space between the page's edge and its text."""
DESK_GUTTER = 20
HEADER_TOP = 34


def zoom_factor(step: int) -> float:
    """A zoom step (``Settings.zoom``) as a scale: each step is 10 %."""
    return 1.0 + step / 10


class EditorPage(QWidget):
    def __init__(
        self, header: QWidget, editor: QTextEdit, footer: QWidget, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._header = header
        self._editor = editor
        self._zoom = 1.0
        self._plain = False
        self._body_font = QFont(editor.document().defaultFont())
        self._header_fonts = {child: QFont(child.font()) for child in _font_owners(header)}
        editor.setFrameShape(QFrame.Shape.NoFrame)
        editor.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOn)
        editor.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        editor.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.header_row = QWidget()
        rule = QFrame()
        rule.setFrameShape(QFrame.Shape.HLine)
        rule.setFrameShadow(QFrame.Shadow.Plain)
        rule.setForegroundRole(QPalette.ColorRole.Midlight)
        # The header column is centred by stretches, not by margins: margins would
        # become the window's minimum width.
        self._header_column = QWidget()
        header_column = QVBoxLayout(self._header_column)
        header_column.setContentsMargins(0, 0, 0, 0)
        header_column.setSpacing(12)
        header_column.addWidget(header)
        header_column.addWidget(rule)
        self._header_layout = QHBoxLayout(self.header_row)
        self._header_layout.setSpacing(0)
        self._header_layout.addStretch(1)
        self._header_layout.addWidget(self._header_column, stretch=1000)
        self._header_layout.addStretch(1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.header_row)
        column.addWidget(editor, stretch=1)
        column.addWidget(footer)

    # -- zoom and modes ---------------------------------------------------------------------

    @property
    def zoom(self) -> float:
        return self._zoom

    def set_zoom(self, factor: float) -> None:
        """Scale the body and header text, and the column with them (1.0 is 100 %)."""
        self._zoom = factor
        self.apply_zoom()

    def document_replaced(self) -> None:
        """Take the new document's own font as 100 % and apply the zoom to it."""
        self._body_font = QFont(self._editor.document().defaultFont())
        self.apply_zoom()

    def apply_zoom(self) -> None:
        # The widget's font and the document's default font, together: QTextEdit copies
        # the first into the second only when it changes. Headings and quotes are sized
        # relative to the default font, so they follow.
        body = _scaled(self._body_font, self._zoom)
        self._editor.setFont(body)
        self._editor.document().setDefaultFont(body)
        for child, font in self._header_fonts.items():
            child.setFont(_scaled(font, self._zoom))
        self._relayout()

    def set_distraction_free(self, on: bool) -> None:
        self._plain = on
        self.header_row.setVisible(not on)
        self._relayout()
        self.update()

    # -- geometry ---------------------------------------------------------------------------

    def text_column(self) -> QRect:
        """Where the body's text is, in this widget's coordinates."""
        bar = self._editor.verticalScrollBar().sizeHint().width()
        usable = self.width() - bar
        width = min(round(TEXT_WIDTH * self._zoom), usable - 2 * (PAGE_PADDING + DESK_GUTTER))
        width = max(width, min(240, usable))
        left = max((usable - width) // 2, 0)
        return QRect(left, 0, width, self.height())

    def _relayout(self) -> None:
        column = self.text_column()
        bar = self._editor.verticalScrollBar().sizeHint().width()
        right = max(self.width() - bar - column.right() - 1, 0)
        self._editor.setViewportMargins(column.left(), 0, right, 0)
        self._header_column.setMaximumWidth(column.width())
        # The scroll bar's width on the right, so both columns centre on the same line.
        self._header_layout.setContentsMargins(0, round(HEADER_TOP * self._zoom), bar, 6)

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._relayout()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        palette = self.palette()
        page_colour = palette.color(QPalette.ColorRole.Base)
        painter = QPainter(self)
        if self._plain:
            painter.fillRect(self.rect(), page_colour)
            return
        desk = palette.color(QPalette.ColorRole.Window)
        painter.fillRect(self.rect(), desk)
        column = self.text_column()
        padding = min(PAGE_PADDING, column.left())
        page = column.adjusted(-padding, -1, padding, 1)
        painter.fillRect(page, page_colour)
        painter.setPen(blend(desk, palette.color(QPalette.ColorRole.Text), 0.14))
        painter.drawLine(page.topLeft(), page.bottomLeft())
        painter.drawLine(page.topRight(), page.bottomRight())


def _font_owners(header: QWidget) -> list[QWidget]:
    """The header's widgets that set their own font (the fields), so zoom can scale them."""
    return [
        child
        for child in header.findChildren(QWidget)
        if child.testAttribute(Qt.WidgetAttribute.WA_SetFont)
    ]


def _scaled(font: QFont, factor: float) -> QFont:
    scaled = QFont(font)
    if font.pointSizeF() > 0:
        scaled.setPointSizeF(font.pointSizeF() * factor)
    return scaled
