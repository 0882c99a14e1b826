"""The meta-test: every registered rule documents itself with examples that hold.

Each rule must carry texts it fires on and texts it passes, plus a reason; every
``fires_on`` text must make that rule report something and every ``passes`` text
must leave it silent. The examples run the way the app runs them: the starter
style book and the app's British English dictionary, on an article built from
the example with paragraphs split on blank lines. A paragraph whose lines all
start with ``>`` is a quotation, in the dialect the quote rules document: a
first line ``[!PULLQUOTE]`` makes it a pull quote, a last line ``— Name`` its
attribution.
"""

from __future__ import annotations

import pytest

from editor_app.checks.base import CheckContext, Rule
from editor_app.checks.engine import Checker
from editor_app.checks.registry import all_rules, rule_classes
from editor_app.checks.speller import EnchantSpeller, SpellerUnavailable
from editor_app.checks.stylebook import starter_stylebook
from editor_app.model import Article, Block, BlockQuote, Paragraph, PullQuote, RichText

RULES = all_rules()


def article_from(example: str) -> Article:
    blocks: list[Block] = []
    for chunk in (part.strip() for part in example.split("\n\n")):
        if not chunk:
            continue
        lines = chunk.split("\n")
        if not all(line.startswith(">") for line in lines):
            blocks.append(Paragraph(RichText.plain_text(chunk)))
            continue
        lines = [line[1:].strip() for line in lines]
        pull = lines[0].lower() == "[!pullquote]"
        lines = lines[1:] if pull else lines
        attribution = lines.pop()[2:] if len(lines) > 1 and lines[-1].startswith("— ") else ""
        kind = PullQuote if pull else BlockQuote
        blocks.append(kind(RichText.plain_text(" ".join(lines)), RichText.plain_text(attribution)))
    return Article(body=tuple(blocks))


@pytest.fixture(scope="module")
def context() -> CheckContext:
    try:
        speller = EnchantSpeller("en-GB")
    except SpellerUnavailable as error:
        pytest.skip(f"no en-GB dictionary on this machine: {error}")
    return CheckContext(language="en-GB", stylebook=starter_stylebook(), speller=speller)


def run(rule: Rule, example: str, context: CheckContext) -> list[str]:
    findings = Checker([type(rule)()], context).check(article_from(example))
    return [finding.text for finding in findings if finding.rule_id == rule.id]


def test_some_rules_are_registered() -> None:
    assert {"names.variant", "names.stylebook", "names.stylebook-near"} <= {
        rule.id for rule in RULES
    }


def test_rule_ids_are_unique() -> None:
    ids = [rule.id for rule in rule_classes()]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.id)
def test_rule_documents_itself(rule: Rule) -> None:
    assert rule.fires_on, f"{rule.id} has no fires_on examples"
    assert rule.passes, f"{rule.id} has no passes examples"
    assert rule.reason.strip(), f"{rule.id} has no reason"
    assert rule.id.count(".") >= 1 and rule.id == rule.id.lower()


FIRES = [(rule, example) for rule in RULES for example in rule.fires_on]
PASSES = [(rule, example) for rule in RULES for example in rule.passes]


@pytest.mark.parametrize(
    ("rule", "example"), FIRES, ids=[f"{rule.id}-{n}" for n, (rule, _) in enumerate(FIRES)]
)
def test_rule_fires_on_its_examples(rule: Rule, example: str, context: CheckContext) -> None:
    assert run(rule, example, context), f"{rule.id} stayed silent on: {example!r}"


@pytest.mark.parametrize(
    ("rule", "example"), PASSES, ids=[f"{rule.id}-{n}" for n, (rule, _) in enumerate(PASSES)]
)
def test_rule_passes_its_examples(rule: Rule, example: str, context: CheckContext) -> None:
    found = run(rule, example, context)
    assert not found, f"{rule.id} fired on {found} in: {example!r}"
