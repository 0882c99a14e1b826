"""Exporters: one module per format, each ``render(article, options) -> str | bytes``.

``export_article`` picks the format (by name, or by the output's extension) and
writes atomically: the output goes to a temporary file in the same folder that
is renamed into place, so a failed export never leaves a half-written file nor
destroys the previous one.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from editor_app import atomic
from editor_app.errors import ExportFailed, UnsupportedFormat
from editor_app.model import Article


@dataclass(frozen=True)
class ExportOptions:
    """Options shared by every format; formats add their own fields as they need them."""

    include_metadata: bool = True


Renderer = Callable[[Article, ExportOptions], "str | bytes"]


RENDERERS: dict[str, tuple[str, str]] = {
    "article": ("article_json", "render"),
    "md": ("markdown", "render"),
    "txt": ("text", "render"),
    "ninjs": ("ninjs", "render"),
    "docx": ("docx", "render"),
    "html": ("html", "render_page"),
    "html-fragment": ("html", "render_fragment"),
}
"""Format name → (module in this package, function). Modules load on first use."""


def _renderer(format_name: str) -> Renderer | None:
    where = RENDERERS.get(format_name)
    if where is None:
        return None
    module = importlib.import_module(f"{__name__}.{where[0]}")
    renderer: Renderer = getattr(module, where[1])
    return renderer


FORMAT_BY_SUFFIX = {
    ".article.json": "article",
    ".ninjs.json": "ninjs",
    ".json": "article",
    ".md": "md",
    ".markdown": "md",
    ".txt": "txt",
    ".docx": "docx",
    ".html": "html",
    ".htm": "html",
    ".text": "txt",
}


def format_names() -> tuple[str, ...]:
    return tuple(RENDERERS)


def format_for_path(path: Path) -> str:
    name = path.name.lower()
    for suffix in sorted(FORMAT_BY_SUFFIX, key=len, reverse=True):
        if name.endswith(suffix):
            return FORMAT_BY_SUFFIX[suffix]
    raise UnsupportedFormat(
        f"{path.name}: cannot tell the export format from the extension "
        f"'{path.suffix or '(none)'}'; name one with --format ({', '.join(format_names())})"
    )


def render(article: Article, format_name: str, options: ExportOptions | None = None) -> bytes:
    renderer = _renderer(format_name)
    if renderer is None:
        raise UnsupportedFormat(
            f"unknown export format '{format_name}' (known: {', '.join(format_names())})"
        )
    output = renderer(article, options or ExportOptions())
    return output.encode("utf-8") if isinstance(output, str) else output


def export_article(
    article: Article,
    path: Path,
    format_name: str | None = None,
    options: ExportOptions | None = None,
) -> None:
    data = render(article, format_name or format_for_path(path), options)
    write_atomically(path, data)


def write_atomically(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` so that readers see the old file or the new, never half;
    ``ExportFailed`` with one sentence when it cannot be written."""
    try:
        atomic.write_atomically(path, data)
    except OSError as error:
        if error.filename is not None and Path(error.filename) != path:
            raise ExportFailed(f"cannot write to {error.filename}: {error.strerror}") from None
        raise ExportFailed(f"cannot write {path}: {error.strerror}") from None
