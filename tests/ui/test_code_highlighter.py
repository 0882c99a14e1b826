"""The highlighter: Pygments colours for code blocks, theme colours for quotes and links."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QTextBlock, QTextCursor, QTextDocument

from editor_app.highlight import token_style
from editor_app.model import (
    Block,
    BlockQuote,
    CodeBlock,
    Paragraph,
    PullQuote,
    RichText,
    Span,
)
from editor_app.ui.block_styles import DARK_CODE_STYLE, LIGHT_CODE_STYLE, BlockStyles
from editor_app.ui.code_highlighter import ArticleHighlighter
from tests.ui.document_helpers import dark_styles, document_blocks, filled, light_styles, plain

pytestmark = pytest.mark.usefixtures("qapp")

STRING = "Literal.String.Doc"
MULTI_LINE = 'x = 1\n"""a docstring\nover lines"""\ny = 2'


def highlighted(body: tuple[Block, ...], styles: BlockStyles | None = None) -> QTextDocument:
    styles = styles or light_styles()
    document = filled(body, styles)
    ArticleHighlighter(document, styles)  # the document, its parent, keeps it
    return document


def piece_text(block: QTextBlock, start: int, length: int) -> str:
    """The block's text between two UTF-16 offsets (Qt's unit)."""
    units = block.text().encode("utf-16-le")
    return units[2 * start : 2 * (start + length)].decode("utf-16-le")


def colours(block: QTextBlock) -> dict[str, str]:
    """Each highlighted piece of the block's text and its colour."""
    return {
        piece_text(block, piece.start, piece.length): piece.format.foreground().color().name()
        for piece in block.layout().formats()
        if piece.format.foreground().style() != Qt.BrushStyle.NoBrush
    }


def token_colour(kind: str, style: str) -> str:
    colour = token_style(kind, style).color
    assert colour is not None
    return colour


def test_a_string_over_several_lines_is_coloured_on_every_line() -> None:
    document = highlighted((CodeBlock(MULTI_LINE, "python"),))
    string = token_colour(STRING, LIGHT_CODE_STYLE)
    lines = document_blocks(document)
    assert colours(lines[1])['"""a docstring'] == string
    assert colours(lines[2])['over lines"""'] == string
    assert "y" not in colours(lines[3]) or colours(lines[3])["y"] != string


def test_opening_a_string_recolours_the_lines_below() -> None:
    document = highlighted((CodeBlock("a = 1\nb = 2\n\nc = 3", "python"),))
    first = document.firstBlock()
    QTextCursor(first).insertText('"""')
    last = document.lastBlock()
    assert colours(last)["c = 3"] == token_colour(STRING, LIGHT_CODE_STYLE)


def test_the_dark_theme_uses_a_dark_code_style() -> None:
    document = highlighted((CodeBlock("def f(): pass", "python"),), dark_styles())
    keyword = colours(document.firstBlock())["def"]
    assert keyword == token_colour("Keyword", DARK_CODE_STYLE)
    assert keyword != token_colour("Keyword", LIGHT_CODE_STYLE)


def test_changing_the_theme_recolours_without_touching_the_document() -> None:
    document = filled((CodeBlock("def f(): pass", "python"),), light_styles())
    highlighter = ArticleHighlighter(document, light_styles())
    formats = [block.blockFormat() for block in document_blocks(document)]
    highlighter.set_styles(dark_styles())
    assert colours(document.firstBlock())["def"] == token_colour("Keyword", DARK_CODE_STYLE)
    assert [block.blockFormat() for block in document_blocks(document)] == formats
    assert not document.isUndoAvailable()
    assert not document.isModified()


def test_two_adjacent_code_blocks_are_lexed_apart() -> None:
    document = highlighted((CodeBlock('s = """open', "python"), CodeBlock("x = 1", "python")))
    assert colours(document.lastBlock()).get("x = 1") != token_colour(STRING, LIGHT_CODE_STYLE)


@pytest.mark.parametrize("language", ["", "no-such-language"])
def test_code_in_no_known_language_is_plain(language: str) -> None:
    document = highlighted((CodeBlock("def f(): pass", language),))
    assert colours(document.firstBlock()) == {}


def test_code_after_an_emoji_is_coloured_in_the_right_place() -> None:
    document = highlighted((CodeBlock('"👍" + name', "python"),))
    assert colours(document.firstBlock())['"👍"'] == token_colour(
        "Literal.String.Double", LIGHT_CODE_STYLE
    )


@pytest.mark.parametrize(
    ("block", "colour"),
    [
        (BlockQuote(plain("Quoted"), plain("Ana")), "secondary"),
        (PullQuote(plain("Quoted"), plain("Ana")), "accent"),
    ],
)
def test_quotes_take_the_themes_colours(block: Block, colour: str) -> None:
    styles = light_styles()
    document = highlighted((block,), styles)
    quote, attribution = document_blocks(document)
    assert colours(quote)["Quoted"] == getattr(styles.colours, colour).name()
    assert colours(attribution)["Ana"] == styles.colours.secondary.name()


def test_links_and_inline_code_are_marked_at_display_time() -> None:
    styles = light_styles()
    content = RichText(
        (Span("see "), Span("here", link="https://example.org"), Span("f()", code=True))
    )
    document = highlighted((Paragraph(content),), styles)
    block = document.firstBlock()
    assert colours(block) == {"here": styles.colours.link.name()}
    backgrounds = {
        piece_text(block, piece.start, piece.length): piece.format.background().color()
        for piece in block.layout().formats()
        if piece.format.background().style() != Qt.BrushStyle.NoBrush
    }
    assert backgrounds == {"f()": QColor(styles.colours.code_background)}


def test_the_document_holds_no_theme_colours() -> None:
    """Colours live in the highlighter, so a theme change never rewrites the text."""
    document = filled((PullQuote(plain("Quoted"), plain("Ana")), Paragraph(plain("x"))))
    for block in document_blocks(document):
        fragment = block.begin().fragment()
        assert fragment.charFormat().foreground().style() == Qt.BrushStyle.NoBrush
