"""Runs the rules over an article and keeps what it can for the next run.

Segment rules are cached by (rule, kind of text, text): after an edit only the
changed paragraph is checked again. Article rules run every time and keep their
own indexes (the name rules update theirs paragraph by paragraph).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Protocol, runtime_checkable

from editor_app.checks.base import (
    ArticleRule,
    CheckContext,
    Finding,
    Rule,
    SegmentRule,
    Speller,
)
from editor_app.checks.config import HouseStyle
from editor_app.checks.ignores import without_ignored
from editor_app.checks.stylebook import StyleBook, StyleBookEntry
from editor_app.model import Article, Field, TextRange, TextRef

_CACHE_LIMIT = 50_000


@runtime_checkable
class LearningSpeller(Protocol):
    """A speller that can accept a word from now on (``EnchantSpeller``)."""

    def add(self, word: str) -> None: ...


@runtime_checkable
class LearningSpellers(Protocol):
    """A speller factory that can teach every speller it made a word (``setup.Spellers``):
    the word is saved once, whichever languages the person has checked in."""

    def __call__(self, language: str) -> Speller | None: ...

    def add_word(self, word: str) -> None: ...


class Checker:
    """``speller_factory`` gives the dictionary for a language ("en-GB", "en-US"), so
    each article is spelt by its own language; without it the context's speller is
    used for every article."""

    def __init__(
        self,
        rules: Sequence[Rule],
        context: CheckContext | None = None,
        house_style: HouseStyle | None = None,
        stylebook: StyleBook | None = None,
        speller_factory: Callable[[str], Speller | None] | None = None,
    ) -> None:
        self.house_style = house_style or HouseStyle()
        base_context = context or CheckContext(language=self.house_style.language or "en-GB")
        if stylebook is not None:
            base_context = replace(base_context, stylebook=stylebook)
        self._speller_factory = speller_factory
        if speller_factory is not None:
            base_context = replace(base_context, speller=speller_factory(base_context.language))
        self.context = replace(base_context, settings=dict(self.house_style.rules))
        self.rules = [rule for rule in rules if self.house_style.settings_for(rule).enabled]
        self._segment_rules = [rule for rule in self.rules if isinstance(rule, SegmentRule)]
        self._article_rules = [rule for rule in self.rules if isinstance(rule, ArticleRule)]
        self._cache: dict[tuple[Field, str], tuple[Finding, ...]] = {}

    def forget(self) -> None:
        """Drop cached results, after the dictionary or style book changed."""
        self._cache.clear()

    @property
    def stylebook(self) -> StyleBook | None:
        return self.context.stylebook

    def set_stylebook(self, stylebook: StyleBook | None) -> None:
        """Check against ``stylebook`` from now on (the newsroom edited its book)."""
        self.context = replace(self.context, stylebook=stylebook)
        self.forget()

    def extend_stylebook(self, entries: Iterable[StyleBookEntry]) -> None:
        """Add ``entries`` to the style book; an entry replaces one with its canonical form."""
        extra = StyleBook(entries)
        current = self.context.stylebook
        self.set_stylebook(extra if current is None else current.merged_with(extra))

    def add_personal_word(self, word: str) -> None:
        """Accept ``word`` from now on, in every language: the spellers learn it (and save
        it to the personal dictionary when they have one), the name rules count it as
        known, and cached results that flagged it are dropped."""
        word = word.strip()
        if not word:
            return
        speller = self.context.speller
        factory = self._speller_factory
        if isinstance(factory, LearningSpellers):
            factory.add_word(word)
            speller = factory(self.context.language)
        elif isinstance(speller, LearningSpeller):
            speller.add(word)
        words = self.context.personal_words | {word}
        self.context = replace(self.context, speller=speller, personal_words=words)
        self.forget()

    def is_everyday_word(self, text: str) -> bool:
        """Whether ``text`` in lower case is in the dictionary ("Went" → "went"): such a
        slip is a poor "known wrong spelling" for the style book, which would then flag
        the word itself wherever it starts a sentence."""
        speller = self.context.speller
        return speller is not None and bool(text.strip()) and speller.check(text.lower())

    def check(self, article: Article) -> list[Finding]:
        """Every finding, in reading order, less those the article ignores. The
        article's language (en-GB, en-US…) picks the spelling variant."""
        language = article.meta.language or self.context.language
        if language != self.context.language:
            speller = self.context.speller
            if self._speller_factory is not None:
                speller = self._speller_factory(language)
            self.context = replace(self.context, language=language, speller=speller)
            self.forget()
        findings: list[Finding] = []
        for ref, text in article.segments():
            findings.extend(self._check_segment(ref, text))
        for article_rule in self._article_rules:
            findings.extend(
                self._styled(finding)
                for finding in article_rule.check_article(article, self.context)
            )
        return sorted(without_ignored(findings, article), key=_order)

    def _check_segment(self, ref: TextRef, text: str) -> tuple[Finding, ...]:
        """All segment rules' findings for one piece of text: one cache look-up per
        paragraph, so re-checking an unchanged article costs next to nothing."""
        key = (ref.field, text)
        cached = self._cache.get(key)
        if cached is None:
            if len(self._cache) >= _CACHE_LIMIT:
                self._cache.clear()
            cached = tuple(
                self._styled(finding)
                for rule in self._segment_rules
                for finding in rule.check_segment(ref, text, self.context)
            )
            self._cache[key] = cached
        if cached and cached[0].range.ref != ref:
            return tuple(_moved(finding, ref) for finding in cached)
        return cached

    def _styled(self, finding: Finding) -> Finding:
        settings = self.house_style.rules.get(finding.rule_id)
        if settings is None or settings.severity == finding.severity:
            return finding
        return replace(finding, severity=settings.severity)


def _moved(finding: Finding, ref: TextRef) -> Finding:
    if finding.range.ref == ref:
        return finding
    return replace(finding, range=TextRange(ref, finding.range.start, finding.range.end))


def _order(finding: Finding) -> tuple[tuple[int, int, int], int, int, str]:
    where = finding.range
    return (where.ref.sort_key, where.start, where.end, finding.rule_id)
