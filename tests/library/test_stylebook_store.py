"""Style-book entries in the library convert to and from ``StyleBookEntry`` losslessly."""

from __future__ import annotations

from editor_app.checks.stylebook import EntryKind, StyleBookEntry
from editor_app.library import Library

MINISTER = StyleBookEntry(
    canonical="Ngozi Okonjo-Iweala",
    kind=EntryKind.PERSON,
    variants=("Dr Okonjo-Iweala",),
    nicknames=(),
    wrong=("Ngozi Okonjo Iweala", "Okonjo-Iwela"),
    note="Hyphenated surname.",
    source="newsroom",
)
CITY = StyleBookEntry(canonical="Zürich", kind=EntryKind.PLACE, variants=("Zurich",))
TERM = StyleBookEntry(canonical="e-mail", kind=EntryKind.TERM, wrong=("email",), note="House style")


def test_entries_round_trip_sorted_by_canonical(library: Library) -> None:
    for entry in (MINISTER, TERM, CITY):
        library.add_stylebook_entry(entry)
    assert library.stylebook_entries() == [MINISTER, CITY, TERM]


def test_same_canonical_replaces_the_entry(library: Library) -> None:
    library.add_stylebook_entry(CITY)
    corrected = StyleBookEntry(canonical="Zürich", kind=EntryKind.PLACE, variants=("Zuerich",))
    library.add_stylebook_entry(corrected)
    assert library.stylebook_entries() == [corrected]


def test_import_counts_entries_and_keeps_the_last_of_duplicates(library: Library) -> None:
    renamed = StyleBookEntry(canonical="e-mail", kind=EntryKind.TERM, note="Changed")
    assert library.import_stylebook([MINISTER, TERM, CITY, renamed]) == 4
    assert library.stylebook_entries() == [MINISTER, CITY, renamed]


def test_empty_library_has_no_entries(library: Library) -> None:
    assert library.stylebook_entries() == []


def test_remove_entry_reports_whether_it_was_there(library: Library) -> None:
    library.import_stylebook([MINISTER, CITY])
    assert library.remove_stylebook_entry("Zürich") is True
    assert library.remove_stylebook_entry("Zürich") is False
    assert library.stylebook_entries() == [MINISTER]


def test_replace_renames_the_entry(library: Library) -> None:
    library.import_stylebook([MINISTER, CITY])
    renamed = StyleBookEntry(canonical="Zurich", kind=EntryKind.PLACE, variants=("Zürich",))
    library.replace_stylebook_entry("Zürich", renamed)
    assert library.stylebook_entries() == [MINISTER, renamed]


def test_replace_under_the_same_name_edits_in_place(library: Library) -> None:
    library.add_stylebook_entry(CITY)
    edited = StyleBookEntry(canonical="Zürich", kind=EntryKind.PLACE, note="Swiss city")
    library.replace_stylebook_entry("Zürich", edited)
    assert library.stylebook_entries() == [edited]


def test_replace_onto_another_entry_leaves_one(library: Library) -> None:
    library.import_stylebook([CITY, TERM])
    merged = StyleBookEntry(canonical="e-mail", kind=EntryKind.TERM, wrong=("email", "E-mail"))
    library.replace_stylebook_entry("Zürich", merged)
    assert library.stylebook_entries() == [merged]
