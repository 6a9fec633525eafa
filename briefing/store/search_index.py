"""The search index: one FTS5 table over sources, quotes, claims and notes (on PostgreSQL,
one table with a tsvector column: ``briefing.store.pg_search``).

``search_fts`` holds the searchable words (CJK characters spaced, see briefing/cjk.py) and
``search_docs`` the facts filters need (kind, source, date, outlet, grade, status, speaker). A
quote's speaker field holds its speaker's name and aliases, or the words of the attribution when
no entity speaks it ("a police spokesperson"), never both: "speaker:clinton" would find "Clinton's
campaign manager Robby Mook". The store keeps both in sync by re-indexing every item of a source
after a write that touches it, inside the same transaction (FTS5 cannot be fed by triggers while
trusted_schema is off). A PostgreSQL workspace's index is written by the same calls, on the server.
"""

from __future__ import annotations

from collections.abc import Iterable

from briefing.cjk import spaced
from briefing.store import pg_search
from briefing.store.pg_database import server_connection
from briefing.store.workspace import Workspace

KINDS = ("source", "quote", "claim", "note")

_ITEMS = {
    "quote": """
        SELECT q.id, q.text,
               CASE WHEN e.id IS NULL THEN coalesce(q.speaker_text, '') ELSE trim(e.name || ' ' ||
                    coalesce((SELECT group_concat(alias, ' ') FROM entity_aliases a WHERE a.entity_id = e.id), ''))
               END,
               q.speaker_id, NULL
        FROM quotes q LEFT JOIN entities e ON e.id = q.speaker_id WHERE q.source_id = ?""",
    "claim": "SELECT id, text, '', NULL, status FROM claims WHERE source_id = ? AND dismissed = 0",
    "note": """
        SELECT a.id, coalesce(a.note, '') || ' ' || a.exact || ' ' ||
               coalesce((SELECT group_concat(t.name, ' ') FROM annotation_tags at JOIN tags t ON t.id = at.tag_id
                         WHERE at.annotation_id = a.id), ''), '', NULL, NULL
        FROM annotations a WHERE a.source_id = ?""",
}


# the index rows of one speaker's quotes, with the speaker words _ITEMS gives them
_SPOKEN_BY = """
    SELECT d.id, trim(e.name || ' ' ||
           coalesce((SELECT group_concat(alias, ' ') FROM entity_aliases a WHERE a.entity_id = e.id), ''))
    FROM quotes q JOIN entities e ON e.id = q.speaker_id
    JOIN search_docs d ON d.kind = 'quote' AND d.ref_id = q.id
    WHERE q.speaker_id = ?"""


def phrase(text: str) -> str:
    """``text`` as one FTS5 string (CJK characters spaced, so it matches as a phrase of them)."""
    return '"' + spaced(text).replace('"', '""') + '"'


def indexed(ws: Workspace) -> bool:
    """True where the index is SQLite's FTS5 tables, which SQL can read directly (``search_fts
    MATCH``); a PostgreSQL workspace's index is ``pg_search``'s, searched through the same calls."""
    return ws.backend == "sqlite"


def reindex_sources(ws: Workspace, source_ids: Iterable[int]) -> None:
    """Rebuild the index rows of these sources and everything in them."""
    if ws.backend == "postgresql":
        pg_search.reindex(_server(ws), source_ids)
        return
    for source_id in dict.fromkeys(source_ids):
        unindex_source(ws, source_id)
        _index_source(ws, source_id)


def unindex_source(ws: Workspace, source_id: int) -> None:
    if ws.backend == "postgresql":
        pg_search.unindex(_server(ws), source_id)
        return
    ws.db.execute(
        "DELETE FROM search_fts WHERE rowid IN (SELECT rowid FROM search_docs WHERE source_id = ?)", [source_id]
    )
    ws.db.execute("DELETE FROM search_docs WHERE source_id = ?", [source_id])


def set_claim_status_in_index(ws: Workspace, claim_id: int, status: str) -> None:
    """A judged claim's status, for the ``status:`` filter, without indexing its source again."""
    ws.db.execute("UPDATE search_docs SET status = ? WHERE kind = 'claim' AND ref_id = ?", [status, claim_id])


def reindex_sources_of_speaker(ws: Workspace, entity_id: int) -> None:
    """The quotes ``entity_id`` speaks, indexed again under its name and aliases now (a rename,
    a merge, a split, an alias): only their speaker field changes. Indexing their sources again,
    every source's words and items, took 1.2 s on the GUI thread to rename a speaker of 764
    quotes."""
    if ws.backend == "postgresql":
        pg_search.reindex_speaker(_server(ws), entity_id)
        return
    rows = ws.db.execute(_SPOKEN_BY, [entity_id]).fetchall()
    conn = ws.db.conn
    conn.executemany("UPDATE search_docs SET speaker_id = ? WHERE id = ?", [(entity_id, doc) for doc, _ in rows])
    conn.executemany("UPDATE search_fts SET speaker = ? WHERE rowid = ?", [(spaced(words), doc) for doc, words in rows])


def rebuild(ws: Workspace) -> None:
    """Index every source again (after a migration or to repair)."""
    if ws.backend == "postgresql":
        pg_search.rebuild_index(_server(ws))
        return
    ws.db.execute("DELETE FROM search_fts")
    ws.db.execute("DELETE FROM search_docs")
    for (source_id,) in ws.db.execute("SELECT id FROM sources ORDER BY id").fetchall():
        _index_source(ws, source_id)


def _server(ws: Workspace):
    """A team workspace's psycopg connection: the index writes run there, in the store's transaction."""
    return server_connection(ws)


def _index_source(ws: Workspace, source_id: int) -> None:
    row = ws.db.execute(
        "SELECT title, text, published, outlet, reliability FROM sources WHERE id = ?", [source_id]
    ).fetchone()
    if row is None:
        return
    title, text, published, outlet, grade = row
    meta = (source_id, published, outlet, grade)
    # the title is indexed with the source alone: a word of it does not match every quote
    _insert(ws, "source", source_id, text, "", title, None, None, meta)
    for kind, sql in _ITEMS.items():
        for ref_id, body, speaker, speaker_id, status in ws.db.execute(sql, [source_id]).fetchall():
            _insert(ws, kind, ref_id, body, speaker, "", speaker_id, status, meta)


def _insert(ws: Workspace, kind, ref_id, body, speaker, title, speaker_id, status, meta) -> None:
    source_id, published, outlet, grade = meta
    cursor = ws.db.execute(
        "INSERT INTO search_docs (kind, ref_id, source_id, published, outlet, grade, status, speaker_id) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
        [kind, ref_id, source_id, published, outlet, grade, status, speaker_id],
    )
    ws.db.execute(
        "INSERT INTO search_fts (rowid, body, speaker, title) VALUES (?, ?, ?, ?)",
        [cursor.lastrowid, spaced(body or ""), spaced(speaker or ""), spaced(title or "")],
    )
