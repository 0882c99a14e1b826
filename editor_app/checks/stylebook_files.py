"""Style-book entries made by hand and written back to files.

``load_stylebook`` reads CSV and TOML; the writers here produce exactly what it
reads, so a book exported from the library (the command or the style-book editor)
can be passed back to ``article-editor check --stylebook``. ``entry_from`` holds an
entry typed by a person to the same rules as one read from a file.
"""

from __future__ import annotations

import csv
import io
import json
import unicodedata
from collections.abc import Iterable, Sequence

from editor_app.checks.stylebook import (
    EntryKind,
    StyleBook,
    StyleBookEntry,
    StyleBookError,
    guess_surname,
)

WRITTEN_COLUMNS = ("canonical", "kind", "variants", "nicknames", "wrong", "note", "source")
LIST_COLUMNS = ("variants", "nicknames", "wrong")
VALUE_SEPARATOR = "|"


def clean_text(text: str) -> str:
    """One line, single spaces, NFC: how names are compared everywhere."""
    return unicodedata.normalize("NFC", " ".join(text.split()))


def entry_from(
    name: str,
    kind: EntryKind,
    *,
    variants: Sequence[str] = (),
    nicknames: Sequence[str] = (),
    wrong: Sequence[str] = (),
    note: str = "",
    source: str = "",
) -> StyleBookEntry:
    """An entry held to the same rules as one read from a file; ``StyleBookError``
    (one sentence) when it breaks them."""

    def cleaned(values: Sequence[str]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(clean_text(value) for value in values if value.strip()))

    canonical = clean_text(name)
    if not canonical:
        raise StyleBookError("the entry has no name: give the canonical spelling.")
    entry = StyleBookEntry(
        canonical=canonical,
        kind=kind,
        variants=cleaned(variants),
        nicknames=cleaned(nicknames),
        wrong=cleaned(wrong),
        note=clean_text(note),
        source=clean_text(source),
    )
    clash = set(entry.wrong) & {entry.canonical, *entry.variants}
    if clash:
        raise StyleBookError(f"“{min(clash)}” is both accepted and wrong.")
    return entry


def surnames_lost(book: StyleBook) -> list[str]:
    """People whose surname the file gave explicitly ("Xi" for Xi Jinping), which a
    book rebuilt from entries alone (the library keeps no surname column) would guess
    differently."""
    lost = []
    for entry in book:
        if entry.kind is not EntryKind.PERSON:
            continue
        names = (entry.canonical, *entry.variants)
        guessed = tuple(dict.fromkeys(found for found in map(guess_surname, names) if found))
        if book.surnames_of(entry) != guessed:
            lost.append(entry.canonical)
    return lost


def stylebook_csv(entries: Iterable[StyleBookEntry]) -> str:
    """The CSV ``load_stylebook`` reads: list values joined by "|"."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(WRITTEN_COLUMNS)
    for entry in entries:
        for column in LIST_COLUMNS:
            clash = [value for value in getattr(entry, column) if VALUE_SEPARATOR in value]
            if clash:
                raise StyleBookError(
                    f"“{clash[0]}” of “{entry.canonical}” contains “{VALUE_SEPARATOR}”, which "
                    "a CSV style book uses between values; export to a .toml file instead."
                )
        writer.writerow(
            [
                entry.canonical,
                entry.kind.value,
                *(VALUE_SEPARATOR.join(getattr(entry, column)) for column in LIST_COLUMNS),
                entry.note,
                entry.source,
            ]
        )
    return buffer.getvalue()


def stylebook_toml(entries: Iterable[StyleBookEntry]) -> str:
    """A TOML file of ``[[entry]]`` tables; empty values are left out."""
    blocks = []
    for entry in entries:
        lines = ["[[entry]]"]
        lines.append(f"canonical = {_toml_string(entry.canonical)}")
        lines.append(f"kind = {_toml_string(entry.kind.value)}")
        for column in LIST_COLUMNS:
            values = getattr(entry, column)
            if values:
                lines.append(f"{column} = [{', '.join(map(_toml_string, values))}]")
        for column in ("note", "source"):
            value = getattr(entry, column)
            if value:
                lines.append(f"{column} = {_toml_string(value)}")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n" if blocks else ""


def stylebook_file_text(entries: Iterable[StyleBookEntry], suffix: str) -> str:
    """The file for ``suffix`` (".csv" or ".toml", any case); ``StyleBookError`` otherwise."""
    match suffix.lower():
        case ".csv":
            return stylebook_csv(entries)
        case ".toml":
            return stylebook_toml(entries)
    raise StyleBookError(
        f"a style book must be a .csv or .toml file, not “{suffix or 'no suffix'}”."
    )


def _toml_string(text: str) -> str:
    """A TOML basic string. JSON's string escapes are all valid TOML escapes; TOML also
    forbids a raw DEL, which JSON leaves alone."""
    return json.dumps(text, ensure_ascii=False).replace("\x7f", "\\u007f")
