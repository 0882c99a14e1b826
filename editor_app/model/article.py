"""The article: metadata plus a body of blocks."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field, replace
from datetime import datetime
from enum import StrEnum

from editor_app.model.blocks import (
    Block,
    BlockQuote,
    CodeBlock,
    Heading,
    ListBlock,
    Paragraph,
    PullQuote,
)
from editor_app.model.inline import RichText
from editor_app.model.positions import Field, TextRef

_BY_PREFIX = re.compile(r"by\s", re.IGNORECASE)


class Status(StrEnum):
    DRAFT = "draft"
    IN_EDIT = "in_edit"
    READY = "ready"
    PUBLISHED = "published"


DEFAULT_LANGUAGE = "en-GB"


@dataclass(frozen=True)
class Metadata:
    headline: str = ""
    standfirst: str = ""
    byline: str = ""
    dateline: str = ""
    section: str = ""
    tags: tuple[str, ...] = ()
    status: Status = Status.DRAFT
    language: str = DEFAULT_LANGUAGE
    created: datetime | None = None
    updated: datetime | None = None

    @property
    def credit_line(self) -> str:
        """The byline as printed ("By Mira Sandoval"); the field holds the names only,
        but a "By" typed into it is not doubled."""
        names = self.byline.strip()
        if not names or _BY_PREFIX.match(names):
            return names
        return f"By {names}"


METADATA_TEXT_FIELDS: tuple[Field, ...] = (
    Field.HEADLINE,
    Field.STANDFIRST,
    Field.BYLINE,
    Field.DATELINE,
)


@dataclass(frozen=True)
class CheckIgnore:
    """A finding the editor chose to keep: "ignore in this article" when ``context`` is
    empty, else "ignore here", where ``context`` is the text around that one occurrence
    (so the ignore follows the passage when paragraphs move, and lapses when it is
    rewritten)."""

    rule_id: str
    text: str
    context: str = ""

    @property
    def everywhere(self) -> bool:
        return not self.context


@dataclass(frozen=True)
class Article:
    meta: Metadata = field(default_factory=Metadata)
    body: tuple[Block, ...] = ()
    ignores: tuple[CheckIgnore, ...] = ()
    """The check findings kept on purpose, remembered with the article."""

    def with_meta(self, **changes: object) -> Article:
        return replace(self, meta=replace(self.meta, **changes))  # type: ignore[arg-type]

    def with_body(self, body: tuple[Block, ...]) -> Article:
        return replace(self, body=body)

    def with_ignores(self, ignores: tuple[CheckIgnore, ...]) -> Article:
        return replace(self, ignores=tuple(dict.fromkeys(ignores)))

    def segments(self) -> Iterator[tuple[TextRef, str]]:
        """Every piece of checkable text, in reading order, with its address.

        Code blocks are left out: they are not prose.
        """
        for name in METADATA_TEXT_FIELDS:
            value = getattr(self.meta, name.value)
            if value:
                yield TextRef(name), value
        for index, block in enumerate(self.body):
            for ref, content in block_segments(index, block):
                yield ref, content.plain

    def rich_segments(self) -> Iterator[tuple[TextRef, RichText]]:
        """The body's inline content with its marks, in reading order."""
        for index, block in enumerate(self.body):
            yield from block_segments(index, block)

    def text_at(self, ref: TextRef) -> str:
        """The plain text a reference names; ``KeyError`` when it names nothing."""
        if ref.field in METADATA_TEXT_FIELDS:
            return str(getattr(self.meta, ref.field.value))
        if not 0 <= ref.block < len(self.body):
            raise KeyError(ref)
        for candidate, content in block_segments(ref.block, self.body[ref.block]):
            if candidate == ref:
                return content.plain
        raise KeyError(ref)

    def word_count(self) -> int:
        return sum(len(text.split()) for ref, text in self.segments() if ref.block >= 0)

    def plain_body(self) -> str:
        """The body as plain text, one block a paragraph: for counting and searching."""
        return "\n\n".join(text for ref, text in self.segments() if ref.block >= 0)


def block_segments(index: int, block: Block) -> Iterator[tuple[TextRef, RichText]]:
    """The addressable inline pieces of one block."""
    match block:
        case Paragraph() | Heading():
            yield TextRef(Field.TEXT, index), block.content
        case BlockQuote() | PullQuote():
            yield TextRef(Field.TEXT, index), block.content
            if block.attribution:
                yield TextRef(Field.ATTRIBUTION, index), block.attribution
        case ListBlock():
            for item_index, item in enumerate(block.items):
                yield TextRef(Field.ITEM, index, item_index), item
        case CodeBlock():
            return
        case _:
            return
