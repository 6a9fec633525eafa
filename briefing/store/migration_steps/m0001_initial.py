"""Migration 0001: initial."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.store.migration_steps import FTS_TOKENIZER, run_script

if TYPE_CHECKING:
    from sqlite_utils import Database

NAME = "0001_initial"


_INITIAL_SCHEMA = f"""
CREATE TABLE sources (
    id INTEGER PRIMARY KEY,
    path TEXT NOT NULL,
    format TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL,
    title TEXT,
    outlet TEXT,
    author TEXT,
    published TEXT CHECK (published IS NULL OR published GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
    language TEXT,
    imported_at TEXT NOT NULL,
    reliability TEXT CHECK (reliability IS NULL OR reliability IN ('A','B','C','D','E','F')),
    summary TEXT
);
CREATE INDEX idx_sources_published ON sources(published);

CREATE TABLE originals (
    source_id INTEGER PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
    bytes BLOB NOT NULL
);

CREATE TABLE entities (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('person','organisation','place','group')),
    created_at TEXT NOT NULL
);
CREATE INDEX idx_entities_name ON entities(name);

CREATE TABLE entity_aliases (
    id INTEGER PRIMARY KEY,
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    UNIQUE (entity_id, alias)
);
CREATE INDEX idx_entity_aliases_alias ON entity_aliases(alias);

CREATE TABLE mentions (
    id INTEGER PRIMARY KEY,
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    start INTEGER NOT NULL CHECK (start >= 0),
    "end" INTEGER NOT NULL CHECK ("end" > start),
    text TEXT NOT NULL
);
CREATE INDEX idx_mentions_entity ON mentions(entity_id);
CREATE INDEX idx_mentions_source ON mentions(source_id, start);

CREATE TABLE quotes (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    start INTEGER NOT NULL CHECK (start >= 0),
    "end" INTEGER NOT NULL CHECK ("end" > start),
    speaker_id INTEGER REFERENCES entities(id) ON DELETE SET NULL,
    speaker_text TEXT,
    cue TEXT
);
CREATE INDEX idx_quotes_source ON quotes(source_id, start);
CREATE INDEX idx_quotes_speaker ON quotes(speaker_id);

CREATE TABLE claims (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    start INTEGER NOT NULL CHECK (start >= 0),
    "end" INTEGER NOT NULL CHECK ("end" > start),
    status TEXT NOT NULL DEFAULT 'unreviewed'
        CHECK (status IN ('unreviewed','corroborated','disputed')),
    credibility INTEGER CHECK (credibility IS NULL OR credibility BETWEEN 1 AND 6)
);
CREATE INDEX idx_claims_source ON claims(source_id, start);
CREATE INDEX idx_claims_status ON claims(status);

CREATE TABLE evidence (
    id INTEGER PRIMARY KEY,
    claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    start INTEGER NOT NULL CHECK (start >= 0),
    "end" INTEGER NOT NULL CHECK ("end" > start),
    passage TEXT NOT NULL,
    relation TEXT NOT NULL CHECK (relation IN ('supports','contradicts')),
    note TEXT,
    created_at TEXT NOT NULL
);
CREATE INDEX idx_evidence_claim ON evidence(claim_id);

CREATE TABLE annotations (
    id INTEGER PRIMARY KEY,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    exact TEXT NOT NULL,
    prefix TEXT NOT NULL DEFAULT '',
    suffix TEXT NOT NULL DEFAULT '',
    start INTEGER NOT NULL CHECK (start >= 0),
    "end" INTEGER NOT NULL CHECK ("end" > start),
    note TEXT,
    anchor TEXT NOT NULL DEFAULT 'anchored' CHECK (anchor IN ('anchored','moved','orphaned')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX idx_annotations_source ON annotations(source_id, start);

CREATE TABLE tags (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE annotation_tags (
    annotation_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (annotation_id, tag_id)
);

CREATE TABLE briefings (
    id INTEGER PRIMARY KEY,
    title TEXT NOT NULL,
    audience TEXT,
    date TEXT,
    author TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE briefing_items (
    id INTEGER PRIMARY KEY,
    briefing_id INTEGER NOT NULL REFERENCES briefings(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('quote','claim','annotation','summary','entity','text')),
    ref_id INTEGER,
    body TEXT,
    CHECK ((kind = 'text') = (ref_id IS NULL))
);
CREATE INDEX idx_briefing_items_order ON briefing_items(briefing_id, position);

CREATE TABLE history (
    id INTEGER PRIMARY KEY,
    at TEXT NOT NULL,
    actor TEXT NOT NULL,
    action TEXT NOT NULL,
    target_kind TEXT NOT NULL,
    target_id INTEGER,
    field TEXT,
    old_value TEXT,
    new_value TEXT,
    reason TEXT
);
CREATE INDEX idx_history_target ON history(target_kind, target_id);
CREATE TRIGGER history_no_update BEFORE UPDATE ON history
BEGIN SELECT RAISE(ABORT, 'judgement history is append-only'); END;
CREATE TRIGGER history_no_delete BEFORE DELETE ON history
BEGIN SELECT RAISE(ABORT, 'judgement history is append-only'); END;

CREATE VIRTUAL TABLE sources_fts USING fts5(
    title, text, content='sources', content_rowid='id', tokenize='{FTS_TOKENIZER}'
);
CREATE VIRTUAL TABLE quotes_fts USING fts5(
    text, speaker_text, content='quotes', content_rowid='id', tokenize='{FTS_TOKENIZER}'
);
"""


def run(db: Database) -> None:
    run_script(db, _INITIAL_SCHEMA)
