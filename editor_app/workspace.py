"""The newsroom workspace the window works in: the library, the user's folders, the
checks. Pure Python, built once by ``app.py`` and handed to the window; a library
that cannot be opened leaves the editor working, with one sentence saying why.
"""

from __future__ import annotations

import getpass
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import platformdirs

from editor_app.errors import ArticleEditorError
from editor_app.settings import default_settings_dir

if TYPE_CHECKING:  # loaded when the workspace opens, after the window's first paint
    from editor_app.checks.setup import CheckerSetup
    from editor_app.library import Library

STATE_DIR_VARIABLE = "ARTICLE_EDITOR_STATE_DIR"
"""Where the autosave journal lives (tests point it at a temporary folder)."""
PERSONAL_DICTIONARY_NAME = "dictionary.txt"


def default_state_dir() -> Path:
    override = os.environ.get(STATE_DIR_VARIABLE)
    if override:
        return Path(override)
    return platformdirs.user_state_path("article-editor", appauthor=False)


def _user_name() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):  # no login name (a container, a service account)
        return ""


@dataclass
class Workspace:
    config_dir: Path
    """The settings folder; the personal dictionary lives there too."""
    state_dir: Path
    """Machine-local state: the autosave journal."""
    library: Library | None = None
    library_problem: str | None = None
    """Why there is no library, in one sentence, when ``library`` is None."""
    author: str = field(default_factory=_user_name)
    """Who saves: recorded with each revision."""

    @property
    def personal_dictionary(self) -> Path:
        return self.config_dir / PERSONAL_DICTIONARY_NAME

    @property
    def journal_dir(self) -> Path:
        return self.state_dir / "journal"

    def build_checker(self) -> CheckerSetup:
        """A checker with the library's style book and the personal dictionary. Slow
        (the style book, the dictionaries): the window calls it off the UI thread."""
        from editor_app.checks.setup import build_checker

        entries = []
        if self.library is not None:
            try:
                entries = self.library.stylebook_entries()
            except ArticleEditorError as error:
                setup = build_checker(personal_dictionary=self.personal_dictionary)
                setup.warnings.append(f"the library's style book is not used: {error}")
                return setup
        return build_checker(personal_dictionary=self.personal_dictionary, extra_entries=entries)

    def close(self) -> None:
        if self.library is not None:
            self.library.close()
            self.library = None


def open_workspace(
    config_dir: Path | None = None,
    state_dir: Path | None = None,
    library_location: str | Path | None = None,
) -> Workspace:
    """Never raises for a library problem: the workspace then has none, and says why."""
    from editor_app.library import open_library

    workspace = Workspace(config_dir or default_settings_dir(), state_dir or default_state_dir())
    try:
        workspace.library = open_library(library_location)
    except (ArticleEditorError, OSError) as error:
        workspace.library_problem = f"The library is not available: {error}"
    return workspace
