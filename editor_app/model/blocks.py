"""The blocks an article body is made of.

Blocks are frozen dataclasses: cheap to compare and hash, which lets the checks
cache results per paragraph and the editor tell which blocks an edit touched.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import ClassVar

from editor_app.model.inline import RichText

HEADING_LEVELS = (2, 3, 4)
"""Level 1 is the headline, which lives in the metadata."""


@dataclass(frozen=True)
class Paragraph:
    kind: ClassVar[str] = "paragraph"
    content: RichText = field(default_factory=RichText)


@dataclass(frozen=True)
class Heading:
    kind: ClassVar[str] = "heading"
    content: RichText = field(default_factory=RichText)
    level: int = 2

    def __post_init__(self) -> None:
        if self.level not in HEADING_LEVELS:
            raise ValueError(f"heading level must be one of {HEADING_LEVELS}, not {self.level}")


@dataclass(frozen=True)
class BlockQuote:
    """A quotation set off from the text, with who said it below."""

    kind: ClassVar[str] = "blockquote"
    content: RichText = field(default_factory=RichText)
    attribution: RichText = field(default_factory=RichText)


@dataclass(frozen=True)
class PullQuote:
    """Words lifted from the story and displayed large; they must appear in the body."""

    kind: ClassVar[str] = "pullquote"
    content: RichText = field(default_factory=RichText)
    attribution: RichText = field(default_factory=RichText)


@dataclass(frozen=True)
class ListBlock:
    kind: ClassVar[str] = "list"
    items: tuple[RichText, ...] = ()
    ordered: bool = False


@dataclass(frozen=True)
class CodeBlock:
    kind: ClassVar[str] = "code"
    code: str = ""
    language: str = ""


@dataclass(frozen=True)
class HorizontalRule:
    kind: ClassVar[str] = "rule"


Block = Paragraph | Heading | BlockQuote | PullQuote | ListBlock | CodeBlock | HorizontalRule
BLOCK_TYPES: tuple[type[Block], ...] = (
    Paragraph,
    Heading,
    BlockQuote,
    PullQuote,
    ListBlock,
    CodeBlock,
    HorizontalRule,
)
