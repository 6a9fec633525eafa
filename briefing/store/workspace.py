"""Opening a workspace file: version check, connection settings, migrations.

A ``Workspace`` wraps one sqlite-utils ``Database`` and, like it, belongs to
the thread that opened it; a background worker opens its own.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import quote

from sqlite_utils import Database

from briefing.domain import WorkspaceError
from briefing.store.migrations import MIGRATION_NAMES, MIGRATION_SET, SCHEMA_VERSION, migrations

SQLITE_MAGIC = b"SQLite format 3\x00"
BUSY_TIMEOUT_MS = 5000


class Workspace:
    """One open workspace; use as a context manager or call ``close``."""

    def __init__(self, db: Database, path: Path | None):
        self.db = db
        self.path = path
        self._bulk_depth = 0

    @property
    def name(self) -> str:
        return self.path.name if self.path else ":memory:"

    @contextmanager
    def transaction(self) -> Iterator[Database]:
        """All writes inside commit together or not at all."""
        with self.db.atomic():
            yield self.db

    @contextmanager
    def bulk(self) -> Iterator[None]:
        """Machine work that can be redone (import, analysis): commits still happen per
        source, but are not flushed to disk one by one; a crash keeps the workspace
        consistent and loses at most the last sources, never an analyst's edit."""
        if self.path is None or self._bulk_depth:
            self._bulk_depth += 1
            try:
                yield
            finally:
                self._bulk_depth -= 1
            return
        self._bulk_depth = 1
        self.db.conn.execute("PRAGMA synchronous = NORMAL")
        try:
            yield
        finally:
            self._bulk_depth = 0
            self.db.conn.execute("PRAGMA synchronous = FULL")

    def insert(self, table: str, record: dict) -> int:
        """Insert one row and return its id."""
        row_id = self.db.table(table).insert(record).last_pk
        assert isinstance(row_id, int)
        return row_id

    def close(self) -> None:
        self.db.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def open_workspace(path: str | Path | None = None, *, memory: bool = False) -> Workspace:
    """Open (creating if needed) and migrate the workspace at ``path``.

    With ``memory=True`` the workspace lives in memory (tests, previews).
    Raises WorkspaceError with a one-line message when the file is not a
    Briefing workspace or was made by a newer version; the file is not touched.
    """
    if memory:
        return _prepare(Database(memory=True, execute_plugins=False), None)
    target = Path(path).expanduser() if path is not None else None
    if target is None:
        raise WorkspaceError("no workspace path given")
    _check_existing(target)
    if not target.parent.is_dir():
        raise WorkspaceError(f"{target}: folder {target.parent} does not exist")
    try:
        return _prepare(Database(target, execute_plugins=False), target)
    except sqlite3.Error as exc:
        raise WorkspaceError(f"{target}: cannot open workspace ({exc})") from None


def _prepare(db: Database, path: Path | None) -> Workspace:
    conn = db.conn
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA trusted_schema = OFF")
    conn.execute("PRAGMA foreign_keys = ON")
    if path is not None:
        conn.execute("PRAGMA journal_mode = WAL")
        # FULL: a committed edit survives power loss, not only a crash of the app.
        conn.execute("PRAGMA synchronous = FULL")
    migrations.apply(db)
    return Workspace(db, path)


def _check_existing(path: Path) -> None:
    if not path.exists():
        return
    if path.is_dir():
        raise WorkspaceError(f"{path}: is a folder, not a workspace file")
    try:
        with path.open("rb") as handle:
            head = handle.read(len(SQLITE_MAGIC))
    except OSError as exc:
        raise WorkspaceError(f"{path}: cannot read ({exc.strerror})") from None
    if not head:
        return  # an empty file becomes a new workspace
    if head != SQLITE_MAGIC:
        raise WorkspaceError(f"{path}: not a Briefing workspace (not an SQLite file)")
    version, applied, tables = _inspect(path)
    _check_version(path, version, applied, tables)


def _inspect(path: Path) -> tuple[int, list[str], list[str]]:
    uri = f"file:{quote(str(path.resolve()))}?mode=ro"
    try:
        conn = sqlite3.connect(uri, uri=True)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
            applied = []
            if "_sqlite_migrations" in tables:
                applied = [
                    r[0]
                    for r in conn.execute(
                        "SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET]
                    )
                ]
            return version, applied, tables
        finally:
            conn.close()
    except sqlite3.Error as exc:
        raise WorkspaceError(f"{path}: not a readable Briefing workspace ({exc})") from None


def _check_version(path: Path, version: int, applied: list[str], tables: list[str]) -> None:
    unknown = [name for name in applied if name not in MIGRATION_NAMES]
    if version > SCHEMA_VERSION or unknown:
        raise WorkspaceError(
            f"{path}: made by a newer version of Briefing (schema {max(version, len(applied))}, "
            f"this version knows {SCHEMA_VERSION}); update Briefing to open it"
        )
    if tables and not applied:
        raise WorkspaceError(f"{path}: not a Briefing workspace (an SQLite file with other tables)")


def utc_now() -> str:
    """The current time as stored in the workspace: ISO 8601, UTC, seconds."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()
