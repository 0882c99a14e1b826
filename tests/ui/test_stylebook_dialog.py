"""Tools → Style Book…: the library's entries edited, imported and exported; and the
entry dialog the live checks use too."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from editor_app.checks.stylebook import EntryKind, StyleBookEntry, load_stylebook
from editor_app.model import Article, Metadata
from editor_app.ui.main_window import MainWindow
from editor_app.ui.stylebook_dialog import StyleBookDialog, open_stylebook_editor
from editor_app.ui.stylebook_entry_dialog import StyleBookEntryDialog, split_values
from editor_app.workspace import Workspace
from tests.ui.window_helpers import library_of, open_window

BLINKEN = StyleBookEntry(
    "Antony Blinken", EntryKind.PERSON, wrong=("Anthony Blinken",), note="US diplomat"
)
ZURICH = StyleBookEntry("Zürich", EntryKind.PLACE, variants=("Zurich",))


@pytest.fixture
def workspace(workspace: Workspace) -> Workspace:
    """The shared workspace, its library's style book holding BLINKEN and ZURICH."""
    library_of(workspace).import_stylebook([BLINKEN, ZURICH])
    return workspace


@pytest.fixture
def window(qtbot: QtBot, workspace: Workspace) -> MainWindow:
    return open_window(qtbot, workspace, Article(Metadata(headline="Talks")))


class Reloads:
    """Stands in for the live checks: counts ``reload_stylebook`` calls."""

    def __init__(self) -> None:
        self.count = 0

    def reload_stylebook(self) -> None:
        self.count += 1


@pytest.fixture
def reloads(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> Reloads:
    fake = Reloads()
    monkeypatch.setattr(window, "live_checks", fake, raising=False)
    return fake


@pytest.fixture
def errors() -> list[str]:
    """The error messages the dialog showed."""
    return []


@pytest.fixture
def dialog(window: MainWindow, reloads: Reloads, errors: list[str]) -> Iterator[StyleBookDialog]:
    opened = open_stylebook_editor(window)
    opened.show_error = lambda title, message: errors.append(message)  # type: ignore[method-assign]
    yield opened
    opened.reject()


def fill(entry_dialog: StyleBookEntryDialog, canonical: str, wrong: str = "") -> None:
    entry_dialog.canonical_field.clear()
    if canonical.isascii():
        QTest.keyClicks(entry_dialog.canonical_field, canonical)
    else:  # QTest cannot type letters outside ASCII
        entry_dialog.canonical_field.setText(canonical)
    entry_dialog.wrong_field.setPlainText(wrong)


# -- the entry dialog -------------------------------------------------------------------------


def test_entry_dialog_is_prefilled_and_returns_the_cleaned_entry(qtbot: QtBot) -> None:
    entry_dialog = StyleBookEntryDialog(None, BLINKEN)
    qtbot.addWidget(entry_dialog)
    assert entry_dialog.canonical_field.text() == "Antony Blinken"
    assert entry_dialog.ok_button.isEnabled()
    assert entry_dialog.entry() == BLINKEN
    entry_dialog.variants_field.setPlainText("Tony Blinken,  Secretary  Blinken\n\n")
    entry_dialog.kind_box.setCurrentIndex(entry_dialog.kind_box.findData(EntryKind.TERM))
    entry = entry_dialog.entry()
    assert entry.variants == ("Tony Blinken", "Secretary Blinken")
    assert entry.kind is EntryKind.TERM


@pytest.mark.parametrize(
    ("canonical", "wrong", "problem"),
    [
        ("", "", ""),
        ("   ", "", ""),
        ("Antony Blinken", "Antony Blinken", "both accepted and wrong"),
        (" Antony  Blinken ", "Antony Blinken", "both accepted and wrong"),
    ],
)
def test_entry_dialog_keeps_ok_off_for_invalid_entries(
    qtbot: QtBot, canonical: str, wrong: str, problem: str
) -> None:
    entry_dialog = StyleBookEntryDialog(None)
    qtbot.addWidget(entry_dialog)
    fill(entry_dialog, canonical, wrong)
    assert not entry_dialog.ok_button.isEnabled()
    assert problem in entry_dialog.problem_label.text()


def test_entry_dialog_says_when_ok_replaces_an_entry(qtbot: QtBot) -> None:
    entry_dialog = StyleBookEntryDialog(None, taken={"Zürich"})
    qtbot.addWidget(entry_dialog)
    fill(entry_dialog, "Zürich")
    assert entry_dialog.ok_button.isEnabled()
    assert "replaces" in entry_dialog.problem_label.text()


def test_split_values_takes_commas_and_lines() -> None:
    assert split_values(" a, b\nc ,, \n") == ["a", "b", "c"]


# -- the style-book editor --------------------------------------------------------------------


def test_lists_the_library_entries(dialog: StyleBookDialog) -> None:
    assert dialog.isVisible()
    assert dialog.windowModality() == Qt.WindowModality.WindowModal
    assert dialog.shown_canonicals() == ["Antony Blinken", "Zürich"]
    assert dialog.count_label.text() == "2 entries"
    row = [dialog.proxy.index(0, column).data() for column in range(5)]
    assert row == ["Antony Blinken", "Person", "", "Anthony Blinken", "US diplomat"]


def test_filter_and_sort(dialog: StyleBookDialog) -> None:
    QTest.keyClicks(dialog.filter_field, "zur")
    assert dialog.shown_canonicals() == ["Zürich"]  # matches the variant "Zurich"
    dialog.filter_field.clear()
    dialog.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert dialog.shown_canonicals() == ["Zürich", "Antony Blinken"]


def test_add_entry(dialog: StyleBookDialog, workspace: Workspace, reloads: Reloads) -> None:
    QTest.mouseClick(dialog.add_button, Qt.MouseButton.LeftButton)
    entry_dialog = dialog.entry_dialog
    assert entry_dialog is not None and entry_dialog.isVisible()
    fill(entry_dialog, "Ngozi Okonjo-Iweala", "Okonjo-Iwela")
    QTest.mouseClick(entry_dialog.ok_button, Qt.MouseButton.LeftButton)
    stored = library_of(workspace).stylebook_entries()
    assert (
        StyleBookEntry("Ngozi Okonjo-Iweala", EntryKind.PERSON, wrong=("Okonjo-Iwela",)) in stored
    )
    assert "Ngozi Okonjo-Iweala" in dialog.shown_canonicals()
    assert reloads.count == 1
    assert [entry.canonical for entry in dialog.selected_entries()] == ["Ngozi Okonjo-Iweala"]


def test_edit_renames_the_entry(
    dialog: StyleBookDialog, workspace: Workspace, reloads: Reloads
) -> None:
    assert dialog.select("Zürich")
    entry_dialog = dialog.edit_selected()
    assert entry_dialog is not None
    assert entry_dialog.canonical_field.text() == "Zürich"
    fill(entry_dialog, "Zurich", "Zurigo")
    entry_dialog.variants_field.setPlainText("Zürich")
    entry_dialog.accept()
    assert library_of(workspace).stylebook_entries() == [
        BLINKEN,
        StyleBookEntry("Zurich", EntryKind.PLACE, variants=("Zürich",), wrong=("Zurigo",)),
    ]
    assert reloads.count == 1


def test_double_click_edits(qtbot: QtBot, dialog: StyleBookDialog) -> None:
    qtbot.waitExposed(dialog)
    index = dialog.proxy.index(1, 0)
    where = dialog.table.visualRect(index).center()
    viewport = dialog.table.viewport()
    QTest.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=where)  # a double click's first
    QTest.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=where)
    assert dialog.entry_dialog is not None
    assert dialog.entry_dialog.canonical_field.text() == "Zürich"
    dialog.entry_dialog.reject()


def test_remove_asks_first(dialog: StyleBookDialog, workspace: Workspace, reloads: Reloads) -> None:
    asked: list[list[str]] = []
    answers = iter([False, True])

    def confirm(names: list[str]) -> bool:
        asked.append(names)
        return next(answers)

    dialog.confirm_remove = confirm  # type: ignore[method-assign]
    dialog.select("Antony Blinken")
    QTest.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert len(library_of(workspace).stylebook_entries()) == 2
    QTest.mouseClick(dialog.remove_button, Qt.MouseButton.LeftButton)
    assert asked == [["Antony Blinken"], ["Antony Blinken"]]
    assert library_of(workspace).stylebook_entries() == [ZURICH]
    assert dialog.shown_canonicals() == ["Zürich"]
    assert reloads.count == 1


@pytest.mark.parametrize("suffix", [".csv", ".toml"])
def test_export_then_import_round_trip(
    dialog: StyleBookDialog, workspace: Workspace, tmp_path: Path, suffix: str
) -> None:
    path = tmp_path / f"book{suffix}"
    dialog.ask_export_path = lambda: path  # type: ignore[method-assign]
    QTest.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert list(load_stylebook(path).entries) == [BLINKEN, ZURICH]
    assert dialog.status_label.text() == f"Exported 2 entries to book{suffix}"
    library = library_of(workspace)
    for entry in (BLINKEN, ZURICH):
        library.remove_stylebook_entry(entry.canonical)
    dialog.ask_import_path = lambda: path  # type: ignore[method-assign]
    QTest.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert library.stylebook_entries() == [BLINKEN, ZURICH]
    assert dialog.shown_canonicals() == ["Antony Blinken", "Zürich"]
    assert dialog.status_label.text().startswith(f"Imported 2 entries from book{suffix}")


def test_a_bad_file_imports_nothing(
    dialog: StyleBookDialog,
    workspace: Workspace,
    tmp_path: Path,
    reloads: Reloads,
    errors: list[str],
) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("canonical,kind\nGood Name,person\nBad Name,planet\n", encoding="utf-8")
    dialog.ask_import_path = lambda: path  # type: ignore[method-assign]
    assert dialog.import_file() == 0
    assert library_of(workspace).stylebook_entries() == [BLINKEN, ZURICH]
    assert len(errors) == 1
    assert "unknown kind “planet”" in errors[0]
    assert reloads.count == 0


def test_export_to_another_suffix_is_refused(
    dialog: StyleBookDialog, tmp_path: Path, errors: list[str]
) -> None:
    dialog.ask_export_path = lambda: tmp_path / "book.txt"  # type: ignore[method-assign]
    assert not dialog.export_file()
    assert not (tmp_path / "book.txt").exists()
    assert ".csv or .toml" in errors[0]


def test_built_in_entries_are_shown_greyed_and_read_only(dialog: StyleBookDialog) -> None:
    dialog.built_in_box.setChecked(True)
    shown = dialog.shown_canonicals()
    assert len(shown) > 1000
    assert "António Guterres" in shown
    assert "in the library" in dialog.count_label.text()
    assert dialog.select("António Guterres")
    assert dialog.selected_entries() == []
    assert not dialog.edit_button.isEnabled()
    assert not dialog.remove_button.isEnabled()
    assert dialog.edit_selected() is None
    dialog.built_in_box.setChecked(False)
    assert dialog.shown_canonicals() == ["Antony Blinken", "Zürich"]


def test_action_needs_a_library(qtbot: QtBot, window: MainWindow) -> None:
    assert window.commands["stylebook"].isEnabled()
    window.commands["stylebook"].trigger()
    opened = window.findChild(StyleBookDialog)
    assert opened is not None and opened.isVisible()
    opened.reject()
    bare = open_window(qtbot, None, Article())
    assert not bare.commands["stylebook"].isEnabled()


def test_screenshot(dialog: StyleBookDialog, tmp_path: Path) -> None:
    dialog.resize(900, 480)
    dialog.built_in_box.setChecked(True)
    dialog.select("Antony Blinken")
    assert dialog.grab().save(str(tmp_path / "stylebook-editor.png"))
