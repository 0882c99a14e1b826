"""The export preview: our own generated HTML or text, shown without following anything.

Qt's rich-text engine reads a small subset of CSS (no ``rem``, no ``:root``,
no borders on paragraphs): the exported page's own stylesheet collapses its
margins there, so the preview drops it and lays the page out with a
stylesheet in units Qt reads, coloured from the window's palette. The preview
never loads a resource (no images, no files, no network) and never opens a
link: it shows exactly the HTML the exporter wrote and nothing more.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QUrl
from PySide6.QtGui import QColor, QFontDatabase, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QFrame, QTextBrowser, QWidget

from editor_app.highlight import stylesheet
from editor_app.ui.theme import ArticleColours

PAGE_MARGIN = 28
_BODY_ELEMENT = re.compile(r"<body\b", re.IGNORECASE)
_STYLE_ELEMENT = re.compile(r"<style\b[^>]*>.*?</style\s*>", re.IGNORECASE | re.DOTALL)

_CSS = """
body {{ font-family: Georgia, Charter, 'DejaVu Serif', serif; font-size: 15px;
        color: {text}; }}
h1, h2, h3, h4 {{ font-family: 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif;
                  color: {text}; }}
h1 {{ font-size: 27px; margin-top: 0; margin-bottom: 10px; }}
h2 {{ font-size: 20px; margin-top: 20px; margin-bottom: 8px; }}
h3 {{ font-size: 17px; margin-top: 18px; margin-bottom: 6px; }}
h4 {{ font-size: 15px; margin-top: 16px; margin-bottom: 6px; }}
p {{ margin-top: 0; margin-bottom: 12px; line-height: 140%; }}
li {{ line-height: 140%; }}
ul, ol {{ margin-top: 0; margin-bottom: 12px; }}
a {{ color: {link}; }}
p.standfirst {{ font-size: 18px; color: {secondary}; }}
p.byline, p.dateline, p.date {{ font-family: 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif;
    font-size: 13px; color: {secondary}; margin-bottom: 2px; }}
p.dateline, p.date {{ margin-bottom: 22px; }}
blockquote {{ margin-left: 24px; margin-right: 24px; font-style: italic; }}
blockquote p {{ margin-bottom: 4px; }}
figcaption {{ font-size: 13px; color: {secondary}; }}
aside p {{ font-size: 21px; text-align: center; color: {accent};
           margin-left: 40px; margin-right: 40px; margin-top: 6px; margin-bottom: 6px; }}
aside p.attribution {{ font-size: 13px; color: {secondary}; margin-bottom: 16px; }}
pre {{ background-color: {code_background}; font-family: {monospace}; font-size: 13px; }}
code {{ font-family: {monospace}; }}
dt {{ font-family: 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif; font-size: 13px;
      font-weight: bold; color: {secondary}; margin-top: 10px; }}
dd {{ font-family: 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif; font-size: 13px;
      color: {secondary}; margin-left: 0; }}
"""


def preview_stylesheet(colours: ArticleColours, code_style: str) -> str:
    """The preview's CSS: the page's typography in Qt's CSS subset, the palette's colours,
    and the code colours of the Pygments style ``code_style``."""
    monospace = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont).family()
    rules = _CSS.format(
        text=_css_colour(colours.text),
        secondary=_css_colour(colours.secondary),
        accent=_css_colour(colours.accent),
        link=_css_colour(colours.link),
        code_background=_css_colour(colours.code_background),
        monospace=f"'{monospace}', monospace",
    )
    return rules + stylesheet("pre", code_style)


def without_stylesheets(html: str) -> str:
    """``html`` without its ``<style>`` elements (the preview brings its own rules)."""
    return _STYLE_ELEMENT.sub("", html)


class PreviewBrowser(QTextBrowser):
    """A read-only view of exported HTML or text that loads nothing and opens no link."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setOpenLinks(False)
        self.setOpenExternalLinks(False)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.document().setDocumentMargin(PAGE_MARGIN)

    def show_html(self, html: str, css: str) -> None:
        self.document().setDefaultStyleSheet(css)
        self.document().setDefaultFont(self.font())
        page = without_stylesheets(html)
        # A fragment has no <body> for the body rules to apply to: give it one.
        self.setHtml(page if _BODY_ELEMENT.search(page) else f"<body>{page}</body>")
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def show_text(self, text: str) -> None:
        self.document().setDefaultStyleSheet("")
        self.document().setDefaultFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setCurrentCharFormat(QTextCharFormat())  # not the last page's heading format
        self.setPlainText(text)
        self.moveCursor(QTextCursor.MoveOperation.Start)

    def loadResource(self, kind: int, name: QUrl | str) -> object:  # noqa: N802 - Qt's name
        """Nothing is loaded: not an image, a style sheet, a file or a remote URL."""
        return None


def _css_colour(colour: QColor) -> str:
    return colour.name(QColor.NameFormat.HexRgb)
