"""Recover Unsaved Articles: the list, the preview, Restore, Discard and Later."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from editor_app.journal import JournalEntry, JournalSession, find_recoverable
from editor_app.model import Article, Metadata, Paragraph, RichText
from editor_app.origin import LibraryOrigin
from editor_app.ui.main_window import MainWindow
from editor_app.ui.recovery_dialog import RecoveryDialog, entry_summary
from editor_app.ui.time_text import when_text
from editor_app.ui.window_journal import WindowJournal, offer_recovery
from editor_app.workspace import Workspace
from tests.ui.window_helpers import open_window

SHOWN = Article(Metadata(headline="Shown at start"), (Paragraph(RichText.plain_text("Hello.")),))


def article(headline: str, *paragraphs: str) -> Article:
    body = tuple(Paragraph(RichText.plain_text(text)) for text in paragraphs)
    return Article(Metadata(headline=headline, standfirst=f"About {headline}."), body)


def leave_behind(
    workspace: Workspace,
    left: Article,
    source: Path | None = None,
    origin: LibraryOrigin | None = None,
) -> None:
    """What a session that crashed leaves in the journal."""
    session = JournalSession(workspace.journal_dir)
    session.write(left, source, origin)
    session.release()


def journal_of(window: MainWindow) -> WindowJournal:
    assert window.journal is not None
    return window.journal


def offered(qtbot: QtBot, window: MainWindow) -> RecoveryDialog:
    dialog = offer_recovery(window)
    assert dialog is not None
    qtbot.waitExposed(dialog)
    assert dialog.isVisible() and dialog.isModal()
    return dialog


def test_nothing_to_recover_shows_no_dialog(qtbot: QtBot, workspace: Workspace) -> None:
    window = open_window(qtbot, workspace, SHOWN)
    assert offer_recovery(window) is None


def test_the_list_says_what_where_when_and_how_long(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    leave_behind(workspace, article("", "One two three."))
    leave_behind(workspace, article("Ferry", "Four five."), source=tmp_path / "ferry.md")
    leave_behind(workspace, article("Lock", "Six."), origin=LibraryOrigin(12, 4))
    dialog = offered(qtbot, open_window(qtbot, workspace, SHOWN))
    rows = [dialog.entry_list.item(row).text() for row in range(dialog.entry_list.count())]
    assert len(rows) == 3
    assert any(row.startswith("Untitled\nnew article · today ") for row in rows)
    assert any(row.startswith("Ferry\nferry.md · today ") for row in rows)
    assert any(row.startswith("Lock\nlibrary article #12 · today ") for row in rows)
    assert any(row.endswith("3 words") for row in rows)
    dialog.later_button.click()


@pytest.mark.parametrize(
    ("moment", "expected"),
    [
        (datetime(2025, 3, 4, 14, 32), "today 14:32"),
        (datetime(2025, 3, 3, 9, 5), "yesterday 09:05"),
        (datetime(2025, 1, 20, 8, 0), "20 January 08:00"),
        (datetime(2024, 12, 31, 23, 59), "31 December 2024 23:59"),
        (None, "at an unknown time"),
    ],
)
def test_when_text(moment: datetime | None, expected: str) -> None:
    now = datetime(2025, 3, 4, 18, 0).astimezone()
    assert when_text(moment.astimezone() if moment else None, now) == expected


def test_the_preview_shows_the_selected_articles_text(qtbot: QtBot, workspace: Workspace) -> None:
    leave_behind(workspace, article("Ferry", "The ferry sails at nine."))
    leave_behind(workspace, article("Lock", "The lock keeper retires."))
    dialog = offered(qtbot, open_window(qtbot, workspace, SHOWN))
    shown = dialog.preview.toPlainText()
    assert dialog.selected() is not None
    assert dialog.selected().headline in shown  # type: ignore[union-attr]
    dialog.entry_list.setCurrentRow(1)
    other = dialog.preview.toPlainText()
    assert other != shown
    for headline, text in (("Ferry", "The ferry sails at nine."), ("Lock", "The lock keeper")):
        if headline in other:
            assert f"About {headline}." in other
            assert text in other
    dialog.later_button.click()


def test_restore_opens_it_as_an_unsaved_document(
    qtbot: QtBot, workspace: Workspace, tmp_path: Path
) -> None:
    source = tmp_path / "ferry.md"
    leave_behind(workspace, article("Ferry", "The ferry sails at nine."), source=source)
    window = open_window(qtbot, workspace, SHOWN)
    dialog = offered(qtbot, window)
    dialog.restore_button.click()
    assert not dialog.isVisible()
    assert window.article.meta.headline == "Ferry"
    assert window.article.plain_body() == "The ferry sails at nine."
    assert window.source == source
    assert window.is_modified()
    # Adopted: now in this window's own (live) entry, the orphan gone.
    assert journal_of(window).has_entry()
    assert find_recoverable(workspace.journal_dir) == []
    assert "Restored" in window.statusBar().currentMessage()


def test_restore_keeps_the_library_origin(qtbot: QtBot, workspace: Workspace) -> None:
    leave_behind(workspace, article("Lock", "Six."), origin=LibraryOrigin(12, 4))
    window = open_window(qtbot, workspace, SHOWN)
    offered(qtbot, window).restore_button.click()
    assert window.article.meta.headline == "Lock"
    assert window.library_origin == LibraryOrigin(12, 4)
    window.journal.session.release()  # type: ignore[union-attr]
    [entry] = find_recoverable(workspace.journal_dir)
    assert entry.origin == LibraryOrigin(12, 4)


def test_with_several_one_is_restored_and_the_others_stay(
    qtbot: QtBot, workspace: Workspace
) -> None:
    leave_behind(workspace, article("Ferry", "One."))
    leave_behind(workspace, article("Lock", "Two."))
    window = open_window(qtbot, workspace, SHOWN)
    dialog = offered(qtbot, window)
    chosen = dialog.selected()
    assert chosen is not None
    dialog.restore_button.click()
    assert window.article.meta.headline == chosen.headline
    left = find_recoverable(workspace.journal_dir)
    assert [entry.headline for entry in left] == [({"Ferry", "Lock"} - {chosen.headline}).pop()]
    assert "1 more" in window.statusBar().currentMessage()
    # The window now holds unsaved text: restoring the other would replace it.
    again = journal_of(window).open_recovery()
    assert again is not None
    assert not again.restore_button.isEnabled()
    assert again.note.isVisible()
    again.later_button.click()


def test_a_failed_restore_keeps_the_entry(qtbot: QtBot, workspace: Workspace) -> None:
    leave_behind(workspace, article("Ferry", "One."))
    window = open_window(qtbot, workspace, SHOWN)
    entries = find_recoverable(workspace.journal_dir)
    dialog = RecoveryDialog(window, entries, lambda _entry: False)
    dialog.open()
    dialog.restore_button.click()
    assert dialog.isVisible()
    assert dialog.note.isVisible()
    assert [entry.headline for entry in find_recoverable(workspace.journal_dir)] == ["Ferry"]
    dialog.later_button.click()


def answer_discard(
    qtbot: QtBot, dialog: RecoveryDialog, button: QMessageBox.StandardButton
) -> None:
    dialog.discard_button.click()
    box = dialog.confirmation
    assert box is not None
    qtbot.waitExposed(box)
    box.button(button).click()


def test_discard_asks_then_deletes_the_entry(qtbot: QtBot, workspace: Workspace) -> None:
    leave_behind(workspace, article("Ferry", "One."))
    leave_behind(workspace, article("Lock", "Two."))
    window = open_window(qtbot, workspace, SHOWN)
    dialog = offered(qtbot, window)
    answer_discard(qtbot, dialog, QMessageBox.StandardButton.Cancel)
    assert len(find_recoverable(workspace.journal_dir)) == 2
    assert dialog.entry_list.count() == 2
    gone = dialog.selected()
    assert gone is not None
    answer_discard(qtbot, dialog, QMessageBox.StandardButton.Discard)
    assert dialog.entry_list.count() == 1
    left = find_recoverable(workspace.journal_dir)
    assert [entry.session for entry in left] != [gone.session]
    assert len(left) == 1
    answer_discard(qtbot, dialog, QMessageBox.StandardButton.Discard)
    assert not dialog.isVisible()
    assert find_recoverable(workspace.journal_dir) == []
    assert window.article == SHOWN


def test_later_keeps_everything(qtbot: QtBot, workspace: Workspace) -> None:
    leave_behind(workspace, article("Ferry", "One."))
    window = open_window(qtbot, workspace, SHOWN)
    dialog = offered(qtbot, window)
    dialog.later_button.click()
    assert not dialog.isVisible()
    assert window.article == SHOWN
    assert [entry.headline for entry in find_recoverable(workspace.journal_dir)] == ["Ferry"]


def test_an_unreadable_entry_is_shown_but_not_restorable(
    qtbot: QtBot, workspace: Workspace
) -> None:
    workspace.journal_dir.mkdir(parents=True)
    (workspace.journal_dir / "broken.json").write_text("{ half", encoding="utf-8")
    window = open_window(qtbot, workspace, SHOWN)
    dialog = offered(qtbot, window)
    assert dialog.entry_list.item(0).text().startswith("Unreadable autosave")
    assert "could not be read" in dialog.preview.toPlainText()
    assert "broken.json.damaged" in dialog.preview.toPlainText()
    assert not dialog.restore_button.isEnabled()
    answer_discard(qtbot, dialog, QMessageBox.StandardButton.Discard)
    assert list(workspace.journal_dir.iterdir()) == []


def test_summary_of_an_entry_from_yesterday() -> None:
    now = datetime(2025, 3, 4, 12, 0).astimezone()
    entry = JournalEntry(
        path=Path("x.json"),
        session="x",
        saved_at=now - timedelta(days=1),
        article=article("Ferry", "One two."),
        headline="Ferry",
    )
    assert entry_summary(entry, now) == "Ferry\nnew article · yesterday 12:00 · 2 words"
