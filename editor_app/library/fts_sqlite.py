"""The SQLite search index: FTS5 over ``articles``, with letters folded the way PostgreSQL's
``unaccent`` folds them.

``article_search`` is an external-content table (``content='articles'``): the text is
stored once, in ``articles``, and ``snippet()`` shows it as written. The
``unicode61 remove_diacritics 2`` tokenizer folds case and every accent Unicode can take
apart ("Erdoğan" is indexed as "erdogan"). Letters that are not an accent plus a base
(ı ł ø đ ß æ œ þ …) it keeps; so the triggers index the text with :data:`LETTER_FOLDS`
applied, and queries get the same folding (:func:`fold_letters`). Every fold turns a
letter into letters, so the words stay the same words at the same positions and
``snippet()``, which marks matches by word position, marks the right words of the
unfolded text.

Because the index holds folded text, FTS5's own ``'rebuild'`` (which would index the
text unfolded) is never used: :func:`rebuild` deletes everything and reinserts folded.
"""

from __future__ import annotations

from sqlalchemy import Connection, text
from sqlalchemy.exc import DBAPIError

SEARCH_TABLE = "article_search"
SEARCH_COLUMNS = ("headline", "standfirst", "body_text", "byline", "tags_text")

LETTER_FOLDS = {
    "ı": "i",
    "ł": "l",
    "Ł": "l",
    "ø": "o",
    "Ø": "o",
    "đ": "d",
    "Đ": "d",
    "ð": "d",
    "Ð": "d",
    "ß": "ss",
    "æ": "ae",
    "Æ": "ae",
    "œ": "oe",
    "Œ": "oe",
    "þ": "th",
    "Þ": "th",
    "ħ": "h",
    "Ħ": "h",
}
"""Letters FTS5 keeps as they are, to what PostgreSQL's unaccent makes of them (lower case:
the tokenizer lowers the rest). Each is one nested ``replace()`` in the triggers, and
SQLite's parser stack allows about 26, so the list holds the letters of European names."""
_FOLD_TABLE = str.maketrans(LETTER_FOLDS)

TABLE_SQL = (
    f"CREATE VIRTUAL TABLE {SEARCH_TABLE} USING fts5({', '.join(SEARCH_COLUMNS)}, "
    "content='articles', content_rowid='id', prefix='2', "
    "tokenize='unicode61 remove_diacritics 2')"
)
"""``prefix='2'``: two-letter prefixes, the shortest a query may use, get an index of their
own (about half the size of the main one); without it "co*" merges the lists of every
word starting "co", half a second in a 100,000-article library. Longer prefixes are few
words each and quick anyway."""


def fold_letters(value: str) -> str:
    """The query-side twin of :func:`_folded_sql`."""
    return value.translate(_FOLD_TABLE)


def _folded_sql(expression: str) -> str:
    for letter, replacement in LETTER_FOLDS.items():
        expression = f"replace({expression}, '{letter}', '{replacement}')"
    return expression


def _values(row: str) -> str:
    return ", ".join(_folded_sql(f"{row}.{column}") for column in SEARCH_COLUMNS)


_COLUMN_LIST = ", ".join(SEARCH_COLUMNS)
_INDEX_NEW = f"INSERT INTO {SEARCH_TABLE}(rowid, {_COLUMN_LIST}) VALUES (new.id, {_values('new')});"
_UNINDEX_OLD = (
    f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}, rowid, {_COLUMN_LIST}) "
    f"VALUES ('delete', old.id, {_values('old')});"
)
TRIGGERS = {
    "articles_search_insert": f"AFTER INSERT ON articles BEGIN {_INDEX_NEW} END",
    "articles_search_delete": f"AFTER DELETE ON articles BEGIN {_UNINDEX_OLD} END",
    # Only text changes touch the index: a status change or a move to the trash does not.
    "articles_search_update": (
        f"AFTER UPDATE OF id, {_COLUMN_LIST} ON articles BEGIN {_UNINDEX_OLD} {_INDEX_NEW} END"
    ),
}


def install(connection: Connection) -> None:
    """Create what is missing or outdated, and rebuild the index when it may have missed rows.

    A batch migration copies ``articles`` into a new table and drops the old one with its
    triggers, so a trigger that is missing (or from another version) means rows may have
    changed unseen: the index is rebuilt then, as it is when the table itself is new.
    Writes nothing when everything is current, so it is cheap to run on every open.
    """
    created = _stored_sql(connection, "table", SEARCH_TABLE) != TABLE_SQL
    if created:
        connection.exec_driver_sql(f"DROP TABLE IF EXISTS {SEARCH_TABLE}")
        connection.exec_driver_sql(TABLE_SQL)
    stale = _stale_triggers(connection)
    for name in stale:
        connection.exec_driver_sql(f"DROP TRIGGER IF EXISTS {name}")
        connection.exec_driver_sql(f"CREATE TRIGGER {name} {TRIGGERS[name]}")
    if (created or stale) and _has_articles(connection):
        rebuild(connection)


def rebuild(connection: Connection) -> None:
    """Index every article afresh (folded, which FTS5's own ``'rebuild'`` would not do)."""
    connection.exec_driver_sql(f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}) VALUES ('delete-all')")
    connection.exec_driver_sql(
        f"INSERT INTO {SEARCH_TABLE}(rowid, {_COLUMN_LIST}) "
        f"SELECT articles.id, {_values('articles')} FROM articles"
    )


def problems(connection: Connection) -> list[str]:
    if _stored_sql(connection, "table", SEARCH_TABLE) is None:
        return ["the search index is missing; rebuild it to search the library"]
    found = [
        f"the search index is not kept up to date: trigger {name} is missing or outdated"
        for name in _stale_triggers(connection)
    ]
    try:
        # rank 0: the index's own consistency. (rank 1 would compare it with the
        # unfolded text in ``articles`` and fail on every folded letter.)
        connection.exec_driver_sql(
            f"INSERT INTO {SEARCH_TABLE}({SEARCH_TABLE}, rank) VALUES ('integrity-check', 0)"
        )
    except DBAPIError as error:
        found.append(f"the search index is damaged ({_reason(error)}); rebuild it")
        return found
    missing, extra = connection.exec_driver_sql(
        "SELECT "
        f"(SELECT count(*) FROM articles WHERE id NOT IN (SELECT id FROM {SEARCH_TABLE}_docsize)), "
        f"(SELECT count(*) FROM {SEARCH_TABLE}_docsize WHERE id NOT IN (SELECT id FROM articles))"
    ).one()
    if missing:
        found.append(f"the search index lacks {missing} of the articles; rebuild it")
    if extra:
        found.append(
            f"the search index still lists {extra} articles that no longer exist; rebuild it"
        )
    return found


def _stored_sql(connection: Connection, kind: str, name: str) -> str | None:
    stored = connection.execute(
        text("SELECT sql FROM sqlite_master WHERE type = :kind AND name = :name"),
        {"kind": kind, "name": name},
    ).scalar()
    return None if stored is None else str(stored)


def _stale_triggers(connection: Connection) -> list[str]:
    return [
        name
        for name, body in TRIGGERS.items()
        if _stored_sql(connection, "trigger", name) != f"CREATE TRIGGER {name} {body}"
    ]


def _has_articles(connection: Connection) -> bool:
    return connection.exec_driver_sql("SELECT EXISTS (SELECT 1 FROM articles)").scalar() == 1


def _reason(error: DBAPIError) -> str:
    lines = str(error.orig).strip().splitlines()
    return lines[0] if lines else "no reason given"
