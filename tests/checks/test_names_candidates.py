"""Finding name candidates in one paragraph: runs, titles, particles, context cues."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from editor_app.checks.names.candidates import Run, extract


def forms(text: str, headline: bool = False) -> list[str]:
    return [text[run.tokens[0].start : run.tokens[-1].end] for run in extract(text, headline)]


def only_run(text: str) -> Run:
    runs = extract(text)
    assert len(runs) == 1, runs
    return runs[0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The talks were led by Katarina Novak in Rijeka.", ["The", "Katarina Novak", "Rijeka"]),
        ("Secretary of State Antony Blinken arrived.", ["Antony Blinken"]),
        ("It was Prime Minister Mark Rutte who spoke.", ["It", "Mark Rutte"]),
        ("NATO Secretary General Jens Stoltenberg said so.", ["Jens Stoltenberg"]),
        (
            "The hosts were Ursula von der Leyen and Charles de Gaulle.",
            ["The", "Ursula von der Leyen", "Charles de Gaulle"],
        ),
        ("Talks with Mohammed bin Salman ended.", ["Talks", "Mohammed bin Salman"]),
        ("Aid groups met Rania al-Hashimi on Monday.", ["Aid", "Rania al-Hashimi", "Monday"]),
        ("A boat skippered by Seán O’Brien came in.", ["Seán O’Brien"]),
        ("The visit by Jean-Noël Barrot was short.", ["The", "Jean-Noël Barrot"]),
        ("They quoted George W. Bush at length.", ["They", "George W. Bush"]),
        ("Later, said von der Leyen, the vote came.", ["Later", "von der Leyen"]),
    ],
)
def test_runs_are_whole_names_without_titles(text: str, expected: list[str]) -> None:
    assert forms(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The NATO chief spoke to the US and UN envoys.", ["The"]),
        ("I’ve said we’re ready, and they’ll see.", []),
        ("Costs rose 12% to €3m in Q3 of 2024.", ["Costs"]),
    ],
)
def test_acronyms_contractions_and_numbers_are_not_names(text: str, expected: list[str]) -> None:
    assert forms(text) == expected


def test_possessive_is_cut_off_and_remembered() -> None:
    for text in ("Blinken’s visit ended.", "Blinken's visit ended."):
        run = only_run(text)
        assert [token.text for token in run.tokens] == ["Blinken"]
        assert run.possessive


def test_sentence_starts_and_headlines_are_ambiguous() -> None:
    first, second = extract("Calling it a day, Stoltenberg left. Hale stayed.")[0:2]
    assert first.tokens[0].ambiguous and not second.tokens[0].ambiguous
    assert all(
        token.ambiguous
        for run in extract("Blinken Vows Support", headline=True)
        for token in run.tokens
    )


def test_a_capital_after_an_opening_quote_is_ambiguous() -> None:
    runs = extract("He said: “Only Europe can act.”")
    assert [run.tokens[0].text for run in runs if run.tokens[0].ambiguous] == ["He", "Only"]


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        ("Mayor Dana Hale opened it.", "titled"),
        ("the mayor, Dana Hale, opened it.", "titled"),
        ("Hale said it was late.", "speech_after"),
        ("“It is late,” said Hale.", "speech_before"),
        ("The chief reassured Blinked at once.", "object_position"),
    ],
)
def test_context_cues(text: str, cue: str) -> None:
    run = next(run for run in extract(text) if run.tokens[0].text in {"Dana", "Hale", "Blinked"})
    assert getattr(run, cue)


@pytest.mark.parametrize(
    ("text", "described"),
    [
        ("Mark Reese, a patient, waited.", True),
        ("Jamie O’Neill, 24, was named.", True),
        ("Katarina Novak, who leads the union, spoke.", True),
        ("Mark Reese (41) waited.", True),
        ("Mark Reese, Rees and Hale waited.", False),
        ("Mark Reese waited.", False),
    ],
)
def test_a_description_after_a_name_is_noticed(text: str, described: bool) -> None:
    assert extract(text)[0].described is described


def test_family_words_mark_the_sentence() -> None:
    runs = extract("Anna Lee and her sister Anne Lee bake. Tom Lee sells.")
    assert [run.kin for run in runs] == [True, True, False]


def test_urls_and_handles_are_left_alone() -> None:
    assert forms("See https://Example.org/Blinken or write to @Blinken now.") == ["See"]


@given(st.text(alphabet=st.sampled_from(list("ab AB.,’'-“”\nÉé")), max_size=80))
def test_tokens_are_slices_of_the_text(text: str) -> None:
    for run in extract(text):
        for token in run.tokens:
            assert text[token.start : token.end] == token.text
