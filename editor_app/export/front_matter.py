"""The metadata written as YAML front matter at the top of a Markdown export.

Its own module because YAML has its own traps, apart from Markdown's: a value
must never let a line of the front matter read as its closing ``---``, and a
long value must never be folded onto lines of its own. ``importers.front_matter``
reads what this writes.
"""

from __future__ import annotations

from datetime import datetime

import yaml

from editor_app.model import Metadata

_LINE_BREAK_CHARS = frozenset("\n\r\x85\u2028\u2029")


class _FrontMatterDumper(yaml.SafeDumper):
    """``SafeDumper`` that double-quotes multi-line strings: a line of a quoted
    multi-line value could otherwise be a bare ``---`` and end the front matter."""


def _represent_text(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    style = '"' if _LINE_BREAK_CHARS.intersection(value) else None
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style=style)


_FrontMatterDumper.add_representer(str, _represent_text)


def front_matter(meta: Metadata) -> str:
    """The metadata but the headline, as YAML between ``---`` lines."""
    fields: dict[str, str | list[str] | datetime] = {}
    for name in ("standfirst", "byline", "dateline", "section"):
        value = getattr(meta, name)
        if value:
            fields[name] = value
    if meta.tags:
        fields["tags"] = list(meta.tags)
    fields["status"] = meta.status.value
    if meta.language:
        fields["language"] = meta.language
    if meta.created is not None:
        fields["created"] = meta.created
    if meta.updated is not None:
        fields["updated"] = meta.updated
    body = yaml.dump(
        fields,
        Dumper=_FrontMatterDumper,
        allow_unicode=True,
        sort_keys=False,
        width=2**31 - 1,  # never fold a long value onto a line of its own
    )
    return f"---\n{body}---"
