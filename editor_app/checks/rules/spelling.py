"""Spelling: lowercase words the dictionary does not know, and the other variant's spellings.

Only all-lowercase words are judged here. A capitalised word the dictionary
lacks is usually a name, and names have their own rules (``names.*``) that
compare every mention in the article; acronyms, words with digits, URLs,
e-mail addresses, @handles and #tags are not judged at all.

A word the article's dictionary lacks but the other variant's has ("color" in
an en-GB article) is reported by ``spelling.variant`` rather than as unknown, so
a house style that turns that rule off accepts both variants.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any, ClassVar, NamedTuple

from editor_app.checks.base import CheckContext, Finding, SegmentRule, Severity, Speller
from editor_app.checks.speller import VariantSpeller
from editor_app.checks.text_units import Token, non_prose_spans, overlaps, word_parts
from editor_app.model import TextRef

_MEMO = 4096
_LOWERCASE = r"[^\W\d_A-Z]"
_JOINERS = "\\-‐'’ʼ‘"
_LOWERCASE_WORD_RE = re.compile(
    rf"(?<![\w{_JOINERS}]){_LOWERCASE}+(?:[{_JOINERS}]{_LOWERCASE}+)*(?![\w]|[{_JOINERS}][^\W_])"
)
"""A whole word (as ``text_units.words`` cuts them) without capitals or digits. Only
ASCII capitals are excluded here: other words are filtered with ``str.islower``."""


@lru_cache(maxsize=_MEMO)
def _lowercase_words(text: str) -> frozenset[str]:
    """The distinct words of ``text`` to judge; depends on the text alone, so both rules
    share it."""
    return frozenset(
        word for word in _LOWERCASE_WORD_RE.findall(text) if len(word) > 1 and word.islower()
    )


class _Misspelling(NamedTuple):
    word: Token
    variant: str | None
    """The other spelling variant that has the word ("US"), if any."""


def _misspelt_parts(word: Token, speller: Speller) -> Iterator[Token]:
    """The parts of an unknown ``word`` to flag: each unknown part of a compound, or
    the word itself."""
    parts = word_parts(word)
    if len(parts) == 1:
        yield word
        return
    for part in parts:
        if len(part.text) > 1 and not speller.check(part.text):
            yield part


def _misspellings(text: str, speller: Speller) -> tuple[_Misspelling, ...]:
    """Every lowercase word of ``text`` the dictionary lacks. The speller caches its
    answers, so the two rules asking about the same words cost one lookup each."""
    unknown = {word for word in _lowercase_words(text) if not speller.check(word)}
    if not unknown:
        return ()
    skip = non_prose_spans(text)
    found: list[_Misspelling] = []
    for match in _LOWERCASE_WORD_RE.finditer(text):
        if match.group() not in unknown or (skip and overlaps(skip, *match.span())):
            continue
        for part in _misspelt_parts(Token(match.group(), *match.span()), speller):
            variant = speller.variant_of(part.text) if isinstance(speller, VariantSpeller) else None
            found.append(_Misspelling(part, variant))
    return tuple(found)


def _suggestions(speller: Speller, word: str, limit: int) -> list[str]:
    """Best first, single words before split ones ("col or")."""
    found = [s for s in speller.suggest(word) if s != word]
    found.sort(key=lambda suggestion: " " in suggestion or "-" in suggestion)
    return found[: max(0, limit)]


class UnknownWord(SegmentRule):
    id = "spelling.unknown-word"
    default_severity = Severity.WARNING
    reason = "A lowercase word no dictionary knows is almost always a typing slip."
    default_params: ClassVar[Mapping[str, Any]] = {"max_suggestions": 5}
    fires_on = (
        "The goverment said it would act.",
        "She recieved the letter on Monday.",
        "A well-knwon figure arrived.",
    )
    passes = (
        "The government said it would act.",
        "Don’t worry: it’s a well-known route, isn't it?",
        "Write to desk@exampel.org or see https://exampel.org/pagge and @newsdeskk.",
        "Fredriksson and the UNHCR said the 3rd and 4x4 tests passed.",
    )

    def check_segment(self, ref: TextRef, text: str, context: CheckContext) -> Iterator[Finding]:
        for part, _variant, suggestions in _flagged(self, text, context, variants=False):
            yield self.finding(
                ref,
                part.start,
                part.end,
                part.text,
                f"“{part.text}” is not in the {context.language} dictionary",
                suggestions,
                confidence=0.9 if suggestions else 0.6,
            )


class SpellingVariant(SegmentRule):
    id = "spelling.variant"
    default_severity = Severity.WARNING
    reason = "An article mixes spelling variants when a US form slips into British text."
    default_params: ClassVar[Mapping[str, Any]] = {"max_suggestions": 1}
    fires_on = (
        "The color of the flag was chosen at the center.",
        "Fans were traveling to the theater.",
    )
    passes = (
        "The colour of the flag was chosen at the centre.",
        "Fans were travelling to the theatre.",
    )

    def check_segment(self, ref: TextRef, text: str, context: CheckContext) -> Iterator[Finding]:
        for part, variant, suggestions in _flagged(self, text, context, variants=True):
            yield self.finding(
                ref,
                part.start,
                part.end,
                part.text,
                f"{variant} spelling in an {context.language} article",
                suggestions,
            )


def _flagged(
    rule: SegmentRule, text: str, context: CheckContext, *, variants: bool
) -> Iterator[tuple[Token, str | None, list[str]]]:
    """The words the dictionary rejects — other variants' spellings when ``variants``,
    plain misspellings otherwise — that the personal words do not excuse, with
    suggestions. Both spelling rules share one pass over the text."""
    speller = context.speller
    if speller is None:
        return
    limit = int(context.params_for(rule)["max_suggestions"])
    for part, variant in _misspellings(text, speller):
        if (variant is not None) == variants and part.text not in context.personal_words:
            yield part, variant, _suggestions(speller, part.text, limit)


RULES = (UnknownWord, SpellingVariant)
