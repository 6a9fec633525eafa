"""A damaged workspace: the window offers its newest backup instead of a command to type."""

import pytest

from briefing.domain import WorkspaceDamaged
from briefing.store import lock, open_workspace
from briefing.store.backup import back_up, list_backups
from briefing.store.backup_files import list_set_aside
from briefing.ui import damaged


def _damage(path):
    """Junk over a page, and no sign that the last session closed it: opening checks it whole."""
    with path.open("r+b") as handle:
        handle.seek(40 * 4096)
        handle.write(b"\xa5" * 4096)
    lock.lock_path(path).unlink(missing_ok=True)


def _open_error(path):
    with pytest.raises(WorkspaceDamaged) as caught:
        open_workspace(path).close()
    return caught.value


@pytest.fixture
def copy(analysed_path, tmp_path):
    path = tmp_path / "case.briefing"
    path.write_bytes(analysed_path.read_bytes())
    return path


def test_a_damaged_workspace_with_a_backup_is_restored_on_request(copy, monkeypatch):
    with open_workspace(copy) as ws:
        back_up(ws)
        sources = ws.db.execute("SELECT count(*) FROM sources").fetchone()[0]
    _damage(copy)
    error = _open_error(copy)
    asked = []
    assert damaged.offer_restore(None, copy, error, ask=lambda text, backup: asked.append(text) or True)
    assert "Restore the newest backup, made " in asked[0] and "'briefing restore'" not in asked[0]
    with open_workspace(copy) as ws:  # opens again, with what the backup held
        assert ws.db.execute("SELECT count(*) FROM sources").fetchone()[0] == sources
    [aside] = list_set_aside(copy)  # the damaged file kept aside
    assert aside.name.endswith("-replaced.briefing")
    assert not any("replaced" in b.name for b in list_backups(copy))  # the damaged file is no backup


def test_a_damaged_file_kept_aside_is_never_offered_nor_pruned_as_a_backup(copy):
    """A restore keeps the damaged file aside in the backup folder; it was listed as the newest
    backup, so the next damage offered it (and failed: it is damaged), and rolling backups
    pruned it with the old ones."""
    with open_workspace(copy) as ws:
        good = back_up(ws)
    _damage(copy)
    assert damaged.offer_restore(None, copy, _open_error(copy), ask=lambda text, backup: True)
    [aside] = list_set_aside(copy)
    _damage(copy)
    offered = []
    assert damaged.offer_restore(None, copy, _open_error(copy), ask=lambda text, backup: offered.append(backup) or True)
    assert offered == [good]
    with open_workspace(copy) as ws:
        for _ in range(3):
            back_up(ws, keep=1)
    assert aside.exists() and len(list_set_aside(copy)) == 2


def test_without_a_backup_it_says_where_none_was_found_and_changes_nothing(copy, monkeypatch):
    _damage(copy)
    before = copy.read_bytes()
    said = []
    monkeypatch.setattr(damaged, "warn", lambda parent, title, text, icon=None: said.append(text))
    assert not damaged.offer_restore(None, copy, _open_error(copy), ask=lambda text, backup: True)
    assert "No backup of it was found in" in said[0] and copy.read_bytes() == before


def test_declining_changes_nothing(copy):
    with open_workspace(copy) as ws:
        back_up(ws)
    _damage(copy)
    before = copy.read_bytes()
    assert not damaged.offer_restore(None, copy, _open_error(copy), ask=lambda text, backup: False)
    assert copy.read_bytes() == before


def test_a_truncated_workspace_is_damaged_and_its_backup_offered(copy):
    """A file cut short (a copy interrupted, a full disk) fails as SQLite reads its schema: it is
    a damaged workspace, for which the window offers the backup, not a file of another kind."""
    with open_workspace(copy) as ws:
        back_up(ws)
    lock.lock_path(copy).unlink()
    copy.write_bytes(copy.read_bytes()[: copy.stat().st_size // 3])
    error = _open_error(copy)
    assert "damaged" in str(error) and "\n" not in str(error)
    assert damaged.offer_restore(None, copy, error, ask=lambda text, backup: True)
    open_workspace(copy).close()
