"""The frozen app's set-up points Enchant at the bundled dictionaries."""

from __future__ import annotations

from pathlib import Path

import pytest

from editor_app.frozen import ENCHANT_CONFIG_VARIABLE, bundle_dir, use_bundled_dictionaries


def make_bundle(root: Path) -> Path:
    dictionaries = root / "bundle" / "enchant" / "hunspell"
    dictionaries.mkdir(parents=True)
    (dictionaries / "en_GB.dic").write_text("1\nword\n")
    return root / "bundle"


def test_from_source_there_is_no_bundle() -> None:
    assert bundle_dir() is None


def test_links_the_dictionaries_into_a_config_dir_in_the_cache(tmp_path: Path) -> None:
    bundle = make_bundle(tmp_path)
    environ: dict[str, str] = {}
    use_bundled_dictionaries(bundle, tmp_path / "cache", environ)
    config_dir = Path(environ[ENCHANT_CONFIG_VARIABLE])
    assert config_dir == tmp_path / "cache" / "enchant"
    assert (config_dir / "hunspell" / "en_GB.dic").read_text() == "1\nword\n"


def test_follows_the_app_when_it_moves(tmp_path: Path) -> None:
    old, new = make_bundle(tmp_path / "old"), make_bundle(tmp_path / "new")
    use_bundled_dictionaries(old, tmp_path / "cache", {})
    use_bundled_dictionaries(new, tmp_path / "cache", {})
    link = tmp_path / "cache" / "enchant" / "hunspell"
    assert link.readlink() == new / "enchant" / "hunspell"


def test_without_a_writable_cache_uses_the_bundle_itself(tmp_path: Path) -> None:
    bundle = make_bundle(tmp_path)
    blocked = tmp_path / "file"
    blocked.write_text("")
    environ: dict[str, str] = {}
    use_bundled_dictionaries(bundle, blocked / "cache", environ)
    assert environ[ENCHANT_CONFIG_VARIABLE] == str(bundle / "enchant")


@pytest.mark.parametrize(
    ("environ", "has_dictionaries"),
    [({ENCHANT_CONFIG_VARIABLE: "/users/own"}, True), ({}, False)],
    ids=["user-chose-a-config-dir", "bundle-without-dictionaries"],
)
def test_leaves_the_environment_alone(
    tmp_path: Path, environ: dict[str, str], has_dictionaries: bool
) -> None:
    bundle = make_bundle(tmp_path) if has_dictionaries else tmp_path / "empty"
    before = dict(environ)
    use_bundled_dictionaries(bundle, tmp_path / "cache", environ)
    assert environ == before
    assert not (tmp_path / "cache").exists()


def test_not_frozen_changes_nothing(tmp_path: Path) -> None:
    environ: dict[str, str] = {}
    use_bundled_dictionaries(None, tmp_path / "cache", environ)
    assert environ == {}
