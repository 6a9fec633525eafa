"""Received workspaces and odd files: refused in one line naming the file and the reason,
with nothing written, or opened as they should be."""

import hashlib
import os
import sqlite3
import subprocess
from pathlib import Path

import pytest

from briefing.cli import main
from briefing.domain import WorkspaceError
from briefing.store import lock, open_workspace
from briefing.store.counts import count_rows
from briefing.store.entities import add_entity
from briefing.store.sources import add_document
from tests.processes import run_cli
from tests.store.mounts import mounted_tmpfs
from tests.store.test_sources import make_doc


def _snapshot(folder: Path) -> dict[str, str]:
    """Every entry of ``folder`` with its content's digest (or what kind of entry it is)."""
    seen = {}
    for entry in sorted(os.listdir(folder)):
        full = folder / entry
        if full.is_symlink():
            seen[entry] = "link to " + os.readlink(full)
        elif full.is_file():
            seen[entry] = hashlib.sha256(full.read_bytes()).hexdigest()
        else:
            seen[entry] = "other"
    return seen


def _received(path: Path, *statements: str, writable_schema: bool = False) -> Path:
    """A workspace as someone else might send it, changed with the sqlite3 shell; still in WAL
    mode, with no -wal beside it and no lock file (it was never opened here)."""
    with open_workspace(path) as ws:
        add_document(ws, make_doc())
    conn = sqlite3.connect(path)
    if writable_schema:
        conn.execute("PRAGMA writable_schema = ON")
    for statement in statements:
        conn.execute(statement)
    conn.commit()
    conn.close()
    lock.lock_path(path).unlink()
    assert not Path(f"{path}-wal").exists()
    return path


def _refused_by_the_cli(path: Path, capsys) -> str:
    """``briefing info`` on ``path``: refused with one line; the folder is as it was."""
    before = _snapshot(path.parent)
    assert main(["info", "--workspace", str(path)]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1 and str(path) in lines[0] and "unexpected error" not in lines[0]
    after = _snapshot(path.parent)
    if lock.lock_path(path).name not in before and after.get(lock.lock_path(path).name) == EMPTY_FILE:
        del after[lock.lock_path(path).name]  # the lock, taken before the check; it stays unmarked
    assert after == before
    return lines[0]


EMPTY_FILE = hashlib.sha256(b"").hexdigest()
CASCADE = "INTEGER REFERENCES briefing_items(id) ON DELETE CASCADE"


@pytest.mark.parametrize(
    "statements, named",
    [
        ([f"ALTER TABLE sources ADD COLUMN cache_ref {CASCADE}"], "table sources"),
        ([f"ALTER TABLE claim_suggestions ADD COLUMN cache_ref {CASCADE}"], "table claim_suggestions"),
        (["CREATE UNIQUE INDEX idx_one_tag ON tags(name COLLATE BINARY)"], "index idx_one_tag"),
        (["CREATE TABLE mine (id INTEGER PRIMARY KEY, source_id INTEGER REFERENCES sources(id))"], "table mine"),
        (["DROP INDEX idx_sources_published"], "index idx_sources_published (missing)"),
        (["DROP TRIGGER history_no_delete"], "trigger history_no_delete (missing)"),
    ],
    ids=[
        "cascade-from-sources",
        "cascade-from-suggestions",
        "index-on-ours",
        "table-tied-to-ours",
        "dropped-index",
        "dropped-trigger",
    ],
)
def test_tables_and_indexes_not_as_the_migrations_make_them_are_refused(ws_file, capsys, statements, named):
    _received(ws_file, *statements)
    line = _refused_by_the_cli(ws_file, capsys)
    assert named in line and "not the one Briefing makes" in line
    with pytest.raises(WorkspaceError, match=named.split(" (")[0]):
        open_workspace(ws_file, read_only=True)


def test_a_virtual_table_written_into_the_schema_with_odd_spacing_is_refused(ws_file, capsys):
    _received(
        ws_file,
        "INSERT INTO sqlite_master VALUES ('table', 'extra', 'extra', 0, 'CREATE  VIRTUAL  TABLE extra USING fts5(x)')",
        writable_schema=True,
    )
    assert "table extra" in _refused_by_the_cli(ws_file, capsys)


def test_an_extra_table_of_ones_own_with_its_index_is_still_fine(ws_file):
    _received(
        ws_file, "CREATE TABLE my_notes (id INTEGER PRIMARY KEY, body TEXT)", "CREATE INDEX idx_my ON my_notes(body)"
    )
    with open_workspace(ws_file) as ws:
        assert count_rows(ws)["sources"] == 1


def test_a_schema_text_that_is_not_utf8_is_refused_and_leaves_no_wal(ws_file, capsys):
    # a comment with a byte that is not UTF-8 after the trigger's text: SQLite still reads it
    _received(
        ws_file,
        "UPDATE sqlite_master SET sql = sql || CAST(X'202D2D20FF' AS TEXT) WHERE name = 'history_no_update'",
        writable_schema=True,
    )
    assert "damaged" in _refused_by_the_cli(ws_file, capsys)


def test_a_damaged_search_index_is_refused_on_the_full_check(ws_file, capsys):
    _received(ws_file, "UPDATE search_fts_data SET block = X'00112233445566' WHERE id > 10")
    assert "search index is damaged" in _refused_by_the_cli(ws_file, capsys)


def test_a_search_index_of_an_unknown_format_is_refused_on_every_open(ws_file, capsys):
    _received(ws_file, "UPDATE search_fts_config SET v = 99 WHERE k = 'version'")
    lock.lock_path(ws_file).write_text("closed\n")  # even when no full check is due
    assert "search index" in _refused_by_the_cli(ws_file, capsys)


def test_a_named_pipe_is_refused_without_waiting(tmp_path):
    fifo = tmp_path / "x.briefing"
    os.mkfifo(fifo)
    result = run_cli("info", "--workspace", str(fifo), timeout=60)  # the timeout is only a safety net
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == [f"briefing: {fifo}: is not a regular file (a named pipe)"]
    assert sorted(os.listdir(tmp_path)) == ["x.briefing"]


@pytest.mark.parametrize(
    "target, reason",
    [
        ("nowhere.briefing", "is a symbolic link to nothing"),
        ("x.briefing", "is a loop of symbolic links"),
    ],
    ids=["dangling", "loop"],
)
def test_broken_symbolic_links_are_refused(tmp_path, capsys, target, reason):
    link = tmp_path / "x.briefing"
    link.symlink_to(tmp_path / target)
    assert reason in _refused_by_the_cli(link, capsys)


def test_a_symbolic_link_to_a_workspace_opens_it(ws_file):
    open_workspace(ws_file).close()
    link = ws_file.with_name("link.briefing")
    link.symlink_to(ws_file)
    with open_workspace(link) as ws:
        add_entity(ws, "Through A Link", "person")
    with open_workspace(ws_file, read_only=True) as ws:
        assert count_rows(ws)["entities"] == 1


def test_a_path_that_is_not_utf8_opens_again_and_again(tmp_path):
    folder = Path(os.fsdecode(bytes(tmp_path) + b"/caf\xe9"))
    folder.mkdir()
    path = folder / "case.briefing"
    with open_workspace(path) as ws:
        add_entity(ws, "Marta Okafor", "person")
    lock.lock_path(path).unlink()  # the full check reads the file through a URI
    for read_only in (False, True, False):
        with open_workspace(path, read_only=read_only) as ws:
            assert count_rows(ws)["entities"] == 1


@pytest.fixture
def read_only_mount(tmp_path):
    yield from mounted_tmpfs(tmp_path / "mnt", "4m")


def test_restore_onto_a_read_only_disk_says_so_in_one_line(read_only_mount, tmp_path):
    from briefing.store.backup import back_up
    from briefing.store.restore import restore_backup

    source = tmp_path / "source.briefing"
    with open_workspace(source) as ws:
        add_entity(ws, "Marta Okafor", "person")
        backup = back_up(ws, tmp_path / "copy.briefing")
    target = read_only_mount / "case.briefing"
    target.write_bytes(source.read_bytes())
    subprocess.run(["mount", "-o", "remount,ro", str(read_only_mount)], check=True)
    with pytest.raises(WorkspaceError) as caught:
        restore_backup(target, backup)
    assert str(target) in str(caught.value) and "read-only" in str(caught.value)
    assert "\n" not in str(caught.value)


@pytest.fixture
def read_only_backups(tmp_path):
    """The backup folder of tmp_path/case.briefing is a disk of its own, made read-only by the test."""
    yield from mounted_tmpfs(tmp_path / "case.briefing.backups", "4m")


def test_a_backup_into_a_read_only_folder_says_so_in_one_line(read_only_backups, tmp_path):
    """The backup folder on a read-only disk (a mount, a share): one line naming the file and the
    reason, never the operating system's exception."""
    from briefing.store.backup import back_up

    subprocess.run(["mount", "-o", "remount,ro", str(read_only_backups)], check=True)
    with open_workspace(tmp_path / "case.briefing") as ws:
        add_entity(ws, "Marta Okafor", "person")
        for target in (None, read_only_backups / "copy.briefing"):
            with pytest.raises(WorkspaceError) as caught:
                back_up(ws, target)
            message = str(caught.value)
            assert "read-only file system" in message.lower() and "\n" not in message
            assert str(read_only_backups) in message and "Errno" not in message
    assert list(read_only_backups.iterdir()) == []
