"""Recover Unsaved Articles: what a crash left in the journal, with a preview of each.

The list says what each article is (headline or "Untitled"), where it came
from (a file, a library article, a new article), when it was last journaled and
how long it is; the pane beside it shows the text that Restore brings back.
Restore opens the selected one in the window as an unsaved document and closes
the dialog (the others stay for later); Discard deletes one after a
confirmation; Later keeps them all for the next start. Nothing here deletes an
entry whose text did not reach the window.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.export import ExportOptions
from editor_app.export.text import render as plain_text
from editor_app.journal import JournalEntry, discard_entry
from editor_app.ui.time_text import when_text

Restore = Callable[[JournalEntry], bool]


def origin_text(entry: JournalEntry) -> str:
    """Where the article came from: the library, a file, or nowhere yet."""
    if entry.origin is not None:
        return f"library article #{entry.origin.article_id}"
    if entry.source is not None:
        return entry.source.name
    return "new article"


def entry_summary(entry: JournalEntry, now: datetime | None = None) -> str:
    """The two lines of the list: the headline, then origin · time · words."""
    if entry.article is None:
        return f"Unreadable autosave\n{entry.path.name} · {when_text(entry.saved_at, now)}"
    headline = entry.headline.strip() or "Untitled"
    words = entry.article.word_count()
    details = (origin_text(entry), when_text(entry.saved_at, now), f"{words:,} words")
    return f"{headline}\n{' · '.join(details)}"


def entry_preview(entry: JournalEntry) -> str:
    """What Restore brings back, as plain text: headline, standfirst, byline, body."""
    if entry.article is None:
        return (
            f"This autosave could not be read ({entry.problem}). "
            f"It was kept as {entry.path}; Discard deletes it."
        )
    return plain_text(entry.article, ExportOptions())


class RecoveryDialog(QDialog):
    """Window-modal (``open()``); ``restore`` shows an entry in the window (False when
    it could not)."""

    restored = Signal(int)
    """After a restore, with how many entries are left in the journal."""

    def __init__(
        self,
        parent: QWidget,
        entries: list[JournalEntry],
        restore: Restore,
        *,
        restorable: bool = True,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Recover Unsaved Articles"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self._restore = restore
        self._restorable = restorable
        self._entries = list(entries)
        self.confirmation: QMessageBox | None = None
        """The open "Discard?" question, while it is open."""
        self.intro = QLabel(
            self.tr(
                "Article Editor did not close properly, and these articles were not saved. "
                "Restore one to keep editing it; the others stay for later."
            )
        )
        self.intro.setWordWrap(True)
        self.note = QLabel(
            self.tr("Save or close the article in the window first: restoring replaces it.")
        )
        self.note.setWordWrap(True)
        self.note.setVisible(not restorable)
        self.entry_list = QListWidget()
        self.entry_list.setAlternatingRowColors(True)
        self.preview = QPlainTextEdit()
        self.preview.setReadOnly(True)
        self.preview.setPlaceholderText(self.tr("Select an article to see its text."))
        buttons = QDialogButtonBox()
        self.restore_button: QPushButton = buttons.addButton(
            self.tr("&Restore"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.discard_button: QPushButton = buttons.addButton(
            self.tr("&Discard…"), QDialogButtonBox.ButtonRole.DestructiveRole
        )
        self.later_button: QPushButton = buttons.addButton(
            self.tr("&Later"), QDialogButtonBox.ButtonRole.RejectRole
        )
        self.restore_button.setDefault(True)
        self.restore_button.clicked.connect(self._restore_selected)
        self.discard_button.clicked.connect(self._ask_discard)
        self.later_button.clicked.connect(self.reject)
        self.entry_list.currentRowChanged.connect(self._show_selected)
        panes = QHBoxLayout()
        panes.addWidget(self.entry_list, 2)
        panes.addWidget(self.preview, 3)
        layout = QVBoxLayout(self)
        layout.addWidget(self.intro)
        layout.addLayout(panes, 1)
        layout.addWidget(self.note)
        layout.addWidget(buttons)
        self.resize(820, 480)
        self._fill()

    def entries(self) -> list[JournalEntry]:
        """The entries still listed."""
        return list(self._entries)

    def selected(self) -> JournalEntry | None:
        row = self.entry_list.currentRow()
        return self._entries[row] if 0 <= row < len(self._entries) else None

    def _fill(self) -> None:
        self.entry_list.clear()
        for entry in self._entries:
            item = QListWidgetItem(entry_summary(entry))
            item.setToolTip(str(entry.source) if entry.source else entry.path.name)
            self.entry_list.addItem(item)
        if self._entries:
            self.entry_list.setCurrentRow(0)
        self._show_selected()

    def _show_selected(self) -> None:
        entry = self.selected()
        self.preview.setPlainText(entry_preview(entry) if entry else "")
        self.restore_button.setEnabled(
            self._restorable and entry is not None and entry.article is not None
        )
        self.discard_button.setEnabled(entry is not None)

    def _restore_selected(self) -> None:
        entry = self.selected()
        if entry is None or entry.article is None or not self._restorable:
            return
        if not self._restore(entry):
            self.note.setText(self.tr("The article could not be restored; it stays saved here."))
            self.note.setVisible(True)
            return
        self._entries.remove(entry)
        self.accept()
        self.restored.emit(len(self._entries))

    def _ask_discard(self) -> None:
        entry = self.selected()
        if entry is None:
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Discard the unsaved article?"),
            self.tr("“{headline}” will be deleted for good.").format(
                headline=entry.headline.strip() or self.tr("Untitled")
            ),
            QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
            self,
        )
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.finished.connect(lambda _result: self._discard_answered(box, entry))
        self.confirmation = box
        box.open()

    def _discard_answered(self, box: QMessageBox, entry: JournalEntry) -> None:
        self.confirmation = None
        answer = box.standardButton(box.clickedButton())
        box.deleteLater()
        if answer != QMessageBox.StandardButton.Discard:
            return
        try:
            discard_entry(entry)
        except OSError as error:
            self.note.setText(self.tr("Could not delete it: {error}").format(error=error))
            self.note.setVisible(True)
            return
        self._entries.remove(entry)
        if not self._entries:
            self.accept()
            return
        self._fill()
