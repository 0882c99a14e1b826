"""The questions the main window asks: which file, save the changes?, which length target.

Plain functions around the standard dialogs; the window calls them through
small methods of its own (``ask_open_path``, ``ask_save_path``,
``_ask_unsaved``, ``ask_length_target``) that tests replace, so no test ever
blocks on a modal dialog.
"""

from __future__ import annotations

from enum import Enum
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox, QWidget

from editor_app.importers import importable_suffixes

ARTICLE_SUFFIX = ".article.json"


class UnsavedChoice(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


def _tr(text: str) -> str:
    return QCoreApplication.translate("MainWindow", text)


def open_path(parent: QWidget, start: str) -> Path | None:
    patterns = " ".join(f"*{suffix}" for suffix in importable_suffixes())
    name, _ = QFileDialog.getOpenFileName(
        parent,
        _tr("Open Article"),
        start,
        _tr("Articles ({patterns});;All files (*)").format(patterns=patterns),
    )
    return Path(name) if name else None


def save_path(parent: QWidget, suggested: str) -> Path | None:
    """Where to save; the name always ends in ``.article.json``."""
    start = str(with_article_suffix(Path(suggested)))
    name, _ = QFileDialog.getSaveFileName(
        parent, _tr("Save Article"), start, _tr("Article Editor files (*.article.json)")
    )
    return with_article_suffix(Path(name)) if name else None


def with_article_suffix(path: Path) -> Path:
    """``story`` and ``story.md`` → ``story.article.json``; ``a.v2`` → ``a.v2.article.json``."""
    name = path.name
    for suffix in sorted(importable_suffixes(), key=len, reverse=True):
        if name.lower().endswith(suffix):
            name = name[: -len(suffix)]
            break
    return path.with_name(name + ARTICLE_SUFFIX)


def unsaved(parent: QWidget, headline: str) -> UnsavedChoice:
    box = QMessageBox(parent)
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(_tr("Unsaved Changes"))
    box.setText(_tr("Save the changes to “{headline}”?").format(headline=headline))
    box.setInformativeText(_tr("Your changes will be lost if you don’t save them."))
    button = QMessageBox.StandardButton
    box.setStandardButtons(button.Save | button.Discard | button.Cancel)
    box.setDefaultButton(button.Save)
    answer = box.exec()
    if answer == button.Save:
        return UnsavedChoice.SAVE
    if answer == button.Discard:
        return UnsavedChoice.DISCARD
    return UnsavedChoice.CANCEL


def length_target(parent: QWidget, current: int) -> int | None:
    value, accepted = QInputDialog.getInt(
        parent,
        _tr("Length Target"),
        _tr("Words the article should run to (0 for no target):"),
        current,
        0,
        100_000,
        50,
    )
    return value if accepted else None
