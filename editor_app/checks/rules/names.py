"""Names: the mistakes copy editors fear most, checked across the whole article.

Three rules share one reading of the article's names (``editor_app.checks.names``):

``names.stylebook`` (error)
    A name the style book lists as a known wrong spelling ("Anthony Blinken"), or
    the book's name with other accents or capitals ("Antonio Guterres"; turn that
    off with ``accents = false``). The book says so: no guessing, so an error.
``names.stylebook-near`` (warning)
    A name within an edit or two of a name in the book ("Keir Starmar"), when the
    evidence says it is a slip and not another person ("Doris Johnson" is left
    alone): a warning, because the book cannot know everyone.
``names.variant`` (warning)
    One person's name spelt two ways in the story: "Stoltenberg" three times and
    "Stoltenburg" once, "Katarina Novak" and "Katerina Novak", or an ordinary word
    standing where the name belongs ("reassured Blinked", "Hall said" of Mayor Hale).

Each finding carries a confidence; ``min_confidence`` hides the less certain
ones and ``max_distance`` bounds how many edits apart two spellings may be.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from editor_app.checks.base import ArticleRule, CheckContext, Finding, Rule, Severity
from editor_app.checks.names.analysis import NameSettings, SharedAnalyzers
from editor_app.checks.names.reporting import IssueKind
from editor_app.model import Article

_ANALYZERS = SharedAnalyzers()
"""The name rules of one checker share one analyzer (it lives as long as the checker's
context), so the article's names are read once per check, not three times."""


class _NameRule(ArticleRule):
    """Runs the shared analysis and reports the issues of one kind."""

    kind: ClassVar[IssueKind]

    def check_article(self, article: Article, context: CheckContext) -> Iterator[Finding]:
        settings = name_settings(context)
        for issue in _ANALYZERS.for_context(context).analyse(
            article,
            settings,
            stylebook=context.stylebook,
            speller=context.speller,
            personal_words=context.personal_words,
        ):
            if issue.kind is self.kind:
                yield self.finding(
                    issue.ref,
                    issue.start,
                    issue.end,
                    issue.text,
                    issue.message,
                    issue.suggestions,
                    issue.confidence,
                )


class StyleBookName(_NameRule):
    id = "names.stylebook"
    kind = IssueKind.BOOK
    default_severity = Severity.ERROR
    reason = "The style book is the newsroom's word on how a name is spelt."
    default_params: ClassVar[Mapping[str, Any]] = {"accents": True}
    fires_on = (
        "Anthony Blinken arrived in Brussels on Tuesday.",
        "The UN Secretary-General, Antonio Guterres, called for calm.",
    )
    passes = (
        "Antony Blinken arrived in Brussels on Tuesday.",
        "The UN Secretary-General, António Guterres, called for calm.",
        "Anthony Hopkins arrived in Cardiff on Tuesday.",
    )


class NearStyleBookName(_NameRule):
    id = "names.stylebook-near"
    kind = IssueKind.NEAR
    default_severity = Severity.WARNING
    reason = "A name one or two letters from a style-book name is usually that name misspelt."
    default_params: ClassVar[Mapping[str, Any]] = {"max_distance": 2, "min_confidence": 0.6}
    fires_on = (
        "Keir Starmar met the cabinet on Tuesday.",
        "Stoltenberg opened the meeting.\n\nLater, Stoltenburg took questions.",
    )
    passes = (
        "Jens Stoltenberg opened the meeting of NATO foreign ministers.",
        "Karl Stoltenburg, a baker from Kiel, opened his shop. Stoltenburg said trade was good.",
        "Doris Johnson opened the village fete.",
    )


class NameVariant(_NameRule):
    id = "names.variant"
    kind = IssueKind.VARIANT
    default_severity = Severity.WARNING
    reason = "One person spelt two ways in one story is a correction waiting to happen."
    default_params: ClassVar[Mapping[str, Any]] = {"max_distance": 2, "min_confidence": 0.6}
    fires_on = (
        "Mayor Dana Hale opened the bridge.\n\nHale said it was overdue. "
        "Hall said the council would pay.\n\nHale thanked the builders.",
        "Ilse Brunnthaler chaired the talks. Brunnthaler said the deal was fair.\n\n"
        "Brunthaler will host the next round. Brunnthaler thanked her guests.",
        "Katarina Novak leads the union. Novak said pay was the issue.\n\n"
        "Katerina Novak added that talks would resume on Monday.",
    )
    passes = (
        "Anna Lee and her sister Anne Lee run the bakery. Anna Lee bakes; "
        "Anne Lee keeps the books.\n\n“We argue,” said Anne Lee. “Every day,” said Anna Lee.",
        "Wang Wei chairs the board. Wang Fei is its secretary.\n\n"
        "Wang Wei said profits rose. Wang Fei said costs fell.",
        "Mayor Dana Hale met councillor Peter Hall.\n\nHale said the budget was tight. "
        "Hall said it was fair.",
        "Vukajlović spoke first. Vukajlović then took questions.",
    )


def name_settings(context: CheckContext) -> NameSettings:
    """The three rules' settings from the house style, whichever rule asks."""
    near = _params(context, NearStyleBookName)
    variant = _params(context, NameVariant)
    return NameSettings(
        book=_enabled(context, StyleBookName),
        near=_enabled(context, NearStyleBookName),
        variant=_enabled(context, NameVariant),
        accents=bool(_params(context, StyleBookName)["accents"]),
        near_max_distance=int(near["max_distance"]),
        near_min_confidence=float(near["min_confidence"]),
        variant_max_distance=int(variant["max_distance"]),
        variant_min_confidence=float(variant["min_confidence"]),
    )


def _params(context: CheckContext, rule_class: type[Rule]) -> Mapping[str, Any]:
    own = context.settings.get(rule_class.id)
    return {**rule_class.default_params, **(own.params if own else {})}


def _enabled(context: CheckContext, rule_class: type[Rule]) -> bool:
    own = context.settings.get(rule_class.id)
    return own is None or own.enabled


RULES = (StyleBookName, NearStyleBookName, NameVariant)
