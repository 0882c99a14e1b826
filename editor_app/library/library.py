"""``Library``: the one object callers hold. Each call is one short transaction.

ORM rows never leave this package: every method returns model objects or the
frozen records in ``records.py``. Database failures (disk full, a locked or damaged
file, a dropped server connection) come out as ``LibraryUnavailable`` with one
sentence, never as a driver traceback.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from types import TracebackType

from sqlalchemy import Engine
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session

from editor_app.checks.stylebook import StyleBookEntry
from editor_app.library import articles, history, maintenance, stylebook_store, taxonomy
from editor_app.library.engine import WRITE_OPTION
from editor_app.library.errors import LibraryError, LibraryUnavailable, SaveConflict
from editor_app.library.location import Location
from editor_app.library.records import (
    ArticleSummary,
    RevisionSummary,
    SearchFilters,
    SearchHit,
    StoredArticle,
)
from editor_app.library.search import run_search
from editor_app.model import Article, Status

NO_FILTERS = SearchFilters()
"""The default filters (frozen, so one shared value is safe)."""
_ADD_ATTEMPTS = 3
"""Two writers may pick the same free slug on PostgreSQL; the loser tries again."""


def _now() -> datetime:
    return datetime.now(UTC)


class Library:
    """Open one with :func:`editor_app.library.open_library`."""

    def __init__(self, engine: Engine, location: Location) -> None:
        self._engine = engine
        self._writer = engine.execution_options(**{WRITE_OPTION: True})
        self._location = location
        self.url = location.display
        self.dialect = location.dialect

    def __repr__(self) -> str:
        return f"Library({self.url!r})"

    def close(self) -> None:
        self._engine.dispose()

    def __enter__(self) -> Library:
        return self

    def __exit__(
        self,
        kind: type[BaseException] | None,
        error: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        self.close()

    @contextmanager
    def _session(self, *, write: bool = False) -> Iterator[Session]:
        try:
            with Session(self._writer if write else self._engine) as session, session.begin():
                yield session
        except IntegrityError:
            raise
        except DBAPIError as error:
            reason = str(error.orig).strip().splitlines()[0] if str(error.orig).strip() else ""
            raise LibraryUnavailable(f"the library {self.url} failed: {reason}") from None

    # -- articles ----------------------------------------------------------------------

    def add_article(self, article: Article, *, author: str = "", note: str = "") -> StoredArticle:
        for attempt in range(1, _ADD_ATTEMPTS + 1):
            try:
                with self._session(write=True) as session:
                    return articles.add(session, article, author, note, _now())
            except IntegrityError as error:
                if attempt == _ADD_ATTEMPTS:
                    raise LibraryError(f"the article could not be added: {error.orig}") from None
        raise AssertionError("unreachable")  # pragma: no cover

    def add_articles(
        self,
        batch: Iterable[Article],
        *,
        author: str = "",
        note: str = "",
        per_transaction: int = 500,
    ) -> list[int]:
        """Many articles at once (an archive import): one transaction per
        ``per_transaction`` articles instead of one each, which with a durable
        ``synchronous=FULL`` commit is ten times faster. A failure rolls back only
        the batch it happened in; the ids of the articles added come back in order."""
        ids: list[int] = []
        pending: list[Article] = []
        for article in batch:
            pending.append(article)
            if len(pending) >= per_transaction:
                ids.extend(self._add_batch(pending, author, note))
                pending = []
        if pending:
            ids.extend(self._add_batch(pending, author, note))
        return ids

    def _add_batch(self, batch: list[Article], author: str, note: str) -> list[int]:
        try:
            with self._session(write=True) as session:
                now = _now()
                return [articles.add(session, item, author, note, now).id for item in batch]
        except IntegrityError as error:
            raise LibraryError(f"the articles could not be added: {error.orig}") from None

    def get(self, article_id: int) -> StoredArticle:
        with self._session() as session:
            return articles.get(session, article_id)

    def save(
        self,
        article_id: int,
        article: Article,
        *,
        expected_version: int,
        author: str = "",
        note: str = "",
    ) -> StoredArticle:
        """Replace the text if nobody saved since ``expected_version``; otherwise keep the
        refused text as a revision (its own transaction) and raise ``SaveConflict``."""
        with self._session(write=True) as session:
            outcome = articles.replace_text(
                session,
                article_id,
                article,
                expected_version=expected_version,
                author=author,
                note=note,
                now=_now(),
            )
        if isinstance(outcome, StoredArticle):
            return outcome
        conflict_note = (
            f"conflict: refused save of version {expected_version} "
            f"(the library had version {outcome.current_version})"
        )
        with self._session(write=True) as session:
            articles.locked_row(session, article_id)
            snapshot = history.Snapshot.of_article(article, _now(), author, conflict_note)
            kept = history.keep(session, article_id, snapshot)
        raise SaveConflict(article_id, expected_version, outcome.current_version, kept)

    def list_articles(
        self, filters: SearchFilters = NO_FILTERS, limit: int | None = None
    ) -> list[ArticleSummary]:
        """Newest first."""
        with self._session() as session:
            return articles.summaries(session, filters, limit)

    def list_trash(
        self, filters: SearchFilters = NO_FILTERS, limit: int | None = None
    ) -> list[ArticleSummary]:
        """Only the trashed articles (``include_deleted`` adds them to the live ones), the
        last one trashed first."""
        with self._session() as session:
            return articles.summaries(session, filters, limit, trash=True)

    def sections(self) -> list[str]:
        """The sections in use, A to Z: what a section filter offers."""
        with self._session() as session:
            return taxonomy.section_names(session)

    def tags(self) -> list[str]:
        """The tags in use, A to Z."""
        with self._session() as session:
            return taxonomy.tag_names(session)

    def set_status(self, article_id: int, status: Status) -> StoredArticle:
        with self._session(write=True) as session:
            return articles.set_status(session, article_id, status, _now())

    def delete(self, article_id: int) -> None:
        """Move to the trash; ``undelete`` brings it back until ``empty_trash``."""
        with self._session(write=True) as session:
            articles.set_deleted(session, article_id, _now())

    def undelete(self, article_id: int) -> None:
        with self._session(write=True) as session:
            articles.set_deleted(session, article_id, None)

    def empty_trash(self) -> int:
        with self._session(write=True) as session:
            return articles.empty_trash(session)

    def record_export(self, article_id: int, format_name: str, destination: str) -> None:
        with self._session(write=True) as session:
            articles.record_export(session, article_id, format_name, destination, _now())

    # -- revisions ---------------------------------------------------------------------

    def history(self, article_id: int) -> list[RevisionSummary]:
        """Newest first."""
        with self._session() as session:
            return history.summaries(session, article_id)

    def revision(self, article_id: int, number: int) -> Article:
        with self._session() as session:
            return history.revision(session, article_id, number)

    def diff(self, article_id: int, old: int, new: int | None = None) -> list[str]:
        """Unified diff lines from revision ``old`` to revision ``new`` (``None``: current)."""
        with self._session() as session:
            before = history.revision(session, article_id, old)
            if new is None:
                after, label = articles.get(session, article_id).article, "current"
            else:
                after, label = history.revision(session, article_id, new), f"revision {new}"
        return history.diff(before, after, f"revision {old}", label)

    def restore(self, article_id: int, number: int, *, author: str = "") -> StoredArticle:
        """The current text becomes a revision first: restoring never loses anything."""
        with self._session(write=True) as session:
            old = history.revision(session, article_id, number)
            current = articles.locked_row(session, article_id).version
            outcome = articles.replace_text(
                session,
                article_id,
                old,
                expected_version=current,
                author=author,
                note=f"restored revision {number}",
                now=_now(),
            )
            assert isinstance(outcome, StoredArticle), "the row is locked"
            return outcome

    # -- search, style book, maintenance ------------------------------------------------

    def search(
        self, query: str, filters: SearchFilters = NO_FILTERS, limit: int = 20
    ) -> list[SearchHit]:
        with self._session() as session:
            return run_search(session, query, filters, limit)

    def stylebook_entries(self) -> list[StyleBookEntry]:
        with self._session() as session:
            return stylebook_store.entries(session)

    def add_stylebook_entry(self, entry: StyleBookEntry) -> None:
        """Replaces an entry with the same canonical form."""
        with self._session(write=True) as session:
            stylebook_store.put(session, entry)

    def import_stylebook(self, entries: Iterable[StyleBookEntry]) -> int:
        """All or nothing, in one transaction; how many entries were written."""
        with self._session(write=True) as session:
            return stylebook_store.put_all(session, entries)

    def integrity_check(self) -> list[str]:
        """Problems found, one sentence each; ``[]`` when the library is healthy."""
        problems: list[str] = []
        with self._session() as session:
            connection = session.connection()
            if self.dialect == "sqlite":
                problems.extend(maintenance.sqlite_problems(connection))
            problems.extend(maintenance.search_problems(connection))
            problems.extend(maintenance.content_problems(session))
        return problems

    def backup(self, destination: Path) -> None:
        """A consistent copy of a SQLite library, written atomically to ``destination``."""
        if self._location.path is None:
            raise LibraryError(
                "back up a PostgreSQL library with pg_dump (e.g. pg_dump -Fc DATABASE)"
            )
        with self._engine.connect() as connection:
            maintenance.backup_sqlite(connection, self._location.path, Path(destination))

    # -- style-book edits (the style-book editor) ---------------------------------------

    def remove_stylebook_entry(self, canonical: str) -> bool:
        """Whether an entry with that canonical form was there to remove."""
        with self._session(write=True) as session:
            return stylebook_store.remove(session, canonical)

    def replace_stylebook_entry(self, old_canonical: str, entry: StyleBookEntry) -> None:
        """An edit that may rename the entry: the old one goes, ``entry`` takes its place,
        in one transaction."""
        with self._session(write=True) as session:
            stylebook_store.replace(session, old_canonical, entry)
