"""The ``article-editor`` command: subcommands, output, and one-line errors for bad input."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from editor_app import __version__, cli
from editor_app.importers import ImportReport, ImportResult, import_article
from editor_app.model import (
    Article,
    BlockQuote,
    CodeBlock,
    Heading,
    HorizontalRule,
    ListBlock,
    Metadata,
    Paragraph,
    PullQuote,
    RichText,
    Span,
    jsonformat,
)

SCRIPT = Path(sys.executable).with_name("article-editor")
ERROR_PREFIX = "article-editor: error: "

ARTICLE = Article(
    Metadata(
        headline="Night buses to run until 3am from June",
        standfirst="The council extends three routes after a trial on Friday nights.",
        byline="By Ines Okafor",
        dateline="LEEDS",
        section="Transport",
        tags=("Buses", "Nightlife"),
    ),
    (
        Paragraph(
            RichText(
                (
                    Span("Three routes will run "),
                    Span("every 20 minutes", bold=True),
                    Span(" after midnight, the council said in a statement that ran to "),
                    Span("four pages", link="https://example.org/statement"),
                    Span("."),
                )
            )
        ),
        Heading(RichText.plain_text("Which routes"), level=3),
        ListBlock((RichText.plain_text("Route 4"), RichText.plain_text("Route 19")), ordered=True),
        BlockQuote(RichText.plain_text("Shift workers asked for this."), RichText.plain_text("Al")),
        PullQuote(RichText.plain_text("Shift workers asked for this.")),
        CodeBlock("GET /routes\nGET /stops", "http"),
        HorizontalRule(),
    ),
)


@pytest.fixture
def article_file(tmp_path: Path) -> Path:
    path = tmp_path / "night-buses.article.json"
    path.write_text(jsonformat.dumps(ARTICLE), encoding="utf-8")
    return path


def run(args: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str, str]:
    status = cli.main(args)
    out, err = capsys.readouterr()
    return status, out, err


# -- version and help ------------------------------------------------------------------


def test_version_prints_name_and_version(capsys: pytest.CaptureFixture[str]) -> None:
    assert run(["--version"], capsys) == (0, f"article-editor {__version__}\n", "")


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["--help"], "With no arguments, opens the editor window"),
        (["export", "--help"], "drop the web leftovers"),
        (["show", "--help"], "one line per body block"),
        (["open", "--help"], "Open FILE in the editor window"),
    ],
)
def test_help_describes_each_command(
    args: list[str], expected: str, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, _ = run(args, capsys)
    assert status == 0
    assert expected in " ".join(out.split())


def test_export_help_lists_the_formats(capsys: pytest.CaptureFixture[str]) -> None:
    _, out, _ = run(["export", "--help"], capsys)
    assert all(name in out for name in ("article", "md", "txt"))


# -- show --------------------------------------------------------------------------------


def test_show_prints_metadata_then_one_line_per_block(
    article_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(["show", str(article_file)], capsys)
    lines = out.splitlines()
    assert (status, err) == (0, "")
    assert lines[:8] == [
        "headline:   Night buses to run until 3am from June",
        "standfirst: The council extends three routes after a trial on Friday nights.",
        "byline:     By Ines Okafor",
        "dateline:   LEEDS",
        "section:    Transport",
        "tags:       Buses, Nightlife",
        "status:     draft",
        "language:   en-GB",
    ]
    assert lines[8] == f"body:       7 blocks, {ARTICLE.word_count()} words"
    assert len(lines) == 9 + len(ARTICLE.body)


@pytest.mark.parametrize(
    ("number", "kind", "text"),
    [
        (1, "paragraph", "Three routes will run every 20 minutes after midnight, the…"),
        (2, "heading h3", "Which routes"),
        (3, "list (ordered, 2 items)", "Route 4 • Route 19"),
        (4, "blockquote", "Shift workers asked for this. — Al"),
        (5, "pullquote", "Shift workers asked for this."),
        (6, "code (http)", "GET /routes GET /stops"),
        (7, "rule", ""),
    ],
)
def test_show_names_each_block_kind_with_a_short_text(
    number: int, kind: str, text: str, article_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    _, out, _ = run(["show", str(article_file)], capsys)
    line = out.splitlines()[8 + number]
    assert line.split(None, 1)[0] == str(number)
    assert f"  {kind}" in line
    assert line.endswith(text)


def test_show_json_prints_the_canonical_document(
    article_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert run(["show", "--json", str(article_file)], capsys) == (
        0,
        jsonformat.dumps(ARTICLE),
        "",
    )


def test_describe_ends_with_the_import_report() -> None:
    report = ImportReport(removed=("Leave a Reply",), notes=("read as Windows-1252",))
    lines = cli.describe(ImportResult(ARTICLE, report))
    assert lines[-2:] == ["removed: Leave a Reply", "note: read as Windows-1252"]


@pytest.mark.parametrize(
    ("text", "width", "expected"),
    [
        ("short", 10, "short"),
        ("  spread \n over\tlines ", 40, "spread over lines"),
        ("exactly ten", 11, "exactly ten"),
        ("one two three four", 10, "one two…"),
        ("", 5, ""),
    ],
)
def test_shorten_keeps_one_line_within_the_width(text: str, width: int, expected: str) -> None:
    assert cli.shorten(text, width) == expected
    assert len(cli.shorten(text, width)) <= width


# -- export ------------------------------------------------------------------------------


def test_export_writes_the_format_named_by_the_extension(
    article_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "copy.article.json"
    assert run(["export", str(article_file), "-o", str(output)], capsys) == (0, "", "")
    assert jsonformat.loads(output.read_text(encoding="utf-8")) == ARTICLE


@pytest.mark.parametrize(
    ("name", "expected_start"),
    [("copy.md", "---\n"), ("copy.txt", "Night buses to run until 3am from June")],
)
def test_export_to_markdown_and_text_by_extension(
    article_file: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    expected_start: str,
) -> None:
    output = tmp_path / name
    assert run(["export", str(article_file), "-o", str(output)], capsys)[0] == 0
    text = output.read_text(encoding="utf-8")
    assert text.startswith(expected_start)
    assert "Shift workers asked for this." in text


def test_export_format_option_overrides_the_extension(
    article_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "copy.txt"
    status, _, _ = run(["export", str(article_file), "-o", str(output), "-f", "article"], capsys)
    assert status == 0
    assert jsonformat.loads(output.read_text(encoding="utf-8")) == ARTICLE


def test_export_prints_what_the_import_removed_on_stderr(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "scraped.txt"
    source.write_text(
        "Pier reopens after storm\n\nThe pier reopened on Saturday after repairs.\n\n"
        "Leave a Reply\n\nYour email address will not be published.\n",
        encoding="utf-8",
    )
    status, out, err = run(["export", str(source), "-o", str(tmp_path / "clean.txt")], capsys)
    assert (status, out) == (0, "")
    assert "removed: Leave a Reply" in err.splitlines()


def test_unknown_format_name_is_a_usage_error(
    article_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    args = ["export", str(article_file), "-o", str(tmp_path / "x.txt"), "-f", "pdf"]
    status, _, err = run(args, capsys)
    assert status == 2
    assert "invalid choice: 'pdf'" in err


# -- bad input -----------------------------------------------------------------------------

BadInput = Callable[[Path], list[str]]


def _missing(tmp: Path) -> list[str]:
    return ["show", str(tmp / "nowhere.md")]


def _directory(tmp: Path) -> list[str]:
    (tmp / "folder.md").mkdir()
    return ["show", str(tmp / "folder.md")]


def _empty(tmp: Path) -> list[str]:
    (tmp / "empty.txt").write_bytes(b"")
    return ["show", str(tmp / "empty.txt")]


def _binary(tmp: Path) -> list[str]:
    (tmp / "photo.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)) * 4)
    return ["show", str(tmp / "photo.txt")]


def _undecodable_json(tmp: Path) -> list[str]:
    (tmp / "bad.article.json").write_bytes(
        b'{"format": "\xff\xfe\xfa\x00\x81\x00'.ljust(64, b"\x00")
    )
    return ["show", str(tmp / "bad.article.json")]


def _unknown_extension(tmp: Path) -> list[str]:
    (tmp / "story.pdf").write_text("A story.", encoding="utf-8")
    return ["show", str(tmp / "story.pdf")]


def _scraped_story(tmp: Path) -> str:
    """A story with a web leftover, so an import report would have lines to print."""
    path = tmp / "story.txt"
    path.write_text("Ferry returns\n\nThe ferry sails again.\n\nLeave a Reply\n", encoding="utf-8")
    return str(path)


def _unknown_output_extension(tmp: Path) -> list[str]:
    return ["export", _scraped_story(tmp), "-o", str(tmp / "story.pdf")]


def _unwritable_output(tmp: Path) -> list[str]:
    return ["export", _scraped_story(tmp), "-o", str(tmp / "no-such-dir" / "story.md")]


def _output_is_a_directory(tmp: Path) -> list[str]:
    (tmp / "out.md").mkdir()
    return ["export", _scraped_story(tmp), "-o", str(tmp / "out.md")]


BAD_INPUTS: dict[str, BadInput] = {
    "missing": _missing,
    "directory": _directory,
    "empty": _empty,
    "binary": _binary,
    "undecodable": _undecodable_json,
    "unknown extension": _unknown_extension,
    "unknown output extension": _unknown_output_extension,
    "unwritable output dir": _unwritable_output,
    "output is a directory": _output_is_a_directory,
}


@pytest.mark.parametrize("make_args", BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_bad_input_is_one_error_line_and_status_2(
    make_args: BadInput, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    status, out, err = run(make_args(tmp_path), capsys)
    assert (status, out) == (2, "")
    assert len(err.splitlines()) == 1
    assert err.startswith(ERROR_PREFIX)


@pytest.mark.skipif(os.geteuid() == 0, reason="root may write anywhere")
def test_read_only_output_folder_is_one_error_line(
    article_file: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    locked = tmp_path / "locked"
    locked.mkdir(mode=0o500)
    status, _, err = run(["export", str(article_file), "-o", str(locked / "a.txt")], capsys)
    assert status == 2
    assert err.startswith(ERROR_PREFIX)
    assert len(err.splitlines()) == 1


def test_interrupt_exits_130_quietly(
    article_file: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    def interrupted(path: Path) -> ImportResult:
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "import_article", interrupted)
    assert run(["show", str(article_file)], capsys) == (130, "", "")


RUNNERS = {
    "console script": [str(SCRIPT)],
    "python -m": [sys.executable, "-m", "editor_app"],
}


@pytest.mark.parametrize("runner", RUNNERS.values(), ids=RUNNERS.keys())
@pytest.mark.parametrize("make_args", BAD_INPUTS.values(), ids=BAD_INPUTS.keys())
def test_real_command_reports_bad_input_without_a_traceback(
    runner: list[str], make_args: BadInput, tmp_path: Path
) -> None:
    done = subprocess.run(
        [*runner, *make_args(tmp_path)], capture_output=True, text=True, timeout=60, check=False
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr
    assert len(done.stderr.splitlines()) == 1
    assert done.stderr.startswith(ERROR_PREFIX)


def test_real_command_shows_an_article(article_file: Path) -> None:
    done = subprocess.run(
        [str(SCRIPT), "show", str(article_file)],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0
    assert done.stdout.startswith("headline:   Night buses")


REFERENCE = Path(__file__).resolve().parents[1].parent / "shared" / "reference"


def test_the_scraped_reference_article_converts_to_clean_markdown(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = REFERENCE / "scraped-article.txt"
    if not source.is_file():
        pytest.skip(f"the reference article is not at {source}")
    output = tmp_path / "reference.md"
    status, _, err = run(["export", str(source), "-o", str(output)], capsys)
    assert status == 0
    markdown = output.read_text(encoding="utf-8")
    article = import_article(output).article
    assert article.meta.headline == "US vows to revitalize NATO ties"
    assert article.meta.standfirst.startswith("The US is committed to rebuild")
    assert [block.kind for block in article.body] == ["paragraph"] * 10
    for leftover in ("Interactions", "Leave a Reply", "Your email address"):
        assert leftover not in markdown
        assert leftover in err
    assert "“" in markdown and "’" in markdown
