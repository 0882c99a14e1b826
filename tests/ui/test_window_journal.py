"""The window's autosave: unsaved changes reach the journal within two seconds; saved,
replaced and closed articles leave it."""

from __future__ import annotations

import json
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from editor_app.importers import ImportResult
from editor_app.journal import JournalSession, find_recoverable
from editor_app.model import Article, Metadata, Paragraph, RichText, jsonformat
from editor_app.ui.main_window import MainWindow
from editor_app.ui.window_journal import WindowJournal
from editor_app.workspace import Workspace
from tests.ui.window_helpers import forget_changes, open_window

ARTICLE = Article(
    Metadata(headline="Harbour wall repaired"),
    (Paragraph(RichText.plain_text("The work took six weeks.")),),
)
WITHIN = 2500
"""The issue's two seconds, plus room for a busy test machine."""


def journal_of(window: MainWindow) -> WindowJournal:
    assert window.journal is not None
    return window.journal


def journaled(window: MainWindow) -> Article | None:
    """The article in the window's own journal entry, None when there is none."""
    path = journal_of(window).session.entry_path
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return None
    return jsonformat.loads(json.dumps(data["article"]))


def type_at_end(qtbot: QtBot, window: MainWindow, text: str) -> None:
    window.editor.setFocus()
    window.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(window.editor, text)


def open_with_entry(
    qtbot: QtBot, workspace: Workspace, typed: str = " More.", source: Path | None = None
) -> MainWindow:
    """A window on ARTICLE with ``typed`` added at the end and already in its journal entry."""
    window = open_window(qtbot, workspace, ARTICLE, source=source)
    type_at_end(qtbot, window, typed)
    assert journal_of(window).write_now()
    return window


def body_of(article: Article | None) -> str:
    return article.plain_body() if article is not None else ""


def test_typing_is_journaled_within_two_seconds(qtbot: QtBot, workspace: Workspace) -> None:
    window = open_window(qtbot, workspace, ARTICLE)
    type_at_end(qtbot, window, " Boats are back.")
    qtbot.waitUntil(lambda: "Boats are back." in body_of(journaled(window)), timeout=WITHIN)
    assert journal_of(window).has_entry()


def test_an_untitled_new_article_is_journaled(qtbot: QtBot, workspace: Workspace) -> None:
    window = open_window(qtbot, workspace, ARTICLE)
    window.commands["new"].trigger()
    qtbot.keyClicks(window.panel.headline, "Ferry timetable")
    qtbot.waitUntil(lambda: journaled(window) is not None, timeout=WITHIN)
    article = journaled(window)
    assert article is not None and article.meta.headline == "Ferry timetable"


def test_continuous_typing_is_journaled_before_it_stops(qtbot: QtBot, workspace: Workspace) -> None:
    """A debounce would wait for a pause; the journal must not."""
    window = open_window(qtbot, workspace, ARTICLE)
    type_at_end(qtbot, window, " ")
    typed: list[str] = []
    ticker = QTimer(window)  # goes with the window, should the test fail midway
    ticker.setInterval(100)

    def type_one() -> None:
        QTest.keyClicks(window.editor, "x")
        typed.append("x")
        if len(typed) >= 60:
            ticker.stop()

    ticker.timeout.connect(type_one)
    ticker.start()
    try:
        qtbot.waitUntil(lambda: "xxx" in body_of(journaled(window)), timeout=WITHIN)
        assert ticker.isActive(), "the journal was written only after typing stopped"
    finally:
        ticker.stop()


def test_an_unmodified_article_is_never_journaled(qtbot: QtBot, workspace: Workspace) -> None:
    window = open_window(qtbot, workspace, ARTICLE)
    assert not journal_of(window).write_now()
    assert not workspace.journal_dir.exists() or list(workspace.journal_dir.iterdir()) == []


def test_undoing_back_to_the_saved_text_removes_the_entry(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window = open_with_entry(qtbot, workspace, "!")
    window.commands["undo"].trigger()
    assert not window.is_modified()
    qtbot.waitUntil(lambda: journaled(window) is None, timeout=WITHIN)


def test_saving_removes_the_entry(qtbot: QtBot, workspace: Workspace, tmp_path: Path) -> None:
    source = tmp_path / "harbour.article.json"
    source.write_text(jsonformat.dumps(ARTICLE), encoding="utf-8")
    window = open_window(qtbot, workspace, ARTICLE, source=source)
    type_at_end(qtbot, window, " More.")
    qtbot.waitUntil(lambda: journaled(window) is not None, timeout=WITHIN)
    assert window.save()
    assert journaled(window) is None
    assert find_recoverable(workspace.journal_dir) == []


def test_another_article_shown_without_changes_removes_the_entry(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window = open_with_entry(qtbot, workspace)
    window.show_result(ImportResult(Article(Metadata(headline="Other"))), None)
    assert journaled(window) is None


def test_closing_removes_the_entry_and_the_lock(qtbot: QtBot, workspace: Workspace) -> None:
    window = open_with_entry(qtbot, workspace)
    forget_changes(window)
    window.close()
    assert list(workspace.journal_dir.iterdir()) == []


def test_the_window_writes_its_source_and_keeps_its_session_live(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    source = tmp_path / "harbour.md"
    window = open_with_entry(qtbot, workspace, source=source)
    assert find_recoverable(workspace.journal_dir) == []  # its own, live entry
    session = journal_of(window).session
    data = json.loads(session.entry_path.read_text(encoding="utf-8"))
    assert data["source"] == str(source)
    session.release()  # as if the process had died
    [entry] = find_recoverable(workspace.journal_dir)
    assert entry.source == source
    assert "More." in body_of(entry.article)


def test_a_journal_that_cannot_be_written_is_said_once(qtbot: QtBot, workspace: Workspace) -> None:
    workspace.state_dir.mkdir(parents=True)
    workspace.journal_dir.write_text("not a folder", encoding="utf-8")
    window = open_window(qtbot, workspace, ARTICLE)
    type_at_end(qtbot, window, " More.")
    qtbot.waitUntil(
        lambda: "Autosave is not working" in window.statusBar().currentMessage(),
        timeout=WITHIN,
    )
    window.statusBar().clearMessage()
    assert not journal_of(window).write_now()
    assert window.statusBar().currentMessage() == ""


def test_a_window_without_workspace_has_no_journal(qtbot: QtBot) -> None:
    window = open_window(qtbot, None, ARTICLE)
    assert window.journal is None
    assert not window.commands["recover"].isEnabled()


def test_recover_with_nothing_to_recover_says_so(qtbot: QtBot, workspace: Workspace) -> None:
    window = open_window(qtbot, workspace, ARTICLE)
    window.commands["recover"].trigger()
    assert "No unsaved articles" in window.statusBar().currentMessage()


def test_recover_offers_what_another_session_left(qtbot: QtBot, workspace: Workspace) -> None:
    left = JournalSession(workspace.journal_dir)
    left.write(Article(Metadata(headline="Left behind")))
    left.release()
    window = open_window(qtbot, workspace, ARTICLE)
    journal = journal_of(window)
    dialog = journal.open_recovery()
    assert dialog is not None
    assert [entry.headline for entry in dialog.entries()] == ["Left behind"]
    dialog.later_button.click()
