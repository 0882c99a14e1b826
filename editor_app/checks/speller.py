"""Spelling dictionaries, with the newsroom's personal word list.

Two backends give the same answers (``speller_base`` holds what they share):
``EnchantSpeller`` fronts the system's Enchant 2 library, which serves Hunspell
dictionaries (Debian's hunspell-en-gb and hunspell-en-us), falling back to Aspell
when Hunspell has none for a language; ``HunspellSpeller`` (``hunspell_speller``)
links libhunspell itself and reads the dictionary files directly, which is what the
frozen application uses, since libenchant cannot be bundled. ``make_speller``
chooses between them.

``enchant`` and ``hunspell`` are imported only when a speller is built, so the rest
of the app runs (without spelling rules) on a machine where neither is installed.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping
from pathlib import Path
from types import ModuleType
from typing import Any

from editor_app.checks.hunspell_speller import HUNSPELL_DIR_VARIABLE, HunspellSpeller
from editor_app.checks.speller_base import (
    DictionarySpeller,
    PersonalDictionaryError,
    SpellerUnavailable,
    VariantSpeller,
    debian_package,
    dictionary_tag,
)

__all__ = [
    "DictionarySpeller",
    "EnchantSpeller",
    "HunspellSpeller",
    "PersonalDictionaryError",
    "SpellerUnavailable",
    "VariantSpeller",
    "dictionary_tag",
    "make_speller",
]

_PROVIDER_ORDER = "hunspell,aspell,myspell,nuspell"


class EnchantSpeller(DictionarySpeller):
    """A spelling dictionary for one language through Enchant, plus personal words."""

    def __init__(
        self,
        language: str,
        personal_words: Iterable[str] = (),
        personal_path: Path | None = None,
    ) -> None:
        self._enchant = _import_enchant()
        self._broker = self._enchant.Broker()
        self._word_errors = (ValueError, UnicodeError, self._enchant.errors.Error)
        super().__init__(language, personal_words, personal_path)

    @property
    def provider(self) -> str:
        return str(self._dictionary.provider.name)

    def _open(self, tag: str) -> Any:
        self._broker.set_ordering(tag, _PROVIDER_ORDER)
        try:
            return self._broker.request_dict(tag)
        except self._enchant.errors.Error:
            raise SpellerUnavailable(
                f"there is no spelling dictionary for {tag}; "
                f"install one (on Debian: {debian_package(tag)})"
            ) from None

    def _lookup(self, dictionary: Any, word: str) -> bool:
        return bool(dictionary.check(word))

    def _suggestions(self, dictionary: Any, word: str) -> list[str]:
        return list(dictionary.suggest(word))


def make_speller(
    language: str,
    personal_path: Path | None = None,
    personal_words: Iterable[str] = (),
    environ: Mapping[str, str] | None = None,
) -> DictionarySpeller:
    """The speller for ``language``.

    With ``ARTICLE_EDITOR_HUNSPELL_DIR`` set (the frozen app sets it to its bundled
    dictionaries) Hunspell alone; otherwise Enchant, and Hunspell when Enchant or its
    dictionary is missing. Raises ``SpellerUnavailable`` naming every reason.
    """
    environ = os.environ if environ is None else environ
    if environ.get(HUNSPELL_DIR_VARIABLE):
        return HunspellSpeller(language, personal_words, personal_path)
    try:
        return EnchantSpeller(language, personal_words, personal_path)
    except SpellerUnavailable as enchant_error:
        try:
            return HunspellSpeller(language, personal_words, personal_path)
        except SpellerUnavailable as hunspell_error:
            raise SpellerUnavailable(
                f"Enchant: {enchant_error}; Hunspell: {hunspell_error}"
            ) from None


def _import_enchant() -> ModuleType:
    try:
        import enchant  # type: ignore[import-untyped]
    except (ImportError, OSError) as error:  # pyenchant or libenchant-2 missing or broken
        raise SpellerUnavailable(
            f"spell checking needs the Enchant library, which is not available ({error})"
        ) from None
    module: ModuleType = enchant
    return module
