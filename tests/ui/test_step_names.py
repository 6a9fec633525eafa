"""Edit ▸ Undo and Redo and the status bar name a step by its item's words, never its id: the
claim's first words, the source's title, the entity's name, shortened, one line, as text."""

import re

from briefing.domain import clipped, one_line
from briefing.store.claims import list_claims
from briefing.store.entities import list_entities
from briefing.store.evidence import list_evidence
from briefing.store.sources import list_sources
from briefing.ui.commands import rename_entity_command
from briefing.ui.evidence_commands import AttachEvidence, RemoveEvidence
from briefing.ui.step_names import MENU_WORDS, STATUS_WORDS, quoted


def _undo_item(window, prefix):
    """Edit ▸ Undo or Redo as the menu shows it."""
    edit = next(a.menu() for a in window.menuBar().actions() if a.text() == "&Edit")
    return next(a for a in edit.actions() if a.text().startswith(prefix))


def _body_claim(window):
    ws = window.ws
    return next(c for r in list_sources(ws) for c in list_claims(ws, r.id) if c["part"] == "text")


def test_undo_and_redo_name_the_claim_by_its_words_not_its_id(demo_window):
    """The status bar said "Undone: Mark claim disputed (claim 2878, …)"; the menu named no claim."""
    claim = _body_claim(demo_window)
    demo_window.select_source(claim["source_id"])
    demo_window.panel.select("claim", claim["id"])
    demo_window.panel.mark_current("disputed")
    words = one_line(claim["text"])
    menu_words = clipped(words, MENU_WORDS).replace("&", "&&")
    assert _undo_item(demo_window, "&Undo").text() == f"&Undo Mark claim “{menu_words}” disputed"
    demo_window.undo_stack.undo()
    said = demo_window.statusBar().currentMessage()
    assert said == f"Undone: Mark claim “{clipped(words, STATUS_WORDS)}” disputed."
    assert not re.search(r"\d", said.replace(clipped(words, STATUS_WORDS), ""))  # no id beside the words
    assert _undo_item(demo_window, "&Redo").text() == f"&Redo Mark claim “{menu_words}” disputed"


def test_evidence_steps_name_the_claim(demo_window):
    claim = _body_claim(demo_window)
    other = next(r.id for r in list_sources(demo_window.ws) if r.id != claim["source_id"])
    demo_window.select_source(claim["source_id"])
    attach = AttachEvidence(demo_window.ws, claim["id"], (other, 0, 20), "supports", None, demo_window.after_edit)
    assert demo_window.push_command(lambda: attach)
    words = clipped(one_line(claim["text"]), STATUS_WORDS)
    demo_window.undo_stack.undo()
    assert demo_window.statusBar().currentMessage() == f"Undone: Attach supports evidence to claim “{words}”."
    demo_window.undo_stack.redo()
    evidence = {"id": attach.evidence_id, "source_id": other, "start": 0, "end": 20, "relation": "supports"}
    assert demo_window.push_command(
        lambda: RemoveEvidence(demo_window.ws, {**evidence, "note": None}, claim["id"], demo_window.after_edit)
    )
    demo_window.undo_stack.undo()
    assert demo_window.statusBar().currentMessage() == f"Undone: Remove evidence from claim “{words}”."


def test_a_received_name_stays_text_in_the_menu_and_the_status_bar(demo_window):
    """An entity named with "&", markup, a right-to-left override and many words: the menu read
    "&" as an Alt-letter; the names are one line, without bidi controls, cut with an ellipsis."""
    entity = next(e for e in list_entities(demo_window.ws) if e["type"] == "person")
    name = "R&D <b>Lab</b>\u202e of the\nmany " + "words " * 20
    assert demo_window.push_command(
        lambda: rename_entity_command(demo_window.ws, entity["id"], name, entity["name"], None, demo_window.after_edit)
    )
    shown = quoted(name, MENU_WORDS)
    assert "\u202e" not in shown and "\n" not in shown and shown.endswith("…”")
    undo = _undo_item(demo_window, "&Undo").text()
    assert undo == f"&Undo Rename {quoted(entity['name'], MENU_WORDS)} to {shown.replace('&', '&&')}"
    demo_window.undo_stack.undo()
    assert demo_window.statusBar().currentMessage() == (
        f"Undone: Rename {quoted(entity['name'], STATUS_WORDS)} to {quoted(name, STATUS_WORDS)}."
    )
    assert "R&D <b>Lab</b>" in demo_window.statusBar().currentMessage()  # as typed: the status bar draws text


def test_undo_of_an_attach_after_undoing_its_removal_unlinks_the_passage(demo_window):
    """Attach, Remove Evidence, Undo, Undo: the second undo said "Undo step dropped: evidence 1
    does not exist" (the first undo linked the passage again under another id) and kept it."""
    claim = _body_claim(demo_window)
    other = next(r.id for r in list_sources(demo_window.ws) if r.id != claim["source_id"])
    demo_window.select_source(claim["source_id"])
    attach = AttachEvidence(demo_window.ws, claim["id"], (other, 0, 20), "supports", None, demo_window.after_edit)
    assert demo_window.push_command(lambda: attach)
    evidence = {"id": attach.evidence_id, "source_id": other, "start": 0, "end": 20, "relation": "supports"}
    assert demo_window.push_command(
        lambda: RemoveEvidence(demo_window.ws, {**evidence, "note": None}, claim["id"], demo_window.after_edit)
    )
    demo_window.undo_stack.undo()
    demo_window.undo_stack.undo()
    words = clipped(one_line(claim["text"]), STATUS_WORDS)
    assert demo_window.statusBar().currentMessage() == f"Undone: Attach supports evidence to claim “{words}”."
    assert list_evidence(demo_window.ws, claim["id"]) == []
    demo_window.undo_stack.redo()
    assert [(e["source_id"], e["start"], e["end"]) for e in list_evidence(demo_window.ws, claim["id"])] == [
        (other, 0, 20)
    ]
