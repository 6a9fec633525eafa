"""Schema 11: a deleted row's id is never handed to a new row, so Undo can always put it back and
history never names two rows with one id; workspaces of schema 10 are upgraded in place."""

from __future__ import annotations

import hashlib

import psycopg
import pytest
from sqlite_utils import Database

from briefing.domain import Document, WorkspaceError
from briefing.store import open_workspace
from briefing.store.history import history_for
from briefing.store.migrations import SCHEMA_VERSION
from briefing.store.postgres import POSTGRES_SCHEMA_VERSION, schema_version
from briefing.store.source_snapshots import delete_source_keeping, restore_snapshot
from briefing.store.sources import add_document, list_sources
from tests.old_schema import workspace_at_schema


def _doc(text: str) -> Document:
    raw = text.encode()
    return Document(
        path="a.txt", format="txt", raw=raw, content_hash=hashlib.sha256(raw).hexdigest(), text=text, title=text
    )


def _schema_10(path) -> None:
    """A workspace as Briefing made it before schema 11: three sources and a claim, the newest
    source deleted after history named it, and a mention pointing at the first source."""
    db = workspace_at_schema(path, 10)
    for source_id in (1, 2, 3):
        db.execute(
            "INSERT INTO sources (id, path, format, content_hash, text, title, imported_at) "
            "VALUES (?, 'a.txt', 'txt', ?, 'Pumps restarted at dawn.', ?, '2026-03-01')",
            [source_id, f"h{source_id}", f"Source {source_id}"],
        )
    db.execute("INSERT INTO entities (id, name, type, created_at) VALUES (7, 'Ana Ruiz', 'person', '2026-03-01')")
    db.execute("INSERT INTO mentions (entity_id, source_id, start, \"end\", text) VALUES (7, 1, 0, 5, 'Pumps')")
    db.execute(
        "INSERT INTO claims (id, source_id, start, \"end\", text) VALUES (4, 1, 0, 24, 'Pumps restarted at dawn.')"
    )
    db.execute(
        "INSERT INTO history (at, actor, action, target_kind, target_id, field, old_value, new_value) "
        "VALUES ('2026-03-02', 'ana', 'delete', 'source', 3, NULL, 'Source 3', NULL)"
    )
    db.execute("DELETE FROM sources WHERE id = 3")
    db.conn.commit()
    db.close()


def test_a_schema_10_workspace_is_upgraded_keeping_every_row_and_id(tmp_path):
    path = tmp_path / "old.briefing"
    _schema_10(path)
    with open_workspace(path) as ws:
        assert ws.db.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert [(s.id, s.title) for s in sorted(list_sources(ws), key=lambda s: s.id)] == [
            (1, "Source 1"),
            (2, "Source 2"),
        ]
        assert ws.db.execute("SELECT entity_id, source_id FROM mentions").fetchall() == [(7, 1)]
        assert ws.db.execute("SELECT id, source_id FROM claims").fetchall() == [(4, 1)]
        assert ws.db.execute("PRAGMA foreign_key_check").fetchall() == []
        assert ws.db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        new_id, _ = add_document(ws, _doc("Water is safe again."))
        assert new_id == 4  # 3 was named by history before the upgrade: it stays spent
        ws.db.execute("DELETE FROM sources WHERE id = 1")  # cascades still work after the rebuild
        assert ws.db.execute("SELECT count(*) FROM claims").fetchone()[0] == 0
    with open_workspace(path) as ws:  # opens again: the schema check finds the migrations' own tables
        assert len(list_sources(ws)) == 2


def test_a_stopped_upgrade_runs_again_without_harm(tmp_path):
    """The step commits before sqlite-utils records it; run twice, it changes nothing more."""
    path = tmp_path / "old.briefing"
    _schema_10(path)
    from briefing.store.migration_steps import m0011_ids_never_reused

    db = Database(path)
    m0011_ids_never_reused.run(db)
    first = db.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall()
    m0011_ids_never_reused.run(db)
    assert db.execute("SELECT name, sql FROM sqlite_master ORDER BY name").fetchall() == first
    assert db.execute("SELECT seq FROM sqlite_sequence WHERE name = 'sources'").fetchone()[0] == 3
    db.close()


def test_undo_of_a_deleted_newest_source_after_an_import_in_an_upgraded_workspace(tmp_path):
    path = tmp_path / "old.briefing"
    _schema_10(path)
    with open_workspace(path) as ws:
        snapshot = delete_source_keeping(ws, 2)
        taken, _ = add_document(ws, _doc("Another report."))
        assert taken == 4
        restore_snapshot(ws, snapshot)
        assert sorted(s.id for s in list_sources(ws)) == [1, 2, 4]
        assert [j.action for j in history_for(ws, "source", 2)][-2:] == ["delete", "restore"]


def test_a_team_database_of_schema_10_is_upgraded_on_its_first_write(team_database):
    open_workspace(team_database).close()
    with psycopg.connect(team_database) as conn:  # schema 10's tables: no suggestion ranking yet
        conn.execute("ALTER TABLE claim_suggestions DROP COLUMN ranking")
        conn.execute("ALTER TABLE mentions DROP COLUMN found_type")
        conn.execute("DELETE FROM briefing_schema")
        conn.execute("INSERT INTO briefing_schema (version) VALUES (10)")
    with pytest.raises(WorkspaceError, match="schema is version 10; open it once for writing to upgrade it to 14"):
        open_workspace(team_database, read_only=True)  # a reader cannot upgrade
    with open_workspace(team_database) as ws:
        add_document(ws, _doc("Pumps restarted at dawn."))
    with open_workspace(team_database, read_only=True) as ws:
        assert [s.title for s in list_sources(ws)] == ["Pumps restarted at dawn."]
    with psycopg.connect(team_database) as conn:
        assert schema_version(conn) == POSTGRES_SCHEMA_VERSION == 14
