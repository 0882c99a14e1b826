"""The one sentence a message box shows for an error from the core or the file system."""

from __future__ import annotations


def error_message(error: Exception) -> str:
    """The core's own sentence, or "path: reason" for an ``OSError``."""
    if isinstance(error, OSError) and error.strerror:
        return f"{error.filename}: {error.strerror}" if error.filename else error.strerror
    return str(error)
