"""Workspaces from elsewhere and failing disks: refused or reported in one line, never half-written."""

import hashlib
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from briefing.domain import BriefingError, WorkspaceError
from briefing.pipeline import import_paths
from briefing.store import integrity, lock, open_workspace
from briefing.store.annotations import add_annotation
from briefing.store.counts import count_rows
from briefing.store.entities import add_entity
from briefing.store.sources import add_document
from tests.store.mounts import mounted_tmpfs
from tests.store.test_sources import make_doc


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _tamper(path: Path, *statements: str) -> None:
    """What someone else might do to a workspace with the sqlite3 shell before sending it."""
    open_workspace(path).close()
    conn = sqlite3.connect(path)
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.execute("PRAGMA journal_mode = DELETE")  # one file, so its digest covers everything
    conn.close()


@pytest.mark.parametrize(
    "statements, named",
    [
        (["CREATE TRIGGER wipe AFTER INSERT ON tags BEGIN DELETE FROM sources; END"], "trigger wipe"),
        (["CREATE VIEW leak AS SELECT * FROM sources"], "view leak"),
        (
            [
                "DROP TRIGGER history_no_update",
                "CREATE TRIGGER history_no_update BEFORE UPDATE ON history BEGIN SELECT 1; END",
            ],
            "trigger history_no_update",
        ),
        (["CREATE VIRTUAL TABLE extra USING fts5(x)"], "virtual table extra"),
        (
            [
                "CREATE TRIGGER t1 AFTER INSERT ON tags BEGIN SELECT 1; END",
                "CREATE TRIGGER t2 AFTER INSERT ON tags BEGIN SELECT 1; END",
                "CREATE TRIGGER t3 AFTER INSERT ON tags BEGIN SELECT 1; END",
                "CREATE TRIGGER t4 AFTER INSERT ON tags BEGIN SELECT 1; END",
            ],
            "and 1 more",
        ),
    ],
    ids=["trigger", "view", "altered-trigger", "virtual-table", "many"],
)
def test_schema_objects_we_did_not_make_are_refused(ws_file, statements, named):
    _tamper(ws_file, *statements)
    before = _digest(ws_file)
    with pytest.raises(WorkspaceError) as caught:
        open_workspace(ws_file)
    assert named in str(caught.value) and "not the one Briefing makes" in str(caught.value)
    assert "\n" not in str(caught.value)
    with pytest.raises(WorkspaceError):
        open_workspace(ws_file, read_only=True)
    assert _digest(ws_file) == before
    assert not Path(f"{ws_file}-wal").exists()


def test_an_extra_plain_table_is_fine(ws_file):
    # the workspace is a plain SQLite file: someone may add a table of their own with sqlite-utils
    _tamper(
        ws_file, "CREATE TABLE my_notes (id INTEGER PRIMARY KEY, body TEXT)", "CREATE INDEX idx_my ON my_notes(body)"
    )
    with open_workspace(ws_file) as ws:
        assert "my_notes" in ws.db.table_names()


def test_trusted_schema_is_off_for_the_checks_and_the_workspace(ws_file):
    with open_workspace(ws_file) as ws:
        assert ws.db.execute("PRAGMA trusted_schema").fetchone()[0] == 0
    with open_workspace(ws_file, read_only=True) as ws:
        assert ws.db.execute("PRAGMA trusted_schema").fetchone()[0] == 0


def _damage(path: Path) -> None:
    """Fill the workspace with rows, then overwrite a page in its middle with garbage."""
    with open_workspace(path) as ws, ws.transaction() as db:
        for i in range(3000):
            db.execute("INSERT INTO tags (name) VALUES (?)", [f"tag number {i} " + "x" * 40])
    size = os.path.getsize(path)
    with path.open("r+b") as handle:
        handle.seek((size // 4096 // 2) * 4096)
        handle.write(b"\xa5" * 4096)
    lock.lock_path(path).unlink()  # as it arrives from someone else: no clean-close marker


def test_a_damaged_file_is_refused_on_first_open_and_left_as_it_was(ws_file):
    _damage(ws_file)
    before = _digest(ws_file)
    with pytest.raises(WorkspaceError, match="workspace file is damaged .*restore a backup with 'briefing restore'"):
        open_workspace(ws_file)
    assert _digest(ws_file) == before
    assert lock.marker(ws_file) == lock.MISSING  # still unchecked: the next open checks again


def test_the_full_check_is_skipped_after_a_clean_close(ws_file, monkeypatch):
    calls = []
    monkeypatch.setattr(integrity, "check_integrity", lambda path, conn: calls.append(path))
    open_workspace(ws_file).close()
    assert calls == []  # a new, empty file has nothing to check
    open_workspace(ws_file).close()
    assert calls == []
    lock.lock_path(ws_file).unlink()
    open_workspace(ws_file).close()
    assert calls == [ws_file]


@pytest.fixture
def read_only_file(ws_file):
    """The workspace file made read-only in a way that stops even root: a read-only mount when
    we may mount, else file permissions (which stop everyone else)."""
    with open_workspace(ws_file) as ws:
        add_entity(ws, "Marta Okafor", "person")
    if os.geteuid() != 0:
        ws_file.chmod(0o444)
        yield ws_file
        ws_file.chmod(0o644)
        return
    mount = ws_file.parent / "mnt"
    mount.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=4m", "tmpfs", str(mount)], capture_output=True).returncode:
        pytest.skip("root without mount rights: nothing makes a file read-only for root")
    try:
        target = mount / ws_file.name
        target.write_bytes(ws_file.read_bytes())
        subprocess.run(["mount", "-o", "remount,ro", str(mount)], check=True)
        yield target
    finally:
        subprocess.run(["umount", str(mount)], check=True)


def test_a_read_only_file_is_said_so_or_opened_read_only(read_only_file):
    before = _digest(read_only_file)
    with pytest.raises(WorkspaceError, match="cannot be changed: .*read-only"):
        open_workspace(read_only_file)
    with open_workspace(read_only_file, fallback_read_only=True) as ws:
        assert ws.read_only and "read-only" in (ws.read_only_reason or "")
        assert count_rows(ws)["entities"] == 1
        with pytest.raises(WorkspaceError, match="the change was not saved"):
            add_entity(ws, "Not Saved", "person")
    assert _digest(read_only_file) == before


def test_disk_full_rolls_back_and_says_so(ws_file):
    with open_workspace(ws_file) as ws:
        source_id = add_document(ws, make_doc())[0]
        pages = ws.db.execute("PRAGMA page_count").fetchone()[0]
        before = count_rows(ws)
        ws.db.execute(f"PRAGMA max_page_count = {pages + 2}")  # the disk has room for two more pages
        with pytest.raises(WorkspaceError) as caught:
            add_annotation(ws, source_id, 0, 10, note="a long note " * 20000, tags=("figures",))
        assert str(caught.value) == (
            f"{ws_file.name}: disk full; the change was not saved (free some space and try again)"
        )
        assert not ws.db.conn.in_transaction
        assert count_rows(ws) == before
        ws.db.execute("PRAGMA max_page_count = 1073741823")  # space again: the same edit goes in
        add_annotation(ws, source_id, 0, 10, note="a long note " * 20000, tags=("figures",))
        assert count_rows(ws)["annotations"] == 1


@pytest.fixture
def small_disk(tmp_path):
    why = "mounting a small file system needs root; test_disk_full_rolls_back_and_says_so covers the rest"
    yield from mounted_tmpfs(tmp_path / "small", "1m", why)


def test_an_import_onto_a_full_disk_stops_with_one_clear_line(small_disk, tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(12):
        words = " ".join(f"word{i}x{j}" for j in range(12000))
        (corpus / f"article{i:02}.txt").write_text(f"Article {i}\n\nThe mayor said {words}.")
    path = small_disk / "case.briefing"
    with open_workspace(path) as ws:
        with pytest.raises(BriefingError, match="disk full; the change was not saved"):
            import_paths(ws, [corpus], analyse=False)
        kept = count_rows(ws)["sources"]
    assert 0 < kept < 12
    conn = sqlite3.connect(path)
    assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert conn.execute("SELECT count(*) FROM sources").fetchone()[0] == kept
    conn.close()


def test_a_new_workspace_on_a_read_only_disk_cannot_be_made_and_says_so(read_only_file):
    new = read_only_file.with_name("new.briefing")
    for fallback in (False, True):
        with pytest.raises(WorkspaceError) as caught:
            open_workspace(new, fallback_read_only=fallback)
        assert str(caught.value) == f"{new}: cannot be made: it is on a read-only disk"
    assert not new.exists()
