"""Workspaces as an older Briefing made them, for the tests of upgrades."""

from __future__ import annotations

from sqlite_utils import Database

from briefing.store.migrations import MIGRATION_NAMES, migrations


def workspace_at_schema(path, version: int) -> Database:
    """A workspace file with the first ``version`` migrations applied and that schema version,
    open for the test to add rows; the caller commits and closes it."""
    db = Database(path)
    db.conn.execute("PRAGMA foreign_keys = ON")
    migrations.apply(db, stop_before=MIGRATION_NAMES[version])
    db.execute(f"PRAGMA user_version = {int(version)}")
    return db
