"""Passage items in the briefing pane: the words selected in the reader, listed with their
source, flagged when the source no longer holds them, and removed or deleted with undo."""

import pytest
from PySide6.QtCore import Qt

from briefing.store.briefings import read_briefing
from briefing.store.sources import get_source, list_sources

WORDS = "about 62,000 households"


def _add_selection(window, inside: tuple[int, int] = (0, 0)):
    """A new note, with the words selected in The Veldran Standard's article (from ``inside[0]``
    letters after WORDS' start to ``inside[1]`` before its end) added by Ctrl+Alt+B's action."""
    window.briefing_dock.new_note({"title": "Outage brief", "audience": None, "date": None, "author": None})
    source_id = {r.outlet: r.id for r in list_sources(window.ws)}["The Veldran Standard"]
    window.select_source(source_id)
    text = get_source(window.ws, source_id).text
    start = text.index(WORDS)
    window.reader.scroll_to(start + inside[0], start + len(WORDS) - inside[1])
    window.selection_actions.add_to_note.trigger()
    return source_id, text, start


@pytest.fixture
def added(demo_window):
    """A note with the words selected in The Veldran Standard's article added by Ctrl+Alt+B's action."""
    source_id, text, start = _add_selection(demo_window)
    assert [i.kind for i in demo_window.briefing_dock.note.items] == ["passage"]
    return demo_window, source_id, text, start


def _items(window):
    return read_briefing(window.ws, window.briefing_dock.current_id()).items


def test_the_pane_lists_the_passage_with_its_source(added):
    window, source_id, _, _ = added
    row = window.briefing_dock.items.item(0)
    title = get_source(window.ws, source_id).title
    assert row.text() == f"Passage: {WORDS} — {title}"
    assert row.foreground().color() != Qt.GlobalColor.red
    assert "Added the passage (paragraph" in window.statusBar().currentMessage()


def test_a_passage_its_source_no_longer_holds_is_flagged_in_red(added):
    window, source_id, text, _ = added
    window.ws.db.execute(
        "UPDATE sources SET text = ? WHERE id = ?", [text.replace(WORDS, "about 70,000 homes"), source_id]
    )
    window.ws.db.conn.commit()
    window.briefing_dock.refresh()
    row = window.briefing_dock.items.item(0)
    assert row.text().startswith(f"⚠ Passage: {WORDS} — ")
    assert row.foreground().color() == Qt.GlobalColor.red
    assert "Not verified (altered): the passage is not found verbatim" in row.toolTip()
    assert "no longer match their sources" in window.statusBar().currentMessage()


def test_removing_a_passage_is_undone_with_its_range_and_words(added):
    window, source_id, _, start = added
    dock = window.briefing_dock
    dock.items.setCurrentRow(0)
    dock.remove_selected()
    assert _items(window) == ()
    window.undo_stack.undo()
    [item] = _items(window)
    assert (item.kind, item.ref_id, item.start, item.end, item.body) == (
        "passage",
        source_id,
        start,
        start + len(WORDS),
        WORDS,
    )
    assert item.verification.state == "verified"


def test_deleting_a_note_is_undone_with_its_passages(added):
    window, source_id, _, start = added
    dock = window.briefing_dock
    dock.delete_note(confirmed=True)
    assert dock.current_id() is None
    window.undo_stack.undo()
    assert dock.notes.currentText() == "Outage brief (1)"
    [item] = _items(window)
    assert (item.kind, item.ref_id, item.start, item.body) == ("passage", source_id, start, WORDS)


def test_a_selection_starting_and_ending_inside_words_adds_the_whole_words(demo_window):
    """A drag rarely starts on a word's first letter: the note cites whole words, as a quote does."""
    _, _, start = _add_selection(demo_window, inside=(2, 3))  # "out 62,000 househo"
    (item,) = _items(demo_window)
    assert (item.body, item.start, item.end) == (WORDS, start, start + len(WORDS))
    assert demo_window.briefing_dock.items.item(0).text().startswith(f"Passage: {WORDS} — ")


def _flag_the_passage(added):
    """The source's words changed under the note's passage: the note warns of it."""
    window, source_id, text, _ = added
    window.show_briefing()
    window.ws.db.execute("UPDATE sources SET text = ? WHERE id = ?", [text.replace(WORDS, "about 70,000"), source_id])
    window.ws.db.conn.commit()
    window.briefing_dock.refresh()
    assert "no longer match their sources" in window.statusBar().currentMessage()
    return window


def test_a_note_s_warning_is_said_once_not_over_every_later_message(added):
    """The flagged passage's warning came back on each refresh of the note and covered what
    came after it, such as why an undo step was dropped or a colleague's change refused."""
    window = _flag_the_passage(added)
    window.statusBar().showMessage("Undo step dropped: item 4 was changed by Ben Adler")
    window.after_edit()  # what a refused step does after saying why
    assert window.statusBar().currentMessage() == "Undo step dropped: item 4 was changed by Ben Adler"


def test_an_undone_step_of_the_note_is_named_and_the_note_shown(added):
    window = added[0]
    window.briefing_dock.hide()
    window.undo_stack.undo()
    said = window.statusBar().currentMessage()
    assert said.startswith("Undone: Add passage “") and said.endswith("” to the note.")
    assert window.briefing_dock.isVisible() and _items(window) == ()


def test_the_warning_goes_when_what_it_warned_of_is_gone(added):
    window = _flag_the_passage(added)
    window.briefing_dock.items.setCurrentRow(0)
    window.briefing_dock.remove_selected()  # the flagged passage leaves the note
    assert "no longer match" not in window.statusBar().currentMessage()
