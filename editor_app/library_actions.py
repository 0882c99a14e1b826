"""What each ``article-editor library`` action does, once ``library_cli`` has parsed it.

Every action opens the library, does one thing and closes it; SQLAlchemy is imported
only here, inside the actions, so the other commands start fast. A problem (a file that
is not a library, an unknown id, a bad status) ends as one ``ArticleEditorError`` that
``cli.main`` prints as one line with exit status 2, raised before anything in the
library was changed.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from editor_app.cli import PROG, describe
from editor_app.errors import ArticleEditorError
from editor_app.export import export_article, format_for_path
from editor_app.importers import ImportResult, import_article
from editor_app.model import Status, jsonformat

if TYPE_CHECKING:
    from editor_app.checks.stylebook import StyleBookEntry
    from editor_app.library import ArticleSummary, Library, SearchFilters

EXIT_OK = 0
EXIT_PROBLEMS = 1
EXIT_USAGE = 2
STATUS_NAMES = ", ".join(status.value for status in Status)


class UsageProblem(ArticleEditorError):
    """A value on the command line the library cannot take (an id that is not a number...)."""


def library_stylebook(location: str | None) -> tuple[StyleBookEntry, ...]:
    """The style book entries of the library at ``location``; none when it is ``None``."""
    if location is None:
        return ()
    with opened(location, create=False) as library:
        return tuple(library.stylebook_entries())


# -- helpers ---------------------------------------------------------------------------


@contextmanager
def opened(location: str | None, *, create: bool) -> Iterator[Library]:
    """The library at ``location`` (``None``: the default one), closed afterwards."""
    from editor_app.library import open_library

    with open_library(location, create=create) as library:
        yield library


def _is_number(text: str) -> bool:
    return text.isascii() and text.isdigit()


def article_id(text: str) -> int:
    if not _is_number(text):
        raise UsageProblem(f"'{text}' is not an article id: ids are whole numbers such as 12")
    return int(text)


def revision_number(text: str) -> int:
    if not _is_number(text):
        raise UsageProblem(
            f"'{text}' is not a revision number: 'article-editor library history ID' lists them"
        )
    return int(text)


def status_named(text: str) -> Status:
    try:
        return Status(text.strip().lower())
    except ValueError:
        raise UsageProblem(f"unknown status '{text}': use one of {STATUS_NAMES}") from None


def when(moment: datetime) -> str:
    """A time the reader's way: local time to the minute."""
    local = moment.astimezone() if moment.tzinfo is not None else moment
    return local.strftime("%Y-%m-%d %H:%M")


def headline_of(text: str) -> str:
    return " ".join(text.split()) or "(no headline)"


def filters_from(options: argparse.Namespace) -> SearchFilters:
    from editor_app.library import SearchFilters

    return SearchFilters(
        status=status_named(options.status) if options.status else None,
        section=options.section,
        tag=options.tag,
        updated_from=options.updated_from,
        updated_to=options.updated_to,
        include_deleted=options.trash,
    )


def warn(message: str) -> None:
    print(f"{PROG}: warning: {' '.join(message.split())}", file=sys.stderr)


def error_line(message: str) -> None:
    print(f"{PROG}: error: {' '.join(message.split())}", file=sys.stderr)


# -- the actions -----------------------------------------------------------------------


def run_add(options: argparse.Namespace) -> int:
    # Read every file first: a library is not opened (nor created) for files that all fail.
    status = EXIT_OK
    imported: list[tuple[Path, ImportResult]] = []
    for path in options.files:
        try:
            imported.append((path, import_article(path)))
        except (ArticleEditorError, OSError) as error:
            error_line(_file_problem(path, error))
            status = EXIT_USAGE
    if not imported:
        return status
    with opened(options.library, create=True) as library:
        for path, result in imported:
            stored = library.add_article(
                result.article, author=options.author, note=f"imported from {path.name}"
            )
            print(f"added {stored.id}  {headline_of(stored.article.meta.headline)}")
            for line in result.report.lines():
                print(f"{path}: {line}", file=sys.stderr)
    return status


def _file_problem(path: Path, error: Exception) -> str:
    if isinstance(error, OSError):
        return f"{path}: {error.strerror or error}"
    message = str(error)
    return message if path.name in message else f"{path}: {message}"


def run_list(options: argparse.Namespace) -> int:
    filters = filters_from(options)
    with opened(options.library, create=False) as library:
        found = library.list_articles(filters, limit=None if options.trash else options.limit)
        if options.trash:
            found = _only_trash(library, found, filters)[: options.limit]
    print_summaries(found)
    return EXIT_OK


def _only_trash(
    library: Library, found: Sequence[ArticleSummary], filters: SearchFilters
) -> list[ArticleSummary]:
    live = {
        summary.id for summary in library.list_articles(replace(filters, include_deleted=False))
    }
    return [summary for summary in found if summary.id not in live]


def print_summaries(found: Sequence[ArticleSummary]) -> None:
    width = max((len(str(summary.id)) for summary in found), default=1)
    for summary in found:
        print(f"{summary.id:>{width}}  {summary.status.value:<9}  {headline_of(summary.headline)}")


def run_search(options: argparse.Namespace) -> int:
    with opened(options.library, create=False) as library:
        hits = library.search(options.query, filters_from(options), limit=options.limit)
    width = max((len(str(hit.article_id)) for hit in hits), default=1)
    for hit in hits:
        print(f"{hit.article_id:>{width}}  {hit.status.value:<9}  {headline_of(hit.headline)}")
        snippet = " ".join(hit.snippet.split())
        if snippet:
            print(f"{'':>{width}}  {snippet}")
    return EXIT_OK


def run_show(options: argparse.Namespace) -> int:
    with opened(options.library, create=False) as library:
        stored = library.get(article_id(options.id))
    if options.json:
        sys.stdout.write(jsonformat.dumps(stored.article))
        return EXIT_OK
    fields = {
        "id": str(stored.id),
        "slug": stored.slug,
        "version": str(stored.version),
        "created": when(stored.created),
        "updated": when(stored.updated),
    }
    if stored.deleted:
        fields["trash"] = "in the trash ('article-editor library undelete' takes it out)"
    for name, value in fields.items():
        print(f"{name + ':':<12}{value}")
    for line in describe(ImportResult(stored.article)):
        print(line)
    return EXIT_OK


def run_history(options: argparse.Namespace) -> int:
    with opened(options.library, create=False) as library:
        identifier = article_id(options.id)
        library.get(identifier)  # an unknown id is an error, not an empty history
        revisions = library.history(identifier)
    if not revisions:
        print(f"article {identifier} has no earlier revisions (it was never saved over)")
        return EXIT_OK
    number_width = max((len(str(item.number)) for item in revisions), default=1)
    author_width = max((len(item.author or "-") for item in revisions), default=1)
    words_width = max((len(f"{item.word_count:,}") for item in revisions), default=1)
    for item in revisions:
        print(
            f"{item.number:>{number_width}}  {when(item.saved_at)}  "
            f"{item.author or '-':<{author_width}}  {item.word_count:>{words_width},} words  "
            f"{' '.join(item.note.split())}".rstrip()
        )
    return EXIT_OK


def run_restore(options: argparse.Namespace) -> int:
    identifier, number = article_id(options.id), revision_number(options.revision)
    with opened(options.library, create=False) as library:
        stored = library.restore(identifier, number, author=options.author)
    print(f"restored {stored.id} to revision {number}: now version {stored.version}")
    return EXIT_OK


def run_diff(options: argparse.Namespace) -> int:
    identifier, old = article_id(options.id), revision_number(options.old)
    new = None if options.new is None else revision_number(options.new)
    with opened(options.library, create=False) as library:
        lines = library.diff(identifier, old, new)
    for line in lines:
        print(line.rstrip("\n"))
    return EXIT_OK


def run_export(options: argparse.Namespace) -> int:
    identifier = article_id(options.id)
    format_name = options.format or format_for_path(options.output)
    with opened(options.library, create=False) as library:
        stored = library.get(identifier)
        export_article(stored.article, options.output, format_name)
        library.record_export(identifier, format_name, str(options.output.resolve()))
    return EXIT_OK


def run_status(options: argparse.Namespace) -> int:
    identifier, status = article_id(options.id), status_named(options.status)
    with opened(options.library, create=False) as library:
        stored = library.set_status(identifier, status)
    print(f"{stored.id}  {status.value:<9}  {headline_of(stored.article.meta.headline)}")
    return EXIT_OK


def run_delete(options: argparse.Namespace) -> int:
    identifier = article_id(options.id)
    with opened(options.library, create=False) as library:
        headline = library.get(identifier).article.meta.headline
        library.delete(identifier)
    print(f"moved {identifier} to the trash: {headline_of(headline)}")
    return EXIT_OK


def run_undelete(options: argparse.Namespace) -> int:
    identifier = article_id(options.id)
    with opened(options.library, create=False) as library:
        library.undelete(identifier)
        headline = library.get(identifier).article.meta.headline
    print(f"took {identifier} out of the trash: {headline_of(headline)}")
    return EXIT_OK


def run_empty_trash(options: argparse.Namespace) -> int:
    with opened(options.library, create=False) as library:
        count = library.empty_trash()
    print(f"deleted {count} article{'' if count == 1 else 's'} for good")
    return EXIT_OK


def run_check(options: argparse.Namespace) -> int:
    with opened(options.library, create=False) as library:
        problems = library.integrity_check()
        url = library.url
    if not problems:
        print(f"library OK: {url}")
        return EXIT_OK
    for problem in problems:
        print(" ".join(problem.split()))
    return EXIT_PROBLEMS


def run_backup(options: argparse.Namespace) -> int:
    destination: Path = options.destination
    if destination.exists():
        raise UsageProblem(f"{destination} already exists: name a new file for the backup")
    with opened(options.library, create=False) as library:
        library.backup(destination)
        url = library.url
    print(f"backed up {url} to {destination}")
    return EXIT_OK
