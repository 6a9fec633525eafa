"""The workspace schema as an append-only list of migrations.

Each migration runs once, in order, in its own transaction, and is recorded in
``_sqlite_migrations``. Never edit a migration that has shipped: append a new one.
``PRAGMA user_version`` mirrors the number of applied migrations so that a quick
read tells whether a workspace comes from a newer version of Briefing.
"""

from __future__ import annotations

import re
import sqlite3
from collections.abc import Callable
from html.parser import HTMLParser
from typing import TYPE_CHECKING

from briefing.cjk import spaced  # the index's CJK spacing is part of its format

if TYPE_CHECKING:
    from sqlite_utils import Database
    from sqlite_utils.migrations import Migrations

MIGRATION_SET = "briefing"
_names: list[str] = []

MigrationFn = Callable[["Database"], None]


class _Registry:
    """The migrations in order, handed to sqlite-utils' ``Migrations`` on first use: importing
    sqlite-utils (with numpy, click, dateutil and pluggy) waits until a workspace opens, so the
    app's window paints first."""

    def __init__(self) -> None:
        self.steps: list[tuple[str, MigrationFn]] = []
        self._migrations: Migrations | None = None

    def apply(self, db: Database, stop_before: str | None = None) -> None:
        if self._migrations is None:
            from sqlite_utils.migrations import Migrations

            self._migrations = Migrations(MIGRATION_SET)
            for name, run in self.steps:
                self._migrations(name=name)(run)
        self._migrations.apply(db, stop_before=stop_before)


migrations = _Registry()


def migration(name: str) -> Callable[[MigrationFn], MigrationFn]:
    """Register ``fn`` as the next migration; it also bumps ``user_version``."""

    def register(fn: MigrationFn) -> MigrationFn:
        version = len(_names) + 1

        def run(db: Database) -> None:
            fn(db)
            db.execute(f"PRAGMA user_version = {version}")

        run.__name__ = name
        migrations.steps.append((name, run))
        _names.append(name)
        return fn

    return register


# FTS5 tables cannot be fed by triggers while trusted_schema is off (SQLite
# refuses "unsafe use of virtual table"), so the store keeps them in sync in
# code, inside the same transaction as the row it indexes.
FTS_TOKENIZER = "porter unicode61 remove_diacritics 2"

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


def _run_script(db: Database, script: str) -> None:
    # executescript() would COMMIT the migration's transaction; run statement by statement.
    current: list[str] = []
    for line in script.splitlines(keepends=True):
        current.append(line)
        statement = "".join(current).strip()
        if statement and sqlite3.complete_statement(statement):
            db.execute(statement)
            current = []


@migration("0001_initial")
def m0001_initial(db: Database) -> None:
    _run_script(db, _INITIAL_SCHEMA)


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


@migration("0002_analysis")
def m0002_analysis(db: Database) -> None:
    """Analysis bookkeeping: origins, analyst locks, sentences, rejections, suggestions."""
    _run_script(db, _ANALYSIS_SCHEMA)


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


@migration("0003_search_index")
def m0003_search_index(db: Database) -> None:
    """One index over sources, quotes, claims and notes, with CJK text searchable by substring."""
    _run_script(db, _SEARCH_SCHEMA)
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


@migration("0004_titles_with_their_source")
def m0004_titles_with_their_source(db: Database) -> None:
    """A source's title is indexed with the source alone, not with each of its quotes, claims
    and notes: plain words then need no column filter (which cost every query a fifth of its
    time), and source: filters by the source rows' titles."""
    db.execute(
        "UPDATE search_fts SET title = '' WHERE title != '' AND rowid IN "
        "(SELECT id FROM search_docs WHERE kind != 'source')"
    )


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


@migration("0005_claims_the_analyst_owns")
def m0005_claims_the_analyst_owns(db: Database) -> None:
    """Claims get a check-worthiness score, can be dismissed ("not a claim") without losing
    their evidence, and can stand in the source's title (``part = 'title'``: the range is in the
    title, which importers keep apart from the text); evidence and suggestions may say a passage
    is only "related"."""
    _run_script(db, _CLAIMS_OWNED_SCHEMA)


_SAVED_SEARCHES_SCHEMA = """
CREATE TABLE saved_searches (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    query TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX idx_saved_searches_name ON saved_searches(name COLLATE NOCASE);
"""


@migration("0006_saved_searches")
def m0006_saved_searches(db: Database) -> None:
    """Searches the analyst keeps under a name (unique, case ignored), run again from the search pane."""
    _run_script(db, _SAVED_SEARCHES_SCHEMA)


class _PageUrl0007(HTMLParser):
    """A saved page's own address as migration 0007 read it (frozen: ``briefing.page_urls`` may change)."""

    SAFE = re.compile(r"https?://[A-Za-z0-9.-]+(?::\d+)?(?:/[A-Za-z0-9\-._~/?#@!$&()*+,;=%:\[\]]*)?")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: (value or "").strip() for name, value in attrs}
        if tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.found.setdefault("canonical", values.get("href", ""))
        elif tag == "meta" and values.get("property", "").lower() == "og:url":
            self.found.setdefault("og", values.get("content", ""))

    @classmethod
    def read(cls, original: bytes) -> str | None:
        finder = cls()
        finder.feed(bytes(original[:200_000]).decode("utf-8", errors="replace"))
        finder.close()
        urls = (finder.found.get("canonical"), finder.found.get("og"))
        return next((u for u in urls if u and len(u) <= 500 and cls.SAFE.fullmatch(u)), None)


@migration("0007_source_urls")
def m0007_source_urls(db: Database) -> None:
    """Each source keeps the web address it was published at (the analyst can set or correct it);
    saved pages get the one their head names (canonical link, else og:url)."""
    db.execute("ALTER TABLE sources ADD COLUMN url TEXT")
    pages = db.execute(
        "SELECT s.id, o.bytes FROM sources s JOIN originals o ON o.source_id = s.id WHERE s.format = 'html'"
    ).fetchall()
    for source_id, original in pages:
        url = _PageUrl0007.read(original)
        if url is not None:
            db.execute("UPDATE sources SET url = ? WHERE id = ?", [url, source_id])


_SOURCE_VERSIONS_SCHEMA = """
ALTER TABLE sources ADD COLUMN version_of INTEGER REFERENCES sources(id) ON DELETE SET NULL;
ALTER TABLE sources ADD COLUMN version INTEGER NOT NULL DEFAULT 1 CHECK (version >= 1);
CREATE INDEX idx_sources_version_of ON sources(version_of);
CREATE INDEX idx_sources_url ON sources(url);
CREATE TABLE version_carries (
    id INTEGER PRIMARY KEY,
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
"""


@migration("0008_source_versions")
def m0008_source_versions(db: Database) -> None:
    """A newer copy of an article is the next version of its source: ``version_of`` names the
    version it replaces and ``version`` counts from 1 (the list shows a source no newer version
    replaces). ``version_carries`` keeps what happened to each piece of the analyst's work when
    the newer version came in: verified, moved, altered (carried, flagged) or orphaned (left on
    the older version)."""
    _run_script(db, _SOURCE_VERSIONS_SCHEMA)


_PASSAGE_ITEMS_SCHEMA = """
CREATE TABLE briefing_items_0009 (
    id INTEGER PRIMARY KEY,
    briefing_id INTEGER NOT NULL REFERENCES briefings(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    kind TEXT NOT NULL CHECK (kind IN ('quote','claim','annotation','summary','entity','text','passage')),
    ref_id INTEGER,
    body TEXT,
    start INTEGER CHECK (start >= 0),
    "end" INTEGER CHECK ("end" > start),
    CHECK ((kind = 'text') = (ref_id IS NULL)),
    CHECK ((kind = 'passage') = (start IS NOT NULL AND "end" IS NOT NULL))
);
INSERT INTO briefing_items_0009 (id, briefing_id, position, kind, ref_id, body)
    SELECT id, briefing_id, position, kind, ref_id, body FROM briefing_items;
DROP TABLE briefing_items;
ALTER TABLE briefing_items_0009 RENAME TO briefing_items;
CREATE INDEX idx_briefing_items_order ON briefing_items(briefing_id, position);
"""


@migration("0009_passage_items")
def m0009_passage_items(db: Database) -> None:
    """A briefing note can hold a passage the analyst selected in a source: ``ref_id`` is the
    source, ``start``/``end`` the range and ``body`` the words when added, so the export checks
    it verbatim and cites its source like a quote's. Rows keep their ids."""
    _run_script(db, _PASSAGE_ITEMS_SCHEMA)


MIGRATION_NAMES = tuple(_names)
SCHEMA_VERSION = len(MIGRATION_NAMES)
