"""Migration 0003: search index."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.cjk import spaced  # the index's CJK spacing is part of its format
from briefing.store.migration_steps import FTS_TOKENIZER, run_script

if TYPE_CHECKING:
    from sqlite_utils import Database

NAME = "0003_search_index"


_SEARCH_SCHEMA = f"""
DROP TABLE quotes_fts;
DROP TABLE sources_fts;
CREATE TABLE search_docs (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('source','quote','claim','note')),
    ref_id INTEGER NOT NULL,
    source_id INTEGER NOT NULL,
    published TEXT,
    outlet TEXT,
    grade TEXT,
    status TEXT,
    speaker_id INTEGER,
    UNIQUE (kind, ref_id)
);
CREATE INDEX idx_search_docs_source ON search_docs(source_id);
CREATE INDEX idx_search_docs_published ON search_docs(published, id);
CREATE VIRTUAL TABLE search_fts USING fts5(body, speaker, title, tokenize='{FTS_TOKENIZER}');
"""


def run(db: Database) -> None:
    """One index over sources, quotes, claims and notes, with CJK text searchable by substring."""
    run_script(db, _SEARCH_SCHEMA)
    _index_everything_0003(db)


# The index as migration 0003 built it, frozen: later migrations change the tables these read.
_ITEMS_0003 = (
    (
        "quote",
        """
        SELECT q.id, q.text, trim(coalesce(e.name, '') || ' ' || coalesce(q.speaker_text, '') || ' ' ||
               coalesce((SELECT group_concat(alias, ' ') FROM entity_aliases a WHERE a.entity_id = e.id), '')),
               q.speaker_id, NULL
        FROM quotes q LEFT JOIN entities e ON e.id = q.speaker_id WHERE q.source_id = ?""",
    ),
    ("claim", "SELECT id, text, '', NULL, status FROM claims WHERE source_id = ?"),
    (
        "note",
        """
        SELECT a.id, coalesce(a.note, '') || ' ' || a.exact || ' ' ||
               coalesce((SELECT group_concat(t.name, ' ') FROM annotation_tags at JOIN tags t ON t.id = at.tag_id
                         WHERE at.annotation_id = a.id), ''), '', NULL, NULL
        FROM annotations a WHERE a.source_id = ?""",
    ),
)


def _index_everything_0003(db: Database) -> None:
    sources = db.execute("SELECT id, title, text, published, outlet, reliability FROM sources ORDER BY id")
    for source_id, title, text, published, outlet, grade in sources.fetchall():
        rows = [("source", source_id, text, "", None, None)]
        for kind, sql in _ITEMS_0003:
            rows += [(kind, *row) for row in db.execute(sql, [source_id]).fetchall()]
        for kind, ref_id, body, speaker, speaker_id, status in rows:
            cursor = db.execute(
                "INSERT INTO search_docs (kind, ref_id, source_id, published, outlet, grade, status, speaker_id) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                [kind, ref_id, source_id, published, outlet, grade, status, speaker_id],
            )
            db.execute(
                "INSERT INTO search_fts (rowid, body, speaker, title) VALUES (?, ?, ?, ?)",
                [cursor.lastrowid, spaced(body or ""), spaced(speaker or ""), spaced(title or "")],
            )
