"""Builds a ready-to-use ``Checker`` from the user's choices: the house style, a
newsroom style book and the spelling dictionaries. Shared by the command line and
the window, so both check exactly alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

from editor_app.checks.base import Speller
from editor_app.checks.config import HouseStyle, load_house_style
from editor_app.checks.engine import Checker
from editor_app.checks.registry import all_rules
from editor_app.checks.speller import EnchantSpeller, SpellerUnavailable
from editor_app.checks.stylebook import (
    StyleBook,
    StyleBookEntry,
    load_stylebook,
    starter_stylebook,
)


@dataclass
class CheckerSetup:
    checker: Checker
    warnings: list[str] = field(default_factory=list)
    """Things the user should know, such as spelling being off for want of a dictionary."""


def speller_factory(
    personal_path: Path | None, warnings: list[str]
) -> Callable[[str], Speller | None]:
    """Spellers by language, made on first use; a missing dictionary is reported once."""
    made: dict[str, Speller | None] = {}

    def speller_for(language: str) -> Speller | None:
        if language not in made:
            try:
                made[language] = EnchantSpeller(language, personal_path=personal_path)
            except SpellerUnavailable as error:
                warnings.append(f"spelling checks are off for {language}: {error}")
                made[language] = None
        return made[language]

    return speller_for


def build_checker(
    style_path: Path | None = None,
    stylebook_path: Path | None = None,
    personal_dictionary: Path | None = None,
    extra_entries: Iterable[StyleBookEntry] = (),
) -> CheckerSetup:
    """Raises ``ArticleEditorError`` subclasses (one clear sentence) for a bad house
    style or style book file. ``extra_entries`` (the library's style book) extend the
    starter book; the file at ``stylebook_path`` extends both."""
    rules = all_rules()
    house_style = load_house_style(style_path, rules) if style_path else HouseStyle()
    stylebook: StyleBook = starter_stylebook()
    extra = StyleBook(extra_entries)
    if len(extra):
        stylebook = stylebook.merged_with(extra)
    if stylebook_path is not None:
        stylebook = stylebook.merged_with(load_stylebook(stylebook_path))
    warnings: list[str] = []
    checker = Checker(
        rules,
        house_style=house_style,
        stylebook=stylebook,
        speller_factory=speller_factory(personal_dictionary, warnings),
    )
    return CheckerSetup(checker, warnings)
