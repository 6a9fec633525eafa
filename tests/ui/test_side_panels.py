"""The window's analyst workflows: highlights, panels, judging claims with undo, annotating."""

import pytest
from PySide6.QtWidgets import QDialog

from briefing.pipeline import import_paths
from briefing.store.history import history_for
from briefing.store.sources import get_source, list_sources
from briefing.store.views import source_claims, source_notes
from briefing.ui.main_window import MainWindow
from briefing.ui.panels import ItemRole
from briefing.ui.tasks import TaskRunner


@pytest.fixture(scope="module")
def analysed(tmp_path_factory, demo_dir):
    from briefing.store import open_workspace

    path = tmp_path_factory.mktemp("ui") / "demo.briefing"
    with open_workspace(path) as ws:
        assert import_paths(ws, [demo_dir]).ok
    return path


@pytest.fixture
def window(qtbot, analysed, tmp_path):
    from briefing.store import open_workspace

    copy = tmp_path / "copy.briefing"
    copy.write_bytes(analysed.read_bytes())
    ws = open_workspace(copy)
    win = MainWindow(ws, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(win)
    win.resize(1600, 1000)
    win.show()
    yield win
    ws.close()


def _select_source(window, outlet):
    row = next(r for r in list_sources(window.ws) if r.outlet == outlet)
    window.select_source(row.id)
    return row.id


def test_reader_highlights_every_layer_and_layers_toggle(window):
    _select_source(window, "Meridian Wire")
    kinds = {h.kind for h in window.reader.highlights}
    assert {"entity", "quote", "claim"} <= kinds
    painted = len(window.reader.extraSelections())
    window.reader.set_layer_visible("entity", False)
    assert len(window.reader.extraSelections()) < painted


def test_clicking_a_quote_in_the_panel_scrolls_the_reader_to_it(window):
    source_id = _select_source(window, "Meridian Wire")
    window.panel.setCurrentIndex(2)
    item = window.panel.quotes.topLevelItem(1)
    window.panel.quotes.setCurrentItem(item)
    kind, _, start, end = item.data(0, ItemRole)
    assert kind == "quote"
    assert window.reader.selected_range() == (start, end)
    assert window.reader.textCursor().selectedText() == get_source(window.ws, source_id).text[start:end]


def test_a_highlight_click_selects_the_item_in_the_side_panel(window):
    _select_source(window, "Meridian Wire")
    quote = next(h for h in window.reader.highlights if h.kind == "quote")
    window.panel.select("quote", quote.item_id)
    assert window.panel.currentIndex() == 2
    assert window.panel.quotes.currentItem().data(0, ItemRole)[1] == quote.item_id


def test_marking_a_claim_is_undoable_and_recorded(window):
    source_id = _select_source(window, "The Veldran Standard")
    claim = source_claims(window.ws, source_id)[0]
    window.panel.select("claim", claim.id)
    window.panel.reason.setText("62,000 contradicts the ministry")
    window.panel.mark_current("disputed")
    assert source_claims(window.ws, source_id)[0].status == "disputed"
    assert window.panel.claims.currentItem().text(0) == "disputed"
    window.undo_stack.undo()
    assert source_claims(window.ws, source_id)[0].status == "unreviewed"
    window.undo_stack.redo()
    assert source_claims(window.ws, source_id)[0].status == "disputed"
    reasons = [(h.old_value, h.new_value, h.reason) for h in history_for(window.ws, "claim", claim.id)]
    why = "62,000 contradicts the ministry"
    assert reasons == [("unreviewed", "disputed", why), ("disputed", "unreviewed", "undo"),
                       ("unreviewed", "disputed", why)]


def test_grading_a_source_through_the_menu_is_undoable(window):
    source_id = _select_source(window, "Meridian Wire")
    window.edit_source("reliability", "B")
    assert get_source(window.ws, source_id).reliability == "B"
    assert "grade B" in window.reader.toPlainText()
    window.undo_stack.undo()
    assert get_source(window.ws, source_id).reliability is None


class _FakeDialog:
    def __init__(self, parent, passage):
        self.passage = passage

    def exec(self):
        return QDialog.DialogCode.Accepted

    def values(self):
        return "check this figure", ("figures",)


def test_annotating_a_selection(window):
    source_id = _select_source(window, "Meridian Wire")
    text = get_source(window.ws, source_id).text
    start = text.index("40,000")
    window.reader.scroll_to(start, start + 6)
    from briefing.ui import annotate

    command = annotate.annotation_command(window, window.ws, source_id, window.reader.selected_range(),
                                          window._after_edit, dialog_factory=_FakeDialog)
    window.undo_stack.push(command)
    [note] = source_notes(window.ws, source_id)
    assert (note.exact, note.note, note.tags) == ("40,000", "check this figure", ("figures",))
    assert any(h.kind == "note" for h in window.reader.highlights)
    assert window.panel.notes.topLevelItemCount() == 1
    window.undo_stack.undo()
    assert source_notes(window.ws, source_id) == []


def test_editing_the_summary_keeps_it(window):
    source_id = _select_source(window, "Meridian Wire")
    window.panel.summary.setPlainText("The plant runs by hand; 40,000 homes boil water.")
    window.panel.summaryEdited.emit(window.panel.summary.toPlainText())
    assert get_source(window.ws, source_id).summary == "The plant runs by hand; 40,000 homes boil water."
