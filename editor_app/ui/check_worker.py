"""The live checks' background thread: checks run there, so typing never waits for them.

One thread owns the ``Checker`` (it keeps caches and is not thread-safe): it
builds it on first use (the style book and dictionaries take a moment) and runs
every check and every change to it (a word for the dictionary, a style-book
entry) in the order they were asked for. Results come back through this object's
signals, which live in the GUI thread: connect them queued.

``shutdown`` waits for the job running, drops the ones waiting, and ends the
thread; the window calls it when it closes, and it runs again, harmlessly, when
this object is destroyed, so no thread outlives the window.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QObject, Signal

from editor_app.checks.base import Finding
from editor_app.checks.setup import CheckerSetup
from editor_app.errors import ArticleEditorError
from editor_app.model import Article
from editor_app.ui.error_text import error_message

THREAD_NAME = "live-checks"
"""The worker thread's name prefix (tests look for it)."""
_log = logging.getLogger(__name__)

Job = Callable[[CheckerSetup], None]


@dataclass(frozen=True)
class Checked:
    findings: list[Finding]
    everyday_words: frozenset[str] = frozenset()
    """The names findings' texts that are everyday words in lower case ("Went"): asked
    here, where the dictionary lives, for the style-book entry the editor may add."""


class CheckWorker(QObject):
    checked = Signal(int, object)
    """(generation, ``Checked``) for the article sent with that generation."""
    failed = Signal(str)
    """One sentence: a check or a change to the checker did not work."""
    warned = Signal(object)
    """New things the checker has to say (a missing dictionary), as a list of strings."""

    def __init__(self, build: Callable[[], CheckerSetup], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._build = build
        self._setup: CheckerSetup | None = None
        self._broken = False
        self._warned = 0
        self._executor: ThreadPoolExecutor | None = ThreadPoolExecutor(
            max_workers=1, thread_name_prefix=THREAD_NAME
        )
        self.destroyed.connect(partial(_stop, self._executor))

    @property
    def running(self) -> bool:
        """Whether the thread can take work (until ``shutdown``)."""
        return self._executor is not None

    def check(self, generation: int, article: Article) -> None:
        """Check ``article`` on the thread; ``checked`` brings the findings."""
        self._submit(partial(self._check, generation, article))

    def run(self, job: Job) -> None:
        """Change the checker on the thread, after the work asked for before."""
        self._submit(partial(self._run, job))

    def shutdown(self) -> None:
        executor, self._executor = self._executor, None
        if executor is not None:
            _stop(executor)

    def _submit(self, work: Callable[[], None]) -> None:
        if self._executor is not None:
            self._executor.submit(work)

    # -- on the worker thread -------------------------------------------------------------

    def _check(self, generation: int, article: Article) -> None:
        findings: list[Finding] = []
        everyday: frozenset[str] = frozenset()
        setup = self._checker_setup()
        if setup is not None:
            try:
                findings = setup.checker.check(article)
                names = {finding.text for finding in findings if finding.family == "names"}
                everyday = frozenset(filter(setup.checker.is_everyday_word, names))
            except Exception as error:  # a broken rule must not end the live checks
                _log.exception("live check failed")
                self.failed.emit(f"The checks failed: {error}")
            self._report_warnings(setup)
        self.checked.emit(generation, Checked(findings, everyday))

    def _run(self, job: Job) -> None:
        setup = self._checker_setup()
        if setup is None:
            return
        try:
            job(setup)
        except ArticleEditorError as error:
            self.failed.emit(error_message(error))

    def _checker_setup(self) -> CheckerSetup | None:
        if self._setup is None and not self._broken:
            try:
                self._setup = self._build()
            except (ArticleEditorError, OSError) as error:
                self._broken = True
                self.failed.emit(f"The checks are off: {error_message(error)}")
                return None
            self._report_warnings(self._setup)
        return self._setup

    def _report_warnings(self, setup: CheckerSetup) -> None:
        if len(setup.warnings) > self._warned:
            self.warned.emit(list(setup.warnings[self._warned :]))
            self._warned = len(setup.warnings)


def _stop(executor: ThreadPoolExecutor) -> None:
    executor.shutdown(wait=True, cancel_futures=True)
