"""Opening: where libraries go, and bad input refused with one sentence — leaving the
file (and its folder) exactly as they were."""

from __future__ import annotations

import hashlib
import random
import shutil
import sqlite3
import stat
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from editor_app.library import (
    LibraryError,
    LibraryUnavailable,
    SchemaTooNew,
    default_library_location,
    open_library,
)
from editor_app.library.location import parse_location
from editor_app.model import Article

Make = Callable[..., Article]


def folder_state(folder: Path) -> dict[str, str]:
    """Every file in the folder with a hash of its bytes."""
    return {
        child.name: hashlib.sha256(child.read_bytes()).hexdigest()
        for child in sorted(folder.iterdir())
        if child.is_file()
    }


def assert_refused(
    location: Path, error: type[LibraryError], match: str, *, create: bool = True
) -> None:
    before = folder_state(location.parent)
    with pytest.raises(error, match=match) as refused:
        open_library(location, create=create)
    assert "\n" not in str(refused.value)
    assert folder_state(location.parent) == before


@pytest.fixture
def real_library(tmp_path: Path, make_article: Make) -> Path:
    """A closed library with enough text to span many pages."""
    path = tmp_path / "library.sqlite3"
    with open_library(path) as library:
        for number in range(40):
            library.add_article(make_article(f"Story {number}", ["Words of a story. " * 200]))
    return path


def write_bytes(path: Path, content: bytes) -> Path:
    path.write_bytes(content)
    return path


@pytest.mark.parametrize(
    ("content", "match"),
    [
        (b"Notes for Tuesday's council meeting.\nBring the agenda.\n", "not a database"),
        (random.Random(7).randbytes(8192), "not a database"),
        (b"", "empty file"),
        (b"SQLite format 3\x00" + b"\x00" * 20, "truncated"),
    ],
    ids=["text", "random-bytes", "empty", "header-only"],
)
def test_a_file_that_is_not_a_library_is_refused(
    tmp_path: Path, content: bytes, match: str
) -> None:
    assert_refused(write_bytes(tmp_path / "notes.sqlite3", content), LibraryUnavailable, match)


@pytest.mark.parametrize("keep", [0.5, 0.37], ids=["page-boundary", "mid-page"])
def test_a_truncated_library_is_refused(real_library: Path, keep: float) -> None:
    data = real_library.read_bytes()
    cut = int(len(data) * keep) // 4096 * 4096 if keep == 0.5 else int(len(data) * keep)
    real_library.write_bytes(data[:cut])
    assert_refused(real_library, LibraryUnavailable, "truncated")


def test_another_programs_database_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "contacts.db"
    connection = sqlite3.connect(path)
    connection.execute("CREATE TABLE people (name TEXT)")
    connection.commit()
    connection.close()
    assert_refused(path, LibraryUnavailable, "not an Article Editor library")


def test_a_folder_is_refused(tmp_path: Path) -> None:
    folder = tmp_path / "library.sqlite3"
    folder.mkdir()
    with pytest.raises(LibraryUnavailable, match="is a folder"):
        open_library(folder)


@pytest.fixture
def read_only(tmp_path: Path) -> Iterator[Callable[[Path], None]]:
    """Clears write bits; restored afterwards so pytest can clean up. The library checks
    the bits too, so this works even when the tests run as root."""
    changed: list[tuple[Path, int]] = []

    def make_read_only(path: Path) -> None:
        mode = stat.S_IMODE(path.stat().st_mode)
        changed.append((path, mode))
        path.chmod(mode & ~0o222)

    yield make_read_only
    for path, mode in reversed(changed):
        path.chmod(mode)


def test_a_read_only_library_file_is_refused(
    real_library: Path, read_only: Callable[[Path], None]
) -> None:
    read_only(real_library)
    assert_refused(real_library, LibraryUnavailable, "read-only")


def test_a_library_in_a_read_only_folder_is_refused(
    real_library: Path, read_only: Callable[[Path], None]
) -> None:
    read_only(real_library.parent)
    assert_refused(real_library, LibraryUnavailable, "folder .* is read-only")


def test_a_new_library_in_a_read_only_folder_is_refused(
    tmp_path: Path, read_only: Callable[[Path], None]
) -> None:
    read_only(tmp_path)
    assert_refused(tmp_path / "library.sqlite3", LibraryUnavailable, "read-only")


def test_a_library_from_a_newer_app_is_left_untouched(real_library: Path) -> None:
    connection = sqlite3.connect(real_library)
    connection.execute("UPDATE alembic_version SET version_num = '0099'")
    connection.commit()
    connection.close()
    assert_refused(real_library, SchemaTooNew, "newer Article Editor.*0099")


def test_a_library_with_a_damaged_schema_record_is_refused(real_library: Path) -> None:
    connection = sqlite3.connect(real_library)
    connection.execute("INSERT INTO alembic_version VALUES ('0001')")
    connection.commit()
    connection.close()
    assert_refused(real_library, LibraryUnavailable, "damaged")


def test_missing_library_without_create(tmp_path: Path) -> None:
    with pytest.raises(LibraryUnavailable, match="no library at"):
        open_library(tmp_path / "missing" / "library.sqlite3", create=False)
    assert list(tmp_path.iterdir()) == []


def test_first_run_creates_the_folders(tmp_path: Path) -> None:
    path = tmp_path / "new" / "nested" / "library.sqlite3"
    with open_library(path) as library:
        assert library.list_articles() == []
    assert path.is_file()


def test_default_location_honours_the_environment(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("ARTICLE_EDITOR_LIBRARY", str(tmp_path / "chosen.sqlite3"))
    assert default_library_location() == str(tmp_path / "chosen.sqlite3")
    open_library().close()
    assert (tmp_path / "chosen.sqlite3").is_file()


def test_default_location_is_in_the_user_data_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("ARTICLE_EDITOR_LIBRARY", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    expected = tmp_path / "data" / "article-editor" / "library.sqlite3"
    assert default_library_location() == str(expected)
    open_library().close()
    assert expected.is_file()


@pytest.mark.parametrize(
    ("location", "match"),
    [
        ("postgresql+psycopg://editor@127.0.0.1:notaport/news", "not a valid library URL"),
        ("mysql://editor@127.0.0.1/news", "SQLite file or a PostgreSQL database"),
        ("sqlite://", "in-memory"),
        ("postgresql://editor@127.0.0.1:5432", "names no database"),
        ("   ", "no library location"),
    ],
)
def test_bad_urls_are_refused(location: str, match: str) -> None:
    with pytest.raises(LibraryUnavailable, match=match):
        open_library(location)


@pytest.mark.parametrize(
    ("location", "shown"),
    [
        (
            "postgresql://editor:secret@127.0.0.1:5433/news",
            "postgresql+psycopg://editor@127.0.0.1:5433/news",
        ),
        ("sqlite:////srv/news/library.sqlite3", "sqlite:////srv/news/library.sqlite3"),
        (Path("/srv/news/library.sqlite3"), "sqlite:////srv/news/library.sqlite3"),
    ],
)
def test_locations_are_shown_without_password(location: str | Path, shown: str) -> None:
    assert parse_location(location).display == shown


def test_a_backup_copy_of_a_library_opens(real_library: Path, tmp_path: Path) -> None:
    copy = tmp_path / "copy.sqlite3"
    shutil.copyfile(real_library, copy)
    with open_library(copy) as library:
        assert len(library.list_articles()) == 40
