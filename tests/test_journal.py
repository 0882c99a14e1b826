"""The autosave journal store: entries, locks, orphans, damage."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import textwrap
from pathlib import Path

import pytest
from hypothesis import given, settings

from editor_app.journal import (
    JournalError,
    JournalSession,
    discard_entry,
    find_recoverable,
    session_is_live,
)
from editor_app.model import Article, Metadata, Paragraph, RichText
from editor_app.origin import LibraryOrigin
from tests.strategies import articles


def story(text: str = "The lock keeper retired after 40 years.") -> Article:
    return Article(
        Metadata(headline="Lock keeper retires"), (Paragraph(RichText.plain_text(text)),)
    )


def orphan(
    journal: Path,
    article: Article,
    source: Path | None = None,
    origin: LibraryOrigin | None = None,
) -> JournalSession:
    """A session that wrote an entry and then died (its lock let go)."""
    session = JournalSession(journal)
    session.write(article, source, origin)
    session.release()
    return session


def test_a_live_sessions_entry_is_not_offered_and_a_released_one_is(tmp_path: Path) -> None:
    session = JournalSession(tmp_path)
    assert session.write(story())
    assert session.entry_path.exists()
    assert session_is_live(tmp_path, session.session)
    assert find_recoverable(tmp_path) == []
    session.release()
    assert not session_is_live(tmp_path, session.session)
    [entry] = find_recoverable(tmp_path)
    assert entry.session == session.session
    assert entry.article == story()


@settings(max_examples=40, deadline=None)
@given(article=articles)
def test_round_trip_of_any_article(article: Article) -> None:
    with tempfile.TemporaryDirectory() as folder:
        journal = Path(folder)
        orphan(journal, article, source=Path("/news/story.md"), origin=LibraryOrigin(12, 3))
        [entry] = find_recoverable(journal)
    assert entry.article == article
    assert entry.source == Path("/news/story.md")
    assert entry.origin == LibraryOrigin(12, 3)
    assert entry.headline == article.meta.headline


def test_the_entry_records_where_and_when(tmp_path: Path) -> None:
    session = orphan(tmp_path, story())
    data = json.loads(session.entry_path.read_text(encoding="utf-8"))
    assert data["format"] == "article-editor/journal"
    assert data["session"] == session.session
    assert data["pid"] == os.getpid()
    assert data["source"] is None and data["origin"] is None
    assert data["headline"] == "Lock keeper retires"
    assert data["article"]["meta"]["headline"] == "Lock keeper retires"
    [entry] = find_recoverable(tmp_path)
    assert entry.saved_at is not None and entry.saved_at.tzinfo is not None
    assert entry.pid == os.getpid()


def test_an_entry_holding_the_article_as_a_string_is_read_too(tmp_path: Path) -> None:
    session = orphan(tmp_path, story())
    data = json.loads(session.entry_path.read_text(encoding="utf-8"))
    data["article"] = json.dumps(data["article"])
    session.entry_path.write_text(json.dumps(data), encoding="utf-8")
    [entry] = find_recoverable(tmp_path)
    assert entry.article == story()


def test_the_same_text_is_not_written_twice(tmp_path: Path) -> None:
    session = JournalSession(tmp_path)
    assert session.write(story())
    assert not session.write(story())
    assert session.write(story("Changed."))
    assert session.write(story("Changed."), source=Path("elsewhere.md"))
    session.close()


def test_discard_keeps_the_lock_and_close_removes_both(tmp_path: Path) -> None:
    session = JournalSession(tmp_path)
    session.write(story())
    session.discard()
    assert not session.entry_path.exists()
    assert session_is_live(tmp_path, session.session)
    session.write(story())
    session.close()
    assert list(tmp_path.iterdir()) == []


def test_newest_first(tmp_path: Path) -> None:
    first = orphan(tmp_path, story("First."))
    second = orphan(tmp_path, story("Second."))
    older = json.loads(first.entry_path.read_text(encoding="utf-8"))
    older["saved_at"] = "2020-01-01T10:00:00+00:00"
    first.entry_path.write_text(json.dumps(older), encoding="utf-8")
    assert [entry.session for entry in find_recoverable(tmp_path)] == [
        second.session,
        first.session,
    ]


def test_a_half_written_temporary_file_is_ignored_and_cleared(tmp_path: Path) -> None:
    session = orphan(tmp_path, story())
    half = tmp_path / f".{session.session}.json.k3j4.tmp"
    half.write_text('{"format": "article-editor/journal", "arti', encoding="utf-8")
    [entry] = find_recoverable(tmp_path)
    assert entry.article == story()
    assert not half.exists()


def test_a_live_sessions_temporary_file_is_left_alone(tmp_path: Path) -> None:
    session = JournalSession(tmp_path)
    session.write(story())
    writing = tmp_path / f".{session.session}.json.k3j4.tmp"
    writing.write_text("{", encoding="utf-8")
    assert find_recoverable(tmp_path) == []
    assert writing.exists()
    session.close()


@pytest.mark.parametrize(
    "content",
    [
        "{ not json",
        '{"format": "something else"}',
        '{"format": "article-editor/journal", "version": 1, "article": {"format": "x"}}',
        '{"format": "article-editor/journal", "version": 1}',
        '{"format": "article-editor/journal", "version": 99, "article": {}}',
        "[]",
    ],
)
def test_a_damaged_entry_is_listed_unreadable_and_moved_aside(tmp_path: Path, content: str) -> None:
    good = orphan(tmp_path, story())
    damaged = tmp_path / "20240101-000000-1-deadbeef.json"
    damaged.write_text(content, encoding="utf-8")
    found = find_recoverable(tmp_path)
    assert [entry.readable for entry in found] == [True, False]
    assert found[0].session == good.session
    unreadable = found[1]
    assert unreadable.problem
    assert unreadable.path == tmp_path / "20240101-000000-1-deadbeef.json.damaged"
    assert unreadable.path.read_text(encoding="utf-8") == content
    assert not damaged.exists()
    assert [entry.session for entry in find_recoverable(tmp_path)] == [good.session]


def test_undecodable_bytes_are_damage_too(tmp_path: Path) -> None:
    (tmp_path / "x.json").write_bytes(b"\xff\xfe\x00garbage")
    [entry] = find_recoverable(tmp_path)
    assert not entry.readable


def test_a_missing_or_unreadable_folder_offers_nothing(tmp_path: Path) -> None:
    assert find_recoverable(tmp_path / "nowhere") == []


def test_a_lock_left_without_an_entry_is_cleared(tmp_path: Path) -> None:
    session = JournalSession(tmp_path)
    session.write(story())
    session.discard()
    session.release()
    assert session.lock_path.exists()
    assert find_recoverable(tmp_path) == []
    assert not session.lock_path.exists()


def test_discard_entry_deletes_the_entry_and_its_lock(tmp_path: Path) -> None:
    orphan(tmp_path, story())
    [entry] = find_recoverable(tmp_path)
    discard_entry(entry)
    assert list(tmp_path.iterdir()) == []


def test_a_journal_that_cannot_be_written_says_so(tmp_path: Path) -> None:
    blocked = tmp_path / "journal"
    blocked.write_text("a file where the folder should be", encoding="utf-8")
    with pytest.raises(JournalError, match="autosave journal"):
        JournalSession(blocked).write(story())


def test_the_entry_is_private_to_the_user(tmp_path: Path) -> None:
    journal = tmp_path / "journal"
    session = JournalSession(journal)
    session.write(story())
    assert journal.stat().st_mode & 0o077 == 0
    session.close()


CHILD = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from editor_app.journal import JournalSession
    from editor_app.model import Article, Metadata
    session = JournalSession(Path(sys.argv[1]))
    session.write(Article(Metadata(headline="From the other process")))
    print(session.session, flush=True)
    sys.stdin.readline()
    """
)


@pytest.mark.skipif(sys.platform == "win32", reason="flock and SIGKILL")
def test_another_processes_live_entry_is_not_offered_until_it_is_killed(tmp_path: Path) -> None:
    child = subprocess.Popen(
        [sys.executable, "-c", CHILD, str(tmp_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert child.stdout is not None
        session = child.stdout.readline().strip()
        assert session
        assert session_is_live(tmp_path, session)
        assert find_recoverable(tmp_path) == []
        os.kill(child.pid, signal.SIGKILL)
        child.wait(timeout=10)
    finally:
        if child.poll() is None:
            child.kill()
            child.wait()
        for stream in (child.stdin, child.stdout):
            if stream is not None:
                stream.close()
    [entry] = find_recoverable(tmp_path)
    assert entry.session == session
    assert entry.headline == "From the other process"
