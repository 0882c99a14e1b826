"""Settings: defaults, a JSON round trip, and never a crash on a damaged file."""

from __future__ import annotations

import json
from dataclasses import fields
from pathlib import Path

import pytest

from editor_app.settings import (
    CONFIG_DIR_VARIABLE,
    SETTINGS_FILE_NAME,
    Settings,
    default_settings_dir,
    load_settings,
    save_settings,
    settings_path,
)

CHANGED = Settings(
    first_run_done=True,
    recent_files=("/news/a.md", "/news/b.txt"),
    max_recent_files=5,
    last_opened_path="/news/a.md",
    last_directory="/news",
    window_geometry="AdnQywADAAAAAAAA",
    window_state="AAAA/wAAAAD9AAAA",
    theme="dark",
    default_language="fr-FR",
    zoom=3,
    length_target=1200,
    known_tags=("ferries", "harbour"),
)


def test_every_setting_differs_from_its_default_in_the_round_trip_example() -> None:
    defaults = Settings()
    same = [
        f.name for f in fields(Settings) if getattr(CHANGED, f.name) == getattr(defaults, f.name)
    ]
    assert same == []


def test_settings_survive_a_save_and_load(tmp_path: Path) -> None:
    path = tmp_path / "deep" / "folder" / SETTINGS_FILE_NAME
    save_settings(CHANGED, path)
    assert load_settings(path).settings == CHANGED
    assert load_settings(path).warning is None


def test_no_file_means_defaults_without_a_warning(tmp_path: Path) -> None:
    loaded = load_settings(tmp_path / SETTINGS_FILE_NAME)
    assert (loaded.settings, loaded.warning) == (Settings(), None)


@pytest.mark.parametrize(
    "content",
    [b"{not json", b"[1, 2, 3]", b'"text"', b"\xff\xfe\x00garbage", b""],
    ids=["broken JSON", "a list", "a string", "not UTF-8", "empty"],
)
def test_a_damaged_file_gives_defaults_and_a_warning(tmp_path: Path, content: bytes) -> None:
    path = tmp_path / SETTINGS_FILE_NAME
    path.write_bytes(content)
    loaded = load_settings(path)
    assert loaded.settings == Settings()
    assert loaded.warning is not None
    assert "default settings" in loaded.warning


def test_a_folder_in_place_of_the_file_gives_defaults_and_a_warning(tmp_path: Path) -> None:
    (tmp_path / SETTINGS_FILE_NAME).mkdir()
    loaded = load_settings(tmp_path / SETTINGS_FILE_NAME)
    assert loaded.settings == Settings()
    assert loaded.warning is not None


@pytest.mark.parametrize(
    ("name", "value"),
    [
        ("theme", "purple"),
        ("theme", 3),
        ("first_run_done", "yes"),
        ("max_recent_files", True),
        ("max_recent_files", "10"),
        ("recent_files", "/news/a.md"),
        ("recent_files", ["/news/a.md", 7]),
        ("zoom", 40),
        ("zoom", 1.5),
        ("length_target", -5),
        ("length_target", "800"),
    ],
)
def test_one_bad_value_resets_only_that_setting(tmp_path: Path, name: str, value: object) -> None:
    path = tmp_path / SETTINGS_FILE_NAME
    path.write_text(json.dumps({"last_directory": "/news", name: value}), encoding="utf-8")
    loaded = load_settings(path)
    assert getattr(loaded.settings, name) == getattr(Settings(), name)
    assert loaded.settings.last_directory == "/news"
    assert loaded.warning is not None
    assert name in loaded.warning


def test_unknown_keys_from_a_newer_version_are_ignored(tmp_path: Path) -> None:
    path = tmp_path / SETTINGS_FILE_NAME
    path.write_text(json.dumps({"version": 9, "spell_checker": "on", "theme": "light"}))
    loaded = load_settings(path)
    assert (loaded.settings, loaded.warning) == (Settings(theme="light"), None)


def test_opening_a_file_puts_it_first_in_the_recent_list() -> None:
    settings = Settings(recent_files=("/a", "/b", "/c"), max_recent_files=3)
    opened = settings.with_recent_file(Path("/news/c"))
    assert opened.recent_files == ("/news/c", "/a", "/b")
    assert opened.with_recent_file(Path("/a")).recent_files == ("/a", "/news/c", "/b")
    assert (opened.last_opened_path, opened.last_directory) == ("/news/c", "/news")


def test_the_environment_variable_moves_the_settings(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(CONFIG_DIR_VARIABLE, str(tmp_path))
    assert default_settings_dir() == tmp_path
    assert settings_path() == tmp_path / SETTINGS_FILE_NAME
    assert settings_path(tmp_path / "other") == tmp_path / "other" / SETTINGS_FILE_NAME


def test_without_the_variable_settings_live_in_the_user_config_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv(CONFIG_DIR_VARIABLE, raising=False)
    assert default_settings_dir().name == "article-editor"
