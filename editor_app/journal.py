"""The autosave journal: the unsaved text of every window, kept so a crash loses nothing.

Pure Python (no Qt): the window part (``ui/window_journal.py``) decides *when* to
write; this module decides *how*. Each window session owns one entry,
``<session>.json``, written atomically (temporary file, fsync, rename), and
holds ``<session>.lock`` with ``flock`` for as long as it runs. The kernel
releases that lock when the process ends however it ends (``kill -9``
included), so an entry whose lock can be taken belongs to nobody: it is
orphaned, and the next start offers to restore it. A running instance's entries
stay locked and are never offered.

Where ``fcntl`` does not exist (Windows) the lock file holds the owner's process
id and a session is alive while that process runs.
"""

from __future__ import annotations

import json
import os
import socket
import sys
import uuid
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Any

from editor_app.atomic import write_atomically
from editor_app.errors import ArticleEditorError
from editor_app.model import Article, jsonformat
from editor_app.origin import LibraryOrigin

if sys.platform != "win32":
    import fcntl

JOURNAL_FORMAT = "article-editor/journal"
JOURNAL_VERSION = 1
ENTRY_SUFFIX = ".json"
LOCK_SUFFIX = ".lock"
DAMAGED_SUFFIX = ".damaged"


class JournalError(ArticleEditorError):
    """The journal cannot be written (a full disk, a folder without write permission)."""


@dataclass(frozen=True)
class JournalEntry:
    """One journaled article as found on disk; ``article`` is None when the entry was
    unreadable (then ``problem`` says why and ``path`` is where it was moved aside)."""

    path: Path
    session: str
    saved_at: datetime | None
    article: Article | None
    source: Path | None = None
    origin: LibraryOrigin | None = None
    headline: str = ""
    pid: int | None = None
    host: str = ""
    started: datetime | None = None
    problem: str | None = None

    @property
    def readable(self) -> bool:
        return self.article is not None


# -- the session that writes ---------------------------------------------------------------


def new_session_id() -> str:
    """Sortable by start time, unique across processes and hosts."""
    return f"{datetime.now():%Y%m%d-%H%M%S}-{os.getpid()}-{uuid.uuid4().hex[:8]}"


class JournalSession:
    """One window's entry in the journal. Nothing is created on disk before the first
    ``write``: windows that are never modified leave no trace."""

    def __init__(self, journal_dir: Path, session: str | None = None) -> None:
        self.journal_dir = journal_dir
        self.session = session or new_session_id()
        self.started = datetime.now().astimezone()
        self._lock_fd: int | None = None
        self._written: tuple[str, Path | None, LibraryOrigin | None] | None = None

    @property
    def entry_path(self) -> Path:
        return self.journal_dir / f"{self.session}{ENTRY_SUFFIX}"

    @property
    def lock_path(self) -> Path:
        return self.journal_dir / f"{self.session}{LOCK_SUFFIX}"

    @property
    def has_entry(self) -> bool:
        return self._written is not None

    def write(
        self,
        article: Article,
        source: Path | None = None,
        origin: LibraryOrigin | None = None,
    ) -> bool:
        """Journal ``article``; False (nothing written) when it is what was written last.
        Raises ``JournalError`` when the journal folder cannot be written."""
        document = jsonformat.dumps(article)
        key = (document, source, origin)
        if key == self._written and self.entry_path.exists():
            return False
        try:
            self._lock()
            write_atomically(self.entry_path, self._encode(article, document, source, origin))
        except (OSError, ArticleEditorError) as error:
            raise JournalError(f"the autosave journal cannot be written: {error}") from None
        self._written = key
        return True

    def _encode(
        self, article: Article, document: str, source: Path | None, origin: LibraryOrigin | None
    ) -> bytes:
        entry = {
            "format": JOURNAL_FORMAT,
            "version": JOURNAL_VERSION,
            "session": self.session,
            "pid": os.getpid(),
            "host": socket.gethostname(),
            "started": self.started.isoformat(),
            "saved_at": datetime.now().astimezone().isoformat(),
            "source": str(source) if source else None,
            "origin": _origin_json(origin),
            "headline": article.meta.headline,
        }
        # The article document goes in as the JSON object it already is: parsing it only
        # to serialise it again would double the cost of every write.
        header = json.dumps(entry, ensure_ascii=False, indent=1).removesuffix("\n}")
        return f'{header},\n "article": {document.rstrip()}\n}}\n'.encode()

    def _lock(self) -> None:
        if self._lock_fd is not None:
            return
        self.journal_dir.mkdir(parents=True, exist_ok=True, mode=0o700)
        while True:
            fd = os.open(self.lock_path, os.O_RDWR | os.O_CREAT, 0o600)
            try:
                if sys.platform != "win32":
                    # Blocking: another start-up may be probing this file for a moment.
                    fcntl.flock(fd, fcntl.LOCK_EX)
                if _same_file(fd, self.lock_path):
                    os.ftruncate(fd, 0)
                    os.write(fd, f"{os.getpid()}\n".encode())
                    self._lock_fd = fd
                    return
            except OSError:
                os.close(fd)
                raise
            os.close(fd)  # a probe removed the file before we locked it: again

    def discard(self) -> None:
        """Forget the entry (the article was saved or replaced); the lock stays held."""
        self.entry_path.unlink(missing_ok=True)
        self._written = None

    def close(self) -> None:
        """The session ends: the entry and the lock go."""
        self.discard()
        if self._lock_fd is not None:
            self.lock_path.unlink(missing_ok=True)
        self.release()

    def release(self) -> None:
        """Let go of the lock but keep the entry: it is then orphaned, offered at the
        next start (what a crash does, done on purpose)."""
        if self._lock_fd is not None:
            os.close(self._lock_fd)
            self._lock_fd = None


def _same_file(fd: int, path: Path) -> bool:
    try:
        return os.fstat(fd).st_ino == path.stat().st_ino
    except OSError:
        return False


def _origin_json(origin: LibraryOrigin | None) -> dict[str, int] | None:
    if origin is None:
        return None
    return {"article_id": origin.article_id, "version": origin.version}


# -- finding what to recover ---------------------------------------------------------------


def find_recoverable(journal_dir: Path) -> list[JournalEntry]:
    """The entries nobody owns any more, newest first. An entry that cannot be read is
    moved aside to ``<name>.damaged`` and listed with its problem; never raises for
    what is in the folder."""
    try:
        names = sorted(path.name for path in journal_dir.iterdir())
    except OSError:
        return []
    entries: list[JournalEntry] = []
    for name in names:
        path = journal_dir / name
        if name.startswith(".") and name.endswith(".tmp"):
            _remove_stale_temporary(path)
        elif name.endswith(ENTRY_SUFFIX) and not name.startswith("."):
            session = name.removesuffix(ENTRY_SUFFIX)
            if not session_is_live(journal_dir, session):
                entries.append(read_entry(path))
        elif name.endswith(LOCK_SUFFIX):
            session = name.removesuffix(LOCK_SUFFIX)
            if f"{session}{ENTRY_SUFFIX}" not in names and not session_is_live(
                journal_dir, session
            ):
                path.unlink(missing_ok=True)  # a session that ended without an entry
    return sorted(entries, key=_newest_first)


def _newest_first(entry: JournalEntry) -> tuple[int, float]:
    return (0 if entry.readable else 1, -(entry.saved_at.timestamp() if entry.saved_at else 0))


def _remove_stale_temporary(path: Path) -> None:
    """``.<session>.json.XXXX.tmp``: half a write that a killed session never renamed."""
    session = path.name[1:].split(ENTRY_SUFFIX + ".")[0]
    if not session_is_live(path.parent, session):
        path.unlink(missing_ok=True)


def session_is_live(journal_dir: Path, session: str) -> bool:
    """True while the session's process holds its lock (or, without flock, runs)."""
    lock = journal_dir / f"{session}{LOCK_SUFFIX}"
    try:
        fd = os.open(lock, os.O_RDWR)
    except FileNotFoundError:
        return False
    except OSError:
        return True  # cannot tell: leave it alone
    try:
        if sys.platform == "win32":
            return _pid_alive(_read_pid(fd))
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:  # BlockingIOError: held by its session
            return True
        fcntl.flock(fd, fcntl.LOCK_UN)
        return False
    finally:
        os.close(fd)


def _read_pid(fd: int) -> int | None:
    try:
        return int(os.read(fd, 32).decode("ascii").strip())
    except (OSError, ValueError, UnicodeDecodeError):
        return None


def _pid_alive(pid: int | None) -> bool:
    """Windows only: ``os.kill(pid, 0)`` would send Ctrl+C there, so ask the kernel."""
    if pid is None:
        return False
    if pid == os.getpid():
        return True
    if sys.platform == "win32":
        import ctypes

        kernel = ctypes.windll.kernel32
        handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
        if not handle:
            return False
        try:
            code = ctypes.c_ulong()
            kernel.GetExitCodeProcess(handle, ctypes.byref(code))
            return code.value == 259  # STILL_ACTIVE
        finally:
            kernel.CloseHandle(handle)
    return True  # pragma: no cover - flock decides elsewhere


def read_entry(path: Path) -> JournalEntry:
    """Read one entry; a damaged one is moved aside and returned with its problem."""
    session = path.name.removesuffix(ENTRY_SUFFIX)
    try:
        return _decode(path, session, json.loads(path.read_text(encoding="utf-8")))
    except (OSError, UnicodeDecodeError, ValueError, TypeError, KeyError) as error:
        problem = str(error) or type(error).__name__
    except ArticleEditorError as error:
        problem = str(error)
    aside = path.with_name(path.name + DAMAGED_SUFFIX)
    try:
        path.replace(aside)
    except OSError:
        aside = path
    (path.parent / f"{session}{LOCK_SUFFIX}").unlink(missing_ok=True)
    mtime = _mtime(aside)
    return JournalEntry(aside, session, mtime, None, problem=problem)


def _decode(path: Path, session: str, data: Any) -> JournalEntry:
    if not isinstance(data, dict) or data.get("format") != JOURNAL_FORMAT:
        raise ValueError("not an autosave journal entry")
    if not isinstance(data.get("version"), int) or data["version"] > JOURNAL_VERSION:
        raise ValueError(f"journal entry version {data.get('version')!r} is not one this app reads")
    document = data["article"]
    text = document if isinstance(document, str) else json.dumps(document, ensure_ascii=False)
    article = jsonformat.loads(text)
    origin = data.get("origin")
    source = data.get("source")
    pid = data.get("pid")
    return JournalEntry(
        path=path,
        session=session,
        saved_at=_when(data.get("saved_at")) or _mtime(path),
        article=article,
        source=Path(source) if isinstance(source, str) and source else None,
        origin=LibraryOrigin(int(origin["article_id"]), int(origin["version"]))
        if isinstance(origin, dict)
        else None,
        headline=article.meta.headline,
        pid=pid if isinstance(pid, int) else None,
        host=str(data.get("host") or ""),
        started=_when(data.get("started")),
    )


def _when(value: object) -> datetime | None:
    if not isinstance(value, str):
        return None
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.astimezone()


def _mtime(path: Path) -> datetime | None:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime).astimezone()
    except OSError:
        return None


def discard_entry(entry: JournalEntry) -> None:
    """Delete an orphaned entry (and its stale lock file) for good."""
    entry.path.unlink(missing_ok=True)
    if not session_is_live(entry.path.parent, entry.session):
        (entry.path.parent / f"{entry.session}{LOCK_SUFFIX}").unlink(missing_ok=True)
