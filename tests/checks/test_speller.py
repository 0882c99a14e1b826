from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from editor_app.checks.base import Speller
from editor_app.checks.speller import (
    EnchantSpeller,
    PersonalDictionaryError,
    SpellerUnavailable,
    VariantSpeller,
    dictionary_tag,
)
from editor_app.errors import ArticleEditorError


@pytest.fixture(scope="module")
def british() -> Iterator[EnchantSpeller]:
    yield EnchantSpeller("en-GB")


@pytest.fixture(scope="module")
def american() -> Iterator[EnchantSpeller]:
    yield EnchantSpeller("en-US")


@pytest.mark.parametrize(
    ("language", "tag"),
    [
        ("en-GB", "en_GB"),
        ("en-US", "en_US"),
        ("en_us", "en_US"),
        ("en", "en_GB"),
        ("en-AU", "en_GB"),
        ("en-IE", "en_GB"),
        ("en-CA", "en_GB"),
        ("fr-FR", "fr_FR"),
        ("de", "de"),
    ],
)
def test_dictionary_tag(language: str, tag: str) -> None:
    assert dictionary_tag(language) == tag


def test_it_is_a_speller_that_knows_variants(british: EnchantSpeller) -> None:
    speller: Speller = british
    assert isinstance(speller, VariantSpeller)


@pytest.mark.parametrize(
    ("word", "known"),
    [
        ("colour", True),
        ("color", False),
        ("government", True),
        ("goverment", False),
        ("don't", True),
        ("don’t", True),
        ("isn’t", True),
        ("it‘s", True),
        ("", True),
        ("a\x00b", True),
    ],
)
def test_british_check(british: EnchantSpeller, word: str, known: bool) -> None:
    assert british.check(word) is known


@pytest.mark.parametrize(("word", "known"), [("color", True), ("colour", False)])
def test_american_check(american: EnchantSpeller, word: str, known: bool) -> None:
    assert american.check(word) is known


@pytest.mark.parametrize(
    ("speller_name", "word", "variant"),
    [
        ("british", "color", "US"),
        ("british", "colour", None),
        ("british", "goverment", None),
        ("american", "colour", "British"),
        ("american", "color", None),
    ],
)
def test_variant_of(
    request: pytest.FixtureRequest, speller_name: str, word: str, variant: str | None
) -> None:
    speller: EnchantSpeller = request.getfixturevalue(speller_name)
    assert speller.variant_of(word) == variant


def test_suggestions_best_first(british: EnchantSpeller) -> None:
    assert british.suggest("recieved")[0] == "received"


def test_suggestions_keep_curly_apostrophes(british: EnchantSpeller) -> None:
    assert "doesn’t" in british.suggest("doesnt’")


def test_suggest_on_nothing_is_empty(british: EnchantSpeller) -> None:
    assert british.suggest("") == []


def test_personal_words_are_accepted() -> None:
    speller = EnchantSpeller("en-GB", personal_words=["kerfuffly", "Szabóné"])
    assert speller.check("kerfuffly")
    assert speller.check("Kerfuffly")  # at the start of a sentence
    assert speller.check("Szabóné")
    assert not speller.check("szabóné")  # a capitalised word stays capitalised


def test_add_creates_the_personal_file_and_accepts_the_word(tmp_path: Path) -> None:
    path = tmp_path / "words" / "personal.txt"
    speller = EnchantSpeller("en-GB", personal_path=path)
    assert not speller.check("flummoxery")
    speller.add("flummoxery")
    assert speller.check("flummoxery")
    assert path.read_text(encoding="utf-8") == "flummoxery\n"


def test_the_personal_file_is_read_back(tmp_path: Path) -> None:
    path = tmp_path / "personal.txt"
    EnchantSpeller("en-GB", personal_path=path).add("flummoxery")
    assert EnchantSpeller("en-GB", personal_path=path).check("flummoxery")


def test_add_keeps_a_file_without_final_newline_one_word_a_line(tmp_path: Path) -> None:
    path = tmp_path / "personal.txt"
    path.write_text("quibblish", encoding="utf-8")
    EnchantSpeller("en-GB", personal_path=path).add("flummoxery")
    assert path.read_text(encoding="utf-8").splitlines() == ["quibblish", "flummoxery"]


def test_add_twice_writes_once(tmp_path: Path) -> None:
    path = tmp_path / "personal.txt"
    speller = EnchantSpeller("en-GB", personal_path=path)
    speller.add("flummoxery")
    speller.add("flummoxery")
    assert path.read_text(encoding="utf-8") == "flummoxery\n"


def test_added_curly_word_is_stored_straight(tmp_path: Path) -> None:
    path = tmp_path / "personal.txt"
    speller = EnchantSpeller("en-GB", personal_path=path)
    speller.add("flummox’d")
    assert speller.check("flummox'd")
    assert path.read_text(encoding="utf-8") == "flummox'd\n"


def test_a_word_with_a_line_break_is_refused() -> None:
    with pytest.raises(PersonalDictionaryError):
        EnchantSpeller("en-GB").add("two\nwords")


def test_an_unwritable_personal_file_is_a_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "folder"
    speller = EnchantSpeller("en-GB", personal_path=folder / "personal.txt")
    folder.write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(PersonalDictionaryError, match="cannot save"):
        speller.add("flummoxery")
    assert not speller.check("flummoxery")


def test_a_personal_path_that_is_a_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(PersonalDictionaryError, match="cannot read"):
        EnchantSpeller("en-GB", personal_path=tmp_path)


def test_an_unreadable_personal_file_is_a_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "personal.txt"
    path.write_bytes(b"\xff\xfe\xfa")
    with pytest.raises(PersonalDictionaryError, match="cannot read"):
        EnchantSpeller("en-GB", personal_path=path)


def test_a_language_without_a_dictionary_is_unavailable() -> None:
    with pytest.raises(SpellerUnavailable, match="xx_YY") as caught:
        EnchantSpeller("xx-YY")
    assert isinstance(caught.value, ArticleEditorError)


def test_the_provider_is_named(british: EnchantSpeller) -> None:
    assert british.provider in {"hunspell", "aspell", "myspell", "nuspell"}


def test_without_the_enchant_library_the_speller_is_unavailable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "enchant", None)  # makes "import enchant" fail
    with pytest.raises(SpellerUnavailable, match="Enchant"):
        EnchantSpeller("en-GB")
