"""A list view that says why it is empty ("Nothing matches …") instead of a blank box."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QPainter, QPaintEvent, QPalette
from PySide6.QtWidgets import QListView, QWidget

HINT_MARGIN = 14


class HintedListView(QListView):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._hint = ""

    @property
    def hint(self) -> str:
        """What the empty list says (shown only while the model has no rows)."""
        return self._hint

    def set_hint(self, hint: str) -> None:
        if hint != self._hint:
            self._hint = hint
            self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        super().paintEvent(event)
        model = self.model()
        if not self._hint or model is None or model.rowCount() > 0:
            return
        painter = QPainter(self.viewport())
        painter.setPen(self.palette().color(QPalette.ColorRole.PlaceholderText))
        area = self.viewport().rect().adjusted(HINT_MARGIN, HINT_MARGIN, -HINT_MARGIN, 0)
        flags = Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop
        painter.drawText(area, int(flags) | int(Qt.TextFlag.TextWordWrap), self._hint)
        painter.end()
