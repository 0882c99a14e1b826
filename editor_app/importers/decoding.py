"""Reading a text file whatever its encoding, or refusing it with one clear sentence.

Every text importer starts here. The order of the guesses matters:

1. A byte-order mark settles it (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE).
2. UTF-16 without a mark is recognised by its zero bytes, when the text is mostly
   Latin script (every other byte is then zero); otherwise zero bytes mean binary.
3. Strict UTF-8: legacy text almost never decodes as valid UTF-8 by accident.
4. Windows-1252, when decoding with it gives text that reads as Western European
   copy (see ``_reads_as_western``): it is by far the most common legacy encoding
   of English and Western European articles, and statistical guessers are
   unreliable on files as short as articles (they take French for Czech).
5. charset-normalizer's guess, for everything else (Cyrillic, Greek, CJK...).

Newlines come back as ``\\n`` whatever the file used (CRLF, CR, U+2028), and the
Unicode paragraph separator U+2029 becomes a blank line.
"""

from __future__ import annotations

import re
import stat
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from editor_app.errors import ImportFailed

MAX_FILE_BYTES = 50 * 1024 * 1024
"""An article is a few hundred kilobytes at most; anything this large is a mistake."""

_BOMS: tuple[tuple[bytes, str, str], ...] = (
    # UTF-32 first: its little-endian mark begins with UTF-16's.
    (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32 LE"),
    (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32 BE"),
    (b"\xef\xbb\xbf", "utf-8", "UTF-8"),
    (b"\xff\xfe", "utf-16-le", "UTF-16 LE"),
    (b"\xfe\xff", "utf-16-be", "UTF-16 BE"),
)

_MAX_ACCENTED_SHARE = 0.5
_MIN_LETTERS_TO_JUDGE = 20
_SYMBOL_IN_WORD = re.compile(r"(?<=[^\W\d_])[\u00a1-\u00bf\u00d7\u00f7](?=[^\W\d_])")

_MAX_CONTROL_SHARE = 0.02
"""More control characters than this (besides tab, newline, form feed) means binary."""

_TEXT_CONTROLS = frozenset("\t\n\r\f\v")


@dataclass(frozen=True)
class DecodedText:
    """The text of a file and how it was read.

    ``encoding`` is a name a person recognises ("UTF-8", "Windows-1252");
    ``guessed`` is true when neither a byte-order mark nor valid UTF-8 vouched
    for it, so the import report can ask the user to check accents and quotes.
    """

    text: str
    encoding: str
    guessed: bool = False


def read_text_file(path: Path) -> str:
    """The text of ``path``, or ``ImportFailed`` saying why it cannot be read."""
    return read_text_file_with_encoding(path).text


def read_text_file_with_encoding(path: Path) -> DecodedText:
    """Like ``read_text_file``, also telling which encoding was used."""
    return decode_bytes(_read_bytes(path), path.name)


def decode_bytes(data: bytes, name: str) -> DecodedText:
    """Decode the bytes of a file called ``name`` (used in the error messages)."""
    if not data.strip():
        raise ImportFailed(f"{name} is empty: there is no text in it to import")
    decoded = _decode(data, name)
    text = normalise_newlines(decoded.text)
    if not text.strip():
        raise ImportFailed(f"{name} is empty: there is no text in it to import")
    if _looks_binary(text):
        raise ImportFailed(f"{name} is not a text file (it looks like binary data)")
    return DecodedText(text, decoded.encoding, decoded.guessed)


def normalise_newlines(text: str) -> str:
    """Every line break as ``\\n``; a Unicode paragraph separator as a blank line."""
    return (
        text.replace("\r\n", "\n")
        .replace("\r", "\n")
        .replace("\u2028", "\n")
        .replace("\u2029", "\n\n")
    )


def _read_bytes(path: Path) -> bytes:
    try:
        info = path.stat()
    except FileNotFoundError:
        raise ImportFailed(f"{path} does not exist") from None
    except OSError as error:
        raise ImportFailed(f"cannot read {path.name}: {_reason(error)}") from None
    if stat.S_ISDIR(info.st_mode):
        raise ImportFailed(f"{path.name} is a folder, not a file")
    if not stat.S_ISREG(info.st_mode):
        raise ImportFailed(f"{path.name} is not a regular file")
    if info.st_size > MAX_FILE_BYTES:
        raise ImportFailed(_too_large(path.name, info.st_size))
    try:
        with path.open("rb") as stream:
            data = stream.read(MAX_FILE_BYTES + 1)
    except OSError as error:
        raise ImportFailed(f"cannot read {path.name}: {_reason(error)}") from None
    if len(data) > MAX_FILE_BYTES:  # it grew since stat()
        raise ImportFailed(_too_large(path.name, len(data)))
    return data


def _reason(error: OSError) -> str:
    if isinstance(error, PermissionError):
        return "permission denied"
    return (error.strerror or str(error)).lower()


def _too_large(name: str, size: int) -> str:
    megabytes = MAX_FILE_BYTES // (1024 * 1024)
    return (
        f"{name} is too large to be an article ({size / (1024 * 1024):.0f} MB; "
        f"the limit is {megabytes} MB)"
    )


def _decode(data: bytes, name: str) -> DecodedText:
    for bom, codec, label in _BOMS:
        if data.startswith(bom):
            return _strict(data[len(bom) :], codec, label, name)
    utf16 = _bomless_utf16(data)
    if utf16 is not None:
        return utf16
    if b"\x00" in data:
        raise ImportFailed(f"{name} is not a text file (it looks like binary data)")
    try:
        return DecodedText(data.decode("utf-8"), "UTF-8")
    except UnicodeDecodeError:
        pass
    return _legacy(data, name)


def _strict(data: bytes, codec: str, label: str, name: str) -> DecodedText:
    try:
        return DecodedText(data.decode(codec), label)
    except UnicodeDecodeError:
        raise ImportFailed(
            f"{name} starts like {label} text but is damaged further on, so it cannot be read"
        ) from None


def _bomless_utf16(data: bytes) -> DecodedText | None:
    """UTF-16 without a mark, recognised when every other byte is mostly zero."""
    if len(data) < 4 or len(data) % 2:
        return None
    half = len(data) // 2
    even_zeros, odd_zeros = data[0::2].count(0), data[1::2].count(0)
    if odd_zeros >= 0.3 * half and even_zeros <= 0.05 * half:
        codec, label = "utf-16-le", "UTF-16 LE"
    elif even_zeros >= 0.3 * half and odd_zeros <= 0.05 * half:
        codec, label = "utf-16-be", "UTF-16 BE"
    else:
        return None
    try:
        text = data.decode(codec)
    except UnicodeDecodeError:
        return None
    return None if "\x00" in text else DecodedText(text, label, guessed=True)


def _legacy(data: bytes, name: str) -> DecodedText:
    western = _western(data)
    if western is not None and _reads_as_western(western.text):
        return western
    from charset_normalizer import from_bytes  # only legacy files need the guesser

    best = from_bytes(data).best()
    if best is not None:
        return DecodedText(str(best), _label(best.encoding), guessed=True)
    if western is not None:
        return western
    raise ImportFailed(
        f"{name} is not UTF-8 and its encoding could not be recognised; "
        "save it as UTF-8 and open it again"
    )


def _western(data: bytes) -> DecodedText | None:
    """Windows-1252; called Latin-1 when no byte differs between the two."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    if any(0x80 <= byte <= 0x9F for byte in data):
        return DecodedText(text, "Windows-1252", guessed=True)
    return DecodedText(text, "Latin-1", guessed=True)


def _reads_as_western(text: str) -> bool:
    """Whether Windows-1252 gave Western European copy rather than mojibake.

    Cyrillic or Greek read as Windows-1252 turns nearly every letter into an
    accented one ("Ïðèâåò"); Central European text grows symbols inside words
    ("Za¿ó³æ"). Real Western copy is mostly plain letters and has neither.
    """
    letters = [char for char in text if char.isalpha()]
    accented = sum(1 for char in letters if not char.isascii())
    if len(letters) >= _MIN_LETTERS_TO_JUDGE and accented > _MAX_ACCENTED_SHARE * len(letters):
        return False
    return _SYMBOL_IN_WORD.search(text) is None


def _label(codec: str) -> str:
    """charset-normalizer's codec names ("cp1251", "utf_16_le") as people write them."""
    known = {"latin_1": "Latin-1", "utf_8": "UTF-8", "ascii": "ASCII"}
    if codec in known:
        return known[codec]
    if re.fullmatch(r"cp125\d", codec):
        return f"Windows-{codec[2:]}"
    return codec.replace("_", "-").upper()


def _looks_binary(text: str) -> bool:
    sample = text[:100_000]
    controls = sum(
        1
        for char in sample
        if char not in _TEXT_CONTROLS and unicodedata.category(char) in {"Cc", "Cs"}
    )
    return controls > _MAX_CONTROL_SHARE * len(sample)
