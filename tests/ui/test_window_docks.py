"""The side panels: toggled from the View menu, put away in distraction-free mode."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QDockWidget
from pytestqt.qtbot import QtBot

from editor_app.ui.main_window import MainWindow
from editor_app.workspace import Workspace
from tests.ui.window_helpers import open_window


def docks(window: MainWindow) -> dict[str, QDockWidget]:
    return {dock.objectName(): dock for dock in window.findChildren(QDockWidget)}


def test_the_window_opens_with_the_library_and_the_findings(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window = open_window(qtbot, workspace)
    shown = {name for name, dock in docks(window).items() if dock.isVisible()}
    assert {"libraryBrowser", "findingsPanel"} <= shown


@pytest.mark.parametrize(
    ("action", "name"), [("library_panel", "libraryBrowser"), ("findings_panel", "findingsPanel")]
)
def test_the_view_menu_toggles_each_panel(
    qtbot: QtBot, workspace: Workspace, action: str, name: str
) -> None:
    window = open_window(qtbot, workspace)
    dock, toggle = docks(window)[name], window.commands[action]
    toggle.trigger()
    assert not dock.isVisible() and not toggle.isChecked()
    toggle.trigger()
    assert dock.isVisible() and toggle.isChecked()
    dock.close()  # its own close button: the menu follows
    assert not toggle.isChecked()


def test_distraction_free_puts_the_panels_away_and_brings_back_those_shown(
    qtbot: QtBot, workspace: Workspace
) -> None:
    window = open_window(qtbot, workspace)
    panels = docks(window)
    panels["findingsPanel"].close()
    window.set_distraction_free(True)
    assert not any(dock.isVisible() for dock in panels.values())
    window.set_distraction_free(False)
    assert panels["libraryBrowser"].isVisible()
    assert not panels["findingsPanel"].isVisible()
