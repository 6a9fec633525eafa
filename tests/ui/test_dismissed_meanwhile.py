"""A claim a colleague dismissed as not a claim while this window still listed it: judging it,
re-wording it, dismissing it, attaching or removing its evidence says who dismissed it and when,
nothing is saved, and the list is drawn without it. On a workspace file (two connections to it)
and on a team workspace."""

import re

import pytest

from briefing.store import open_workspace
from briefing.store.briefings import create_briefing, list_briefings
from briefing.store.claims import dismiss_claim, get_claim, list_claim_rows
from briefing.store.evidence import add_evidence
from briefing.store.revisions import item_name
from briefing.store.sources import get_source, list_sources
from tests.ui.dialogs import AcceptedEvidence


def _pin(window, claim_id, standard):
    window.evidence_flow.dialog_factory = AcceptedEvidence
    window.evidence_flow.pin()
    window.select_source(standard)
    start = get_source(window.ws, standard).text.index("households")
    window.reader.scroll_to(start, start + len("households"))


def _pick(tree):
    tree.setCurrentItem(tree.topLevelItem(0))


ACTIONS = {
    "judge": (None, lambda w, claim_id: w.panel.mark_current("disputed")),
    "edit its words": (None, lambda w, claim_id: w.claim_actions.edit_text(claim_id)),
    "not a claim": (None, lambda w, claim_id: w.claim_actions.not_a_claim(claim_id)),
    "attach evidence": (_pin, lambda w, claim_id: w.evidence_flow.attach()),
    "remove evidence": (
        lambda w, claim_id, standard: _pick(w.panel.evidence.evidence),
        lambda w, claim_id: w.evidence_flow.remove_evidence(),
    ),
    "add it to the note": (
        lambda w, claim_id, standard: w.briefing_dock.refresh(create_briefing(w.ws, "Outage")),
        lambda w, claim_id: w.add_to_briefing("claim", claim_id),
    ),
    "confirm a suggestion": (
        lambda w, claim_id, standard: _pick(w.panel.evidence.suggestions),
        lambda w, claim_id: w.panel.evidence.confirm.click(),
    ),
}


@pytest.mark.parametrize("action", ACTIONS)
def test_acting_on_a_claim_a_colleague_dismissed_names_who(shared_window, analysed_copy, monkeypatch, action):
    """Each said 'Claim 1 is dismissed (not a claim); restore it first (briefing claims restore 1)',
    a command's hint, or only that the claim 'was changed'."""
    window = shared_window
    monkeypatch.setenv("BRIEFING_ANALYST", "Ana Okafor")
    rows = {r.outlet: r.id for r in list_sources(window.ws)}
    wire, standard = rows["Meridian Wire"], rows["The Veldran Standard"]
    claim_id = next(c.id for c in list_claim_rows(window.ws, wire) if c.open_suggestions)
    text = get_source(window.ws, standard).text
    start = text.index("about 62,000 households")
    add_evidence(window.ws, claim_id, standard, start, start + len("about 62,000 households"), "supports")
    window.select_source(wire)
    window.panel.select("claim", claim_id)
    before, act = ACTIONS[action]
    if before is not None:
        before(window, claim_id, standard)
    monkeypatch.setattr(window.claim_actions, "ask_text", lambda *args: pytest.fail("words asked for"))
    steps, claim = window.undo_stack.count(), get_claim(window.ws, claim_id)
    monkeypatch.setenv("BRIEFING_ANALYST", "Ben Adler")
    with open_workspace(analysed_copy) as theirs:
        dismiss_claim(theirs, claim_id, "a headline, not a claim")
    monkeypatch.setenv("BRIEFING_ANALYST", "Ana Okafor")
    act(window, claim_id)
    said = window.statusBar().currentMessage()
    by_ben = r"was dismissed as not a claim by Ben Adler at \d{4}-\d\d-\d\d \d\d:\d\d UTC after you opened it"
    named = re.escape(item_name(window.ws, "claim", claim_id))  # by its words, never its id
    assert re.match(rf"^claim “{named}” {by_ben}; nothing was saved", said), said
    after = get_claim(window.ws, claim_id)
    assert (after["status"], after["evidence"], after["text"]) == (claim["status"], claim["evidence"], claim["text"])
    assert window.undo_stack.count() == steps
    assert claim_id not in [c.id for c in list_claim_rows(window.ws, wire)]
    assert window.panel.current_claim() != claim_id  # drawn again without it
    assert all(note.items == 0 for note in list_briefings(window.ws))
