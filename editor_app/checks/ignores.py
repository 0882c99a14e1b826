"""Findings the editor chose to keep ("Ignore here", "Ignore in this article").

An ignore names the rule and the flagged text; "here" also names the words around
that occurrence, so it survives edits elsewhere and paragraphs moving, and lapses
when the passage itself is rewritten (the finding is then worth a fresh look).
"""

from __future__ import annotations

from collections.abc import Iterable

from editor_app.checks.base import Finding
from editor_app.model import Article, CheckIgnore

CONTEXT_CHARACTERS = 24
"""How much text either side of a finding identifies "here"."""


def context_of(finding: Finding, segment_text: str) -> str:
    """The text around ``finding`` in its segment, marking where it sits."""
    start, end = finding.range.start, finding.range.end
    before = segment_text[max(start - CONTEXT_CHARACTERS, 0) : start]
    after = segment_text[end : end + CONTEXT_CHARACTERS]
    return f"{before}\u2016{segment_text[start:end]}\u2016{after}"


def ignore_for(finding: Finding, article: Article, *, here: bool) -> CheckIgnore:
    """The ignore that keeps ``finding`` (only this occurrence when ``here``)."""
    if not here:
        return CheckIgnore(finding.rule_id, finding.text)
    try:
        segment = article.text_at(finding.range.ref)
    except KeyError:
        return CheckIgnore(finding.rule_id, finding.text)
    return CheckIgnore(finding.rule_id, finding.text, context_of(finding, segment))


def without_ignored(findings: Iterable[Finding], article: Article) -> list[Finding]:
    """``findings`` less those the article's ignores keep."""
    findings = list(findings)
    if not article.ignores:
        return findings
    everywhere = {(item.rule_id, item.text) for item in article.ignores if item.everywhere}
    here = {(item.rule_id, item.text, item.context) for item in article.ignores if item.context}
    here_words = {key[:2] for key in here}
    segments: dict[object, str] = {}
    kept: list[Finding] = []
    for finding in findings:
        if (finding.rule_id, finding.text) in everywhere:
            continue
        if (finding.rule_id, finding.text) in here_words:
            ref = finding.range.ref
            if ref not in segments:
                try:
                    segments[ref] = article.text_at(ref)
                except KeyError:
                    segments[ref] = ""
            if (finding.rule_id, finding.text, context_of(finding, segments[ref])) in here:
                continue
        kept.append(finding)
    return kept
