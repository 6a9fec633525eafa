"""Migration 0008: source versions."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.store.migration_steps import run_script

if TYPE_CHECKING:
    from sqlite_utils import Database

NAME = "0008_source_versions"


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


def run(db: Database) -> None:
    """A newer copy of an article is the next version of its source: ``version_of`` names the
    version it replaces and ``version`` counts from 1 (the list shows a source no newer version
    replaces). ``version_carries`` keeps what happened to each piece of the analyst's work when
    the newer version came in: verified, moved, altered (carried, flagged) or orphaned (left on
    the older version)."""
    run_script(db, _SOURCE_VERSIONS_SCHEMA)
