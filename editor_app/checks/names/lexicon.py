"""The small closed word lists name finding needs: titles, particles, speech verbs.

They describe English news prose, not any particular article: which words sit
before a name as a title ("Mayor", "Prime Minister"), which lowercase words live
inside names ("von der", "bin"), which verbs mark the word next to them as a
speaker ("said"), and which words say two similar names are different people
("her sister").
"""

from __future__ import annotations

from functools import lru_cache

from editor_app.checks.stylebook import folded


def _words(text: str) -> frozenset[str]:
    """A word list written as plain text, one space between words."""
    return frozenset(text.split())


TITLES = _words(
    """president mayor chancellor minister secretary senator governor ambassador commissioner
    councillor councilor cllr judge chief spokesman spokeswoman spokesperson envoy premier
    speaker chair chairman chairwoman director dr mr mrs ms mx miss prof professor sir dame
    lord lady king queen prince princess pope sheikh emir sultan emperor gen general col
    colonel capt captain lt lieutenant sgt sergeant admiral marshal inspector detective
    superintendent supt insp det constable sheriff rev reverend bishop archbishop cardinal
    rabbi imam pastor coach mp mep rep sen gov attorney deputy secretary-general
    president-elect vice-president prime-minister head leader economist lawyer analyst
    researcher scientist historian activist hydrologist engineer architect author"""
)
"""Words that, right before a name, name the person's role ("Mayor Hale", "economist Lee")."""

TITLE_MODIFIERS = _words(
    """prime foreign deputy vice acting former interim first home defence defense finance
    interior health justice trade state general assistant under junior shadow executive senior
    affairs officer department ministry united nations federal regional city county district
    council opposition party"""
)
"""Words that extend a title ("Foreign Minister", "Secretary of State") but are no title alone."""

TITLE_JOINERS = frozenset({"of", "for"})

PARTICLES = _words(
    """de da di del della der den des du dos das van von la le bin bint ibn al el ter ten zu af
    av y"""
)
"""Lowercase words that belong inside a name ("Ursula von der Leyen", "Mohammed bin Salman")."""

LEADING_PARTICLES = _words("""de da di del della der den du dos das van von bin ibn al el ter""")
"""Particles that may open a name when the given name is left out ("said von der Leyen")."""

NAME_PREFIXES = frozenset({"al", "el", "ad", "an", "ar", "as", "ash", "at", "az", "ed", "d", "l"})
"""Lowercase prefixes joined to a capitalised name by a hyphen or apostrophe ("al-Assad")."""

SPEECH_VERBS = _words(
    """said says told tells added adds asked asks explained explains noted notes wrote writes
    argued argues insisted insists warned warns replied replies recalled recalls stressed
    stresses acknowledged admitted admits announced announces claimed claims confirmed
    confirms declared denied denies suggested suggests urged urges continued concluded
    countered observed remarked responded stated testified tweeted posted agreed predicted
    conceded complained cautioned"""
)
"""Verbs whose subject or object, when capitalised, is a person ("Hale said", "told Lee")."""

KIN_WORDS = _words(
    """sister sisters brother brothers twin twins sibling siblings cousin cousins wife husband
    spouse son sons daughter daughters father mother mum dad parents uncle aunt niece nephew
    grandson granddaughter grandfather grandmother relation relative relatives related
    unrelated namesake"""
)
"""Words that say two people with one surname are different people ("her sister")."""

FUNCTION_WORDS = _words(
    """the a an in on at of for to from by with and but or nor so yet if when while as after
    before since until because though although this that these those there here it its he she
    they we you i his her their our my your what which who whom whose where why how all some
    many most more no not both each every other such one
    two three four five six seven eight nine ten once during under over into against between
    without within about across among around through despite per"""
)
"""Words that may start a capitalised sentence but are never part of a name."""

SENTENCE_ADVERBS = _words(
    """later earlier then now meanwhile yesterday today tomorrow tonight last next also only
    even still instead however moreover nevertheless afterwards finally again thus indeed
    perhaps already soon"""
)
"""Words that open sentences before a name ("Later Hale said") but are no given names."""

CALENDAR_WORDS = _words(
    """january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday"""
)
"""Month and day names: capitalised everywhere, and a few are given names or words."""

CONTRACTION_ENDINGS = frozenset({"ve", "re", "ll", "d", "m", "t"})
"""What follows the apostrophe in "I’ve", "we’re", "don’t": such a word is no name."""

APOSTROPHES = "'’ʼ"


DERIVED_ENDINGS = _words(
    "s es n an ans ian ians ns i is a ia e y ic ics ese ish ist ists ism er ers ite ites ean ov ova"
)
"""Endings that make one word from another: "America" / "American", "Germany" / "Germans"."""
STEM = 3


def derived(key_a: str, key_b: str) -> bool:
    """Two forms of one word: a shared stem with different endings (or none). A bare
    "e" more is a slip, not an ending ("Whit" / "White")."""
    stem = 0
    while stem < min(len(key_a), len(key_b)) and key_a[stem] == key_b[stem]:
        stem += 1
    tails = {key_a[stem:], key_b[stem:]}
    if stem < STEM or len(tails) != 2 or tails == {"", "e"}:
        return False
    return tails <= DERIVED_ENDINGS | {""}


@lru_cache(maxsize=65_536)
def fold(text: str) -> str:
    """Case and accents dropped, as the style book compares: "António" → "antonio"."""
    return folded(text)
