"""The store's SQL on PostgreSQL: a connection that speaks the part of sqlite-utils' ``Database``
the store uses (``execute``, ``conn.executemany``, ``atomic``, ``table(...).insert``), and the
translation of the store's SQLite dialect.

The store writes one SQL, SQLite's; ``translate`` rewrites what PostgreSQL spells differently:
``?`` parameters, ``INSERT OR IGNORE``, ``group_concat``, ``instr``, two-argument ``max``/``min``,
SQLite's case-blind ``LIKE`` and ``COLLATE NOCASE``. String literals and quoted names are never
touched. What cannot be translated (PRAGMAs, the FTS5 search index) is asked of ``ws.backend``
by the store code that needs it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from briefing.domain import ReadFailed, WorkspaceError
from briefing.store.postgres import error_line

if TYPE_CHECKING:
    import psycopg

    from briefing.store.workspace import Workspace

_CALL = re.compile(r"\b(max|min|instr|char|group_concat)\s*\(", re.IGNORECASE)  # what _functions rewrites


def _pieces(sql: str) -> Iterator[tuple[str, str]]:
    """(kind, text) of ``sql``: 'code', or 'literal' for '…' strings and "…" names, kept whole."""
    start = i = 0
    while i < len(sql):
        quote = sql[i]
        if quote in "'\"":
            if i > start:
                yield "code", sql[start:i]
            end = i + 1
            while True:
                end = sql.find(quote, end)
                if end == -1:
                    end = len(sql)
                    break
                if sql[end + 1 : end + 2] == quote:  # a doubled quote inside
                    end += 2
                    continue
                break
            yield "literal", sql[i : end + 1]
            start = i = end + 1
        else:
            i += 1
    if start < len(sql):
        yield "code", sql[start:]


def _top_level_commas(text: str, open_at: int) -> tuple[int, int]:
    """(commas at depth one, index of the closing parenthesis) for the call opened at ``open_at``."""
    depth, commas = 0, 0
    for index in range(open_at, len(text)):
        char = text[index]
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth == 0:
                return commas, index
        elif char == "," and depth == 1:
            commas += 1
    return commas, len(text)


def _split_arguments(text: str) -> list[str]:
    parts, depth, start = [], 0, 0
    for index, char in enumerate(text):
        if char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "," and depth == 0:
            parts.append(text[start:index])
            start = index + 1
    parts.append(text[start:])
    return [p.strip() for p in parts]


def _functions(code: str) -> str:
    """Two-argument max/min as greatest/least, instr as strpos, char as chr, group_concat as
    string_agg over text."""
    out, i = [], 0
    while True:
        match = _CALL.search(code, i)
        if match is None:
            break
        name, open_at = match.group(1).lower(), match.end() - 1
        out.append(code[i : match.start()])
        commas, close_at = _top_level_commas(code, open_at)
        if name == "group_concat":
            arguments = _split_arguments(_functions(code[open_at + 1 : close_at]))
            value, separator = arguments[0], arguments[1] if len(arguments) > 1 else "','"
            distinct = re.match(r"DISTINCT\s+", value, re.IGNORECASE)
            value = f"DISTINCT ({value[distinct.end() :]})::text" if distinct else f"({value})::text"
            out.append(f"string_agg({value}, {separator})")
            i = close_at + 1
            continue
        if name in ("max", "min"):
            out.append(("greatest" if name == "max" else "least") if commas else match.group(1))
        else:
            out.append({"instr": "strpos", "char": "chr"}[name])
        out.append("(")
        i = open_at + 1
    out.append(code[i:])
    return "".join(out)


@lru_cache(maxsize=4096)
def translate(sql: str, with_parameters: bool = True) -> str:
    """The store's SQLite ``sql`` as PostgreSQL reads it."""
    literals: list[str] = []
    code_parts = []
    for kind, text in _pieces(sql):  # literals set aside, so no rule below ever reads inside one
        if kind == "literal":
            literals.append(text.replace("%", "%%") if with_parameters else text)
            code_parts.append(f"\x00{len(literals) - 1}\x00")
        else:
            code_parts.append(text.replace("%", "%%") if with_parameters else text)
    code = "".join(code_parts).replace("?", "%s")
    ignore = re.search(r"\bINSERT\s+OR\s+IGNORE\b", code, re.IGNORECASE) is not None
    code = re.sub(r"\bINSERT\s+OR\s+IGNORE\b", "INSERT", code, flags=re.IGNORECASE)
    code = re.sub(r"\bLIKE\b", "ILIKE", code, flags=re.IGNORECASE)  # SQLite's LIKE ignores ASCII case
    code = re.sub(r"\bIS\s+NOT\s+%s", "IS DISTINCT FROM %s", code, flags=re.IGNORECASE)
    code = re.sub(r"\bIS\s+%s", "IS NOT DISTINCT FROM %s", code, flags=re.IGNORECASE)
    code = _functions(code)
    if ignore:
        code = code.rstrip().rstrip(";") + " ON CONFLICT DO NOTHING"
    return re.sub("\x00(\\d+)\x00", lambda m: literals[int(m.group(1))], code)


_READ = re.compile(r"\s*(SELECT|WITH|EXPLAIN)\b", re.IGNORECASE)  # a statement that only reads (the store's reads)


def _value(value: Any) -> Any:
    return int(value) if isinstance(value, bool) else value


def _parameters(params: Any) -> Any:
    if params is None:
        return None
    if isinstance(params, dict):
        return {k: _value(v) for k, v in params.items()}
    return [_value(v) for v in params]


class PgCursor:
    """What the store reads from a cursor: fetchone, fetchall, fetchmany, iteration, rowcount."""

    def __init__(self, cursor: psycopg.Cursor):
        self._cursor = cursor

    @property
    def rowcount(self) -> int:
        return self._cursor.rowcount

    @property
    def description(self):
        return self._cursor.description

    def fetchone(self) -> tuple | None:
        return self._cursor.fetchone() if self._cursor.description else None

    def fetchall(self) -> list[tuple]:
        return self._cursor.fetchall() if self._cursor.description else []

    def fetchmany(self, size: int = 1) -> list[tuple]:
        return self._cursor.fetchmany(size) if self._cursor.description else []

    def __iter__(self) -> Iterator[tuple]:
        return iter(self.fetchall())


class PgConnection:
    """``Database.conn`` for the store: execute, executemany, in_transaction, close.

    A connection the server dropped (a restart, a network cut) is opened again by ``reconnect``
    at the next statement outside a transaction; the statement that met the loss fails in one
    line, and nothing of its transaction is kept."""

    def __init__(
        self, conn: psycopg.Connection, reconnect: Callable[[], psycopg.Connection] | None = None, name: str = ""
    ):
        self.raw = conn
        self._reconnect = reconnect
        self.name = name or "the team database"
        self.depth = 0  # open transactions: a connection lost inside one is not opened again there

    @property
    def in_transaction(self) -> bool:
        from psycopg.pq import TransactionStatus

        return self.raw.info.transaction_status != TransactionStatus.IDLE

    def ready(self, read: bool = False) -> psycopg.Connection:
        """The connection, opened again when the server dropped it (never inside a transaction,
        whose statements went with the old connection). ``read``: the statement only reads, and
        a failure says nothing could be read rather than that nothing was saved."""
        if (self.raw.closed or self.raw.broken) and self._reconnect is not None:
            if self.depth:
                raise WorkspaceError(f"{self.name}: the connection to the server was lost; nothing was saved")
            try:
                fresh = self._reconnect()
            except WorkspaceError as exc:
                if read:
                    raise ReadFailed(str(exc)) from None
                raise WorkspaceError(f"{exc}; nothing was saved") from None
            self.raw = fresh
        return self.raw

    @contextmanager
    def lost(self, read: bool = False) -> Iterator[None]:
        """A statement that finds the connection gone fails in one line (WorkspaceError; for a
        read outside a transaction, ReadFailed)."""
        import psycopg

        try:
            yield
        except psycopg.OperationalError as exc:
            if not (self.raw.closed or self.raw.broken):
                raise  # a lock timeout, a cancelled query: the connection is fine
            cause = f"{self.name}: the connection to the server was lost ({error_line(exc)})"
            if read:
                raise ReadFailed(cause) from None
            raise WorkspaceError(f"{cause}; nothing was saved, and the next action connects again") from None

    def execute(self, sql: str, params: Any = None) -> PgCursor:
        """Run one statement; a read outside a transaction that finds the connection dropped is
        run again once on a new one (reading twice changes nothing), a write fails in one line."""
        read = not self.depth and _READ.match(sql) is not None
        for attempt in (1, 2):
            raw = self.ready(read)
            try:
                with self.lost(read):
                    cursor = raw.cursor()
                    cursor.execute(translate(sql, params is not None), _parameters(params))
                return PgCursor(cursor)
            except WorkspaceError:
                if attempt == 2 or not read or self._reconnect is None:
                    raise
        raise AssertionError("unreachable")

    def executemany(self, sql: str, rows: Sequence[Any]) -> None:
        rows = [_parameters(r) for r in rows]
        if not rows:
            return
        raw = self.ready()
        with self.lost(), raw.cursor() as cursor:
            cursor.executemany(translate(sql), rows)

    def commit(self) -> None:
        """Writes outside ``atomic`` commit at once (autocommit); this ends any transaction left open."""
        if self.in_transaction:
            self.raw.commit()

    def close(self) -> None:
        self.raw.close()


class _Inserted:
    def __init__(self, last_pk: int):
        self.last_pk = last_pk


class _Table:
    def __init__(self, db: PgDatabase, name: str):
        self.db, self.name = db, name

    def insert(self, record: dict) -> _Inserted:
        columns = list(record)
        names = ", ".join(f'"{c}"' for c in columns)
        marks = ", ".join("?" for _ in columns)
        row = self.db.execute(
            f'INSERT INTO "{self.name}" ({names}) VALUES ({marks}) RETURNING id', [record[c] for c in columns]
        ).fetchone()
        assert row is not None
        return _Inserted(int(row[0]))


class PgDatabase:
    """The sqlite-utils ``Database`` the store knows, over one psycopg connection (autocommit
    outside ``atomic``, as sqlite-utils' connection is)."""

    def __init__(
        self, conn: psycopg.Connection, reconnect: Callable[[], psycopg.Connection] | None = None, name: str = ""
    ):
        conn.autocommit = True
        self.conn = PgConnection(conn, reconnect, name)

    def execute(self, sql: str, params: Any = None) -> PgCursor:
        return self.conn.execute(sql, params)

    def table(self, name: str) -> _Table:
        return _Table(self, name)

    def __getitem__(self, name: str) -> _Table:
        return self.table(name)

    @contextmanager
    def atomic(self) -> Iterator[None]:
        """All statements inside commit together (nested: a savepoint), as sqlite-utils' atomic."""
        raw = self.conn.ready()
        self.conn.depth += 1
        try:
            with self.conn.lost(), raw.transaction():
                yield
        finally:
            self.conn.depth -= 1

    def close(self) -> None:
        self.conn.close()


def revive(ws: Workspace) -> None:
    """Make sure a team workspace's connection still reaches the server, opening it again when the
    server dropped it meanwhile (a dead connection shows only when a statement fails): before a
    redraw after the server came back, whose first read would otherwise fail."""
    db = ws.db
    if isinstance(db, PgDatabase) and not db.conn.in_transaction:
        try:
            db.conn.execute("SELECT 1").fetchall()
        except WorkspaceError:
            db.conn.ready()


def server_connection(ws: Workspace) -> psycopg.Connection:
    """A team workspace's psycopg connection, the one its ``PgDatabase`` wraps: for what has no
    SQLite spelling (the server's search index, its process id for change notices)."""
    db = ws.db
    if not isinstance(db, PgDatabase):
        raise TypeError(f"{ws.name} is not a team workspace")
    return db.conn.ready()


@contextmanager
def server_reading(ws: Workspace) -> Iterator[psycopg.Connection]:
    """``server_connection`` for statements that only read, outside any transaction (the search
    index's): a server out of reach or gone fails as ReadFailed, in one line."""
    db = ws.db
    if not isinstance(db, PgDatabase):
        raise TypeError(f"{ws.name} is not a team workspace")
    read = not db.conn.depth
    raw = db.conn.ready(read)
    with db.conn.lost(read):
        yield raw
