"""File → History…: every earlier text of a library article, compared side by side.

The list holds the current version at the top and then the revisions, newest
first. Selecting one revision compares it with the current version; selecting
two compares them with each other, older on the left. "Restore This Revision"
asks first, then makes the revision the current text — the library keeps the
text it replaces as a revision, so restoring never loses anything. When the
article is open in the window with unsaved changes, those are saved first (and
so kept in the history too); if they cannot be saved, nothing is restored.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QItemSelectionModel, QSignalBlocker, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QMessageBox,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
)

from editor_app.errors import ArticleEditorError
from editor_app.library import Library
from editor_app.library.errors import LibraryError
from editor_app.model import Article
from editor_app.ui.diff_view import DiffView
from editor_app.ui.error_text import error_message
from editor_app.ui.time_text import local_time

if TYPE_CHECKING:
    from editor_app.ui.main_window import MainWindow

CURRENT = 0
"""The list's number for the current version (revisions count from 1)."""
NUMBER_ROLE = Qt.ItemDataRole.UserRole
COLUMNS = ("Revision", "Saved", "Author", "Note", "Words")
_KEEP_SELECTION = QItemSelectionModel.SelectionFlag.NoUpdate


def _tr(text: str) -> str:
    return QCoreApplication.translate("HistoryDialog", text)


def library_of(window: MainWindow) -> Library | None:
    workspace = window.workspace
    return workspace.library if workspace is not None else None


def shown_article_id(window: MainWindow) -> int | None:
    """The library article the window edits; ``None`` for a file or a new article."""
    origin = getattr(window, "library_origin", None)
    return origin.article_id if origin is not None else None


class HistoryDialog(QDialog):
    """The revisions of one article; built by :func:`open_history`."""

    def __init__(self, window: MainWindow, library: Library, article_id: int) -> None:
        super().__init__(window)
        self.setObjectName("historyDialog")
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(1000, 700)
        self._window = window
        self._library = library
        self.article_id = article_id

        self.revision_list = QTreeWidget()
        self.revision_list.setObjectName("revisionList")
        self.revision_list.setRootIsDecorated(False)
        self.revision_list.setUniformRowHeights(True)
        self.revision_list.setAllColumnsShowFocus(True)
        self.revision_list.setHeaderLabels([_tr(name) for name in COLUMNS])
        self.revision_list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.revision_list.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.revision_list.setToolTip(_tr("Select two revisions to compare them with each other"))
        self.diff_view = DiffView()

        self.restore_button = QPushButton(_tr("&Restore This Revision"))
        self.restore_button.setObjectName("restoreRevision")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.buttons.rejected.connect(self.reject)
        self.restore_button.clicked.connect(self.restore_selected)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.revision_list)
        splitter.addWidget(self.diff_view)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 3)
        splitter.setChildrenCollapsible(False)
        layout = QVBoxLayout(self)
        layout.addWidget(splitter)
        layout.addWidget(self.buttons)
        self.revision_list.itemSelectionChanged.connect(self._selection_changed)

    # -- the list ---------------------------------------------------------------------------

    def reload(self) -> None:
        """Read the article's versions again; the newest revision is selected (compared
        with the current version). Raises ``ArticleEditorError`` from the library."""
        stored = self._library.get(self.article_id)
        revisions = self._library.history(self.article_id)
        headline = stored.article.meta.headline.strip() or _tr("Untitled")
        self.setWindowTitle(_tr("History — {headline}").format(headline=headline))
        self.revision_list.clear()
        current = QTreeWidgetItem(
            [
                _tr("Current version"),
                local_time(stored.updated),
                "",
                _tr("version {n}").format(n=stored.version),
                str(stored.article.word_count()),
            ]
        )
        current.setData(0, NUMBER_ROLE, CURRENT)
        font = current.font(0)
        font.setBold(True)
        current.setFont(0, font)
        items = [current]
        for revision in revisions:
            item = QTreeWidgetItem(
                [
                    _tr("Revision {n}").format(n=revision.number),
                    local_time(revision.saved_at),
                    revision.author,
                    revision.note,
                    str(revision.word_count),
                ]
            )
            item.setData(0, NUMBER_ROLE, revision.number)
            item.setTextAlignment(4, Qt.AlignmentFlag.AlignRight)
            items.append(item)
        current.setTextAlignment(4, Qt.AlignmentFlag.AlignRight)
        self.revision_list.addTopLevelItems(items)
        self.select_numbers(items[1 if len(items) > 1 else 0].data(0, NUMBER_ROLE))

    def _items(self) -> list[QTreeWidgetItem]:
        found = (self.revision_list.topLevelItem(row) for row in range(self._count()))
        return [item for item in found if item is not None]

    def _count(self) -> int:
        return self.revision_list.topLevelItemCount()

    def numbers(self) -> list[int]:
        """Every version in the list, as shown: ``CURRENT`` (0) then revisions, newest first."""
        return [int(item.data(0, NUMBER_ROLE)) for item in self._items()]

    def selected_numbers(self) -> list[int]:
        return sorted(
            (int(item.data(0, NUMBER_ROLE)) for item in self.revision_list.selectedItems()),
            key=_age,
        )

    def select_numbers(self, *numbers: int) -> None:
        """Select these versions (``CURRENT`` for the current one) and compare them."""
        with QSignalBlocker(self.revision_list):
            self.revision_list.clearSelection()
            for item in self._items():
                if int(item.data(0, NUMBER_ROLE)) in numbers:
                    item.setSelected(True)
                    self.revision_list.setCurrentItem(item, 0, _KEEP_SELECTION)
        self._selection_changed()

    def _selection_changed(self) -> None:
        chosen = self.selected_numbers()
        self.restore_button.setEnabled(len(chosen) == 1 and chosen[0] != CURRENT)
        try:
            self._compare(chosen)
        except ArticleEditorError as error:
            self.diff_view.clear()
            self.diff_view.summary_label.setText(error_message(error))

    def _compare(self, chosen: list[int]) -> None:
        if len(chosen) == 1 and chosen[0] != CURRENT:
            chosen = [chosen[0], CURRENT]
        if len(chosen) != 2:
            self.diff_view.clear()
            self.diff_view.summary_label.setText(
                _tr("Select a revision to compare with the current version, or two revisions.")
            )
            return
        older, newer = chosen
        self.diff_view.set_articles(
            self._text(older), self._text(newer), self._label(older), self._label(newer)
        )

    def _text(self, number: int) -> Article:
        if number == CURRENT:
            return self._library.get(self.article_id).article
        return self._library.revision(self.article_id, number)

    @staticmethod
    def _label(number: int) -> str:
        return _tr("Current version") if number == CURRENT else _tr("Revision {n}").format(n=number)

    # -- restoring ------------------------------------------------------------------------------

    def restore_selected(self) -> bool:
        """Restore the one selected revision (after asking); True when it was restored."""
        chosen = self.selected_numbers()
        if len(chosen) != 1 or chosen[0] == CURRENT:
            return False
        number = chosen[0]
        window = self._window
        open_here = shown_article_id(window) == self.article_id
        unsaved = open_here and window.is_modified()
        if not self.confirm_restore(number, unsaved=unsaved):
            return False
        if unsaved and not window.save():
            self.show_error(
                _tr("Revision not restored"),
                _tr(
                    "Your unsaved changes could not be saved, so revision {n} was not restored: "
                    "save or resolve them first, then restore."
                ).format(n=number),
            )
            return False
        author = window.workspace.author if window.workspace is not None else ""
        try:
            self._library.restore(self.article_id, number, author=author)
        except ArticleEditorError as error:
            self.show_error(_tr("Revision not restored"), error_message(error))
            return False
        if open_here:
            opener = getattr(window, "open_library_article", None)
            if opener is not None:
                opener(self.article_id)
        window.show_notice(
            _tr("Restored revision {n}; the text it replaced is kept in the history").format(
                n=number
            )
        )
        try:
            self.reload()
        except ArticleEditorError as error:
            self.show_error(_tr("Cannot show the history"), error_message(error))
        self.select_numbers(CURRENT)
        return True

    def confirm_restore(self, number: int, *, unsaved: bool) -> bool:
        """Ask before restoring (tests replace this)."""
        text = _tr("Restore revision {n} as the current text?").format(n=number)
        detail = _tr("The current text is kept in the history as a revision.")
        if unsaved:
            detail += " " + _tr(
                "The window has unsaved changes: they are saved first, so they are kept too."
            )
        box = QMessageBox(QMessageBox.Icon.Question, _tr("Restore Revision"), text, parent=self)
        box.setInformativeText(detail)
        restore = box.addButton(_tr("&Restore"), QMessageBox.ButtonRole.AcceptRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.exec()
        return box.clickedButton() is restore

    def show_error(self, title: str, message: str) -> None:
        """Tell the person why something failed (tests replace this)."""
        QMessageBox.warning(self, title, message)


def _age(number: int) -> float:
    """Oldest first: revisions by number, the current version after them all."""
    return float("inf") if number == CURRENT else float(number)


def open_history(window: MainWindow, article_id: int) -> HistoryDialog:
    """Show the history of library article ``article_id`` (window-modal, not blocking).
    A library error is shown in a message box; the dialog then stays closed. Raises
    ``LibraryError`` when the window has no library (the action is off then)."""
    library = library_of(window)
    if library is None:
        raise LibraryError(_tr("there is no library: the history is kept in the library"))
    dialog = HistoryDialog(window, library, article_id)
    try:
        dialog.reload()
    except ArticleEditorError as error:
        window.show_error(_tr("Cannot show the history"), error_message(error))
        dialog.deleteLater()
        return dialog
    dialog.open()
    return dialog


def attach_history(window: MainWindow) -> None:
    """File → History… (on for library articles only) and Tools → Style Book… (on when
    there is a library): the library's records of the text and of the spellings."""
    from editor_app.ui.stylebook_dialog import attach_stylebook_editor

    action = window.commands["history"]

    def update() -> None:
        action.setEnabled(library_of(window) is not None and shown_article_id(window) is not None)

    def show() -> None:
        article_id = shown_article_id(window)
        if library_of(window) is None or article_id is None:
            window.show_notice(_tr("Only articles in the library have a history"))
            return
        open_history(window, article_id)

    action.triggered.connect(lambda _checked=False: show())
    for signal_name in ("library_origin_changed", "article_shown", "saved"):
        signal = getattr(window, signal_name, None)
        if signal is not None:
            signal.connect(update)
    update()
    attach_stylebook_editor(window)
