"""A deleted source kept whole in memory, so the window's Undo can put it back as it was.

Deleting a source deletes, through the schema's ``ON DELETE CASCADE``, its original, mentions,
quotes, claims, sentences, annotations and their tags, evidence on either side, suggestions and
rejections. ``take_snapshot`` reads every row the cascade will remove (found by walking the
schema's foreign keys, so a table added later is kept too) and the values an ``ON DELETE SET
NULL`` will clear; ``restore_snapshot`` writes them back with the same ids in one transaction.

A row is named by its ``rowid`` on SQLite; on PostgreSQL by its ``id``, or, in a table without
one (which no foreign key refers to and no ``SET NULL`` clears), by its ``ctid`` while the
snapshot is read. The foreign keys come from ``PRAGMA foreign_key_list`` or ``pg_constraint``.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass, field
from typing import Any

from briefing.domain import BriefingError, WorkspaceError, clipped, counted, one_line
from briefing.store.annotations import remember_note
from briefing.store.evidence import refresh_credibility
from briefing.store.history import record_judgement, record_taken_with
from briefing.store.revisions import revise
from briefing.store.search_index import reindex_sources
from briefing.store.sources import delete_source
from briefing.store.workspace import Workspace


@dataclass
class SourceSnapshot:
    source_id: int
    title: str | None
    # table -> (columns, rows), in an order where each table follows the tables it refers to
    tables: dict[str, tuple[list[str], list[tuple[Any, ...]]]] = field(default_factory=dict)
    cleared: list[tuple[str, Any, str, Any]] = field(default_factory=list)  # (table, row key, column, value)
    key_column: str = "rowid"  # what names a row of ``cleared``: rowid (SQLite) or id (PostgreSQL)

    def count(self, table: str) -> int:
        return len(self.tables.get(table, ([], []))[1])


def take_snapshot(ws: Workspace, source_id: int) -> SourceSnapshot:
    """Every row deleting ``source_id`` would remove; read inside one transaction."""
    with ws.transaction() as db:
        row = db.execute("SELECT title FROM sources WHERE id = ?", [source_id]).fetchone()
        if row is None:
            raise BriefingError(f"source {source_id} does not exist")
        snapshot = SourceSnapshot(source_id, row[0], key_column="rowid" if ws.backend == "sqlite" else "id")
        doomed: dict[str, set[int]] = {"sources": {source_id}}  # table -> rowids
        _read_rows(ws, snapshot, "sources", [source_id])
        pending = ["sources"]
        while pending:
            parent = pending.pop(0)
            for child, column, action in _references_to(ws, parent):
                ids = sorted(doomed[parent])
                rowids = _rowids(ws, child, column, ids)
                if action == "SET NULL":
                    snapshot.cleared += [(child, r, column, v) for r, v in _values(ws, child, column, rowids)]
                    continue
                if action != "CASCADE":
                    continue
                new = set(rowids) - doomed.get(child, set())
                if not new:
                    continue
                doomed.setdefault(child, set()).update(new)
                _read_rows(ws, snapshot, child, sorted(new))
                pending.append(child)
        snapshot.tables = _parents_first(ws, snapshot.tables)
        snapshot.cleared = [c for c in snapshot.cleared if c[1] not in doomed.get(c[0], set())]
        return snapshot


# the reason recorded in a claim's history for evidence its source took with it (export.cautions reads it)
EVIDENCE_GONE = "its source {} was deleted"


# the note items that show something of a source: (kind, the ids that kind refers to)
_CITING = (
    ("quote", "SELECT id FROM quotes WHERE source_id = ?"),
    ("claim", "SELECT id FROM claims WHERE source_id = ?"),
    ("annotation", "SELECT id FROM annotations WHERE source_id = ?"),
    ("summary", "SELECT ? "),
    ("passage", "SELECT ? "),
)


def _citing_items(ws: Workspace, source_id: int) -> dict[int, int]:
    """{item: its note} of the briefing items that show something of the source, in item order."""
    found: dict[int, int] = {}
    for kind, ids in _CITING:
        sql = f"SELECT id, briefing_id FROM briefing_items WHERE kind = ? AND ref_id IN ({ids}) ORDER BY id"
        found.update(ws.db.execute(sql, [kind, source_id]).fetchall())
    return found


def remember_cited_items(ws: Workspace, source_id: int) -> None:
    """Before a source goes: for each note item showing something of it, the history keeps where
    it came from ('“Title”, Outlet, 2026-03-04'), so the note still cites it once it is gone."""
    row = ws.db.execute("SELECT title, outlet, published FROM sources WHERE id = ?", [source_id]).fetchone()
    if row is None:
        return
    cited = ", ".join(part for part in (f"“{row[0]}”" if row[0] else "an untitled source", row[1], row[2]) if part)
    for item_id in _citing_items(ws, source_id):
        record_judgement(ws, "orphan", "item", item_id, "source", cited, None, f"source {source_id} deleted")
    for (annotation_id,) in ws.db.execute(
        "SELECT DISTINCT ref_id FROM briefing_items WHERE kind = 'annotation' "
        "AND ref_id IN (SELECT id FROM annotations WHERE source_id = ?)",
        [source_id],
    ).fetchall():
        remember_note(ws, annotation_id, f"source {source_id} deleted")


def cited_in_notes(ws: Workspace, source_ids: list[int]) -> tuple[int, list[str]]:
    """(items, note titles): the briefing note items that show something of these sources (a
    quote, claim, note, summary or passage), which a deletion leaves citing a source that is gone."""
    notes = {item: note for source_id in source_ids for item, note in _citing_items(ws, source_id).items()}
    note_ids = sorted(set(notes.values()))
    if not note_ids:
        return 0, []
    marks = ", ".join("?" * len(note_ids))
    titles = [r[0] for r in ws.db.execute(f"SELECT title FROM briefings WHERE id IN ({marks}) ORDER BY id", note_ids)]
    return len(notes), titles


def cited_line(items: int, titles: list[str], deleted: int | None = None) -> str:
    """'It is cited by 2 items of the briefing note “Outage”, which then cite a source that is
    gone.' before a deletion, 'Source 4 was cited by …, which now cite …' after it; '' when no
    note cites it."""
    if not items:
        return ""
    shown = clipped(one_line(titles[0]), 60) if titles else ""
    where = f"the briefing note “{shown}”" if len(titles) == 1 else counted(len(titles), "briefing note")
    subject, when = ("It is", "then") if deleted is None else (f"Source {deleted} was", "now")
    return f"{subject} cited by {counted(items, 'item')} of {where}, which {when} cite a source that is gone."


def evidence_for_others(ws: Workspace, source_ids: list[int]) -> tuple[int, int]:
    """(passages, claims): the evidence these sources give claims of other sources, which deleting
    them takes away; a judgement made with it may no longer hold."""
    if not source_ids:
        return 0, 0
    marks = ", ".join("?" * len(source_ids))
    row = ws.db.execute(
        f"SELECT count(*), count(DISTINCT e.claim_id) FROM evidence e JOIN claims c ON c.id = e.claim_id "
        f"WHERE e.source_id IN ({marks}) AND c.source_id NOT IN ({marks})",
        [*source_ids, *source_ids],
    ).fetchone()
    return row[0], row[1]


def lost_evidence_line(passages: int, claims: int, deleted: int | None = None) -> str:
    """'It is evidence for 2 claims of other sources (3 passages), which lose it; ...' before a
    deletion, 'Source 4 was evidence for ...' after it; '' when it gives no other claim evidence."""
    if not passages:
        return ""
    lent = f"evidence for {counted(claims, 'claim')} of other sources ({counted(passages, 'passage')})"
    lose = f"It is {lent}, which lose it" if deleted is None else f"Source {deleted} was {lent}, which lost it"
    return f"{lose}; their judgements stay, flagged in briefing notes."


def delete_source_keeping(ws: Workspace, source_id: int, reason: str | None = None) -> SourceSnapshot:
    """Delete a source and return what it took with it, in one transaction (for Undo). Claims of
    other sources that cited its passages get their credibility worked out again."""
    with ws.transaction() as db:
        snapshot = take_snapshot(ws, source_id)
        citing = db.execute(
            "SELECT e.claim_id, e.relation, e.passage FROM evidence e JOIN claims c ON c.id = e.claim_id"
            " WHERE e.source_id = ? AND c.source_id <> ? ORDER BY e.id",
            [source_id, source_id],
        ).fetchall()
        remember_cited_items(ws, source_id)
        _record_taken(ws, snapshot, "delete", f"source {source_id} deleted")
        delete_source(ws, source_id, reason)
        gone = EVIDENCE_GONE.format(source_id)
        for claim_id, relation, passage in citing:  # other claims' history keeps what they lost, and why
            record_judgement(ws, "remove_evidence", "claim", claim_id, relation, passage, None, gone)
        _revise_claims(ws, [row[0] for row in citing])
        refresh_credibility(ws, [row[0] for row in citing])  # its passages no longer count
    return snapshot


# what a source takes with it that the window acts on by id: (history's kind, table)
_TAKEN = (("claim", "claims"), ("quote", "quotes"), ("annotation", "annotations"), ("evidence", "evidence"))


def _record_taken(ws: Workspace, snapshot: SourceSnapshot, action: str, reason: str) -> None:
    """The history's entry for each claim, quote and annotation the source took with it (or
    brought back), and each passage of it that was another claim's evidence: a colleague who acts
    on one later is told whose deletion took it. (Evidence of its own claims went with the claim.)"""
    for kind, table in _TAKEN:
        columns, rows = snapshot.tables.get(table, ([], []))
        if kind == "evidence":
            rows = [row for row in rows if row[columns.index("source_id")] == snapshot.source_id]
        if rows:
            at = columns.index("id")
            record_taken_with(ws, kind, [row[at] for row in rows], action, snapshot.title, reason)


def _revise_claims(ws: Workspace, claim_ids: list[int]) -> None:
    """Claims of other sources whose evidence the source took away or brought back: one more
    revision each, so a judgement made on the evidence shown before is refused, not kept unseen."""
    for claim_id in sorted(set(claim_ids)):
        revise(ws, "claim", claim_id)


def restore_snapshot(ws: Workspace, snapshot: SourceSnapshot, reason: str | None = "undo") -> None:
    """Write a deleted source back with its ids; refused whole when an id has been taken since."""
    try:
        with ws.transaction() as db:
            for table, (columns, rows) in snapshot.tables.items():
                names = ", ".join(f'"{c}"' for c in columns)
                marks = ", ".join("?" * len(columns))
                db.conn.executemany(f'INSERT INTO "{table}" ({names}) VALUES ({marks})', rows)
            for table, key, column, value in snapshot.cleared:
                db.execute(f'UPDATE "{table}" SET "{column}" = ? WHERE {snapshot.key_column} = ?', [value, key])
            reindex_sources(ws, [snapshot.source_id])
            columns, rows = snapshot.tables.get("evidence", ([], []))
            back = f"its source {snapshot.source_id} was restored"
            claim_columns, claim_rows = snapshot.tables.get("claims", ([], []))
            own = {row[claim_columns.index("id")] for row in claim_rows}
            others = []
            for row in rows:
                claim_id = row[columns.index("claim_id")]
                if claim_id not in own:
                    relation, passage = row[columns.index("relation")], row[columns.index("passage")]
                    record_judgement(ws, "add_evidence", "claim", claim_id, relation, None, passage, back)
                    others.append(claim_id)
            _revise_claims(ws, others)
            if rows:
                refresh_credibility(ws, [row[columns.index("claim_id")] for row in rows])
            _record_taken(ws, snapshot, "restore", f"source {snapshot.source_id} restored")
            record_judgement(ws, "restore", "source", snapshot.source_id, None, None, snapshot.title, reason)
    except sqlite3.IntegrityError as exc:
        raise BriefingError(f"source {snapshot.source_id} cannot be restored: {exc}") from None
    except WorkspaceError as exc:  # PostgreSQL's refusal, already one line
        raise BriefingError(f"source {snapshot.source_id} cannot be restored: {exc}") from None


_PG_FOREIGN_KEYS = """
    SELECT child.relname, child_column.attname, parent.relname, key.confdeltype
    FROM pg_constraint key
    JOIN pg_class child ON child.oid = key.conrelid
    JOIN pg_class parent ON parent.oid = key.confrelid
    JOIN pg_attribute child_column ON child_column.attrelid = key.conrelid AND child_column.attnum = key.conkey[1]
    WHERE key.contype = 'f' AND child.relnamespace = current_schema()::regnamespace
    ORDER BY child.relname"""
_PG_ACTIONS = {"c": "CASCADE", "n": "SET NULL", "d": "SET DEFAULT", "r": "RESTRICT", "a": "NO ACTION"}


def _foreign_keys(ws: Workspace) -> list[tuple[str, str, str, str]]:
    """(table, column, referred table, on-delete action) of every foreign key of the workspace."""
    if ws.backend == "postgresql":
        return [(t, c, p, _PG_ACTIONS[a]) for t, c, p, a in ws.db.execute(_PG_FOREIGN_KEYS).fetchall()]
    found = []
    for (table,) in ws.db.execute("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").fetchall():
        for key in ws.db.execute(f'PRAGMA foreign_key_list("{table}")').fetchall():
            # (id, seq, table, from, to, on_update, on_delete, match)
            found.append((table, key[3], key[2], key[6].upper()))
    return found


def _references_to(ws: Workspace, parent: str) -> list[tuple[str, str, str]]:
    """(table, column, on-delete action) of every foreign key that refers to ``parent``."""
    return [(table, column, action) for table, column, referred, action in _foreign_keys(ws) if referred == parent]


def _columns(ws: Workspace, table: str) -> list[str]:
    if ws.backend == "postgresql":
        rows = ws.db.execute(
            "SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() "
            "AND table_name = ? AND is_generated = 'NEVER' ORDER BY ordinal_position",  # generated: made again
            [table],
        ).fetchall()
        return [row[0] for row in rows]
    return [row[1] for row in ws.db.execute(f'PRAGMA table_info("{table}")').fetchall()]


def _key(ws: Workspace, table: str) -> str:
    """What names a row of ``table`` while the snapshot is read (see the module's note)."""
    if ws.backend == "sqlite":
        return "rowid"
    return "id" if "id" in _columns(ws, table) else "ctid"


def _in(column: str, count: int) -> str:
    """``column IN (?, …)``; a ctid's parameters are cast, since they travel as text."""
    mark = "?::tid" if column == "ctid" else "?"
    return f"{column} IN ({', '.join([mark] * count)})"


def _rowids(ws: Workspace, table: str, column: str, ids: list[Any]) -> list[Any]:
    found = []
    key = _key(ws, table)
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        where = _in(f'"{column}"', len(chunk))
        sql = f'SELECT {key} FROM "{table}" WHERE {where}'
        found += [_plain(row[0]) for row in ws.db.execute(sql, chunk)]
    return found


def _values(ws: Workspace, table: str, column: str, rowids: list[Any]) -> list[tuple[Any, Any]]:
    found = []
    key = _key(ws, table)
    for start in range(0, len(rowids), 500):
        chunk = rowids[start : start + 500]
        sql = f'SELECT {key}, "{column}" FROM "{table}" WHERE {_in(key, len(chunk))}'
        found += [(_plain(row[0]), row[1]) for row in ws.db.execute(sql, chunk)]
    return found


def _read_rows(ws: Workspace, snapshot: SourceSnapshot, table: str, rowids: list[Any]) -> None:
    columns = _columns(ws, table)
    names = ", ".join(f'"{c}"' for c in columns)
    key = _key(ws, table)
    _, rows = snapshot.tables.setdefault(table, (columns, []))
    for start in range(0, len(rowids), 500):
        chunk = rowids[start : start + 500]
        sql = f'SELECT {names} FROM "{table}" WHERE {_in(key, len(chunk))} ORDER BY {key}'
        rows += [tuple(row) for row in ws.db.execute(sql, chunk)]


def _plain(key: Any) -> Any:
    """A row key as a parameter can carry it back (PostgreSQL's ctid arrives as a tuple-like text)."""
    return key if isinstance(key, int) else str(key)


def _parents_first(ws: Workspace, tables: dict) -> dict:
    """The tables reordered so that each comes after every table of the snapshot it refers to."""
    keys = _foreign_keys(ws)
    parents = {
        table: {referred for t, _, referred, _ in keys if t == table} & set(tables) - {table} for table in tables
    }
    ordered: dict = {}
    while len(ordered) < len(tables):
        ready = [t for t in tables if t not in ordered and parents[t] <= set(ordered)]
        if not ready:
            raise BriefingError("the workspace's tables refer to each other in a circle; cannot keep the source")
        for table in ready:
            ordered[table] = tables[table]
    return ordered
