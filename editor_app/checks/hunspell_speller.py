"""Spelling through libhunspell itself (the ``hunspell`` extension, pyhunspell).

Enchant cannot travel inside the frozen application: Debian's libenchant loads its
providers only from the folder compiled into it. This backend links libhunspell
directly and reads ``<tag>.dic``/``<tag>.aff`` pairs from folders it is given, so
the frozen app carries its own engine and dictionaries. The folders, in order:
those in ``ARTICLE_EDITOR_HUNSPELL_DIR`` (``os.pathsep``-separated; the frozen app
adds its bundled ``hunspell/`` there), then the system's Hunspell and MySpell
folders.

The answers match ``EnchantSpeller``'s (``speller_base`` holds the shared rules):
personal words, curly apostrophes, the en-GB/en-US counterpart. ``hunspell`` is
imported only when a speller is built, so the app runs without it. Dictionaries in
a legacy 8-bit encoding (``SET ISO8859-1`` in the .aff) work too: the extension
encodes each word in the dictionary's encoding, and a word that does not fit is
treated like one Enchant cannot take (not flagged).
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

from editor_app.checks.speller_base import DictionarySpeller, SpellerUnavailable, debian_package

HUNSPELL_DIR_VARIABLE = "ARTICLE_EDITOR_HUNSPELL_DIR"
SYSTEM_DICTIONARY_DIRS = (
    Path("/usr/share/hunspell"),
    Path("/usr/share/myspell"),
    Path("/usr/share/myspell/dicts"),
    Path("/usr/local/share/hunspell"),
    Path("/usr/local/share/myspell"),
)


def dictionary_dirs(environ: Mapping[str, str] | None = None) -> list[Path]:
    """Where dictionaries are looked for, first match wins."""
    environ = os.environ if environ is None else environ
    named = environ.get(HUNSPELL_DIR_VARIABLE, "").split(os.pathsep)
    return [*(Path(folder) for folder in named if folder), *SYSTEM_DICTIONARY_DIRS]


def find_dictionary(tag: str, folders: Sequence[Path]) -> tuple[Path, Path] | None:
    """The ``(.dic, .aff)`` pair for ``tag`` ("en_GB"), or for its bare language
    ("de" for "de_AT") when no folder has the regional one."""
    language = tag.partition("_")[0]
    for name in dict.fromkeys((tag, language)):
        for folder in folders:
            dic, aff = folder / f"{name}.dic", folder / f"{name}.aff"
            if dic.is_file() and aff.is_file():
                return dic, aff
    return None


class HunspellSpeller(DictionarySpeller):
    """A spelling dictionary for one language through libhunspell, plus personal words.

    ``folders`` replaces the usual search folders (``dictionary_dirs()``).
    """

    def __init__(
        self,
        language: str,
        personal_words: Iterable[str] = (),
        personal_path: Path | None = None,
        *,
        folders: Sequence[Path] | None = None,
    ) -> None:
        self._hunspell = _import_hunspell()
        self._folders = list(dictionary_dirs() if folders is None else folders)
        self._word_errors = (ValueError, UnicodeError, TypeError, self._hunspell.HunSpellError)
        self.files: tuple[Path, Path] | None = None
        super().__init__(language, personal_words, personal_path)

    @property
    def provider(self) -> str:
        return "hunspell"

    def _open(self, tag: str) -> Any:
        found = find_dictionary(tag, self._folders)
        if found is None:
            searched = ", ".join(str(folder) for folder in self._folders)
            raise SpellerUnavailable(
                f"there is no Hunspell dictionary for {tag} ({tag}.dic and {tag}.aff) in "
                f"{searched}; install one (on Debian: {debian_package(tag)})"
            )
        dic, aff = found
        try:
            dictionary = self._hunspell.HunSpell(str(dic), str(aff))
        except (self._hunspell.HunSpellError, OSError, UnicodeError) as error:
            reason = getattr(error, "strerror", None) or error
            raise SpellerUnavailable(
                f"cannot load the Hunspell dictionary {dic}: {reason}"
            ) from None
        if self.files is None:
            self.files = found
        return dictionary

    def _lookup(self, dictionary: Any, word: str) -> bool:
        return bool(dictionary.spell(word))

    def _suggestions(self, dictionary: Any, word: str) -> list[str]:
        found = dictionary.suggest(word)
        encoding = dictionary.get_dic_encoding()
        return [w.decode(encoding) if isinstance(w, bytes) else str(w) for w in found]


def _import_hunspell() -> ModuleType:
    try:
        import hunspell
    except ImportError as error:  # pyhunspell missing, or libhunspell not installed
        raise SpellerUnavailable(
            f"spell checking needs the Hunspell library, which is not available ({error})"
        ) from None
    module: ModuleType = hunspell
    return module
