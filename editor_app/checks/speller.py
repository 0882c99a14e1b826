"""Spelling dictionaries through Enchant, with the newsroom's personal word list.

Enchant fronts the system's Hunspell dictionaries (Debian's hunspell-en-gb and
hunspell-en-us), falling back to Aspell when Hunspell has none for a language.
Article language tags map onto dictionary names: "en-GB" → en_GB, "en-US" →
en_US, and every other English variant ("en", "en-AU", "en-IE", "en-CA"…) →
en_GB, the nearest Commonwealth spelling the system reliably has. Any other
language uses its own dictionary when the system has one.

``enchant`` is imported only when a speller is built, so the rest of the app
runs (without spelling rules) on a machine where the library is missing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import _lru_cache_wrapper, lru_cache
from pathlib import Path
from types import ModuleType
from typing import Any, Protocol, runtime_checkable

from editor_app.checks.text_units import straight_apostrophes
from editor_app.errors import ArticleEditorError

_UNCHECKABLE_RE = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
_PROVIDER_ORDER = "hunspell,aspell,myspell,nuspell"
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
    """The Enchant dictionary name for an article language tag."""
    parts = language.replace("_", "-").split("-")
    base = parts[0].lower()
    region = parts[1].upper() if len(parts) > 1 else ""
    if base == "en":
        return "en_US" if region == "US" else "en_GB"
    return f"{base}_{region}" if region else base


class EnchantSpeller:
    """A spelling dictionary for one language, plus personal words.

    Words may carry curly apostrophes ("don’t"); they are checked in their
    straight form, which is how dictionaries store them. Results are cached:
    every keystroke re-checks the same few hundred words.
    """

    def __init__(
        self,
        language: str,
        personal_words: Iterable[str] = (),
        personal_path: Path | None = None,
    ) -> None:
        self.language = language
        self.tag = dictionary_tag(language)
        self.personal_path = personal_path
        self._enchant = _import_enchant()
        self._broker = self._enchant.Broker()
        self._dictionary = self._request(self.tag)
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

    @property
    def provider(self) -> str:
        """Which engine serves the dictionary ("hunspell", "aspell"): for the About box."""
        return str(self._dictionary.provider.name)

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
            return bool(self._dictionary.check(plain))
        except (ValueError, UnicodeError, self._enchant.errors.Error):
            return True  # a word Enchant cannot take is not one to flag

    def _suggest_now(self, word: str) -> tuple[str, ...]:
        plain = straight_apostrophes(word.strip())
        if not _checkable(plain):
            return ()
        try:
            return tuple(self._dictionary.suggest(plain))
        except (ValueError, UnicodeError, self._enchant.errors.Error):
            return ()

    def _variant_now(self, word: str) -> str | None:
        counterpart_tag = _COUNTERPART.get(self.tag)
        if counterpart_tag is None or self.check(word):
            return None
        if self._counterpart is None:
            try:
                self._counterpart = self._request(counterpart_tag)
            except SpellerUnavailable:
                return None
        plain = straight_apostrophes(word.strip())
        if not _checkable(plain):
            return None
        try:
            known = bool(self._counterpart.check(plain))
        except (ValueError, UnicodeError, self._enchant.errors.Error):
            return None
        return _VARIANT_NAMES[counterpart_tag] if known else None

    def _is_personal(self, word: str) -> bool:
        if word in self._personal:
            return True
        # "Kerfuffle" at the start of a sentence is the personal word "kerfuffle".
        return word[:1].isupper() and (word[:1].lower() + word[1:]) in self._personal

    def _request(self, tag: str) -> Any:
        self._broker.set_ordering(tag, _PROVIDER_ORDER)
        try:
            return self._broker.request_dict(tag)
        except self._enchant.errors.Error:
            language, _, region = tag.partition("_")
            package = f"hunspell-{language}-{region.lower()}" if region else f"hunspell-{language}"
            raise SpellerUnavailable(
                f"there is no spelling dictionary for {tag}; install one (on Debian: {package})"
            ) from None


def _import_enchant() -> ModuleType:
    try:
        import enchant  # type: ignore[import-untyped]
    except ImportError as error:  # pyenchant missing, or libenchant-2 not installed
        raise SpellerUnavailable(
            f"spell checking needs the Enchant library, which is not available ({error})"
        ) from None
    module: ModuleType = enchant
    return module


def _checkable(word: str) -> bool:
    """Whether Enchant can take ``word``: it asserts on control characters and
    cannot encode lone surrogates."""
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
