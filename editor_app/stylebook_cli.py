"""The ``article-editor stylebook`` command: the newsroom style book kept in the library.

Files go in and out as the CSV or TOML the checks read (``load_stylebook``), so a
book exported here can be passed back to ``article-editor check --stylebook``.
"""

from __future__ import annotations

import argparse
from pathlib import Path

from editor_app.checks.stylebook import (
    EntryKind,
    StyleBookEntry,
    StyleBookError,
    load_stylebook,
)
from editor_app.checks.stylebook_files import (
    entry_from,
    stylebook_csv,
    stylebook_toml,
    surnames_lost,
)
from editor_app.export import write_atomically
from editor_app.library_actions import EXIT_OK, opened, warn
from editor_app.library_cli import Subparsers, location_option

SURNAMES_SHOWN = 5


def add_stylebook_command(commands: Subparsers) -> None:
    stylebook = commands.add_parser(
        "stylebook",
        parents=[location_option(top_level=True)],
        help="keep the newsroom's style book in the library",
        description=(
            "The library's style book: the canonical spelling of names and terms that "
            "'article-editor check --library' uses on top of the starter book."
        ),
    )
    actions = stylebook.add_subparsers(title="actions", metavar="ACTION", required=True)

    def action(name: str, summary: str) -> argparse.ArgumentParser:
        return actions.add_parser(
            name, parents=[location_option(top_level=False)], help=summary, description=summary
        )

    importer = action("import", "add the entries of a CSV or TOML style book file")
    importer.add_argument("file", type=Path, metavar="FILE")
    importer.set_defaults(run=run_import)

    exporter = action("export", "write the library's style book to a .csv or .toml file")
    exporter.add_argument("file", type=Path, metavar="FILE")
    exporter.set_defaults(run=run_export)

    action("list", "print one entry per line").set_defaults(run=run_list)

    adder = action("add", "add an entry, or replace the one with the same NAME")
    adder.add_argument("name", metavar="NAME", help="the canonical spelling")
    adder.add_argument(
        "--kind",
        choices=[kind.value for kind in EntryKind],
        default=EntryKind.PERSON.value,
        help="what NAME is (default: person)",
    )
    adder.add_argument("--variant", action="append", default=[], help="another accepted form")
    adder.add_argument("--wrong", action="append", default=[], help="a spelling to flag")
    adder.add_argument(
        "--nickname", action="append", default=[], help="an accepted short given name"
    )
    adder.add_argument("--note", default="", help="who or what it is")
    adder.add_argument("--source", default="", help="where the spelling comes from")
    adder.set_defaults(run=run_add)


def run_import(options: argparse.Namespace) -> int:
    book = load_stylebook(options.file)  # a bad file fails before the library is touched
    with opened(options.library, create=True) as library:
        count = library.import_stylebook(book.entries)
    print(f"imported {count} entr{'y' if count == 1 else 'ies'} from {options.file}")
    lost = surnames_lost(book)
    if lost:
        shown = ", ".join(lost[:SURNAMES_SHOWN]) + (", …" if len(lost) > SURNAMES_SHOWN else "")
        warn(
            f"the library keeps no surname column: {len(lost)} "
            f"{'person is' if len(lost) == 1 else 'people are'} named alone by a guessed "
            f"surname instead of the file's ({shown})"
        )
    return EXIT_OK


def run_export(options: argparse.Namespace) -> int:
    path: Path = options.file
    writer = {".csv": stylebook_csv, ".toml": stylebook_toml}.get(path.suffix.lower())
    if writer is None:
        raise StyleBookError(f"{path.name}: a style book must be a .csv or .toml file.")
    with opened(options.library, create=False) as library:
        entries = library.stylebook_entries()
    write_atomically(path, writer(entries).encode("utf-8"))
    print(f"exported {len(entries)} entr{'y' if len(entries) == 1 else 'ies'} to {path}")
    return EXIT_OK


def run_list(options: argparse.Namespace) -> int:
    with opened(options.library, create=False) as library:
        entries = library.stylebook_entries()
    for entry in entries:
        print(entry_line(entry))
    return EXIT_OK


def entry_line(entry: StyleBookEntry) -> str:
    parts = [f"{entry.canonical}  ({entry.kind.value})"]
    for label, values in (
        ("variants", entry.variants),
        ("nicknames", entry.nicknames),
        ("wrong", entry.wrong),
    ):
        if values:
            parts.append(f"{label}: {', '.join(values)}")
    if entry.note:
        parts.append(" ".join(entry.note.split()))
    return "  ".join(parts)


def run_add(options: argparse.Namespace) -> int:
    entry = entry_from(
        options.name,
        EntryKind(options.kind),
        variants=options.variant,
        nicknames=options.nickname,
        wrong=options.wrong,
        note=options.note,
        source=options.source,
    )
    with opened(options.library, create=True) as library:
        library.add_stylebook_entry(entry)
    print(f"added {entry_line(entry)}")
    return EXIT_OK
