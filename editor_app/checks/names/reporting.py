"""From verdicts to issues: where each doubtful name sits, what to say, what to offer.

The style book speaks first: a name it lists as wrong, writes with other accents,
or nearly matches is reported as such, and the in-story comparison does not
report the same words again.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from enum import StrEnum

from editor_app.checks.names.aggregate import NameIndex
from editor_app.checks.names.bookmatch import BookMatch, BookMatcher, MatchKind, name_words
from editor_app.checks.names.facts import Facts
from editor_app.checks.names.lexicon import fold
from editor_app.checks.names.variants import Variant, sounds_alike
from editor_app.model import TextRef

NEAR_ONE_EDIT = 0.5
NEAR_TWO_EDITS = 0.35
NEAR_IN_STORY = 0.3
"""The book's spelling also appears in the story: the odd one out is the slip."""
NEAR_NOT_IN_STORY = -0.1
"""A lone surname close to a book name the story never uses may well be someone else's."""
NEAR_TITLED = 0.15
NEAR_SOUNDS_ALIKE = 0.05
NEAR_REPEATED = -0.2
"""A spelling used again and again while the book's never appears may be another person."""
NEAR_FIRST_LETTER = -0.15
"""Slips rarely change a name's first letter; other names often differ only there."""
FULL_NAME_ONE_EDIT = 0.85
FULL_NAME_TWO_EDITS = 0.7
AMBIGUOUS_MATCH = -0.15


class IssueKind(StrEnum):
    BOOK = "book"
    NEAR = "near"
    VARIANT = "variant"


@dataclass(frozen=True, slots=True)
class NameIssue:
    kind: IssueKind
    ref: TextRef
    start: int
    end: int
    text: str
    message: str
    suggestions: tuple[str, ...]
    confidence: float


@dataclass(frozen=True, slots=True)
class Thresholds:
    book: bool = True
    near: bool = True
    variant: bool = True
    accents: bool = True
    near_min_confidence: float = 0.6
    variant_min_confidence: float = 0.6


# -- the style book --------------------------------------------------------------------


def book_issues(
    forms: Iterable[str],
    index: NameIndex,
    variants: Mapping[str, Variant],
    matcher: BookMatcher,
    facts: Facts,
    wanted: Thresholds,
) -> list[NameIssue]:
    """Issues for the names, as written, that the style book has something to say about."""
    verdicts: dict[str, tuple[IssueKind, tuple[str, ...], float, str]] = {}
    for form in forms:
        matches = matcher.matches(form)
        first = matches[0]
        if first.kind is MatchKind.NEAR:
            if not wanted.near:
                continue
            confidence = near_confidence(form, matches, index, variants, matcher, facts)
            if confidence < wanted.near_min_confidence:
                continue
            suggestions = tuple(dict.fromkeys(match.suggestion for match in matches))
            verdicts[form] = (IssueKind.NEAR, suggestions, confidence, _book_message(first))
        elif wanted.book and (first.kind is MatchKind.WRONG or wanted.accents):
            verdicts[form] = (IssueKind.BOOK, (first.suggestion,), 1.0, _book_message(first))
    issues = []
    for ref, mention in index.mentions_of(verdicts.keys()):
        kind, suggestions, confidence, message = verdicts[mention.form]
        issues.append(
            NameIssue(
                kind,
                ref,
                mention.start,
                mention.end,
                mention.form,
                message,
                suggestions,
                round(confidence, 2),
            )
        )
    return issues


def _book_message(match: BookMatch) -> str:
    if match.kind is MatchKind.WRONG:
        return f"The style book spells this name “{match.suggestion}”."
    if match.kind is MatchKind.FOLDED:
        return f"The style book writes “{match.suggestion}”, with these accents and capitals."
    return f"Close to “{match.suggestion}” in the style book: check the spelling."


def near_confidence(
    form: str,
    matches: tuple[BookMatch, ...],
    index: NameIndex,
    variants: Mapping[str, Variant],
    matcher: BookMatcher,
    facts: Facts,
) -> float:
    """How sure a near miss is a slip for the book's name and not another person."""
    best = matches[0]
    written = best.written
    counts = index.totals.get(written)
    if written in facts.personal or counts is None:
        return 0.0
    story = variants.get(written)
    if story is not None and fold(story.target) != fold(best.expected):
        return 0.0  # the story's own spelling explains the slip better than the book
    known = facts.proper(written) or matcher.knows_word(written) or bool(facts.common(written))
    alike = sounds_alike(fold(written), fold(best.expected))
    in_story = best.expected in index.totals
    score = 0.0
    if any(match.distance == best.distance and match.entry is not best.entry for match in matches):
        score += AMBIGUOUS_MATCH
    if fold(written)[:1] != fold(best.expected)[:1]:
        score += NEAR_FIRST_LETTER
    if counts.count >= 2 and not in_story:
        score += NEAR_REPEATED
    if alike:
        score += NEAR_SOUNDS_ALIKE
    if len(name_words(form)) > 1:
        if (known or facts.speller is None) and not alike:
            return 0.0
        return score + (FULL_NAME_ONE_EDIT if best.distance == 1 else FULL_NAME_TWO_EDITS)
    if facts.speller is None and not in_story:
        return 0.0
    if known and not (counts.titled and in_story):
        return 0.0
    if not _own_full_names_agree(counts.full_forms, best, matcher):
        return 0.0
    score += NEAR_ONE_EDIT if best.distance == 1 else NEAR_TWO_EDITS
    score += NEAR_IN_STORY if in_story else NEAR_NOT_IN_STORY
    if counts.titled:
        score += NEAR_TITLED
    return score


def _own_full_names_agree(
    full_forms: Iterable[str], match: BookMatch, matcher: BookMatcher
) -> bool:
    """A lone word close to a book surname, but given elsewhere with a first name the
    book does not pair with that surname, belongs to someone else ("Karl Stoltenburg")."""
    for form in full_forms:
        found = matcher.matches(form)
        if not found or found[0].entry is not match.entry:
            return False
    return True


# -- spellings within the story --------------------------------------------------------


def variant_issues(
    found: Mapping[str, Variant],
    index: NameIndex,
    book: list[NameIssue],
    wanted: Thresholds,
) -> list[NameIssue]:
    """Issues for each use of a suspect spelling the style book has not already reported."""
    if not wanted.variant:
        return []
    shown = {
        suspect: (variant, _variant_message(variant, index))
        for suspect, variant in found.items()
        if variant.confidence >= wanted.variant_min_confidence
    }
    covered: dict[TextRef, list[tuple[int, int]]] = {}
    for issue in book:
        covered.setdefault(issue.ref, []).append((issue.start, issue.end))
    issues = []
    for ref, _mention, token in index.occurrences(shown.keys()):
        if any(start < token.end and token.start < end for start, end in covered.get(ref, ())):
            continue
        variant, message = shown[token.text]
        issues.append(
            NameIssue(
                IssueKind.VARIANT,
                ref,
                token.start,
                token.end,
                token.text,
                message,
                (_same_initial_case(variant.target, token.text),),
                variant.confidence,
            )
        )
    return issues


def _variant_message(variant: Variant, index: NameIndex) -> str:
    target = index.totals[variant.target]
    times = "once" if target.count == 1 else f"{target.count} times"
    full = sorted(target.full_forms, key=lambda form: (-target.full_forms[form], form))
    known_as = f" (as in “{full[0]}”)" if full else ""
    return (
        f"“{variant.suspect}” looks like a slip for “{variant.target}”, "
        f"which the story uses {times}{known_as}."
    )


def _same_initial_case(replacement: str, written: str) -> str:
    """ "al-Hashimi" for "Al-Hashemi" at a sentence start becomes "Al-Hashimi"."""
    if written[:1].isupper() and replacement[:1].islower():
        return replacement[:1].upper() + replacement[1:]
    return replacement
