"""The Hunspell backend (the frozen app's spelling): the same answers as Enchant's.

Needs the ``hunspell`` extension, which is in the ``package`` extra; ``./dev test``
installs it (with libhunspell-dev and a compiler), so CI runs these.
"""

from __future__ import annotations

import importlib.abc
import os
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

pytest.importorskip(
    "hunspell",
    reason="the hunspell extension is not installed (pip install -e '.[package]'; ./dev test does)",
    exc_type=ImportError,  # also when libhunspell itself is missing
)

from editor_app.checks.base import CheckContext, Speller
from editor_app.checks.hunspell_speller import (
    HUNSPELL_DIR_VARIABLE,
    SYSTEM_DICTIONARY_DIRS,
    HunspellSpeller,
    dictionary_dirs,
    find_dictionary,
)
from editor_app.checks.rules.spelling import SpellingVariant, UnknownWord
from editor_app.checks.setup import speller_factory
from editor_app.checks.speller import (
    EnchantSpeller,
    PersonalDictionaryError,
    SpellerUnavailable,
    VariantSpeller,
    make_speller,
)
from editor_app.errors import ArticleEditorError
from editor_app.frozen import use_bundled_dictionaries
from editor_app.model import Field, TextRef

SYSTEM = Path("/usr/share/hunspell")


@pytest.fixture(autouse=True)
def no_hunspell_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    """The developer's own setting plays no part."""
    monkeypatch.delenv(HUNSPELL_DIR_VARIABLE, raising=False)


@pytest.fixture(scope="module")
def british() -> Iterator[HunspellSpeller]:
    yield HunspellSpeller("en-GB")


@pytest.fixture(scope="module")
def american() -> Iterator[HunspellSpeller]:
    yield HunspellSpeller("en-US")


def enchant_or_skip(language: str) -> EnchantSpeller:
    try:
        return EnchantSpeller(language)
    except SpellerUnavailable as error:
        pytest.skip(f"no Enchant to compare with: {error}")


# -- the same answers as Enchant ---------------------------------------------------

PARITY_WORDS = [
    *("colour", "color", "government", "goverment", "recieved", "organise", "organize"),
    *("travelled", "traveled", "theatre", "theater", "analyse", "analyze", "grey", "gray"),
    *("aluminium", "aluminum", "Colour", "COLOUR", "kerfuffle", "Kerfuffle", "x-ray"),
    *("naïve", "naive", "café", "cafe", "résumé", "façade", "Zoë", "naïvety", "Cœur"),
    *("don't", "don’t", "isn’t", "it‘s", "o'clock", "’tis", "Ærø", "straße", "ﬁnance"),
    *("1990s", "21st", "", "a\x00b", "\ud800", "-", "'"),
]


@pytest.mark.parametrize("language", ["en-GB", "en-US"])
def test_check_and_variant_agree_with_enchant(language: str) -> None:
    enchant_speller, hunspell_speller = enchant_or_skip(language), HunspellSpeller(language)
    for word in PARITY_WORDS:
        assert hunspell_speller.check(word) is enchant_speller.check(word), word
        assert hunspell_speller.variant_of(word) == enchant_speller.variant_of(word), word


def test_first_suggestion_agrees_with_enchant(british: HunspellSpeller) -> None:
    enchant_speller = enchant_or_skip("en-GB")
    for word in ("recieved", "goverment", "beleived", "doesnt’", "naiive"):
        assert british.suggest(word)[:1] == enchant_speller.suggest(word)[:1], word


# -- the speller itself -------------------------------------------------------------


def test_it_is_a_speller_that_knows_variants(british: HunspellSpeller) -> None:
    speller: Speller = british
    assert isinstance(speller, VariantSpeller)
    assert british.provider == "hunspell"
    assert british.tag == "en_GB"


def test_suggestions(british: HunspellSpeller) -> None:
    assert british.suggest("recieved")[0] == "received"
    assert british.suggest("naiive")[0] == "naive"
    assert all(isinstance(suggestion, str) for suggestion in british.suggest("cafe"))
    assert "doesn’t" in british.suggest("doesnt’")  # curly apostrophes kept
    assert british.suggest("") == []


def test_the_spelling_rules_run_on_it(british: HunspellSpeller) -> None:
    context = CheckContext(language="en-GB", speller=british)
    ref = TextRef(Field.TEXT, 0)
    found = UnknownWord().check_segment(ref, "The goverment said so, naïvely.", context)
    assert [finding.text for finding in found] == ["goverment"]
    variants = SpellingVariant().check_segment(ref, "The color of money.", context)
    assert [finding.text for finding in variants] == ["color"]


# -- personal words -----------------------------------------------------------------


def test_personal_words_are_accepted() -> None:
    speller = HunspellSpeller("en-GB", personal_words=["kerfuffly", "Szabóné"])
    assert speller.check("kerfuffly")
    assert speller.check("Kerfuffly")  # at the start of a sentence
    assert speller.check("Szabóné")
    assert not speller.check("szabóné")  # a capitalised word stays capitalised
    assert speller.personal_words == {"kerfuffly", "Szabóné"}


def test_add_saves_to_the_personal_file_and_reads_it_back(tmp_path: Path) -> None:
    path = tmp_path / "words" / "personal.txt"
    speller = HunspellSpeller("en-GB", personal_path=path)
    assert not speller.check("flummox’d")
    speller.add("flummox’d")
    assert speller.check("flummox'd")
    assert path.read_text(encoding="utf-8") == "flummox'd\n"
    assert HunspellSpeller("en-GB", personal_path=path).check("flummox’d")


def test_the_personal_file_is_shared_with_enchant(tmp_path: Path) -> None:
    path = tmp_path / "personal.txt"
    enchant_or_skip("en-GB")
    EnchantSpeller("en-GB", personal_path=path).add("flummoxery")
    assert HunspellSpeller("en-GB", personal_path=path).check("flummoxery")


def test_a_word_with_a_line_break_is_refused(british: HunspellSpeller) -> None:
    with pytest.raises(PersonalDictionaryError):
        british.add("two\nwords")


# -- finding the dictionaries -------------------------------------------------------


def copy_dictionary(folder: Path, tag: str, as_tag: str | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    for suffix in (".dic", ".aff"):
        shutil.copyfile(SYSTEM / f"{tag}{suffix}", folder / f"{as_tag or tag}{suffix}")
    return folder


def test_the_named_folders_come_before_the_system() -> None:
    environ = {HUNSPELL_DIR_VARIABLE: os.pathsep.join(["/first", "", "/second"])}
    assert dictionary_dirs(environ) == [Path("/first"), Path("/second"), *SYSTEM_DICTIONARY_DIRS]
    assert dictionary_dirs({}) == list(SYSTEM_DICTIONARY_DIRS)


def test_the_environment_folder_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # An en_US dictionary under the en_GB name: whichever is used shows in "color".
    own = copy_dictionary(tmp_path / "own", "en_US", as_tag="en_GB")
    monkeypatch.setenv(HUNSPELL_DIR_VARIABLE, str(own))
    speller = HunspellSpeller("en-GB")
    assert speller.files == (own / "en_GB.dic", own / "en_GB.aff")
    assert speller.check("color")


def test_a_regional_tag_falls_back_to_the_language(tmp_path: Path) -> None:
    folder = copy_dictionary(tmp_path, "en_GB", as_tag="xx")
    assert find_dictionary("xx_YY", [folder]) == (folder / "xx.dic", folder / "xx.aff")
    assert HunspellSpeller("xx-YY", folders=[folder]).check("colour")


def test_half_a_dictionary_is_no_dictionary(tmp_path: Path) -> None:
    (tmp_path / "en_GB.dic").write_text("1\nword\n", encoding="utf-8")
    assert find_dictionary("en_GB", [tmp_path]) is None


def test_a_missing_dictionary_is_one_clear_sentence(tmp_path: Path) -> None:
    with pytest.raises(SpellerUnavailable) as caught:
        HunspellSpeller("en-GB", folders=[tmp_path])
    message = str(caught.value)
    assert isinstance(caught.value, ArticleEditorError)
    assert message == (
        f"there is no Hunspell dictionary for en_GB (en_GB.dic and en_GB.aff) in {tmp_path}; "
        "install one (on Debian: hunspell-en-gb)"
    )


def test_a_missing_counterpart_means_no_variant(tmp_path: Path) -> None:
    folder = copy_dictionary(tmp_path, "en_GB")
    speller = HunspellSpeller("en-GB", folders=[folder])
    assert not speller.check("color")
    assert speller.variant_of("color") is None


def test_a_latin1_dictionary(tmp_path: Path) -> None:
    (tmp_path / "xx.aff").write_text("SET ISO8859-1\nTRY e\n", encoding="latin-1")
    (tmp_path / "xx.dic").write_text("2\ncafé\nnaïve\n", encoding="latin-1")
    speller = HunspellSpeller("xx", folders=[tmp_path])
    assert speller.check("café")
    assert speller.check("naïve")
    assert not speller.check("cafe")
    assert speller.check("Łódź")  # cannot be put in the dictionary's encoding: not flagged
    assert "café" in speller.suggest("cafe")


def test_without_the_hunspell_module_the_speller_is_unavailable(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "hunspell", None)  # makes "import hunspell" fail
    with pytest.raises(SpellerUnavailable, match="needs the Hunspell library"):
        HunspellSpeller("en-GB")


# -- choosing the backend -----------------------------------------------------------


def test_with_the_variable_set_hunspell_is_used(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(HUNSPELL_DIR_VARIABLE, str(tmp_path))
    assert isinstance(make_speller("en-GB"), HunspellSpeller)


def test_without_the_variable_enchant_is_used() -> None:
    enchant_or_skip("en-GB")
    assert isinstance(make_speller("en-GB"), EnchantSpeller)


def test_without_enchant_hunspell_is_used(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setitem(sys.modules, "enchant", None)
    speller = make_speller("en-GB", personal_path=tmp_path / "personal.txt")
    assert isinstance(speller, HunspellSpeller)
    assert speller.personal_path == tmp_path / "personal.txt"


class BrokenEnchant(importlib.abc.MetaPathFinder):
    """What pyenchant's import does when libenchant is there but damaged."""

    def find_spec(self, name: str, path: object, target: object = None) -> None:
        if name == "enchant":
            raise OSError("/lib/x86_64-linux-gnu/libenchant-2.so.2: file too short")


def test_with_a_broken_enchant_hunspell_is_used(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "enchant", raising=False)
    monkeypatch.setattr(sys, "meta_path", [BrokenEnchant(), *sys.meta_path])
    assert isinstance(make_speller("en-GB"), HunspellSpeller)


def test_when_both_fail_both_reasons_are_given(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "enchant", None)
    with pytest.raises(SpellerUnavailable) as caught:
        make_speller("xx-YY")
    message = str(caught.value)
    assert message.startswith("Enchant: spell checking needs the Enchant library")
    assert "; Hunspell: there is no Hunspell dictionary for xx_YY" in message


def test_with_the_variable_set_enchant_is_not_tried(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(HUNSPELL_DIR_VARIABLE, str(tmp_path))
    with pytest.raises(SpellerUnavailable) as caught:
        make_speller("xx-YY")
    assert str(caught.value).startswith("there is no Hunspell dictionary for xx_YY")


def test_the_checker_uses_make_speller(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.setenv(HUNSPELL_DIR_VARIABLE, str(tmp_path))
    warnings: list[str] = []
    speller_for = speller_factory(None, warnings)
    assert isinstance(speller_for("en-GB"), HunspellSpeller)
    assert speller_for("xx-YY") is None
    assert warnings == [
        "spelling checks are off for xx-YY: there is no Hunspell dictionary for xx_YY "
        f"(xx_YY.dic and xx_YY.aff) in {tmp_path}, "
        + ", ".join(str(folder) for folder in SYSTEM_DICTIONARY_DIRS)
        + "; install one (on Debian: hunspell-xx-yy)"
    ]


def test_the_frozen_app_uses_its_bundled_dictionaries(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    bundle = tmp_path / "bundle"
    copy_dictionary(bundle / "hunspell", "en_GB")
    environ: dict[str, str] = {}
    use_bundled_dictionaries(bundle, environ)
    monkeypatch.setenv(HUNSPELL_DIR_VARIABLE, environ[HUNSPELL_DIR_VARIABLE])
    speller = make_speller("en-GB")
    assert isinstance(speller, HunspellSpeller)
    assert speller.files == (bundle / "hunspell" / "en_GB.dic", bundle / "hunspell" / "en_GB.aff")
