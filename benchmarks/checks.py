"""Timings of the style checks: full check, re-check after one edit, and the whole
``article-editor check`` process beside proselint on the same text."""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from benchmarks.corpus import paragraphs
from editor_app.checks.setup import build_checker
from editor_app.model import Article, Metadata, Paragraph, RichText

Report = Callable[[str, float, float], None]
Timer = Callable[[Callable[[], object], int], float]


def article_of(word_count: int) -> Article:
    body = tuple(Paragraph(RichText.plain_text(text)) for text in paragraphs(word_count))
    return Article(Metadata(headline="Council debates tram budget"), body)


def run(folder: Path, repeat: int, median_ms: Timer, report: Report) -> None:
    article = article_of(10_000)
    print(f"checks on {article.word_count():,} words, {len(article.body)} paragraphs")
    report(
        "full check (new checker, cold caches)",
        median_ms(lambda: build_checker().checker.check(article), repeat),
        150,
    )
    checker = build_checker().checker
    checker.check(article)
    edits = iter(range(10**9))

    def edit_one_paragraph_and_recheck() -> None:
        index = next(edits) % len(article.body)
        text = article.body[index]
        assert isinstance(text, Paragraph)
        changed = Paragraph(RichText.plain_text(text.content.plain + f" Edit {index}."))
        body = (*article.body[:index], changed, *article.body[index + 1 :])
        checker.check(replace(article, body=body))

    report(
        "re-check after editing one paragraph", median_ms(edit_one_paragraph_and_recheck, repeat), 5
    )
    _compare_with_proselint(folder, article, max(3, repeat // 3))


def _process_ms(command: list[str], runs: int) -> float:
    samples = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(command, capture_output=True, check=False)
        samples.append((time.perf_counter() - start) * 1000)
    return sorted(samples)[len(samples) // 2]


def _compare_with_proselint(folder: Path, article: Article, runs: int) -> None:
    source = folder / "long.txt"
    source.write_text(
        article.meta.headline + "\n\n" + article.plain_body() + "\n", encoding="utf-8"
    )
    ours = _process_ms([sys.executable, "-m", "editor_app", "check", str(source)], runs)
    print(f"{'article-editor check process (10,000 words)':<52} median {ours:8.0f} ms")
    proselint = shutil.which("proselint", path=str(Path(sys.executable).parent))
    if proselint is None:
        print("proselint is not installed (pip install proselint): no comparison")
        return
    theirs = _process_ms([proselint, "check", str(source)], runs)
    print(f"{'proselint check process (same text)':<52} median {theirs:8.0f} ms")
    print(f"{'ratio article-editor / proselint':<52} {ours / theirs:8.2f}")
