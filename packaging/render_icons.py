"""Render the application icon's PNG sizes from its SVG with Qt's own SVG renderer.

The PNGs are committed next to the SVG (``resources/icons/<N>x<N>/``, the hicolor
layout) because desktops, AppStream and the frozen app want bitmaps at fixed sizes,
and Qt's renderer is the one the running application uses for the SVG as well.
Run it after editing the SVG:

    .venv/bin/python packaging/render_icons.py

``tests/test_desktop_files.py`` fails when the committed PNGs no longer match it.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

# No display needed: the platform must be chosen before Qt loads.
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

APP_ID = "io.github.articleeditor.ArticleEditor"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
ICONS_DIR = Path(__file__).resolve().parents[1] / "resources" / "icons"
SVG_PATH = ICONS_DIR / f"{APP_ID}.svg"


def png_path(icons_dir: Path, size: int) -> Path:
    """Where the ``size`` rendering lives: the hicolor theme's ``NxN/apps`` naming,
    without the ``apps`` level (the installer adds it)."""
    return icons_dir / f"{size}x{size}" / f"{APP_ID}.png"


def render(svg: Path, size: int) -> QImage:
    """The SVG drawn into a transparent ``size`` x ``size`` image, antialiased."""
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise ValueError(f"{svg} is not an SVG that Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def render_all(svg: Path, icons_dir: Path, sizes: Sequence[int] = ICON_SIZES) -> list[Path]:
    """Write every PNG size; returns the files written."""
    written = []
    for size in sizes:
        target = png_path(icons_dir, size)
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(svg, size).save(str(target)):
            raise OSError(f"could not write {target}")
        written.append(target)
    return written


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--svg", type=Path, default=SVG_PATH, help="the icon to render")
    parser.add_argument("--out", type=Path, default=ICONS_DIR, help="the folder for NxN/")
    options = parser.parse_args(argv)
    _app = QGuiApplication.instance() or QGuiApplication([])
    try:
        written = render_all(options.svg, options.out)
    except (ValueError, OSError) as error:
        print(f"render_icons: {error}", file=sys.stderr)
        return 1
    for path in written:
        print(f"wrote {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
