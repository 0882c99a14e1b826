"""How section and tag names are normalised, and slugs made: the same rule on every path."""

from __future__ import annotations

import re
import unicodedata

_NOT_SLUG = re.compile(r"[^a-z0-9]+")
SLUG_LENGTH = 80


def section_name(name: str) -> str:
    """Whitespace collapsed; case kept for display (lookups ignore case)."""
    return " ".join(name.split())


def section_key(name: str) -> str:
    """What two spellings of one section share: "Économie " and "économie"."""
    return section_name(name).casefold()


def tag_name(name: str) -> str:
    """Whitespace collapsed and lower-cased, so "Climate " and "climate" are one tag."""
    return " ".join(name.split()).lower()


def tag_names(tags: tuple[str, ...]) -> list[str]:
    """The article's tags as stored: normalised, without empties or repeats, in order."""
    return list(dict.fromkeys(name for name in map(tag_name, tags) if name))


def slugify(headline: str) -> str:
    """An ASCII, URL-safe form of the headline: "Ça va, Zürich?" → "ca-va-zurich"."""
    ascii_form = unicodedata.normalize("NFKD", headline).encode("ascii", "ignore").decode()
    slug = _NOT_SLUG.sub("-", ascii_form.lower()).strip("-")[:SLUG_LENGTH].rstrip("-")
    return slug or "article"
