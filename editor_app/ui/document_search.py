"""Find and replace on a ``QTextDocument``, block by block, through the Qt-free core.

The core (``find_core``) counts code points in one block's text; Qt counts
UTF-16 units from the start of the document. Every position crosses that
border here, with ``utf16_offset`` / ``codepoint_offset`` per block, so a match
after an emoji selects the right letters. Replace All is one edit block: one
undo step restores every replacement.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QTextBlock, QTextCursor, QTextDocument

from editor_app.model import codepoint_offset, utf16_offset
from editor_app.ui.find_core import Hit, Match, Search, next_hit


@dataclass(frozen=True)
class Found:
    """A match as Qt positions in the document, with what Replace would put there."""

    start: int
    end: int
    replacement: str


def blocks_of(document: QTextDocument) -> list[QTextBlock]:
    blocks, block = [], document.begin()
    while block.isValid():
        blocks.append(block)
        block = block.next()
    return blocks


def to_found(block: QTextBlock, text: str, match: Match | Hit) -> Found:
    base = block.position()
    replacement = match.replacement if isinstance(match, Match) else ""
    return Found(
        base + utf16_offset(text, match.start), base + utf16_offset(text, match.end), replacement
    )


def all_matches(document: QTextDocument, search: Search, limit: int | None = None) -> list[Found]:
    """Every match in reading order (at most ``limit``)."""
    found: list[Found] = []
    for block in blocks_of(document):
        text = block.text()
        for match in search.matches(text):
            found.append(to_found(block, text, match))
            if limit is not None and len(found) >= limit:
                return found
    return found


def count_matches(document: QTextDocument, search: Search) -> int:
    return sum(sum(1 for _ in search.matches(block.text())) for block in blocks_of(document))


def _block_offset(document: QTextDocument, position: int) -> tuple[int, int]:
    """(block number, code-point offset in it) of a Qt position."""
    block = document.findBlock(position)
    return block.blockNumber(), codepoint_offset(block.text(), position - block.position())


def find_from(
    cursor: QTextCursor, search: Search, *, backwards: bool = False
) -> tuple[Found, bool] | None:
    """The next match after the cursor's selection (or before it), and whether it wrapped."""
    document = cursor.document()
    blocks = blocks_of(document)
    texts = [block.text() for block in blocks]
    position = cursor.selectionStart() if backwards else cursor.selectionEnd()
    result = next_hit(texts, search, _block_offset(document, position), backwards=backwards)
    if result is None:
        return None
    hit, wrapped = result
    block, text = blocks[hit.index], texts[hit.index]
    match = _match_at(search, text, hit.start, hit.end)
    return to_found(block, text, match or hit), wrapped


def _match_at(search: Search, text: str, start: int, end: int) -> Match | None:
    for match in search.matches(text):
        if (match.start, match.end) == (start, end):
            return match
    return None


def selected_match(cursor: QTextCursor, search: Search) -> Found | None:
    """The match the cursor's selection is exactly on, if it is on one."""
    if not cursor.hasSelection():
        return None
    document = cursor.document()
    block = document.findBlock(cursor.selectionStart())
    if block != document.findBlock(cursor.selectionEnd()):
        return None
    text = block.text()
    start = codepoint_offset(text, cursor.selectionStart() - block.position())
    end = codepoint_offset(text, cursor.selectionEnd() - block.position())
    match = _match_at(search, text, start, end)
    return to_found(block, text, match) if match is not None else None


def select(cursor: QTextCursor, found: Found) -> QTextCursor:
    selected = QTextCursor(cursor)
    selected.setPosition(found.start)
    selected.setPosition(found.end, QTextCursor.MoveMode.KeepAnchor)
    return selected


def replace_found(cursor: QTextCursor, found: Found) -> None:
    """Replace one match; the new text keeps the marks of the text it replaces."""
    editing = select(cursor, found)
    editing.insertText(found.replacement)


def replace_all_in(document: QTextDocument, search: Search) -> int:
    """Replace every match as ONE undo step; how many were replaced."""
    matches = all_matches(document, search)
    if not matches:
        return 0
    cursor = QTextCursor(document)
    cursor.beginEditBlock()
    try:
        for found in reversed(matches):  # from the end: earlier positions stay valid
            cursor.setPosition(found.start)
            cursor.setPosition(found.end, QTextCursor.MoveMode.KeepAnchor)
            cursor.insertText(found.replacement)
    finally:
        cursor.endEditBlock()
    return len(matches)
