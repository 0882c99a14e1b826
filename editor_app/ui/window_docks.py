"""The window's side panels (library, findings): placed, toggled from the View menu,
and put away with the bars in distraction-free mode — alike for every panel."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget

if TYPE_CHECKING:
    from editor_app.ui.main_window import MainWindow


def add_side_panel(
    window: MainWindow,
    dock: QDockWidget,
    area: Qt.DockWidgetArea,
    width: int,
    toggle: QAction,
    on_show: Callable[[], None] | None = None,
) -> None:
    """Dock ``dock`` in ``area``; ``toggle`` (a checkable View action) shows and hides it
    and follows its close button; ``on_show`` runs when the person shows it."""
    window.addDockWidget(area, dock)
    if window.isVisible():  # joined after the window appeared: a new child starts hidden
        dock.show()
    window.resizeDocks([dock], [width], Qt.Orientation.Horizontal)
    shown = dock.toggleViewAction()  # Qt keeps it in step with the dock's close button
    toggle.setChecked(shown.isChecked())
    shown.toggled.connect(toggle.setChecked)

    def show(visible: bool) -> None:
        dock.setVisible(visible)
        if visible:
            dock.raise_()  # in front of a dock it shares a tab with
            if on_show is not None:
                on_show()

    toggle.triggered.connect(show)
    was_shown = [dock.isVisibleTo(window)]

    def distraction_free(on: bool) -> None:
        """Only the text: the panel goes with the bars and comes back if it was there."""
        if on:
            was_shown[0] = dock.isVisibleTo(window)
            dock.hide()
        elif was_shown[0]:
            dock.show()

    window.commands["distraction_free"].toggled.connect(distraction_free)
