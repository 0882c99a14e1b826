"""The window icon carries every shipped size, so Qt never scales a tiny bitmap up."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from editor_app.assets import resource
from editor_app.ui.app_icon import APP_ID, ICON_SIZES, app_icon


def test_app_icon_offers_every_shipped_size(qapp: QApplication) -> None:
    assert sorted(size.width() for size in app_icon().availableSizes()) == list(ICON_SIZES)


@pytest.mark.parametrize("size", [16, 48, 512])
def test_app_icon_at_a_shipped_size_is_that_bitmap(qapp: QApplication, size: int) -> None:
    shipped = QImage.fromData(resource("icons", f"{size}x{size}", f"{APP_ID}.png").read_bytes())
    drawn = app_icon().pixmap(QSize(size, size)).toImage()
    target = QImage.Format.Format_ARGB32
    assert drawn.convertToFormat(target) == shipped.convertToFormat(target)
