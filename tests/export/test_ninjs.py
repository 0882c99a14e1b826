"""ninjs 2.0 export: the document's content, and its validity against the shipped schema."""

from __future__ import annotations

import copy
import json
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import pytest
from hypothesis import given, settings
from jsonschema import Draft7Validator, FormatChecker

from editor_app.assets import read_resource_text
from editor_app.errors import ExportFailed
from editor_app.export import ExportOptions, ninjs
from editor_app.export import html as html_export
from editor_app.model import (
    Article,
    CodeBlock,
    Heading,
    HorizontalRule,
    Metadata,
    Paragraph,
    RichText,
    Span,
    Status,
)
from tests.sample_article import load_sample_article
from tests.strategies import articles

META = Metadata(
    headline="Harbour tolls to rise in spring",
    standfirst="Ferry operators say the increase will be passed on to passengers.",
    byline="Ailsa Brennan",
    dateline="PORTMERE",
    section="Transport",
    tags=("Ferries", "Harbour board"),
    status=Status.PUBLISHED,
    language="en-GB",
    created=datetime(2025, 3, 3, 8, 30, tzinfo=UTC),
    updated=datetime(2025, 3, 3, 11, 5, 30, tzinfo=UTC),
)
BODY = (
    Paragraph(RichText((Span("The board voted "), Span("seven to two", bold=True), Span(".")))),
    Heading(RichText.plain_text("What changes")),
    Paragraph(RichText.plain_text("Tolls rise by a fifth from April.")),
)
OPTIONS = ExportOptions()


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(read_resource_text(*ninjs.SCHEMA_RESOURCE))
    return loaded


@pytest.fixture(scope="module")
def validator(schema: dict[str, Any]) -> Draft7Validator:
    return Draft7Validator(schema, format_checker=FormatChecker())


def document(article: Article, options: ExportOptions = OPTIONS) -> dict[str, Any]:
    parsed: dict[str, Any] = json.loads(ninjs.render(article, options))
    return parsed


# -- the schema itself -------------------------------------------------------------------


def test_schema_is_a_valid_draft7_schema(schema: dict[str, Any]) -> None:
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"
    Draft7Validator.check_schema(schema)


def test_format_checker_knows_the_formats_the_schema_uses() -> None:
    """Without rfc3339-validator and rfc3986-validator the formats would pass unchecked."""
    assert {"date-time", "uri"} <= set(FormatChecker().checkers)


VALID = {
    "standard": {"name": "ninjs", "version": "2.0", "schema": ninjs.NINJS_SCHEMA_URI},
    "uri": "urn:article-editor:article:x:undated",
    "type": "text",
    "pubstatus": "usable",
    "versioncreated": "2025-03-03T11:05:30Z",
    "headlines": [{"role": "main", "contenttype": "text/plain", "value": "A headline"}],
    "descriptions": [{"role": "summary", "value": "A summary"}],
    "bodies": [{"role": "main", "contenttype": "text/plain", "wordcount": 2, "value": "Two words"}],
    "subjects": [{"name": "Ferries", "uri": "urn:article-editor:tag:ferries"}],
    "places": [{"name": "Portmere", "geojson": {"type": "Point", "coordinates": [1.0, 2.0]}}],
}


def test_the_base_document_of_the_negative_cases_is_valid(validator: Draft7Validator) -> None:
    assert validator.is_valid(VALID)


def _without(key: str) -> dict[str, Any]:
    changed = copy.deepcopy(VALID)
    del changed[key]
    return changed


def _with(path: tuple[str | int, ...], value: object) -> dict[str, Any]:
    changed = copy.deepcopy(VALID)
    target: Any = changed
    for step in path[:-1]:
        target = target[step]
    target[path[-1]] = value
    return changed


@pytest.mark.parametrize(
    "invalid",
    [
        pytest.param(_without("uri"), id="no uri"),
        pytest.param(_with(("uri",), "not a uri"), id="uri not a URI"),
        pytest.param(_with(("pubstatus",), "published"), id="pubstatus outside the enum"),
        pytest.param(_with(("type",), "article"), id="type outside the enum"),
        pytest.param(_with(("headlines", 0), {"role": "main"}), id="headline without value"),
        pytest.param(_with(("headlines",), "A headline"), id="headlines not an array"),
        pytest.param(_with(("headlines", 0, "size"), 3), id="headline with unknown property"),
        pytest.param(_with(("descriptions", 0), {"role": "summary"}), id="description no value"),
        pytest.param(_with(("bodies", 0, "value"), ["Two", "words"]), id="body value not text"),
        pytest.param(_with(("bodies", 0, "wordcount"), -1), id="negative word count"),
        pytest.param(_with(("versioncreated",), "3 March 2025"), id="date not RFC 3339"),
        pytest.param(_with(("firstcreated",), "2025-03-03"), id="date without a time"),
        pytest.param(_with(("headline",), "1.x style headline"), id="unknown top-level property"),
        pytest.param(_with(("subjects", 0, "scheme"), "http://x.org/"), id="1.x subject scheme"),
        pytest.param(_with(("subjects", 0, "uri"), "two words"), id="subject uri not a URI"),
        pytest.param(_with(("places", 0, "geojson"), {"coordinates": []}), id="geojson no type"),
        pytest.param(_with(("urgency",), 12), id="urgency beyond 9"),
        pytest.param(_with(("rightsinfo",), {"langid": "urn:x:y"}), id="rightsinfo no rights"),
        pytest.param(_with(("renditions",), [{"href": "https://example.org/a"}]), id="no name"),
    ],
)
def test_schema_rejects(validator: Draft7Validator, invalid: dict[str, Any]) -> None:
    assert not validator.is_valid(invalid)


# -- every article exports to valid ninjs --------------------------------------------------


@settings(max_examples=60, deadline=None)
@given(articles)
def test_every_article_validates_against_the_schema(
    validator: Draft7Validator, article: Article
) -> None:
    errors = [error.message for error in validator.iter_errors(document(article))]
    assert errors == []


@settings(max_examples=30, deadline=None)
@given(articles)
def test_without_metadata_still_validates(validator: Draft7Validator, article: Article) -> None:
    assert validator.is_valid(document(article, ExportOptions(include_metadata=False)))


# -- what goes where -----------------------------------------------------------------------


def test_small_article_in_full() -> None:
    article = Article(META, BODY)
    plain = "The board voted seven to two.\n\nWhat changes\n\nTolls rise by a fifth from April."
    counts = {"charcount": len(plain), "wordcount": 15}
    assert document(article) == {
        "standard": {"name": "ninjs", "version": "2.0", "schema": ninjs.NINJS_SCHEMA_URI},
        "uri": "urn:article-editor:article:harbour-tolls-to-rise-in-spring:20250303T083000Z",
        "type": "text",
        "language": "en-GB",
        "pubstatus": "usable",
        "firstcreated": "2025-03-03T08:30:00Z",
        "versioncreated": "2025-03-03T11:05:30Z",
        "headlines": [
            {
                "role": "main",
                "contenttype": "text/plain",
                "value": "Harbour tolls to rise in spring",
            }
        ],
        "descriptions": [
            {"role": "summary", "contenttype": "text/plain", "value": META.standfirst}
        ],
        "by": "Ailsa Brennan",
        "located": "PORTMERE",
        "subjects": [
            {"name": "Transport", "uri": "urn:article-editor:section:transport"},
            {"name": "Ferries", "uri": "urn:article-editor:tag:ferries"},
            {"name": "Harbour board", "uri": "urn:article-editor:tag:harbour-board"},
        ],
        "bodies": [
            {
                "role": "main",
                "contenttype": "text/html",
                **counts,
                "value": html_export.render_fragment(article, OPTIONS),
            },
            {"role": "main", "contenttype": "text/plain", **counts, "value": plain},
        ],
    }


def test_output_is_indented_utf8_json_with_keys_in_a_fixed_order() -> None:
    text = ninjs.render(Article(META), OPTIONS)
    assert text.startswith('{\n  "standard": {\n    "name": "ninjs",')
    assert text.endswith("}\n")
    keys = list(json.loads(text))
    assert keys == [
        "standard",
        "uri",
        "type",
        "language",
        "pubstatus",
        "firstcreated",
        "versioncreated",
        "headlines",
        "descriptions",
        "by",
        "located",
        "subjects",
    ]


def test_non_ascii_is_written_as_itself() -> None:
    text = ninjs.render(Article(Metadata(headline="Café owners’ protest — Zürich")), OPTIONS)
    assert "Café owners’ protest — Zürich" in text


def test_sample_article() -> None:
    article = load_sample_article()
    meta = article.meta
    result = document(article)
    assert result["headlines"] == [
        {"role": "main", "contenttype": "text/plain", "value": meta.headline}
    ]
    assert result["descriptions"] == [
        {"role": "summary", "contenttype": "text/plain", "value": meta.standfirst}
    ]
    assert (result["by"], result["located"], result["language"]) == (
        "Miriam Calloway",
        "VIENNA",
        "en-GB",
    )
    html_body, text_body = result["bodies"]
    assert (html_body["contenttype"], text_body["contenttype"]) == ("text/html", "text/plain")
    assert html_body["value"] == html_export.render_fragment(article, OPTIONS)
    assert text_body["value"] == article.plain_body()
    assert text_body["wordcount"] == html_body["wordcount"] == article.word_count() > 500
    assert [subject["name"] for subject in result["subjects"]] == [meta.section, *meta.tags]


def test_sample_article_validates(validator: Draft7Validator) -> None:
    assert list(validator.iter_errors(document(load_sample_article()))) == []


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (Status.DRAFT, "withheld"),
        (Status.IN_EDIT, "withheld"),
        (Status.READY, "withheld"),
        (Status.PUBLISHED, "usable"),
    ],
)
def test_pubstatus(status: Status, expected: str) -> None:
    assert document(Article(Metadata(status=status)))["pubstatus"] == expected


@pytest.mark.parametrize(
    ("headline", "created", "expected"),
    [
        (
            "Harbour tolls to rise",
            datetime(2025, 3, 3, 8, 30, 15, 250, tzinfo=UTC),
            "urn:article-editor:article:harbour-tolls-to-rise:20250303T083015Z",
        ),
        (
            "Zürich’s café owners protest!",
            datetime(2025, 3, 3, 9, 30, tzinfo=timezone(timedelta(hours=1))),
            "urn:article-editor:article:zurich-s-cafe-owners-protest:20250303T083000Z",
        ),
        ("Straße gesperrt", None, "urn:article-editor:article:strasse-gesperrt:undated"),
        ("Москва", None, "urn:article-editor:article:%D0%BC%D0%BE%D1%81%D0%BA%D0%B2%D0%B0:undated"),
        ("", datetime(2025, 3, 3), "urn:article-editor:article:untitled:20250303T000000Z"),
        ("?! 😀", None, "urn:article-editor:article:untitled:undated"),
        (
            "A very long headline that goes on and on well past the sixty character limit",
            None,
            "urn:article-editor:article:a-very-long-headline-that-goes-on-and-on-well-past-the:undated",
        ),
    ],
)
def test_uri(headline: str, created: datetime | None, expected: str) -> None:
    assert ninjs.article_uri(Metadata(headline=headline, created=created)) == expected


def test_uri_is_stable_across_body_and_status_edits() -> None:
    article = Article(META, BODY)
    edited = article.with_body(BODY[:1]).with_meta(status=Status.DRAFT, tags=())
    assert document(article)["uri"] == document(edited)["uri"]


@pytest.mark.parametrize(
    ("byline", "expected"),
    [
        ("Ailsa Brennan", "Ailsa Brennan"),
        ("By Ailsa Brennan and Tom Hale", "Ailsa Brennan and Tom Hale"),
        ("by  Tom Hale", "Tom Hale"),
        ("Bystander Press", "Bystander Press"),
        ("  Tom Hale\n", "Tom Hale"),
    ],
)
def test_by_holds_the_names(byline: str, expected: str) -> None:
    assert document(Article(Metadata(byline=byline)))["by"] == expected


@pytest.mark.parametrize(
    ("created", "updated", "expected"),
    [
        (None, None, {}),
        (
            datetime(2025, 3, 3, 8, 30, tzinfo=UTC),
            None,
            {"firstcreated": "2025-03-03T08:30:00Z", "versioncreated": "2025-03-03T08:30:00Z"},
        ),
        (
            datetime(2025, 3, 3, 10, 30, tzinfo=timezone(timedelta(hours=2))),
            datetime(2025, 3, 4, 1, 0, 0, 500000, tzinfo=timezone(timedelta(hours=-5))),
            {
                "firstcreated": "2025-03-03T08:30:00Z",
                "versioncreated": "2025-03-04T06:00:00.500000Z",
            },
        ),
        (
            datetime(2025, 3, 3, 8, 30),
            None,
            {"firstcreated": "2025-03-03T08:30:00Z", "versioncreated": "2025-03-03T08:30:00Z"},
        ),
    ],
)
def test_dates_in_utc(
    created: datetime | None, updated: datetime | None, expected: dict[str, str]
) -> None:
    result = document(Article(Metadata(created=created, updated=updated)))
    assert {key: result[key] for key in ("firstcreated", "versioncreated") if key in result} == (
        expected
    )


def test_date_that_cannot_be_moved_to_utc_is_one_clear_error() -> None:
    early = datetime(1, 1, 1, tzinfo=timezone(timedelta(hours=5)))
    with pytest.raises(ExportFailed, match="created date"):
        ninjs.render(Article(Metadata(created=early)), OPTIONS)


def test_subjects_skip_blank_and_repeated_tags() -> None:
    meta = Metadata(section="", tags=("Ferries", " ", "Ferries", "!!"))
    assert document(Article(meta))["subjects"] == [
        {"name": "Ferries", "uri": "urn:article-editor:tag:ferries"},
        {"name": "!!"},
    ]


def test_empty_article_has_only_the_administrative_fields() -> None:
    assert document(Article(Metadata(language=""))) == {
        "standard": {"name": "ninjs", "version": "2.0", "schema": ninjs.NINJS_SCHEMA_URI},
        "uri": "urn:article-editor:article:untitled:undated",
        "type": "text",
        "pubstatus": "withheld",
    }


def test_without_metadata_keeps_identity_but_not_the_editorial_fields() -> None:
    result = document(Article(META, BODY), ExportOptions(include_metadata=False))
    assert list(result) == [
        "standard",
        "uri",
        "type",
        "language",
        "pubstatus",
        "firstcreated",
        "versioncreated",
        "bodies",
    ]


def test_counts_are_of_the_plain_text_without_code() -> None:
    article = Article(
        body=(
            Paragraph(RichText.plain_text("Three short words")),
            CodeBlock("x = 1  # not prose"),
            HorizontalRule(),
            Paragraph(RichText.plain_text("Two more")),
        )
    )
    html_body, text_body = document(article)["bodies"]
    assert text_body["value"] == "Three short words\n\nTwo more"
    assert (text_body["wordcount"], text_body["charcount"]) == (5, len(text_body["value"]))
    assert (html_body["wordcount"], html_body["charcount"]) == (5, len(text_body["value"]))
