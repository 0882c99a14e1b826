"""Tidying text that arrives from outside: shared by the importers and the style checks.

Pure Python, no Qt: importers use it to drop web-page furniture from pasted
articles, and the checks to flag the same furniture left inside an article.
"""

from editor_app.cleanup.leftovers import LeftoverKind, LeftoverMatch, find_leftover, is_leftover

__all__ = ["LeftoverKind", "LeftoverMatch", "find_leftover", "is_leftover"]
