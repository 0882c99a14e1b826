"""Reading text files in any encoding, and refusing what is not text."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st

from editor_app.errors import ImportFailed
from editor_app.importers import decoding
from editor_app.importers.decoding import (
    decode_bytes,
    normalise_newlines,
    read_text_file,
    read_text_file_with_encoding,
)

DATA = Path(__file__).parents[1] / "data"

NEWS = "“It’s a café – naïve, even,” she said… Prices rose 5% to €12."
RUSSIAN = "Министр заявил, что переговоры продолжатся в среду в Москве."


@pytest.mark.parametrize(
    ("data", "text", "encoding", "guessed"),
    [
        (NEWS.encode("utf-8"), NEWS, "UTF-8", False),
        (b"\xef\xbb\xbf" + NEWS.encode("utf-8"), NEWS, "UTF-8", False),
        (b"\xff\xfe" + NEWS.encode("utf-16-le"), NEWS, "UTF-16 LE", False),
        (b"\xfe\xff" + NEWS.encode("utf-16-be"), NEWS, "UTF-16 BE", False),
        (NEWS.encode("utf-16-le"), NEWS, "UTF-16 LE", True),
        (NEWS.encode("utf-16-be"), NEWS, "UTF-16 BE", True),
        (NEWS.encode("utf-32"), NEWS, "UTF-32 LE", False),
        (NEWS.encode("cp1252"), NEWS, "Windows-1252", True),
        (
            b"\x93Quoted\x94 and \x92apostrophe\x92",
            "“Quoted” and ’apostrophe’",
            "Windows-1252",
            True,
        ),
        ("Dès l'été, à Genève".encode("latin-1"), "Dès l'été, à Genève", "Latin-1", True),
        (
            "Zażółć gęślą jaźń, mówią w Łodzi.".encode("cp1250"),
            "Zażółć gęślą jaźń, mówią w Łodzi.",
            "Windows-1250",
            True,
        ),
        (RUSSIAN.encode("cp1251"), RUSSIAN, "Windows-1251", True),
    ],
)
def test_decodes(data: bytes, text: str, encoding: str, guessed: bool) -> None:
    assert decode_bytes(data, "story.txt") == decoding.DecodedText(text, encoding, guessed)


@pytest.mark.parametrize(
    ("data", "text"),
    [
        (b"one\r\ntwo\r\n", "one\ntwo\n"),
        (b"one\rtwo", "one\ntwo"),
        ("one\u2028two\u2029three".encode(), "one\ntwo\n\nthree"),
    ],
)
def test_normalises_newlines(data: bytes, text: str) -> None:
    assert decode_bytes(data, "story.txt").text == text


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "is empty"),
        (b" \n\t\r\n", "is empty"),
        (b"\xef\xbb\xbf", "is empty"),
        (b"\xff\xfe" + " \n".encode("utf-16-le"), "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", "not a text file"),
        (bytes(range(1, 9)) * 50 + b"text", "not a text file"),
        (b"\xff\xfe" + b"\x00\xd8a\x00", "damaged"),
    ],
)
def test_refuses(data: bytes, problem: str) -> None:
    with pytest.raises(ImportFailed, match=problem) as failure:
        decode_bytes(data, "story.txt")
    assert "story.txt" in str(failure.value)


def test_reads_fixture_in_windows_1252() -> None:
    decoded = read_text_file_with_encoding(DATA / "text_cp1252.txt")
    assert decoded.encoding == "Windows-1252"
    assert decoded.text.startswith("Café owners say “it’s the best summer in years” – ")
    assert "\r" not in decoded.text


def test_reads_fixture_in_utf16() -> None:
    assert read_text_file(DATA / "text_utf16le_bom.txt").startswith("Snow closes Tromsø airport\n")


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match=r"absent\.txt does not exist"):
        read_text_file(tmp_path / "absent.txt")


def test_folder(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").mkdir()
    with pytest.raises(ImportFailed, match=r"notes\.txt is a folder"):
        read_text_file(tmp_path / "notes.txt")


def test_not_a_regular_file(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe.txt"
    os.mkfifo(pipe)
    with pytest.raises(ImportFailed, match=r"pipe\.txt is not a regular file"):
        read_text_file(pipe)


def test_unreadable_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # Root (as in CI) reads any file whatever its mode, so the refusal is simulated.
    path = tmp_path / "locked.txt"
    path.write_text("text")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(Path, "open", refuse)
    with pytest.raises(ImportFailed, match=r"cannot read locked\.txt: permission denied"):
        read_text_file(path)


def test_huge_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(decoding, "MAX_FILE_BYTES", 1024 * 1024)
    path = tmp_path / "dump.txt"
    path.write_bytes(b"word " * (3 * 1024 * 1024 // 5))
    with pytest.raises(ImportFailed, match=r"dump\.txt is too large .*3 MB; the limit is 1 MB"):
        read_text_file(path)


def test_default_limit_is_fifty_megabytes() -> None:
    assert decoding.MAX_FILE_BYTES == 50 * 1024 * 1024


# -- round trips -----------------------------------------------------------------------

# Any text a person could write: no control characters but line breaks and tabs.
any_text = st.text(
    st.one_of(
        st.characters(exclude_categories=("Cc", "Cs")),
        st.sampled_from(["\n", "\t", "\r"]),
    ),
    min_size=1,
)

# Western copy of the kind still saved as Windows-1252: plain words with accented
# words, curly quotes, dashes and ellipses among them (at least one plain word of
# three letters or more for each of those, as in any Western language).
_PLAIN_WORDS = st.from_regex(r"[A-Za-z]{3,10}", fullmatch=True)
_WESTERN_WORDS = st.sampled_from(
    [
        "café",
        "naïve",
        "“quoted”",
        "it’s",
        "‘single’",
        "–",
        "—",
        "…",
        "€5",
        "£12",
        "Zürich",
        "façade",
        "señor",
        "Ærø",
        "½",
        "«oui»",
        "®",
        "°C",
        "Øresund",
        "déjà",
        "Straße",
        "à",
    ]
)
_GAPS = st.sampled_from([" ", ", ", ". ", "\n", "\n\n"])
western_text = st.lists(
    st.tuples(_PLAIN_WORDS, _GAPS, st.one_of(st.just(""), _WESTERN_WORDS), _GAPS),
    min_size=1,
    max_size=30,
).map(
    lambda parts: "".join(
        plain + gap + word + (end if word else "") for plain, gap, word, end in parts
    )
)


@given(any_text, st.sampled_from(["utf-8", "utf-8-sig", "utf-16"]))
def test_unicode_round_trip(text: str, codec: str) -> None:
    assume(text.strip() and not text.startswith("\ufeff"))
    assert decode_bytes(text.encode(codec), "story.txt").text == normalise_newlines(text)


@given(western_text, st.sampled_from(["utf-16-le", "utf-16-be"]))
def test_bomless_utf16_round_trip(text: str, codec: str) -> None:
    assert decode_bytes(text.encode(codec), "story.txt").text == text


@given(western_text)
def test_windows_1252_round_trip(text: str) -> None:
    assert decode_bytes(text.encode("cp1252"), "story.txt").text == text
