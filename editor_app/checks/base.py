"""What a rule is and what it reports.

Two kinds of rule: a ``SegmentRule`` looks at one piece of text at a time (a
paragraph, a list item, the headline) and its results are cached by text, so
re-checking after an edit costs only the edited paragraph; an ``ArticleRule``
needs the whole article (the name rules compare every mention of a name).

Each rule carries a stable dotted id, a default severity, a one-line reason and
examples that must and must not fire; ``tests/checks/test_rule_examples.py``
runs every example and fails for a rule without both kinds.
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import TYPE_CHECKING, Any, ClassVar, Protocol

from editor_app.model import Article, TextRange, TextRef

if TYPE_CHECKING:
    from editor_app.checks.stylebook import StyleBook


class Severity(StrEnum):
    ERROR = "error"
    WARNING = "warning"
    SUGGESTION = "suggestion"


@dataclass(frozen=True)
class Finding:
    """One problem at one place, with the fixes to offer, best first.

    ``confidence`` (0–1) ranks findings and lets a house style hide the
    uncertain ones; it is the rule's own estimate, not a probability.
    """

    range: TextRange
    text: str
    rule_id: str
    severity: Severity
    message: str
    suggestions: tuple[str, ...] = ()
    confidence: float = 1.0

    @property
    def family(self) -> str:
        return self.rule_id.split(".", 1)[0]


class Speller(Protocol):
    """A spelling dictionary: what the spelling rules need of one."""

    def check(self, word: str) -> bool: ...

    def suggest(self, word: str) -> list[str]: ...


@dataclass(frozen=True)
class RuleSettings:
    enabled: bool
    severity: Severity
    params: Mapping[str, Any] = field(default_factory=dict)


@dataclass
class CheckContext:
    """Everything a rule may consult besides the text itself."""

    language: str = "en-GB"
    stylebook: StyleBook | None = None
    speller: Speller | None = None
    personal_words: frozenset[str] = frozenset()
    settings: Mapping[str, RuleSettings] = field(default_factory=dict)

    def params_for(self, rule: Rule) -> Mapping[str, Any]:
        own = self.settings.get(rule.id)
        return {**rule.default_params, **(own.params if own else {})}


class Rule(ABC):
    id: ClassVar[str]
    default_severity: ClassVar[Severity]
    reason: ClassVar[str]
    """One line: why a copy editor wants this rule."""
    default_params: ClassVar[Mapping[str, Any]] = {}
    fires_on: ClassVar[tuple[str, ...]] = ()
    """Texts (paragraphs separated by blank lines) on which the rule must fire."""
    passes: ClassVar[tuple[str, ...]] = ()
    """Texts on which the rule must stay silent."""

    @property
    def family(self) -> str:
        return self.id.split(".", 1)[0]

    def finding(
        self,
        ref: TextRef,
        start: int,
        end: int,
        text: str,
        message: str,
        suggestions: Iterable[str] = (),
        confidence: float = 1.0,
    ) -> Finding:
        """A finding with this rule's id and default severity; the engine applies the
        house style's severity afterwards."""
        return Finding(
            range=TextRange(ref, start, end),
            text=text,
            rule_id=self.id,
            severity=self.default_severity,
            message=message,
            suggestions=tuple(suggestions),
            confidence=confidence,
        )


class SegmentRule(Rule):
    @abstractmethod
    def check_segment(self, ref: TextRef, text: str, context: CheckContext) -> Iterable[Finding]:
        """Findings inside one piece of text; must depend only on ``text`` and ``context``."""


class ArticleRule(Rule):
    @abstractmethod
    def check_article(self, article: Article, context: CheckContext) -> Iterable[Finding]:
        """Findings that need the whole article."""
