"""What the findings panel shows for a finding: group titles, "¶ 4", the summary, the dots.

Kept apart from the panel so the words are small functions a test can call on
plain findings, and the panel stays wiring.
"""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable, Sequence

from PySide6.QtCore import QCoreApplication, QRectF, Qt
from PySide6.QtGui import QIcon, QPainter, QPalette, QPen, QPixmap

from editor_app.checks.base import Finding, Severity
from editor_app.model import Field
from editor_app.ui.finding_marks import severity_colour

FAMILY_ORDER = ("names", "spelling", "style", "quotes")
"""Known families first, in this order; any other family follows, alphabetically."""

SEVERITY_FILTERS: tuple[tuple[str, frozenset[Severity]], ...] = (
    ("All", frozenset(Severity)),
    ("Warnings and errors", frozenset({Severity.ERROR, Severity.WARNING})),
    ("Errors", frozenset({Severity.ERROR})),
)
"""The panel's severity filter: the combo's text and the severities it shows."""

_FIELD_NAMES = {
    Field.HEADLINE: "Headline",
    Field.STANDFIRST: "Standfirst",
    Field.BYLINE: "Byline",
    Field.DATELINE: "Dateline",
}
_FAMILY_NAMES = {"names": "Names", "spelling": "Spelling", "style": "Style", "quotes": "Quotes"}
_SEVERITY_WORDS = {
    Severity.ERROR: ("{count} error", "{count} errors"),
    Severity.WARNING: ("{count} warning", "{count} warnings"),
    Severity.SUGGESTION: ("{count} suggestion", "{count} suggestions"),
}


def tr(text: str) -> str:
    return QCoreApplication.translate("FindingsPanel", text)


def family_title(family: str) -> str:
    """ "names" → "Names"; a family the app does not know is shown capitalised."""
    known = _FAMILY_NAMES.get(family)
    return tr(known) if known else family.capitalize()


def family_sort_key(family: str) -> tuple[int, str]:
    order = FAMILY_ORDER.index(family) if family in FAMILY_ORDER else len(FAMILY_ORDER)
    return order, family


def grouped(findings: Iterable[Finding]) -> list[tuple[str, list[Finding]]]:
    """The findings by family, families in the panel's order, each in reading order."""
    families: dict[str, list[Finding]] = {}
    for finding in findings:
        families.setdefault(finding.family, []).append(finding)
    return [(name, families[name]) for name in sorted(families, key=family_sort_key)]


def location_text(finding: Finding) -> str:
    """Where the finding is, as a copy editor says it: "Headline", "¶ 4", "¶ 6 · item 2"."""
    ref = finding.range.ref
    if ref.block < 0:
        return tr(_FIELD_NAMES.get(ref.field, ref.field.value.capitalize()))
    where = tr("¶ {number}").format(number=ref.block + 1)
    if ref.field is Field.ITEM:
        return tr("{where} · item {number}").format(where=where, number=ref.item + 1)
    if ref.field is Field.ATTRIBUTION:
        return tr("{where} · attribution").format(where=where)
    return where


def summary_text(shown: Sequence[Finding], hidden: int, checking: bool) -> str:
    """ "3 errors · 5 warnings · 2 suggestions", "No findings" or "Checking…"."""
    counts = Counter(finding.severity for finding in shown)
    parts = []
    for severity in Severity:
        if counts[severity]:
            one, many = _SEVERITY_WORDS[severity]
            parts.append(tr(one if counts[severity] == 1 else many).format(count=counts[severity]))
    if not parts:
        if checking and not hidden:
            return tr("Checking…")
        parts.append(tr("No findings") if not hidden else tr("Nothing at this severity"))
    if hidden:
        parts.append(tr("{count} hidden").format(count=hidden))
    return " · ".join(parts)


def tooltip_html(finding: Finding) -> str:
    """The message, the suggestions and the rule id (escaped: the text is the article's)."""
    lines = [f"<p><b>{html.escape(finding.message)}</b></p>"]
    if finding.suggestions:
        offered = ", ".join(f"“{html.escape(text)}”" for text in finding.suggestions[:5])
        lines.append(f"<p>{html.escape(tr('Suggestions:'))} {offered}</p>")
    rule = html.escape(tr("Rule: {rule} ({severity})"))
    rule = rule.format(rule=html.escape(finding.rule_id), severity=finding.severity.value)
    lines.append(f"<p><small>{rule}</small></p>")
    return "".join(lines)


def severity_icon(severity: Severity, palette: QPalette) -> QIcon:
    """A filled dot in the colour of the severity's underline in the text."""
    pixmap = QPixmap(32, 32)  # scaled down to the view's icon size: crisp on high-DPI screens
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    # A ring in the base colour keeps the dot visible on a selected row's highlight.
    painter.setPen(QPen(palette.color(QPalette.ColorRole.Base), 2.5))
    painter.setBrush(severity_colour(severity, palette))
    painter.drawEllipse(QRectF(7, 7, 18, 18))
    painter.end()
    return QIcon(pixmap)
