"""Run-time set-up of the frozen (PyInstaller) application.

The one-folder build carries libhunspell (through the ``hunspell`` extension) and the
en_GB and en_US dictionaries in ``<bundle>/hunspell``, and no Enchant: libenchant
loads its providers only from the folder compiled into it, so it cannot travel.
Naming the bundled folder in ``ARTICLE_EDITOR_HUNSPELL_DIR`` makes ``make_speller``
use Hunspell with those dictionaries first; the system's Hunspell folders stay
visible after them, for other languages.
"""

from __future__ import annotations

import os
import sys
from collections.abc import MutableMapping
from pathlib import Path

from editor_app.checks.hunspell_speller import HUNSPELL_DIR_VARIABLE

BUNDLED_DICTIONARIES = Path("hunspell")


def bundle_dir() -> Path | None:
    """The frozen app's data folder (PyInstaller's ``sys._MEIPASS``), or None from source."""
    if not getattr(sys, "frozen", False):
        return None
    location = getattr(sys, "_MEIPASS", None)
    return Path(location) if location else None


def use_bundled_dictionaries(bundle: Path | None, environ: MutableMapping[str, str]) -> None:
    """Add the bundle's dictionary folder to ``ARTICLE_EDITOR_HUNSPELL_DIR``, after any
    folders the user named there."""
    if bundle is None:
        return
    dictionaries = bundle / BUNDLED_DICTIONARIES
    if not dictionaries.is_dir():
        return
    folders = [
        folder for folder in environ.get(HUNSPELL_DIR_VARIABLE, "").split(os.pathsep) if folder
    ]
    if str(dictionaries) not in folders:
        folders.append(str(dictionaries))
    environ[HUNSPELL_DIR_VARIABLE] = os.pathsep.join(folders)


def configure() -> None:
    """Everything the frozen app sets up before ``editor_app.cli`` runs."""
    use_bundled_dictionaries(bundle_dir(), os.environ)
