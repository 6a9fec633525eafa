"""The workspace's migrations, one module each, frozen as they shipped.

A module here is never edited once released: a change to the schema is a new module, listed at
the end of ``briefing.store.migrations.STEPS``. Each module names its step (``NAME``) and runs it
(``run(db)``) with the SQL and code of its own time, so an old workspace is upgraded exactly as it
would have been then.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

# FTS5 tables cannot be fed by triggers while trusted_schema is off (SQLite
# refuses "unsafe use of virtual table"), so the store keeps them in sync in
# code, inside the same transaction as the row it indexes. The index the steps
# build uses this tokenizer; the store's search reads it from here.
FTS_TOKENIZER = "porter unicode61 remove_diacritics 2"


def run_script(db: Database, script: str) -> None:
    # executescript() would COMMIT the migration's transaction; run statement by statement.
    current: list[str] = []
    for line in script.splitlines(keepends=True):
        current.append(line)
        statement = "".join(current).strip()
        if statement and sqlite3.complete_statement(statement):
            db.execute(statement)
            current = []
