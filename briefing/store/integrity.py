"""Checks on a workspace file before it is opened: nothing in it may run code or be trusted blindly.

Everything here reads the file through its own read-only connection with ``trusted_schema`` off,
so a refused file is never changed (no journal, no WAL, no migration). The order:

1. the kind of file: a regular file (a named pipe would hang the read, a broken symbolic link
   would fail later with SQLite's words), then the SQLite header, read by SQLite: other files are
   not workspaces. Never by a descriptor of our own: closing any descriptor of a file drops
   every POSIX lock this process holds on it, the locks of its open connections too, and the
   next process to close the workspace would take itself for the last and delete the -wal and
   -shm under them;
2. the schema version: a newer Briefing's workspace is refused, not half-understood;
3. every schema object (tables with their columns, constraints and foreign keys, indexes,
   triggers, views, virtual tables) must be exactly one our migrations create
   (``briefing.store.schema_check``); a table of one's own is allowed;
4. the search index must be readable in a format this SQLite knows (a cheap read);
5. ``PRAGMA quick_check`` (b-tree structure, page and record format, constraints) and a walk
   through the search index when the clean-close marker asks for it (``thorough``): a file never
   opened here, or whose last session was killed. It is not run on every open because it reads
   the whole file: 10 s on the 1.76 GB, 1,000,000-quote benchmark workspace.
"""

from __future__ import annotations

import errno
import os
import sqlite3
import stat
from pathlib import Path
from urllib.parse import quote

from briefing.domain import WorkspaceDamaged, WorkspaceError
from briefing.store.migrations import MIGRATION_NAMES, MIGRATION_SET, SCHEMA_VERSION
from briefing.store.schema_check import expected_objects, list_strangers

EMPTY = -1  # check_existing's answer for an empty or missing file: a new workspace
RESTORE_HINT = "; restore a backup with 'briefing restore'"  # ends the message of a damaged file
_KINDS = {stat.S_IFIFO: "a named pipe", stat.S_IFSOCK: "a socket", stat.S_IFCHR: "a device", stat.S_IFBLK: "a device"}


def read_only_uri(path: Path, *, exclusive: bool = False) -> str:
    """An SQLite URI that opens ``path`` for reading only.

    A WAL workspace needs its ``-shm`` file even to be read; in a folder nobody may write
    (a read-only mount, a CD) that file cannot be made, so the file is opened as immutable.
    So it is when ``exclusive`` (this process holds the workspace's lock, nobody else writes)
    and no ``-wal`` or ``-journal`` is beside it: the file is whole, and reading it leaves no
    ``-wal`` and ``-shm`` behind, which matters for a file that is then refused.
    """
    uri = f"file:{quote(os.fsencode(path.resolve()))}?mode=ro"  # bytes: a path need not be UTF-8
    alone = not any(Path(f"{path}{suffix}").exists() for suffix in ("-wal", "-journal"))
    unwritable = not os.access(path.parent, os.W_OK) and not Path(f"{path}-shm").exists()
    if unwritable or (exclusive and alone):
        uri += "&immutable=1"
    return uri


def check_file_kind(path: Path) -> bool:
    """Refuse what cannot be a workspace file (a folder, a pipe, a broken link); False when
    nothing is there yet."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        if os.path.islink(path):
            raise WorkspaceError(f"{path}: is a symbolic link to nothing ({os.readlink(path)})") from None
        return False
    except OSError as exc:
        if exc.errno == errno.ELOOP:
            raise WorkspaceError(f"{path}: is a loop of symbolic links") from None
        raise WorkspaceError(f"{path}: cannot be opened ({exc.strerror})") from None
    if stat.S_ISDIR(mode):
        raise WorkspaceError(f"{path}: is a folder, not a workspace file")
    if not stat.S_ISREG(mode):
        raise WorkspaceError(f"{path}: is not a regular file ({_KINDS.get(stat.S_IFMT(mode), 'a special file')})")
    return True


def check_existing(path: Path, *, thorough: bool, exclusive: bool = False) -> int:
    """Refuse a file that must not be opened; return its schema version (EMPTY for a new file).

    ``exclusive``: this process holds the workspace's lock. Raises WorkspaceError with a
    one-line message; the file is left as it was.
    """
    if not check_file_kind(path):
        return EMPTY
    if not os.stat(path).st_size:
        return EMPTY  # an empty file becomes a new workspace
    try:
        conn = sqlite3.connect(read_only_uri(path, exclusive=exclusive), uri=True)
        try:
            conn.execute("PRAGMA trusted_schema = OFF")
            return _check(path, conn, thorough)
        finally:
            conn.close()
    except sqlite3.Error as exc:
        if getattr(exc, "sqlite_errorcode", 0) == sqlite3.SQLITE_NOTADB:  # no SQLite header
            reason = "not an SQLite file, or its header is damaged"
            raise WorkspaceError(f"{path}: not a Briefing workspace ({reason})") from None
        detail = " ".join(str(exc).split())[:160]
        if getattr(exc, "sqlite_errorcode", 0) & 0xFF == sqlite3.SQLITE_CORRUPT:  # a file cut short or overwritten
            raise WorkspaceDamaged(f"{path}: the workspace file is damaged ({detail}){RESTORE_HINT}") from None
        raise WorkspaceError(f"{path}: not a readable Briefing workspace ({detail})") from None
    except ValueError:  # text that is not UTF-8 where SQLite keeps names and schema
        raise WorkspaceDamaged(f"{path}: the workspace file is damaged (its schema is not readable text)") from None


def _check(path: Path, conn: sqlite3.Connection, thorough: bool) -> int:
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    tables = [r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")]
    applied: list[str] = []
    if "_sqlite_migrations" in tables:
        applied = [
            r[0] for r in conn.execute("SELECT name FROM _sqlite_migrations WHERE migration_set = ?", [MIGRATION_SET])
        ]
    check_version(path, version, applied, tables)
    check_schema_objects(path, conn, len(applied))
    if thorough:
        check_integrity(path, conn)  # first: a damaged b-tree is the file's fault, not the index's
    check_search_index(path, conn, len(applied), thorough)
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
    """Refuse schema objects that our migrations did not create as they are."""
    strangers = list_strangers(conn, applied)
    if strangers:
        shown = ", ".join(strangers[:3]) + (f" and {len(strangers) - 3} more" if len(strangers) > 3 else "")
        raise WorkspaceError(
            f"{path}: refused: its schema is not the one Briefing makes ({shown}; such changes could run "
            "code or delete data); the file was not changed"
        )


def check_search_index(path: Path, conn: sqlite3.Connection, applied: int, thorough: bool) -> None:
    """Read each full-text index: its settings on every open (a format this SQLite does not
    know fails every search and import), every entry of it when ``thorough``: ``quick_check``
    does not look inside the index's blobs."""
    names = [name for name, seen in expected_objects(applied).items() if seen.kind == "virtual table"]
    try:
        for name in names:
            conn.execute(f'SELECT rowid FROM "{name}" LIMIT 1').fetchall()
            if thorough:
                conn.execute(f"CREATE VIRTUAL TABLE temp.index_walk USING fts5vocab(main, \"{name}\", 'instance')")
                conn.execute("SELECT count(*) FROM temp.index_walk").fetchall()
                conn.execute("DROP TABLE temp.index_walk")
    except sqlite3.Error as exc:
        detail = " ".join(str(exc).split())[:120]
        raise WorkspaceDamaged(f"{path}: its search index is damaged ({detail}){RESTORE_HINT}") from None


def check_integrity(path: Path, conn: sqlite3.Connection) -> None:
    """``PRAGMA quick_check``: refuse a damaged file before anything writes to it."""
    try:
        problems = [row[0] for row in conn.execute("PRAGMA quick_check(3)")]
    except sqlite3.DatabaseError as exc:
        problems = [str(exc)]
    if problems != ["ok"]:
        detail = " ".join(problems[0].split())[:120]
        raise WorkspaceDamaged(f"{path}: the workspace file is damaged ({detail}){RESTORE_HINT}")
