"""The find bar under the text (Ctrl+F), with a replace row (Ctrl+H).

It searches the article's body only (the header fields are short enough to
read, and their own undo would not join a body-wide Replace All). Options:
match case, whole words, regular expression (Python syntax, ``\\1`` in the
replacement). Typing searches as you go and highlights every match; F3 and
Shift+F3 (or Enter and Shift+Enter in the field) move between them, wrapping
at the end. A bad expression is a message in the bar, never an exception.
Replace All is one undo step.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTextEdit,
    QToolButton,
    QWidget,
)

from editor_app.ui.document_search import (
    Found,
    all_matches,
    find_from,
    replace_all_in,
    replace_found,
    select,
    selected_match,
)
from editor_app.ui.find_core import BadPattern, Search, SearchOptions, compile_search
from editor_app.ui.status_counts import warning_colour
from editor_app.ui.theme import blend

MAX_HIGHLIGHTS = 5000
"""More matches than this are still found and replaced, just not all painted."""
REHIGHLIGHT_MS = 150


class FindReplaceBar(QFrame):
    notice = Signal(str)
    """A sentence for the status bar ("Replaced 12 matches")."""

    def __init__(self, editor: QTextEdit, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._editor = editor
        self.setObjectName("find_bar")
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.find_field = _field(self.tr("Find in the body"))
        self.replace_field = _field(self.tr("Replace with"))
        self.case_button = _toggle("Aa", self.tr("Match case"))
        self.word_button = _toggle("W", self.tr("Whole words only"))
        self.regex_button = _toggle(".*", self.tr("Regular expression (\\1 in the replacement)"))
        self.previous_button = _button("↑", self.tr("Previous match (Shift+F3)"))
        self.next_button = _button("↓", self.tr("Next match (F3)"))
        self.close_button = _button("✕", self.tr("Close (Esc)"))
        self.info_label = QLabel()
        self.replace_button = QPushButton(self.tr("Replace"))
        self.replace_all_button = QPushButton(self.tr("Replace All"))
        self._build()
        self._rehighlight = QTimer(self)
        self._rehighlight.setSingleShot(True)
        self._rehighlight.setInterval(REHIGHLIGHT_MS)
        self._rehighlight.timeout.connect(self.highlight)
        self.find_field.textEdited.connect(self._query_edited)
        self.replace_field.textEdited.connect(self._check_only)
        for toggle in (self.case_button, self.word_button, self.regex_button):
            toggle.toggled.connect(self._query_edited)
        self.next_button.clicked.connect(self.find_next)
        self.previous_button.clicked.connect(self.find_previous)
        self.replace_button.clicked.connect(self.replace)
        self.replace_all_button.clicked.connect(self.replace_all)
        self.close_button.clicked.connect(self.close_bar)
        self.find_field.installEventFilter(self)
        self.replace_field.installEventFilter(self)
        editor.textChanged.connect(self._text_changed)
        self.hide()

    # -- opening and closing ----------------------------------------------------------------

    def open_find(self) -> None:
        self._open(replacing=False)

    def open_replace(self) -> None:
        self._open(replacing=True)

    def _open(self, *, replacing: bool) -> None:
        selected = self._editor.textCursor().selectedText()
        if selected and "\u2029" not in selected and len(selected) < 200:
            self.find_field.setText(selected)
        for widget in (self.replace_field, self.replace_button, self.replace_all_button):
            widget.setVisible(replacing)
        self.show()
        field = self.replace_field if replacing and self.find_field.text() else self.find_field
        field.setFocus(Qt.FocusReason.ShortcutFocusReason)
        field.selectAll()
        self.highlight()

    def close_bar(self) -> None:
        self.hide()
        self._editor.setExtraSelections([])
        self._editor.setFocus(Qt.FocusReason.OtherFocusReason)

    @property
    def replacing(self) -> bool:
        return self.replace_field.isVisibleTo(self)

    # -- the search ---------------------------------------------------------------------------

    @property
    def options(self) -> SearchOptions:
        return SearchOptions(
            case_sensitive=self.case_button.isChecked(),
            whole_word=self.word_button.isChecked(),
            regex=self.regex_button.isChecked(),
        )

    def search(self) -> Search | None:
        """The compiled query, or None after showing why it cannot be used."""
        try:
            search = compile_search(self.find_field.text(), self.options, self.replace_field.text())
        except BadPattern as error:
            self._say(str(error) if self.find_field.text() else "", warning=True)
            return None
        return search

    def find_next(self) -> bool:
        return self._find(backwards=False)

    def find_previous(self) -> bool:
        return self._find(backwards=True)

    def _find(self, *, backwards: bool, cursor: QTextCursor | None = None) -> bool:
        search = self.search()
        if search is None:
            return False
        result = find_from(cursor or self._editor.textCursor(), search, backwards=backwards)
        if result is None:
            self._say(self.tr("No matches"), warning=True)
            return False
        found, wrapped = result
        self._editor.setTextCursor(select(self._editor.textCursor(), found))
        self._editor.ensureCursorVisible()
        self._show_position(search, found, wrapped=wrapped, backwards=backwards)
        return True

    def replace(self) -> bool:
        """Replace the selected match (if the selection is one), then go to the next."""
        search = self.search()
        if search is None:
            return False
        current = selected_match(self._editor.textCursor(), search)
        if current is not None:
            replace_found(self._editor.textCursor(), current)
        return self.find_next() or current is not None

    def replace_all(self) -> int:
        search = self.search()
        if search is None:
            return 0
        count = replace_all_in(self._editor.document(), search)
        if count == 0:
            message = self.tr("No matches")
        elif count == 1:
            message = self.tr("Replaced 1 match")
        else:
            message = self.tr("Replaced {count} matches").format(count=f"{count:,}")
        self._say(message, warning=count == 0)
        self.notice.emit(message)
        self.highlight()
        return count

    # -- highlighting and messages ----------------------------------------------------------

    def highlight(self) -> None:
        """Paint every match (the current one is the selection)."""
        if not self.isVisible():
            return
        search = self.search()
        if search is None:
            self._editor.setExtraSelections([])
            return
        matches = all_matches(self._editor.document(), search, MAX_HIGHLIGHTS)
        marked = QTextCharFormat()
        palette = self._editor.palette()
        marked.setBackground(_match_colour(palette))
        selections = []
        for found in matches:
            selection = QTextEdit.ExtraSelection()
            selection.cursor = select(self._editor.textCursor(), found)
            selection.format = marked
            selections.append(selection)
        self._editor.setExtraSelections(selections)
        current = selected_match(self._editor.textCursor(), search)
        if current is not None:
            self._show_position(search, current)
        elif not matches:
            self._say(self.tr("No matches"), warning=True)
        else:
            self._say(self._count_text(len(matches)))

    def _show_position(
        self, search: Search, found: Found, *, wrapped: bool = False, backwards: bool = False
    ) -> None:
        matches = all_matches(self._editor.document(), search)
        number = next((n for n, m in enumerate(matches, 1) if m.start == found.start), 0)
        text = self.tr("{number} of {count}").format(number=number, count=f"{len(matches):,}")
        if wrapped:
            text += " · " + (self.tr("from the end") if backwards else self.tr("from the top"))
        self._say(text)

    def _count_text(self, count: int) -> str:
        return self.tr("1 match") if count == 1 else self.tr("{n} matches").format(n=f"{count:,}")

    def _say(self, text: str, *, warning: bool = False) -> None:
        self.info_label.setText(text)
        colour = warning_colour(self.palette()).name() if warning else ""
        self.info_label.setStyleSheet(f"color: {colour};" if colour else "")

    def _query_edited(self) -> None:
        """Search as you type, from where the cursor was (the selection's start)."""
        if self.search() is None:
            self._editor.setExtraSelections([])
            return
        start = QTextCursor(self._editor.textCursor())
        start.setPosition(start.selectionStart())
        self._find(backwards=False, cursor=start)
        self.highlight()

    def _check_only(self) -> None:
        if self.search() is not None:
            self.highlight()

    def _text_changed(self) -> None:
        if self.isVisible():
            self._rehighlight.start()

    # -- keys -----------------------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key, shift = event.key(), event.modifiers() & Qt.KeyboardModifier.ShiftModifier
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                if watched is self.replace_field:
                    self.replace()
                elif shift:
                    self.find_previous()
                else:
                    self.find_next()
                return True
            if key == Qt.Key.Key_Escape:
                self.close_bar()
                return True
        return super().eventFilter(watched, event)

    def _build(self) -> None:
        options = QHBoxLayout()
        options.setSpacing(2)
        for button in (self.case_button, self.word_button, self.regex_button):
            options.addWidget(button)
        moves = QHBoxLayout()
        moves.setSpacing(2)
        for button in (self.previous_button, self.next_button):
            moves.addWidget(button)
        grid = QGridLayout(self)
        grid.setContentsMargins(10, 6, 10, 6)
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(4)
        grid.addWidget(self.find_field, 0, 0)
        grid.addLayout(options, 0, 1)
        grid.addLayout(moves, 0, 2)
        grid.addWidget(self.info_label, 0, 3)
        grid.addWidget(self.close_button, 0, 4)
        grid.addWidget(self.replace_field, 1, 0)
        grid.addWidget(self.replace_button, 1, 1)
        grid.addWidget(self.replace_all_button, 1, 2)
        grid.setColumnStretch(3, 1)


def _match_colour(palette: QPalette) -> QColor:
    """A soft yellow that keeps the text readable on either theme."""
    base = palette.color(QPalette.ColorRole.Base)
    return blend(base, QColor("#f5c542"), 0.45 if base.lightness() > 128 else 0.35)


def _field(placeholder: str) -> QLineEdit:
    field = QLineEdit()
    field.setPlaceholderText(placeholder)
    field.setAccessibleName(placeholder)
    field.setClearButtonEnabled(True)
    field.setMinimumWidth(220)
    field.setMaximumWidth(440)
    return field


def _toggle(text: str, tip: str) -> QToolButton:
    button = _button(text, tip)
    button.setCheckable(True)
    return button


def _button(text: str, tip: str) -> QToolButton:
    button = QToolButton()
    button.setText(text)
    button.setToolTip(tip)
    button.setAccessibleName(tip)
    button.setAutoRaise(True)
    button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
    return button
