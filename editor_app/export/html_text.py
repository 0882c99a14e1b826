"""What HTML text and link targets may hold: shared by the HTML export, the HTML
import and the editor's link dialog, which must not load the exporter's templates
to check a URL."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

LINK_SCHEMES = frozenset({"http", "https", "mailto"})

_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_URL_IGNORED = re.compile(r"[\t\n\r]|^[\x00-\x20]+|[\x00-\x20]+$")
_URL_UNSAFE = re.compile(r'%(?![0-9A-Fa-f]{2})|[\s"<>\\^`{|}\ufffd]')
"""What a URL may not hold (spaces, quotes, braces, a stray "%"): percent-encoded."""
_FORBIDDEN = re.compile(
    "[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
    + "".join(
        f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17)
    )
    + "]"
)


def clean_text(text: str) -> str:
    """Text HTML can hold: line breaks as ``\\n``, forbidden characters as U+FFFD."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _FORBIDDEN.sub("\ufffd", text)


def safe_href(target: str) -> str | None:
    """The link target as a valid ``href``, or ``None`` when it must not be a link."""
    # Browsers ignore tabs and line breaks anywhere in a URL and control
    # characters and spaces at its ends: "java\tscript:" is still javascript.
    url = _URL_IGNORED.sub("", target)
    if not url:
        return None
    scheme = _SCHEME.match(url)
    if scheme is not None and scheme.group(1).lower() not in LINK_SCHEMES:
        return None
    if scheme is not None and scheme.group(1).lower() != "mailto" and not _has_host(url):
        return None
    return _URL_UNSAFE.sub(_percent_encoded, clean_text(url))


def _has_host(url: str) -> bool:
    try:
        return bool(urlsplit(url).hostname)
    except ValueError:  # an unmatched "[" of an IPv6 address
        return False


def _percent_encoded(match: re.Match[str]) -> str:
    return "".join(f"%{byte:02X}" for byte in match.group().encode("utf-8"))
