"""Every schema object of a workspace compared with what the migrations make.

A received workspace is a plain SQLite file: anyone can add a trigger, a view, a virtual table,
a foreign key with ``ON DELETE CASCADE`` (one ``ALTER TABLE``), a unique index or a dropped
guard to it. Each could run code, delete an analyst's data on an ordinary edit or make later
writes fail, so the store opens a workspace only when its tables, indexes, triggers and views are
exactly the ones its recorded migrations create.

The expected objects come from applying the migrations to an in-memory database, once per
process and schema version. Objects are compared by their ``sqlite_master`` SQL with the spacing
and identifier quoting normalised (SQLite keeps the text as typed; sqlite-utils and SQLite
versions differ in how they quote), which covers columns, constraints and foreign-key actions.

A table of one's own (added with sqlite-utils, say) and its indexes are allowed when nothing ties
it to Briefing's tables: no foreign key to them. SQLite's own ``sqlite_sequence`` and
``sqlite_stat*`` tables are allowed too.
"""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass
from functools import cache, lru_cache

from briefing.store.migrations import MIGRATION_NAMES, migrations

_SQLITE_OWN = frozenset({"sqlite_sequence", "sqlite_stat1", "sqlite_stat2", "sqlite_stat3", "sqlite_stat4"})
_MIGRATIONS_TABLE = "_sqlite_migrations"
_QUOTES = re.compile(r'["`\[\]]')
_SPACE_BY_PUNCTUATION = re.compile(r"\s*([(),;=])\s*")
_MASTER_SQL = "SELECT type, name, tbl_name, sql FROM sqlite_master"


@dataclass(frozen=True)
class SchemaObject:
    kind: str  # table, index, trigger or view as sqlite_master says; "virtual table" for those
    table: str  # the table an index or trigger belongs to (the object itself for a table)
    sql: str  # normalised; "" for SQLite's automatic indexes

    def label(self, name: str) -> str:
        return f"{self.kind} {name}"


@lru_cache(maxsize=1024)  # the same few dozen texts on every open
def normalise(sql: str | None) -> str:
    """The SQL with runs of spaces, the spacing around punctuation and identifier quotes evened out."""
    if not sql:
        return ""
    text = " ".join(_QUOTES.sub("", sql).split())
    return _SPACE_BY_PUNCTUATION.sub(r"\1", text)


def read_objects(rows: list[tuple[str, str, str, str | None]]) -> dict[str, SchemaObject]:
    """name (lower case) -> object, from ``sqlite_master`` rows."""
    objects = {}
    for kind, name, table, sql in rows:
        text = normalise(sql)
        if kind == "table" and text.upper().startswith("CREATE VIRTUAL TABLE"):
            kind = "virtual table"
        objects[name.lower()] = SchemaObject(kind, table.lower(), text)
    return objects


@cache
def expected_objects(applied: int) -> dict[str, SchemaObject]:
    """The objects our migrations make, after the first ``applied`` of them."""
    from sqlite_utils import Database  # with the first workspace opened, not at start

    db = Database(memory=True, execute_plugins=False)
    try:
        stop = MIGRATION_NAMES[applied] if applied < len(MIGRATION_NAMES) else None
        migrations.apply(db, stop_before=stop)
        objects = read_objects(db.execute(_MASTER_SQL).fetchall())
    finally:
        db.close()
    if not applied:
        objects.pop(_MIGRATIONS_TABLE, None)  # a new, empty SQLite file has none yet
    return objects


def list_strangers(conn: sqlite3.Connection, applied: int) -> list[str]:
    """Labels of the objects that are not as the migrations make them: changed, missing or
    added (beyond a table of one's own), in ``sqlite_master`` order."""
    expected = expected_objects(applied)
    found = read_objects(_read_master(conn))
    ours = set(expected)
    strangers = []
    for name, seen in found.items():
        wanted = expected.get(name)
        if wanted == seen:
            continue
        if wanted is not None:
            strangers.append(seen.label(name) + " (changed)")
        elif not _is_own_addition(conn, name, seen, ours):
            strangers.append(seen.label(name))
    strangers += [wanted.label(name) + " (missing)" for name, wanted in expected.items() if name not in found]
    return strangers


def _read_master(conn: sqlite3.Connection) -> list[tuple[str, str, str, str | None]]:
    """The rows of ``sqlite_master``, its text checked to be UTF-8 (ValueError otherwise)."""
    previous = conn.text_factory
    conn.text_factory = bytes  # a damaged schema must not stop us with a UnicodeDecodeError
    try:
        rows = conn.execute(_MASTER_SQL).fetchall()
    finally:
        conn.text_factory = previous
    return [tuple(_text(value) for value in row) for row in rows]  # type: ignore[misc]


def _text(value: bytes | None) -> str | None:
    return value.decode("utf-8") if isinstance(value, bytes) else value  # UnicodeDecodeError is a ValueError


def _is_own_addition(conn: sqlite3.Connection, name: str, seen: SchemaObject, ours: set[str]) -> bool:
    """A plain table nothing of Briefing's depends on, or an index of such a table."""
    if name in _SQLITE_OWN:
        return True
    if seen.kind == "index":
        return seen.table not in ours
    if seen.kind != "table" or not seen.sql.upper().startswith("CREATE TABLE"):
        return False
    referenced = {row[0].lower() for row in conn.execute('SELECT "table" FROM pragma_foreign_key_list(?)', [name])}
    return not referenced & ours
