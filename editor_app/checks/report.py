"""Findings as the ``check`` command prints them: text lines or one JSON array."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass

from editor_app.checks.base import Finding, Severity
from editor_app.checks.locate import SourceSpan


@dataclass(frozen=True)
class LocatedFinding:
    file: str
    span: SourceSpan
    finding: Finding


def text_line(item: LocatedFinding) -> str:
    """``FILE:LINE:COL: SEVERITY RULE: MESSAGE (suggestion: …)``"""
    finding = item.finding
    line = (
        f"{item.file}:{item.span.line}:{item.span.column}: "
        f"{finding.severity.value} {finding.rule_id}: {finding.message}"
    )
    if finding.suggestions:
        line += f" (suggestion: {' / '.join(finding.suggestions)})"
    return line


def as_json(items: Iterable[LocatedFinding]) -> str:
    return json.dumps(
        [
            {
                "file": item.file,
                "line": item.span.line,
                "column": item.span.column,
                "end_line": item.span.end_line,
                "end_column": item.span.end_column,
                "text": item.finding.text,
                "rule": item.finding.rule_id,
                "severity": item.finding.severity.value,
                "message": item.finding.message,
                "suggestions": list(item.finding.suggestions),
                "confidence": round(item.finding.confidence, 3),
                "where": str(item.finding.range.ref),
            }
            for item in items
        ],
        ensure_ascii=False,
        indent=2,
    )


def has_errors(findings: Iterable[Finding]) -> bool:
    return any(finding.severity is Severity.ERROR for finding in findings)
