"""Opening the app's own ``.article.json`` files."""

from __future__ import annotations

from pathlib import Path

from editor_app.errors import ArticleFormatError, ImportFailed
from editor_app.importers.decoding import read_text_file
from editor_app.importers.report import ImportResult
from editor_app.model import jsonformat


def import_file(path: Path) -> ImportResult:
    text = read_text_file(path)
    try:
        return ImportResult(jsonformat.loads(text))
    except ArticleFormatError as error:
        raise ImportFailed(f"{path.name}: {error}") from None
