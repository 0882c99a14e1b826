"""Search on PostgreSQL: the parsed query as tsquery conditions on ``articles.search_vector``.

Each term is ``phraseto_tsquery('article_search', text)``: the server tokenizes the
user's text with the same configuration that built the index and never parses it as
tsquery syntax, so no query can fail. A prefix appends ``:*`` to the last word of that
(well-formed) tsquery. A field term also checks that one field: the vector's weights
group standfirst with tags, and one rule for every field is simpler than two.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import reduce
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Text,
    and_,
    bindparam,
    case,
    cast,
    func,
    literal,
    literal_column,
    not_,
    or_,
    select,
)
from sqlalchemy.dialects.postgresql import REGCONFIG, TSQUERY, TSVECTOR
from sqlalchemy.orm import Session

from editor_app.library import search_query
from editor_app.library.filters import filter_conditions
from editor_app.library.fts_postgresql import SEARCH_VECTOR, TEXT_SEARCH_CONFIG
from editor_app.library.models import ArticleRow
from editor_app.library.records import SearchFilters
from editor_app.library.search_query import (
    SNIPPET_FIELDS,
    SNIPPET_START,
    SNIPPET_STOP,
    SearchQuery,
    Term,
)

RANK_WEIGHTS = "{0.2, 0.1, 0.5, 1.0}"
"""ts_rank_cd weights of D (byline), C (body), B (standfirst, tags) and A (headline):
the proportions of the SQLite bm25 weights."""
RANK_NORMALISATION = 1
"""Divide by 1 + log(length): long articles do not win by length alone."""
HEADLINE_OPTIONS = (
    f"StartSel={SNIPPET_START}, StopSel={SNIPPET_STOP}, MaxWords=30, MinWords=12, "
    'MaxFragments=2, FragmentDelimiter=" … "'
)

_vector = literal_column(f"{ArticleRow.__tablename__}.{SEARCH_VECTOR}", TSVECTOR)


def _config() -> ColumnElement[Any]:
    return cast(literal(TEXT_SEARCH_CONFIG), REGCONFIG)


class _Translation:
    """Builds the tsquery expressions with numbered parameters, one per term."""

    def __init__(self) -> None:
        self._count = 0

    def tsquery(self, term: Term) -> ColumnElement[Any]:
        self._count += 1
        phrase = func.phraseto_tsquery(
            _config(), bindparam(f"term_{self._count}", term.text, type_=Text), type_=TSQUERY
        )
        if not term.prefix:
            return phrase
        prefixed = cast(func.concat(cast(phrase, Text), ":*"), TSQUERY)
        return case((func.numnode(phrase) == 0, phrase), else_=prefixed)

    def condition(self, term: Term) -> ColumnElement[bool]:
        wanted = self.tsquery(term)
        anywhere = _vector.bool_op("@@")(wanted)
        if term.field is None:
            return anywhere
        field_text = func.coalesce(getattr(ArticleRow, term.field.value), "")
        in_field = func.to_tsvector(_config(), field_text, type_=TSVECTOR).bool_op("@@")(wanted)
        return and_(anywhere, in_field)


def _where(query: SearchQuery) -> ColumnElement[bool]:
    translation = _Translation()
    required = [or_(*map(translation.condition, group)) for group in query.required]
    excluded = [not_(translation.condition(term)) for term in query.excluded]
    return and_(*required, *excluded)


def _rank_query(query: SearchQuery) -> ColumnElement[Any]:
    """Every positive term OR-ed: what ranking and highlighting look for."""
    translation = _Translation()
    parts = [translation.tsquery(term) for term in query.positive_terms()]
    return reduce(lambda left, right: left.op("||")(right), parts)


def ranked_ids(
    session: Session, query: SearchQuery, filters: SearchFilters, limit: int
) -> list[tuple[int, float]]:
    """The best ``limit`` of the newest ``search_query.CANDIDATES`` matches, with their
    rank (higher is better): the same candidates as on SQLite."""
    newest = (
        select(ArticleRow.id)
        .where(_where(query), *filter_conditions(filters))
        .order_by(ArticleRow.id.desc())
        .limit(search_query.CANDIDATES)
        .subquery()
    )
    rank = func.ts_rank_cd(
        literal_column(f"'{RANK_WEIGHTS}'::float4[]"),
        _vector,
        _rank_query(query),
        RANK_NORMALISATION,
    ).label("rank")
    statement = (
        select(ArticleRow.id, rank)
        .join(newest, newest.c.id == ArticleRow.id)
        .order_by(rank.desc(), ArticleRow.id.desc())
        .limit(limit)
    )
    return [(int(article_id), float(score)) for article_id, score in session.execute(statement)]


def snippets(session: Session, query: SearchQuery, ids: Sequence[int]) -> dict[int, list[str]]:
    """Per article, a marked snippet of each of :data:`SNIPPET_FIELDS`."""
    if not ids:
        return {}
    wanted = _rank_query(query)
    columns = [
        func.ts_headline(
            _config(), getattr(ArticleRow, field.value), wanted, HEADLINE_OPTIONS, type_=Text
        )
        for field in SNIPPET_FIELDS
    ]
    statement = select(ArticleRow.id, *columns).where(ArticleRow.id.in_(ids))
    return {int(row[0]): [str(text) for text in row[1:]] for row in session.execute(statement)}
