"""The local library: articles, revisions, full-text search and the style book in SQLite
(or in PostgreSQL for a shared newsroom). The only package that imports SQLAlchemy."""

from editor_app.library.errors import (
    ArticleNotFound,
    LibraryError,
    LibraryUnavailable,
    RevisionNotFound,
    SaveConflict,
    SchemaTooNew,
    SearchQueryError,
)
from editor_app.library.library import Library
from editor_app.library.location import default_library_location
from editor_app.library.opening import open_library
from editor_app.library.records import (
    ArticleSummary,
    RevisionSummary,
    SearchFilters,
    SearchHit,
    StoredArticle,
)

__all__ = [
    "ArticleNotFound",
    "ArticleSummary",
    "Library",
    "LibraryError",
    "LibraryUnavailable",
    "RevisionNotFound",
    "RevisionSummary",
    "SaveConflict",
    "SchemaTooNew",
    "SearchFilters",
    "SearchHit",
    "SearchQueryError",
    "StoredArticle",
    "default_library_location",
    "open_library",
]
