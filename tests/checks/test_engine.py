"""The checker: runs rules, caches segment results by text, applies the house style."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import ClassVar

import pytest

from editor_app.checks.base import (
    ArticleRule,
    CheckContext,
    Finding,
    RuleSettings,
    SegmentRule,
    Severity,
)
from editor_app.checks.config import HouseStyle
from editor_app.checks.engine import Checker
from editor_app.checks.stylebook import StyleBook
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
