"""The library sidebar: search as you type, filters, and the commands on a listed article.

The dock lists the newest 200 articles, or the best 50 hits of a query, never the whole
library, so it answers as fast on 100,000 articles as on 100. Listing problems (a query
the search cannot parse, a library gone away) are said under the search box, because a
message box on every keystroke would be worse than the problem; the commands on an
article report theirs in a message box. The work itself is in ``window_library``.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QModelIndex, QPoint, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QToolBar,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.errors import ArticleEditorError
from editor_app.library import Library, SearchFilters, SearchQueryError
from editor_app.model import Status
from editor_app.ui import window_library
from editor_app.ui.error_text import error_message
from editor_app.ui.hinted_list import HintedListView
from editor_app.ui.history_dialog import HistoryDialog, open_history
from editor_app.ui.library_filters import LibraryFilters
from editor_app.ui.library_list import (
    LibraryListModel,
    LibraryRow,
    LibraryRowDelegate,
    empty_hint,
)
from editor_app.ui.metadata_panel import STATUS_NAMES
from editor_app.ui.window_docks import add_side_panel

if TYPE_CHECKING:
    from collections.abc import Callable

    from editor_app.ui.main_window import MainWindow

SEARCH_DELAY_MS = 150
"""Typing pauses shorter than this do not search (a search is ~20 ms on 100,000 articles)."""
LIST_LIMIT = 200
SEARCH_LIMIT = 50
DOCK_WIDTH = 300


class LibraryBrowser(QDockWidget):
    """The "Library" dock on the left of ``window``; ``refresh()`` lists again."""

    def __init__(self, window: MainWindow, library: Library) -> None:
        super().__init__(window.tr("Library"), window)
        self.setObjectName("libraryBrowser")
        self._window = window
        self._library = library
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SEARCH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        self.search_box = QLineEdit()
        self.search_box.setObjectName("librarySearch")
        self.search_box.setPlaceholderText(self.tr("Search the library"))
        self.search_box.setClearButtonEnabled(True)
        self.problem_label = QLabel()
        self.problem_label.setObjectName("libraryProblem")
        self.problem_label.setWordWrap(True)
        self.problem_label.setTextFormat(Qt.TextFormat.PlainText)
        self.problem_label.setStyleSheet("color: palette(link); font-size: small;")
        self.problem_label.hide()
        self.filter_bar = LibraryFilters()
        self.model = LibraryListModel(self)
        self.list = HintedListView()
        self.list.setObjectName("libraryList")
        self.list.setModel(self.model)
        self.list.setItemDelegate(LibraryRowDelegate(self.list))
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.list.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.count_label = QLabel()
        self.count_label.setObjectName("libraryCount")
        self.count_label.setStyleSheet("color: palette(placeholder-text);")
        self._build_actions()
        self._build_layout()
        self._connect()
        self.refresh_filters()
        self.refresh()

    # -- building -----------------------------------------------------------------------

    def _action(self, text: str, tip: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.setToolTip(tip)
        action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        return action

    def _build_actions(self) -> None:
        tr = self.tr
        self.open_action = self._action(tr("&Open"), tr("Open the article"), self.open_selected)
        self.new_action = self._action(tr("&New"), tr("A new library article"), self.new_article)
        self.duplicate_action = self._action(
            tr("D&uplicate"), tr("Add a copy as a new draft"), self.duplicate_selected
        )
        self.delete_action = self._action(
            tr("&Delete…"), tr("Move the article to the trash"), self.delete_selected
        )
        self.delete_action.setShortcut(QKeySequence(QKeySequence.StandardKey.Delete))
        self.delete_action.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        self.list.addAction(self.delete_action)
        self.status_menu = QMenu(tr("Change &Status"), self)
        self.status_actions: dict[Status, QAction] = {}
        for status, name in STATUS_NAMES.items():
            action = self.status_menu.addAction(tr(name))
            action.triggered.connect(lambda _checked=False, s=status: self.set_selected_status(s))
            self.status_actions[status] = action
        self.trash_action = self._action(
            tr("Show &Trash"), tr("List the articles in the trash"), self._trash_toggled
        )
        self.trash_action.setCheckable(True)
        self.restore_action = self._action(
            tr("&Restore"), tr("Take the article out of the trash"), self.restore_selected
        )
        self.empty_trash_action = self._action(
            tr("&Empty Trash…"), tr("Delete the articles in the trash for good"), self.empty_trash
        )
        self.history_action = self._action(
            tr("&History…"), tr("Revisions of the article"), self.show_history
        )

    def _build_layout(self) -> None:
        self.toolbar = QToolBar()
        self.toolbar.setObjectName("libraryToolbar")
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for action in (self.new_action, self.duplicate_action, self.delete_action):
            self.toolbar.addAction(action)
        self.status_button = QToolButton()
        self.status_button.setText(self.tr("Set Status"))
        self.status_button.setToolTip(self.tr("Change the article's status"))
        self.status_button.setMenu(self.status_menu)
        self.status_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.status_button_action = self.toolbar.addWidget(self.status_button)
        for action in (self.restore_action, self.empty_trash_action):
            self.toolbar.addAction(action)
        trash_button = QToolButton()
        trash_button.setObjectName("libraryTrashButton")
        trash_button.setDefaultAction(self.trash_action)
        trash_button.setAutoRaise(True)
        footer = QHBoxLayout()
        footer.addWidget(self.count_label, 1)
        footer.addWidget(trash_button)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(6, 4, 6, 4)
        layout.setSpacing(4)
        for widget in (self.search_box, self.problem_label):
            layout.addWidget(widget)
        layout.addWidget(self.filter_bar)
        layout.addWidget(self.toolbar)
        layout.addWidget(self.list, 1)
        layout.addLayout(footer)
        self.setWidget(body)

    def _connect(self) -> None:
        self.search_box.textChanged.connect(lambda _text: self._timer.start())
        self.search_box.returnPressed.connect(self.refresh)
        self.filter_bar.changed.connect(self.refresh)
        self.list.activated.connect(self._activated)
        self.list.customContextMenuRequested.connect(self._context_menu)
        selection = self.list.selectionModel()
        selection.selectionChanged.connect(lambda *_args: self._update_actions())

    # -- listing --------------------------------------------------------------------------

    @property
    def trash_mode(self) -> bool:
        return self.trash_action.isChecked()

    def refresh(self) -> None:
        """List again now: the newest articles, the hits of the query, or the trash."""
        self._timer.stop()
        query = self.search_box.text().strip()
        filters = self.filter_bar.filters()
        try:
            if self.trash_mode:
                found = self._library.list_trash(filters, LIST_LIMIT)
                rows = [LibraryRow.of_summary(summary) for summary in found]
                counted = self.tr("{n} in the trash")
            elif query:
                hits = self._library.search(query, filters, SEARCH_LIMIT)
                rows = [LibraryRow.of_hit(hit) for hit in hits]
                counted = self.tr("{n} found")
            else:
                found = self._library.list_articles(filters, LIST_LIMIT)
                rows = [LibraryRow.of_summary(summary) for summary in found]
                counted = self.tr("the newest {n}") if len(rows) == LIST_LIMIT else self.tr("{n}")
        except (SearchQueryError, ArticleEditorError) as error:
            self._say(error_message(error))
            return
        self._say("")
        selected = self.selected_id()
        self.model.set_rows(rows)
        searched = "" if self.trash_mode else query
        self.list.set_hint(empty_hint(self.trash_mode, searched, filters != SearchFilters()))
        self._follow_origin()
        self.count_label.setText(self._count_text(counted, len(rows)))
        if selected is not None:
            self.select(selected)
        self._update_actions()

    def _count_text(self, counted: str, n: int) -> str:
        articles = self.tr("1 article") if n == 1 else self.tr("{n} articles").format(n=n)
        return counted.format(n=articles)

    def refresh_filters(self) -> None:
        """The sections and tags in use, keeping the chosen ones."""
        try:
            sections, tags = self._library.sections(), self._library.tags()
        except ArticleEditorError as error:
            self._say(error_message(error))
            return
        self.filter_bar.set_choices(sections, tags)

    def refresh_all(self) -> None:
        self.refresh_filters()
        self.refresh()

    def _say(self, problem: str) -> None:
        self.problem_label.setText(problem)
        self.problem_label.setVisible(bool(problem))

    def _follow_origin(self) -> None:
        origin = self._window.library_origin
        self.model.set_current(origin.article_id if origin is not None else None)

    # -- the selection --------------------------------------------------------------------

    def selected_id(self) -> int | None:
        row = self._selected_row()
        return row.article_id if row is not None else None

    def _selected_row(self) -> LibraryRow | None:
        indexes = self.list.selectionModel().selectedIndexes()
        rows = self.model.rows()
        return rows[indexes[0].row()] if indexes and indexes[0].row() < len(rows) else None

    def select(self, article_id: int) -> bool:
        number = self.model.row_of(article_id)
        if number is None:
            return False
        self.list.setCurrentIndex(self.model.index(number))
        self.list.scrollTo(self.model.index(number))
        return True

    def _update_actions(self) -> None:
        chosen = self.selected_id() is not None
        trash = self.trash_mode
        for action in (self.new_action, self.duplicate_action, self.delete_action):
            action.setVisible(not trash)
        self.status_button_action.setVisible(not trash)
        for action in (self.restore_action, self.empty_trash_action):
            action.setVisible(trash)
        for action in (self.open_action, self.duplicate_action, self.delete_action):
            action.setEnabled(chosen)
        self.restore_action.setEnabled(chosen)
        self.status_menu.setEnabled(chosen and not trash)
        self.status_button.setEnabled(chosen and not trash)
        self.empty_trash_action.setEnabled(trash and self.model.rowCount() > 0)
        self.search_box.setEnabled(not trash)
        self.history_action.setEnabled(chosen)

    def _activated(self, index: QModelIndex) -> None:
        rows = self.model.rows()
        if index.isValid() and index.row() < len(rows):
            self._window.open_library_article(rows[index.row()].article_id)

    def _context_menu(self, position: QPoint) -> None:
        menu = QMenu(self)
        if self.trash_mode:
            menu.addActions([self.open_action, self.restore_action, self.history_action])
            menu.addSeparator()
            menu.addAction(self.empty_trash_action)
        else:
            menu.addActions([self.open_action, self.new_action, self.duplicate_action])
            menu.addMenu(self.status_menu)
            menu.addAction(self.history_action)
            menu.addSeparator()
            menu.addAction(self.delete_action)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        menu.popup(self.list.viewport().mapToGlobal(position))

    # -- the commands ---------------------------------------------------------------------

    def open_selected(self) -> bool:
        article_id = self.selected_id()
        return article_id is not None and self._window.open_library_article(article_id)

    def show_history(self) -> HistoryDialog | None:
        article_id = self.selected_id()
        return open_history(self._window, article_id) if article_id is not None else None

    def new_article(self) -> bool:
        """A new, empty article, added to the library at once so it is listed."""
        return self._window.new_article() and self._window.save_to_library()

    def duplicate_selected(self) -> bool:
        article_id = self.selected_id()
        if article_id is None:
            return False
        stored = window_library.duplicate(self._window, article_id)
        if stored is None:
            return False
        self.refresh_all()
        self.select(stored.id)
        return True

    def delete_selected(self) -> QMessageBox | None:
        """Asks first (window-modal, not blocking); the box is returned for tests."""
        row = self._selected_row()
        if row is None:
            return None
        text = self.tr("Move “{headline}” to the trash?").format(headline=row.title)
        info = self.tr("You can restore it from the trash until the trash is emptied.")
        return self._confirm(
            text, info, self.tr("Move to Trash"), lambda: self._trash(row.article_id)
        )

    def _trash(self, article_id: int) -> None:
        if window_library.trash(self._window, article_id):
            self.refresh()

    def set_selected_status(self, status: Status) -> bool:
        article_id = self.selected_id()
        if article_id is None or not window_library.set_status(self._window, article_id, status):
            return False
        self.refresh()
        return True

    def _trash_toggled(self) -> None:
        self.list.clearSelection()
        self.refresh()

    def restore_selected(self) -> bool:
        article_id = self.selected_id()
        if article_id is None or not window_library.undelete(self._window, article_id):
            return False
        self.refresh()
        return True

    def empty_trash(self) -> QMessageBox | None:
        count = self.model.rowCount()
        if not self.trash_mode or count == 0:
            return None
        text = self.tr("Delete the articles in the trash for good?")
        info = self.tr("Their revisions go too. This cannot be undone.")
        return self._confirm(text, info, self.tr("Empty Trash"), self._empty_trash)

    def _empty_trash(self) -> None:
        if window_library.empty_trash(self._window):
            self.refresh_all()

    def _confirm(self, text: str, info: str, verb: str, then: Callable[[], None]) -> QMessageBox:
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Library"), text, parent=self._window)
        box.setObjectName("libraryConfirm")
        box.setInformativeText(info)
        yes = box.addButton(verb, QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(QMessageBox.StandardButton.Cancel)
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        box.setWindowModality(Qt.WindowModality.WindowModal)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.finished.connect(lambda _result: then() if box.clickedButton() is yes else None)
        box.open()
        return box


def attach_library_browser(window: MainWindow) -> LibraryBrowser | None:
    """The dock on the left, wired to View → Library and File → Save to Library; none
    (and those commands off) without a library."""
    toggle, save_to = window.commands["library_panel"], window.commands["save_to_library"]
    library = window_library.library_of(window)
    if library is None:
        toggle.setEnabled(False)
        save_to.setEnabled(False)
        return None
    browser = LibraryBrowser(window, library)
    area = Qt.DockWidgetArea.LeftDockWidgetArea
    add_side_panel(window, browser, area, DOCK_WIDTH, toggle, browser.search_box.setFocus)
    save_to.triggered.connect(lambda _checked=False: window.save_to_library())

    def origin_changed() -> None:
        save_to.setEnabled(window.library_origin is None)
        browser.model.set_current(
            window.library_origin.article_id if window.library_origin is not None else None
        )

    window.library_origin_changed.connect(origin_changed)
    window.saved.connect(browser.refresh_all)
    origin_changed()
    return browser
