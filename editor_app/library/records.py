"""The small frozen values the library hands out; ORM rows never leave the package."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime

from editor_app.model import Article, Status


@dataclass(frozen=True)
class StoredArticle:
    id: int
    slug: str
    version: int
    article: Article
    created: datetime
    updated: datetime
    deleted: bool
    saved_by: str = ""
    """Who saved this version (an editor's conflict question names them)."""


@dataclass(frozen=True)
class ArticleSummary:
    id: int
    slug: str
    headline: str
    status: Status
    section: str
    tags: tuple[str, ...]
    word_count: int
    updated: datetime
    version: int


@dataclass(frozen=True)
class RevisionSummary:
    article_id: int
    number: int
    saved_at: datetime
    author: str
    note: str
    headline: str
    word_count: int


@dataclass(frozen=True)
class SearchHit:
    """``snippet`` marks the matches with «…»: text, not HTML."""

    article_id: int
    headline: str
    status: Status
    section: str
    updated: datetime
    snippet: str
    rank: float


@dataclass(frozen=True)
class SearchFilters:
    """``updated_from`` and ``updated_to`` are inclusive calendar days in UTC."""

    status: Status | None = None
    section: str | None = None
    tag: str | None = None
    updated_from: date | None = None
    updated_to: date | None = None
    include_deleted: bool = False
