"""Migration 0010: revisions of what analysts edit together."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.store.migration_steps import run_script

if TYPE_CHECKING:
    from sqlite_utils import Database

NAME = "0010_revisions"

_REVISIONS = """
ALTER TABLE claims ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);
ALTER TABLE claims ADD COLUMN revised_by TEXT;
ALTER TABLE claims ADD COLUMN revised_at TEXT;
ALTER TABLE entities ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);
ALTER TABLE entities ADD COLUMN revised_by TEXT;
ALTER TABLE entities ADD COLUMN revised_at TEXT;
ALTER TABLE annotations ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);
ALTER TABLE annotations ADD COLUMN revised_by TEXT;
ALTER TABLE annotations ADD COLUMN revised_at TEXT;
ALTER TABLE briefing_items ADD COLUMN revision INTEGER NOT NULL DEFAULT 1 CHECK (revision >= 1);
ALTER TABLE briefing_items ADD COLUMN revised_by TEXT;
ALTER TABLE briefing_items ADD COLUMN revised_at TEXT;
"""


def run(db: Database) -> None:
    """Claims, entities, annotations and briefing items count their revisions and name who made
    the last one and when: a write made over a revision the analyst did not see is refused
    ("changed by NAME at TIME") instead of silently overwriting a colleague's work."""
    run_script(db, _REVISIONS)
