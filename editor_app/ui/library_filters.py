"""The library browser's filter row: status, section and tag, as ``SearchFilters``.

The first entry of each combo ("Status", "Section", "Tag") means "any"; the sections and
tags offered are the ones in use, refilled after saves without losing the choice.
"""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from editor_app.library import SearchFilters
from editor_app.model import Status
from editor_app.ui.metadata_panel import STATUS_NAMES


class LibraryFilters(QWidget):
    changed = Signal()
    """The person chose another status, section or tag (not emitted by ``set_choices``)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.status_filter = _combo(
            "libraryStatusFilter", self.tr("Show only the articles with this status")
        )
        self.status_filter.addItem(self.tr("Status"), None)
        for status, name in STATUS_NAMES.items():
            self.status_filter.addItem(self.tr(name), status.value)
        self.section_filter = _combo(
            "librarySectionFilter", self.tr("Show only the articles in this section")
        )
        self.tag_filter = _combo(
            "libraryTagFilter", self.tr("Show only the articles with this tag")
        )
        self.set_choices([], [])
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        for combo in (self.status_filter, self.section_filter, self.tag_filter):
            layout.addWidget(combo, 1)
            combo.currentIndexChanged.connect(lambda _index: self.changed.emit())

    def filters(self) -> SearchFilters:
        status = self.status_filter.currentData()
        section = self.section_filter.currentData()
        tag = self.tag_filter.currentData()
        return SearchFilters(
            status=Status(status) if isinstance(status, str) else None,
            section=section if isinstance(section, str) else None,
            tag=tag if isinstance(tag, str) else None,
        )

    def set_choices(self, sections: list[str], tags: list[str]) -> None:
        """The sections and tags to offer, keeping the chosen ones."""
        _fill(self.section_filter, self.tr("Section"), sections)
        _fill(self.tag_filter, self.tr("Tag"), tags)


def _combo(name: str, tip: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    combo.setToolTip(tip)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
    combo.setMinimumContentsLength(5)
    return combo


def _fill(combo: QComboBox, everything: str, names: list[str]) -> None:
    chosen = combo.currentData()
    combo.blockSignals(True)
    try:
        combo.clear()
        combo.addItem(everything, None)
        for name in names:
            combo.addItem(name, name)
        combo.setCurrentIndex(max(combo.findData(chosen), 0) if chosen is not None else 0)
    finally:
        combo.blockSignals(False)
