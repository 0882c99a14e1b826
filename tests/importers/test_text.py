"""The plain-text importer: paragraphs, white space, leftovers and the header."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor_app.errors import ImportFailed
from editor_app.importers import text
from editor_app.model import Article, HorizontalRule, Metadata, Paragraph, RichText

DATA = Path(__file__).parents[1] / "data"
REFERENCE = Path(__file__).parents[2].parent / "shared" / "reference" / "scraped-article.txt"


def body_texts(article: Article) -> list[str]:
    return [ref_text for ref, ref_text in article.segments() if ref.block >= 0]


def paragraphs(*texts: str) -> tuple[Paragraph, ...]:
    return tuple(Paragraph(RichText.plain_text(item)) for item in texts)


# -- paragraphs and white space ---------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        ("One.\n\nTwo.", ["One.", "Two."]),
        ("One.\n\n\n\n  \nTwo.", ["One.", "Two."]),
        (
            "A hard-wrapped\nparagraph here.\n\nNext one.",
            ["A hard-wrapped paragraph here.", "Next one."],
        ),
        (
            "No blank lines.\nEach line\nis a paragraph.",
            ["No blank lines.", "Each line", "is a paragraph."],
        ),
        ("Windows\r\nline ends.\r\n\r\nSecond.", ["Windows line ends.", "Second."]),
        ("Too   many\t\tspaces  here.\n\nNext one.", ["Too many spaces here.", "Next one."]),
        ("\u00a0Stray ends.\u00a0\n\n\u00a010\u00a0km away. ", ["Stray ends.", "10\u00a0km away."]),
        ("Runs\u00a0\u00a0of NBSP.\n\nNext one.", ["Runs of NBSP.", "Next one."]),
        (
            "“Quotes” ‘stay’ — dashes – too… and it’s fine.\n\nNext one.",
            ["“Quotes” ‘stay’ — dashes – too… and it’s fine.", "Next one."],
        ),
        (
            "# Not a heading.\n\n**not bold** and _not italic_.",
            ["# Not a heading.", "**not bold** and _not italic_."],
        ),
        ("Items follow.\n\n- one\n- two\n1. three", ["Items follow.", "- one\n- two\n1. three"]),
        (
            "Dash lead.\n\n- not a list\nbut a wrapped line.",
            ["Dash lead.", "- not a list but a wrapped line."],
        ),
    ],
)
def test_body_paragraphs(source: str, expected: list[str]) -> None:
    article = text.import_text(source).article
    assert article.meta == Metadata()
    assert body_texts(article) == expected


@pytest.mark.parametrize("rule", ["***", "---", "* * *", "- - -", "___", "*****"])
def test_rule_paragraph_becomes_horizontal_rule(rule: str) -> None:
    article = text.import_text(f"First paragraph.\n\n{rule}\n\nSecond paragraph.").article
    assert article.body == (
        *paragraphs("First paragraph."),
        HorizontalRule(),
        *paragraphs("Second paragraph."),
    )


@pytest.mark.parametrize("source", ["", "   ", "\n\n\t\n", "\u00a0"])
def test_empty_text_fails(source: str) -> None:
    with pytest.raises(ImportFailed, match="no text to import"):
        text.import_text(source)


# -- leftovers -------------------------------------------------------------------------


def test_leftovers_are_removed_wherever_they_stand_and_reported() -> None:
    source = (
        "Advertisement\n\nFirst paragraph.\n\nShare this article\n\n"
        "Second paragraph.\n\n  12 Comments  \n\nLeave a Reply\nCancel reply"
    )
    result = text.import_text(source)
    assert body_texts(result.article) == ["First paragraph.", "Second paragraph."]
    assert result.report.removed == (
        "Advertisement",
        "Share this article",
        "12 Comments",
        "Leave a Reply\nCancel reply",
    )


def test_sentence_mentioning_boilerplate_is_kept() -> None:
    source = "Phishing rises.\n\n“Click here to claim your refund,” the fake message said.\n\nEnd."
    result = text.import_text(source)
    assert "“Click here to claim your refund,” the fake message said." in body_texts(result.article)
    assert result.report.removed == ()


# -- the header ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("source", "meta", "body"),
    [
        pytest.param(
            "Ferry fares frozen\n\nThe harbour board froze fares on Monday.\n\nMore later.",
            Metadata(headline="Ferry fares frozen"),
            ["The harbour board froze fares on Monday.", "More later."],
            id="plain: short first line is the headline",
        ),
        pytest.param(
            "The harbour board froze fares on Monday.\n\nMore later.",
            Metadata(),
            ["The harbour board froze fares on Monday.", "More later."],
            id="plain: a sentence is not a headline",
        ),
        pytest.param(
            "Ferry fares frozen",
            Metadata(),
            ["Ferry fares frozen"],
            id="plain: a lone paragraph stays body",
        ),
        pytest.param(
            "Ferry fares frozen\nfor another year\n\nThe board met.",
            Metadata(),
            ["Ferry fares frozen for another year", "The board met."],
            id="plain: a headline is one line",
        ),
        pytest.param(
            "Ferry fares frozen\n\nFares stay the same.\n\nThe board met on Monday.",
            Metadata(headline="Ferry fares frozen"),
            ["Fares stay the same.", "The board met on Monday."],
            id="plain: no standfirst is guessed",
        ),
        pytest.param(
            "Ferry fares frozen\n\nBy Ailsa Brennan\n\nThe board met.",
            Metadata(headline="Ferry fares frozen", byline="Ailsa Brennan"),
            ["The board met."],
            id="wire: headline and byline",
        ),
        pytest.param(
            "Ferry fares frozen\n\nNo rise this year, the board says.\n\nBY AILSA BRENNAN\n\n"
            "PORTMERE, 3 March 2025\n\nThe board met.",
            Metadata(
                headline="Ferry fares frozen",
                standfirst="No rise this year, the board says.",
                byline="AILSA BRENNAN",
                dateline="PORTMERE, 3 March 2025",
            ),
            ["The board met."],
            id="wire: every field",
        ),
        pytest.param(
            "Fares frozen.\n\nby Ailsa Brennan and Tom Hale, Transport Correspondent\n\n"
            "Newcastle upon Tyne\n\nThe board met.",
            Metadata(
                headline="Fares frozen.",
                byline="Ailsa Brennan and Tom Hale, Transport Correspondent",
                dateline="Newcastle upon Tyne",
            ),
            ["The board met."],
            id="wire: a byline vouches for a headline with a full stop",
        ),
        pytest.param(
            "Ferry fares frozen\n\nBy Ailsa Brennan\n\n"
            "Breaking news from the port\n\nThe board met.",
            Metadata(headline="Ferry fares frozen", byline="Ailsa Brennan"),
            ["Breaking news from the port", "The board met."],
            id="wire: a lower-case phrase is not a dateline",
        ),
        pytest.param(
            "Ferry fares frozen\n\nBy the time the board met, fares were already frozen.\n\nMore.",
            Metadata(headline="Ferry fares frozen"),
            ["By the time the board met, fares were already frozen.", "More."],
            id="wire: a sentence starting with By is not a byline",
        ),
        pytest.param(
            "Harbour fees rise for the first time in a decade, officials\n\n"
            "Harbour fees to rise\n\n"
            "Harbour fees rise for the first time in a decade, officials said.\n\nMore.",
            Metadata(
                headline="Harbour fees to rise",
                standfirst="Harbour fees rise for the first time in a decade, officials",
            ),
            ["Harbour fees rise for the first time in a decade, officials said.", "More."],
            id="scraped: cut copy of the lead",
        ),
        pytest.param(
            "HARBOUR FEES RISE FOR THE FIRST…\n\nHarbour fees to rise\n\nBy Tom Hale\n\n"
            "“Harbour fees rise for the first time,” officials said.",
            Metadata(
                headline="Harbour fees to rise",
                standfirst="HARBOUR FEES RISE FOR THE FIRST…",
                byline="Tom Hale",
            ),
            ["“Harbour fees rise for the first time,” officials said."],
            id="scraped: case, quotes and ellipsis ignored; byline kept",
        ),
        pytest.param(
            "Ferry fares frozen for another year\n\n"
            "The harbour board says its costs have fallen since the spring\n\n"
            "By Tom Hale\n\nFerry fares frozen for another year, the board said.",
            Metadata(
                headline="Ferry fares frozen for another year",
                standfirst="The harbour board says its costs have fallen since the spring",
                byline="Tom Hale",
            ),
            ["Ferry fares frozen for another year, the board said."],
            id="wire: a headline that begins the lead stays the headline",
        ),
        pytest.param(
            "Harbour fees rise\n\nHarbour fees to rise\n\nHarbour fees rise for the first time.",
            Metadata(headline="Harbour fees rise"),
            ["Harbour fees to rise", "Harbour fees rise for the first time."],
            id="scraped: a copy needs five words",
        ),
    ],
)
def test_header(source: str, meta: Metadata, body: list[str]) -> None:
    article = text.import_text(source).article
    assert article.meta == meta
    assert body_texts(article) == body


def test_scraped_shape_is_noted() -> None:
    source = "One two three four five six\n\nA headline\n\nOne two three four five six seven."
    assert "standfirst" in " ".join(text.import_text(source).report.notes)


# -- files -----------------------------------------------------------------------------


def test_scraped_fixture() -> None:
    result = text.import_file(DATA / "text_scraped_shape.txt")
    meta = result.article.meta
    assert meta.headline == "Portmere ferries to run twice as often"
    assert meta.standfirst == (
        "Harbour authorities in Portmere will double the number of ferry crossings to the isl…"
    )
    assert len(result.article.body) == 5
    assert body_texts(result.article)[0].startswith("Harbour authorities in Portmere will double")
    assert body_texts(result.article)[-1].startswith("Island councillors welcomed")
    assert result.report.removed == (
        "Advertisement",
        "42 Comments",
        "Share this article",
        "Sign up for our newsletter",
    )


def test_wire_fixture() -> None:
    article = text.import_file(DATA / "text_wire_copy.txt").article
    assert article.meta == Metadata(
        headline="Library to open late on Thursdays",
        standfirst="The central library will stay open until nine in the evening from next "
        "month, after a survey of its readers.",
        byline="Tomasz Wiśniewski and Grace Okafor",
        dateline="LEEDS, 4 June 2025",
    )
    assert article.body[2] == HorizontalRule()
    assert body_texts(article) == [
        "The central library will keep its doors open until 9pm every Thursday, the city "
        "council said on Wednesday.",
        "Nearly two thousand people answered the survey, and most said they could only visit "
        "after work. The council expects the change to cost about £30,000 a year.",
        "The new hours at a glance:",
        "- Monday to Wednesday: 9am to 6pm\n- Thursday: 9am to 9pm\n"
        "- Friday and Saturday: 9am to 5pm",
    ]


@pytest.mark.skipif(not REFERENCE.is_file(), reason=f"reference article absent: {REFERENCE}")
def test_reference_scraped_article() -> None:
    result = text.import_file(REFERENCE)
    meta = result.article.meta
    first_line = REFERENCE.read_text(encoding="utf-8").splitlines()[0].strip()
    assert meta.headline == "US vows to revitalize NATO ties"
    assert meta.standfirst == first_line
    assert len(result.article.body) == 10
    assert all(isinstance(block, Paragraph) for block in result.article.body)
    assert body_texts(result.article)[0].startswith(first_line)
    assert result.report.removed == (
        "190\u00a0Interactions",
        "Leave a Reply",
        "Your email address will not be published. Required fields are marked *",
    )


def test_guessed_encoding_is_noted() -> None:
    result = text.import_file(DATA / "text_cp1252.txt")
    assert result.article.meta.headline.startswith("Café owners say “it’s the best")
    assert result.report.notes == (
        "text_cp1252.txt is not UTF-8; it was read as Windows-1252 (a guess): "
        "check accented letters and quotation marks",
    )


def test_utf8_file_has_no_encoding_note(tmp_path: Path) -> None:
    path = tmp_path / "story.txt"
    path.write_text("Headline here\n\nBody text.\n", encoding="utf-8")
    assert text.import_file(path).report.notes == ()


def test_file_errors_name_the_file(tmp_path: Path) -> None:
    with pytest.raises(ImportFailed, match=r"empty\.txt is empty"):
        path = tmp_path / "empty.txt"
        path.write_bytes(b"")
        text.import_file(path)


def test_registered_for_txt_and_text(tmp_path: Path) -> None:
    pytest.importorskip("editor_app.importers.markdown", reason="the registry also needs markdown")
    from editor_app.importers import import_article

    for suffix in (".txt", ".text"):
        path = tmp_path / f"story{suffix}"
        path.write_text("Ferry fares frozen\n\nThe board met.\n", encoding="utf-8")
        assert import_article(path).article.meta.headline == "Ferry fares frozen"


# -- properties ------------------------------------------------------------------------

_TRICKY = st.sampled_from(
    [
        "\n",
        "\n\n",
        " ",
        "\u00a0",
        "\t",
        "\r\n",
        "By ",
        "***",
        "* * *",
        "Advertisement",
        "190 Interactions",
        "Leave a Reply",
        "—",
        "…",
        "“",
        "’",
    ]
)
texts = st.one_of(st.text(), st.lists(st.one_of(_TRICKY, st.text(max_size=12))).map("".join))


@given(texts)
def test_any_text_imports_or_fails_cleanly(source: str) -> None:
    try:
        text.import_text(source)
    except ImportFailed:
        assert not source.strip()


def _is_rule_word(word: str) -> bool:
    return set(word) <= {"*", "-", "_"}


@given(texts)
def test_no_word_is_lost_silently(source: str) -> None:
    if not source.strip():
        return
    result = text.import_text(source)
    meta = result.article.meta
    kept = [meta.headline, meta.standfirst, meta.byline, meta.dateline, *body_texts(result.article)]
    kept.extend(result.report.removed)
    found = Counter(" ".join(kept).split())
    missing = Counter(source.split()) - found
    if meta.byline:  # the "By" of the byline is a marker, not a word of it
        by_words = [word for word in missing if word.casefold() == "by"]
        assert sum(missing[word] for word in by_words) == 1
        for word in by_words:
            del missing[word]
    assert all(_is_rule_word(word) for word in missing), missing
    assert not Counter(" ".join(kept).split()) - Counter(source.split())
