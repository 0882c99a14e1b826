"""Two versions of an article side by side: the older on the left, the newer on the right.

The alignment comes from ``editor_app.compare``; this widget only paints it. Each
row of the comparison is one block in each pane (an empty, hatched block where a
version has no line), and the shorter block of every row gets extra space below
it, so a row starts at the same height in both panes whatever the wrapping; the
panes then scroll together line for line. Changed words are tinted — deleted red
(and struck through) on the left, inserted green (and underlined) on the right —
with translucent colours that read on light and dark palettes alike.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontDatabase,
    QTextBlockFormat,
    QTextCharFormat,
    QTextCursor,
    QTextDocument,
)
from PySide6.QtWidgets import QGridLayout, QLabel, QTextEdit, QVBoxLayout, QWidget

from editor_app.compare import (
    Change,
    Comparison,
    Counts,
    LineKind,
    Row,
    Side,
    compare_articles,
)
from editor_app.model import Article

DELETED_WORDS = QColor(230, 60, 60, 110)
INSERTED_WORDS = QColor(40, 180, 80, 110)
REMOVED_LINE = QColor(230, 60, 60, 34)
ADDED_LINE = QColor(40, 180, 80, 34)
ROW_SPACING = 4
"""Pixels below every row, so paragraphs stay apart."""
INDENTED = {LineKind.QUOTE, LineKind.PULL_QUOTE, LineKind.ATTRIBUTION, LineKind.ITEM}
_FIXED_HEIGHT = QTextBlockFormat.LineHeightTypes.MinimumHeight.value
LINE_SEPARATOR = "\u2028"
"""A line break inside a block: a row is always one block."""

FIELD_NAMES = {
    LineKind.HEADLINE: "Headline",
    LineKind.STANDFIRST: "Standfirst",
    LineKind.BYLINE: "Byline",
    LineKind.DATELINE: "Dateline",
}


def _tr(text: str) -> str:
    return QCoreApplication.translate("DiffView", text)


def summary_text(counts: Counts) -> str:
    """ "Headline changed; 3 paragraphs changed, 1 added" — or that nothing changed."""
    parts = [
        _tr("{field} {change}").format(field=_tr(FIELD_NAMES[kind]), change=_tr(change.value))
        for kind, change in counts.fields
    ]
    body = [
        (counts.changed, "changed"),
        (counts.added, "added"),
        (counts.removed, "removed"),
    ]
    shown = [(number, word) for number, word in body if number]
    if shown:
        first, rest = shown[0], shown[1:]
        noun = _tr("paragraph") if first[0] == 1 else _tr("paragraphs")
        words = [f"{first[0]} {noun} {_tr(first[1])}"]
        words += [f"{number} {_tr(word)}" for number, word in rest]
        parts.append(", ".join(words))
    if not parts:
        return _tr("No differences in the text")
    return "; ".join(parts)


def _pane(name: str) -> QTextEdit:
    pane = QTextEdit()
    pane.setObjectName(name)
    pane.setReadOnly(True)
    pane.setUndoRedoEnabled(False)
    pane.setLineWrapMode(QTextEdit.LineWrapMode.WidgetWidth)
    pane.setTextInteractionFlags(
        Qt.TextInteractionFlag.TextSelectableByMouse
        | Qt.TextInteractionFlag.TextSelectableByKeyboard
    )
    return pane


class DiffView(QWidget):
    """``set_articles(before, after, before_label, after_label)`` shows a comparison."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diffView")
        self._comparison = Comparison(())
        self.summary_label = QLabel()
        self.summary_label.setObjectName("diffSummary")
        self.before_label = QLabel()
        self.after_label = QLabel()
        for label in (self.before_label, self.after_label):
            font = label.font()
            font.setBold(True)
            label.setFont(font)
        self.before_pane = _pane("diffBefore")
        self.after_pane = _pane("diffAfter")

        grid = QGridLayout()
        grid.addWidget(self.before_label, 0, 0)
        grid.addWidget(self.after_label, 0, 1)
        grid.addWidget(self.before_pane, 1, 0)
        grid.addWidget(self.after_pane, 1, 1)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary_label)
        layout.addLayout(grid)

        self._balancer = QTimer(self)
        self._balancer.setSingleShot(True)
        self._balancer.setInterval(0)
        self._balancer.timeout.connect(self.balance_rows)
        left, right = self.before_pane.verticalScrollBar(), self.after_pane.verticalScrollBar()
        left.valueChanged.connect(right.setValue)
        right.valueChanged.connect(left.setValue)
        for pane in (self.before_pane, self.after_pane):
            pane.viewport().installEventFilter(self)

    @property
    def comparison(self) -> Comparison:
        return self._comparison

    def set_articles(
        self, before: Article, after: Article, before_label: str, after_label: str
    ) -> None:
        self.set_comparison(compare_articles(before, after), before_label, after_label)

    def set_comparison(self, comparison: Comparison, before_label: str, after_label: str) -> None:
        self._comparison = comparison
        self.before_label.setText(before_label)
        self.after_label.setText(after_label)
        self.summary_label.setText(summary_text(comparison.counts()))
        _fill(self.before_pane.document(), comparison.rows, left=True, font=self.font())
        _fill(self.after_pane.document(), comparison.rows, left=False, font=self.font())
        for pane in (self.before_pane, self.after_pane):
            pane.moveCursor(QTextCursor.MoveOperation.Start)
        self.balance_rows()

    def clear(self) -> None:
        self.set_comparison(Comparison(()), "", "")
        self.summary_label.clear()

    def balance_rows(self) -> None:
        """Give each row the same height in both panes (the taller side's). A hatched
        filler takes that height as its line height, a line as space below it."""
        left, right = self.before_pane.document(), self.after_pane.document()
        rows = self._comparison.rows
        if left.blockCount() != len(rows) or right.blockCount() != len(rows):
            return  # nothing shown yet (an empty comparison still has one empty block)
        heights = [
            (_text_height(left, n, row.left is None), _text_height(right, n, row.right is None))
            for n, row in enumerate(rows)
        ]
        for document, side in ((left, 0), (right, 1)):
            cursor = QTextCursor(document)
            for number, pair in enumerate(heights):
                block = document.findBlockByNumber(number)
                form = block.blockFormat()
                if (rows[number].left if side == 0 else rows[number].right) is None:
                    form.setLineHeight(max(pair), _FIXED_HEIGHT)
                else:
                    form.setBottomMargin(ROW_SPACING + round(max(pair) - pair[side]))
                if form == block.blockFormat():
                    continue
                cursor.setPosition(block.position())
                cursor.setBlockFormat(form)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if event.type() == QEvent.Type.Resize:
            self._balancer.start()  # after the panes laid out their text at the new width
        return super().eventFilter(watched, event)


def _text_height(document: QTextDocument, number: int, filler: bool) -> float:
    """A block's height without its margins (so without the padding ``balance_rows``
    gave it): the layout's bounding rectangle leaves them out. A filler has none."""
    if filler:
        return 0.0
    block = document.findBlockByNumber(number)
    return document.documentLayout().blockBoundingRect(block).height()


def _fill(document: QTextDocument, rows: tuple[Row, ...], *, left: bool, font: QFont) -> None:
    document.clear()
    document.setDefaultFont(font)
    cursor = QTextCursor(document)
    for number, row in enumerate(rows):
        side = row.left if left else row.right
        block_format, base = _formats(row, side, left=left, font=font)
        if number:
            cursor.insertBlock(block_format, base)
        else:
            cursor.setBlockFormat(block_format)
            cursor.setBlockCharFormat(base)
        for piece in side.pieces if side else ():
            char_format = QTextCharFormat(base)
            if piece.changed:
                char_format.setBackground(DELETED_WORDS if left else INSERTED_WORDS)
                char_format.setFontStrikeOut(left)
                char_format.setFontUnderline(not left)
            cursor.insertText(piece.text.replace("\n", LINE_SEPARATOR), char_format)


def _formats(
    row: Row, side: Side | None, *, left: bool, font: QFont
) -> tuple[QTextBlockFormat, QTextCharFormat]:
    block = QTextBlockFormat()
    block.setBottomMargin(ROW_SPACING)  # not a top margin: Qt collapses adjacent margins
    char = QTextCharFormat()
    if side is None:
        block.setBackground(QBrush(QColor(128, 128, 128, 60), Qt.BrushStyle.BDiagPattern))
        return block, char
    if row.change is not Change.SAME:
        block.setBackground(REMOVED_LINE if left else ADDED_LINE)
    kind = side.kind
    if kind in INDENTED:
        block.setLeftMargin(24 if kind is LineKind.ITEM else 32)
    if kind in (LineKind.HEADLINE, LineKind.HEADING):
        char.setFontWeight(QFont.Weight.Bold)
    if kind is LineKind.HEADLINE:
        char.setFontPointSize(max(font.pointSizeF(), 8.0) * 1.3)
    if kind in (LineKind.STANDFIRST, LineKind.QUOTE, LineKind.PULL_QUOTE):
        char.setFontItalic(True)
    if kind is LineKind.CODE:
        char.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    if kind is LineKind.RULE:
        block.setAlignment(Qt.AlignmentFlag.AlignHCenter)
    return block, char
