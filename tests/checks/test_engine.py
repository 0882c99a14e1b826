"""The checker: runs rules, caches segment results by text, applies the house style."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from editor_app.checks.base import (
    ArticleRule,
    CheckContext,
    Finding,
    RuleSettings,
    SegmentRule,
    Severity,
    Speller,
)
from editor_app.checks.config import HouseStyle
from editor_app.checks.engine import Checker
from editor_app.checks.rules.names import StyleBookName
from editor_app.checks.rules.spelling import UnknownWord
from editor_app.checks.setup import build_checker
from editor_app.checks.stylebook import EntryKind, StyleBook, StyleBookEntry
from editor_app.model import Article, Field, Metadata, Paragraph, RichText, TextRef


class Shouting(SegmentRule):
    """Flags words in capitals; counts the texts it is asked about."""

    id = "test.shouting"
    default_severity = Severity.SUGGESTION
    reason = "Capitals shout."
    fires_on = ("STOP that.",)
    passes = ("Stop that.",)

    def __init__(self) -> None:
        self.asked: list[str] = []

    def check_segment(self, ref: TextRef, text: str, context: CheckContext) -> Iterator[Finding]:
        self.asked.append(text)
        for match in re.finditer(r"\b[A-Z]{4,}\b", text):
            yield self.finding(ref, match.start(), match.end(), match.group(), "Shouting")


class Paragraphs(ArticleRule):
    """Reports the number of paragraphs at the start of the first one; counts its runs."""

    id = "test.paragraphs"
    default_severity = Severity.WARNING
    reason = "For testing."
    fires_on = ("One.",)
    passes = ("",)
    runs: ClassVar[list[int]] = []

    def check_article(self, article: Article, context: CheckContext) -> Iterator[Finding]:
        self.runs.append(len(article.body))
        if article.body:
            yield self.finding(TextRef(Field.TEXT, 0), 0, 0, "", f"{len(article.body)} paragraphs")


def story(*texts: str, language: str = "en-GB") -> Article:
    return Article(
        meta=Metadata(headline="HEADLINE NEWS", language=language),
        body=tuple(Paragraph(RichText.plain_text(text)) for text in texts),
    )


def test_findings_come_in_reading_order() -> None:
    findings = Checker([Shouting(), Paragraphs()]).check(story("Say STOP now.", "WAIT here."))
    assert [(str(f.range.ref), f.range.start, f.text) for f in findings] == [
        ("headline", 0, "HEADLINE"),
        ("headline", 9, "NEWS"),
        ("body[0].text", 0, ""),
        ("body[0].text", 4, "STOP"),
        ("body[1].text", 0, "WAIT"),
    ]


def test_segment_rules_read_each_text_once() -> None:
    rule = Shouting()
    checker = Checker([rule])
    checker.check(story("Say STOP now.", "WAIT here."))
    checker.check(story("Say STOP now.", "WAIT here."))
    assert rule.asked == ["HEADLINE NEWS", "Say STOP now.", "WAIT here."]
    checker.check(story("Say STOP now.", "WAIT there."))
    assert rule.asked[-1] == "WAIT there." and len(rule.asked) == 4


def test_cached_findings_follow_their_text_to_a_new_place() -> None:
    checker = Checker([Shouting()])
    checker.check(story("Say STOP now.", "Calm."))
    findings = checker.check(story("Calm.", "Calm.", "Say STOP now."))
    assert [(f.range.ref.block, f.range.start) for f in findings if f.text == "STOP"] == [(2, 4)]


def test_article_rules_run_on_every_check() -> None:
    Paragraphs.runs.clear()
    checker = Checker([Paragraphs()])
    checker.check(story("One."))
    checker.check(story("One."))
    assert Paragraphs.runs == [1, 1]


def test_house_style_turns_rules_off_and_sets_severity() -> None:
    style = HouseStyle(
        rules={
            "test.paragraphs": RuleSettings(enabled=False, severity=Severity.WARNING),
            "test.shouting": RuleSettings(enabled=True, severity=Severity.ERROR),
        }
    )
    checker = Checker([Shouting(), Paragraphs()], house_style=style)
    assert [rule.id for rule in checker.rules] == ["test.shouting"]
    assert {f.severity for f in checker.check(story("Say STOP now."))} == {Severity.ERROR}


def test_house_style_parameters_reach_the_rules() -> None:
    style = HouseStyle(
        rules={"test.shouting": RuleSettings(True, Severity.SUGGESTION, {"limit": 3})}
    )
    checker = Checker([Shouting()], house_style=style)
    assert checker.context.params_for(Shouting()) == {"limit": 3}


def test_a_new_language_clears_the_cache_and_fetches_its_dictionary() -> None:
    rule = Shouting()
    asked_for: list[str] = []

    def speller_for(language: str) -> None:
        asked_for.append(language)

    checker = Checker([rule], speller_factory=speller_for)
    checker.check(story("Say STOP now."))
    checker.check(story("Say STOP now.", language="en-US"))
    assert asked_for == ["en-GB", "en-US"]
    assert checker.context.language == "en-US"
    assert rule.asked.count("Say STOP now.") == 2


def test_forget_drops_cached_results() -> None:
    rule = Shouting()
    checker = Checker([rule])
    checker.check(story("Say STOP now."))
    checker.forget()
    checker.check(story("Say STOP now."))
    assert rule.asked.count("Say STOP now.") == 2


def test_a_style_book_given_to_the_checker_reaches_the_rules() -> None:
    book = StyleBook()
    assert Checker([], stylebook=book).context.stylebook is book


@pytest.mark.parametrize("rule", [Shouting(), Paragraphs()], ids=lambda rule: rule.id)
def test_findings_carry_the_rule_and_its_family(rule: SegmentRule | ArticleRule) -> None:
    findings = Checker([rule]).check(story("Say STOP now."))
    assert findings and all(f.rule_id == rule.id and f.family == "test" for f in findings)


# -- what the live checks change while a window is open ------------------------------------


class WordList:
    """A speller that knows a fixed list of words and learns more."""

    def __init__(self, *words: str) -> None:
        self.words = set(words)
        self.added: list[str] = []

    def check(self, word: str) -> bool:
        return word in self.words

    def suggest(self, word: str) -> list[str]:
        return []

    def add(self, word: str) -> None:
        self.added.append(word)
        self.words.add(word)


def spelling_checker(factory: Callable[[str], Speller | None]) -> Checker:
    return Checker([UnknownWord()], speller_factory=factory)


def flagged(checker: Checker, *texts: str) -> list[str]:
    return [f.text for f in checker.check(story(*texts)) if f.range.ref.block >= 0]


def test_a_personal_word_is_learnt_by_the_speller_and_no_longer_flagged() -> None:
    speller = WordList("The", "mayor", "met", "a")
    checker = spelling_checker(lambda _language: speller)
    assert flagged(checker, "The mayor met a kerfuffle.") == ["kerfuffle"]
    checker.add_personal_word(" kerfuffle ")
    assert speller.added == ["kerfuffle"]
    assert "kerfuffle" in checker.context.personal_words
    assert flagged(checker, "The mayor met a kerfuffle.") == []


def test_a_personal_word_excuses_the_word_even_without_a_speller_that_learns() -> None:
    class Fixed(WordList):
        add = None  # type: ignore[assignment]

    fixed = Fixed("The", "mayor", "met", "a")
    checker = spelling_checker(lambda _language: fixed)
    assert flagged(checker, "The mayor met a kerfuffle.") == ["kerfuffle"]
    checker.add_personal_word("kerfuffle")
    assert flagged(checker, "The mayor met a kerfuffle.") == []


def test_an_empty_personal_word_changes_nothing() -> None:
    speller = WordList()
    checker = spelling_checker(lambda _language: speller)
    checker.add_personal_word("  ")
    assert speller.added == [] and checker.context.personal_words == frozenset()


def test_spellers_of_every_language_learn_a_word_saved_once() -> None:
    class Factory:
        def __init__(self) -> None:
            self.made: dict[str, WordList] = {}
            self.learnt: list[str] = []

        def __call__(self, language: str) -> WordList:
            return self.made.setdefault(language, WordList("The", "mayor", "met", "a"))

        def add_word(self, word: str) -> None:
            self.learnt.append(word)
            for speller in self.made.values():
                speller.words.add(word)

    factory = Factory()
    checker = spelling_checker(factory)
    checker.check(story("The mayor met a kerfuffle."))
    checker.check(story("The mayor met a kerfuffle.", language="en-US"))
    checker.add_personal_word("kerfuffle")
    assert factory.learnt == ["kerfuffle"]
    assert all("kerfuffle" in speller.words for speller in factory.made.values())
    assert flagged(checker, "The mayor met a kerfuffle.") == []


def test_set_stylebook_replaces_the_book_and_drops_cached_results() -> None:
    rule = Shouting()
    checker = Checker([rule], stylebook=StyleBook())
    checker.check(story("Say STOP now."))
    book = StyleBook([StyleBookEntry("Ilse Brunnthaler", EntryKind.PERSON)])
    checker.set_stylebook(book)
    assert checker.stylebook is book and checker.context.stylebook is book
    checker.check(story("Say STOP now."))
    assert rule.asked.count("Say STOP now.") == 2


def test_extend_stylebook_adds_entries_and_replaces_by_canonical_form() -> None:
    old = StyleBookEntry("Ilse Brunnthaler", EntryKind.PERSON, note="mayor")
    checker = Checker([], stylebook=StyleBook([old, StyleBookEntry("Linz", EntryKind.PLACE)]))
    new = StyleBookEntry("Ilse Brunnthaler", EntryKind.PERSON, wrong=("Ilse Brunthaler",))
    checker.extend_stylebook([new, StyleBookEntry("Lena Wendt", EntryKind.PERSON)])
    book = checker.stylebook
    assert book is not None
    assert book.entry_for("Ilse Brunnthaler") == new
    assert book.entry_for("Linz") is not None and book.entry_for("Lena Wendt") is not None
    assert book.wrong_entry_for("Ilse Brunthaler") == new


def test_extend_stylebook_without_a_book_starts_one() -> None:
    checker = Checker([])
    checker.extend_stylebook([StyleBookEntry("Lena Wendt", EntryKind.PERSON)])
    assert checker.stylebook is not None and checker.stylebook.accepts("Lena Wendt")


def test_a_style_book_entry_added_later_is_checked_by_the_name_rules() -> None:
    checker = Checker([StyleBookName()], stylebook=StyleBook())
    text = "Ilse Brunthaler chaired the talks in Linz on Monday."
    assert [f.rule_id for f in checker.check(story(text))] == []
    entry = StyleBookEntry("Ilse Brunnthaler", EntryKind.PERSON, wrong=("Ilse Brunthaler",))
    checker.extend_stylebook([entry])
    found = checker.check(story(text))
    assert [(f.rule_id, f.text, f.suggestions) for f in found] == [
        ("names.stylebook", "Ilse Brunthaler", ("Ilse Brunnthaler",))
    ]


def test_the_setup_rebuilds_its_book_with_new_library_entries(tmp_path: Path) -> None:
    own = tmp_path / "own.csv"
    own.write_text("canonical,kind\nLena Wendt,person\n", encoding="utf-8")
    setup = build_checker(stylebook_path=own)
    entry = StyleBookEntry("Ilse Brunnthaler", EntryKind.PERSON)
    book = setup.stylebook_with([entry])
    assert book.entry_for("Ilse Brunnthaler") == entry
    assert book.accepts("Lena Wendt")  # the file's book still counts
    assert book.accepts("António Guterres")  # and the starter book
    assert not setup.stylebook_with([]).accepts("Ilse Brunnthaler")


def test_the_setup_spellers_save_a_word_once_and_all_learn_it(tmp_path: Path) -> None:
    personal = tmp_path / "dictionary.txt"
    setup = build_checker(personal_dictionary=personal)
    checker = setup.checker
    if checker.context.speller is None:
        pytest.skip("no spelling dictionary on this machine")
    assert flagged(checker, "The mayor met a zorblatt.") == ["zorblatt"]
    checker.check(story("The mayor met a zorblatt.", language="en-US"))
    checker.add_personal_word("zorblatt")
    assert personal.read_text(encoding="utf-8").splitlines() == ["zorblatt"]
    for language in ("en-US", "en-GB"):
        found = checker.check(story("The mayor met a zorblatt.", language=language))
        assert [f.text for f in found if f.family == "spelling"] == [], language
        speller = checker.context.speller
        assert speller is not None and speller.check("zorblatt"), language


@pytest.mark.parametrize(
    ("text", "everyday"), [("Went", True), ("went", True), ("Wendt", False), ("  ", False)]
)
def test_an_everyday_word_is_told_from_a_name(text: str, everyday: bool) -> None:
    checker = spelling_checker(lambda _language: WordList("went", "said"))
    assert checker.is_everyday_word(text) is everyday


def test_without_a_dictionary_nothing_counts_as_an_everyday_word() -> None:
    assert not spelling_checker(lambda _language: None).is_everyday_word("went")
