"""The vocabulary of Article Editor's DOCX dialect, shared by the DOCX exporter and importer.

Style names are the names Word shows (python-docx translates the built-in ones
to and from the lower-case names stored in ``styles.xml``). The custom styles
are defined in ``resources/templates/article.docx``, which
``packaging/build_docx_template.py`` builds; every name the exporter uses must
exist there.

The custom document properties carry what Word has no place for (status, exact
tags and timestamps, code languages), so that a DOCX written by the app reads
back without loss. Pure data: no python-docx here.
"""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Final

TEMPLATE: Final = ("templates", "article.docx")
"""Where the styles template lives under ``resources/``."""

# -- paragraph styles --------------------------------------------------------------------
NORMAL: Final = "Normal"
TITLE: Final = "Title"
SUBTITLE: Final = "Subtitle"
BYLINE: Final = "Byline"
DATELINE: Final = "Dateline"
QUOTE: Final = "Quote"
INTENSE_QUOTE: Final = "Intense Quote"
QUOTE_ATTRIBUTION: Final = "Quote Attribution"
LIST_BULLET: Final = "List Bullet"
LIST_NUMBER: Final = "List Number"
CODE_BLOCK: Final = "Code Block"
HORIZONTAL_RULE: Final = "Horizontal Rule"

# -- character styles --------------------------------------------------------------------
CODE_CHAR: Final = "Code Char"
HYPERLINK: Final = "Hyperlink"


def heading(level: int) -> str:
    """The style name of a heading level ("Heading 2")."""
    return f"Heading {level}"


CUSTOM_STYLES: Final = (
    BYLINE,
    DATELINE,
    QUOTE_ATTRIBUTION,
    CODE_BLOCK,
    HORIZONTAL_RULE,
    CODE_CHAR,
    HYPERLINK,
)
"""The styles the template adds to python-docx's default one."""

MONOSPACE_FONT: Final = "Courier New"
"""Present on Windows and macOS; LibreOffice substitutes Liberation Mono."""

# -- custom document properties ----------------------------------------------------------
PROPERTY_PREFIX: Final = "ArticleEditor."
FORMAT_PROPERTY: Final = PROPERTY_PREFIX + "Format"
"""Present in every DOCX the app writes: the body follows this module's conventions."""
FORMAT_VERSION: Final = "1"
STATUS_PROPERTY: Final = PROPERTY_PREFIX + "Status"
TAGS_PROPERTY: Final = PROPERTY_PREFIX + "Tags"
SECTION_PROPERTY: Final = PROPERTY_PREFIX + "Section"
CREATED_PROPERTY: Final = PROPERTY_PREFIX + "Created"
UPDATED_PROPERTY: Final = PROPERTY_PREFIX + "Updated"
CODE_LANGUAGES_PROPERTY: Final = PROPERTY_PREFIX + "CodeLanguages"

CORE_TEXT_LIMIT: Final = 255
"""python-docx refuses longer core properties (title, subject, keywords...)."""

TAG_SEPARATOR: Final = ", "
"""How tags are joined in the core ``keywords`` property Word shows."""

# -- the OOXML names python-docx has no constant for -------------------------------------
CUSTOM_PROPERTIES_NS: Final = (
    "http://schemas.openxmlformats.org/officeDocument/2006/custom-properties"
)
VT_NS: Final = "http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"
CUSTOM_PROPERTY_FMTID: Final = "{D5CDD505-2E9C-101B-9397-08002B2CF9AE}"
"""The format id every user-defined custom property carries."""


def core_text(value: str) -> str:
    """``value`` as it fits a core property (the full text lives in the body)."""
    return value[:CORE_TEXT_LIMIT]


def keywords_of(tags: tuple[str, ...]) -> str:
    """The core ``keywords`` text of a tag list."""
    return core_text(TAG_SEPARATOR.join(tags))


def core_datetime(moment: datetime) -> datetime:
    """``moment`` as the core properties hold it: UTC (a naive time taken as UTC), whole
    seconds. python-docx prints the fields as they are, so an aware time is converted."""
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.replace(tzinfo=UTC, microsecond=0)
