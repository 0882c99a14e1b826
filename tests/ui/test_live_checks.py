"""Live checks in the real window: underlines, tooltips, fixes, ignores, the dictionary,
the style book, and the check thread."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QColor, QPalette, QTextCharFormat, QTextCursor, QTextDocument
from PySide6.QtWidgets import QTextEdit
from pytestqt.qtbot import QtBot

from editor_app.app import sample_article
from editor_app.checks.base import Finding, Severity
from editor_app.checks.setup import CheckerSetup
from editor_app.checks.stylebook import EntryKind, StyleBookEntry
from editor_app.errors import ArticleEditorError
from editor_app.model import Article, CheckIgnore, Field, Metadata, Paragraph, RichText, jsonformat
from editor_app.ui.check_worker import THREAD_NAME
from editor_app.ui.finding_marks import LONG_MARK_CHARACTERS, SEVERITY_COLOURS
from editor_app.ui.live_checks import LiveChecks
from editor_app.ui.main_window import MainWindow
from editor_app.ui.stylebook_entry_dialog import StyleBookEntryDialog
from editor_app.workspace import Workspace
from tests.ui.window_helpers import open_window

WAVE = QTextCharFormat.UnderlineStyle.WaveUnderline
DOTTED = QTextCharFormat.UnderlineStyle.DotLine
SPELLING = Article(
    Metadata(
        headline="Fans recieve tickets",
        byline="Tomas Reyes and the desk recieve",
        dateline="LONDON",
        language="en-GB",
    ),
    (
        Paragraph(RichText.plain_text("They recieve them. Nobody will recieve less.")),
        Paragraph(RichText.plain_text("Recieve is capitalised; recieved is another word.")),
    ),
)


def open_checked(qtbot: QtBot, workspace: Workspace, article: Article) -> MainWindow:
    """A shown window on ``article``, its first check done."""
    window = open_window(qtbot, workspace, article)
    settle(qtbot, live_of(window))
    return window


@pytest.fixture
def window(qtbot: QtBot, workspace: Workspace) -> MainWindow:
    return open_checked(qtbot, workspace, sample_article().article)


@pytest.fixture
def spelling(qtbot: QtBot, workspace: Workspace) -> MainWindow:
    return open_checked(qtbot, workspace, SPELLING)


def live_of(window: MainWindow) -> LiveChecks:
    assert window.live_checks is not None
    return window.live_checks


def settle(qtbot: QtBot, live: LiveChecks, until: Callable[[], bool] = lambda: True) -> None:
    qtbot.waitUntil(lambda: not live.is_checking() and until(), timeout=10_000)


def found(live: LiveChecks, text: str, rule_id: str | None = None) -> Finding:
    return next(f for f in live.findings() if f.text == text and rule_id in (None, f.rule_id))


def flagged(live: LiveChecks) -> list[str]:
    return [f.text for f in live.findings() if f.family != "style"]


def underlines(widget: QTextEdit) -> dict[str, QColor]:
    """Underlined text → its underline colour."""
    return {
        selection.cursor.selectedText(): selection.format.underlineColor()
        for selection in widget.extraSelections()
        if selection.format.underlineStyle() in (WAVE, DOTTED)
    }


def highlighted(widget: QTextEdit) -> list[str]:
    """The find bar's matches: selections with a background."""
    return [
        selection.cursor.selectedText()
        for selection in widget.extraSelections()
        if selection.format.background().style() != Qt.BrushStyle.NoBrush
    ]


def point_of(widget: QTextEdit, text: str, occurrence: int = 0) -> QPoint:
    """The viewport point in the middle of ``text`` (its ``occurrence``-th match)."""
    cursor = QTextCursor(widget.document())
    flags = QTextDocument.FindFlag.FindCaseSensitively
    for _ in range(occurrence + 1):
        cursor = widget.document().find(text, cursor, flags)
        assert not cursor.isNull(), text
    middle = QTextCursor(cursor)
    middle.setPosition((cursor.selectionStart() + cursor.selectionEnd()) // 2)
    widget.ensureCursorVisible()
    return widget.cursorRect(middle).center()


def plain_body(window: MainWindow) -> str:
    return window.editor.document().toPlainText()


# -- underlines and tooltips ----------------------------------------------------------------


def test_the_planted_errors_are_underlined_in_their_severity_colour(window: MainWindow) -> None:
    live = live_of(window)
    assert {"Brunthaler", "Went", "Antonio Guterres"} <= set(flagged(live))
    marks = underlines(window.editor)
    light = {severity: QColor(colours[0]) for severity, colours in SEVERITY_COLOURS.items()}
    assert marks["Antonio Guterres"] == light[Severity.ERROR]
    assert marks["Went"] == marks["Brunthaler"] == light[Severity.WARNING]
    assert len(marks) == len(live.findings())


def test_a_long_passage_is_dotted_and_a_word_is_waved(window: MainWindow) -> None:
    styles = {
        selection.cursor.selectedText(): selection.format.underlineStyle()
        for selection in window.editor.extraSelections()
    }
    long_sentences = [text for text in styles if len(text) > LONG_MARK_CHARACTERS]
    assert long_sentences, "the sample has long sentences"
    assert all(styles[text] == DOTTED for text in long_sentences)
    assert styles["Went"] == styles["Antonio Guterres"] == WAVE


def test_findings_come_in_reading_order(window: MainWindow) -> None:
    findings = live_of(window).findings()
    keys = [(f.range.ref.sort_key, f.range.start) for f in findings]
    assert keys == sorted(keys) and len(findings) >= 3


def test_the_dark_theme_gets_lighter_underlines(window: MainWindow) -> None:
    palette = window.editor.palette()
    palette.setColor(QPalette.ColorRole.Base, QColor("#1e1e1e"))
    window.editor.setPalette(palette)  # as the theme does: the underlines follow at once
    colour = underlines(window.editor)["Antonio Guterres"]
    assert colour == QColor(SEVERITY_COLOURS[Severity.ERROR][1])
    assert colour.lightness() > 128


def test_hovering_an_underline_shows_the_message_and_suggestions(window: MainWindow) -> None:
    live = live_of(window)
    text = live.hooks.tooltip_at(window.editor, point_of(window.editor, "Brunthaler"))
    assert text is not None
    assert found(live, "Brunthaler").message in text
    assert "“Brunnthaler”" in text.splitlines()[-1]


def test_hovering_unmarked_text_leaves_the_tooltip_to_the_editor(window: MainWindow) -> None:
    live = live_of(window)
    assert live.hooks.tooltip_at(window.editor, point_of(window.editor, "Danube")) is None


def test_typing_a_misspelt_name_underlines_it_after_a_pause(
    qtbot: QtBot, window: MainWindow
) -> None:
    live = live_of(window)
    window.editor.setFocus()
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(window.editor, " Antonio Guterres agreed.")
    assert live.is_checking()
    settle(qtbot, live, lambda: flagged(live).count("Antonio Guterres") == 2)
    marked = [s for s in window.editor.extraSelections() if s.format.underlineStyle() == WAVE]
    assert [s.cursor.selectedText() for s in marked].count("Antonio Guterres") == 2


def test_results_for_an_older_text_are_shown_where_the_text_is_unchanged(
    qtbot: QtBot, window: MainWindow
) -> None:
    live = live_of(window)
    gate = threading.Event()
    live.worker.run(lambda _setup: gate.wait(10))  # holds the thread: the check waits
    live.check_now()
    cursor = window.editor.document().find("Went")
    cursor.insertText("Wendt")  # while the check of the old text is waiting
    gate.set()
    qtbot.waitSignal(live.findings_changed, timeout=10_000).wait()
    assert "Went" not in underlines(window.editor)
    assert "Antonio Guterres" in underlines(window.editor)
    settle(qtbot, live)  # and a check of the new text follows
    assert "Went" not in flagged(live) and "Brunthaler" in flagged(live)


def test_the_find_bar_highlights_and_the_underlines_live_together(
    qtbot: QtBot, window: MainWindow
) -> None:
    window.find_bar.open_find()
    qtbot.keyClicks(window.find_bar.find_field, "Danube")
    assert highlighted(window.editor) == ["Danube"] * 3
    assert "Antonio Guterres" in underlines(window.editor)
    window.find_bar.close_bar()
    assert "Antonio Guterres" in underlines(window.editor)
    assert highlighted(window.editor) == []


def test_header_findings_are_underlined_or_given_as_the_tooltip(spelling: MainWindow) -> None:
    panel = spelling.panel
    assert list(underlines(panel.headline)) == ["recieve"]
    assert "recieve" in panel.byline.toolTip() and "receive" in panel.byline.toolTip()
    assert "recieve" not in panel.dateline.toolTip()


# -- the context menu and the fixes ---------------------------------------------------------


def test_the_context_menu_offers_the_fixes_above_the_usual_entries(window: MainWindow) -> None:
    live, editor = live_of(window), window.editor
    menu = live.hooks.menu_at(editor, point_of(editor, "Antonio Guterres"))
    texts = [action.text() for action in menu.actions()]
    assert texts[:4] == [
        "Replace with “António Guterres”",
        "Add to Style Book…",
        "Ignore Here",
        "Ignore in This Article",
    ]
    assert menu.actions()[4].isSeparator()
    assert any("Copy" in text for text in texts[5:])
    assert editor.textCursor().block().text().find("Antonio Guterres") >= 0  # moved there


def test_a_right_click_inside_the_selection_keeps_it(window: MainWindow) -> None:
    editor = window.editor
    cursor = editor.document().find("Antonio Guterres")
    editor.setTextCursor(cursor)
    live_of(window).hooks.menu_at(editor, point_of(editor, "Antonio Guterres"))
    assert editor.textCursor().selectedText() == "Antonio Guterres"


def test_choosing_a_replacement_fixes_the_text_and_undo_brings_it_back(
    qtbot: QtBot, window: MainWindow
) -> None:
    live, editor = live_of(window), window.editor
    menu = live.hooks.menu_at(editor, point_of(editor, "Brunthaler"))
    menu.actions()[0].trigger()
    assert "Brunthaler" not in plain_body(window)
    settle(qtbot, live)
    assert "Brunthaler" not in flagged(live) and "Brunthaler" not in underlines(editor)
    editor.undo()
    assert "Brunthaler" in plain_body(window)
    settle(qtbot, live, lambda: "Brunthaler" in flagged(live))


def test_other_underlines_stay_on_their_words_after_a_fix(
    qtbot: QtBot, spelling: MainWindow
) -> None:
    live = live_of(spelling)
    first, second = [f for f in live.findings() if f.range.ref.field is Field.TEXT][:2]
    assert live.apply(first, "get")  # shorter: the second moves left
    assert plain_body(spelling).startswith("They get them. Nobody will recieve less.")
    assert list(underlines(spelling.editor)) == ["recieve", "recieved"]
    assert live.go_to(second)
    assert spelling.editor.textCursor().selectionStart() == len("They get them. Nobody will ")
    settle(qtbot, live)


def test_apply_refuses_when_the_text_there_changed(window: MainWindow) -> None:
    live = live_of(window)
    went = found(live, "Went")
    window.editor.document().find("Went").insertText("Wendt")
    assert not live.apply(went, "Wendt") and not live.go_to(went)
    assert plain_body(window).count("Wendt") == 3


def test_replace_all_changes_every_whole_word_in_body_and_header(
    qtbot: QtBot, spelling: MainWindow
) -> None:
    live = live_of(spelling)
    typo = found(live, "recieve")
    menu = live.hooks.menu_at(spelling.editor, point_of(spelling.editor, "recieve"))
    assert "Replace All “recieve” with “receive”" in [a.text() for a in menu.actions()]
    assert live.replace_all(typo, "receive") == 4  # two in the body, headline, byline
    body = plain_body(spelling)
    assert body.count("receive") == 2 and "Recieve" in body and "recieved" in body
    assert spelling.panel.headline.text() == "Fans receive tickets"
    assert spelling.panel.byline.text() == "Tomas Reyes and the desk receive"
    assert spelling.statusBar().currentMessage() == "Replaced 4 × “recieve” with “receive”"
    spelling.editor.undo()  # the body's replacements are one step
    assert plain_body(spelling) == "\n".join(p.content.plain for p in SPELLING.body)
    settle(qtbot, live)


def test_fix_all_takes_each_first_suggestion_as_one_undo_step(
    qtbot: QtBot, window: MainWindow
) -> None:
    live = live_of(window)
    before = plain_body(window)
    assert live.fix_all("names.variant") == 2
    after = plain_body(window)
    assert "Brunthaler" not in after and "Went" not in after.split()
    settle(qtbot, live)
    assert not [f for f in live.findings() if f.rule_id == "names.variant"]
    window.editor.undo()
    assert plain_body(window) == before


def test_go_to_selects_the_text_in_the_body_and_header(spelling: MainWindow) -> None:
    live = live_of(spelling)
    body_typo, headline_typo, byline_typo = (
        next(f for f in live.findings() if f.range.ref.field is field)
        for field in (Field.TEXT, Field.HEADLINE, Field.BYLINE)
    )
    assert live.go_to(body_typo)
    assert spelling.editor.textCursor().selectedText() == "recieve"
    assert live.go_to(headline_typo)
    assert spelling.panel.headline.textCursor().selectedText() == "recieve"
    assert live.go_to(byline_typo)
    assert spelling.panel.byline.selectedText() == "recieve"


# -- ignores --------------------------------------------------------------------------------


@pytest.mark.parametrize("here", [True, False], ids=["here", "in-article"])
def test_an_ignore_is_saved_with_the_article_and_comes_back(
    qtbot: QtBot, window: MainWindow, tmp_path: Path, here: bool
) -> None:
    live = live_of(window)
    live.ignore(found(live, "Brunthaler"), here=here)
    assert "Brunthaler" not in flagged(live)
    assert window.is_modified()
    (ignore,) = live.ignores()
    assert (ignore.rule_id, ignore.text, bool(ignore.context)) == (
        "names.variant",
        "Brunthaler",
        here,
    )
    settle(qtbot, live)
    assert "Brunthaler" not in flagged(live) and "Went" in flagged(live)
    path = tmp_path / "story.article.json"
    window.ask_save_path = lambda: path  # type: ignore[method-assign]
    assert window.save_as()
    assert jsonformat.loads(path.read_text(encoding="utf-8")).ignores == (ignore,)
    assert window.new_article() and live.ignores() == ()
    assert window.open_file(path)
    assert live.ignores() == (ignore,)
    settle(qtbot, live, lambda: "Went" in flagged(live))
    assert "Brunthaler" not in flagged(live)


def test_ignore_here_keeps_other_occurrences(qtbot: QtBot, spelling: MainWindow) -> None:
    live = live_of(spelling)
    first = next(f for f in live.findings() if f.range.ref.field is Field.TEXT)
    live.ignore(first, here=True)
    settle(qtbot, live)
    assert flagged(live).count("recieve") == 3  # headline, byline, the second in the body
    assert spelling.article.ignores == live.ignores()


# -- the dictionary and the style book ------------------------------------------------------


def test_add_to_dictionary_saves_the_word_and_it_is_no_longer_flagged(
    qtbot: QtBot, spelling: MainWindow, workspace: Workspace
) -> None:
    live = live_of(spelling)
    if not [f for f in live.findings() if f.family == "spelling"]:
        pytest.skip("no spelling dictionary on this machine")
    menu = live.hooks.menu_at(spelling.editor, point_of(spelling.editor, "recieve"))
    (add,) = [action for action in menu.actions() if action.text() == "Add to Dictionary"]
    add.trigger()
    settle(qtbot, live)
    assert "recieve" not in flagged(live) and "recieved" in flagged(live)
    words = workspace.personal_dictionary.read_text(encoding="utf-8").split()
    assert words == ["recieve"]


def test_add_to_style_book_opens_the_entry_filled_in_and_adds_it(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    live = live_of(window)
    dialog = live.add_to_stylebook(found(live, "Brunthaler"))
    assert isinstance(dialog, StyleBookEntryDialog) and dialog.isVisible()
    assert dialog.canonical_field.text() == "Brunnthaler"
    assert dialog.wrong_field.values() == ["Brunthaler"]
    dialog.canonical_field.setText("Ilse Brunnthaler")
    dialog.buttons.button(dialog.buttons.StandardButton.Ok).click()
    assert workspace.library is not None
    entry = StyleBookEntry("Ilse Brunnthaler", EntryKind.PERSON, wrong=("Brunthaler",))
    assert workspace.library.stylebook_entries() == [entry]
    settle(qtbot, live)
    assert "Brunthaler" in flagged(live)  # now flagged by the book, and still fixable
    assert found(live, "Brunthaler").suggestions[0].endswith("Brunnthaler")


def test_a_real_word_slip_is_not_offered_as_a_known_wrong_spelling(window: MainWindow) -> None:
    """ "Went" (for Wendt) in the book would flag "Went" wherever it starts a sentence."""
    live = live_of(window)
    went = found(live, "Went")
    dialog = live.add_to_stylebook(went)
    assert isinstance(dialog, StyleBookEntryDialog)
    assert dialog.canonical_field.text() == went.suggestions[0]
    assert dialog.wrong_field.values() == []
    dialog.reject()


def test_add_to_style_book_without_a_library_says_so(qtbot: QtBot, tmp_path: Path) -> None:
    bare = Workspace(tmp_path / "config", tmp_path / "state", library_problem="none here")
    window = open_checked(qtbot, bare, sample_article().article)
    live = live_of(window)
    assert live.add_to_stylebook(found(live, "Brunthaler")) is None
    assert "library" in window.statusBar().currentMessage()


def test_reload_stylebook_checks_against_the_library_book(
    qtbot: QtBot, window: MainWindow, workspace: Workspace
) -> None:
    assert workspace.library is not None
    wrong = StyleBookEntry("Regensberg", EntryKind.PLACE, wrong=("Regensburg",))
    workspace.library.add_stylebook_entry(wrong)
    live = live_of(window)
    live.reload_stylebook()
    settle(qtbot, live, lambda: "Regensburg" in flagged(live))
    assert found(live, "Regensburg").rule_id == "names.stylebook"


# -- the check thread -----------------------------------------------------------------------


def live_threads() -> list[threading.Thread]:
    return [t for t in threading.enumerate() if t.name.startswith(THREAD_NAME)]


def test_the_check_thread_ends_when_the_window_closes(qtbot: QtBot, window: MainWindow) -> None:
    live = live_of(window)
    before = live_threads()
    assert live.worker.running and before
    window.editor.document().setModified(False)
    assert window.close()
    assert not live.worker.running
    assert len(live_threads()) == len(before) - 1


def test_a_window_without_a_workspace_has_no_live_checks(qtbot: QtBot) -> None:
    window = open_window(qtbot, None, sample_article().article)
    assert window.live_checks is None
    assert window.article.ignores == ()


class BrokenWorkspace(Workspace):
    def build_checker(self) -> CheckerSetup:
        raise ArticleEditorError("the house style cannot be read")


def test_a_checker_that_cannot_be_built_is_reported_once(qtbot: QtBot, tmp_path: Path) -> None:
    broken = BrokenWorkspace(tmp_path / "config", tmp_path / "state")
    window = open_window(qtbot, broken, sample_article().article)
    live = live_of(window)
    settle(qtbot, live)
    assert live.findings() == ()
    assert window.statusBar().currentMessage() == (
        "The checks are off: the house style cannot be read"
    )


def test_an_article_ignore_from_the_file_applies_at_once(
    qtbot: QtBot, workspace: Workspace
) -> None:
    article = sample_article().article
    ignored = Article(article.meta, article.body, (CheckIgnore("names.variant", "Went"),))
    window = open_checked(qtbot, workspace, ignored)
    live = live_of(window)
    assert "Went" not in flagged(live) and "Brunthaler" in flagged(live)
    assert live.ignores() == ignored.ignores and not window.is_modified()


class WarningWorkspace(Workspace):
    def build_checker(self) -> CheckerSetup:
        setup = super().build_checker()
        setup.warnings.append("spelling checks are off for en-GB: no dictionary")
        return setup


def test_the_checkers_warnings_are_shown_once(qtbot: QtBot, tmp_path: Path) -> None:
    warned = WarningWorkspace(tmp_path / "config", tmp_path / "state")
    window = open_window(qtbot, warned, sample_article().article)
    live = live_of(window)
    settle(qtbot, live, lambda: bool(live.warnings()))
    assert live.warnings() == ["spelling checks are off for en-GB: no dictionary"]
    assert window.statusBar().currentMessage() == (
        "Spelling checks are off for en-GB: no dictionary"
    )
    live.check_now()
    settle(qtbot, live)
    assert len(live.warnings()) == 1
