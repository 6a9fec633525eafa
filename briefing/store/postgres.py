"""A team workspace on a PostgreSQL server: telling one from a file, connecting, its schema.

The only module that imports psycopg (loaded when a PostgreSQL workspace is first used: a solo
workspace never loads it). A workspace there is named by a libpq connection string, as URL
(``postgresql://host/db``) or as key=value words (``service=team``, ``host=/run/pg dbname=x``);
credentials come from libpq's password or service file, never from Briefing, and a description
of the connection for messages never carries a password.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import unquote

from briefing.domain import WorkspaceError
from briefing.paths import postgres_schema
from briefing.store.pg_search import create_search_index

if TYPE_CHECKING:
    import psycopg

# The schema version db/postgresql.sql creates; tests/store/test_postgres.py keeps it equal to
# the SQLite migrations' SCHEMA_VERSION and the two schemas' tables and columns the same.
POSTGRES_SCHEMA_VERSION = 14
# Older versions a team database is upgraded from when opened for writing, each with the SQL that
# does it (SQLite's migrations since that version, in PostgreSQL's words). 10 -> 11 changed
# nothing here (SQLite's schema 11 stops handing a deleted row's id to the next row, which
# identity columns never did); 11 -> 12 records how each claim suggestion was ranked and puts
# scores by shared words on the 0-1 scale (migration 0012); 12 -> 13 keeps the type each source's
# analysis read beside its mentions (migration 0013); 13 -> 14 indexes a quote under its
# speaker's name and aliases, without the words describing them (migration 0014).
_SUGGESTION_RANKING = """
ALTER TABLE claim_suggestions ADD COLUMN ranking text NOT NULL DEFAULT 'words'
    CHECK (ranking IN ('words','meaning'));
UPDATE claim_suggestions SET ranking = 'meaning'
    WHERE claim_id IN (SELECT claim_id FROM claim_suggestions GROUP BY claim_id HAVING max(score) <= 1);
UPDATE claim_suggestions g SET score = round((g.score / m.best)::numeric, 4)
    FROM (SELECT claim_id, max(score) AS best FROM claim_suggestions GROUP BY claim_id) m
    WHERE m.claim_id = g.claim_id AND g.ranking = 'words';
"""
_MENTION_TYPES = """
ALTER TABLE mentions ADD COLUMN IF NOT EXISTS found_type text
    CHECK (found_type IS NULL OR found_type IN ('person','organisation','place','group'));
"""
_SPEAKER_NAMES = """
DO $$ BEGIN
IF to_regclass('search_docs') IS NOT NULL THEN  -- an index not made yet is made with the names
    UPDATE search_docs d SET speaker = briefing_search_spaced(trim(e.name || ' ' ||
           coalesce((SELECT string_agg(a.alias, ' ') FROM entity_aliases a WHERE a.entity_id = e.id), '')))
        FROM quotes q JOIN entities e ON e.id = q.speaker_id
        WHERE d.kind = 'quote' AND d.ref_id = q.id;
END IF;
END $$;
"""
_UPGRADES: dict[int, str] = {
    10: _SUGGESTION_RANKING + _MENTION_TYPES + _SPEAKER_NAMES,
    11: _SUGGESTION_RANKING + _MENTION_TYPES + _SPEAKER_NAMES,
    12: _MENTION_TYPES + _SPEAKER_NAMES,
    13: _SPEAKER_NAMES,
}
_KEY_VALUE = re.compile(r"^\s*[A-Za-z_]+\s*=")
# a password= value: quoted, or up to a space or a URL's next parameter (a backslash escapes a space)
_PASSWORD = re.compile(r"(password\s*=\s*)('(?:[^'\\]|\\.)*'|(?:\\.|[^\s\\&])+)", re.IGNORECASE)
# a URL's user:password@, up to the last @ before its parameters ("ana:se/cret@", "ana:sec#ret@")
_URL_USERINFO_PASSWORD = re.compile(r"^postgres(?:ql)?://[^:/?#@]*:([^?]*)@", re.IGNORECASE)


def is_postgres(target: str) -> bool:
    """True when ``target`` names a PostgreSQL workspace rather than a file."""
    text = str(target)
    return text.lower().startswith(("postgresql://", "postgres://")) or bool(_KEY_VALUE.match(text))


def describe(conninfo: str) -> str:
    """``conninfo`` for messages: any password in it replaced by ``***``."""
    return hide_passwords(conninfo, conninfo)


def hide_passwords(text: str, conninfo: str) -> str:
    """``text`` (a connection string, or a message about one) with every password ``conninfo``
    may hold replaced by ``***``: read as libpq reads it, and also as a person may have meant
    it, since libpq repeats a password it cannot decode ('invalid percent-encoded token')."""
    for secret in sorted(_passwords(conninfo), key=len, reverse=True):
        text = text.replace(secret, "***")
    return text


def _passwords(conninfo: str) -> set[str]:
    found = {m.group(1) for m in _URL_USERINFO_PASSWORD.finditer(conninfo)}
    found |= {m.group(2) for m in _PASSWORD.finditer(conninfo)}
    found |= {value[1:-1] for value in found if len(value) > 1 and value[0] == value[-1] == "'"}
    found |= {unquote(value) for value in found}
    try:
        from psycopg.conninfo import conninfo_to_dict

        parsed = conninfo_to_dict(conninfo).get("password")
    except Exception:  # noqa: BLE001 - unreadable: the patterns above are all there is
        parsed = None
    if isinstance(parsed, str):
        found.add(parsed)
    return {secret for secret in found if secret}


def connect(conninfo: str) -> psycopg.Connection:
    """A connection to the workspace's database; WorkspaceError in one line when it cannot be made."""
    try:
        import psycopg
    except ImportError:  # pragma: no cover - psycopg is a dependency; a broken install says so
        raise WorkspaceError("PostgreSQL workspaces need psycopg: reinstall Briefing (make run)") from None
    try:
        return psycopg.connect(conninfo, autocommit=False)
    except psycopg.Error as exc:
        reason = hide_passwords(_first_line(exc), conninfo)
        raise WorkspaceError(f"{describe(conninfo)}: cannot connect: {reason}") from None


def schema_version(conn: psycopg.Connection) -> int | None:
    """The Briefing schema version of the connected database, None when it has no Briefing schema."""
    row = conn.execute("SELECT to_regclass('briefing_schema') IS NOT NULL").fetchone()
    if not row or not row[0]:
        return None
    version = conn.execute("SELECT max(version) FROM briefing_schema").fetchone()
    return int(version[0]) if version and version[0] is not None else None


def create_schema(conn: psycopg.Connection) -> None:
    """Create Briefing's tables in an empty database (in the caller's transaction)."""
    conn.execute(postgres_schema().read_text(encoding="utf-8"))


def prepare(conn: psycopg.Connection, name: str, create: bool = True) -> None:
    """Make ``conn``'s database ready to hold a workspace: create the schema when it has none
    (refuse, without ``create``), refuse one of another schema version."""
    version = schema_version(conn)
    if version is None and not create:
        raise WorkspaceError(
            f"{name}: no workspace there (an empty database; 'briefing import FILE --workspace …' makes one)"
        )
    if version is None:
        tables = conn.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = current_schema()"
        ).fetchone()
        if tables and tables[0]:
            raise WorkspaceError(f"{name}: the database holds other tables and no Briefing workspace; use an empty one")
        create_schema(conn)
    elif version in _UPGRADES:
        if _UPGRADES[version]:
            conn.execute(_UPGRADES[version])
        conn.execute("INSERT INTO briefing_schema (version) VALUES (%s)", [POSTGRES_SCHEMA_VERSION])
    elif version != POSTGRES_SCHEMA_VERSION:
        raise WorkspaceError(
            f"{name}: its Briefing schema is version {version}, this Briefing uses {POSTGRES_SCHEMA_VERSION}"
        )
    create_search_index(conn)


def readable(version: int | None) -> bool:
    """True when this Briefing reads a team database of schema ``version`` as it is (an older one
    is upgraded the first time it is opened for writing)."""
    return version == POSTGRES_SCHEMA_VERSION


def unreadable_reason(name: str, version: int | None) -> str:
    """Why a team database of schema ``version`` cannot be read as it is, in one line."""
    if version is None:
        return f"{name}: holds no Briefing workspace"
    if version in _UPGRADES:
        return (
            f"{name}: its Briefing schema is version {version}; "
            f"open it once for writing to upgrade it to {POSTGRES_SCHEMA_VERSION}"
        )
    return f"{name}: its Briefing schema is version {version}, this Briefing uses {POSTGRES_SCHEMA_VERSION}"


def table_columns(conn: psycopg.Connection, table: str) -> list[str]:
    rows = conn.execute(
        "SELECT column_name FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND table_name = %s ORDER BY ordinal_position",
        [table],
    ).fetchall()
    return [r[0] for r in rows]


def error_line(exc: BaseException) -> str:
    """A psycopg error as one line (its first), for messages."""
    return _first_line(exc)


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def quoted(name: str) -> str:
    """An identifier of ours, quoted for SQL (``"end"`` is a keyword on both engines)."""
    if not re.fullmatch(r"[a-z_]+", name):
        raise ValueError(f"not a Briefing identifier: {name!r}")
    return f'"{name}"'
