from __future__ import annotations

import pytest
from hypothesis import given, settings

from editor_app.checks.base import ArticleRule, CheckContext, Finding
from editor_app.checks.rules.quotes import (
    MissingAttribution,
    PullQuoteNotInBody,
    StraightQuotes,
    UnbalancedQuotes,
)
from editor_app.model import (
    Article,
    Block,
    BlockQuote,
    Field,
    Heading,
    ListBlock,
    Metadata,
    Paragraph,
    PullQuote,
    RichText,
    Span,
    TextRef,
)
from tests.strategies import articles

CONTEXT = CheckContext()


def text(value: str) -> RichText:
    return RichText.plain_text(value)


def body(*blocks: Block) -> Article:
    return Article(body=blocks)


def paragraphs(*texts: str) -> Article:
    return body(*(Paragraph(text(value)) for value in texts))


def run(rule: ArticleRule, article: Article) -> list[Finding]:
    findings = list(rule.check_article(article, CONTEXT))
    for finding in findings:
        where = finding.range
        assert article.text_at(where.ref)[where.start : where.end] == finding.text
    return findings


def example_article(example: str) -> Article:
    """An example in the Markdown dialect the quote rules document: paragraphs
    separated by blank lines; ``> `` lines a quote, ``> [!PULLQUOTE]`` first, ``> — ``
    last for the attribution."""
    blocks: list[Block] = []
    for chunk in example.split("\n\n"):
        lines = chunk.split("\n")
        if not all(line.startswith(">") for line in lines):
            blocks.append(Paragraph(text(chunk)))
            continue
        lines = [line[1:].strip() for line in lines]
        pull = lines[0].lower() == "[!pullquote]"
        lines = lines[1:] if pull else lines
        attribution = lines.pop()[2:] if len(lines) > 1 and lines[-1].startswith("— ") else ""
        kind = PullQuote if pull else BlockQuote
        blocks.append(kind(text(" ".join(lines)), text(attribution)))
    return Article(body=tuple(blocks))


QUOTE_RULES = (StraightQuotes, UnbalancedQuotes, MissingAttribution, PullQuoteNotInBody)


@pytest.mark.parametrize(
    ("rule_class", "example", "fires"),
    [
        (rule_class, example, fires)
        for rule_class in QUOTE_RULES
        for fires, examples in ((True, rule_class.fires_on), (False, rule_class.passes))
        for example in examples
    ],
)
def test_examples_in_the_quote_dialect(
    rule_class: type[ArticleRule], example: str, fires: bool
) -> None:
    assert bool(run(rule_class(), example_article(example))) is fires


# -- straight quotes -----------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ('He said "we will" today.', [('"we', "“we"), ('will"', "will”")]),
        ("The council's plan.", [("council's", "council’s")]),
        ("The ministers' plan.", [("ministers'", "ministers’")]),
        ("'Hello,' she said.", [("'Hello,'", "‘Hello,’")]),
        ('"Yes."', [('"Yes."', "“Yes.”")]),
        ("In the '90s.", [("'90s.", "’90s.")]),
        ("Rock 'n' roll.", [("'n'", "’n’")]),
        ("'Tis true.", [("'Tis", "’Tis")]),
        ('("Yes")', [('("Yes")', "(“Yes”)")]),
        ("Said—'no'.", [("Said—'no'.", "Said—‘no’.")]),
    ],
)
def test_straight_quotes_are_flagged_with_the_curly_text(
    value: str, expected: list[tuple[str, str]]
) -> None:
    findings = run(StraightQuotes(), paragraphs(value))
    assert [(finding.text, finding.suggestions[0]) for finding in findings] == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [("The council's plan.", "apostrophe"), ('He said "no".', "quotation mark")],
)
def test_the_message_names_the_mark(value: str, message: str) -> None:
    assert all(message in finding.message for finding in run(StraightQuotes(), paragraphs(value)))


@pytest.mark.parametrize(
    "value",
    [
        "He said “we won’t” today.",
        "He is 6'2\" tall with a 27\" screen at 51°30'.",
        "See https://example.org/it's-here now.",
        "No quotes at all.",
    ],
)
def test_straight_quotes_pass(value: str) -> None:
    assert run(StraightQuotes(), paragraphs(value)) == []


def test_inline_code_keeps_its_straight_quotes() -> None:
    content = RichText((Span("Type "), Span('print("hi")', code=True), Span(" and it's done.")))
    findings = run(StraightQuotes(), body(Paragraph(content)))
    assert [finding.text for finding in findings] == ["it's"]


def test_a_run_touching_code_is_fixed_mark_by_mark() -> None:
    content = RichText((Span("the "), Span('x"', code=True), Span("'s value")))
    findings = run(StraightQuotes(), body(Paragraph(content)))
    assert [(f.text, f.suggestions) for f in findings] == [("'", ("’",))]
    assert findings[0].range.start == 6


def test_straight_quotes_in_the_headline_are_flagged() -> None:
    article = Article(Metadata(headline="Mayor's bridge opens"))
    (finding,) = run(StraightQuotes(), article)
    assert finding.range.ref == TextRef(Field.HEADLINE)


# -- balance -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("value", "flagged", "message"),
    [
        ("“We will build it, the mayor said.", "“We", "never closed"),
        ("He said we will.” Work starts.", "will.”", "without an opening"),
        ('"We will build it, the mayor said.', '"We', "never closed"),
        ("He called it ‘a disaster, and left.", "‘a", "single quotation"),
        ("“Outer ‘inner’ text, he said.", "“Outer", "never closed"),
    ],
)
def test_unbalanced_quotes_fire(value: str, flagged: str, message: str) -> None:
    (finding,) = run(UnbalancedQuotes(), paragraphs(value))
    assert finding.text == flagged
    assert message in finding.message


@pytest.mark.parametrize(
    "value",
    [
        "“We will build it,” the mayor said.",
        '"We will build it," the mayor said.',
        "“Outer ‘inner’ text,” he said.",
        "The ministers’ plan is the councils’ problem, ’tis said.",
        "He is 6'2\" tall.",
        "No quotes at all.",
    ],
)
def test_balanced_quotes_pass(value: str) -> None:
    assert run(UnbalancedQuotes(), paragraphs(value)) == []


@pytest.mark.parametrize(
    ("article", "flagged_blocks"),
    [
        (paragraphs("“We will build it.", "“And on time,” she said."), []),
        (body(Paragraph(text("“We will build it.")), BlockQuote(text("“And on time.”"))), []),
        (paragraphs("“We will build it.", "And on time, she said."), [0]),
        (paragraphs("“We will build it.", "“And on time.", "Then she left."), [1]),
        (body(Paragraph(text("“We will build it.")), Heading(text("“Next”"))), [0]),
        (paragraphs("“We will build it."), [0]),
    ],
)
def test_a_quote_may_run_over_paragraphs_that_reopen_it(
    article: Article, flagged_blocks: list[int]
) -> None:
    findings = run(UnbalancedQuotes(), article)
    assert [finding.range.ref.block for finding in findings] == flagged_blocks


def test_metadata_and_list_items_are_checked_on_their_own() -> None:
    article = Article(
        Metadata(standfirst="“It is over, she said"),
        (
            ListBlock(
                (text("fine"), text("“open")),
            ),
        ),
    )
    refs = [finding.range.ref for finding in run(UnbalancedQuotes(), article)]
    assert refs == [TextRef(Field.STANDFIRST), TextRef(Field.ITEM, 0, 1)]


# -- attribution ---------------------------------------------------------------------


@pytest.mark.parametrize(
    ("block", "message"),
    [
        (BlockQuote(text("We will build it.")), "block quote has no attribution"),
        (PullQuote(text("  We will build it.  ")), "pull quote has no attribution"),
        (BlockQuote(text("We will build it. — Ana Ruiz"), text(" ")), "inside the quote"),
    ],
)
def test_missing_attribution(block: Block, message: str) -> None:
    (finding,) = run(MissingAttribution(), body(Paragraph(text("Intro.")), block))
    assert message in finding.message
    assert finding.range.ref == TextRef(Field.TEXT, 1)
    assert finding.text == finding.text.strip()


@pytest.mark.parametrize(
    "block",
    [
        BlockQuote(text("We will build it."), text("Ana Ruiz")),
        PullQuote(text("We will build it."), text("Ana Ruiz")),
        BlockQuote(text("   ")),
        Paragraph(text("We will build it.")),
    ],
)
def test_attributed_quotes_pass(block: Block) -> None:
    assert run(MissingAttribution(), body(block)) == []


# -- pull quotes ---------------------------------------------------------------------

STORY = (
    "Work on the bridge will finish in May, the mayor said on Monday.",
    "“We have waited long enough for a well-known crossing,” said Ana Ruiz. “It opens soon.”",
)


def story_with(pull_quote: str, *extra: Block) -> Article:
    return body(*(Paragraph(text(value)) for value in STORY), *extra, PullQuote(text(pull_quote)))


@pytest.mark.parametrize(
    "quote",
    [
        "Work on the bridge will finish in May",
        "“We have waited long enough for a well-known crossing”",
        "WE HAVE WAITED LONG ENOUGH — FOR A WELL KNOWN CROSSING",
        "We have waited long enough … It opens soon.",
        "We have waited long enough for a well-known crossing ... It opens soon",
        "[The council has] waited long enough for a well‐known crossing",
    ],
)
def test_pull_quotes_found_in_the_body_pass(quote: str) -> None:
    assert run(PullQuoteNotInBody(), story_with(quote)) == []


def test_a_drifted_pull_quote_gets_the_body_passage_as_suggestion() -> None:
    (finding,) = run(
        PullQuoteNotInBody(), story_with("“We waited long enough for a well-known crossing.”")
    )
    assert "The body says: “We have waited long enough for a well-known crossing”" in (
        finding.message
    )
    assert finding.suggestions == ("“We have waited long enough for a well-known crossing.”",)
    assert finding.range.ref == TextRef(Field.TEXT, 2)


def test_a_pull_quote_from_nowhere_has_no_suggestion() -> None:
    (finding,) = run(PullQuoteNotInBody(), story_with("Nobody expected the river to rise"))
    assert finding.suggestions == ()
    assert "not in the body" in finding.message


def test_ellipsis_pieces_must_keep_their_order() -> None:
    findings = run(PullQuoteNotInBody(), story_with("It opens soon … We have waited"))
    assert len(findings) == 1


@pytest.mark.parametrize(
    ("extra", "found"),
    [
        (BlockQuote(text("Bridges are patience made of steel.")), True),
        (ListBlock((text("Bridges are patience made of steel."),)), True),
        (Heading(text("Bridges are patience made of steel")), False),
        (PullQuote(text("Bridges are patience made of steel.")), False),
    ],
)
def test_which_blocks_count_as_the_body(extra: Block, found: bool) -> None:
    findings = run(PullQuoteNotInBody(), story_with("Bridges are patience made of steel", extra))
    assert (findings == []) is found


def test_an_edited_body_is_seen_by_the_same_rule() -> None:
    rule = PullQuoteNotInBody()
    before = story_with("Work on the bridge will finish in May")
    assert run(rule, before) == []
    edited = before.with_body(
        (Paragraph(text("Work on the bridge will finish in June.")), *before.body[1:])
    )
    (finding,) = run(rule, edited)
    assert finding.suggestions == ("Work on the bridge will finish in June",)


def test_articles_without_pull_quotes_cost_nothing() -> None:
    assert run(PullQuoteNotInBody(), paragraphs(*STORY)) == []


# -- any article ---------------------------------------------------------------------


@settings(max_examples=200)
@given(articles)
def test_no_quote_rule_raises_on_any_article(article: Article) -> None:
    for rule_class in QUOTE_RULES:
        run(rule_class(), article)
