"""Two instances on one workspace: the second gets a clear refusal or a read-only workspace."""

import hashlib
import os
import signal

import pytest

from briefing.domain import WorkspaceError, WorkspaceLocked, WorkspaceReadOnly
from briefing.store import integrity, lock, open_workspace
from briefing.store.counts import count_rows
from briefing.store.entities import add_entity
from tests.old_schema import workspace_at_schema
from tests.processes import hold_workspace, run_cli, run_python


def _digest(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def held(ws_file):
    with open_workspace(ws_file) as ws:
        add_entity(ws, "Marta Okafor", "person")
    holder = hold_workspace(ws_file)
    yield ws_file, holder
    holder.kill()
    holder.wait()


def test_a_second_process_is_refused_with_the_holder_named(held):
    path, holder = held
    with pytest.raises(WorkspaceLocked) as caught:
        open_workspace(path)
    message = str(caught.value)
    assert f"open in Briefing process {holder.pid}" in message and "\n" not in message


def test_a_second_process_may_read_but_not_write(held):
    path, holder = held
    with open_workspace(path, fallback_read_only=True) as ws:
        assert ws.read_only and str(holder.pid) in (ws.read_only_reason or "")
        assert count_rows(ws)["entities"] == 1
        with pytest.raises(WorkspaceReadOnly, match="read-only here: .* the change was not saved"):
            add_entity(ws, "Someone Else", "person")
    with open_workspace(path, fallback_read_only=True) as ws:
        assert count_rows(ws)["entities"] == 1


def test_the_lock_is_free_again_after_the_holder_is_killed(held):
    path, holder = held
    holder.send_signal(signal.SIGKILL)
    holder.wait()
    assert lock.marker(path) == lock.OPEN  # the killed session never closed
    with open_workspace(path) as ws:
        assert not ws.read_only
        add_entity(ws, "After The Kill", "person")
    assert lock.marker(path) == lock.CLOSED


@pytest.fixture
def killed_holder(held, monkeypatch):
    """The holder killed with the workspace open; the paths the full check reads are recorded."""
    path, holder = held
    checked: list = []
    real = integrity.check_integrity
    monkeypatch.setattr(integrity, "check_integrity", lambda p, conn: checked.append(p) or real(p, conn))
    holder.kill()
    holder.wait()
    return path, checked


def test_an_unclean_close_gets_a_full_check_and_a_clean_one_does_not(killed_holder):
    path, checked = killed_holder
    open_workspace(path).close()
    assert checked == [path]
    open_workspace(path).close()
    assert checked == [path]


def test_connections_of_one_process_share_the_lock(ws_file):
    first = open_workspace(ws_file)
    second = first.reopen()  # a worker thread's connection
    add_entity(second, "From A Worker", "person")
    second.close()
    assert run_cli("info", "--workspace", str(ws_file)).returncode == 0  # readers are never refused
    assert run_cli("import", "--workspace", str(ws_file), str(ws_file.parent / "none.txt")).returncode == 1
    first.close()
    result = run_cli("import", "--workspace", str(ws_file), str(ws_file.parent / "none.txt"))
    assert "open in" not in result.stderr


def test_an_explicit_read_only_open_takes_no_lock(ws_file):
    open_workspace(ws_file).close()
    with open_workspace(ws_file, read_only=True) as reader, open_workspace(ws_file) as writer:
        assert reader.read_only and not writer.read_only
        add_entity(writer, "Written", "person")
        assert count_rows(reader)["entities"] == 1  # it sees committed changes


def test_the_cli_refuses_writes_and_allows_reads_while_locked(held, tmp_path):
    path, holder = held
    before = _digest(path)
    (tmp_path / "a.txt").write_text("The mayor said on Tuesday that the grid had failed again.")
    refused = run_cli("import", "--workspace", str(path), str(tmp_path / "a.txt"))
    assert refused.returncode == 1
    assert refused.stderr.strip().splitlines() == [
        f"briefing: {path}: open in Briefing process {holder.pid}; close it there first (commands that only "
        "read, such as search, sources or export, work meanwhile)"
    ]
    info = run_cli("info", "--workspace", str(path), "--json")
    assert info.returncode == 0 and '"entities": 1' in info.stdout
    assert run_cli("search", "--workspace", str(path), "okafor").returncode == 0
    exported = run_cli("export", "--workspace", str(path), "--format", "json", "-o", str(tmp_path / "w.json"))
    assert exported.returncode == 0
    assert _digest(path) == before


def test_reading_an_older_workspace_read_only_asks_for_the_upgrade(ws_file):
    workspace_at_schema(ws_file, 2).close()
    with pytest.raises(WorkspaceError, match="older version of Briefing; it is upgraded when opened for writing"):
        open_workspace(ws_file, read_only=True)


def test_a_reader_beside_a_writer_does_not_check_the_file_again(ws_file, monkeypatch):
    open_workspace(ws_file).close()
    lock.lock_path(ws_file).unlink()  # as if it came from elsewhere: the writer checks it
    calls = []
    monkeypatch.setattr(integrity, "check_integrity", lambda path, conn: calls.append(path))
    with open_workspace(ws_file), open_workspace(ws_file, read_only=True) as reader:
        assert reader.read_only and calls == [ws_file]


def test_a_second_window_refuses_or_reads_and_never_writes(held, tmp_path):
    """The window's start-up decides between the two (briefing/ui/app.py); either way the
    holder's workspace is not touched and the holder goes on writing."""
    path, holder = held
    before = _digest(path)
    shot = tmp_path / "second.png"
    result = run_cli("--workspace", str(path), "--screenshot", str(shot))
    if result.returncode:
        assert result.stderr.strip().splitlines()[-1] == (
            f"briefing: {path}: open in Briefing process {holder.pid}; close it there first (commands that only "
            "read, such as search, sources or export, work meanwhile)"
        )
    else:
        assert shot.exists()
    assert _digest(path) == before
    holder.kill()
    holder.wait()
    with open_workspace(path) as ws:
        add_entity(ws, "After The Second Window", "person")
        assert ws.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def _victim(tmp_path):
    victim = tmp_path / "bashrc"
    victim.write_text("export PATH=/usr/bin\n")
    return victim


@pytest.mark.parametrize("plant", ["symlink", "hardlink", "other-text", "dangling-symlink"])
def test_a_lock_file_we_did_not_make_is_refused_and_left_alone(ws_file, tmp_path, capsys, plant):
    from briefing.cli import main

    open_workspace(ws_file).close()
    lock_file = lock.lock_path(ws_file)
    lock_file.unlink()
    victim = _victim(tmp_path)
    if plant == "symlink":
        lock_file.symlink_to(victim)
    elif plant == "hardlink":
        os.link(victim, lock_file)
    elif plant == "other-text":
        lock_file.write_text("export PATH=/usr/bin\n")
        victim = lock_file
    else:
        victim.unlink()
        lock_file.symlink_to(victim)
    before = victim.read_bytes() if victim.exists() else None
    assert main(["info", "--workspace", str(ws_file)]) == 1
    [line] = capsys.readouterr().err.strip().splitlines()
    assert line.startswith(f"briefing: {lock_file}: ") and "not a lock file Briefing made; remove it" in line
    assert (victim.read_bytes() if victim.exists() else None) == before
    assert lock.marker(ws_file) == lock.MISSING and not lock.in_use(ws_file)


def test_a_named_pipe_as_lock_file_is_refused_without_waiting(ws_file):
    open_workspace(ws_file).close()
    lock.lock_path(ws_file).unlink()
    os.mkfifo(lock.lock_path(ws_file))
    result = run_cli("info", "--workspace", str(ws_file), timeout=60)  # the timeout is only a safety net
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [
        f"briefing: {lock.lock_path(ws_file)}: is not a regular file, not a lock file Briefing made; "
        "remove it to open the workspace"
    ]


def test_after_a_kill_the_full_check_runs_once_per_process_not_per_connection(killed_holder):
    path, checked = killed_holder
    with open_workspace(path) as ws:
        add_entity(ws, "Written Meanwhile", "person")
        for _ in range(3):
            ws.reopen().close()  # worker threads' connections, searches
    assert checked == [path]


def test_a_reader_checks_a_killed_sessions_file_once(held, monkeypatch):
    path, holder = held
    checked = []
    monkeypatch.setattr(integrity, "check_integrity", lambda p, conn: checked.append(p))
    holder.kill()
    holder.wait()
    for _ in range(3):
        open_workspace(path, read_only=True).close()
    assert checked == [path]


READ_AND_CLOSE = """
import sqlite3, sys
conn = sqlite3.connect(sys.argv[1])
conn.execute("SELECT count(*) FROM entities").fetchone()
conn.close()
"""


@pytest.mark.parametrize("second", ["reopen", "read_only"])
def test_opening_a_second_connection_keeps_the_first_ones_file_locks(ws_file, second):
    """A process's POSIX locks on a file go when it closes any descriptor of that file: a header
    read by a second open dropped the window's locks, and the next process to close the
    workspace (the command line, a reader) took itself for the last one and deleted the -wal
    and -shm under the window, which then failed with 'disk I/O error'."""
    first = open_workspace(ws_file)
    add_entity(first, "Before", "person")
    other = first.reopen() if second == "reopen" else open_workspace(ws_file, read_only=True)
    assert count_rows(other)["entities"] == 1
    assert run_python(READ_AND_CLOSE, str(ws_file)).returncode == 0
    assert os.path.exists(f"{ws_file}-shm") and os.path.exists(f"{ws_file}-wal")
    add_entity(first, "After", "person")
    assert count_rows(other)["entities"] == 2
    other.close()
    first.close()


def test_a_writer_waits_out_another_process_that_lets_go_of_the_lock(held, monkeypatch):
    """A loop of edits beside a loop of 'briefing claims' lost edits, and a window started meanwhile
    stayed read-only: each read held the lock a moment, and whoever met it gave up at once."""
    import threading
    import time

    path, holder = held
    waiting, result = threading.Event(), {}
    real_sleep = time.sleep

    def sleep(seconds):  # the lock's wait between tries: say it has begun waiting
        waiting.set()
        real_sleep(seconds)

    monkeypatch.setattr(lock.time, "sleep", sleep)

    def take():
        try:
            result["lock"] = lock.acquire(path, wait=60)
        except WorkspaceLocked as exc:
            result["refused"] = exc

    thread = threading.Thread(target=take)
    thread.start()
    assert waiting.wait(timeout=60), result  # it waits rather than refuse at once
    holder.kill()  # the other process lets go
    holder.wait()
    thread.join(timeout=120)
    assert "lock" in result, result
    result["lock"].release()
