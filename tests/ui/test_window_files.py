"""Files in the editor window: New, Save, Save As, the unsaved-changes question, export.

The questions (which file? save the changes?) are answered by replacing the
window's ``ask_save_path``, ``ask_open_path`` and ``_ask_unsaved``, so nothing
blocks on a modal dialog.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from editor_app.app import build_main_window, open_startup_article
from editor_app.model import Article, Metadata, Paragraph, RichText, jsonformat
from editor_app.settings import SETTINGS_FILE_NAME, Settings, load_settings
from editor_app.ui.export_dialog import ExportDialog
from editor_app.ui.main_window import MainWindow
from editor_app.ui.window_dialogs import UnsavedChoice, with_article_suffix
from tests.ui.window_helpers import keep

ARTICLE = Article(
    Metadata(headline="Lifeboat station gets a new slipway", byline="Ana Fielding"),
    (
        Paragraph(RichText.plain_text("Work starts in March and takes six weeks.")),
        Paragraph(RichText.plain_text("The crew will launch from the harbour meanwhile.")),
    ),
)
EDITED_HEADLINE = "Lifeboat slipway work starts in March"


@pytest.fixture
def settings_file(tmp_path: Path) -> Path:
    return tmp_path / "config" / SETTINGS_FILE_NAME


def open_window(qtbot: QtBot, path: Path, settings_file: Path) -> MainWindow:
    window = build_main_window(open_startup_article(path, Settings()), settings_file)
    keep(qtbot, window)
    window.show()
    return window


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "slipway.article.json"
    path.write_text(jsonformat.dumps(ARTICLE), encoding="utf-8")
    return path


@pytest.fixture
def window(qtbot: QtBot, article_file: Path, settings_file: Path) -> MainWindow:
    return open_window(qtbot, article_file, settings_file)


def edit(window: MainWindow) -> None:
    window.panel.headline.selectAll()
    window.panel.headline.insertPlainText(EDITED_HEADLINE)
    assert window.is_modified()


def saved_article(path: Path) -> Article:
    return jsonformat.loads(path.read_text(encoding="utf-8"))


class Answers:
    """Records the unsaved-changes questions and answers them with ``choice``."""

    def __init__(self, choice: UnsavedChoice) -> None:
        self.choice = choice
        self.asked = 0

    def __call__(self) -> UnsavedChoice:
        self.asked += 1
        return self.choice


def answer(window: MainWindow, monkeypatch: pytest.MonkeyPatch, choice: UnsavedChoice) -> Answers:
    answers = Answers(choice)
    monkeypatch.setattr(window, "_ask_unsaved", answers)
    return answers


# -- save ---------------------------------------------------------------------------------


def test_save_writes_an_article_file_in_place(window: MainWindow, article_file: Path) -> None:
    edit(window)
    assert window.commands["save"].isEnabled()
    window.commands["save"].trigger()
    assert saved_article(article_file) == ARTICLE.with_meta(headline=EDITED_HEADLINE)
    assert not window.is_modified()
    assert window.windowTitle() == f"{EDITED_HEADLINE} — Article Editor"
    assert window.statusBar().currentMessage() == "Saved slipway.article.json"


@pytest.mark.parametrize("source", ["slipway.md", "slipway.txt", None])
def test_save_of_another_format_or_a_new_article_asks_for_a_name(
    qtbot: QtBot,
    tmp_path: Path,
    settings_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    source: str | None,
) -> None:
    if source is None:
        window = build_main_window(open_startup_article(None, Settings()), settings_file)
        keep(qtbot, window)
    else:
        path = tmp_path / source
        path.write_text("Lifeboat slipway\n\nWork starts in March.\n", encoding="utf-8")
        window = open_window(qtbot, path, settings_file)
    target = tmp_path / "chosen.article.json"
    asked: list[bool] = []
    monkeypatch.setattr(window, "ask_save_path", lambda: asked.append(True) or target)
    assert window.save()
    assert asked == [True]
    assert saved_article(target) == window.article
    assert window.source == target
    assert load_settings(settings_file).settings.recent_files[0] == str(target)


def test_cancelling_save_as_writes_nothing(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    edit(window)
    monkeypatch.setattr(window, "ask_save_path", lambda: None)
    assert not window.save_as()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["slipway.article.json"]
    assert window.is_modified()


def test_a_failed_save_shows_why_and_keeps_the_text(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    edit(window)
    shown: list[str] = []
    monkeypatch.setattr(window, "show_error", lambda title, message: shown.append(message))
    monkeypatch.setattr(window, "ask_save_path", lambda: tmp_path / "missing" / "x.article.json")
    assert not window.save_as()
    assert len(shown) == 1
    assert "missing" in shown[0]
    assert window.panel.headline.text() == EDITED_HEADLINE
    assert window.is_modified()
    assert window.windowTitle().startswith("• ")


@pytest.mark.parametrize(
    ("chosen", "stored"),
    [
        ("story", "story.article.json"),
        ("story.md", "story.article.json"),
        ("story.article.json", "story.article.json"),
        ("notes.v2", "notes.v2.article.json"),
    ],
)
def test_saved_files_always_get_the_article_suffix(chosen: str, stored: str) -> None:
    assert with_article_suffix(Path("/news") / chosen) == Path("/news") / stored


# -- the unsaved-changes question ---------------------------------------------------------------


def test_no_question_when_nothing_changed(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = answer(window, monkeypatch, UnsavedChoice.CANCEL)
    assert window.new_article()
    assert answers.asked == 0


@pytest.mark.parametrize(
    ("choice", "replaced", "saved"),
    [
        (UnsavedChoice.SAVE, True, True),
        (UnsavedChoice.DISCARD, True, False),
        (UnsavedChoice.CANCEL, False, False),
    ],
)
def test_new_asks_about_unsaved_changes(
    window: MainWindow,
    article_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    choice: UnsavedChoice,
    replaced: bool,
    saved: bool,
) -> None:
    edit(window)
    answers = answer(window, monkeypatch, choice)
    assert window.new_article() == replaced
    assert answers.asked == 1
    assert (window.article == Article(Metadata())) == replaced
    assert (saved_article(article_file).meta.headline == EDITED_HEADLINE) == saved


@pytest.mark.parametrize(
    ("choice", "opened"),
    [(UnsavedChoice.SAVE, True), (UnsavedChoice.DISCARD, True), (UnsavedChoice.CANCEL, False)],
)
def test_open_asks_about_unsaved_changes_before_the_file_dialog(
    window: MainWindow,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    choice: UnsavedChoice,
    opened: bool,
) -> None:
    other = tmp_path / "other.article.json"
    other.write_text(jsonformat.dumps(Article(Metadata(headline="Pier reopens"))), "utf-8")
    edit(window)
    answers = answer(window, monkeypatch, choice)
    dialogs: list[bool] = []
    monkeypatch.setattr(window, "ask_open_path", lambda: dialogs.append(True) or other)
    window.commands["open"].trigger()
    assert (answers.asked, dialogs) == (1, [True] if opened else [])
    assert (window.panel.headline.text() == "Pier reopens") == opened


@pytest.mark.parametrize(
    ("choice", "closed"),
    [(UnsavedChoice.SAVE, True), (UnsavedChoice.DISCARD, True), (UnsavedChoice.CANCEL, False)],
)
def test_close_asks_about_unsaved_changes(
    window: MainWindow,
    article_file: Path,
    monkeypatch: pytest.MonkeyPatch,
    choice: UnsavedChoice,
    closed: bool,
) -> None:
    edit(window)
    answer(window, monkeypatch, choice)
    assert window.close() == closed
    assert window.isVisible() != closed
    assert (saved_article(article_file).meta.headline == EDITED_HEADLINE) == (
        choice is UnsavedChoice.SAVE
    )


def test_a_save_that_fails_while_closing_keeps_the_window_open(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    edit(window)
    answer(window, monkeypatch, UnsavedChoice.SAVE)
    monkeypatch.setattr(window, "_write", lambda path: False)
    assert not window.close()
    assert window.isVisible()


def test_body_edits_count_as_unsaved_changes(
    window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    window.editor.moveCursor(window.editor.textCursor().MoveOperation.End)
    window.editor.insertPlainText(" Really.")
    answers = answer(window, monkeypatch, UnsavedChoice.DISCARD)
    assert window.new_article()
    assert answers.asked == 1


# -- new and export -------------------------------------------------------------------------


def test_new_starts_an_empty_article_in_the_default_language(
    qtbot: QtBot, article_file: Path, settings_file: Path
) -> None:
    window = build_main_window(
        open_startup_article(article_file, Settings(default_language="en-US")), settings_file
    )
    keep(qtbot, window)
    window.commands["new"].trigger()
    assert window.article == Article(Metadata(language="en-US"))
    assert window.source is None
    assert window.windowTitle() == "Untitled — Article Editor"


def test_export_and_copy_as_html_take_the_edited_article(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    edit(window)
    window.export_action.trigger()
    (dialog,) = window.findChildren(ExportDialog)
    dialog.select_format("article")
    target = tmp_path / "export.article.json"
    monkeypatch.setattr(dialog, "_ask_save_path", lambda: target)
    dialog.export_button.click()
    assert saved_article(target).meta.headline == EDITED_HEADLINE
