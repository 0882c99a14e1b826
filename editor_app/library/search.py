"""Full-text search of the library: our query language in, ranked hits with snippets out.

The query is parsed by :mod:`editor_app.library.search_query` (so a malformed query is a
:class:`SearchQueryError`, never a database error) and translated for the dialect by
:mod:`search_sqlite` (FTS5, weighted bm25) or :mod:`search_postgresql` (tsvector,
ts_rank_cd). Ranking comes first and reads only the index and the filter columns; the
details and snippets are then fetched for the shown rows alone.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session

from editor_app.library import search_postgresql, search_sqlite
from editor_app.library.models import ArticleRow, SectionRow
from editor_app.library.records import SearchFilters, SearchHit
from editor_app.library.search_query import SNIPPET_START, SNIPPET_STOP, parse_query
from editor_app.model import Status

MATCH_MARKS = str.maketrans({SNIPPET_START: "«", SNIPPET_STOP: "»"})


class _Details(NamedTuple):
    headline: str
    status: str
    section: str | None
    updated: datetime


def run_search(session: Session, query: str, filters: SearchFilters, limit: int) -> list[SearchHit]:
    """The best ``limit`` articles for ``query``, best first (``rank``: higher is better).

    Raises :class:`SearchQueryError` for a query that cannot be understood, whatever
    ``limit`` is, so the search box can say so as the user types.
    """
    parsed = parse_query(query)
    if limit <= 0:
        return []
    backend = search_sqlite if session.get_bind().dialect.name == "sqlite" else search_postgresql
    ranked = backend.ranked_ids(session, parsed, filters, limit)
    ids = [article_id for article_id, _rank in ranked]
    field_snippets = backend.snippets(session, parsed, ids)
    details = _details(session, ids)
    return [
        SearchHit(
            article_id=article_id,
            headline=details[article_id].headline,
            status=Status(details[article_id].status),
            section=details[article_id].section or "",
            updated=details[article_id].updated,
            snippet=choose_snippet(field_snippets.get(article_id, [])),
            rank=rank,
        )
        for article_id, rank in ranked
    ]


def choose_snippet(candidates: Sequence[str]) -> str:
    """The first candidate with a marked match, else the first with any text; matches
    marked «…» and whitespace (the blank lines between paragraphs) collapsed."""
    cleaned = [" ".join(text.split()) for text in candidates]
    chosen = next((text for text in cleaned if SNIPPET_START in text), None)
    if chosen is None:
        chosen = next((text for text in cleaned if text), "")
    return chosen.translate(MATCH_MARKS)


def _details(session: Session, ids: Sequence[int]) -> dict[int, _Details]:
    statement = (
        select(
            ArticleRow.id,
            ArticleRow.headline,
            ArticleRow.status,
            SectionRow.name,
            ArticleRow.updated,
        )
        .outerjoin(SectionRow, SectionRow.id == ArticleRow.section_id)
        .where(ArticleRow.id.in_(ids))
    )
    return {
        article_id: _Details(headline, status, section, updated)
        for article_id, headline, status, section, updated in session.execute(statement)
    }
