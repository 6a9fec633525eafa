"""Evidence from the window: confirming and dismissing suggestions, attaching a selection."""

import pytest
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog

from briefing.nlp.related import LEXICAL_WEIGHT
from briefing.store.claims import list_claim_rows, list_claims_with_evidence
from briefing.store.sources import get_source, list_sources
from briefing.store.suggestions import list_suggestions
from briefing.ui.evidence import NONE_FOUND, RowRole
from briefing.ui.panels import ItemRole


def _open_claim_with_suggestions(window):
    for row in list_sources(window.ws):
        for claim in list_claim_rows(window.ws, row.id):
            if claim.open_suggestions:
                window.select_source(row.id)
                window.panel.select("claim", claim.id)
                return claim.id
    raise AssertionError("the demo has no claim with suggestions")


def _claim(window, claim_id):
    return next(c for c in list_claims_with_evidence(window.ws) if c["id"] == claim_id)


def test_confirming_a_suggestion_makes_evidence_and_undo_reopens_it(demo_window):
    claim_id = _open_claim_with_suggestions(demo_window)
    panel = demo_window.panel.evidence
    assert panel.suggestions.topLevelItemCount() > 0
    panel.suggestions.setCurrentItem(panel.suggestions.topLevelItem(0))
    relation = panel.suggestions.topLevelItem(0).text(0)
    panel.confirm.click()
    assert len(_claim(demo_window, claim_id)["evidence"]) == 1
    # the status bar says what the click did, as Attach as: Supports does (it said nothing)
    said = demo_window.statusBar().currentMessage()
    assert said.startswith("Attached as ") and "evidence to claim “" in said
    # "related" evidence counts on neither side: it gives no credibility grade
    assert _claim(demo_window, claim_id)["credibility"] == {"supports": 2, "contradicts": 4, "related": None}[relation]
    assert panel.evidence.topLevelItemCount() == 1
    panel.evidence.setCurrentItem(panel.evidence.topLevelItem(0))
    panel.remove.click()
    assert _claim(demo_window, claim_id)["evidence"] == []
    said = demo_window.statusBar().currentMessage()
    assert said.startswith("Removed the evidence from “") and said.endswith("Undo (Ctrl+Z) puts it back.")
    demo_window.undo_stack.undo()  # the removal
    assert len(_claim(demo_window, claim_id)["evidence"]) == 1
    demo_window.undo_stack.undo()  # the confirmation
    assert _claim(demo_window, claim_id)["evidence"] == []
    assert all(s["state"] == "open" for s in list_suggestions(demo_window.ws, claim_id))


def test_removing_evidence_of_a_confirmed_suggestion_suggests_it_again_and_undo_is_exact(demo_window):
    claim_id = _open_claim_with_suggestions(demo_window)
    panel, ws = demo_window.panel.evidence, demo_window.ws
    panel.suggestions.setCurrentItem(panel.suggestions.topLevelItem(0))
    suggestion_id = panel.suggestions.topLevelItem(0).data(0, RowRole)[1]
    panel.confirm.click()

    def states():
        evidence = [(e["source_id"], e["start"], e["end"]) for e in _claim(demo_window, claim_id)["evidence"]]
        return evidence, {s["id"]: s["state"] for s in list_suggestions(ws, claim_id)}[suggestion_id]

    confirmed = states()
    panel.evidence.setCurrentItem(panel.evidence.topLevelItem(0))
    panel.remove.click()
    assert states() == ([], "open")  # suggested again, at the same passage
    listed = panel.suggestions
    shown = [listed.topLevelItem(i).data(0, RowRole)[1] for i in range(listed.topLevelItemCount())]
    assert suggestion_id in shown
    assert "none left" not in panel.suggestions_label.text()
    demo_window.undo_stack.undo()  # the removal: linked and confirmed again
    assert states() == confirmed
    demo_window.undo_stack.undo()  # the confirmation
    assert states() == ([], "open")
    demo_window.undo_stack.redo()
    demo_window.undo_stack.redo()
    assert states() == ([], "open")
    demo_window.undo_stack.undo()
    assert states() == confirmed


def test_removing_evidence_attached_with_another_relation_suggests_it_again_and_undo_is_exact(demo_window):
    from briefing.store.history import history_for

    claim_id = _open_claim_with_suggestions(demo_window)
    panel, ws = demo_window.panel.evidence, demo_window.ws
    panel.suggestions.itemClicked.emit(panel.suggestions.topLevelItem(0), 1)
    suggestion = panel.previewed
    other = next(r for r in ("supports", "contradicts", "related") if r != suggestion["relation"])
    panel.preview.attach_buttons[other].click()  # closed: "attached as … evidence; suggested as …"

    def states():
        evidence = [(e["relation"], e["start"], e["end"]) for e in _claim(demo_window, claim_id)["evidence"]]
        return evidence, {s["id"]: s["state"] for s in list_suggestions(ws, claim_id)}[suggestion["id"]]

    def closing_reasons():
        return [j.reason for j in history_for(ws, "suggestion", suggestion["id"]) if j.action == "dismiss"]

    attached = states()
    assert attached == ([(other, suggestion["start"], suggestion["end"])], "dismissed")
    panel.evidence.setCurrentItem(panel.evidence.topLevelItem(0))
    panel.remove.click()
    assert states() == ([], "open")  # suggested again, as it was suggested
    listed = panel.suggestions
    shown = [listed.topLevelItem(i).data(0, RowRole) for i in range(listed.topLevelItemCount())]
    assert ("suggestion", suggestion["id"]) in [tuple(row[:2]) for row in shown]
    assert (
        listed.topLevelItem([tuple(r[:2]) for r in shown].index(("suggestion", suggestion["id"]))).text(0)
        == (suggestion["relation"])
    )
    demo_window.undo_stack.undo()  # the removal: linked with the analyst's relation and closed again
    assert states() == attached
    assert closing_reasons()[-1] == f"attached as {other} evidence; suggested as {suggestion['relation']}"
    demo_window.undo_stack.redo()
    assert states() == ([], "open")
    demo_window.undo_stack.undo()
    demo_window.undo_stack.undo()  # the attach, linked again by the undo under another id
    assert states() == ([], "open"), demo_window.statusBar().currentMessage()
    assert [j.new_value for j in history_for(ws, "suggestion", suggestion["id"])][-1] == "open"
    demo_window.undo_stack.redo()
    demo_window.undo_stack.redo()
    assert states() == ([], "open")


def test_dismissing_hides_a_suggestion(demo_window):
    claim_id = _open_claim_with_suggestions(demo_window)
    panel = demo_window.panel.evidence
    before = panel.suggestions.topLevelItemCount()
    panel.suggestions.setCurrentItem(panel.suggestions.topLevelItem(0))
    title = panel.suggestions.topLevelItem(0).text(2)
    panel.dismiss.click()
    assert panel.suggestions.topLevelItemCount() == before - 1
    said = demo_window.statusBar().currentMessage()
    assert said.startswith(f"Dismissed the passage suggested from “{title[:20]}") and "Undo (Ctrl+Z)" in said
    assert [s["state"] for s in list_suggestions(demo_window.ws, claim_id)].count("dismissed") == 1


class _Contradicts:
    def __init__(self, parent, claim, passage, relation="supports"):
        self.passage = passage

    def exec(self):
        return QDialog.DialogCode.Accepted

    def values(self):
        return "contradicts", "internal report gives 62,000"


# a drag from inside 'about' to inside 'households' attaches the whole words, as a quote or a
# claim made from a selection is, not 'out 62,000 househo'
@pytest.mark.parametrize("inside", [(0, 0), (2, 3)], ids=["whole words", "from inside words"])
def test_attaching_a_selected_passage_of_another_source(demo_window, inside):
    rows = {r.outlet: r.id for r in list_sources(demo_window.ws)}
    wire, standard = rows["Meridian Wire"], rows["The Veldran Standard"]
    demo_window.select_source(wire)
    claim = next(c for c in list_claim_rows(demo_window.ws, wire) if "40,000" in c.text)
    demo_window.panel.select("claim", claim.id)
    flow = demo_window.evidence_flow
    flow.dialog_factory = _Contradicts
    flow.pin()
    demo_window.select_source(standard)
    text = get_source(demo_window.ws, standard).text
    start = text.index("about 62,000 households")
    demo_window.reader.scroll_to(start + inside[0], start + len("about 62,000 households") - inside[1])
    flow.attach()
    [evidence] = _claim(demo_window, claim.id)["evidence"]
    assert (evidence["relation"], evidence["passage"]) == ("contradicts", "about 62,000 households")
    assert _claim(demo_window, claim.id)["credibility"] == 4
    demo_window.undo_stack.undo()
    assert _claim(demo_window, claim.id)["evidence"] == []


def test_going_to_the_pinned_claim_opens_it_ready_to_judge_and_back_returns(demo_window):
    # after gathering evidence in other sources, the analyst comes back to the pinned claim to judge it
    rows = {r.outlet: r.id for r in list_sources(demo_window.ws)}
    wire, standard = rows["Meridian Wire"], rows["The Veldran Standard"]
    demo_window.select_source(wire)
    claim = next(c for c in list_claim_rows(demo_window.ws, wire) if "40,000" in c.text)
    demo_window.panel.select("claim", claim.id)
    flow = demo_window.evidence_flow
    flow.pin()
    demo_window.select_source(standard)
    demo_window.panel.setCurrentIndex(0)  # the Summary tab, as reading the other source left it
    menu_action = next(a for a in demo_window.findChildren(QAction) if a.text() == "&Go to Pinned Claim")
    assert menu_action.shortcut() == QKeySequence("Ctrl+Alt+G")
    flow.pinned_bar.go.click()
    assert demo_window.reader.shown.id == wire
    assert demo_window.panel.current_claim() == claim.id
    assert demo_window.panel.currentIndex() == 3  # the Claims tab, its list holding the focus
    demo_window.panel.mark_current("disputed")
    assert _claim(demo_window, claim.id)["status"] == "disputed"
    demo_window.navigation.back()
    assert demo_window.reader.shown.id == standard


def test_going_to_the_pinned_claim_with_none_pinned_says_how_to_pin(demo_window):
    demo_window.evidence_flow.go_to_pinned()
    assert "Pin Claim for Evidence" in demo_window.statusBar().currentMessage()


def test_the_claim_history_lists_marks_and_evidence_with_reasons(demo_window):
    claim_id = _open_claim_with_suggestions(demo_window)
    panel = demo_window.panel
    panel.reason.setText("the HWA report gives another time")
    panel.mark_current("disputed")
    panel.evidence.suggestions.setCurrentItem(panel.evidence.suggestions.topLevelItem(0))
    panel.evidence.confirm.click()
    history = panel.evidence.history
    rows = [[history.topLevelItem(i).text(c) for c in range(4)] for i in range(history.topLevelItemCount())]
    assert rows[0][2] == "Status unreviewed → disputed" and rows[0][3] == "the HWA report gives another time"
    assert rows[1][2].startswith("Evidence added (") and rows[2][2] == "Suggested passage confirmed as evidence"
    assert all(r[0][:4].isdigit() and r[1] for r in rows)  # when and who on every row
    # a reason or a name cut short in its narrow column can still be read whole
    assert history.topLevelItem(0).toolTip(3) == "the HWA report gives another time"
    assert history.topLevelItem(0).toolTip(1) == rows[0][1]
    demo_window.undo_stack.undo()  # the confirmation: the history keeps it and adds the undo
    assert history.topLevelItemCount() > len(rows)
    assert claim_id == panel.current_claim()


def test_a_claim_with_no_suggestion_says_none_was_found(demo_window):
    panel = demo_window.panel.evidence
    claim_id = _open_claim_with_suggestions(demo_window)
    assert "none found" not in panel.suggestions_label.text()
    for _ in list_suggestions(demo_window.ws, claim_id):
        panel.suggestions.setCurrentItem(panel.suggestions.topLevelItem(0))
        panel.dismiss.click()
    assert panel.suggestions.topLevelItemCount() == 0
    # it said 'none found, no other source shares enough of this claim's words' of passages just dismissed
    assert "none left, each one was confirmed or dismissed" in panel.suggestions_label.text()
    demo_window.undo_stack.undo()  # one suggestion is open again
    assert panel.suggestions.topLevelItemCount() == 1
    assert "none found" not in panel.suggestions_label.text()


def test_a_claim_shown_while_the_worker_ran_says_none_was_found_once_it_is_done(demo_window, monkeypatch):
    """The note waited for the worker, and a task that changed nothing never drew the claim again:
    the empty list never said whether passages were still being looked for."""
    panel = demo_window.panel.evidence
    claim_id = _open_claim_with_suggestions(demo_window)
    demo_window.ws.db.execute("DELETE FROM claim_suggestions WHERE claim_id = ?", [claim_id])
    monkeypatch.setattr(demo_window.runner, "busy", lambda: True)  # a re-ranking queued meanwhile
    demo_window.evidence_flow.refresh()
    assert panel.suggestions.topLevelItemCount() == 0 and "none found" not in panel.suggestions_label.text()
    monkeypatch.setattr(demo_window.runner, "busy", lambda: False)
    demo_window.runner.idle.emit()
    assert panel.suggestions_label.text() == NONE_FOUND


def _suggestion(ranking: str, score: float) -> dict:
    return {
        "id": 1,
        "source_id": 2,
        "start": 0,
        "end": 5,
        "passage": "Pumps restarted at dawn.",
        "title": "Wire",
        "relation": "related",
        "state": "open",
        "score": score,
        "ranking": ranking,
        "origin": 1,
    }


def test_evidence_of_two_paragraphs_is_one_line_as_a_suggestion_is(qtbot):
    """A passage widened over two paragraphs took three lines in the evidence list, its source's
    title wrapped beside it, and pushed the next piece of evidence out of sight."""
    from briefing.ui.evidence import EvidencePanel

    panel = EvidencePanel()
    qtbot.addWidget(panel)
    passage = "Pumps restarted at dawn.\n\n“Water is safe,” the authority said."
    evidence = {**_suggestion("words", 1.0), "passage": passage, "note": None}
    panel.show_claim([evidence], [{**evidence, "id": 2}])
    shown = panel.evidence.topLevelItem(0).text(1)
    assert shown == "Pumps restarted at dawn. “Water is safe,” the authority said."
    assert shown == panel.suggestions.topLevelItem(0).text(1)
    assert passage in panel.evidence.topLevelItem(0).toolTip(1)  # whole, as written, on hover


def test_the_score_of_a_suggestion_says_how_it_was_ranked(qtbot):
    from briefing.ui.evidence import EvidencePanel

    panel = EvidencePanel()
    qtbot.addWidget(panel)
    panel.show_claim([], [_suggestion("words", 1.0)])
    panel.note_none_found(False)
    row = panel.suggestions.topLevelItem(0)
    assert (row.text(4), panel.suggestions_label.text().endswith("· by words")) == ("1.00", True)
    assert "share of the best suggestion's" in row.toolTip(4)
    panel.show_claim([], [_suggestion("meaning", 0.6312)])  # opened: re-ranked by meaning in the worker
    panel.note_none_found(False)
    row = panel.suggestions.topLevelItem(0)
    assert (row.text(4), panel.suggestions_label.text().endswith("· by meaning")) == ("0.63", True)
    assert "similarity of meaning" in row.toolTip(4)
    panel.set_ranking_note("the embedding model is not installed")  # the title says words; no second note
    panel.show_claim([], [_suggestion("words", 1.0)])
    assert panel.suggestions_label.text() == "Suggestions · by words only"
    assert "re-ranking by meaning is off: the embedding model is not installed" in panel.suggestions_label.toolTip()


def test_opening_a_claim_re_ranks_its_suggestions_by_meaning(demo_window, monkeypatch):
    import numpy as np

    from briefing.nlp import embeddings

    monkeypatch.setattr(embeddings, "available", lambda: True)
    monkeypatch.setattr(embeddings, "embed", lambda texts: np.ones((len(texts), 2), dtype=np.float32) / np.sqrt(2))
    ws = demo_window.ws
    source_id, claim = next(
        (row.id, c) for row in list_sources(ws) for c in list_claim_rows(ws, row.id) if c.open_suggestions
    )
    before = [(s["source_id"], s["score"], s["ranking"]) for s in list_suggestions(ws, claim.id)]
    assert {r for _, _, r in before} == {"words"} and before[0][1] == 1.0
    demo_window.select_source(source_id)
    demo_window.panel.select("claim", claim.id)  # the test runner's worker runs at once
    after = [(s["source_id"], s["score"], s["ranking"]) for s in list_suggestions(ws, claim.id)]
    # every passage equally close in meaning: the word score's share plus the rest of a cosine of 1
    assert [(source, ranking) for source, _, ranking in after] == [(source, "meaning") for source, _, _ in before]
    expected = [LEXICAL_WEIGHT * score + (1 - LEXICAL_WEIGHT) for _, score, _ in before]
    assert [score for _, score, _ in after] == pytest.approx(expected, abs=2e-4)
    panel = demo_window.panel.evidence
    shown = [panel.suggestions.topLevelItem(i).text(4) for i in range(panel.suggestions.topLevelItemCount())]
    assert shown == [f"{score:.2f}" for _, score, _ in after]
    assert panel.suggestions_label.text().endswith("· by meaning")


def test_the_claims_list_counts_what_the_re_ranking_left(demo_window, monkeypatch):
    import numpy as np

    from briefing.nlp import embeddings

    ws = demo_window.ws
    source_id, claim = next(
        (row.id, c)
        for row in list_sources(ws)
        for c in list_claim_rows(ws, row.id)
        if c.open_suggestions > 1 and c.part == "text"
    )

    def embed(texts):  # the claim comes first; only the first passage shares its meaning
        vectors = np.zeros((len(texts), 2), dtype=np.float32)
        vectors[:, 1] = 1.0
        vectors[0], vectors[1] = (1.0, 0.0), (1.0, 0.0)
        return vectors

    monkeypatch.setattr(embeddings, "available", lambda: True)
    monkeypatch.setattr(embeddings, "embed", embed)
    demo_window.select_source(source_id)
    claims = demo_window.panel.claims
    claims.setCurrentItem(
        next(
            claims.topLevelItem(i)
            for i in range(claims.topLevelItemCount())
            if claims.topLevelItem(i).data(0, RowRole)[1] == claim.id
        )
    )  # as a click does
    # the test runner's worker has re-ranked it at once
    left = next(c for c in list_claim_rows(ws, source_id) if c.id == claim.id).open_suggestions
    assert left < claim.open_suggestions
    row = claims.currentItem()
    assert (row.data(0, ItemRole)[1], row.text(2)) == (claim.id, f"{left} suggested")
    assert demo_window.reader.selected_range() == (claim.start, claim.end)  # still selected in the reader


@pytest.fixture
def meaning_far(monkeypatch):
    """Sentence embeddings by which no passage is close in meaning to the claim (which comes first)."""
    import numpy as np

    from briefing.nlp import embeddings

    def embed(texts):
        vectors = np.zeros((len(texts), 2), dtype=np.float32)
        vectors[:, 1] = 1.0
        vectors[0] = (1.0, 0.0)
        return vectors

    monkeypatch.setattr(embeddings, "available", lambda: True)
    monkeypatch.setattr(embeddings, "embed", embed)


def test_opening_a_source_re_ranks_every_claim_it_lists(demo_window, meaning_far):
    ws = demo_window.ws
    shown = demo_window.current_source_id()
    source_id = next(
        row.id
        for row in list_sources(ws)
        if row.id != shown and sum(c.open_suggestions > 0 for c in list_claim_rows(ws, row.id)) > 1
    )
    other = next(
        row.id
        for row in list_sources(ws)
        if row.id not in (shown, source_id) and any(c.open_suggestions for c in list_claim_rows(ws, row.id))
    )
    other_before = {c.id: c.open_suggestions for c in list_claim_rows(ws, other)}

    demo_window.select_source(source_id)  # no claim opened; the test runner's worker runs at once
    assert [c.open_suggestions for c in list_claim_rows(ws, source_id)] == [0] * len(list_claim_rows(ws, source_id))
    claims = demo_window.panel.claims
    listed = [claims.topLevelItem(i).text(2) for i in range(claims.topLevelItemCount())]
    assert listed and not any(text.endswith("suggested") for text in listed)
    assert {c.id: c.open_suggestions for c in list_claim_rows(ws, other)} == other_before  # not opened


def test_a_re_ranking_redraws_the_claims_not_the_rest_of_the_window(demo_window, monkeypatch, meaning_far):
    """Opening a source re-ranks its claims' suggestions in the worker; what that changes is the
    claims list and the open claim's suggestions. The entity page, the timeline, the note, the
    search results and the source list are not read again (each is a query and a redraw on the
    GUI thread, a visible stall on a large workspace every time a source is opened)."""
    ws = demo_window.ws
    shown = demo_window.current_source_id()
    source_id = next(
        row.id
        for row in list_sources(ws)
        if row.id != shown and any(c.open_suggestions for c in list_claim_rows(ws, row.id))
    )

    redrawn = []
    for name, owner in (
        ("timeline", demo_window.timeline.redraw_if_shown),
        ("entity page", demo_window.entity_actions.refresh_page),
        ("search", demo_window.search_dock.refresh_after_edit),
        ("notes", demo_window.notes_dock.refresh_if_shown),
        ("source list", demo_window.model.refresh_rows),
    ):
        monkeypatch.setattr(owner.__self__, owner.__name__, lambda *_, n=name: redrawn.append(n))
    demo_window.select_source(source_id)  # the test runner's worker re-ranks at once
    assert not any(c.open_suggestions for c in list_claim_rows(ws, source_id))  # re-ranked: none left
    claims = demo_window.panel.claims
    listed = [claims.topLevelItem(i).text(2) for i in range(claims.topLevelItemCount())]
    assert listed and not any(text.endswith("suggested") for text in listed)  # the list shows it
    assert redrawn == []


def test_a_re_ranking_leaves_the_text_in_the_reader_as_it_is(demo_window, monkeypatch):
    """The reader marks no suggestion: a re-ranking draws the claims list again, not the source
    (a long article's text and its hundreds of marks took a third of a second to lay out)."""
    import numpy as np

    from briefing.nlp import embeddings

    ws = demo_window.ws
    shown = demo_window.current_source_id()
    source_id = next(
        row.id
        for row in list_sources(ws)
        if row.id != shown and any(c.open_suggestions for c in list_claim_rows(ws, row.id))
    )
    monkeypatch.setattr(embeddings, "available", lambda: True)
    monkeypatch.setattr(embeddings, "embed", lambda texts: np.ones((len(texts), 2), dtype=np.float32) / np.sqrt(2))
    drawn = []
    show_source = demo_window.reader.show_source
    monkeypatch.setattr(demo_window.reader, "show_source", lambda *a, **k: (drawn.append(a), show_source(*a, **k)))
    demo_window.select_source(source_id)  # the test runner's worker re-ranks at once
    assert {s["ranking"] for c in list_claim_rows(ws, source_id) for s in list_suggestions(ws, c.id)} == {"meaning"}
    assert len(drawn) == 1  # opened once; the re-ranking did not draw it again
    claims = demo_window.panel.claims
    counts = {
        claims.topLevelItem(i).data(0, RowRole)[1]: claims.topLevelItem(i).text(2)
        for i in range(claims.topLevelItemCount())
    }
    assert counts == {
        c.id: (
            f"{c.evidence} linked" if c.evidence else f"{c.open_suggestions} suggested" if c.open_suggestions else ""
        )
        for c in list_claim_rows(ws, source_id)
    }


def test_showing_another_source_cancels_the_re_ranking_left_of_the_last(demo_window, monkeypatch):
    from briefing.nlp import embeddings

    ws = demo_window.ws
    shown = demo_window.current_source_id()
    waiting = [row.id for row in list_sources(ws) if any(c.open_suggestions for c in list_claim_rows(ws, row.id))]
    first, second = [source_id for source_id in waiting if source_id != shown][:2]
    queued = []
    monkeypatch.setattr(embeddings, "available", lambda: True)
    monkeypatch.setattr(demo_window.runner, "start_on", lambda _ws, task: queued.append(task))  # a busy worker
    demo_window.select_source(first)
    demo_window.after_edit()  # a redraw while it waits queues nothing more
    assert len(queued) == 1 and not queued[0].is_cancelled()
    demo_window.select_source(second)
    assert len(queued) == 2 and queued[0].is_cancelled() and not queued[1].is_cancelled()


@pytest.mark.parametrize(
    "action, passage, shown",
    [
        (
            "add_evidence",
            "“Our first aim,” she said.",
            "Evidence added (related): “Our first aim,” she said.",
        ),
        (
            "add_evidence",
            "“Our first aim.”",
            "Evidence added (related): “Our first aim.”",
        ),
        ("remove_evidence", "Pumps\nfailed \u202eagain", "Evidence removed (related): “Pumps failed again”"),
        ("add_evidence", "x" * 100, f"Evidence added (related): “{'x' * 79}…”"),
    ],
)
def test_a_passage_in_the_history_keeps_its_own_quotation_marks_undoubled(action, passage, shown):
    """It read 'Evidence added (related): ““Our first…': the passage's own mark inside ours."""
    from briefing.store.history import Judgement
    from briefing.ui.evidence import describe

    old, new = (None, passage) if action == "add_evidence" else (passage, None)
    judgement = Judgement(1, "2026-12-06T09:00:00+00:00", "ana", action, "claim", 3, "related", old, new, None)
    assert describe(judgement) == shown


@pytest.mark.parametrize(
    "field, new, shown",
    [
        ("source", "source 12, characters 40-90 (verified)", "Claim carried to the article's newer version (verified)"),
        (
            "evidence 7",
            "“…” (orphaned: not found in source 12, left on the previous version)",
            "Evidence carried to the article's newer version (orphaned)",
        ),
    ],
)
def test_a_carry_to_a_newer_version_reads_as_words_in_the_history(field, new, shown):
    """The claim's history read 'carry_version source'."""
    from briefing.store.history import Judgement
    from briefing.ui.evidence import describe

    judgement = Judgement(1, "2026-12-06T09:00:00+00:00", "ana", "carry_version", "claim", 3, field, "old", new, None)
    assert describe(judgement) == shown


@pytest.mark.parametrize(
    "kind, said",
    [
        ("figure", "found by the analysis as a figure"),
        ("money", "found by the analysis as a sum of money"),
        ("percent", "found by the analysis as a percentage"),
        ("allegation", "found by the analysis as an allegation"),
        ("headline", "found by the analysis as the headline"),
        (None, "found by the analysis"),
    ],
)
def test_the_claims_hint_names_its_kind_in_words(kind, said):
    """'found by the analysis as figure', '… as money', '… as percent' read as typos."""
    from briefing.store.origins import OriginSummary
    from briefing.ui.evidence_flow import claim_hint

    claim = {"status": "unreviewed", "credibility": None, "evidence": [], "origin": "analysis", "kind": kind}
    assert claim_hint(claim, OriginSummary.empty(1)) == f"Unreviewed · no evidence yet · {said}"
