"""The window on a team workspace hands an import's analysis to the team's workers: the sources
show as waiting at once, the status bar counts them, and a worker's saved analysis appears
without a reload. Every wait is for an event; the bounds only stop a hang."""

from PySide6.QtCore import QSettings, Qt

from briefing.store.pg_jobs import ANALYSIS_QUEUE, list_waiting_for_workers
from briefing.store.sources import list_sources
from briefing.ui.source_model import NOT_ANALYSED_MARK, QUEUED_MARK
from tests.processes import run_cli

WAIT_MS = 600_000  # the worker loads the language model on a shared machine: a bound against hangs only
HANG_S = 600


def _cell(window, source_id: int, column: int, role=Qt.ItemDataRole.DisplayRole):
    model = window.model
    return model.data(model.index(model.row_of(source_id), column), role)


def _analysed_shown(window, source_id: int) -> bool:
    return (
        window.model.row_of(source_id) is not None
        and not _cell(window, source_id, 0).startswith(QUEUED_MARK)
        and _cell(window, source_id, 4) != NOT_ANALYSED_MARK
        and not window.team_queue.label.isVisible()
    )


def test_an_import_queued_for_team_workers_waits_then_shows_the_workers_analysis(
    team_window, team_copy, qtbot, tmp_path
):
    window = team_window
    action = window.team_queue.action
    assert action.isVisible() and not action.isChecked()  # analysed here, as before, until the analyst says so
    action.trigger()
    assert window.team_queue.wanted()
    window.team_queue.attach()  # the workspace opened again: the choice is remembered for it
    assert action.isChecked()
    assert any(key.endswith("/analyse_on_workers") for key in QSettings().allKeys())

    folder = tmp_path / "more"
    folder.mkdir()
    (folder / "convoy.txt").write_text(
        "Aid convoy reaches Port Halden\n\nThe convoy brought 40 tankers, the Red Cross said on Monday.", "utf-8"
    )
    before = {s.id for s in list_sources(window.ws)}
    window.imports.start([folder])
    qtbot.waitUntil(lambda: window.imports.task is None, timeout=WAIT_MS)
    [source_id] = {s.id for s in list_sources(window.ws)} - before
    # at once, before any worker ran: marked in the list (plain text) and counted in the status bar
    assert _cell(window, source_id, 0) == QUEUED_MARK + "Aid convoy reaches Port Halden"
    assert _cell(window, source_id, 0, Qt.ItemDataRole.AccessibleDescriptionRole) == "waiting for a team worker"
    assert _cell(window, source_id, 4) == NOT_ANALYSED_MARK
    assert window.team_queue.label.isVisible()
    assert window.team_queue.label.text() == "1 source waiting for a team worker"
    assert window.team_queue.label.textFormat() == Qt.TextFormat.PlainText
    assert not window.source_actions.analyse_button.isVisible()  # nothing is left for the analyst to start
    assert list_waiting_for_workers(window.ws, ANALYSIS_QUEUE) == [source_id]  # the job queue agrees

    redraws = window.team_changes.redraws
    done = run_cli("worker", "--workspace", team_copy, "--until-empty", timeout=HANG_S)
    assert done.returncode == 0, done.stderr
    assert f"analysed source {source_id}" in done.stdout
    # the worker's commit reaches the window as a change notice: it redraws, nobody reloads
    qtbot.waitUntil(
        lambda: window.team_changes.redraws > redraws and _analysed_shown(window, source_id), timeout=WAIT_MS
    )
    assert window.team_queue.waiting == []
    assert int(_cell(window, source_id, 5)) >= 1  # its claims, found by the worker


def test_a_workspace_file_offers_no_team_workers(demo_window):
    assert not demo_window.team_queue.action.isVisible()
    demo_window.team_queue.action.setChecked(True)  # even if something checked it
    assert not demo_window.team_queue.wanted()
    assert not demo_window.team_queue.label.isVisible()
