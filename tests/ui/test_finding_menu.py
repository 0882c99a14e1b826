"""The finding's context-menu entries, the hover and right-click hooks, and the marks'
positions, colours and replacements (``finding_menu``, ``finding_marks``)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QPoint
from PySide6.QtGui import QColor, QContextMenuEvent, QHelpEvent, QPalette, QTextCursor
from PySide6.QtWidgets import QApplication, QLineEdit, QMenu, QTextEdit, QToolTip
from pytestqt.qtbot import QtBot

from editor_app.checks.base import Finding, Severity
from editor_app.model import Field, TextRange, TextRef
from editor_app.ui.finding_marks import (
    SEVERITY_COLOURS,
    Spot,
    finding_tooltip,
    mark_format,
    replace_spots,
    severity_colour,
    widget_text,
)
from editor_app.ui.finding_menu import FindingHooks, add_finding_entries, finding_actions

BODY = TextRef(Field.TEXT, 0)


def finding(text: str, rule_id: str, suggestions: tuple[str, ...] = (), start: int = 0) -> Finding:
    return Finding(
        TextRange(BODY, start, start + len(text)),
        text,
        rule_id,
        Severity.WARNING,
        f"“{text}” looks wrong",
        suggestions,
    )


class FakeCommands:
    """Records what the menu asked for; ``marked`` is the finding under every position."""

    def __init__(self, marked: Finding | None = None, occurrences: int = 1) -> None:
        self.marked = marked
        self.count = occurrences
        self.calls: list[tuple[str, object]] = []

    def finding_at(self, widget: QTextEdit, position: int) -> Finding | None:
        return self.marked

    def occurrences(self, text: str) -> int:
        return self.count

    def apply(self, found: Finding, replacement: str) -> bool:
        self.calls.append(("apply", replacement))
        return True

    def replace_all(self, found: Finding, replacement: str) -> int:
        self.calls.append(("replace_all", replacement))
        return self.count

    def add_to_stylebook(self, found: Finding) -> object:
        self.calls.append(("add_to_stylebook", found.text))
        return None

    def add_to_dictionary(self, word: str) -> None:
        self.calls.append(("add_to_dictionary", word))

    def ignore(self, found: Finding, *, here: bool) -> None:
        self.calls.append(("ignore", here))


def texts(menu: QMenu) -> list[str]:
    return ["---" if action.isSeparator() else action.text() for action in menu.actions()]


@pytest.fixture
def menu(qtbot: QtBot) -> Iterator[QMenu]:
    shown = QMenu()
    shown.addAction("&Copy")
    shown.addAction("Select All")
    yield shown
    shown.deleteLater()


# -- the entries ----------------------------------------------------------------------------


def test_a_name_finding_offers_its_fixes_the_style_book_and_the_ignores(menu: QMenu) -> None:
    slip = finding("Brunthaler", "names.variant", ("Brunnthaler",))
    add_finding_entries(menu, slip, FakeCommands(occurrences=2))
    assert texts(menu) == [
        "Replace with “Brunnthaler”",
        "Replace All “Brunthaler” with “Brunnthaler”",
        "Add to Style Book…",
        "Ignore Here",
        "Ignore in This Article",
        "---",
        "&Copy",
        "Select All",
    ]


def test_a_spelling_finding_also_offers_the_dictionary(menu: QMenu) -> None:
    typo = finding("recieve", "spelling.unknown-word", ("receive", "relieve"))
    add_finding_entries(menu, typo, FakeCommands())
    assert texts(menu)[:6] == [
        "Replace with “receive”",
        "Replace with “relieve”",
        "Add to Style Book…",
        "Add to Dictionary",
        "Ignore Here",
        "Ignore in This Article",
    ]


def test_a_style_finding_without_suggestions_offers_only_the_ignores(menu: QMenu) -> None:
    add_finding_entries(menu, finding("very long", "style.long-sentence"), FakeCommands(None, 5))
    assert texts(menu) == ["Ignore Here", "Ignore in This Article", "---", "&Copy", "Select All"]


def test_at_most_five_suggestions_are_offered(menu: QMenu) -> None:
    many = tuple(f"word{n}" for n in range(8))
    actions = finding_actions(finding("wurd", "spelling.unknown-word", many), FakeCommands(), menu)
    offered = [a.text() for a in actions if a.text().startswith("Replace with")]
    assert offered == [f"Replace with “word{n}”" for n in range(5)]


def test_each_entry_calls_its_command(menu: QMenu) -> None:
    commands = FakeCommands(occurrences=3)
    typo = finding("recieve", "spelling.unknown-word", ("receive", "relieve"))
    for action in finding_actions(typo, commands, menu):
        action.trigger()
    assert commands.calls == [
        ("apply", "receive"),
        ("apply", "relieve"),
        ("replace_all", "receive"),
        ("add_to_stylebook", "recieve"),
        ("add_to_dictionary", "recieve"),
        ("ignore", True),
        ("ignore", False),
    ]


def test_an_empty_menu_gets_the_entries_alone() -> None:
    empty = QMenu()
    add_finding_entries(empty, finding("x", "style.x"), FakeCommands())
    assert texts(empty) == ["Ignore Here", "Ignore in This Article"]
    empty.deleteLater()


# -- the hooks: hover and right-click through real events -----------------------------------


@pytest.fixture
def field(qtbot: QtBot) -> QTextEdit:
    edit = QTextEdit()
    edit.setPlainText("The mayor Brunthaler spoke.")
    qtbot.addWidget(edit)
    edit.show()
    qtbot.waitExposed(edit)
    return edit


def point_at(edit: QTextEdit, position: int) -> QPoint:
    cursor = QTextCursor(edit.document())
    cursor.setPosition(position)
    return edit.cursorRect(cursor).center()


def test_a_tooltip_event_over_a_finding_shows_its_message(qtbot: QtBot, field: QTextEdit) -> None:
    slip = finding("Brunthaler", "names.variant", ("Brunnthaler",), start=10)
    hooks = FindingHooks(FakeCommands(slip), [field], field)
    point = point_at(field, 13)
    event = QHelpEvent(QEvent.Type.ToolTip, point, field.viewport().mapToGlobal(point))
    QApplication.sendEvent(field.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == finding_tooltip(slip)
    QToolTip.hideText()
    assert hooks.tooltip_at(field, point) == finding_tooltip(slip)
    assert FindingHooks(FakeCommands(None), [], field).tooltip_at(field, point) is None


def test_a_context_menu_event_pops_up_the_finding_menu(qtbot: QtBot, field: QTextEdit) -> None:
    slip = finding("Brunthaler", "names.variant", ("Brunnthaler",), start=10)
    FindingHooks(FakeCommands(slip), [field], field)
    point = point_at(field, 13)
    event = QContextMenuEvent(
        QContextMenuEvent.Reason.Mouse, point, field.viewport().mapToGlobal(point)
    )
    QApplication.sendEvent(field.viewport(), event)
    qtbot.waitUntil(lambda: isinstance(QApplication.activePopupWidget(), QMenu))
    popup = QApplication.activePopupWidget()
    assert isinstance(popup, QMenu)
    assert texts(popup)[0] == "Replace with “Brunnthaler”"
    assert field.textCursor().position() == 13  # the click moved the cursor
    popup.close()


def test_a_right_click_away_from_a_finding_gives_the_usual_menu(field: QTextEdit) -> None:
    hooks = FindingHooks(FakeCommands(None), [field], field)
    menu = hooks.menu_at(field, point_at(field, 2))
    assert "Ignore Here" not in texts(menu)
    assert field.textCursor().position() == 2
    menu.deleteLater()


# -- marks: colours, tooltips, positions, replacements ---------------------------------------


@pytest.mark.parametrize("severity", list(Severity))
def test_each_severity_has_a_wavy_underline_readable_on_both_themes(severity: Severity) -> None:
    light, dark = QPalette(), QPalette()
    light.setColor(QPalette.ColorRole.Base, QColor("#ffffff"))
    dark.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    marked = mark_format(severity, light)
    assert marked.underlineStyle() == marked.UnderlineStyle.WaveUnderline
    assert marked.underlineColor() == QColor(SEVERITY_COLOURS[severity][0])
    assert severity_colour(severity, light).lightness() < 160
    assert severity_colour(severity, dark).lightness() > 128


def test_the_three_severities_have_three_colours() -> None:
    colours = {severity_colour(severity, QPalette()).name() for severity in Severity}
    assert len(colours) == 3


def test_the_tooltip_lists_up_to_five_suggestions() -> None:
    typo = finding("wurd", "spelling.unknown-word", tuple(f"w{n}" for n in range(7)))
    assert finding_tooltip(typo) == "“wurd” looks wrong\nSuggestions: “w0”, “w1”, “w2”, “w3”, “w4”"
    assert finding_tooltip(finding("x", "style.x")) == "“x” looks wrong"


TEXTS = st.text(alphabet=st.sampled_from("ab é😀\u00a0"), min_size=0, max_size=12)


@given(text=TEXTS, data=st.data())
def test_a_spot_holds_the_code_points_of_its_model_range(
    qapp: QApplication, text: str, data: st.DataObject
) -> None:
    start = data.draw(st.integers(0, len(text)))
    end = data.draw(st.integers(start, len(text)))
    line, edit = QLineEdit(text), QTextEdit()
    edit.setPlainText(text)
    for widget in (line, edit):
        spot = Spot.in_text(widget, widget_text(widget), start, end)
        assert spot is not None and spot.text() == text[start:end]
    assert Spot.in_text(line, text, start, len(text) + 1) is None
    line.deleteLater()
    edit.deleteLater()


def test_replacements_in_a_line_are_one_undo_step(qtbot: QtBot) -> None:
    line = QLineEdit("By Jon Smiht and Ana Smiht")
    qtbot.addWidget(line)
    spots = [Spot(line, 7, 12), Spot(line, 21, 26)]
    assert replace_spots([(spot, "Smith") for spot in spots]) == 2
    assert line.text() == "By Jon Smith and Ana Smith"
    line.undo()
    assert line.text() == "By Jon Smiht and Ana Smiht"


def test_replacements_in_a_text_edit_are_one_undo_step_after_an_emoji(qtbot: QtBot) -> None:
    edit = QTextEdit()
    qtbot.addWidget(edit)
    edit.setPlainText("😀 Smiht met 😀 Smiht")
    text = widget_text(edit)
    spots = [Spot.in_text(edit, text, m, m + 5) for m in (2, 14)]
    assert all(spot is not None and spot.text() == "Smiht" for spot in spots)
    replace_spots([(spot, "Smith") for spot in spots if spot is not None])
    assert edit.toPlainText() == "😀 Smith met 😀 Smith"
    edit.undo()
    assert edit.toPlainText() == "😀 Smiht met 😀 Smiht"


def test_selecting_a_spot_selects_its_text(qtbot: QtBot) -> None:
    line, edit = QLineEdit("By Jon Smiht"), QTextEdit("Jon Smiht")
    for widget in (line, edit):
        qtbot.addWidget(widget)
    Spot(line, 7, 12).select()
    Spot(edit, 4, 9).select()
    assert line.selectedText() == "Smiht" and edit.textCursor().selectedText() == "Smiht"
