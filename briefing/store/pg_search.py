"""The search index of a team workspace on PostgreSQL: its schema, its writes, its vocabulary.

db/postgresql_search.sql creates it (``create_search_index``, from ``postgres.prepare``). The
index writes run on the server in one statement per change: the rows of the changed sources are
deleted and selected again from the workspace's tables, as SQLite's ``_index_source`` writes
them, and every term of the new rows goes into the vocabulary (``search_terms``). The store
calls them through ``briefing.store.search_index``, inside its own transaction.

A database whose index is empty while it holds sources (a workspace copied in, or created before
the index existed) is indexed when it is next opened for writing.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING

from briefing.cjk import unspace
from briefing.paths import postgres_schema

if TYPE_CHECKING:
    import psycopg

CONFIG = "briefing"  # the text search configuration of db/postgresql_search.sql
GIN_INDEX = "idx_search_docs_doc"
REBUILD_BATCH = 1_000  # sources indexed by one statement of a rebuild
# Non-ASCII punctuation the index keeps a space either side of (briefing_search_spaced)
_PUNCTUATION = (
    "\u00a1-\u00bf\u00d7\u00f7\u2000-\u206f\u2190-\u2bff\u2e00-\u2e7f\u3000-\u303f"
    "\ufe30-\ufe4f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
)
_SPACED_MARK = re.compile(f" ?([{_PUNCTUATION}]) ?")

_ROWS = """
SELECT 'source' AS kind, s.id AS ref_id, s.id AS source_id, s.published, s.outlet, s.reliability AS grade,
       NULL::text AS status, NULL::bigint AS speaker_id, s.text AS body, '' AS speaker,
       coalesce(s.title, '') AS title, 0 AS place
FROM sources s WHERE {source}
UNION ALL
SELECT 'quote', q.id, q.source_id, s.published, s.outlet, s.reliability, NULL, q.speaker_id, q.text,
       CASE WHEN e.id IS NULL THEN coalesce(q.speaker_text, '') ELSE trim(e.name || ' ' ||
            coalesce((SELECT string_agg(a.alias, ' ') FROM entity_aliases a WHERE a.entity_id = e.id), ''))
       END,
       '', 1
FROM quotes q JOIN sources s ON s.id = q.source_id LEFT JOIN entities e ON e.id = q.speaker_id
WHERE {quote}
UNION ALL
SELECT 'claim', c.id, c.source_id, s.published, s.outlet, s.reliability, c.status, NULL, c.text, '', '', 2
FROM claims c JOIN sources s ON s.id = c.source_id WHERE {claim} AND c.dismissed = 0
UNION ALL
SELECT 'note', a.id, a.source_id, s.published, s.outlet, s.reliability, NULL, NULL,
       coalesce(a.note, '') || ' ' || a.exact || ' ' ||
       coalesce((SELECT string_agg(t.name, ' ') FROM annotation_tags at JOIN tags t ON t.id = at.tag_id
                 WHERE at.annotation_id = a.id), ''),
       '', '', 3
FROM annotations a JOIN sources s ON s.id = a.source_id WHERE {note}"""

_INSERT = f"""
INSERT INTO search_docs (kind, ref_id, source_id, published, outlet, grade, status, speaker_id, body, speaker, title)
SELECT kind, ref_id, source_id, published, outlet, grade, status, speaker_id,
       briefing_search_spaced(body), briefing_search_spaced(speaker), briefing_search_spaced(title)
FROM ({_ROWS}) r ORDER BY source_id, place, ref_id"""
_OF_SOURCES = {
    "source": "s.id = ANY(%(ids)s)",
    "quote": "q.source_id = ANY(%(ids)s)",
    "claim": "c.source_id = ANY(%(ids)s)",
    "note": "a.source_id = ANY(%(ids)s)",
}
_INDEX = f"""WITH added AS ({_INSERT.format(**_OF_SOURCES)} RETURNING doc)
INSERT INTO search_terms (term)
SELECT DISTINCT t.lexeme FROM added, unnest(added.doc) t ORDER BY 1 ON CONFLICT DO NOTHING"""


def search_schema_sql() -> str:
    return postgres_schema().with_name("postgresql_search.sql").read_text(encoding="utf-8")


def create_search_index(conn: psycopg.Connection) -> None:
    """Create the search index when the database has none; index the workspace's rows when the
    index is empty and the workspace is not (in the caller's transaction). A role that may not
    do either leaves it to one that may."""
    if conn.execute("SELECT to_regclass('search_docs')").fetchone()[0] is None:  # type: ignore[index]
        if not conn.execute("SELECT has_schema_privilege(current_schema(), 'CREATE')").fetchone()[0]:  # type: ignore[index]
            return
        conn.execute(search_schema_sql())
    empty = conn.execute(
        "SELECT has_table_privilege('search_docs', 'INSERT') AND has_table_privilege('search_terms', 'INSERT') "
        "AND NOT EXISTS (SELECT 1 FROM search_docs) AND EXISTS (SELECT 1 FROM sources)"
    ).fetchone()
    if empty and empty[0]:
        rebuild_index(conn)


def reindex(conn: psycopg.Connection, source_ids: Iterable[int]) -> None:
    """The index rows of these sources, written anew."""
    ids = list(dict.fromkeys(source_ids))
    if ids:
        conn.execute("DELETE FROM search_docs WHERE source_id = ANY(%s)", [ids])
        conn.execute(_INDEX, {"ids": ids})


_SPEAKER = """WITH changed AS (
    UPDATE search_docs d SET speaker_id = q.speaker_id, speaker = briefing_search_spaced(trim(e.name || ' ' ||
           coalesce((SELECT string_agg(a.alias, ' ') FROM entity_aliases a WHERE a.entity_id = e.id), '')))
    FROM quotes q JOIN entities e ON e.id = q.speaker_id
    WHERE q.speaker_id = %(entity)s AND d.kind = 'quote' AND d.ref_id = q.id
    RETURNING d.doc)
INSERT INTO search_terms (term)
SELECT DISTINCT t.lexeme FROM changed, unnest(changed.doc) t ORDER BY 1 ON CONFLICT DO NOTHING"""


def reindex_speaker(conn: psycopg.Connection, entity_id: int) -> None:
    """The speaker field of the quotes ``entity_id`` speaks, written anew (its name and aliases)."""
    conn.execute(_SPEAKER, {"entity": entity_id})


def unindex(conn: psycopg.Connection, source_id: int) -> None:
    conn.execute("DELETE FROM search_docs WHERE source_id = %s", [source_id])


def rebuild_index(conn: psycopg.Connection) -> None:
    """Every source indexed again, ``REBUILD_BATCH`` sources a statement (each sorts its own rows
    into the order SQLite's rebuild gives them); the GIN index made once at the end, which costs
    far less than keeping it up to date row by row; the vocabulary read from the index in one pass;
    the table analysed, since a search asks the planner how many rows a query will match."""
    with conn.transaction():
        definition = conn.execute("SELECT pg_get_indexdef(%s::regclass)", [GIN_INDEX]).fetchone()[0]  # type: ignore[index]
        conn.execute(f"DROP INDEX {GIN_INDEX}")
        conn.execute("DELETE FROM search_docs")
        ids = [r[0] for r in conn.execute("SELECT id FROM sources ORDER BY id").fetchall()]
        for start in range(0, len(ids), REBUILD_BATCH):
            conn.execute(_INSERT.format(**_OF_SOURCES), {"ids": ids[start : start + REBUILD_BATCH]})
        conn.execute("SET LOCAL maintenance_work_mem = '256MB'")
        conn.execute(definition)
        conn.execute(
            "INSERT INTO search_terms (term) SELECT word FROM ts_stat('SELECT doc FROM search_docs') "
            "ORDER BY 1 ON CONFLICT DO NOTHING"
        )
        conn.execute("ANALYZE search_docs")  # the planner's estimates right away, not after autovacuum's


def joined(snippet: str) -> str:
    """A snippet of the index's text as the source has it: the spaces the index put around
    punctuation and between CJK characters removed (the match marks kept)."""
    return unspace(_SPACED_MARK.sub(r"\1", snippet))
