"""The demo_window's analyst workflows: highlights, panels, judging claims with undo, annotating."""

from PySide6.QtWidgets import QDialog

from briefing.store.annotations import list_note_rows
from briefing.store.claims import list_claim_rows
from briefing.store.history import history_for
from briefing.store.sources import get_source, list_sources
from briefing.ui.panels import ItemRole


def _select_source(demo_window, outlet):
    row = next(r for r in list_sources(demo_window.ws) if r.outlet == outlet)
    demo_window.select_source(row.id)
    return row.id


def test_reader_highlights_every_layer_and_layers_toggle(demo_window):
    _select_source(demo_window, "Meridian Wire")
    kinds = {h.kind for h in demo_window.reader.highlights}
    assert {"entity", "quote", "claim"} <= kinds
    painted = len(demo_window.reader.extraSelections())
    demo_window.reader.set_layer_visible("entity", False)
    assert len(demo_window.reader.extraSelections()) < painted


def test_clicking_a_quote_in_the_panel_scrolls_the_reader_to_it(demo_window):
    source_id = _select_source(demo_window, "Meridian Wire")
    demo_window.panel.setCurrentIndex(2)
    item = demo_window.panel.quotes.topLevelItem(1)
    demo_window.panel.quotes.setCurrentItem(item)
    kind, _, start, end = item.data(0, ItemRole)
    assert kind == "quote"
    assert demo_window.reader.selected_range() == (start, end)
    assert demo_window.reader.textCursor().selectedText() == get_source(demo_window.ws, source_id).text[start:end]


def test_a_highlight_click_selects_the_item_in_the_side_panel(demo_window):
    _select_source(demo_window, "Meridian Wire")
    quote = next(h for h in demo_window.reader.highlights if h.kind == "quote")
    demo_window.panel.select("quote", quote.item_id)
    assert demo_window.panel.currentIndex() == 2
    assert demo_window.panel.quotes.currentItem().data(0, ItemRole)[1] == quote.item_id


def test_marking_a_claim_is_undoable_and_recorded(demo_window):
    source_id = _select_source(demo_window, "The Veldran Standard")
    claim = list_claim_rows(demo_window.ws, source_id)[0]
    demo_window.panel.select("claim", claim.id)
    demo_window.panel.reason.setText("62,000 contradicts the ministry")
    demo_window.panel.mark_current("disputed")
    assert list_claim_rows(demo_window.ws, source_id)[0].status == "disputed"
    assert demo_window.panel.claims.currentItem().text(0) == "disputed"
    demo_window.undo_stack.undo()
    assert list_claim_rows(demo_window.ws, source_id)[0].status == "unreviewed"
    demo_window.undo_stack.redo()
    assert list_claim_rows(demo_window.ws, source_id)[0].status == "disputed"
    reasons = [(h.old_value, h.new_value, h.reason) for h in history_for(demo_window.ws, "claim", claim.id)]
    why = "62,000 contradicts the ministry"
    assert reasons == [
        ("unreviewed", "disputed", why),
        ("disputed", "unreviewed", "undo"),
        ("unreviewed", "disputed", why),
    ]


def test_grading_a_source_through_the_menu_is_undoable(demo_window):
    source_id = _select_source(demo_window, "Meridian Wire")
    demo_window.edit_source("reliability", "B")
    assert get_source(demo_window.ws, source_id).reliability == "B"
    assert "grade B" in demo_window.reader.toPlainText()
    row = demo_window.model.row_of(source_id)
    assert demo_window.model.index(row, 3).data() == "B"  # the list shows it without re-sorting
    demo_window.undo_stack.undo()
    assert get_source(demo_window.ws, source_id).reliability is None


class _FakeDialog:
    def __init__(self, parent, passage):
        self.passage = passage

    def exec(self):
        return QDialog.DialogCode.Accepted

    def values(self):
        return "check this figure", ("figures",)


def test_annotating_a_selection(demo_window):
    source_id = _select_source(demo_window, "Meridian Wire")
    text = get_source(demo_window.ws, source_id).text
    start = text.index("40,000")
    demo_window.reader.scroll_to(start, start + 6)
    from briefing.ui import annotate

    command = annotate.annotation_command(
        demo_window,
        demo_window.ws,
        source_id,
        demo_window.reader.selected_range(),
        demo_window.after_edit,
        dialog_factory=_FakeDialog,
    )
    demo_window.undo_stack.push(command)
    [note] = list_note_rows(demo_window.ws, source_id)
    assert (note.exact, note.note, note.tags) == ("40,000", "check this figure", ("figures",))
    assert any(h.kind == "note" for h in demo_window.reader.highlights)
    assert demo_window.panel.notes.topLevelItemCount() == 1
    assert demo_window.panel.tabText(4) == "&Notes (1)"  # counted as quotes and claims are
    demo_window.undo_stack.undo()
    assert list_note_rows(demo_window.ws, source_id) == []
    assert demo_window.panel.tabText(4) == "&Notes (0)"


def test_editing_the_summary_keeps_it(demo_window):
    source_id = _select_source(demo_window, "Meridian Wire")
    demo_window.panel.summary.setPlainText("The plant runs by hand; 40,000 homes boil water.")
    demo_window.panel.summaryEdited.emit(demo_window.panel.summary.toPlainText())
    assert get_source(demo_window.ws, source_id).summary == "The plant runs by hand; 40,000 homes boil water."


def test_an_annotation_takes_whole_words_of_a_drag_that_starts_inside_one(demo_window):
    from briefing.ui import annotate

    source_id = _select_source(demo_window, "Meridian Wire")
    text = get_source(demo_window.ws, source_id).text
    start = text.index("40,000")
    command = annotate.annotation_command(
        demo_window,
        demo_window.ws,
        source_id,
        (start + 2, start + 4),
        demo_window.after_edit,
        dialog_factory=_FakeDialog,
    )
    demo_window.undo_stack.push(command)
    [note] = list_note_rows(demo_window.ws, source_id)
    assert note.exact == "40,000"
    blank = text.index(" ")
    assert (
        annotate.annotation_command(
            demo_window,
            demo_window.ws,
            source_id,
            (blank, blank + 1),
            demo_window.after_edit,
            dialog_factory=_FakeDialog,
        )
        is None
    )
    assert "Select some words" in demo_window.statusBar().currentMessage()


def test_the_entity_lists_counts_say_what_each_counts(demo_window):
    header = demo_window.panel.entities.headerItem()
    assert [header.text(i) for i in range(3)] == ["Entity", "Mentions", "Sources"]
    assert "in this source" in header.toolTip(1) and "of the workspace" in header.toolTip(2)


def test_a_tabs_mnemonic_takes_the_keyboard_into_its_list(demo_window, qtbot):
    """Alt+L showed the Claims tab but Down still moved in the source list."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    demo_window.show()
    demo_window.activateWindow()
    table = demo_window.table
    table.setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is table)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_L, Qt.KeyboardModifier.AltModifier)
    qtbot.waitUntil(lambda: demo_window.panel.claims.hasFocus())
    assert demo_window.panel.currentWidget() is demo_window.panel.claims_widget


def test_the_row_the_keyboard_lands_on_is_drawn_selected(demo_window):
    # a list taking the focus with no current row makes its first row current without selecting
    # it: the claim panel and the reader showed that claim, and Ctrl+Alt+D judged it, while no
    # row looked picked
    from PySide6.QtCore import QItemSelectionModel

    _select_source(demo_window, "Meridian Wire")
    claims = demo_window.panel.claims
    assert claims.currentItem() is None
    first = claims.model().index(0, 0)
    claims.selectionModel().setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)  # as focusInEvent
    assert demo_window.panel.current_claim() == claims.topLevelItem(0).data(0, ItemRole)[1]
    assert claims.topLevelItem(0).isSelected() and len(claims.selectedItems()) == 1


def test_the_quotes_tab_sorts_by_speaker_then_position_and_keeps_the_picked_quote(demo_window):
    from PySide6.QtCore import Qt

    from briefing.store.quotes import list_quote_rows

    tree = demo_window.panel.quotes
    source_id = max(list_sources(demo_window.ws), key=lambda r: len(list_quote_rows(demo_window.ws, r.id))).id
    demo_window.select_source(source_id)
    stored = list_quote_rows(demo_window.ws, source_id)
    assert len({q.speaker for q in stored}) > 1

    def shown():
        return [tree.topLevelItem(i).data(0, ItemRole)[1] for i in range(tree.topLevelItemCount())]

    assert shown() == [q.id for q in stored]  # in the order of the text
    tree.sortByColumn(0, Qt.SortOrder.AscendingOrder)  # a click on "Speaker"
    by_speaker = sorted(stored, key=lambda q: (q.speaker is None, (q.speaker or "").casefold(), q.start))
    assert shown() == [q.id for q in by_speaker]
    demo_window.panel.select("quote", by_speaker[-1].id)
    demo_window.after_edit()  # a refresh keeps the order and the quote picked
    assert shown() == [q.id for q in by_speaker] and demo_window.panel.current_quote() == by_speaker[-1].id
    tree.sortByColumn(1, Qt.SortOrder.AscendingOrder)
    assert shown() == [q.id for q in stored]


def test_the_menu_key_opens_the_menu_of_the_current_row_not_the_one_below(demo_window, qtbot, monkeypatch):
    """The Menu key in the Quotes tab offered Change Speaker… for the quote under the current one
    (the row's place was read below the list's heading), and nothing on the last row."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QContextMenuEvent
    from PySide6.QtWidgets import QApplication, QMenu

    from briefing.ui import panels

    offered: list[int] = []

    class Menu(QMenu):
        def exec(self, *args):
            offered.append(demo_window.panel.current_quote())

    monkeypatch.setattr(panels, "QMenu", Menu)
    _select_source(demo_window, "Meridian Wire")
    demo_window.panel.setCurrentIndex(2)
    tree = demo_window.panel.quotes
    assert tree.topLevelItemCount() >= 2
    for row in (0, tree.topLevelItemCount() - 1):
        item = tree.topLevelItem(row)
        tree.setCurrentItem(item)
        # what Qt sends the focused widget on the Menu key (QWidgetWindow::handleContextMenuEvent)
        at = tree.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle).center()
        QApplication.sendEvent(tree, QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, at, tree.mapToGlobal(at)))
        assert len(offered) == (1 if row == 0 else 2)
        assert offered[-1] == item.data(0, ItemRole)[1]


def test_a_typed_summary_that_cannot_be_saved_waits_on_the_clipboard(demo_window, monkeypatch):
    """Leaving a source with a typed summary while the team's server was out of reach (or after a
    colleague deleted the source) dropped the summary without a word."""
    from PySide6.QtWidgets import QApplication

    from briefing.domain import WorkspaceError
    from briefing.ui import source_actions

    source_id = demo_window.current_source_id()
    demo_window.panel.summary.setPlainText("The plant runs by hand.")
    demo_window.panel.summary.document().setModified(True)

    def unreachable(*args):
        raise WorkspaceError("postgresql://db/case: cannot connect: no route to host; nothing was saved")

    monkeypatch.setattr(source_actions, "source_values", unreachable)
    demo_window.source_actions.keep_typed_summary(source_id + 1)
    assert QApplication.clipboard().text() == "The plant runs by hand."
    said = demo_window.statusBar().currentMessage()
    assert said.startswith("Your summary of the source you left was not saved (postgresql://db/case: cannot connect")
    assert said.endswith("; it is on the clipboard.")
