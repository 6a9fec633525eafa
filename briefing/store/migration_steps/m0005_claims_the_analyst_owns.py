"""Migration 0005: claims the analyst owns."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.store.migration_steps import run_script

if TYPE_CHECKING:
    from sqlite_utils import Database

NAME = "0005_claims_the_analyst_owns"


_CLAIMS_OWNED_SCHEMA = """
ALTER TABLE claims ADD COLUMN score REAL;
ALTER TABLE claims ADD COLUMN dismissed INTEGER NOT NULL DEFAULT 0 CHECK (dismissed IN (0, 1));
ALTER TABLE claims ADD COLUMN part TEXT NOT NULL DEFAULT 'text' CHECK (part IN ('text', 'title'));
CREATE TABLE evidence_0005 (
    id INTEGER PRIMARY KEY,
    claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    start INTEGER NOT NULL CHECK (start >= 0),
    "end" INTEGER NOT NULL CHECK ("end" > start),
    passage TEXT NOT NULL,
    relation TEXT NOT NULL CHECK (relation IN ('related','supports','contradicts')),
    note TEXT,
    created_at TEXT NOT NULL
);
INSERT INTO evidence_0005 SELECT id, claim_id, source_id, start, "end", passage, relation, note, created_at
    FROM evidence;
DROP TABLE evidence;
ALTER TABLE evidence_0005 RENAME TO evidence;
CREATE INDEX idx_evidence_claim ON evidence(claim_id);
CREATE TABLE claim_suggestions_0005 (
    id INTEGER PRIMARY KEY,
    claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    start INTEGER NOT NULL CHECK (start >= 0),
    "end" INTEGER NOT NULL CHECK ("end" > start),
    passage TEXT NOT NULL,
    score REAL NOT NULL,
    relation TEXT NOT NULL CHECK (relation IN ('related','supports','contradicts')),
    state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open','confirmed','dismissed')),
    UNIQUE (claim_id, source_id, start, "end")
);
INSERT INTO claim_suggestions_0005 SELECT id, claim_id, source_id, start, "end", passage, score, relation, state
    FROM claim_suggestions;
DROP TABLE claim_suggestions;
ALTER TABLE claim_suggestions_0005 RENAME TO claim_suggestions;
CREATE INDEX idx_claim_suggestions_claim ON claim_suggestions(claim_id, score DESC);
"""


def run(db: Database) -> None:
    """Claims get a check-worthiness score, can be dismissed ("not a claim") without losing
    their evidence, and can stand in the source's title (``part = 'title'``: the range is in the
    title, which importers keep apart from the text); evidence and suggestions may say a passage
    is only "related"."""
    run_script(db, _CLAIMS_OWNED_SCHEMA)
