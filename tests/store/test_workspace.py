import hashlib
import sqlite3

import pytest

from briefing.domain import WorkspaceError
from briefing.store import open_workspace
from briefing.store.migrations import MIGRATION_NAMES, SCHEMA_VERSION
from tests.old_schema import workspace_at_schema

BACKENDS = ("sqlite", "postgresql")  # tests/conftest.py runs ``ws`` on both


def _pragma(ws, name):
    return ws.db.execute(f"PRAGMA {name}").fetchone()[0]


def test_new_workspace_has_safe_settings(ws_file):
    with open_workspace(ws_file) as ws:
        assert _pragma(ws, "journal_mode") == "wal"
        assert _pragma(ws, "foreign_keys") == 1
        assert _pragma(ws, "trusted_schema") == 0
        assert _pragma(ws, "busy_timeout") >= 1000
        assert _pragma(ws, "user_version") == SCHEMA_VERSION


def test_migrations_are_recorded_once(ws_file):
    for _ in range(2):
        with open_workspace(ws_file) as ws:
            names = [r[0] for r in ws.db.execute("SELECT name FROM _sqlite_migrations ORDER BY id")]
    assert names == list(MIGRATION_NAMES)


@pytest.mark.parametrize(
    "table",
    [
        "sources",
        "entities",
        "mentions",
        "quotes",
        "claims",
        "evidence",
        "annotations",
        "tags",
        "briefings",
        "briefing_items",
        "history",
    ],
)
def test_data_model_tables_exist(ws, table):
    assert ws.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0] == 0


@pytest.mark.sqlite_only("the search index of a file is FTS5; tests/search cover the server's")
def test_the_search_index_tables_exist(ws):
    assert {"search_fts", "search_docs"} <= set(ws.db.table_names())


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_newer_workspace_is_refused_and_left_untouched(ws_file):
    with open_workspace(ws_file) as ws:
        ws.db.execute("PRAGMA user_version = 99")
        ws.db.execute("PRAGMA journal_mode = DELETE")
    before = _digest(ws_file)
    with pytest.raises(WorkspaceError, match="newer version of Briefing"):
        open_workspace(ws_file)
    assert _digest(ws_file) == before
    assert not ws_file.with_name(ws_file.name + "-wal").exists()


def test_unknown_migration_is_refused(ws_file):
    with open_workspace(ws_file) as ws, ws.transaction() as db:
        db.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES ('briefing', '9999_future', 'x')"
        )
    with pytest.raises(WorkspaceError, match="newer version"):
        open_workspace(ws_file)


@pytest.mark.parametrize(
    "content, reason",
    [
        (b"hello, this is a text file" * 10, "not an SQLite file"),
        (b"SQLite format 3\x00" + b"\xff" * 200, "its header is damaged"),
    ],
)
def test_foreign_files_are_refused(ws_file, content, reason):
    ws_file.write_bytes(content)
    with pytest.raises(WorkspaceError, match=reason):
        open_workspace(ws_file)
    assert ws_file.read_bytes() == content


def test_other_sqlite_database_is_refused(ws_file):
    conn = sqlite3.connect(ws_file)
    conn.execute("CREATE TABLE customers (id INTEGER)")
    conn.commit()
    conn.close()
    with pytest.raises(WorkspaceError, match="other tables"):
        open_workspace(ws_file)


def test_folder_and_missing_parent_are_refused(tmp_path):
    with pytest.raises(WorkspaceError, match="is a folder"):
        open_workspace(tmp_path)
    with pytest.raises(WorkspaceError, match="does not exist"):
        open_workspace(tmp_path / "nope" / "w.briefing")


def test_empty_file_becomes_a_workspace(ws_file):
    ws_file.write_bytes(b"")
    with open_workspace(ws_file) as ws:
        assert "sources" in ws.db.table_names()


def test_transaction_rolls_back_on_error(ws):
    with pytest.raises(RuntimeError), ws.transaction() as db:
        db.execute("INSERT INTO tags (name) VALUES ('x')")
        raise RuntimeError("boom")
    assert ws.db.execute("SELECT count(*) FROM tags").fetchone()[0] == 0


def test_upgrade_from_an_older_schema_keeps_data_and_builds_the_search_index(ws_file):
    db = workspace_at_schema(ws_file, 2)
    db.execute(
        "INSERT INTO sources (path, format, content_hash, text, title, imported_at) "
        "VALUES ('a.txt', 'txt', 'h1', '北京市政府周二表示，供水已恢复。', '供水恢复', '2026-03-01T00:00:00+00:00')"
    )
    db.conn.commit()
    db.close()
    with open_workspace(ws_file) as ws:
        assert _pragma(ws, "user_version") == SCHEMA_VERSION
        hits = ws.db.execute("SELECT rowid FROM search_fts WHERE search_fts MATCH '\"北 京\"'").fetchall()
        assert len(hits) == 1


def test_upgrade_indexes_a_title_with_its_source_alone(ws_file):
    db = workspace_at_schema(ws_file, 3)
    db.execute(
        "INSERT INTO sources (id, path, format, content_hash, text, title, imported_at) "
        "VALUES (1, 'a.txt', 'txt', 'h1', 'Pumps restarted at dawn.', 'Harbour report', '2026-03-01')"
    )
    db.execute("INSERT INTO quotes (id, source_id, start, end, text) VALUES (1, 1, 0, 24, 'Pumps restarted at dawn.')")
    # as the index was written before: the title with every item of the source
    for doc_id, kind in ((1, "source"), (2, "quote")):
        db.execute("INSERT INTO search_docs (id, kind, ref_id, source_id) VALUES (?, ?, 1, 1)", [doc_id, kind])
        db.execute(
            "INSERT INTO search_fts (rowid, body, speaker, title) VALUES (?, 'Pumps restarted at dawn.', '', "
            "'Harbour report')",
            [doc_id],
        )
    db.conn.commit()
    db.close()
    with open_workspace(ws_file) as ws:
        assert _pragma(ws, "user_version") == SCHEMA_VERSION
        found = ws.db.execute("SELECT rowid FROM search_fts WHERE search_fts MATCH 'harbour'").fetchall()
        assert found == [(1,)]
        assert ws.db.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH 'pumps'").fetchone()[0] == 2


def test_bulk_work_relaxes_flushing_and_restores_it(ws_file):
    with open_workspace(ws_file) as ws:
        with ws.bulk():
            with ws.bulk():
                assert _pragma(ws, "synchronous") == 1  # NORMAL
            assert _pragma(ws, "synchronous") == 1
        assert _pragma(ws, "synchronous") == 2  # FULL again for the analyst's edits
