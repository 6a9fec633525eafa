"""Undo and redo of an annotation never overwrite a colleague's later change: the step is refused
with who changed it and when, the colleague's note stays, and the step leaves the undo stack.
On a workspace file (two connections to it) and on a team workspace."""

import pytest

from briefing.store import open_workspace
from briefing.store.annotations import edit_annotation, get_annotation, list_note_rows
from briefing.store.revisions import item_name
from briefing.store.sources import list_sources
from briefing.ui.annotate import AddAnnotationCommand, EditAnnotationCommand


@pytest.fixture
def window(shared_window, monkeypatch):
    monkeypatch.setenv("BRIEFING_ANALYST", "Ana Okafor")
    return shared_window


@pytest.fixture
def colleague_edits(analysed_copy, monkeypatch):
    """A colleague gives the annotation another note, on a connection of their own."""

    def edit(annotation_id: int, note: str) -> None:
        monkeypatch.setenv("BRIEFING_ANALYST", "Ben Adler")
        with open_workspace(analysed_copy) as theirs:
            edit_annotation(theirs, annotation_id, note, ())
        monkeypatch.setenv("BRIEFING_ANALYST", "Ana Okafor")

    return edit


def _annotate(window) -> int:
    source_id = list_sources(window.ws)[0].id
    window.select_source(source_id)
    window.push_command(lambda: AddAnnotationCommand(window.ws, source_id, 0, 12, "first look", (), window.after_edit))
    return list_note_rows(window.ws, source_id)[-1].id


def _changed(window, annotation_id: int) -> str:
    """The refusal's start: the annotation named by its passage, never its number."""
    return f"annotation “{item_name(window.ws, 'annotation', annotation_id)}” was changed by Ben Adler at "


def _refused(window, annotation_id: int) -> bool:
    message = window.statusBar().currentMessage()
    return message.startswith(f"Undo step dropped: {_changed(window, annotation_id)}")


def test_undoing_an_annotation_a_colleague_edited_since_is_refused(window, colleague_edits):
    annotation_id = _annotate(window)
    colleague_edits(annotation_id, "the ministry confirmed it")
    window.undo_stack.undo()
    assert get_annotation(window.ws, annotation_id)["note"] == "the ministry confirmed it"
    assert _refused(window, annotation_id)
    assert window.undo_stack.count() == 0


def test_undoing_an_annotation_edit_over_a_colleagues_later_edit_is_refused(window, colleague_edits):
    annotation_id = _annotate(window)
    window.undo_stack.clear()
    seen = get_annotation(window.ws, annotation_id)["revision"]
    command = EditAnnotationCommand(
        window.ws, annotation_id, ("first look", ()), ("second look", ()), window.after_edit, seen
    )
    window.push_command(lambda: command)
    colleague_edits(annotation_id, "the ministry confirmed it")
    window.undo_stack.undo()
    assert get_annotation(window.ws, annotation_id)["note"] == "the ministry confirmed it"
    assert _refused(window, annotation_id)
    # with no colleague in between, undo and redo go through
    window.push_command(
        lambda: EditAnnotationCommand(
            window.ws,
            annotation_id,
            ("the ministry confirmed it", ()),
            ("mine", ()),
            window.after_edit,
            get_annotation(window.ws, annotation_id)["revision"],
        )
    )
    window.undo_stack.undo()
    assert get_annotation(window.ws, annotation_id)["note"] == "the ministry confirmed it"
    window.undo_stack.redo()
    assert get_annotation(window.ws, annotation_id)["note"] == "mine"


def test_a_refused_annotation_edit_keeps_the_analysts_note_on_the_clipboard(window, colleague_edits, monkeypatch):
    """A colleague changed the note while the analyst's edit dialog was open: the refusal said so,
    and the words the analyst had typed were gone."""
    from PySide6.QtWidgets import QApplication, QDialog

    annotation_id = _annotate(window)

    class Typed:  # the analyst types a note; meanwhile the colleague saves theirs
        def __init__(self, *args):
            pass

        def exec(self):
            colleague_edits(annotation_id, "the ministry confirmed it")
            return QDialog.DialogCode.Accepted

        def values(self):
            return "my careful reading", ()

    from briefing.ui import annotate

    asked = annotate.edit_annotation_command
    monkeypatch.setattr(annotate, "edit_annotation_command", lambda *args: asked(*args, dialog_factory=Typed))
    window.note_actions.act("edit", annotation_id)
    assert get_annotation(window.ws, annotation_id)["note"] == "the ministry confirmed it"
    said = window.statusBar().currentMessage()
    assert said.startswith(_changed(window, annotation_id))
    assert said.endswith("Your note is on the clipboard.")
    assert QApplication.clipboard().text() == "my careful reading"


def test_deleting_an_annotation_a_colleague_edited_since_it_was_shown_is_refused(window, colleague_edits):
    """The Notes tab showed 'first look'; a colleague wrote 'the ministry confirmed it' over it;
    Delete Annotation deleted their note, unseen and unsaid."""
    annotation_id = _annotate(window)
    window.undo_stack.clear()
    colleague_edits(annotation_id, "the ministry confirmed it")
    window.note_actions.act("delete", annotation_id)
    assert get_annotation(window.ws, annotation_id)["note"] == "the ministry confirmed it"
    assert window.statusBar().currentMessage().startswith(_changed(window, annotation_id))
    assert window.undo_stack.count() == 0
    window.note_actions.act("delete", annotation_id)  # as shown now: it goes
    assert annotation_id not in [n.id for n in list_note_rows(window.ws, list_sources(window.ws)[0].id)]
