"""One paragraph's names: its mentions, and a summary the article index adds up.

Finding candidates depends only on the paragraph's text, so it is memoised per
text (a pure function, like ``text_units``) and shared by every checker. Which
ambiguous capitals are names also depends on the rest of the article, but only
through one small set: the paragraph's ambiguous words that the article also
capitalises mid-sentence. ``resolve`` takes that set, so its result can be kept
per (text, set) and an edit elsewhere never makes this paragraph be read again.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache

from editor_app.checks.names.candidates import NameToken, Run, extract
from editor_app.checks.names.lexicon import CALENDAR_WORDS, FUNCTION_WORDS, fold

_MEMO = 8192
"""Paragraph texts remembered: a long article's, and the earlier states undo brings back."""

Companion = tuple[str, tuple[str, ...]]
"""(slot, the other words of the full name): ("last", ("dana",)) for "Hale" in "Dana Hale"."""


@dataclass(frozen=True, slots=True)
class ParagraphNames:
    runs: tuple[Run, ...]
    sure: frozenset[str]
    """Name words capitalised where only a name would be: mid-sentence."""
    ambiguous: frozenset[str]
    """Words capitalised perhaps only because a sentence or a headline starts."""


@lru_cache(maxsize=_MEMO)
def paragraph_names(text: str, headline: bool) -> ParagraphNames:
    runs = extract(text, headline)
    tokens = [token for run in runs for token in run.tokens if token.comparable]
    return ParagraphNames(
        runs=runs,
        sure=frozenset(token.text for token in tokens if not token.ambiguous),
        ambiguous=frozenset(token.text for token in tokens if token.ambiguous),
    )


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention of a name in a paragraph: its words and the context around it."""

    tokens: tuple[NameToken, ...]
    form: str
    names: tuple[NameToken, ...]
    """The words spelling applies to (no particles or initials)."""
    titled: bool = False
    speech: bool = False
    object_position: bool = False
    kin: bool = False
    introduced: bool = False
    """A full name given with a title or a description: "Dr Mark Rees", "Mark Reese, a
    patient,". Two such introductions of look-alike names are two people."""

    @property
    def start(self) -> int:
        return self.tokens[0].start

    @property
    def end(self) -> int:
        return self.tokens[-1].end

    @property
    def strong(self) -> bool:
        """A title or a speech verb marks it as a person's name."""
        return self.titled or self.speech


NamePredicate = Callable[[NameToken, bool, bool, frozenset[str]], bool]
"""Whether an ambiguous capitalised word is a name: (word, has a speech or title cue,
opens a longer name ("Maria Oberhuber"), words the article capitalises mid-sentence)."""


def resolve(
    paragraph: ParagraphNames, text: str, is_name: NamePredicate, confirmed: frozenset[str]
) -> tuple[Mention, ...]:
    """The paragraph's mentions, its ambiguous capitals settled. ``confirmed``: those of
    its ambiguous words that the article capitalises mid-sentence elsewhere."""
    mentions: list[Mention] = []
    for run in paragraph.runs:
        kept = [
            not token.ambiguous
            or is_name(token, _cued(run, index), _opens_name(run, index), confirmed)
            for index, token in enumerate(run.tokens)
        ]
        for first, last in _groups(run.tokens, kept):
            tokens = run.tokens[first : last + 1]
            if not _worth_keeping(tokens):
                continue
            mentions.append(
                Mention(
                    tokens=tokens,
                    form=text[tokens[0].start : tokens[-1].end],
                    names=tuple(token for token in tokens if token.comparable),
                    titled=run.titled and first == 0,
                    speech=(run.speech_before and first == 0)
                    or (run.speech_after and last == len(run.tokens) - 1),
                    object_position=run.object_position and first == 0,
                    kin=run.kin,
                    introduced=len(tokens) > 1
                    and (
                        (run.titled and first == 0)
                        or (run.described and last == len(run.tokens) - 1)
                    ),
                )
            )
    return tuple(mentions)


def _cued(run: Run, index: int) -> bool:
    """A title or speech verb right next to this word of the run."""
    first = index == 0 and (run.titled or run.speech_before)
    return first or (index == len(run.tokens) - 1 and run.speech_after)


def _opens_name(run: Run, index: int) -> bool:
    """The word is followed, in the same run, by a word that is surely a name."""
    following = run.tokens[index + 1 : index + 2]
    return any(token.comparable and not token.ambiguous for token in following)


def _groups(tokens: tuple[NameToken, ...], kept: list[bool]) -> list[tuple[int, int]]:
    """Stretches of kept words, trimmed of particles and initials at either end."""
    groups: list[tuple[int, int]] = []
    start: int | None = None
    for index, keep in enumerate([*kept, False]):
        if keep and start is None:
            start = index
        elif not keep and start is not None:
            groups.append((start, index - 1))
            start = None
    trimmed = []
    for first, last in groups:
        while first <= last and tokens[last].particle:
            last -= 1
        while first <= last and tokens[first].initial:
            first += 1
        if first <= last:
            trimmed.append((first, last))
    return trimmed


def _worth_keeping(tokens: tuple[NameToken, ...]) -> bool:
    names = [token for token in tokens if token.comparable]
    if not names:
        return False
    if len(names) == 1 and names[0].text.lower() in CALENDAR_WORDS:
        return False
    return not all(token.text.lower() in FUNCTION_WORDS for token in names)


@dataclass
class FormCounts:
    """How one spelling of a name word is used: in one paragraph, or added up over the
    article (paragraph counts are added and taken away as paragraphs change)."""

    count: int = 0
    bare: int = 0
    """Mentions of the word on its own, without a given name or surname."""
    strong: int = 0
    """Mentions with a title or a speech verb."""
    titled: int = 0
    as_object: int = 0
    """Mentions right after a verb, where a person's name stands: "thanked Reid"."""
    kin: int = 0
    introduced: int = 0
    companions: dict[Companion, int] = field(default_factory=dict)
    full_forms: dict[str, int] = field(default_factory=dict)
    """The full names the word appears in ("Dana Hale" for "Hale"), with how often."""

    @property
    def full(self) -> int:
        return self.count - self.bare

    def add(self, other: FormCounts, sign: int = 1) -> None:
        """Add (or with ``sign`` -1 take away) another paragraph's counts."""
        self.count += sign * other.count
        self.bare += sign * other.bare
        self.strong += sign * other.strong
        self.titled += sign * other.titled
        self.as_object += sign * other.as_object
        self.kin += sign * other.kin
        self.introduced += sign * other.introduced
        for key, value in other.companions.items():
            self.companions[key] = self.companions.get(key, 0) + sign * value
        for form, value in other.full_forms.items():
            self.full_forms[form] = self.full_forms.get(form, 0) + sign * value

    def changed(self) -> bool:
        """For a difference of counts: whether anything changed."""
        return bool(
            self.count
            or self.bare
            or self.strong
            or self.titled
            or self.as_object
            or self.kin
            or self.introduced
            or any(self.companions.values())
            or any(self.full_forms.values())
        )

    def prune(self) -> None:
        """Forget the full names and companions no longer used."""
        self.companions = {key: n for key, n in self.companions.items() if n > 0}
        self.full_forms = {form: n for form, n in self.full_forms.items() if n > 0}

    def companions_in(self, slot: str) -> set[tuple[str, ...]]:
        return {others for (where, others), n in self.companions.items() if where == slot and n}

    @property
    def slots(self) -> set[str]:
        return {where for (where, _others), n in self.companions.items() if n}


@dataclass(frozen=True)
class Summary:
    """What one paragraph adds to the article's name index."""

    forms: dict[str, FormCounts]
    mention_forms: Counter[str]


def summarise(mentions: tuple[Mention, ...]) -> Summary:
    forms: dict[str, FormCounts] = {}
    for mention in mentions:
        names = mention.names
        for position, token in enumerate(names):
            counts = forms.get(token.text)
            if counts is None:
                counts = forms[token.text] = FormCounts()
            counts.count += 1
            counts.strong += mention.strong
            counts.titled += mention.titled
            counts.as_object += mention.object_position
            counts.kin += mention.kin
            counts.introduced += mention.introduced
            if len(names) == 1:
                counts.bare += 1
                continue
            others = tuple(fold(other.text) for other in names if other is not token)
            slot = (_slot(position, len(names)), others)
            counts.companions[slot] = counts.companions.get(slot, 0) + 1
            counts.full_forms[mention.form] = counts.full_forms.get(mention.form, 0) + 1
    return Summary(forms, Counter(mention.form for mention in mentions))


def _slot(position: int, length: int) -> str:
    if position == 0:
        return "first"
    return "last" if position == length - 1 else "middle"
