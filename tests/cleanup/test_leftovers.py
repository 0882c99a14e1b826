"""Web-page leftovers: what must and must not be recognised as furniture."""

from __future__ import annotations

import pytest

from editor_app.cleanup import LeftoverKind, find_leftover, is_leftover

K = LeftoverKind

LEFTOVERS = [
    ("190 Interactions", K.COMMENTS),
    ("\u00a0190\u00a0Interactions", K.COMMENTS),
    ("1,204 comments", K.COMMENTS),
    ("One comment", K.COMMENTS),
    ("No comments yet", K.COMMENTS),
    ("Comments (12)", K.COMMENTS),
    ("Leave a Reply", K.COMMENTS),
    ("Leave a Reply Cancel reply", K.COMMENTS),
    ("Post a comment", K.COMMENTS),
    ("View all 35 comments", K.COMMENTS),
    ("Join the conversation", K.COMMENTS),
    ("Your email address will not be published. Required fields are marked *", K.COMMENTS),
    ("Required fields are marked *", K.COMMENTS),
    ("Save my name, email, and website in this browser for the next time I comment.", K.COMMENTS),
    ("12 Shares", K.SHARING),
    ("Share this article", K.SHARING),
    ("Share this:", K.SHARING),
    ("Share this story on Facebook or Twitter", K.SHARING),
    ("Share on Facebook", K.SHARING),
    ("Tweet", K.SHARING),
    ("Facebook | Twitter | LinkedIn | Email", K.SHARING),
    ("X Facebook WhatsApp", K.SHARING),
    ("Share on X", K.SHARING),
    ("Click here to subscribe to our daily briefing.", K.CALL_TO_ACTION),
    ("Tap here to download the app", K.CALL_TO_ACTION),
    ("Read more: Council votes to close two libraries", K.READ_MORE),
    ("READ MORE", K.READ_MORE),
    ("See also: How the budget affects you", K.READ_MORE),
    ("Continue reading", K.READ_MORE),
    ("Related articles", K.RELATED),
    ("Related: Ferry fares to rise in spring", K.RELATED),
    ("You may also like", K.RELATED),
    ("Most read", K.RELATED),
    ("Don’t miss", K.RELATED),
    ("Sign up for our newsletter", K.NEWSLETTER),
    ("Subscribe to our newsletter to get the day's top stories in your inbox.", K.NEWSLETTER),
    ("Subscribe now", K.NEWSLETTER),
    ("Enter your email address", K.NEWSLETTER),
    ("Advertisement", K.ADVERTISEMENT),
    ("— ADVERTISEMENT —", K.ADVERTISEMENT),
    ("[Sponsored content]", K.ADVERTISEMENT),
    ("Story continues below advertisement", K.ADVERTISEMENT),
    (
        "We use cookies to improve your experience on our site. By continuing to browse "
        "you agree to our use of cookies.",
        K.COOKIES,
    ),
    ("This website uses cookies", K.COOKIES),
    ("Accept all cookies", K.COOKIES),
    ("Cookie settings", K.COOKIES),
    ("Follow us on Facebook, Twitter and Instagram", K.FOLLOW),
    ("Follow @portmerenews on X", K.FOLLOW),
    ("© 2024 Portmere Media Ltd, All rights reserved", K.COPYRIGHT),
    ("Copyright © 2019-2024 The Harbour Gazette. All rights reserved.", K.COPYRIGHT),
    ("Copyright 2023 Example News", K.COPYRIGHT),
    ("Back to top", K.NAVIGATION),
    ("Tags: ferries, Portmere, transport", K.NAVIGATION),
    ("Share this:\nFacebook\nTwitter", K.SHARING),
    ("Leave a Reply\nYour email address will not be published.", K.COMMENTS),
]

REAL_TEXT = [
    "“Click here to claim your prize,” the message read, and thousands did.",
    "Officials said the email urged readers to click here to reset their passwords.",
    "The phrase “read more” appeared on every page of the leaked manual.",
    "Read more books, the minister told parents at the launch of the scheme.",
    "Related charges were filed against two other directors on Friday.",
    "Sign up rates for the scheme have doubled since March, the council said.",
    "Subscribe to the theory that prices will fall and you will be disappointed.",
    "The EU ruled that websites which use cookies must ask visitors before storing them.",
    "We use cookies sparingly, the bakery's owner joked, and only on Sundays — a line "
    "she has repeated to every customer for twenty years since opening the shop in 1998.",
    "Copyright law has not kept up with artificial intelligence, the report warned.",
    "The treaty keeps all rights reserved to the signatory states, the court ruled on appeal.",
    "(c) a fine of up to £500 for each offence.",
    "Follow us on this journey, the coach told his players before the final.",
    "Share prices fell by 4% in early trading.",
    "The advertisement was banned by the regulator last year.",
    "Comments made by the minister caused outrage in parliament.",
    "Leave a reply on the form and we will call you back, the notice said.",
    "190 interactions between the two agencies were logged last year, the audit found.",
    "Home secretary Yvette Cooper visited the port on Tuesday.",
    "Twitter users shared the video more than a million times.",
    "Advertisement\nThe harbour board met on Monday to discuss the new timetable.",
    "X.",
    "x",
    "",
    "   ",
]


@pytest.mark.parametrize(("paragraph", "kind"), LEFTOVERS)
def test_recognises_leftover(paragraph: str, kind: LeftoverKind) -> None:
    match = find_leftover(paragraph)
    assert match is not None
    assert (match.kind, match.text) == (kind, paragraph)


@pytest.mark.parametrize("paragraph", REAL_TEXT)
def test_keeps_real_text(paragraph: str) -> None:
    assert find_leftover(paragraph) is None
    assert not is_leftover(paragraph)


@pytest.mark.parametrize("kind", list(LeftoverKind))
def test_every_kind_has_a_reason_and_an_example(kind: LeftoverKind) -> None:
    examples = [text for text, example_kind in LEFTOVERS if example_kind is kind]
    match = find_leftover(examples[0])
    assert match is not None
    assert match.reason


def test_word_limit_keeps_long_paragraphs() -> None:
    long_click = "Click here " + "and then keep reading the story " * 5
    assert find_leftover("Click here to read the full report") is not None
    assert find_leftover(long_click) is None
