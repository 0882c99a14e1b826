"""How a name in the article stands against the style book.

Three answers: the book lists the form as a known wrong spelling ("Anthony
Blinken"); the form differs from the book's only in accents or case ("Antonio
Guterres"); or it is a near miss, a form within an edit or two of a book name
("Jens Stoltenburg"). Everything the book says is indexed once per book (by
folded word and by the first and last word of each full name) so a check never
scans the whole book for each word; answers are remembered per form.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from enum import StrEnum

from rapidfuzz import process
from rapidfuzz.distance import OSA

from editor_app.checks.names.lexicon import PARTICLES, derived, fold
from editor_app.checks.names.neighbours import allowed_distance
from editor_app.checks.stylebook import StyleBook, StyleBookEntry

MIN_SINGLE_WORD = 5
"""Lone words shorter than this are too easily one letter from some name in the book."""


class MatchKind(StrEnum):
    WRONG = "wrong"
    """Listed in the book as a wrong spelling."""
    FOLDED = "folded"
    """The book's name with different accents or case."""
    NEAR = "near"
    """Within a few edits of a book name."""


@dataclass(frozen=True, slots=True)
class BookMatch:
    kind: MatchKind
    suggestion: str
    entry: StyleBookEntry
    distance: int = 0
    written: str = ""
    """For a near miss, the word of the article that differs from the book ("Stoltenburg")."""
    expected: str = ""
    """...and the book's word in its place ("Stoltenberg")."""


@dataclass(frozen=True, slots=True)
class _Name:
    form: str
    words: tuple[str, ...]
    entry: StyleBookEntry


class BookMatcher:
    """The style book prepared for matching the names of articles."""

    def __init__(self, book: StyleBook, max_distance: int = 2) -> None:
        self.book = book
        self.max_distance = max_distance
        forms = book.all_forms()
        self.known_words = frozenset(
            word for form in forms for word in form.split() if word.lower() not in PARTICLES
        )
        self._folded_words: dict[str, set[str]] = defaultdict(set)
        for word in self.known_words:
            self._folded_words[fold(word)].add(word)
        self._by_first: dict[tuple[int, str], list[_Name]] = defaultdict(list)
        self._by_last: dict[tuple[int, str], list[_Name]] = defaultdict(list)
        lone: dict[str, tuple[str, StyleBookEntry]] = {}
        for form, entry in forms.items():
            words = name_words(form)
            if len(words) >= 2:
                name = _Name(form, words, entry)
                self._by_first[(len(words), fold(words[0]))].append(name)
                self._by_last[(len(words), fold(words[-1]))].append(name)
            elif len(words) == 1 and len(words[0]) >= MIN_SINGLE_WORD:
                lone.setdefault(fold(words[0]), (form, entry))
            for surname in book.surnames_of(entry):
                if len(surname) >= MIN_SINGLE_WORD and " " not in surname:
                    lone.setdefault(fold(surname), (surname, entry))
        self._lone = lone
        self._lone_keys = list(lone)
        self._answers: dict[str, tuple[BookMatch, ...]] = {}

    def knows_word(self, word: str) -> bool:
        """Whether the word is part of some name in the book, as written."""
        return word in self.known_words

    def book_spelling(self, word: str) -> str | None:
        """The book's spelling of a word that differs only in accents or case."""
        spellings = self._folded_words.get(fold(word))
        if not spellings or word in spellings or len(spellings) > 1:
            return None
        return next(iter(spellings))

    def matches(self, form: str) -> tuple[BookMatch, ...]:
        """What the book says about a name as the article writes it, best first;
        empty when the book accepts it or knows nothing close."""
        found = self._answers.get(form)
        if found is None:
            found = self._answers[form] = self._match(form)
        return found

    def _match(self, form: str) -> tuple[BookMatch, ...]:
        book = self.book
        if book.accepts(form):
            return ()
        wrong = book.wrong_entry_for(form)
        if wrong is not None:
            return (BookMatch(MatchKind.WRONG, self._replacement(form, wrong), wrong),)
        same = book.entry_for_folded(form)
        if same is not None:
            spelling = _folded_spelling(form, same)
            if spelling is not None and spelling != form:
                return (BookMatch(MatchKind.FOLDED, spelling, same),)
        words = name_words(form)
        if len(words) == 1:
            return self._lone_match(words[0])
        return self._full_match(words)

    def _replacement(self, form: str, entry: StyleBookEntry) -> str:
        """The book's form with as many words as the wrong one: a surname for a surname."""
        if " " not in form.strip():
            surnames = self.book.surnames_of(entry)
            if surnames:
                return surnames[0]
        return entry.canonical

    def _lone_match(self, word: str) -> tuple[BookMatch, ...]:
        if word in self.known_words:
            return ()
        spelling = self.book_spelling(word)
        if spelling is not None:
            entry = self.book.entry_for(spelling) or self._lone.get(fold(spelling), (None, None))[1]
            if entry is not None:
                return (BookMatch(MatchKind.FOLDED, spelling, entry),)
        key = fold(word)
        reach = allowed_distance(len(key), self.max_distance)
        if len(key) < MIN_SINGLE_WORD or not reach:
            return ()
        found = process.extract(
            key, self._lone_keys, scorer=OSA.distance, score_cutoff=reach, limit=3
        )
        matches = []
        for other, distance, _index in found:
            if derived(key, other):
                continue  # "Australian" is no slip for "Australia"
            if 0 < distance <= allowed_distance(min(len(key), len(other)), self.max_distance):
                spelling, entry = self._lone[other]
                matches.append(
                    BookMatch(MatchKind.NEAR, spelling, entry, int(distance), word, spelling)
                )
        return self._ranked(matches)

    def _full_match(self, words: tuple[str, ...]) -> tuple[BookMatch, ...]:
        size = len(words)
        candidates = {
            name.form: name
            for name in (
                *self._by_first.get((size, fold(words[0])), ()),
                *self._by_last.get((size, fold(words[-1])), ()),
            )
        }
        matches = []
        for name in candidates.values():
            differing = [
                index for index in range(size) if fold(words[index]) != fold(name.words[index])
            ]
            if len(differing) != 1:
                continue
            written, expected = words[differing[0]], name.words[differing[0]]
            a, b = fold(written), fold(expected)
            distance = int(OSA.distance(a, b))
            limit = allowed_distance(min(len(a), len(b)), self.max_distance)
            if 0 < distance <= limit and OSA.normalized_similarity(a, b) >= 0.75:
                matches.append(
                    BookMatch(MatchKind.NEAR, name.form, name.entry, distance, written, expected)
                )
        return self._ranked(matches)

    def _ranked(self, matches: list[BookMatch]) -> tuple[BookMatch, ...]:
        """Nearest first; of equally near forms of one entry, the book's main spelling."""

        def main_spelling(match: BookMatch) -> bool:
            surnames = self.book.surnames_of(match.entry)
            return match.suggestion in (match.entry.canonical, *surnames[:1])

        return tuple(
            sorted(
                matches,
                key=lambda match: (match.distance, not main_spelling(match), match.suggestion),
            )
        )


def name_words(form: str) -> tuple[str, ...]:
    """The words of a name that spelling applies to: no particles, no initials."""
    return tuple(
        word
        for word in form.split()
        if word.lower() not in PARTICLES and len(word.rstrip(".")) != 1
    )


def _folded_spelling(form: str, entry: StyleBookEntry) -> str | None:
    key = fold(form)
    for candidate in (entry.canonical, *entry.variants):
        if fold(candidate) == key:
            return candidate
    return None
