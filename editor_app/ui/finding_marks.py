"""Where a check finding sits in the window, and how it is marked there.

A finding names model positions (code points in one piece of text); the widgets
count UTF-16 units. A ``Spot`` is a finding's place in a widget right now: the
body editor, the headline or standfirst (``QTextEdit``), or the byline or dateline
(``QLineEdit``). Marks are wavy underlines in the severity's colour, built as
``ExtraSelection`` cursors: once made, Qt moves them with later edits, so they
stay on their words until the next check replaces them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby

from PySide6.QtGui import QColor, QPalette, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QLineEdit, QTextEdit

from editor_app.checks.base import Finding, Severity
from editor_app.model import codepoint_offset, utf16_offset

TextWidget = QTextEdit | QLineEdit
ExtraSelection = QTextEdit.ExtraSelection

SEVERITY_COLOURS: dict[Severity, tuple[str, str]] = {
    Severity.ERROR: ("#d32f2f", "#ff6b6b"),
    Severity.WARNING: ("#d98200", "#ffb347"),
    Severity.SUGGESTION: ("#1e6fd9", "#6cb4ff"),
}
"""(light theme, dark theme) underline colours: strong enough to see on white, light
enough to see on the dark theme's near-black."""
MAX_TOOLTIP_SUGGESTIONS = 5
LONG_MARK_CHARACTERS = 60
"""A finding longer than this (a long sentence, a paragraph) is dotted, not waved: a
wave under three lines of text reads as noise and hides the short findings in it."""
_KEEP = QTextCursor.MoveMode.KeepAnchor


def severity_colour(severity: Severity, palette: QPalette) -> QColor:
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    light_colour, dark_colour = SEVERITY_COLOURS[severity]
    return QColor(dark_colour if dark else light_colour)


def mark_format(severity: Severity, palette: QPalette, *, long: bool = False) -> QTextCharFormat:
    """A wavy underline (dotted under a long passage): the text keeps its colour and marks."""
    marked = QTextCharFormat()
    style = QTextCharFormat.UnderlineStyle
    marked.setUnderlineStyle(style.DotLine if long else style.WaveUnderline)
    marked.setUnderlineColor(severity_colour(severity, palette))
    return marked


def finding_tooltip(finding: Finding) -> str:
    """What hovering a marked word shows: the message, then the suggestions."""
    lines = [finding.message]
    suggestions = finding.suggestions[:MAX_TOOLTIP_SUGGESTIONS]
    if suggestions:
        label = "Suggestion" if len(suggestions) == 1 else "Suggestions"
        lines.append(f"{label}: " + ", ".join(f"“{text}”" for text in suggestions))
    return "\n".join(lines)


def widget_text(widget: TextWidget) -> str:
    """The text as the model has it (a headline's line breaks are "\\n")."""
    if isinstance(widget, QLineEdit):
        return widget.text()
    return widget.document().toRawText().replace("\u2029", "\n").replace("\u2028", "\n")


@dataclass(frozen=True)
class Spot:
    """A finding's place in a widget now: UTF-16 positions, as the widget counts."""

    widget: TextWidget
    start: int
    end: int

    @classmethod
    def in_text(cls, widget: TextWidget, text: str, start: int, end: int) -> Spot | None:
        """The spot of code points ``[start, end)`` of ``text``, the widget's model text."""
        if not 0 <= start <= end <= len(text):
            return None
        return cls(widget, utf16_offset(text, start), utf16_offset(text, end))

    def text(self) -> str:
        if isinstance(self.widget, QLineEdit):
            text = self.widget.text()  # a line edit counts in UTF-16, as Qt does
            return text[codepoint_offset(text, self.start) : codepoint_offset(text, self.end)]
        selected = self.cursor().selectedText()
        return selected.replace("\u2029", "\n").replace("\u2028", "\n")

    def cursor(self) -> QTextCursor:
        """A cursor selecting the spot (only in a ``QTextEdit``)."""
        assert isinstance(self.widget, QTextEdit)
        cursor = QTextCursor(self.widget.document())
        end = min(self.end, self.widget.document().characterCount() - 1)
        cursor.setPosition(min(self.start, end))
        cursor.setPosition(end, _KEEP)
        return cursor

    def contains(self, position: int) -> bool:
        return self.start <= position <= self.end

    def select(self) -> None:
        """Select the spot and bring it into view, with the focus there."""
        widget = self.widget
        if isinstance(widget, QLineEdit):
            widget.setSelection(self.start, self.end - self.start)
        else:
            widget.setTextCursor(self.cursor())
            widget.ensureCursorVisible()
        widget.setFocus()


def marks_for(
    placed: Iterable[tuple[Severity, QTextEdit, QTextCursor]], palette: QPalette
) -> dict[QTextEdit, list[ExtraSelection]]:
    """The underlines, by widget, of findings placed at cursors in text edits (a line
    edit cannot show one)."""
    marks: dict[QTextEdit, list[ExtraSelection]] = {}
    formats: dict[tuple[Severity, bool], QTextCharFormat] = {}
    for severity, widget, cursor in placed:
        kind = (severity, cursor.selectionEnd() - cursor.selectionStart() > LONG_MARK_CHARACTERS)
        if kind not in formats:
            formats[kind] = mark_format(severity, palette, long=kind[1])
        selection = ExtraSelection()
        selection.cursor = cursor
        selection.format = formats[kind]
        marks.setdefault(widget, []).append(selection)
    return marks


def replace_spots(changes: Sequence[tuple[Spot, str]]) -> int:
    """Put each text at its spot: in each widget one undo step, from the end backwards
    so the positions before stay valid. How many were replaced."""
    ordered = sorted(changes, key=lambda change: (id(change[0].widget), -change[0].start))
    for _key, group in groupby(ordered, key=lambda change: id(change[0].widget)):
        items = list(group)
        widget = items[0][0].widget
        if isinstance(widget, QLineEdit):
            _replace_in_line(widget, [(spot.start, spot.end, text) for spot, text in items])
            continue
        cursor = QTextCursor(widget.document())
        cursor.beginEditBlock()
        try:
            for spot, text in items:
                editing = spot.cursor()
                cursor.setPosition(editing.selectionStart())
                cursor.setPosition(editing.selectionEnd(), _KEEP)
                cursor.insertText(text)
        finally:
            cursor.endEditBlock()
    return len(changes)


def _replace_in_line(line: QLineEdit, changes: list[tuple[int, int, str]]) -> None:
    """One undo step in a line edit: the whole new text inserted over the old."""
    text = line.text().encode("utf-16-le")
    for start, end, replacement in changes:  # from the end backwards
        text = text[: 2 * start] + replacement.encode("utf-16-le") + text[2 * end :]
    line.selectAll()
    line.insert(text.decode("utf-16-le"))
