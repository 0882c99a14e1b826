"""House style files: which rules run, how severe they are, and their parameters.

A house style is TOML, like a Vale style::

    language = "en-US"            # optional: the spelling variant

    [rules]
    "style.double-space" = false                      # off
    "names.variant" = "warning"                       # on, with this severity
    "style.long-sentence" = { max_words = 45 }        # parameters
    "spelling.unknown-word" = { enabled = true, severity = "suggestion" }
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from editor_app.checks.base import Rule, RuleSettings, Severity
from editor_app.errors import ArticleEditorError


class StyleConfigError(ArticleEditorError):
    """A house style file that cannot be read or names things that do not exist."""


@dataclass(frozen=True)
class HouseStyle:
    language: str | None = None
    rules: Mapping[str, RuleSettings] = field(default_factory=dict)

    def settings_for(self, rule: Rule) -> RuleSettings:
        return self.rules.get(rule.id, RuleSettings(enabled=True, severity=rule.default_severity))


def load_house_style(path: Path, known_rules: Iterable[Rule]) -> HouseStyle:
    try:
        raw = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as error:
        raise StyleConfigError(f"cannot read house style {path}: {error.strerror}") from None
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise StyleConfigError(f"house style {path.name} is not valid TOML: {error}") from None
    return parse_house_style(raw, known_rules, source=path.name)


def parse_house_style(
    raw: Mapping[str, Any], known_rules: Iterable[Rule], source: str = "house style"
) -> HouseStyle:
    rules_by_id = {rule.id: rule for rule in known_rules}
    language = raw.get("language")
    if language is not None and not isinstance(language, str):
        raise StyleConfigError(f"{source}: 'language' must be a string such as \"en-GB\"")
    table = raw.get("rules", {})
    if not isinstance(table, dict):
        raise StyleConfigError(f"{source}: [rules] must be a table")
    settings: dict[str, RuleSettings] = {}
    for rule_id, value in table.items():
        rule = rules_by_id.get(rule_id)
        if rule is None:
            raise StyleConfigError(f"{source}: no rule called '{rule_id}'")
        settings[rule_id] = _settings_from(value, rule, source)
    return HouseStyle(language=language, rules=settings)


def _severity(value: object, rule_id: str, source: str) -> Severity:
    try:
        return Severity(str(value))
    except ValueError:
        names = ", ".join(s.value for s in Severity)
        raise StyleConfigError(
            f"{source}: '{rule_id}' has severity '{value}'; use one of {names}"
        ) from None


def _settings_from(value: object, rule: Rule, source: str) -> RuleSettings:
    if isinstance(value, bool):
        return RuleSettings(enabled=value, severity=rule.default_severity)
    if isinstance(value, str):
        return RuleSettings(enabled=True, severity=_severity(value, rule.id, source))
    if isinstance(value, dict):
        params = dict(value)
        enabled = params.pop("enabled", True)
        severity = _severity(params.pop("severity", rule.default_severity), rule.id, source)
        unknown = set(params) - set(rule.default_params)
        if unknown:
            raise StyleConfigError(
                f"{source}: '{rule.id}' has no parameter {', '.join(sorted(unknown))}"
            )
        return RuleSettings(enabled=bool(enabled), severity=severity, params=params)
    raise StyleConfigError(f"{source}: '{rule.id}' must be true, false, a severity or a table")
