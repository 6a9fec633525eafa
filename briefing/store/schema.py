"""The schema snapshot in ``db/schema.sql``, generated from the migrations.

Run ``python -m briefing.store.schema > db/schema.sql`` (or ``make schema``)
after adding a migration; a test fails while the snapshot is stale.
"""

from __future__ import annotations

import re

from briefing.store.migrations import SCHEMA_VERSION
from briefing.store.opening import open_workspace

_FTS_SHADOW = re.compile(r"_fts_(data|idx|docsize|config|content)$")
_SQLITE_OWN = "sqlite_sequence"  # made by SQLite with the first AUTOINCREMENT table; no one may create it


def schema_sql() -> str:
    with open_workspace(memory=True) as ws:
        rows = ws.db.execute("SELECT name, sql FROM sqlite_master WHERE sql IS NOT NULL ORDER BY rowid").fetchall()
    statements = [sql.strip() + ";" for name, sql in rows if not _FTS_SHADOW.search(name) and name != _SQLITE_OWN]
    header = (
        "-- Briefing workspace schema, generated from the migrations in briefing/store/migration_steps.\n"
        f"-- Schema version {SCHEMA_VERSION}. Do not edit: run `make schema`.\n"
    )
    return header + "\n" + "\n\n".join(statements) + "\n"


if __name__ == "__main__":
    print(schema_sql(), end="")
