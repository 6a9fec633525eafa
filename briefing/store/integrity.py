"""Checks on a workspace file before it is opened: nothing in it may run code or be trusted blindly.

Everything here reads the file through its own read-only connection with ``trusted_schema`` off,
so a refused file is never changed (no journal, no WAL, no migration). The order:

1. the SQLite header and the tables: other SQLite files are not workspaces;
2. the schema version: a newer Briefing's workspace is refused, not half-understood;
3. triggers, views and virtual tables: each must be exactly one our migrations create.
   A trigger runs SQL on every write, a view on every read; a workspace from someone else
   must not bring its own;
4. ``PRAGMA quick_check`` (b-tree structure, page and record format, constraints) when the
   clean-close marker asks for it (``thorough``): a file never opened here, or whose last
   session was killed. It is not run on every open because it reads the whole file: 10 s on
   the 1.76 GB, 1,000,000-quote benchmark workspace.
"""

from __future__ import annotations

import os
import sqlite3
from functools import cache
from pathlib import Path
from urllib.parse import quote

from briefing.domain import WorkspaceError
from briefing.store.migrations import MIGRATION_NAMES, MIGRATION_SET, SCHEMA_VERSION, migrations

SQLITE_MAGIC = b"SQLite format 3\x00"
EMPTY = -1  # check_existing's answer for an empty or missing file: a new workspace
_OBJECTS_SQL = (
    "SELECT type, name, sql FROM sqlite_master "
    "WHERE type IN ('trigger', 'view') OR (type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%')"
)


def read_only_uri(path: Path) -> str:
    """An SQLite URI that opens ``path`` for reading only.

    A WAL workspace needs its ``-shm`` file even to be read; in a folder nobody may write
    (a read-only mount, a CD) that file cannot be made, so the file is opened as immutable.
    """
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    if not os.access(path.parent, os.W_OK) and not Path(f"{path}-shm").exists():
        uri += "&immutable=1"
    return uri


def check_existing(path: Path, *, thorough: bool) -> int:
    """Refuse a file that must not be opened; return its schema version (EMPTY for a new file).

    Raises WorkspaceError with a one-line message; the file is left as it was.
    """
    if not path.exists():
        return EMPTY
    if path.is_dir():
        raise WorkspaceError(f"{path}: is a folder, not a workspace file")
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise WorkspaceError(f"{path}: cannot read ({exc.strerror})") from None
    if not head:
        return EMPTY  # an empty file becomes a new workspace
    if head != SQLITE_MAGIC:
        raise WorkspaceError(f"{path}: not a Briefing workspace (not an SQLite file)")
    try:
        conn = sqlite3.connect(read_only_uri(path), uri=True)
        try:
            conn.execute("PRAGMA trusted_schema = OFF")
            return _check(path, conn, thorough)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise WorkspaceError(f"{path}: not a readable Briefing workspace ({exc})") from None


def _check(path: Path, conn: sqlite3.Connection, thorough: bool) -> int:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    applied: list[str] = []
    if "_sqlite_migrations" in tables:
        applied = [
            r[0]
            for r in conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET])
        ]
    check_version(path, version, applied, tables)
    check_schema_objects(path, conn, len(applied))
    if thorough:
        check_integrity(path, conn)
    return version


def check_version(path: Path, version: int, applied: list[str], tables: list[str]) -> None:
    unknown = [name for name in applied if name not in MIGRATION_NAMES]
    if version > SCHEMA_VERSION or unknown:
        raise WorkspaceError(
            f"{path}: made by a newer version of Briefing (schema {max(version, len(applied))}, "
            f"this version knows {SCHEMA_VERSION}); update Briefing to open it"
        )
    if tables and not applied:
        raise WorkspaceError(f"{path}: not a Briefing workspace (an SQLite file with other tables)")


def check_schema_objects(path: Path, conn: sqlite3.Connection, applied: int) -> None:
    """Refuse triggers, views and virtual tables that our migrations did not create as they are."""
    expected = expected_objects(applied)
    strangers = [
        f"{'virtual table' if kind == 'table' else kind} {name}"
        for kind, name, sql in conn.execute(_OBJECTS_SQL)
        if expected.get((kind, name)) != sql
    ]
    if strangers:
        shown = ", ".join(strangers[:3]) + (f" and {len(strangers) - 3} more" if len(strangers) > 3 else "")
        raise WorkspaceError(
            f"{path}: refused: it holds {shown} that Briefing did not make (they could run code on "
            "open); the file was not changed"
        )


@cache
def expected_objects(applied: int) -> dict[tuple[str, str], str]:
    """(type, name) -> SQL of the triggers, views and virtual tables after ``applied`` migrations."""
    from sqlite_utils import Database  # with the first workspace opened, not at start

    db = Database(memory=True, execute_plugins=False)
    try:
        stop = MIGRATION_NAMES[applied] if applied < len(MIGRATION_NAMES) else None
        migrations.apply(db, stop_before=stop)
        return {(kind, name): sql for kind, name, sql in db.execute(_OBJECTS_SQL).fetchall()}
    finally:
        db.close()


def check_integrity(path: Path, conn: sqlite3.Connection) -> None:
    """``PRAGMA quick_check``: refuse a damaged file before anything writes to it."""
    try:
        problems = [row[0] for row in conn.execute("PRAGMA quick_check(3)")]
    except sqlite3.DatabaseError as exc:
        problems = [str(exc)]
    if problems != ["ok"]:
        detail = " ".join(problems[0].split())[:120]
        raise WorkspaceError(
            f"{path}: the workspace file is damaged ({detail}); restore a backup with 'briefing restore'"
        )
