"""``article-editor check``: lines and columns in the file as given, JSON, exit codes."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from editor_app import cli

STORY = """Harbour ferry returns after repairs

The ferry run by skipper Tomasz Wrona returned on Monday. Wrona said the hull
was sound. Passengers thanked Wrona at the pier, and Wrona waved.

Harbour master Ines Okafor said Wrona had earned a rest. Wronka then left.
"""

CLEAN = """Harbour ferry returns after repairs

The ferry returned to the harbour on Monday after three weeks of repairs.
"""

LINE = re.compile(r"^(?P<file>.+):(?P<line>\d+):(?P<col>\d+): (?P<sev>\w+) (?P<rule>[\w.-]+): .+$")


@pytest.fixture
def story(tmp_path: Path) -> Path:
    path = tmp_path / "ferry.txt"
    path.write_text(STORY, encoding="utf-8")
    return path


@pytest.fixture
def clean(tmp_path: Path) -> Path:
    path = tmp_path / "clean.txt"
    path.write_text(CLEAN, encoding="utf-8")
    return path


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = cli.main(args)
    out, err = capsys.readouterr()
    return status, out, err


def test_text_lines_point_at_the_word_in_the_file(
    story: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(["check", str(story)], capsys)
    lines = [LINE.match(line) for line in out.splitlines()]
    assert all(lines), out
    slip = next(m for m in lines if m and m["rule"].startswith("names."))
    assert (slip["file"], slip["line"], slip["col"]) == (str(story), "6", "58")
    assert STORY.splitlines()[5][57:63] == "Wronka"
    assert "(suggestion: Wrona" in out
    assert status in (0, 1)


def test_json_has_the_documented_fields(story: Path, capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["check", "--format", "json", str(story)], capsys)
    findings = json.loads(out)
    slip = next(item for item in findings if item["text"] == "Wronka")
    assert {
        "file",
        "line",
        "column",
        "end_line",
        "end_column",
        "text",
        "rule",
        "severity",
        "message",
        "suggestions",
    } <= set(slip)
    assert (slip["line"], slip["column"], slip["end_line"], slip["end_column"]) == (6, 58, 6, 64)
    assert slip["suggestions"][0] == "Wrona"


def test_a_clean_file_exits_0_with_no_output(
    clean: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["check", str(clean)], capsys)[:2] == (0, "")


def test_an_error_finding_exits_1(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = tmp_path / "visit.txt"
    path.write_text(
        "Ministers meet in Brussels\n\nAnthony Blinken met allies in Brussels on Tuesday.\n",
        encoding="utf-8",
    )
    status, out, _ = run(["check", str(path)], capsys)
    assert status == 1
    assert "Antony Blinken" in out


def test_many_files_are_checked_in_one_call_and_a_bad_one_exits_2(
    story: Path, clean: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "missing.txt"
    status, out, err = run(["check", str(story), str(missing), str(clean)], capsys)
    assert status == 2
    assert "Wronka" in out
    assert [line for line in err.splitlines() if "error" in line] == [
        line for line in err.splitlines() if "missing.txt" in line
    ]


def test_a_house_style_turns_rules_off(
    story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    style = tmp_path / "house.toml"
    style.write_text('[rules]\n"names.variant" = false\n', encoding="utf-8")
    _, out, _ = run(["check", "--style", str(style), str(story)], capsys)
    assert "names.variant" not in out


@pytest.mark.parametrize(
    "content",
    [
        '[rules]\n"no.such-rule" = false\n',
        "not = [valid toml",
        '[rules]\n"names.variant" = "loud"\n',
    ],
)
def test_a_bad_house_style_is_one_error_line(
    content: str, story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    style = tmp_path / "house.toml"
    style.write_text(content, encoding="utf-8")
    status, out, err = run(["check", "--style", str(style), str(story)], capsys)
    assert (status, out) == (2, "")
    assert len(err.splitlines()) == 1
    assert err.startswith("article-editor: error: ")


def test_a_newsroom_style_book_extends_the_starter_book(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    book = tmp_path / "book.csv"
    book.write_text(
        "canonical,kind,variants,nicknames,wrong,note,source\n"
        "Ines Okafor,person,,,Inez Okafor,harbour master,desk\n",
        encoding="utf-8",
    )
    path = tmp_path / "story.txt"
    path.write_text("Harbour news\n\nInez Okafor opened the pier on Monday.\n", encoding="utf-8")
    status, out, _ = run(["check", "--stylebook", str(book), str(path)], capsys)
    assert "Ines Okafor" in out
    assert status == 1


def test_a_docx_is_checked_with_paragraph_numbers_as_lines(
    story: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    document = tmp_path / "ferry.docx"
    assert cli.main(["export", str(story), "-o", str(document)]) == 0
    capsys.readouterr()
    status, out, _ = run(["check", "--format", "json", str(document)], capsys)
    assert status in (0, 1)
    slip = next(item for item in json.loads(out) if item["text"] == "Wronka")
    # Headline, then the two body paragraphs: the slip is in the third paragraph.
    assert (slip["line"], slip["column"]) == (3, 58)
