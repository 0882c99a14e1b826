from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.checks.base import CheckContext, Finding, RuleSettings, SegmentRule, Severity
from editor_app.checks.rules.spelling import SpellingVariant, UnknownWord
from editor_app.checks.speller import EnchantSpeller
from editor_app.model import Field, TextRef

REF = TextRef(Field.TEXT, 0)


@pytest.fixture(scope="module")
def british() -> Iterator[CheckContext]:
    yield CheckContext(language="en-GB", speller=EnchantSpeller("en-GB"))


@pytest.fixture(scope="module")
def american() -> Iterator[CheckContext]:
    yield CheckContext(language="en-US", speller=EnchantSpeller("en-US"))


@dataclass
class WordListSpeller:
    """A speller that knows a fixed list and no variants: the protocol at its smallest."""

    known: set[str]
    asked: list[str] = field(default_factory=list)

    def check(self, word: str) -> bool:
        self.asked.append(word)
        return word in self.known

    def suggest(self, word: str) -> list[str]:
        return [f"{word}-{number}" for number in range(9)]


def run(rule: SegmentRule, text: str, context: CheckContext) -> list[Finding]:
    return list(rule.check_segment(REF, text, context))


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        ("The goverment said so.", ["goverment"]),
        ("She recieved it and beleived it.", ["recieved", "beleived"]),
        ("A well-knwon figure.", ["knwon"]),
        ("An ex-goverment adviser.", ["goverment"]),
        ("Don’t wory.", ["wory"]),
    ],
)
def test_unknown_lowercase_words_are_flagged(
    british: CheckContext, text: str, flagged: list[str]
) -> None:
    assert [finding.text for finding in run(UnknownWord(), text, british)] == flagged


@pytest.mark.parametrize(
    "text",
    [
        "The government said so.",
        "Don’t worry, it’s fine; isn't it?",
        "A well-known figure.",
        "Fredriksson and Brunnthaler spoke.",  # capitalised: the name rules' business
        "Goverment sources said.",  # capitalised at the start of a sentence: likewise
        "The UNHCR and the WHOO agreed.",  # acronyms
        "The 3rd and 4x4 and b2b tests.",  # digits
        "Mail desk@exampel.org or see https://exampel.org/pagge or www.exampel.org.",
        "Follow @newsdeskk and #floodz.",
        "Her iPhone and eBay.",  # capitals inside
        "x y z",  # single letters
    ],
)
def test_what_is_not_flagged(british: CheckContext, text: str) -> None:
    assert run(UnknownWord(), text, british) == []


def test_offsets_point_at_the_word(british: CheckContext) -> None:
    text = "A well-knwon figure."
    (finding,) = run(UnknownWord(), text, british)
    assert text[finding.range.start : finding.range.end] == "knwon"


def test_suggestions_best_first(british: CheckContext) -> None:
    (finding,) = run(UnknownWord(), "The goverment said so.", british)
    assert finding.suggestions[0] == "government"


def test_at_most_five_suggestions() -> None:
    context = CheckContext(speller=WordListSpeller({"the"}))
    (finding,) = run(UnknownWord(), "the zzz", context)
    assert finding.suggestions == tuple(f"zzz-{number}" for number in range(5))


def test_the_suggestion_limit_is_a_parameter() -> None:
    context = CheckContext(
        speller=WordListSpeller(set()),
        settings={
            "spelling.unknown-word": RuleSettings(
                enabled=True, severity=Severity.WARNING, params={"max_suggestions": 2}
            )
        },
    )
    (finding,) = run(UnknownWord(), "zzz", context)
    assert len(finding.suggestions) == 2


def test_personal_words_are_not_flagged(british: CheckContext) -> None:
    context = CheckContext(speller=british.speller, personal_words=frozenset({"goverment"}))
    assert run(UnknownWord(), "The goverment said so.", context) == []


def test_without_a_speller_nothing_is_flagged() -> None:
    assert run(UnknownWord(), "The goverment said so.", CheckContext()) == []
    assert run(SpellingVariant(), "The color.", CheckContext()) == []


def test_each_distinct_word_is_checked_once() -> None:
    speller = WordListSpeller({"the", "cat"})
    list(UnknownWord().check_segment(REF, "the cat the cat the dog", CheckContext(speller=speller)))
    assert sorted(speller.asked) == ["cat", "dog", "the"]


def test_a_speller_without_variants_reports_unknown_words_only() -> None:
    context = CheckContext(speller=WordListSpeller({"the"}))
    assert [f.text for f in run(UnknownWord(), "the color", context)] == ["color"]
    assert run(SpellingVariant(), "the color", context) == []


@pytest.mark.parametrize(
    ("context_name", "text", "flagged", "suggestion", "message"),
    [
        ("british", "The color of it.", "color", "colour", "US spelling in an en-GB article"),
        ("british", "They were traveling.", "traveling", "travelling", "US spelling"),
        ("american", "The colour of it.", "colour", "color", "British spelling in an en-US"),
        ("american", "The centre of it.", "centre", "center", "British spelling"),
    ],
)
def test_the_other_variant_is_flagged_as_a_variant(
    request: pytest.FixtureRequest,
    context_name: str,
    text: str,
    flagged: str,
    suggestion: str,
    message: str,
) -> None:
    context: CheckContext = request.getfixturevalue(context_name)
    (finding,) = run(SpellingVariant(), text, context)
    assert (finding.text, finding.suggestions[0]) == (flagged, suggestion)
    assert message in finding.message
    assert run(UnknownWord(), text, context) == []


@pytest.mark.parametrize(
    ("context_name", "text"),
    [("british", "The colour of the centre."), ("american", "The color of the center.")],
)
def test_the_house_variant_passes(
    request: pytest.FixtureRequest, context_name: str, text: str
) -> None:
    context: CheckContext = request.getfixturevalue(context_name)
    assert run(SpellingVariant(), text, context) == []


@settings(
    max_examples=150,
    deadline=None,  # the first suggestions and the other variant's dictionary load slowly
)
@given(text=st.text(max_size=120))
def test_no_spelling_rule_raises_on_any_text(british: CheckContext, text: str) -> None:
    for rule in (UnknownWord(), SpellingVariant()):
        for finding in rule.check_segment(REF, text, british):
            assert text[finding.range.start : finding.range.end] == finding.text
