"""Undo and redo in the briefing pane, step after step: a note or item made again by a redo or an
undo keeps its id, so every step above or below it on the stack still applies and none is dropped."""

import pytest

from briefing.store.briefings import read_briefing
from briefing.store.claims import dismiss_claim
from briefing.store.sources import get_source, list_sources
from briefing.ui.briefing_items import ItemIdRole


@pytest.fixture
def window(demo_window):
    demo_window.briefing_dock.new_note({"title": "Outage brief", "audience": None, "date": None, "author": None})
    return demo_window


def _note(window):
    return read_briefing(window.ws, window.briefing_dock.current_id())


def _add_quote_and_text(window, words="## Assessment\n\nThe ministry is wrong."):
    window.panel.setCurrentIndex(2)
    window.panel.quotes.setCurrentItem(window.panel.quotes.topLevelItem(0))
    window.add_to_briefing()
    dock = window.briefing_dock
    dock.add_text()
    dock.editor.setPlainText(words)
    dock.save_editor()


def _add_passage(window, words="about 62,000 households"):
    source_id = {r.outlet: r.id for r in list_sources(window.ws)}["The Veldran Standard"]
    window.select_source(source_id)
    start = get_source(window.ws, source_id).text.index(words)
    assert window.briefing_dock.add_passage(source_id, start, start + len(words))


def _undo_all_then_redo_all(window):
    stack = window.undo_stack
    steps, count = stack.index(), stack.count()
    for _ in range(steps):
        stack.undo()
    assert stack.index() == 0
    for _ in range(steps):
        stack.redo()
    assert (stack.index(), stack.count()) == (steps, count), "a step was dropped"


def test_undoing_everything_and_redoing_it_brings_back_the_written_text(window):
    _add_quote_and_text(window)
    before = [(i.kind, i.body) for i in _note(window).items]
    _undo_all_then_redo_all(window)
    assert [(i.kind, i.body) for i in _note(window).items] == before
    assert "Undo step dropped" not in window.statusBar().currentMessage()


def test_a_redone_passage_can_be_moved_and_removed_again(window):
    _add_passage(window)
    dock = window.briefing_dock
    _add_quote_and_text(window)
    dock.items.setCurrentRow(0)
    dock.step(1)
    dock.items.setCurrentRow(1)
    dock.remove_selected()  # the passage
    stack = window.undo_stack
    stack.undo()  # the passage back (RemovePassage.undo)
    stack.undo()  # the move, on the passage put back
    assert [i.kind for i in _note(window).items] == ["passage", "quote", "text"]
    _undo_all_then_redo_all(window)
    assert [i.kind for i in _note(window).items] == ["passage", "quote", "text"]


def test_after_undoing_a_deleted_note_the_steps_before_it_still_undo(window):
    _add_quote_and_text(window)
    note_id = window.briefing_dock.current_id()
    window.briefing_dock.delete_note(confirmed=True)
    stack = window.undo_stack
    stack.undo()  # the note back, under its id
    assert window.briefing_dock.current_id() == note_id
    stack.undo()  # the text edit
    assert _note(window).items[-1].body.startswith("New section")
    stack.undo()  # the text section
    stack.undo()  # the quote
    assert _note(window).items == ()
    while stack.canRedo():
        stack.redo()
    assert stack.index() == stack.count() and window.briefing_dock.note is None  # deleted again


# -- the section being written is never lost -------------------------------------------------


def _write(window, qtbot, words):
    dock = window.briefing_dock
    dock.add_text()
    window.activateWindow()
    dock.editor.setFocus()
    qtbot.waitUntil(dock.editor.hasFocus)
    dock.editor.selectAll()
    dock.editor.insertPlainText(words)
    return dock


def test_leaving_the_editor_for_another_item_saves_the_section(window, qtbot):
    _add_quote_and_text(window)
    dock = _write(window, qtbot, "## Unsaved\n\nWords not saved by a button.")
    dock.items.setFocus()
    qtbot.waitUntil(lambda: not dock.editor.hasFocus())
    dock.items.setCurrentRow(0)
    assert _note(window).items[-1].body == "## Unsaved\n\nWords not saved by a button."
    window.undo_stack.undo()  # one step, undone as any other
    assert _note(window).items[-1].body.startswith("New section")


def test_an_item_added_while_writing_saves_the_section_and_is_shown(window, qtbot):
    dock = _write(window, qtbot, "Half a sentence")
    window.panel.setCurrentIndex(2)
    window.panel.quotes.setCurrentItem(window.panel.quotes.topLevelItem(0))
    window.add_to_briefing()  # Ctrl+B while writing
    text, quote = _note(window).items
    assert text.body == "Half a sentence"
    assert dock.items.currentItem().data(ItemIdRole) == quote.id  # the new item selected, in sight
    assert window.statusBar().currentMessage() == "Added to “Outage brief”."
    window.add_to_briefing()  # the same quote again: refused, and said so
    assert len(_note(window).items) == 2
    assert "already item 2 of the note" in window.statusBar().currentMessage()


def test_exporting_or_closing_while_writing_saves_the_section(window, qtbot, tmp_path):
    dock = _write(window, qtbot, "Written just before the export")
    target = tmp_path / "note.md"
    dock.export(str(target), "md")
    assert "Written just before the export" in target.read_text(encoding="utf-8")
    dock.items.setCurrentRow(0)
    dock.editor.setPlainText("Written just before closing")
    window.remember = False
    window.close()
    assert _note(window).items[0].body == "Written just before closing"


def test_the_preview_stays_where_the_analyst_reads_after_an_edit(window, qtbot):
    dock = window.briefing_dock
    window.panel.setCurrentIndex(3)
    claims = window.panel.claims
    for row in range(min(6, claims.topLevelItemCount())):
        claims.setCurrentItem(claims.topLevelItem(row))
        window.add_to_briefing()
    bar = dock.preview.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 0)
    bar.setValue(bar.maximum())
    reading = bar.value()
    dock.items.setCurrentRow(1)
    dock.step(1)  # the note is shown again from the store
    qtbot.waitUntil(lambda: not dock.preview_timer.isActive())
    assert bar.value() > reading * 0.8
    dock.new_note({"title": "Another note", "audience": None, "date": None, "author": None})
    qtbot.waitUntil(lambda: not dock.preview_timer.isActive())
    assert bar.value() == 0


# -- the keyboard does what the buttons do ---------------------------------------------------


def test_ctrl_up_and_down_move_the_item_and_delete_removes_it(window, qtbot):
    from PySide6.QtCore import Qt

    _add_quote_and_text(window)
    dock = window.briefing_dock
    quote_id, text_id = (i.id for i in _note(window).items)
    dock.items.setCurrentRow(1)
    dock.items.setFocus()
    qtbot.keyClick(dock.items, Qt.Key.Key_Up, Qt.KeyboardModifier.ControlModifier)
    assert [i.id for i in _note(window).items] == [text_id, quote_id]
    assert dock.items.currentItem().text().startswith("Text · ")  # the moved item stays selected
    qtbot.keyClick(dock.items, Qt.Key.Key_Down, Qt.KeyboardModifier.ControlModifier)
    assert [i.id for i in _note(window).items] == [quote_id, text_id]
    dock.items.setCurrentRow(0)
    qtbot.keyClick(dock.items, Qt.Key.Key_Delete)
    assert [i.id for i in _note(window).items] == [text_id]
    assert dock.items.currentItem().data(ItemIdRole) == text_id  # the next item selected: Delete again goes on
    window.undo_stack.undo()
    assert [i.id for i in _note(window).items] == [quote_id, text_id]
    assert dock.items.currentItem().data(ItemIdRole) == text_id  # the selection stays on its item


def test_ctrl_enter_in_the_editor_saves_the_section(window, qtbot):
    from PySide6.QtCore import Qt

    dock = _write(window, qtbot, "Saved by the keyboard")
    qtbot.keyClick(dock.editor, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert _note(window).items[0].body == "Saved by the keyboard"
    assert dock.editor.hasFocus() and dock.editor.toPlainText() == "Saved by the keyboard"


def test_help_lists_the_note_pane_s_keys(window):
    listed = window.help.show(0).visible_commands()
    assert ("Move the selected item up or down", "Ctrl+Up, Ctrl+Down") in listed
    assert ("Remove the selected item from the note", "Delete") in listed
    assert any(keys.startswith("Ctrl+Return") for command, keys in listed if "text section" in command)


# -- an item whose record is gone comes back as it was ---------------------------------------


def _orphan_a_quote(window):
    """A note with a quote and a text section, the quote's source then deleted: the quote item is
    orphaned, shown as it was when added."""
    from briefing.store.source_snapshots import delete_source_keeping

    _add_quote_and_text(window)
    quote = _note(window).items[0]
    source_id = quote.content.passage.citation.source_id
    delete_source_keeping(window.ws, source_id, "deleted by the analyst")
    window.briefing_dock.refresh()
    assert _note(window).items[0].content is None  # orphaned
    return quote


def test_a_deleted_note_comes_back_with_its_orphaned_items(window):
    quote = _orphan_a_quote(window)
    before = [(i.id, i.kind, i.body) for i in _note(window).items]
    window.briefing_dock.delete_note(confirmed=True)
    window.undo_stack.undo()
    assert [(i.id, i.kind, i.body) for i in _note(window).items] == before
    assert window.briefing_dock.items.item(0).text().startswith("⚠ Quote (no longer in the workspace)")
    assert quote.id == before[0][0]


def test_a_removed_orphaned_item_comes_back_on_undo(window):
    _orphan_a_quote(window)
    before = [(i.id, i.kind, i.body) for i in _note(window).items]
    window.briefing_dock.items.setCurrentRow(0)
    window.briefing_dock.remove_selected()
    window.undo_stack.undo()
    assert [(i.id, i.kind, i.body) for i in _note(window).items] == before
    assert "Undo step dropped" not in window.statusBar().currentMessage()


def test_redoing_the_add_of_a_claim_dismissed_since_says_so_and_adds_nothing(window):
    """A claim dismissed as not a claim after its add was undone went back into the note on redo."""
    window.panel.setCurrentIndex(3)
    window.panel.claims.setCurrentItem(window.panel.claims.topLevelItem(0))
    claim_id = window.panel.current_claim()
    window.add_to_briefing()
    assert [i.ref_id for i in _note(window).items] == [claim_id]
    window.undo_stack.undo()
    dismiss_claim(window.ws, claim_id, reason="a colleague's call")
    window.undo_stack.redo()
    assert _note(window).items == ()
    said = window.statusBar().currentMessage()
    assert said.startswith(f"Undo step dropped: claim {claim_id} “") and "is dismissed (not a claim)" in said


def test_not_a_claim_on_a_claim_the_note_cites_says_the_note_keeps_it_flagged(window):
    window.panel.setCurrentIndex(3)
    window.panel.claims.setCurrentItem(window.panel.claims.topLevelItem(0))
    claim_id = window.panel.current_claim()
    window.add_to_briefing()
    window.claim_actions.not_a_claim(claim_id)
    assert window.statusBar().currentMessage() == (
        "Dismissed: not a claim. The briefing note “Outage brief” still cites it; its exports flag it as "
        "dismissed. Undo (Ctrl+Z) brings it back."
    )
    assert [i.ref_id for i in _note(window).items] == [claim_id]
    assert window.briefing_dock.items.item(0).text().startswith("⚠ ")
