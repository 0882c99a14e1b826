"""Copy as HTML: the article's body on the clipboard, for the CMS or a rich editor.

The same HTML goes on the clipboard twice: as ``text/html``, which rich
editors paste as formatted text, and as ``text/plain``, which a CMS's HTML
source field (and any plain text box) pastes as the markup itself.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QMimeData
from PySide6.QtGui import QClipboard

from editor_app.model import Article
from editor_app.ui.export_formats import html_fragment


def copy_html(clipboard: QClipboard, html: str) -> None:
    """Put ``html`` on ``clipboard`` as both ``text/html`` and ``text/plain``."""
    data = QMimeData()
    data.setHtml(html)
    data.setText(html)
    clipboard.setMimeData(data)


def copy_article_as_html(article: Article, clipboard: QClipboard) -> str:
    """Copy the body as the CMS fragment; the status bar sentence that says so.

    Raises what rendering raises (``ExportFailed``), before the clipboard is touched.
    """
    html = html_fragment(article)
    copy_html(clipboard, html)
    return QCoreApplication.translate(
        "Clipboard", "Copied the article as HTML ({count} characters)"
    ).format(count=f"{len(html):,}")
