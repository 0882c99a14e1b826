"""The newsroom's style book: the canonical spelling of names and terms.

Entries come from the starter book shipped in ``resources/stylebook/`` (facts
only: heads of state and government, foreign ministers, leaders of
international organisations, countries and capitals), from a newsroom's own
file, and later from the library.
"""

from __future__ import annotations

import csv
import io
import re
import tomllib
import unicodedata
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from enum import StrEnum
from functools import lru_cache
from pathlib import Path
from typing import Any

from editor_app.assets import resource
from editor_app.errors import ArticleEditorError


class EntryKind(StrEnum):
    PERSON = "person"
    PLACE = "place"
    ORGANISATION = "organisation"
    TERM = "term"


@dataclass(frozen=True)
class StyleBookEntry:
    """``variants``: other accepted spellings; ``nicknames``: accepted short forms of a
    given name ("Bill" for William); ``wrong``: known wrong spellings to flag."""

    canonical: str
    kind: EntryKind
    variants: tuple[str, ...] = ()
    nicknames: tuple[str, ...] = ()
    wrong: tuple[str, ...] = ()
    note: str = ""
    source: str = ""


class StyleBookError(ArticleEditorError):
    """A style book file that cannot be read or has a malformed entry."""


COLUMNS = ("canonical", "kind", "variants", "nicknames", "wrong", "surname", "note", "source")
MULTI_VALUE_COLUMNS = frozenset({"variants", "nicknames", "wrong", "surname"})
NO_SURNAME = "-"
"""In the ``surname`` column: a person never named by a surname alone (monarchs, popes)."""

# Lower-cased particles that belong to the surname after them ("da Silva", "von der Leyen").
SURNAME_PARTICLES = frozenset(
    {"de", "da", "das", "do", "dos", "du", "des", "la", "van", "von", "der", "den", "ter"}
    | {"ten", "di", "del", "bin", "ibn", "bint", "al", "le", "zu"}
)
_GENERATION_SUFFIX = re.compile(r"^(?:Jr\.?|Sr\.?|[IVX]+)$")

# Letters Unicode does not decompose into a base letter and a mark, and apostrophe look-alikes.
_UNDECOMPOSABLE = str.maketrans(
    {
        "ø": "o", "Ø": "O", "æ": "ae", "Æ": "AE", "œ": "oe", "Œ": "OE", "đ": "d", "Đ": "D",
        "ł": "l", "Ł": "L", "ı": "i", "þ": "th", "Þ": "Th", "ð": "d", "Ð": "D", "ħ": "h",
        "Ħ": "H", "’": "'", "‘": "'", "ʻ": "'", "ʼ": "'", "‐": "-", "‑": "-",
    }
)  # fmt: skip


def folded(form: str) -> str:
    """``form`` without case and diacritics: "António Guterres" → "antonio guterres"."""
    decomposed = unicodedata.normalize("NFKD", form.translate(_UNDECOMPOSABLE))
    bare = "".join(char for char in decomposed if not unicodedata.combining(char))
    return " ".join(bare.casefold().split())


def guess_surname(name: str) -> str | None:
    """The last token of a person's name with the particles before it, ignoring "Jr." or a
    regnal number; ``None`` for a one-word name ("Sugiono", "Charles III")."""
    tokens = name.split()
    while len(tokens) > 1 and _GENERATION_SUFFIX.match(tokens[-1]):
        tokens.pop()
    if len(tokens) < 2:
        return None
    start = len(tokens) - 1
    while start > 1 and tokens[start - 1].lower() in SURNAME_PARTICLES:
        start -= 1
    return " ".join(tokens[start:])


class StyleBook:
    """An immutable index of entries; every lookup is one dict access.

    ``surnames`` maps a person's canonical form to the surnames to use for them when the
    last-token heuristic is wrong ("Xi" for Xi Jinping); an empty sequence means the person
    has none. Of two entries with the same canonical form the later one wins; a form both
    accepted by one entry and listed as wrong by another counts as accepted, so a newsroom
    book can allow what the starter book flags.
    """

    __slots__ = (
        "_all_forms",
        "_by_folded",
        "_by_form",
        "_by_surname",
        "_by_wrong",
        "_entries",
        "_explicit_surnames",
        "_nickname_forms",
        "_surnames",
    )

    def __init__(
        self,
        entries: Iterable[StyleBookEntry] = (),
        surnames: Mapping[str, Sequence[str]] | None = None,
    ) -> None:
        by_canonical = {entry.canonical: entry for entry in entries}
        self._entries = tuple(by_canonical.values())
        self._explicit_surnames = {
            canonical: tuple(forms)
            for canonical, forms in (surnames or {}).items()
            if canonical in by_canonical
        }
        self._by_form: dict[str, StyleBookEntry] = {}
        for entry in self._entries:
            for variant in entry.variants:
                self._by_form.setdefault(variant, entry)
        self._by_form.update(by_canonical)

        self._surnames: dict[str, tuple[str, ...]] = {}
        surname_entries: dict[str, list[StyleBookEntry]] = {}
        self._nickname_forms: dict[str, StyleBookEntry] = {}
        for entry in self._entries:
            if entry.kind is not EntryKind.PERSON:
                continue
            own = self._explicit_surnames.get(entry.canonical)
            if own is None:
                guesses = (guess_surname(name) for name in (entry.canonical, *entry.variants))
                own = tuple(dict.fromkeys(guess for guess in guesses if guess))
            self._surnames[entry.canonical] = own
            for surname in own:
                surname_entries.setdefault(surname, []).append(entry)
                for nickname in entry.nicknames:
                    self._nickname_forms.setdefault(f"{nickname} {surname}", entry)
        self._by_surname = {name: tuple(found) for name, found in surname_entries.items()}

        self._by_wrong: dict[str, StyleBookEntry] = {}
        for entry in self._entries:
            for form in entry.wrong:
                if not self.accepts(form):
                    self._by_wrong.setdefault(form, entry)

        self._all_forms = dict(self._nickname_forms)
        self._all_forms.update(
            (surname, found[0])
            for surname, found in self._by_surname.items()
            if len(found) == 1 and surname not in self._by_form
        )
        self._all_forms.update(self._by_form)

        by_folded: dict[str, StyleBookEntry | None] = {}
        for form, entry in self._by_form.items():
            key = folded(form)
            # When two entries fold alike the fold cannot tell them apart: keep neither.
            by_folded[key] = entry if by_folded.get(key, entry) is entry else None
        self._by_folded = {key: found for key, found in by_folded.items() if found is not None}

    @property
    def entries(self) -> tuple[StyleBookEntry, ...]:
        return self._entries

    def __len__(self) -> int:
        return len(self._entries)

    def __iter__(self) -> Iterator[StyleBookEntry]:
        return iter(self._entries)

    def __repr__(self) -> str:
        return f"StyleBook(<{len(self)} entries>)"

    def entry_for(self, form: str) -> StyleBookEntry | None:
        """The entry whose canonical form or an accepted variant is exactly ``form``."""
        return self._by_form.get(form)

    def wrong_entry_for(self, form: str) -> StyleBookEntry | None:
        """The entry that lists ``form`` as a known wrong spelling."""
        return self._by_wrong.get(form)

    def entry_for_folded(self, form: str) -> StyleBookEntry | None:
        """The entry with a canonical form or variant equal to ``form`` when case and
        diacritics are ignored: how "Antonio Guterres" finds "António Guterres"."""
        return self._by_folded.get(folded(form))

    def accepts(self, form: str) -> bool:
        """Whether ``form`` is a correct way to write a name in the book: the canonical form,
        a variant, a person's surname alone, or a nickname followed by the surname."""
        return form in self._by_form or form in self._by_surname or form in self._nickname_forms

    def surnames_of(self, entry: StyleBookEntry) -> tuple[str, ...]:
        """The forms by which a person in the book is named alone; empty for other kinds."""
        return self._surnames.get(entry.canonical, ())

    def people_with_surname(self, surname: str) -> tuple[StyleBookEntry, ...]:
        return self._by_surname.get(surname, ())

    def all_forms(self) -> dict[str, StyleBookEntry]:
        """Every accepted form with its entry, for fuzzy matching: canonical forms, variants,
        nickname forms, and surnames that name only one person."""
        return dict(self._all_forms)

    def merged_with(self, other: StyleBook) -> StyleBook:
        """This book extended by ``other``; for the same canonical form ``other`` wins."""
        return StyleBook(
            (*self._entries, *other._entries),
            {**self._explicit_surnames, **other._explicit_surnames},
        )


def load_stylebook(path: Path) -> StyleBook:
    """A style book from a CSV file (a header row naming the columns in ``COLUMNS``; the
    multi-value ones separated by "|") or a TOML file of ``[[entry]]`` tables."""
    try:
        data = path.read_bytes()
    except OSError as error:
        raise StyleBookError(f"Cannot read the style book {path}: {error.strerror}.") from error
    return _parse(data, str(path), path.suffix.lower())


@lru_cache(maxsize=1)
def starter_stylebook() -> StyleBook:
    """The style book shipped with the app: every CSV file in ``resources/stylebook/``."""
    entries: list[StyleBookEntry] = []
    surnames: dict[str, tuple[str, ...]] = {}
    for item in sorted(resource("stylebook").iterdir(), key=lambda item: item.name):
        if item.name.endswith(".csv"):
            name = f"stylebook/{item.name}"
            found, own_surnames = _parse_entries(item.read_bytes(), name, ".csv")
            repeated = {entry.canonical for entry in entries} & {e.canonical for e in found}
            if repeated:
                raise StyleBookError(f"{name}: “{min(repeated)}” is also in another file.")
            entries.extend(found)
            surnames.update(own_surnames)
    return StyleBook(entries, surnames)


Fields = Mapping[str, str | tuple[str, ...]]
"""One entry's values by column, before checking."""


def _parse(data: bytes, name: str, suffix: str) -> StyleBook:
    return StyleBook(*_parse_entries(data, name, suffix))


def _parse_entries(
    data: bytes, name: str, suffix: str
) -> tuple[list[StyleBookEntry], dict[str, tuple[str, ...]]]:
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise StyleBookError(f"{name}, line {line}: the style book is not UTF-8 text.") from error
    if suffix == ".csv":
        rows = _csv_rows(text, name)
    elif suffix == ".toml":
        rows = _toml_rows(text, name)
    else:
        raise StyleBookError(f"{name}: a style book must be a .csv or .toml file.")
    entries: list[StyleBookEntry] = []
    surnames: dict[str, tuple[str, ...]] = {}
    seen: set[str] = set()
    for where, fields in rows:
        entry, surname = _entry(fields, where)
        if entry.canonical in seen:
            raise StyleBookError(f"{where}: “{entry.canonical}” is listed twice.")
        seen.add(entry.canonical)
        entries.append(entry)
        if surname is not None:
            surnames[entry.canonical] = surname
    return entries, surnames


def _csv_rows(text: str, name: str) -> Iterator[tuple[str, Fields]]:
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = [column.strip().lower() for column in next(reader, [])]
        if "canonical" not in header or "kind" not in header:
            raise StyleBookError(
                f"{name}, line 1: the header row must name the columns canonical and kind."
            )
        for row in reader:
            where = f"{name}, line {reader.line_num}"
            if not any(cell.strip() for cell in row):
                continue
            if len(row) != len(header):
                raise StyleBookError(
                    f"{where}: the row has {len(row)} fields but the header has {len(header)}."
                )
            yield (
                where,
                {
                    column: _split(cell) if column in MULTI_VALUE_COLUMNS else cell.strip()
                    for column, cell in zip(header, row, strict=True)
                    if column in COLUMNS
                },
            )
    except csv.Error as error:
        raise StyleBookError(f"{name}, line {reader.line_num}: {error}.") from error


def _split(cell: str) -> tuple[str, ...]:
    return tuple(value.strip() for value in cell.split("|") if value.strip())


_TOML_ENTRY_HEADER = re.compile(r"^[ \t]*\[\[[ \t]*entry[ \t]*\]\]", re.MULTILINE)


def _toml_rows(text: str, name: str) -> Iterator[tuple[str, Fields]]:
    try:
        document = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise StyleBookError(f"{name}: {error}.") from error
    tables = document.get("entry", [])
    if not isinstance(tables, list):
        raise StyleBookError(f"{name}: entries must be [[entry]] tables.")
    lines = [text.count("\n", 0, match.start()) + 1 for match in _TOML_ENTRY_HEADER.finditer(text)]
    for index, table in enumerate(tables):
        line = lines[index] if index < len(lines) else None
        where = f"{name}, line {line}" if line else f"{name}, entry {index + 1}"
        if not isinstance(table, dict):
            raise StyleBookError(f"{where}: an entry must be a table of keys.")
        yield (
            where,
            {key: _toml_value(key, value, where) for key, value in table.items() if key in COLUMNS},
        )


def _toml_value(key: str, value: Any, where: str) -> str | tuple[str, ...]:
    if key in MULTI_VALUE_COLUMNS:
        values = [value] if isinstance(value, str) else value
        if isinstance(values, list) and all(isinstance(item, str) for item in values):
            return tuple(item.strip() for item in values if item.strip())
        raise StyleBookError(f"{where}: “{key}” must be a list of strings.")
    if isinstance(value, str):
        return value.strip()
    raise StyleBookError(f"{where}: “{key}” must be a string.")


def _entry(fields: Fields, where: str) -> tuple[StyleBookEntry, tuple[str, ...] | None]:
    def text(key: str) -> str:
        value = fields.get(key, "")
        return unicodedata.normalize("NFC", value if isinstance(value, str) else "")

    def values(key: str) -> tuple[str, ...]:
        value = fields.get(key, ())
        items = (value,) if isinstance(value, str) else value
        return tuple(unicodedata.normalize("NFC", item) for item in items if item)

    canonical, kind_name = text("canonical"), text("kind").lower()
    if not canonical:
        raise StyleBookError(f"{where}: the entry has no canonical form.")
    try:
        kind = EntryKind(kind_name)
    except ValueError:
        kinds = ", ".join(kind.value for kind in EntryKind)
        raise StyleBookError(
            f"{where}: unknown kind “{kind_name}” for “{canonical}”; use one of {kinds}."
        ) from None
    entry = StyleBookEntry(
        canonical=canonical,
        kind=kind,
        variants=values("variants"),
        nicknames=values("nicknames"),
        wrong=values("wrong"),
        note=text("note"),
        source=text("source"),
    )
    clash = set(entry.wrong) & {canonical, *entry.variants}
    if clash:
        raise StyleBookError(f"{where}: “{min(clash)}” is both accepted and wrong.")
    surname = values("surname")
    if surname and kind is not EntryKind.PERSON:
        raise StyleBookError(f"{where}: only a person can have a surname, not “{canonical}”.")
    if not surname:
        return entry, None
    return entry, () if surname == (NO_SURNAME,) else surname
