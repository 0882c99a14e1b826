"""Reading YAML front matter into metadata fields: lenient values, strict kinds."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from editor_app.errors import ImportFailed
from editor_app.importers.front_matter import (
    FrontMatter,
    read_front_matter,
    refuse_unclosed_front_matter,
)
from editor_app.model import Metadata, Status


def metadata_from(source: str) -> Metadata:
    return Metadata(**read_front_matter(source).fields)


@pytest.mark.parametrize(
    ("yaml_line", "field", "value"),
    [
        ("tags: ports, ferries , ", "tags", ("ports", "ferries")),
        ("tags:\n  - 2025\n  - rail", "tags", ("2025", "rail")),
        ("tags:", "tags", ()),
        ("status: In Edit", "status", Status.IN_EDIT),
        ("status: in-edit", "status", Status.IN_EDIT),
        ("status:", "status", Status.DRAFT),
        ("created: '2025-03-03T09:30:00Z'", "created", datetime(2025, 3, 3, 9, 30, tzinfo=UTC)),
        ("updated: 2025-03-04", "updated", datetime(2025, 3, 4)),
        ("created:", "created", None),
        ("dateline: 2025", "dateline", "2025"),
        ("byline:", "byline", ""),
        ("language: ''", "language", "en-GB"),
    ],
)
def test_values_are_read_leniently(yaml_line: str, field: str, value: object) -> None:
    assert getattr(metadata_from(yaml_line), field) == value


@given(
    st.sampled_from(["headline", "standfirst", "byline", "dateline", "section"]),
    st.text(max_size=40),
)
def test_any_text_written_as_yaml_reads_back(field: str, text: str) -> None:
    # Double-quoted: a plain or single-quoted scalar would fold line breaks (and U+0085).
    source = yaml.safe_dump({field: text}, default_style='"')
    assert read_front_matter(source).fields[field] == text


def test_unknown_keys_are_named_and_left_out_of_the_fields() -> None:
    front_matter = read_front_matter("byline: Jane Doe\nlayout: post\nauthor_id: 7")
    assert front_matter == FrontMatter({"byline": "Jane Doe"}, ("layout", "author_id"))


@pytest.mark.parametrize("source", ["", "\n", "# only a comment\n"])
def test_empty_front_matter_says_nothing(source: str) -> None:
    assert read_front_matter(source) == FrontMatter()


@pytest.mark.parametrize(
    ("source", "message_fragment"),
    [
        ("headline: [unclosed", "not valid YAML"),
        # Lines are counted in the document, where the opening "---" is line 1.
        ("headline: fine\nbyline: a: b", "on line 3"),
        ("- just\n- a list", "'key: value' lines"),
        ("Just a sentence.", "'key: value' lines"),
        ("status: finished", "draft, in_edit, ready, published"),
        ("created: next week", "created 'next week' is not a date"),
        ("updated: 14/03/2025", "updated '14/03/2025' is not a date"),
        ("byline: [Jane, John]", "byline should be text, not a list"),
        ("standfirst: {a: 1}", "standfirst should be text, not a set of keys"),
        ("section: yes", "true/false"),
        ("tags: {a: 1}", "tags should be a list"),
        ("tags: [[a]]", "tags should be text, not a list"),
    ],
)
def test_malformed_front_matter_fails_with_one_clear_message(
    source: str, message_fragment: str
) -> None:
    with pytest.raises(ImportFailed, match=message_fragment):
        read_front_matter(source)


@pytest.mark.parametrize(
    "text", ["---\nheadline: Never closed\n\nBody text.", "----  \n  byline: Jane\n"]
)
def test_unclosed_front_matter_is_refused(text: str) -> None:
    with pytest.raises(ImportFailed, match="never closed"):
        refuse_unclosed_front_matter(text)


@pytest.mark.parametrize(
    "text",
    [
        "---\n\nText after a rule.",
        "---\nJust a line under a rule",
        "Text.\n---\nheadline: not at the top",
    ],
)
def test_a_rule_is_not_unclosed_front_matter(text: str) -> None:
    refuse_unclosed_front_matter(text)  # no ImportFailed
