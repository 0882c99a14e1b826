"""The window's autosave: every unsaved change reaches the journal within a second.

When to write: a single-shot timer starts at the first change after a write and
is *not* restarted by later ones, so continuous typing is journaled every
second instead of starving a debounce; the write is skipped when the text is
what was written last. Unmodified articles are never journaled: a save, or
another article shown without changes, deletes the entry; closing the window
deletes the entry and its lock. Journaling a 20,000-word article (read the model,
serialise, write, fsync) takes about 12 ms, most of it the fsync: cheap enough
for the UI thread once a second, and simpler than a writer thread racing Save.

At start-up ``offer_recovery`` shows the ``RecoveryDialog`` when orphaned entries
(from a crash or a kill) are in the journal.
"""

from __future__ import annotations

from contextlib import suppress
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QTimer

from editor_app.importers import ImportResult
from editor_app.journal import (
    JournalEntry,
    JournalError,
    JournalSession,
    discard_entry,
    find_recoverable,
)
from editor_app.ui.recovery_dialog import RecoveryDialog

if TYPE_CHECKING:
    from editor_app.ui.main_window import MainWindow

WRITE_DELAY_MILLISECONDS = 1000
"""Longest wait between a change and its journal entry (the issue allows two seconds)."""


class WindowJournal(QObject):
    """Keeps one window's unsaved article in the journal; restores journaled ones."""

    def __init__(self, window: MainWindow, journal_dir: Path) -> None:
        super().__init__(window)
        self._window = window
        self.session = JournalSession(journal_dir)
        self._failed = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(WRITE_DELAY_MILLISECONDS)
        self._timer.timeout.connect(self.write_now)
        window.editor.body_changed.connect(self._changed)
        window.editor.document().modificationChanged.connect(self._changed)
        window.panel.changed.connect(self._changed)
        window.library_origin_changed.connect(self._changed)
        if window.live_checks is not None:  # an ignored finding changes the saved article too
            window.live_checks.findings_changed.connect(self._changed)
        window.saved.connect(self._forget)
        window.article_shown.connect(self._shown)
        window.closed.connect(self.close)
        session = self.session
        # Gone without closing (Ctrl+C in the terminal): the entry stays, for the next start.
        window.destroyed.connect(lambda: session.release())

    @property
    def journal_dir(self) -> Path:
        return self.session.journal_dir

    def has_entry(self) -> bool:
        """True when the window's unsaved text is in the journal now."""
        return self.session.has_entry

    def _changed(self) -> None:
        if not self._timer.isActive():
            self._timer.start()

    def write_now(self) -> bool:
        """Journal the article now; True when the journal holds its current text."""
        self._timer.stop()
        window = self._window
        if not window.is_modified():
            self._forget()
            return False
        try:
            self.session.write(window.article, window.source, window.library_origin)
        except JournalError as error:
            if not self._failed:  # once: a full disk would otherwise say it every second
                window.show_notice(self.tr("Autosave is not working: {error}").format(error=error))
            self._failed = True
            return False
        self._failed = False
        return True

    def _forget(self) -> None:
        self._timer.stop()
        self._discard()

    def _shown(self) -> None:
        if not self._window.is_modified():
            self._forget()

    def _discard(self) -> None:
        try:
            self.session.discard()
        except OSError as error:
            self._window.show_notice(
                self.tr("Could not remove the autosave copy: {error}").format(error=error)
            )

    def close(self) -> None:
        """The window closed for good (its changes saved or discarded)."""
        self._timer.stop()
        # When the entry cannot be deleted it stays: the next start offers it, losing nothing.
        with suppress(OSError):
            self.session.close()

    # -- recovery ---------------------------------------------------------------------------

    def can_restore(self) -> bool:
        """Restoring replaces the shown article: only when it has no unsaved changes."""
        return not self._window.is_modified()

    def restore(self, entry: JournalEntry) -> bool:
        """Show ``entry`` as an unsaved, modified document with its origin. The entry is
        deleted only once this session journaled the text again; False when nothing
        was restored (the entry stays)."""
        window = self._window
        if entry.article is None or not self.can_restore():
            return False
        window.show_result(ImportResult(entry.article), entry.source)
        window.library_origin = entry.origin
        window.editor.document().setModified(True)
        if self.write_now():
            discard_entry(entry)
        return True

    def recoverable(self) -> list[JournalEntry]:
        """Orphaned entries (never this window's own: its session is live)."""
        return find_recoverable(self.journal_dir)

    def offer(self, entries: list[JournalEntry] | None = None) -> RecoveryDialog | None:
        """Open the recovery dialog (window-modal) when there is something to recover."""
        found = self.recoverable() if entries is None else entries
        if not found:
            return None
        dialog = RecoveryDialog(self._window, found, self.restore, restorable=self.can_restore())
        dialog.restored.connect(self._after_restore)
        dialog.open()
        return dialog

    def _after_restore(self, left: int) -> None:
        message = self.tr("Restored the unsaved article.")
        if left:
            message += " " + self.tr(
                "{count} more can be restored with File → Recover Unsaved Articles."
            ).format(count=left)
        self._window.show_notice(message)

    def open_recovery(self) -> RecoveryDialog | None:
        """File → Recover Unsaved Articles: the dialog, or a notice that there is none."""
        dialog = self.offer()
        if dialog is None:
            self._window.show_notice(self.tr("No unsaved articles to recover."))
        return dialog


def attach_journal(window: MainWindow) -> WindowJournal | None:
    """The window's journal; None for a bare editor without a workspace."""
    recover = window.commands["recover"]
    if window.workspace is None:
        recover.setEnabled(False)
        return None
    journal = WindowJournal(window, window.workspace.journal_dir)
    recover.triggered.connect(lambda _checked=False: journal.open_recovery())
    return journal


def offer_recovery(window: MainWindow) -> RecoveryDialog | None:
    """At start-up: offer the articles a crash left unsaved, when there are any."""
    journal = getattr(window, "journal", None)
    return journal.offer() if isinstance(journal, WindowJournal) else None
