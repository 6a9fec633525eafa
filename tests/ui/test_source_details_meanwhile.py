"""Source Details over a colleague's change: the dialog stays open while the analyst types, and a
colleague who changed the same field meanwhile is not saved over unsaid (sources carry no
revision: the values the dialog showed are compared). On a workspace file (two connections to
it) and on a team workspace."""

import re

from PySide6.QtGui import QAction

from briefing.store import open_workspace
from briefing.store.sources import get_source, get_source_details, list_sources, update_source

BY_BEN = r"by Ben Adler at \d{4}-\d\d-\d\d \d\d:\d\d UTC after you opened it; nothing was saved"


def _open_dialog(window, source_id):
    window.select_source(source_id)
    next(a for a in window.findChildren(QAction) if a.text().replace("&", "") == "Source Details…").trigger()
    return window.source_actions.dialog


def _colleague(analysed_copy, monkeypatch, source_id, **changes):
    monkeypatch.setenv("BRIEFING_ANALYST", "Ben Adler")
    with open_workspace(analysed_copy) as theirs:
        update_source(theirs, source_id, "checked with the outlet", **changes)
    monkeypatch.setenv("BRIEFING_ANALYST", "Ana Okafor")


def test_a_field_a_colleague_changed_while_the_dialog_was_open_is_not_saved_over(
    shared_window, analysed_copy, monkeypatch
):
    """Ben corrected the author while Ana's Source Details was open; her OK wrote her author over
    his and said nothing; her title went in with it."""
    window = shared_window
    monkeypatch.setenv("BRIEFING_ANALYST", "Ana Okafor")
    source_id = list_sources(window.ws)[0].id
    title = get_source_details(window.ws, source_id).title
    dialog = _open_dialog(window, source_id)
    dialog.fields["author"].setText("Ana's reading of the byline")
    dialog.fields["title"].setText("Ministry: water back on")
    _colleague(analysed_copy, monkeypatch, source_id, author="Marta Okafor")
    steps = window.undo_stack.count()
    dialog.accept()
    said = window.statusBar().currentMessage()
    assert re.match(rf"^source “.+” was changed \(author\) {BY_BEN}", said), said
    details = get_source_details(window.ws, source_id)
    assert (details.author, details.title) == ("Marta Okafor", title)  # nothing half-written
    assert window.undo_stack.count() == steps


def test_undoing_details_after_a_colleagues_later_change_is_refused(shared_window, analysed_copy, monkeypatch):
    window = shared_window
    monkeypatch.setenv("BRIEFING_ANALYST", "Ana Okafor")
    source_id = list_sources(window.ws)[0].id
    dialog = _open_dialog(window, source_id)
    dialog.fields["author"].setText("Ana Ruiz")
    dialog.accept()
    window.undo_stack.undo()  # nobody in between: undo and redo go through
    window.undo_stack.redo()
    assert get_source_details(window.ws, source_id).author == "Ana Ruiz"
    _colleague(analysed_copy, monkeypatch, source_id, author="Marta Okafor")
    steps = window.undo_stack.count()
    window.undo_stack.undo()
    said = window.statusBar().currentMessage()
    assert re.match(rf"^Undo step dropped: source “.+” was changed \(author\) {BY_BEN}", said), said
    assert get_source_details(window.ws, source_id).author == "Marta Okafor"
    assert window.undo_stack.count() == steps - 1
    # a change to another field is no conflict: it goes through
    dialog = _open_dialog(window, source_id)
    _colleague(analysed_copy, monkeypatch, source_id, outlet="Meridian Wire (corrected)")
    dialog.fields["author"].setText("Ana Ruiz")
    dialog.accept()
    details = get_source_details(window.ws, source_id)
    assert (details.author, details.outlet) == ("Ana Ruiz", "Meridian Wire (corrected)")


def test_a_summary_typed_while_a_colleague_saved_another_is_refused_and_kept(shared_window, analysed_copy, monkeypatch):
    """The panel keeps a summary being typed through every redraw; Ben saved his summary of the
    source meanwhile, and Save Summary wrote Ana's over it, unsaid."""
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    window = shared_window
    monkeypatch.setenv("BRIEFING_ANALYST", "Ana Okafor")
    source_id = window.current_source_id()
    window.panel.setCurrentIndex(0)
    window.panel.summary.setFocus()
    window.panel.summary.selectAll()
    QTest.keyClicks(window.panel.summary, "My own reading of it.")
    _colleague(analysed_copy, monkeypatch, source_id, summary="Ben's summary.")
    window.after_edit()  # a redraw (a colleague's change heard) keeps the words being typed
    window.panel._save_summary()
    said = window.statusBar().currentMessage()
    assert re.match(rf"^source “.+” was changed \(summary\) {BY_BEN}.+ Your summary is on the clipboard\.$", said)
    assert get_source(window.ws, source_id).summary == "Ben's summary."
    assert QApplication.clipboard().text() == "My own reading of it."


def test_undoing_a_grade_after_a_colleague_graded_the_source_again_is_refused(
    shared_window, analysed_copy, monkeypatch
):
    window = shared_window
    monkeypatch.setenv("BRIEFING_ANALYST", "Ana Okafor")
    source_id = window.current_source_id()
    window.edit_source("reliability", "B")
    _colleague(analysed_copy, monkeypatch, source_id, reliability="E")
    window.undo_stack.undo()
    said = window.statusBar().currentMessage()
    assert re.match(rf"^Undo step dropped: source “.+” was changed \(reliability\) {BY_BEN}", said), said
    assert get_source(window.ws, source_id).reliability == "E"
