"""The header panel: fields in, metadata out, modified state, per-field undo, tag completion."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime

import pytest
from hypothesis import HealthCheck, given, settings
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from editor_app.model import Metadata, Status
from editor_app.ui.metadata_panel import MetadataPanel, format_tags, parse_tags
from tests.strategies import metadata

META = Metadata(
    headline="Harbour ferry returns after winter repairs",
    standfirst="The old vessel sails again from Monday.",
    byline="Tomas Reyes",
    dateline="PORTSMOUTH",
    section="Local",
    tags=("ferries", "harbour"),
    status=Status.IN_EDIT,
    language="en-GB",
    created=datetime(2024, 3, 1, 9, 30, tzinfo=UTC),
)


@pytest.fixture
def panel(qtbot: QtBot) -> MetadataPanel:
    shown = MetadataPanel()
    qtbot.addWidget(shown)
    shown.set_metadata(META)
    shown.resize(720, 240)
    shown.show()
    return shown


@pytest.fixture(scope="module")
def reused_panel(qapp: QApplication) -> MetadataPanel:
    return MetadataPanel()


@settings(max_examples=60, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(metadata)
def test_what_is_shown_comes_back_unchanged(reused_panel: MetadataPanel, meta: Metadata) -> None:
    reused_panel.set_metadata(meta)
    assert reused_panel.metadata() == meta
    assert not reused_panel.is_modified()


def test_the_fields_show_the_metadata(panel: MetadataPanel) -> None:
    shown = (
        panel.headline.text(),
        panel.standfirst.text(),
        panel.byline.text(),
        panel.dateline.text(),
        panel.section.text(),
        panel.tags.text(),
        panel.status.currentText(),
        panel.language.currentText(),
    )
    assert shown == (
        META.headline,
        META.standfirst,
        "Tomas Reyes",
        "PORTSMOUTH",
        "Local",
        "ferries, harbour",
        "In edit",
        "English (UK)",
    )


def test_typing_in_a_field_changes_the_metadata(panel: MetadataPanel, qtbot: QtBot) -> None:
    with qtbot.waitSignal(panel.changed):
        qtbot.keyClicks(panel.byline, " and Ana Fielding")
    assert panel.metadata() == replace(META, byline="Tomas Reyes and Ana Fielding")
    assert panel.is_modified()


def test_undo_in_a_field_restores_it_and_the_unmodified_state(
    panel: MetadataPanel, qtbot: QtBot
) -> None:
    panel.headline.setFocus()
    panel.headline.moveCursor(panel.headline.textCursor().MoveOperation.End)
    qtbot.keyClicks(panel.headline, " early")
    assert panel.metadata().headline.endswith(" early")
    qtbot.keyClick(panel.headline, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert panel.metadata().headline == META.headline
    assert not panel.is_modified()


def test_the_headline_signal_follows_typing(panel: MetadataPanel, qtbot: QtBot) -> None:
    panel.headline.selectAll()
    with qtbot.waitSignal(panel.headline_changed, check_params_cb=lambda text: text == "Pier"):
        qtbot.keyClicks(panel.headline, "Pier")


def test_choosing_a_status_is_an_edit(panel: MetadataPanel, qtbot: QtBot) -> None:
    with qtbot.waitSignal(panel.changed):
        panel.status.setCurrentIndex(panel.status.findText("Ready"))
    assert panel.metadata().status is Status.READY


def test_an_unlisted_language_is_kept(panel: MetadataPanel) -> None:
    panel.set_metadata(Metadata(language="cy-GB"))
    assert panel.metadata().language == "cy-GB"
    assert panel.language.findData("en-US") >= 0


def test_enter_in_the_headline_moves_to_the_standfirst(panel: MetadataPanel, qtbot: QtBot) -> None:
    panel.activateWindow()
    panel.headline.setFocus()
    qtbot.waitUntil(panel.headline.hasFocus)
    qtbot.keyClick(panel.headline, Qt.Key.Key_Return)
    assert panel.standfirst.hasFocus()
    assert "\n" not in panel.metadata().headline


def test_a_pasted_paragraph_becomes_one_headline_line(panel: MetadataPanel) -> None:
    panel.headline.selectAll()
    data = QMimeData()
    data.setText("Ferry\nreturns\n\n after   repairs")
    panel.headline.insertFromMimeData(data)
    assert panel.metadata().headline == "Ferry returns after repairs"


@pytest.mark.parametrize(
    ("text", "tags"),
    [
        ("", ()),
        ("ferries", ("ferries",)),
        ("ferries, harbour", ("ferries", "harbour")),
        (" ferries ,, harbour ,ferries, ", ("ferries", "harbour")),
    ],
)
def test_parse_tags(text: str, tags: tuple[str, ...]) -> None:
    assert parse_tags(text) == tags


def test_edited_tags_are_split_at_commas(panel: MetadataPanel, qtbot: QtBot) -> None:
    panel.tags.clear()
    qtbot.keyClicks(panel.tags, "transport,  Solent ,transport")
    assert panel.metadata().tags == ("transport", "Solent")
    assert format_tags(panel.metadata().tags) == "transport, Solent"


def test_tag_completion_offers_known_tags_for_the_tag_being_typed(
    panel: MetadataPanel, qtbot: QtBot
) -> None:
    panel.set_known_tags(["harbour", "Hampshire", "ferries", "transport"])
    panel.tags.setFocus()
    panel.tags.end(False)
    qtbot.keyClicks(panel.tags, ", ha")
    offered = panel.tag_completer
    assert offered.current_prefix() == "ha"
    assert sorted(
        offered.completionModel().index(row, 0).data() for row in range(offered.completionCount())
    ) == ["Hampshire", "harbour"]
    offered.insert_tag("Hampshire")
    assert panel.tags.text() == "ferries, harbour, Hampshire, "
    assert panel.metadata().tags == ("ferries", "harbour", "Hampshire")
