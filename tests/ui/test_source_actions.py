"""The Sources part of the window: Source Details… (one undo step, kept by re-analysis), the
source list's context menu and double-click, Analyse Now / Re-analyse in the worker flow,
Delete with its backup and an Undo that gives every row back, and sources the analysis has not
run on marked in the list and counted in each import's report."""

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QAction, QGuiApplication

from briefing.domain import ImportReport
from briefing.pipeline import import_paths
from briefing.store.backup import list_backups
from briefing.store.counts import count_rows
from briefing.store.history import history_for
from briefing.store.sources import get_source_details, list_sources, not_analysed_ids, update_source
from briefing.ui.import_flow import import_counted
from briefing.ui.source_model import NOT_ANALYSED_MARK, AnalysedRole, SourceIdRole

FIELDS = ("title", "outlet", "author", "published", "url", "language")


def _action(window, text):
    return next(a for a in window.findChildren(QAction) if a.text().replace("&", "") == text)


def _details(window, source_id):
    details = get_source_details(window.ws, source_id)
    return {f: getattr(details, f) for f in FIELDS}


def _open_dialog(window, source_id):
    window.select_source(source_id)
    _action(window, "Source Details…").trigger()
    dialog = window.source_actions.dialog
    assert dialog is not None and dialog.isVisible()
    return dialog


def _row_of(window, source_id):
    return window.model.row_of(source_id)


def _new_text_file(tmp_path, name="late.txt", title="Harbour pumps restart"):
    path = tmp_path / name
    path.write_text(f"{title}\n\nThe port authority said on Tuesday that the pumps restarted at noon.", "utf-8")
    return path


def _import_without_analysis(window, path):
    import_paths(window.ws, [path], analyse=False)
    window.refresh_sources()
    return next(r.id for r in list_sources(window.ws) if not r.analysed)


def test_source_details_edits_every_field_in_one_undo_step(demo_window):
    win = demo_window
    source_id = list_sources(win.ws)[0].id
    before = _details(win, source_id)
    dialog = _open_dialog(win, source_id)
    assert dialog.fields["title"].text() == (before["title"] or "")
    typed = {
        "title": "Ministry: water back on",
        "author": "Ana Ruiz",
        "published": "2026-03-05",
        "url": "https://wire.example/water",
        "outlet": "Meridian Wire",
        "language": "en",
    }
    for field, value in typed.items():
        dialog.fields[field].setText(value)
    steps = win.undo_stack.count()
    dialog.accept()
    assert _details(win, source_id) == typed
    assert win.undo_stack.count() == steps + 1
    said = win.statusBar().currentMessage()  # the dialog closed and nothing said it was saved
    assert said.startswith("Saved the source's ") and said.endswith(". Undo (Ctrl+Z) takes it back.")
    assert "published date" in said and "web address" in said and "title" in said
    row = _row_of(win, source_id)
    assert win.model.index(row, 0).data() == "Ministry: water back on"
    recorded = {j.field for j in history_for(win.ws, "source", source_id) if j.action == "edit"}
    assert {"title", "author", "url", "published"} <= recorded
    step = win.undo_stack.text(win.undo_stack.index() - 1)
    win.statusBar().clearMessage()
    win.undo_stack.undo()
    assert _details(win, source_id) == before
    assert win.statusBar().currentMessage() == f"Undone: {step}."  # Ctrl+Z seemed to do nothing
    win.undo_stack.redo()
    assert _details(win, source_id) == typed
    assert win.statusBar().currentMessage() == f"Redone: {step}."


def test_a_bad_date_keeps_the_dialog_open_and_names_the_field(demo_window):
    win = demo_window
    source_id = list_sources(win.ws)[0].id
    before = _details(win, source_id)
    dialog = _open_dialog(win, source_id)
    dialog.fields["title"].setText("Changed")
    dialog.fields["published"].setText("next Tuesday")
    dialog.accept()
    assert dialog.isVisible()
    # named by the dialog's label, not the store's column ('published: …')
    assert dialog.error.text() == "Published: must be a date such as 2019-11-18 or 18 November 2019, not 'next Tuesday'"
    assert dialog.error.textFormat() == Qt.TextFormat.PlainText
    assert _details(win, source_id) == before
    dialog.reject()


def test_a_date_written_out_is_taken_as_the_day_it_names(demo_window):
    """'18 November 2019', as a page prints it, was refused for not being YYYY-MM-DD."""
    win = demo_window
    source_id = list_sources(win.ws)[0].id
    dialog = _open_dialog(win, source_id)
    dialog.fields["published"].setText("5 March 2026")
    dialog.accept()
    assert not dialog.isVisible() and _details(win, source_id)["published"] == "2026-03-05"


def test_double_click_on_a_source_opens_its_details(demo_window, qtbot):
    win = demo_window
    index = win.model.index(1, 0)
    rect = win.table.visualRect(index)
    # a view takes a double-click after a press on the same item, as from a real mouse
    qtbot.mouseClick(win.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(win.table.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.waitUntil(lambda: win.source_actions.dialog is not None and win.source_actions.dialog.isVisible())
    assert win.source_actions.dialog.source_id == index.data(SourceIdRole)
    win.source_actions.dialog.reject()


def _menu_texts(window):
    return [a.text() for a in window.source_actions.context_menu().actions() if not a.isSeparator()]


def test_context_menu_offers_the_actions_for_one_and_for_several(demo_window):
    win = demo_window
    win.select_source(list_sources(win.ws)[0].id)
    assert _menu_texts(win) == ["Source Details…", "Copy Title", "Re-analyse", "Delete…"]
    selection = win.table.selectionModel()
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    selection.select(win.model.index(1, 0), flags)
    selection.select(win.model.index(2, 0), flags)
    assert len(win.source_actions.selected_ids()) == 3
    texts = _menu_texts(win)
    assert texts == ["Source Details…", "Copy Titles", "Re-analyse", "Delete 3 Sources…"]
    win.source_actions.context_menu().actions()[1].trigger()
    titles = QGuiApplication.clipboard().text().splitlines()
    assert titles == [get_source_details(win.ws, i).title for i in win.source_actions.selected_ids()]


def test_a_source_not_analysed_is_marked_and_analyse_now_analyses_it(demo_window, tmp_path):
    win = demo_window
    source_id = _import_without_analysis(win, _new_text_file(tmp_path))
    win.select_source(source_id)
    row = _row_of(win, source_id)
    assert win.model.index(row, 4).data() == NOT_ANALYSED_MARK
    assert win.model.index(row, 5).data() == NOT_ANALYSED_MARK
    assert win.model.index(row, 0).data(AnalysedRole) is False
    assert "Not analysed" in win.model.index(row, 4).data(Qt.ItemDataRole.ToolTipRole)
    assert win.model.index(row, 0).data(Qt.ItemDataRole.FontRole).italic()
    assert not win.model.index(row, 0).data(Qt.ItemDataRole.DecorationRole).isNull()  # seen when counts are hidden
    assert win.source_actions.analyse_button.isVisible()
    assert win.source_actions.analyse_button.text() == "Analyse Now (1 waiting)"
    assert "Analyse Now" in _menu_texts(win)
    win.source_actions.analyse_button.click()
    assert not_analysed_ids(win.ws) == []
    assert not win.source_actions.analyse_button.isVisible()
    row = _row_of(win, source_id)
    assert win.model.index(row, 0).data(AnalysedRole) is True
    assert win.model.index(row, 5).data() != NOT_ANALYSED_MARK
    assert win.model.index(row, 0).data(Qt.ItemDataRole.DecorationRole) is None
    assert "1 source analysed" in win.statusBar().currentMessage()


def test_re_analyse_keeps_the_analysts_details(demo_window):
    win = demo_window
    source_id = list_sources(win.ws)[0].id
    dialog = _open_dialog(win, source_id)
    dialog.fields["title"].setText("Analyst's title")
    dialog.fields["author"].setText("A. Analyst")
    dialog.accept()
    _action(win, "Re-analyse Selected Sources").trigger()
    assert "1 source analysed" in win.statusBar().currentMessage()
    details = get_source_details(win.ws, source_id)
    assert (details.title, details.author, details.analysed) == ("Analyst's title", "A. Analyst", True)


def _counts(ws):
    """Every record count but the judgement history's, which gains the delete and the restore."""
    return {table: count for table, count in count_rows(ws).items() if table != "history"}


def _claim_statuses(ws):
    return ws.db.execute("SELECT id, source_id, status, credibility FROM claims ORDER BY id").fetchall()


def test_delete_asks_backs_up_and_undo_gives_every_row_back(demo_window):
    from briefing.store.claims import mark_claim
    from briefing.store.evidence import add_evidence

    win = demo_window
    claim_id, source_id = win.ws.db.execute("SELECT id, source_id FROM claims ORDER BY id").fetchone()
    mark_claim(win.ws, claim_id, "disputed", "other outlets disagree")
    counts, statuses = _counts(win.ws), _claim_statuses(win.ws)
    asked = []
    win.source_actions.confirm = lambda parent, title, text: asked.append(text) or False
    win.select_source(source_id)
    win.source_actions.delete_selected()
    assert _counts(win.ws) == counts and len(asked) == 1  # answered No: nothing deleted
    title = get_source_details(win.ws, source_id).title
    assert asked[0].startswith(f"Delete the source “{title}”?")
    assert "evidence for" not in asked[0]
    other = win.ws.db.execute("SELECT id FROM claims WHERE source_id <> ? ORDER BY id", [source_id]).fetchone()[0]
    add_evidence(win.ws, other, source_id, 0, 20, "supports")
    counts, statuses = _counts(win.ws), _claim_statuses(win.ws)
    win.source_actions.delete_selected()
    assert "It is evidence for 1 claim of other sources (1 passage), which lose it" in asked[-1]
    assert "cited by" not in asked[-1]
    from briefing.store.briefings import add_item, create_briefing

    quote = win.ws.db.execute("SELECT id FROM quotes WHERE source_id = ? ORDER BY id", [source_id]).fetchone()[0]
    for title in ("Morning brief", "Evening brief"):
        add_item(win.ws, create_briefing(win.ws, title), "quote", quote)
    counts = _counts(win.ws)
    win.source_actions.delete_selected()
    assert "It is cited by 2 items of 2 briefing notes, which then cite a source that is gone." in asked[-1]
    win.source_actions.confirm = lambda parent, title, text: True
    win.source_actions.delete_selected()
    assert any("before-delete" in b.name for b in list_backups(win.ws.path))
    assert count_rows(win.ws)["sources"] == counts["sources"] - 1
    assert _row_of(win, source_id) is None and win.current_source_id() is not None
    win.undo_stack.undo()
    assert _counts(win.ws) == counts
    assert _claim_statuses(win.ws) == statuses
    assert win.current_source_id() == source_id
    actions = [j.action for j in history_for(win.ws, "source", source_id)]
    assert actions[-2:] == ["delete", "restore"]


def test_undo_puts_back_the_newest_source_after_a_file_was_imported_meanwhile(demo_window, tmp_path):
    win = demo_window
    newest = max(r.id for r in list_sources(win.ws))
    title = get_source_details(win.ws, newest).title
    win.source_actions.confirm = lambda parent, title, text: True
    win.select_source(newest)
    win.source_actions.delete_selected()
    imported = _import_without_analysis(win, _new_text_file(tmp_path))
    assert imported > newest  # the deleted source's id stays spent
    win.undo_stack.undo()
    assert get_source_details(win.ws, newest).title == title
    assert _row_of(win, newest) is not None and _row_of(win, imported) is not None
    assert win.current_source_id() == newest


def test_several_selected_sources_are_deleted_and_restored_together(demo_window):
    win = demo_window
    counts = _counts(win.ws)
    selection = win.table.selectionModel()
    win.table.setCurrentIndex(win.model.index(0, 0))
    flags = QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows
    selection.select(win.model.index(1, 0), flags)
    asked = []
    win.source_actions.confirm = lambda parent, title, text: asked.append(text) or True
    win.source_actions.delete_selected()
    assert asked[0].startswith("Delete 2 sources?")
    assert count_rows(win.ws)["sources"] == counts["sources"] - 2
    win.undo_stack.undo()
    assert _counts(win.ws) == counts


@pytest.mark.parametrize(
    "report, line",
    [
        (
            ImportReport(imported=["a"] * 40, not_analysed=40, cancelled=True),
            "40 imported, 0 already there, 0 failed, 40 not analysed (cancelled)",
        ),
        (
            ImportReport(imported=["a"] * 3, older_analysed=2),
            "3 imported, 0 already there, 0 failed, 2 older sources analysed too",
        ),
        (ImportReport(imported=["a"]), "1 imported, 0 already there, 0 failed"),
    ],
)
def test_an_import_report_says_what_the_analysis_did(report, line):
    assert report.summary_line() == line


def test_an_import_counts_older_sources_it_analysed_too(demo_window, tmp_path):
    win = demo_window
    _import_without_analysis(win, _new_text_file(tmp_path, "left.txt", "Left over from a cancelled import"))
    later = _new_text_file(tmp_path, "new.txt", "A newer report on the pumps")
    report = import_counted(win.ws, [later], lambda *a: None, lambda: False)
    assert (len(report.imported), report.older_analysed, report.not_analysed) == (1, 1, 0)
    assert report.summary_line() == "1 imported, 0 already there, 0 failed, 1 older source analysed too"


def test_an_import_cancelled_in_its_analysis_says_so_and_the_window_offers_analyse_now(demo_window, tmp_path):
    win = demo_window
    folder = tmp_path / "in"
    folder.mkdir()
    for n in range(3):
        _new_text_file(folder, f"r{n}.txt", f"Report {n} on the harbour pumps")
    analysing = []

    def progress(done, total, label):
        analysing.append(label.startswith("Analysing"))

    report = import_counted(win.ws, [Path(folder)], progress, lambda: any(analysing))
    assert report.cancelled and len(report.imported) == 3 and report.not_analysed == 3
    assert report.summary_line() == "3 imported, 0 already there, 0 failed, 3 not analysed (cancelled)"
    win._import_finished(report)
    assert "3 not analysed" in win.statusBar().currentMessage()
    assert win.source_actions.analyse_button.text() == "Analyse Now (3 waiting)"
    win.source_actions.analyse_button.click()
    assert not_analysed_ids(win.ws) == []


def test_a_source_without_a_title_is_listed_by_the_name_of_its_file(demo_window, tmp_path):
    win = demo_window
    path = tmp_path / "flynn-says-trump-absolutely-right.txt"
    path.write_text("he said it was right.\n\nThe retired general said so on Thursday in an interview.", "utf-8")
    source_id = _import_without_analysis(win, path)
    assert get_source_details(win.ws, source_id).title is None
    index = win.model.index(_row_of(win, source_id), 0)
    assert index.data(Qt.ItemDataRole.DisplayRole) == "(untitled) · flynn-says-trump-absolutely-right.txt"
    assert index.data(Qt.ItemDataRole.ToolTipRole).startswith("(untitled) · flynn-says-trump-absolutely-right.txt")
    titled = win.model.index(_row_of(win, list_sources(win.ws)[0].id), 0)
    assert "·" not in titled.data(Qt.ItemDataRole.DisplayRole)


def test_the_grade_menu_checks_the_grade_of_the_source_read(demo_window):
    """Source ▸ Reliability Grade looked the same whatever the source's grade."""
    source_id = list_sources(demo_window.ws)[0].id
    demo_window.select_source(source_id)
    demo_window.edit_source("reliability", "B")
    menu = next(a.menu() for a in demo_window.menuBar().actions() if a.text() == "&Source")
    grades = next(a.menu() for a in menu.actions() if a.text() == "Reliability &Grade")
    grades.aboutToShow.emit()
    assert [a.text() for a in grades.actions() if a.isChecked()] == ["&B – usually reliable"]
    demo_window.edit_source("reliability", None)
    grades.aboutToShow.emit()
    assert [a.text() for a in grades.actions() if a.isChecked()] == ["&Not Graded"]


def test_delete_names_a_very_long_received_title_in_a_few_lines(demo_window):
    """A title of thousands of characters (a received workspace) made the question taller than
    the screen, its Yes and No out of reach; a bidi override turned the rest of it around."""
    win = demo_window
    source_id = win.current_source_id()
    update_source(win.ws, source_id, title="Very long title \u202e" + "word " * 2000)
    asked = []
    win.source_actions.confirm = lambda parent, title, text: asked.append(text) or False
    win.source_actions.delete([source_id])
    first_line = asked[0].split("\n")[0]
    assert len(first_line) < 240 and first_line.endswith("…”?") and "\u202e" not in first_line
