"""Raw HTML written inside Markdown, reduced to its text.

Markdown lets an author type HTML tags; the article has no place for them, so
the Markdown importer keeps only their text, ``<br>`` as a line break and block
tags as paragraph ends. The HTML importer (``html_clean``, ``html_inline``)
works on whole pages, sanitised with nh3 and read as a tree with its web
furniture; it has no text-of-a-fragment function, and a stdlib ``HTMLParser``
is all a fragment inside a Markdown file needs.
"""

from __future__ import annotations

from html.parser import HTMLParser

_BLOCK_TAG_NAMES = (
    "address article aside blockquote dd div dl dt figcaption figure footer h1 h2 h3 h4 h5 h6 "
    "header hr li main nav ol p pre section table td th tr ul"
)


class _HtmlText(HTMLParser):
    """The text of an HTML fragment as paragraphs of lines: ``<br>`` starts a
    line, block tags a paragraph, and white space runs count as one space."""

    _BLOCK_TAGS = frozenset(_BLOCK_TAG_NAMES.split())
    _HIDDEN_TAGS = frozenset(("script", "style", "template"))

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.paragraphs: list[list[str]] = [[""]]
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._HIDDEN_TAGS:
            self._hidden += 1
        elif tag == "br":
            self.paragraphs[-1].append("")
        elif tag in self._BLOCK_TAGS:
            self.paragraphs.append([""])

    def handle_endtag(self, tag: str) -> None:
        if tag in self._HIDDEN_TAGS:
            self._hidden = max(0, self._hidden - 1)
        elif tag in self._BLOCK_TAGS:
            self.paragraphs.append([""])

    def handle_data(self, data: str) -> None:
        if not self._hidden:
            self.paragraphs[-1][-1] += data

    def text_paragraphs(self) -> list[str]:
        tidied = (
            "\n".join(" ".join(line.split()) for line in lines).strip("\n")
            for lines in self.paragraphs
        )
        return [paragraph for paragraph in tidied if paragraph.strip()]


def _parsed(source: str) -> _HtmlText:
    parser = _HtmlText()
    parser.feed(source)
    parser.close()
    return parser


def html_paragraphs(source: str) -> list[str]:
    """An HTML block's text as paragraphs, lines inside them joined by line breaks."""
    return _parsed(source).text_paragraphs()


def html_lines(source: str) -> list[str]:
    """An inline HTML tag's own text (usually none; ``<br>`` is a line break)."""
    return [line for lines in _parsed(source).paragraphs for line in lines]
