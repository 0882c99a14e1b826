"""House style files: which rules run, how severe they are, and their parameters."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, ClassVar

import pytest

from editor_app.checks.base import CheckContext, Finding, RuleSettings, SegmentRule, Severity
from editor_app.checks.config import (
    HouseStyle,
    StyleConfigError,
    load_house_style,
    parse_house_style,
)
from editor_app.checks.registry import all_rules
from editor_app.model import TextRef


class LongSentence(SegmentRule):
    id = "test.long-sentence"
    default_severity = Severity.SUGGESTION
    reason = "Long sentences lose readers."
    default_params: ClassVar[Mapping[str, Any]] = {"max_words": 35}
    fires_on = ("word " * 40,)
    passes = ("Short.",)

    def check_segment(self, ref: TextRef, text: str, context: CheckContext) -> Iterator[Finding]:
        return iter(())


RULES = [LongSentence()]


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (False, RuleSettings(enabled=False, severity=Severity.SUGGESTION)),
        (True, RuleSettings(enabled=True, severity=Severity.SUGGESTION)),
        ("error", RuleSettings(enabled=True, severity=Severity.ERROR)),
        ({"max_words": 45}, RuleSettings(True, Severity.SUGGESTION, {"max_words": 45})),
        (
            {"enabled": True, "severity": "warning", "max_words": 20},
            RuleSettings(True, Severity.WARNING, {"max_words": 20}),
        ),
        ({"enabled": False}, RuleSettings(False, Severity.SUGGESTION, {})),
    ],
)
def test_rule_values(value: object, expected: RuleSettings) -> None:
    style = parse_house_style({"rules": {"test.long-sentence": value}}, RULES)
    assert style.settings_for(RULES[0]) == expected


@pytest.mark.parametrize(
    ("raw", "message"),
    [
        ({"rules": {"test.nope": False}}, "no rule called 'test.nope'"),
        ({"rules": {"test.long-sentence": "loud"}}, "use one of error, warning, suggestion"),
        ({"rules": {"test.long-sentence": {"max_lines": 3}}}, "has no parameter max_lines"),
        ({"rules": {"test.long-sentence": 3}}, "must be true, false, a severity or a table"),
        ({"rules": ["test.long-sentence"]}, "[rules] must be a table"),
        ({"language": 7}, "'language' must be a string"),
    ],
)
def test_mistakes_get_one_clear_message(raw: dict[str, Any], message: str) -> None:
    with pytest.raises(StyleConfigError, match=message.replace("[", r"\[").replace("]", r"\]")):
        parse_house_style(raw, RULES)


def test_a_rule_the_style_does_not_mention_keeps_its_defaults() -> None:
    assert HouseStyle().settings_for(RULES[0]) == RuleSettings(True, Severity.SUGGESTION)


def test_context_merges_parameters_over_the_defaults() -> None:
    style = parse_house_style({"rules": {"test.long-sentence": {"max_words": 45}}}, RULES)
    context = CheckContext(settings=style.rules)
    assert context.params_for(RULES[0]) == {"max_words": 45}
    assert CheckContext().params_for(RULES[0]) == {"max_words": 35}


def test_load_from_a_file(tmp_path: Path) -> None:
    path = tmp_path / "house.toml"
    path.write_text(
        'language = "en-US"\n\n[rules]\n"test.long-sentence" = { max_words = 45 }\n',
        encoding="utf-8",
    )
    style = load_house_style(path, RULES)
    assert style.language == "en-US"
    assert style.settings_for(RULES[0]).params == {"max_words": 45}


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"[rules\n", "is not valid TOML"),
        (b"language = '\xff'\n", "is not valid TOML"),
    ],
)
def test_unreadable_files_get_one_clear_message(
    tmp_path: Path, content: bytes, message: str
) -> None:
    path = tmp_path / "house.toml"
    path.write_bytes(content)
    with pytest.raises(StyleConfigError, match=message):
        load_house_style(path, RULES)


def test_a_missing_file_is_named(tmp_path: Path) -> None:
    with pytest.raises(StyleConfigError, match="cannot read house style"):
        load_house_style(tmp_path / "missing.toml", RULES)


def test_the_name_rules_parameters_can_be_set() -> None:
    raw = {
        "rules": {
            "names.variant": {"min_confidence": 0.8, "max_distance": 1},
            "names.stylebook": {"accents": False, "severity": "warning"},
            "names.stylebook-near": False,
        }
    }
    style = parse_house_style(raw, all_rules())
    assert style.rules["names.variant"].params == {"min_confidence": 0.8, "max_distance": 1}
    assert style.rules["names.stylebook"].severity is Severity.WARNING
    assert not style.rules["names.stylebook-near"].enabled
