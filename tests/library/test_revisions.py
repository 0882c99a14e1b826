"""History, revisions, diffs and restore: no text is ever lost."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from editor_app.library import Library, RevisionNotFound
from editor_app.model import Article

Make = Callable[..., Article]


@pytest.fixture
def edited_three_times(library: Library, make_article: Make) -> tuple[int, list[Article]]:
    """An article saved as texts[0], then texts[1], texts[2], texts[3] (current)."""
    texts = [
        make_article("Ferry timetable changes", ["Ferries will leave at seven."]),
        make_article("Ferry timetable changes", ["Ferries will leave at eight."]),
        make_article(
            "Ferry timetable changes again", ["Ferries will leave at eight.", "More later."]
        ),
        make_article("Ferry timetable settled", ["Ferries will leave at nine."]),
    ]
    stored = library.add_article(texts[0], author="ana", note="first draft")
    for version, text in enumerate(texts[1:], start=1):
        library.save(
            stored.id,
            text,
            expected_version=version,
            author=f"editor{version}",
            note=f"edit {version}",
        )
    return stored.id, texts


def test_history_is_newest_first_and_names_who_wrote_each_text(
    library: Library, edited_three_times: tuple[int, list[Article]]
) -> None:
    article_id, texts = edited_three_times
    history = library.history(article_id)
    assert [revision.number for revision in history] == [3, 2, 1]
    oldest = history[-1]
    assert (oldest.author, oldest.note, oldest.headline) == (
        "ana",
        "first draft",
        texts[0].meta.headline,
    )
    assert (history[0].author, history[0].note) == ("editor2", "edit 2")
    assert oldest.word_count == texts[0].word_count()
    assert history[0].saved_at >= oldest.saved_at


def test_each_revision_holds_the_replaced_text(
    library: Library, edited_three_times: tuple[int, list[Article]]
) -> None:
    article_id, texts = edited_three_times
    assert [library.revision(article_id, number) for number in (1, 2, 3)] == texts[:3]
    assert library.get(article_id).article == texts[3]


def test_unknown_revision_is_reported(
    library: Library, edited_three_times: tuple[int, list[Article]]
) -> None:
    article_id, _texts = edited_three_times
    with pytest.raises(RevisionNotFound, match="no revision 9"):
        library.revision(article_id, 9)
    with pytest.raises(RevisionNotFound):
        library.diff(article_id, 9)


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        (
            1,
            2,
            [
                "--- revision 1",
                "+++ revision 2",
                "@@ -1,2 +1,2 @@",
                " Ferry timetable changes",
                "-Ferries will leave at seven.",
                "+Ferries will leave at eight.",
            ],
        ),
        (
            3,
            None,
            [
                "--- revision 3",
                "+++ current",
                "@@ -1,3 +1,2 @@",
                "-Ferry timetable changes again",
                "-Ferries will leave at eight.",
                "-More later.",
                "+Ferry timetable settled",
                "+Ferries will leave at nine.",
            ],
        ),
        (2, 2, []),
    ],
)
def test_diff_is_a_unified_diff_of_the_plain_text(
    library: Library,
    edited_three_times: tuple[int, list[Article]],
    old: int,
    new: int | None,
    expected: list[str],
) -> None:
    article_id, _texts = edited_three_times
    assert library.diff(article_id, old, new) == expected


def test_restore_keeps_the_current_text_as_a_revision(
    library: Library, edited_three_times: tuple[int, list[Article]]
) -> None:
    article_id, texts = edited_three_times
    restored = library.restore(article_id, 1, author="desk")
    assert restored.version == 5
    assert library.get(article_id).article == texts[0]
    newest = library.history(article_id)[0]
    assert newest.number == 4
    assert library.revision(article_id, 4) == texts[3]
    library.save(article_id, texts[2], expected_version=5)
    assert library.history(article_id)[0].note == "restored revision 1"
    assert library.integrity_check() == []
