"""What every spelling backend shares: language tags, personal words, caching, variants.

A backend (``EnchantSpeller`` in ``speller``, ``HunspellSpeller`` in
``hunspell_speller``) only opens a dictionary for a tag and asks it about one word;
this module does the rest the same way for both, so they agree on every answer that
does not come from the dictionary itself.

Article language tags map onto dictionary names: "en-GB" → en_GB, "en-US" → en_US,
and every other English variant ("en", "en-AU", "en-IE", "en-CA"…) → en_GB, the
nearest Commonwealth spelling the system reliably has. Any other language uses its
own dictionary when the system has one.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Iterable
from functools import _lru_cache_wrapper, lru_cache
from pathlib import Path
from typing import Any, Protocol, runtime_checkable

from editor_app.checks.text_units import straight_apostrophes
from editor_app.errors import ArticleEditorError

_UNCHECKABLE_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_CACHE_SIZE = 65_536
_SUGGESTION_CACHE_SIZE = 2_048
_COUNTERPART = {"en_GB": "en_US", "en_US": "en_GB"}
_VARIANT_NAMES = {"en_GB": "British", "en_US": "US"}


class SpellerUnavailable(ArticleEditorError):
    """No spelling dictionary for the language: the app runs without spelling rules."""


class PersonalDictionaryError(ArticleEditorError):
    """The personal word list cannot be read or written."""


@runtime_checkable
class VariantSpeller(Protocol):
    """A speller that also knows the other spelling variant of its language."""

    def variant_of(self, word: str) -> str | None:
        """The name of the other variant ("US", "British") whose dictionary has
        ``word`` when this one does not, else ``None``."""
        ...


def dictionary_tag(language: str) -> str:
    """The dictionary name for an article language tag."""
    parts = language.replace("_", "-").split("-")
    base = parts[0].lower()
    region = parts[1].upper() if len(parts) > 1 else ""
    if base == "en":
        return "en_US" if region == "US" else "en_GB"
    return f"{base}_{region}" if region else base


def debian_package(tag: str) -> str:
    """The Debian package with the Hunspell dictionary for ``tag`` ("hunspell-en-gb")."""
    language, _, region = tag.partition("_")
    return f"hunspell-{language}-{region.lower()}" if region else f"hunspell-{language}"


class DictionarySpeller(ABC):
    """A spelling dictionary for one language, plus personal words.

    Words may carry curly apostrophes ("don’t"); they are checked in their
    straight form, which is how dictionaries store them. Results are cached:
    every keystroke re-checks the same few hundred words.

    A subclass opens dictionaries (``_open``), asks one about a word (``_lookup``,
    ``_suggestions``) and names the exceptions its engine raises for a word it
    cannot take (``_word_errors``); it sets those up before calling ``__init__``
    here, which opens the language's dictionary.
    """

    _word_errors: tuple[type[BaseException], ...] = (ValueError, UnicodeError)

    def __init__(
        self,
        language: str,
        personal_words: Iterable[str] = (),
        personal_path: Path | None = None,
    ) -> None:
        self.language = language
        self.tag = dictionary_tag(language)
        self.personal_path = personal_path
        self._dictionary = self._open(self.tag)
        self._counterpart: Any = None
        self._personal: set[str] = set()
        for word in personal_words:
            self._personal.add(straight_apostrophes(word.strip()))
        if personal_path is not None:
            self._personal.update(_read_word_list(personal_path))
        self._check: _lru_cache_wrapper[bool] = lru_cache(maxsize=_CACHE_SIZE)(self._check_now)
        self._suggest: _lru_cache_wrapper[tuple[str, ...]] = lru_cache(
            maxsize=_SUGGESTION_CACHE_SIZE
        )(self._suggest_now)
        self._variant: _lru_cache_wrapper[str | None] = lru_cache(maxsize=_CACHE_SIZE)(
            self._variant_now
        )

    # -- what a backend provides --------------------------------------------------

    @property
    @abstractmethod
    def provider(self) -> str:
        """Which engine serves the dictionary ("hunspell", "aspell"): for the About box."""

    @abstractmethod
    def _open(self, tag: str) -> Any:
        """The dictionary for ``tag``; raises ``SpellerUnavailable`` when there is none."""

    @abstractmethod
    def _lookup(self, dictionary: Any, word: str) -> bool:
        """Whether ``dictionary`` knows ``word`` (a checkable, straightened word)."""

    @abstractmethod
    def _suggestions(self, dictionary: Any, word: str) -> list[str]:
        """``dictionary``'s replacements for ``word``, best first."""

    # -- the public behaviour -----------------------------------------------------

    @property
    def personal_words(self) -> frozenset[str]:
        return frozenset(self._personal)

    def check(self, word: str) -> bool:
        return self._check(word)

    def suggest(self, word: str) -> list[str]:
        """Replacements, best first; curly apostrophes kept when the word had them."""
        found = self._suggest(word)
        if "’" in word:
            return [suggestion.replace("'", "’") for suggestion in found]
        return list(found)

    def variant_of(self, word: str) -> str | None:
        return self._variant(word)

    def add(self, word: str) -> None:
        """Accept ``word`` from now on, and save it to the personal word list."""
        word = straight_apostrophes(word.strip())
        if not word or word in self._personal:
            return
        if "\n" in word or "\r" in word:
            raise PersonalDictionaryError("a dictionary word cannot contain a line break")
        if self.personal_path is not None:
            _append_word(self.personal_path, word)
        self._personal.add(word)
        self._check.cache_clear()
        self._variant.cache_clear()

    # -- the uncached work --------------------------------------------------------

    def _check_now(self, word: str) -> bool:
        plain = straight_apostrophes(word.strip())
        if not _checkable(plain) or self._is_personal(plain):
            return True
        try:
            return self._lookup(self._dictionary, plain)
        except self._word_errors:
            return True  # a word the engine cannot take is not one to flag

    def _suggest_now(self, word: str) -> tuple[str, ...]:
        plain = straight_apostrophes(word.strip())
        if not _checkable(plain):
            return ()
        try:
            return tuple(self._suggestions(self._dictionary, plain))
        except self._word_errors:
            return ()

    def _variant_now(self, word: str) -> str | None:
        counterpart_tag = _COUNTERPART.get(self.tag)
        if counterpart_tag is None or self.check(word):
            return None
        if self._counterpart is None:
            try:
                self._counterpart = self._open(counterpart_tag)
            except SpellerUnavailable:
                return None
        plain = straight_apostrophes(word.strip())
        if not _checkable(plain):
            return None
        try:
            known = self._lookup(self._counterpart, plain)
        except self._word_errors:
            return None
        return _VARIANT_NAMES[counterpart_tag] if known else None

    def _is_personal(self, word: str) -> bool:
        if word in self._personal:
            return True
        # "Kerfuffle" at the start of a sentence is the personal word "kerfuffle".
        return word[:1].isupper() and (word[:1].lower() + word[1:]) in self._personal


def _checkable(word: str) -> bool:
    """Whether an engine can take ``word``: Enchant asserts on control characters,
    Hunspell stops at a NUL, and neither can encode lone surrogates."""
    return bool(word) and _UNCHECKABLE_RE.search(word) is None


def _read_word_list(path: Path) -> set[str]:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return set()
    except UnicodeDecodeError:
        raise PersonalDictionaryError(
            f"cannot read the personal dictionary {path}: it is not UTF-8 text"
        ) from None
    except OSError as error:
        raise PersonalDictionaryError(
            f"cannot read the personal dictionary {path}: {error.strerror}"
        ) from None
    return {straight_apostrophes(line.strip()) for line in text.splitlines() if line.strip()}


def _append_word(path: Path, word: str) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a+", encoding="utf-8") as handle:
            handle.seek(0)
            existing = handle.read()
            separator = "\n" if existing and not existing.endswith("\n") else ""
            handle.write(separator + word + "\n")
    except OSError as error:
        raise PersonalDictionaryError(
            f"cannot save “{word}” to the personal dictionary {path}: {error.strerror}"
        ) from None
