"""The style book: its loader, its index, and the starter book shipped in resources/."""

from __future__ import annotations

import csv
import io
import re
import tempfile
import unicodedata
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor_app.assets import resource
from editor_app.checks.stylebook import (
    EntryKind,
    StyleBook,
    StyleBookEntry,
    StyleBookError,
    folded,
    guess_surname,
    load_stylebook,
    starter_stylebook,
)
from editor_app.errors import ArticleEditorError

PERSON, PLACE, ORGANISATION = EntryKind.PERSON, EntryKind.PLACE, EntryKind.ORGANISATION

GUTERRES = StyleBookEntry("António Guterres", PERSON, wrong=("Antonio Guterres",))
BLINKEN = StyleBookEntry(
    "Antony Blinken", PERSON, nicknames=("Tony",), wrong=("Anthony Blinken", "Antony Blinkin")
)
VON_DER_LEYEN = StyleBookEntry("Ursula von der Leyen", PERSON)
LULA = StyleBookEntry("Luiz Inácio Lula da Silva", PERSON, variants=("Lula",))
XI = StyleBookEntry("Xi Jinping", PERSON)
KIM_JONG_UN = StyleBookEntry("Kim Jong Un", PERSON, variants=("Kim Jong-un",))
KIM_YO_JONG = StyleBookEntry("Kim Yo Jong", PERSON)
CHARLES = StyleBookEntry("Charles III", PERSON, variants=("King Charles III",))
ERDOGAN = StyleBookEntry("Recep Tayyip Erdoğan", PERSON, variants=("Recep Tayyip Erdogan",))
MONTENEGRO = StyleBookEntry("Montenegro", PLACE)
LUIS_MONTENEGRO = StyleBookEntry("Luís Montenegro", PERSON)
KYIV = StyleBookEntry("Kyiv", PLACE, wrong=("Kiev",), note="house style: Kyiv")
NATO = StyleBookEntry("NATO", ORGANISATION, variants=("Nato",))
ENTRIES = (
    GUTERRES,
    BLINKEN,
    VON_DER_LEYEN,
    LULA,
    XI,
    KIM_JONG_UN,
    KIM_YO_JONG,
    CHARLES,
    ERDOGAN,
    MONTENEGRO,
    LUIS_MONTENEGRO,
    KYIV,
    NATO,
)
SURNAMES = {"Xi Jinping": ["Xi"], "Kim Jong Un": ["Kim"], "Kim Yo Jong": ["Kim"], "Charles III": []}


@pytest.fixture(scope="module")
def book() -> StyleBook:
    return StyleBook(ENTRIES, SURNAMES)


@pytest.fixture(scope="module")
def starter() -> StyleBook:
    return starter_stylebook()


# --- helpers -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "surname"),
    [
        ("Mark Rutte", "Rutte"),
        ("Ursula von der Leyen", "von der Leyen"),
        ("Luiz Inácio Lula da Silva", "da Silva"),
        ("Juan Ramón de la Fuente", "de la Fuente"),
        ("Bart De Wever", "De Wever"),
        ("Marine Le Pen", "Le Pen"),
        ("Mohammed bin Salman", "bin Salman"),
        ("Frank-Walter Steinmeier", "Steinmeier"),
        ("Ferdinand Marcos Jr.", "Marcos"),
        ("Surangel Whipps Jr", "Whipps"),
        ("Charles III", None),
        ("Sugiono", None),
        ("Le Monde", "Monde"),
    ],
)
def test_guess_surname(name: str, surname: str | None) -> None:
    assert guess_surname(name) == surname


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("António Guterres", "antonio guterres"),
        ("Recep Tayyip Erdoğan", "recep tayyip erdogan"),
        ("Jonas Gahr Støre", "jonas gahr store"),
        ("Radosław Sikorski", "radoslaw sikorski"),
        ("Gideon Sa’ar", "gideon sa'ar"),
        ("Nukuʻalofa", "nuku'alofa"),
        ("Straße", "strasse"),
        ("  Kyiv \t city ", "kyiv city"),
    ],
)
def test_folded_drops_case_and_diacritics(form: str, expected: str) -> None:
    assert folded(form) == expected


# --- lookups -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("António Guterres", GUTERRES),
        ("Lula", LULA),
        ("Kim Jong-un", KIM_JONG_UN),
        ("Nato", NATO),
        ("Montenegro", MONTENEGRO),
        ("nato", None),
        ("Antonio Guterres", None),
        ("Guterres", None),
        ("Kiev", None),
    ],
)
def test_entry_for_matches_canonical_and_variants_exactly(
    book: StyleBook, form: str, expected: StyleBookEntry | None
) -> None:
    assert book.entry_for(form) == expected


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("Kiev", KYIV),
        ("Anthony Blinken", BLINKEN),
        ("Antonio Guterres", GUTERRES),
        ("Kyiv", None),
        ("Antony Blinken", None),
        ("kiev", None),
    ],
)
def test_wrong_entry_for_finds_known_misspellings(
    book: StyleBook, form: str, expected: StyleBookEntry | None
) -> None:
    assert book.wrong_entry_for(form) == expected


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("Antonio Guterres", GUTERRES),
        ("ANTONY BLINKEN", BLINKEN),
        ("kyiv", KYIV),
        ("recep tayyip erdogan", ERDOGAN),
        ("luiz inacio  lula da silva", LULA),
        ("Kiev", None),
        ("Guterres", None),
    ],
)
def test_entry_for_folded_ignores_case_and_diacritics(
    book: StyleBook, form: str, expected: StyleBookEntry | None
) -> None:
    assert book.entry_for_folded(form) == expected


def test_entry_for_folded_gives_up_when_two_entries_fold_alike() -> None:
    book = StyleBook([StyleBookEntry("Malé", PLACE), StyleBookEntry("Male", EntryKind.TERM)])
    assert book.entry_for_folded("male") is None
    assert book.entry_for("Malé") is not None


@pytest.mark.parametrize(
    ("form", "accepted"),
    [
        ("Antony Blinken", True),
        ("Blinken", True),
        ("Tony Blinken", True),
        ("von der Leyen", True),
        ("Lula", True),
        ("da Silva", True),
        ("Xi", True),
        ("Kim", True),
        ("Erdogan", True),
        ("Nato", True),
        ("Tony", False),
        ("Leyen", False),
        ("Jinping", False),
        ("Charles", False),
        ("blinken", False),
        ("Anthony Blinken", False),
        ("Antonio Guterres", False),
        ("Kiev", False),
    ],
)
def test_accepts(book: StyleBook, form: str, accepted: bool) -> None:
    assert book.accepts(form) is accepted


@pytest.mark.parametrize(
    ("surname", "expected"),
    [
        ("Kim", (KIM_JONG_UN, KIM_YO_JONG)),
        ("Montenegro", (LUIS_MONTENEGRO,)),
        ("von der Leyen", (VON_DER_LEYEN,)),
        ("Leyen", ()),
        ("Kyiv", ()),
    ],
)
def test_people_with_surname(
    book: StyleBook, surname: str, expected: tuple[StyleBookEntry, ...]
) -> None:
    assert book.people_with_surname(surname) == expected


@pytest.mark.parametrize(
    ("entry", "surnames"),
    [
        (XI, ("Xi",)),
        (CHARLES, ()),
        (ERDOGAN, ("Erdoğan", "Erdogan")),
        (KYIV, ()),
    ],
)
def test_surnames_of(book: StyleBook, entry: StyleBookEntry, surnames: tuple[str, ...]) -> None:
    assert book.surnames_of(entry) == surnames


@pytest.mark.parametrize(
    ("form", "expected"),
    [
        ("António Guterres", GUTERRES),
        ("Nato", NATO),
        ("Guterres", GUTERRES),
        ("Tony Blinken", BLINKEN),
        ("Montenegro", MONTENEGRO),
        ("Kim", None),
        ("Kiev", None),
        ("Tony", None),
    ],
)
def test_all_forms_holds_accepted_forms_that_name_one_entry(
    book: StyleBook, form: str, expected: StyleBookEntry | None
) -> None:
    assert book.all_forms().get(form) == expected


def test_all_forms_is_a_copy(book: StyleBook) -> None:
    book.all_forms().clear()
    assert book.all_forms()


def test_size_iteration_and_entries(book: StyleBook) -> None:
    assert len(book) == len(ENTRIES)
    assert tuple(book) == ENTRIES == book.entries


def test_later_entry_with_same_canonical_wins() -> None:
    newer = StyleBookEntry("Kyiv", PLACE, note="capital")
    book = StyleBook([KYIV, newer])
    assert book.entries == (newer,)
    assert book.wrong_entry_for("Kiev") is None


def test_accepted_form_is_never_reported_as_wrong() -> None:
    book = StyleBook([KYIV, StyleBookEntry("Kiev", PLACE, note="historical name")])
    assert book.accepts("Kiev")
    assert book.wrong_entry_for("Kiev") is None


def test_merged_with_extends_and_overrides(book: StyleBook) -> None:
    own_kyiv = StyleBookEntry("Kyiv", PLACE, wrong=("Kiew",))
    newsroom = StyleBook([own_kyiv, StyleBookEntry("Kaja Kallas", PERSON)])
    merged = book.merged_with(newsroom)
    assert len(merged) == len(book) + 1
    assert merged.entry_for("Kyiv") is own_kyiv
    assert merged.wrong_entry_for("Kiew") is own_kyiv
    assert merged.wrong_entry_for("Kiev") is None
    assert merged.accepts("Kallas")
    assert merged.accepts("Xi") and not merged.accepts("Jinping")
    assert book.entry_for("Kyiv") is KYIV


def test_merged_with_keeps_an_explicit_surname_the_override_omits(book: StyleBook) -> None:
    merged = book.merged_with(StyleBook([StyleBookEntry("Xi Jinping", PERSON, note="mine")]))
    xi = merged.entry_for("Xi Jinping")
    assert xi is not None and xi.note == "mine"
    assert merged.surnames_of(xi) == ("Xi",)


# --- loading -------------------------------------------------------------------------------

CSV_TEXT = """\
canonical,kind,variants,nicknames,wrong,surname,note,source,reviewed
Antony Blinken,person,,Tony,Anthony Blinken|Antony Blinkin,,"Secretary of State, 2021–2025",desk,yes
Xi Jinping,person,,,,Xi,,desk,no
Charles III,person,King Charles III,,,-,,desk,no
Kyiv,place,,,Kiev,,house style: Kyiv,desk,yes
"""


def write(tmp_path: Path, name: str, content: str | bytes) -> Path:
    path = tmp_path / name
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    return path


def test_load_csv(tmp_path: Path) -> None:
    book = load_stylebook(write(tmp_path, "book.csv", CSV_TEXT))
    assert book.entries[0] == StyleBookEntry(
        "Antony Blinken",
        PERSON,
        nicknames=("Tony",),
        wrong=("Anthony Blinken", "Antony Blinkin"),
        note="Secretary of State, 2021–2025",
        source="desk",
    )
    assert book.accepts("Xi") and not book.accepts("Jinping")
    assert not book.accepts("Charles") and book.accepts("King Charles III")
    assert book.wrong_entry_for("Kiev") == book.entry_for("Kyiv")


def test_load_csv_with_byte_order_mark_and_only_required_columns(tmp_path: Path) -> None:
    path = write(
        tmp_path, "book.csv", "\ufeffkind,canonical\r\nplace,Kyiv\r\n\r\nperson,Mark Rutte\r\n"
    )
    book = load_stylebook(path)
    assert [entry.canonical for entry in book] == ["Kyiv", "Mark Rutte"]
    assert book.accepts("Rutte")


def test_load_normalises_to_nfc(tmp_path: Path) -> None:
    decomposed = unicodedata.normalize("NFD", "canonical,kind\nAntónio Guterres,person\n")
    book = load_stylebook(write(tmp_path, "book.csv", decomposed))
    assert book.entry_for("António Guterres") is not None


TOML_TEXT = """\
[[entry]]
canonical = "Antony Blinken"
kind = "person"
nicknames = ["Tony"]
wrong = ["Anthony Blinken", "Antony Blinkin"]
note = "US Secretary of State 2021–2025"

[[entry]]
canonical = "Xi Jinping"
kind = "person"
surname = "Xi"

[[entry]]
canonical = "Kyiv"
kind = "place"
wrong = ["Kiev"]
"""


def test_load_toml(tmp_path: Path) -> None:
    book = load_stylebook(write(tmp_path, "book.toml", TOML_TEXT))
    assert book.entries[0] == StyleBookEntry(
        "Antony Blinken",
        PERSON,
        nicknames=("Tony",),
        wrong=("Anthony Blinken", "Antony Blinkin"),
        note="US Secretary of State 2021–2025",
    )
    assert book.accepts("Tony Blinken") and book.accepts("Xi") and not book.accepts("Jinping")
    assert book.wrong_entry_for("Kiev") == book.entry_for("Kyiv")


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("kind.csv", "canonical,kind\nKyiv,place\nMark Rutte,persn\n", "line 3: unknown kind"),
        ("columns.csv", "canonical,kind,note\nKyiv,place\n", "line 2: the row has 2 fields"),
        ("extra.csv", "canonical,kind\nKyiv,place,capital\n", "line 2: the row has 3 fields"),
        ("bytes.csv", b"canonical,kind\nKyiv,place\nS\xe3o Tom\xe9,place\n", "line 3: "),
        ("empty.csv", "canonical,kind\n,place\n", "line 2: the entry has no canonical"),
        ("twice.csv", "canonical,kind\nKyiv,place\nKyiv,place\n", "line 3: “Kyiv” is listed"),
        ("clash.csv", "canonical,kind,wrong\nKyiv,place,Kyiv\n", "line 2: “Kyiv” is both"),
        ("header.csv", "name,type\nKyiv,place\n", "line 1: the header row"),
        ("surname.csv", "canonical,kind,surname\nKyiv,place,Ky\n", "line 2: only a person"),
        ("quote.csv", 'canonical,kind\n"Kyiv"x,place\n', "line 2: "),
        (
            "kind.toml",
            '[[entry]]\ncanonical = "a"\nkind = "place"\n\n'
            '[[entry]]\ncanonical = "b"\nkind = "x"\n',
            "line 5: unknown kind",
        ),
        (
            "list.toml",
            '\n[[entry]]\ncanonical = "a"\nkind = "place"\nwrong = 3\n',
            "line 2: “wrong”",
        ),
        ("syntax.toml", '[[entry]]\ncanonical = "Kyiv\n', "line 2"),
        ("bytes.toml", b'[[entry]]\ncanonical = "\xff"\n', "line 2: "),
    ],
)
def test_malformed_file_is_reported_with_its_line(
    tmp_path: Path, name: str, content: str | bytes, expected: str
) -> None:
    path = write(tmp_path, name, content)
    with pytest.raises(StyleBookError, match=r"^[^\n]*$") as caught:
        load_stylebook(path)
    assert str(path) in str(caught.value)
    assert expected in str(caught.value)


def test_not_utf8_says_so(tmp_path: Path) -> None:
    with pytest.raises(StyleBookError, match="not UTF-8"):
        load_stylebook(
            write(tmp_path, "latin1.csv", "canonical,kind\nSão Tomé,place\n".encode("latin-1"))
        )


@pytest.mark.parametrize("name", ["book.txt", "missing.csv"])
def test_unreadable_file(tmp_path: Path, name: str) -> None:
    path = tmp_path / name
    if name.endswith(".txt"):
        path.write_text("canonical,kind\n", encoding="utf-8")
    with pytest.raises(StyleBookError, match=re.escape(str(path))):
        load_stylebook(path)


def test_style_book_error_is_an_article_editor_error() -> None:
    assert issubclass(StyleBookError, ArticleEditorError)


NAME_TEXT = st.text(alphabet="abcXYZ éøłÅ’-.", min_size=1, max_size=12).map(str.strip).filter(bool)


@st.composite
def entries(draw: st.DrawFn) -> StyleBookEntry:
    canonical = draw(NAME_TEXT)
    variants = tuple(draw(st.lists(NAME_TEXT, max_size=2, unique=True)))
    wrong = tuple(
        form
        for form in draw(st.lists(NAME_TEXT, max_size=2, unique=True))
        if form != canonical and form not in variants
    )
    return StyleBookEntry(
        canonical=canonical,
        kind=draw(st.sampled_from(EntryKind)),
        variants=variants,
        nicknames=tuple(draw(st.lists(NAME_TEXT, max_size=1))),
        wrong=wrong,
        note=draw(st.text(alphabet='ab, "’|\n', max_size=10)).strip(),
        source="test",
    )


@given(st.lists(entries(), max_size=5, unique_by=lambda entry: entry.canonical))
def test_csv_round_trip(book_entries: list[StyleBookEntry]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "book.csv"
        with path.open("w", encoding="utf-8", newline="") as file:
            writer = csv.writer(file)
            writer.writerow(
                ["canonical", "kind", "variants", "nicknames", "wrong", "note", "source"]
            )
            writer.writerows(
                [
                    entry.canonical,
                    entry.kind.value,
                    "|".join(entry.variants),
                    "|".join(entry.nicknames),
                    "|".join(entry.wrong),
                    entry.note,
                    entry.source,
                ]
                for entry in book_entries
            )
        assert list(load_stylebook(path).entries) == book_entries


# --- the starter book ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("canonical", "kind", "wrong"),
    [
        ("Antony Blinken", PERSON, {"Anthony Blinken", "Antony Blinkin", "Anthony Blinkin"}),
        ("Marco Rubio", PERSON, set()),
        ("António Guterres", PERSON, {"Antonio Guterres"}),
        ("Mark Rutte", PERSON, set()),
        ("Jens Stoltenberg", PERSON, {"Jens Stoltenburg"}),
        ("Ursula von der Leyen", PERSON, set()),
        ("Kyiv", PLACE, {"Kiev"}),
        ("Philippines", PLACE, {"Phillipines"}),
        ("NATO", ORGANISATION, set()),
        ("United Nations", ORGANISATION, set()),
        ("World Health Organization", ORGANISATION, set()),
    ],
)
def test_starter_book_has_the_entries_the_product_relies_on(
    starter: StyleBook, canonical: str, kind: EntryKind, wrong: set[str]
) -> None:
    entry = starter.entry_for(canonical)
    assert entry is not None and entry.kind is kind
    assert wrong <= set(entry.wrong)
    assert all(starter.wrong_entry_for(form) is entry for form in wrong)


@pytest.mark.parametrize(
    ("form", "canonical"),
    [
        ("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan"),
        ("Lula", "Luiz Inácio Lula da Silva"),
        ("Ivory Coast", "Côte d’Ivoire"),
        ("Côte d'Ivoire", "Côte d’Ivoire"),
        ("Türkiye", "Turkey"),
        ("Turkey", "Turkey"),
    ],
)
def test_starter_book_accepts_common_variants(
    starter: StyleBook, form: str, canonical: str
) -> None:
    entry = starter.entry_for(form)
    assert entry is not None and entry.canonical == canonical


@pytest.mark.parametrize(
    ("form", "accepted"),
    [
        ("Xi", True),
        ("Jinping", False),
        ("Bibi Netanyahu", True),
        ("Bibi", False),
        ("da Silva", True),
        ("von der Leyen", True),
        ("Kim", True),
        ("Antonio Guterres", False),
    ],
)
def test_starter_book_surnames(starter: StyleBook, form: str, accepted: bool) -> None:
    assert starter.accepts(form) is accepted


def test_starter_book_finds_the_sample_article_planted_name(starter: StyleBook) -> None:
    entry = starter.entry_for_folded("Antonio Guterres")
    assert entry is not None and entry.canonical == "António Guterres"
    assert not starter.accepts("Antonio Guterres")


def test_starter_book_is_cached() -> None:
    assert starter_stylebook() is starter_stylebook()


def starter_rows() -> list[tuple[str, int, dict[str, str]]]:
    rows = []
    for item in sorted(resource("stylebook").iterdir(), key=lambda item: item.name):
        if item.name.endswith(".csv"):
            reader = csv.DictReader(io.StringIO(item.read_text(encoding="utf-8"), newline=""))
            rows.extend((item.name, reader.line_num, row) for row in reader)
    return rows


def test_starter_data_has_at_least_five_hundred_entries(starter: StyleBook) -> None:
    assert len(starter_rows()) == len(starter) >= 500


def test_starter_data_has_no_duplicate_canonical_forms() -> None:
    canonicals = [row["canonical"] for _, _, row in starter_rows()]
    assert sorted({c for c in canonicals if canonicals.count(c) > 1}) == []


def test_starter_data_kinds_are_valid() -> None:
    kinds = {kind.value for kind in EntryKind}
    assert [(name, line) for name, line, row in starter_rows() if row["kind"] not in kinds] == []


def test_starter_data_is_nfc() -> None:
    assert [
        (name, line)
        for name, line, row in starter_rows()
        if any(value != unicodedata.normalize("NFC", value) for value in row.values())
    ] == []


def test_starter_data_has_a_source_everywhere() -> None:
    assert [(name, line) for name, line, row in starter_rows() if not row["source"]] == []


def test_starter_no_form_is_both_accepted_and_wrong(starter: StyleBook) -> None:
    wrong = {form for entry in starter for form in entry.wrong}
    accepted = {
        form
        for entry in starter
        for form in (entry.canonical, *entry.variants, *starter.surnames_of(entry))
    }
    nickname_forms = {
        f"{nickname} {surname}"
        for entry in starter
        for nickname in entry.nicknames
        for surname in starter.surnames_of(entry)
    }
    assert sorted(wrong & (accepted | nickname_forms)) == []


def test_starter_wrong_forms_differ_from_their_canonical(starter: StyleBook) -> None:
    assert [entry.canonical for entry in starter if entry.canonical in entry.wrong] == []


def test_starter_accepted_forms_name_one_entry_each(starter: StyleBook) -> None:
    owners: dict[str, set[str]] = {}
    for entry in starter:
        for form in (entry.canonical, *entry.variants):
            owners.setdefault(form, set()).add(entry.canonical)
    assert {form: names for form, names in owners.items() if len(names) > 1} == {}


def test_starter_every_entry_is_found_by_its_folded_canonical(starter: StyleBook) -> None:
    assert [e.canonical for e in starter if starter.entry_for_folded(e.canonical) is not e] == []


def test_starter_nicknames_only_on_people(starter: StyleBook) -> None:
    assert [e.canonical for e in starter if e.nicknames and e.kind is not PERSON] == []


def test_starter_people_have_a_role_note(starter: StyleBook) -> None:
    assert [e.canonical for e in starter if e.kind is PERSON and not e.note] == []
