"""The read-only body view renders through the adapter, exactly as the editor does."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QPalette
from pytestqt.qtbot import QtBot

from editor_app.model import Article, BlockQuote, CodeBlock, Paragraph, PullQuote
from editor_app.ui.block_styles import DARK_CODE_STYLE, LIGHT_CODE_STYLE
from editor_app.ui.body_view import ArticleBodyView
from editor_app.ui.document_adapter import read_document
from editor_app.ui.theme import ArticleColours
from tests.ui.document_helpers import DARK, LIGHT, palette, plain

ARTICLE = Article(
    body=(
        Paragraph(plain("The ferry returns.")),
        BlockQuote(plain("We kept the benches."), plain("Ana Fielding")),
        PullQuote(plain("Benches"), plain("Ana")),
        CodeBlock("GET /sailings\nGET /piers", "http"),
    )
)


@pytest.fixture
def view(qtbot: QtBot) -> ArticleBodyView:
    shown = ArticleBodyView()
    qtbot.addWidget(shown)
    shown.resize(600, 200)
    shown.show()
    return shown


def colours_of(theme: dict[QPalette.ColorRole, str]) -> ArticleColours:
    return ArticleColours.from_palette(palette(theme))


def test_the_view_shows_exactly_the_model(view: ArticleBodyView) -> None:
    view.show_article(ARTICLE, colours_of(LIGHT))
    assert read_document(view.document()) == ARTICLE.body


def test_the_view_is_as_tall_as_its_text(view: ArticleBodyView, qtbot: QtBot) -> None:
    view.show_article(ARTICLE, colours_of(LIGHT))
    height = view.document().documentLayout().documentSize().height()
    qtbot.waitUntil(lambda: view.height() >= height)


@pytest.mark.parametrize(
    ("theme", "code_style"), [(LIGHT, LIGHT_CODE_STYLE), (DARK, DARK_CODE_STYLE)]
)
def test_the_view_follows_the_theme(
    view: ArticleBodyView, theme: dict[QPalette.ColorRole, str], code_style: str
) -> None:
    view.show_article(ARTICLE, colours_of(theme))
    assert view.highlighter.styles.code_style == code_style
    assert view.styles.dark == (theme is DARK)


def test_the_view_paints_without_errors(view: ArticleBodyView) -> None:
    view.show_article(ARTICLE, colours_of(LIGHT))
    image = view.grab().toImage()
    colours = {
        image.pixel(x, y) for x in range(0, image.width(), 5) for y in range(0, image.height(), 5)
    }
    assert len(colours) > 5
