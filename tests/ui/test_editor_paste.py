"""Copy, cut and paste in the editor widget: our own format, HTML from other
programs, plain text; each paste one undo step with a report."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, Qt
from PySide6.QtGui import QTextDocumentFragment
from PySide6.QtWidgets import QApplication, QTextEdit
from pytestqt.qtbot import QtBot

from editor_app.model import (
    Block,
    BlockQuote,
    Heading,
    ListBlock,
    Paragraph,
    PullQuote,
    RichText,
    Span,
)
from editor_app.ui.article_editor import ArticleEditor
from editor_app.ui.document_adapter import read_document
from editor_app.ui.editor_clipboard import FRAGMENT_MIME
from tests.ui.editor_helpers import (
    MARKED,
    code,
    editor,
    para,
    place,
    pull,
    select,
    select_word,
)

__all__ = ["editor"]

DATA = Path(__file__).parent.parent / "data"
QUOTED = PullQuote(
    RichText.plain_text("We kept the wooden benches."),
    RichText((Span("Ana Ruiz", italic=True), Span(", skipper"))),
)


def paste(qtbot: QtBot, editor: ArticleEditor, data: QMimeData) -> str:
    """Paste ``data`` as the person would (Ctrl+V) and return the report sentence."""
    QApplication.clipboard().setMimeData(data)
    with qtbot.waitSignal(editor.paste_reported) as reported:
        editor.paste()
    return str(reported.args[0])


def whole_blocks(editor: ArticleEditor, first: int, last: int) -> None:
    """Select document blocks ``first`` to ``last`` whole."""
    document = editor.document()
    end = document.findBlockByNumber(last)
    select(editor, document.findBlockByNumber(first).position(), end.position() + end.length() - 1)


def test_copy_and_paste_inside_the_editor_keeps_every_block_and_mark(
    qtbot: QtBot, editor: ArticleEditor
) -> None:
    editor.set_body((para("Lead."), QUOTED, MARKED, para("End.")))
    whole_blocks(editor, 1, 3)  # the pull quote, its attribution and the marked paragraph
    editor.copy()
    offered = QApplication.clipboard().mimeData()
    assert FRAGMENT_MIME in offered.formats()
    assert offered.hasHtml()
    assert offered.hasText()
    place(editor, 4)
    qtbot.keyClick(editor, Qt.Key.Key_Return)  # a new empty paragraph to paste into
    editor.paste()
    assert editor.body() == (para("Lead."), QUOTED, MARKED, para("End."), QUOTED, MARKED)


def test_qt_html_alone_would_have_lost_the_pull_quote(qtbot: QtBot, editor: ArticleEditor) -> None:
    """What the own format is for: the same selection through Qt's own HTML comes back
    without the pull quote (custom block properties do not survive Qt's HTML)."""
    editor.set_body((QUOTED, MARKED))
    whole_blocks(editor, 0, 2)
    plain_qt = QTextEdit()
    qtbot.addWidget(plain_qt)
    plain_qt.insertHtml(QTextDocumentFragment(editor.textCursor()).toHtml())
    through_qt_html = read_document(plain_qt.document())
    assert not any(isinstance(block, PullQuote) for block in through_qt_html)
    assert through_qt_html != (QUOTED, MARKED)


def test_cut_and_paste_moves_text_in_two_undo_steps(qtbot: QtBot, editor: ArticleEditor) -> None:
    editor.set_body((para("Night ferries return."),))
    select_word(editor, 0, "Night ")
    editor.cut()
    assert editor.body() == (para("ferries return."),)
    place(editor, 0)
    editor.paste()
    assert editor.body() == (para("ferries return.Night "),)
    editor.undo()
    assert editor.body() == (para("ferries return."),)
    editor.undo()
    assert editor.body() == (para("Night ferries return."),)


def test_paste_is_one_undo_step(qtbot: QtBot, editor: ArticleEditor) -> None:
    editor.set_body((para("Lead."),))
    place(editor, 0)
    data = QMimeData()
    data.setText("First pasted.\n\nSecond pasted.\n\nThird pasted.")
    paste(qtbot, editor, data)
    assert len(editor.body()) == 3
    editor.undo()
    assert editor.body() == (para("Lead."),)


@pytest.mark.parametrize(
    ("fixture", "expected_start", "sentence_start"),
    [
        (
            "html_word_paste.html",
            Heading(RichText.plain_text("Harbour ferries to run through the night")),
            "Pasted 1 heading, 3 paragraphs, 1 quote and 2 lists from Word",
        ),
        (
            "html_google_docs.html",
            Heading(RichText.plain_text("Library opens a tool shed for lending")),
            "Pasted 1 heading, 2 paragraphs and 1 list from Google Docs",
        ),
        (
            "html_web_page.html",
            Heading(RichText.plain_text("Town council backs bike lanes on the high street")),
            "Pasted 2 headings, 3 paragraphs and 1 quote from HTML; removed: 2 scripts",
        ),
    ],
)
def test_html_from_other_programs_pastes_as_clean_blocks(
    qtbot: QtBot, editor: ArticleEditor, fixture: str, expected_start: Block, sentence_start: str
) -> None:
    editor.set_body(())
    data = QMimeData()
    data.setHtml((DATA / fixture).read_text(encoding="utf-8"))
    data.setText("the same text, unformatted")
    sentence = paste(qtbot, editor, data)
    body = editor.body()
    assert body[0] == expected_start
    assert sentence.startswith(sentence_start)
    assert any(isinstance(block, BlockQuote | ListBlock) for block in body)
    words = " ".join(block.content.plain for block in body if isinstance(block, Paragraph))
    assert "Leave a Reply" not in words
    assert "Share this" not in words
    assert "  " not in words


def test_web_page_paste_names_what_it_removed(qtbot: QtBot, editor: ArticleEditor) -> None:
    data = QMimeData()
    data.setHtml((DATA / "html_web_page.html").read_text(encoding="utf-8"))
    sentence = paste(qtbot, editor, data)
    assert "1 tracking pixel" in sentence
    assert "'Share this article'" in sentence


def test_plain_text_paste_reports_and_keeps_typography(qtbot: QtBot, editor: ArticleEditor) -> None:
    editor.set_body(())
    data = QMimeData()
    data.setText("It’s the “night” ferry.\n\nShe said: ‘Not yet.’")
    sentence = paste(qtbot, editor, data)
    assert sentence == "Pasted 2 paragraphs"
    assert editor.body() == (para("It’s the “night” ferry."), para("She said: ‘Not yet.’"))


def test_pasting_a_few_words_goes_into_the_paragraph(qtbot: QtBot, editor: ArticleEditor) -> None:
    editor.set_body((para("The ferry returns."),))
    place(editor, 0, len("The "))
    data = QMimeData()
    data.setText("night ")
    assert paste(qtbot, editor, data) == "Pasted 1 paragraph"
    assert editor.body() == (para("The night ferry returns."),)


def test_pasting_into_a_pull_quote_keeps_the_quote(qtbot: QtBot, editor: ArticleEditor) -> None:
    editor.set_body((pull("We kept the benches."),))
    place(editor, 0, len("We kept the"))
    data = QMimeData()
    data.setHtml("<p><b>old</b>\u00a0wooden</p>")
    data.setText(" old\u00a0wooden")
    paste(qtbot, editor, data)
    assert editor.body() == (
        PullQuote(
            RichText((Span("We kept the "), Span("old", bold=True), Span(" wooden benches.")))
        ),
    )


def test_code_pasted_into_a_code_block_keeps_its_spacing(
    qtbot: QtBot, editor: ArticleEditor
) -> None:
    editor.set_body((code("def f():"),))
    place(editor, 0)
    data = QMimeData()
    data.setText("\n    return  1\n\n    # done")
    assert paste(qtbot, editor, data) == "Pasted 4 lines of code"
    assert editor.body() == (code("def f():\n    return  1\n\n    # done"),)


def test_an_image_alone_is_not_pasted(editor: ArticleEditor) -> None:
    data = QMimeData()
    data.setData("image/png", b"\x89PNG")
    assert not editor.canInsertFromMimeData(data)
