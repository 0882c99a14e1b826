"""Importers: one module per format, each ``import_file(path) -> ImportResult``.

``import_article`` picks the module by the file's extension. Every importer
raises ``ImportFailed`` (one clear sentence) for input it cannot read, and lists
whatever it dropped in the ``ImportReport``: nothing is removed silently.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from editor_app.errors import UnsupportedFormat
from editor_app.importers.report import ImportReport, ImportResult

Importer = Callable[[Path], ImportResult]


def _importers() -> dict[str, Importer]:
    # Imported here so that importing this package stays cheap for callers that
    # only need ImportResult.
    from editor_app.importers import article_json, markdown, text

    return {
        ".article.json": article_json.import_file,
        ".json": article_json.import_file,
        ".md": markdown.import_file,
        ".markdown": markdown.import_file,
        ".txt": text.import_file,
        ".text": text.import_file,
    }


def importable_suffixes() -> tuple[str, ...]:
    return tuple(_importers())


def suffix_of(path: Path) -> str:
    """The format suffix of a path, ``.article.json`` counted as one."""
    name = path.name.lower()
    for suffix in sorted(_importers(), key=len, reverse=True):
        if name.endswith(suffix):
            return suffix
    return path.suffix.lower()


def import_article(path: Path) -> ImportResult:
    """Read any importable file into an article."""
    importer = _importers().get(suffix_of(path))
    if importer is None:
        known = ", ".join(importable_suffixes())
        raise UnsupportedFormat(
            f"{path.name}: cannot open files of type '{path.suffix or '(none)'}' "
            f"(Article Editor opens {known})"
        )
    return importer(path)


__all__ = ["ImportReport", "ImportResult", "import_article", "importable_suffixes", "suffix_of"]
