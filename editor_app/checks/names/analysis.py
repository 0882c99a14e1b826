"""One reading of an article's names, shared by the three name rules.

The analyzer keeps what survives from one check to the next: the name index
(updated paragraph by paragraph), the verdicts on pairs of close spellings, and
the style book prepared for matching. The rules of one checker share one
analyzer, and the second and third rule to ask about the same article get the
first one's answer.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

from editor_app.checks.base import CheckContext, Speller
from editor_app.checks.names.aggregate import NameIndex
from editor_app.checks.names.bookmatch import BookMatcher
from editor_app.checks.names.facts import Facts
from editor_app.checks.names.reporting import (
    NameIssue,
    Thresholds,
    book_issues,
    variant_issues,
)
from editor_app.checks.names.variants import VariantFinder
from editor_app.checks.stylebook import StyleBook
from editor_app.model import Article


@dataclass(frozen=True, slots=True)
class NameSettings:
    """What the house style asks of the three name rules."""

    book: bool = True
    near: bool = True
    variant: bool = True
    accents: bool = True
    near_max_distance: int = 2
    near_min_confidence: float = 0.6
    variant_max_distance: int = 2
    variant_min_confidence: float = 0.6

    @property
    def thresholds(self) -> Thresholds:
        return Thresholds(
            book=self.book,
            near=self.near,
            variant=self.variant,
            accents=self.accents,
            near_min_confidence=self.near_min_confidence,
            variant_min_confidence=self.variant_min_confidence,
        )


@lru_cache(maxsize=4)
def matcher_for(book: StyleBook, max_distance: int) -> BookMatcher:
    """A book prepared once for matching, however many checkers use it (books are immutable)."""
    return BookMatcher(book, max_distance)


class NameAnalyzer:
    def __init__(self) -> None:
        self._sources: tuple[object, ...] | None = None
        self._facts = Facts(None, None, frozenset())
        self._index = NameIndex(self._facts.is_name)
        self._finder = VariantFinder(2)
        self._book_forms: set[str] = set()
        self._last: tuple[weakref.ref[Article], NameSettings, list[NameIssue]] | None = None

    def analyse(
        self,
        article: Article,
        settings: NameSettings,
        stylebook: StyleBook | None = None,
        speller: Speller | None = None,
        personal_words: Iterable[str] = (),
    ) -> list[NameIssue]:
        """Every name issue of the article, of all three kinds."""
        personal = frozenset(personal_words)
        self._prepare(settings, stylebook, speller, personal)
        last = self._last
        if last is not None and last[0]() is article and last[1] == settings:
            return last[2]
        index, facts = self._index, self._facts
        index.update(article)
        variants = self._finder.update(index, facts)
        issues: list[NameIssue] = []
        matcher = facts.matcher
        if matcher is not None:
            for form in index.changed_mention_forms:
                if form in index.mention_forms and matcher.matches(form):
                    self._book_forms.add(form)
                else:
                    self._book_forms.discard(form)
            issues = book_issues(
                sorted(self._book_forms), index, variants, matcher, facts, settings.thresholds
            )
        issues += variant_issues(variants, index, issues, settings.thresholds)
        self._last = (weakref.ref(article), settings, issues)
        return issues

    def _prepare(
        self,
        settings: NameSettings,
        stylebook: StyleBook | None,
        speller: Speller | None,
        personal: frozenset[str],
    ) -> None:
        """Start afresh when what the words are checked against changes."""
        sources = (stylebook, speller, personal, settings.near_max_distance)
        if self._sources is not None and all(
            mine is theirs or mine == theirs
            for mine, theirs in zip(self._sources, sources, strict=True)
        ):
            if self._finder.max_distance != settings.variant_max_distance:
                self._finder = VariantFinder(settings.variant_max_distance)
                self._index = NameIndex(self._facts.is_name)
                self._book_forms = set()
                self._last = None
            return
        self._sources = sources
        matcher = None if stylebook is None else matcher_for(stylebook, settings.near_max_distance)
        self._facts = Facts(speller, matcher, personal)
        self._index = NameIndex(self._facts.is_name)
        self._finder = VariantFinder(settings.variant_max_distance)
        self._book_forms = set()
        self._last = None


class SharedAnalyzers:
    """One analyzer per check context (that is, per checker), dropped with the context, so
    the name rules of one checker read the article's names once."""

    def __init__(self) -> None:
        self._held: dict[int, tuple[weakref.ref[CheckContext], NameAnalyzer]] = {}

    def for_context(self, context: CheckContext) -> NameAnalyzer:
        held = self._held.get(id(context))
        if held is not None and held[0]() is context:
            return held[1]
        for key in [key for key, (ref, _analyzer) in self._held.items() if ref() is None]:
            del self._held[key]
        analyzer = NameAnalyzer()
        self._held[id(context)] = (weakref.ref(context), analyzer)
        return analyzer
