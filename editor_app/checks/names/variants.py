"""Two spellings of one name in one article: which is the slip, and how sure we are.

A pair of close spellings is judged on what a copy editor would weigh: how often
each appears, whether they share a given name or surname ("Katarina Novak" /
"Katerina Novak"), whether the rare one is an ordinary word standing where a name
belongs ("reassured Blinked", "Hall said"), and whether the story says they are
different people (each with their own first name, each quoted again and again, or
"her sister"). An unknown name on its own is never a slip: there must be another
spelling to compare with.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Protocol

import jellyfish

from editor_app.checks.names.aggregate import NameIndex
from editor_app.checks.names.index import FormCounts
from editor_app.checks.names.lexicon import CALENDAR_WORDS, derived, fold
from editor_app.checks.names.neighbours import NeighbourMap

BASE_CONFIDENCE = {0: 0.5, 1: 0.45, 2: 0.3}
"""By edit distance: 0 means the spellings differ only in accents or case."""
RARE_AGAINST_FREQUENT = 0.3
RARER = 0.15
SHARED_NAME = 0.25
UNINTRODUCED = 0.15
"""A surname used alone that never came with a first name, unlike the other spelling:
news stories introduce people in full, so the bare one is the odd one out."""
TIE = -0.1
"""Each spelling used equally often: nothing says which is right, so the finding waits
below the usual threshold, unless one is an ordinary word (then it is the slip), the pair
shares a name, or one spelling introduced the person in full and the other is a bare later
mention (then the introduction, typed with care or copied from a source, is trusted)."""
ONE_PERSON_TIE = 0.1
STRONG_CUE = 0.1
SOUNDS_ALIKE = 0.05
BOTH_FREQUENT = -0.2
SHORT = 4
"""Names this short ("Lee", "Wei") differ by one letter too easily to judge on spelling alone."""


class WordFacts(Protocol):
    """What the dictionary and the style book say about a word."""

    def common(self, word: str) -> bool | None:
        """Whether the lowercase word is in the dictionary; None without a dictionary."""
        ...

    def known_name(self, word: str) -> bool:
        """Whether the style book or the personal word list has the word."""
        ...

    def proper(self, word: str) -> bool:
        """Whether the dictionary knows the word as written, names included ("Diana")."""
        ...


_Order = dict[str, tuple[int, int]]
"""Where the story first used the words a verdict's tie-break looked at."""


@dataclass(frozen=True, slots=True)
class Variant:
    suspect: str
    target: str
    confidence: float


@dataclass
class Form:
    """One spelling of a name word and how the story uses it."""

    text: str
    counts: FormCounts
    seen: Callable[[str], tuple[int, int]] = field(repr=False, default=lambda _text: (0, 0))
    """Where the story first uses a word; asked only to break a tie."""

    @property
    def key(self) -> str:
        return fold(self.text)

    @property
    def count(self) -> int:
        return self.counts.count

    @property
    def bare(self) -> int:
        return self.counts.bare

    @property
    def full(self) -> int:
        return self.counts.full

    @property
    def strong(self) -> int:
        return self.counts.strong

    @property
    def calendar(self) -> bool:
        return self.text.lower() in CALENDAR_WORDS


class VariantFinder:
    """Judges the close pairs of the article's spellings, remembering each verdict until
    the counts of one of the two spellings change."""

    def __init__(self, max_distance: int) -> None:
        self.max_distance = max_distance
        self.neighbours = NeighbourMap(max_distance)
        self._texts: dict[str, set[str]] = {}
        self._verdicts: dict[tuple[str, str], tuple[Variant | None, _Order]] = {}
        self._bare_keys: frozenset[str] = frozenset()
        self._pair_list: list[tuple[str, str, int]] | None = None

    def update(self, index: NameIndex, facts: WordFacts) -> dict[str, Variant]:
        """The likeliest correction of each suspect spelling, by suspect."""
        for text in index.changed_forms:
            texts = self._texts.setdefault(fold(text), set())
            present = text in index.totals
            if present != (text in texts):
                (texts.add if present else texts.discard)(text)
                self._pair_list = None
            if not texts:
                del self._texts[fold(text)]
        if self._pair_list is None:
            self.neighbours.update(self._texts)
        self._forget(index)
        best: dict[str, Variant] = {}
        for a, b, distance in self._pairs():
            verdict = self._verdict(a, b, distance, index, facts)
            if verdict is None or _explained(fold(verdict.suspect), self.neighbours):
                continue
            held = best.get(verdict.suspect)
            if held is None or verdict.confidence > held.confidence:
                best[verdict.suspect] = verdict
        return best

    def _forget(self, index: NameIndex) -> None:
        bare_keys = frozenset(index.bare_keys)
        if bare_keys != self._bare_keys:
            self._verdicts.clear()
            self._bare_keys = bare_keys
            return
        changed = index.changed_forms
        for pair, (_verdict, order) in list(self._verdicts.items()):
            stale = pair[0] in changed or pair[1] in changed
            if stale or (order and index.reordered and _moved(order, index)):
                del self._verdicts[pair]

    def _pairs(self) -> list[tuple[str, str, int]]:
        if self._pair_list is not None:
            return self._pair_list
        pairs: list[tuple[str, str, int]] = []
        for texts in self._texts.values():
            ordered = sorted(texts)
            pairs.extend((a, b, 0) for n, a in enumerate(ordered) for b in ordered[n + 1 :])
        for key_a, key_b, distance in self.neighbours.pairs():
            pairs.extend((a, b, distance) for a in self._texts[key_a] for b in self._texts[key_b])
        self._pair_list = pairs
        return pairs

    def _verdict(
        self, a: str, b: str, distance: int, index: NameIndex, facts: WordFacts
    ) -> Variant | None:
        pair = (a, b) if a < b else (b, a)
        held = self._verdicts.get(pair)
        if held is None:
            asked: dict[str, tuple[int, int]] = {}

            def seen(text: str) -> tuple[int, int]:
                asked[text] = index.first_seen(text)
                return asked[text]

            first = Form(pair[0], index.totals[pair[0]], seen)
            second = Form(pair[1], index.totals[pair[1]], seen)
            verdict = judge_pair(first, second, distance, facts, self._bare_keys)
            held = self._verdicts[pair] = (verdict, asked)
        return held[0]


def _moved(order: _Order, index: NameIndex) -> bool:
    """Whether a word a tie-break looked at is now first used somewhere else."""
    return any(index.first_seen(text) != seen for text, seen in order.items())


def judge_pair(
    a: Form,
    b: Form,
    distance: int,
    facts: WordFacts,
    bare_keys: frozenset[str] = frozenset(),
) -> Variant | None:
    """Whether one of two close spellings is a slip for the other, and how sure.
    ``bare_keys``: folded words the story uses as a name on their own ("Novak said")."""
    if a.calendar or b.calendar or derived(a.key, b.key):
        return None
    suspect, target = _direction(a, b, facts)
    if facts.known_name(suspect.text) or _different_roles(suspect, target):
        return None
    shared = _shared_companion(suspect, target)
    if shared is None and _distinct_people(suspect, target):
        return None
    if shared is not None and not _one_person(suspect, target, shared, facts, bare_keys):
        return None
    strong = suspect.strong > 0
    placed = strong or (suspect.counts.as_object > 0 and _person(target))
    if min(len(a.key), len(b.key)) <= SHORT and not (shared or placed):
        return None
    if not _word_fits(suspect, target, shared is not None, facts):
        return None
    score = BASE_CONFIDENCE.get(distance, 0.0)
    tie = target.count == suspect.count
    unintroduced = suspect.full == 0 and target.full > 0
    if not tie:
        score += RARE_AGAINST_FREQUENT if suspect.count == 1 else RARER
    if unintroduced:
        score += UNINTRODUCED
    if shared is not None:
        score += SHARED_NAME + (ONE_PERSON_TIE if tie else 0.0)
    elif tie and not unintroduced and not facts.common(suspect.text):
        score += TIE
    if strong:
        score += STRONG_CUE
    if sounds_alike(suspect.key, target.key):
        score += SOUNDS_ALIKE
    if suspect.count >= 2 and target.count >= 2:
        score += BOTH_FREQUENT
    return Variant(suspect.text, target.text, round(min(score, 1.0), 2))


def _direction(a: Form, b: Form, facts: WordFacts) -> tuple[Form, Form]:
    """(suspect, target): the spelling the book or the personal word list knows wins,
    then the more frequent one, then the one that is no ordinary word, then the one the
    story used first."""

    def trust(form: Form) -> tuple[bool, int, bool]:
        return (facts.known_name(form.text), form.count, not facts.common(form.text))

    if trust(a) != trust(b):
        return (a, b) if trust(a) < trust(b) else (b, a)
    return (a, b) if a.seen(a.text) > b.seen(b.text) else (b, a)


def _explained(key: str, neighbours: NeighbourMap) -> bool:
    """The story also has the word this one derives from: "MacDonalds" beside "MacDonald"."""
    return any(derived(key, other) for other in neighbours.near(key))


def _roles(entry: Form) -> set[str]:
    roles = entry.counts.slots
    if entry.bare:
        roles.add("alone")
    return roles


def _different_roles(suspect: Form, target: Form) -> bool:
    """A given name is no slip for a surname or a place used alone ("Ayman" / "Amman"),
    nor is a word used alone one for a word only ever seen as a given name."""
    mine, theirs = _roles(suspect), _roles(target)
    if mine == {"first"}:
        return "first" not in theirs
    return mine == {"alone"} and theirs == {"first"}


def _shared_companion(suspect: Form, target: Form) -> str | None:
    """The slot in which both spellings appear with the same other words, if any."""
    for slot in suspect.counts.slots:
        if suspect.counts.companions_in(slot) & target.counts.companions_in(slot):
            return slot
    return None


def _distinct_people(suspect: Form, target: Form) -> bool:
    """Each spelling has its own given name or surname: "Peter Hall" and "Dana Hale"."""
    return any(slot in target.counts.slots for slot in suspect.counts.slots)


def _one_person(
    suspect: Form,
    target: Form,
    slot: str,
    facts: WordFacts,
    bare_keys: frozenset[str],
) -> bool:
    """Two full names that differ in one word ("Anna Lee" / "Anne Lee") are one person
    only if the story does not speak of family, does not introduce each of them, and
    also refers to that person by one word alone, as a news story does after the first
    mention, or else names them in full again and again with just one slip; an ordinary
    word in a fixed name ("the Whit House") needs no such sign."""
    if suspect.counts.kin or target.counts.kin:
        return False
    if suspect.counts.introduced and target.counts.introduced:
        return False  # each introduced in full: "Dr Mark Rees" and "Mark Reese, a patient,"
    if suspect.count >= 2 and target.count >= 2 and suspect.full and target.full:
        return False
    if facts.common(suspect.text):
        return True
    if target.bare > 0 or _companion_used_alone(suspect, target, slot, bare_keys):
        return True
    return _slip_in_full_name(suspect, target, slot, facts)


def _slip_in_full_name(suspect: Form, target: Form, slot: str, facts: WordFacts) -> bool:
    """A person the story always names in full, never by one word alone: a full name
    written once beside the same full name written another way again and again, with the
    other part unchanged ("Ilse Brunnthalr" once, "Ilse Brunnthaler" three times). Two
    people rarely share a given name and nearly a surname; but siblings share a surname
    and often have look-alike given names ("Dana" and "Diana Kowalczyk"), so a differing
    given name counts only when the dictionary knows no such name, and a short one
    only when its letters are the other's in another order ("Dnaa Kowalczyk")."""
    if suspect.count != 1:
        return False
    mine = suspect.counts.companions_in(slot)
    together = sum(
        n
        for (where, others), n in target.counts.companions.items()
        if where == slot and others in mine
    )
    if together < 2:
        return False  # one each: nothing says which is right, or that it is one person
    short = min(len(suspect.key), len(target.key)) <= SHORT
    if slot == "last" and not short:
        return True
    if short and sorted(suspect.key) != sorted(target.key):
        return False  # "Wang Wei" and "Wang Fei": short names differ by a letter too easily
    return facts.common(suspect.text) is not None and not facts.proper(suspect.text)


def _companion_used_alone(
    suspect: Form, target: Form, slot: str, bare_keys: frozenset[str]
) -> bool:
    shared = suspect.counts.companions_in(slot) & target.counts.companions_in(slot)
    return any(word in bare_keys for group in shared for word in group)


def _word_fits(suspect: Form, target: Form, shared: bool, facts: WordFacts) -> bool:
    """An ordinary word ("Hall", "Blinked") is taken for a slip only where a name
    stands, next to a name that is clearly a person's or part of a fixed name."""
    common = facts.common(suspect.text)
    person = _person(target)
    if common is None:
        return shared or suspect.strong > 0 or person
    if not common:
        return True
    if shared:
        return True
    if suspect.full > 0:
        return False  # an ordinary word inside some other name: "City Hall"
    if facts.common(target.text):
        return suspect.strong > 0 and person
    return target.count >= 2 or person


def _person(entry: Form) -> bool:
    """Clearly someone's name: given with a first name, a title or a speech verb."""
    return entry.full > 0 or entry.strong > 0


def sounds_alike(key_a: str, key_b: str) -> bool:
    """Same Soundex or Metaphone code: "Anthony" / "Antony", not "Boris" / "Doris"."""
    try:
        return jellyfish.soundex(key_a) == jellyfish.soundex(key_b) or jellyfish.metaphone(
            key_a
        ) == jellyfish.metaphone(key_b)
    except (ValueError, IndexError):
        return False
