"""House style for numbers, percentages and dates (``style.numbers``, ``style.dates``).

The default is the common news convention (AP, Guardian, BBC): spell out one to
nine and use figures from 10, except for measurements, money, percentages,
ages, times and dates, which always take figures; never start a sentence with a
figure. Dates follow the article's language: "3 March 2025" in en-GB copy,
"March 3, 2025" in en-US copy, never "March 3rd".
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from typing import Any, ClassVar

from editor_app.checks.base import CheckContext, Finding, SegmentRule, Severity
from editor_app.checks.text_units import non_prose_spans, overlaps, sentences
from editor_app.model import TextRef


def _listed(words: str) -> tuple[str, ...]:
    """A word list written as one string: easier to read and keep than a list literal."""
    return tuple(words.split())


_ONES = _listed(
    """zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen
    fifteen sixteen seventeen eighteen nineteen"""
)
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


_MONTHS = _listed(
    "January February March April May June July August September October November December"
)
_MONTH_ABBREVIATIONS = _listed("Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec")
_MONTHS_LOWER = frozenset(m.lower() for m in (*_MONTHS, *_MONTH_ABBREVIATIONS))
_MONTH = "|".join(sorted((*_MONTHS, *_MONTH_ABBREVIATIONS), key=len, reverse=True))
_YEAR = r"(?:(?P<comma>,?)\s+(?P<year>\d{4})(?!\d))?"
_MONTH_DAY_RE = re.compile(
    rf"\b(?<![\-–—/.])(?P<month>{_MONTH})(?P<dot>\.?)\s+(?P<the>the\s+)?"
    rf"(?P<day>\d{{1,2}})(?P<ordinal>st|nd|rd|th)?(?![\w\-–—/:]|[.,]\d){_YEAR}"
)
_DAY_MONTH_RE = re.compile(
    rf"(?:(?P<the>\b(?i:the)\s+)|\b(?<![\-–—/.,]))(?P<day>\d{{1,2}})(?P<ordinal>st|nd|rd|th)?"
    rf"\s+(?P<of>of\s+)?(?P<month>{_MONTH})\b{_YEAR}"
)
_DATE_ORDERS = frozenset({"day-month", "month-day"})


def spelled(number: int) -> str | None:
    """The words for 0–99 ("forty-two"); ``None`` for anything larger."""
    if 0 <= number < 20:
        return _ONES[number]
    if 20 <= number < 100:
        tens, ones = divmod(number, 10)
        return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")
    return None


_WORD_VALUES = {spelled(n): n for n in range(1, 100)}
_UNITS_WORD = "(?:one|two|three|four|five|six|seven|eight|nine)"
_SPELLED_RE = re.compile(
    r"(?<![\w\-‐])(?=[eftsnoEFTSNO])(?i:(?:twen|thir|for|fif|six|seven|eigh|nine)ty"
    rf"(?:[-‐]{_UNITS_WORD})?|(?:thir|four|fif|six|seven|eigh|nine)teen|ten|eleven|twelve"
    rf"|{_UNITS_WORD})(?![\w\-‐])"
)
"""A number from one to ninety-nine in words. Written as a trie, not as 99
alternatives, and guarded by its possible first letters: it runs over every text."""
_FIGURE_RE = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?(?![\w%‰°′″/:\-‐]|[.,]\d|\s?[–—]\s?\d)")
"""A whole number; what may not come before it is checked in Python (a look-behind
at the start of the pattern would be tried at every position of every text)."""
_NOT_BEFORE_FIGURE = frozenset(".,/:#£$€¥₹+-−–—‐'’_")
_HAS_DIGIT_RE = re.compile(r"\d")
_AFTER_RE = re.compile(r"\s*([^\W\d]+(?:\.[^\W\d]+\.?)?|[%°×])")
_BEFORE_RE = re.compile(r"([^\W\d]+)\.?\s+$")
_LIST_MARKER_RE = re.compile(r"\s*\d+[.)]\s")
_PERCENT_RE = re.compile(
    r"(?<![\w.,])(\d+(?:[.,]\d+)*)(\s?)(?:(per[ -]?cent|percent)(?!\w)|%)", re.IGNORECASE
)

_UNITS = frozenset(
    _listed(
        """per percent cent % ° km kms kilometres kilometers kilometre kilometer kph kmh mph m
        metre metres meter meters cm mm ft feet foot in inch inches mile miles yard yards kg kgs
        kilo kilos kilogram kilograms kilogrammes g gram grams lb lbs oz ounce ounces tonne tonnes
        ton tons litre litres liter liters ml l gallon gallons degree degrees c f pence p cents
        hr hrs min mins sec secs
        dollars dollar euros euro pounds pound yen million billion trillion bn m k am pm a.m. p.m.
        a.m p.m gmt bst utc cet et pt x × gb mb tb kb ghz mhz kw mw gw kwh mwh hz v w db"""
    )
)
_AGE_WORDS = frozenset({"years", "year", "months", "month", "weeks"})
_LABELS = frozenset(
    _listed(
        """page p pp chapter no nos number room step platform gate terminal phase version season
        episode series stage round category grade level year class line route lane size figure
        fig table section article paragraph clause vol volume issue part act scene verse band
        cat tier zone stand floor flat apartment unit block aged age ages ward bus flight
        channel division league tranche exit junction"""
    )
)
_DIMENSION_SIGNS = frozenset({"x", "×", "*"})
_MULTIPLIERS = frozenset({"hundred", "thousand", "million", "billion", "trillion", "dozen"})


def _percent_house(context: CheckContext, params: Mapping[str, Any]) -> tuple[str, bool]:
    """The house form, and whether every other form is wrong (an explicit setting)
    or only the other spelled-out word (``auto``, which leaves "%" alone)."""
    setting = str(params["percent"])
    if setting == "auto":
        return ("percent" if context.language == "en-US" else "per cent"), False
    return setting, True


def _capitalised(word: str) -> str:
    return word[:1].upper() + word[1:]


class Numbers(SegmentRule):
    id = "style.numbers"
    default_severity = Severity.SUGGESTION
    reason = "News style spells out one to nine and uses figures from 10, never opening a sentence."
    default_params: ClassVar[Mapping[str, Any]] = {"spell_out_below": 10, "percent": "auto"}
    """``percent``: ``auto`` (per cent for British English, percent for US), ``per cent``,
    ``percent`` or ``%``."""
    fires_on = (
        "The council hired 3 engineers.",
        "The council hired twelve engineers.",
        "15 engineers were hired.",
        "Prices rose by 5 percent.",
    )
    passes = (
        "The council hired three engineers and 12 surveyors.",
        "Fifteen engineers were hired at a cost of £4m, or 3 per cent of the budget.",
        "The girl, 7, swam 5km at 3pm on 4 May in Platform 9 weather.",
        "Scores were 3-1 and 2.5 on average; see page 4.",
    )

    def check_segment(self, ref: TextRef, text: str, context: CheckContext) -> Iterator[Finding]:
        params = context.params_for(self)
        threshold = int(params["spell_out_below"])
        starts = frozenset(sentence.start for sentence in sentences(text))
        if _HAS_DIGIT_RE.search(text):
            yield from self._figures(ref, text, threshold, starts)
            yield from self._percent(ref, text, context, params)
        yield from self._spelled_out(ref, text, threshold, starts)

    def _figures(
        self, ref: TextRef, text: str, threshold: int, starts: frozenset[int]
    ) -> Iterator[Finding]:
        skip = non_prose_spans(text)
        for match in _FIGURE_RE.finditer(text):
            start, end = match.span()
            before = text[start - 1] if start else " "
            if before.isalnum() or before in _NOT_BEFORE_FIGURE:
                continue  # part of a code, a decimal, a price or a range: "A3", "£4", "2-1"
            if skip and overlaps(skip, start, end):
                continue
            figure = match.group()
            value = _integer(figure)
            if _at_sentence_start(text, start, starts):
                if not (start == 0 and _LIST_MARKER_RE.match(text)):
                    yield self._sentence_start(ref, text, start, end, value)
                continue
            if value is None or not 0 < value < threshold:
                continue
            if _exempt_figure(text, start, end, starts):
                continue
            yield self.finding(
                ref,
                start,
                end,
                figure,
                f"Spell out numbers below {threshold}",
                [str(spelled(value))],
                confidence=0.8,
            )

    def _sentence_start(
        self, ref: TextRef, text: str, start: int, end: int, value: int | None
    ) -> Finding:
        words = spelled(value) if value is not None else None
        return self.finding(
            ref,
            start,
            end,
            text[start:end],
            "Do not start a sentence with a figure: spell it out or recast the sentence",
            [_capitalised(words)] if words else [],
            confidence=0.9 if words else 0.5,
        )

    def _spelled_out(
        self, ref: TextRef, text: str, threshold: int, starts: frozenset[int]
    ) -> Iterator[Finding]:
        for match in _SPELLED_RE.finditer(text):
            word = match.group()
            value = _WORD_VALUES.get(word.lower().replace("‐", "-"))
            if value is None or value < threshold:
                continue
            if _at_sentence_start(text, match.start(), starts):
                continue  # correct: a sentence must not open with a figure
            if word[0].isupper():
                continue  # part of a name: "the Twelve Apostles"
            following = _AFTER_RE.match(text, match.end())
            if following and following.group(1).lower() in _MULTIPLIERS:
                continue
            yield self.finding(
                ref,
                match.start(),
                match.end(),
                word,
                f"Use figures for {threshold} and above",
                [str(value)],
                confidence=0.7,
            )

    def _percent(
        self, ref: TextRef, text: str, context: CheckContext, params: Mapping[str, Any]
    ) -> Iterator[Finding]:
        if "%" not in text and "cent" not in text.lower():
            return
        house, strict = _percent_house(context, params)
        for match in _PERCENT_RE.finditer(text):
            word = match.group(3)
            written = "%" if word is None else " ".join(word.lower().replace("-", " ").split())
            if written == house or (written == "%" and not strict):
                continue
            if not strict and written not in ("per cent", "percent"):
                continue
            figure = match.group(1)
            corrected = f"{figure}%" if house == "%" else f"{figure} {house}"
            yield self.finding(
                ref,
                match.start(),
                match.end(),
                match.group(),
                f"House style is “{house}”",
                [corrected],
            )


def _integer(figure: str) -> int | None:
    digits = figure.replace(",", "")
    return int(digits) if digits.isdigit() else None


def _at_sentence_start(text: str, offset: int, starts: frozenset[int]) -> bool:
    position = offset
    while position > 0 and text[position - 1] in "\"'“‘([":
        position -= 1
    return position in starts


def _exempt_figure(text: str, start: int, end: int, starts: frozenset[int]) -> bool:
    """Figures that stay figures: units, money, ages, times, dates, labels ("page 4"),
    names ("Formula 1") and list markers."""
    following = _AFTER_RE.match(text, end)
    next_word = following.group(1).lower() if following else ""
    if next_word in _UNITS or next_word in _MONTHS_LOWER:
        return True
    if text[max(0, start - 2) : start].strip() in _DIMENSION_SIGNS:
        return True  # "3 x 4"
    if next_word in _AGE_WORDS and re.match(r"\s*\w+\s+(?:old|of age)\b", text[end:]):
        return True
    before = text[max(0, start - 30) : start]
    if before.endswith(", ") and text[end : end + 1] == ",":
        return True  # an age after a name: "Tom, 7, said"
    previous = _BEFORE_RE.search(before)
    if previous:
        word = previous.group(1)
        if word.lower() in _LABELS or word.lower() in _MONTHS_LOWER:
            return True
        word_start = previous.start(1) + start - len(before)
        if word[0].isupper() and not _at_sentence_start(text, word_start, starts):
            return True
    return False


# -- dates ----------------------------------------------------------------------------


def _date_order(context: CheckContext, params: Mapping[str, Any]) -> str:
    order = str(params["date_order"])
    if order in _DATE_ORDERS:
        return order
    return "month-day" if context.language == "en-US" else "day-month"


def _house_date(order: str, day: str, month: str, year: str | None) -> str:
    if order == "day-month":
        return f"{day} {month.rstrip('.')}" + (f" {year}" if year else "")
    return f"{month} {day}" + (f", {year}" if year else "")


class Dates(SegmentRule):
    id = "style.dates"
    default_severity = Severity.WARNING
    reason = "One date form throughout: “3 March 2025” in British copy, “March 3, 2025” in US."
    default_params: ClassVar[Mapping[str, Any]] = {"date_order": "auto"}
    """``auto`` (month-day for en-US, day-month otherwise), ``day-month`` or ``month-day``."""
    fires_on = (
        "The vote is on March 3rd.",
        "The vote is on March 3, 2025.",
        "The vote is on the 3rd of March.",
        "The vote is on 3 March, 2025.",
    )
    passes = (
        "The vote is on 3 March 2025.",
        "The vote is in March 2025.",
        "Polls open on 3–5 March and close at 10pm.",
    )

    def check_segment(self, ref: TextRef, text: str, context: CheckContext) -> Iterator[Finding]:
        if not _HAS_DIGIT_RE.search(text):
            return
        order = _date_order(context, context.params_for(self))
        found: list[tuple[int, int, str, str]] = []
        for match in _MONTH_DAY_RE.finditer(text):
            problem = self._month_day_problem(match, order)
            if problem and _valid_day(match.group("day")):
                found.append((match.start(), match.end(), problem, self._fixed(match, order)))
        for match in _DAY_MONTH_RE.finditer(text):
            problem = self._day_month_problem(match, order)
            if problem and _valid_day(match.group("day")):
                # "the" belongs to the date only in "the 3rd of March"
                wordy = match.group("ordinal") or match.group("of")
                start = match.start() if wordy else match.start("day")
                found.append((start, match.end(), problem, self._fixed(match, order)))
        for start, end, problem, fixed in sorted(found):
            yield self.finding(ref, start, end, text[start:end], problem, [fixed])

    @staticmethod
    def _month_day_problem(match: re.Match[str], order: str) -> str | None:
        if match.group("ordinal") or match.group("the"):
            return "No ordinals in dates"
        if order == "day-month":
            return "House style puts the day first"
        if match.group("year") and not match.group("comma"):
            return "A comma goes between the day and the year"
        return None

    @staticmethod
    def _day_month_problem(match: re.Match[str], order: str) -> str | None:
        if match.group("of") and not match.group("ordinal"):
            return None  # "3 of March's games" is not a date
        if match.group("ordinal") or match.group("of"):
            return "No ordinals in dates"
        if order == "month-day":
            return "House style puts the month first"
        if match.group("comma"):
            return "No comma between the month and the year"
        return None

    @staticmethod
    def _fixed(match: re.Match[str], order: str) -> str:
        month = match.group("month") + (match.groupdict().get("dot") or "")
        return _house_date(order, match.group("day"), month, match.group("year"))


def _valid_day(day: str) -> bool:
    return 1 <= int(day) <= 31


RULES = (Numbers, Dates)
