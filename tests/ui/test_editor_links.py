"""Links in the editor: Ctrl+K through the link dialog, Ctrl+click, hover, typing after."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import QEvent, QObject, QPoint, Qt, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QHelpEvent
from PySide6.QtWidgets import QApplication, QToolTip
from pytestqt.qtbot import QtBot

from editor_app.model import Paragraph, RichText, Span
from editor_app.ui.article_editor import ArticleEditor
from editor_app.ui.link_dialog import LinkEdit
from tests.ui.editor_helpers import LINK, MARKED, editor, para, place, select_word

__all__ = ["editor"]

CTRL = Qt.KeyboardModifier.ControlModifier
OTHER = "https://example.org/timetable"


class LinkAnswers:
    """Stands in for the person at the link dialog: records what it was shown."""

    def __init__(self, answer: LinkEdit | None) -> None:
        self.answer = answer
        self.asked: list[tuple[str, str]] = []

    def __call__(self, text: str, url: str) -> LinkEdit | None:
        self.asked.append((text, url))
        return self.answer


def answer_with(
    monkeypatch: pytest.MonkeyPatch, editor: ArticleEditor, answer: LinkEdit | None
) -> LinkAnswers:
    answers = LinkAnswers(answer)
    monkeypatch.setattr(editor, "_ask_link", answers)
    return answers


def test_ctrl_k_links_the_selection(
    qtbot: QtBot, editor: ArticleEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor.set_body((para("Read the timetable today."),))
    select_word(editor, 0, "timetable")
    answers = answer_with(monkeypatch, editor, LinkEdit("timetable", OTHER))
    qtbot.keyClick(editor, Qt.Key.Key_K, CTRL)
    assert answers.asked == [("timetable", "")]
    linked = RichText((Span("Read the "), Span("timetable", link=OTHER), Span(" today.")))
    assert editor.body() == (Paragraph(linked),)
    editor.undo()
    assert editor.body() == (para("Read the timetable today."),)


def test_ctrl_k_in_a_link_edits_the_whole_link(
    qtbot: QtBot, editor: ArticleEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor.set_body((MARKED,))
    place(editor, 0, editor.document().begin().text().index("council") + 3)
    answers = answer_with(monkeypatch, editor, LinkEdit("council", OTHER))
    qtbot.keyClick(editor, Qt.Key.Key_K, CTRL)
    assert answers.asked == [("council", LINK)]
    spans = editor.body()[0].content.spans  # type: ignore[union-attr]
    assert Span("council", link=OTHER) in spans


def test_a_selection_running_past_a_link_stays_the_selection(
    editor: ArticleEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor.set_body((MARKED,))
    select_word(editor, 0, "council said")
    answers = answer_with(monkeypatch, editor, LinkEdit("council said", OTHER))
    editor.edit_link()
    assert answers.asked == [("council said", LINK)]
    spans = editor.body()[0].content.spans  # type: ignore[union-attr]
    assert Span("council said", link=OTHER) in spans


def test_the_dialog_can_change_the_words(
    editor: ArticleEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor.set_body((MARKED,))
    place(editor, 0, editor.document().begin().text().index("council"))
    answer_with(monkeypatch, editor, LinkEdit("town council", LINK))
    editor.edit_link()
    spans = editor.body()[0].content.spans  # type: ignore[union-attr]
    assert Span("town council", link=LINK) in spans


def test_remove_link(editor: ArticleEditor, monkeypatch: pytest.MonkeyPatch) -> None:
    editor.set_body((MARKED,))
    place(editor, 0, editor.document().begin().text().index("council") + 1)
    answer_with(monkeypatch, editor, LinkEdit(remove=True))
    editor.edit_link()
    assert all(span.link is None for span in editor.body()[0].content)  # type: ignore[union-attr]


def test_cancel_changes_nothing(editor: ArticleEditor, monkeypatch: pytest.MonkeyPatch) -> None:
    editor.set_body((MARKED,))
    select_word(editor, 0, "ferry")
    answer_with(monkeypatch, editor, None)
    editor.edit_link()
    assert editor.body() == (MARKED,)
    assert not editor.document().isUndoAvailable()


def test_with_no_selection_the_link_text_is_inserted(
    qtbot: QtBot, editor: ArticleEditor, monkeypatch: pytest.MonkeyPatch
) -> None:
    editor.set_body((para("See "),))
    place(editor, 0)
    answer_with(monkeypatch, editor, LinkEdit("the timetable", OTHER))
    editor.edit_link()
    qtbot.keyClicks(editor, ".")
    linked = RichText((Span("See "), Span("the timetable", link=OTHER), Span(".")))
    assert editor.body() == (Paragraph(linked),)


def test_typing_after_a_link_is_not_part_of_it(qtbot: QtBot, editor: ArticleEditor) -> None:
    editor.set_body((Paragraph(RichText((Span("See "), Span("the timetable", link=OTHER)))),))
    place(editor, 0)
    qtbot.keyClicks(editor, " today")
    linked = RichText((Span("See "), Span("the timetable", link=OTHER), Span(" today")))
    assert editor.body() == (Paragraph(linked),)


# -- opening and hovering --------------------------------------------------------------


class Browser(QObject):
    """Receives the URLs the desktop would open."""

    def __init__(self) -> None:
        super().__init__()
        self.opened: list[str] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.opened.append(url.toString())


@pytest.fixture
def browser() -> Iterator[Browser]:
    receiver = Browser()
    for scheme in ("http", "https", "mailto", "file"):
        QDesktopServices.setUrlHandler(scheme, receiver, "open")  # type: ignore[arg-type]
    yield receiver
    for scheme in ("http", "https", "mailto", "file"):
        QDesktopServices.unsetUrlHandler(scheme)


def link_point(editor: ArticleEditor, word: str) -> QPoint:
    """The viewport point in the middle of the first character of ``word``."""
    cursor = editor.textCursor()
    cursor.setPosition(editor.document().begin().text().index(word) + 1)
    return editor.cursorRect(cursor).center()


@pytest.mark.parametrize(
    ("target", "opened"),
    [
        (LINK, [LINK]),
        ("mailto:desk@example.org", ["mailto:desk@example.org"]),
        ("/news/ferries", []),
        ("file:///etc/passwd", []),
    ],
)
def test_ctrl_click_opens_web_and_mail_links_only(
    qtbot: QtBot, editor: ArticleEditor, browser: Browser, target: str, opened: list[str]
) -> None:
    editor.set_body((Paragraph(RichText((Span("Ask the "), Span("council", link=target)))),))
    qtbot.mouseClick(
        editor.viewport(), Qt.MouseButton.LeftButton, CTRL, link_point(editor, "council")
    )
    assert browser.opened == opened


def test_a_plain_click_on_a_link_only_places_the_cursor(
    qtbot: QtBot, editor: ArticleEditor, browser: Browser
) -> None:
    editor.set_body((MARKED,))
    qtbot.mouseClick(
        editor.viewport(), Qt.MouseButton.LeftButton, pos=link_point(editor, "council")
    )
    assert browser.opened == []
    assert editor.textCursor().block().text()[editor.textCursor().positionInBlock()] in "council"


def test_hovering_a_link_shows_its_target(qtbot: QtBot, editor: ArticleEditor) -> None:
    editor.set_body((MARKED,))
    point = link_point(editor, "council")
    event = QHelpEvent(QEvent.Type.ToolTip, point, editor.viewport().mapToGlobal(point))
    QApplication.sendEvent(editor.viewport(), event)
    qtbot.waitUntil(QToolTip.isVisible)
    assert QToolTip.text() == f"{LINK}\nCtrl+click to open"
    QToolTip.hideText()
