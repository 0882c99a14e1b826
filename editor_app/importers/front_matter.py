"""The YAML front matter at the top of a Markdown article, read into metadata fields.

Its own module because it is a small format of its own, with rules for every
field (what kind of value each takes, how leniently it is read) and its own
error messages, none of which has to do with reading Markdown blocks. Finding
the block is markdown-it's front matter plugin; this module reads what it
found and recognises the one case the plugin cannot: front matter never closed.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any

import yaml

from editor_app.errors import ImportFailed
from editor_app.model import Status

TEXT_FIELDS = ("headline", "standfirst", "byline", "dateline", "section", "language")
KNOWN_FIELDS = frozenset((*TEXT_FIELDS, "tags", "status", "created", "updated"))
_UNCLOSED = re.compile(r"-{3,}[ \t]*\n[ \t]*[A-Za-z_][\w -]*:")


@dataclass(frozen=True)
class FrontMatter:
    """What the front matter says: ``fields`` are keyword arguments for
    ``Metadata``; ``unknown`` names the keys Article Editor does not use."""

    fields: dict[str, Any] = field(default_factory=dict)
    unknown: tuple[str, ...] = ()


def read_front_matter(source: str) -> FrontMatter:
    """The YAML between the ``---`` lines; ``ImportFailed`` when it is not
    ``key: value`` lines holding values of the right kind."""
    try:
        data = yaml.safe_load(source)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        # +1 for counting from one, +1 for the opening "---" line.
        where = f" on line {mark.line + 2}" if mark is not None else ""
        problem = getattr(error, "problem", None) or "it cannot be parsed"
        raise ImportFailed(
            f"the front matter at the top is not valid YAML ({problem}{where})"
        ) from None
    if data is None:
        return FrontMatter()
    if not isinstance(data, dict):
        raise ImportFailed(
            "the front matter at the top should be 'key: value' lines (headline, byline, tags...)"
        )
    fields = _metadata_fields(data)
    return FrontMatter(fields, tuple(str(key) for key in data if key not in KNOWN_FIELDS))


def refuse_unclosed_front_matter(text: str) -> None:
    """``ImportFailed`` when ``text`` opens like front matter that markdown-it
    found no end to: read as body text it would put the YAML into the article."""
    if _UNCLOSED.match(text):
        raise ImportFailed("the front matter at the top is never closed: add a line '---' after it")


def _metadata_fields(data: dict[Any, Any]) -> dict[str, Any]:
    fields: dict[str, Any] = {}
    for name in TEXT_FIELDS:
        if name in data:
            fields[name] = _text_value(name, data[name])
    if not fields.get("language"):
        fields.pop("language", None)
    if "tags" in data:
        fields["tags"] = _tags_value(data["tags"])
    if "status" in data and data["status"] is not None:
        fields["status"] = _status_value(data["status"])
    for name in ("created", "updated"):
        if name in data:
            fields[name] = _date_value(name, data[name])
    return fields


def _text_value(name: str, value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        kind = "true/false" if isinstance(value, bool) else _kind(value)
        raise ImportFailed(
            f"the front matter's {name} should be text, not {kind} (put it in quotes)"
        )
    return str(value)


def _tags_value(value: object) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return tuple(tag.strip() for tag in value.split(",") if tag.strip())
    if isinstance(value, list):
        return tuple(_text_value("tags", tag) for tag in value)
    raise ImportFailed(
        f"the front matter's tags should be a list or comma-separated text, not {_kind(value)}"
    )


def _status_value(value: object) -> Status:
    key = str(value).strip().lower().replace(" ", "_").replace("-", "_")
    try:
        return Status(key)
    except ValueError:
        known = ", ".join(status.value for status in Status)
        raise ImportFailed(f"the front matter's status '{value}' is not one of {known}") from None


def _date_value(name: str, value: object) -> datetime | None:
    if value is None or isinstance(value, datetime):
        return value
    if isinstance(value, date):
        return datetime(value.year, value.month, value.day)
    if isinstance(value, str):
        try:
            return datetime.fromisoformat(value.strip())
        except ValueError:
            pass
    raise ImportFailed(
        f"the front matter's {name} '{value}' is not a date "
        "(write it like 2025-03-14 or 2025-03-14T09:30:00+00:00)"
    )


def _kind(value: object) -> str:
    if isinstance(value, dict):
        return "a set of keys"
    if isinstance(value, list):
        return "a list"
    return f"a {type(value).__name__}"
