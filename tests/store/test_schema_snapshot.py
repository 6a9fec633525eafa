from pathlib import Path

from briefing.store.schema import schema_sql

SNAPSHOT = Path(__file__).resolve().parents[2] / "db" / "schema.sql"


def test_schema_snapshot_is_current():
    assert SNAPSHOT.read_text(encoding="utf-8") == schema_sql(), (
        "db/schema.sql is stale: run `make schema` and commit it"
    )


def test_snapshot_creates_a_database_with_every_table(tmp_path):
    import sqlite3

    conn = sqlite3.connect(tmp_path / "s.db")
    conn.executescript(SNAPSHOT.read_text(encoding="utf-8"))
    tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    assert {"sources", "quotes", "claims", "history", "search_fts"} <= tables
