"""How well the name rules do on a labelled corpus, with floors they must stay above.

The corpus (``tests/data/corpus/``, described in its README) holds articles with
planted name errors and clean articles dense with look-alike names. The figures
are printed (``pytest -s``) and written to ``build/quality/names.json`` for the
benchmarks. A test also runs the rules on the real scraped article in
``/work/shared/reference/`` when it is there.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

import pytest

from editor_app.checks.base import CheckContext, Finding
from editor_app.checks.engine import Checker
from editor_app.checks.registry import all_rules
from editor_app.checks.speller import EnchantSpeller, SpellerUnavailable
from editor_app.checks.stylebook import starter_stylebook
from editor_app.model import (
    Article,
    Block,
    BlockQuote,
    Heading,
    Metadata,
    Paragraph,
    RichText,
    TextRef,
)
from tests.sample_article import load_sample_article, planted_errors

CORPUS = Path(__file__).resolve().parents[1] / "data" / "corpus"
REPORT = Path(__file__).resolve().parents[2] / "build" / "quality" / "names.json"
REFERENCE = Path(__file__).resolve().parents[3] / "shared" / "reference" / "scraped-article.txt"

PRECISION_FLOOR = 0.95
RECALL_FLOOR = 0.90
FALSE_ALARMS_PER_5000_CEILING = 1.0
CORRECTION_FLOOR = 0.90
"""Of the errors found, how many have the labelled correction as the first suggestion."""


# -- loading -----------------------------------------------------------------------------


def load_article(path: Path) -> Article:
    """The corpus's Markdown subset: "# " headline, "## " heading, "> " quote,
    blocks separated by blank lines."""
    headline = ""
    blocks: list[Block] = []
    for chunk in path.read_text(encoding="utf-8").split("\n\n"):
        chunk = chunk.strip()
        if not chunk:
            continue
        lines = chunk.splitlines()
        if chunk.startswith("# "):
            headline = chunk[2:].strip()
        elif chunk.startswith("## "):
            blocks.append(Heading(RichText.plain_text(chunk[3:].strip())))
        elif all(line.startswith(">") for line in lines):
            quote = " ".join(line[1:].strip() for line in lines)
            blocks.append(BlockQuote(RichText.plain_text(quote)))
        else:
            blocks.append(Paragraph(RichText.plain_text(" ".join(lines))))
    return Article(meta=Metadata(headline=headline), body=tuple(blocks))


@dataclass(frozen=True)
class Label:
    ref: TextRef
    start: int
    end: int
    text: str
    suggestion: str
    kind: str


def load_labels(path: Path, article: Article) -> list[Label]:
    records = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["errors"]
    labels = []
    for record in records:
        assert record["rule_family"] == "names", record
        ref, start = _occurrence(article, record["text"], record["occurrence"])
        labels.append(
            Label(
                ref,
                start,
                start + len(record["text"]),
                record["text"],
                record["suggestion"],
                record["kind"],
            )
        )
    return labels


def _occurrence(article: Article, text: str, occurrence: int) -> tuple[TextRef, int]:
    pattern = re.compile(rf"(?<!\w){re.escape(text)}(?!\w)")
    seen = 0
    for ref, segment in article.segments():
        for match in pattern.finditer(segment):
            seen += 1
            if seen == occurrence:
                return ref, match.start()
    raise AssertionError(f"occurrence {occurrence} of {text!r} is not in the article")


# -- scoring -----------------------------------------------------------------------------


@dataclass
class Score:
    findings: int = 0
    true_findings: int = 0
    labels: int = 0
    found: int = 0
    corrected: int = 0
    clean_findings: int = 0
    clean_words: int = 0
    error_words: int = 0

    @property
    def precision(self) -> float:
        return self.true_findings / self.findings if self.findings else 1.0

    @property
    def recall(self) -> float:
        return self.found / self.labels if self.labels else 1.0

    @property
    def correction(self) -> float:
        return self.corrected / self.found if self.found else 1.0

    @property
    def false_alarms_per_5000(self) -> float:
        return self.clean_findings * 5000 / self.clean_words if self.clean_words else 0.0


def _overlaps(finding: Finding, label: Label) -> bool:
    where = finding.range
    return where.ref == label.ref and where.start < label.end and label.start < where.end


def _fixes(finding: Finding, label: Label, article: Article) -> bool:
    text = article.text_at(label.ref)
    expected = text[: label.start] + label.suggestion + text[label.end :]
    if not finding.suggestions:
        return False
    where = finding.range
    offered = text[: where.start] + finding.suggestions[0] + text[where.end :]
    return offered == expected


@pytest.fixture(scope="module")
def context() -> CheckContext:
    try:
        speller = EnchantSpeller("en-GB")
    except SpellerUnavailable as error:
        pytest.skip(f"no en-GB dictionary on this machine: {error}")
    return CheckContext(language="en-GB", stylebook=starter_stylebook(), speller=speller)


def name_findings(article: Article, context: CheckContext) -> list[Finding]:
    rules = [rule for rule in all_rules() if rule.family == "names"]
    return Checker(rules, context).check(article)


@pytest.fixture(scope="module")
def score(context: CheckContext) -> Score:
    result = Score()
    by_kind: dict[str, list[int]] = {}
    for path in sorted((CORPUS / "errors").glob("*.md")):
        article = load_article(path)
        labels = load_labels(path, article)
        findings = name_findings(article, context)
        result.error_words += article.word_count()
        result.findings += len(findings)
        result.true_findings += sum(
            1 for finding in findings if any(_overlaps(finding, label) for label in labels)
        )
        for label in labels:
            hits = [finding for finding in findings if _overlaps(finding, label)]
            result.labels += 1
            result.found += bool(hits)
            result.corrected += any(_fixes(finding, label, article) for finding in hits)
            tally = by_kind.setdefault(label.kind, [0, 0])
            tally[0] += 1
            tally[1] += bool(hits)
    for path in sorted((CORPUS / "clean").glob("*.md")):
        article = load_article(path)
        assert not load_labels(path, article), f"{path.name} is clean but has labels"
        result.clean_words += article.word_count()
        result.clean_findings += len(name_findings(article, context))
    _report(result, by_kind)
    return result


def _report(result: Score, by_kind: dict[str, list[int]]) -> None:
    figures = {
        "precision": round(result.precision, 4),
        "recall": round(result.recall, 4),
        "correction": round(result.correction, 4),
        "false_alarms_per_5000_clean_words": round(result.false_alarms_per_5000, 3),
        "findings": result.findings,
        "true_findings": result.true_findings,
        "labels": result.labels,
        "found": result.found,
        "clean_findings": result.clean_findings,
        "clean_words": result.clean_words,
        "error_words": result.error_words,
        "recall_by_kind": {kind: found / total for kind, (total, found) in by_kind.items()},
    }
    print("\nnames corpus:", json.dumps(figures, indent=2))
    REPORT.parent.mkdir(parents=True, exist_ok=True)
    REPORT.write_text(json.dumps(figures, indent=2) + "\n", encoding="utf-8")


# -- the corpus ----------------------------------------------------------------------------


def test_corpus_is_big_enough() -> None:
    errors = sorted((CORPUS / "errors").glob("*.md"))
    clean = sorted((CORPUS / "clean").glob("*.md"))
    assert len(errors) >= 12 and len(clean) >= 8
    planted = sum(
        len(json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["errors"])
        for path in errors
    )
    assert planted >= 40
    assert sum(load_article(path).word_count() for path in clean) >= 5000
    kinds = {
        record["kind"]
        for path in errors
        for record in json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))["errors"]
    }
    assert kinds == {"variant", "real-word", "stylebook"}


@pytest.mark.parametrize("path", sorted(CORPUS.glob("*/*.md")), ids=lambda path: path.stem)
def test_every_label_points_at_its_text(path: Path) -> None:
    article = load_article(path)
    for label in load_labels(path, article):
        assert article.text_at(label.ref)[label.start : label.end] == label.text
        assert label.suggestion != label.text


def test_precision(score: Score) -> None:
    assert score.precision >= PRECISION_FLOOR


def test_recall(score: Score) -> None:
    assert score.recall >= RECALL_FLOOR


def test_false_alarms_on_clean_articles(score: Score) -> None:
    assert score.false_alarms_per_5000 <= FALSE_ALARMS_PER_5000_CEILING


def test_found_errors_come_with_the_right_correction(score: Score) -> None:
    assert score.correction >= CORRECTION_FLOOR


def test_report_is_written_for_the_benchmarks(score: Score) -> None:
    figures = json.loads(REPORT.read_text(encoding="utf-8"))
    assert figures["labels"] == score.labels
    assert figures["precision"] == round(score.precision, 4)


# -- the real article ------------------------------------------------------------------------


@pytest.fixture(scope="module")
def reference() -> Article:
    if not REFERENCE.is_file():
        pytest.skip(f"the reference article is not on this machine ({REFERENCE})")
    paragraphs = [
        part.strip() for part in REFERENCE.read_text(encoding="utf-8").split("\n\n") if part.strip()
    ]
    return Article(body=tuple(Paragraph(RichText.plain_text(part)) for part in paragraphs))


def test_reference_article_findings(reference: Article, context: CheckContext) -> None:
    findings = name_findings(reference, context)
    found = {(finding.text, finding.suggestions[0]) for finding in findings}
    assert found == {("Blinked", "Blinken"), ("Anthony Blinken", "Antony Blinken")}


def test_sample_article_names_are_caught(context: CheckContext) -> None:
    """The sample opened on first run: its planted name errors, and nothing else."""
    findings = name_findings(load_sample_article(), context)
    found = {(finding.text, finding.suggestions[0]) for finding in findings}
    assert found == {(error.wrong, error.right) for error in planted_errors()}
