"""The findings panel: grouping, counts, going to a finding, F8, the filter, fixing and ignoring.

The first tests drive the panel over a small stand-in for the live checks, so every
finding (and every update) is exactly the one the test wants; the last ones open the
real window on the sample article with its workspace and live checks.
"""

from __future__ import annotations

import json
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDockWidget, QTreeWidgetItem
from pytestqt.qtbot import QtBot

from editor_app.app import sample_article
from editor_app.checks.base import Finding, Severity
from editor_app.importers import ImportResult
from editor_app.model import Article, Field, Metadata, TextRange, TextRef
from editor_app.settings import Settings
from editor_app.ui.findings_panel import FindingsPanel
from editor_app.ui.live_checks import LiveChecks
from editor_app.ui.main_window import MainWindow
from editor_app.workspace import Workspace
from tests.ui.editor_helpers import para
from tests.ui.window_helpers import forget_changes, keep, open_window

BODY = (
    "Ilse Brunnthaler met Lena Wendt at the ferry.",
    "Brunthaler said the  fares would rise.",
    "Went said nothing; the ferry was late.",
)


def finding(
    ref: TextRef,
    start: int,
    text: str,
    rule_id: str,
    severity: Severity = Severity.WARNING,
    suggestions: tuple[str, ...] = (),
) -> Finding:
    message = f"{rule_id} found “{text}”"
    span = TextRange(ref, start, start + len(text))
    return Finding(span, text, rule_id, severity, message, suggestions)


def body(block: int, *rest: Any) -> Finding:
    """A finding in body paragraph ``block``; ``rest`` as for ``finding``."""
    return finding(TextRef(Field.TEXT, block), *rest)


ERROR, WARNING, SUGGESTION = Severity
HEADLINE_SLIP = finding(
    TextRef(Field.HEADLINE), 0, "Brunthaler", "names.variant", ERROR, ("Brunnthaler",)
)
VARIANT = body(1, 0, "Brunthaler", "names.variant", ERROR, ("Brunnthaler",))
REAL_WORD = body(2, 0, "Went", "names.variant", WARNING, ("Wendt",))
DOUBLE_SPACE = body(1, 19, "  ", "style.double-space", SUGGESTION, (" ",))
LATE = body(2, 33, "late", "zzz.custom", SUGGESTION)
FINDINGS = (HEADLINE_SLIP, VARIANT, DOUBLE_SPACE, REAL_WORD, LATE)


class FakeChecks(QObject):
    """Stands in for ``LiveChecks``: findings set by the test, calls recorded."""

    findings_changed = Signal()

    def __init__(self, window: MainWindow, findings: tuple[Finding, ...]) -> None:
        super().__init__(window)
        self._window = window
        self._findings = findings
        self.checking = False
        self.calls: list[tuple[str, object]] = []

    def set_findings(self, findings: tuple[Finding, ...]) -> None:
        self._findings = findings
        self.findings_changed.emit()

    def findings(self) -> tuple[Finding, ...]:
        return self._findings

    def is_checking(self) -> bool:
        return self.checking

    def go_to(self, found: Finding) -> bool:
        self.calls.append(("go_to", found))
        if found.range.ref.block >= 0:
            return self._window.editor.select_text_range(found.range)
        field = self._window.panel.headline
        cursor = field.textCursor()
        cursor.setPosition(found.range.start)
        cursor.setPosition(found.range.end, cursor.MoveMode.KeepAnchor)
        field.setTextCursor(cursor)
        return True

    def apply(self, found: Finding, replacement: str) -> bool:
        self.calls.append(("apply", (found, replacement)))
        return True

    def fix_all(self, rule_id: str) -> int:
        self.calls.append(("fix_all", rule_id))
        return sum(1 for one in self._findings if one.rule_id == rule_id and one.suggestions)

    def ignore(self, found: Finding, *, here: bool) -> None:
        self.calls.append(("ignore_here" if here else "ignore_article", found))


@pytest.fixture
def window(qtbot: QtBot) -> MainWindow:
    article = Article(Metadata(headline="Brunthaler wins"), tuple(para(text) for text in BODY))
    shown = keep(qtbot, MainWindow(ImportResult(article), settings=Settings()))
    shown.show()
    qtbot.waitExposed(shown)
    return shown


@pytest.fixture
def live(window: MainWindow) -> FakeChecks:
    return FakeChecks(window, FINDINGS)


@pytest.fixture
def panel(window: MainWindow, live: FakeChecks) -> FindingsPanel:
    dock = FindingsPanel(live, window)
    window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
    return dock


def groups(dock: FindingsPanel) -> dict[str, list[str]]:
    """Each group's title and its rows' flagged text."""
    tree = dock.tree
    result: dict[str, list[str]] = {}
    for number in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(number)
        assert group is not None
        rows = [group.child(row) for row in range(group.childCount())]
        result[group.text(0)] = [row.text(0) for row in rows if row is not None]
    return result


def row_of(dock: FindingsPanel, text: str) -> QTreeWidgetItem:
    found = dock.tree.findItems(text, Qt.MatchFlag.MatchExactly | Qt.MatchFlag.MatchRecursive)
    assert found, text
    return found[0]


def click(qtbot: QtBot, dock: FindingsPanel, item: QTreeWidgetItem) -> None:
    dock.tree.scrollToItem(item)
    rect = dock.tree.visualItemRect(item)
    qtbot.mouseClick(dock.tree.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def selected_text(window: MainWindow) -> str:
    return window.editor.textCursor().selectedText()


def test_findings_are_grouped_by_family_with_counts(panel: FindingsPanel) -> None:
    assert groups(panel) == {
        "Names (3)": ["Brunthaler", "Brunthaler", "Went"],
        "Style (1)": ["  "],
        "Zzz (1)": ["late"],
    }
    assert panel.summary.text() == "2 errors · 1 warning · 2 suggestions"
    assert panel.objectName() == "findingsPanel" and panel.windowTitle() == "Findings"


def test_each_row_says_what_where_and_why(panel: FindingsPanel) -> None:
    row = row_of(panel, "Went")
    assert (row.text(1), row.text(2)) == (REAL_WORD.message, "¶ 3")
    assert "Wendt" in row.toolTip(0) and "names.variant" in row.toolTip(0)
    assert not row.icon(0).isNull()


def test_the_selected_finding_is_shown_in_full_under_the_list(
    qtbot: QtBot, panel: FindingsPanel
) -> None:
    assert not panel.detail.isVisibleTo(panel)
    click(qtbot, panel, row_of(panel, "Went"))
    assert panel.detail.isVisibleTo(panel)
    assert REAL_WORD.message in panel.detail.text() and "Wendt" in panel.detail.text()


def test_clicking_a_row_selects_the_text_and_gives_the_editor_the_keyboard(
    qtbot: QtBot, window: MainWindow, panel: FindingsPanel, live: FakeChecks
) -> None:
    click(qtbot, panel, row_of(panel, "Went"))
    assert live.calls == [("go_to", REAL_WORD)]
    assert selected_text(window) == "Went"
    qtbot.waitUntil(window.editor.hasFocus)


def test_enter_on_a_row_goes_to_it(window: MainWindow, panel: FindingsPanel) -> None:
    panel.tree.setFocus()
    panel.tree.setCurrentItem(row_of(panel, "  "))
    QTest.keyClick(panel.tree, Qt.Key.Key_Return)
    assert selected_text(window) == "  "


def test_f8_walks_the_findings_in_reading_order_and_wraps(
    qtbot: QtBot, window: MainWindow, panel: FindingsPanel
) -> None:
    # The cursor at the start of the body: the headline's finding is before it.
    visited = [panel.go_to_next() for _ in range(5)]
    assert visited == [VARIANT, DOUBLE_SPACE, REAL_WORD, LATE, HEADLINE_SLIP]
    assert window.statusBar().currentMessage() == "Wrapped to the first finding"
    assert window.panel.headline.textCursor().selectedText() == "Brunthaler"
    assert panel.selected_finding() == HEADLINE_SLIP
    assert panel.go_to_next() == VARIANT
    assert selected_text(window) == "Brunthaler"


def test_shift_f8_goes_backwards_and_wraps_to_the_last(
    window: MainWindow, panel: FindingsPanel
) -> None:
    window.editor.select_text_range(TextRange(TextRef(Field.TEXT, 2), 10, 10))
    assert panel.go_to_previous() == REAL_WORD
    assert panel.go_to_previous() == DOUBLE_SPACE
    assert panel.go_to_previous() == VARIANT
    assert panel.go_to_previous() == HEADLINE_SLIP
    assert panel.go_to_previous() == LATE
    assert window.statusBar().currentMessage() == "Wrapped to the last finding"


def test_f8_starts_from_the_cursor(window: MainWindow, panel: FindingsPanel) -> None:
    window.editor.select_text_range(TextRange(TextRef(Field.TEXT, 1), 5, 5))
    assert panel.go_to_next() == DOUBLE_SPACE
    window.editor.select_text_range(TextRange(TextRef(Field.TEXT, 2), 0, 0))
    assert panel.go_to_next() == REAL_WORD  # a finding right at the cursor is next


def test_the_severity_filter_hides_rows_and_changes_the_counts(panel: FindingsPanel) -> None:
    panel.severity_filter.setCurrentIndex(panel.severity_filter.findText("Errors"))
    assert groups(panel) == {"Names (2)": ["Brunthaler", "Brunthaler"]}
    assert panel.summary.text() == "2 errors · 3 hidden"
    assert panel.go_to_next() == VARIANT and panel.go_to_next() == HEADLINE_SLIP
    panel.severity_filter.setCurrentIndex(panel.severity_filter.findText("Warnings and errors"))
    assert groups(panel) == {"Names (3)": ["Brunthaler", "Brunthaler", "Went"]}
    panel.severity_filter.setCurrentIndex(panel.severity_filter.findText("All"))
    assert sum(len(rows) for rows in groups(panel).values()) == 5


def test_fix_all_like_this_is_offered_when_there_is_a_suggestion(
    qtbot: QtBot, window: MainWindow, panel: FindingsPanel, live: FakeChecks
) -> None:
    click(qtbot, panel, row_of(panel, "late"))
    assert not panel.fix_all_button.isEnabled()
    click(qtbot, panel, row_of(panel, "Went"))
    assert panel.fix_all_button.isEnabled()
    qtbot.mouseClick(panel.fix_all_button, Qt.MouseButton.LeftButton)
    assert ("fix_all", "names.variant") in live.calls
    assert window.statusBar().currentMessage() == "Fixed 3 × names.variant"


def test_the_row_menu_replaces_fixes_and_ignores(panel: FindingsPanel, live: FakeChecks) -> None:
    menu = panel.context_menu(REAL_WORD)
    actions = {action.text(): action for action in menu.actions() if action.text()}
    assert list(actions) == [
        "Go To",
        "Replace with “Wendt”",
        "Fix All Like This",
        "Ignore Here",
        "Ignore in This Article",
    ]
    for name in ("Replace with “Wendt”", "Ignore Here", "Ignore in This Article"):
        actions[name].trigger()
    assert live.calls == [
        ("apply", (REAL_WORD, "Wendt")),
        ("ignore_here", REAL_WORD),
        ("ignore_article", REAL_WORD),
    ]
    late = {action.text(): action for action in panel.context_menu(LATE).actions()}
    assert not late["Fix All Like This"].isEnabled()


def test_an_update_keeps_the_selected_finding_and_the_folded_groups(
    qtbot: QtBot, panel: FindingsPanel, live: FakeChecks
) -> None:
    click(qtbot, panel, row_of(panel, "Went"))
    style = row_of(panel, "Style (1)")
    panel.tree.collapseItem(style)
    # An edit before it moved "Went" on by three characters; the double space was fixed.
    moved = replace(REAL_WORD, range=replace(REAL_WORD.range, start=3, end=7))
    live.set_findings((HEADLINE_SLIP, VARIANT, moved, LATE))
    assert panel.selected_finding() == moved
    assert "Style (1)" not in groups(panel)
    live.set_findings((HEADLINE_SLIP, VARIANT, DOUBLE_SPACE, moved, LATE))
    assert not row_of(panel, "Style (1)").isExpanded()
    assert row_of(panel, "Names (3)").isExpanded()
    assert panel.selected_finding() == moved


def test_no_findings_and_checking(panel: FindingsPanel, live: FakeChecks) -> None:
    live.checking = True
    live.set_findings(())
    assert panel.summary.text() == "Checking…" and panel.tree.topLevelItemCount() == 0
    live.checking = False
    live.set_findings(())
    assert panel.summary.text() == "No findings"


def test_a_closed_panel_catches_up_when_it_opens(panel: FindingsPanel, live: FakeChecks) -> None:
    panel.hide()
    live.set_findings((LATE,))
    assert panel.summary.text() == "1 suggestion"
    panel.show()
    assert groups(panel) == {"Zzz (1)": ["late"]}


def test_a_thousand_findings_are_listed(panel: FindingsPanel, live: FakeChecks) -> None:
    many = tuple(body(1, n % 30, "x", ("names.rule", "style.rule")[n % 2]) for n in range(1000))
    live.set_findings(many)
    assert groups(panel).keys() == {"Names (500)", "Style (500)"}
    assert panel.go_to_next() is not None


# -- the real window: the sample article, its workspace and live checks ---------------------


@pytest.fixture
def sample_window(qtbot: QtBot, workspace: Workspace) -> Iterator[MainWindow]:
    shown = open_window(qtbot, workspace, sample_article().article)
    shown.resize(1400, 900)
    checked(qtbot, shown)
    yield shown
    forget_changes(shown)
    shown.close()


def live_of(window: MainWindow) -> LiveChecks:
    assert window.live_checks is not None
    return window.live_checks


def panel_of(window: MainWindow) -> FindingsPanel:
    assert window.findings_panel is not None
    return window.findings_panel


def checked(qtbot: QtBot, window: MainWindow) -> None:
    """Wait until the latest check's findings are listed."""
    live = live_of(window)
    qtbot.waitUntil(lambda: not live.is_checking() and bool(live.findings()), timeout=20_000)


def planted() -> list[str]:
    path = Path(__file__).parents[2] / "resources" / "sample" / "planted-errors.json"
    return [str(error["wrong"]) for error in json.loads(path.read_text(encoding="utf-8"))]


def test_the_planted_name_errors_are_listed_under_names(sample_window: MainWindow) -> None:
    panel = panel_of(sample_window)
    names = next(title for title in groups(panel) if title.startswith("Names"))
    assert set(planted()) <= set(groups(panel)[names])
    assert names == f"Names ({len(groups(panel)[names])})"
    total = len(live_of(sample_window).findings())
    assert sum(len(rows) for rows in groups(panel).values()) == total
    assert sample_window.dockWidgetArea(panel) is Qt.DockWidgetArea.RightDockWidgetArea


def test_a_click_selects_the_flagged_text_in_the_article(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    panel = panel_of(sample_window)
    for wrong in planted():
        click(qtbot, panel, row_of(panel, wrong))
        assert selected_text(sample_window) == wrong
    qtbot.waitUntil(sample_window.editor.hasFocus)


def test_f8_and_shift_f8_walk_the_article(qtbot: QtBot, sample_window: MainWindow) -> None:
    panel = panel_of(sample_window)
    order = list(panel.shown_findings())
    editor = sample_window.editor
    editor.setFocus()
    for expected in order:
        QTest.keyClick(editor, Qt.Key.Key_F8)
        assert panel.selected_finding() == expected
        assert selected_text(sample_window) == expected.text
    QTest.keyClick(editor, Qt.Key.Key_F8)
    assert panel.selected_finding() == order[0]
    assert sample_window.statusBar().currentMessage() == "Wrapped to the first finding"
    QTest.keyClick(editor, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert panel.selected_finding() == order[-1]
    assert sample_window.statusBar().currentMessage() == "Wrapped to the last finding"
    QTest.keyClick(editor, Qt.Key.Key_F8, Qt.KeyboardModifier.ShiftModifier)
    assert panel.selected_finding() == order[-2]


def test_the_filter_on_the_sample(sample_window: MainWindow) -> None:
    panel = panel_of(sample_window)
    panel.severity_filter.setCurrentIndex(panel.severity_filter.findText("Errors"))
    errors = [f for f in live_of(sample_window).findings() if f.severity is Severity.ERROR]
    assert [row for rows in groups(panel).values() for row in rows] == [f.text for f in errors]
    assert "Antonio Guterres" in groups(panel)["Names (1)"]
    assert panel.summary.text().startswith("1 error · ")


def test_fix_all_like_this_fixes_the_text_and_the_list_follows(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    panel = panel_of(sample_window)
    click(qtbot, panel, row_of(panel, "Brunthaler"))
    assert panel.fix_all_button.isEnabled()
    qtbot.mouseClick(panel.fix_all_button, Qt.MouseButton.LeftButton)
    assert sample_window.statusBar().currentMessage() == "Fixed 2 × names.variant"
    prose = sample_window.article.plain_body()
    assert "Brunthaler" not in prose and " Went " not in prose
    live_of(sample_window).check_now()
    checked(qtbot, sample_window)
    texts = {row for rows in groups(panel).values() for row in rows}
    assert "Brunthaler" not in texts and "Went" not in texts and "Antonio Guterres" in texts


def test_the_selected_finding_stays_selected_after_an_edit_and_a_recheck(
    qtbot: QtBot, sample_window: MainWindow
) -> None:
    panel = panel_of(sample_window)
    click(qtbot, panel, row_of(panel, "Antonio Guterres"))
    editor = sample_window.editor
    editor.moveCursor(QTextCursor.MoveOperation.Start)
    with qtbot.waitSignal(live_of(sample_window).findings_changed, timeout=20_000):
        QTest.keyClicks(editor, "Update: ")
    checked(qtbot, sample_window)
    selected = panel.selected_finding()
    assert selected is not None and selected.text == "Antonio Guterres"


def test_the_view_action_closes_and_opens_the_panel(sample_window: MainWindow) -> None:
    panel, toggle = panel_of(sample_window), sample_window.commands["findings_panel"]
    assert toggle.isChecked() and panel.isVisible()
    toggle.trigger()
    assert not panel.isVisible() and not toggle.isChecked()
    toggle.trigger()
    assert panel.isVisible() and toggle.isChecked()
    panel.close()  # the dock's own close button
    assert not toggle.isChecked()


def test_no_workspace_no_panel(qtbot: QtBot) -> None:
    bare = open_window(qtbot, None, sample_article().article)
    assert bare.findings_panel is None
    assert bare.findChild(QDockWidget, "findingsPanel") is None
    assert not bare.commands["next_finding"].isEnabled()


def test_the_panel_is_drawn_for_people_to_look_at(sample_window: MainWindow) -> None:
    sample_window.commands["next_finding"].trigger()
    assert sample_window.grab().save(str(Path(tempfile.gettempdir()) / "findings.png"))
