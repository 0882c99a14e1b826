"""The ``article-editor library`` command line: its actions, their arguments and help.

``library_actions`` does the work; ``stylebook_cli`` adds ``article-editor stylebook``.
"""

from __future__ import annotations

import argparse
from datetime import date
from pathlib import Path
from typing import TypeAlias

from editor_app.export import format_names
from editor_app.library_actions import (
    STATUS_NAMES,
    library_stylebook,
    run_add,
    run_backup,
    run_check,
    run_delete,
    run_diff,
    run_empty_trash,
    run_export,
    run_history,
    run_list,
    run_restore,
    run_search,
    run_show,
    run_status,
    run_undelete,
)

__all__ = ["add_check_option", "add_library_commands", "library_stylebook", "location_option"]

Subparsers: TypeAlias = "argparse._SubParsersAction[argparse.ArgumentParser]"

LOCATION_HELP = (
    "the library: a SQLite file or a database URL such as "
    "postgresql+psycopg://user@host/db (default: $ARTICLE_EDITOR_LIBRARY, else the "
    "library in your user data folder)"
)


def add_library_commands(commands: Subparsers) -> None:
    """Register ``library`` and ``stylebook`` on the ``article-editor`` parser."""
    from editor_app.stylebook_cli import add_stylebook_command

    library = commands.add_parser(
        "library",
        parents=[location_option(top_level=True)],
        help="keep articles in a searchable library with revisions",
        description=(
            "Add, find, read, revise and export the articles of a library: a SQLite file "
            "(one person or a shared folder) or a PostgreSQL database (a newsroom)."
        ),
    )
    actions = library.add_subparsers(title="actions", metavar="ACTION", required=True)
    _add_adding_action(actions)
    _add_reading_actions(actions)
    _add_revision_actions(actions)
    _add_changing_actions(actions)
    _add_upkeep_actions(actions)
    add_stylebook_command(commands)


def location_option(*, top_level: bool) -> argparse.ArgumentParser:
    """``--library``, accepted before and after the action. After the action its default
    is "not given", so it never erases a value given before it."""
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument(
        "--library",
        metavar="PATH_OR_URL",
        default=None if top_level else argparse.SUPPRESS,
        help=LOCATION_HELP,
    )
    return parent


def add_check_option(checker: argparse.ArgumentParser) -> None:
    """``article-editor check --library``: the library's style book joins the starter book."""
    checker.add_argument(
        "--library",
        metavar="PATH_OR_URL",
        help="also use the style book kept in this library (see 'article-editor stylebook')",
    )


def _action(
    actions: Subparsers, name: str, summary: str, description: str = ""
) -> argparse.ArgumentParser:
    return actions.add_parser(
        name,
        parents=[location_option(top_level=False)],
        help=summary,
        description=description or summary[0].upper() + summary[1:] + ".",
    )


def _add_adding_action(actions: Subparsers) -> None:
    adder = _action(
        actions,
        "add",
        "import files into the library",
        "Import each FILE (any format the editor opens) as a new article. A file that "
        "cannot be read is reported and skipped; the others are still added.",
    )
    adder.add_argument("files", nargs="+", type=Path, metavar="FILE")
    adder.add_argument("--author", default="", help="who is adding them (kept in the history)")
    adder.set_defaults(run=run_add)


def _add_changing_actions(actions: Subparsers) -> None:
    exporter = _action(actions, "export", "write an article to a file")
    exporter.add_argument("id", metavar="ID")
    exporter.add_argument("-o", "--output", type=Path, required=True, metavar="OUT")
    exporter.add_argument(
        "-f",
        "--format",
        choices=format_names(),
        metavar="FMT",
        help=f"output format: {', '.join(format_names())} (default: from OUT's extension)",
    )
    exporter.set_defaults(run=run_export)

    status = _action(actions, "status", "set an article's status")
    status.add_argument("id", metavar="ID")
    status.add_argument("status", metavar="STATUS", help=_STATUS_HELP)
    status.set_defaults(run=run_status)

    for name, summary, handler in (
        ("delete", "move an article to the trash", run_delete),
        ("undelete", "take an article out of the trash", run_undelete),
    ):
        action = _action(actions, name, summary)
        action.add_argument("id", metavar="ID")
        action.set_defaults(run=handler)
    _action(actions, "empty-trash", "delete the articles in the trash for good").set_defaults(
        run=run_empty_trash
    )


_STATUS_HELP = f"one of {STATUS_NAMES}"


def _add_filters(parser: argparse.ArgumentParser, trash_help: str) -> None:
    parser.add_argument("--status", metavar="STATUS", help=_STATUS_HELP)
    parser.add_argument("--section", metavar="SECTION", help="only this section")
    parser.add_argument("--tag", metavar="TAG", help="only articles with this tag")
    parser.add_argument(
        "--from", dest="updated_from", type=date.fromisoformat, metavar="YYYY-MM-DD",
        help="only articles updated on or after this day",
    )  # fmt: skip
    parser.add_argument(
        "--to", dest="updated_to", type=date.fromisoformat, metavar="YYYY-MM-DD",
        help="only articles updated on or before this day",
    )  # fmt: skip
    parser.add_argument("--trash", action="store_true", help=trash_help)
    parser.add_argument("--limit", type=int, metavar="N", help="at most N articles")


def _add_reading_actions(actions: Subparsers) -> None:
    lister = _action(actions, "list", "list articles, newest first")
    _add_filters(lister, "list the articles in the trash instead")
    lister.set_defaults(run=run_list)

    searcher = _action(
        actions,
        "search",
        "find articles by their words",
        "Find the articles containing every word of QUERY, best match first. "
        '"tram line" finds the words side by side, minist* any word starting so, '
        "Leeds OR Bristol either word, -football leaves out articles with the word, "
        "headline:budget looks in one field (headline, standfirst, body, byline, tags).",
    )
    searcher.add_argument("query", metavar="QUERY")
    _add_filters(searcher, "search the articles in the trash too")
    searcher.set_defaults(run=run_search, limit=20)

    shower = _action(actions, "show", "print an article's metadata and structure")
    shower.add_argument("id", metavar="ID")
    shower.add_argument(
        "--json", action="store_true", help="print the article as canonical .article.json"
    )
    shower.set_defaults(run=run_show)


def _add_revision_actions(actions: Subparsers) -> None:
    history = _action(actions, "history", "list an article's earlier versions, newest first")
    history.add_argument("id", metavar="ID")
    history.set_defaults(run=run_history)

    restorer = _action(
        actions,
        "restore",
        "bring back an earlier version",
        "Make REVISION the current text; the current text is kept as a revision first.",
    )
    restorer.add_argument("id", metavar="ID")
    restorer.add_argument("revision", metavar="REVISION")
    restorer.add_argument("--author", default="", help="who is restoring it")
    restorer.set_defaults(run=run_restore)

    differ = _action(
        actions,
        "diff",
        "compare two versions of an article",
        "Print the changes from revision OLD to revision NEW (default: the current text).",
    )
    differ.add_argument("id", metavar="ID")
    differ.add_argument("old", metavar="OLD")
    differ.add_argument("new", nargs="?", metavar="NEW")
    differ.set_defaults(run=run_diff)


def _add_upkeep_actions(actions: Subparsers) -> None:
    checker = _action(
        actions,
        "check",
        "check the library's database for damage",
        "Print 'library OK', or each problem found (exit status 1).",
    )
    checker.set_defaults(run=run_check)
    backer = _action(
        actions,
        "backup",
        "copy a SQLite library to a new file",
        "Copy the library to DEST, safely even while the editor has it open.",
    )
    backer.add_argument("destination", type=Path, metavar="DEST")
    backer.set_defaults(run=run_backup)
