"""The find bar on a text editor: finding, wrapping, emoji positions, replacing, bad patterns.

The bar works on any ``QTextEdit``; the window tests drive it through the
editor's shortcuts (tests/ui/test_editing_window.py).
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QTextEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from editor_app.ui.find_replace import FindReplaceBar

TEXT = "The ferry sails at dawn.\nA Ferry, a ferryman and the FERRY.\nNo boats here."


class Pane(QWidget):
    def __init__(self) -> None:
        super().__init__()
        self.editor = QTextEdit()
        self.bar = FindReplaceBar(self.editor)
        layout = QVBoxLayout(self)
        layout.addWidget(self.editor)
        layout.addWidget(self.bar)


@pytest.fixture
def pane(qtbot: QtBot) -> Pane:
    shown = Pane()
    qtbot.addWidget(shown)
    shown.editor.setPlainText(TEXT)
    shown.resize(800, 400)
    shown.show()
    return shown


def type_query(pane: Pane, qtbot: QtBot, query: str, replacement: str | None = None) -> None:
    if replacement is None:
        pane.bar.open_find()
    else:
        pane.bar.open_replace()
        pane.bar.replace_field.setText(replacement)
    pane.bar.find_field.clear()
    qtbot.keyClicks(pane.bar.find_field, query)


def selection(pane: Pane) -> tuple[str, int, int]:
    cursor = pane.editor.textCursor()
    return cursor.selectedText(), cursor.selectionStart(), cursor.selectionEnd()


def test_typing_a_query_selects_the_first_match(pane: Pane, qtbot: QtBot) -> None:
    type_query(pane, qtbot, "ferry")
    assert selection(pane) == ("ferry", 4, 9)
    assert pane.bar.info_label.text() == "1 of 4"


def test_find_next_moves_on_and_wraps_to_the_top(pane: Pane, qtbot: QtBot) -> None:
    type_query(pane, qtbot, "ferry")
    starts = []
    for _ in range(4):
        pane.bar.find_next()
        starts.append(selection(pane)[1])
    assert starts == [27, 36, 53, 4]
    assert pane.bar.info_label.text() == "1 of 4 · from the top"


def test_find_previous_wraps_to_the_end(pane: Pane, qtbot: QtBot) -> None:
    type_query(pane, qtbot, "ferry")
    pane.bar.find_previous()
    assert selection(pane) == ("FERRY", 53, 58)
    assert pane.bar.info_label.text() == "4 of 4 · from the end"


def test_enter_and_shift_enter_in_the_field_move_between_matches(pane: Pane, qtbot: QtBot) -> None:
    type_query(pane, qtbot, "ferry")
    qtbot.keyClick(pane.bar.find_field, Qt.Key.Key_Return)
    assert selection(pane)[1] == 27
    qtbot.keyClick(pane.bar.find_field, Qt.Key.Key_Return, Qt.KeyboardModifier.ShiftModifier)
    assert selection(pane)[1] == 4


@pytest.mark.parametrize(
    ("button", "query", "count"),
    [
        (None, "ferry", 4),
        ("case_button", "ferry", 2),
        ("word_button", "ferry", 3),
        ("regex_button", r"f\w+y\b", 3),
    ],
)
def test_options_change_what_matches(
    pane: Pane, qtbot: QtBot, button: str | None, query: str, count: int
) -> None:
    if button:
        getattr(pane.bar, button).setChecked(True)
    type_query(pane, qtbot, query)
    assert len(pane.editor.extraSelections()) == count
    assert pane.bar.info_label.text().endswith(f"of {count}")


def test_no_match_says_so(pane: Pane, qtbot: QtBot) -> None:
    type_query(pane, qtbot, "tram")
    assert pane.bar.info_label.text() == "No matches"
    assert not pane.bar.find_next()
    assert pane.editor.extraSelections() == []


@pytest.mark.parametrize(
    ("query", "replacement", "message"),
    [
        ("(ferry", "", "Not a valid regular expression: missing ), unterminated subpattern."),
        ("(ferry)", r"\3", "The replacement cannot be used: invalid group reference 3."),
    ],
)
def test_a_bad_pattern_is_a_message_in_the_bar(
    pane: Pane, qtbot: QtBot, query: str, replacement: str, message: str
) -> None:
    pane.bar.regex_button.setChecked(True)
    type_query(pane, qtbot, query, replacement)
    assert pane.bar.info_label.text() == message
    assert pane.bar.replace_all() == 0
    assert not pane.bar.replace()
    assert pane.editor.toPlainText() == TEXT


def test_positions_after_an_emoji_select_the_right_letters(pane: Pane, qtbot: QtBot) -> None:
    pane.editor.setPlainText("🚢🚢 ferry 🛳️ ferry")
    type_query(pane, qtbot, "ferry")
    assert selection(pane) == ("ferry", 5, 10)  # two emoji are four UTF-16 units
    pane.bar.find_next()
    assert selection(pane)[0] == "ferry"
    pane.bar.open_replace()
    pane.bar.replace_field.setText("boat")
    assert pane.bar.replace_all() == 2
    assert pane.editor.toPlainText() == "🚢🚢 boat 🛳️ boat"


def test_replace_all_is_one_undo_step(pane: Pane, qtbot: QtBot) -> None:
    type_query(pane, qtbot, "ferry", "boat")
    assert pane.bar.replace_all() == 4
    assert pane.editor.toPlainText() == (
        "The boat sails at dawn.\nA boat, a boatman and the boat.\nNo boats here."
    )
    pane.editor.undo()
    assert pane.editor.toPlainText() == TEXT
    assert not pane.editor.document().isUndoAvailable()


def test_regex_replacement_uses_groups(pane: Pane, qtbot: QtBot) -> None:
    pane.bar.regex_button.setChecked(True)
    pane.bar.case_button.setChecked(True)
    type_query(pane, qtbot, r"(\w+) (\w+) at", r"\2 \1 at")
    assert pane.bar.replace_all() == 1
    assert pane.editor.toPlainText().startswith("The sails ferry at dawn.")


def test_replace_changes_the_selected_match_and_moves_on(pane: Pane, qtbot: QtBot) -> None:
    pane.bar.case_button.setChecked(True)
    type_query(pane, qtbot, "ferry", "boat")
    assert selection(pane)[:2] == ("ferry", 4)
    assert pane.bar.replace()
    assert pane.editor.toPlainText().startswith("The boat sails")
    assert selection(pane)[:2] == ("ferry", 35)  # "ferryman", after the replacement


def test_replace_keeps_the_marks_of_the_replaced_text(pane: Pane, qtbot: QtBot) -> None:
    cursor = QTextCursor(pane.editor.document())
    cursor.setPosition(4)
    cursor.setPosition(9, QTextCursor.MoveMode.KeepAnchor)
    bold = cursor.charFormat()
    bold.setFontWeight(700)
    cursor.setCharFormat(bold)
    type_query(pane, qtbot, "ferry", "boat")
    pane.bar.replace()
    check = QTextCursor(pane.editor.document())
    check.setPosition(6)
    assert check.charFormat().fontWeight() == 700


def test_escape_closes_the_bar_and_clears_the_highlights(pane: Pane, qtbot: QtBot) -> None:
    type_query(pane, qtbot, "ferry")
    qtbot.keyClick(pane.bar.find_field, Qt.Key.Key_Escape)
    assert not pane.bar.isVisible()
    assert pane.editor.extraSelections() == []


def test_the_selection_is_the_starting_query(pane: Pane) -> None:
    cursor = pane.editor.textCursor()
    cursor.setPosition(10)
    cursor.setPosition(15, QTextCursor.MoveMode.KeepAnchor)
    pane.editor.setTextCursor(cursor)
    pane.bar.open_find()
    assert pane.bar.find_field.text() == "sails"
    assert not pane.bar.replacing


def test_highlights_follow_edits(pane: Pane, qtbot: QtBot) -> None:
    type_query(pane, qtbot, "ferry")
    pane.editor.moveCursor(QTextCursor.MoveOperation.End)
    pane.editor.insertPlainText(" One more ferry.")
    qtbot.waitUntil(lambda: len(pane.editor.extraSelections()) == 5)
