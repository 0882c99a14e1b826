"""Find and replace on plain text, with case, whole-word and regular-expression options.

No Qt here: the find bar hands it one block's text at a time and converts the
code-point offsets it returns into Qt's UTF-16 positions. A search never
crosses a block boundary, so ``^`` and ``$`` mean the start and end of a
paragraph. A bad pattern is one ``BadPattern`` sentence for the find bar,
never a traceback.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from editor_app.errors import ArticleEditorError


class BadPattern(ArticleEditorError):
    """A regular expression (or a replacement's group reference) that cannot be used."""


@dataclass(frozen=True)
class SearchOptions:
    case_sensitive: bool = False
    whole_word: bool = False
    regex: bool = False


@dataclass(frozen=True, order=True)
class Match:
    """``[start, end)`` in code points of one text; ``replacement`` is what Replace puts there."""

    start: int
    end: int
    replacement: str = ""


@dataclass(frozen=True)
class Search:
    """A compiled query: build it once per query, run it on every block."""

    pattern: re.Pattern[str]
    replacement: str
    options: SearchOptions

    def matches(self, text: str) -> Iterator[Match]:
        """The non-empty matches in ``text``, in order (an empty match finds nothing)."""
        for found in self.pattern.finditer(text):
            if found.end() > found.start():
                yield Match(found.start(), found.end(), self._replacement_for(found))

    def _replacement_for(self, found: re.Match[str]) -> str:
        if not self.options.regex:
            return self.replacement
        return found.expand(self.replacement)


def compile_search(query: str, options: SearchOptions, replacement: str = "") -> Search:
    """The search for ``query``; ``BadPattern`` when it is not a usable expression.

    With ``regex`` the replacement may use ``\\1`` or ``\\g<name>``; the
    reference is checked here, before anything is replaced.
    """
    if not query:
        raise BadPattern("Type something to find.")
    source = query if options.regex else re.escape(query)
    if options.whole_word:
        # Look-arounds rather than \b: a query that starts or ends with punctuation
        # ("Dr.") must still match as a whole word.
        source = rf"(?<!\w)(?:{source})(?!\w)"
    flags = 0 if options.case_sensitive else re.IGNORECASE
    try:
        pattern = re.compile(source, flags)
    except re.error as error:
        raise BadPattern(f"Not a valid regular expression: {error.msg}.") from None
    if options.regex:
        _check_replacement(pattern, replacement)
    return Search(pattern, replacement, options)


def _check_replacement(pattern: re.Pattern[str], replacement: str) -> None:
    """``BadPattern`` when ``replacement`` names a group ``pattern`` lacks, or has a bad escape."""
    names = "".join(f"(?P<{name}>)" for name in pattern.groupindex)
    unnamed = "()" * (pattern.groups - len(pattern.groupindex))
    probe = re.compile(names + unnamed).match("")
    assert probe is not None  # empty groups always match the empty string
    try:
        probe.expand(replacement)
    except (re.error, IndexError) as error:
        message = error.msg if isinstance(error, re.error) else str(error)
        raise BadPattern(f"The replacement cannot be used: {message}.") from None


def find_all(text: str, search: Search) -> list[Match]:
    return list(search.matches(text))


def replace_all(text: str, search: Search) -> tuple[str, int]:
    """``text`` with every match replaced, and how many were replaced."""
    pieces: list[str] = []
    position = count = 0
    for match in search.matches(text):
        pieces += (text[position : match.start], match.replacement)
        position = match.end
        count += 1
    pieces.append(text[position:])
    return "".join(pieces), count


@dataclass(frozen=True, order=True)
class Hit:
    """A match in a sequence of texts (blocks): which text, and where in it."""

    index: int
    start: int
    end: int


def next_hit(
    texts: Sequence[str],
    search: Search,
    after: tuple[int, int],
    *,
    backwards: bool = False,
) -> tuple[Hit, bool] | None:
    """The first match after (or before) ``(index, offset)``, wrapping at the end.

    Returns the hit and whether the search wrapped; None when nothing matches.
    Forwards, a match starting at ``offset`` counts (the cursor sits before it);
    backwards, a match must end at or before ``offset``.
    """
    count = len(texts)
    if count == 0:
        return None
    index, offset = min(max(after[0], 0), count - 1), after[1]
    if backwards:
        order = [(i, False) for i in range(index, -1, -1)]
        order += [(i, True) for i in range(count - 1, index - 1, -1)]
    else:
        order = [(i, False) for i in range(index, count)]
        order += [(i, True) for i in range(index + 1)]
    for step, (current, wrapped) in enumerate(order):
        matches = list(search.matches(texts[current]))
        for match in reversed(matches) if backwards else matches:
            if step == 0 and not (match.end <= offset if backwards else match.start >= offset):
                continue
            return Hit(current, match.start, match.end), wrapped
    return None
