"""File → Export…: pick a format, see the result, then write it or copy it as HTML.

The preview is rendered by the same exporters that write the file, so what the
dialog shows is what the file holds: the page or fragment as the reader sees
it ("Preview") and the markup itself, coloured ("Source"). A binary format
(DOCX) is previewed as the web page of the same article, and the dialog says so.
Dialogs the user answers (the save dialog, the error box) go through small
methods tests can replace, so nothing blocks on ``exec()`` in a test.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication, QPalette
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFrame,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QSplitter,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from editor_app.errors import ArticleEditorError
from editor_app.export import ExportOptions
from editor_app.model import Article
from editor_app.ui.clipboard import copy_article_as_html
from editor_app.ui.error_text import error_message
from editor_app.ui.export_formats import (
    METADATA_OPTION_HINTS,
    build_preview,
    export_formats,
    export_to_file,
    file_filter,
    format_description,
    format_suffixes,
    format_title,
    honours_metadata_option,
    suggested_file_name,
)
from editor_app.ui.preview_browser import PreviewBrowser, preview_stylesheet
from editor_app.ui.source_view import SourceView, code_style_for
from editor_app.ui.theme import ArticleColours

DEFAULT_SIZE = QSize(1080, 720)
FORMAT_COLUMN_WIDTH = 250
_FORMAT_ROLE = Qt.ItemDataRole.UserRole


class ExportDialog(QDialog):
    """Export the article in any registered format, with a live preview."""

    exported = Signal(object, str)
    """``(path, format name)`` after a file was written."""
    notice = Signal(str)
    """A sentence for the main window's status bar."""

    def __init__(
        self,
        article: Article,
        *,
        source: Path | None = None,
        start_directory: str = "",
        initial_format: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._article = article
        self._source = source
        self._start_directory = start_directory or str(Path.home())
        self.setWindowTitle(self.tr("Export Article"))
        self.setSizeGripEnabled(True)
        self.format_list = QListWidget()
        self.description_label = _wrapping_label()
        self.metadata_check = QCheckBox(self.tr("Include metadata"))
        self.metadata_check.setChecked(ExportOptions().include_metadata)
        self.no_options_label = _wrapping_label(self.tr("This format has no options."))
        self.note_label = _wrapping_label()
        self.note_banner = QFrame()
        self.preview = PreviewBrowser()
        self.source_view = SourceView()
        self.tabs = QTabWidget()
        self.status_label = QLabel()
        self.export_button = QPushButton(self.tr("Export…"))
        self.copy_button = QPushButton(self.tr("Copy as HTML"))
        self.close_button = QPushButton(self.tr("Close"))
        self._build()
        self._fill_formats(initial_format)
        self.format_list.currentItemChanged.connect(self._format_changed)
        self.metadata_check.toggled.connect(self.refresh_preview)
        self.export_button.clicked.connect(self.export_with_dialog)
        self.copy_button.clicked.connect(self.copy_as_html)
        self.close_button.clicked.connect(self.reject)
        self._format_changed()
        screen = self.screen().availableGeometry().size()
        self.resize(DEFAULT_SIZE.boundedTo(screen * 0.92))
        self.format_list.setFocus()

    # -- what is chosen -------------------------------------------------------------------

    @property
    def format_name(self) -> str:
        item = self.format_list.currentItem()
        return str(item.data(_FORMAT_ROLE)) if item is not None else ""

    @property
    def options(self) -> ExportOptions:
        return ExportOptions(include_metadata=self.metadata_check.isChecked())

    def select_format(self, format_name: str) -> None:
        """Choose ``format_name`` in the list (ValueError when the dialog does not offer it)."""
        for row in range(self.format_list.count()):
            if self.format_list.item(row).data(_FORMAT_ROLE) == format_name:
                self.format_list.setCurrentRow(row)
                return
        raise ValueError(f"the dialog offers no format {format_name!r}")

    # -- preview --------------------------------------------------------------------------

    def refresh_preview(self) -> None:
        """Render the chosen format with the chosen options into both tabs."""
        try:
            shown = build_preview(self._article, self.format_name, self.options)
        except (ArticleEditorError, OSError) as error:
            self._show_note(self.tr("No preview: {reason}").format(reason=error_message(error)))
            self.preview.show_text("")
            self.source_view.show_source("", "text", code_style_for(self.palette()))
            return
        code_style = code_style_for(self.palette())
        if shown.html is not None:
            colours = ArticleColours.from_palette(self.palette())
            self.preview.show_html(shown.html, preview_stylesheet(colours, code_style))
        else:
            self.preview.show_text(shown.source)
        self.source_view.show_source(shown.source, shown.language, code_style)
        self._show_note(shown.note)

    def changeEvent(self, event: QEvent) -> None:  # noqa: N802 - Qt's name
        """Re-colour the preview and the source when the theme changes."""
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self.format_list.count():
            self.refresh_preview()

    # -- export and copy ------------------------------------------------------------------

    def export_with_dialog(self) -> bool:
        """Ask where to write, then export there; False when cancelled or failed."""
        path = self._ask_save_path()
        return path is not None and self.export_to(path)

    def export_to(self, path: Path) -> bool:
        """Write the chosen format to ``path``; an error is shown, never raised."""
        format_name = self.format_name
        try:
            export_to_file(self._article, path, format_name, self.options)
        except (ArticleEditorError, OSError) as error:
            self._show_error(self.tr("Cannot export the article"), error_message(error))
            return False
        self._say(self.tr("Exported to {name}").format(name=path.name))
        self.exported.emit(path, format_name)
        self.accept()
        return True

    def copy_as_html(self) -> bool:
        """Put the body on the clipboard as HTML (both as markup and as formatted text)."""
        try:
            message = copy_article_as_html(self._article, QGuiApplication.clipboard())
        except ArticleEditorError as error:
            self._show_error(self.tr("Cannot copy the article"), error_message(error))
            return False
        self._say(message)
        return True

    def save_dialog(self) -> QFileDialog:
        """The save dialog for the chosen format: its filter, default suffix and file name."""
        format_name = self.format_name
        dialog = QFileDialog(
            self, self.tr("Export as {title}").format(title=format_title(format_name))
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setNameFilters([file_filter(format_name), self.tr("All files (*)")])
        suffixes = format_suffixes(format_name)
        if suffixes:
            dialog.setDefaultSuffix(suffixes[0].removeprefix("."))
        dialog.setDirectory(self._start_directory)
        name = suggested_file_name(self._source, self._article.meta.headline, format_name)
        dialog.selectFile(name)
        return dialog

    def _ask_save_path(self) -> Path | None:
        dialog = self.save_dialog()
        if dialog.exec() != QDialog.DialogCode.Accepted or not dialog.selectedFiles():
            return None
        return Path(dialog.selectedFiles()[0])

    def _show_error(self, title: str, message: str) -> None:
        QMessageBox.warning(self, title, message)

    def _say(self, message: str) -> None:
        self.status_label.setText(message)
        self.notice.emit(message)

    # -- building -------------------------------------------------------------------------

    def _format_changed(self) -> None:
        format_name = self.format_name
        self.description_label.setText(format_description(format_name))
        has_options = honours_metadata_option(format_name)
        self.metadata_check.setVisible(has_options)
        self.metadata_check.setToolTip(METADATA_OPTION_HINTS.get(format_name, ""))
        self.no_options_label.setVisible(not has_options)
        self.refresh_preview()

    def _show_note(self, note: str) -> None:
        self.note_label.setText(note)
        self.note_banner.setVisible(bool(note))

    def _fill_formats(self, initial_format: str | None) -> None:
        for format_name in export_formats():
            item = QListWidgetItem(format_title(format_name))
            item.setData(_FORMAT_ROLE, format_name)
            item.setToolTip(format_description(format_name))
            item.setSizeHint(QSize(0, 30))
            self.format_list.addItem(item)
        self.format_list.setCurrentRow(0)
        if initial_format in export_formats():
            self.select_format(initial_format)

    def _build(self) -> None:
        self.format_list.setMinimumWidth(220)
        self.format_list.setFrameShape(QFrame.Shape.StyledPanel)
        options_box = QGroupBox(self.tr("Options"))
        options_column = QVBoxLayout(options_box)
        options_column.addWidget(self.metadata_check)
        options_column.addWidget(self.no_options_label)
        self.no_options_label.setEnabled(False)  # greyed: a remark, not a control
        left = QWidget()
        left_column = QVBoxLayout(left)
        left_column.setContentsMargins(0, 0, 8, 0)
        left_column.setSpacing(10)
        left_column.addWidget(_heading(self.tr("Format")))
        left_column.addWidget(self.format_list, stretch=1)
        left_column.addWidget(self.description_label)
        left_column.addWidget(options_box)

        self.tabs.addTab(self.preview, self.tr("Preview"))
        self.tabs.addTab(self.source_view, self.tr("Source"))
        self.note_banner.setFrameShape(QFrame.Shape.StyledPanel)
        self.note_banner.setAutoFillBackground(True)
        self.note_banner.setBackgroundRole(QPalette.ColorRole.AlternateBase)
        icon = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_SmallIconSize)
        info = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxInformation)
        icon.setPixmap(info.pixmap(size, size))
        icon.setAlignment(Qt.AlignmentFlag.AlignTop)
        banner_row = QHBoxLayout(self.note_banner)
        banner_row.setContentsMargins(10, 8, 10, 8)
        banner_row.setSpacing(10)
        banner_row.addWidget(icon)
        banner_row.addWidget(self.note_label, stretch=1)
        right = QWidget()
        right_column = QVBoxLayout(right)
        right_column.setContentsMargins(8, 0, 0, 0)
        right_column.setSpacing(10)
        right_column.addWidget(self.note_banner)
        right_column.addWidget(self.tabs, stretch=1)

        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(left)
        splitter.addWidget(right)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([FORMAT_COLUMN_WIDTH, DEFAULT_SIZE.width() - FORMAT_COLUMN_WIDTH])

        buttons = QDialogButtonBox()
        buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.export_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.close_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.copy_button.setToolTip(
            self.tr("Copy the body as HTML, for the CMS's HTML field or a rich text editor.")
        )
        bottom = QHBoxLayout()
        bottom.addWidget(self.status_label, stretch=1)
        bottom.addWidget(buttons)

        column = QVBoxLayout(self)
        column.setContentsMargins(18, 16, 18, 14)
        column.setSpacing(12)
        column.addWidget(splitter, stretch=1)
        column.addLayout(bottom)
        self.export_button.setDefault(True)  # once it is inside the dialog, or the dialog forgets


def _wrapping_label(text: str = "") -> QLabel:
    label = QLabel(text)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    return label


def _heading(text: str) -> QLabel:
    label = QLabel(text)
    font = label.font()
    font.setBold(True)
    label.setFont(font)
    return label
