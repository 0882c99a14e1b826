"""House style: small mechanical slips a copy editor fixes on every page.

Doubled words, doubled spaces, hyphens used as dashes, spaces before
punctuation, web-page furniture left in the body, and sentences and paragraphs
longer than the house allows. The number and date conventions live in
``style_numbers.py``; both modules report ``style.*`` ids.

The length rules look only at body text (``Field.TEXT`` and list items): a
headline or standfirst has its own limits, set elsewhere.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from functools import lru_cache
from typing import Any, ClassVar

from editor_app.checks.base import CheckContext, Finding, SegmentRule, Severity
from editor_app.checks.text_units import non_prose_spans, overlaps, sentences
from editor_app.cleanup.leftovers import find_leftover
from editor_app.model import Field, TextRef

_MEMO = 4096
_BODY_FIELDS = frozenset({Field.TEXT, Field.ITEM})

# The patterns start with the character they are about, not with a look-behind: the
# regex engine then skips ahead fast, and the few candidates are vetted in Python.
_DOUBLE_SPACE_RE = re.compile(r"[ \u00a0\t]{2,}")
_SPACE_BEFORE_PUNCTUATION_RE = re.compile(r"[ \u00a0]+([,;:!?]|\.(?!\.))(?=\s|$|[\"”’)\]])")
_DASH_RE = re.compile(r"-+|[–—]")
"""Hyphens and dashes; which of them stand for a dash is decided by the spaces around."""
_DOUBLED_WORD_RE = re.compile(r"\b(\w)(\w*)\s+(?i:\1)\2\b")
"""A word, white space, the same word again ("the the", "The the"); only the first
letter may differ in case, which keeps the pattern fast."""
_DASH_STYLES = {"spaced-en": " – ", "spaced-em": " — ", "closed-em": "—"}
_DASH_NAMES = {" – ": "a spaced en dash", " — ": "a spaced em dash", "—": "a closed em dash"}


def _house_dash(context: CheckContext, params: Mapping[str, Any]) -> str:
    style = str(params["dash"])
    if style == "auto":
        # British papers set a spaced en dash; US news (AP) a spaced em dash.
        style = "spaced-em" if context.language == "en-US" else "spaced-en"
    return _DASH_STYLES.get(style, " – ")


class DoubledWord(SegmentRule):
    id = "style.doubled-word"
    default_severity = Severity.WARNING
    reason = "A word typed twice (“the the”) survives reading because the eye skips it."
    default_params: ClassVar[Mapping[str, Any]] = {
        "allowed": ["had", "that", "is", "bye", "ha", "no", "tut", "knock"],
    }
    fires_on = ("The minister said the the plan was ready.", "It was was\nlate.")
    passes = (
        "She had had enough.",
        "He said that that was all.",
        "It is. Is it?",
        "They flew to Bora Bora.",
    )

    def check_segment(self, ref: TextRef, text: str, context: CheckContext) -> Iterator[Finding]:
        allowed = {str(word).casefold() for word in context.params_for(self)["allowed"]}
        for match in _DOUBLED_WORD_RE.finditer(text):
            word = match.group(1) + match.group(2)
            second = text[match.end() - len(word)]
            if word.casefold() in allowed or second.isupper() or "_" in word:
                continue  # allowed ("had had"), or a name ("Bora Bora")
            yield self.finding(
                ref,
                match.start(),
                match.end(),
                match.group(),
                f"“{word}” twice in a row",
                [word],
            )


class DoubleSpace(SegmentRule):
    id = "style.double-space"
    default_severity = Severity.SUGGESTION
    reason = "Two spaces between words are a typing habit that shows up in print."
    fires_on = ("The plan  was ready.", "It ended.  Then it began.")
    passes = ("The plan was ready.", "It ended. Then it began.")

    def check_segment(self, ref: TextRef, text: str, context: CheckContext) -> Iterator[Finding]:
        for match in _DOUBLE_SPACE_RE.finditer(text):
            if not _between_words(text, match.start(), match.end()):
                continue
            yield self.finding(
                ref, match.start(), match.end(), match.group(), "More than one space", [" "]
            )


class SpaceBeforePunctuation(SegmentRule):
    id = "style.space-before-punctuation"
    default_severity = Severity.SUGGESTION
    reason = "English sets no space before a comma, full stop, colon or question mark."
    fires_on = ("The plan was ready , she said.", "Is it over ?")
    passes = ("The plan was ready, she said.", "Is it over?", "Wait ... then go.")

    def check_segment(self, ref: TextRef, text: str, context: CheckContext) -> Iterator[Finding]:
        for match in _SPACE_BEFORE_PUNCTUATION_RE.finditer(text):
            if match.start() == 0 or not text[match.start() - 1].isalnum():
                continue
            mark = match.group(1)
            yield self.finding(
                ref,
                match.start(),
                match.end(),
                match.group(),
                f"Space before “{mark}”",
                [mark],
            )


class Dash(SegmentRule):
    id = "style.dash"
    default_severity = Severity.SUGGESTION
    reason = "A hyphen is not a dash, and one article should set its dashes one way."
    default_params: ClassVar[Mapping[str, Any]] = {"dash": "auto"}
    """``auto`` (spaced en dash, or spaced em dash for en-US), ``spaced-en``,
    ``spaced-em`` or ``closed-em``."""
    fires_on = ("The bridge - finished at last - opened today.", "It was late--very late.")
    passes = ("The bridge – finished at last – opened today.", "The 1990–2000 period.")

    def check_segment(self, ref: TextRef, text: str, context: CheckContext) -> Iterator[Finding]:
        if "-" not in text and "–" not in text and "—" not in text:
            return
        house = _house_dash(context, context.params_for(self))
        skip = non_prose_spans(text)
        for match in _DASH_RE.finditer(text):
            dash = match.group()
            start, end = _with_spaces(text, *match.span())
            spaced = start < match.start()
            if spaced != (end > match.end()) or len(dash) > 3:
                continue  # "pre- and post-war", a list dash, a rule of hyphens
            if not spaced and dash in ("-", "–"):
                continue  # a hyphen, or a closed en dash: the range "1990–2000"
            if not _between_words(text, start, end) or (skip and overlaps(skip, start, end)):
                continue
            form = f" {dash[0]} " if spaced else dash[0]
            if form == house or ("-" in dash and _between_digits(text, start, end)):
                continue  # the house dash, or arithmetic and scores: "5 - 3"
            what = "a hyphen" if "-" in dash else _DASH_NAMES.get(form, "a dash")
            yield self.finding(
                ref,
                start,
                end,
                text[start:end],
                f"The house dash is {_DASH_NAMES[house]}, not {what}",
                [house],
            )


def _with_spaces(text: str, start: int, end: int) -> tuple[int, int]:
    """``[start, end)`` grown over the spaces on either side."""
    while start > 0 and text[start - 1] == " ":
        start -= 1
    while end < len(text) and text[end] == " ":
        end += 1
    return start, end


def _between_words(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` has visible characters right before and after it."""
    return (
        start > 0 and end < len(text) and not text[start - 1].isspace() and not text[end].isspace()
    )


def _between_digits(text: str, start: int, end: int) -> bool:
    return start > 0 and end < len(text) and text[start - 1].isdigit() and text[end].isdigit()


class WebLeftover(SegmentRule):
    id = "style.web-leftover"
    default_severity = Severity.WARNING
    reason = "Share counts, comment prompts and cookie notices come along when copying from a page."
    fires_on = ("The bridge opened on Monday.\n\nLeave a Reply", "190 Shares")
    passes = ("Readers can click here to see the map, the council said on Monday.",)

    def check_segment(self, ref: TextRef, text: str, context: CheckContext) -> Iterator[Finding]:
        if ref.field not in _BODY_FIELDS:
            return
        match = find_leftover(text)
        if match is None:
            return
        start = len(text) - len(text.lstrip())
        end = len(text.rstrip())
        yield self.finding(
            ref,
            start,
            end,
            text[start:end],
            f"Web-page furniture ({match.reason}), not article text: delete it",
        )


@lru_cache(maxsize=_MEMO)
def _sentence_word_counts(text: str) -> tuple[tuple[int, int, int], ...]:
    """(start, end, words) of each sentence, for both length rules. Words are counted
    as the article's word count counts them, between spaces."""
    return tuple(
        (sentence.start, sentence.end, len(sentence.text.split())) for sentence in sentences(text)
    )


class LongSentence(SegmentRule):
    id = "style.long-sentence"
    default_severity = Severity.SUGGESTION
    reason = "Readers lose the thread of a news sentence past about forty words."
    default_params: ClassVar[Mapping[str, Any]] = {"max_words": 40}
    fires_on = (" ".join(["The council said"] + ["the works"] * 20 + ["would end."]),)
    passes = ("The council said the works would end in May. Traffic will return.",)

    def check_segment(self, ref: TextRef, text: str, context: CheckContext) -> Iterator[Finding]:
        if ref.field not in _BODY_FIELDS:
            return
        limit = int(context.params_for(self)["max_words"])
        for start, end, count in _sentence_word_counts(text):
            if count > limit:
                yield self.finding(
                    ref,
                    start,
                    end,
                    text[start:end],
                    f"Sentence of {count} words; the house limit is {limit}",
                )


class LongParagraph(SegmentRule):
    id = "style.long-paragraph"
    default_severity = Severity.SUGGESTION
    reason = "News paragraphs are short: a long one is a wall of grey on a phone."
    default_params: ClassVar[Mapping[str, Any]] = {"max_words": 120, "max_sentences": 4}
    fires_on = (
        "It rained. The river rose. The bridge shut. The mayor spoke. Shops closed.",
        " ".join(["The works will continue until spring, the council said."] * 14),
    )
    passes = ("It rained. The river rose. The bridge shut. The mayor spoke.",)

    def check_segment(self, ref: TextRef, text: str, context: CheckContext) -> Iterator[Finding]:
        if ref.field is not Field.TEXT:
            return
        params = context.params_for(self)
        max_words = int(params["max_words"])
        max_sentences = int(params["max_sentences"])
        counted = _sentence_word_counts(text)
        total = sum(count for _start, _end, count in counted)
        if total <= max_words and len(counted) <= max_sentences:
            return
        # Underline from the sentence that crosses a limit: that is where to split.
        running = 0
        split_at = counted[-1][0]
        for number, (start, _end, count) in enumerate(counted, start=1):
            running += count
            if running > max_words or number > max_sentences:
                split_at = start
                break
        end = counted[-1][1]
        yield self.finding(
            ref,
            split_at,
            end,
            text[split_at:end],
            f"Paragraph of {total} words in {len(counted)} sentences; the house limit is "
            f"{max_words} words and {max_sentences} sentences: split it here",
        )


RULES = (
    DoubledWord,
    DoubleSpace,
    SpaceBeforePunctuation,
    Dash,
    WebLeftover,
    LongSentence,
    LongParagraph,
)
