"""Writing an article in the real window with the keyboard, as a reporter would.

Each test types into the header fields and the body, presses the shortcuts,
and checks the model the window would save: ``window.article``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QGuiApplication, QTextCursor
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from editor_app.app import build_main_window, open_startup_article
from editor_app.importers import ImportResult
from editor_app.model import (
    Article,
    BlockQuote,
    Metadata,
    Paragraph,
    PullQuote,
    RichText,
    Span,
    jsonformat,
)
from editor_app.settings import SETTINGS_FILE_NAME, Settings
from editor_app.ui.main_window import MainWindow
from tests.ui.window_helpers import keep

Ctrl = Qt.KeyboardModifier.ControlModifier
Shift = Qt.KeyboardModifier.ShiftModifier
NoMod = Qt.KeyboardModifier.NoModifier
Key = Qt.Key


def plain(text: str) -> RichText:
    return RichText.plain_text(text)


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "config" / SETTINGS_FILE_NAME


def active_window(qtbot: QtBot, window: MainWindow) -> MainWindow:
    keep(qtbot, window)
    window.show()
    with qtbot.waitActive(window):
        window.activateWindow()
    return window


@pytest.fixture
def window(qtbot: QtBot, settings_file: Path) -> Iterator[MainWindow]:
    """A window on a new, empty article, active, ready for the keyboard."""
    built = build_main_window(open_startup_article(None, Settings()), settings_file)
    active_window(qtbot, built)
    built.show_result(ImportResult(Article()), None)
    yield built
    built.editor.document().setModified(False)
    built.panel.mark_saved()


def focus(qtbot: QtBot, widget: QWidget) -> None:
    widget.setFocus(Qt.FocusReason.OtherFocusReason)
    qtbot.waitUntil(widget.hasFocus)


def press(
    qtbot: QtBot, window: MainWindow, key: Key, modifiers: Qt.KeyboardModifier = NoMod
) -> None:
    target = QApplication.focusWidget() or window
    qtbot.keyClick(target, key, modifiers)


def type_text(qtbot: QtBot, text: str) -> None:
    target = QApplication.focusWidget()
    assert target is not None
    qtbot.keyClicks(target, text)


def show_body(window: MainWindow, *paragraphs: str) -> None:
    window.show_result(
        ImportResult(
            Article(Metadata(headline="Ferry"), tuple(Paragraph(plain(p)) for p in paragraphs))
        ),
        None,
    )


# -- writing a whole article ------------------------------------------------------------


def test_write_format_quote_paste_undo_save_and_reopen(
    window: MainWindow,
    qtbot: QtBot,
    tmp_path: Path,
    settings_file: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    focus(qtbot, window.panel.headline)
    type_text(qtbot, "Harbour ferry returns")
    press(qtbot, window, Key.Key_Return)  # on to the standfirst
    type_text(qtbot, "It sails again on Monday.")
    assert window.windowTitle() == "• Harbour ferry returns — Article Editor"

    focus(qtbot, window.editor)
    type_text(qtbot, "The ferry sails again.")
    press(qtbot, window, Key.Key_Home)
    for _ in range(4):
        press(qtbot, window, Key.Key_Right)
    for _ in range(5):
        press(qtbot, window, Key.Key_Right, Shift)
    press(qtbot, window, Key.Key_B, Ctrl)
    press(qtbot, window, Key.Key_End)

    press(qtbot, window, Key.Key_Return)
    type_text(qtbot, "We kept the benches.")
    press(qtbot, window, Key.Key_Q, Ctrl | Shift)  # blockquote
    press(qtbot, window, Key.Key_A, Ctrl | Shift)  # its attribution line
    type_text(qtbot, "Ana Fielding")
    press(qtbot, window, Key.Key_Return)  # a plain paragraph after the quote
    type_text(qtbot, "Benches stay")
    press(qtbot, window, Key.Key_P, Ctrl | Shift)  # pull quote ...
    press(qtbot, window, Key.Key_P, Ctrl | Shift)  # ... and back to a paragraph
    assert window.article.body[-1] == Paragraph(plain("Benches stay"))
    press(qtbot, window, Key.Key_P, Ctrl | Shift)
    press(qtbot, window, Key.Key_A, Ctrl | Shift)
    type_text(qtbot, "Ana Fielding")
    press(qtbot, window, Key.Key_Return)

    expected_body = (
        Paragraph(RichText((Span("The "), Span("ferry", bold=True), Span(" sails again.")))),
        BlockQuote(plain("We kept the benches."), plain("Ana Fielding")),
        PullQuote(plain("Benches stay"), plain("Ana Fielding")),
    )
    assert window.article.body[:3] == expected_body

    clipboard = QMimeData()
    clipboard.setHtml(
        "<p>Pasted <b>bold</b> words</p><script>track()</script>"
        '<img src="https://t.example/pixel.gif" width="1" height="1">'
    )
    clipboard.setText("Pasted bold words")
    QGuiApplication.clipboard().setMimeData(clipboard)
    press(qtbot, window, Key.Key_V, Ctrl)
    pasted = Paragraph(RichText((Span("Pasted "), Span("bold", bold=True), Span(" words"))))
    assert pasted in window.article.body
    assert window.statusBar().currentMessage().startswith("Pasted")
    press(qtbot, window, Key.Key_Z, Ctrl)  # the paste is one undo step
    assert pasted not in window.article.body
    assert window.article.body[:3] == expected_body

    target = tmp_path / "ferry.article.json"
    monkeypatch.setattr(window, "ask_save_path", lambda: target)
    press(qtbot, window, Key.Key_S, Ctrl)
    assert not window.is_modified()
    saved = jsonformat.loads(target.read_text(encoding="utf-8"))
    assert saved == window.article
    assert saved.meta.headline == "Harbour ferry returns"
    assert saved.meta.standfirst == "It sails again on Monday."

    reopened = build_main_window(open_startup_article(target, Settings()), settings_file)
    keep(qtbot, reopened)
    assert reopened.article == saved
    assert reopened.editor.body()[:3] == expected_body


@pytest.mark.parametrize(
    ("keys", "kind"),
    [
        ((Key.Key_2, Ctrl), "Heading"),
        ((Key.Key_8, Ctrl | Shift), "ListBlock"),
        ((Key.Key_K, Ctrl | Shift), "CodeBlock"),
        ((Key.Key_Apostrophe, Ctrl), "BlockQuote"),
    ],
)
def test_block_shortcuts(
    window: MainWindow, qtbot: QtBot, keys: tuple[Key, Qt.KeyboardModifier], kind: str
) -> None:
    show_body(window, "Sailings every hour")
    focus(qtbot, window.editor)
    press(qtbot, window, *keys)
    assert type(window.article.body[0]).__name__ == kind
    press(qtbot, window, Key.Key_0, Ctrl)  # back to a paragraph
    assert window.article.body == (Paragraph(plain("Sailings every hour")),)


@pytest.mark.parametrize(
    ("key", "kind"), [(Key.Key_Q, BlockQuote), (Key.Key_P, PullQuote)], ids=["quote", "pull"]
)
def test_the_quote_shortcuts_insert_and_remove_the_quote(
    window: MainWindow, qtbot: QtBot, key: Key, kind: type
) -> None:
    show_body(window, "We kept the benches.")
    focus(qtbot, window.editor)
    press(qtbot, window, key, Ctrl | Shift)
    assert window.article.body == (kind(plain("We kept the benches.")),)
    press(qtbot, window, key, Ctrl | Shift)
    assert window.article.body == (Paragraph(plain("We kept the benches.")),)


def test_italic_and_inline_code_shortcuts(window: MainWindow, qtbot: QtBot) -> None:
    show_body(window, "Solent Star")
    focus(qtbot, window.editor)
    press(qtbot, window, Key.Key_End, Shift)
    press(qtbot, window, Key.Key_I, Ctrl)
    assert window.article.body == (Paragraph(RichText((Span("Solent Star", italic=True),))),)
    press(qtbot, window, Key.Key_QuoteLeft, Ctrl)
    (span,) = window.article.body[0].content.spans  # type: ignore[union-attr]
    assert span.code


def test_a_rule_from_the_keyboard(window: MainWindow, qtbot: QtBot) -> None:
    show_body(window, "Above")
    focus(qtbot, window.editor)
    press(qtbot, window, Key.Key_End)
    press(qtbot, window, Key.Key_H, Ctrl | Shift)
    assert [type(block).__name__ for block in window.article.body][:2] == [
        "Paragraph",
        "HorizontalRule",
    ]


def test_formatting_is_off_while_typing_in_the_header(window: MainWindow, qtbot: QtBot) -> None:
    focus(qtbot, window.panel.headline)
    assert not window.commands["bold"].isEnabled()
    focus(qtbot, window.editor)
    assert window.commands["bold"].isEnabled()


def test_undo_in_the_menu_undoes_the_field_with_the_focus(window: MainWindow, qtbot: QtBot) -> None:
    focus(qtbot, window.panel.byline)
    type_text(qtbot, "Tomas Reyes")
    window.commands["undo"].trigger()
    assert window.panel.byline.text() == ""
    focus(qtbot, window.editor)
    type_text(qtbot, "Body")
    window.commands["undo"].trigger()
    assert window.article.body == ()
    assert window.panel.byline.text() == ""


# -- the status bar -------------------------------------------------------------------------


def test_counts_follow_typing_and_the_selection(window: MainWindow, qtbot: QtBot) -> None:
    focus(qtbot, window.editor)
    type_text(qtbot, "One two three four five")
    qtbot.waitUntil(lambda: window.counts.counts_label.text() == "5 words · 23 characters")
    assert window.counts.reading_label.text() == "1 min read"
    assert window.counts.target_label.text() == "5 / 800 words"
    press(qtbot, window, Key.Key_Left, Ctrl | Shift)
    press(qtbot, window, Key.Key_Left, Ctrl | Shift)
    qtbot.waitUntil(
        lambda: window.counts.counts_label.text() == "2 of 5 words selected · 9 characters"
    )


def test_counts_wait_for_a_pause(window: MainWindow, qtbot: QtBot) -> None:
    focus(qtbot, window.editor)
    type_text(qtbot, "One two")
    window.counts.refresh()
    type_text(qtbot, " three")
    assert window.counts.counts_label.text().startswith("2 words")  # not yet: still typing
    qtbot.waitUntil(lambda: window.counts.counts_label.text().startswith("3 words"), timeout=500)


def test_code_blocks_are_not_counted(window: MainWindow, qtbot: QtBot) -> None:
    show_body(window, "Two words", "print('not prose at all')")
    focus(qtbot, window.editor)
    press(qtbot, window, Key.Key_End, Ctrl)
    press(qtbot, window, Key.Key_K, Ctrl | Shift)
    window.counts.refresh()
    assert window.counts.total.words == window.article.word_count() == 2


# -- find and replace, zoom, distraction-free ----------------------------------------------


def test_find_and_replace_through_the_shortcuts(window: MainWindow, qtbot: QtBot) -> None:
    show_body(window, "The 🚢 ferry and the ferry.", "Another ferry 🚢 here.")
    focus(qtbot, window.editor)
    press(qtbot, window, Key.Key_F, Ctrl)
    assert window.find_bar.isVisible()
    assert not window.find_bar.replacing
    type_text(qtbot, "ferry")
    cursor = window.editor.textCursor()
    assert (cursor.selectedText(), cursor.selectionStart()) == ("ferry", 7)
    press(qtbot, window, Key.Key_F3)
    assert window.editor.textCursor().selectionStart() == 21
    press(qtbot, window, Key.Key_F3, Shift)
    assert window.editor.textCursor().selectionStart() == 7
    press(qtbot, window, Key.Key_H, Ctrl)
    assert window.find_bar.replacing
    window.find_bar.replace_field.setText("boat")
    window.find_bar.replace_all_button.click()
    assert window.article.body == (
        Paragraph(plain("The 🚢 boat and the boat.")),
        Paragraph(plain("Another boat 🚢 here.")),
    )
    assert window.statusBar().currentMessage() == "Replaced 3 matches"
    focus(qtbot, window.editor)
    press(qtbot, window, Key.Key_Z, Ctrl)
    assert window.article.body == (
        Paragraph(plain("The 🚢 ferry and the ferry.")),
        Paragraph(plain("Another ferry 🚢 here.")),
    )


def test_a_bad_regex_in_the_window_is_a_message(window: MainWindow, qtbot: QtBot) -> None:
    show_body(window, "Ferry")
    focus(qtbot, window.editor)
    press(qtbot, window, Key.Key_H, Ctrl)
    window.find_bar.regex_button.setChecked(True)
    type_text(qtbot, "[unclosed")
    assert window.find_bar.info_label.text().startswith("Not a valid regular expression")
    assert window.find_bar.replace_all() == 0
    assert window.article.body == (Paragraph(plain("Ferry")),)


def test_zoom_from_the_keyboard(window: MainWindow, qtbot: QtBot) -> None:
    focus(qtbot, window.editor)
    before = window.editor.font().pointSizeF()
    press(qtbot, window, Key.Key_Equal, Ctrl)
    assert window.editor.font().pointSizeF() > before
    assert window.settings.zoom == 1
    press(qtbot, window, Key.Key_0, Ctrl | Qt.KeyboardModifier.AltModifier)
    assert window.editor.font().pointSizeF() == pytest.approx(before)


def test_distraction_free_from_f11_and_back_with_escape(window: MainWindow, qtbot: QtBot) -> None:
    focus(qtbot, window.editor)
    press(qtbot, window, Key.Key_F11)
    assert window.isFullScreen()
    assert not window.menuBar().isVisible()
    type_text(qtbot, "Still typing")
    press(qtbot, window, Key.Key_Escape)
    assert not window.isFullScreen()
    assert window.menuBar().isVisible()
    assert window.article.body == (Paragraph(plain("Still typing")),)


def test_the_text_cursor_lands_on_the_right_letters_after_an_emoji(
    window: MainWindow, qtbot: QtBot
) -> None:
    show_body(window, "🚢🚢 Solent Star")
    focus(qtbot, window.editor)
    press(qtbot, window, Key.Key_F, Ctrl)
    type_text(qtbot, "Solent")
    focus(qtbot, window.editor)
    press(qtbot, window, Key.Key_B, Ctrl)
    assert window.article.body == (
        Paragraph(RichText((Span("🚢🚢 "), Span("Solent", bold=True), Span(" Star")))),
    )
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
