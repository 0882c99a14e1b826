"""Live checks: the findings underlined in the text while the person types.

A pause of a quarter of a second after an edit sends a snapshot of the article
(cheap: the body is read incrementally) to the check thread (``check_worker``);
the findings come back as underlines in the body, the headline and the
standfirst, and as the tooltip of the byline and dateline, which cannot show
one. A check is never cancelled: when the text changed while it ran, its
findings are still shown where their text is unchanged, and a new check follows
at once. Right-click and hover on an underline are ``finding_menu``'s.

The ignores ("Ignore Here", "Ignore in This Article") belong to the article: they
are saved with it (``window.article`` includes them) and come back with it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QLineEdit, QTextEdit

from editor_app.checks.base import Finding
from editor_app.checks.ignores import ignore_for, without_ignored
from editor_app.checks.setup import CheckerSetup
from editor_app.checks.stylebook import EntryKind, StyleBookEntry
from editor_app.errors import ArticleEditorError
from editor_app.model import Article, CheckIgnore, Field
from editor_app.ui import find_core
from editor_app.ui.check_worker import Checked, CheckWorker
from editor_app.ui.document_search import count_matches, replace_all_in
from editor_app.ui.error_text import error_message
from editor_app.ui.find_core import SearchOptions, compile_search
from editor_app.ui.finding_marks import (
    Spot,
    TextWidget,
    finding_tooltip,
    marks_for,
    replace_spots,
    widget_text,
)
from editor_app.ui.finding_menu import FindingHooks

if TYPE_CHECKING:
    from editor_app.ui.main_window import MainWindow
    from editor_app.ui.stylebook_entry_dialog import StyleBookEntryDialog
    from editor_app.workspace import Workspace

CHECK_DELAY_MILLISECONDS = 150
"""A pause this long starts a check: short enough that findings follow a pause within
the 300 ms budget, long enough that a check never starts between two keystrokes."""
SELECTION_LAYER = "live-checks"
_SAME_WORD = SearchOptions(case_sensitive=True, whole_word=True)
_Queued = Qt.ConnectionType.QueuedConnection


def attach_live_checks(window: MainWindow) -> LiveChecks | None:
    """The window's live checks; ``None`` for a window without a workspace."""
    return None if window.workspace is None else LiveChecks(window, window.workspace)


class LiveChecks(QObject):
    findings_changed = Signal()
    """After new findings arrived, or some were fixed or ignored."""

    def __init__(self, window: MainWindow, workspace: Workspace) -> None:
        super().__init__(window)
        self._window = window
        self._workspace = workspace
        self._findings: tuple[Finding, ...] = ()
        self._everyday_words: frozenset[str] = frozenset()
        self._ignores: tuple[CheckIgnore, ...] = ()
        self._warnings: list[str] = []
        self._checked: Article | None = None
        """The article the current findings are for (their ranges are in it)."""
        self._sent: Article | None = None
        self._generation = self._first_valid = 0
        self._in_flight = self._pending = self._closed = False
        self._live: dict[Finding, tuple[QTextEdit, QTextCursor]] = {}
        """Underlined findings and their cursors, which Qt moves with later edits."""
        panel = window.panel
        self._fields: dict[Field, TextWidget] = {
            Field.HEADLINE: panel.headline,
            Field.STANDFIRST: panel.standfirst,
            Field.BYLINE: panel.byline,
            Field.DATELINE: panel.dateline,
        }
        self._tips = {line: line.toolTip() for line in (panel.byline, panel.dateline)}
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(CHECK_DELAY_MILLISECONDS)
        self._timer.timeout.connect(self._start_check)
        self._worker = CheckWorker(workspace.build_checker, self)
        self._worker.checked.connect(self._arrived, _Queued)
        self._worker.failed.connect(window.show_notice, _Queued)
        self._worker.warned.connect(self._warned, _Queued)
        self.hooks = FindingHooks(self, (window.editor, panel.headline, panel.standfirst), self)
        window.editor.body_changed.connect(self._edited)
        panel.changed.connect(self._edited)
        window.article_shown.connect(self._article_shown)
        window.closed.connect(self.shutdown)
        window.editor.installEventFilter(self)  # a new theme: new underline colours

    # -- what others read -----------------------------------------------------------------

    def findings(self) -> tuple[Finding, ...]:
        """The findings of the latest check, in reading order, less the ignored ones."""
        return self._findings

    def ignores(self) -> tuple[CheckIgnore, ...]:
        return self._ignores

    def is_checking(self) -> bool:
        """Whether a check is waiting for a pause, running, or about to follow one."""
        return self._timer.isActive() or self._in_flight or self._pending

    def warnings(self) -> list[str]:
        """What the checker said about itself (spelling off for want of a dictionary)."""
        return list(self._warnings)

    @property
    def worker(self) -> CheckWorker:
        return self._worker

    def finding_at(self, widget: QTextEdit, position: int) -> Finding | None:
        """The underlined finding at a position of ``widget`` (the narrowest there)."""
        found = [
            (cursor.selectionEnd() - cursor.selectionStart(), index, finding)
            for index, (finding, (where, cursor)) in enumerate(self._live.items())
            if where is widget and cursor.selectionStart() <= position <= cursor.selectionEnd()
        ]
        return min(found)[2] if found else None

    def occurrences(self, text: str) -> int:
        """Whole-word, case-sensitive occurrences of ``text`` in the body and header."""
        if not text:
            return 0
        search = compile_search(text, _SAME_WORD)
        count = count_matches(self._window.editor.document(), search)
        return count + sum(len(find_core.find_all(widget_text(w), search)) for w in self._metas)

    # -- checking -------------------------------------------------------------------------

    def check_now(self) -> None:
        """Check the article as it is now, without waiting for a pause."""
        self._timer.stop()
        self._start_check()

    def _edited(self) -> None:
        if not self._closed:
            self._timer.start()

    def _start_check(self) -> None:
        if self._closed:
            return
        if self._in_flight:
            self._pending = True  # after the running check
            return
        self._pending = False
        self._generation += 1
        self._in_flight = True
        self._sent = self._window.article
        self._worker.check(self._generation, self._sent)

    def _arrived(self, generation: int, checked: Checked) -> None:
        self._in_flight = False
        if generation >= self._first_valid and self._sent is not None:
            self._checked = self._sent
            self._everyday_words = checked.everyday_words
            article = replace(self._sent, ignores=self._ignores)
            self._show(without_ignored(checked.findings, article))
        if self._pending:
            self._start_check()

    def _article_shown(self) -> None:
        """Another article: its own ignores, no findings until its first check."""
        self._ignores = tuple(self._window.shown_ignores)
        self._first_valid = self._generation + 1
        self._checked = None
        self._show(())
        self.check_now()

    def _warned(self, warnings: list[str]) -> None:
        self._warnings.extend(warnings)
        for warning in warnings:
            self._window.show_notice(warning[:1].upper() + warning[1:])

    def shutdown(self) -> None:
        """Stop checking, and end the check thread (the window closed)."""
        self._closed = True
        self._timer.stop()
        self._worker.shutdown()

    # -- marks ----------------------------------------------------------------------------

    def _show(self, findings: Iterable[Finding]) -> None:
        """Underline the findings whose text is where they say (an underline kept from
        before stays where Qt moved it); the others are listed only."""
        findings = tuple(findings)
        if findings == self._findings and findings:
            # The same findings at the same places (typing elsewhere): the underlines
            # Qt has kept moving with the text are right as they are.
            self.findings_changed.emit()
            return
        self._findings = findings
        live: dict[Finding, tuple[QTextEdit, QTextCursor]] = {}
        tips: dict[QLineEdit, list[str]] = {line: [] for line in self._tips}
        for finding in self._findings:
            held = self._live.get(finding)
            if held is not None and held[1].selectedText() == finding.text:
                live[finding] = held  # found again: Qt kept its cursor on the words
                continue
            spot = self.spot_of(finding)
            if spot is None or spot.start == spot.end:
                continue
            if isinstance(spot.widget, QLineEdit):
                tips[spot.widget].append(finding_tooltip(finding))
            else:
                live[finding] = (spot.widget, spot.cursor())
        self._live = live
        self._mark()
        for line, messages in tips.items():
            line.setToolTip("\n\n".join(messages) if messages else self._tips[line])
        self.findings_changed.emit()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self._window.editor and event.type() == QEvent.Type.PaletteChange:
            self._mark()
        return False

    def _mark(self) -> None:
        """Underline the placed findings in the palette's colours (again after a theme change)."""
        editor = self._window.editor
        placed = [(finding.severity, *where) for finding, where in self._live.items()]
        marks = marks_for(placed, editor.palette())
        editor.set_selection_layer(SELECTION_LAYER, marks.get(editor, []))
        for widget in self._metas:
            if isinstance(widget, QTextEdit):
                widget.setExtraSelections(marks.get(widget, []))

    def _drop(self, gone: Callable[[Finding], bool]) -> None:
        """Take findings off at once (fixed, ignored); the next check confirms it."""
        self._show(finding for finding in self._findings if not gone(finding))

    @property
    def _metas(self) -> tuple[TextWidget, ...]:
        return tuple(self._fields.values())

    def _model_spot(self, finding: Finding) -> Spot | None:
        """Where the finding's model range is in the widgets now."""
        ref, start, end = finding.range.ref, finding.range.start, finding.range.end
        widget = self._fields.get(ref.field)
        if widget is not None:
            return Spot.in_text(widget, widget_text(widget), start, end)
        editor = self._window.editor
        first, last = editor.document_position(ref, start), editor.document_position(ref, end)
        return None if first is None or last is None else Spot(editor, first, last)

    def spot_of(self, finding: Finding) -> Spot | None:
        """Where ``finding``'s text is now: its underline, or its model range; ``None``
        when the text there changed."""
        live = self._live.get(finding)
        if live is not None:
            widget, cursor = live
            underlined = Spot(widget, cursor.selectionStart(), cursor.selectionEnd())
            if underlined.text() == finding.text:
                return underlined
        spot = self._model_spot(finding)
        return spot if spot is not None and spot.text() == finding.text else None

    # -- acting on findings ---------------------------------------------------------------

    def go_to(self, finding: Finding) -> bool:
        spot = self.spot_of(finding)
        if spot is None:
            return False
        spot.select()
        return True

    def apply(self, finding: Finding, replacement: str) -> bool:
        """Replace this occurrence (one undo step), if its text is still there."""
        spot = self.spot_of(finding)
        if spot is None:
            self._window.show_notice(self.tr("The text there has changed"))
            return False
        replace_spots([(spot, replacement)])
        self._drop(lambda other: other == finding)
        return True

    def replace_all(self, finding: Finding, replacement: str) -> int:
        """Every whole-word, case-sensitive occurrence of the flagged text, in the body
        (one undo step) and the header fields."""
        if not finding.text:
            return 0
        search = compile_search(finding.text, _SAME_WORD, replacement)
        count = replace_all_in(self._window.editor.document(), search)
        for widget in self._metas:
            if isinstance(widget, QTextEdit):
                count += replace_all_in(widget.document(), search)
            else:
                text, replaced = find_core.replace_all(widget.text(), search)
                if replaced:
                    widget.selectAll()
                    widget.insert(text)  # one undo step in the field
                    count += replaced
        self._drop(lambda other: other.text == finding.text)
        message = self.tr("Replaced {count} × “{old}” with “{new}”")
        self._window.show_notice(message.format(count=count, old=finding.text, new=replacement))
        return count

    def fix_all(self, rule_id: str) -> int:
        """Every current finding of ``rule_id`` with a suggestion gets its first one."""
        changes: list[tuple[Spot, str]] = []
        for finding in self._findings:
            if finding.rule_id != rule_id or not finding.suggestions:
                continue
            spot = self.spot_of(finding)
            if spot is not None and not any(_overlap(spot, taken) for taken, _ in changes):
                changes.append((spot, finding.suggestions[0]))
        count = replace_spots(changes)
        self._drop(lambda other: other.rule_id == rule_id and bool(other.suggestions))
        message = self.tr("Fixed 1 finding") if count == 1 else self.tr("Fixed {count} findings")
        self._window.show_notice(message.format(count=count))
        return count

    def ignore(self, finding: Finding, *, here: bool) -> None:
        """Keep the finding (this occurrence, or all in the article): saved with it."""
        article = self._checked or self._window.article
        item = ignore_for(finding, article, here=here)
        if item not in self._ignores:
            self._ignores = (*self._ignores, item)
        self._window.editor.document().setModified(True)  # the ignores are saved with it
        self._show(without_ignored(self._findings, replace(article, ignores=self._ignores)))
        self.check_now()

    def add_to_dictionary(self, word: str) -> None:
        """Accept ``word`` from now on: it goes into the personal dictionary."""
        self._worker.run(lambda setup: setup.checker.add_personal_word(word))
        self._drop(lambda other: other.family == "spelling" and other.text == word)
        self._window.show_notice(self.tr("Added “{word}” to the dictionary").format(word=word))
        self.check_now()

    def add_to_stylebook(self, finding: Finding) -> StyleBookEntryDialog | None:
        """Open the style-book entry dialog filled in from ``finding``; OK adds the entry
        to the library's style book and checks against it."""
        from editor_app.ui.stylebook_entry_dialog import StyleBookEntryDialog

        library = self._workspace.library
        if library is None:
            self._window.show_notice(self.tr("The style book needs the library"))
            return None
        try:
            taken = {entry.canonical for entry in library.stylebook_entries()}
        except ArticleEditorError as error:
            self._window.show_notice(error_message(error))
            return None
        entry = entry_for(finding, everyday_word=finding.text in self._everyday_words)
        dialog = StyleBookEntryDialog(self._window, entry, taken=taken)
        dialog.accepted.connect(lambda: self._add_entry(dialog.entry()))
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()
        return dialog

    def _add_entry(self, entry: StyleBookEntry) -> None:
        library = self._workspace.library
        if library is None:
            return
        try:
            library.add_stylebook_entry(entry)
        except ArticleEditorError as error:
            self._window.show_error(self.tr("Cannot add to the style book"), error_message(error))
            return
        self._worker.run(lambda setup: setup.checker.extend_stylebook([entry]))
        notice = self.tr("Added “{name}” to the style book").format(name=entry.canonical)
        self._window.show_notice(notice)
        self.check_now()

    def reload_stylebook(self) -> None:
        """Check against the library's style book as it is now (after it was edited)."""
        library = self._workspace.library
        if library is None:
            return
        try:
            entries = library.stylebook_entries()
        except ArticleEditorError as error:
            self._window.show_notice(error_message(error))
            return

        def reload(setup: CheckerSetup) -> None:
            setup.checker.set_stylebook(setup.stylebook_with(entries))

        self._worker.run(reload)
        self.check_now()


def entry_for(finding: Finding, *, everyday_word: bool = False) -> StyleBookEntry:
    """A style-book entry to start from: a name finding's first suggestion (else the
    flagged text) as the canonical form, the flagged text as a known wrong spelling —
    unless it is an everyday word ("Went" for "Wendt"), which the book would then flag
    at the start of every sentence it begins."""
    names = finding.family == "names"
    canonical = finding.suggestions[0] if names and finding.suggestions else finding.text
    wrong = (finding.text,) if finding.text != canonical and not everyday_word else ()
    return StyleBookEntry(canonical, EntryKind.PERSON if names else EntryKind.TERM, wrong=wrong)


def _overlap(one: Spot, other: Spot) -> bool:
    return one.widget is other.widget and one.start < other.end and other.start < one.end
