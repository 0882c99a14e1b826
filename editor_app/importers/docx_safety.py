"""Checks a ``.docx`` file must pass before python-docx may open it.

python-docx unpacks every part of the archive into memory and has no guard
against zip bombs, so the importer reads the file once, checks the archive's
directory here (declared sizes: Python's zipfile never inflates an entry past
its declared size, it fails the CRC check instead) and hands the checked bytes
on. Every refusal is ``ImportFailed`` with one sentence the user can act on.
"""

from __future__ import annotations

import stat
import zipfile
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from xml.etree import ElementTree

from editor_app.errors import ImportFailed

MEGABYTE = 1024 * 1024
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
"""Compound File Binary: Word 97-2003 documents, and encrypted (password-protected) OOXML."""
MAIN_DOCUMENT = "word/document.xml"
_OFFICE_DOCUMENT = "/officeDocument/2006/relationships/officeDocument"
_PACKAGE_RELS = "_rels/.rels"


@dataclass(frozen=True)
class DocxLimits:
    """How much a ``.docx`` may hold; far above any article, far below a bomb."""

    max_file_bytes: int = 200 * MEGABYTE
    max_entries: int = 5_000
    max_total_bytes: int = 200 * MEGABYTE
    """Uncompressed, all entries together."""
    max_ratio: float = 100.0
    """Uncompressed to compressed size, for entries of at least ``ratio_min_bytes``."""
    ratio_min_bytes: int = 10 * MEGABYTE


DEFAULT_LIMITS = DocxLimits()


def read_checked_docx(path: Path, limits: DocxLimits = DEFAULT_LIMITS) -> bytes:
    """The bytes of ``path`` once they are known to be a reasonable DOCX package."""
    data = _read(path, limits)
    name = path.name
    if data.startswith(OLE_MAGIC):
        raise ImportFailed(
            f"{name} is a password-protected or old .doc file: open it in Word and save it "
            "as a .docx without a password"
        )
    if not zipfile.is_zipfile(BytesIO(data)):
        raise ImportFailed(f"{name} is not a DOCX file (a .docx is a zip archive, this is not)")
    try:
        with zipfile.ZipFile(BytesIO(data)) as archive:
            _check_entries(name, archive.infolist(), limits)
            main = _main_document(archive)
            if main not in archive.NameToInfo:
                raise ImportFailed(f"{name} is not a Word document: it has no {main}")
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as error:
        raise ImportFailed(f"{name} is a damaged DOCX file ({error})") from None
    return data


def _read(path: Path, limits: DocxLimits) -> bytes:
    try:
        info = path.stat()
        if stat.S_ISDIR(info.st_mode):
            raise ImportFailed(f"{path.name} is a folder, not a file")
        if not stat.S_ISREG(info.st_mode):
            raise ImportFailed(f"{path.name} is not a regular file")
        if info.st_size > limits.max_file_bytes:
            raise ImportFailed(_too_large(path.name, info.st_size))
        with path.open("rb") as stream:
            data = stream.read(limits.max_file_bytes + 1)
    except FileNotFoundError:
        raise ImportFailed(f"{path} does not exist") from None
    except OSError as error:
        raise ImportFailed(f"cannot read {path.name}: {error.strerror or error}") from None
    if len(data) > limits.max_file_bytes:  # it grew since stat()
        raise ImportFailed(_too_large(path.name, len(data)))
    if not data:
        raise ImportFailed(f"{path.name} is empty: there is no document in it to import")
    return data


def _too_large(name: str, size: int) -> str:
    return f"{name} is too large to import ({size / MEGABYTE:.0f} MB); an article is far smaller"


def _check_entries(name: str, entries: list[zipfile.ZipInfo], limits: DocxLimits) -> None:
    if len(entries) > limits.max_entries:
        raise ImportFailed(
            f"{name} holds {len(entries)} files, more than a Word document ever does "
            f"(at most {limits.max_entries}); it was not opened"
        )
    if any(entry.flag_bits & 0x1 for entry in entries):
        raise ImportFailed(f"{name} is encrypted: save it without a password and import it again")
    total = sum(entry.file_size for entry in entries)
    if total > limits.max_total_bytes:
        raise ImportFailed(
            f"{name} would unpack to {total / MEGABYTE:.0f} MB, more than the "
            f"{limits.max_total_bytes / MEGABYTE:.0f} MB allowed: it may be a zip bomb"
        )
    for entry in entries:
        ratio = entry.file_size / max(entry.compress_size, 1)
        if entry.file_size >= limits.ratio_min_bytes and ratio > limits.max_ratio:
            raise ImportFailed(
                f"{name} looks like a zip bomb: {entry.filename} is compressed "
                f"{ratio:.0f} to 1, far beyond what a document compresses"
            )


def _main_document(archive: zipfile.ZipFile) -> str:
    """The main part's name, from the package relationships (``word/document.xml`` by
    convention, but the relationship decides)."""
    try:
        relationships = ElementTree.fromstring(archive.read(_PACKAGE_RELS))
    except (KeyError, ElementTree.ParseError):
        return MAIN_DOCUMENT
    for relationship in relationships:
        if relationship.get("Type", "").endswith(_OFFICE_DOCUMENT):
            return relationship.get("Target", MAIN_DOCUMENT).lstrip("/")
    return MAIN_DOCUMENT
