"""The main window, driven for real (offscreen): what it shows, files, export, settings.

Editing through the keyboard is in test_editing_window.py."""

from __future__ import annotations

import signal
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtGui import QAction, QKeySequence, QPalette
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from editor_app import cli
from editor_app.app import (
    Startup,
    build_main_window,
    errors_in_message_boxes,
    open_startup_article,
    quit_on_interrupt,
    run_gui,
    sample_article,
)
from editor_app.importers import ImportReport, ImportResult
from editor_app.model import (
    Article,
    BlockQuote,
    CodeBlock,
    Heading,
    HorizontalRule,
    ListBlock,
    Metadata,
    Paragraph,
    PullQuote,
    RichText,
    Span,
    jsonformat,
)
from editor_app.settings import SETTINGS_FILE_NAME, ZOOM_STEPS, Settings, load_settings
from editor_app.ui.export_dialog import ExportDialog
from editor_app.ui.main_window import MainWindow, report_summary
from editor_app.ui.theme import ThemeManager
from tests.ui.window_helpers import keep

LINK = "https://example.org/ferry"
QUOTE = "We kept the wooden benches."
ARTICLE = Article(
    Metadata(
        headline="Harbour ferry returns after winter repairs",
        standfirst="The old vessel sails again from Monday.",
        byline="By Tomas Reyes",
        dateline="PORTSMOUTH",
        section="Local",
    ),
    (
        Paragraph(
            RichText(
                (
                    Span("The "),
                    Span("Solent Star", italic=True),
                    Span(" carries "),
                    Span("180 passengers", bold=True),
                    Span(", the "),
                    Span("operator said", link=LINK),
                    Span(" on Friday."),
                )
            )
        ),
        Heading(RichText.plain_text("What changes"), level=2),
        ListBlock(tuple(RichText.plain_text(t) for t in ("Every 30 minutes", "Bikes free"))),
        BlockQuote(RichText.plain_text(QUOTE), RichText.plain_text("Ana Fielding")),
        PullQuote(RichText.plain_text("Wooden benches"), RichText.plain_text("Ana Fielding")),
        CodeBlock("GET /sailings\nGET /piers", "http"),
        HorizontalRule(),
        ListBlock((RichText.plain_text("First 06:40"),), ordered=True),
    ),
)
SCREENSHOT = "/tmp/editor_window.png"


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "ferry.article.json"
    path.write_text(jsonformat.dumps(ARTICLE), encoding="utf-8")
    return path


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "config" / SETTINGS_FILE_NAME


@pytest.fixture
def window(qtbot: QtBot, article_file: Path, settings_file: Path) -> MainWindow:
    built = build_main_window(open_startup_article(article_file, Settings()), settings_file)
    keep(qtbot, built)
    built.show()
    return built


def edit_headline(window: MainWindow, text: str) -> None:
    window.panel.headline.selectAll()
    window.panel.headline.insertPlainText(text)


# -- what it shows ------------------------------------------------------------------------


def test_title_is_the_headline(window: MainWindow) -> None:
    assert window.windowTitle() == "Harbour ferry returns after winter repairs — Article Editor"


def test_the_title_marks_unsaved_changes_and_follows_the_headline(window: MainWindow) -> None:
    edit_headline(window, "Pier reopens")
    assert window.windowTitle() == "• Pier reopens — Article Editor"
    window.panel.headline.undo()
    assert window.windowTitle() == "Harbour ferry returns after winter repairs — Article Editor"


def test_the_panel_shows_the_metadata(window: MainWindow) -> None:
    assert window.panel.metadata() == ARTICLE.meta
    assert window.panel.headline.text() == ARTICLE.meta.headline
    assert window.panel.byline.text() == "By Tomas Reyes"
    assert not window.panel.by_label.isVisibleTo(window.panel)  # no "By By Tomas Reyes"


def test_the_editor_holds_the_body(window: MainWindow) -> None:
    assert window.editor.body() == ARTICLE.body
    assert window.article == ARTICLE
    assert not window.is_modified()


def test_markup_in_the_headline_is_shown_as_text(window: MainWindow) -> None:
    window.show_result(ImportResult(ARTICLE.with_meta(headline="<b>Bold</b> claim")), None)
    assert window.panel.headline.text() == "<b>Bold</b> claim"
    assert window.panel.headline.toPlainText() == "<b>Bold</b> claim"


def test_status_bar_counts_the_body(window: MainWindow) -> None:
    texts = [text for ref, text in ARTICLE.segments() if ref.block >= 0]
    characters = sum(len(text) for text in texts)
    words = ARTICLE.word_count()
    assert window.counts.counts_label.text() == f"{words} words · {characters} characters"
    assert window.counts.reading_label.text() == "1 min read"
    assert window.counts.target_label.text() == f"{words} / 800 words"


@pytest.mark.parametrize(
    ("report", "summary"),
    [
        (ImportReport(), ""),
        (ImportReport(removed=("Leave a Reply",)), "Removed 1 web leftover"),
        (ImportReport(removed=("a", "b", "c")), "Removed 3 web leftovers"),
        (ImportReport(removed=("a",), notes=("x", "y")), "Removed 1 web leftover · 2 import notes"),
    ],
)
def test_report_summary(report: ImportReport, summary: str) -> None:
    assert report_summary(report) == summary


def test_status_bar_shows_the_import_report(window: MainWindow) -> None:
    report = ImportReport(removed=("Leave a Reply", "190 Interactions", "Share"))
    window.show_result(ImportResult(ARTICLE, report), None)
    assert window.report_label.text() == "Removed 3 web leftovers"
    assert "removed: Leave a Reply" in window.report_label.toolTip()


def test_the_window_is_drawn(window: MainWindow, tmp_path: Path) -> None:
    image = window.grab().toImage()
    assert image.save(str(tmp_path / "main_window.png"))
    colours = {image.pixel(x, y) for x in range(0, image.width(), 7) for y in range(0, 400, 7)}
    assert len(colours) > 10  # text, page and desk, not a blank rectangle


def test_the_sample_article_window_is_saved_for_people_to_look_at(
    qtbot: QtBot, settings_file: Path
) -> None:
    shown = build_main_window(open_startup_article(None, Settings()), settings_file)
    keep(qtbot, shown)
    shown.resize(1280, 860)
    shown.show()
    qtbot.waitExposed(shown)
    shown.counts.refresh()
    image = shown.grab().toImage()
    assert (image.width(), image.height()) == (1280, 860)
    assert image.save(SCREENSHOT)
    column = shown.page.text_column()
    assert 600 <= column.width() <= 760
    assert abs(column.center().x() - shown.width() / 2) < 40  # a centred page


# -- settings that the window keeps --------------------------------------------------------


@pytest.mark.parametrize(("action", "zoom"), [("zoom_in", 1), ("zoom_out", -1)])
def test_zoom_changes_the_text_size_and_is_remembered(
    window: MainWindow, settings_file: Path, action: str, zoom: int
) -> None:
    before = window.editor.font().pointSizeF()
    window.commands[action].trigger()
    after = window.editor.font().pointSizeF()
    assert (after > before) == (zoom > 0)
    assert load_settings(settings_file).settings.zoom == zoom
    window.commands["zoom_reset"].trigger()
    assert window.editor.font().pointSizeF() == pytest.approx(before)
    assert load_settings(settings_file).settings.zoom == 0


def test_zoom_stops_at_its_limits(window: MainWindow) -> None:
    for _ in range(40):
        window.commands["zoom_in"].trigger()
    assert window.settings.zoom == ZOOM_STEPS[-1]


def test_a_remembered_zoom_is_applied_at_start(
    qtbot: QtBot, article_file: Path, settings_file: Path, window: MainWindow
) -> None:
    zoomed = build_main_window(open_startup_article(article_file, Settings(zoom=3)), settings_file)
    keep(qtbot, zoomed)
    assert zoomed.editor.font().pointSizeF() == pytest.approx(
        window.editor.font().pointSizeF() * 1.3
    )


def test_the_length_target_comes_from_the_settings_and_can_be_changed(
    window: MainWindow, settings_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    words = ARTICLE.word_count()
    monkeypatch.setattr(window, "ask_length_target", lambda: words - 5)
    window.commands["length_target"].trigger()
    assert window.counts.target_label.text() == f"{words} / {words - 5} words · 5 over"
    assert window.counts.over_target
    assert "color" in window.counts.target_label.styleSheet()
    assert load_settings(settings_file).settings.length_target == words - 5


def test_distraction_free_mode_hides_everything_but_the_text(
    window: MainWindow, qtbot: QtBot
) -> None:
    window.commands["distraction_free"].trigger()
    hidden = (window.menuBar(), window.toolbar, window.statusBar(), window.page.header_row)
    assert [widget.isVisible() for widget in hidden] == [False] * 4
    assert window.isFullScreen()
    assert window.editor.isVisible()
    window.commands["distraction_free"].trigger()
    assert [widget.isVisible() for widget in hidden] == [True] * 4
    assert not window.isFullScreen()


def test_keyboard_shortcuts_lists_every_command_with_keys(window: MainWindow) -> None:
    dialog = window.show_shortcuts()
    listed = dialog.listed()
    for name, action in window.commands:
        if action.shortcut().isEmpty():
            continue
        command = action.text().replace("&", "").rstrip("…")
        assert listed[command].startswith(
            action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
        ), name
    assert listed["Line break inside a paragraph"] == "Shift+Enter"
    dialog.close()


def test_every_shortcut_is_unique(window: MainWindow) -> None:
    keys = [
        sequence.toString() for _name, action in window.commands for sequence in action.shortcuts()
    ]
    assert len(keys) == len(set(keys))


# -- open and export ----------------------------------------------------------------------


def test_export_through_the_action_writes_the_file(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "out" / "ferry-copy.article.json"
    target.parent.mkdir()
    window.export_action.trigger()
    (dialog,) = window.findChildren(ExportDialog)
    dialog.select_format("article")
    monkeypatch.setattr(dialog, "_ask_save_path", lambda: target)
    dialog.export_button.click()
    assert jsonformat.loads(target.read_text(encoding="utf-8")) == ARTICLE
    assert window.settings.last_directory == str(target.parent)


def test_the_export_dialog_starts_in_the_article_folder(
    window: MainWindow, article_file: Path
) -> None:
    dialog = window.open_export_dialog()
    dialog.select_format("md")
    assert dialog.save_dialog().selectedFiles() == [str(article_file.parent / "ferry.md")]


def test_open_through_the_action_shows_the_new_article(
    window: MainWindow, tmp_path: Path, qtbot: QtBot, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = tmp_path / "other.article.json"
    other.write_text(jsonformat.dumps(ARTICLE.with_meta(headline="Pier reopens")), "utf-8")
    monkeypatch.setattr(window, "ask_open_path", lambda: other)
    with qtbot.waitSignal(window.settings_changed) as signal:
        window.commands["open"].trigger()
    assert window.windowTitle() == "Pier reopens — Article Editor"
    assert signal.args is not None
    assert signal.args[0].recent_files[0] == str(other)


def test_a_file_that_cannot_be_opened_leaves_the_article_alone(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(window, "show_error", lambda title, message: shown.append(message))
    (tmp_path / "empty.txt").write_bytes(b"")
    assert not window.open_file(tmp_path / "empty.txt")
    assert len(shown) == 1
    assert window.article == ARTICLE


def test_closing_saves_the_window_geometry(
    window: MainWindow, settings_file: Path, qtbot: QtBot
) -> None:
    window.resize(640, 480)  # smaller than the offscreen screen, which clamps bigger sizes
    window.close()
    saved = load_settings(settings_file).settings
    assert saved.window_geometry
    reopened = build_main_window(Startup(ImportResult(ARTICLE), None, saved), settings_file)
    keep(qtbot, reopened)
    assert reopened.size() == window.size()


# -- startup --------------------------------------------------------------------------------


def test_first_run_opens_the_sample_and_remembers_it() -> None:
    startup = open_startup_article(None, Settings())
    assert startup.result == sample_article()
    assert startup.source is None
    assert startup.settings.first_run_done


def test_later_runs_reopen_the_last_file(article_file: Path) -> None:
    settings = Settings(first_run_done=True, last_opened_path=str(article_file))
    startup = open_startup_article(None, settings)
    assert (startup.result.article, startup.source, startup.notice) == (
        ARTICLE,
        article_file,
        None,
    )


def test_a_vanished_last_file_falls_back_to_the_sample(tmp_path: Path) -> None:
    settings = Settings(first_run_done=True, last_opened_path=str(tmp_path / "gone.md"))
    startup = open_startup_article(None, settings)
    assert startup.result == sample_article()
    assert startup.notice is not None
    assert "gone.md" in startup.notice


def test_asking_for_the_sample_opens_it_even_after_the_first_run(article_file: Path) -> None:
    settings = Settings(first_run_done=True, last_opened_path=str(article_file))
    startup = open_startup_article(None, settings, sample=True)
    assert startup.result == sample_article()


def test_a_file_named_on_the_command_line_is_remembered(article_file: Path) -> None:
    startup = open_startup_article(article_file, Settings())
    assert startup.settings.recent_files == (str(article_file.absolute()),)


@pytest.fixture
def quit_when_shown(qapp: QApplication) -> Iterator[list[str]]:
    """Closes the window run_gui shows (which ends its event loop), noting its title first."""
    titles: list[str] = []

    def note_and_close() -> None:
        for widget in qapp.topLevelWidgets():
            if isinstance(widget, MainWindow) and widget.isVisible():
                titles.append(widget.windowTitle())
                widget.close()

    QTimer.singleShot(200, note_and_close)
    yield titles


def test_run_gui_opens_the_sample_on_the_first_run(
    quit_when_shown: list[str], settings_file: Path
) -> None:
    assert run_gui(None, settings_file.parent) == 0
    assert quit_when_shown == [f"{sample_article().article.meta.headline} — Article Editor"]
    assert load_settings(settings_file).settings.first_run_done


def test_run_gui_shows_a_damaged_settings_file_warning_not_a_crash(
    quit_when_shown: list[str], settings_file: Path, article_file: Path
) -> None:
    settings_file.parent.mkdir()
    settings_file.write_text("{damaged", encoding="utf-8")
    assert run_gui(article_file, settings_file.parent) == 0
    assert quit_when_shown == ["Harbour ferry returns after winter repairs — Article Editor"]


def test_a_bad_file_on_the_command_line_fails_before_any_window(
    qapp: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("ARTICLE_EDITOR_CONFIG_DIR", str(tmp_path / "config"))
    before = set(qapp.topLevelWidgets())
    assert cli.main([str(tmp_path / "missing.article.json")]) == 2
    assert set(qapp.topLevelWidgets()) == before
    err = capsys.readouterr().err
    assert err.startswith("article-editor: error: ")
    assert len(err.splitlines()) == 1


def test_settings_changes_are_saved_where_the_app_was_told(
    window: MainWindow, settings_file: Path, tmp_path: Path
) -> None:
    other = tmp_path / "other.article.json"
    other.write_text(jsonformat.dumps(ARTICLE), encoding="utf-8")
    assert window.open_file(other)
    saved = load_settings(settings_file).settings
    assert saved.recent_files[0] == str(other)


@pytest.fixture
def themes(qapp: QApplication) -> Iterator[ThemeManager]:
    manager = ThemeManager(qapp)
    yield manager
    manager.apply("system")


def test_the_theme_menu_switches_the_palette_and_remembers_it(
    qtbot: QtBot, themes: ThemeManager, article_file: Path, settings_file: Path
) -> None:
    window = build_main_window(
        open_startup_article(article_file, Settings()), settings_file, themes
    )
    keep(qtbot, window)
    window.show()
    (dark,) = [action for action in window.findChildren(QAction) if action.text() == "Dark"]
    dark.trigger()
    qtbot.waitUntil(lambda: window.palette().color(QPalette.ColorRole.Base).lightness() < 80)
    assert load_settings(settings_file).settings.theme == "dark"
    page = window.editor.viewport().palette().color(QPalette.ColorRole.Base)
    text = window.editor.palette().color(QPalette.ColorRole.Text)
    assert (page.lightness() < 80, text.lightness() > 150) == (True, True)


def test_an_unexpected_error_in_a_slot_is_shown_in_a_message_box(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "critical", lambda parent, title, text: shown.append(text))
    with errors_in_message_boxes(window):
        try:
            raise ValueError("boom")
        except ValueError as error:
            sys.excepthook(ValueError, error, error.__traceback__)
    assert shown == ["ValueError: boom"]
    assert "Traceback" in capsys.readouterr().err


def test_ctrl_c_in_the_terminal_quits_the_loop(qapp: QApplication) -> None:
    before = signal.getsignal(signal.SIGINT)
    QTimer.singleShot(50, lambda: signal.raise_signal(signal.SIGINT))
    with quit_on_interrupt(qapp) as interrupted:
        qapp.exec()
    assert interrupted()
    assert signal.getsignal(signal.SIGINT) is before
