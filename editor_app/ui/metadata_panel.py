"""The article's metadata above the body, editable in place: the header of the page.

The fields look like the printed header (a large serif headline, the
standfirst in a quieter colour, small sans-serif details) but are inputs:
each keeps its own undo history (Ctrl+Z inside a field undoes that field),
and the window counts the panel as modified while ``metadata()`` differs from
what was last loaded or saved. Tags are comma-separated with completion of
the tag being typed. Enter in the headline or standfirst moves on to the next
field, since neither holds a line break.
"""

from __future__ import annotations

import math
from collections.abc import Iterable
from dataclasses import replace

from PySide6.QtCore import QEvent, QMimeData, QSize, QStringListModel, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from editor_app.model import Metadata, Status
from editor_app.ui.theme import ArticleColours

HEADER_SERIF = ("Georgia", "Charter", "Source Serif Pro", "DejaVu Serif", "serif")
HEADLINE_POINT_SIZE = 25.0
STANDFIRST_POINT_SIZE = 14.5
DETAIL_POINT_SIZE = 9.5

STATUS_NAMES = {
    Status.DRAFT: "Draft",
    Status.IN_EDIT: "In edit",
    Status.READY: "Ready",
    Status.PUBLISHED: "Published",
}
LANGUAGES = {
    "en-GB": "English (UK)",
    "en-US": "English (US)",
    "en-AU": "English (Australia)",
    "en-IE": "English (Ireland)",
    "fr-FR": "French",
    "de-DE": "German",
    "es-ES": "Spanish",
    "it-IT": "Italian",
    "nl-NL": "Dutch",
    "pt-PT": "Portuguese",
    "pt-BR": "Portuguese (Brazil)",
}
"""The languages offered first; an article in another one adds its tag to the list."""
SECTIONS = ("News", "Local", "World", "Politics", "Business", "Sport", "Culture", "Opinion")


def parse_tags(text: str) -> tuple[str, ...]:
    """ "ferries, harbour ,, ferries" → ("ferries", "harbour"): trimmed, no blanks, no repeats."""
    tags = (part.strip() for part in text.split(","))
    return tuple(dict.fromkeys(tag for tag in tags if tag))


def format_tags(tags: Iterable[str]) -> str:
    return ", ".join(tags)


class MetadataPanel(QWidget):
    changed = Signal()
    """After every edit the person makes (not after ``set_metadata``)."""
    headline_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._base = Metadata()
        self._saved = Metadata()
        self.section = _detail_field(self.tr("SECTION"), self.tr("Section"), capitals=True)
        self.headline = GrowingField(self.tr("Headline"), HEADLINE_POINT_SIZE, bold=True)
        self.standfirst = GrowingField(
            self.tr("Standfirst: the sentence or two under the headline"), STANDFIRST_POINT_SIZE
        )
        self.byline = _detail_field(self.tr("Byline (names)"), self.tr("Byline: the names only"))
        self.dateline = _detail_field(self.tr("Dateline"), self.tr("Dateline: where the story is"))
        self.tags = _detail_field(self.tr("Tags, comma-separated"), self.tr("Tags"))
        self.status = _detail_combo(self.tr("Status"))
        self.language = _detail_combo(self.tr("Language"))
        for status, name in STATUS_NAMES.items():
            self.status.addItem(self.tr(name), status)
        for tag, name in LANGUAGES.items():
            self.language.addItem(name, tag)
        self.by_label = _quiet_label(self.tr("By"))
        self.byline.textChanged.connect(self._show_by_label)
        self.tag_completer = TagCompleter(self.tags)
        section_completer = QCompleter(list(SECTIONS), self.section)
        section_completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.section.setCompleter(section_completer)
        self._build()
        self.headline.next_field = self.standfirst
        self.standfirst.next_field = self.byline
        # textChanged rather than textEdited: an undo inside a field is an edit too.
        # While set_metadata runs, the panel's own signals are blocked.
        for line in (self.section, self.byline, self.dateline, self.tags):
            line.textChanged.connect(self._edited)
        for field in (self.headline, self.standfirst):
            field.textChanged.connect(self._edited)
        for combo in (self.status, self.language):
            combo.currentIndexChanged.connect(self._edited)

    # -- the values ---------------------------------------------------------------------------

    def set_metadata(self, meta: Metadata) -> None:
        """Show ``meta`` as the unmodified state; each field's undo history starts afresh."""
        self._base = self._saved = meta
        self.blockSignals(True)
        try:
            self.headline.set_text(meta.headline)
            self.standfirst.set_text(meta.standfirst)
            self.byline.setText(meta.byline)
            self.dateline.setText(meta.dateline)
            self.section.setText(meta.section)
            self.tags.setText(format_tags(meta.tags))
            self.status.setCurrentIndex(self.status.findData(meta.status))
            if self.language.findData(meta.language) < 0:
                self.language.addItem(meta.language, meta.language)
            self.language.setCurrentIndex(self.language.findData(meta.language))
        finally:
            self.blockSignals(False)
        self.headline_changed.emit(meta.headline)

    def metadata(self) -> Metadata:
        """What the fields say now; fields the panel does not show (dates) are kept."""
        return replace(
            self._base,
            headline=self.headline.text(),
            standfirst=self.standfirst.text(),
            byline=self.byline.text(),
            dateline=self.dateline.text(),
            section=self.section.text(),
            tags=self._tags(),
            status=Status(self.status.currentData()),
            language=str(self.language.currentData()),
        )

    def _tags(self) -> tuple[str, ...]:
        tags = parse_tags(self.tags.text())
        # Unchanged text keeps the article's tags exactly (a tag may hold a comma).
        return self._base.tags if format_tags(self._base.tags) == self.tags.text() else tags

    def is_modified(self) -> bool:
        return self.metadata() != self._saved

    def mark_saved(self, meta: Metadata | None = None) -> None:
        self._saved = meta if meta is not None else self.metadata()

    def set_known_tags(self, tags: Iterable[str]) -> None:
        self.tag_completer.set_tags(tags)

    def _show_by_label(self, byline: str) -> None:
        """The "By" before the names, unless the byline says it already."""
        self.by_label.setHidden(byline.lstrip().lower().startswith("by "))

    def _edited(self) -> None:
        self.headline_changed.emit(self.headline.text())
        self.changed.emit()

    # -- layout -------------------------------------------------------------------------------

    def _build(self) -> None:
        kicker = QHBoxLayout()
        kicker.setSpacing(4)
        kicker.addWidget(self.section)
        kicker.addStretch(1)
        kicker.addWidget(self.status)
        kicker.addWidget(self.language)
        details = QHBoxLayout()
        details.setSpacing(4)
        details.addWidget(self.by_label)
        details.addWidget(self.byline)
        details.addWidget(_quiet_label("·"))
        details.addWidget(self.dateline)
        details.addWidget(_quiet_label("·"))
        details.addWidget(_quiet_label(self.tr("Tags")))
        details.addWidget(self.tags, stretch=1)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addLayout(kicker)
        column.addWidget(self.headline)
        column.addSpacing(2)
        column.addWidget(self.standfirst)
        column.addSpacing(6)
        column.addLayout(details)
        self._recolour()

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._recolour()

    def _recolour(self) -> None:
        """The header's quieter and accent colours, from the palette (either theme)."""
        colours = ArticleColours.from_palette(self.palette())
        palette = self.standfirst.palette()
        palette.setColor(QPalette.ColorRole.Text, colours.secondary)
        self.standfirst.setPalette(palette)
        # A style sheet's colour, not the palette's: the flat style sheet would override it.
        accent = f"QLineEdit {{ color: {colours.accent.name()}; }}"
        self.section.setStyleSheet(_FLAT_INPUT + accent)


class GrowingField(QTextEdit):
    """A plain-text field that wraps and grows with its text: the headline and standfirst."""

    def __init__(
        self,
        placeholder: str,
        point_size: float,
        *,
        bold: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.next_field: QWidget | None = None
        self.setAcceptRichText(False)
        self.setTabChangesFocus(True)
        self.setPlaceholderText(placeholder)
        self.setAccessibleName(placeholder)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.viewport().setAutoFillBackground(False)
        font = QFont()
        font.setFamilies(list(HEADER_SERIF))
        font.setPointSizeF(point_size)
        font.setBold(bold)
        self.setFont(font)
        self.document().setDocumentMargin(2)
        self.document().documentLayout().documentSizeChanged.connect(self.updateGeometry)

    def text(self) -> str:
        # toRawText, not toPlainText: the latter turns no-break spaces into spaces.
        return self.document().toRawText().replace("\u2029", "\n")

    def set_text(self, text: str) -> None:
        self.setPlainText(text)  # also empties this field's undo history

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        self.document().setTextWidth(max(self.viewport().width(), 200))
        height = math.ceil(self.document().size().height()) + 2 * self.frameWidth()
        return QSize(super().sizeHint().width(), height)

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(100, self.sizeHint().height())

    def resizeEvent(self, event: object) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)  # type: ignore[arg-type]
        self.updateGeometry()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            if self.next_field is not None:
                self.next_field.setFocus(Qt.FocusReason.TabFocusReason)
            return
        super().keyPressEvent(event)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt's name
        """A pasted paragraph becomes one line: a headline has no line breaks."""
        text = " ".join(source.text().split())
        if text:
            self.textCursor().insertText(text)


class TagCompleter(QCompleter):
    """Completes the tag under the cursor in a comma-separated list, not the whole text."""

    def __init__(self, line: QLineEdit) -> None:
        super().__init__(line)
        self._line = line
        self._tags = QStringListModel(self)
        self.setModel(self._tags)
        self.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.setWidget(line)
        line.textEdited.connect(self._offer)
        self.activated.connect(self.insert_tag)

    def set_tags(self, tags: Iterable[str]) -> None:
        self._tags.setStringList(sorted(dict.fromkeys(tags), key=str.casefold))

    def current_prefix(self) -> str:
        before = self._line.text()[: self._line.cursorPosition()]
        return before.rsplit(",", 1)[-1].lstrip()

    def _offer(self) -> None:
        prefix = self.current_prefix()
        self.setCompletionPrefix(prefix)
        if prefix and self.completionCount() > 0:
            self.complete()
            return
        popup = self.popup()
        if popup is not None:
            popup.hide()

    def insert_tag(self, tag: str) -> None:
        """Replace the tag being typed with ``tag``; at the end, start the next one."""
        text, cursor = self._line.text(), self._line.cursorPosition()
        start = text.rfind(",", 0, cursor) + 1
        end = text.find(",", cursor)
        rest = "" if end < 0 else text[end:]
        head = text[:start] + (" " if start > 0 else "") + tag
        tail = rest if rest.strip(", ") else ", "
        self._line.setText(head + tail)
        self._line.setCursorPosition(len(head) + (0 if rest.strip(", ") else len(tail)))


class FittingLineEdit(QLineEdit):
    """A line field as wide as its text (or placeholder), so the details read as one line."""

    def __init__(self) -> None:
        super().__init__()
        self.textChanged.connect(self.updateGeometry)

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        metrics = self.fontMetrics()
        shown = self.text() or self.placeholderText()
        width = metrics.horizontalAdvance(shown) + metrics.averageCharWidth() * 2 + 8
        return QSize(max(width, 40), super().sizeHint().height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(40, super().minimumSizeHint().height())


def _detail_field(placeholder: str, tip: str, *, capitals: bool = False) -> QLineEdit:
    line = FittingLineEdit()
    line.setPlaceholderText(placeholder)
    line.setToolTip(tip)
    line.setAccessibleName(tip)
    line.setFrame(False)
    font = QFont()
    font.setPointSizeF(DETAIL_POINT_SIZE)
    font.setLetterSpacing(QFont.SpacingType.PercentageSpacing, 104)
    if capitals:
        font.setCapitalization(QFont.Capitalization.AllUppercase)
        font.setBold(True)
    line.setFont(font)
    line.setStyleSheet(_FLAT_INPUT)
    return line


def _detail_combo(tip: str) -> QComboBox:
    combo = QComboBox()
    combo.setToolTip(tip)
    combo.setAccessibleName(tip)
    combo.setFrame(False)
    combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
    combo.setStyleSheet(_FLAT_COMBO)
    font = QFont()
    font.setPointSizeF(DETAIL_POINT_SIZE)
    combo.setFont(font)
    return combo


def _quiet_label(text: str) -> QLabel:
    label = QLabel(text)
    label.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    font = QFont()
    font.setPointSizeF(DETAIL_POINT_SIZE)
    label.setFont(font)
    return label


_FLAT_COMBO = (
    "QComboBox { background: transparent; border: 1px solid transparent; border-radius: 3px;"
    " padding: 1px 4px 1px 6px; color: palette(placeholder-text); }"
    "QComboBox:hover, QComboBox:focus { border-color: palette(mid); }"
)
_FLAT_INPUT = (
    "QLineEdit { background: transparent; border: none; border-radius: 3px; padding: 2px 3px; }"
    "QLineEdit:hover { background: palette(alternate-base); }"
    "QLineEdit:focus { background: palette(alternate-base); }"
)
