"""The ``article-editor`` command.

``article-editor [FILE]`` opens the editor window; ``export`` and ``show`` work
without a display. The GUI is imported only inside the function that opens a
window, so the other subcommands never load Qt.

Every problem with the user's input ends as one line on stderr and exit status
2, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TextIO

from editor_app import __version__
from editor_app.errors import ArticleEditorError
from editor_app.export import export_article, format_for_path, format_names
from editor_app.importers import ImportResult, import_article, importable_suffixes
from editor_app.model import (
    Block,
    BlockQuote,
    CodeBlock,
    Heading,
    HorizontalRule,
    ListBlock,
    Paragraph,
    PullQuote,
    jsonformat,
)

PROG = "article-editor"
EXIT_OK = 0
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130
PREVIEW_WIDTH = 64

Command = Callable[[argparse.Namespace], int]


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status (the console script exits with it)."""
    arguments = list(sys.argv[1:] if argv is None else argv)
    try:
        try:
            options = build_parser().parse_args(_with_default_command(arguments))
        except SystemExit as exit_request:  # --help, --version and usage errors
            return _exit_status(exit_request.code)
        command: Command = options.run
        return command(options)
    except ArticleEditorError as error:
        return _fail(str(error))
    except BrokenPipeError:
        # The reader went away (``article-editor show x | head``): not an error of ours.
        _silence_stdout()
        return EXIT_OK
    except OSError as error:
        return _fail(_describe_os_error(error))
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED


# -- the parser ------------------------------------------------------------------------

_OPEN, _EXPORT, _SHOW, _CHECK = "open", "export", "show", "check"
_LIBRARY, _STYLEBOOK = "library", "stylebook"  # editor_app/library_cli.py
_COMMANDS = (_OPEN, _EXPORT, _SHOW, _CHECK, _LIBRARY, _STYLEBOOK)
EXIT_FINDINGS = 1


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=PROG,
        usage=f"{PROG} [-h] [--version] [FILE | {{{','.join(_COMMANDS)}}} ...]",
        description=(
            "Article Editor: write, proofread and export news articles. "
            "With no arguments, opens the editor window (on the sample article the "
            "first time); with a FILE, opens that file."
        ),
        epilog=f"Files it opens: {', '.join(importable_suffixes())}. "
        f"Run '{PROG} COMMAND --help' for the options of a command.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True)

    opener = commands.add_parser(
        _OPEN,
        help="open a file in the editor window (the default command)",
        description="Open FILE in the editor window; without FILE, the last file or the sample.",
    )
    opener.add_argument("file", nargs="?", type=Path, metavar="FILE", help="the article to open")
    opener.add_argument(
        "--sample", action="store_true", help="open the sample article (ignores FILE)"
    )
    opener.set_defaults(run=_run_open)

    exporter = commands.add_parser(
        _EXPORT,
        help="convert an article to another format",
        description=(
            "Read INPUT (any file the editor opens), drop the web leftovers and write it "
            "to OUTPUT. What was removed is listed on stderr."
        ),
    )
    exporter.add_argument("input", type=Path, metavar="INPUT", help="the article to read")
    exporter.add_argument(
        "-o", "--output", type=Path, required=True, metavar="OUTPUT", help="the file to write"
    )
    exporter.add_argument(
        "-f",
        "--format",
        choices=format_names(),
        metavar="FMT",
        help=f"output format: {', '.join(format_names())} (default: from OUTPUT's extension)",
    )
    exporter.set_defaults(run=_run_export)

    shower = commands.add_parser(
        _SHOW,
        help="print an article's structure",
        description=(
            "Print INPUT's metadata and one line per body block (kind and the start of "
            "its text), then what the import removed."
        ),
    )
    shower.add_argument("input", type=Path, metavar="INPUT", help="the article to read")
    shower.add_argument(
        "--json", action="store_true", help="print the article as canonical .article.json"
    )
    shower.set_defaults(run=_run_show)

    checker = commands.add_parser(
        _CHECK,
        help="check names, spelling and house style",
        description=(
            "Check each INPUT for misspelled names (against the rest of the article and "
            "the style book), spelling, house style and quotation problems. Exit status: "
            "1 when any finding is an error, 2 when an input cannot be read, else 0."
        ),
    )
    checker.add_argument("inputs", nargs="+", type=Path, metavar="INPUT", help="files to check")
    checker.add_argument(
        "--format",
        choices=("text", "json"),
        default="text",
        help="text: FILE:LINE:COL: SEVERITY RULE: MESSAGE lines (default); json: one array",
    )
    checker.add_argument(
        "--style", type=Path, metavar="STYLE.toml", help="a house style: rules, severities"
    )
    checker.add_argument(
        "--stylebook",
        type=Path,
        metavar="FILE",
        help="a newsroom style book (CSV or TOML) that extends the starter book",
    )
    checker.add_argument(
        "--dictionary",
        type=Path,
        metavar="FILE",
        help="a personal dictionary: one accepted word per line",
    )
    checker.set_defaults(run=_run_check)

    from editor_app.library_cli import add_check_option, add_library_commands

    add_check_option(checker)
    add_library_commands(commands)
    return parser


def _with_default_command(arguments: list[str]) -> list[str]:
    """``article-editor`` and ``article-editor FILE`` mean ``article-editor open [FILE]``."""
    if not arguments:
        return [_OPEN]
    first = arguments[0]
    if first == "--sample":
        return [_OPEN, *arguments]
    if first in _COMMANDS or (first.startswith("-") and first != "-"):
        return arguments
    return [_OPEN, *arguments]


# -- the commands ----------------------------------------------------------------------


def _run_open(options: argparse.Namespace) -> int:
    from editor_app.app import run_gui  # the only place the CLI touches Qt

    return run_gui(options.file, sample=options.sample)


def _run_export(options: argparse.Namespace) -> int:
    # Settle the format first: a wrong extension should not cost a whole import.
    format_name = options.format or format_for_path(options.output)
    result = import_article(options.input)
    export_article(result.article, options.output, format_name)
    _print_report(result, sys.stderr)  # only once the export worked: errors stay one line
    return EXIT_OK


def _run_show(options: argparse.Namespace) -> int:
    result = import_article(options.input)
    if options.json:
        sys.stdout.write(jsonformat.dumps(result.article))
        _print_report(result, sys.stderr)
    else:
        for line in describe(result):
            print(line)
    return EXIT_OK


def _run_check(options: argparse.Namespace) -> int:
    from editor_app.checks.files import check_files
    from editor_app.checks.report import LocatedFinding, as_json, has_errors, text_line
    from editor_app.checks.setup import build_checker
    from editor_app.library_cli import library_stylebook

    setup = build_checker(
        options.style,
        options.stylebook,
        options.dictionary,
        extra_entries=library_stylebook(options.library),
    )
    status = EXIT_OK
    collected: list[LocatedFinding] = []
    for outcome in check_files(options.inputs, setup.checker):
        if outcome.error is not None:
            _fail(outcome.error)
            status = EXIT_USAGE
            continue
        collected.extend(outcome.findings)
        if options.format == "text":
            for item in outcome.findings:
                print(text_line(item))
    if options.format == "json":
        print(as_json(collected))
    for warning in setup.warnings:
        print(f"{PROG}: warning: {warning}", file=sys.stderr)
    if status == EXIT_OK and has_errors(item.finding for item in collected):
        status = EXIT_FINDINGS
    return status


def describe(result: ImportResult) -> list[str]:
    """The article's structure as lines: metadata, one line per block, the import report."""
    meta = result.article.meta
    fields = {
        "headline": meta.headline,
        "standfirst": meta.standfirst,
        "byline": meta.byline,
        "dateline": meta.dateline,
        "section": meta.section,
        "tags": ", ".join(meta.tags),
        "status": meta.status.value,
        "language": meta.language,
    }
    lines = [f"{name + ':':<12}{shorten(value, 100)}".rstrip() for name, value in fields.items()]
    body = result.article.body
    lines.append(f"body:       {len(body)} blocks, {result.article.word_count()} words")
    kinds = [block_kind(block) for block in body]
    width = max((len(kind) for kind in kinds), default=0)
    number_width = len(str(len(body)))
    for number, (kind, block) in enumerate(zip(kinds, body, strict=True), start=1):
        preview = shorten(block_text(block), PREVIEW_WIDTH)
        lines.append(f"  {number:>{number_width}}  {kind:<{width}}  {preview}".rstrip())
    lines.extend(result.report.lines())
    return lines


def block_kind(block: Block) -> str:
    match block:
        case Heading():
            return f"heading h{block.level}"
        case ListBlock():
            style = "ordered" if block.ordered else "bulleted"
            count = len(block.items)
            return f"list ({style}, {count} item{'' if count == 1 else 's'})"
        case CodeBlock():
            return f"code ({block.language})" if block.language else "code"
    return block.kind


def block_text(block: Block) -> str:
    match block:
        case Paragraph() | Heading():
            return block.content.plain
        case BlockQuote() | PullQuote():
            attribution = block.attribution.plain
            return f"{block.content.plain} — {attribution}" if attribution else block.content.plain
        case ListBlock():
            return " • ".join(item.plain for item in block.items)
        case CodeBlock():
            return block.code
        case HorizontalRule():
            return ""
    return ""  # pragma: no cover - the match above is exhaustive


def shorten(text: str, width: int) -> str:
    """One line of at most ``width`` characters: white space collapsed, an ellipsis when cut."""
    line = " ".join(text.split())
    if len(line) <= width:
        return line
    cut = line[: width - 1]
    if line[width - 1] != " " and " " in cut[width // 2 :]:  # do not end inside a word
        cut = cut[: cut.rindex(" ")]
    return cut.rstrip() + "…"


# -- errors ------------------------------------------------------------------------------


def _print_report(result: ImportResult, stream: TextIO) -> None:
    for line in result.report.lines():
        print(line, file=stream)


def _fail(message: str) -> int:
    one_line = " ".join(message.split())
    print(f"{PROG}: error: {one_line}", file=sys.stderr)
    return EXIT_USAGE


def _describe_os_error(error: OSError) -> str:
    reason = error.strerror or str(error)
    return f"{error.filename}: {reason}" if error.filename else reason


def _exit_status(code: object) -> int:
    if code is None:
        return EXIT_OK
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return EXIT_USAGE


def _silence_stdout() -> None:
    """Point stdout at /dev/null so the interpreter's final flush does not fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError):
        pass
