"""The article document model: plain Python, no Qt, no database, no file formats but its own.

Everything else in the app speaks this model: the importers build it, the
exporters read it, the checks address positions in it and the editor converts
it to and from Qt's document.
"""

from editor_app.model.article import (
    DEFAULT_LANGUAGE,
    Article,
    CheckIgnore,
    Metadata,
    Status,
    block_segments,
)
from editor_app.model.blocks import (
    BLOCK_TYPES,
    HEADING_LEVELS,
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
from editor_app.model.positions import (
    Field,
    Position,
    TextRange,
    TextRef,
    codepoint_offset,
    utf16_offset,
)

__all__ = [
    "BLOCK_TYPES",
    "DEFAULT_LANGUAGE",
    "HEADING_LEVELS",
    "Article",
    "Block",
    "BlockQuote",
    "CheckIgnore",
    "CodeBlock",
    "Field",
    "Heading",
    "HorizontalRule",
    "ListBlock",
    "Metadata",
    "Paragraph",
    "Position",
    "PullQuote",
    "RichText",
    "Span",
    "Status",
    "TextRange",
    "TextRef",
    "block_segments",
    "codepoint_offset",
    "utf16_offset",
]
