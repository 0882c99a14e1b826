"""The desktop integration: the .desktop launcher and the AppStream metainfo validate
with the freedesktop tools, agree on the application id and the icon name, the icon
set is complete and current with its SVG, and the installer puts it all in place."""

from __future__ import annotations

import configparser
import shutil
import struct
import subprocess
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest
from PySide6.QtGui import QImage

ROOT = Path(__file__).resolve().parents[1]
APP_ID = "io.github.articleeditor.ArticleEditor"
LINUX = ROOT / "packaging" / "linux"
DESKTOP_FILE = LINUX / f"{APP_ID}.desktop"
METAINFO_FILE = LINUX / f"{APP_ID}.metainfo.xml"
ICONS = ROOT / "resources" / "icons"
SVG_FILE = ICONS / f"{APP_ID}.svg"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
INSTALLER = ROOT / "packaging" / "install-desktop-files.sh"
SVG_NAMESPACE = "{http://www.w3.org/2000/svg}"
# Antialiasing may differ by a few levels between Qt releases; a changed drawing does not.
PIXEL_TOLERANCE = 8


def desktop_entry(path: Path) -> dict[str, str]:
    parser = configparser.ConfigParser(interpolation=None, delimiters=("=",))
    parser.optionxform = str  # type: ignore[assignment,method-assign]
    parser.read(path, encoding="utf-8")
    return dict(parser["Desktop Entry"])


def png_size(path: Path) -> tuple[int, int]:
    """Width and height from the PNG's IHDR chunk."""
    header = path.read_bytes()[:24]
    assert header[:8] == b"\x89PNG\r\n\x1a\n", f"{path} is not a PNG"
    assert header[12:16] == b"IHDR"
    width, height = struct.unpack(">II", header[16:24])
    return width, height


def max_difference(pixels: bytes, others: bytes) -> int:
    return max(abs(a - b) for a, b in zip(pixels, others, strict=True))


def require_tool(name: str) -> str:
    found = shutil.which(name)
    if found is None:
        pytest.skip(f"{name} is not installed (Debian: desktop-file-utils / appstream)")
    return found


def run_installer(*arguments: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        ["bash", str(INSTALLER), *arguments], capture_output=True, text=True, check=False
    )


# -- the files validate --------------------------------------------------------------


def test_desktop_file_validates() -> None:
    tool = require_tool("desktop-file-validate")
    done = subprocess.run([tool, str(DESKTOP_FILE)], capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout + done.stderr) == (0, "")


def test_metainfo_validates_without_warnings() -> None:
    tool = require_tool("appstreamcli")
    done = subprocess.run(
        [tool, "validate", "--no-net", "--no-color", str(METAINFO_FILE)],
        capture_output=True,
        text=True,
        check=False,
    )
    report = done.stdout + done.stderr
    assert done.returncode == 0, report
    problems = [line for line in report.splitlines() if line.startswith(("E:", "W:"))]
    assert problems == []


# -- the files agree -----------------------------------------------------------------


def test_metainfo_id_is_the_desktop_file_name() -> None:
    root = ElementTree.parse(METAINFO_FILE).getroot()
    assert root.findtext("id") == DESKTOP_FILE.stem
    launchable = root.find("launchable")
    assert launchable is not None
    assert (launchable.get("type"), launchable.text) == ("desktop-id", DESKTOP_FILE.name)


def test_metainfo_names_the_licences_and_the_first_release() -> None:
    root = ElementTree.parse(METAINFO_FILE).getroot()
    assert (root.findtext("metadata_license"), root.findtext("project_license")) == (
        "CC0-1.0",
        "MIT",
    )
    releases = [(r.get("version"), r.get("date")) for r in root.iterfind("releases/release")]
    assert releases[0] == ("0.1.0", "2026-11-28")


def test_desktop_icon_is_the_icon_file_name() -> None:
    assert desktop_entry(DESKTOP_FILE)["Icon"] == SVG_FILE.stem


@pytest.mark.parametrize("key", ["Exec", "TryExec"])
def test_desktop_file_starts_the_installed_command(key: str) -> None:
    assert desktop_entry(DESKTOP_FILE)[key].split()[0] == "article-editor"


# -- the icons -----------------------------------------------------------------------


def test_svg_icon_is_a_square_svg() -> None:
    root = ElementTree.parse(SVG_FILE).getroot()
    assert root.tag == f"{SVG_NAMESPACE}svg"
    _x, _y, width, height = (float(part) for part in root.get("viewBox", "").split())
    assert width == height


@pytest.mark.parametrize("size", ICON_SIZES)
def test_png_icon_has_its_size(size: int) -> None:
    assert png_size(ICONS / f"{size}x{size}" / f"{APP_ID}.png") == (size, size)


def test_png_icons_are_rendered_from_the_current_svg(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, str(ROOT / "packaging" / "render_icons.py"), "--out", str(tmp_path)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    stale = []
    for size in ICON_SIZES:
        name = Path(f"{size}x{size}") / f"{APP_ID}.png"
        committed = QImage(str(ICONS / name)).convertToFormat(QImage.Format.Format_RGBA8888)
        fresh = QImage(str(tmp_path / name)).convertToFormat(QImage.Format.Format_RGBA8888)
        if committed.size() != fresh.size() or (
            max_difference(bytes(committed.constBits()), bytes(fresh.constBits())) > PIXEL_TOLERANCE
        ):
            stale.append(size)
    assert stale == [], "run packaging/render_icons.py after editing the SVG"


# -- the installer -------------------------------------------------------------------


def test_installer_puts_every_file_under_the_prefix(tmp_path: Path) -> None:
    done = run_installer("--prefix", str(tmp_path), "--no-refresh")
    assert done.returncode == 0, done.stderr
    installed = {path.relative_to(tmp_path).as_posix() for path in tmp_path.rglob("*.*")}
    assert installed == {
        f"share/applications/{APP_ID}.desktop",
        f"share/metainfo/{APP_ID}.metainfo.xml",
        f"share/icons/hicolor/scalable/apps/{APP_ID}.svg",
        *(f"share/icons/hicolor/{n}x{n}/apps/{APP_ID}.png" for n in ICON_SIZES),
    }


@pytest.mark.parametrize(
    ("program", "exec_line", "try_exec"),
    [
        ("article-editor", "article-editor open %f", "article-editor"),
        ("/opt/article-editor/article-editor", "/opt/article-editor/article-editor open %f",
         "/opt/article-editor/article-editor"),
        ("/opt/Article Editor/run 100%", '"/opt/Article Editor/run 100%%" open %f',
         "/opt/Article Editor/run 100%"),
    ],
)  # fmt: skip
def test_installer_points_the_launcher_at_the_program(
    tmp_path: Path, program: str, exec_line: str, try_exec: str
) -> None:
    done = run_installer("--prefix", str(tmp_path), "--exec", program, "--no-refresh")
    assert done.returncode == 0, done.stderr
    entry = desktop_entry(tmp_path / "share" / "applications" / DESKTOP_FILE.name)
    assert (entry["Exec"], entry["TryExec"]) == (exec_line, try_exec)


@pytest.mark.parametrize("program", ['/opt/a"b', "/opt/$HOME", "/opt/a\\b", "/opt/a`b`"])
def test_installer_refuses_a_program_path_it_cannot_quote(tmp_path: Path, program: str) -> None:
    done = run_installer("--prefix", str(tmp_path), "--exec", program, "--no-refresh")
    assert done.returncode == 1
    assert done.stderr.startswith("install-desktop-files: the program path may not contain")
    assert not (tmp_path / "share").exists()
