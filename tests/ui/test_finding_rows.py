"""The words and the reading-order arithmetic behind the findings panel, on plain findings."""

from __future__ import annotations

from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor_app.checks.base import Finding, Severity
from editor_app.model import Field, TextRange, TextRef
from editor_app.ui.finding_places import place_of, step
from editor_app.ui.finding_rows import family_title, location_text, summary_text, tooltip_html


def finding(ref: TextRef, start: int, text: str, severity: Severity = Severity.ERROR) -> Finding:
    span = TextRange(ref, start, start + len(text))
    return Finding(span, text, "style.x", severity, f"found “{text}”", ("y",))


@pytest.mark.parametrize(
    ("ref", "where"),
    [
        (TextRef(Field.HEADLINE), "Headline"),
        (TextRef(Field.STANDFIRST), "Standfirst"),
        (TextRef(Field.DATELINE), "Dateline"),
        (TextRef(Field.TEXT, 3), "¶ 4"),
        (TextRef(Field.ITEM, 5, 1), "¶ 6 · item 2"),
        (TextRef(Field.ATTRIBUTION, 0), "¶ 1 · attribution"),
    ],
)
def test_location_text(ref: TextRef, where: str) -> None:
    assert location_text(finding(ref, 0, "x")) == where


@pytest.mark.parametrize(
    ("family", "title"), [("names", "Names"), ("quotes", "Quotes"), ("house", "House")]
)
def test_family_titles(family: str, title: str) -> None:
    assert family_title(family) == title


def test_summary_line() -> None:
    assert summary_text((), 0, checking=True) == "Checking…"
    assert summary_text((), 0, checking=False) == "No findings"
    assert (
        summary_text((finding(TextRef(Field.TEXT, 0), 0, "x"),), 2, checking=False)
        == "1 error · 2 hidden"
    )


def test_the_tooltip_escapes_the_articles_text() -> None:
    tip = tooltip_html(
        replace(
            finding(TextRef(Field.TEXT, 0), 0, "late"),
            message="<b>late</b> & slow",
            suggestions=("<i>",),
        )
    )
    assert "&lt;b&gt;late&lt;/b&gt; &amp; slow" in tip and "&lt;i&gt;" in tip


places = st.lists(st.tuples(st.integers(0, 3), st.integers(0, 20)), min_size=1, max_size=12).map(
    sorted
)


@given(places, st.integers(0, 3), st.integers(0, 20))
def test_step_finds_the_first_finding_after_the_cursor(
    spots: list[tuple[int, int]], block: int, offset: int
) -> None:
    findings = [finding(TextRef(Field.TEXT, where), start, "x") for where, start in spots]
    here = (TextRef(Field.TEXT, block).sort_key, offset)
    index, wrapped = step(findings, here, forward=True) or (-1, False)
    after = [number for number, one in enumerate(findings) if place_of(one) > here]
    assert (index, wrapped) == ((after[0], False) if after else (0, True))
    back, wrapped_back = step(findings, here, forward=False) or (-1, False)
    before = [number for number, one in enumerate(findings) if place_of(one) < here]
    assert (back, wrapped_back) == ((before[-1], False) if before else (len(findings) - 1, True))
