"""Importers: one module per format, each ``import_file(path) -> ImportResult``.

``import_article`` picks the module by the file's extension. Every importer
raises ``ImportFailed`` (one clear sentence) for input it cannot read, and lists
whatever it dropped in the ``ImportReport``: nothing is removed silently.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from pathlib import Path

from editor_app.errors import UnsupportedFormat
from editor_app.importers.report import ImportReport, ImportResult

Importer = Callable[[Path], ImportResult]


IMPORTER_MODULES: dict[str, str] = {
    ".article.json": "article_json",
    ".json": "article_json",
    ".md": "markdown",
    ".markdown": "markdown",
    ".txt": "text",
    ".text": "text",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
}
"""Suffix → module in this package. Modules are imported on first use, so the
command starts without loading every format's parser."""


BINARY_SUFFIXES = frozenset({".docx"})
"""Formats whose files are not text: there is no line and column to point at."""


def is_text_format(path: Path) -> bool:
    return suffix_of(path) not in BINARY_SUFFIXES


def _importer(suffix: str) -> Importer | None:
    module_name = IMPORTER_MODULES.get(suffix)
    if module_name is None:
        return None
    module = importlib.import_module(f"{__name__}.{module_name}")
    importer: Importer = module.import_file
    return importer


def importable_suffixes() -> tuple[str, ...]:
    return tuple(IMPORTER_MODULES)


def suffix_of(path: Path) -> str:
    """The format suffix of a path, ``.article.json`` counted as one."""
    name = path.name.lower()
    for suffix in sorted(IMPORTER_MODULES, key=len, reverse=True):
        if name.endswith(suffix):
            return suffix
    return path.suffix.lower()


def import_article(path: Path) -> ImportResult:
    """Read any importable file into an article."""
    importer = _importer(suffix_of(path))
    if importer is None:
        known = ", ".join(importable_suffixes())
        raise UnsupportedFormat(
            f"{path.name}: cannot open files of type '{path.suffix or '(none)'}' "
            f"(Article Editor opens {known})"
        )
    return importer(path)


__all__ = [
    "ImportReport",
    "ImportResult",
    "import_article",
    "importable_suffixes",
    "is_text_format",
    "suffix_of",
]
