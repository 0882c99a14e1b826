"""The article editor: a rich text widget whose content is the article body's model.

The document is filled and read by ``document_adapter`` (never through Qt's
HTML or Markdown); this widget adds what a person types and presses:

* Enter at the end of a heading, quote, pull quote or attribution starts a plain
  paragraph (after the quote's attribution, when it has one), never a copy of
  the quote's look; at the start of one it pushes it down with an empty
  paragraph above. Enter in an empty list item ends the list; Enter in code adds
  a code line; Shift+Enter is a line break (U+2028); Ctrl+Enter starts a
  paragraph after the current block, whatever it is (the way out of a code
  block or a list).
* Backspace at the start of a heading, quote, attribution or list item (or of a
  code block's first line) turns it into a paragraph, as word processors do;
  Backspace or Delete next to a horizontal rule removes the rule.
* Tab moves the focus on (an article has no tab characters), except in code.
* Bold, italic, inline code, link and block commands are each one undo step.
* Ctrl+click opens a web or e-mail link; hovering a link shows where it leads.
  Text typed right after a link is not part of it.
* Copy, cut, drag and paste go through ``editor_clipboard``.

``body_changed`` fires after every change; reading the model is left to
whoever listens, when they need it (``body()``, which re-reads only the blocks
that changed): a keystroke never re-reads a 20,000-word document.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QMimeData, Qt, Signal
from PySide6.QtGui import (
    QHelpEvent,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPaintEvent,
    QTextCursor,
)
from PySide6.QtWidgets import QDialog, QTextEdit, QToolTip, QWidget

from editor_app.model import Block, CodeBlock, TextRange, TextRef
from editor_app.ui import editor_commands as commands
from editor_app.ui.block_decorations import paint_block_decorations
from editor_app.ui.block_styles import ATTRIBUTION_KINDS, QUOTE_KINDS, BlockKind, BlockStyles
from editor_app.ui.code_highlighter import ArticleHighlighter
from editor_app.ui.document_adapter import (
    DocumentReader,
    apply_block_kind,
    block_kind,
    fill_document,
    insert_blocks,
    selection_blocks,
    styles_for,
)

if TYPE_CHECKING:  # the link dialog and the clipboard formats load on first use
    from editor_app.ui.link_dialog import LinkEdit

LINE_SEPARATOR = "\u2028"

_ENDS_ON_ENTER = frozenset({BlockKind.HEADING, *QUOTE_KINDS, *ATTRIBUTION_KINDS})
_PUSHED_DOWN_ON_ENTER = frozenset({BlockKind.HEADING, *QUOTE_KINDS})
_UNSTYLED_BY_BACKSPACE = frozenset(
    {BlockKind.HEADING, BlockKind.LIST_ITEM, *QUOTE_KINDS, *ATTRIBUTION_KINDS}
)
_ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)
INLINE_SHORTCUTS = {"Ctrl+B": "bold", "Ctrl+I": "italic", "Ctrl+`": "code", "Ctrl+K": "link"}
"""The editor's own keys for its inline commands. The window's actions carry the same
keys; the editor claims them while it has the focus (``ShortcutOverride``), so they
work the same with or without a window around it, and Ctrl+K is never Qt's
"delete to the end of the line" (its meaning on X11)."""
_Move = QTextCursor.MoveOperation
ExtraSelection = QTextEdit.ExtraSelection
_Mod = Qt.KeyboardModifier


class ArticleEditor(QTextEdit):
    """The body of an article, edited in place; ``body()`` is the model."""

    body_changed = Signal()
    paste_reported = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("articleEditor")
        self.viewport().setMouseTracking(True)
        self._styles = styles_for(self.palette())
        self._highlighter = ArticleHighlighter(self.document(), self._styles)
        self._reader = DocumentReader(self.document(), self)
        self._layers: dict[str, list[ExtraSelection]] = {}
        self.document().contentsChanged.connect(self.body_changed)
        self.cursorPositionChanged.connect(self._leave_links_behind)
        self.set_body(())

    # -- the model ------------------------------------------------------------------------

    @property
    def styles(self) -> BlockStyles:
        return self._styles

    def set_body(self, blocks: tuple[Block, ...]) -> None:
        """Show ``blocks``: a fresh document, nothing to undo, not modified."""
        fill_document(self.document(), blocks, self._styles)
        self.document().clearUndoRedoStacks()
        self.document().setModified(False)
        self.moveCursor(_Move.Start)

    def body(self) -> tuple[Block, ...]:
        """The body as the model (only the blocks changed since the last call are re-read)."""
        return self._reader.read()

    def document_position(self, ref: TextRef, offset: int) -> int | None:
        """The Qt position of a code-point ``offset`` into a body text (``None`` when the
        body has no such text), from the reader's incremental snapshot."""
        return self._reader.document_position(ref, offset)

    def set_selection_layer(self, name: str, selections: Sequence[ExtraSelection]) -> None:
        """Extra selections by layer (the live checks' underlines, the find bar's matches),
        shown together: setting one layer keeps the others."""
        self._layers[name] = list(selections)
        super().setExtraSelections([item for layer in self._layers.values() for item in layer])

    def setExtraSelections(self, selections: Sequence[ExtraSelection]) -> None:  # noqa: N802
        """The find bar's layer: its highlights come and go without wiping other layers'."""
        self.set_selection_layer("", selections)

    def select_text_range(self, text_range: TextRange) -> bool:
        """Select a model range (code points in one piece of body text); False when the
        body has no such range."""
        start = self._reader.document_position(text_range.ref, text_range.start)
        end = self._reader.document_position(text_range.ref, text_range.end)
        if start is None or end is None:
            return False
        cursor = self.textCursor()
        cursor.setPosition(start)
        cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
        self.setTextCursor(cursor)
        return True

    # -- inline commands ------------------------------------------------------------------

    def toggle_bold(self) -> None:
        self._toggle_mark("bold")

    def toggle_italic(self) -> None:
        self._toggle_mark("italic")

    def toggle_code(self) -> None:
        self._toggle_mark("code")

    def _toggle_mark(self, mark: str) -> None:
        cursor = self.textCursor()
        commands.toggle_mark(cursor, mark, self._styles)
        self.setTextCursor(cursor)

    def edit_link(self) -> None:
        """Ctrl+K: edit the link at the cursor, or make the selection a link."""
        cursor = self.textCursor()
        url = ""
        found = commands.link_at(cursor)
        if found is not None:
            link, url = found
            inside = link.selectionStart() <= cursor.selectionStart()
            if not cursor.hasSelection() or (
                inside and cursor.selectionEnd() <= link.selectionEnd()
            ):
                cursor = link
        text = cursor.selectedText().replace("\u2029", " ").replace(LINE_SEPARATOR, " ")
        choice = self._ask_link(text, url)
        if choice is None:
            return
        if choice.remove:
            if cursor.hasSelection():
                commands.remove_link(cursor, self._styles)
        elif choice.url:
            commands.set_link(cursor, choice.text, choice.url, self._styles)
        cursor.clearSelection()
        self.setTextCursor(cursor)
        self._leave_links_behind()

    def _ask_link(self, text: str, url: str) -> LinkEdit | None:
        """The person's choice in the link dialog; ``None`` when cancelled."""
        from editor_app.ui.link_dialog import LinkDialog

        dialog = LinkDialog(text, url, self)
        try:
            if dialog.exec() != QDialog.DialogCode.Accepted:
                return None
            return dialog.choice()
        finally:
            dialog.deleteLater()

    # -- block commands -------------------------------------------------------------------

    def set_block(self, kind: BlockKind, *, level: int = 2, ordered: bool = False) -> None:
        """Make every block the selection touches ``kind``; if they all are already, make
        them paragraphs. A rule is inserted (``insert_rule``), not set."""
        if kind is BlockKind.RULE:
            self.insert_rule()
            return
        if kind in ATTRIBUTION_KINDS:
            self.add_attribution()
            return
        cursor = self.textCursor()
        apply_block_kind(cursor, kind, self._styles, level=level, ordered=ordered)
        self.setTextCursor(cursor)

    def toggle_blockquote(self) -> None:
        self.set_block(BlockKind.QUOTE)

    def toggle_pullquote(self) -> None:
        self.set_block(BlockKind.PULLQUOTE)

    def add_attribution(self) -> None:
        """Go to the attribution line of the quote at the cursor, adding one if missing."""
        cursor = commands.attribution_line(self.textCursor(), self._styles)
        if cursor is not None:
            self.setTextCursor(cursor)

    def insert_rule(self) -> None:
        cursor = self.textCursor()
        commands.insert_rule(cursor, self._styles)
        self.setTextCursor(cursor)

    # -- keys -----------------------------------------------------------------------------

    def event(self, event: QEvent) -> bool:
        if (
            event.type() == QEvent.Type.ShortcutOverride
            and isinstance(event, QKeyEvent)
            and _inline_shortcut(event) is not None
        ):
            event.accept()
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 - Qt's name
        if self._handle_key(event):
            event.accept()
            self.ensureCursorVisible()
            return
        if event.text() and event.text().isprintable() and self._kind() is BlockKind.RULE:
            block = self.textCursor().block()
            self.setTextCursor(commands.new_paragraph_after(block, self._styles))
        super().keyPressEvent(event)

    def _handle_key(self, event: QKeyEvent) -> bool:
        command = _inline_shortcut(event)
        if command is not None:
            if command == "link":
                self.edit_link()
            else:
                self._toggle_mark(command)
            return True
        key = event.key()
        modifiers = event.modifiers() & ~_Mod.KeypadModifier
        if key in _ENTER_KEYS:
            if modifiers == _Mod.ShiftModifier:
                self.textCursor().insertText(LINE_SEPARATOR)
                return True
            if modifiers == _Mod.ControlModifier:
                block = self.textCursor().block()
                self.setTextCursor(commands.new_paragraph_after(block, self._styles))
                return True
            return modifiers == _Mod.NoModifier and self._enter()
        if modifiers != _Mod.NoModifier:
            return False
        if key == Qt.Key.Key_Backspace:
            return self._backspace()
        if key == Qt.Key.Key_Delete:
            return self._delete()
        return False

    def _enter(self) -> bool:
        cursor = self.textCursor()
        if cursor.hasSelection():
            return False
        block = cursor.block()
        kind = block_kind(block)
        if kind is BlockKind.RULE or (kind in _ENDS_ON_ENTER and cursor.atBlockEnd()):
            self.setTextCursor(commands.new_paragraph_after(block, self._styles))
            return True
        starts_model_block = commands.model_block_start(block) == block
        if kind in _PUSHED_DOWN_ON_ENTER and cursor.atBlockStart() and starts_model_block:
            commands.new_paragraph_before(block, self._styles)
            return True
        if kind is BlockKind.LIST_ITEM and block.length() == 1:
            commands.unstyle_block(cursor, self._styles)
            return True
        return False

    def _backspace(self) -> bool:
        cursor = self.textCursor()
        if cursor.hasSelection() or not cursor.atBlockStart():
            return False
        block = cursor.block()
        kind = block_kind(block)
        if kind is BlockKind.RULE:
            self.setTextCursor(commands.remove_rule(block, self._styles))
            return True
        first_code_line = kind is BlockKind.CODE and commands.model_block_start(block) == block
        if kind in _UNSTYLED_BY_BACKSPACE or first_code_line:
            commands.unstyle_block(cursor, self._styles)
            return True
        previous = block.previous()
        if previous.isValid() and block_kind(previous) is BlockKind.RULE:
            commands.remove_rule(previous, self._styles)
            return True
        return False

    def _delete(self) -> bool:
        cursor = self.textCursor()
        if cursor.hasSelection() or not cursor.atBlockEnd():
            return False
        block = cursor.block()
        if block_kind(block) is BlockKind.RULE:
            self.setTextCursor(commands.remove_rule(block, self._styles))
            return True
        following = block.next()
        if following.isValid() and block_kind(following) is BlockKind.RULE:
            commands.remove_rule(following, self._styles)
            return True
        return False

    def _kind(self) -> BlockKind:
        return block_kind(self.textCursor().block())

    def focusNextPrevChild(self, next: bool) -> bool:  # noqa: N802 - Qt's name
        """Tab leaves the editor, except in code, where it is a character."""
        if self._kind() is BlockKind.CODE:
            return False
        return QWidget.focusNextPrevChild(self, next)

    def _leave_links_behind(self) -> None:
        typing = commands.typing_without_link(self.textCursor(), self._styles)
        if typing is not None:
            self.setCurrentCharFormat(typing)

    # -- links: Ctrl+click and hover -------------------------------------------------------

    def mousePressEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        href = self.anchorAt(event.position().toPoint())
        ctrl = bool(event.modifiers() & _Mod.ControlModifier)
        if href and ctrl and event.button() == Qt.MouseButton.LeftButton:
            from editor_app.ui.link_dialog import open_link

            open_link(href)
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:  # noqa: N802 - Qt's name
        href = self.anchorAt(event.position().toPoint())
        ctrl = bool(event.modifiers() & _Mod.ControlModifier)
        from editor_app.ui.link_dialog import is_openable

        pointing = href and ctrl and is_openable(href)
        self.viewport().setCursor(
            Qt.CursorShape.PointingHandCursor if pointing else Qt.CursorShape.IBeamCursor
        )
        super().mouseMoveEvent(event)

    def viewportEvent(self, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.ToolTip and isinstance(event, QHelpEvent):
            href = self.anchorAt(event.pos())
            if href:
                from editor_app.ui.link_dialog import link_tooltip

                QToolTip.showText(event.globalPos(), link_tooltip(href), self.viewport())
            else:
                QToolTip.hideText()
            return True
        return super().viewportEvent(event)

    # -- painting and theme ---------------------------------------------------------------

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 - Qt's name
        paint_block_decorations(self, self._styles, event.rect())
        super().paintEvent(event)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """A new palette re-colours the text; the document (and its undo) is untouched."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._styles = styles_for(self.palette(), self._styles.point_size)
            self._highlighter.set_styles(self._styles)
            self.viewport().update()

    # -- clipboard ------------------------------------------------------------------------

    def createMimeDataFromSelection(self) -> QMimeData:  # noqa: N802 - Qt's name
        from editor_app.ui.editor_clipboard import fragment_mime_data

        return fragment_mime_data(selection_blocks(self.textCursor()))

    def canInsertFromMimeData(self, source: QMimeData) -> bool:  # noqa: N802 - Qt's name
        from editor_app.ui.editor_clipboard import can_paste

        return can_paste(source)

    def insertFromMimeData(self, source: QMimeData) -> None:  # noqa: N802 - Qt's name
        """Paste the best format offered, as one undo step, and report what came in."""
        from editor_app.ui.editor_clipboard import FRAGMENT_MIME, read_paste

        cursor = self.textCursor()
        in_code = block_kind(cursor.block()) is BlockKind.CODE
        if in_code and source.hasText() and not source.hasFormat(FRAGMENT_MIME):
            # Code is pasted as it is: its spaces and line breaks are its meaning.
            code = source.text().replace("\r\n", "\n").replace("\r", "\n")
            insert_blocks(cursor, (CodeBlock(code),), self._styles)
            lines = code.count("\n") + 1
            sentence = f"Pasted {lines} line{'' if lines == 1 else 's'} of code"
        else:
            pasted = read_paste(source)
            if pasted is None:
                return
            insert_blocks(cursor, pasted.blocks, self._styles)
            sentence = pasted.sentence
        self.setTextCursor(cursor)
        self.ensureCursorVisible()
        self.paste_reported.emit(sentence)


def _inline_shortcut(event: QKeyEvent) -> str | None:
    pressed = QKeySequence(event.keyCombination()).toString(
        QKeySequence.SequenceFormat.PortableText
    )
    return INLINE_SHORTCUTS.get(pressed)
