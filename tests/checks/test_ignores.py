"""Ignored findings: everywhere in the article, or only at one passage."""

from __future__ import annotations

from editor_app.checks.base import Finding, Severity
from editor_app.checks.ignores import ignore_for, without_ignored
from editor_app.model import Article, Field, Paragraph, RichText, TextRange, TextRef


def _article(*paragraphs: str) -> Article:
    return Article(body=tuple(Paragraph(RichText.plain_text(text)) for text in paragraphs))


def _findings(article: Article, word: str) -> list[Finding]:
    found = []
    for ref, text in article.segments():
        start = text.find(word)
        while start >= 0:
            where = TextRange(ref, start, start + len(word))
            found.append(Finding(where, word, "names.variant", Severity.WARNING, "?"))
            start = text.find(word, start + 1)
    return found


def test_ignore_in_this_article_keeps_every_occurrence() -> None:
    article = _article("Mr Brunthaler said.", "Later Brunthaler left.")
    findings = _findings(article, "Brunthaler")
    ignored = article.with_ignores((ignore_for(findings[0], article, here=False),))
    assert without_ignored(findings, ignored) == []


def test_ignore_here_keeps_only_that_passage() -> None:
    article = _article("Mr Brunthaler said.", "Later Brunthaler left.")
    findings = _findings(article, "Brunthaler")
    ignored = article.with_ignores((ignore_for(findings[1], article, here=True),))
    assert without_ignored(findings, ignored) == [findings[0]]


def test_ignore_here_follows_the_passage_when_paragraphs_move() -> None:
    article = _article("Mr Brunthaler said.", "Later Brunthaler left.")
    ignore = ignore_for(_findings(article, "Brunthaler")[1], article, here=True)
    moved = _article("A new first paragraph.", "Later Brunthaler left.", "Mr Brunthaler said.")
    remaining = without_ignored(_findings(moved, "Brunthaler"), moved.with_ignores((ignore,)))
    assert [finding.range.ref for finding in remaining] == [TextRef(Field.TEXT, 2)]


def test_ignore_here_lapses_when_the_passage_is_rewritten() -> None:
    article = _article("Later Brunthaler left.")
    ignore = ignore_for(_findings(article, "Brunthaler")[0], article, here=True)
    rewritten = _article("Later Brunthaler left the room.")
    findings = _findings(rewritten, "Brunthaler")
    assert without_ignored(findings, rewritten.with_ignores((ignore,))) == findings


def test_an_ignore_for_another_rule_keeps_the_finding() -> None:
    article = _article("Mr Brunthaler said.")
    findings = _findings(article, "Brunthaler")
    other = ignore_for(findings[0], article, here=False)
    other = type(other)("spelling.unknown-word", other.text)
    assert without_ignored(findings, article.with_ignores((other,))) == findings
