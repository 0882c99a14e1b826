"""The library's exceptions: each carries one sentence the user can act on."""

from __future__ import annotations

from editor_app.errors import ArticleEditorError


class LibraryError(ArticleEditorError):
    """Base of every library problem."""


class LibraryUnavailable(LibraryError):
    """Not a database, corrupt or truncated, read-only, or an unreachable server."""


class SchemaTooNew(LibraryError):
    """A library written by a newer Article Editor: left untouched rather than half-read."""


class ArticleNotFound(LibraryError):
    """No article with that id."""


class RevisionNotFound(LibraryError):
    """No revision with that number for that article."""


class SearchQueryError(LibraryError):
    """A search query the full-text engine cannot parse."""


class SaveConflict(LibraryError):
    """Someone saved the article since it was opened; the refused text is kept as a revision
    so nothing typed is lost."""

    def __init__(
        self, article_id: int, expected_version: int, current_version: int, kept_revision: int
    ) -> None:
        super().__init__(
            f"article {article_id} was saved elsewhere (now version {current_version}, "
            f"you edited version {expected_version}); your text is kept as revision "
            f"{kept_revision}"
        )
        self.article_id = article_id
        self.expected_version = expected_version
        self.current_version = current_version
        self.kept_revision = kept_revision
