"""The user's settings: one typed dataclass with every default, loaded and saved in one place.

Settings live as JSON in the user's config folder (``platformdirs``), or in the
folder named by ``ARTICLE_EDITOR_CONFIG_DIR`` (tests point it at a temporary
folder). A damaged file never stops the app: loading falls back to the defaults
and hands the caller a warning to show. There is no global settings object;
``app.py`` loads one and passes it to whoever needs it.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

from editor_app.atomic import write_atomically
from editor_app.model import DEFAULT_LANGUAGE

CONFIG_DIR_VARIABLE = "ARTICLE_EDITOR_CONFIG_DIR"
SETTINGS_FILE_NAME = "settings.json"
SETTINGS_VERSION = 1
THEMES = ("system", "light", "dark")
ZOOM_STEPS = range(-5, 11)
"""Zoom steps of 10 % each side of 100 %: 50 % to 200 %."""
DEFAULT_LENGTH_TARGET = 800
MAX_KNOWN_TAGS = 500


@dataclass(frozen=True)
class Settings:
    """Everything the app remembers between runs. Frozen: change with ``dataclasses.replace``."""

    first_run_done: bool = False
    """False until the sample article has been shown once."""
    recent_files: tuple[str, ...] = ()
    """Most recent first."""
    max_recent_files: int = 10
    last_opened_path: str = ""
    last_directory: str = ""
    """Where the Open and Export dialogs start."""
    window_geometry: str = ""
    """``QWidget.saveGeometry()`` as base64, so the JSON stays text."""
    window_state: str = ""
    """``QMainWindow.saveState()`` as base64."""
    theme: str = "system"
    """One of ``THEMES``."""
    default_language: str = DEFAULT_LANGUAGE
    """The language new articles start with (BCP 47 tag)."""
    zoom: int = 0
    """The editor's zoom in steps of 10 % (one of ``ZOOM_STEPS``)."""
    length_target: int = DEFAULT_LENGTH_TARGET
    """The article length the status bar measures against, in words (0: no target)."""
    known_tags: tuple[str, ...] = ()
    """Tags of the articles opened and saved, most recent first: the tag field completes them."""

    def with_recent_file(self, path: Path) -> Settings:
        """The settings after opening ``path``: first in the recent list, remembered as last."""
        name = str(path)
        recent = (name, *(item for item in self.recent_files if item != name))
        return replace(
            self,
            recent_files=recent[: max(self.max_recent_files, 0)],
            last_opened_path=name,
            last_directory=str(path.parent),
        )

    def with_known_tags(self, tags: tuple[str, ...]) -> Settings:
        """The settings with ``tags`` first among the tags the tag field completes."""
        known = tuple(dict.fromkeys((*tags, *self.known_tags)))
        return replace(self, known_tags=known[:MAX_KNOWN_TAGS])


@dataclass(frozen=True)
class LoadedSettings:
    """``warning`` is one sentence to show the user when the file had to be ignored in part."""

    settings: Settings
    warning: str | None = None


def default_settings_dir() -> Path:
    override = os.environ.get(CONFIG_DIR_VARIABLE)
    if override:
        return Path(override)
    return platformdirs.user_config_path("article-editor", appauthor=False)


def settings_path(settings_dir: Path | None = None) -> Path:
    return (settings_dir or default_settings_dir()) / SETTINGS_FILE_NAME


def load_settings(path: Path) -> LoadedSettings:
    """The settings stored at ``path``; defaults when there is no file yet.

    Never raises for a bad file: unreadable or malformed JSON gives the defaults,
    a bad value gives that one setting's default, each with a warning.
    """
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return LoadedSettings(Settings())
    except (OSError, UnicodeDecodeError) as error:
        return LoadedSettings(
            Settings(), f"Could not read the settings ({_reason(error)}); {_RESET}"
        )
    try:
        document = json.loads(text)
    except json.JSONDecodeError:
        return LoadedSettings(Settings(), f"The settings file {path} is damaged; {_RESET}")
    if not isinstance(document, dict):
        return LoadedSettings(Settings(), f"The settings file {path} is damaged; {_RESET}")
    return _from_json(document)


_RESET = "using the default settings."


def _reason(error: Exception) -> str:
    return error.strerror or str(error) if isinstance(error, OSError) else str(error)


def _from_json(document: dict[str, Any]) -> LoadedSettings:
    defaults = Settings()
    values: dict[str, Any] = {}
    rejected: list[str] = []
    for item in fields(Settings):
        if item.name not in document:
            continue
        value = _checked(document[item.name], getattr(defaults, item.name))
        if value is None or not _in_range(item.name, value):
            rejected.append(item.name)
        else:
            values[item.name] = value
    warning = None
    if rejected:
        warning = f"Some settings were not valid and were reset: {', '.join(rejected)}."
    return LoadedSettings(replace(defaults, **values), warning)


def _in_range(name: str, value: object) -> bool:
    if name == "theme":
        return value in THEMES
    if name == "zoom":
        return value in ZOOM_STEPS
    if name == "length_target":
        return isinstance(value, int) and 0 <= value <= 1_000_000
    return True


def _checked(value: object, default: object) -> object | None:
    """``value`` in the type of ``default``, or None when it does not fit (JSON has no tuples)."""
    if isinstance(default, tuple):
        if isinstance(value, list) and all(isinstance(item, str) for item in value):
            return tuple(value)
        return None
    # type() rather than isinstance(): JSON true must not pass for an int, nor 1 for a bool.
    return value if type(value) is type(default) else None


def save_settings(settings: Settings, path: Path) -> None:
    """Write the settings atomically (a crash never leaves half a file); ``OSError`` on failure."""
    document = {"version": SETTINGS_VERSION, **asdict(settings)}
    for item in fields(Settings):
        if isinstance(document[item.name], tuple):
            document[item.name] = list(document[item.name])
    text = json.dumps(document, ensure_ascii=False, indent=2) + "\n"
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomically(path, text.encode("utf-8"))
