"""Inline text written as Markdown that reads back as the same ``RichText``.

Its own module because escaping is the delicate half of the Markdown export:
which characters Markdown would read as syntax where they stand (line start,
heading, quote), how code spans and link targets are fenced, and the
CommonMark flanking rules that decide whether an emphasis marker counts.
``export.markdown`` lays out the blocks around it; its docstring lists what
Markdown cannot carry, which ``carried_form`` applies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import groupby

from markdown_it.common.normalize_url import validateLink
from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace

from editor_app.model import RichText, Span

EMPTY_LINK = "[]()"

_ALWAYS_ESCAPED = frozenset("\\`*_[]<")
_ESCAPED_AT_LINE_START = frozenset("#>-+=~|:")
_QUOTE_DASH_ENTITIES = {"—": "&mdash;", "–": "&ndash;", "―": "&horbar;"}
_ENTITY_LIKE = re.compile(r"&(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")
_LIST_NUMBER = re.compile(r"[0-9]{1,9}[.)]")
_PLAIN_DESTINATION = re.compile(r"[^\s<>()\\\x00-\x1f\x7f]+")
_BREAK = "\\\n"


@dataclass(frozen=True)
class Where:
    """Where inline text stands, which decides what must be escaped."""

    one_line: bool = False
    """A heading: no line breaks, and every ``#`` escaped (a trailing one would close it)."""
    quote: bool = False
    """Quote text: a line opening with a dash would read back as the attribution."""


PLAIN = Where()
HEADING = Where(one_line=True)
QUOTE = Where(quote=True)


@dataclass
class _Atom:
    """One piece of the output; ``literal`` is set when it is a character written
    as itself, which may be swapped for a character reference to make an
    emphasis marker next to it count."""

    source: str
    literal: str | None = None
    role: str = ""
    """"open" or "close" for emphasis markers."""


def carried_form(text: RichText) -> RichText:
    """``text`` as Markdown can carry it (``export.markdown``'s docstring lists the losses)."""
    pieces: list[Span] = []
    for span in text:
        if span.link is not None and not validateLink(span.link):
            span = Span(span.text, span.bold, span.italic, span.code, None)
        pieces.extend(_split_code(span) if span.code else [span])
    spans: list[Span] = []
    for piece in pieces:
        marked = (piece.bold or piece.italic) and not piece.code
        spans.extend(_unmark_edge_space(piece) if marked else [piece])
    return RichText(tuple(spans))


def _split_code(span: Span) -> list[Span]:
    pieces: list[Span] = []
    for index, line in enumerate(span.text.split("\n")):
        if index:
            pieces.append(Span("\n", span.bold, span.italic, False, span.link))
        pieces.append(span.with_text(line))
    return pieces


def _unmark_edge_space(span: Span) -> list[Span]:
    core = span.text.strip()
    if not core:
        return [Span(span.text, link=span.link)]
    start = span.text.index(core)
    end = start + len(core)
    return [
        Span(span.text[:start], link=span.link),
        span.with_text(core),
        Span(span.text[end:], link=span.link),
    ]


def render_inline(text: RichText, where: Where = PLAIN) -> str:
    """Inline content as Markdown that reads back as ``carried_form(text)``."""
    carried = carried_form(text)
    plain = carried.plain
    atoms: list[_Atom] = []
    offset = 0
    for link, group in groupby(carried.spans, key=lambda span: span.link):
        if link is not None:
            if atoms and atoms[-1].literal == "!":  # "![" would make an image
                atoms[-1] = _Atom("\\!")
            atoms.append(_Atom("["))
        for span in group:
            end = offset + len(span.text)
            if span.code:
                body = [_Atom(_code_span(span.text))]
            else:
                body = [_char_atom(plain, index, end, where) for index in range(offset, end)]
            offset = end
            _append_marked(atoms, body, 2 * span.bold + span.italic)
        if link is not None:
            atoms.append(_Atom(f"]({_destination(link)})"))
    _make_markers_count(atoms)
    source = "".join(atom.source for atom in atoms)
    # "[`a]:b`](url)" opening a paragraph would be a link definition; an empty
    # link in front (no text, no note on import) keeps it a paragraph.
    return EMPTY_LINK + source if _reads_as_definition(source) else source


def _reads_as_definition(source: str) -> bool:
    """Whether markdown-it would take ``source`` at a paragraph start for a
    ``[label]: target`` definition (only a code span can hide a ``]`` there)."""
    if not source.startswith("["):
        return False
    index = 1
    while index < len(source):
        char = source[index]
        if char == "[":
            return False
        if char == "]":
            return source[index + 1 : index + 2] == ":"
        index += 2 if char == "\\" else 1
    return False


def _append_marked(atoms: list[_Atom], body: list[_Atom], strength: int) -> None:
    if not strength:
        atoms.extend(body)
        return
    follows_star = bool(atoms) and atoms[-1].role == "close" and atoms[-1].source[0] == "*"
    marker = ("_" if follows_star else "*") * strength
    atoms.extend([_Atom(marker, role="open"), *body, _Atom(marker, role="close")])


def _char_atom(plain: str, index: int, span_end: int, where: Where) -> _Atom:
    char = plain[index]
    at_line_start = index == 0 or plain[index - 1] == "\n"
    if char == "\n":
        if where.one_line or index in (0, len(plain) - 1):
            return _Atom("&#10;")
        return _Atom(_BREAK)
    if char == "\r" or (char.isspace() and _at_line_edge(plain, index)):
        return _Atom(f"&#{ord(char)};")
    if char in _ALWAYS_ESCAPED or (char == "#" and where.one_line):
        return _Atom("\\" + char)
    if char == "&" and _ENTITY_LIKE.match(plain, index, span_end):
        return _Atom("\\&")
    if at_line_start and char in _ESCAPED_AT_LINE_START:
        return _Atom("\\" + char)
    if at_line_start and where.quote and char in _QUOTE_DASH_ENTITIES:
        return _Atom(_QUOTE_DASH_ENTITIES[char])
    if char in ".)" and _ends_list_number(plain, index):
        return _Atom("\\" + char)
    return _Atom(char, literal=char)


def _at_line_edge(plain: str, index: int) -> bool:
    """White space that Markdown would trim: before the first or after the last
    visible character of its line."""
    line_start = plain.rfind("\n", 0, index) + 1
    line_end = plain.find("\n", index)
    line = plain[line_start : len(plain) if line_end < 0 else line_end]
    position = index - line_start
    return position < len(line) - len(line.lstrip()) or position >= len(line.rstrip())


def _ends_list_number(plain: str, index: int) -> bool:
    line_start = plain.rfind("\n", 0, index) + 1
    return _LIST_NUMBER.fullmatch(plain, line_start, index + 1) is not None


def _code_span(code: str) -> str:
    longest = max((len(run) for run in re.findall("`+", code)), default=0)
    fence = "`" * (longest + 1)
    padded = code.startswith("`") or code.endswith("`")
    padded = padded or (code.startswith(" ") and code.endswith(" ") and code.strip(" ") != "")
    return f"{fence} {code} {fence}" if padded else f"{fence}{code}{fence}"


def _destination(url: str) -> str:
    if _PLAIN_DESTINATION.fullmatch(url):
        return _ENTITY_LIKE.sub(lambda match: "\\" + match.group(), url)
    escaped = "".join(
        "\\" + char if char in "<>\\&" else f"&#{ord(char)};" if char in "\n\r" else char
        for char in url
    )
    return f"<{escaped}>"


# -- emphasis markers ------------------------------------------------------------------


def _make_markers_count(atoms: list[_Atom]) -> None:
    """Swap the letter outside a marker for a character reference where the
    CommonMark flanking rules would otherwise not let the marker open or close
    (``a*(b)*`` is not emphasis; ``&#97;*(b)*`` is)."""
    for index, atom in enumerate(atoms):
        if atom.role == "open":
            inside = atoms[index + 1].source[0]
            if not _can_open(atom.source[0], _last_char(atoms, index - 1), inside):
                _as_reference(atoms, index - 1)
        elif atom.role == "close":
            inside = atoms[index - 1].source[-1]
            if not _can_close(atom.source[0], inside, _first_char(atoms, index + 1)):
                _as_reference(atoms, index + 1)


def _last_char(atoms: list[_Atom], index: int) -> str:
    return atoms[index].source[-1] if index >= 0 else " "


def _first_char(atoms: list[_Atom], index: int) -> str:
    return atoms[index].source[0] if index < len(atoms) else " "


def _as_reference(atoms: list[_Atom], index: int) -> None:
    if 0 <= index < len(atoms) and atoms[index].literal is not None:
        atoms[index] = _Atom(f"&#{ord(atoms[index].source)};")


def _is_punctuation(char: str) -> bool:
    return isMdAsciiPunct(ord(char)) or isPunctChar(char)


def _flanking(before: str, after: str) -> tuple[bool, bool]:
    """CommonMark's left- and right-flanking tests for a marker between two characters."""
    before_space, after_space = isWhiteSpace(ord(before)), isWhiteSpace(ord(after))
    before_punct, after_punct = _is_punctuation(before), _is_punctuation(after)
    left = not after_space and (not after_punct or before_space or before_punct)
    right = not before_space and (not before_punct or after_space or after_punct)
    return left, right


def _can_open(marker: str, before: str, after: str) -> bool:
    left, right = _flanking(before, after)
    return left and (marker == "*" or not right or _is_punctuation(before))


def _can_close(marker: str, before: str, after: str) -> bool:
    left, right = _flanking(before, after)
    return right and (marker == "*" or not left or _is_punctuation(after))
