"""Help → Keyboard Shortcuts: every command with its keys, menu by menu.

Built from the window's live actions (``actions.shortcut_rows``), so the list
shows exactly the keys that work, on this platform's notation, plus the keys
the editor handles without a menu command (Shift+Enter, Esc, ...).
"""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from editor_app.ui.actions import EDITING_KEYS, WindowActions, shortcut_rows, translate


class ShortcutsDialog(QDialog):
    def __init__(self, actions: WindowActions, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Keyboard Shortcuts"))
        self.tree = QTreeWidget()
        self.tree.setColumnCount(2)
        self.tree.setHeaderLabels([self.tr("Command"), self.tr("Keys")])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setAlternatingRowColors(True)
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.NoSelection)
        self.tree.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(False)
        groups: dict[str, QTreeWidgetItem] = {}
        for row in shortcut_rows(actions):
            group = groups.get(row.menu) or self._group(row.menu)
            groups[row.menu] = group
            group.addChild(QTreeWidgetItem([row.command, row.keys]))
        typing = self._group(self.tr("Typing"))
        for command, keys in EDITING_KEYS:
            typing.addChild(QTreeWidgetItem([translate(command), translate(keys)]))
        self.tree.expandAll()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree)
        layout.addWidget(buttons)

    def _group(self, title: str) -> QTreeWidgetItem:
        item = QTreeWidgetItem([title])
        font = QFont(self.font())
        font.setBold(True)
        item.setFont(0, font)
        item.setFirstColumnSpanned(True)
        self.tree.addTopLevelItem(item)
        return item

    def listed(self) -> dict[str, str]:
        """Command → keys, as shown (for tests and for people reading the code)."""
        shown: dict[str, str] = {}
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            children = [group.child(n) for n in range(group.childCount())] if group else []
            shown.update((item.text(0), item.text(1)) for item in children if item is not None)
        return shown

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(520, 640)
