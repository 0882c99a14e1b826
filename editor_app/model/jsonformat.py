"""The canonical ``.article.json`` file format.

Lossless and canonical: ``dumps(loads(text)) == text`` for any file this module
wrote, so files diff cleanly under version control. Every document carries a
format version; older versions are upgraded step by step by the functions in
``MIGRATIONS`` before they are read, and a newer version is refused with a
clear message rather than half-read.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from datetime import datetime
from typing import Any, TypeVar

from editor_app.errors import ArticleFormatError
from editor_app.model.article import Article, CheckIgnore, Metadata, Status
from editor_app.model.blocks import (
    Block,
    BlockQuote,
    CodeBlock,
    Heading,
    HorizontalRule,
    ListBlock,
    Paragraph,
    PullQuote,
)
from editor_app.model.inline import RichText, Span

FORMAT_NAME = "article-editor/article"
FORMAT_VERSION = 3
FILE_SUFFIX = ".article.json"

JsonObject = dict[str, Any]
_T = TypeVar("_T")


def _upgrade_v1(document: JsonObject) -> JsonObject:
    """Version 1 kept the tags as one comma-separated string."""
    meta = dict(document.get("meta", {}))
    tags = meta.get("tags", "")
    if isinstance(tags, str):
        meta["tags"] = [tag.strip() for tag in tags.split(",") if tag.strip()]
    return {**document, "meta": meta, "version": 2}


def _upgrade_v2(document: JsonObject) -> JsonObject:
    """Version 3 remembers the check findings ignored on purpose; older files had none."""
    return {**document, "ignores": [], "version": 3}


MIGRATIONS: dict[int, Callable[[JsonObject], JsonObject]] = {1: _upgrade_v1, 2: _upgrade_v2}
"""Version N → N+1, applied in turn until the document is current."""


# -- writing ---------------------------------------------------------------------------


def dumps(article: Article) -> str:
    document = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "meta": _meta_to_json(article.meta),
        "body": [_block_to_json(block) for block in article.body],
        "ignores": [_ignore_to_json(ignore) for ignore in article.ignores],
    }
    return json.dumps(document, ensure_ascii=False, indent=2) + "\n"


def _meta_to_json(meta: Metadata) -> JsonObject:
    return {
        "headline": meta.headline,
        "standfirst": meta.standfirst,
        "byline": meta.byline,
        "dateline": meta.dateline,
        "section": meta.section,
        "tags": list(meta.tags),
        "status": meta.status.value,
        "language": meta.language,
        "created": meta.created.isoformat() if meta.created else None,
        "updated": meta.updated.isoformat() if meta.updated else None,
    }


def _ignore_to_json(ignore: CheckIgnore) -> JsonObject:
    return {"rule": ignore.rule_id, "text": ignore.text, "context": ignore.context}


def _rich_to_json(text: RichText) -> list[JsonObject]:
    spans: list[JsonObject] = []
    for span in text:
        item: JsonObject = {"text": span.text}
        if span.bold:
            item["bold"] = True
        if span.italic:
            item["italic"] = True
        if span.code:
            item["code"] = True
        if span.link is not None:
            item["link"] = span.link
        spans.append(item)
    return spans


def _block_to_json(block: Block) -> JsonObject:
    match block:
        case Paragraph():
            return {"type": block.kind, "content": _rich_to_json(block.content)}
        case Heading():
            return {
                "type": block.kind,
                "level": block.level,
                "content": _rich_to_json(block.content),
            }
        case BlockQuote() | PullQuote():
            return {
                "type": block.kind,
                "content": _rich_to_json(block.content),
                "attribution": _rich_to_json(block.attribution),
            }
        case ListBlock():
            return {
                "type": block.kind,
                "ordered": block.ordered,
                "items": [_rich_to_json(item) for item in block.items],
            }
        case CodeBlock():
            return {"type": block.kind, "language": block.language, "code": block.code}
        case HorizontalRule():
            return {"type": block.kind}
    raise TypeError(f"not a block: {block!r}")  # pragma: no cover - exhaustive above


# -- reading ---------------------------------------------------------------------------


def loads(text: str) -> Article:
    """Read a document; ``ArticleFormatError`` with one clear sentence on any problem."""
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ArticleFormatError(
            f"not valid JSON (line {error.lineno}, column {error.colno}: {error.msg})"
        ) from None
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise ArticleFormatError("not an Article Editor document (no article format marker)")
    document = upgrade(document)
    try:
        return Article(
            meta=_meta_from_json(_expect(document.get("meta", {}), dict, "meta")),
            body=tuple(
                _block_from_json(_expect(item, dict, "body block"))
                for item in _expect(document.get("body", []), list, "body")
            ),
            ignores=tuple(
                _ignore_from_json(_expect(item, dict, "ignore"))
                for item in _expect(document.get("ignores", []), list, "ignores")
            ),
        )
    except (KeyError, TypeError, ValueError) as error:
        raise ArticleFormatError(f"the document is damaged: {_describe(error)}") from None


def upgrade(document: JsonObject) -> JsonObject:
    """Bring a document of any older format version up to the current one."""
    version = document.get("version")
    if not isinstance(version, int) or version < 1:
        raise ArticleFormatError(f"the document has no valid format version ({version!r})")
    if version > FORMAT_VERSION:
        raise ArticleFormatError(
            f"the document is format version {version}, newer than this app reads "
            f"({FORMAT_VERSION}); update Article Editor to open it"
        )
    while version < FORMAT_VERSION:
        document = MIGRATIONS[version](document)
        version = document["version"]
    return document


def _describe(error: Exception) -> str:
    if isinstance(error, KeyError):
        return f"missing field {error.args[0]!r}"
    return str(error)


def _expect(value: object, kind: type[_T], what: str) -> _T:
    if not isinstance(value, kind):
        raise TypeError(f"{what} should be a {kind.__name__}, not {type(value).__name__}")
    return value


def _text(value: object, what: str) -> str:
    return _expect(value, str, what)


def _date(value: object, what: str) -> datetime | None:
    if value is None:
        return None
    return datetime.fromisoformat(_text(value, what))


def _ignore_from_json(item: JsonObject) -> CheckIgnore:
    return CheckIgnore(
        rule_id=_text(item["rule"], "ignored rule"),
        text=_text(item["text"], "ignored text"),
        context=_text(item.get("context", ""), "ignored context"),
    )


def _meta_from_json(meta: JsonObject) -> Metadata:
    return Metadata(
        headline=_text(meta.get("headline", ""), "headline"),
        standfirst=_text(meta.get("standfirst", ""), "standfirst"),
        byline=_text(meta.get("byline", ""), "byline"),
        dateline=_text(meta.get("dateline", ""), "dateline"),
        section=_text(meta.get("section", ""), "section"),
        tags=tuple(_text(tag, "tag") for tag in _expect(meta.get("tags", []), list, "tags")),
        status=Status(meta.get("status", Status.DRAFT.value)),
        language=_text(meta.get("language", "en-GB"), "language"),
        created=_date(meta.get("created"), "created"),
        updated=_date(meta.get("updated"), "updated"),
    )


def _rich_from_json(value: object) -> RichText:
    spans = []
    for item in _expect(value, list, "inline content"):
        span = _expect(item, dict, "inline span")
        link = span.get("link")
        spans.append(
            Span(
                text=_text(span["text"], "span text"),
                bold=bool(span.get("bold", False)),
                italic=bool(span.get("italic", False)),
                code=bool(span.get("code", False)),
                link=None if link is None else _text(link, "link"),
            )
        )
    return RichText(tuple(spans))


def _block_from_json(block: JsonObject) -> Block:
    kind = block["type"]
    match kind:
        case Paragraph.kind:
            return Paragraph(_rich_from_json(block["content"]))
        case Heading.kind:
            return Heading(_rich_from_json(block["content"]), level=int(block["level"]))
        case BlockQuote.kind:
            return BlockQuote(
                _rich_from_json(block["content"]),
                _rich_from_json(block.get("attribution", [])),
            )
        case PullQuote.kind:
            return PullQuote(
                _rich_from_json(block["content"]),
                _rich_from_json(block.get("attribution", [])),
            )
        case ListBlock.kind:
            return ListBlock(
                tuple(_rich_from_json(item) for item in _expect(block["items"], list, "items")),
                ordered=bool(block.get("ordered", False)),
            )
        case CodeBlock.kind:
            return CodeBlock(
                code=_text(block["code"], "code"),
                language=_text(block.get("language", ""), "language"),
            )
        case HorizontalRule.kind:
            return HorizontalRule()
    raise ValueError(f"unknown block type {kind!r}")
