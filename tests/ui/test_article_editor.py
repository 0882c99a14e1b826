"""The article editor, driven with keys like a person would (offscreen): Enter,
Backspace, marks, block commands, undo grouping, the UTF-16 trap, speed."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QLineEdit, QVBoxLayout, QWidget
from pytestqt.qtbot import QtBot

from editor_app.assets import sample_article_text
from editor_app.model import (
    Block,
    Field,
    HorizontalRule,
    ListBlock,
    Paragraph,
    RichText,
    Span,
    TextRange,
    TextRef,
    jsonformat,
)
from editor_app.ui.article_editor import ArticleEditor
from editor_app.ui.block_styles import BlockKind
from tests.ui.editor_helpers import (
    MARKED,
    bullets,
    code,
    editor,
    heading,
    para,
    place,
    pull,
    quote,
    select_word,
    text,
)

__all__ = ["editor"]  # the fixture, imported for pytest

Key = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def test_set_body_shows_the_model_with_nothing_to_undo(editor: ArticleEditor) -> None:
    sample = jsonformat.loads(sample_article_text()).body
    editor.set_body(sample)
    assert editor.body() == sample
    assert not editor.document().isModified()
    assert not editor.document().isUndoAvailable()


def test_typing_changes_the_body_and_says_so(qtbot: QtBot, editor: ArticleEditor) -> None:
    editor.set_body((para("Ferries"),))
    place(editor, 0)
    with qtbot.waitSignal(editor.body_changed):
        qtbot.keyClicks(editor, " run late")
    assert editor.body() == (para("Ferries run late"),)
    assert editor.document().isModified()


# -- Enter -----------------------------------------------------------------------------


def test_enter_after_a_pull_quote_starts_a_plain_paragraph(
    qtbot: QtBot, editor: ArticleEditor
) -> None:
    editor.set_body((para("Lead."), pull("We kept the benches", "Ana Ruiz")))
    place(editor, 1)
    qtbot.keyClicks(editor, ".")
    qtbot.keyClick(editor, Key.Key_Return)
    qtbot.keyClicks(editor, "The next paragraph.")
    assert editor.body() == (
        para("Lead."),
        pull("We kept the benches.", "Ana Ruiz"),
        para("The next paragraph."),
    )


@pytest.mark.parametrize(
    ("body", "block", "expected"),
    [
        ((heading("Ferries"),), 0, (heading("Ferries"), para("Typed"))),
        ((quote("Said."),), 0, (quote("Said."), para("Typed"))),
        ((quote("Said.", "Dev"),), 1, (quote("Said.", "Dev"), para("Typed"))),
        ((pull("Big words", "Dev"),), 2 - 1, (pull("Big words", "Dev"), para("Typed"))),
        ((pull("Big words"), para("Next")), 0, (pull("Big words"), para("Typed"), para("Next"))),
    ],
    ids=["heading", "quote", "attribution", "pull-attribution", "pull-without-attribution"],
)
def test_enter_at_the_end_leaves_the_block(
    qtbot: QtBot,
    editor: ArticleEditor,
    body: tuple[Block, ...],
    block: int,
    expected: tuple[Block, ...],
) -> None:
    editor.set_body(body)
    place(editor, block)
    qtbot.keyClick(editor, Key.Key_Return)
    qtbot.keyClicks(editor, "Typed")
    assert editor.body() == expected


def test_enter_at_the_start_of_a_heading_pushes_it_down(
    qtbot: QtBot, editor: ArticleEditor
) -> None:
    editor.set_body((heading("Ferries"),))
    place(editor, 0, 0)
    qtbot.keyClick(editor, Key.Key_Return)
    assert editor.body() == (para(""), heading("Ferries"))


def test_enter_in_an_empty_list_item_ends_the_list(qtbot: QtBot, editor: ArticleEditor) -> None:
    editor.set_body((bullets("tickets"),))
    place(editor, 0)
    qtbot.keyClick(editor, Key.Key_Return)
    qtbot.keyClicks(editor, "timetable")
    qtbot.keyClick(editor, Key.Key_Return)
    qtbot.keyClick(editor, Key.Key_Return)
    qtbot.keyClicks(editor, "After the list.")
    assert editor.body() == (bullets("tickets", "timetable"), para("After the list."))


def test_enter_in_code_adds_a_code_line(qtbot: QtBot, editor: ArticleEditor) -> None:
    editor.set_body((code("x = 1", "python"),))
    place(editor, 0)
    qtbot.keyClick(editor, Key.Key_Return)
    qtbot.keyClicks(editor, "y = 2")
    assert editor.body() == (code("x = 1\ny = 2", "python"),)


def test_ctrl_enter_leaves_a_code_block(qtbot: QtBot, editor: ArticleEditor) -> None:
    editor.set_body((code("x = 1\ny = 2"),))
    place(editor, 0)
    qtbot.keyClick(editor, Key.Key_Return, CTRL)
    qtbot.keyClicks(editor, "Prose again.")
    assert editor.body() == (code("x = 1\ny = 2"), para("Prose again."))


def test_shift_enter_is_a_line_break(qtbot: QtBot, editor: ArticleEditor) -> None:
    editor.set_body((pull("Not here"),))
    place(editor, 0)
    qtbot.keyClick(editor, Key.Key_Return, SHIFT)
    qtbot.keyClicks(editor, "not now")
    assert editor.body() == (pull("Not here\nnot now"),)


def test_enter_in_a_paragraph_splits_it(qtbot: QtBot, editor: ArticleEditor) -> None:
    editor.set_body((para("OneTwo"),))
    place(editor, 0, 3)
    qtbot.keyClick(editor, Key.Key_Return)
    assert editor.body() == (para("One"), para("Two"))


# -- Backspace and Delete --------------------------------------------------------------


@pytest.mark.parametrize(
    ("body", "block", "expected"),
    [
        ((para("A"), heading("Ferries")), 1, (para("A"), para("Ferries"))),
        ((quote("Said.", "Dev"),), 0, (para("Said."), para("Dev"))),
        ((pull("Big"),), 0, (para("Big"),)),
        ((quote("Said.", "Dev"),), 1, (quote("Said."), para("Dev"))),
        ((bullets("one", "two"),), 1, (bullets("one"), para("two"))),
        ((code("x = 1\ny"),), 0, (para("x = 1"), code("y"))),
    ],
    ids=["heading", "quote", "pull-quote", "attribution", "list-item", "code-first-line"],
)
def test_backspace_at_the_start_unstyles_in_one_step(
    qtbot: QtBot,
    editor: ArticleEditor,
    body: tuple[Block, ...],
    block: int,
    expected: tuple[Block, ...],
) -> None:
    editor.set_body(body)
    place(editor, block, 0)
    qtbot.keyClick(editor, Key.Key_Backspace)
    assert editor.body() == expected
    editor.undo()
    assert editor.body() == body


def test_backspace_in_a_paragraph_joins_it_to_the_one_before(
    qtbot: QtBot, editor: ArticleEditor
) -> None:
    editor.set_body((para("One"), para("Two")))
    place(editor, 1, 0)
    qtbot.keyClick(editor, Key.Key_Backspace)
    assert editor.body() == (para("OneTwo"),)


@pytest.mark.parametrize(
    ("key", "block", "offset"),
    [(Key.Key_Backspace, 2, 0), (Key.Key_Delete, 0, None), (Key.Key_Backspace, 1, 0)],
    ids=["backspace-after", "delete-before", "backspace-on-rule"],
)
def test_keys_next_to_a_rule_remove_it(
    qtbot: QtBot, editor: ArticleEditor, key: Key, block: int, offset: int | None
) -> None:
    editor.set_body((para("Above"), HorizontalRule(), para("Below")))
    place(editor, block, offset)
    qtbot.keyClick(editor, key)
    assert editor.body() == (para("Above"), para("Below"))


def test_typing_on_a_rule_starts_a_paragraph_after_it(qtbot: QtBot, editor: ArticleEditor) -> None:
    editor.set_body((HorizontalRule(),))
    place(editor, 0)
    qtbot.keyClicks(editor, "After")
    assert editor.body() == (HorizontalRule(), para("After"))


# -- inline marks ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("key", "mark"),
    [(Key.Key_B, "bold"), (Key.Key_I, "italic"), (Key.Key_QuoteLeft, "code")],
)
def test_mark_keys_toggle_the_selection(
    qtbot: QtBot, editor: ArticleEditor, key: Key, mark: str
) -> None:
    editor.set_body((para("The night ferry"),))
    select_word(editor, 0, "night")
    qtbot.keyClick(editor, key, CTRL)
    marked = RichText((Span("The "), Span("night", **{mark: True}), Span(" ferry")))
    assert editor.body() == (Paragraph(marked),)
    qtbot.keyClick(editor, key, CTRL)
    assert editor.body() == (para("The night ferry"),)


def test_a_partly_bold_selection_becomes_all_bold(qtbot: QtBot, editor: ArticleEditor) -> None:
    editor.set_body((MARKED,))
    select_word(editor, 0, "The night")
    qtbot.keyClick(editor, Key.Key_B, CTRL)
    assert editor.body()[0].content.spans[0] == Span("The night", bold=True)  # type: ignore[union-attr]


def test_bold_with_no_selection_applies_to_what_is_typed(
    qtbot: QtBot, editor: ArticleEditor
) -> None:
    editor.set_body((para("Ferries "),))
    place(editor, 0)
    qtbot.keyClick(editor, Key.Key_B, CTRL)
    qtbot.keyClicks(editor, "late")
    assert editor.body() == (Paragraph(RichText((Span("Ferries "), Span("late", bold=True)))),)


def test_bold_inside_a_heading_is_a_mark_not_its_type(qtbot: QtBot, editor: ArticleEditor) -> None:
    editor.set_body((heading("Night ferries"),))
    select_word(editor, 0, "Night")
    qtbot.keyClick(editor, Key.Key_B, CTRL)
    expected = heading("x").__class__(RichText((Span("Night", bold=True), Span(" ferries"))))
    assert editor.body() == (expected,)


# -- block commands --------------------------------------------------------------------

BLOCK_COMMANDS = {
    "heading-3": lambda e: e.set_block(BlockKind.HEADING, level=3),
    "bulleted": lambda e: e.set_block(BlockKind.LIST_ITEM),
    "numbered": lambda e: e.set_block(BlockKind.LIST_ITEM, ordered=True),
    "code": lambda e: e.set_block(BlockKind.CODE),
    "blockquote": ArticleEditor.toggle_blockquote,
    "pullquote": ArticleEditor.toggle_pullquote,
    "rule": ArticleEditor.insert_rule,
    "bold": ArticleEditor.toggle_bold,
    "italic": ArticleEditor.toggle_italic,
    "inline-code": ArticleEditor.toggle_code,
}
EXPECTED_AFTER = {
    "heading-3": (para("Lead."), heading("Ferries run late", 3)),
    "bulleted": (para("Lead."), bullets("Ferries run late")),
    "numbered": (para("Lead."), ListBlock((text("Ferries run late"),), ordered=True)),
    "code": (para("Lead."), code("Ferries run late")),
    "blockquote": (para("Lead."), quote("Ferries run late")),
    "pullquote": (para("Lead."), pull("Ferries run late")),
    "rule": (para("Lead."), para("Ferries"), HorizontalRule(), para(" run late")),
    "bold": (para("Lead."), Paragraph(RichText((Span("Ferries", bold=True), Span(" run late"))))),
    "italic": (
        para("Lead."),
        Paragraph(RichText((Span("Ferries", italic=True), Span(" run late")))),
    ),
    "inline-code": (
        para("Lead."),
        Paragraph(RichText((Span("Ferries", code=True), Span(" run late")))),
    ),
}


@pytest.mark.parametrize("name", BLOCK_COMMANDS)
def test_each_command_is_one_undo_step(editor: ArticleEditor, name: str) -> None:
    original = (para("Lead."), para("Ferries run late"))
    editor.set_body(original)
    select_word(editor, 1, "Ferries")
    if name == "rule":
        place(editor, 1, len("Ferries"))
    BLOCK_COMMANDS[name](editor)
    assert editor.body() == EXPECTED_AFTER[name]
    editor.undo()
    assert editor.body() == original
    editor.redo()
    assert editor.body() == EXPECTED_AFTER[name]


def test_blockquote_toggles_off_with_its_attribution(editor: ArticleEditor) -> None:
    editor.set_body((quote("Said.", "Dev"),))
    place(editor, 0)
    editor.toggle_blockquote()
    assert editor.body() == (para("Said."), para("Dev"))


def test_pull_quote_to_blockquote_keeps_the_attribution(editor: ArticleEditor) -> None:
    editor.set_body((pull("Said.", "Dev"),))
    place(editor, 0)
    editor.toggle_blockquote()
    assert editor.body() == (quote("Said.", "Dev"),)


def test_add_attribution_makes_the_line_and_goes_there(qtbot: QtBot, editor: ArticleEditor) -> None:
    editor.set_body((pull("Big words"), para("Next")))
    place(editor, 0, 2)
    editor.add_attribution()
    qtbot.keyClicks(editor, "Ana Ruiz")
    assert editor.body() == (pull("Big words", "Ana Ruiz"), para("Next"))
    editor.undo()
    editor.undo()
    assert editor.body() == (pull("Big words"), para("Next"))


def test_add_attribution_goes_to_an_existing_one(qtbot: QtBot, editor: ArticleEditor) -> None:
    editor.set_body((quote("Said.", "Dev"),))
    place(editor, 0, 0)
    editor.add_attribution()
    qtbot.keyClicks(editor, " Rana")
    assert editor.body() == (quote("Said.", "Dev Rana"),)


def test_a_paragraph_after_a_quote_becomes_its_attribution(editor: ArticleEditor) -> None:
    editor.set_body((quote("Said."), para("Dev Rana")))
    place(editor, 1)
    editor.add_attribution()
    assert editor.body() == (quote("Said.", "Dev Rana"),)


def test_add_attribution_away_from_quotes_does_nothing(editor: ArticleEditor) -> None:
    editor.set_body((para("Prose."),))
    place(editor, 0)
    editor.add_attribution()
    assert editor.body() == (para("Prose."),)
    assert not editor.document().isUndoAvailable()


# -- undo and redo ---------------------------------------------------------------------


def test_undo_walks_back_through_a_session_and_redo_forward(
    qtbot: QtBot, editor: ArticleEditor
) -> None:
    original = (para("Lead."),)
    editor.set_body(original)
    states = [editor.body()]

    def step() -> None:
        states.append(editor.body())

    place(editor, 0)
    qtbot.keyClick(editor, Key.Key_Return)
    step()
    qtbot.keyClicks(editor, "We kept the benches.")
    step()
    select_word(editor, 1, "benches")
    qtbot.keyClick(editor, Key.Key_B, CTRL)
    step()
    editor.toggle_pullquote()
    step()
    editor.toggle_pullquote()
    step()
    select_word(editor, 1, "We kept")
    editor.copy()
    place(editor, 0)
    editor.paste()
    step()
    assert editor.body()[0] == para("Lead.We kept")

    for expected in reversed(states[:-1]):
        editor.undo()
        assert editor.body() == expected
    assert editor.body() == original
    assert not editor.document().isUndoAvailable()
    for expected in states[1:]:
        editor.redo()
        assert editor.body() == expected


# -- positions: the UTF-16 trap --------------------------------------------------------


@pytest.mark.parametrize("before", ["🚢 ", "🚢🎉 ", "naïve 👩‍👩‍👧 "])
def test_model_range_after_an_emoji_marks_exactly_the_word(
    editor: ArticleEditor, before: str
) -> None:
    editor.set_body((para(f"{before}ferry returns"),))
    start = len(before)
    assert editor.select_text_range(TextRange(TextRef(Field.TEXT, 0), start, start + 5))
    editor.toggle_bold()
    marked = RichText((Span(before), Span("ferry", bold=True), Span(" returns")))
    assert editor.body() == (Paragraph(marked),)


def test_a_range_the_body_does_not_have_is_refused(editor: ArticleEditor) -> None:
    editor.set_body((para("Short"),))
    assert not editor.select_text_range(TextRange(TextRef(Field.TEXT, 3), 0, 1))


# -- focus, theme, speed ---------------------------------------------------------------


def test_tab_moves_on_except_in_code(qtbot: QtBot) -> None:
    window = QWidget()
    qtbot.addWidget(window)
    layout = QVBoxLayout(window)
    article = ArticleEditor()
    after = QLineEdit()
    layout.addWidget(article)
    layout.addWidget(after)
    window.show()
    qtbot.waitExposed(window)
    article.set_body((para("Prose"), code("if x:")))
    article.setFocus()
    place(article, 1)
    qtbot.keyClick(article, Key.Key_Tab)
    assert article.body() == (para("Prose"), code("if x:\t"))
    place(article, 0)
    qtbot.keyClick(article, Key.Key_Tab)
    assert window.focusWidget() is after


def test_a_theme_change_keeps_the_text_and_its_undo(qtbot: QtBot, editor: ArticleEditor) -> None:
    editor.set_body((para("Ferries"),))
    place(editor, 0)
    qtbot.keyClicks(editor, " late")
    palette = editor.palette()
    palette.setColor(QPalette.ColorRole.Base, Qt.GlobalColor.black)
    palette.setColor(QPalette.ColorRole.Text, Qt.GlobalColor.white)
    editor.setPalette(palette)
    assert editor.styles.dark
    assert editor.body() == (para("Ferries late"),)
    editor.undo()
    assert editor.body() == (para("Ferries"),)


def test_keystrokes_stay_fast_in_a_long_article(qtbot: QtBot, editor: ArticleEditor) -> None:
    words = "The ferry left the harbour at dawn with forty passengers aboard. "
    long_body = tuple(para(words * 10) for _ in range(200))  # 22,000 words
    editor.set_body(long_body)
    place(editor, 100)
    editor.body()
    started = time.perf_counter()
    for _ in range(20):
        qtbot.keyClick(editor, Key.Key_X)
        editor.body()
    per_key = (time.perf_counter() - started) / 20
    assert per_key < 0.05, f"{per_key * 1000:.1f} ms a keystroke"
    assert editor.body()[100] == para(words * 10 + "x" * 20)
