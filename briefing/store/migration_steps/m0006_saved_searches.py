"""Migration 0006: saved searches."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.store.migration_steps import run_script

if TYPE_CHECKING:
    from sqlite_utils import Database

NAME = "0006_saved_searches"


_SAVED_SEARCHES_SCHEMA = """
CREATE TABLE saved_searches (
    id INTEGER PRIMARY KEY,
    name TEXT NOT NULL CHECK (length(trim(name)) > 0),
    query TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX idx_saved_searches_name ON saved_searches(name COLLATE NOCASE);
"""


def run(db: Database) -> None:
    """Searches the analyst keeps under a name (unique, case ignored), run again from the search pane."""
    run_script(db, _SAVED_SEARCHES_SCHEMA)
