"""The window's library documents: open, save (with conflicts), add, duplicate, trash, status.

Functions of the window rather than methods, so ``main_window.py`` stays glue. Every
library error ends in ``window.show_error`` with the library's one sentence; nothing is
raised out of a slot. A save that loses the race against another editor is never lost:
the library keeps the refused text as a revision, and ``ConflictDialog`` asks what the
window should hold next.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication

from editor_app.errors import ArticleEditorError
from editor_app.importers import ImportResult
from editor_app.model import Article, Status
from editor_app.origin import LibraryOrigin
from editor_app.ui.error_text import error_message

if TYPE_CHECKING:  # the window imports this module; the library (SQLAlchemy) loads later
    from editor_app.library import Library, SaveConflict, StoredArticle
    from editor_app.ui.conflict_dialog import ConflictDialog
    from editor_app.ui.main_window import MainWindow


def _tr(text: str) -> str:
    return QCoreApplication.translate("WindowLibrary", text)


def library_of(window: MainWindow) -> Library | None:
    return window.workspace.library if window.workspace is not None else None


def _author(window: MainWindow) -> str:
    return window.workspace.author if window.workspace is not None else ""


def _failed(window: MainWindow, title: str, error: Exception) -> bool:
    window.show_error(title, error_message(error))
    return False


def load(window: MainWindow, article_id: int) -> bool:
    """Show library article ``article_id`` (no question asked: the caller asked)."""
    library = library_of(window)
    if library is None:
        return False
    try:
        stored = library.get(article_id)
    except ArticleEditorError as error:
        return _failed(window, _tr("Cannot open the article"), error)
    show_stored(window, stored)
    window.editor.setFocus()
    return True


def show_stored(window: MainWindow, stored: StoredArticle) -> None:
    window.show_result(ImportResult(stored.article), None)
    window.library_origin = LibraryOrigin(stored.id, stored.version)


def save(window: MainWindow, origin: LibraryOrigin) -> bool:
    """Save over library article ``origin``; a conflict opens ``ConflictDialog`` (False)."""
    library = library_of(window)
    if library is None:
        return _failed(window, _tr("Cannot save the article"), _no_library())
    from editor_app.library import SaveConflict

    article = window.article
    try:
        stored = library.save(
            origin.article_id,
            article,
            expected_version=origin.version,
            author=_author(window),
        )
    except SaveConflict as conflict:
        open_conflict(window, library, conflict, article)
        return False
    except ArticleEditorError as error:
        return _failed(window, _tr("Cannot save the article"), error)
    _saved(window, stored, article, _tr("Saved to the library (version {n})"))
    return True


def add(window: MainWindow) -> bool:
    """Add the article as a new library article, which the window then edits."""
    library = library_of(window)
    if library is None:
        return _failed(window, _tr("Cannot save to the library"), _no_library())
    article = window.article
    try:
        stored = library.add_article(article, author=_author(window))
    except ArticleEditorError as error:
        return _failed(window, _tr("Cannot save to the library"), error)
    _saved(window, stored, article, _tr("Saved to the library"))
    return True


def _saved(window: MainWindow, stored: StoredArticle, article: Article, notice: str) -> None:
    window.library_origin = LibraryOrigin(stored.id, stored.version)
    window.mark_saved(article, None, notice.format(n=stored.version))


def _no_library() -> ArticleEditorError:
    return ArticleEditorError(_tr("there is no library to save to"))


# -- conflicts ---------------------------------------------------------------------------


def open_conflict(
    window: MainWindow, library: Library, conflict: SaveConflict, mine: Article
) -> ConflictDialog | None:
    """Show who saved in between and both texts; the choice is carried out when made."""
    from editor_app.ui.conflict_dialog import ConflictChoice, ConflictDialog

    try:
        theirs = library.get(conflict.article_id)
    except ArticleEditorError as error:
        _failed(window, _tr("Cannot save the article"), error)
        return None
    dialog = ConflictDialog(window, conflict, theirs, mine, you=_author(window))

    def chosen(choice: ConflictChoice) -> None:
        if choice is ConflictChoice.KEEP_MINE:
            keep_mine(window, theirs.version)
        elif choice is ConflictChoice.TAKE_THEIRS:
            take_theirs(window, conflict)
        else:
            window.show_notice(
                _tr("Not saved; your text is also kept as revision {k}").format(
                    k=conflict.kept_revision
                )
            )

    dialog.chosen.connect(chosen)
    dialog.open()
    return dialog


def keep_mine(window: MainWindow, their_version: int) -> bool:
    """Save the window's text over theirs (theirs becomes a revision)."""
    origin = window.library_origin
    if origin is None:
        return False
    return save(window, replace(origin, version=their_version))


def take_theirs(window: MainWindow, conflict: SaveConflict) -> bool:
    """Show the library's version; the window's text stays in the history."""
    if not load(window, conflict.article_id):
        return False
    notice = _tr("Showing their version; yours is in the history as revision {k}")
    window.show_notice(notice.format(k=conflict.kept_revision))
    return True


# -- the browser's commands on an article --------------------------------------------------


def duplicate(window: MainWindow, article_id: int) -> StoredArticle | None:
    """A copy, "Copy of …", as a new draft."""
    library = library_of(window)
    if library is None:
        return None
    try:
        original = library.get(article_id).article
        headline = _tr("Copy of {headline}").format(headline=original.meta.headline)
        copy = original.with_meta(headline=headline, status=Status.DRAFT)
        stored = library.add_article(copy, author=_author(window), note=f"copy of {article_id}")
    except ArticleEditorError as error:
        _failed(window, _tr("Cannot duplicate the article"), error)
        return None
    window.show_notice(_tr("Added “{headline}”").format(headline=headline))
    return stored


def trash(window: MainWindow, article_id: int) -> bool:
    """To the trash; when it is the open article, the window keeps its text, unsaved."""
    library = library_of(window)
    if library is None:
        return False
    try:
        library.delete(article_id)
    except ArticleEditorError as error:
        return _failed(window, _tr("Cannot delete the article"), error)
    origin = window.library_origin
    if origin is not None and origin.article_id == article_id:
        window.library_origin = None
        window.editor.document().setModified(True)
        window.show_notice(_tr("Moved to the trash; the text stays here, unsaved"))
    else:
        window.show_notice(_tr("Moved to the trash"))
    return True


def undelete(window: MainWindow, article_id: int) -> bool:
    library = library_of(window)
    if library is None:
        return False
    try:
        library.undelete(article_id)
    except ArticleEditorError as error:
        return _failed(window, _tr("Cannot restore the article"), error)
    window.show_notice(_tr("Restored from the trash"))
    return True


def empty_trash(window: MainWindow) -> bool:
    library = library_of(window)
    if library is None:
        return False
    try:
        count = library.empty_trash()
    except ArticleEditorError as error:
        return _failed(window, _tr("Cannot empty the trash"), error)
    if count == 1:
        window.show_notice(_tr("Trash emptied: 1 article deleted for good"))
    else:
        window.show_notice(_tr("Trash emptied: {n} articles deleted for good").format(n=count))
    return True


def set_status(window: MainWindow, article_id: int, status: Status) -> bool:
    """The open article's header follows; its origin moves to the new version when the
    status change is the only save since (a save by someone else still conflicts)."""
    library = library_of(window)
    if library is None:
        return False
    try:
        stored = library.set_status(article_id, status)
    except ArticleEditorError as error:
        return _failed(window, _tr("Cannot change the status"), error)
    origin = window.library_origin
    if origin is not None and origin.article_id == article_id:
        _follow_status(window, origin, stored)
    return True


def _follow_status(window: MainWindow, origin: LibraryOrigin, stored: StoredArticle) -> None:
    was_modified = window.is_modified()
    combo = window.panel.status
    combo.setCurrentIndex(combo.findData(stored.article.meta.status))
    if not was_modified:
        window.panel.mark_saved()
        window.panel.changed.emit()  # the title drops its unsaved mark again
    if stored.version == origin.version + 1:
        window.library_origin = replace(origin, version=stored.version)
