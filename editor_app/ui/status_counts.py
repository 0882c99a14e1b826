"""The live counts in the status bar: words and characters, reading time, the length target.

Counting waits for a pause in typing (``DEBOUNCE_MS``) and then walks the
document's blocks, with each block's count cached by its text: after one
keystroke only the edited block is counted again, so a 20,000-word article
costs a dictionary look-up per paragraph, never a re-read of the model.
Code blocks and rules are not prose and are not counted, as in
``Article.word_count``; a selection is counted as selected.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer
from PySide6.QtGui import QColor, QPalette, QTextBlock, QTextDocument
from PySide6.QtWidgets import QLabel, QStatusBar, QTextEdit

from editor_app.ui.counts import (
    LengthStatus,
    TextCounts,
    count_text,
    counts_text,
    reading_time_text,
    selection_text,
)

DEBOUNCE_MS = 80
WARNING_LIGHT = "#b3261e"
WARNING_DARK = "#ff8a80"

BlockText = Callable[[QTextBlock], str | None]
"""The prose of a document block, or None when the block is not counted (code, rules)."""


def whole_block(block: QTextBlock) -> str | None:
    return block.text()


class StatusCounts(QObject):
    """Owns three labels in the status bar and keeps them up to date with one editor."""

    def __init__(
        self,
        status_bar: QStatusBar,
        editor: QTextEdit,
        *,
        target: int,
        block_text: BlockText = whole_block,
    ) -> None:
        super().__init__(status_bar)
        self._editor = editor
        self._block_text = block_text
        self._target = target
        self._cache: dict[str, TextCounts] = {}
        self._total = TextCounts()
        self.counts_label = _label(status_bar)
        self.reading_label = _label(status_bar)
        self.target_label = _label(status_bar)
        self.target_label.setToolTip(self.tr("Length target (View → Length Target…)"))
        for label in (self.counts_label, self.reading_label, self.target_label):
            status_bar.addPermanentWidget(label)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)
        editor.textChanged.connect(self.schedule)
        editor.selectionChanged.connect(self.schedule)
        self.refresh()

    @property
    def total(self) -> TextCounts:
        """The body's counts at the last refresh."""
        return self._total

    def set_target(self, words: int) -> None:
        self._target = words
        self._show_target()

    def schedule(self) -> None:
        """Count again after a pause: each keystroke restarts the wait."""
        self._timer.start()

    def refresh(self) -> None:
        self._timer.stop()
        self._total = self._count_document(self._editor.document())
        cursor = self._editor.textCursor()
        if cursor.hasSelection():
            selected = count_text(cursor.selectedText())
            self.counts_label.setText(selection_text(selected, self._total))
        else:
            self.counts_label.setText(counts_text(self._total))
        self.reading_label.setText(reading_time_text(self._total.words))
        self._show_target()

    def _count_document(self, document: QTextDocument) -> TextCounts:
        cache, fresh = self._cache, dict[str, TextCounts]()
        total = TextCounts()
        block = document.begin()
        while block.isValid():
            text = self._block_text(block)
            if text is not None:
                counts = cache.get(text) or fresh.get(text)
                if counts is None:
                    counts = count_text(text)
                fresh[text] = counts
                total += counts
            block = block.next()
        self._cache = fresh  # only the blocks that exist now: the cache never grows stale
        return total

    def _show_target(self) -> None:
        status = LengthStatus(self._total.words, self._target)
        self.target_label.setText(status.text)
        if status.over:
            colour = warning_colour(self.target_label.palette())
            self.target_label.setStyleSheet(f"color: {colour.name()}; font-weight: 600;")
        else:
            self.target_label.setStyleSheet("")

    @property
    def over_target(self) -> bool:
        return LengthStatus(self._total.words, self._target).over > 0


def warning_colour(palette: QPalette) -> QColor:
    """A red that reads on the status bar of either theme."""
    dark = palette.color(QPalette.ColorRole.Window).lightness() < 128
    return QColor(WARNING_DARK if dark else WARNING_LIGHT)


def _label(status_bar: QStatusBar) -> QLabel:
    label = QLabel(status_bar)
    label.setContentsMargins(8, 0, 8, 0)
    return label
