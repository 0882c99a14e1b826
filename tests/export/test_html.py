"""HTML export: the standalone page, its escaping and its validity (html5lib, Nu checker)."""

from __future__ import annotations

import json
import os
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest
from hypothesis import given, settings

from editor_app.export import ExportOptions
from editor_app.export.html import UNTITLED, render_page
from editor_app.model import (
    Article,
    CodeBlock,
    ListBlock,
    Metadata,
    Paragraph,
)
from tests.export.html_helpers import (
    OPTIONS,
    plain,
    rich_article,
    strict_page,
    text_of,
)
from tests.sample_article import load_sample_article
from tests.strategies import articles

# -- the page --------------------------------------------------------------------------


def test_page_is_a_complete_document() -> None:
    html = render_page(rich_article(), OPTIONS)
    assert html.startswith("<!DOCTYPE html>\n")
    tree = strict_page(rich_article())
    assert tree.get("lang") == "en-GB"
    assert tree.find("head/meta[@charset='utf-8']") is not None
    assert tree.find("head/title").text == "Ferry <b>fares</b> & “night” crossings"
    assert "pre code .k {" in tree.find("head/style").text


def test_page_header_fields() -> None:
    header = strict_page(rich_article()).find("body/article/header")
    assert text_of(header.find("h1")) == "Ferry <b>fares</b> & “night” crossings"
    standfirst = header.find("p[@class='standfirst']")
    assert text_of(standfirst) == "The harbour board agreed the planafter a long meeting."
    assert standfirst.find("br") is not None
    assert text_of(header.find("p[@class='byline']")) == "By Ana Lindqvist and Tom Osei"
    time = header.find("p[@class='dateline']/time")
    assert (time.text, time.get("datetime")) == ("PORTSMOUTH", "2025-06-03T07:30:15.123Z")


def test_page_body_and_footer() -> None:
    article = strict_page(rich_article()).find("body/article")
    tags = [child.tag for child in article]
    assert tags[0] == "header" and tags[-1] == "footer"
    assert tags[1:-1] == [
        "p",
        "h2",
        "h3",
        "h4",
        "figure",
        "figure",
        "aside",
        "aside",
        "ul",
        "ol",
        "pre",
        "pre",
        "pre",
        "hr",
        "p",
    ]
    footer = [text_of(item) for item in article.find("footer/dl")]
    assert footer == ["Section", "Local & regional", "Tags", "ferries", "night <economy>"]


def test_page_meta_tags_carry_what_the_page_does_not_show() -> None:
    head = strict_page(rich_article()).find("head")
    metas = [(meta.get("name"), meta.get("content")) for meta in head.findall("meta[@name]")]
    assert metas[1:] == [
        ("generator", "Article Editor"),
        ("author", "Ana Lindqvist and Tom Osei"),
        ("description", "The harbour board agreed the plan\nafter a long meeting."),
        ("article:section", "Local & regional"),
        ("article:tag", "ferries"),
        ("article:tag", "night <economy>"),
        ("article-editor:status", "ready"),
        ("dcterms.created", "2025-06-03T09:30:15.123456+02:00"),
        ("dcterms.modified", "2025-06-04T18:00:00+00:00"),
    ]


@pytest.mark.parametrize(
    ("dateline", "created", "expected"),
    [
        ("LONDON", None, ("p[@class='dateline']", "LONDON", None)),
        (
            "",
            datetime(2025, 1, 2, 3, 4, 5),
            ("p[@class='date']/time", "2025-01-02", "2025-01-02T03:04:05"),
        ),
        (
            "LONDON",
            datetime(2025, 1, 2, tzinfo=UTC),
            ("p[@class='dateline']/time", "LONDON", "2025-01-02T00:00:00Z"),
        ),
    ],
)
def test_dateline_and_date(
    dateline: str, created: datetime | None, expected: tuple[str, str, str | None]
) -> None:
    article = Article(meta=Metadata(headline="H", dateline=dateline, created=created))
    path, text, attribute = expected
    element = strict_page(article).find(f"body/article/header/{path}")
    assert (text_of(element), element.get("datetime")) == (text, attribute)


def test_without_metadata_only_the_headline_and_body_remain() -> None:
    html = render_page(rich_article(), ExportOptions(include_metadata=False))
    tree = strict_page(rich_article(), ExportOptions(include_metadata=False))
    assert [child.tag for child in tree.find("body/article/header")] == ["h1"]
    assert tree.find("body/article/footer") is None
    assert "Lindqvist" not in html and "article:tag" not in html


def test_empty_headline_gives_a_title_but_no_h1() -> None:
    tree = strict_page(Article(body=(Paragraph(plain("Body.")),)))
    assert tree.find("head/title").text == UNTITLED
    assert tree.find("body/article/header") is None


@pytest.mark.parametrize(
    ("language", "expected"), [("fr", "fr"), ("de-CH", "de-CH"), ("not a tag", ""), ("", "")]
)
def test_lang_attribute(language: str, expected: str) -> None:
    assert (
        strict_page(Article(meta=Metadata(headline="H", language=language))).get("lang") == expected
    )


def test_script_in_any_text_is_escaped() -> None:
    attack = "<script>alert(1)</script>"
    article = Article(
        meta=Metadata(
            headline=attack, standfirst=attack, byline=attack, section=attack, tags=(attack,)
        ),
        body=(Paragraph(plain(attack)), CodeBlock(attack, "html"), ListBlock((plain(attack),))),
    )
    html = render_page(article, OPTIONS)
    assert "<script" not in html.lower()
    assert text_of(strict_page(article).find("body/article/header/h1")) == attack


def test_forbidden_characters_become_replacement_characters() -> None:
    article = Article(
        meta=Metadata(headline="a\x00b\x0bc\ufffed"), body=(Paragraph(plain("x\r\ny\x1fz")),)
    )
    tree = strict_page(article)
    assert tree.find("head/title").text == "a\ufffdb\ufffdc\ufffdd"
    paragraph = tree.find("body/article/p")
    assert text_of(paragraph) == "xy\ufffdz" and paragraph.find("br") is not None


def test_page_renders_whatever_the_current_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    assert "<article>" in render_page(rich_article(), OPTIONS)


@settings(deadline=None)
@given(articles)
def test_any_article_gives_a_strictly_valid_page_without_raw_script(article: Article) -> None:
    html = render_page(article, OPTIONS)
    strict_page(article)
    assert "<script" not in html.lower()


# -- the Nu HTML Checker ------------------------------------------------------------------


def vnu_jar() -> Path:
    location = os.environ.get("VNU_JAR")
    if not location:
        pytest.skip(
            "VNU_JAR is not set: the Nu HTML Checker (npm package vnu-jar) is not installed"
        )
    jar = Path(location)
    if not jar.is_file():
        pytest.skip(f"VNU_JAR points to {jar}, which does not exist")
    return jar


def test_pages_pass_the_nu_html_checker(tmp_path: Path) -> None:
    jar = vnu_jar()
    pages = {"sample.html": load_sample_article(), "rich.html": rich_article()}
    for name, article in pages.items():
        (tmp_path / name).write_text(render_page(article, OPTIONS), encoding="utf-8")
    result = subprocess.run(
        [
            "java",
            "-jar",
            str(jar),
            "--errors-only",
            "--format",
            "json",
            *(str(tmp_path / name) for name in pages),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    report = json.loads(result.stderr or result.stdout)
    problems = [
        f"{Path(message.get('url', '')).name}: {message['message']}"
        for message in report["messages"]
    ]
    assert problems == []
    assert result.returncode == 0


def test_a_date_that_cannot_be_written_in_utc_is_an_export_error() -> None:
    from datetime import datetime, timedelta, timezone

    from editor_app.errors import ExportFailed
    from editor_app.export import ExportOptions
    from editor_app.export.html import render_page
    from editor_app.model import Article, Metadata

    early = datetime(1, 1, 1, 0, 30, tzinfo=timezone(timedelta(hours=2)))
    with pytest.raises(ExportFailed, match="cannot be written in UTC"):
        render_page(Article(Metadata(headline="Early", created=early)), ExportOptions())
