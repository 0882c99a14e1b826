"""File → Export… and Copy as HTML, driven for real (offscreen) through their widgets."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QColor, QFontMetricsF, QGuiApplication, QKeySequence, QTextDocument
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from editor_app.app import Startup, build_main_window, sample_article
from editor_app.export import ExportOptions, format_names
from editor_app.importers import ImportResult
from editor_app.model import (
    Article,
    BlockQuote,
    CodeBlock,
    Heading,
    Metadata,
    Paragraph,
    PullQuote,
    RichText,
    Span,
)
from editor_app.settings import SETTINGS_FILE_NAME, Settings
from editor_app.ui.export_dialog import ExportDialog
from editor_app.ui.export_formats import export_formats, format_title, render_export
from editor_app.ui.main_window import MainWindow
from editor_app.ui.theme import ThemeManager

HEADLINE = "Night buses return to the valley line"
QUOTE = "We missed the last bus for two winters."
ARTICLE = Article(
    Metadata(
        headline=HEADLINE,
        standfirst="Three routes run after midnight again from May.",
        byline="Ines Carvalho",
        dateline="LEEDS",
        section="Transport",
        tags=("Buses",),
    ),
    (
        Paragraph(
            RichText(
                (
                    Span("The "),
                    Span("N4", bold=True),
                    Span(" leaves the depot at "),
                    Span("00:40", italic=True),
                    Span(", the "),
                    Span("council said", link="https://example.org/buses"),
                    Span("."),
                )
            )
        ),
        Heading(RichText.plain_text("Which stops"), level=2),
        BlockQuote(RichText.plain_text(QUOTE), RichText.plain_text("Dev Rana")),
        PullQuote(RichText.plain_text("After midnight again"), RichText.plain_text("Dev Rana")),
        CodeBlock('{"route": "N4"}', "json"),
    ),
)
OPTIONS = ExportOptions()
BEYOND_UTC = datetime(1, 1, 1, 0, 30, tzinfo=timezone(timedelta(hours=2)))
"""A date ninjs cannot write: in UTC it falls before the year 1."""
TEXT_FORMATS = [name for name in ("md", "txt", "ninjs", "article") if name in export_formats()]
HTML_FORMATS = ["html", "html-fragment", "docx"]


def shown_text(format_name: str, options: ExportOptions = OPTIONS) -> str:
    return render_export(ARTICLE, format_name, options).decode("utf-8")


@pytest.fixture
def dialog(qtbot: QtBot) -> ExportDialog:
    built = ExportDialog(ARTICLE, start_directory="/nowhere")
    qtbot.addWidget(built)
    built.show()
    return built


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path) -> MainWindow:
    startup = Startup(ImportResult(ARTICLE), None, Settings(first_run_done=True))
    built = build_main_window(startup, tmp_path / "config" / SETTINGS_FILE_NAME)
    qtbot.addWidget(built)
    built.show()
    return built


@pytest.fixture
def themes(qapp: QApplication) -> Iterator[ThemeManager]:
    manager = ThemeManager(qapp)
    yield manager
    manager.apply("system")


def open_dialog(window: MainWindow) -> ExportDialog:
    window.export_action.trigger()
    (dialog,) = [d for d in window.findChildren(ExportDialog) if d.isVisible()]
    return dialog


def formats_listed(dialog: ExportDialog) -> list[str]:
    return [dialog.format_list.item(row).text() for row in range(dialog.format_list.count())]


# -- the format list ------------------------------------------------------------------


def test_every_registered_format_is_offered() -> None:
    assert set(format_names()) <= set(export_formats())


@pytest.mark.parametrize(
    ("format_name", "title"),
    [
        ("html", "Web page (HTML)"),
        ("html-fragment", "HTML fragment for the CMS"),
        ("docx", "Word document (DOCX)"),
        ("md", "Markdown"),
        ("txt", "Plain text"),
        ("ninjs", "ninjs JSON"),
        ("article", "Article Editor file"),
    ],
)
def test_formats_are_listed_by_their_human_names(
    dialog: ExportDialog, format_name: str, title: str
) -> None:
    assert format_title(format_name) == title
    assert title in formats_listed(dialog)


# -- preview and source ----------------------------------------------------------------


@pytest.mark.parametrize("format_name", ["html", "html-fragment", *TEXT_FORMATS])
def test_choosing_a_format_shows_its_export_as_the_source(
    dialog: ExportDialog, format_name: str
) -> None:
    dialog.select_format(format_name)
    assert dialog.source_view.toPlainText() == shown_text(format_name)


@pytest.mark.parametrize("format_name", TEXT_FORMATS)
def test_text_formats_are_previewed_as_monospace_text(
    dialog: ExportDialog, format_name: str
) -> None:
    dialog.select_format(format_name)
    assert dialog.preview.toPlainText() == shown_text(format_name)
    metrics = QFontMetricsF(dialog.preview.document().defaultFont())
    # Equal advances, not QFontInfo.fixedPitch(): some monospace fonts lack the flag.
    assert metrics.horizontalAdvance("i") == metrics.horizontalAdvance("W")


@pytest.mark.parametrize(
    ("format_name", "shows_headline"), [("html", True), ("html-fragment", False), ("docx", True)]
)
def test_html_formats_are_previewed_rendered(
    dialog: ExportDialog, format_name: str, shows_headline: bool
) -> None:
    dialog.select_format(format_name)
    text = dialog.preview.toPlainText()
    assert QUOTE in text
    assert "<p>" not in text
    assert (HEADLINE in text) == shows_headline


def test_the_preview_follows_format_changes(dialog: ExportDialog) -> None:
    dialog.select_format("html-fragment")
    dialog.select_format("md")
    assert dialog.preview.toPlainText().startswith("---")
    dialog.select_format("html")
    assert HEADLINE in dialog.preview.toPlainText()
    assert "<!DOCTYPE html>" in dialog.source_view.toPlainText()


@pytest.mark.parametrize(("format_name", "noted"), [("docx", True), ("html", False), ("md", False)])
def test_only_the_docx_preview_says_it_is_an_approximation(
    dialog: ExportDialog, format_name: str, noted: bool
) -> None:
    dialog.select_format(format_name)
    assert dialog.note_banner.isVisible() == noted
    assert ("approximation" in dialog.note_label.text()) == noted


def test_the_docx_source_tab_shows_the_html_it_is_approximated_by(dialog: ExportDialog) -> None:
    dialog.select_format("docx")
    assert dialog.source_view.toPlainText() == shown_text("html")


@pytest.mark.parametrize("format_name", ["md", "txt", "html"])
def test_the_metadata_option_changes_the_preview(dialog: ExportDialog, format_name: str) -> None:
    dialog.select_format(format_name)
    assert "LEEDS" in dialog.source_view.toPlainText()
    dialog.metadata_check.setChecked(False)
    assert "LEEDS" not in dialog.source_view.toPlainText()
    assert dialog.source_view.toPlainText() == shown_text(format_name, ExportOptions(False))


@pytest.mark.parametrize(
    ("format_name", "has_options"),
    [("html", True), ("md", True), ("docx", True), ("html-fragment", False), ("article", False)],
)
def test_options_are_offered_only_where_the_format_has_them(
    dialog: ExportDialog, format_name: str, has_options: bool
) -> None:
    dialog.select_format(format_name)
    assert dialog.metadata_check.isVisible() == has_options
    assert dialog.no_options_label.isVisible() != has_options


def tag_colour(dialog: ExportDialog) -> QColor:
    """The colour of the first ``p`` tag name in the source tab."""
    block = dialog.source_view.document().begin()
    iterator = block.begin()
    while not iterator.atEnd():
        fragment = iterator.fragment()
        if fragment.text() == "p":
            return fragment.charFormat().foreground().color()
        iterator += 1
    raise AssertionError("no <p> tag in the first line of the source")


def test_the_source_tab_colours_the_tags(dialog: ExportDialog) -> None:
    dialog.select_format("html-fragment")
    first = dialog.source_view.document().begin()
    text_format = first.begin().fragment().charFormat()  # the "<" before the tag name
    plain = dialog.source_view.palette().color(dialog.source_view.foregroundRole())
    assert text_format.foreground().style() == Qt.BrushStyle.NoBrush
    assert tag_colour(dialog) != plain


def test_the_source_colours_follow_the_dark_theme(
    qtbot: QtBot, themes: ThemeManager, dialog: ExportDialog
) -> None:
    dialog.select_format("html-fragment")
    light = tag_colour(dialog)
    themes.apply("dark")
    qtbot.waitUntil(lambda: tag_colour(dialog) != light)
    assert tag_colour(dialog).lightness() > light.lightness()


def test_a_format_that_cannot_be_rendered_says_why_in_the_preview(qtbot: QtBot) -> None:
    dialog = ExportDialog(ARTICLE.with_meta(updated=BEYOND_UTC))
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.select_format("ninjs")
    assert dialog.note_label.text().startswith("No preview: ")
    assert dialog.source_view.toPlainText() == ""


# -- the preview is inert ---------------------------------------------------------------


def test_the_preview_opens_no_links(dialog: ExportDialog) -> None:
    dialog.select_format("html")
    assert not dialog.preview.openLinks()
    assert not dialog.preview.openExternalLinks()


@pytest.mark.parametrize(
    "url", ["https://example.org/tracker.png", "file:///etc/passwd", "qrc:/icon.png"]
)
def test_the_preview_loads_no_resource(dialog: ExportDialog, url: str) -> None:
    kind = QTextDocument.ResourceType.ImageResource.value
    assert dialog.preview.loadResource(kind, QUrl(url)) is None


# -- export -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("format_name", "file_name", "default_suffix", "pattern"),
    [
        ("html", "night-buses.html", "html", "*.html"),
        ("md", "night-buses.md", "md", "*.md"),
        ("docx", "night-buses.docx", "docx", "*.docx"),
        ("article", "night-buses.article.json", "article.json", "*.article.json"),
    ],
)
def test_the_save_dialog_follows_the_format(
    qtbot: QtBot, format_name: str, file_name: str, default_suffix: str, pattern: str
) -> None:
    source = Path("/desk/night-buses.article.json")
    own = ExportDialog(ARTICLE, source=source, start_directory="/desk")
    qtbot.addWidget(own)
    own.select_format(format_name)
    save = own.save_dialog()
    assert save.defaultSuffix() == default_suffix
    assert pattern in save.nameFilters()[0]
    assert save.nameFilters()[0].startswith(format_title(format_name))
    assert [Path(name).name for name in save.selectedFiles()] == [file_name]


@pytest.mark.parametrize(
    ("format_name", "file_name"),
    [("html", "buses.html"), ("html-fragment", "buses.html"), ("md", "buses.md")],
)
def test_exporting_writes_the_file_and_says_so(
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    qtbot: QtBot,
    format_name: str,
    file_name: str,
) -> None:
    dialog = open_dialog(window)
    dialog.select_format(format_name)
    target = tmp_path / file_name
    monkeypatch.setattr(dialog, "_ask_save_path", lambda: target)
    qtbot.mouseClick(dialog.export_button, Qt.MouseButton.LeftButton)
    assert target.read_text(encoding="utf-8") == shown_text(format_name)
    assert window.statusBar().currentMessage() == f"Exported to {file_name}"
    assert window.settings.last_directory == str(tmp_path)
    assert not dialog.isVisible()


def test_docx_export_writes_a_word_document(
    dialog: ExportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog.select_format("docx")
    target = tmp_path / "buses.docx"
    monkeypatch.setattr(dialog, "_ask_save_path", lambda: target)
    assert dialog.export_with_dialog()
    assert target.read_bytes().startswith(b"PK\x03\x04")  # a zip package, as DOCX is


def test_the_dialog_reopens_on_the_last_exported_format(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    dialog = open_dialog(window)
    dialog.select_format("txt")
    monkeypatch.setattr(dialog, "_ask_save_path", lambda: tmp_path / "buses.txt")
    assert dialog.export_with_dialog()
    assert open_dialog(window).format_name == "txt"


def test_cancelling_the_save_dialog_writes_nothing(
    dialog: ExportDialog, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(dialog, "_ask_save_path", lambda: None)
    assert not dialog.export_with_dialog()
    assert list(tmp_path.iterdir()) == []
    assert dialog.isVisible()


@pytest.fixture
def warnings_shown(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda parent, title, text, *rest: shown.append(text)
    )
    return shown


def test_exporting_into_a_missing_folder_shows_the_error(
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    warnings_shown: list[str],
) -> None:
    dialog = open_dialog(window)
    dialog.select_format("html")
    target = tmp_path / "missing" / "buses.html"
    monkeypatch.setattr(dialog, "_ask_save_path", lambda: target)
    assert not dialog.export_with_dialog()
    assert len(warnings_shown) == 1
    assert "missing" in warnings_shown[0]
    assert not target.parent.exists()
    assert dialog.isVisible()
    assert "Exported" not in window.statusBar().currentMessage()


def test_a_failed_export_leaves_the_previous_file_intact(
    qtbot: QtBot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, warnings_shown: list[str]
) -> None:
    dialog = ExportDialog(ARTICLE.with_meta(updated=BEYOND_UTC))
    qtbot.addWidget(dialog)
    dialog.select_format("ninjs")
    target = tmp_path / "buses.ninjs.json"
    target.write_text('{"previous": true}\n', encoding="utf-8")
    monkeypatch.setattr(dialog, "_ask_save_path", lambda: target)
    assert not dialog.export_with_dialog()
    assert len(warnings_shown) == 1
    assert target.read_text(encoding="utf-8") == '{"previous": true}\n'
    assert [path.name for path in tmp_path.iterdir()] == ["buses.ninjs.json"]


# -- copy as HTML -----------------------------------------------------------------------


def assert_clipboard_holds_the_fragment() -> None:
    data = QGuiApplication.clipboard().mimeData()
    assert data.hasHtml()
    assert data.hasText()
    assert data.html() == shown_text("html-fragment")
    assert data.text() == shown_text("html-fragment")


def test_copy_as_html_in_the_dialog_puts_both_types_on_the_clipboard(
    window: MainWindow, qtbot: QtBot
) -> None:
    QGuiApplication.clipboard().clear()
    dialog = open_dialog(window)
    qtbot.mouseClick(dialog.copy_button, Qt.MouseButton.LeftButton)
    assert_clipboard_holds_the_fragment()
    count = len(shown_text("html-fragment"))
    assert window.statusBar().currentMessage() == (
        f"Copied the article as HTML ({count:,} characters)"
    )
    assert dialog.status_label.text() == window.statusBar().currentMessage()
    assert dialog.isVisible()


def test_edit_copy_as_html_puts_both_types_on_the_clipboard(window: MainWindow) -> None:
    QGuiApplication.clipboard().clear()
    window.copy_html_action.trigger()
    assert_clipboard_holds_the_fragment()
    assert window.statusBar().currentMessage().startswith("Copied the article as HTML (")


@pytest.mark.parametrize(
    ("action", "shortcut"), [("export_action", "Ctrl+Shift+E"), ("copy_html_action", "Ctrl+Alt+C")]
)
def test_shortcuts(window: MainWindow, action: str, shortcut: str) -> None:
    assert getattr(window, action).shortcut() == QKeySequence(shortcut)


# -- how it looks -----------------------------------------------------------------------


def test_the_dialog_is_drawn_with_the_sample_article(qtbot: QtBot, tmp_path: Path) -> None:
    dialog = ExportDialog(sample_article().article)
    qtbot.addWidget(dialog)
    dialog.show()
    image = dialog.grab().toImage()
    assert image.save(str(tmp_path / "export_dialog.png"))
    assert dialog.tabs.width() > 1.5 * dialog.format_list.width()  # the preview leads
    sampled = {image.pixel(x, y) for x in range(0, image.width(), 9) for y in range(0, 500, 9)}
    assert len(sampled) > 20  # list, preview text and buttons, not a blank rectangle
