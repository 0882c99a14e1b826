"""Small, predictable stand-ins for the name tests: a word-list speller, a tiny style
book, and an article built from paragraphs."""

from __future__ import annotations

from editor_app.checks.base import CheckContext, Finding
from editor_app.checks.engine import Checker
from editor_app.checks.registry import all_rules
from editor_app.checks.stylebook import EntryKind, StyleBook, StyleBookEntry
from editor_app.model import Article, Paragraph, RichText

ORDINARY_WORDS = frozenset(
    """the a and of to in on at for by with said told added asked reassured thanked met
    opened hall white whit house went brand green read bird lamb bolt still blinked calling
    asked mark will grace rose may march city bridge council mayor chief later talks it
    visit when but""".split()
)
PROPER_WORDS = frozenset(
    """Europe America American Americans Germany Germans Anthony Antony Mark Anna Anne Doris
    Boris Peter Dana Diana Tuesday Monday March May Brussels Kiel""".split()
)


class WordListSpeller:
    """A dictionary of a few words: ordinary ones in lowercase, names capitalised."""

    def check(self, word: str) -> bool:
        if word in PROPER_WORDS:
            return True
        return word.lower() in ORDINARY_WORDS and (word.islower() or word[1:].islower())

    def suggest(self, word: str) -> list[str]:
        return []


def small_book() -> StyleBook:
    return StyleBook(
        [
            StyleBookEntry(
                "Antony Blinken", EntryKind.PERSON, nicknames=("Tony",), wrong=("Anthony Blinken",)
            ),
            StyleBookEntry("Jens Stoltenberg", EntryKind.PERSON),
            StyleBookEntry("António Guterres", EntryKind.PERSON),
            StyleBookEntry("Boris Johnson", EntryKind.PERSON),
            StyleBookEntry("Keir Starmer", EntryKind.PERSON),
            StyleBookEntry("Afghanistan", EntryKind.PLACE),
            StyleBookEntry("Australia", EntryKind.PLACE),
        ]
    )


def article(*paragraphs: str) -> Article:
    return Article(body=tuple(Paragraph(RichText.plain_text(text)) for text in paragraphs))


def context(book: bool = True, speller: bool = True) -> CheckContext:
    return CheckContext(
        stylebook=small_book() if book else None,
        speller=WordListSpeller() if speller else None,
    )


def name_findings(text: str, check_context: CheckContext | None = None) -> list[Finding]:
    """The name rules' findings on paragraphs separated by blank lines."""
    rules = [rule for rule in all_rules() if rule.family == "names"]
    paragraphs = [part.strip() for part in text.split("\n\n") if part.strip()]
    return Checker(rules, check_context or context()).check(article(*paragraphs))


def flagged(text: str, check_context: CheckContext | None = None) -> list[tuple[str, str, str]]:
    """(rule id, flagged text, first suggestion) of each finding."""
    return [
        (finding.rule_id, finding.text, finding.suggestions[0] if finding.suggestions else "")
        for finding in name_findings(text, check_context)
    ]
