"""Checking files on disk: import each, check it, and place every finding on a
line and column of the file as given."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from editor_app.checks.engine import Checker
from editor_app.checks.locate import SourceLocator, SourceSpan
from editor_app.checks.report import LocatedFinding
from editor_app.errors import ArticleEditorError
from editor_app.importers import import_article, is_text_format
from editor_app.importers.decoding import read_text_file
from editor_app.model import Article

_UNPLACED = SourceSpan(1, 1, 1, 1)


@dataclass(frozen=True)
class FileOutcome:
    path: Path
    findings: tuple[LocatedFinding, ...] = ()
    error: str | None = None
    """Why the file could not be checked (one sentence), or ``None``."""


def check_files(paths: Sequence[Path], checker: Checker) -> Iterator[FileOutcome]:
    """One outcome per path, in order; a bad file does not stop the others."""
    for path in paths:
        try:
            article = import_article(path).article
            source = read_text_file(path) if is_text_format(path) else paragraph_lines(article)
        except (ArticleEditorError, OSError) as error:
            yield FileOutcome(path, error=_describe(error, path))
            continue
        locator = SourceLocator(source, article)
        located = tuple(
            LocatedFinding(str(path), locator.locate(finding.range) or _UNPLACED, finding)
            for finding in checker.check(article)
        )
        yield FileOutcome(path, located)


def paragraph_lines(article: Article) -> str:
    """What a binary document (DOCX) is located against: one line per paragraph in
    reading order, as a word processor numbers them, so LINE is the paragraph."""
    return "\n".join(" ".join(text.split("\n")) for _ref, text in article.segments())


def _describe(error: Exception, path: Path) -> str:
    if isinstance(error, OSError):
        return f"{path}: {error.strerror or error}"
    return str(error)
