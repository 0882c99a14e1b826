"""What the dictionary, the style book and the personal word list say about one word."""

from __future__ import annotations

from editor_app.checks.base import Speller
from editor_app.checks.names.bookmatch import BookMatcher
from editor_app.checks.names.candidates import NameToken
from editor_app.checks.names.lexicon import FUNCTION_WORDS, SENTENCE_ADVERBS

VERB_ENDINGS = ("ing", "ed", "ly")
"""Endings of the ordinary words that open sentences before a name ("Asked", "Calling")."""


class Facts:
    """Answers about single words, remembered: the same few hundred words are asked
    about on every check."""

    def __init__(
        self,
        speller: Speller | None,
        matcher: BookMatcher | None,
        personal: frozenset[str],
    ) -> None:
        self.speller = speller
        self.matcher = matcher
        self.personal = personal
        self._common: dict[str, bool] = {}
        self._proper: dict[str, bool] = {}

    def common(self, word: str) -> bool | None:
        """Whether the word, lowercased, is an ordinary dictionary word ("Hall", "Went");
        ``None`` without a dictionary."""
        if self.speller is None:
            return None
        found = self._common.get(word)
        if found is None:
            lower = word.lower()
            found = self._common[word] = lower != word and self.speller.check(lower)
        return found

    def proper(self, word: str) -> bool:
        """Whether the dictionary knows the word as written, names included ("Anthony")."""
        if self.speller is None:
            return False
        found = self._proper.get(word)
        if found is None:
            found = self._proper[word] = self.speller.check(word)
        return found

    def known_name(self, word: str) -> bool:
        """Whether the style book or the personal word list has the word."""
        return word in self.personal or (self.matcher is not None and self.matcher.knows_word(word))

    def is_name(self, token: NameToken, cued: bool, opens: bool, confirmed: frozenset[str]) -> bool:
        """Whether a capital at a sentence start or in a headline is a name. An ordinary
        word that opens a longer name ("Maria Oberhuber", "Grace Wanjiru") is taken for a
        given name unless it is a sentence adverb ("Later") or has the ending of a verb or
        adverb ("Asked", "Calling")."""
        word = token.text
        low = word.lower()
        if low in FUNCTION_WORDS:
            return False
        if opens and not low.endswith(VERB_ENDINGS) and low not in SENTENCE_ADVERBS:
            return True
        if word in confirmed or cued or word in self.personal:
            return True
        if self.matcher is not None and self.matcher.book.accepts(word):
            return True
        return self.speller is not None and not self.common(word)
