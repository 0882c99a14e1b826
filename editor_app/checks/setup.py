"""Builds a ready-to-use ``Checker`` from the user's choices: the house style, a
newsroom style book and the spelling dictionaries. Shared by the command line and
the window, so both check exactly alike.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from editor_app.checks.base import Speller
from editor_app.checks.config import HouseStyle, load_house_style
from editor_app.checks.engine import Checker
from editor_app.checks.registry import all_rules
from editor_app.checks.speller import DictionarySpeller, SpellerUnavailable, make_speller
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
    base_stylebook: StyleBook | None = None
    """The book under the library's entries (the starter book), for ``stylebook_with``."""
    file_stylebook: StyleBook | None = None
    """The book from ``--stylebook``, which wins over the library's entries."""

    def stylebook_with(self, entries: Iterable[StyleBookEntry]) -> StyleBook:
        """The book the checker would have been built with had the library held
        ``entries``: for a library style book edited while the window is open."""
        book = self.base_stylebook if self.base_stylebook is not None else starter_stylebook()
        extra = StyleBook(entries)
        if len(extra):
            book = book.merged_with(extra)
        if self.file_stylebook is not None:
            book = book.merged_with(self.file_stylebook)
        return book


class Spellers:
    """Spellers by language, made on first use; a missing dictionary is reported once.

    Every speller reads the same personal word list. ``add_word`` saves a word once
    (through one speller) and lets the others learn it by being made again."""

    def __init__(self, personal_path: Path | None, warnings: list[str]) -> None:
        self._personal_path = personal_path
        self._warnings = warnings
        self._made: dict[str, DictionarySpeller | None] = {}
        self._learnt: list[str] = []
        """Words added in this session: spellers made later know them without a file."""

    def __call__(self, language: str) -> Speller | None:
        if language not in self._made:
            try:
                self._made[language] = make_speller(
                    language, personal_path=self._personal_path, personal_words=self._learnt
                )
            except SpellerUnavailable as error:
                self._warnings.append(f"spelling checks are off for {language}: {error}")
                self._made[language] = None
        return self._made[language]

    def add_word(self, word: str) -> None:
        """Raises ``PersonalDictionaryError`` when the word cannot be saved."""
        made = [(language, speller) for language, speller in self._made.items() if speller]
        if made:
            made[0][1].add(word)  # saves it to the personal word list
            for language, _speller in made[1:]:
                del self._made[language]  # made again on next use, knowing the word
        self._learnt.append(word)


def speller_factory(personal_path: Path | None, warnings: list[str]) -> Spellers:
    return Spellers(personal_path, warnings)


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
    own_book = load_stylebook(stylebook_path) if stylebook_path is not None else None
    if own_book is not None:
        stylebook = stylebook.merged_with(own_book)
    warnings: list[str] = []
    checker = Checker(
        rules,
        house_style=house_style,
        stylebook=stylebook,
        speller_factory=speller_factory(personal_dictionary, warnings),
    )
    return CheckerSetup(
        checker,
        warnings,
        base_stylebook=starter_stylebook(),
        file_stylebook=own_book,
    )
