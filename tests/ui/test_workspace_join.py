"""The window first, the workspace a moment later: how ``run_gui`` starts."""

from __future__ import annotations

import pytest
from pytestqt.qtbot import QtBot

from editor_app.app import after_first_paint, sample_article
from editor_app.settings import Settings
from editor_app.ui.actions import WORKSPACE_COMMANDS
from editor_app.ui.main_window import MainWindow
from editor_app.workspace import Workspace
from tests.ui.window_helpers import keep


@pytest.fixture
def bare_window(qtbot: QtBot) -> MainWindow:
    window = keep(qtbot, MainWindow(sample_article(), settings=Settings()))
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_window_without_its_workspace_has_the_workspace_commands_off(
    bare_window: MainWindow,
) -> None:
    assert bare_window.live_checks is None and bare_window.library_browser is None
    assert not any(bare_window.commands[name].isEnabled() for name in WORKSPACE_COMMANDS)


def test_joining_the_workspace_brings_the_panels_and_checks_the_shown_article(
    qtbot: QtBot, bare_window: MainWindow, workspace: Workspace
) -> None:
    bare_window.attach_workspace(workspace)
    live, browser = bare_window.live_checks, bare_window.library_browser
    assert live is not None and browser is not None and bare_window.journal is not None
    assert browser.isVisible() and bare_window.findings_panel is not None
    qtbot.waitUntil(lambda: not live.is_checking() and bool(live.findings()), timeout=10_000)
    assert {"Went", "Brunthaler", "Antonio Guterres"} <= {f.text for f in live.findings()}
    assert bare_window.commands["findings_panel"].isEnabled()
    assert bare_window.commands["library_panel"].isEnabled()


def test_a_window_joins_one_workspace_only(bare_window: MainWindow, workspace: Workspace) -> None:
    bare_window.attach_workspace(workspace)
    with pytest.raises(RuntimeError):
        bare_window.attach_workspace(workspace)


def test_the_slow_parts_wait_for_the_first_paint(qtbot: QtBot) -> None:
    window = keep(qtbot, MainWindow(sample_article(), settings=Settings()))
    ran: list[bool] = []
    after_first_paint(window, lambda: ran.append(window.isVisible()))
    qtbot.wait(50)
    assert ran == []  # not shown, not painted: nothing yet
    window.show()
    qtbot.waitUntil(lambda: bool(ran), timeout=2_000)
    qtbot.wait(50)
    assert ran == [True]  # once, with the window on screen
