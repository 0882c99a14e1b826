"""Prints the median of each benchmark beside its target."""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from benchmarks import checks
from benchmarks.corpus import markdown_article
from editor_app.importers import import_article
from editor_app.model import Article, jsonformat


def median_ms(action: Callable[[], object], repeat: int) -> float:
    action()  # warm-up: imports, caches
    samples = []
    for _ in range(repeat):
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def report(name: str, median: float, target: float) -> None:
    verdict = "ok" if median <= target else "OVER TARGET"
    print(f"{name:<52} median {median:8.2f} ms   target < {target:g} ms   {verdict}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__)
    parser.add_argument("--repeat", type=int, default=15, help="timed runs per benchmark")
    parser.add_argument(
        "--library",
        action="store_true",
        help="time the article library instead (builds an archive under build/bench/ once)",
    )
    parser.add_argument(
        "--articles", type=int, default=10_000, metavar="N", help="archive size for --library"
    )
    parser.add_argument(
        "--editor",
        action="store_true",
        help="time the editor window instead (start-up, typing latency, memory)",
    )
    parser.add_argument(
        "--workspace",
        action="store_true",
        help="time the workspace instead (live checks while typing; with --library, the "
        "library sidebar's search on the --articles archive)",
    )
    args = parser.parse_args(argv)
    if args.workspace:
        from benchmarks import workspace

        workspace.run(args.repeat, args.articles if args.library else None)
        return 0
    if args.editor:
        from benchmarks import editor

        editor.run(args.repeat)
        return 0
    if args.library:
        from benchmarks import library

        library.run(args.articles)
        return 0

    with tempfile.TemporaryDirectory() as folder:
        source = Path(folder) / "long.md"
        source.write_text(markdown_article(20_000), encoding="utf-8")
        article: Article = import_article(source).article
        print(f"article: {article.word_count():,} words, {len(article.body)} blocks")
        report(
            "import a 20,000-word Markdown article",
            median_ms(lambda: import_article(source), args.repeat),
            50,
        )
        saved = Path(folder) / "long.article.json"

        def load_and_save() -> None:
            saved.write_text(jsonformat.dumps(article), encoding="utf-8")
            jsonformat.loads(saved.read_text(encoding="utf-8"))

        report(".article.json save + load of it", median_ms(load_and_save, args.repeat), 20)
        checks.run(Path(folder), args.repeat, median_ms, report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
