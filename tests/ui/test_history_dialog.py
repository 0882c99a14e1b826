"""File → History…: the revisions of a library article, compared, and restored."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from editor_app.model import Article, Metadata, Paragraph, RichText
from editor_app.ui.history_dialog import CURRENT, HistoryDialog, open_history
from editor_app.ui.main_window import MainWindow
from editor_app.workspace import Workspace
from tests.ui.window_helpers import library_of, open_window


def story(headline: str, *paragraphs: str) -> Article:
    body = tuple(Paragraph(RichText.plain_text(text)) for text in paragraphs)
    return Article(Metadata(headline=headline), body)


FIRST = story("Bridge closes", "The bridge closes on Monday.")
SECOND = story("Bridge closes", "The bridge closes on Tuesday.", "Buses will replace trams.")
THIRD = story("Bridge closes for repairs", "The bridge closes on Tuesday.", "Buses run.")


@pytest.fixture
def article_id(workspace: Workspace) -> int:
    """An article with two revisions: FIRST (1), SECOND (2), and THIRD current."""
    library = library_of(workspace)
    stored = library.add_article(FIRST, author="ana", note="first draft")
    stored = library.save(stored.id, SECOND, expected_version=stored.version, author="ben")
    library.save(stored.id, THIRD, expected_version=stored.version, author="mira", note="tidy")
    return stored.id


@pytest.fixture
def window(qtbot: QtBot, workspace: Workspace, article_id: int) -> MainWindow:
    shown = open_window(qtbot, workspace, Article())
    assert shown.open_library_article(article_id)
    return shown


def confirming(dialog: HistoryDialog, answer: bool) -> list[tuple[int, bool]]:
    """Answer the restore question with ``answer``; the questions asked."""
    asked: list[tuple[int, bool]] = []

    def confirm(number: int, *, unsaved: bool) -> bool:
        asked.append((number, unsaved))
        return answer

    dialog.confirm_restore = confirm  # type: ignore[method-assign]
    return asked


def test_lists_current_version_then_revisions_newest_first(
    window: MainWindow, article_id: int
) -> None:
    dialog = open_history(window, article_id)
    assert dialog.isVisible()
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    assert dialog.numbers() == [CURRENT, 2, 1]
    rows = dialog.revision_list
    first_revision = rows.topLevelItem(2)
    assert first_revision is not None
    assert first_revision.text(0) == "Revision 1"
    assert first_revision.text(2) == "ana"
    assert first_revision.text(3) == "first draft"
    assert first_revision.text(4) == "5"
    assert "2" in first_revision.text(1)  # a date, as local time
    current = rows.topLevelItem(0)
    assert current is not None and current.text(0) == "Current version"
    assert "Bridge closes for repairs" in dialog.windowTitle()


def test_newest_revision_is_compared_with_the_current_version(
    window: MainWindow, article_id: int
) -> None:
    dialog = open_history(window, article_id)
    assert dialog.selected_numbers() == [2]
    view = dialog.diff_view
    assert view.before_label.text() == "Revision 2"
    assert view.after_label.text() == "Current version"
    left = view.before_pane.toPlainText().splitlines()
    right = view.after_pane.toPlainText().splitlines()
    assert left[0] == "Bridge closes" and right[0] == "Bridge closes for repairs"
    assert "Buses will replace trams." in left
    assert view.summary_label.text() == "Headline changed; 1 paragraph added, 1 removed"


def test_clicking_a_revision_and_selecting_two_compares_them(
    window: MainWindow, article_id: int
) -> None:
    dialog = open_history(window, article_id)
    rows = dialog.revision_list
    oldest = rows.topLevelItem(2)
    assert oldest is not None
    QTest.mouseClick(
        rows.viewport(), Qt.MouseButton.LeftButton, pos=rows.visualItemRect(oldest).center()
    )
    assert dialog.selected_numbers() == [1]
    assert dialog.diff_view.before_label.text() == "Revision 1"
    assert dialog.restore_button.isEnabled()
    dialog.select_numbers(2, 1)
    view = dialog.diff_view
    assert (view.before_label.text(), view.after_label.text()) == ("Revision 1", "Revision 2")
    assert "The bridge closes on Monday." in view.before_pane.toPlainText()
    assert "Buses will replace trams." in view.after_pane.toPlainText()
    assert not dialog.restore_button.isEnabled()
    dialog.select_numbers(CURRENT)
    assert not dialog.restore_button.isEnabled()


def test_restore_keeps_the_current_text_and_reloads_the_window(
    window: MainWindow, workspace: Workspace, article_id: int
) -> None:
    library = library_of(workspace)
    dialog = open_history(window, article_id)
    dialog.select_numbers(1)
    asked = confirming(dialog, True)
    QTest.mouseClick(dialog.restore_button, Qt.MouseButton.LeftButton)
    assert asked == [(1, False)]
    assert library.get(article_id).article == FIRST
    history = library.history(article_id)
    assert [revision.number for revision in history] == [3, 2, 1]
    assert library.revision(article_id, 3) == THIRD  # the replaced text is kept
    assert window.article == FIRST
    assert not window.is_modified()
    assert dialog.numbers() == [CURRENT, 3, 2, 1]
    assert dialog.selected_numbers() == [CURRENT]


def test_cancelled_restore_changes_nothing(
    window: MainWindow, workspace: Workspace, article_id: int
) -> None:
    dialog = open_history(window, article_id)
    dialog.select_numbers(1)
    confirming(dialog, False)
    assert not dialog.restore_selected()
    assert library_of(workspace).get(article_id).article == THIRD
    assert window.article == THIRD


def test_unsaved_changes_are_saved_first_and_kept(
    window: MainWindow, workspace: Workspace, article_id: int
) -> None:
    library = library_of(workspace)
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    window.editor.setFocus()
    QTest.keyClicks(window.editor, " Unsaved words.")
    assert window.is_modified()
    edited = window.article
    dialog = open_history(window, article_id)
    dialog.select_numbers(1)
    asked = confirming(dialog, True)
    assert dialog.restore_selected()
    assert asked == [(1, True)]
    kept = [library.revision(article_id, r.number) for r in library.history(article_id)]
    assert edited in kept
    assert window.article == FIRST
    assert not window.is_modified()


def test_unsaved_changes_that_cannot_be_saved_stop_the_restore(
    window: MainWindow, workspace: Workspace, article_id: int
) -> None:
    library = library_of(workspace)
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    QTest.keyClicks(window.editor, " Mine.")
    dialog = open_history(window, article_id)
    dialog.select_numbers(1)
    confirming(dialog, True)
    refused: list[str] = []
    window.save = lambda: False  # type: ignore[method-assign]
    dialog.show_error = lambda title, message: refused.append(message)  # type: ignore[method-assign]
    assert not dialog.restore_selected()
    assert refused and "not restored" in refused[0]
    assert library.get(article_id).article == THIRD
    assert window.is_modified()


def test_action_is_on_only_for_library_articles(
    qtbot: QtBot, workspace: Workspace, article_id: int
) -> None:
    window = open_window(qtbot, workspace, FIRST)
    action = window.commands["history"]
    assert not action.isEnabled()
    assert window.open_library_article(article_id)
    assert action.isEnabled()
    action.trigger()
    dialog = window.findChild(HistoryDialog)
    assert dialog is not None and dialog.isVisible()
    assert dialog.article_id == article_id
    dialog.reject()
    window.new_article()
    assert not action.isEnabled()


def test_action_is_off_without_a_library(qtbot: QtBot) -> None:
    window = open_window(qtbot, None, FIRST)
    assert not window.commands["history"].isEnabled()


def test_unknown_article_is_an_error_not_a_dialog(window: MainWindow) -> None:
    errors: list[str] = []
    window.show_error = lambda title, message: errors.append(message)  # type: ignore[method-assign]
    dialog = open_history(window, 9999)
    assert not dialog.isVisible()
    assert errors and "9999" in errors[0]


def test_screenshot(window: MainWindow, article_id: int, tmp_path: Path) -> None:
    dialog = open_history(window, article_id)
    dialog.resize(1000, 640)
    dialog.select_numbers(1)
    assert dialog.grab().save(str(tmp_path / "history-dialog.png"))
