"""What an import produced and what it had to leave out."""

from __future__ import annotations

from dataclasses import dataclass

from editor_app.model import Article


@dataclass(frozen=True)
class ImportReport:
    """``removed``: the text of every piece dropped (web leftovers, images...);
    ``notes``: other changes worth telling the user (a guessed encoding...)."""

    removed: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()

    def __bool__(self) -> bool:
        return bool(self.removed or self.notes)

    def lines(self) -> list[str]:
        """The report as lines a person reads."""
        out = [f"removed: {text}" for text in self.removed]
        out.extend(f"note: {text}" for text in self.notes)
        return out


@dataclass(frozen=True)
class ImportResult:
    article: Article
    report: ImportReport = ImportReport()
