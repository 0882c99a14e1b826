"""What a right-click and a hover offer on a marked finding.

Right-clicking inside underlined text puts the finding's fixes at the top of the
field's usual menu: each suggestion (up to five), Replace All when the flagged
text occurs more than once, Add to Style Book… and Add to Dictionary where they
make sense, and the two ignores. Like a word processor, a right-click first moves
the cursor to the click, unless it falls inside the selection. Hovering marked
text shows the finding's message and suggestions; a link's own tooltip wins.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial
from typing import Protocol

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QAction, QContextMenuEvent, QHelpEvent
from PySide6.QtWidgets import QMenu, QTextEdit, QToolTip

from editor_app.checks.base import Finding
from editor_app.ui.finding_marks import finding_tooltip

MAX_MENU_SUGGESTIONS = 5
STYLEBOOK_FAMILIES = frozenset({"names", "spelling"})
DICTIONARY_FAMILIES = frozenset({"spelling"})


class FindingCommands(Protocol):
    """What the menu asks of the live checks."""

    def finding_at(self, widget: QTextEdit, position: int) -> Finding | None: ...

    def occurrences(self, text: str) -> int: ...

    def apply(self, finding: Finding, replacement: str) -> bool: ...

    def replace_all(self, finding: Finding, replacement: str) -> int: ...

    def add_to_stylebook(self, finding: Finding) -> object: ...

    def add_to_dictionary(self, word: str) -> None: ...

    def ignore(self, finding: Finding, *, here: bool) -> None: ...


def _tr(text: str) -> str:
    return QCoreApplication.translate("FindingMenu", text)


def finding_actions(finding: Finding, commands: FindingCommands, parent: QObject) -> list[QAction]:
    """The entries for ``finding``, best first."""
    entries: list[tuple[str, Callable[[], object]]] = [
        (_tr("Replace with “{text}”").format(text=text), partial(commands.apply, finding, text))
        for text in finding.suggestions[:MAX_MENU_SUGGESTIONS]
    ]
    if finding.suggestions and commands.occurrences(finding.text) > 1:
        first = finding.suggestions[0]
        entries.append(
            (
                _tr("Replace All “{old}” with “{new}”").format(old=finding.text, new=first),
                lambda: commands.replace_all(finding, first),
            )
        )
    if finding.family in STYLEBOOK_FAMILIES:
        entries.append((_tr("Add to Style Book…"), lambda: commands.add_to_stylebook(finding)))
    if finding.family in DICTIONARY_FAMILIES:
        entries.append((_tr("Add to Dictionary"), lambda: commands.add_to_dictionary(finding.text)))
    entries.append((_tr("Ignore Here"), lambda: commands.ignore(finding, here=True)))
    entries.append((_tr("Ignore in This Article"), lambda: commands.ignore(finding, here=False)))
    actions = []
    for text, slot in entries:
        action = QAction(text, parent)
        action.triggered.connect(lambda _checked=False, slot=slot: slot())
        actions.append(action)
    return actions


def add_finding_entries(menu: QMenu, finding: Finding, commands: FindingCommands) -> None:
    """Put ``finding``'s entries above the menu's own, with a separator between."""
    existing = menu.actions()
    first = existing[0] if existing else None
    menu.insertActions(first, finding_actions(finding, commands, menu))  # type: ignore[arg-type]
    if first is not None:
        menu.insertSeparator(first)


class FindingHooks(QObject):
    """Hover and right-click on marked text in the body, headline and standfirst.

    An event filter on each field's viewport: it sees the events before the field
    does, and leaves alone what is not about a finding (a link's tooltip)."""

    def __init__(
        self, commands: FindingCommands, fields: Sequence[QTextEdit], parent: QObject
    ) -> None:
        super().__init__(parent)
        self._commands = commands
        self._fields = {field.viewport(): field for field in fields}
        for viewport in self._fields:
            viewport.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        field = self._fields.get(watched)  # type: ignore[call-overload]
        if field is None:
            return False
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            text = self.tooltip_at(field, event.pos())
            if text is None:
                return False
            QToolTip.showText(event.globalPos(), text, field.viewport())
            return True
        if event.type() == QEvent.Type.ContextMenu and isinstance(event, QContextMenuEvent):
            menu = self.menu_at(field, event.pos())
            menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
            menu.popup(event.globalPos())
            return True
        return False

    def tooltip_at(self, field: QTextEdit, point: QPoint) -> str | None:
        """The finding's message at ``point`` (viewport coordinates); ``None`` over a
        link or unmarked text."""
        if field.anchorAt(point):
            return None
        finding = self._commands.finding_at(field, field.cursorForPosition(point).position())
        return finding_tooltip(finding) if finding is not None else None

    def menu_at(self, field: QTextEdit, point: QPoint) -> QMenu:
        """The context menu for a right-click at ``point`` (viewport coordinates)."""
        position = field.cursorForPosition(point).position()
        current = field.textCursor()
        inside = current.hasSelection() and (
            current.selectionStart() <= position <= current.selectionEnd()
        )
        if not inside:
            field.setTextCursor(field.cursorForPosition(point))
        scrolled = QPoint(field.horizontalScrollBar().value(), field.verticalScrollBar().value())
        menu = field.createStandardContextMenu(point + scrolled)
        finding = self._commands.finding_at(field, position)
        if finding is not None:
            add_finding_entries(menu, finding, self._commands)
        return menu
