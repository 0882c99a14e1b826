"""The app's own lossless format."""

from __future__ import annotations

from typing import TYPE_CHECKING

from editor_app.model import Article, jsonformat

if TYPE_CHECKING:
    from editor_app.export import ExportOptions


def render(article: Article, options: ExportOptions) -> str:
    return jsonformat.dumps(article)
