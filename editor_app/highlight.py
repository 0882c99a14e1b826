"""Syntax highlighting of code blocks as plain data: the only module that imports Pygments.

The editor's code-block highlighter and the exporters both need to know which
piece of a code block is a keyword, a string or a comment. Pygments answers
that; this module turns its answer into plain values (text, kind) so that
neither the Qt side nor the HTML writer depends on Pygments' classes.

Kinds
    A token kind is Pygments' token type as a dotted name without the leading
    ``Token.`` ("Keyword", "Name.Function", "Literal.String.Double"), always one
    of Pygments' standard types (a lexer's private subtypes are folded into the
    nearest standard parent), or ``PLAIN`` ("") for text that gets no colour
    (plain text and white space). ``css_class`` gives the short class Pygments'
    own HTML and stylesheets use ("k", "nf", "s2"); ``token_style`` gives the
    colours and weights of a kind for a widget.

Exactness
    The texts of the tokens always add up to the code exactly. Pygments lexers
    may rewrite their input (a byte-order mark or carriage returns); when that
    happens the code comes back as one plain token rather than shifted colours.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, TypeAlias

from pygments.token import STANDARD_TYPES, Token, _TokenType, string_to_tokentype

if TYPE_CHECKING:
    from pygments.lexer import Lexer

# Lexers and styles are imported on first use: the editor starts without them and
# loads them only when an article has a code block.

TokenKind: TypeAlias = str
"""A Pygments standard token type as a dotted name ("Keyword.Constant"); ``PLAIN`` is ""."""

PLAIN: TokenKind = ""
STYLE_NAME = "default"
"""Pygments' default style: dark text on a light background, like an article page."""

_UNCOLOURED = (Token.Text, Token.Text.Whitespace, Token.Whitespace)


@dataclass(frozen=True)
class TokenStyle:
    """How a kind of token looks: colours as ``#rrggbb`` (``None``: inherit)."""

    color: str | None = None
    background: str | None = None
    bold: bool = False
    italic: bool = False
    underline: bool = False


def has_lexer(language: str) -> bool:
    """Whether ``language`` (a name or alias such as "python", "js") can be highlighted."""
    return _lexer(language.strip().lower()) is not None


def highlight_tokens(code: str, language: str) -> list[tuple[str, TokenKind]]:
    """The code cut into ``(text, kind)`` pieces; neighbours never share a kind.

    An empty or unknown language gives the whole code as one ``PLAIN`` piece.
    """
    if not code:
        return []
    lexer = _lexer(language.strip().lower())
    if lexer is None:
        return [(code, PLAIN)]
    pieces: list[tuple[str, TokenKind]] = []
    for token_type, text in lexer.get_tokens(code):
        if not text:
            continue
        kind = _kind_of(token_type)
        if pieces and pieces[-1][1] == kind:
            pieces[-1] = (pieces[-1][0] + text, kind)
        else:
            pieces.append((text, kind))
    if "".join(text for text, _kind in pieces) != code:
        return [(code, PLAIN)]
    return pieces


def css_class(kind: TokenKind) -> str:
    """Pygments' short CSS class for a kind ("k" for "Keyword"); "" for ``PLAIN``."""
    return STANDARD_TYPES.get(_token_type(kind), "")


def token_style(kind: TokenKind, style_name: str = STYLE_NAME) -> TokenStyle:
    """The look of a kind in a Pygments style, for the editor's highlighter."""
    if kind == PLAIN:
        return TokenStyle()
    from pygments.styles import get_style_by_name

    definition = get_style_by_name(style_name).style_for_token(_token_type(kind))
    return TokenStyle(
        color=_colour(definition["color"]),
        background=_colour(definition["bgcolor"]),
        bold=bool(definition["bold"]),
        italic=bool(definition["italic"]),
        underline=bool(definition["underline"]),
    )


def stylesheet(selector: str, style_name: str = STYLE_NAME) -> str:
    """CSS rules colouring the ``css_class`` spans inside elements matching ``selector``."""
    rules = []
    for token_type, short in sorted(STANDARD_TYPES.items(), key=lambda item: item[1]):
        kind = _kind_of(token_type)
        declarations = _declarations(token_style(kind, style_name)) if kind else ""
        if declarations:
            rules.append(f"{selector} .{short} {{ {declarations} }}\n")
    return "".join(rules)


def _declarations(style: TokenStyle) -> str:
    parts = []
    if style.color:
        parts.append(f"color: {style.color}")
    if style.background:
        parts.append(f"background-color: {style.background}")
    if style.bold:
        parts.append("font-weight: bold")
    if style.italic:
        parts.append("font-style: italic")
    if style.underline:
        parts.append("text-decoration: underline")
    return "; ".join(parts)


@cache
def _lexer(name: str) -> Lexer | None:
    if not name:
        return None
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound

    try:
        # Keep the code exactly as written: no stripped or added newlines.
        return get_lexer_by_name(name, stripnl=False, ensurenl=False)
    except ClassNotFound:
        return None


def _kind_of(token_type: _TokenType) -> TokenKind:
    standard = _standard(token_type)
    if standard in _UNCOLOURED or standard is Token:
        return PLAIN
    return str(standard).removeprefix("Token.")


def _token_type(kind: TokenKind) -> _TokenType:
    return _standard(string_to_tokentype(kind))


def _standard(token_type: _TokenType) -> _TokenType:
    """The nearest standard type: a lexer's own subtypes have no class of their own."""
    current: _TokenType | None = token_type
    while current is not None and current not in STANDARD_TYPES:
        current = current.parent
    return Token if current is None else current


def _colour(value: str | None) -> str | None:
    return f"#{value.lower()}" if value else None
