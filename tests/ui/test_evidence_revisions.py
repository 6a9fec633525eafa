"""Evidence over a colleague's newer revision of the claim: adding, removing and undoing an add
are refused with who changed the claim and when, nothing is written, and the panel shows the
claim as stored now. On a workspace file (two connections to it) and on a team workspace."""

import pytest

from briefing.store import open_workspace
from briefing.store.claims import get_claim, list_claim_history, list_claim_rows, mark_claim
from briefing.store.evidence import list_evidence
from briefing.store.revisions import item_name
from briefing.store.sources import get_source, list_sources
from briefing.store.suggestions import list_suggestions
from tests.ui.dialogs import AcceptedEvidence


@pytest.fixture
def window(shared_window):
    return shared_window


@pytest.fixture
def colleague(analysed_copy, monkeypatch):
    """A colleague's change to a claim, on a connection of their own."""

    def mark(claim_id: int, status: str) -> None:
        monkeypatch.setenv("BRIEFING_ANALYST", "Ben Adler")
        with open_workspace(analysed_copy) as theirs:
            mark_claim(theirs, claim_id, status, "checked with the utility")
        monkeypatch.setenv("BRIEFING_ANALYST", "Ana Okafor")

    monkeypatch.setenv("BRIEFING_ANALYST", "Ana Okafor")
    return mark


def _pin_and_select(window):
    """Pin the wire's 40,000 claim and select a passage of another source; the claim's id and
    the evidence passage's source."""
    rows = {r.outlet: r.id for r in list_sources(window.ws)}
    wire, standard = rows["Meridian Wire"], rows["The Veldran Standard"]
    window.select_source(wire)
    claim = next(c for c in list_claim_rows(window.ws, wire) if "40,000" in c.text)
    window.panel.select("claim", claim.id)
    window.evidence_flow.dialog_factory = AcceptedEvidence
    window.evidence_flow.pin()
    window.select_source(standard)
    _select_passage(window, standard)
    return claim.id, standard


def _select_passage(window, source_id: int) -> None:
    text = get_source(window.ws, source_id).text
    start = text.index("about 62,000 households")
    window.reader.scroll_to(start, start + len("about 62,000 households"))


def _refused(window, claim_id: int, prefix: str = "") -> bool:
    named = item_name(window.ws, "claim", claim_id)  # by its words, never its id
    return window.statusBar().currentMessage().startswith(f"{prefix}claim “{named}” was changed by Ben Adler at ")


def _show_claim(window, claim_id: int) -> None:
    window.select_source(get_claim(window.ws, claim_id)["source_id"])
    window.panel.select("claim", claim_id)


def _panel_shows(window, claim_id: int) -> None:
    """The evidence panel draws the claim as stored now."""
    claim = get_claim(window.ws, claim_id)
    panel = window.panel
    assert window.evidence_flow.shown_revision == claim["revision"]
    assert panel.claim_help.text().startswith(claim["status"].capitalize())
    shown = [
        panel.evidence.evidence.topLevelItem(i).text(1) for i in range(panel.evidence.evidence.topLevelItemCount())
    ]
    assert shown == [e["passage"] for e in list_evidence(window.ws, claim_id)]


def test_attaching_evidence_to_a_claim_a_colleague_changed_is_refused(window, colleague):
    claim_id, standard = _pin_and_select(window)
    steps = window.undo_stack.count()
    colleague(claim_id, "disputed")  # after the pinned bar showed the claim
    window.evidence_flow.attach()
    assert _refused(window, claim_id)
    assert list_evidence(window.ws, claim_id) == []
    assert window.undo_stack.count() == steps
    assert window.evidence_flow.pinned_revision == get_claim(window.ws, claim_id)["revision"]  # redrawn
    _select_passage(window, standard)  # the reader was drawn again
    window.evidence_flow.attach()  # from what is shown now: it goes through
    assert [e["passage"] for e in list_evidence(window.ws, claim_id)] == ["about 62,000 households"]
    _show_claim(window, claim_id)
    _panel_shows(window, claim_id)


def test_removing_evidence_from_a_claim_a_colleague_changed_is_refused(window, colleague):
    claim_id, _ = _pin_and_select(window)
    window.evidence_flow.attach()
    _show_claim(window, claim_id)
    evidence = window.panel.evidence
    assert evidence.evidence.topLevelItemCount() == 1
    steps = window.undo_stack.count()
    colleague(claim_id, "corroborated")  # after the panel showed the claim and its evidence
    evidence.evidence.setCurrentItem(evidence.evidence.topLevelItem(0))
    evidence.remove.click()
    assert _refused(window, claim_id)
    assert len(list_evidence(window.ws, claim_id)) == 1
    assert window.undo_stack.count() == steps
    _panel_shows(window, claim_id)  # "Corroborated · …": the colleague's judgement
    evidence.evidence.setCurrentItem(evidence.evidence.topLevelItem(0))
    evidence.remove.click()
    assert list_evidence(window.ws, claim_id) == []
    _panel_shows(window, claim_id)


def test_undoing_an_attach_after_a_colleague_changed_the_claim_is_refused(window, colleague):
    claim_id, _ = _pin_and_select(window)
    window.evidence_flow.attach()
    _show_claim(window, claim_id)
    window.undo_stack.undo()  # nobody changed it in between: the undo goes through
    assert list_evidence(window.ws, claim_id) == []
    window.undo_stack.redo()
    assert len(list_evidence(window.ws, claim_id)) == 1
    colleague(claim_id, "disputed")
    steps = window.undo_stack.count()
    window.undo_stack.undo()
    assert _refused(window, claim_id, "Undo step dropped: ")
    assert len(list_evidence(window.ws, claim_id)) == 1
    assert window.undo_stack.count() == steps - 1  # the step left the stack: it cannot be undone as it was
    _panel_shows(window, claim_id)
    assert get_claim(window.ws, claim_id)["status"] == "disputed"


def test_confirming_a_suggestion_of_a_claim_a_colleague_changed_is_refused(window, colleague):
    claim_id = next(
        c.id for s in list_sources(window.ws) for c in list_claim_rows(window.ws, s.id) if c.open_suggestions
    )
    _show_claim(window, claim_id)
    suggestions = window.panel.evidence.suggestions
    colleague(claim_id, "disputed")
    suggestions.setCurrentItem(suggestions.topLevelItem(0))
    window.panel.evidence.confirm.click()
    assert _refused(window, claim_id)
    assert list_evidence(window.ws, claim_id) == []
    assert all(s["state"] == "open" for s in list_suggestions(window.ws, claim_id))
    _panel_shows(window, claim_id)


@pytest.fixture
def colleague_removes(analysed_copy, monkeypatch):
    """A colleague removes a claim's evidence of a passage, on a connection of their own."""
    from briefing.store.evidence import delete_evidence

    def remove(claim_id: int) -> None:
        monkeypatch.setenv("BRIEFING_ANALYST", "Ben Adler")
        with open_workspace(analysed_copy) as theirs:
            [evidence] = list_evidence(theirs, claim_id)
            delete_evidence(theirs, evidence["id"], reason="wrong passage")
        monkeypatch.setenv("BRIEFING_ANALYST", "Ana Okafor")

    monkeypatch.setenv("BRIEFING_ANALYST", "Ana Okafor")
    return remove


def _already_removed(window, prefix: str = "") -> bool:
    said = window.statusBar().currentMessage()
    removed = f"{prefix}the evidence passage “about 62,000 households” was already removed by Ben Adler at "
    return said.startswith(removed) and said.endswith("; nothing was saved")


def _shown_with_evidence(window) -> int:
    """The wire's 40,000 claim shown with one piece of evidence the analyst attached; its id."""
    claim_id, _ = _pin_and_select(window)
    window.evidence_flow.attach()
    _show_claim(window, claim_id)
    evidence = window.panel.evidence.evidence
    assert evidence.topLevelItemCount() == 1
    evidence.setCurrentItem(evidence.topLevelItem(0))
    return claim_id


def test_removing_evidence_a_colleague_removed_says_so_and_changes_nothing(window, colleague_removes):
    claim_id = _shown_with_evidence(window)
    steps = window.undo_stack.count()
    colleague_removes(claim_id)  # after the panel showed it
    history, revision = list_claim_history(window.ws, claim_id), get_claim(window.ws, claim_id)["revision"]
    window.panel.evidence.remove.click()
    assert _already_removed(window), window.statusBar().currentMessage()
    assert (list_claim_history(window.ws, claim_id), get_claim(window.ws, claim_id)["revision"]) == (history, revision)
    assert window.undo_stack.count() == steps  # no step for nothing done
    _panel_shows(window, claim_id)
    window.undo_stack.undo()  # the attach: its evidence is gone, the step is dropped, saying why
    assert _already_removed(window, "Undo step dropped: "), window.statusBar().currentMessage()
    assert window.undo_stack.count() == steps - 1
    assert list_claim_history(window.ws, claim_id) == history
    _panel_shows(window, claim_id)


@pytest.mark.parametrize("change", ["relation", "note"])
def test_changing_evidence_a_colleague_removed_says_so_and_changes_nothing(window, colleague_removes, change):
    claim_id = _shown_with_evidence(window)
    [evidence] = list_evidence(window.ws, claim_id)
    menu, steps = window.evidence_flow.menu, window.undo_stack.count()

    class Dialog(AcceptedEvidence):
        def exec(self):
            colleague_removes(claim_id)  # while the analyst typed the note
            return super().exec()

        def values(self):
            return "same figure, second outlet"

    menu.note_dialog = Dialog
    if change == "relation":
        colleague_removes(claim_id)
        menu.change_relation(evidence["id"], "contradicts")
    else:
        menu.edit_note(evidence["id"])
    said = window.statusBar().currentMessage()
    assert said.startswith("the evidence passage “about 62,000 households” was already removed by Ben Adler at "), said
    assert "nothing was saved" in said
    last = list_claim_history(window.ws, claim_id)[-1]
    assert (last.action, last.actor) == ("remove_evidence", "Ben Adler")  # theirs, nothing after it
    assert list_evidence(window.ws, claim_id) == []
    assert window.undo_stack.count() == steps
    _panel_shows(window, claim_id)


def test_undoing_an_attach_after_undoing_its_removal_unlinks_the_passage(window):
    claim_id = _shown_with_evidence(window)
    window.panel.evidence.remove.click()
    window.undo_stack.undo()  # the removal: linked again, under another id
    assert len(list_evidence(window.ws, claim_id)) == 1
    window.undo_stack.undo()  # the attach
    assert list_evidence(window.ws, claim_id) == [], window.statusBar().currentMessage()
    assert window.undo_stack.index() == 0
    window.undo_stack.redo()
    window.undo_stack.redo()
    assert list_evidence(window.ws, claim_id) == []
    _panel_shows(window, claim_id)
