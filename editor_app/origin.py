"""Where the article in a window came from, so Save knows where it goes back to."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LibraryOrigin:
    """An article of the library, as it was when opened or last saved: ``version`` is
    what a save expects to replace (another save since then is a conflict)."""

    article_id: int
    version: int
