"""One style-book entry, added or edited by hand.

Used by the style-book editor (Add…, Edit…) and by the live checks ("Add to
Style Book…" on a flagged name). The entry is held to the same rules as one read
from a file (``entry_from``): a canonical form is required, values are trimmed,
and a known wrong spelling may not also be an accepted form. OK stays disabled
while the entry breaks a rule, and the reason is shown under the fields.
"""

from __future__ import annotations

import re
from collections.abc import Collection

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.checks.stylebook import EntryKind, StyleBookEntry, StyleBookError
from editor_app.checks.stylebook_files import entry_from

KIND_LABELS: dict[EntryKind, str] = {
    EntryKind.PERSON: "Person",
    EntryKind.PLACE: "Place",
    EntryKind.ORGANISATION: "Organisation",
    EntryKind.TERM: "Term",
}
_SEPARATORS = re.compile(r"[,\n]")
LIST_LINES = 3
"""How many lines the list fields show before they scroll."""


def split_values(typed: str) -> list[str]:
    """Values typed one a line or separated by commas, trimmed, empty ones dropped."""
    return [value.strip() for value in _SEPARATORS.split(typed) if value.strip()]


class ListField(QPlainTextEdit):
    """A few names, one a line or comma-separated; Tab moves on, as in a form."""

    def __init__(self, values: tuple[str, ...], placeholder: str) -> None:
        super().__init__("\n".join(values))
        self.setTabChangesFocus(True)
        self.setPlaceholderText(placeholder)
        lines = self.fontMetrics().lineSpacing() * LIST_LINES
        margins = self.contentsMargins()
        frame = 2 * self.frameWidth() + margins.top() + margins.bottom()
        self.setFixedHeight(lines + frame + 2 * int(self.document().documentMargin()))

    def values(self) -> list[str]:
        return split_values(self.toPlainText())


class StyleBookEntryDialog(QDialog):
    """Edit one entry; ``entry()`` holds the result once the dialog is accepted.

    ``taken``: canonical forms already in the book (other than ``entry``'s), so the
    dialog can say that OK replaces one of them."""

    def __init__(
        self,
        parent: QWidget | None,
        entry: StyleBookEntry | None = None,
        *,
        taken: Collection[str] = (),
    ) -> None:
        super().__init__(parent)
        self.setObjectName("styleBookEntryDialog")
        adding = entry is None or not entry.canonical
        self.setWindowTitle(self.tr("Add Style-Book Entry") if adding else self.tr("Edit Entry"))
        self.setMinimumWidth(460)
        start = entry or StyleBookEntry("", EntryKind.PERSON)
        self._source = start.source
        self._taken = frozenset(taken)

        self.canonical_field = QLineEdit(start.canonical)
        self.canonical_field.setPlaceholderText(self.tr("The spelling the newsroom uses"))
        self.kind_box = QComboBox()
        for kind, label in KIND_LABELS.items():
            self.kind_box.addItem(self.tr(label), kind)
        self.kind_box.setCurrentIndex(self.kind_box.findData(start.kind))
        one_a_line = self.tr("one a line, or separated by commas")
        self.variants_field = ListField(start.variants, one_a_line)
        self.nicknames_field = ListField(start.nicknames, self.tr("e.g. Bill for William"))
        self.wrong_field = ListField(start.wrong, self.tr("spellings to flag, ") + one_a_line)
        self.note_field = QLineEdit(start.note)
        self.note_field.setPlaceholderText(self.tr("Who or what it is"))
        self.problem_label = QLabel()
        self.problem_label.setObjectName("entryProblem")
        self.problem_label.setWordWrap(True)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        form = QFormLayout()
        form.addRow(self.tr("&Canonical form:"), self.canonical_field)
        form.addRow(self.tr("&Kind:"), self.kind_box)
        form.addRow(self.tr("&Variants:"), self.variants_field)
        form.addRow(self.tr("&Nicknames:"), self.nicknames_field)
        form.addRow(self.tr("Known &wrong spellings:"), self.wrong_field)
        form.addRow(self.tr("N&ote:"), self.note_field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)

        self.canonical_field.textChanged.connect(self._validate)
        self.kind_box.currentIndexChanged.connect(self._validate)
        for field in (self.variants_field, self.nicknames_field, self.wrong_field):
            field.textChanged.connect(self._validate)
        self.note_field.textChanged.connect(self._validate)
        self._validate()
        self.canonical_field.setFocus()

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def entry(self) -> StyleBookEntry:
        """The entry as typed, cleaned; ``StyleBookError`` if it is not valid (OK is
        disabled then, so after ``accepted`` it always is)."""
        return entry_from(
            self.canonical_field.text(),
            EntryKind(self.kind_box.currentData()),
            variants=self.variants_field.values(),
            nicknames=self.nicknames_field.values(),
            wrong=self.wrong_field.values(),
            note=self.note_field.text(),
            source=self._source,
        )

    def _validate(self) -> None:
        problem = ""
        valid = True
        try:
            canonical = self.entry().canonical
        except StyleBookError as error:
            valid = False
            # An empty name is not an error yet: the person has not typed anything.
            if self.canonical_field.text().strip():
                problem = sentence(str(error))
        else:
            if canonical in self._taken:
                problem = self.tr("The book has an entry “{name}”: OK replaces it.").format(
                    name=canonical
                )
        self.ok_button.setEnabled(valid)
        self.problem_label.setText(problem)
        self.problem_label.setVisible(bool(problem))


def sentence(text: str) -> str:
    """A core message ("“X” is both accepted and wrong.") as a sentence to show."""
    text = text.strip()
    return text[:1].upper() + text[1:] if text else text
