"""Shared fixtures. Tests are headless: Qt uses the offscreen platform."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import pytest

from editor_app.library.location import LIBRARY_VARIABLE
from editor_app.settings import CONFIG_DIR_VARIABLE
from editor_app.workspace import STATE_DIR_VARIABLE


@pytest.fixture(autouse=True)
def user_folders_in_tmp(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Nothing a test does reaches the real user's settings, library or journal."""
    home = tmp_path_factory.mktemp("user")
    for variable, name in (
        (CONFIG_DIR_VARIABLE, "config"),
        (STATE_DIR_VARIABLE, "state"),
        (LIBRARY_VARIABLE, "library.sqlite3"),
    ):
        os.environ[variable] = str(home / name)
