"""Where a finding is in the window, and where F8 starts from: the reading-order arithmetic.

A finding's place is its text reference's sort key and a code-point offset, so the
header fields (block -1) come before the body, as they do on the page. The cursor
is turned into the same kind of place: the header field being typed in, else the
body (in a code block or on a rule: the end of the text before it).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QApplication, QLineEdit, QTextEdit, QWidget

from editor_app.checks.base import Finding
from editor_app.model import Field, TextRef, codepoint_offset
from editor_app.ui.document_reader import DocumentSnapshot, read_lines

if TYPE_CHECKING:
    from editor_app.ui.main_window import MainWindow

Place = tuple[tuple[int, int, int], int]
"""Where in reading order: a text reference's sort key and a code-point offset."""

BODY_START: Place = ((0, -1, -1), 0)
"""Before the body's first text and after every header field."""

HEADER_FIELDS = (Field.HEADLINE, Field.STANDFIRST, Field.BYLINE, Field.DATELINE)
TextField = QTextEdit | QLineEdit
Selection = tuple[TextRef, int, int]
"""A model range selected in a text field (start == end: just the cursor)."""


def place_of(finding: Finding) -> Place:
    return finding.range.ref.sort_key, finding.range.start


def reading_order(findings: Sequence[Finding]) -> list[Finding]:
    return sorted(findings, key=lambda finding: (place_of(finding), finding.range.end))


def step(
    findings: Sequence[Finding],
    here: Place,
    *,
    forward: bool,
    at_current: int | None = None,
    inclusive: bool = False,
) -> tuple[int, bool] | None:
    """The index of the finding F8 (``forward``) or Shift+F8 goes to, and whether it wrapped.

    ``findings`` are in reading order. ``at_current`` is the index of the finding that is
    selected now (step from it, so two findings at one place are both visited); otherwise
    the first finding after ``here`` (or at it, when ``inclusive``: a cursor right before a
    word), or the last one before it.
    """
    if not findings:
        return None
    count = len(findings)
    if at_current is not None:
        index = at_current + (1 if forward else -1)
        return index % count, not 0 <= index < count
    if forward:
        for index, finding in enumerate(findings):
            place = place_of(finding)
            if place > here or (inclusive and place == here):
                return index, False
        return 0, True
    for index in range(count - 1, -1, -1):
        if place_of(findings[index]) < here:
            return index, False
    return count - 1, True


def text_field(window: MainWindow, ref: TextRef) -> TextField:
    """The widget that holds ``ref``'s text: a header field or the body editor."""
    panel = window.panel
    fields: dict[Field, TextField] = {
        Field.HEADLINE: panel.headline,
        Field.STANDFIRST: panel.standfirst,
        Field.BYLINE: panel.byline,
        Field.DATELINE: panel.dateline,
    }
    return fields.get(ref.field, window.editor) if ref.block < 0 else window.editor


def is_selected(window: MainWindow, finding: Finding) -> bool:
    """Whether the finding's text is what its text field has selected now."""
    ref = finding.range.ref
    return selection(window, text_field(window, ref), ref) == (
        ref,
        finding.range.start,
        finding.range.end,
    )


def selection(window: MainWindow, field: QWidget, ref: TextRef) -> Selection | None:
    """The model range selected (or the cursor) in a header field or the body."""
    if isinstance(field, QLineEdit):
        text, start, end = field.text(), field.cursorPosition(), field.cursorPosition()
        if field.hasSelectedText():
            start, end = field.selectionStart(), field.selectionEnd()
        return ref, codepoint_offset(text, start), codepoint_offset(text, end)
    if field is window.editor:
        document = window.editor.document()
        snapshot = DocumentSnapshot(read_lines(document))
        cursor = window.editor.textCursor()
        start_at = snapshot.model_position(document, cursor.selectionStart())
        end_at = snapshot.model_position(document, cursor.selectionEnd())
        if start_at is None or end_at is None or start_at[0] != end_at[0]:
            return None
        return start_at[0], start_at[1], end_at[1]
    if isinstance(field, QTextEdit):
        text, cursor = field.toPlainText(), field.textCursor()
        start = codepoint_offset(text, cursor.selectionStart())
        return ref, start, codepoint_offset(text, cursor.selectionEnd())
    return None


def cursor_place(window: MainWindow) -> tuple[Place, bool]:
    """Where F8 starts, and whether a finding starting right there counts as after it (yes
    for a bare cursor, no when text is selected: that is the finding just visited)."""
    focused = QApplication.focusWidget()
    for field in HEADER_FIELDS:
        ref = TextRef(field)
        if focused is not None and focused is text_field(window, ref):
            selected = selection(window, focused, ref)
            if selected is not None:
                return (ref.sort_key, selected[1]), selected[1] == selected[2]
    editor = window.editor
    cursor, document = editor.textCursor(), editor.document()
    snapshot = DocumentSnapshot(read_lines(document))
    found = snapshot.model_position(document, cursor.selectionStart())
    if found is not None:
        return (found[0].sort_key, found[1]), not cursor.hasSelection()
    block = document.findBlock(cursor.selectionStart()).previous()
    while block.isValid():  # in a code block or on a rule: the end of the text before it
        found = snapshot.model_position(document, block.position() + block.length() - 1)
        if found is not None:
            return (found[0].sort_key, found[1]), False
        block = block.previous()
    return BODY_START, True


def same_finding(finding: Finding | None, findings: tuple[Finding, ...]) -> Finding | None:
    """``finding`` in a newer list: the equal one, else the same rule on the same text in the
    same piece of text nearest to where it was (an edit before it moved it)."""
    if finding is None:
        return None
    if finding in findings:
        return findings[findings.index(finding)]
    alike = [
        other
        for other in findings
        if (other.rule_id, other.text, other.range.ref)
        == (finding.rule_id, finding.text, finding.range.ref)
    ]
    return min(alike, key=lambda other: abs(other.range.start - finding.range.start), default=None)
