"""The one place rows and model objects are converted: ``body_json`` is written with
``jsonformat.dumps`` and read with ``jsonformat.loads``; every other article column is a
copy derived here so they can never disagree with it."""

from __future__ import annotations

import json
from typing import Any

from editor_app.checks.stylebook import EntryKind, StyleBookEntry
from editor_app.errors import ArticleFormatError
from editor_app.library.errors import LibraryError
from editor_app.library.models import ArticleRow, RevisionRow, StyleBookRow
from editor_app.library.records import ArticleSummary, RevisionSummary, StoredArticle
from editor_app.model import Article, Status, jsonformat


def article_columns(article: Article) -> dict[str, Any]:
    """The columns that follow from the article's content (not id, times or version)."""
    meta = article.meta
    return {
        "headline": meta.headline,
        "standfirst": meta.standfirst,
        "byline": meta.byline,
        "dateline": meta.dateline,
        "status": meta.status.value,
        "language": meta.language,
        "body_json": article_json(article),
        "body_text": article.plain_body(),
        "tags_text": " ".join(meta.tags),
        "word_count": article.word_count(),
    }


def article_json(article: Article) -> str:
    return jsonformat.dumps(article)


def read_article(body_json: str, where: str) -> Article:
    try:
        return jsonformat.loads(body_json)
    except ArticleFormatError as error:
        raise LibraryError(f"{where} in the library cannot be read: {error}") from None


def stored_article(row: ArticleRow) -> StoredArticle:
    return StoredArticle(
        id=row.id,
        slug=row.slug,
        version=row.version,
        article=read_article(row.body_json, f"article {row.id}"),
        created=row.created,
        updated=row.updated,
        deleted=row.deleted_at is not None,
        saved_by=row.saved_by,
    )


def article_summary(row: ArticleRow, section: str, tags: tuple[str, ...]) -> ArticleSummary:
    return ArticleSummary(
        id=row.id,
        slug=row.slug,
        headline=row.headline,
        status=Status(row.status),
        section=section,
        tags=tags,
        word_count=row.word_count,
        updated=row.updated,
        version=row.version,
    )


def revision_summary(row: RevisionRow) -> RevisionSummary:
    return RevisionSummary(
        article_id=row.article_id,
        number=row.number,
        saved_at=row.saved_at,
        author=row.author,
        note=row.note,
        headline=row.headline,
        word_count=row.word_count,
    )


def revision_article(row: RevisionRow) -> Article:
    return read_article(row.body_json, f"revision {row.number} of article {row.article_id}")


def stylebook_columns(entry: StyleBookEntry) -> dict[str, str]:
    return {
        "canonical": entry.canonical,
        "kind": entry.kind.value,
        "variants": _json_list(entry.variants),
        "nicknames": _json_list(entry.nicknames),
        "wrong": _json_list(entry.wrong),
        "note": entry.note,
        "source": entry.source,
    }


def stylebook_entry(row: StyleBookRow) -> StyleBookEntry:
    where = f"the style-book entry {row.canonical!r}"
    try:
        kind = EntryKind(row.kind)
    except ValueError:
        raise LibraryError(f"{where} has an unknown kind {row.kind!r}") from None
    return StyleBookEntry(
        canonical=row.canonical,
        kind=kind,
        variants=_tuple_from_json(row.variants, where),
        nicknames=_tuple_from_json(row.nicknames, where),
        wrong=_tuple_from_json(row.wrong, where),
        note=row.note,
        source=row.source,
    )


def _json_list(values: tuple[str, ...]) -> str:
    return json.dumps(list(values), ensure_ascii=False)


def _tuple_from_json(text: str, where: str) -> tuple[str, ...]:
    try:
        values = json.loads(text)
    except json.JSONDecodeError:
        values = None
    if not isinstance(values, list) or not all(isinstance(value, str) for value in values):
        raise LibraryError(f"{where} in the library is damaged (not a list of names)")
    return tuple(values)
