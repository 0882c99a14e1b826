"""The library's own small search language, parsed here so no user ever sees raw FTS5 syntax.

The language is the same on SQLite and PostgreSQL:

* ``budget vote``                    every word must appear (AND);
* ``"prime minister"``               the words side by side (curly quotes work too);
* ``minist*``, ``"prime minist"*``   words starting with "minist" (two letters at least);
* ``Paris OR Berlin``                either; OR binds tighter than AND, so
                                     ``Paris OR Berlin summit`` is (Paris or Berlin) and summit;
* ``-football``, ``NOT football``    leave out articles with the word;
* ``headline:budget``                the word in one field: headline, standfirst, body,
                                     byline or tags (``tag:`` too); phrases and prefixes work;
* ``AND`` is accepted and changes nothing; lowercase ``or``, ``and``, ``not`` are plain words.

Punctuation on its own (a lone dash) is ignored and an unknown ``word:`` prefix such as
``10:30`` is plain text. What cannot be understood raises :class:`SearchQueryError` with one
sentence saying how to fix it. Case and accents are the index's business, so terms keep the
text the user typed, cleaned of control characters.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterator
from dataclasses import dataclass
from enum import StrEnum

from editor_app.library.errors import SearchQueryError

MAX_TERMS = 64
"""FTS5 refuses expressions nested deeper than 256; 64 terms keeps well clear of it."""

CANDIDATES = 1000
"""Ranking scores the newest this many matching articles (newest by id: the order they
were added). A rarer word ranks every match; a word so common that it matches more is a
browse, and the newest of it is what a newsroom wants. It bounds the work: bm25 reads
each scored article's column sizes, about 1.5 µs each, so scoring all 90,000 matches of
"council" in a 100,000-article SQLite library took 150 ms where this takes 5."""
MIN_PREFIX = 2
"""Letters a prefix needs; the SQLite index keeps a prefix index of exactly this length."""

_QUOTES = frozenset('"“”„')
_WORD_CATEGORIES_EXTRA = frozenset({"Mn", "Mc", "Me", "Co", "Cn"})


class SearchField(StrEnum):
    """The fields a term can be limited to; the values are the indexed column names."""

    HEADLINE = "headline"
    STANDFIRST = "standfirst"
    BODY = "body_text"
    BYLINE = "byline"
    TAGS = "tags_text"


SNIPPET_FIELDS = (
    SearchField.BODY,
    SearchField.STANDFIRST,
    SearchField.HEADLINE,
    SearchField.BYLINE,
    SearchField.TAGS,
)
"""Where a snippet may come from, in order of preference: the first with a match wins."""
SNIPPET_START, SNIPPET_STOP = "\ue000", "\ue001"
"""Private-use marks the backends put around matches, so a « already in the text is never
taken for one; :func:`editor_app.library.search.choose_snippet` turns them into «»."""

FIELD_NAMES: dict[str, SearchField] = {
    "headline": SearchField.HEADLINE,
    "standfirst": SearchField.STANDFIRST,
    "body": SearchField.BODY,
    "byline": SearchField.BYLINE,
    "tags": SearchField.TAGS,
    "tag": SearchField.TAGS,
}


@dataclass(frozen=True)
class Term:
    """One word or phrase to look for; ``text`` matches as a phrase of its words."""

    text: str
    prefix: bool = False
    field: SearchField | None = None


@dataclass(frozen=True)
class SearchQuery:
    """Every group must match (AND), a group matches when any of its terms does (OR), and
    no excluded term may match."""

    required: tuple[tuple[Term, ...], ...]
    excluded: tuple[Term, ...] = ()

    def positive_terms(self) -> Iterator[Term]:
        for group in self.required:
            yield from group


def has_words(text: str) -> bool:
    """Whether the indexes would find a word in text: letters, digits or combining marks.

    Mirrors FTS5's unicode61 token characters closely; a term without any is dropped,
    because FTS5 treats an empty phrase as matching nothing at all.
    """
    return any(map(_is_word_char, text))


def _is_word_char(char: str) -> bool:
    return char.isalnum() or unicodedata.category(char) in _WORD_CATEGORIES_EXTRA


def _last_word_length(text: str) -> int:
    """How long the last word of text is (what a ``*`` after it extends)."""
    stripped = text.rstrip()
    while stripped and not _is_word_char(stripped[-1]):
        stripped = stripped[:-1]
    length = 0
    while length < len(stripped) and _is_word_char(stripped[-1 - length]):
        length += 1
    return length


@dataclass(frozen=True)
class _Atom:
    text: str
    prefix: bool
    field: SearchField | None
    negated: bool


@dataclass(frozen=True)
class _Operator:
    name: str  # "OR", "AND" or "NOT"


_Item = _Atom | _Operator


def parse_query(query: str) -> SearchQuery:
    """The query as groups of terms; :class:`SearchQueryError` when it cannot be understood."""
    items = _lex(_clean(query))
    parsed = _combine(items)
    if sum(1 for _ in parsed.positive_terms()) + len(parsed.excluded) > MAX_TERMS:
        raise SearchQueryError(f"Use at most {MAX_TERMS} words or phrases in one search.")
    return parsed


def _clean(query: str) -> str:
    """NFC text without control characters or lone surrogates, which no database accepts."""
    kept = (" " if unicodedata.category(char) in {"Cc", "Cs"} else char for char in query)
    return unicodedata.normalize("NFC", "".join(kept))


def _lex(text: str) -> list[_Item]:
    items: list[_Item] = []
    pending_field: SearchField | None = None
    pending_field_name = ""
    position, end = 0, len(text)
    while position < end:
        if text[position].isspace():
            position += 1
            continue
        stop = position
        while stop < end and not text[stop].isspace() and text[stop] not in _QUOTES:
            stop += 1
        bare = text[position:stop]
        lead = _phrase_lead(bare) if stop < end and text[stop] in _QUOTES else None
        if lead is not None:
            negated, field = lead
            close = _closing_quote(text, stop + 1)
            phrase = text[stop + 1 : close]
            position = close + 1
            prefix = position < end and text[position] == "*"
            position += prefix
            raw = _Atom(phrase, prefix, field, negated)
        elif bare in {"OR", "AND", "NOT"}:
            if pending_field is not None:
                raise SearchQueryError(_field_needs_word(pending_field_name))
            items.append(_Operator(bare))
            position = stop
            continue
        else:
            position = stop
            parsed = _bare_word(bare)
            if isinstance(parsed, str):  # a field name waiting for its word
                pending_field, pending_field_name = FIELD_NAMES[parsed], parsed
                continue
            raw = parsed
        if pending_field is not None:
            if raw.field is None:
                raw = _Atom(raw.text, raw.prefix, pending_field, raw.negated)
            pending_field = None
        atom = _checked(raw)
        if atom is not None:
            items.append(atom)
    if pending_field is not None:
        raise SearchQueryError(_field_needs_word(pending_field_name))
    return items


def _phrase_lead(bare: str) -> tuple[bool, SearchField | None] | None:
    """What may stand right before a quotation mark: ``-``, ``field:``, ``-field:`` or nothing."""
    negated = bare.startswith("-")
    rest = bare[1:] if negated else bare
    if not rest:
        return negated, None
    if rest.endswith(":") and rest[:-1].lower() in FIELD_NAMES:
        return negated, FIELD_NAMES[rest[:-1].lower()]
    return None


def _closing_quote(text: str, start: int) -> int:
    for index in range(start, len(text)):
        if text[index] in _QUOTES:
            return index
    raise SearchQueryError("Close the quoted phrase with a second quotation mark.")


def _bare_word(bare: str) -> _Atom | str:
    """An unquoted word as an atom, or the field name when the word is only ``field:``."""
    negated = bare.startswith("-") and len(bare) > 1
    rest = bare[1:] if negated else bare
    field: SearchField | None = None
    name, colon, value = rest.partition(":")
    if colon and name.lower() in FIELD_NAMES:
        if not value:
            if negated:
                raise SearchQueryError(_field_needs_word(name.lower()))
            return name.lower()
        field, rest = FIELD_NAMES[name.lower()], value
    prefix = rest.endswith("*")
    return _Atom(rest.rstrip("*") if prefix else rest, prefix, field, negated)


def _checked(atom: _Atom) -> _Atom | None:
    """The atom, None when it holds only punctuation, or an error for a ``*`` after less
    than two letters (which would match nearly every article, slowly)."""
    if atom.prefix and _last_word_length(atom.text) < MIN_PREFIX:
        if has_words(atom.text):
            raise SearchQueryError("Type at least two letters before *, as in minist*.")
        raise SearchQueryError("Put the start of a word before *, as in minist*.")
    return atom if has_words(atom.text) else None


def _field_needs_word(name: str) -> str:
    return f"Put a word right after {name}:, as in {name}:budget."


def _combine(items: list[_Item]) -> SearchQuery:
    groups: list[list[Term]] = []
    excluded: list[Term] = []
    previous: _Item | None = None
    negate_next = or_next = False
    for item in items:
        if isinstance(item, _Operator):
            if item.name == "OR":
                if isinstance(previous, _Atom) and previous.negated:
                    raise SearchQueryError("A left-out word cannot be part of an OR.")
                if not _is_positive(previous) or or_next:
                    raise SearchQueryError("Put a word on each side of OR, as in Paris OR Berlin.")
                or_next = True
            elif item.name == "NOT":
                if or_next:
                    raise SearchQueryError("A left-out word cannot be part of an OR.")
                negate_next = True
            previous = item
            continue
        term = Term(item.text, item.prefix, item.field)
        if item.negated or negate_next:
            if or_next:
                raise SearchQueryError("A left-out word cannot be part of an OR.")
            excluded.append(term)
            previous = _Atom(item.text, item.prefix, item.field, negated=True)
        else:
            if or_next:
                groups[-1].append(term)
            else:
                groups.append([term])
            previous = item
        negate_next = or_next = False
    if or_next:
        raise SearchQueryError("Put a word on each side of OR, as in Paris OR Berlin.")
    if negate_next:
        raise SearchQueryError("Put a word after NOT, as in NOT football.")
    if not groups:
        if excluded:
            raise SearchQueryError("Add a word to find: a search cannot only leave words out.")
        raise SearchQueryError("Type a word to search for.")
    return SearchQuery(tuple(tuple(group) for group in groups), tuple(excluded))


def _is_positive(item: _Item | None) -> bool:
    return isinstance(item, _Atom) and not item.negated
