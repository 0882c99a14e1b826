"""The frozen app's set-up points the Hunspell speller at the bundled dictionaries."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from editor_app.checks.hunspell_speller import HUNSPELL_DIR_VARIABLE
from editor_app.frozen import bundle_dir, use_bundled_dictionaries


def make_bundle(root: Path) -> Path:
    dictionaries = root / "bundle" / "hunspell"
    dictionaries.mkdir(parents=True)
    (dictionaries / "en_GB.dic").write_text("1\nword\n")
    return root / "bundle"


def test_from_source_there_is_no_bundle() -> None:
    assert bundle_dir() is None


def test_names_the_bundled_dictionaries(tmp_path: Path) -> None:
    bundle = make_bundle(tmp_path)
    environ: dict[str, str] = {}
    use_bundled_dictionaries(bundle, environ)
    assert environ == {HUNSPELL_DIR_VARIABLE: str(bundle / "hunspell")}


def test_the_users_folders_come_first(tmp_path: Path) -> None:
    bundle = make_bundle(tmp_path)
    environ = {HUNSPELL_DIR_VARIABLE: "/users/own"}
    use_bundled_dictionaries(bundle, environ)
    assert environ[HUNSPELL_DIR_VARIABLE].split(os.pathsep) == [
        "/users/own",
        str(bundle / "hunspell"),
    ]


def test_running_twice_names_the_bundle_once(tmp_path: Path) -> None:
    bundle = make_bundle(tmp_path)
    environ: dict[str, str] = {}
    use_bundled_dictionaries(bundle, environ)
    use_bundled_dictionaries(bundle, environ)
    assert environ[HUNSPELL_DIR_VARIABLE] == str(bundle / "hunspell")


@pytest.mark.parametrize("bundle_name", [None, "empty"], ids=["not-frozen", "no-dictionaries"])
def test_leaves_the_environment_alone(tmp_path: Path, bundle_name: str | None) -> None:
    bundle = None if bundle_name is None else tmp_path / bundle_name
    environ: dict[str, str] = {}
    use_bundled_dictionaries(bundle, environ)
    assert environ == {}
