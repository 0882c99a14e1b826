"""Finding the stretches of one paragraph that may be names, without heavy NLP.

A candidate is a run of capitalised words joined by single spaces, with the
particles that live inside names ("von der", "bin"), initials ("George W.
Bush") and prefixes ("al-Assad"). Titles in front ("Secretary of State",
"Mayor") are cut off and remembered as context, as is a possessive "’s". A word
capitalised only because a sentence, a quotation or a headline starts is marked
ambiguous: whether it is a name is decided later, with the whole article in view.

The result depends only on the text, so it is cached per paragraph.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import Enum, auto
from typing import NamedTuple

from editor_app.checks.names.lexicon import (
    APOSTROPHES,
    CONTRACTION_ENDINGS,
    FUNCTION_WORDS,
    KIN_WORDS,
    LEADING_PARTICLES,
    NAME_PREFIXES,
    PARTICLES,
    SPEECH_VERBS,
    TITLE_JOINERS,
    TITLE_MODIFIERS,
    TITLES,
)
from editor_app.checks.text_units import non_prose_spans, overlaps, sentences, words

_OPENERS = '“"‘([«:—–'
_DESCRIPTION = re.compile(r",\s+(?:a|an|the|who|whose|aged|\d+)\b|\s+\(\d+\)", re.IGNORECASE)
_SPACES = (" ", "\u00a0", "\u202f")


@dataclass(frozen=True, slots=True)
class NameToken:
    """One word of a candidate; ``text`` has any possessive "’s" removed."""

    text: str
    start: int
    end: int
    ambiguous: bool = False
    particle: bool = False
    initial: bool = False

    @property
    def comparable(self) -> bool:
        """Whether spelling comparisons apply ("von" and "W." are left out)."""
        return not (self.particle or self.initial)


@dataclass(frozen=True, slots=True)
class Run:
    """A candidate name and the context a reader would use to tell it is one."""

    tokens: tuple[NameToken, ...]
    titled: bool = False
    """A title right before it: "Mayor Hale", "the NATO chief, Stoltenberg"."""
    speech_before: bool = False
    """A speech verb right before it: "said Hale"."""
    speech_after: bool = False
    """A speech verb right after it: "Hale said"."""
    object_position: bool = False
    """Right after a lowercase content word, as the object of a verb: "reassured Blinken"."""
    possessive: bool = False
    kin: bool = False
    """Its sentence speaks of family ("her sister"): look-alike names may be two people."""
    described: bool = False
    """Followed by a description that introduces a person: "Mark Reese, a patient," or
    "Jamie O’Neill, 24,"."""


class _Kind(Enum):
    NAME = auto()
    PARTICLE = auto()
    INITIAL = auto()
    OTHER = auto()


class _Word(NamedTuple):
    text: str
    start: int
    end: int
    kind: _Kind
    possessive: bool
    ambiguous: bool

    @property
    def lower(self) -> str:
        return self.text.lower()


def extract(text: str, headline: bool = False) -> tuple[Run, ...]:
    """The candidate names of one piece of text, in order. In a headline every
    capital is ambiguous."""
    items, kin_words = _classify(text, headline)
    kin_sentences = _kin_sentences(text, kin_words) if kin_words else []
    runs: list[Run] = []
    index = 0
    while index < len(items):
        if items[index].kind is _Kind.OTHER or not _may_open_run(items, index, text):
            index += 1
            continue
        lead = index
        title_end = _title_end(items, index, text)
        if title_end is not None:
            index = title_end + 1
            if index >= len(items) or not _joined(text, items[title_end], items[index]):
                continue
            if not _may_open_run(items, index, text):
                continue
        end = _run_end(items, index, text)
        tokens = tuple(_token(word) for word in items[index : end + 1])
        item = items[end]
        runs.append(
            Run(
                tokens=tokens,
                titled=not headline and (title_end is not None or _title_before(items, lead, text)),
                speech_before=_word_before(items, lead, text, SPEECH_VERBS),
                speech_after=not item.possessive and _word_after(items, end, text, SPEECH_VERBS),
                object_position=_object_position(items, lead, text),
                possessive=item.possessive,
                kin=any(low <= tokens[0].start < high for low, high in kin_sentences),
                described=not item.possessive and bool(_DESCRIPTION.match(text, item.end)),
            )
        )
        index = end + 1
    return tuple(runs)


# -- words ---------------------------------------------------------------------------------


def _classify(text: str, headline: bool) -> tuple[list[_Word], list[int]]:
    """Every word with its kind, and where the words of family ("sister") are. Most
    words are lowercase and plain: they take the short way through."""
    skip = non_prose_spans(text)
    starts: set[int] | None = None
    items: list[_Word] = []
    kin_words: list[int] = []
    other = _Kind.OTHER
    for word in words(text):
        body = word.text
        if skip and overlaps(skip, word.start, word.end):
            continue
        if body[0].islower() and body not in PARTICLES and not _maybe_prefixed(body):
            if body in KIN_WORDS:
                kin_words.append(word.start)
            items.append(_Word(body, word.start, word.end, other, False, False))
            continue
        body, possessive = _without_possessive(body)
        kind = _kind_of(body, text, word.end)
        ambiguous = False
        if kind is _Kind.NAME:
            if starts is None:
                starts = {sentence.start for sentence in sentences(text)}
            ambiguous = headline or word.start in starts or _after_opener(text, word.start)
        items.append(_Word(body, word.start, word.start + len(body), kind, possessive, ambiguous))
    return items, kin_words


def _maybe_prefixed(word: str) -> bool:
    return ("-" in word or "’" in word or "'" in word) and _prefixed_name(word)


def _without_possessive(word: str) -> tuple[str, bool]:
    if len(word) > 2 and word[-1] in "sS" and word[-2] in APOSTROPHES:
        return word[:-2], True
    return word, False


def _kind_of(word: str, text: str, end: int) -> _Kind:
    first = word[0]
    if not first.isupper():
        if word in PARTICLES:
            return _Kind.PARTICLE
        return _Kind.NAME if _prefixed_name(word) else _Kind.OTHER
    if len(word) == 1:
        return _Kind.INITIAL if text[end : end + 1] == "." and word != "I" else _Kind.OTHER
    if not word.isalpha():
        if any(char.isdigit() for char in word):
            return _Kind.OTHER
        for mark in APOSTROPHES:
            if mark in word and word.rsplit(mark, 1)[1].lower() in CONTRACTION_ENDINGS:
                return _Kind.OTHER  # "I’ve", "We’re"
    if word.isupper():
        return _Kind.OTHER  # an acronym: NATO, US, UN
    return _Kind.NAME


def _prefixed_name(word: str) -> bool:
    """ "al-Assad", "d’Estaing": a lowercase prefix glued to a capitalised name."""
    for index, char in enumerate(word[:4]):
        if char in "-‐" or char in APOSTROPHES:
            rest = word[index + 1 : index + 2]
            return word[:index] in NAME_PREFIXES and rest.isupper()
    return False


def _after_opener(text: str, start: int) -> bool:
    position = start - 1
    while position >= 0 and text[position].isspace():
        position -= 1
    return position >= 0 and text[position] in _OPENERS


def _token(word: _Word) -> NameToken:
    return NameToken(
        text=word.text,
        start=word.start,
        end=word.end,
        ambiguous=word.ambiguous and word.kind is _Kind.NAME,
        particle=word.kind is _Kind.PARTICLE,
        initial=word.kind is _Kind.INITIAL,
    )


# -- runs --------------------------------------------------------------------------------


def _gap(text: str, left: _Word, right: _Word) -> str:
    return text[left.end : right.start]


def _joined(text: str, left: _Word, right: _Word) -> bool:
    """Two words of one name: a single space between, or ". " after an initial."""
    if left.possessive:
        return False
    gap = _gap(text, left, right)
    if left.kind is _Kind.INITIAL:
        return gap[:1] == "." and gap[1:] in _SPACES
    return gap in _SPACES


def _may_open_run(items: list[_Word], index: int, text: str) -> bool:
    item = items[index]
    if item.kind is _Kind.NAME:
        return True
    nxt = index + 1
    if item.kind is _Kind.INITIAL:
        return nxt < len(items) and _joined(text, item, items[nxt])
    if item.kind is _Kind.PARTICLE and item.text in LEADING_PARTICLES:
        return (
            nxt < len(items)
            and _joined(text, item, items[nxt])
            and items[nxt].kind in (_Kind.NAME, _Kind.PARTICLE)
            and _run_has_name(items, index, text)
        )
    return False


def _run_has_name(items: list[_Word], index: int, text: str) -> bool:
    end = _run_end(items, index, text)
    return items[end].kind is _Kind.NAME


def _run_end(items: list[_Word], index: int, text: str) -> int:
    """The last word of the run that starts at ``index``; trailing particles dropped."""
    end = index
    last_name = index
    while end + 1 < len(items) and _joined(text, items[end], items[end + 1]):
        nxt = items[end + 1]
        if nxt.kind is _Kind.OTHER:
            break
        end += 1
        if nxt.kind is _Kind.NAME:
            last_name = end
    return last_name if items[last_name].kind is _Kind.NAME else end


def _title_end(items: list[_Word], index: int, text: str) -> int | None:
    """Where a title that opens the run ends ("Secretary of State"), or None."""
    seen_title = False
    last: int | None = None
    after_joiner = False
    position = index
    while position < len(items):
        item = items[position]
        low = item.lower
        if item.kind is _Kind.NAME and (low in TITLES or low in TITLE_MODIFIERS or after_joiner):
            seen_title = seen_title or low in TITLES
            last = position
            after_joiner = False
        elif low in TITLE_JOINERS and last is not None and not after_joiner:
            after_joiner = True
        else:
            break
        if position + 1 >= len(items) or _gap(text, item, items[position + 1]) not in _SPACES:
            break
        position += 1
    return last if seen_title else None


def _previous(items: list[_Word], index: int, text: str) -> _Word | None:
    """The word before ``index`` when only a space or a comma separates them."""
    if index == 0:
        return None
    before = items[index - 1]
    return before if _gap(text, before, items[index]).strip(" ,\u00a0") == "" else None


def _title_before(items: list[_Word], index: int, text: str) -> bool:
    before = _previous(items, index, text)
    return before is not None and (before.lower in TITLES or before.lower in TITLE_MODIFIERS)


def _word_before(items: list[_Word], index: int, text: str, vocabulary: frozenset[str]) -> bool:
    before = _previous(items, index, text)
    return before is not None and before.lower in vocabulary


def _word_after(items: list[_Word], index: int, text: str, vocabulary: frozenset[str]) -> bool:
    if index + 1 >= len(items):
        return False
    after = items[index + 1]
    return _gap(text, items[index], after).strip(" ,\u00a0") == "" and after.lower in vocabulary


def _object_position(items: list[_Word], index: int, text: str) -> bool:
    if index == 0 or items[index].ambiguous:
        return False
    before = items[index - 1]
    return (
        _gap(text, before, items[index]) in _SPACES
        and before.text.isalpha()
        and before.text.islower()
        and before.lower not in FUNCTION_WORDS
        and before.lower not in PARTICLES
        and before.lower not in TITLES
    )


def _kin_sentences(text: str, kin_words: list[int]) -> list[tuple[int, int]]:
    """The sentences that hold a word of family."""
    return [
        (sentence.start, sentence.end)
        for sentence in sentences(text)
        if any(sentence.start <= start < sentence.end for start in kin_words)
    ]
