-- Briefing workspace schema, generated from the migrations in briefing/store/migration_steps.
-- Schema version 14. Do not edit: run `make schema`.

CREATE TABLE "_sqlite_migrations" (
   "id" INTEGER PRIMARY KEY,
   "migration_set" TEXT,
   "name" TEXT,
   "applied_at" TEXT
);

CREATE UNIQUE INDEX "idx__sqlite_migrations_migration_set_name"
    ON "_sqlite_migrations" ("migration_set", "name");

CREATE TABLE originals (
    source_id INTEGER PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
    bytes BLOB NOT NULL
);

CREATE TABLE annotation_tags (
    annotation_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
    tag_id INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (annotation_id, tag_id)
);

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

CREATE VIRTUAL TABLE search_fts USING fts5(body, speaker, title, tokenize='porter unicode61 remove_diacritics 2');

CREATE TABLE "sources" (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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
, analysed_at TEXT, analysis_version INTEGER, summary_edited INTEGER NOT NULL DEFAULT 0, url TEXT, version_of INTEGER REFERENCES sources(id) ON DELETE SET NULL, version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1));

CREATE INDEX idx_sources_published ON sources(published);

CREATE INDEX idx_sources_version_of ON sources(version_of);

CREATE INDEX idx_sources_url ON sources(url);

CREATE TABLE "entities" (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL,
    type TEXT NOT NULL CHECK (type IN ('person','organisation','place','group')),
    created_at TEXT NOT NULL
, origin TEXT NOT NULL DEFAULT 'analysis' CHECK (origin IN ('analysis','analyst')), edited INTEGER NOT NULL DEFAULT 0, revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1), revised_by TEXT, revised_at TEXT);

CREATE INDEX idx_entities_name ON entities(name);

CREATE TABLE "entity_aliases" (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    alias TEXT NOT NULL,
    UNIQUE (entity_id, alias)
);

CREATE INDEX idx_entity_aliases_alias ON entity_aliases(alias);

CREATE TABLE "mentions" (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    start INTEGER NOT NULL CHECK (start >= 0),
    "end" INTEGER NOT NULL CHECK ("end" > start),
    text TEXT NOT NULL
, origin TEXT NOT NULL DEFAULT 'analysis' CHECK (origin IN ('analysis','analyst')), found_type TEXT
    CHECK (found_type IS NULL OR found_type IN ('person','organisation','place','group')));

CREATE INDEX idx_mentions_entity ON mentions(entity_id);

CREATE INDEX idx_mentions_source ON mentions(source_id, start);

CREATE TABLE "quotes" (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    start INTEGER NOT NULL CHECK (start >= 0),
    "end" INTEGER NOT NULL CHECK ("end" > start),
    speaker_id INTEGER REFERENCES entities(id) ON DELETE SET NULL,
    speaker_text TEXT,
    cue TEXT
, origin TEXT NOT NULL DEFAULT 'analysis' CHECK (origin IN ('analysis','analyst')), speaker_confirmed INTEGER NOT NULL DEFAULT 0);

CREATE INDEX idx_quotes_source ON quotes(source_id, start);

CREATE INDEX idx_quotes_speaker ON quotes(speaker_id);

CREATE TABLE "claims" (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    text TEXT NOT NULL,
    start INTEGER NOT NULL CHECK (start >= 0),
    "end" INTEGER NOT NULL CHECK ("end" > start),
    status TEXT NOT NULL DEFAULT 'unreviewed'
        CHECK (status IN ('unreviewed','corroborated','disputed')),
    credibility INTEGER CHECK (credibility IS NULL OR credibility BETWEEN 1 AND 6)
, origin TEXT NOT NULL DEFAULT 'analysis' CHECK (origin IN ('analysis','analyst')), kind TEXT, score REAL, dismissed INTEGER NOT NULL DEFAULT 0 CHECK (dismissed IN (0, 1)), part TEXT NOT NULL DEFAULT 'text' CHECK (part IN ('text', 'title')), revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1), revised_by TEXT, revised_at TEXT);

CREATE INDEX idx_claims_source ON claims(source_id, start);

CREATE INDEX idx_claims_status ON claims(status);

CREATE TABLE "annotations" (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
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
, revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1), revised_by TEXT, revised_at TEXT);

CREATE INDEX idx_annotations_source ON annotations(source_id, start);

CREATE TABLE "tags" (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL UNIQUE COLLATE NOCASE
);

CREATE TABLE "briefings" (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    title TEXT NOT NULL,
    audience TEXT,
    date TEXT,
    author TEXT,
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE "sentences" (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    start INTEGER NOT NULL CHECK (start >= 0),
    "end" INTEGER NOT NULL CHECK ("end" > start)
);

CREATE INDEX idx_sentences_source ON sentences(source_id, start);

CREATE TABLE "rejections" (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL CHECK (kind IN ('entity','quote','claim')),
    source_id INTEGER REFERENCES sources(id) ON DELETE CASCADE,
    key TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE INDEX idx_rejections_key ON rejections(kind, key);

CREATE TABLE "evidence" (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    start INTEGER NOT NULL CHECK (start >= 0),
    "end" INTEGER NOT NULL CHECK ("end" > start),
    passage TEXT NOT NULL,
    relation TEXT NOT NULL CHECK (relation IN ('related','supports','contradicts')),
    note TEXT,
    created_at TEXT NOT NULL
);

CREATE INDEX idx_evidence_claim ON evidence(claim_id);

CREATE TABLE "claim_suggestions" (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    claim_id INTEGER NOT NULL REFERENCES claims(id) ON DELETE CASCADE,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    start INTEGER NOT NULL CHECK (start >= 0),
    "end" INTEGER NOT NULL CHECK ("end" > start),
    passage TEXT NOT NULL,
    score REAL NOT NULL,
    relation TEXT NOT NULL CHECK (relation IN ('related','supports','contradicts')),
    state TEXT NOT NULL DEFAULT 'open' CHECK (state IN ('open','confirmed','dismissed')), ranking TEXT NOT NULL DEFAULT 'words'
    CHECK (ranking IN ('words','meaning')),
    UNIQUE (claim_id, source_id, start, "end")
);

CREATE INDEX idx_claim_suggestions_claim ON claim_suggestions(claim_id, score DESC);

CREATE TABLE "saved_searches" (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    query TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE UNIQUE INDEX idx_saved_searches_name ON saved_searches(name COLLATE NOCASE);

CREATE TABLE "version_carries" (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    source_id INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
    previous_id INTEGER REFERENCES sources(id) ON DELETE SET NULL,
    kind TEXT NOT NULL CHECK (kind IN ('annotation','claim','evidence','quote','mention','summary')),
    ref_id INTEGER NOT NULL,
    state TEXT NOT NULL CHECK (state IN ('verified','moved','altered','orphaned')),
    passage TEXT NOT NULL,
    old_start INTEGER,
    old_end INTEGER,
    new_start INTEGER,
    new_end INTEGER
);

CREATE INDEX idx_version_carries_source ON version_carries(source_id);

CREATE TABLE "briefing_items" (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    briefing_id INTEGER NOT NULL REFERENCES briefings(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('quote','claim','annotation','summary','entity','text','passage')),
    ref_id INTEGER,
    body TEXT,
    start INTEGER CHECK (start >= 0),
    "end" INTEGER CHECK ("end" > start), revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1), revised_by TEXT, revised_at TEXT,
    CHECK ((kind = 'text') = (ref_id IS NULL)),
    CHECK ((kind = 'passage') = (start IS NOT NULL AND "end" IS NOT NULL))
);

CREATE INDEX idx_briefing_items_order ON briefing_items(briefing_id, position);
