"""Copying a whole workspace between a file (SQLite) and a PostgreSQL database, both ways.

``briefing copy case.briefing postgresql://…`` publishes a solo investigation to the team's
server; ``briefing copy postgresql://… plane.briefing`` takes an offline snapshot. Into an empty
target (a new file, a database without a workspace) every table of the data model is copied with
its ids, so every reference (a claim's evidence, a note's items, the judgement history) points
where it did; the search index is derived data and is rebuilt at the destination. The copy is
one transaction on PostgreSQL and a new file put in place only once complete: a failed copy
leaves nothing behind. Before committing, the rows of every table are counted on both sides and
must match.

Into a target that already holds a workspace (the team's database, an existing file) the rows
get new ids and what the target has already is not copied again: ``merging`` says how. It is
one transaction on the target too, and counts that every table holds its rows before plus the
rows added.
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.domain import BriefingError, WorkspaceError, counted
from briefing.store import postgres
from briefing.store.copy_tables import (
    BATCH,
    DERIVED_TABLES,
    TABLES,
    pg_rows,
    sqlite_columns,
    sqlite_rows,
)
from briefing.store.lock import lock_path
from briefing.store.merging import MergeCounts, merge_workspace
from briefing.store.opening import open_workspace
from briefing.store.pg_search import rebuild_index
from briefing.store.search_index import rebuild
from briefing.store.workspace import Workspace

if TYPE_CHECKING:
    import psycopg

__all__ = ["DERIVED_TABLES", "TABLES", "CopyReport", "copy_workspace"]
Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class CopyReport:
    source: str
    target: str
    counts: dict[str, int]  # rows copied per table, equal on both sides (added, into a filled target)
    merged: MergeCounts | None = None  # into a target that held a workspace: what it had already

    def line(self) -> str:
        shown = tuple(ROW_NOUNS)
        if self.merged is None:
            copied = ", ".join(_rows(self.counts[t], t) for t in shown if self.counts.get(t))
            return (
                f"copied {self.source} to {self.target}: {copied or 'an empty workspace'}; "
                "every table's rows counted equal"
            )
        merged, added = self.merged, self.counts
        present = merged.present
        parts = [f"added {counted(added.get('sources', 0), 'source')} ({present['sources']} already present)"]
        entities = counted(added.get("entities", 0), "entity", "entities")
        parts.append(f"{entities} ({present['entities']} merged with the target's)")
        parts += [_rows(added[t], t) for t in shown[2:] if added.get(t)]
        rest = [
            f"{counted(sum(present.values()) - present['sources'] - present['entities'], 'other row')} already there"
        ]
        if merged.left_out:
            rest.append(f"{counted(merged.left_out, 'row')} of the analysis left to the target's")
        if merged.judged:
            rest.append(f"{merged.judged} judgements taken where the target had none")
        return (
            f"copied {self.source} into {self.target}: {', '.join(parts)}; {'; '.join(rest)}; "
            "every table counted: its rows before plus the rows added"
        )


# the tables a copy reports, in words: "1 annotations, 1 briefings, 14 history" read as a table dump
ROW_NOUNS = {
    "sources": ("source", "sources"),
    "entities": ("entity", "entities"),
    "quotes": ("quote", "quotes"),
    "claims": ("claim", "claims"),
    "evidence": ("piece of evidence", "pieces of evidence"),
    "annotations": ("annotation", "annotations"),
    "briefings": ("briefing note", "briefing notes"),
    "history": ("judgement in the history", "judgements in the history"),
}


def _rows(count: int, table: str) -> str:
    return counted(count, *ROW_NOUNS[table])


def copy_workspace(source: str, target: str, progress: Progress | None = None) -> CopyReport:
    """Copy the workspace ``source`` to ``target``; one of them a file, the other a PostgreSQL
    connection string. BriefingError in one line when it cannot be done; nothing is left behind."""
    progress = progress or (lambda done, total, label: None)
    from_pg, to_pg = postgres.is_postgres(source), postgres.is_postgres(target)
    if from_pg == to_pg:
        kind = "PostgreSQL databases" if from_pg else "files"
        raise BriefingError(
            f"copy: both workspaces are {kind}; copy between a file and a PostgreSQL database "
            "(a file to a file: briefing backup --to FILE)"
        )
    if to_pg:
        return _to_postgres(Path(source).expanduser(), target, progress)
    return _to_file(source, Path(target).expanduser(), progress)


# --- file -> PostgreSQL -----------------------------------------------------------------------


def _to_postgres(path: Path, conninfo: str, progress: Progress) -> CopyReport:
    name = postgres.describe(conninfo)
    if not path.is_file():
        raise WorkspaceError(f"{path}: no such workspace file")
    with open_workspace(path, read_only=True) as ws:
        with postgres.connect(conninfo) as conn:
            report = _fill_postgres(ws, conn, path, name, progress)
        if report is None:  # the database holds a workspace: the copy joins it
            report = _merge(ws, conninfo, str(path), name, progress)
    progress(len(TABLES), len(TABLES), "done")
    return report


def _fill_postgres(
    ws: Workspace, conn: psycopg.Connection, path: Path, name: str, progress: Progress
) -> CopyReport | None:
    """Copy into a database without a workspace, ids kept; None when it holds one already."""
    try:
        postgres.prepare(conn, name)
        if _filled(conn):
            conn.rollback()
            return None
        counts = {}
        for step, table in enumerate(TABLES):
            progress(step, len(TABLES), table)
            columns = sqlite_columns(ws, table)
            _check_columns(postgres.table_columns(conn, table), columns, table, name)
            counts[table] = _write_postgres(conn, table, columns, sqlite_rows(ws, table, columns))
        _set_identities(conn, _spent_ids(ws))
        rebuild_index(conn)  # the search index, from the copied rows
        _check_counts(counts, {t: _pg_count(conn, t) for t in TABLES}, name)
        conn.commit()
    except BaseException as exc:
        conn.rollback()
        raise _copy_error(exc, name) from None
    return CopyReport(str(path), name, counts)


def _filled(conn: psycopg.Connection) -> bool:
    return any(_pg_count(conn, t) for t in TABLES)


def _merge(src: Workspace, target: str | Path, source_name: str, target_name: str, progress: Progress) -> CopyReport:
    """Copy ``src`` into the workspace at ``target``, which holds one already (``merging``)."""
    try:
        with open_workspace(target) as dst:
            merged = merge_workspace(src, dst, progress)
    except BaseException as exc:
        raise _copy_error(exc, target_name) from None
    return CopyReport(source_name, target_name, dict(merged.added), merged)


def _write_postgres(conn: psycopg.Connection, table: str, columns: list[str], rows: Iterator[tuple]) -> int:
    names = ", ".join(postgres.quoted(c) for c in columns)
    version_of = columns.index("version_of") if table == "sources" else None
    later: list[tuple[Any, Any]] = []  # (id, version_of): a version may name a source copied after it
    written = 0
    with conn.cursor() as cursor, cursor.copy(f"COPY {table} ({names}) FROM STDIN") as copy:
        for row in rows:
            if version_of is not None and row[version_of] is not None:
                later.append((row[0], row[version_of]))
                row = row[:version_of] + (None,) + row[version_of + 1 :]
            copy.write_row(row)
            written += 1
    if later:
        with conn.cursor() as cursor:
            cursor.executemany("UPDATE sources SET version_of = %s WHERE id = %s", [(v, i) for i, v in later])
    return written


def _spent_ids(ws: Workspace) -> dict[str, int]:
    """The largest id each table of the file has handed out, its deleted rows' included (SQLite
    keeps them from schema 11 on; an older file opened read-only has none)."""
    if ws.db.execute("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").fetchone() is None:
        return {}
    return {str(name): int(seq) for name, seq in ws.db.execute("SELECT name, seq FROM sqlite_sequence").fetchall()}


def _set_identities(conn: psycopg.Connection, spent: dict[str, int]) -> None:
    """New rows made on the server continue after the copied ids and after the file's deleted ones,
    which history may still name."""
    for table in TABLES:
        if "id" not in postgres.table_columns(conn, table) or table == "originals":
            continue
        top = f"greatest(coalesce((SELECT max(id) FROM {table}), 0), {int(spent.get(table, 0))}) + 1"
        conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), {top}, false)")


def _pg_count(conn: psycopg.Connection, table: str) -> int:
    return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # type: ignore[index]


# --- PostgreSQL -> file -----------------------------------------------------------------------


def _to_file(conninfo: str, path: Path, progress: Progress) -> CopyReport:
    name = postgres.describe(conninfo)
    if path.exists() or path.is_symlink():
        with open_workspace(conninfo, read_only=True) as ws:
            report = _merge(ws, path, name, str(path), progress)
        progress(len(TABLES), len(TABLES), "done")
        return report
    if not path.parent.is_dir():
        raise WorkspaceError(f"{path}: its folder does not exist")
    partial = path.with_name(f".{path.name}.copying")
    try:
        with postgres.connect(conninfo) as conn:
            version = postgres.schema_version(conn)
            if not postgres.readable(version):
                raise WorkspaceError(postgres.unreadable_reason(name, version))
            _remove(partial)
            with open_workspace(partial) as ws:
                counts = _fill_file(ws, conn, name, progress)
            conn.rollback()  # it only read
        os.replace(partial, path)
    except BaseException as exc:
        raise _copy_error(exc, name) from None
    finally:
        _remove(partial)
        _remove(lock_path(partial))
    progress(len(TABLES), len(TABLES), "done")
    return CopyReport(name, str(path), counts)


def _fill_file(ws: Workspace, conn: psycopg.Connection, name: str, progress: Progress) -> dict[str, int]:
    counts: dict[str, int] = {}
    with ws.bulk(), ws.transaction():
        for step, table in enumerate(TABLES):
            progress(step, len(TABLES), table)
            columns = sqlite_columns(ws, table)
            _check_columns(postgres.table_columns(conn, table), columns, table, name)
            counts[table] = _write_sqlite(ws, table, columns, pg_rows(conn, table, columns))
        rebuild(ws)  # the search index, from the copied rows
        _check_counts(counts, {t: _sqlite_count(ws, t) for t in TABLES}, str(ws.path))
    return counts


def _write_sqlite(ws: Workspace, table: str, columns: list[str], rows: Iterator[tuple]) -> int:
    names = ", ".join(postgres.quoted(c) for c in columns)
    insert = f"INSERT INTO {table} ({names}) VALUES ({', '.join('?' * len(columns))})"
    written, batch = 0, []
    for row in rows:
        batch.append(row)
        if len(batch) >= BATCH:
            ws.db.conn.executemany(insert, batch)
            written, batch = written + len(batch), []
    if batch:
        ws.db.conn.executemany(insert, batch)
        written += len(batch)
    return written


# --- both ways --------------------------------------------------------------------------------


def _sqlite_count(ws: Workspace, table: str) -> int:
    return int(ws.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _check_columns(target: list[str], columns: list[str], table: str, name: str) -> None:
    missing = [c for c in columns if c not in target]
    if missing:
        raise WorkspaceError(f"{name}: table {table} lacks column {missing[0]}; its schema is not this Briefing's")


def _check_counts(copied: dict[str, int], found: dict[str, int], name: str) -> None:
    for table, count in copied.items():
        if found.get(table) != count:
            raise WorkspaceError(f"{name}: {table} holds {found.get(table)} rows after copying {count}; nothing kept")


def _copy_error(exc: BaseException, name: str) -> BaseException:
    """The one line a failed copy says: ours as they are, the database's naming the destination."""
    if isinstance(exc, BriefingError | KeyboardInterrupt):
        return exc
    if isinstance(exc, sqlite3.Error | OSError):
        return WorkspaceError(f"copy failed: {postgres.error_line(exc)}; nothing was kept")
    module = type(exc).__module__ or ""
    if module.startswith("psycopg"):
        return WorkspaceError(f"{name}: copy failed: {postgres.error_line(exc)}; nothing was kept")
    return exc


def _remove(path: Path) -> None:
    try:
        path.unlink()
    except FileNotFoundError:
        pass
