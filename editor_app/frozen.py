"""Run-time set-up of the frozen (PyInstaller) application.

The one-folder Linux build carries the en_GB and en_US Hunspell dictionaries in
``<bundle>/enchant/hunspell``. Enchant's Hunspell provider looks for dictionaries in
``<config dir>/hunspell`` besides the system's folder, and the config dir is
``ENCHANT_CONFIG_DIR`` when set. Enchant also writes its own word-list files into
that dir, so it is a folder in the user's cache holding a link to the bundle's
dictionaries, not the (possibly read-only) application folder itself.
"""

from __future__ import annotations

import os
import sys
from collections.abc import MutableMapping
from pathlib import Path

import platformdirs

ENCHANT_CONFIG_VARIABLE = "ENCHANT_CONFIG_DIR"
BUNDLED_DICTIONARIES = Path("enchant", "hunspell")


def bundle_dir() -> Path | None:
    """The frozen app's data folder (PyInstaller's ``sys._MEIPASS``), or None from source."""
    if not getattr(sys, "frozen", False):
        return None
    location = getattr(sys, "_MEIPASS", None)
    return Path(location) if location else None


def use_bundled_dictionaries(
    bundle: Path | None, cache_dir: Path, environ: MutableMapping[str, str]
) -> None:
    """Make Enchant find the bundle's dictionaries, unless the user chose a config dir."""
    if bundle is None or environ.get(ENCHANT_CONFIG_VARIABLE):
        return
    dictionaries = bundle / BUNDLED_DICTIONARIES
    if not dictionaries.is_dir():
        return
    config_dir = cache_dir / "enchant"
    link = config_dir / "hunspell"
    try:
        config_dir.mkdir(parents=True, exist_ok=True)
        if link.is_symlink() and link.readlink() != dictionaries:  # the app was moved
            link.unlink()
        if not link.is_symlink():
            link.symlink_to(dictionaries, target_is_directory=True)
    except OSError:  # no writable cache: Enchant still reads the bundle's copy
        config_dir = dictionaries.parent
    environ[ENCHANT_CONFIG_VARIABLE] = str(config_dir)


def configure() -> None:
    """Everything the frozen app sets up before ``editor_app.cli`` runs."""
    cache_dir = Path(platformdirs.user_cache_dir("article-editor", appauthor=False))
    use_bundled_dictionaries(bundle_dir(), cache_dir, os.environ)
