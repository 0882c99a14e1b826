"""The exceptions the core raises; the CLI and the window decide how to show them.

Every message is one sentence a journalist can act on, without a traceback.
"""

from __future__ import annotations


class ArticleEditorError(Exception):
    """Base of every error the core reports to the user."""


class ArticleFormatError(ArticleEditorError):
    """An ``.article.json`` document that is malformed or from a newer version."""


class ImportFailed(ArticleEditorError):
    """An input file that cannot be read as an article."""


class ExportFailed(ArticleEditorError):
    """An article that cannot be written in the requested format or place."""


class UnsupportedFormat(ArticleEditorError):
    """A file extension or format name the app does not know."""
