"""A colleague deletes a source while this window still shows what it took with it: acting on
one of its claims, quotes, annotations or evidence passages says who deleted which source and
when, nothing is saved, and the window is drawn again without it. On a workspace file (two
connections to it) and on a team workspace."""

import re

import pytest
from PySide6.QtWidgets import QDialog

from briefing.domain import clipped, one_line
from briefing.store import open_workspace
from briefing.store.annotations import add_annotation
from briefing.store.briefings import create_briefing
from briefing.store.claims import get_claim, list_claim_rows
from briefing.store.evidence import add_evidence, list_evidence
from briefing.store.quotes import list_quote_rows
from briefing.store.source_snapshots import delete_source_keeping
from briefing.store.sources import get_source, list_sources
from briefing.store.suggestions import list_suggestions
from tests.ui.dialogs import AcceptedEvidence

BY_BEN = r"was deleted by Ben Adler at \d{4}-\d\d-\d\d \d\d:\d\d UTC"


class _Note(AcceptedEvidence):
    """An annotation's dialog, filled in and accepted."""

    def values(self):
        return "my careful reading", ()


@pytest.fixture
def shown(shared_window, analysed_copy, monkeypatch):
    """The wire's story open at its 40,000 claim, which has evidence from the Standard; the wire
    has a quote, an annotation, and a passage that is evidence for a claim of the Standard; a
    briefing note is open. ``delete(source)`` is Ben deleting a source on his own connection."""
    window = shared_window
    monkeypatch.setenv("BRIEFING_ANALYST", "Ana Okafor")
    rows = {r.outlet: r.id for r in list_sources(window.ws)}
    wire, standard = rows["Meridian Wire"], rows["The Veldran Standard"]
    claim = next(c.id for c in list_claim_rows(window.ws, wire) if "40,000" in c.text)
    other = list_claim_rows(window.ws, standard)[0].id
    text = get_source(window.ws, standard).text
    start = text.index("about 62,000 households")
    add_evidence(window.ws, claim, standard, start, start + len("about 62,000 households"), "supports")
    evidence = add_evidence(window.ws, other, wire, 0, 20, "contradicts")
    annotation = add_annotation(window.ws, wire, 0, 10, "check the figure", ())
    window.briefing_dock.refresh(create_briefing(window.ws, "Outage"))
    window.after_edit()
    window.select_source(wire)
    window.panel.select("claim", claim)

    def delete(source_id: int) -> None:
        monkeypatch.setenv("BRIEFING_ANALYST", "Ben Adler")
        with open_workspace(analysed_copy) as theirs:
            delete_source_keeping(theirs, source_id, "duplicate")
        monkeypatch.setenv("BRIEFING_ANALYST", "Ana Okafor")

    ids = {"claim": claim, "other": other, "evidence": evidence, "annotation": annotation}
    ids["quote"] = list_quote_rows(window.ws, wire)[0].id
    return window, wire, standard, ids, delete


def _said(window) -> str:
    return window.statusBar().currentMessage()


def _source_of(kind: str, item_id: int, title: str) -> str:
    return rf"^the source of the {kind}, “{re.escape(title[:59])}.*”, {BY_BEN}"


def _select_evidence(window, other: int, standard: int) -> None:
    window.select_source(standard)
    window.panel.select("claim", other)
    evidence = window.panel.evidence.evidence
    evidence.setCurrentItem(evidence.topLevelItem(0))


ON_THE_DELETED_SOURCE = {
    "judge": ("claim", lambda w, ids, monkeypatch: w.panel.mark_current("disputed")),
    "not a claim": ("claim", lambda w, ids, monkeypatch: w.claim_actions.not_a_claim(ids["claim"])),
    "edit its words": (
        "claim",
        lambda w, ids, monkeypatch: (
            monkeypatch.setattr(w.claim_actions, "ask_text", lambda *args: "The outage"),
            w.claim_actions.edit_text(ids["claim"]),
        ),
    ),
    "add to the note": ("claim", lambda w, ids, monkeypatch: w.add_to_briefing("claim", ids["claim"])),
    "change the speaker": (
        "quote",
        lambda w, ids, monkeypatch: (
            setattr(w.quote_actions, "choose", lambda *args: "No speaker"),
            w.quote_actions.change_speaker(ids["quote"]),
        ),
    ),
    "not a quote": ("quote", lambda w, ids, monkeypatch: w.quote_actions.not_a_quote(ids["quote"])),
    "quote in the note": ("quote", lambda w, ids, monkeypatch: w.add_to_briefing("quote", ids["quote"])),
    "edit the annotation": (
        "annotation",
        lambda w, ids, monkeypatch: (
            monkeypatch.setattr("briefing.ui.annotate.AnnotationDialog", _Note),
            w.note_actions.act("edit", ids["annotation"]),
        ),
    ),
    "delete the annotation": (
        "annotation",
        lambda w, ids, monkeypatch: w.note_actions.act("delete", ids["annotation"]),
    ),
    "remove its evidence": (
        "claim",
        lambda w, ids, monkeypatch: (
            w.panel.evidence.evidence.setCurrentItem(w.panel.evidence.evidence.topLevelItem(0)),
            w.evidence_flow.remove_evidence(),
        ),
    ),
}


@pytest.mark.parametrize("action", ON_THE_DELETED_SOURCE)
def test_acting_on_what_a_deleted_source_took_names_who_deleted_it(shown, action, monkeypatch):
    """Each said 'claim 12 does not exist' (or 'quote 3 no longer exists', 'annotation 1 does not
    exist'), and some raised it past the window, which went on showing the deleted source."""
    window, wire, _, ids, delete = shown
    title = get_source(window.ws, wire).title
    kind, act = ON_THE_DELETED_SOURCE[action]
    steps, history = window.undo_stack.count(), _history_rows(window)
    delete(wire)
    act(window, ids, monkeypatch)
    said = _source_of(kind, ids[kind], title) + "( after you opened it)?; nothing was saved$"
    assert re.match(said, _said(window)), _said(window)
    assert window.undo_stack.count() == steps
    assert _history_rows(window) == history  # nothing written by this window
    assert window.current_source_id() != wire  # drawn again: the deleted source is not shown
    assert window.reader.shown is None or window.reader.shown.id != wire


def _history_rows(window) -> int:
    return window.ws.db.execute("SELECT count(*) FROM history WHERE actor = 'Ana Okafor'").fetchone()[0]


def test_removing_a_passage_of_a_deleted_source_from_another_claim_names_who(shown):
    """The Standard's claim had the wire's words as evidence: removing them said only 'that
    evidence is no longer there'."""
    window, wire, standard, ids, delete = shown
    _select_evidence(window, ids["other"], standard)
    delete(wire)
    window.evidence_flow.remove_evidence()
    title = get_source(window.ws, standard).title  # still there; the wire is not
    assert re.match(rf"^the source of the evidence, “.+”, {BY_BEN} after you opened it;", _said(window))
    assert list_evidence(window.ws, ids["other"]) == []
    assert window.current_source_id() == standard and title


def test_judging_a_claim_whose_evidence_went_with_a_source_is_refused(shown):
    """The colleague's deletion took the evidence shown with the Standard's claim; a judgement made
    on it was saved as if the evidence were still there."""
    window, wire, standard, ids, delete = shown
    _select_evidence(window, ids["other"], standard)
    delete(wire)
    window.panel.mark_current("corroborated")
    words = clipped(one_line(get_claim(window.ws, ids["other"])["text"]), 60)
    assert _said(window).startswith(f"claim “{words}” was changed by Ben Adler at ")
    assert get_claim(window.ws, ids["other"])["status"] == "unreviewed"
    assert window.panel.evidence.evidence.topLevelItemCount() == 0  # drawn as stored now


def test_attaching_words_of_a_source_deleted_meanwhile_names_who(shown):
    """The analyst pinned a claim and selected words in the Standard; the Standard was deleted
    meanwhile: 'Source 8 does not exist'."""
    window, wire, standard, ids, delete = shown
    window.evidence_flow.dialog_factory = AcceptedEvidence
    window.evidence_flow.pin()
    window.select_source(standard)
    text = get_source(window.ws, standard).text
    start = text.index("households")
    window.reader.scroll_to(start, start + len("households"))
    title = get_source(window.ws, standard).title
    delete(standard)
    window.evidence_flow.attach()
    assert re.match(rf"^source “{re.escape(title[:59])}.*” {BY_BEN}; nothing was saved$", _said(window))
    assert window.current_source_id() != standard


def test_confirming_a_suggestion_from_a_source_deleted_meanwhile_names_who(shown):
    """'Suggestion 293 does not exist'."""
    window, wire, standard, ids, delete = shown
    claim, suggestion = next(
        (c.id, s["id"])
        for c in list_claim_rows(window.ws, standard)
        for s in list_suggestions(window.ws, c.id)
        if s["state"] == "open" and s["source_id"] == wire
    )
    window.select_source(standard)
    window.panel.select("claim", claim)
    listed = window.panel.evidence.suggestions
    row = next(i for i in range(listed.topLevelItemCount()) if _row_id(listed, i) == suggestion)
    listed.setCurrentItem(listed.topLevelItem(row))
    delete(wire)
    window.panel.evidence.confirm.click()
    assert re.match(rf"^source “.+” {BY_BEN} after you opened it; nothing was saved$", _said(window))
    assert list_evidence(window.ws, claim) == []


def _row_id(tree, row: int) -> int:
    from briefing.ui.evidence import RowRole

    return tree.topLevelItem(row).data(0, RowRole)[1]


def test_undoing_a_judgement_after_its_source_went_names_who_and_leaves_the_stack(shown):
    window, wire, _, ids, delete = shown
    title = get_source(window.ws, wire).title
    window.panel.mark_current("disputed")
    steps = window.undo_stack.count()
    delete(wire)
    window.undo_stack.undo()
    assert re.match("^Undo step dropped: " + _source_of("claim", ids["claim"], title)[1:], _said(window))
    assert window.undo_stack.count() == steps - 1


def test_an_annotation_deleted_with_its_source_keeps_the_analysts_words(shown, monkeypatch):
    """The edit is refused; the note typed waits on the clipboard, as for a colleague's edit."""
    from PySide6.QtWidgets import QApplication

    window, wire, _, ids, delete = shown
    monkeypatch.setattr("briefing.ui.annotate.AnnotationDialog", _Note)

    class TypedWhileDeleted(_Note):
        def exec(self):
            delete(wire)
            return QDialog.DialogCode.Accepted

    from briefing.ui import annotate

    asked = annotate.edit_annotation_command
    monkeypatch.setattr(annotate, "edit_annotation_command", lambda *a: asked(*a, dialog_factory=TypedWhileDeleted))
    window.note_actions.act("edit", ids["annotation"])
    said = rf"^the source of the annotation, “.+”, {BY_BEN} after you opened it; nothing was saved"
    assert re.match(said, _said(window)), _said(window)
    assert QApplication.clipboard().text() == "my careful reading"


def _select_words(window, source_id: int, words: str) -> None:
    start = get_source(window.ws, source_id).text.index(words)
    window.reader.scroll_to(start, start + len(words))


def test_annotating_words_of_a_source_deleted_meanwhile_names_who(shown, monkeypatch):
    """Before the dialog the error escaped the window ('source 3 does not exist'); while it was
    open, the note typed was lost with the refusal."""

    window, wire, _, _, delete = shown
    title = get_source(window.ws, wire).title
    _select_words(window, wire, "households")
    delete(wire)
    monkeypatch.setattr("briefing.ui.main_window.annotation_command", _annotate_with(_Note))
    window.annotate()
    assert re.match(rf"^source “{re.escape(title[:59])}.*” {BY_BEN}; nothing was saved$", _said(window))
    assert window.current_source_id() != wire


def test_a_note_typed_while_its_source_was_deleted_waits_on_the_clipboard(shown, monkeypatch):
    from PySide6.QtWidgets import QApplication

    window, wire, _, _, delete = shown
    _select_words(window, wire, "households")

    class TypedWhileDeleted(_Note):
        def exec(self):
            delete(wire)
            return QDialog.DialogCode.Accepted

    monkeypatch.setattr("briefing.ui.main_window.annotation_command", _annotate_with(TypedWhileDeleted))
    window.annotate()
    said = _said(window)
    assert re.match(rf"^source “.+” {BY_BEN}; nothing was saved. Your note is on the clipboard\.$", said), said
    assert QApplication.clipboard().text() == "my careful reading"


def _annotate_with(dialog_factory):
    from briefing.ui import annotate

    return lambda *args: annotate.annotation_command(*args, dialog_factory=dialog_factory)
