"""The link dialog (Ctrl+K): the link's text and address, or removing the link.

Only addresses a reader's browser may safely follow are accepted: web pages
(http, https), e-mail (mailto) and relative addresses (a page of the same
site). ``javascript:``, ``data:`` and ``file:`` links are refused with a reason
rather than silently dropped at export, and OK stays disabled until the address
is one of those. An address typed as "www.example.org" means the web page, so it
becomes "https://www.example.org" (a relative link of that name would be broken).

Ctrl+click in the editor opens a link outside the app only when it is a web or
e-mail address (``open_link``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from editor_app.export.html_text import LINK_SCHEMES, safe_href

OPENABLE_SCHEMES = frozenset({"http", "https", "mailto"})
_SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.\-]*):")
_BARE_WEB_ADDRESS = re.compile(r"www\.[^\s/]+\.[^\s/]+", re.IGNORECASE)


@dataclass(frozen=True)
class LinkEdit:
    """What the person chose: a link ``url`` on ``text``, or ``remove`` the link."""

    text: str = ""
    url: str = ""
    remove: bool = False


def normalised_url(typed: str) -> str:
    """The address as it will be stored: trimmed, "www.…" given its https scheme."""
    url = typed.strip()
    if _BARE_WEB_ADDRESS.match(url):
        return f"https://{url}"
    return url


def link_problem(typed: str) -> str | None:
    """Why ``typed`` cannot be a link's address, in one sentence; ``None`` when it can."""
    url = normalised_url(typed)
    if not url:
        return "Type the address the link leads to."
    if any(character.isspace() for character in url):
        return "An address has no spaces; check for a stray space or a line break."
    scheme = _SCHEME.match(url)
    name = scheme.group(1).lower() if scheme else ""
    if scheme is not None and name not in LINK_SCHEMES:
        return (
            f"Links lead to web pages (http, https), e-mail (mailto) or a relative "
            f"address, not “{name}:” addresses."
        )
    if name == "mailto" and not url[len("mailto:") :].strip():
        return "An e-mail link needs an address, as in mailto:desk@example.org."
    if safe_href(url) is None:
        return "A web address needs a host name, as in https://example.org/page."
    return None


def is_openable(href: str) -> bool:
    """Web and e-mail links open outside the app; relative ones and anything a page
    should not launch (``file:``, ``javascript:``) do not."""
    return QUrl(href.strip()).scheme().lower() in OPENABLE_SCHEMES


def open_link(href: str) -> bool:
    """Open a web or e-mail link in the person's browser or mail program."""
    if not is_openable(href):
        return False
    return QDesktopServices.openUrl(QUrl(href.strip()))


def link_tooltip(href: str) -> str:
    """What hovering a link shows: where it leads, and how to follow it."""
    if not is_openable(href):
        return href
    return f"{href}\n" + QCoreApplication.translate("ArticleEditor", "Ctrl+click to open")


class LinkDialog(QDialog):
    """Edit one link. ``choice()`` holds the result once the dialog is accepted."""

    def __init__(self, text: str = "", url: str = "", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Edit Link") if url else self.tr("Insert Link"))
        self.setMinimumWidth(440)
        self._removing = False

        self.text_field = QLineEdit(text)
        self.text_field.setPlaceholderText(
            self.tr("The words readers click (the address if empty)")
        )
        self.url_field = QLineEdit(url)
        self.url_field.setPlaceholderText("https://example.org/page")
        self.url_field.setClearButtonEnabled(True)
        self.problem_label = QLabel()
        self.problem_label.setWordWrap(True)
        self.problem_label.setObjectName("linkProblem")

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.remove_button = QPushButton(self.tr("&Remove Link"))
        self.buttons.addButton(self.remove_button, QDialogButtonBox.ButtonRole.DestructiveRole)
        self.remove_button.setVisible(bool(url))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self.remove_button.clicked.connect(self._remove)

        form = QFormLayout()
        form.addRow(self.tr("&Text:"), self.text_field)
        form.addRow(self.tr("&Address:"), self.url_field)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.problem_label)
        layout.addWidget(self.buttons)

        self.url_field.textChanged.connect(self._validate)
        self._validate()
        (self.url_field if text or not url else self.text_field).setFocus()

    @property
    def ok_button(self) -> QPushButton:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def choice(self) -> LinkEdit:
        """The link as chosen: the text falls back on the address."""
        if self._removing:
            return LinkEdit(text=self.text_field.text(), remove=True)
        url = normalised_url(self.url_field.text())
        return LinkEdit(text=self.text_field.text() or url, url=url)

    def _validate(self) -> None:
        typed = self.url_field.text()
        problem = link_problem(typed)
        self.ok_button.setEnabled(problem is None)
        # An empty field is not an error yet: the person has not typed anything.
        self.problem_label.setText(problem if problem and typed.strip() else "")
        self.problem_label.setVisible(bool(self.problem_label.text()))

    def _remove(self) -> None:
        self._removing = True
        self.accept()
