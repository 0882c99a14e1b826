"""The application icon, from the PNG sizes shipped in ``resources/icons/``.

The bitmaps are read as bytes through ``importlib.resources`` rather than opened by
file name, so the icon loads the same from a checkout, a wheel or a frozen app; and
PNGs, not the SVG, so it needs no SVG icon-engine plugin at run time.
"""

from __future__ import annotations

from PySide6.QtGui import QIcon, QPixmap

from editor_app.assets import resource

APP_ID = "io.github.articleeditor.ArticleEditor"
ICON_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)


def app_icon() -> QIcon:
    """Every shipped size in one QIcon; Qt picks the nearest for title bars, task
    bars and the about box."""
    icon = QIcon()
    for size in ICON_SIZES:
        data = resource("icons", f"{size}x{size}", f"{APP_ID}.png").read_bytes()
        pixmap = QPixmap()
        if not pixmap.loadFromData(data, "PNG"):
            raise ValueError(f"the {size}px application icon is not a readable PNG")
        icon.addPixmap(pixmap)
    return icon
