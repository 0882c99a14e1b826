"""Timings of the article library on a generated archive, each beside the same work done
with raw ``sqlite3`` on the same file, so the cost of the library's layers is visible.

The archive is built once under ``build/bench/`` and reused by later runs with the same
size and seed (building 100,000 articles takes minutes). It is generated data, never
committed.
"""

from __future__ import annotations

import json
import random
import sqlite3
import statistics
import time
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from benchmarks.library_corpus import ARCHIVE_VERSION, FIRST_NAMES, SURNAMES, archive
from editor_app.library import Library, SearchFilters, open_library
from editor_app.model import Article, Paragraph, RichText, Status, jsonformat

BENCH_FOLDER = Path("build") / "bench"
SEED = 2024
TARGETS_MS = {"search": 30.0, "get": 20.0, "save": 30.0, "open": 100.0}
"""The p95 each library operation must stay under."""


@dataclass(frozen=True)
class Query:
    """One search, as typed in the app and as the FTS5 expression raw SQL gets."""

    typed: str
    fts: str
    status: Status | None = None


def _words(*words: str) -> Query:
    return Query(" ".join(words), " ".join(f'"{word}"' for word in words))


def _prefix(stem: str) -> Query:
    return Query(f"{stem}*", f'"{stem}"*')


def _phrase(phrase: str) -> Query:
    return Query(f'"{phrase}"', f'"{phrase}"')


def _filtered(query: Query, status: Status) -> Query:
    return Query(query.typed, query.fts, status)


QUERIES: tuple[Query, ...] = (
    # very common words, alone and together
    *(_words(word) for word in ("council", "minister", "budget", "hospital", "police")),
    *(_words(*pair.split()) for pair in ("tram budget", "energy bills", "school teachers")),
    *(_words(*pair.split()) for pair in ("court trial", "flooding river", "housing rent")),
    # surnames and full names
    *(_words(name) for name in SURNAMES[:8]),
    *(
        _words(f"{first}", f"{last}")
        for first, last in zip(FIRST_NAMES[:6], SURNAMES[8:14], strict=True)
    ),
    # places, and rarer words
    *(_words(place) for place in ("Leeds", "Rotterdam", "Gdansk", "Bilbao")),
    # prefixes
    *(_prefix(stem) for stem in ("negot", "constr", "hosp", "elect", "fest", "Sand")),
    # phrases
    *(_phrase(text) for text in ("tram line", "chief executive", "interest rates")),
    *(_phrase(text) for text in ("the council said", "waiting lists")),
    # with a filter
    *(
        _filtered(_words(word), status)
        for word, status in (
            ("council", Status.PUBLISHED),
            ("budget", Status.DRAFT),
            ("Sandoval", Status.IN_EDIT),
            ("energy", Status.READY),
            ("hospital", Status.PUBLISHED),
            ("strike", Status.DRAFT),
        )
    ),
    _filtered(_prefix("negot"), Status.PUBLISHED),
    _filtered(_phrase("tram line"), Status.PUBLISHED),
    _filtered(_words("Leeds", "council"), Status.READY),
    _filtered(_words("Mira", "Sandoval"), Status.PUBLISHED),
)


# -- the archive -------------------------------------------------------------------------


def archive_path(count: int, seed: int) -> Path:
    return BENCH_FOLDER / f"library-{count}-seed{seed}.sqlite3"


def prepared_archive(count: int, seed: int) -> Path:
    """The archive file, built now unless a complete one with these parameters exists."""
    path = archive_path(count, seed)
    marker = path.with_suffix(".complete.json")
    expected = {"articles": count, "seed": seed, "generator": ARCHIVE_VERSION}
    if path.exists() and marker.exists() and json.loads(marker.read_text()) == expected:
        print(f"reusing {path}")
        return path
    for stale in (marker, *path.parent.glob(f"{path.name}*")):  # with -wal, -shm, .bak-*
        stale.unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    print(f"building {path}: {count:,} articles of about 800 words (seed {seed})")
    load_archive(path, count, seed)
    marker.write_text(json.dumps(expected))
    return path


def load_archive(path: Path, count: int, seed: int) -> None:
    started = time.perf_counter()
    step = max(1, count // 10)

    def reported() -> Iterator[Article]:
        for number, article in enumerate(archive(count, seed), start=1):
            if number % step == 0 or number == count:
                elapsed = time.perf_counter() - started
                print(f"  {number:>9,} articles  {elapsed:7.1f} s")
            yield article

    with open_library(path) as library:
        library.add_articles(reported(), author="Archive Desk", note="benchmark archive")
    total = time.perf_counter() - started
    print(
        f"loaded {count:,} articles in {total:.1f} s ({total / count * 1000:.2f} ms per "
        f"article with generating, add_articles: one transaction per 500)"
    )


# -- measuring ---------------------------------------------------------------------------


@dataclass(frozen=True)
class Timing:
    median: float
    p95: float


def timed(actions: Iterator[Callable[[], object]]) -> Timing:
    samples = []
    for action in actions:
        start = time.perf_counter()
        action()
        samples.append((time.perf_counter() - start) * 1000)
    cuts = statistics.quantiles(samples, n=100, method="inclusive")
    return Timing(statistics.median(samples), cuts[94])


def print_row(name: str, ours: Timing, raw: Timing, target: float) -> None:
    verdict = "ok" if ours.p95 < target else "OVER TARGET"
    print(
        f"{name:<30} {ours.median:7.2f} {ours.p95:7.2f}   {raw.median:7.2f} {raw.p95:7.2f}"
        f"   {ours.median / raw.median:6.1f}x   p95 < {target:g} ms {verdict}"
    )


def raw_connection(path: Path) -> sqlite3.Connection:
    """A connection set up as the library sets up its own (same durability)."""
    connection = sqlite3.connect(path, isolation_level=None)
    for pragma in RAW_PRAGMAS:
        connection.execute(f"PRAGMA {pragma}")
    return connection


RAW_PRAGMAS = ("journal_mode=WAL", "foreign_keys=ON", "busy_timeout=5000", "synchronous=FULL")


RAW_RANK_ALL = """
    SELECT article_search.rowid, rank FROM article_search {join}
    WHERE article_search MATCH ? {status}
    ORDER BY rank LIMIT 20
"""
"""The textbook query: bm25 over every match, the best 20 ids. ``ORDER BY rank`` lets FTS5
keep only the best rows as it scores (``ORDER BY bm25(...)`` sorts them all: slower)."""

RAW_RANK_NEWEST = """
    SELECT id, score FROM (
        SELECT article_search.rowid AS id, bm25(article_search, 10, 5, 1, 2, 4) AS score
        FROM article_search {join}
        WHERE article_search MATCH ? {status}
        ORDER BY article_search.rowid DESC LIMIT 1000
    ) ORDER BY score LIMIT 20
"""
"""What the library does (``search_query.CANDIDATES``): bm25 over the newest 1,000 matches
only, so a word found in nearly every article costs what a rarer one does."""

_STATUS_JOIN = "JOIN articles AS a ON a.id = article_search.rowid"
_STATUS_CONDITION = "AND a.status = ? AND a.deleted_at IS NULL"


def raw_search(
    connection: sqlite3.Connection, query: Query, template: str = RAW_RANK_NEWEST
) -> list[tuple[object, ...]]:
    """The ids of the best 20 matches (no snippets, headlines or sections: the floor)."""
    if query.status is None:
        return connection.execute(template.format(join="", status=""), (query.fts,)).fetchall()
    sql = template.format(join=_STATUS_JOIN, status=_STATUS_CONDITION)
    return connection.execute(sql, (query.fts, query.status.value)).fetchall()


def raw_save(connection: sqlite3.Connection, article_id: int, article: Article) -> None:
    """What a save is at heart: the current text becomes a revision, the new one replaces it
    (and the search triggers re-index it, as they do for the library)."""
    now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
    values = {
        "id": article_id,
        "now": now,
        "body": jsonformat.dumps(article),
        "text": article.plain_body(),
        "headline": article.meta.headline,
        "words": article.word_count(),
    }
    with connection:
        connection.execute("BEGIN IMMEDIATE")
        connection.execute(
            """INSERT INTO revisions
                 (article_id, number, saved_at, author, note, headline, word_count, body_json)
               SELECT id, (SELECT coalesce(max(number), 0) + 1 FROM revisions
                           WHERE article_id = :id),
                      :now, saved_by, save_note, headline, word_count, body_json
               FROM articles WHERE id = :id""",
            values,
        )
        connection.execute(
            """UPDATE articles SET body_json = :body, body_text = :text, headline = :headline,
                                   word_count = :words, updated = :now,
                                   version = version + 1, saved_by = 'raw', save_note = ''
               WHERE id = :id""",
            values,
        )


def run(count: int, seed: int = SEED, samples: int = 200) -> None:
    path = prepared_archive(count, seed)
    size = sum(item.stat().st_size for item in path.parent.glob(f"{path.name}*"))
    print(f"library: {count:,} articles, {size / 2**20:,.0f} MB on disk")
    picker = random.Random(seed)
    ids = picker.sample(range(1, count + 1), min(samples, count))
    print(f"{'':<30} {'library (ms)':>15}   {'raw sqlite3 (ms)':>15}")
    print(f"{'operation':<30} {'median':>7} {'p95':>7}   {'median':>7} {'p95':>7}   ratio")
    with open_library(path, create=False) as library, closing(raw_connection(path)) as connection:
        _measure_search(library, connection)
        _measure_get(library, connection, ids)
        _measure_save(library, connection, ids[:50])
    _measure_open(path)


def _search(library: Library, query: Query) -> object:
    return library.search(query.typed, SearchFilters(status=query.status))


def _measure_search(library: Library, connection: sqlite3.Connection) -> None:
    rounds = 3
    for query in QUERIES:  # warm the page cache and both statement caches
        _search(library, query)
        raw_search(connection, query)
    runs = [query for _ in range(rounds) for query in QUERIES]
    ours = timed(partial(_search, library, query) for query in runs)
    raw = timed(partial(raw_search, connection, query) for query in runs)
    print_row(f"search ({len(QUERIES)} queries x {rounds})", ours, raw, TARGETS_MS["search"])
    every = timed(partial(raw_search, connection, query, RAW_RANK_ALL) for query in runs)
    print(f"{'  raw, ranking every match':<30} {'':>15}   {every.median:7.2f} {every.p95:7.2f}")
    best = {query: min(timed_once(partial(_search, library, query)) for _ in range(rounds))
            for query in QUERIES}  # fmt: skip
    slowest = sorted(QUERIES, key=best.__getitem__, reverse=True)[:4]
    print(f"{'  slowest:':<30} " + ", ".join(f"{_label(q)} {best[q]:.0f} ms" for q in slowest))


def timed_once(action: Callable[[], object]) -> float:
    start = time.perf_counter()
    action()
    return (time.perf_counter() - start) * 1000


def _label(query: Query) -> str:
    return f"{query.typed} [{query.status.value}]" if query.status else query.typed


def _measure_get(library: Library, connection: sqlite3.Connection, ids: list[int]) -> None:
    ours = timed(partial(library.get, identifier) for identifier in ids)
    statement = "SELECT * FROM articles WHERE id = ?"
    raw = timed(partial(_fetch_one, connection, statement, identifier) for identifier in ids)
    print_row("open an article (get)", ours, raw, TARGETS_MS["get"])


def _fetch_one(connection: sqlite3.Connection, statement: str, identifier: int) -> object:
    return connection.execute(statement, (identifier,)).fetchone()


def _measure_save(library: Library, connection: sqlite3.Connection, ids: list[int]) -> None:
    edits = []
    for identifier in ids:
        stored = library.get(identifier)
        addition = Paragraph(RichText.plain_text(f"Updated at {time.time():.0f} by the desk."))
        edited = stored.article.with_body((*stored.article.body, addition))
        edits.append((identifier, stored.version, edited))
    ours = timed(
        partial(library.save, identifier, edited, expected_version=version, author="bench")
        for identifier, version, edited in edits
    )
    raw = timed(
        partial(raw_save, connection, identifier, edited) for identifier, _, edited in edits
    )
    print_row("save with a revision", ours, raw, TARGETS_MS["save"])


def _measure_open(path: Path) -> None:
    def open_and_close() -> None:
        open_library(path, create=False).close()

    def connect_and_close() -> None:
        raw_connection(path).close()

    open_and_close()
    ours = timed(open_and_close for _ in range(20))
    raw = timed(connect_and_close for _ in range(20))
    print_row("open the library", ours, raw, TARGETS_MS["open"])
