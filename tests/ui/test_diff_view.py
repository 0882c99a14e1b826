"""The side-by-side view of two article versions: rows aligned, changed words marked."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QTextDocument
from PySide6.QtWidgets import QScrollBar
from pytestqt.qtbot import QtBot

from editor_app.compare import Change, Counts, LineKind
from editor_app.model import Article, Metadata, Paragraph, RichText
from editor_app.ui.diff_view import DELETED_WORDS, INSERTED_WORDS, DiffView, summary_text


def story(*paragraphs: str, headline: str = "Ferry strike ends") -> Article:
    body = tuple(Paragraph(RichText.plain_text(text)) for text in paragraphs)
    return Article(Metadata(headline=headline, byline="Ana Ruiz"), body)


LONG = " ".join(["The harbour authority said the ferries would run to the islands again."] * 6)
BEFORE = story("Crews returned on Monday.", LONG, "Talks continue.", "Old closing line.")
AFTER = story(
    "Crews returned on Tuesday.",
    LONG + " More was added here.",
    "A new paragraph about the timetable.",
    "Talks continue.",
)


@pytest.fixture
def view(qtbot: QtBot) -> DiffView:
    shown = DiffView()
    qtbot.addWidget(shown)
    shown.resize(500, 160)
    shown.set_articles(BEFORE, AFTER, "Revision 2", "Current version")
    shown.show()
    qtbot.waitExposed(shown)
    shown.balance_rows()
    return shown


def blocks(document: QTextDocument) -> list[str]:
    return [document.findBlockByNumber(n).text() for n in range(document.blockCount())]


def marked(document: QTextDocument) -> list[str]:
    """The runs of text with a changed-word background, in order."""
    found = []
    block = document.begin()
    while block.isValid():
        it = block.begin()
        while not it.atEnd():
            fragment = it.fragment()
            if fragment.charFormat().background().color() in (DELETED_WORDS, INSERTED_WORDS):
                found.append(fragment.text())
            it += 1
        block = block.next()
    return found


def test_old_text_left_new_text_right_row_for_row(view: DiffView) -> None:
    left, right = blocks(view.before_pane.document()), blocks(view.after_pane.document())
    assert len(left) == len(right)
    assert left[:3] == ["Ferry strike ends", "By Ana Ruiz", "Crews returned on Monday."]
    assert right[:3] == ["Ferry strike ends", "By Ana Ruiz", "Crews returned on Tuesday."]
    assert "A new paragraph about the timetable." in right
    row = right.index("A new paragraph about the timetable.")
    assert left[row] == ""  # nothing on the left in that row
    assert "Old closing line." in left
    assert right[left.index("Old closing line.")] == ""
    assert view.before_label.text() == "Revision 2"
    assert view.after_label.text() == "Current version"
    assert view.before_pane.isReadOnly() and view.after_pane.isReadOnly()


def test_changed_words_are_tinted(view: DiffView) -> None:
    assert marked(view.before_pane.document()) == ["Monday", "Old closing line."]
    assert marked(view.after_pane.document()) == [
        "Tuesday",
        "More was added here.",
        "A new paragraph about the timetable.",
    ]


def test_rows_start_at_the_same_height_in_both_panes(view: DiffView) -> None:
    left, right = view.before_pane.document(), view.after_pane.document()
    for number in range(left.blockCount()):
        top_left = left.documentLayout().blockBoundingRect(left.findBlockByNumber(number)).top()
        top_right = right.documentLayout().blockBoundingRect(right.findBlockByNumber(number)).top()
        assert top_left == top_right, number
    assert left.size().height() == right.size().height()


def test_panes_scroll_together(view: DiffView) -> None:
    left: QScrollBar = view.before_pane.verticalScrollBar()
    right: QScrollBar = view.after_pane.verticalScrollBar()
    assert right.maximum() > 0
    right.setValue(right.maximum() // 2)
    assert left.value() == right.value()
    left.setValue(0)
    assert right.value() == 0


def test_summary_counts_paragraphs(view: DiffView) -> None:
    assert view.summary_label.text() == "2 paragraphs changed, 1 added, 1 removed"


@pytest.mark.parametrize(
    ("counts", "text"),
    [
        (Counts((), 0, 0, 0), "No differences in the text"),
        (Counts((), 1, 0, 0), "1 paragraph changed"),
        (Counts((), 3, 1, 0), "3 paragraphs changed, 1 added"),
        (Counts((), 0, 0, 2), "2 paragraphs removed"),
        (
            Counts(((LineKind.HEADLINE, Change.CHANGED),), 0, 1, 0),
            "Headline changed; 1 paragraph added",
        ),
    ],
)
def test_summary_text(counts: Counts, text: str) -> None:
    assert summary_text(counts) == text


def test_line_breaks_stay_inside_their_row(qtbot: QtBot) -> None:
    view = DiffView()
    qtbot.addWidget(view)
    view.set_articles(story("One\nTwo"), story("One\nThree"), "a", "b")
    assert view.before_pane.document().blockCount() == view.after_pane.document().blockCount()
    assert blocks(view.after_pane.document())[-1] == "One\u2028Three"


def test_same_text_says_so(qtbot: QtBot) -> None:
    view = DiffView()
    qtbot.addWidget(view)
    view.set_articles(BEFORE, BEFORE, "a", "b")
    assert view.summary_label.text() == "No differences in the text"
    assert marked(view.after_pane.document()) == []
