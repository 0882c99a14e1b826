"""The wheel ships every package: the list in pyproject.toml is explicit (it maps
``resources/`` to ``editor_app.resources``), so a new sub-package must be added there."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def test_every_package_is_listed_in_pyproject() -> None:
    listed = set(
        tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"]
    )
    on_disk = {
        ".".join(init.parent.relative_to(ROOT).parts)
        for init in (ROOT / "editor_app").rglob("__init__.py")
    }
    assert on_disk | {"editor_app.resources"} == listed
