"""Migration 0013: a mention the analysis found records the type it read there."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.store.migration_steps import run_script

if TYPE_CHECKING:
    from sqlite_utils import Database

NAME = "0013_mention_types"

# NULL for the analyst's mentions and for those found before this schema.
_FOUND_TYPE = """
ALTER TABLE mentions ADD COLUMN found_type TEXT
    CHECK (found_type IS NULL OR found_type IN ('person','organisation','place','group'));
"""


def run(db: Database) -> None:
    """Each source's analysis reads an entity's type on its own ("Tad Devine" an organisation in
    one source, a person in two others); the workspace entity takes the type most sources read,
    which needs each source's reading kept beside its mentions."""
    run_script(db, _FOUND_TYPE)
