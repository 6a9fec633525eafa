"""File ▸ New, Open, Open Recent, Back Up Now and Restore Backup…: the window shows the other
workspace and forgets everything of the first; what cannot be opened, backed up or restored is
said in one line and leaves the workspace open as it was."""

import pytest
from PySide6.QtWidgets import QLabel

from briefing.store import open_workspace
from briefing.store.backup_files import backup_folder, list_backups
from briefing.store.lock import CLOSED, marker
from briefing.store.sources import get_source
from briefing.ui import damaged, workspace_files
from briefing.ui.main_window import MainWindow
from briefing.ui.source_model import SourceIdRole
from briefing.ui.tasks import TaskRunner


@pytest.fixture
def window(qtbot, analysed_path, tmp_path):
    first = tmp_path / "first.briefing"
    first.write_bytes(analysed_path.read_bytes())
    win = MainWindow(open_workspace(first), runner=TaskRunner(synchronous=True))
    qtbot.addWidget(win)
    win.resize(1280, 800)
    win.show()
    yield win
    win.files.detach()


@pytest.fixture
def said(monkeypatch):
    """The messages the window shows in a dialog, in order."""
    shown: list[str] = []
    for module in (workspace_files, damaged):
        monkeypatch.setattr(module, "warn", lambda _parent, _title, text, *_: shown.append(text))
    return shown


def test_opening_another_workspace_shows_it_and_forgets_the_first(window, tmp_path):
    first = window.ws.path
    sources = window.model.rowCount()
    window.edit_source("reliability", "A")
    assert window.undo_stack.count() == 1
    assert window.files.new_path(tmp_path / "second")  # .briefing is added
    assert window.windowTitle() == "second.briefing – Briefing"
    assert window.model.rowCount() == 0
    assert window.undo_stack.count() == 0  # an undo step of the first workspace never acts on this one
    assert "second.briefing" in window.statusBar().currentMessage()
    assert marker(first) == CLOSED  # the first was closed, not left locked
    assert window.files.open_path(first)
    assert window.windowTitle() == "first.briefing – Briefing"
    assert window.model.rowCount() == sources
    assert [p.name for p in window.files.recent_paths()] == ["first.briefing", "second.briefing"]


def test_a_file_that_is_no_workspace_leaves_the_open_one_open(window, tmp_path, said):
    notes = tmp_path / "notes.briefing"
    notes.write_text("Meeting notes, not a workspace\n" * 50)
    assert not window.files.open_path(notes)
    assert len(said) == 1 and "\n" not in said[0] and "notes.briefing" in said[0]
    assert window.windowTitle() == "first.briefing – Briefing"
    assert window.model.rowCount() > 0
    assert not window.files.new_path(notes)  # New never replaces a file
    assert "already exists" in said[1]
    assert notes.read_text().startswith("Meeting notes")


def test_a_running_import_is_stopped_only_when_the_analyst_agrees(window, tmp_path):
    class Running:
        label = "import"

    window.imports.task = Running()
    asked: list[str] = []
    window.files.ask = lambda text, answers: asked.append(text)  # Cancel
    assert not window.files.new_path(tmp_path / "other.briefing")
    assert "import is still running" in asked[0]
    assert window.windowTitle() == "first.briefing – Briefing"
    assert not (tmp_path / "other.briefing").exists()
    window.imports.task = None


def test_a_recent_workspace_gone_is_said_and_taken_off_the_list(window, tmp_path, said):
    gone = tmp_path / "gone.briefing"
    assert window.files.new_path(gone)
    assert window.files.open_path(tmp_path / "first.briefing")
    gone.unlink()
    assert not window.files.open_recent(gone.resolve())
    assert "gone.briefing: no longer there" in said[0]
    assert [p.name for p in window.files.recent_paths()] == ["first.briefing"]


def test_back_up_now_says_why_it_failed_in_one_line_then_backs_up(window, said):
    path = window.ws.path
    backup_folder(path).write_text("in the way")  # a file where the backup folder goes
    window.files.back_up_now()
    assert len(said) == 1 and "\n" not in said[0] and "backup folder" in said[0]
    backup_folder(path).unlink()
    window.files.back_up_now()
    assert len(list_backups(path)) == 1
    assert window.statusBar().currentMessage().startswith("Backed up to ")


def test_restoring_a_backup_can_be_undone_by_restoring_the_state_kept(window):
    path = window.ws.path
    source_id = window.current_source_id()
    before = get_source(window.ws, source_id).reliability
    window.files.back_up_now()
    backup = list_backups(path)[-1]
    window.edit_source("reliability", "E")
    questions: list[str] = []
    window.files.ask = lambda text, answers: questions.append(text) or 0
    assert window.files.restore(backup)
    assert "Its present state is kept" in questions[0]
    assert get_source(window.ws, source_id).reliability == before
    assert window.undo_stack.count() == 0
    assert window.windowTitle() == "first.briefing – Briefing"
    kept = [b for b in list_backups(path) if b.name.endswith("-before-restore.briefing")]
    assert len(kept) == 1 and kept[0].name in window.statusBar().currentMessage()
    assert window.files.restore(kept[0])  # the restore undone
    assert get_source(window.ws, source_id).reliability == "E"


def test_a_read_only_workspace_is_not_restored_into(window, said, tmp_path):
    path = window.ws.path
    window.files.back_up_now()
    window.files.detach()
    window.attach(open_workspace(path, read_only=True))
    window.files.ask = lambda text, answers: 0
    assert not window.files.restore(list_backups(path)[-1])
    assert "open read-only" in said[0]
    assert window.windowTitle() == "first.briefing (read-only) – Briefing"
    assert "Read-only.</b> It was opened read-only." in window.banner.text()  # a sentence, with its capital


def test_closing_during_an_import_asks_and_the_window_stays_if_told(window):
    class Running:
        label = "analysis"

    window.imports.task = Running()
    asked: list[str] = []
    window.files.ask = lambda text, answers: asked.append(text)  # Cancel
    assert not window.close()
    assert window.isVisible() and "analysis is still running" in asked[0] and "close the window" in asked[0]
    window.files.ask = lambda text, answers: 0
    assert window.close()
    window.imports.task = None


def test_a_workspace_of_an_older_version_says_it_was_upgraded_and_where_its_copy_is(window, tmp_path):
    from tests.old_schema import workspace_at_schema

    older = tmp_path / "colleague.briefing"
    db = workspace_at_schema(older, 5)
    db.conn.commit()
    db.close()
    assert window.files.open_path(older)
    message = window.statusBar().currentMessage()
    assert "upgraded" in message and "-before-upgrade.briefing" in message and "\n" not in message


def test_a_damaged_workspace_restored_on_opening_says_so(window, tmp_path, monkeypatch):
    from briefing.store.backup import back_up

    case = tmp_path / "case.briefing"
    case.write_bytes((tmp_path / "first.briefing").read_bytes())
    with open_workspace(case) as ws:
        back_up(ws)
    case.write_bytes(case.read_bytes()[: case.stat().st_size // 3])
    monkeypatch.setattr(damaged, "_ask", lambda parent, text: True)
    assert window.files.open_path(case)
    assert window.windowTitle() == "case.briefing – Briefing"
    assert "restored from its newest backup" in window.statusBar().currentMessage()


def test_the_next_workspace_opens_at_its_own_first_source_not_at_the_same_id(window, tmp_path):
    """Ids of one workspace name other records in another: what was picked or filtered in the
    first is not carried over, nor the reader's selection."""
    twin = tmp_path / "twin.briefing"
    twin.write_bytes((tmp_path / "first.briefing").read_bytes())
    first_row = window.model.index(0, 0).data(SourceIdRole)
    window.filter_edit.setText("water")
    window.source_filter.apply()
    picked = window.model.index(window.model.rowCount() - 1, 0).data(SourceIdRole)
    window.select_source(picked)
    window.reader.select_range(0, 20)
    assert window.files.open_path(twin)
    assert window.filter_edit.text() == "" and window.model.text == ""
    assert window.current_source_id() == first_row != picked
    assert not window.reader.textCursor().hasSelection()


def test_an_automatic_backup_that_fails_says_why_once(window):
    backup_folder(window.ws.path).write_text("in the way")
    window.files.back_up_soon()
    message = window.statusBar().currentMessage()
    assert message.startswith("Automatic backup: ") and "cannot make the backup folder" in message
    assert message.lower().count("backup failed") == 0 and "\n" not in message


def test_a_received_file_name_with_a_bidi_override_reads_as_it_is(window, tmp_path):
    received = tmp_path / "minutes\u202egnp.briefing"
    received.write_bytes((tmp_path / "first.briefing").read_bytes())
    assert window.files.open_path(received)
    window.files._fill_recent()
    labels = [a.text() for a in window.files.recent_menu.actions()]
    shown = [window.windowTitle(), window.statusBar().currentMessage(), *labels]
    assert not any("\u202e" in text for text in shown)
    assert labels[0].startswith("&1 minutesgnp.briefing")


def test_file_open_checks_a_file_not_closed_normally_in_the_worker(qtbot, analysed_path, tmp_path, integrity_checks):
    """File ▸ Open checked a workspace a killed session left (or a received copy) in full on the
    GUI thread: the window froze for as long as the check of a large file took."""
    from briefing.store.lock import lock_path

    first, killed = tmp_path / "first.briefing", tmp_path / "killed.briefing"
    for path in (first, killed):
        path.write_bytes(analysed_path.read_bytes())
    lock_path(killed).write_text("open 999999\n")  # what a killed session leaves
    window = MainWindow(open_workspace(first), remember=False)  # a threaded runner, as in the app
    checked_on = integrity_checks()  # from here: the first workspace's own check is not counted
    qtbot.addWidget(window)
    window.show()
    try:
        assert window.files.open_path(killed)
        qtbot.waitUntil(lambda: window.attached and window.ws.path == killed, timeout=60_000)
        assert checked_on == [False]  # once, in the worker; the window's own open did not repeat it
        assert window.model.rowCount() == 11
        assert "Opened killed.briefing" in window.statusBar().currentMessage()
    finally:
        window.files.detach()


def test_restore_backup_lists_the_backups_newest_first_with_why_each_was_made(window, monkeypatch, qtbot):
    """Restore Backup… opened a file dialog on the backup folder: names of timestamps, and the
    damaged files a restore had kept aside listed among them as if they were backups."""
    from briefing.ui import backup_dialog

    path = window.ws.path
    window.files.back_up_now()
    window.files.ask = lambda text, answers: 0
    assert window.files.restore(list_backups(path)[-1])  # keeps the present state: "before a restore"
    aside = backup_folder(path) / f"{path.stem}-20200101-000000-000000-replaced.briefing"
    aside.write_bytes(b"damaged")
    dialog = backup_dialog.BackupDialog(window, path)
    qtbot.addWidget(dialog)
    rows = [dialog.list.topLevelItem(i) for i in range(dialog.list.topLevelItemCount())]
    assert [row.text(1) for row in rows] == ["before a restore", "automatic or Back Up Now"]
    assert all(row.text(2).endswith(" MB") for row in rows)
    assert "1 damaged file a restore kept aside" in " ".join(label.text() for label in dialog.findChildren(QLabel))
    assert dialog.restore_button.isEnabled() and dialog.list.currentItem() is rows[0]
    dialog.list.setCurrentItem(rows[1])
    dialog.restore_button.click()
    assert dialog.chosen == list_backups(path)[0]

    picked = []
    monkeypatch.setattr(backup_dialog.BackupDialog, "exec", lambda self: picked.append(self) or 0)
    window.files.choose_backup()  # the window opens it; Cancel restores nothing
    assert len(picked) == 1 and picked[0].chosen is None


def test_restore_backup_says_its_times_in_utc(window, qtbot, monkeypatch):
    """The backups were listed in the computer's local time, unlabelled, beside a judgement
    history and messages in UTC: "before the 15:02 UTC merge" was a sum to do."""
    import time
    from datetime import UTC, datetime

    from briefing.ui.backup_dialog import BackupDialog

    monkeypatch.setenv("TZ", "Asia/Tokyo")
    time.tzset()
    try:
        window.files.back_up_now()
        [backup] = list_backups(window.ws.path)
        dialog = BackupDialog(window, window.ws.path)
        qtbot.addWidget(dialog)
        made = datetime.fromtimestamp(backup.stat().st_mtime, UTC)
        row = dialog.list.topLevelItem(0)
        assert row.text(0) == f"{made:%Y-%m-%d %H:%M} UTC"
        assert "on this computer" in row.toolTip(0)  # and Tokyo's time on hover
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_restore_backup_without_backups_offers_another_file(window, qtbot):
    from briefing.ui.backup_dialog import BackupDialog

    dialog = BackupDialog(window, window.ws.path)
    qtbot.addWidget(dialog)
    assert dialog.list.topLevelItemCount() == 0 and not dialog.restore_button.isEnabled()
    assert dialog.other_button.isDefault()
    assert any("No backups of first.briefing" in label.text() for label in dialog.findChildren(QLabel))


def test_back_up_and_restore_are_off_for_a_workspace_without_a_file(qtbot):
    """On a team workspace Back Up Now and Restore Backup… were enabled and opened a box saying
    the server backs it up; they are off, and the status bar says where its backups come from."""
    ws = open_workspace(memory=True)  # no file, as a team workspace
    window = MainWindow(ws, runner=TaskRunner(synchronous=True), remember=False)
    qtbot.addWidget(window)
    file_menu = window.menuBar().actions()[0].menu()
    file_menu.aboutToShow.emit()
    assert [a.isEnabled() for a in window.files.file_actions] == [False, False]
    assert all("pg_dump" in a.statusTip() for a in window.files.file_actions)
    ws.close()
