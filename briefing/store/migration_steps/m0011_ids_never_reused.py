"""Migration 0011: ids are never handed out twice."""

from __future__ import annotations

import re
import sqlite3
from typing import TYPE_CHECKING

from briefing.domain import WorkspaceError

if TYPE_CHECKING:
    from sqlite_utils import Database

NAME = "0011_ids_never_reused"
TRANSACTIONAL = False  # foreign keys must be off while tables are rebuilt, which no transaction allows

# The tables whose rows can be deleted and put back with their ids (a deleted source's snapshot,
# undo) or that history names by id. Left out: history itself (append-only, nothing is deleted),
# search_docs (derived, rebuilt) and the migrations' own table.
TABLES = (
    "sources",
    "entities",
    "entity_aliases",
    "mentions",
    "quotes",
    "claims",
    "annotations",
    "tags",
    "briefings",
    "sentences",
    "rejections",
    "evidence",
    "claim_suggestions",
    "saved_searches",
    "version_carries",
    "briefing_items",
)
# history's target_kind for the rows of a table: a deleted row's id that history names stays spent
_KINDS = {
    "sources": ("source",),
    "entities": ("entity",),
    "quotes": ("quote",),
    "claims": ("claim",),
    "annotations": ("annotation",),
    "briefings": ("briefing",),
    "claim_suggestions": ("suggestion",),
}
_ID_COLUMN = re.compile(r"\bid\s+INTEGER\s+PRIMARY\s+KEY\b(?!\s+AUTOINCREMENT)", re.IGNORECASE)


def run(db: Database) -> None:
    """Every table whose rows can come back after a delete keeps its ids with AUTOINCREMENT.

    Without it SQLite hands the newest row's id to the next insert once that row is deleted:
    delete the newest source, import a file, and Undo could not put the source back ("UNIQUE
    constraint failed"), while older history entries would name the new source. Each table is
    rebuilt as SQLite's documented recipe says (foreign keys off, new table, copy, drop, rename,
    indexes and triggers again, foreign_key_check) in one transaction; the counter starts at the
    highest id the table or its history has ever named. PostgreSQL's identity columns never
    reused ids, so a team workspace needs none of this.
    """
    conn = db.conn
    if conn.in_transaction:  # pragma: no cover - the registry runs this step outside one
        conn.commit()
    conn.execute("PRAGMA foreign_keys = OFF")
    try:
        conn.execute("BEGIN IMMEDIATE")
        try:
            for table in TABLES:
                _rebuild(conn, table)
            broken = conn.execute("PRAGMA foreign_key_check").fetchone()
            if broken is not None:
                raise WorkspaceError(f"the workspace's table {broken[0]} refers to a missing {broken[2]} row")
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
    finally:
        conn.execute("PRAGMA foreign_keys = ON")


def _rebuild(conn: sqlite3.Connection, table: str) -> None:
    row = conn.execute("SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?", [table]).fetchone()
    if row is None:
        raise WorkspaceError(f"the workspace has no table {table}")
    create = row[0]
    if _ID_COLUMN.search(create) is None:
        return  # done already: a run stopped after its commit and before its record
    dependents = conn.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL",
        [table],
    ).fetchall()
    columns = ", ".join(f'"{r[1]}"' for r in conn.execute(f'PRAGMA table_info("{table}")'))
    staged = f"{table}_0011"
    header = re.compile(rf'^CREATE TABLE\s+("?){re.escape(table)}\1\s*\(', re.IGNORECASE)
    body = header.sub(f'CREATE TABLE "{staged}" (', create, count=1)
    conn.execute(_ID_COLUMN.sub("id INTEGER PRIMARY KEY AUTOINCREMENT", body, count=1))
    conn.execute(f'INSERT INTO "{staged}" ({columns}) SELECT {columns} FROM "{table}"')
    conn.execute(f'DROP TABLE "{table}"')
    conn.execute(f'ALTER TABLE "{staged}" RENAME TO "{table}"')
    for (sql,) in dependents:
        conn.execute(sql)
    spent = [conn.execute(f'SELECT max(id) FROM "{table}"').fetchone()[0] or 0]
    for kind in _KINDS.get(table, ()):
        spent.append(
            conn.execute("SELECT max(target_id) FROM history WHERE target_kind = ?", [kind]).fetchone()[0] or 0
        )
    conn.execute("DELETE FROM sqlite_sequence WHERE name = ?", [table])
    conn.execute("INSERT INTO sqlite_sequence (name, seq) VALUES (?, ?)", [table, max(spent)])
