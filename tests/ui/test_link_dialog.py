"""The link dialog, driven through its widgets (never ``exec()``)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from editor_app.ui.link_dialog import LinkDialog, LinkEdit, link_problem, normalised_url


@pytest.fixture
def dialog(qtbot: QtBot) -> LinkDialog:
    built = LinkDialog("the timetable", "")
    qtbot.addWidget(built)
    return built


@pytest.mark.parametrize(
    "url",
    [
        "https://example.org/ferries",
        "http://example.org",
        "mailto:desk@example.org",
        "/news/ferries",
        "ferries.html",
        "#timetable",
        "www.example.org/ferries",
        "HTTPS://EXAMPLE.ORG",
    ],
)
def test_accepted_addresses(url: str) -> None:
    assert link_problem(url) is None


@pytest.mark.parametrize(
    ("url", "complaint"),
    [
        ("", "Type the address"),
        ("   ", "Type the address"),
        ("javascript:alert(1)", "not “javascript:”"),
        ("JavaScript:alert(1)", "not “javascript:”"),
        ("data:text/html,hi", "not “data:”"),
        ("file:///etc/passwd", "not “file:”"),
        ("https://", "host name"),
        ("mailto:", "e-mail link needs an address"),
        ("https://example.org/a page", "no spaces"),
        ("java\tscript:alert(1)", "no spaces"),
    ],
)
def test_refused_addresses(url: str, complaint: str) -> None:
    problem = link_problem(url)
    assert problem is not None
    assert complaint in problem


@pytest.mark.parametrize(
    ("typed", "stored"),
    [
        ("  https://example.org  ", "https://example.org"),
        ("www.example.org/x", "https://www.example.org/x"),
        ("ferries.html", "ferries.html"),
    ],
)
def test_normalised_url(typed: str, stored: str) -> None:
    assert normalised_url(typed) == stored


def test_ok_is_disabled_until_the_address_is_valid(qtbot: QtBot, dialog: LinkDialog) -> None:
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.url_field, "javascript:alert(1)")
    assert not dialog.ok_button.isEnabled()
    assert "javascript" in dialog.problem_label.text()
    dialog.url_field.clear()
    qtbot.keyClicks(dialog.url_field, "https://example.org/timetable")
    assert dialog.ok_button.isEnabled()
    assert dialog.problem_label.text() == ""


def test_an_empty_address_is_not_scolded(dialog: LinkDialog) -> None:
    assert dialog.problem_label.text() == ""


def test_ok_returns_text_and_address(qtbot: QtBot, dialog: LinkDialog) -> None:
    qtbot.keyClicks(dialog.url_field, "www.example.org")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert dialog.choice() == LinkEdit("the timetable", "https://www.example.org")


def test_empty_text_takes_the_address(qtbot: QtBot) -> None:
    dialog = LinkDialog("", "")
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.url_field, "https://example.org")
    qtbot.keyClick(dialog.url_field, Qt.Key.Key_Return)
    assert dialog.result() == LinkDialog.DialogCode.Accepted
    assert dialog.choice() == LinkEdit("https://example.org", "https://example.org")


def test_remove_is_offered_only_for_an_existing_link(qtbot: QtBot, dialog: LinkDialog) -> None:
    editing = LinkDialog("the timetable", "https://example.org")
    qtbot.addWidget(editing)
    assert dialog.remove_button.isHidden()
    assert not editing.remove_button.isHidden()


def test_remove_link(qtbot: QtBot) -> None:
    dialog = LinkDialog("the timetable", "https://example.org")
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.accepted):
        qtbot.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert dialog.choice().remove


def test_cancel_rejects(qtbot: QtBot, dialog: LinkDialog) -> None:
    with qtbot.waitSignal(dialog.rejected):
        qtbot.keyClick(dialog, Qt.Key.Key_Escape)
