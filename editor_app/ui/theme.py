"""Light and dark palettes, and the colours the article view derives from the palette.

"system" keeps whatever style and palette the platform gave the app, so the
manager remembers them before it changes anything.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from editor_app.settings import THEMES

_Role = QPalette.ColorRole

_LIGHT = {
    _Role.Window: "#eef0f3",
    _Role.WindowText: "#1d2026",
    _Role.Base: "#ffffff",
    _Role.AlternateBase: "#f4f5f7",
    _Role.Text: "#1d2026",
    _Role.PlaceholderText: "#8a8f98",
    _Role.Button: "#f6f7f9",
    _Role.ButtonText: "#1d2026",
    _Role.Highlight: "#2f6fca",
    _Role.HighlightedText: "#ffffff",
    _Role.Link: "#1f5fae",
    _Role.ToolTipBase: "#ffffff",
    _Role.ToolTipText: "#1d2026",
    _Role.Light: "#ffffff",
    _Role.Midlight: "#e4e6ea",
    _Role.Mid: "#c5c9d0",
    _Role.Dark: "#9ba0a8",
    _Role.Shadow: "#5c6068",
}
_DARK = {
    _Role.Window: "#1f2125",
    _Role.WindowText: "#e3e5e8",
    _Role.Base: "#2a2c31",
    _Role.AlternateBase: "#34373d",
    _Role.Text: "#e3e5e8",
    _Role.PlaceholderText: "#8d929b",
    _Role.Button: "#2e3136",
    _Role.ButtonText: "#e3e5e8",
    _Role.Highlight: "#4a84d8",
    _Role.HighlightedText: "#ffffff",
    _Role.Link: "#8ab4f8",
    _Role.ToolTipBase: "#34373d",
    _Role.ToolTipText: "#e3e5e8",
    _Role.Light: "#4a4e56",
    _Role.Midlight: "#3c3f46",
    _Role.Mid: "#44474e",
    _Role.Dark: "#17181b",
    _Role.Shadow: "#0c0d0f",
}


class ThemeManager:
    """Switches the application between the themes named in ``settings.THEMES``."""

    def __init__(self, app: QApplication) -> None:
        self._app = app
        self._system_style = app.style().name()
        self._system_palette = QPalette(app.palette())

    def apply(self, theme: str) -> None:
        if theme not in THEMES:
            raise ValueError(f"unknown theme {theme!r}")
        if theme == "system":
            self._app.setStyle(self._system_style)
            self._app.setPalette(self._system_palette)
            return
        self._app.setStyle("Fusion")
        self._app.setPalette(_palette(_DARK if theme == "dark" else _LIGHT))


def _palette(colours: dict[QPalette.ColorRole, str]) -> QPalette:
    palette = QPalette()
    for role, name in colours.items():
        palette.setColor(role, QColor(name))
    disabled = QColor(colours[_Role.PlaceholderText])
    for role in (_Role.WindowText, _Role.Text, _Role.ButtonText):
        palette.setColor(QPalette.ColorGroup.Disabled, role, disabled)
    return palette


@dataclass(frozen=True)
class ArticleColours:
    """The colours of the article page, derived from a palette so both themes work."""

    text: QColor
    secondary: QColor
    accent: QColor
    link: QColor
    code_background: QColor
    rule: QColor
    page: QColor

    @classmethod
    def from_palette(cls, palette: QPalette) -> ArticleColours:
        text = palette.color(_Role.Text)
        base = palette.color(_Role.Base)
        return cls(
            text=text,
            secondary=blend(text, base, 0.38),
            accent=blend(palette.color(_Role.Link), text, 0.3),
            link=palette.color(_Role.Link),
            code_background=blend(base, text, 0.06),
            rule=blend(base, text, 0.3),
            page=base,
        )


def blend(colour: QColor, other: QColor, amount: float) -> QColor:
    """``colour`` moved ``amount`` (0..1) of the way towards ``other``."""
    return QColor.fromRgbF(
        colour.redF() + (other.redF() - colour.redF()) * amount,
        colour.greenF() + (other.greenF() - colour.greenF()) * amount,
        colour.blueF() + (other.blueF() - colour.blueF()) * amount,
    )
