"""Files shipped in ``resources/``, found through ``importlib.resources``.

Never through the current directory: the same calls work from a source
checkout, an editable install, a wheel and a frozen application.
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable

RESOURCE_PACKAGE = "editor_app.resources"
SAMPLE_ARTICLE = ("sample", "sample.article.json")


def resource(*parts: str) -> Traversable:
    """A file or folder under ``resources/``."""
    return files(RESOURCE_PACKAGE).joinpath(*parts)


def read_resource_text(*parts: str) -> str:
    return resource(*parts).read_text(encoding="utf-8")


def sample_article_text() -> str:
    """The ``.article.json`` text of the sample article opened on first run."""
    return read_resource_text(*SAMPLE_ARTICLE)
