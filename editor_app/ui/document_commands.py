"""Formatting commands on the document: block kinds and inline marks, each one undo step.

Changing a block's kind rewrites its block format and re-styles its runs for
the new kind, keeping their marks (a code block has none). Quotes change as a
whole: a quote's attribution follows it, so a blockquote that becomes a pull
quote keeps its attribution and one that becomes paragraphs leaves no stray
attribution behind.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from PySide6.QtGui import QTextBlock, QTextCharFormat, QTextCursor, QTextList

from editor_app.ui.block_styles import (
    ATTRIBUTION_KINDS,
    ATTRIBUTION_OF,
    QUOTE_KINDS,
    QUOTE_OF,
    SOURCE_TEXT,
    BlockKind,
    BlockStyles,
    Marks,
    list_format,
)
from editor_app.ui.document_lines import NO_GROUP, Line
from editor_app.ui.document_paste import next_group
from editor_app.ui.document_reader import block_kind, fragments, read_line, run_info
from editor_app.ui.document_writer import line_block_format

MARK_NAMES = ("bold", "italic", "code", "link")
_Move = QTextCursor.MoveOperation
_Keep = QTextCursor.MoveMode.KeepAnchor
_UNMARKED = frozenset({BlockKind.CODE, BlockKind.RULE})


def touched_blocks(cursor: QTextCursor) -> list[QTextBlock]:
    """The blocks a cursor's selection touches (or its block); a selection that ends at
    the very start of a block does not touch that block."""
    document = cursor.document()
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    first, last = document.findBlock(start), document.findBlock(end)
    if end > start and end == last.position() and last.blockNumber() > first.blockNumber():
        last = last.previous()
    blocks = [first]
    while blocks[-1].blockNumber() < last.blockNumber():
        blocks.append(blocks[-1].next())
    return blocks


def apply_block_kind(
    cursor: QTextCursor,
    kind: BlockKind,
    styles: BlockStyles,
    *,
    level: int = 2,
    ordered: bool = False,
    language: str = "",
) -> None:
    """Make every block the cursor touches a ``kind`` block; if they all are one already,
    make them paragraphs. One undo step.

    An attribution kind makes the blocks the attribution of the quote above them.
    """
    if kind is BlockKind.RULE:
        raise ValueError("a rule is inserted (insert_blocks with a HorizontalRule), not applied")
    plan = _plan(touched_blocks(cursor), kind, level, ordered)
    group = next_group(cursor.document())
    lists: dict[int, QTextList] = {}
    if kind is BlockKind.LIST_ITEM and not plan.toggled_off:
        group = _continue_list(plan.blocks[0], ordered, lists) or group
    if kind in ATTRIBUTION_KINDS and not plan.toggled_off:
        group = _quote_group(plan.blocks[0], kind) or group
    cursor.beginEditBlock()
    try:
        for block, pulled_in in zip(plan.blocks, plan.pulled_in, strict=True):
            line = _new_line(block, plan.target, pulled_in, group, level, ordered, language)
            restyle_block(block, line, styles, lists)
    finally:
        cursor.endEditBlock()


def apply_char_mark(
    cursor: QTextCursor, mark: str, on: bool, styles: BlockStyles, href: str | None = None
) -> None:
    """Set or clear one inline mark ("bold", "italic", "code" or "link" with ``href``) on
    the selection, as one undo step; with no selection, on what the cursor types next."""
    if mark not in MARK_NAMES:
        raise ValueError(f"unknown mark {mark!r}; expected one of {', '.join(MARK_NAMES)}")
    if mark == "link" and on and href is None:
        raise ValueError("a link needs an href")
    if not cursor.hasSelection():
        line = read_line(cursor.block(), {})
        marks = _with_mark(marks_of(cursor.charFormat(), line.kind), mark, on, href)
        cursor.setCharFormat(_char_format(styles, line, marks, None))
        return
    start, end = cursor.selectionStart(), cursor.selectionEnd()
    runs = []
    for block in touched_blocks(cursor):
        line = read_line(block, {})
        if line.kind in _UNMARKED:
            continue
        for lo, hi, char_format in _runs(block, start, end):
            info = run_info(char_format, line.kind)
            marks = _with_mark(Marks(*info[:4]), mark, on, href)
            runs.append((lo, hi, _char_format(styles, line, marks, info[4])))
    edit = QTextCursor(cursor.document())
    edit.beginEditBlock()
    try:
        for lo, hi, char_format in runs:
            edit.setPosition(lo)
            edit.setPosition(hi, _Keep)
            edit.setCharFormat(char_format)
    finally:
        edit.endEditBlock()


def restyle_block(
    block: QTextBlock, line: Line, styles: BlockStyles, lists: dict[int, QTextList]
) -> None:
    """Give ``block`` the kind and properties of ``line`` (its text stays), re-styling its
    runs; list items of one group share the QTextList in ``lists``."""
    old = read_line(block, {})
    cursor = QTextCursor(block)
    text_list = block.textList()
    target_list = lists.get(line.group) if line.kind is BlockKind.LIST_ITEM else None
    keep_list = (
        text_list is not None
        and target_list is not None
        and text_list.objectIndex() == target_list.objectIndex()
    )
    if text_list is not None and not keep_list:
        text_list.remove(block)
    runs = [
        (lo, hi, run_info(char_format, old.kind)) for lo, hi, char_format in _runs(block, 0, -1)
    ]
    block_format = line_block_format(styles, line)
    if keep_list and text_list is not None:
        block_format.setObjectIndex(text_list.objectIndex())  # setBlockFormat would drop it
    cursor.setBlockFormat(block_format)
    cursor.setBlockCharFormat(styles.char_format(line.kind, level=line.level))
    for lo, hi, info in runs:
        marks = Marks(*info[:4]) if old.kind not in _UNMARKED else Marks()
        cursor.setPosition(lo)
        cursor.setPosition(hi, _Keep)
        cursor.setCharFormat(_char_format(styles, line, marks, info[4]))
    if line.kind is BlockKind.LIST_ITEM and not keep_list:
        if target_list is None:
            cursor.setPosition(block.position())
            lists[line.group] = cursor.createList(list_format(line.ordered))
        else:
            target_list.add(block)


@dataclass(frozen=True)
class _Plan:
    blocks: list[QTextBlock]
    pulled_in: list[bool]
    """True for attribution lines that change only because their quote does."""
    target: BlockKind
    toggled_off: bool


def _plan(touched: list[QTextBlock], kind: BlockKind, level: int, ordered: bool) -> _Plan:
    blocks = list(touched)
    pulled_in = [False] * len(blocks)
    if kind in QUOTE_KINDS:  # an attribution brings its quote along
        while block_kind(blocks[0]) in ATTRIBUTION_KINDS | QUOTE_KINDS:
            previous = blocks[0].previous()
            if not previous.isValid() or not _same_quote(previous, blocks[0]):
                break
            blocks.insert(0, previous)
            pulled_in.insert(0, False)
    # a quote takes its attribution along, whatever it becomes
    while (
        kind not in ATTRIBUTION_KINDS and block_kind(blocks[-1]) in QUOTE_KINDS | ATTRIBUTION_KINDS
    ):
        following = blocks[-1].next()
        if not following.isValid() or block_kind(following) not in ATTRIBUTION_KINDS:
            break
        blocks.append(following)
        pulled_in.append(True)
    lines = [read_line(block, {}) for block in blocks]
    toggled_off = all(_is_already(line, kind, level, ordered) for line in lines)
    target = BlockKind.PARAGRAPH if toggled_off else kind
    return _Plan(blocks, pulled_in, target, toggled_off)


def _same_quote(previous: QTextBlock, block: QTextBlock) -> bool:
    before, current = block_kind(previous), block_kind(block)
    family = {current, QUOTE_OF.get(current, current), ATTRIBUTION_OF.get(current, current)}
    return before in family and current in ATTRIBUTION_KINDS | {before}


def _is_already(line: Line, kind: BlockKind, level: int, ordered: bool) -> bool:
    if kind in QUOTE_KINDS:
        return line.kind in (kind, ATTRIBUTION_OF[kind])
    if kind is BlockKind.HEADING:
        return line.kind is kind and line.level == level
    if kind is BlockKind.LIST_ITEM:
        return line.kind is kind and line.ordered == ordered
    return line.kind is kind


def _new_line(
    block: QTextBlock,
    target: BlockKind,
    pulled_in: bool,
    group: int,
    level: int,
    ordered: bool,
    language: str,
) -> Line:
    current = block_kind(block)
    kind = target
    if current in ATTRIBUTION_KINDS and target in QUOTE_KINDS:
        kind = ATTRIBUTION_OF[target]
    elif pulled_in and target not in QUOTE_KINDS:
        kind = BlockKind.PARAGRAPH
    if kind in (BlockKind.PARAGRAPH, BlockKind.HEADING):
        return Line(kind, level=level)
    return Line(
        kind,
        group=group,
        ordered=ordered,
        language=language,
        level=level,
    )


def _quote_group(first: QTextBlock, attribution: BlockKind) -> int | None:
    """The group of the quote just above ``first``, which the new attribution belongs to."""
    previous = first.previous()
    if not previous.isValid() or block_kind(previous) not in (QUOTE_OF[attribution], attribution):
        return None
    return read_line(previous, {}).group or None


def _continue_list(first: QTextBlock, ordered: bool, lists: dict[int, QTextList]) -> int | None:
    """The group of the list just above ``first`` when the new items can continue it."""
    previous = first.previous()
    if not previous.isValid():
        return None
    line = read_line(previous, {})
    text_list = previous.textList()
    if line.kind is not BlockKind.LIST_ITEM or line.ordered != ordered or text_list is None:
        return None
    if line.group == NO_GROUP:
        return None
    lists[line.group] = text_list
    return line.group


def _with_mark(marks: Marks, mark: str, on: bool, href: str | None) -> Marks:
    if mark == "link":
        return replace(marks, link=href if on else None)
    if mark == "bold":
        return replace(marks, bold=on)
    if mark == "italic":
        return replace(marks, italic=on)
    return replace(marks, code=on)


def _runs(block: QTextBlock, start: int, end: int) -> list[tuple[int, int, QTextCharFormat]]:
    """The runs of ``block`` inside the document range ``[start, end)`` (``end`` -1: all)."""
    runs = []
    for fragment in fragments(block):
        lo = max(start, fragment.position())
        stop = fragment.position() + fragment.length()
        hi = stop if end < 0 else min(end, stop)
        if lo < hi:
            runs.append((lo, hi, fragment.charFormat()))
    return runs


def _char_format(
    styles: BlockStyles, line: Line, marks: Marks, source: int | None
) -> QTextCharFormat:
    char_format = styles.char_format(line.kind, marks, line.level)
    if source is not None:
        char_format.setProperty(SOURCE_TEXT, source)
    return char_format


def marks_of(char_format: QTextCharFormat, kind: BlockKind) -> Marks:
    """The marks a character format carries in a block of ``kind``."""
    return Marks(*run_info(char_format, kind)[:4])
