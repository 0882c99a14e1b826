"""Web-page leftovers: the furniture people copy along with a scraped article.

Comment widgets ("190 Interactions", "Leave a Reply"), share buttons, "Read
more:" links, newsletter boxes, advertisement labels, cookie banners, "Follow us
on ..." and copyright footers end up as paragraphs of their own when an article
is copied out of a browser.

A paragraph is a leftover only when it is *entirely* boilerplate: every rule
must match the whole paragraph (from its first word to its last, give or take
decoration such as "— Advertisement —"), and each rule has a word limit, so a
real sentence that merely mentions "click here" or "cookies" is never one. A
paragraph of several lines is also a leftover when each of its lines is one
("Share this:" / "Facebook" / "Twitter").
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache


class LeftoverKind(StrEnum):
    COMMENTS = "comments"
    SHARING = "sharing"
    CALL_TO_ACTION = "call_to_action"
    READ_MORE = "read_more"
    RELATED = "related"
    NEWSLETTER = "newsletter"
    ADVERTISEMENT = "advertisement"
    COOKIES = "cookies"
    FOLLOW = "follow"
    COPYRIGHT = "copyright"
    NAVIGATION = "navigation"


_REASONS = {
    LeftoverKind.COMMENTS: "comment section of a web page",
    LeftoverKind.SHARING: "share buttons or share counts",
    LeftoverKind.CALL_TO_ACTION: "a link's call to action",
    LeftoverKind.READ_MORE: "a link to another article",
    LeftoverKind.RELATED: "a list of related articles",
    LeftoverKind.NEWSLETTER: "a newsletter sign-up box",
    LeftoverKind.ADVERTISEMENT: "an advertisement label",
    LeftoverKind.COOKIES: "a cookie banner",
    LeftoverKind.FOLLOW: "a social-media follow link",
    LeftoverKind.COPYRIGHT: "a copyright footer",
    LeftoverKind.NAVIGATION: "site navigation",
}


@dataclass(frozen=True)
class LeftoverMatch:
    """Why a paragraph was recognised as web-page furniture."""

    kind: LeftoverKind
    text: str

    @property
    def reason(self) -> str:
        return _REASONS[self.kind]


@dataclass(frozen=True)
class _Rule:
    kind: LeftoverKind
    pattern: re.Pattern[str]
    max_words: int


# Decoration allowed around a leftover: dashes, bars, bullets, brackets, arrows.
# Quotation marks are deliberately not in it: a quoted "Click here" is speech.
_LEAD = r"[\s\-–—=_|•·*#>\[\](){}]*"
_TRAIL = r"[\s\-–—=_|•·*#\[\](){}.:!…»›→]*"
_NUMBER = r"\d[\d,.]*\s*[km]?"
_SEPARATOR = r"\s*(?:[:»›→|\-–—]|>>)"
_NETWORK = (
    r"(?:facebook|twitter|linkedin|whatsapp|telegram|reddit|pinterest|e-?mail|print"
    r"|messenger|tumblr|copy link|tweet|pin it|mastodon|bluesky|threads|flipboard)"
)
_ANY_NETWORK = rf"(?:{_NETWORK}|x)"
"""X alone is a letter, not a share button, unless another network stands beside it."""
_NETWORK_LIST = (
    rf"(?:{_NETWORK}|x(?=[\s,|/•·]+{_ANY_NETWORK}))(?:[\s,|/•·]+(?:or\s+)?{_ANY_NETWORK})*"
)
_SOCIAL = rf"(?:{_ANY_NETWORK}|instagram|youtube|tiktok|social media|google news)"

_TABLE: tuple[tuple[LeftoverKind, int, tuple[str, ...]], ...] = (
    (
        LeftoverKind.COMMENTS,
        20,
        (
            rf"(?:{_NUMBER}|no|one|zero)\s+(?:interactions?|comments?|responses?|replies"
            r"|reactions?)(?:\s+(?:so far|yet))?",
            r"comments?(?:\s*\(\s*\d+\s*\))?",
            r"(?:leave|post|add|write|submit)\s+(?:a\s+|your\s+|new\s+)?"
            r"(?:comment|reply|response)(?:\s+cancel reply)?",
            r"cancel reply",
            r"(?:view|show|see|read|load|hide)\s+(?:all\s+)?(?:\d+\s+)?(?:comments?|replies)",
            r"join the (?:conversation|discussion)",
            r"your email address will not be published\.?"
            r"(?:\s*required fields are marked\s*\*?)?",
            r"required fields are marked\s*\*?",
            r"save my name, email, and website in this browser for the next time i comment",
            r"you must be logged in to post a comment",
        ),
    ),
    (
        LeftoverKind.SHARING,
        15,
        (
            rf"{_NUMBER}\s+shares?",
            r"shares?",
            rf"share (?:this|the) (?:article|story|post|page)(?:\s*:|\s+(?:on|via|with)\s+"
            rf"{_ANY_NETWORK}(?:[\s,|/•·]+(?:or\s+)?{_ANY_NETWORK})*)?",
            rf"share(?:\s+(?:this|it))?(?:\s+(?:on|via|to))?:?\s+{_ANY_NETWORK}"
            rf"(?:[\s,|/•·]+(?:or\s+)?{_ANY_NETWORK})*",
            _NETWORK_LIST,
            r"(?:tweet|email|share) this",
        ),
    ),
    (
        LeftoverKind.CALL_TO_ACTION,
        20,
        (r"(?:click|tap) here\b[^“”\"]*",),
    ),
    (
        LeftoverKind.READ_MORE,
        20,
        (
            rf"(?:read|see) more(?:{_SEPARATOR}.*)?",
            rf"(?:also read|read also|see also|more on this(?: story)?|recommended reading)"
            rf"(?:{_SEPARATOR}.*)?",
            r"(?:continue|keep) reading",
            r"read the (?:full|whole) (?:story|article|report)(?:\s+here)?",
        ),
    ),
    (
        LeftoverKind.RELATED,
        20,
        (
            r"related(?:\s+(?:articles?|stories|posts?|news|content|coverage|reading|links?"
            r"|topics?|videos?))?(?:\s*:.*)?",
            r"you (?:may|might) (?:also )?(?:like|enjoy|be interested in)",
            r"recommended(?: for you)?",
            r"most (?:popular|read|viewed|shared|commented)(?: (?:articles|stories|today))?",
            r"trending(?: now| stories| news)?",
            r"(?:more|top|latest) (?:stories|articles|news|headlines)",
            r"(?:don't|do not) miss",
            r"editor's picks?",
        ),
    ),
    (
        LeftoverKind.NEWSLETTER,
        30,
        (
            r"(?:sign up|subscribe|register)(?:\s+(?:now|today|here))?",
            r"(?:sign up|subscribe|register)\b.*\b(?:newsletters?|e-?mails?|updates|alerts"
            r"|digest|briefing|inbox|notifications)\b.*",
            r"(?:get|receive) (?:our|the) (?:\w+ )?newsletter.*",
            r"enter your e-?mail(?: address)?.*",
            r"(?:our |the )?newsletters?",
            r"thanks? (?:you )?for (?:signing up|subscribing).*",
        ),
    ),
    (
        LeftoverKind.ADVERTISEMENT,
        12,
        (
            r"(?:advertisements?|advertising|adverts?|ads?|sponsored(?: content| post| links?)?"
            r"|paid (?:content|post|partnership)|promoted(?: content)?)",
            r"(?:the )?(?:story|article|content|text) continues (?:below|after)"
            r"(?: (?:the |this )?(?:advertisement|advert|ad))?",
            r"scroll (?:down )?to continue(?: with content| reading)?",
            r"skip (?:the )?ad(?:vert(?:isement)?)?",
        ),
    ),
    (
        LeftoverKind.COOKIES,
        80,
        (
            r"(?:we|this (?:web)?site|our (?:web)?site|this page)(?: and our partners)?"
            r" uses? cookies(?:\b.*\b(?:experience|personali[sz]\w*|analytics|advertising"
            r"|ads|consent|agree|accept|privacy|policy|settings|preferences|browsing|traffic"
            r"|functionality)\b.*)?",
            r"by (?:continuing|using|browsing)\b.*\b(?:this|our) (?:web)?site\b.*\bcookies\b.*",
            r"(?:accept|reject|allow|decline|manage|customi[sz]e)(?: all)?(?: cookies)?"
            r"(?: settings| preferences)?",
            r"cookie (?:settings|preferences|policy|consent|notice)",
            r"(?:got it|agree and close|manage preferences)",
        ),
    ),
    (
        LeftoverKind.FOLLOW,
        15,
        (
            rf"(?:follow|like|join|connect with) us(?: on| at| via)?\b.*\b{_SOCIAL}\b.*",
            rf"follow (?:@\w+|\S+(?: \S+)?) on {_SOCIAL}.*",
        ),
    ),
    (
        LeftoverKind.COPYRIGHT,
        25,
        (
            r"(?:copyright\s*)?©.*",
            r"(?:copyright|\(c\))\s+(?:\(c\)\s+)?\d{4}\b.*",
            r".*\ball rights reserved",
        ),
    ),
    (
        LeftoverKind.NAVIGATION,
        20,
        (
            r"(?:back to top|skip to (?:main )?(?:content|navigation)|(?:next|previous) "
            r"(?:article|story|post)|print this (?:article|page)|home)",
            r"(?:tags|topics|filed under)\s*:.*",
        ),
    ),
)


@cache
def _rules() -> tuple[_Rule, ...]:
    """Compiled on first use: some hundred patterns cost ~25 ms, which the command
    line and the window should not pay at start-up."""
    return tuple(
        _Rule(kind, re.compile(_LEAD + f"(?:{source})" + _TRAIL, re.IGNORECASE | re.DOTALL), limit)
        for kind, limit, sources in _TABLE
        for source in sources
    )


def _normalise(text: str) -> str:
    """One space between words (NBSP included) and straight apostrophes."""
    return " ".join(text.split()).replace("’", "'").replace("‘", "'")


def _match_whole(text: str) -> LeftoverKind | None:
    normalised = _normalise(text)
    if not normalised:
        return None
    words = len(normalised.split())
    for rule in _rules():
        if words <= rule.max_words and rule.pattern.fullmatch(normalised):
            return rule.kind
    return None


def find_leftover(paragraph: str) -> LeftoverMatch | None:
    """The leftover ``paragraph`` entirely is, or ``None`` when it is real text."""
    kind = _match_whole(paragraph)
    if kind is None:
        lines = [line for line in paragraph.splitlines() if line.strip()]
        if len(lines) < 2:
            return None
        kinds = [_match_whole(line) for line in lines]
        if any(line_kind is None for line_kind in kinds):
            return None
        kind = kinds[0]
    return None if kind is None else LeftoverMatch(kind, paragraph)


def is_leftover(paragraph: str) -> bool:
    return find_leftover(paragraph) is not None
