"""The article's name index, kept current paragraph by paragraph.

Each check hands over the whole article, but the index only does work for the
paragraphs whose text changed since the last check: their counts are taken out
of the totals and the new ones added. Everything else (the paragraph's
candidates, its settled mentions, its summary) is reused, so re-checking a long
article after an edit to one paragraph costs about one paragraph's work.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Hashable, Iterator, Set
from dataclasses import dataclass
from typing import TypeVar

from editor_app.checks.names.candidates import NameToken
from editor_app.checks.names.index import (
    FormCounts,
    Mention,
    NamePredicate,
    Summary,
    paragraph_names,
    resolve,
    summarise,
)
from editor_app.checks.names.lexicon import fold
from editor_app.model import Article, Field, Heading, TextRef

_SPARE = 1024
"""Settled paragraphs kept beyond the current article's: undo brings them back."""

_K = TypeVar("_K", bound=Hashable)
_NONE: frozenset[str] = frozenset()
_Key = tuple[str, bool, frozenset[str]]
"""(text, is a headline, its ambiguous words the article confirms): all a paragraph's
mentions depend on."""


@dataclass(frozen=True, slots=True)
class Placed:
    """A paragraph of the current article with its mentions."""

    ref: TextRef
    mentions: tuple[Mention, ...]
    summary: Summary


class NameIndex:
    """Totals per name word and per full name, with what changed in the last update."""

    def __init__(self, is_name: NamePredicate) -> None:
        self._is_name = is_name
        self._settled: dict[_Key, tuple[tuple[Mention, ...], Summary]] = {}
        self._texts: list[tuple[str, bool]] = []
        self._sure: Counter[str] = Counter()
        self._confirmed: set[str] = set()
        self._sequence: list[_Key] = []
        self.totals: dict[str, FormCounts] = {}
        """Per spelling of a name word, over the whole article."""
        self.mention_forms: Counter[str] = Counter()
        """Per name as written in full ("Dana Hale", "Hale")."""
        self.bare_keys: Counter[str] = Counter()
        """Folded words used as a name on their own somewhere ("Novak said")."""
        self.placed: list[Placed] = []
        self.changed_forms: set[str] = set()
        self.changed_mention_forms: set[str] = set()
        self.reordered = False
        """Whether the last update changed the paragraphs in any way, which may change
        which spelling the story used first."""

    def update(self, article: Article) -> None:
        segments = [(ref, text, _is_headline(article, ref)) for ref, text in article.segments()]
        texts = [(text, headline) for _ref, text, headline in segments]
        for (text, headline), change in _difference(self._texts, texts).items():
            self._confirm(paragraph_names(text, headline).sure, change)
        self._texts = texts
        confirmed = self._confirmed
        keys: list[_Key] = []
        placed: list[Placed] = []
        for ref, text, headline in segments:
            paragraph = paragraph_names(text, headline)
            subset = paragraph.ambiguous & confirmed if paragraph.ambiguous else _NONE
            key = (text, headline, subset)
            settled = self._settled.get(key)
            if settled is None:
                mentions = resolve(paragraph, text, self._is_name, subset)
                settled = self._settled[key] = (mentions, summarise(mentions))
            keys.append(key)
            placed.append(Placed(ref, *settled))
        self._apply(_difference(self._sequence, keys))
        self.reordered = keys != self._sequence
        self._sequence = keys
        self.placed = placed
        if len(self._settled) > len(keys) + _SPARE:
            current = set(keys)
            self._settled = {key: value for key, value in self._settled.items() if key in current}

    def _confirm(self, words: frozenset[str], change: int) -> None:
        """Count the paragraphs that capitalise each word mid-sentence."""
        for word in words:
            count = self._sure[word] = self._sure[word] + change
            if count <= 0:
                del self._sure[word]
                self._confirmed.discard(word)
            else:
                self._confirmed.add(word)

    def _apply(self, change: dict[_Key, int]) -> None:
        forms: dict[str, FormCounts] = {}
        mention_forms: Counter[str] = Counter()
        for key, sign in change.items():
            summary = self._settled[key][1]
            for text, counts in summary.forms.items():
                forms.setdefault(text, FormCounts()).add(counts, sign)
            for form, n in summary.mention_forms.items():
                mention_forms[form] += sign * n
        self.changed_forms = {text for text, delta in forms.items() if delta.changed()}
        for text in self.changed_forms:
            self._apply_form(text, forms[text])
        self.changed_mention_forms = {form for form, n in mention_forms.items() if n}
        for form in self.changed_mention_forms:
            self.mention_forms[form] += mention_forms[form]
            if self.mention_forms[form] <= 0:
                del self.mention_forms[form]

    def _apply_form(self, text: str, delta: FormCounts) -> None:
        totals = self.totals.setdefault(text, FormCounts())
        was_bare = totals.bare > 0
        totals.add(delta)
        totals.prune()
        if (totals.bare > 0) != was_bare:
            key = fold(text)
            self.bare_keys[key] += 1 if totals.bare > 0 else -1
            if self.bare_keys[key] <= 0:
                del self.bare_keys[key]
        if totals.count <= 0:
            del self.totals[text]

    # -- finding things again ----------------------------------------------------------

    def occurrences(self, texts: Set[str]) -> Iterator[tuple[TextRef, Mention, NameToken]]:
        """Every use of these name words, in reading order."""
        for item in self.placed:
            if not texts.isdisjoint(item.summary.forms):
                for mention in item.mentions:
                    for token in mention.names:
                        if token.text in texts:
                            yield item.ref, mention, token

    def mentions_of(self, forms: Set[str]) -> Iterator[tuple[TextRef, Mention]]:
        """Every mention written exactly as one of ``forms`` ("Anthony Blinken")."""
        for item in self.placed:
            if not forms.isdisjoint(item.summary.mention_forms):
                for mention in item.mentions:
                    if mention.form in forms:
                        yield item.ref, mention

    def first_seen(self, text: str) -> tuple[int, int]:
        """Where the story first uses a name word: (paragraph, offset), in reading order."""
        for number, item in enumerate(self.placed):
            if text in item.summary.forms:
                for mention in item.mentions:
                    for token in mention.names:
                        if token.text == text:
                            return number, token.start
        return len(self.placed), 0


def _difference(old: list[_K], new: list[_K]) -> dict[_K, int]:
    """How many of each paragraph came (+1 each) or went (−1 each). An edit in place is
    found by comparing position by position; a paragraph added or removed, by counting."""
    change: Counter[_K] = Counter()
    if len(old) == len(new):
        for before, after in zip(old, new, strict=True):
            if before != after:
                change[after] += 1
                change[before] -= 1
    else:
        change.update(new)
        change.subtract(old)
    return {key: n for key, n in change.items() if n}


def _is_headline(article: Article, ref: TextRef) -> bool:
    if ref.field is Field.HEADLINE:
        return True
    return ref.block >= 0 and isinstance(article.body[ref.block], Heading)
