"""The New Briefing Note and Details dialog: a problem is said in the dialog, which keeps what
was typed; a date written out is read; the suggested title is replaced by typing."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog

from briefing.store.briefings import read_briefing
from briefing.ui import briefing_pane
from briefing.ui.briefing_details import DetailsDialog


def _fill(dialog, **values):
    for name, value in values.items():
        dialog.fields[name].setText(value)


def test_a_date_the_store_refuses_keeps_the_dialog_open_with_everything_typed(demo_window, qtbot):
    dialog = DetailsDialog(demo_window, "New Briefing Note", {"title": "Untitled briefing note"})
    qtbot.addWidget(dialog)
    _fill(dialog, title="Outage brief", audience="Crisis desk", date="next Tuesday", author="Ana")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.isVisibleTo(dialog)
    assert "Date: must be a date such as 2019-11-18 or 18 November 2019" in dialog.error.text()
    assert dialog.error.textFormat() == Qt.TextFormat.PlainText
    assert dialog.fields["audience"].text() == "Crisis desk"  # nothing typed is lost
    _fill(dialog, date="3 December 2014")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert dialog.values()["date"] == "2014-12-03"


def test_a_line_break_in_a_field_is_said_in_the_dialog_naming_the_field(demo_window, qtbot):
    dialog = DetailsDialog(demo_window, "New Briefing Note", {"title": "Untitled briefing note"})
    qtbot.addWidget(dialog)
    _fill(dialog, title="Outage brief", audience="Crisis desk", author="Ana\nEditor")
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.error.text() == "Author: must be one line of text without control characters."
    _fill(dialog, author="Ana")
    dialog.accept()
    assert dialog.result() == QDialog.DialogCode.Accepted


def test_the_suggested_title_is_selected_so_typing_replaces_it(demo_window, qtbot):
    dialog = DetailsDialog(demo_window, "New Briefing Note", {"title": "Untitled briefing note"})
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    qtbot.keyClicks(dialog.fields["title"], "Outage brief")
    assert dialog.fields["title"].text() == "Outage brief"


def test_a_title_another_note_has_is_said_in_the_dialog(demo_window, qtbot, monkeypatch):
    dock = demo_window.briefing_dock
    dock.new_note({"title": "Outage brief", "audience": None, "date": None, "author": None})
    seen = []

    def answer(dialog):
        _fill(dialog, title="OUTAGE BRIEF")
        dialog.accept()
        seen.append((dialog.result(), dialog.error.text()))
        _fill(dialog, title="Outage brief, day two", date="9 March 2026")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(briefing_pane.DetailsDialog, "exec", answer)
    dock.new_note()
    assert seen[0][0] != QDialog.DialogCode.Accepted and "another briefing note is called" in seen[0][1]
    made = read_briefing(demo_window.ws, dock.current_id())
    assert (made.title, made.date) == ("Outage brief, day two", "2026-03-09")


def test_the_problem_is_shown_whole_in_the_dialog(demo_window, qtbot):
    dialog = DetailsDialog(demo_window, "New Briefing Note", {"title": "Untitled briefing note"}, frozenset({"taken"}))
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    _fill(dialog, title="Taken", date="yesterday")
    dialog.accept()
    error = dialog.error
    assert "another briefing note is called" in error.text()
    assert error.height() >= error.heightForWidth(error.width())  # every line of it, none cut off


def test_a_new_note_is_signed_with_the_name_the_analyst_gave(demo_window, monkeypatch):
    # Edit > Your Name… (or $BRIEFING_ANALYST) names the author; without either the field stays empty
    from briefing.store import history

    dock = demo_window.briefing_dock
    authors = []

    def answer(dialog):
        authors.append(dialog.fields["author"].text())
        _fill(dialog, title=f"Note {len(authors)}")
        dialog.accept()
        return dialog.result()

    monkeypatch.setattr(briefing_pane.DetailsDialog, "exec", answer)
    monkeypatch.delenv(history.ANALYST_ENV, raising=False)
    monkeypatch.setattr(history, "_analyst_name", None)
    dock.new_note()
    history.set_analyst_name("Ana Pereira")
    dock.new_note()
    monkeypatch.setenv(history.ANALYST_ENV, "Desk 4")
    dock.new_note()
    assert authors == ["", "Ana Pereira", "Desk 4"]
    assert read_briefing(demo_window.ws, dock.current_id()).author == "Desk 4"


def test_details_an_older_workspace_holds_with_line_breaks_are_shown_on_one_line_and_saved(demo_window, monkeypatch):
    """A note whose details were written before the store refused line breaks in them could not
    be edited: the dialog showed each line break as a space and refused it on OK ("Title: must be
    one line of text"), a problem the analyst could not see. The dialog shows them one line each,
    says so, and OK saves them with nothing else lost; Undo brings back what the analyst changed."""
    from tests.export.helpers import received_note

    ws = demo_window.ws
    note = received_note(
        ws, "Outage brief:\nday 3", audience="Crisis desk,\r\n  night shift", author="Ana\x1b[31m\u2028Ames"
    )
    dock = demo_window.briefing_dock
    dock.refresh(note)
    shown = {}

    def answer(dialog):
        shown.update({name: edit.text() for name, edit in dialog.fields.items()})
        mended = getattr(dialog, "mended", None)
        shown["said"] = mended.text() if mended is not None and mended.isVisibleTo(dialog) else ""
        _fill(dialog, date="4 March 2026")
        dialog.accept()
        shown["refused"] = dialog.error.text()
        return dialog.result()

    monkeypatch.setattr(briefing_pane.DetailsDialog, "exec", answer)
    dock.edit_details()
    assert shown["refused"] == ""
    assert (shown["title"], shown["audience"], shown["author"]) == (
        "Outage brief: day 3",
        "Crisis desk, night shift",
        "Ana Ames",
    )
    assert "Title, Audience, Author" in shown["said"] and "OK saves them" in shown["said"]
    saved = read_briefing(ws, note)
    assert (saved.title, saved.audience, saved.date, saved.author) == (
        "Outage brief: day 3",
        "Crisis desk, night shift",
        "2026-03-04",
        "Ana Ames",
    )
    demo_window.undo_stack.undo()  # the store takes no line breaks back: the date goes back, the rest stays one line
    undone = read_briefing(ws, note)
    assert (undone.title, undone.date, undone.author) == ("Outage brief: day 3", None, "Ana Ames")
