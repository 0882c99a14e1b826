from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from editor_app.checks.base import CheckContext, Finding, RuleSettings, SegmentRule, Severity
from editor_app.checks.rules.style import (
    Dash,
    DoubledWord,
    DoubleSpace,
    LongParagraph,
    LongSentence,
    SpaceBeforePunctuation,
    WebLeftover,
)
from editor_app.checks.rules.style_numbers import Dates, Numbers, spelled
from editor_app.model import Field, TextRef

BODY = TextRef(Field.TEXT, 0)
GB = CheckContext(language="en-GB")
US = CheckContext(language="en-US")


def run(
    rule: SegmentRule,
    text: str,
    context: CheckContext = GB,
    ref: TextRef = BODY,
) -> list[Finding]:
    findings = list(rule.check_segment(ref, text, context))
    for finding in findings:
        assert text[finding.range.start : finding.range.end] == finding.text
    return findings


def with_params(
    rule: SegmentRule, params: Mapping[str, Any], language: str = "en-GB"
) -> CheckContext:
    settings_ = RuleSettings(enabled=True, severity=rule.default_severity, params=params)
    return CheckContext(language=language, settings={rule.id: settings_})


def flagged(rule: SegmentRule, text: str, context: CheckContext = GB) -> list[tuple[str, str]]:
    """(flagged text, first suggestion or "") for each finding."""
    return [
        (finding.text, finding.suggestions[0] if finding.suggestions else "")
        for finding in run(rule, text, context)
    ]


# -- doubled words ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the the plan", [("the the", "the")]),
        ("The the plan", [("The the", "The")]),
        ("it was was\nlate", [("was was", "was")]),
        ("in in 2020 2020", [("in in", "in"), ("2020 2020", "2020")]),
    ],
)
def test_doubled_words_fire(text: str, expected: list[tuple[str, str]]) -> None:
    assert flagged(DoubledWord(), text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "She had had enough.",
        "He said that that was all.",
        "What it is is a plan.",
        "It is. Is it?",
        "They flew to Bora Bora.",
        "then the",
        "the theme",
    ],
)
def test_doubled_words_pass(text: str) -> None:
    assert run(DoubledWord(), text) == []


def test_the_allow_list_is_a_parameter() -> None:
    context = with_params(DoubledWord(), {"allowed": ["very"]})
    assert run(DoubledWord(), "a very very long day", context) == []
    assert run(DoubledWord(), "she had had enough", context) != []


# -- spaces and punctuation ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The plan  was ready.", ["  "]),
        ("It ended.   Then", ["   "]),
        ("a \u00a0b", [" \u00a0"]),
        ("One space only.", []),
        ("  leading and trailing  ", []),
    ],
)
def test_double_space(text: str, expected: list[str]) -> None:
    findings = run(DoubleSpace(), text)
    assert [finding.text for finding in findings] == expected
    assert all(finding.suggestions == (" ",) for finding in findings)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ready , she said", [(" ,", ",")]),
        ("Is it over ?", [(" ?", "?")]),
        ("It ended .", [(" .", ".")]),
        ("Wait ... then go.", []),
        ("It cost .5 per cent", []),
        ("ready, she said", []),
        ("“ ?” is a question mark", []),
    ],
)
def test_space_before_punctuation(text: str, expected: list[tuple[str, str]]) -> None:
    assert flagged(SpaceBeforePunctuation(), text) == expected


# -- dashes --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "context", "expected"),
    [
        ("the bridge - finished - opened", GB, [(" - ", " – "), (" - ", " – ")]),
        ("late--very late", GB, [("--", " – ")]),
        ("late -- very late", GB, [(" -- ", " – ")]),
        ("late—very late", GB, [("—", " – ")]),
        ("late — very late", GB, [(" — ", " – ")]),
        ("late – very late", US, [(" – ", " — ")]),
        ("late - very late", US, [(" - ", " — ")]),
    ],
)
def test_dashes_fire(text: str, context: CheckContext, expected: list[tuple[str, str]]) -> None:
    assert flagged(Dash(), text, context) == expected


@pytest.mark.parametrize(
    ("text", "context"),
    [
        ("late – very late", GB),
        ("late — very late", US),
        ("the 1990–2000 period", GB),
        ("a well-known route", GB),
        ("pre- and post-war", GB),
        ("5 - 3 = 2", GB),
        ("late  –  very late", GB),  # the spaces are style.double-space's business
        ("- a list item", GB),
        ("see https://example.org/a--b now", GB),
        ("a rule ---- here", GB),
    ],
)
def test_dashes_pass(text: str, context: CheckContext) -> None:
    assert run(Dash(), text, context) == []


@pytest.mark.parametrize(
    ("style", "text", "expected"),
    [
        ("spaced-em", "late – very late", " — "),
        ("closed-em", "late – very late", "—"),
        ("spaced-en", "late—very late", " – "),
    ],
)
def test_the_house_dash_is_a_parameter(style: str, text: str, expected: str) -> None:
    (finding,) = run(Dash(), text, with_params(Dash(), {"dash": style}))
    assert finding.suggestions == (expected,)


# -- web leftovers -------------------------------------------------------------------


@pytest.mark.parametrize("text", ["Leave a Reply", "190 Shares", "  Share this article  "])
def test_web_leftovers_fire(text: str) -> None:
    (finding,) = run(WebLeftover(), text)
    assert finding.text == text.strip()
    assert "Web-page furniture" in finding.message


@pytest.mark.parametrize(
    ("text", "ref"),
    [
        ("Readers can click here to see the map, the council said.", BODY),
        ("Leave a Reply", TextRef(Field.HEADLINE)),
    ],
)
def test_web_leftovers_pass(text: str, ref: TextRef) -> None:
    assert run(WebLeftover(), text, ref=ref) == []


# -- lengths -------------------------------------------------------------------------

LONG_SENTENCE = " ".join(["Word"] + ["word"] * 40) + "."
SHORT_SENTENCE = " ".join(["Word"] + ["word"] * 39) + "."


@pytest.mark.parametrize(
    ("text", "ref", "count"),
    [
        (LONG_SENTENCE, BODY, 1),
        (f"Short one. {LONG_SENTENCE} Short two.", BODY, 1),
        (LONG_SENTENCE, TextRef(Field.ITEM, 0, 1), 1),
        (SHORT_SENTENCE, BODY, 0),
        (LONG_SENTENCE, TextRef(Field.HEADLINE), 0),
        (LONG_SENTENCE, TextRef(Field.STANDFIRST), 0),
    ],
)
def test_long_sentence(text: str, ref: TextRef, count: int) -> None:
    findings = run(LongSentence(), text, ref=ref)
    assert len(findings) == count
    if findings:
        assert findings[0].text == LONG_SENTENCE
        assert "41 words" in findings[0].message


def test_long_sentence_limit_is_a_parameter() -> None:
    context = with_params(LongSentence(), {"max_words": 5})
    assert len(run(LongSentence(), "One two three four five six.", context)) == 1


@pytest.mark.parametrize(
    ("text", "flagged_from"),
    [
        ("One. Two. Three. Four. Five.", "Five."),
        ("One. Two. Three. Four.", None),
        (" ".join(["Word"] * 121) + ".", "Word"),
        ("Short. " + " ".join(["Word"] * 120) + ".", "Word"),
    ],
)
def test_long_paragraph(text: str, flagged_from: str | None) -> None:
    findings = run(LongParagraph(), text)
    if flagged_from is None:
        assert findings == []
    else:
        (finding,) = findings
        assert finding.text.startswith(flagged_from)
        assert finding.range.end == len(text)


def test_long_paragraph_ignores_list_items_and_metadata() -> None:
    text = "One. Two. Three. Four. Five."
    assert run(LongParagraph(), text, ref=TextRef(Field.ITEM, 0, 0)) == []
    assert run(LongParagraph(), text, ref=TextRef(Field.STANDFIRST)) == []


def test_long_paragraph_limits_are_parameters() -> None:
    context = with_params(LongParagraph(), {"max_words": 3, "max_sentences": 10})
    (finding,) = run(LongParagraph(), "One two. Three four.", context)
    assert finding.text == "Three four."


# -- numbers -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("number", "words"),
    [(1, "one"), (13, "thirteen"), (40, "forty"), (99, "ninety-nine"), (100, None)],
)
def test_spelled(number: int, words: str | None) -> None:
    assert spelled(number) == words


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The council hired 3 engineers.", [("3", "three")]),
        ("It had 2 dogs and 3 cats.", [("2", "two"), ("3", "three")]),
        ("It took 3 hours.", [("3", "three")]),
        ("“3 people died,” he said.", [("3", "Three")]),
        ("15 engineers were hired.", [("15", "Fifteen")]),
        ("1,000 people came.", [("1,000", "")]),
        ("The council hired twelve engineers.", [("twelve", "12")]),
        ("It had twenty-five seats.", [("twenty-five", "25")]),
        ("Prices rose 5 percent.", [("5 percent", "5 per cent")]),
    ],
)
def test_numbers_fire(text: str, expected: list[tuple[str, str]]) -> None:
    assert flagged(Numbers(), text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The council hired three engineers and 12 surveyors.",
        "Twelve engineers were hired.",
        "She is 5 feet tall and ran 5km in 3 hrs.",  # units
        "It cost £3, $5, €7 and 3p; it rose 3%.",  # money, percentages
        "Tom, 7, is a 7-year-old aged 7 who is 7 years old.",  # ages
        "They met at 3pm and at 3 p.m. on 4 May.",  # times, dates
        "See page 4, chapter 2 and platform 9.",  # labels
        "It was a 3-1 win, a 2–1 loss and 9.5 on average at 3:30.",  # scores, decimals
        "A 3 x 4 grid.",
        "1. Buy milk",  # a list marker
        "About twenty million people and a twelve-year-old.",
        "The Twelve Apostles stood.",
        "I had 0 points.",
        "See https://example.org/page/3 or #3.",
    ],
)
def test_numbers_pass(text: str) -> None:
    assert run(Numbers(), text) == []


def test_a_year_opening_a_sentence_asks_for_a_recast() -> None:
    (finding,) = run(Numbers(), "It was hard. 2024 was worse.")
    assert finding.text == "2024"
    assert finding.suggestions == ()
    assert "recast" in finding.message


@pytest.mark.parametrize(
    ("params", "text", "expected"),
    [
        ({"spell_out_below": 100}, "They hired 12 engineers.", [("12", "twelve")]),
        ({"spell_out_below": 100}, "They hired twelve engineers.", []),
        ({"spell_out_below": 5}, "They hired 7 engineers.", []),
        ({"spell_out_below": 1}, "They hired one engineer.", [("one", "1")]),
        ({"percent": "%"}, "It rose 5 per cent.", [("5 per cent", "5%")]),
        ({"percent": "percent"}, "It rose 5%.", [("5%", "5 percent")]),
        ({"percent": "per cent"}, "It rose 5%.", [("5%", "5 per cent")]),
    ],
)
def test_number_parameters(
    params: Mapping[str, Any], text: str, expected: list[tuple[str, str]]
) -> None:
    assert flagged(Numbers(), text, with_params(Numbers(), params)) == expected


@pytest.mark.parametrize(
    ("context", "text", "expected"),
    [
        (GB, "It rose 5 percent.", [("5 percent", "5 per cent")]),
        (GB, "It rose 5 per cent or 5%.", []),
        (US, "It rose 5 per cent.", [("5 per cent", "5 percent")]),
        (US, "It rose 5 percent or 5%.", []),
    ],
)
def test_percent_follows_the_language(
    context: CheckContext, text: str, expected: list[tuple[str, str]]
) -> None:
    assert flagged(Numbers(), text, context) == expected


# -- dates ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("context", "text", "expected"),
    [
        (GB, "on March 3, 2025.", [("March 3, 2025", "3 March 2025")]),
        (GB, "on March 3.", [("March 3", "3 March")]),
        (GB, "on March 3rd.", [("March 3rd", "3 March")]),
        (GB, "on 3rd March.", [("3rd March", "3 March")]),
        (GB, "on the 3rd of March.", [("the 3rd of March", "3 March")]),
        (GB, "on March the 3rd.", [("March the 3rd", "3 March")]),
        (GB, "on 3 March, 2025.", [("3 March, 2025", "3 March 2025")]),
        (GB, "on Jan. 3, 2025.", [("Jan. 3, 2025", "3 Jan 2025")]),
        (US, "on 3 March 2025.", [("3 March 2025", "March 3, 2025")]),
        (US, "on March 3 2025.", [("March 3 2025", "March 3, 2025")]),
        (US, "on March 3rd.", [("March 3rd", "March 3")]),
        (US, "on the 3rd of March.", [("the 3rd of March", "March 3")]),
        (US, "the 3 May vote", [("3 May", "May 3")]),
    ],
)
def test_dates_fire(context: CheckContext, text: str, expected: list[tuple[str, str]]) -> None:
    assert flagged(Dates(), text, context) == expected


@pytest.mark.parametrize(
    ("context", "text"),
    [
        (GB, "on 3 March 2025 and 4 Jan."),
        (US, "on March 3, 2025 and Jan. 4."),
        (GB, "in March 2025"),
        (GB, "from 3–5 March and 3-5 March"),
        (US, "on March 3-5"),
        (GB, "on 32 March"),
        (GB, "3 of March's games"),
        (GB, "they march 3 miles"),
    ],
)
def test_dates_pass(context: CheckContext, text: str) -> None:
    assert run(Dates(), text, context) == []


def test_date_order_is_a_parameter() -> None:
    context = with_params(Dates(), {"date_order": "month-day"}, language="en-GB")
    assert flagged(Dates(), "on 3 March 2025", context) == [("3 March 2025", "March 3, 2025")]


# -- every rule, any text ------------------------------------------------------------

STYLE_RULES: tuple[SegmentRule, ...] = (
    DoubledWord(),
    DoubleSpace(),
    SpaceBeforePunctuation(),
    Dash(),
    WebLeftover(),
    LongSentence(),
    LongParagraph(),
    Numbers(),
    Dates(),
)
news_text = st.lists(
    st.sampled_from(
        [
            *"abcXYZ0123456789 .,;:!?'\"()-—–’‘“”…%£\n\u00a0",
            *("e\u0301", "😀", "the", "March", "3rd", " per cent", "twenty-one"),
            *("https://x.org", " - ", "--", "Leave a Reply"),
        ]
    ),
    max_size=60,
).map("".join)


@settings(max_examples=300)
@given(
    text=st.one_of(st.text(), news_text),
    field=st.sampled_from(list(Field)),
    language=st.sampled_from(["en-GB", "en-US", "fr"]),
)
def test_no_style_rule_raises_on_any_text(text: str, field: Field, language: str) -> None:
    context = CheckContext(language=language)
    for rule in STYLE_RULES:
        for finding in run(rule, text, context, TextRef(field, 0)):
            assert finding.rule_id == rule.id
            assert finding.severity in Severity
