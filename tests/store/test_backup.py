"""Rolling backups with SQLite's online backup API; restoring one, and refusing what is not one."""

import errno
import hashlib
import os
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from briefing.domain import WorkspaceError, WorkspaceLocked
from briefing.pipeline import open_default_workspace
from briefing.store import open_workspace
from briefing.store.backup import (
    back_up,
    backup_folder,
    keep_count,
    list_backups,
    maybe_back_up,
)
from briefing.store.counts import count_rows
from briefing.store.entities import add_entity
from briefing.store.restore import restore_backup
from tests.old_schema import workspace_at_schema
from tests.processes import hold_workspace, run_cli


def _names(path: Path) -> list[str]:
    with sqlite3.connect(path) as conn:
        return [r[0] for r in conn.execute("SELECT name FROM entities ORDER BY id")]


def _digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def case(ws_file):
    with open_workspace(ws_file) as ws:
        add_entity(ws, "Marta Okafor", "person")
    return ws_file


def test_a_backup_is_a_whole_workspace_of_its_own(case):
    with open_workspace(case) as ws:
        backup = back_up(ws)
        add_entity(ws, "Written After", "person")
    assert backup.parent == backup_folder(case) == case.with_name("test.briefing.backups")
    assert backup.name.startswith("test-") and backup.suffix == ".briefing"
    assert not Path(f"{backup}-wal").exists()
    with sqlite3.connect(backup) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert _names(backup) == ["Marta Okafor"]
    with open_workspace(backup) as copy:  # it opens as a workspace
        assert count_rows(copy)["entities"] == 1


def test_the_newest_are_kept(case):
    stray = backup_folder(case) / "my notes.txt"
    with open_workspace(case) as ws:
        made = [back_up(ws, keep=3) for _ in range(5)]
        stray.write_text("not a backup: never deleted")
        back_up(ws, keep=3)
    kept = list_backups(case)
    assert len(kept) == 3 and made[-2:] == kept[:2]
    assert stray.exists()


def test_how_many_to_keep_comes_from_the_argument_or_the_environment(monkeypatch):
    assert keep_count() == 10
    monkeypatch.setenv("BRIEFING_BACKUPS", "3")
    assert keep_count() == 3 and keep_count(5) == 5
    monkeypatch.setenv("BRIEFING_BACKUPS", "lots")
    with pytest.raises(WorkspaceError, match="BRIEFING_BACKUPS='lots': give the number of backups to keep"):
        keep_count()


def test_maybe_back_up_only_when_due_and_changed(case, monkeypatch):
    with open_workspace(case) as ws:
        first = maybe_back_up(ws)
        assert first is not None
        assert maybe_back_up(ws) is None  # the newest is younger than ten minutes
        for path in (case, Path(f"{case}-wal"), first):  # an hour has passed, without edits
            os.utime(path, (time.time() - 3600,) * 2)
        assert maybe_back_up(ws) is None  # due, but nothing changed since
        add_entity(ws, "New Person", "person")
        second = maybe_back_up(ws)
        assert second is not None and _names(second) == ["Marta Okafor", "New Person"]
        monkeypatch.setenv("BRIEFING_BACKUPS", "0")
        add_entity(ws, "Third Person", "person")
        assert maybe_back_up(ws, interval=0) is None  # automatic backups are off


def test_a_new_empty_workspace_is_not_backed_up(ws_file):
    with open_workspace(ws_file) as ws:
        assert maybe_back_up(ws) is None
    assert list_backups(ws_file) == []


def test_opening_for_work_makes_a_backup_at_most_every_ten_minutes(case):
    open_default_workspace(case).close()
    open_default_workspace(case).close()
    assert len(list_backups(case)) == 1


def test_restore_round_trip_keeps_the_current_state_as_a_backup(case):
    with open_workspace(case) as ws:
        backup = back_up(ws)
        add_entity(ws, "Added Later", "person")
    kept = restore_backup(case, backup)
    assert _names(case) == ["Marta Okafor"]
    assert kept is not None and kept.name.endswith("-before-restore.briefing")
    assert _names(kept) == ["Marta Okafor", "Added Later"]
    with open_workspace(case) as ws:  # and it is a healthy workspace again
        add_entity(ws, "After Restore", "person")
        assert ws.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_restore_over_a_workspace_that_cannot_be_opened_moves_it_aside(case):
    with open_workspace(case) as ws:
        backup = back_up(ws)
    case.write_bytes(b"SQLite format 3\x00" + b"\xff" * 4000)
    kept = restore_backup(case, backup)
    assert kept is not None and kept.name.endswith("-replaced.briefing")
    assert kept.read_bytes().startswith(b"SQLite format 3\x00\xff\xff")
    assert _names(case) == ["Marta Okafor"]
    assert list_backups(case) == [backup]  # what was kept aside is no backup to restore
    listed = run_cli("backup", "--list", "--workspace", str(case)).stdout.splitlines()
    assert listed[-1] == f"also 1 damaged file a restore kept aside (not backups): {kept.name}"


def _written(path: Path, data: bytes) -> Path:
    path.write_bytes(data)
    return path


def _other_sqlite(path: Path) -> Path:
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE customers (id INTEGER)")
    return path


def _newer(path: Path) -> Path:
    open_workspace(path).close()
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA user_version = 99")
    return path


def _damaged(path: Path) -> Path:
    with open_workspace(path) as ws, ws.transaction() as db:
        for i in range(3000):
            db.execute("INSERT INTO tags (name) VALUES (?)", [f"tag {i} " + "x" * 40])
    with path.open("r+b") as handle:
        handle.seek(40 * 4096)
        handle.write(b"\xa5" * 4096)
    return path


@pytest.mark.parametrize(
    "make, reason",
    [
        (lambda p: p, "no such backup file"),
        (lambda p: p.mkdir() or p, "is a folder, not a backup file"),
        (lambda p: os.mkfifo(p) or p, "not a regular file, not a backup"),  # it said 'no such backup file'
        (lambda p: _written(p, b"hello"), "not an SQLite file"),
        (lambda p: _written(p, b""), "not a Briefing workspace"),
        (_other_sqlite, "an SQLite file with other tables"),
        (_newer, "newer version of Briefing"),
        (_damaged, "damaged"),
    ],
    ids=["missing", "folder", "pipe", "text", "empty", "other-sqlite", "newer", "damaged"],
)
def test_restore_refuses_what_is_not_a_sound_backup(case, tmp_path, make, reason):
    bad = make(tmp_path / "bad.briefing")
    before = _digest(case)
    with pytest.raises(WorkspaceError) as caught:
        restore_backup(case, bad)
    assert reason in str(caught.value) and "\n" not in str(caught.value)
    assert _digest(case) == before and list_backups(case) == []


def test_a_backup_into_a_missing_folder_says_so(case, tmp_path):
    """It said 'backup failed (unable to open database file)'."""
    from briefing.store import open_workspace
    from briefing.store.backup import back_up

    with open_workspace(case) as ws, pytest.raises(WorkspaceError) as caught:
        back_up(ws, tmp_path / "nodir" / "x.briefing")
    assert str(caught.value) == f"{tmp_path / 'nodir'}: no such folder for the backup"


def test_restore_refuses_the_workspace_itself_and_a_workspace_in_use(case):
    with pytest.raises(WorkspaceError, match="is the workspace itself"):
        restore_backup(case, case)
    with open_workspace(case) as ws:
        backup = back_up(ws)
    holder = hold_workspace(case)
    try:
        expected = f"open in Briefing process {holder.pid}; close it there before restoring"
        with pytest.raises(WorkspaceLocked, match=expected):
            restore_backup(case, backup)
    finally:
        holder.kill()
        holder.wait()


def test_an_upgrade_is_preceded_by_a_backup(ws_file):
    workspace_at_schema(ws_file, 2).close()
    open_workspace(ws_file).close()
    [kept] = list_backups(ws_file)
    assert kept.name.endswith("-before-upgrade.briefing")
    with sqlite3.connect(kept) as conn:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 2


def test_half_written_backups_from_killed_runs_are_cleared(case):
    folder = backup_folder(case)
    folder.mkdir()
    stale = folder / ".test-20260101-000000-000000.briefing.4242.tmp"
    stale.write_bytes(b"half")
    os.utime(stale, (time.time() - 7200,) * 2)
    with open_workspace(case) as ws:
        back_up(ws)
    assert not stale.exists()


def test_backup_and_restore_commands(case, tmp_path):
    made = run_cli("backup", "--workspace", str(case))
    assert made.returncode == 0, made.stderr
    [backup] = list_backups(case)
    assert made.stdout.strip() == f"backed up {case.name} to {backup}"
    listed = run_cli("backup", "--list", "--workspace", str(case))
    assert listed.stdout.startswith(str(backup)) and listed.stdout.rstrip().endswith(" MB  automatic or Back Up Now")
    target = tmp_path / "copy.briefing"
    assert run_cli("backup", "--workspace", str(case), "--to", str(target)).returncode == 0
    again = run_cli("backup", "--workspace", str(case), "--to", str(target))
    assert (
        again.returncode == 1
        and again.stderr.strip() == f"briefing: {target}: already exists; choose a new file name for the backup"
    )
    with open_workspace(case) as ws:
        add_entity(ws, "Added Later", "person")
    restored = run_cli("restore", "--workspace", str(case), str(target))
    assert restored.returncode == 0, restored.stderr
    assert restored.stdout.startswith(f"restored {case.name} from {target}; its previous state is kept in ")
    assert _names(case) == ["Marta Okafor"]
    gone = tmp_path / "deleted.briefing"  # a workspace deleted, or a name mistyped
    made_anew = run_cli("restore", "--workspace", str(gone), str(target))
    assert made_anew.stdout.strip() == f"made {gone} from {target} (there was no workspace of that name)"
    assert _names(gone) == ["Marta Okafor"]
    refused = run_cli("restore", "--workspace", str(case), str(tmp_path / "nothing.briefing"))
    assert refused.returncode == 1
    assert refused.stderr.strip() == f"briefing: {tmp_path / 'nothing.briefing'}: no such backup file"


def test_a_worker_may_back_up_through_a_read_only_connection(case):
    # the app can copy a big workspace off the UI thread: a worker opens it read-only
    with open_workspace(case) as ws, open_workspace(case, read_only=True) as worker:
        made = maybe_back_up(worker)
        add_entity(ws, "Still Writable", "person")
    assert made is not None and _names(made) == ["Marta Okafor"]


def test_edits_bring_a_backup_when_one_is_due(case, monkeypatch):
    from briefing.store import backup

    monkeypatch.setattr(backup, "BACKUP_CHECK_SECONDS", 0)
    with open_default_workspace(case) as ws:  # the app's and the CLI's way in: one on open
        assert ws.auto_backup and len(list_backups(case)) == 1
        add_entity(ws, "Too Soon", "person")
        assert len(list_backups(case)) == 1
        monkeypatch.setattr(backup, "INTERVAL_SECONDS", 0)  # ten minutes later
        add_entity(ws, "Due Now", "person")
        assert len(list_backups(case)) == 2
        assert _names(list_backups(case)[-1])[-1] == "Due Now"


def test_a_failed_backup_never_fails_the_edit(case, monkeypatch):
    from briefing.store import backup

    monkeypatch.setattr(backup, "BACKUP_CHECK_SECONDS", 0)
    monkeypatch.setattr(backup, "INTERVAL_SECONDS", 0)
    backup_folder(case).write_text("a file where the folder should be")
    with open_default_workspace(case) as ws:
        assert "cannot make the backup folder" in (ws.backup_problem or "")
        add_entity(ws, "Saved Anyway", "person")
        assert "cannot make the backup folder" in (ws.backup_problem or "")
    assert _names(case)[-1] == "Saved Anyway"
    result = run_cli("info", "--workspace", str(case))
    assert result.returncode == 0 and "briefing: no backup made: " in result.stderr


def _finished_pid() -> int:
    """The id of a process that has ended (as a backup killed half-way)."""
    child = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True, text=True)
    return int(child.stdout)


def test_a_backup_killed_half_way_is_cleared_at_the_next_open(case):
    folder = backup_folder(case)
    folder.mkdir()
    dead = _finished_pid()
    interrupted = [
        folder / f".test-20260101-000000-000000.briefing.{dead}.tmp",
        folder / f".test-20260101-000000-000000-before-upgrade.briefing.{dead}.tmp-journal",
    ]
    running = folder / f".test-20260101-000001-000000.briefing.{os.getpid()}.tmp"  # a backup under way
    others = [
        folder / f".other-20260101-000000-000000.briefing.{dead}.tmp",
        folder / f".notes.{dead}.tmp",
        folder / "test.tmp",
    ]
    for path in [*interrupted, running, *others]:
        path.write_bytes(b"half")
    open_workspace(case).close()  # no backup made: only the open
    assert not any(path.exists() for path in interrupted)
    assert running.exists() and all(path.exists() for path in others)


def test_a_backup_onto_a_full_disk_says_how_many_backups_are_kept(case, monkeypatch):
    from briefing.store import backup as backup_module

    with open_workspace(case) as ws:
        back_up(ws)
        back_up(ws)

        def full(path):
            raise OSError(errno.ENOSPC, "No space left on device")

        monkeypatch.setattr(backup_module, "_fsync", full)
        with pytest.raises(WorkspaceError) as caught:
            back_up(ws)
    assert str(caught.value) == (
        f"{backup_folder(case)}: disk full; no backup was made; 2 earlier backups are kept (free some space)"
    )
    assert len(list_backups(case)) == 2 and [p.name for p in backup_folder(case).iterdir() if p.name[0] == "."] == []


def test_a_damaged_backup_is_refused_without_sending_the_analyst_to_restore_a_backup(case, tmp_path):
    """Restoring is what the analyst is doing: the refusal says the backup is damaged, not
    'restore a backup with briefing restore'."""
    damaged = tmp_path / "damaged-copy.briefing"
    with open_workspace(case) as ws:
        back_up(ws, damaged)
    damaged.write_bytes(damaged.read_bytes()[:5000])
    with pytest.raises(WorkspaceError) as caught:
        restore_backup(case, damaged)
    message = str(caught.value)
    assert message.startswith(f"cannot restore from {damaged}: the workspace file is damaged")
    assert "briefing restore" not in message and "\n" not in message
