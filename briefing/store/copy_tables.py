"""What ``briefing copy`` copies, and reading it from either engine.

The tables of the data model, parents before the rows that refer to them; which columns hold
another row's id (the foreign keys, read from SQLite's schema, and the columns that name a row
by a kind, which no foreign key declares); and the row readers of both engines.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from briefing.store import postgres
from briefing.store.workspace import Workspace

if TYPE_CHECKING:
    import psycopg

# Every table of the data model, parents before the rows that refer to them. The search index
# (search_docs, search_fts) is rebuilt from these; SQLite's migration log stays with its file.
TABLES = (
    "sources",
    "originals",
    "entities",
    "entity_aliases",
    "mentions",
    "quotes",
    "claims",
    "annotations",
    "tags",
    "annotation_tags",
    "briefings",
    "briefing_items",
    "history",
    "sentences",
    "rejections",
    "evidence",
    "claim_suggestions",
    "saved_searches",
    "version_carries",
)
DERIVED_TABLES = ("_sqlite_migrations", "search_docs", "search_fts")
BATCH = 2_000

# What a kind names, in the columns that refer to a row by (kind, id) without a foreign key:
# the judgement history's target, a briefing note's item, a source version's carried record.
KIND_TABLES = {
    "source": "sources",
    "summary": "sources",
    "passage": "sources",
    "entity": "entities",
    "mention": "mentions",
    "quote": "quotes",
    "claim": "claims",
    "evidence": "evidence",
    "annotation": "annotations",
    "briefing": "briefings",
    "item": "briefing_items",
    "suggestion": "claim_suggestions",
}
# (table, id column) -> the column holding its kind
KIND_REFERENCES = {
    ("history", "target_id"): "target_kind",
    ("briefing_items", "ref_id"): "kind",
    ("version_carries", "ref_id"): "kind",
}


def foreign_keys(ws: Workspace, table: str) -> dict[str, str]:
    """{column: referred table} of ``table``'s foreign keys, from a SQLite workspace's schema."""
    # (id, seq, table, from, to, on_update, on_delete, match)
    return {row[3]: row[2] for row in ws.db.execute(f'PRAGMA foreign_key_list("{table}")').fetchall()}


def copy_order(ws: Workspace) -> list[str]:
    """``TABLES`` in an order where every row's parents, by foreign key or by kind, come first."""
    needs = {table: set(foreign_keys(ws, table).values()) - {table} for table in TABLES}
    for table, _ in KIND_REFERENCES:
        needs[table] |= set(KIND_TABLES.values()) - {table}
    needs["entities"].add("sources")  # which entities a merge copies depends on the sources it shares
    order: list[str] = []
    while len(order) < len(TABLES):
        ready = [t for t in TABLES if t not in order and needs[t] <= set(order)]
        if not ready:
            raise AssertionError(f"the tables' references go round: {sorted(set(TABLES) - set(order))}")
        order.extend(ready)
    return order


def sqlite_columns(ws: Workspace, table: str) -> list[str]:
    return [row[1] for row in ws.db.execute(f"PRAGMA table_info({table})").fetchall()]


def sqlite_rows(ws: Workspace, table: str, columns: list[str]) -> Iterator[tuple]:
    names = ", ".join(postgres.quoted(c) for c in columns)
    cursor = ws.db.execute(f"SELECT {names} FROM {table} ORDER BY {order_by(columns)}")
    while batch := cursor.fetchmany(BATCH):
        yield from batch


def pg_rows(conn: psycopg.Connection, table: str, columns: list[str]) -> Iterator[tuple]:
    """The rows of ``table`` in id order, streamed from a cursor on the server (in the caller's
    transaction)."""
    names = ", ".join(postgres.quoted(c) for c in columns)
    with conn.cursor(name=f"copy_{table}") as cursor:
        cursor.itersize = BATCH
        cursor.execute(f"SELECT {names} FROM {table} ORDER BY {order_by(columns)}")
        yield from cursor


def order_by(columns: list[str]) -> str:
    keys = ["id"] if "id" in columns else columns[:2]
    return ", ".join(postgres.quoted(k) for k in keys)


def count(ws: Workspace, table: str) -> int:
    return int(ws.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])
