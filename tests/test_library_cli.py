"""``article-editor library`` and ``article-editor stylebook`` on a SQLite library in tmp_path:
each action's output, and one error line (exit 2, library untouched) for bad input."""

from __future__ import annotations

import hashlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from sqlalchemy import create_engine, make_url

from editor_app import cli
from editor_app.checks.stylebook import EntryKind, StyleBookEntry, StyleBookError, load_stylebook
from editor_app.export import render
from editor_app.library import open_library
from editor_app.library_actions import when
from editor_app.model import Article, Heading, Metadata, Paragraph, RichText, Status, jsonformat
from editor_app.stylebook_cli import entry_from, stylebook_csv, stylebook_toml

SCRIPT = Path(sys.executable).with_name("article-editor")
ERROR_PREFIX = "article-editor: error: "
DATA = Path(__file__).parent / "data"

TRAMS = Article(
    Metadata(
        headline="Harbourside trams to run every six minutes",
        standfirst="The operator adds four trams after a summer of crowded platforms.",
        byline="Ola Brekke",
        section="Transport",
        tags=("trams", "city"),
        status=Status.DRAFT,
    ),
    (
        Paragraph(RichText.plain_text("Four new trams join the harbour line in October.")),
        Heading(RichText.plain_text("Crowded platforms"), level=2),
        Paragraph(RichText.plain_text("Passengers waited up to twenty minutes in August.")),
    ),
)
LIBRARY_VOTE = Article(
    Metadata(
        headline="Council votes to keep the night library open",
        section="Culture",
        tags=("libraries",),
        status=Status.PUBLISHED,
    ),
    (Paragraph(RichText.plain_text("The reading room stays open until midnight.")),),
)

Run = Callable[..., tuple[int, str, str]]


@pytest.fixture
def library_path(tmp_path: Path) -> Path:
    return tmp_path / "lib.sqlite3"


@pytest.fixture
def run(library_path: Path, capsys: pytest.CaptureFixture[str]) -> Run:
    """``run("library", "list")`` runs ``article-editor library --library LIB list``."""

    def run_command(command: str, *args: str) -> tuple[int, str, str]:
        status = cli.main([command, "--library", str(library_path), *args])
        out, err = capsys.readouterr()
        return status, out, err

    return run_command


def write_article(folder: Path, name: str, article: Article) -> Path:
    path = folder / name
    path.write_text(jsonformat.dumps(article), encoding="utf-8")
    return path


@pytest.fixture
def article_files(tmp_path: Path) -> list[Path]:
    trams = write_article(tmp_path, "trams.article.json", TRAMS)
    vote = tmp_path / "vote.md"
    vote.write_bytes(render(LIBRARY_VOTE, "md"))
    return [trams, vote]


@pytest.fixture
def filled(run: Run, article_files: list[Path]) -> Path:
    """A library holding TRAMS (id 1) then LIBRARY_VOTE (id 2)."""
    status, _, err = run("library", "add", *map(str, article_files))
    assert status == 0, err
    return article_files[0]


def fingerprint(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def save_edit(library_path: Path, article_id: int, text: str) -> None:
    """A new version through the library API (the CLI has no editor)."""
    with open_library(library_path, create=False) as library:
        stored = library.get(article_id)
        edited = stored.article.with_body((Paragraph(RichText.plain_text(text)),))
        library.save(article_id, edited, expected_version=stored.version, author="Ola Brekke")


# -- library: adding and reading -----------------------------------------------------------


def test_add_prints_the_id_and_headline_of_each_file(run: Run, article_files: list[Path]) -> None:
    status, out, _ = run("library", "add", *map(str, article_files))
    assert status == 0
    assert out.splitlines() == [
        "added 1  Harbourside trams to run every six minutes",
        "added 2  Council votes to keep the night library open",
    ]


def test_add_prints_what_the_import_removed_on_stderr(run: Run) -> None:
    source = DATA / "text_scraped_shape.txt"
    status, _, err = run("library", "add", str(source))
    assert status == 0
    assert f"{source}: removed: Share this article" in err.splitlines()


def test_add_skips_a_bad_file_adds_the_others_and_exits_2(
    run: Run, article_files: list[Path], tmp_path: Path
) -> None:
    empty = tmp_path / "empty.md"
    empty.write_bytes(b"")
    status, out, err = run("library", "add", str(empty), *map(str, article_files))
    assert status == 2
    assert [line.split("  ")[0] for line in out.splitlines()] == ["added 1", "added 2"]
    [line] = err.splitlines()
    assert line.startswith(ERROR_PREFIX)
    assert "empty.md" in line


def test_add_of_only_bad_files_creates_no_library(
    run: Run, library_path: Path, tmp_path: Path
) -> None:
    status, _, _ = run("library", "add", str(tmp_path / "missing.md"))
    assert status == 2
    assert not library_path.exists()


def test_list_prints_id_status_and_headline_newest_first(run: Run, filled: Path) -> None:
    status, out, _ = run("library", "list")
    assert status == 0
    assert out.splitlines() == [
        "2  published  Council votes to keep the night library open",
        "1  draft      Harbourside trams to run every six minutes",
    ]


@pytest.mark.parametrize(
    ("option", "value", "expected_ids"),
    [
        ("--status", "draft", ["1"]),
        ("--status", "PUBLISHED", ["2"]),
        ("--section", "culture", ["2"]),
        ("--tag", "trams", ["1"]),
        ("--limit", "1", ["2"]),
    ],
)
def test_list_filters(
    run: Run, filled: Path, option: str, value: str, expected_ids: list[str]
) -> None:
    status, out, _ = run("library", "list", option, value)
    assert status == 0
    assert [line.split()[0] for line in out.splitlines()] == expected_ids


def test_search_prints_each_hit_with_its_snippet_indented_below(run: Run, filled: Path) -> None:
    status, out, _ = run("library", "search", "platforms")
    assert status == 0
    headline, snippet = out.splitlines()
    assert headline == "1  draft      Harbourside trams to run every six minutes"
    assert snippet.startswith("   ")
    assert "«platforms»" in snippet.lower()


@pytest.mark.parametrize(
    ("args", "expected_ids"),
    [
        (["trams OR library"], {"1", "2"}),
        (["trams OR library", "--status", "published"], {"2"}),
        (["trams OR library", "--section", "Transport"], {"1"}),
        (["trams OR library", "--tag", "libraries"], {"2"}),
        (["zeppelin"], set()),
    ],
)
def test_search_filters(run: Run, filled: Path, args: list[str], expected_ids: set[str]) -> None:
    status, out, _ = run("library", "search", *args)
    assert status == 0
    assert {line.split()[0] for line in out.splitlines() if not line.startswith(" ")} == (
        expected_ids
    )


def test_search_limit_keeps_the_best_hits(run: Run, filled: Path) -> None:
    status, out, _ = run("library", "search", "trams OR library", "--limit", "1")
    assert status == 0
    assert len([line for line in out.splitlines() if not line.startswith(" ")]) == 1


def test_show_prints_the_library_fields_then_the_structure(run: Run, filled: Path) -> None:
    status, out, _ = run("library", "show", "1")
    assert status == 0
    lines = out.splitlines()
    assert lines[0] == "id:         1"
    assert lines[1].startswith("slug:       harbourside-trams")
    assert lines[2] == "version:    1"
    assert "headline:   Harbourside trams to run every six minutes" in lines
    assert f"body:       3 blocks, {TRAMS.word_count()} words" in lines
    assert lines[-2:] == [
        "  2  heading h2  Crowded platforms",
        "  3  paragraph   Passengers waited up to twenty minutes in August.",
    ]


def test_show_json_prints_the_stored_article(run: Run, filled: Path) -> None:
    status, out, _ = run("library", "show", "1", "--json")
    assert status == 0
    assert jsonformat.loads(out).body == TRAMS.body


@pytest.mark.parametrize(("name", "format_name"), [("out.md", "md"), ("out.txt", "txt")])
def test_export_writes_the_article_in_the_format_of_the_extension(
    run: Run, filled: Path, tmp_path: Path, name: str, format_name: str
) -> None:
    output = tmp_path / name
    status, _, _ = run("library", "export", "1", "-o", str(output))
    assert status == 0
    with open_library(tmp_path / "lib.sqlite3", create=False) as library:
        expected = render(library.get(1).article, format_name)
    assert output.read_bytes() == expected


def test_export_format_option_overrides_the_extension(
    run: Run, filled: Path, tmp_path: Path
) -> None:
    output = tmp_path / "story.out"
    status, _, _ = run("library", "export", "2", "-o", str(output), "--format", "article")
    assert status == 0
    assert jsonformat.loads(output.read_text(encoding="utf-8")).meta.headline == (
        LIBRARY_VOTE.meta.headline
    )


# -- library: revisions ------------------------------------------------------------------


def test_history_lists_number_time_author_words_and_note(
    run: Run, filled: Path, library_path: Path
) -> None:
    save_edit(library_path, 1, "Five new trams join the line.")
    save_edit(library_path, 1, "Six new trams join the line at last.")
    status, out, _ = run("library", "history", "1")
    assert status == 0
    with open_library(library_path, create=False) as library:
        newest, oldest = library.history(1)
    assert out.splitlines() == [
        f"2  {when(newest.saved_at)}  Ola Brekke   6 words  {newest.note}".rstrip(),
        f"1  {when(oldest.saved_at)}  -           {TRAMS.word_count()} words  "
        f"{oldest.note}".rstrip(),
    ]


def test_history_of_a_never_edited_article_says_so(run: Run, filled: Path) -> None:
    assert run("library", "history", "1")[:2] == (
        0,
        "article 1 has no earlier revisions (it was never saved over)\n",
    )


def test_history_of_an_unknown_article_is_an_error(run: Run, filled: Path) -> None:
    status, out, err = run("library", "history", "99")
    assert (status, out) == (2, "")
    assert err.startswith("article-editor: error: ")


def test_restore_brings_back_the_revision_text(run: Run, filled: Path, library_path: Path) -> None:
    save_edit(library_path, 1, "A rewrite nobody liked.")
    status, out, _ = run("library", "restore", "1", "1", "--author", "Desk")
    assert status == 0
    assert out.strip() == "restored 1 to revision 1: now version 3"
    with open_library(library_path, create=False) as library:
        assert library.get(1).article.body == TRAMS.body


def test_diff_prints_the_unified_diff_from_a_revision_to_the_current_text(
    run: Run, filled: Path, library_path: Path
) -> None:
    save_edit(library_path, 1, "A shorter text.")
    status, out, _ = run("library", "diff", "1", "1")
    assert status == 0
    lines = out.splitlines()
    assert "+A shorter text." in lines
    assert "-Four new trams join the harbour line in October." in lines


# -- library: status, trash, upkeep ------------------------------------------------------


def test_status_sets_the_status_and_prints_the_article(
    run: Run, filled: Path, library_path: Path
) -> None:
    status, out, _ = run("library", "status", "1", "ready")
    assert status == 0
    assert out.strip() == "1  ready      Harbourside trams to run every six minutes"
    with open_library(library_path, create=False) as library:
        assert library.get(1).article.meta.status is Status.READY


def test_deleted_article_leaves_the_list_for_the_trash(run: Run, filled: Path) -> None:
    status, out, _ = run("library", "delete", "1")
    assert (status, out.strip()) == (
        0,
        "moved 1 to the trash: Harbourside trams to run every six minutes",
    )
    assert [line.split()[0] for line in run("library", "list")[1].splitlines()] == ["2"]
    assert [line.split()[0] for line in run("library", "list", "--trash")[1].splitlines()] == ["1"]


def test_undelete_takes_an_article_out_of_the_trash(run: Run, filled: Path) -> None:
    run("library", "delete", "1")
    status, _, _ = run("library", "undelete", "1")
    assert status == 0
    assert run("library", "list", "--trash")[1] == ""


def test_empty_trash_deletes_for_good(run: Run, filled: Path) -> None:
    run("library", "delete", "2")
    status, out, _ = run("library", "empty-trash")
    assert (status, out.strip()) == (0, "deleted 1 article for good")
    assert run("library", "show", "2")[0] == 2


def test_check_says_the_library_is_ok(run: Run, filled: Path) -> None:
    status, out, _ = run("library", "check")
    assert status == 0
    assert out.startswith("library OK")


def test_check_prints_each_problem_and_exits_1(run: Run, filled: Path, library_path: Path) -> None:
    with sqlite3.connect(library_path) as connection:
        connection.execute("UPDATE articles SET body_json = '{' WHERE id = 2")
    connection.close()
    status, out, _ = run("library", "check")
    assert status == 1
    [problem] = out.splitlines()
    assert "article 2" in problem


def test_backup_is_a_library_with_the_same_articles(run: Run, filled: Path, tmp_path: Path) -> None:
    destination = tmp_path / "copy.sqlite3"
    status, _, _ = run("library", "backup", str(destination))
    assert status == 0
    with open_library(destination, create=False) as copy:
        assert [item.headline for item in copy.list_articles()] == [
            LIBRARY_VOTE.meta.headline,
            TRAMS.meta.headline,
        ]


def test_library_option_is_accepted_after_the_action(
    filled: Path, library_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert cli.main(["library", "list", "--library", str(library_path)]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2


def test_library_location_comes_from_the_environment(
    filled: Path,
    library_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.setenv("ARTICLE_EDITOR_LIBRARY", str(library_path))
    assert cli.main(["library", "list"]) == 0
    assert len(capsys.readouterr().out.splitlines()) == 2


# -- bad input: one line, exit 2, the library untouched ----------------------------------


def make_schema_too_new(path: Path) -> None:
    with sqlite3.connect(path) as connection:
        connection.execute("UPDATE alembic_version SET version_num = 'f0f0f0f0f0f0'")
    connection.close()


def truncate(path: Path) -> None:
    data = path.read_bytes()
    path.write_bytes(data[: len(data) // 2])


def overwrite_header(path: Path) -> None:
    data = bytearray(path.read_bytes())
    data[16:100] = bytes(range(84))
    path.write_bytes(bytes(data))


@pytest.mark.parametrize(
    ("damage", "args"),
    [
        (None, ["library", "show", "99"]),
        (None, ["library", "show", "one"]),
        (None, ["library", "show", "²"]),
        (None, ["library", "restore", "1", "-1"]),
        (None, ["library", "status", "1", "printed"]),
        (None, ["library", "list", "--status", "finished"]),
        (None, ["library", "restore", "1", "7"]),
        (None, ["library", "diff", "1", "3"]),
        (None, ["library", "export", "99", "-o", "{tmp}/out.md"]),
        (None, ["library", "export", "1", "-o", "{tmp}/out.pdf"]),
        (None, ["library", "search", '"unclosed']),
        (None, ["library", "backup", "{tmp}/trams.article.json"]),
        (None, ["stylebook", "import", "{tmp}/trams.article.json"]),
        (None, ["stylebook", "add", "Vestland", "--wrong", "Vestland"]),
        (None, ["stylebook", "export", "{tmp}/book.xlsx"]),
        (make_schema_too_new, ["library", "list"]),
        (truncate, ["library", "list"]),
        (overwrite_header, ["library", "list"]),
    ],
)
def test_bad_input_is_one_error_line_and_leaves_the_library_untouched(
    run: Run,
    filled: Path,
    library_path: Path,
    tmp_path: Path,
    damage: Callable[[Path], None] | None,
    args: list[str],
) -> None:
    if damage is not None:
        damage(library_path)
    before = fingerprint(library_path)
    command, *rest = (arg.replace("{tmp}", str(tmp_path)) for arg in args)
    status, out, err = run(command, *rest)
    assert status == 2
    [line] = err.splitlines()
    assert line.startswith(ERROR_PREFIX)
    assert out == ""
    assert fingerprint(library_path) == before


def test_a_file_that_is_not_a_library_is_refused_and_kept(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("Remember to call the tram operator back.\n", encoding="utf-8")
    status = cli.main(["library", "--library", str(notes), "list"])
    [line] = capsys.readouterr().err.splitlines()
    assert (status, line.startswith(ERROR_PREFIX)) == (2, True)
    assert notes.read_text(encoding="utf-8") == "Remember to call the tram operator back.\n"


def test_a_missing_library_is_not_created_by_reading_it(run: Run, library_path: Path) -> None:
    status, _, err = run("library", "list")
    assert status == 2
    assert err.startswith(ERROR_PREFIX)
    assert not library_path.exists()


def test_unreachable_postgresql_is_one_line_without_the_password(
    capsys: pytest.CaptureFixture[str],
) -> None:
    url = "postgresql+psycopg://editor:s3cret-word@127.0.0.1:9/newsroom"
    status = cli.main(["library", "--library", url, "list"])
    [line] = capsys.readouterr().err.splitlines()
    assert status == 2
    assert line.startswith(ERROR_PREFIX)
    assert "s3cret-word" not in line


# -- stylebook -----------------------------------------------------------------------------


def test_stylebook_import_then_list_one_entry_per_line(run: Run) -> None:
    status, out, _ = run("stylebook", "import", str(DATA / "stylebook_newsroom.csv"))
    assert (status, out.strip()) == (
        0,
        f"imported 3 entries from {DATA / 'stylebook_newsroom.csv'}",
    )
    status, out, _ = run("stylebook", "list")
    assert status == 0
    assert sorted(out.splitlines()) == [
        "Harbourside Tramway  (organisation)  variants: the Tramway  wrong: Harborside "
        "Tramway  Operator of the city tram network",
        "Ingrid Lindqvist  (person)  nicknames: Inga  wrong: Ingrid Lindquist, Ingrid "
        "Lindkvist  Transport minister of the fictional Vestland region",
        "Vestland  (place)  wrong: Westland  A fictional region for the tests",
    ]


@pytest.mark.parametrize(
    ("surname", "warned"),
    [("Xi", True), ("-", True), ("", False), ("Jinping", False)],
)
def test_stylebook_import_warns_when_a_file_surname_cannot_be_kept(
    run: Run, tmp_path: Path, surname: str, warned: bool
) -> None:
    book = tmp_path / "book.csv"
    book.write_text(
        f"canonical,kind,surname\nXi Jinping,person,{surname}\nVestland,place,\n",
        encoding="utf-8",
    )
    status, _, err = run("stylebook", "import", str(book))
    assert status == 0
    assert err.startswith("article-editor: warning: ") is warned
    assert ("Xi Jinping" in err) is warned


def test_stylebook_add_replaces_an_entry_with_the_same_name(run: Run, library_path: Path) -> None:
    run("stylebook", "import", str(DATA / "stylebook_newsroom.csv"))
    status, _, _ = run("stylebook", "add", "Vestland", "--kind", "place", "--variant", "Vestlandet")
    assert status == 0
    with open_library(library_path, create=False) as library:
        [entry] = [e for e in library.stylebook_entries() if e.canonical == "Vestland"]
    assert entry == StyleBookEntry("Vestland", EntryKind.PLACE, variants=("Vestlandet",))


@pytest.mark.parametrize("suffix", [".csv", ".toml"])
def test_stylebook_export_reads_back_as_the_same_book(
    run: Run, library_path: Path, tmp_path: Path, suffix: str
) -> None:
    run("stylebook", "import", str(DATA / "stylebook_newsroom.csv"))
    run("stylebook", "add", "Ola Brekke", "--nickname", "Ole", "--note", 'Says "hi"\\')
    exported = tmp_path / f"book{suffix}"
    status, out, _ = run("stylebook", "export", str(exported))
    assert (status, out.strip()) == (0, f"exported 4 entries to {exported}")
    with open_library(library_path, create=False) as library:
        stored = sorted(library.stylebook_entries(), key=lambda e: e.canonical)
    assert sorted(load_stylebook(exported).entries, key=lambda e: e.canonical) == stored


def test_check_with_library_uses_its_stylebook(
    run: Run, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    run("stylebook", "add", "Ingrid Lindqvist", "--wrong", "Ingrid Lindquist")
    story = write_article(
        tmp_path,
        "minister.article.json",
        Article(
            Metadata(headline="Minister opens depot"),
            (Paragraph(RichText.plain_text("Ingrid Lindquist opened the depot on Monday.")),),
        ),
    )
    without = cli.main(["check", str(story)]), capsys.readouterr().out
    with_library = cli.main(["check", "--library", str(tmp_path / "lib.sqlite3"), str(story)])
    found = capsys.readouterr().out
    assert "Ingrid Lindqvist" not in without[1]
    assert with_library == 1
    assert "Ingrid Lindqvist" in found


def test_csv_refuses_a_value_containing_the_separator() -> None:
    entry = StyleBookEntry("AC/DC", EntryKind.ORGANISATION, variants=("AC|DC",))
    with pytest.raises(StyleBookError, match=r"\.toml"):
        stylebook_csv([entry])


_TEXT = st.text(
    st.characters(
        codec="utf-8", exclude_categories=("Cs", "Cc", "Zl", "Zp"), exclude_characters="|"
    ),
    max_size=12,
).filter(str.strip)


@st.composite
def stylebook_entries(draw: st.DrawFn) -> list[StyleBookEntry]:
    entries: dict[str, StyleBookEntry] = {}
    for name in draw(st.lists(_TEXT, min_size=1, max_size=4)):
        try:
            entry = entry_from(
                name,
                draw(st.sampled_from(EntryKind)),
                variants=draw(st.lists(_TEXT, max_size=2)),
                nicknames=draw(st.lists(_TEXT, max_size=2)),
                wrong=draw(st.lists(_TEXT, max_size=2)),
                note=draw(st.text(max_size=20)),
            )
        except StyleBookError:  # a form both accepted and wrong
            continue
        entries.setdefault(entry.canonical, entry)
    return list(entries.values())


@pytest.mark.parametrize(("suffix", "writer"), [(".csv", stylebook_csv), (".toml", stylebook_toml)])
@given(entries=stylebook_entries())
def test_written_stylebooks_read_back_unchanged(
    tmp_path_factory: pytest.TempPathFactory,
    suffix: str,
    writer: Callable[[list[StyleBookEntry]], str],
    entries: list[StyleBookEntry],
) -> None:
    path = tmp_path_factory.mktemp("book") / f"book{suffix}"
    path.write_text(writer(entries), encoding="utf-8")
    assert list(load_stylebook(path).entries) == entries


# -- PostgreSQL ------------------------------------------------------------------------------


@pytest.fixture
def postgres_location() -> Iterator[str]:
    """A database of its own on the server ``ARTICLE_EDITOR_TEST_POSTGRES_URL`` names."""
    configured = os.environ.get("ARTICLE_EDITOR_TEST_POSTGRES_URL", "").strip()
    if not configured:
        pytest.skip("no PostgreSQL server: set ARTICLE_EDITOR_TEST_POSTGRES_URL")
    base = make_url(configured)
    private = base.set(database=f"{base.database}_cli_{os.getpid()}")
    admin = create_engine(base, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE IF EXISTS "{private.database}"')
            connection.exec_driver_sql(f'CREATE DATABASE "{private.database}"')
        yield private.render_as_string(hide_password=False)
        with admin.connect() as connection:
            connection.exec_driver_sql(f'DROP DATABASE "{private.database}" (FORCE)')
    finally:
        admin.dispose()


def test_postgresql_library_adds_lists_searches_and_refuses_a_file_backup(
    postgres_location: str,
    article_files: list[Path],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    def run_here(*args: str) -> tuple[int, str, str]:
        status = cli.main(["library", "--library", postgres_location, *args])
        out, err = capsys.readouterr()
        return status, out, err

    assert run_here("add", *map(str, article_files))[0] == 0
    assert run_here("list", "--status", "draft")[1].splitlines() == [
        "1  draft      Harbourside trams to run every six minutes"
    ]
    status, out, _ = run_here("search", "platforms")
    assert (status, out.splitlines()[0]) == (
        0,
        "1  draft      Harbourside trams to run every six minutes",
    )
    status, _, err = run_here("backup", str(tmp_path / "copy.sqlite3"))
    assert status == 2
    [line] = err.splitlines()
    assert "pg_dump" in line


# -- the real command ------------------------------------------------------------------------


def test_real_command_adds_and_lists(article_files: list[Path], library_path: Path) -> None:
    base = [str(SCRIPT), "library", "--library", str(library_path)]
    added = subprocess.run(
        [*base, "add", *map(str, article_files)], capture_output=True, text=True, check=False
    )
    assert added.returncode == 0, added.stderr
    listed = subprocess.run([*base, "list"], capture_output=True, text=True, check=False)
    assert (
        listed.stdout.splitlines()[-1] == "1  draft      Harbourside trams to run every six minutes"
    )


def test_real_command_reports_a_bad_library_without_a_traceback(tmp_path: Path) -> None:
    not_a_library = tmp_path / "notes.sqlite3"
    not_a_library.write_bytes(b"plain words, not a database\n" * 100)
    done = subprocess.run(
        [str(SCRIPT), "library", "--library", str(not_a_library), "list"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 2
    [line] = done.stderr.splitlines()
    assert line.startswith(ERROR_PREFIX)


def test_other_commands_do_not_load_sqlalchemy(tmp_path: Path) -> None:
    story = write_article(tmp_path, "trams.article.json", TRAMS)
    probe = (
        "import sys\nfrom editor_app import cli\n"
        f"status = cli.main(['show', {str(story)!r}])\n"
        "print('RESULT', status, 'sqlalchemy' in sys.modules)"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=False
    )
    assert done.stdout.splitlines()[-1] == "RESULT 0 False"
