"""The three name rules together: house-style settings, shared analysis, re-checks."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.checks.base import Finding, Severity
from editor_app.checks.config import parse_house_style
from editor_app.checks.engine import Checker
from editor_app.checks.registry import all_rules
from editor_app.model import Article
from tests.checks.names_helpers import article, context, flagged

HALL = (
    "Mayor Dana Hale opened the bridge. Hale said it was overdue.\n\n"
    "Hall said the council would pay. Hale thanked the builders."
)
STOLTENBURG = (
    "Jens Stoltenberg spoke. Stoltenberg left. Stoltenberg returned.\n\nStoltenburg waved."
)


def names_checker(style: dict[str, object] | None = None) -> Checker:
    rules = [rule for rule in all_rules() if rule.family == "names"]
    house_style = parse_house_style({"rules": style or {}}, rules)
    return Checker(rules, context(), house_style)


def check(text: str, style: dict[str, object]) -> list[tuple[str, str, Severity]]:
    paragraphs = [part.strip() for part in text.split("\n\n")]
    findings = names_checker(style).check(article(*paragraphs))
    return [(finding.rule_id, finding.text, finding.severity) for finding in findings]


def test_min_confidence_hides_less_certain_findings() -> None:
    # one spelling in the introduction, the other once after it: likely, not certain
    text = "Maria Oberhuber advises brewers.\n\nOberhueber said sharing helps."
    assert check(text, {}) == [("names.variant", "Oberhueber", Severity.WARNING)]
    assert check(text, {"names.variant": {"min_confidence": 0.9}}) == []


def test_max_distance_bounds_how_far_apart_spellings_may_be() -> None:
    text = "Ilse Brunnthaler spoke. Brunnthaler left. Brunnthaler returned.\n\nBruntaler waved."
    assert check(text, {}) == [("names.variant", "Bruntaler", Severity.WARNING)]
    assert check(text, {"names.variant": {"max_distance": 1}}) == []


def test_house_style_severity_applies() -> None:
    assert check(HALL, {"names.variant": "error"}) == [("names.variant", "Hall", Severity.ERROR)]


def test_with_the_near_rule_off_the_story_comparison_reports_the_slip() -> None:
    assert check(STOLTENBURG, {}) == [("names.stylebook-near", "Stoltenburg", Severity.WARNING)]
    assert check(STOLTENBURG, {"names.stylebook-near": False}) == [
        ("names.variant", "Stoltenburg", Severity.WARNING)
    ]


def test_accents_can_be_left_to_the_writer() -> None:
    text = "The UN chief, Antonio Guterres, spoke."
    assert check(text, {"names.stylebook": {"accents": False}}) == []
    assert check(text, {}) == [("names.stylebook", "Antonio Guterres", Severity.ERROR)]


def test_findings_point_at_their_text() -> None:
    story = article("Anthony Blinken met Jens Stoltenburg.", *HALL.split("\n\n"))
    findings = names_checker().check(story)
    assert len(findings) == 3
    for finding in findings:
        where = finding.range
        assert story.text_at(where.ref)[where.start : where.end] == finding.text


def test_two_checkers_agree() -> None:
    story = article(*HALL.split("\n\n"))
    assert names_checker().check(story) == names_checker().check(story)


POOL = [
    "Mayor Dana Hale opened the bridge.",
    "Hale said it was overdue.",
    "Hall said the council would pay.",
    "Councillor Peter Hall disagreed.",
    "Katarina Novak leads the union.",
    "Novak said pay was the issue.",
    "Katerina Novak added more.",
    "Jens Stoltenberg spoke.",
    "Later, Stoltenburg waved.",
    "Anthony Blinken arrived.",
    "The chief reassured Blinked.",
    "Anna Lee and her sister Anne Lee bake.",
]


def _summary(findings: list[Finding]) -> list[tuple[object, ...]]:
    return [(f.rule_id, f.range, f.text, f.suggestions, f.confidence) for f in findings]


@settings(max_examples=40, deadline=None)
@given(st.lists(st.lists(st.sampled_from(POOL), max_size=8), min_size=1, max_size=6))
def test_rechecking_after_edits_equals_checking_afresh(versions: list[list[str]]) -> None:
    kept = names_checker()
    for paragraphs in versions:
        story: Article = article(*paragraphs)
        assert _summary(kept.check(story)) == _summary(names_checker().check(story))


def test_no_style_book_and_no_dictionary_still_work() -> None:
    assert flagged(HALL, context(book=False, speller=False)) == [("names.variant", "Hall", "Hale")]
