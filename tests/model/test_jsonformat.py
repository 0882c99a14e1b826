from __future__ import annotations

import json
from datetime import UTC, datetime

import pytest
from hypothesis import given, settings

from editor_app.errors import ArticleFormatError
from editor_app.model import (
    Article,
    CheckIgnore,
    Metadata,
    Paragraph,
    RichText,
    Span,
    Status,
    jsonformat,
)
from tests.strategies import articles_with_ignores


@settings(max_examples=300)
@given(articles_with_ignores)
def test_round_trip_is_lossless(article: Article) -> None:
    assert jsonformat.loads(jsonformat.dumps(article)) == article


@given(articles_with_ignores)
def test_output_is_canonical(article: Article) -> None:
    text = jsonformat.dumps(article)
    assert jsonformat.dumps(jsonformat.loads(text)) == text


def test_text_is_stored_readably_not_escaped() -> None:
    article = Article(Metadata(headline="“Kyiv” talks — día 2 😀"))
    assert "“Kyiv” talks — día 2 😀" in jsonformat.dumps(article)


def test_marks_are_stored_only_when_set() -> None:
    body = (Paragraph(RichText((Span("plain "), Span("link", link="https://example.org")))),)
    document = json.loads(jsonformat.dumps(Article(body=body)))
    assert document["body"][0]["content"] == [
        {"text": "plain "},
        {"text": "link", "link": "https://example.org"},
    ]


def test_version_one_documents_are_upgraded() -> None:
    old = {
        "format": jsonformat.FORMAT_NAME,
        "version": 1,
        "meta": {"headline": "Old file", "tags": "politics, europe", "status": "ready"},
        "body": [{"type": "paragraph", "content": [{"text": "Body."}]}],
    }
    article = jsonformat.loads(json.dumps(old))
    assert article.meta.tags == ("politics", "europe")
    assert article.meta.status is Status.READY


def test_version_two_documents_gain_no_ignores() -> None:
    old = {
        "format": jsonformat.FORMAT_NAME,
        "version": 2,
        "meta": {"headline": "Two"},
        "body": [{"type": "paragraph", "content": [{"text": "Body."}]}],
    }
    article = jsonformat.loads(json.dumps(old))
    assert article.ignores == ()
    assert json.loads(jsonformat.dumps(article))["version"] == jsonformat.FORMAT_VERSION


def test_ignores_are_kept_with_the_article() -> None:
    article = Article(
        ignores=(CheckIgnore("names.variant", "Brunthaler", "said \u2016Brunthaler\u2016"),)
    )
    stored = json.loads(jsonformat.dumps(article))
    assert stored["ignores"] == [
        {"rule": "names.variant", "text": "Brunthaler", "context": "said \u2016Brunthaler\u2016"}
    ]
    assert jsonformat.loads(jsonformat.dumps(article)) == article


def test_dates_keep_their_time_zone() -> None:
    created = datetime(2026, 3, 4, 9, 30, tzinfo=UTC)
    article = Article(Metadata(created=created))
    assert jsonformat.loads(jsonformat.dumps(article)).meta.created == created


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("{not json", "not valid JSON"),
        ("[]", "not an Article Editor document"),
        ('{"format": "something-else", "version": 1}', "not an Article Editor document"),
        ('{"format": "article-editor/article"}', "no valid format version"),
        ('{"format": "article-editor/article", "version": 99}', "newer than this app reads"),
        (
            '{"format": "article-editor/article", "version": 2, "body": [{"type": "table"}]}',
            "unknown block type 'table'",
        ),
        (
            '{"format": "article-editor/article", "version": 2, "body": [{"type": "paragraph"}]}',
            "missing field 'content'",
        ),
        (
            '{"format": "article-editor/article", "version": 2, "meta": {"status": "lost"}}',
            "damaged",
        ),
        (
            '{"format": "article-editor/article", "version": 2, "body": [{"type": "heading",'
            ' "level": 1, "content": []}]}',
            "heading level",
        ),
        ('{"format": "article-editor/article", "version": 2, "body": {}}', "body should be"),
    ],
)
def test_bad_documents_get_one_clear_message(text: str, message: str) -> None:
    with pytest.raises(ArticleFormatError, match=message):
        jsonformat.loads(text)
