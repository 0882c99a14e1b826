"""The question after a save lost the race: someone saved the article since you opened it.

Both texts are already safe when it appears — theirs is the library's current version,
yours was kept as a revision by the refused save — so every choice is about what the
window holds next, never about what gets lost: Keep Mine saves yours over theirs (theirs
becomes a revision), Take Theirs shows theirs, Cancel goes back to editing.
"""

from __future__ import annotations

from datetime import UTC, datetime
from enum import Enum

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.library import SaveConflict, StoredArticle
from editor_app.model import Article
from editor_app.ui.diff_view import DiffView
from editor_app.ui.time_text import relative_time


class ConflictChoice(Enum):
    KEEP_MINE = "keep mine"
    TAKE_THEIRS = "take theirs"
    CANCEL = "cancel"


class ConflictDialog(QDialog):
    """Window-modal; use ``open()`` and ``chosen``. Deletes itself when closed."""

    chosen = Signal(object)
    """The ``ConflictChoice`` made (Cancel, Esc and closing the dialog are ``CANCEL``)."""

    def __init__(
        self,
        parent: QWidget,
        conflict: SaveConflict,
        theirs: StoredArticle,
        mine: Article,
        *,
        you: str = "",
    ) -> None:
        super().__init__(parent)
        self.setObjectName("conflictDialog")
        self.setWindowTitle(self.tr("Saved Elsewhere"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._choice = ConflictChoice.CANCEL
        self.conflict = conflict
        self.theirs = theirs
        self.heading = QLabel(self._heading(you))
        self.heading.setObjectName("conflictHeading")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.explanation = QLabel(self._explanation())
        self.explanation.setWordWrap(True)
        self.explanation.setTextFormat(Qt.TextFormat.PlainText)
        self.diff = DiffView()
        self.diff.set_articles(
            theirs.article,
            mine,
            self.tr("Theirs: version {n}").format(n=theirs.version),
            self.tr("Yours (kept as revision {k})").format(k=conflict.kept_revision),
        )
        self.buttons = QDialogButtonBox()
        self.keep_mine_button = self._button(self.tr("&Keep Mine"), ConflictChoice.KEEP_MINE)
        self.take_theirs_button = self._button(self.tr("&Take Theirs"), ConflictChoice.TAKE_THEIRS)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.keep_mine_button.setToolTip(
            self.tr("Save your text as the new version; theirs stays in the history")
        )
        self.take_theirs_button.setToolTip(
            self.tr("Show their version here; yours stays in the history")
        )
        self.cancel_button.setToolTip(self.tr("Go back to editing without saving"))
        self.buttons.clicked.connect(self._clicked)
        self.finished.connect(self._finished)
        self.cancel_button.setDefault(True)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.explanation)
        layout.addWidget(self.diff, 1)
        layout.addWidget(self.buttons)
        self.resize(900, 600)

    def _button(self, text: str, choice: ConflictChoice) -> QPushButton:
        button = self.buttons.addButton(text, QDialogButtonBox.ButtonRole.ActionRole)
        button.setProperty("choice", choice.value)
        button.setAutoDefault(False)
        return button

    def _heading(self, you: str) -> str:
        conflict, theirs = self.conflict, self.theirs
        when = relative_time(theirs.updated, datetime.now(UTC))
        numbers = {"n": conflict.current_version, "m": conflict.expected_version, "when": when}
        if theirs.saved_by and theirs.saved_by == you:
            text = self.tr(
                "You saved version {n} elsewhere ({when}) — another window or computer — "
                "after this window opened version {m}."
            )
        elif theirs.saved_by:
            text = self.tr("{who} saved version {n} ({when}) since you opened version {m}.")
        else:
            text = self.tr("Someone saved version {n} ({when}) since you opened version {m}.")
        return text.format(who=theirs.saved_by, **numbers)

    def _explanation(self) -> str:
        return self.tr(
            "Nothing is lost: your text is kept in the history as revision {k}. "
            "Keep Mine saves your text over theirs (theirs stays in the history); "
            "Take Theirs shows their version here instead."
        ).format(k=self.conflict.kept_revision)

    def choice(self) -> ConflictChoice:
        return self._choice

    def _clicked(self, button: QAbstractButton) -> None:
        value = button.property("choice")
        if value is None:
            self.reject()
            return
        self._choice = ConflictChoice(value)
        self.accept()

    def _finished(self, result: int) -> None:
        """Every way out (a button, Esc, the close box) says what was chosen, once."""
        accepted = result == QDialog.DialogCode.Accepted.value
        self.chosen.emit(self._choice if accepted else ConflictChoice.CANCEL)
