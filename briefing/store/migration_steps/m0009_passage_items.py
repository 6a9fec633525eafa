"""Migration 0009: passage items."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.store.migration_steps import run_script

if TYPE_CHECKING:
    from sqlite_utils import Database

NAME = "0009_passage_items"


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


def run(db: Database) -> None:
    """A briefing note can hold a passage the analyst selected in a source: ``ref_id`` is the
    source, ``start``/``end`` the range and ``body`` the words when added, so the export checks
    it verbatim and cites its source like a quote's. Rows keep their ids."""
    run_script(db, _PASSAGE_ITEMS_SCHEMA)
