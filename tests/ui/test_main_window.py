import shutil
from dataclasses import replace

import pytest
from PySide6.QtCore import Qt

from briefing.pipeline import import_paths
from briefing.store.sources import get_source, list_sources
from briefing.ui.main_window import MainWindow
from briefing.ui.source_model import SourceIdRole, SourceTableModel
from briefing.ui.tasks import TaskRunner


@pytest.fixture
def demo_ws(ws, demo_dir):
    report = import_paths(ws, [demo_dir])
    assert report.ok, report.failed
    return ws


@pytest.fixture
def window(qtbot, demo_ws):
    win = MainWindow(demo_ws, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(win)
    win.resize(1600, 1000)
    win.show()
    return win


def _model(ws):
    from briefing.store.sources import source_ids, source_rows

    return SourceTableModel(
        lambda order, desc, text: source_ids(ws, order, desc, text), lambda ids: source_rows(ws, ids)
    )


def test_source_model_passes_qt_model_tester(qtmodeltester, demo_ws):
    model = _model(demo_ws)
    model.reload()
    qtmodeltester.check(model)
    assert model.rowCount() == len(list_sources(demo_ws)) > 0


def test_source_model_sorts_and_filters_in_the_store(demo_ws):
    model = _model(demo_ws)
    model.reload()
    model.sort(0, Qt.SortOrder.AscendingOrder)
    titles = [model.index(r, 0).data() for r in range(model.rowCount())]
    assert titles == sorted(titles, key=str.lower)
    model.set_filter("Courier")
    assert model.rowCount() == 1 and model.index(0, 1).data() == "The Halden Courier"


def test_an_untitled_source_is_found_by_the_file_name_the_list_shows(demo_ws):
    """'(untitled) · 1139.txt' in the list; typing '1139' or 'untitled' found nothing."""
    from briefing.store.sources import add_document
    from tests.store.test_sources import make_doc

    doc = make_doc("The ferry ran late on Tuesday, the harbour master said.", title="")
    add_document(demo_ws, replace(doc, title=None, path="/cases/nigeria/1139.txt"))
    model = _model(demo_ws)
    for typed in ("1139", "untitled"):
        model.set_filter(typed)
        assert [model.index(r, 0).data() for r in range(model.rowCount())] == ["(untitled) · 1139.txt"]


def test_the_reader_names_an_untitled_source_by_its_file_as_the_list_does(window, demo_ws):
    from briefing.store.sources import add_document
    from tests.store.test_sources import make_doc

    doc = make_doc("The ferry ran late on Tuesday, the harbour master said.", title="")
    source_id, _ = add_document(demo_ws, replace(doc, title=None, path="C:\\cases\\nigeria\\1139.txt"))
    window.refresh_sources()
    window.select_source(source_id)
    assert window.reader.document().firstBlock().text() == "(untitled) · 1139.txt"
    assert window.reader.toPlainText().endswith("The ferry ran late on Tuesday, the harbour master said.")


def test_tab_leaves_the_source_list_instead_of_walking_its_cells(window, qtbot):
    """Tab went from cell to cell and never left the list, opening every third source."""
    from PySide6.QtWidgets import QApplication

    window.show()
    window.activateWindow()
    window.table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.table)
    current = window.current_source_id()
    qtbot.keyClick(window.table, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not window.table)
    assert window.current_source_id() == current


def test_a_million_rows_cost_ids_and_only_the_pages_painted(demo_ws):
    fetched = []
    ids = list(range(1, 1_000_001))

    def rows(page_ids):
        from briefing.domain import SourceRow

        fetched.append(len(page_ids))
        return {i: SourceRow(i, f"Source {i}", "Wire", "2026-03-01", "B", 1, 2) for i in page_ids}

    model = SourceTableModel(lambda *_: ids, rows)
    model.reload()
    assert model.rowCount() == 1_000_000
    assert model.index(999_999, 0).data() == "Source 1000000"
    assert model.index(500_000, 1).data() == "Wire"
    assert fetched == [200, 200]


def test_window_lists_sources_and_shows_the_first(window, demo_ws):
    assert window.model.rowCount() == len(list_sources(demo_ws))
    current = window.current_source_id()
    assert current is not None
    text = window.reader.toPlainText()
    source = next(s for s in list_sources(demo_ws) if s.id == current)
    assert source.title in text


def test_selecting_a_source_shows_its_text(window, demo_ws, qtbot):
    rows = list_sources(demo_ws)
    target = next(r for r in rows if r.outlet and "Meridian" in r.outlet)
    window.select_source(target.id)
    assert "Meridian Wire" in window.reader.toPlainText()
    assert "Port Halden" in window.reader.toPlainText()


def test_filter_narrows_the_list(window, qtbot):
    total = window.model.rowCount()
    qtbot.keyClicks(window.filter_edit, "Courier")
    qtbot.waitUntil(lambda: 0 < window.model.rowCount() < total, timeout=30_000)
    window.filter_edit.clear()
    qtbot.waitUntil(lambda: window.model.rowCount() == total, timeout=30_000)


def test_the_filter_keyboard_path_and_a_jump_that_clears_the_filter(window, demo_ws, qtbot):
    # Enter in the filter opens its first match and moves to the list; a jump to a source the
    # filter hid clears it, and the status bar stops counting matches of a filter no longer there
    courier = next(r for r in list_sources(demo_ws) if r.outlet and "Courier" in r.outlet)
    others = [r for r in list_sources(demo_ws) if r.id != courier.id]
    window.select_source(others[0].id)
    window.filter_edit.setFocus()
    qtbot.keyClicks(window.filter_edit, "Courier")
    qtbot.keyClick(window.filter_edit, Qt.Key.Key_Return)
    assert window.model.rowCount() == 1 and window.current_source_id() == courier.id
    assert window.reader.shown.id == courier.id and window.table.hasFocus()
    assert window.statusBar().currentMessage() == "1 source match"
    window.open_passage(others[1].id, 0, 5)
    assert window.model.rowCount() == len(list_sources(demo_ws)) and window.filter_edit.text() == ""
    assert "match" not in window.statusBar().currentMessage()


def test_reader_escapes_markup(window, ws, tmp_path):
    hostile = tmp_path / "hostile.txt"
    hostile.write_text("<b>Not bold</b> headline\n\nBody with <script>alert(1)</script> inside it.", encoding="utf-8")
    import_paths(ws, [hostile])
    window.refresh_sources()
    row = next(r for r in list_sources(ws) if r.title and "Not bold" in r.title)
    window.select_source(row.id)
    assert "<script>alert(1)</script>" in window.reader.toPlainText()
    assert "<b>Not bold</b>" in window.reader.toPlainText()


def test_import_through_the_window_reports_and_refreshes(window, tmp_path, qtbot, monkeypatch):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "new.txt").write_text("Fresh report\n\nThe council met on Tuesday.", encoding="utf-8")
    (folder / "empty.txt").write_bytes(b"")
    shown = []
    monkeypatch.setattr("briefing.ui.import_flow.QMessageBox.open", lambda box: shown.append(box.text()))
    before = window.model.rowCount()
    window.imports.start([folder])
    assert window.model.rowCount() == before + 1
    assert "1 imported" in window.statusBar().currentMessage()
    assert shown and "1 failed" in shown[0]


def test_a_failed_import_names_its_files_in_the_message(window, tmp_path, monkeypatch):
    """The message said "Some files could not be imported; see the details" even for one file:
    which file, and why, took a click on Show Details."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "empty.txt").write_bytes(b"")
    for n in range(4):
        (folder / f"blank{n}.md").write_bytes(b"")
    shown = []
    monkeypatch.setattr("briefing.ui.import_flow.QMessageBox.open", lambda box: shown.append(box))
    window.imports.start([folder / "empty.txt"])
    assert shown[0].informativeText() == "empty.txt: empty file"
    window.imports.start([folder])
    lines = shown[1].informativeText().splitlines()
    assert lines[:3] == ["blank0.md: empty file", "blank1.md: empty file", "blank2.md: empty file"]
    assert lines[3] == "and 2 more (Show Details… lists them all)"
    assert f"{folder / 'empty.txt'}: empty file" in shown[1].detailedText()


def test_an_e_mails_attachment_left_out_is_said_in_the_import_message(window, tmp_path, monkeypatch):
    """The forwarded e-mail's body was imported and its attached file dropped without a word."""
    from PySide6.QtWidgets import QMessageBox

    from tests.ingest.builders import make_eml

    body = "The council met on Tuesday and voted to repair the grid. " * 3
    mail = make_eml(tmp_path / "fwd.eml", plain=body, attachment=b"the story as a file")
    shown = []
    monkeypatch.setattr("briefing.ui.import_flow.QMessageBox.open", lambda box: shown.append(box))
    window.imports.start([mail])
    assert shown[0].icon() == QMessageBox.Icon.Information  # nothing failed
    assert shown[0].informativeText() == "fwd.eml: 1 attachment not imported: data.bin (save it to import it)"


def test_empty_workspace_tells_the_user_what_to_do(qtbot, ws):
    win = MainWindow(ws, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(win)
    assert "Import" in win.standing.text()
    assert "No sources yet" in win.reader.toPlainText()  # the first-run hint (ui.help.EMPTY_WORKSPACE)


def test_screenshot_renders_a_png(tmp_path, demo_dir, qapp):
    from briefing.ui.app import run_app

    workspace = tmp_path / "shot.briefing"
    from briefing.store import open_workspace

    with open_workspace(workspace) as w:
        import_paths(w, [demo_dir])
    target = tmp_path / "shot.png"
    assert run_app(str(workspace), screenshot=str(target)) == 0
    from PySide6.QtGui import QImage

    image = QImage(str(target))
    assert (image.width(), image.height()) == (1600, 1000)
    dark_target = tmp_path / "dark.png"
    try:
        assert run_app(str(workspace), screenshot=str(dark_target), view="briefing", palette="dark") == 0
    finally:
        from briefing.ui.app import apply_palette

        apply_palette(qapp, "light")  # the palette belongs to the QApplication the other tests share
    dark = QImage(str(dark_target))
    assert dark.pixelColor(5, 500).lightness() < 80  # the source list on a dark window
    assert image.pixelColor(5, 500).lightness() > 180


def test_a_screenshot_is_laid_out_for_a_screen_of_its_size(analysed_path, tmp_path, qapp, monkeypatch):
    """The offscreen platform's screen is 800x800: a 1280x800 shot of the reader showed the side
    tabs shortened ("Sum…") and the columns narrowed, as no 1280x800 screen shows them."""
    from briefing.store import open_workspace
    from briefing.ui.app import save_screenshot

    copy = tmp_path / "shot.briefing"
    copy.write_bytes(analysed_path.read_bytes())
    seen = []
    real_grab = MainWindow.grab
    monkeypatch.setattr(MainWindow, "grab", lambda window: seen.append(window.panel.tabs_whole) or real_grab(window))
    with open_workspace(copy) as ws:
        window = MainWindow(ws, runner=TaskRunner(synchronous=True), remember=False)
        assert save_screenshot(window, tmp_path / "reader.png", (1280, 800)) == 0
    assert seen == [True]


def test_a_screenshot_ends_only_once_its_window_s_tasks_have(analysed_path, tmp_path, qapp, monkeypatch):
    """A screenshot's window starts work on its workspace thread (re-ranking a source's related
    passages, the embedding model loading in a child process); on a loaded machine it outlived
    the window's five-second wait on close, and the process then ended with that thread running:
    Qt aborted it after the PNG was saved (2 runs in 8). The screenshot waits for every task
    thread, as the app's own exit does."""
    import threading

    import briefing.ui.app as app
    from briefing.ui.tasks import Task, TaskRunner, threads_running, wait_for_running_tasks

    copy = tmp_path / "shot.briefing"
    copy.write_bytes(analysed_path.read_bytes())
    release = threading.Event()
    real_prepare, real_cancel = app.prepare_view, TaskRunner.cancel_all_and_wait

    def prepare(window, view):
        real_prepare(window, view)
        slow = Task.on_workspace(lambda ws, progress, cancelled: release.wait(), "slow work")
        window.runner.start_on(window.ws, slow)  # a task that outlives the window's close

    def release_then_wait():
        release.set()  # the exit's wait lets the task end: the test never hangs on it
        wait_for_running_tasks()

    monkeypatch.setattr(app, "prepare_view", prepare)
    monkeypatch.setattr(TaskRunner, "cancel_all_and_wait", lambda runner, timeout_ms=5000: real_cancel(runner, 0))
    monkeypatch.setattr("briefing.ui.tasks.wait_for_running_tasks", release_then_wait)
    try:
        assert app.run_app(str(copy), screenshot=str(tmp_path / "shot.png"), view="reader") == 0
        qapp.processEvents()  # the ended threads' bookkeeping, queued to this thread
        assert threads_running() == 0  # before: the task's thread still ran when the command returned
    finally:
        release.set()
        wait_for_running_tasks()


def test_threaded_import_keeps_the_window_responsive(qtbot, tmp_path, demo_dir):
    from briefing.store import open_workspace

    path = tmp_path / "threaded.briefing"
    with open_workspace(path) as w:
        win = MainWindow(w)
        qtbot.addWidget(win)
        copy = tmp_path / "demo"
        shutil.copytree(demo_dir, copy)
        win.imports.start([copy])
        qtbot.waitUntil(lambda: win.imports.task is None, timeout=60_000)
        assert win.model.rowCount() == len(list_sources(w)) > 0
        assert win.model.index(0, 0).data(SourceIdRole) is not None
        assert win.model.headerData(0, Qt.Orientation.Horizontal) == "Title"


def test_a_window_that_does_not_remember_leaves_the_settings_alone(qtbot, analysed_path, tmp_path):
    from PySide6.QtCore import QSettings

    from briefing.store import open_workspace

    settings = QSettings()
    settings.setValue("main/geometry", b"sentinel")
    with open_workspace(analysed_path) as ws:
        window = MainWindow(ws, runner=TaskRunner(synchronous=True), remember=False)
        qtbot.addWidget(window)
        window.show()
        window.close()
    assert QSettings().value("main/geometry") == b"sentinel"
    settings.remove("main/geometry")


def test_opening_the_window_reads_the_source_ids_once(qtbot, analysed_path, monkeypatch):
    from briefing.store import open_workspace
    from briefing.ui import main_window

    calls = []
    real = main_window.source_ids
    monkeypatch.setattr(main_window, "source_ids", lambda *args: calls.append(args) or real(*args))
    with open_workspace(analysed_path) as ws:
        window = MainWindow(ws, runner=TaskRunner(synchronous=True), remember=False)
        qtbot.addWidget(window)
        assert len(calls) == 1 and window.model.rowCount() == 11
        window.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # a click on a header still sorts
        assert len(calls) == 2 and window.model.order == "title"
        window.close()


def test_a_second_window_on_a_workspace_in_use_is_read_only_and_says_so(qtbot, analysed_path, tmp_path):
    import subprocess
    import sys

    from briefing.pipeline import open_default_workspace

    copy = tmp_path / "shared.briefing"
    copy.write_bytes(analysed_path.read_bytes())
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import sys, time; from briefing.store import open_workspace; "
            "ws = open_workspace(sys.argv[1]); print('open', flush=True); sys.stdin.read()",
            str(copy),
        ],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        ws = open_default_workspace(copy, fallback_read_only=True, backup=False)
        window = MainWindow(ws, runner=TaskRunner(synchronous=True), remember=False)
        window.show()
        try:
            assert window.banner.isVisible() and "Read-only" in window.banner.text()
            assert "read-only" in window.windowTitle()
            claim = window.panel.claims
            window.panel.setCurrentIndex(3)
            claim.setCurrentItem(claim.topLevelItem(0))
            window.panel.mark_current("disputed")
            assert "read-only" in window.statusBar().currentMessage()
            assert window.undo_stack.count() == 0
            dock, runner = window.search_dock, TaskRunner()
            dock.runner = runner  # the workspace thread's own connection, in the same mode
            try:
                dock.field.setText("ransom")
                dock.run()
                qtbot.waitUntil(lambda: not runner.busy())
                assert dock.results.topLevelItemCount() > 0, dock.status.text()
                assert runner.connections_opened == 1
            finally:
                assert runner.cancel_all_and_wait()
                dock.runner = window.runner
        finally:
            window.close()
            window.deleteLater()
            qtbot.wait(10)
            ws.close()
    finally:
        holder.kill()
        holder.wait()


def test_edits_lead_to_a_rolling_backup_in_the_worker(demo_window):
    from briefing.store.backup import list_backups

    demo_window.files.back_up_soon()
    backups = list_backups(demo_window.ws.path)
    assert len(backups) == 1 and "Backed up" in demo_window.statusBar().currentMessage()
    demo_window.files.back_up_soon()  # the newest is fresh: nothing to do
    assert list_backups(demo_window.ws.path) == backups


def test_a_backup_notice_never_hides_what_the_status_bar_says(demo_window):
    from pathlib import Path

    demo_window.statusBar().showMessage("Import: 0 imported, 0 already there, 0 failed (cancelled)", 10000)
    demo_window.files.backed_up(Path("w-20261204-201543.briefing"))
    shown = demo_window.statusBar().currentMessage()
    assert "(cancelled)" in shown and "Backed up to w-20261204-201543.briefing" in shown


def test_the_window_paints_before_the_workspace_opens_then_shows_it(qtbot, analysed_path):
    from briefing.store import open_workspace
    from briefing.ui.startup import open_when_painted

    opened, failures, painted_first = [], [], []

    def opener():
        painted_first.append(window.isVisible())
        opened.append(open_workspace(analysed_path))
        return opened[0]

    window = MainWindow(None, runner=TaskRunner(synchronous=True), remember=False)
    qtbot.addWidget(window)
    assert not any(w.isEnabled() for w in (window.central, window.menuBar(), window.search_dock, window.timeline))
    assert window.statusBar().currentMessage() == "Opening the workspace…"
    open_when_painted(window, opener, failures.append)
    window.show()
    try:
        qtbot.waitUntil(lambda: window.attached, timeout=30_000)
        assert painted_first == [True] and not failures
        assert window.model.rowCount() == 11 and window.current_source_id() is not None
        assert all(w.isEnabled() for w in (window.central, window.menuBar(), window.search_dock, window.timeline))
        assert window.windowTitle() == f"{analysed_path.name} – Briefing"
    finally:
        window.close()
        for ws in opened:
            ws.close()


def test_the_app_says_in_a_dialog_and_in_one_line_when_the_workspace_cannot_open(qapp, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    from briefing.domain import BriefingError
    from briefing.ui import app as app_module
    from briefing.ui import main_window

    bad = tmp_path / "notes.briefing"
    bad.write_text("these are notes, not a workspace")
    shown = []
    monkeypatch.setattr(QMessageBox, "exec", lambda box: shown.append(box.text()))
    monkeypatch.setattr(main_window, "MainWindow", lambda ws: MainWindow(ws, remember=False))
    with pytest.raises(BriefingError) as caught:
        app_module.run_app(str(bad))
    assert shown == [str(caught.value)] and "notes.briefing" in shown[0]
    assert bad.read_text() == "these are notes, not a workspace"


def test_the_check_after_an_unclean_shutdown_runs_once_off_the_gui_thread(
    qtbot, analysed_path, tmp_path, integrity_checks
):
    from briefing.store.lock import lock_path
    from briefing.ui.app import _open, _preparation
    from briefing.ui.startup import open_when_painted

    copy = tmp_path / "killed.briefing"
    copy.write_bytes(analysed_path.read_bytes())
    lock_path(copy).write_text("open 999999\n")  # what a killed session leaves
    checked_on = integrity_checks()
    window = MainWindow(None, remember=False)  # a threaded runner, as in the app
    qtbot.addWidget(window)
    failures: list = []
    open_when_painted(window, lambda: _open(str(copy)), failures.append, prepare=_preparation(str(copy)))
    window.show()
    try:
        qtbot.waitUntil(lambda: window.attached or bool(failures), timeout=60_000)
        assert not failures and window.model.rowCount() == 11
        assert checked_on == [False]  # once, in the worker; the window's own open did not repeat it
    finally:
        window.close()
        if window.attached:
            window.ws.close()


def test_sorting_the_list_keeps_the_source_being_read_selected(demo_window):
    """After a click on a column header the highlight stayed at its row number, on another
    source, while the reader still showed the first: Source ▸ Details, Delete and Re-analyse
    acted on the highlighted one."""
    window = demo_window
    window.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    reading = window.model.source_id(1)
    window.select_source(reading)
    for column, order in (
        (1, Qt.SortOrder.DescendingOrder),
        (2, Qt.SortOrder.AscendingOrder),
        (0, Qt.SortOrder.DescendingOrder),
    ):
        window.table.sortByColumn(column, order)
        assert window.current_source_id() == reading
        assert window.source_actions.selected_ids() == [reading]


def test_reading_the_list_again_leaves_the_reader_where_it_was(demo_window):
    """An import or a re-analysis finishing in the background read the list again and opened the
    source being read anew: the reader went back to its top, or to another passage."""
    window = demo_window
    window.resize(1280, 500)  # a reader shorter than the source, so it scrolls
    source = max(list_sources(window.ws), key=lambda s: len(get_source(window.ws, s.id).text)).id
    window.select_source(source)
    text = get_source(window.ws, source).text
    start = len(text) * 3 // 4
    window.reader.select_range(start, start + 10)
    position = window.reader.verticalScrollBar().value()
    assert position > 0
    window.refresh_sources()
    assert window.current_source_id() == source
    assert window.reader.selected_range() == (start, start + 10)
    assert window.reader.verticalScrollBar().value() == position


def test_the_app_opens_a_team_workspace(qtbot, analysed_path, team_database):
    """The window's start refused every PostgreSQL workspace ("a PostgreSQL workspace is backed
    up by its server"): its preparation asked for the workspace's file."""
    from briefing.store.copying import copy_workspace
    from briefing.ui.app import _open, _preparation
    from briefing.ui.startup import open_when_painted

    copy_workspace(str(analysed_path), team_database)
    window = MainWindow(None, remember=False)  # a threaded runner, as in the app
    qtbot.addWidget(window)
    failures: list = []
    open_when_painted(window, lambda: _open(team_database), failures.append, prepare=_preparation(team_database))
    window.show()
    try:
        qtbot.waitUntil(lambda: window.attached or bool(failures), timeout=60_000)
        assert not failures and window.model.rowCount() == 11
    finally:
        window.close()
        if window.attached:
            window.ws.close()


@pytest.mark.parametrize("prepared", [False, True])
def test_an_operating_system_error_while_opening_reaches_the_window_as_one_line(qtbot, tmp_path, prepared):
    """Anything the store did not turn into its own error (a folder that vanished, a disk gone)
    must still reach the window's 'failed', never leave it at 'Opening the workspace…'."""
    from briefing.ui.startup import open_when_painted

    def opener():
        raise PermissionError(13, "Permission denied", str(tmp_path / "case.briefing"))

    def prepare(progress, cancelled):
        raise PermissionError(13, "Permission denied", str(tmp_path / "case.briefing"))

    failures = []
    window = MainWindow(None, runner=TaskRunner(synchronous=True), remember=False)
    qtbot.addWidget(window)
    open_when_painted(window, opener, failures.append, prepare=prepare if prepared else None)
    window.show()
    qtbot.waitUntil(lambda: bool(failures), timeout=30_000)
    assert str(failures[0]) == f"{tmp_path / 'case.briefing'}: cannot be opened (permission denied)"


def test_the_status_bar_keeps_the_count_and_says_how_to_start_on_ones_own(demo_window, qtbot, tmp_path):
    """The count of sources was a status message: the first passing message (a backup made)
    wiped it for good. And a new user on the demo articles was never told how to start."""
    from briefing.pipeline import import_paths

    line, bar = demo_window.standing, demo_window.statusBar()
    assert line.text().startswith("11 sources in copy.briefing · the demo articles: File ▸ Import Files…")
    bar.showMessage("Backed up to copy-backup.briefing", 1)
    assert not line.isVisible()  # the passing message covers it
    qtbot.waitUntil(lambda: bar.currentMessage() == "")
    assert line.isVisible() and line.text().startswith("11 sources")
    article = tmp_path / "own.txt"
    article.write_text("Harbour works resume\n\nWork resumed on the harbour wall on Monday, the council said.\n")
    import_paths(demo_window.ws, [article], analyse=False)
    demo_window.refresh_sources()
    assert line.text() == "12 sources in copy.briefing"


def test_a_jump_made_with_ctrl_held_selects_only_the_source_it_opens(window, demo_ws, qtbot):
    # Ctrl+Alt+G, Ctrl+Right on the timeline...: with Ctrl down, the list's own rule would add the
    # opened source to the selection, and Delete Selected Sources… would then take both
    first, second = [r.id for r in list_sources(demo_ws)][:2]
    window.select_source(first)
    qtbot.keyPress(window.table, Qt.Key.Key_Control, Qt.KeyboardModifier.ControlModifier)
    try:
        window.select_source(second)
    finally:
        qtbot.keyRelease(window.table, Qt.Key.Key_Control)
    selected = {i.row() for i in window.table.selectionModel().selectedRows()}
    assert selected == {window.model.row_of(second)} and window.current_source_id() == second


def test_a_screenshot_waits_for_the_window_laid_out_and_painted(analysed_path, tmp_path, qapp, monkeypatch):
    """A screenshot was grabbed after one pass of the event loop: a status message shown while
    its view was prepared was drawn over the count of sources, and the timeline had not yet made
    room for its plot."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    from briefing.store import open_workspace
    from briefing.ui.app import prepare_view, save_screenshot

    copy = tmp_path / "shot.briefing"
    copy.write_bytes(analysed_path.read_bytes())
    seen = []

    def redraw_later(step: int) -> None:
        """A change queued by the window's first paint that queues the next (a pane making room,
        then its plot drawn at the new size, then its legend placed): each is in the picture."""
        window.standing.setText(f"step {step}")
        if step < 3:
            QTimer.singleShot(0, lambda: redraw_later(step + 1))

    class Paints(QObject):
        count = 0

        def eventFilter(self, watched, event):  # noqa: N802 - Qt's name
            if event.type() == QEvent.Type.Paint and watched is window:
                Paints.count += 1
                if Paints.count == 1:
                    QTimer.singleShot(0, lambda: redraw_later(1))
            return False

    def grab(shown):
        bar = shown.statusBar()
        overlapping = bool(bar.currentMessage()) and shown.standing.isVisible()
        seen.append((overlapping, shown.timeline._grown, Paints.count, shown.standing.text()))
        return real_grab(shown)

    real_grab = MainWindow.grab
    monkeypatch.setattr(MainWindow, "grab", grab)
    paints = Paints()
    with open_workspace(copy) as ws:
        window = MainWindow(ws, runner=TaskRunner(synchronous=True), remember=False)
        window.installEventFilter(paints)
        prepare_view(window, "timeline")
        window.statusBar().showMessage("Select a source first.", 60_000)  # as a view's preparing may
        assert save_screenshot(window, tmp_path / "timeline.png", (1280, 800)) == 0
    [(overlapping, grown, painted, standing)] = seen
    assert not overlapping  # the message alone, or the count alone
    assert grown and painted  # the timeline's room made, the window painted before the grab
    assert standing == "step 3"  # what its showing queued, and what that queued, has run
