"""The window on a team workspace (PostgreSQL): it opens, imports in its worker, searches, undoes a
deleted source, and redraws when a colleague's change commits."""

import shutil

from briefing.store import open_workspace
from briefing.store.claims import get_claim, list_claim_rows, mark_claim
from briefing.store.sources import list_sources
from briefing.ui.panels import ItemRole

WAIT_MS = 60_000  # an event is awaited, never a time: this only bounds a hang


def _status_shown(window, claim_id):
    tree = window.panel.claims
    rows = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    return next(row.text(0) for row in rows if row.data(0, ItemRole)[1] == claim_id)


def test_a_colleagues_judgement_shows_in_the_window_without_a_reload(team_window, team_copy, qtbot, monkeypatch):
    window = team_window
    source_id = window.current_source_id()
    claim = list_claim_rows(window.ws, source_id)[0]
    assert _status_shown(window, claim.id) == claim.status == "unreviewed"
    monkeypatch.setenv("BRIEFING_ANALYST", "Ben Adler")
    refusal = f"claim {claim.id} was changed by Ben Adler after you opened it; nothing was saved"
    window.statusBar().showMessage(refusal, WAIT_MS)
    with open_workspace(team_copy) as colleague:
        mark_claim(colleague, claim.id, "disputed", "the utility denies it")
    qtbot.waitUntil(lambda: window.team_changes.redraws >= 1, timeout=WAIT_MS)
    assert _status_shown(window, claim.id) == "disputed"
    assert window.statusBar().currentMessage() == refusal  # the redraw does not hide what was said
    window.statusBar().clearMessage()
    with open_workspace(team_copy) as colleague:
        mark_claim(colleague, claim.id, "unreviewed", "reopened")
    qtbot.waitUntil(lambda: window.team_changes.redraws >= 2, timeout=WAIT_MS)
    assert window.statusBar().currentMessage() == "Updated with changes from your team."
    assert window.current_source_id() == source_id  # the analyst stays where they were
    # the analyst judges from what is shown now: it goes through, and names them
    monkeypatch.setenv("BRIEFING_ANALYST", "Ana Okafor")
    window.panel.select("claim", claim.id)
    window.panel.mark_current("corroborated")
    assert get_claim(window.ws, claim.id)["status"] == "corroborated"


def test_the_team_window_imports_in_its_worker_and_undoes_a_deleted_source(team_window, qtbot, demo_dir, tmp_path):
    window = team_window
    before = len(list_sources(window.ws))
    folder = tmp_path / "more"
    folder.mkdir()
    shutil.copy(next(p for p in sorted(demo_dir.iterdir()) if p.suffix == ".txt"), folder / "again.txt")
    (folder / "new.txt").write_text("Aid convoy reaches Port Halden\n\nThe convoy brought 40 tankers.", "utf-8")
    window.imports.start([folder])
    qtbot.waitUntil(lambda: window.imports.task is None, timeout=WAIT_MS)
    assert len(list_sources(window.ws)) == before + 1  # the copy of a demo file is a duplicate
    assert window.model.rowCount() == before + 1

    source_id = window.current_source_id()
    asked = []
    window.source_actions.confirm = lambda _window, _title, question: asked.append(question) or True
    window.source_actions.delete([source_id])
    assert "backup" not in asked[0]  # the server keeps the team's backups
    assert source_id not in {s.id for s in list_sources(window.ws)}
    window.undo_stack.undo()
    assert source_id in {s.id for s in list_sources(window.ws)}


def test_the_window_says_when_the_server_dropped_it_and_catches_up_once_it_is_back(
    team_window, team_copy, qtbot, monkeypatch
):
    """The server dropped the window's connections (a restart): the window said 'team changes
    failed: OperationalError: …' once, every action failed after, and nothing came back."""
    import psycopg

    from briefing.ui import team_changes

    monkeypatch.setattr(team_changes, "RELISTEN_MS", 50)
    window = team_window
    window.team_changes._again.setInterval(50)
    claim = list_claim_rows(window.ws, window.current_source_id())[0]
    with psycopg.connect(team_copy, autocommit=True) as admin:  # every connection of the workspace's but this
        admin.execute(
            "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        )
    qtbot.waitUntil(lambda: window.team_changes.lost or window.team_changes.redraws > 0, timeout=WAIT_MS)
    assert window.statusBar().currentMessage().startswith(team_changes.LOST)
    with open_workspace(team_copy) as colleague:  # while the window listens again
        mark_claim(colleague, claim.id, "disputed", "the utility denies it")
    qtbot.waitUntil(lambda: not window.team_changes.lost and window.team_changes.listening, timeout=WAIT_MS)
    qtbot.waitUntil(lambda: _status_shown(window, claim.id) == "disputed", timeout=WAIT_MS)
    window.panel.select("claim", claim.id)
    window.panel.mark_current("corroborated")  # the window's own connection works again
    assert get_claim(window.ws, claim.id)["status"] == "corroborated"


def test_a_read_only_roles_window_says_the_server_must_grant_it_writing(team_copy, qtbot):
    """The banner said 'changes cannot be saved until it is opened for writing', which no reopening
    of a role granted only SELECT ever does."""
    import psycopg

    from briefing.ui.main_window import MainWindow
    from briefing.ui.tasks import TaskRunner

    with psycopg.connect(team_copy, autocommit=True) as admin:
        if not admin.execute("SELECT 1 FROM pg_roles WHERE rolname = 'onlooker'").fetchone():
            admin.execute("CREATE ROLE onlooker LOGIN")
        admin.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO onlooker")
    with open_workspace(team_copy.replace("user=briefing", "user=onlooker")) as ws:
        window = MainWindow(ws, runner=TaskRunner(synchronous=True), remember=False)
        qtbot.addWidget(window)
        window.show()
        shown = window.banner.text()
        assert "The database role onlooker may only read it." in shown
        assert "until the team's server grants the role onlooker writing (INSERT, UPDATE, DELETE)." in shown
        assert "opened for writing" not in shown
        window.close()


def test_a_read_that_finds_the_server_gone_says_what_could_not_be_shown(team_copy, qtbot):
    """Selecting a claim while the server was down printed a traceback on the terminal and left
    the panel blank ('Select a claim, then judge it'), with nothing said in the window. Then it
    said so, but ended '…; nothing was saved' for a claim, a source or a search merely read, and
    the reader went on showing the previous source under the row just picked."""
    import re
    import sys

    import psycopg

    from briefing.store import postgres
    from briefing.ui.main_window import MainWindow
    from briefing.ui.slot_errors import report_in_status_bar
    from briefing.ui.tasks import TaskRunner

    with open_workspace(team_copy) as ws:
        window = MainWindow(ws, runner=TaskRunner(synchronous=True), remember=False)
        qtbot.addWidget(window)
        window.show()
        claims = list_claim_rows(ws, window.current_source_id())
        other = next(s.id for s in list_sources(ws) if s.id != window.current_source_id())
        previous = report_in_status_bar(window)
        try:
            kept = ws.db.conn._reconnect
            gone = re.sub(r"host=\S+", "host=/nonexistent", team_copy)  # the server does not answer
            ws.db.conn._reconnect = lambda: postgres.connect(gone)
            with psycopg.connect(team_copy, autocommit=True) as admin:
                admin.execute(
                    "SELECT pg_terminate_backend(pid) FROM pg_stat_activity "
                    "WHERE datname = current_database() AND pid <> pg_backend_pid()"
                )
            window.panel.select("claim", claims[-1].id)
            qtbot.waitUntil(lambda: "cannot connect" in window.statusBar().currentMessage(), timeout=WAIT_MS)
            said_of_claim = window.statusBar().currentMessage()
            shown_before = window.reader.toPlainText()
            window.select_source(other)
            said_of_source = window.statusBar().currentMessage()
            shown_after = window.reader.toPlainText()
            window.search_dock.field.setText("outage")
            window.search_dock.run()
            said_of_search = window.search_dock.status.text()
        finally:
            ws.db.conn._reconnect = kept
            sys.excepthook = previous
        for said, what in (
            (said_of_claim, "The claim"),
            (said_of_source, "The source"),
            (said_of_search, "The search results"),
        ):
            assert said.startswith(f"{what} could not be shown: ") and "cannot connect" in said, said
            assert "nothing was saved" not in said and "\n" not in said
        # the reader no longer shows the previous source under the row just picked
        assert shown_after == said_of_source and shown_after != shown_before
        assert window.panel.claims.topLevelItemCount() == 0
        window.close()


def test_the_window_says_who_deleted_the_source_being_read(team_window, team_copy, qtbot, monkeypatch):
    """A colleague deleted the source the analyst was reading: the reader said 'No source
    selected. Pick a source on the left…' and the status bar 'Updated with changes from your team.'"""
    from briefing.domain import clipped
    from briefing.store.sources import delete_source, get_source

    window = team_window
    reading = window.current_source_id()
    title = clipped(get_source(window.ws, reading).title, 60)
    monkeypatch.setenv("BRIEFING_ANALYST", "Ben Adler")
    with open_workspace(team_copy) as colleague:
        delete_source(colleague, reading)
    qtbot.waitUntil(lambda: window.team_changes.redraws >= 1, timeout=WAIT_MS)
    said = window.statusBar().currentMessage()
    assert said.startswith(f"Ben Adler deleted the source you were reading (“{title}”) at ") and said.endswith(" UTC.")


def test_a_claim_that_cannot_be_read_is_not_drawn_as_no_claim_selected(demo_window, monkeypatch):
    """With the server out of reach, selecting a claim drew the panel as if none were selected
    ('Select a claim, then judge it') and said nothing: the read's error was taken for a claim
    that does not exist."""
    import pytest

    from briefing.domain import WorkspaceError
    from briefing.ui import evidence_flow

    claim = list_claim_rows(demo_window.ws, demo_window.current_source_id())[0]

    def unreachable(ws, claim_id):
        raise WorkspaceError("postgresql://db/case: cannot connect: server closed the connection; nothing was saved")

    monkeypatch.setattr(evidence_flow, "get_claim", unreachable)
    with pytest.raises(WorkspaceError, match="cannot connect"):  # the window's hook shows it in one line
        demo_window.evidence_flow.show_claim(claim.id)


def test_a_pinned_claim_stays_pinned_while_the_server_is_out_of_reach(demo_window, monkeypatch):
    """A redraw with the server out of reach took the pinned claim for one dismissed or removed
    and unpinned it: evidence the analyst was collecting had to be pinned again."""
    import pytest

    from briefing.domain import WorkspaceError
    from briefing.ui import evidence_flow

    claim = list_claim_rows(demo_window.ws, demo_window.current_source_id())[0]
    demo_window.panel.select("claim", claim.id)
    demo_window.evidence_flow.pin()
    assert demo_window.evidence_flow.pinned == claim.id
    other = next(s.id for s in list_sources(demo_window.ws) if s.id != demo_window.current_source_id())
    demo_window.select_source(other)  # where the evidence is: no claim of its own selected
    assert demo_window.panel.current_claim() is None

    def unreachable(ws, claim_id):
        raise WorkspaceError("postgresql://db/case: cannot connect: server closed the connection; nothing was saved")

    monkeypatch.setattr(evidence_flow, "get_claim", unreachable)
    with pytest.raises(WorkspaceError):  # the window's hook shows it in one line
        demo_window.evidence_flow.refresh()
    assert demo_window.evidence_flow.pinned == claim.id


def test_an_entity_page_the_server_cannot_give_is_not_said_to_be_gone(demo_window, monkeypatch):
    """A redraw with the server out of reach told the analyst 'This entity no longer exists: it
    was deleted or merged into another.' and left the page for no entity."""
    import pytest

    from briefing.domain import WorkspaceError
    from briefing.ui import entity_actions

    demo_window.panel.setCurrentIndex(1)
    tree = demo_window.panel.entities
    tree.setCurrentItem(tree.topLevelItem(0).child(0))
    demo_window.entity_actions.open_page()
    shown = demo_window.entity_dock.entity_id
    assert shown is not None

    def unreachable(*args):
        raise WorkspaceError("postgresql://db/case: cannot connect: server closed the connection; nothing was saved")

    monkeypatch.setattr(entity_actions, "load_page", unreachable)
    with pytest.raises(WorkspaceError):  # the window's hook shows it in one line
        demo_window.entity_actions.refresh_page()
    assert demo_window.entity_dock.entity_id == shown
    assert "no longer exists" not in demo_window.entity_dock.heading.text()


def test_a_read_only_roles_import_is_refused_before_a_file_picker_or_progress_dialog(team_copy, qtbot, monkeypatch):
    """File ▸ Import Files… on a role granted only SELECT opened the file picker, then the progress
    dialog, and only then said 'permission denied' at the first write."""
    import psycopg

    from briefing.ui import import_flow
    from briefing.ui.main_window import MainWindow
    from briefing.ui.tasks import TaskRunner

    with psycopg.connect(team_copy, autocommit=True) as admin:
        if not admin.execute("SELECT 1 FROM pg_roles WHERE rolname = 'onlooker'").fetchone():
            admin.execute("CREATE ROLE onlooker LOGIN")
        admin.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO onlooker")
    said, picked, dialogs = [], [], []
    monkeypatch.setattr(import_flow, "warn", lambda _parent, title, text, *_: said.append((title, text)))
    monkeypatch.setattr(import_flow, "open_files", lambda *a: picked.append(a) or [])
    monkeypatch.setattr(import_flow, "open_folder", lambda *a: picked.append(a) or "")
    monkeypatch.setattr(import_flow.ImportFlow, "_progress_dialog", lambda *a: dialogs.append(a))
    with open_workspace(team_copy.replace("user=briefing", "user=onlooker")) as ws:
        window = MainWindow(ws, runner=TaskRunner(synchronous=True), remember=False)
        qtbot.addWidget(window)
        window.imports.choose_files()
        window.imports.choose_folder()
        window.imports.start([])
        window.imports.analyse(None)
        assert picked == [] and dialogs == []
        reason = f"{ws.name} is read-only here: the database role onlooker may only read it; "
        assert said == [
            ("Import", reason + "nothing was imported"),
            ("Import", reason + "nothing was imported"),
            ("Import", reason + "nothing was imported"),
            ("Analyse", reason + "nothing was analysed"),
        ]
        window.close()


def test_a_pinned_claim_a_colleague_dismissed_or_deleted_says_who_when_it_unpins(
    team_window, team_copy, qtbot, monkeypatch
):
    """A colleague dismissed the pinned claim, or deleted its source, while the analyst gathered
    evidence in another source: the pinned bar vanished at the redraw, and the status bar said
    only 'Updated with changes from your team.'"""
    from briefing.store.claims import dismiss_claim
    from briefing.store.sources import delete_source

    window = team_window
    sources = [s.id for s in list_sources(window.ws)]
    for how in ("dismissed", "deleted the source of"):
        pinned_source = window.current_source_id()
        claim = list_claim_rows(window.ws, pinned_source)[0]
        window.panel.select("claim", claim.id)
        window.evidence_flow.pin()
        window.select_source(next(s for s in sources if s != pinned_source))  # where the evidence is
        monkeypatch.setenv("BRIEFING_ANALYST", "Ben Adler")
        redraws = window.team_changes.redraws
        with open_workspace(team_copy) as colleague:
            if how == "dismissed":
                dismiss_claim(colleague, claim.id, "a headline, not a claim")
            else:
                delete_source(colleague, pinned_source)
        monkeypatch.setenv("BRIEFING_ANALYST", "Ana Okafor")
        qtbot.waitUntil(lambda seen=redraws: window.team_changes.redraws > seen, timeout=WAIT_MS)
        assert window.evidence_flow.pinned is None
        said = window.statusBar().currentMessage()
        assert said.startswith(f"Ben Adler {how} the pinned claim “") and said.endswith(" UTC; it is no longer pinned.")
