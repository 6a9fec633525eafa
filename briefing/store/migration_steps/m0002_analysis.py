"""Migration 0002: analysis."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.store.migration_steps import run_script

if TYPE_CHECKING:
    from sqlite_utils import Database

NAME = "0002_analysis"


_ANALYSIS_SCHEMA = """
ALTER TABLE sources ADD COLUMN analysed_at TEXT;
ALTER TABLE sources ADD COLUMN analysis_version INTEGER;
ALTER TABLE sources ADD COLUMN summary_edited INTEGER NOT NULL DEFAULT 0;
ALTER TABLE entities ADD COLUMN origin TEXT NOT NULL DEFAULT 'analysis' CHECK (origin IN ('analysis','analyst'));
ALTER TABLE entities ADD COLUMN edited INTEGER NOT NULL DEFAULT 0;
ALTER TABLE mentions ADD COLUMN origin TEXT NOT NULL DEFAULT 'analysis' CHECK (origin IN ('analysis','analyst'));
ALTER TABLE quotes ADD COLUMN origin TEXT NOT NULL DEFAULT 'analysis' CHECK (origin IN ('analysis','analyst'));
ALTER TABLE quotes ADD COLUMN speaker_confirmed INTEGER NOT NULL DEFAULT 0;
ALTER TABLE claims ADD COLUMN origin TEXT NOT NULL DEFAULT 'analysis' CHECK (origin IN ('analysis','analyst'));
ALTER TABLE claims ADD COLUMN kind TEXT;

CREATE TABLE sentences (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    start INTEGER NOT NULL CHECK (start >= 0),
    "end" INTEGER NOT NULL CHECK ("end" > start)
);
CREATE INDEX idx_sentences_source ON sentences(source_id, start);

CREATE TABLE rejections (
    id INTEGER PRIMARY KEY,
    kind TEXT NOT NULL CHECK (kind IN ('entity','quote','claim')),
    source_id INTEGER REFERENCES sources(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX idx_rejections_key ON rejections(kind, key);

CREATE TABLE claim_suggestions (
    id INTEGER PRIMARY KEY,
    claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    start INTEGER NOT NULL CHECK (start >= 0),
    "end" INTEGER NOT NULL CHECK ("end" > start),
    passage TEXT NOT NULL,
    score REAL NOT NULL,
    relation TEXT NOT NULL CHECK (relation IN ('supports','contradicts')),
    state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open','confirmed','dismissed')),
    UNIQUE (claim_id, source_id, start, "end")
);
CREATE INDEX idx_claim_suggestions_claim ON claim_suggestions(claim_id, score DESC);
"""


def run(db: Database) -> None:
    """Analysis bookkeeping: origins, analyst locks, sentences, rejections, suggestions."""
    run_script(db, _ANALYSIS_SCHEMA)
