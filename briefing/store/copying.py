"""Copying a whole workspace between a file (SQLite) and a PostgreSQL database, both ways.

``briefing copy case.briefing postgresql://…`` publishes a solo investigation to the team's
server; ``briefing copy postgresql://… plane.briefing`` takes an offline snapshot. Every table
of the data model is copied with its ids, so every reference (a claim's evidence, a note's items,
the judgement history) points where it did; the search index is derived data and is rebuilt at
the destination. The copy is one transaction on PostgreSQL and a new file put in place only once
complete: a failed copy leaves nothing behind. Before committing, the rows of every table are
counted on both sides and must match.

The destination must be empty: a new file, or a database without a workspace (copying into a
workspace that already holds sources would need their ids renumbered).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from briefing.domain import BriefingError, WorkspaceError
from briefing.store import postgres
from briefing.store.lock import lock_path
from briefing.store.opening import open_workspace
from briefing.store.pg_search import rebuild_index
from briefing.store.search_index import rebuild
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

Progress = Callable[[int, int, str], None]


@dataclass(frozen=True)
class CopyReport:
    source: str
    target: str
    counts: dict[str, int]  # rows copied per table, equal on both sides

    def line(self) -> str:
        shown = ("sources", "entities", "quotes", "claims", "evidence", "annotations", "briefings", "history")
        parts = ", ".join(f"{self.counts[t]} {t}" for t in shown if self.counts.get(t))
        return (
            f"copied {self.source} to {self.target}: {parts or 'an empty workspace'}; every table's rows counted equal"
        )


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
    with open_workspace(path, read_only=True) as ws, postgres.connect(conninfo) as conn:
        try:
            postgres.prepare(conn, name)
            _refuse_filled(conn, name)
            counts = {}
            for step, table in enumerate(TABLES):
                progress(step, len(TABLES), table)
                columns = _sqlite_columns(ws, table)
                _check_columns(postgres.table_columns(conn, table), columns, table, name)
                counts[table] = _write_postgres(conn, table, columns, _sqlite_rows(ws, table, columns))
            _set_identities(conn)
            rebuild_index(conn)  # the search index, from the copied rows
            _check_counts(counts, {t: _pg_count(conn, t) for t in TABLES}, name)
            conn.commit()
        except BaseException as exc:
            conn.rollback()
            raise _copy_error(exc, name) from None
    progress(len(TABLES), len(TABLES), "done")
    return CopyReport(str(path), name, counts)


def _refuse_filled(conn: psycopg.Connection, name: str) -> None:
    if any(_pg_count(conn, t) for t in TABLES):
        sources = _pg_count(conn, "sources")
        raise WorkspaceError(
            f"{name} already holds a workspace ({sources} source{'s' if sources != 1 else ''}); "
            "copy into an empty database"
        )


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


def _set_identities(conn: psycopg.Connection) -> None:
    """New rows made on the server continue after the copied ids."""
    for table in TABLES:
        if "id" not in postgres.table_columns(conn, table) or table == "originals":
            continue
        top = f"coalesce((SELECT max(id) FROM {table}), 0) + 1"
        conn.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), {top}, false)")


def _pg_count(conn: psycopg.Connection, table: str) -> int:
    return int(conn.execute(f"SELECT count(*) FROM {table}").fetchone()[0])  # type: ignore[index]


# --- PostgreSQL -> file -----------------------------------------------------------------------


def _to_file(conninfo: str, path: Path, progress: Progress) -> CopyReport:
    name = postgres.describe(conninfo)
    if path.exists() or path.is_symlink():
        raise WorkspaceError(f"{path}: already exists; copy to a new file")
    if not path.parent.is_dir():
        raise WorkspaceError(f"{path}: its folder does not exist")
    partial = path.with_name(f".{path.name}.copying")
    try:
        with postgres.connect(conninfo) as conn:
            version = postgres.schema_version(conn)
            if version is None:
                raise WorkspaceError(f"{name}: holds no Briefing workspace")
            if version != postgres.POSTGRES_SCHEMA_VERSION:
                raise WorkspaceError(
                    f"{name}: its Briefing schema is version {version}, "
                    f"this Briefing uses {postgres.POSTGRES_SCHEMA_VERSION}"
                )
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
            columns = _sqlite_columns(ws, table)
            _check_columns(postgres.table_columns(conn, table), columns, table, name)
            counts[table] = _write_sqlite(ws, table, columns, _pg_rows(conn, table, columns))
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


def _pg_rows(conn: psycopg.Connection, table: str, columns: list[str]) -> Iterator[tuple]:
    names = ", ".join(postgres.quoted(c) for c in columns)
    # sources in id order with their versions' references intact: SQLite checks them at commit
    with conn.cursor(name=f"copy_{table}") as cursor:
        cursor.itersize = BATCH
        cursor.execute(f"SELECT {names} FROM {table} ORDER BY {_order(columns)}")
        yield from cursor


# --- both ways --------------------------------------------------------------------------------


def _sqlite_columns(ws: Workspace, table: str) -> list[str]:
    return [row[1] for row in ws.db.execute(f"PRAGMA table_info({table})").fetchall()]


def _sqlite_rows(ws: Workspace, table: str, columns: list[str]) -> Iterator[tuple]:
    names = ", ".join(postgres.quoted(c) for c in columns)
    cursor = ws.db.execute(f"SELECT {names} FROM {table} ORDER BY {_order(columns)}")
    while batch := cursor.fetchmany(BATCH):
        yield from batch


def _sqlite_count(ws: Workspace, table: str) -> int:
    return int(ws.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0])


def _order(columns: list[str]) -> str:
    keys = ["id"] if "id" in columns else columns[:2]
    return ", ".join(postgres.quoted(k) for k in keys)


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
