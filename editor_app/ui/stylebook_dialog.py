"""Tools → Style Book…: the newsroom's own entries in the library, edited in a table.

Add…, Edit… (or a double-click) and Remove change one entry at a time; Import…
adds a CSV or TOML file's entries all at once or not at all; Export… writes the
library's entries to a file the checks read back. The starter book built into
the app can be shown too ("Show the built-in entries"), greyed and read-only:
the library's entries add to it and win over it, but it is not edited here.
After every change the live checks re-read the book, so the text is checked
against the new spellings at once. File dialogs and questions go through small
methods (``ask_import_path``, ``ask_export_path``, ``confirm_remove``,
``show_error``) that tests replace.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QModelIndex, QSortFilterProxyModel, Qt
from PySide6.QtGui import QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from editor_app.checks.stylebook import StyleBookEntry, load_stylebook, starter_stylebook
from editor_app.checks.stylebook_files import stylebook_file_text, surnames_lost
from editor_app.errors import ArticleEditorError
from editor_app.export import write_atomically
from editor_app.library import Library
from editor_app.library.errors import LibraryError
from editor_app.ui.error_text import error_message
from editor_app.ui.stylebook_entry_dialog import KIND_LABELS, StyleBookEntryDialog

if TYPE_CHECKING:
    from editor_app.ui.main_window import MainWindow

COLUMNS = ("Canonical form", "Kind", "Variants", "Wrong spellings", "Note")
ENTRY_ROLE = Qt.ItemDataRole.UserRole + 1
BUILT_IN_ROLE = Qt.ItemDataRole.UserRole + 2
MAX_WIDTH = 200
"""The widest a column grows to fit its text; the note column takes the rest."""


def _tr(text: str) -> str:
    return QCoreApplication.translate("StyleBookDialog", text)


def entries_text(count: int) -> str:
    return _tr("1 entry") if count == 1 else _tr("{n} entries").format(n=f"{count:,}")


class StyleBookDialog(QDialog):
    """The library's style book; built by :func:`open_stylebook_editor`."""

    def __init__(self, window: MainWindow, library: Library) -> None:
        super().__init__(window)
        self.setObjectName("styleBookDialog")
        self.setWindowTitle(_tr("Style Book"))
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(900, 560)
        self._window = window
        self._library = library
        self._entries: list[StyleBookEntry] = []
        self._greyed = self.palette().brush(QPalette.ColorGroup.Disabled, QPalette.ColorRole.Text)
        self.entry_dialog: StyleBookEntryDialog | None = None
        """The Add/Edit dialog while it is open."""

        self.filter_field = QLineEdit()
        self.filter_field.setPlaceholderText(_tr("Filter entries"))
        self.filter_field.setClearButtonEnabled(True)
        self.built_in_box = QCheckBox(_tr("Show the &built-in entries"))
        self.built_in_box.setToolTip(
            _tr("The starter style book that comes with the app: read-only")
        )
        self.model = QStandardItemModel(0, len(COLUMNS), self)
        self.model.setHorizontalHeaderLabels([_tr(name) for name in COLUMNS])
        self.proxy = QSortFilterProxyModel(self)
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterKeyColumn(-1)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setSortCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.table = QTableView()
        self.table.setObjectName("styleBookTable")
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        self.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        rows = self.table.verticalHeader()
        rows.setVisible(False)
        rows.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        rows.setDefaultSectionSize(self.fontMetrics().height() + 8)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.count_label = QLabel()
        self.count_label.setObjectName("styleBookCount")
        self.status_label = QLabel()
        self.status_label.setObjectName("styleBookStatus")
        self.status_label.setWordWrap(True)

        self.add_button = QPushButton(_tr("&Add…"))
        self.edit_button = QPushButton(_tr("&Edit…"))
        self.remove_button = QPushButton(_tr("&Remove"))
        self.import_button = QPushButton(_tr("&Import…"))
        self.export_button = QPushButton(_tr("E&xport…"))
        self.import_button.setToolTip(_tr("Add the entries of a CSV or TOML style book"))
        self.export_button.setToolTip(_tr("Write the library's entries to a .csv or .toml file"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.rejected.connect(self.reject)

        top = QHBoxLayout()
        top.addWidget(self.filter_field, 1)
        top.addWidget(self.built_in_box)
        side = QVBoxLayout()
        for button in (self.add_button, self.edit_button, self.remove_button):
            side.addWidget(button)
        side.addSpacing(16)
        side.addWidget(self.import_button)
        side.addWidget(self.export_button)
        side.addStretch(1)
        middle = QHBoxLayout()
        middle.addWidget(self.table, 1)
        middle.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(middle, 1)
        layout.addWidget(self.count_label)
        layout.addWidget(self.status_label)
        layout.addWidget(self.buttons)

        self.filter_field.textChanged.connect(self._filter)
        self.built_in_box.toggled.connect(lambda _on: self.reload())
        self.table.doubleClicked.connect(self._edit_at)
        selection = self.table.selectionModel()
        selection.selectionChanged.connect(lambda _new, _old: self._update_buttons())
        self.add_button.clicked.connect(lambda: self.add_entry())
        self.edit_button.clicked.connect(lambda: self.edit_selected())
        self.remove_button.clicked.connect(lambda: self.remove_selected())
        self.import_button.clicked.connect(lambda: self.import_file())
        self.export_button.clicked.connect(lambda: self.export_file())

    # -- the table --------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the library's entries again. Raises ``ArticleEditorError`` from the library."""
        self._entries = self._library.stylebook_entries()
        own = {entry.canonical for entry in self._entries}
        self.model.removeRows(0, self.model.rowCount())
        self.table.setSortingEnabled(False)
        for entry in self._entries:
            self.model.appendRow(self._row(entry, built_in=False))
        starter = starter_stylebook().entries if self.built_in_box.isChecked() else ()
        for entry in starter:
            if entry.canonical not in own:  # the library's entry wins over the starter's
                self.model.appendRow(self._row(entry, built_in=True))
        self.table.setSortingEnabled(True)
        self.table.resizeColumnsToContents()
        for column in range(len(COLUMNS) - 1):
            self.table.setColumnWidth(column, min(self.table.columnWidth(column), MAX_WIDTH))
        count = entries_text(len(self._entries))
        if starter:
            built_in = self.model.rowCount() - len(self._entries)
            count = _tr("{own} in the library, {starter} built in").format(
                own=count, starter=f"{built_in:,}"
            )
        self.count_label.setText(count)
        self._update_buttons()

    def entries(self) -> list[StyleBookEntry]:
        """The library's entries as last read (not the built-in ones)."""
        return list(self._entries)

    def shown_canonicals(self) -> list[str]:
        """The canonical forms in the table, in the order shown (filtered and sorted)."""
        return [
            str(self.proxy.index(row, 0).data(ENTRY_ROLE).canonical)
            for row in range(self.proxy.rowCount())
        ]

    def select(self, canonical: str) -> bool:
        """Select the row of ``canonical`` (False when it is not shown)."""
        for row in range(self.proxy.rowCount()):
            if self.proxy.index(row, 0).data(ENTRY_ROLE).canonical == canonical:
                self.table.selectRow(row)
                self.table.scrollTo(self.proxy.index(row, 0))
                return True
        return False

    def selected_entries(self) -> list[StyleBookEntry]:
        """The selected rows' entries that can be changed (not the built-in ones)."""
        rows = self.table.selectionModel().selectedRows()
        return [index.data(ENTRY_ROLE) for index in rows if not index.data(BUILT_IN_ROLE)]

    def _row(self, entry: StyleBookEntry, *, built_in: bool) -> list[QStandardItem]:
        values = (
            entry.canonical,
            _tr(KIND_LABELS[entry.kind]),
            ", ".join((*entry.variants, *entry.nicknames)),
            ", ".join(entry.wrong),
            entry.note,
        )
        items = []
        for value in values:
            item = QStandardItem(value)
            item.setEditable(False)
            item.setData(entry, ENTRY_ROLE)
            item.setData(built_in, BUILT_IN_ROLE)
            item.setToolTip(value)
            if built_in:
                item.setForeground(self._greyed)
                item.setToolTip(_tr("Built in (read-only): {value}").format(value=value))
            items.append(item)
        return items

    def _filter(self, text: str) -> None:
        self.proxy.setFilterFixedString(text.strip())
        self._update_buttons()

    def _update_buttons(self) -> None:
        rows = self.table.selectionModel().selectedRows()
        editable = self.selected_entries()
        self.edit_button.setEnabled(len(rows) == 1 and len(editable) == 1)
        self.remove_button.setEnabled(bool(editable))
        self.export_button.setEnabled(bool(self._entries))

    # -- changes ----------------------------------------------------------------------------

    def add_entry(self, start: StyleBookEntry | None = None) -> StyleBookEntryDialog:
        """Open the entry dialog for a new entry; on OK it goes into the library."""
        dialog = StyleBookEntryDialog(self, start, taken={e.canonical for e in self._entries})
        dialog.accepted.connect(lambda: self._store(None, dialog.entry()))
        return self._open(dialog)

    def edit_selected(self) -> StyleBookEntryDialog | None:
        """Open the entry dialog on the selected entry (None for a built-in one)."""
        chosen = self.selected_entries()
        if len(chosen) != 1:
            return None
        old = chosen[0]
        taken = {e.canonical for e in self._entries} - {old.canonical}
        dialog = StyleBookEntryDialog(self, old, taken=taken)
        dialog.accepted.connect(lambda: self._store(old.canonical, dialog.entry()))
        return self._open(dialog)

    def _edit_at(self, index: QModelIndex) -> None:
        self.table.selectRow(index.row())
        self.edit_selected()

    def _open(self, dialog: StyleBookEntryDialog) -> StyleBookEntryDialog:
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        self.entry_dialog = dialog
        dialog.finished.connect(lambda _result: setattr(self, "entry_dialog", None))
        dialog.open()
        return dialog

    def _store(self, old_canonical: str | None, entry: StyleBookEntry) -> bool:
        try:
            if old_canonical is None:
                self._library.add_stylebook_entry(entry)
            else:
                self._library.replace_stylebook_entry(old_canonical, entry)
        except ArticleEditorError as error:
            self.show_error(_tr("Cannot save the entry"), error_message(error))
            return False
        self._changed(_tr("Saved “{name}”").format(name=entry.canonical))
        if not self.select(entry.canonical):  # hidden by the filter: show it anyway
            self.filter_field.clear()
            self.select(entry.canonical)
        return True

    def remove_selected(self) -> int:
        """Remove the selected entries (after asking); how many were removed."""
        chosen = self.selected_entries()
        if not chosen or not self.confirm_remove([entry.canonical for entry in chosen]):
            return 0
        removed = 0
        try:
            for entry in chosen:
                removed += self._library.remove_stylebook_entry(entry.canonical)
        except ArticleEditorError as error:
            self.show_error(_tr("Cannot remove the entry"), error_message(error))
        if removed:
            self._changed(_tr("Removed {count}").format(count=entries_text(removed)))
        return removed

    def import_file(self) -> int:
        """Add a CSV or TOML file's entries (all or none); how many were imported."""
        path = self.ask_import_path()
        if path is None:
            return 0
        try:
            book = load_stylebook(path)
            count = self._library.import_stylebook(book.entries)
        except ArticleEditorError as error:
            self.show_error(_tr("Cannot import the style book"), error_message(error))
            return 0
        message = _tr("Imported {count} from {name}").format(
            count=entries_text(count), name=path.name
        )
        lost = surnames_lost(book)
        if lost:
            message += ". " + _tr(
                "The library keeps no surname column: {n} named alone by a guessed surname "
                "instead of the file’s (e.g. {name})."
            ).format(n=len(lost), name=lost[0])
        self._changed(message)
        return count

    def export_file(self) -> bool:
        """Write the library's entries to a .csv or .toml file (atomically)."""
        path = self.ask_export_path()
        if path is None:
            return False
        try:
            text = stylebook_file_text(self._entries, path.suffix)
            write_atomically(path, text.encode("utf-8"))
        except (ArticleEditorError, OSError) as error:
            self.show_error(_tr("Cannot export the style book"), error_message(error))
            return False
        self._notify(
            _tr("Exported {count} to {name}").format(
                count=entries_text(len(self._entries)), name=path.name
            )
        )
        return True

    def _changed(self, message: str) -> None:
        """After an edit: the table again, and the live checks re-read the book."""
        try:
            self.reload()
        except ArticleEditorError as error:
            self.show_error(_tr("Cannot read the style book"), error_message(error))
        live_checks = getattr(self._window, "live_checks", None)
        if live_checks is not None:
            live_checks.reload_stylebook()
        self._notify(message)

    def _notify(self, message: str) -> None:
        self.status_label.setText(message)
        self._window.show_notice(message)

    # -- questions (tests replace these) ----------------------------------------------------

    def ask_import_path(self) -> Path | None:
        name, _ = QFileDialog.getOpenFileName(
            self, _tr("Import Style Book"), "", _tr("Style books (*.csv *.toml);;All files (*)")
        )
        return Path(name) if name else None

    def ask_export_path(self) -> Path | None:
        name, _ = QFileDialog.getSaveFileName(
            self,
            _tr("Export Style Book"),
            "stylebook.csv",
            _tr("CSV style book (*.csv);;TOML style book (*.toml)"),
        )
        return Path(name) if name else None

    def confirm_remove(self, canonicals: list[str]) -> bool:
        if len(canonicals) == 1:
            text = _tr("Remove “{name}” from the style book?").format(name=canonicals[0])
        else:
            text = _tr("Remove {count} from the style book?").format(
                count=entries_text(len(canonicals))
            )
        answer = QMessageBox.question(
            self,
            _tr("Remove Entry"),
            text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def show_error(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)


def open_stylebook_editor(window: MainWindow) -> StyleBookDialog:
    """Show the library's style book (window-modal, not blocking). Raises ``LibraryError``
    without a library (the action is off then); a library error reading the entries is
    shown in a message box and the dialog stays closed."""
    workspace = window.workspace
    library = workspace.library if workspace is not None else None
    if library is None:
        raise LibraryError(_tr("there is no library: the style book is kept in the library"))
    dialog = StyleBookDialog(window, library)
    try:
        dialog.reload()
    except ArticleEditorError as error:
        window.show_error(_tr("Cannot show the style book"), error_message(error))
        dialog.deleteLater()
        return dialog
    dialog.open()
    return dialog


def attach_stylebook_editor(window: MainWindow) -> None:
    """Tools → Style Book…, on when the window has a library."""
    action = window.commands["stylebook"]
    workspace = window.workspace
    has_library = workspace is not None and workspace.library is not None
    action.setEnabled(has_library)
    if has_library:
        action.triggered.connect(lambda _checked=False: open_stylebook_editor(window))
