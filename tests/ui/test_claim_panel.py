"""The claim panel shows the selected claim and nothing else, whichever path changed it;
claims made, edited and dismissed by the analyst, each undoable."""

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QApplication, QScrollBar

from briefing.domain import clipped, one_line
from briefing.store.claims import get_claim, list_claim_history, list_claims, mark_claim
from briefing.store.quotes import list_quote_rows
from briefing.store.sources import get_source, list_sources
from briefing.ui.evidence_flow import NO_CLAIM_HINT
from briefing.ui.panels import ItemRole


def _panel_state(window):
    """What the analyst sees of the claim panel, and what it should show, from the store."""
    panel = window.panel
    evidence = panel.evidence
    shown = {
        "evidence": [evidence.evidence.topLevelItem(i).text(1) for i in range(evidence.evidence.topLevelItemCount())],
        "suggestions": [
            evidence.suggestions.topLevelItem(i).text(1) for i in range(evidence.suggestions.topLevelItemCount())
        ],
        "history": evidence.history.topLevelItemCount(),
        "hint": panel.claim_help.text(),
    }
    return shown


def _expected(window, claim_id):
    from briefing.store.evidence import list_evidence
    from briefing.store.suggestions import list_suggestions

    if claim_id is None:
        return {"evidence": [], "suggestions": [], "history": 0, "hint": NO_CLAIM_HINT}
    ws = window.ws
    return {
        "evidence": [e["passage"] for e in list_evidence(ws, claim_id)],
        "suggestions": [one_line(s["passage"]) for s in list_suggestions(ws, claim_id) if s["state"] == "open"],
        "history": len(list_claim_history(ws, claim_id)),
    }


def assert_panel_shows(window, claim_id):
    assert window.panel.current_claim() == claim_id
    shown, expected = _panel_state(window), _expected(window, claim_id)
    for key, value in expected.items():
        assert shown[key] == value, key
    if claim_id is not None:
        claim = get_claim(window.ws, claim_id)
        assert shown["hint"].lower().startswith(claim["status"])
        if claim["part"] == "text":  # the reader keeps the claim selected through every redraw
            assert window.reader.selected_range() == (claim["start"], claim["end"])


def _claims_with_suggestions(window):
    found = []
    for row in list_sources(window.ws):
        found += [(row.id, c["id"]) for c in list_claims(window.ws, row.id) if c["suggestions"]]
    return found


def _action(window, text):
    return next(a for a in window.findChildren(QAction) if a.text().replace("&", "") == text)


@pytest.fixture
def two_claims(demo_window):
    """Two claims with suggestions in different sources; the first is selected."""
    found = _claims_with_suggestions(demo_window)
    first = found[0]
    second = next(f for f in found if f[0] != first[0])
    demo_window.select_source(first[0])
    demo_window.panel.select("claim", first[1])
    return first, second


def test_selecting_a_claim_shows_its_own_rows(demo_window, two_claims):
    (_, first), _ = two_claims
    assert_panel_shows(demo_window, first)


@pytest.mark.parametrize("how", ["shortcut", "menu", "button", "context"])
def test_judging_keeps_the_panel_on_the_judged_claim_and_clears_the_reason(demo_window, two_claims, how):
    (_, claim_id), _ = two_claims
    demo_window.panel.reason.setText("ministry figure differs")
    if how == "shortcut":
        _action(demo_window, "Mark Disputed").trigger()  # Ctrl+Alt+D
        assert _action(demo_window, "Mark Disputed").shortcut().toString() == "Ctrl+Alt+D"
    elif how == "menu":
        _action(demo_window, "Mark Disputed").activate(QAction.ActionEvent.Trigger)
    elif how == "button":
        demo_window.panel.mark_current("disputed")
    else:
        demo_window.panel.claimMarked.emit(claim_id, "disputed", demo_window.panel.reason.text())
        demo_window.panel.reason.clear()
    assert get_claim(demo_window.ws, claim_id)["status"] == "disputed"
    assert demo_window.panel.reason.text() == ""
    assert_panel_shows(demo_window, claim_id)
    # the status bar says what was done, not what the last action before it did, and names the
    # claim by its words: the window shows no claim ids, so "Claim 113 marked" named nothing
    words = clipped(one_line(get_claim(demo_window.ws, claim_id)["text"]), 60)
    assert demo_window.statusBar().currentMessage().startswith(f"Claim “{words}” marked disputed")
    assert list_claim_history(demo_window.ws, claim_id)[-1].new_value == "disputed"


def test_a_reason_given_for_the_status_a_claim_has_becomes_its_reason_and_undo_takes_it_back(demo_window, two_claims):
    """Disputed clicked on a disputed claim with a reason typed: the analyst adds why after judging.
    It was kept unsaved in its field ("a reason goes with a change of status"), so a judgement
    made in haste never got its reason into the note."""
    from briefing.store.history import present_judgement, status_marks

    (_, claim_id), _ = two_claims
    panel = demo_window.panel
    panel.mark_current("disputed")
    steps, history = demo_window.undo_stack.count(), list_claim_history(demo_window.ws, claim_id)

    def reason_now():
        judgement = present_judgement(status_marks(demo_window.ws, claim_id)[claim_id], "disputed")
        return judgement.reason

    assert reason_now() is None
    # no reason typed: nothing to record, and the status bar says so
    panel.mark_current("disputed")
    assert demo_window.undo_stack.count() == steps and list_claim_history(demo_window.ws, claim_id) == history
    assert demo_window.statusBar().currentMessage().endswith("is already disputed.")
    panel.reason.setText("a second source denies it")
    panel.mark_current("disputed")
    assert get_claim(demo_window.ws, claim_id)["status"] == "disputed" and reason_now() == "a second source denies it"
    assert panel.reason.text() == "" and demo_window.undo_stack.count() == steps + 1
    said = demo_window.statusBar().currentMessage()
    assert said.startswith("Claim “") and "stays disputed, now for your reason" in said
    assert "Give Reason for claim" in demo_window.undo_stack.undoText()
    assert_panel_shows(demo_window, claim_id)
    # the line under the claims says why it is disputed
    assert panel.claim_help.text().startswith("Disputed (why: a second source denies it) · ")
    history_box = panel.evidence.history
    last = history_box.topLevelItem(history_box.topLevelItemCount() - 1)
    assert (last.text(2), last.text(3)) == ("Reason given", "a second source denies it")
    # the same reason again changes nothing
    panel.reason.setText("a second source denies it")
    panel.mark_current("disputed")
    assert demo_window.undo_stack.count() == steps + 1
    assert demo_window.statusBar().currentMessage().endswith("is already disputed for that reason.")
    panel.reason.clear()
    demo_window.undo_stack.undo()
    assert get_claim(demo_window.ws, claim_id)["status"] == "disputed" and reason_now() is None
    assert_panel_shows(demo_window, claim_id)
    assert panel.claim_help.text().startswith("Disputed · ")
    demo_window.undo_stack.redo()
    assert reason_now() == "a second source denies it"


def test_undo_and_redo_redraw_the_selected_claim(demo_window, two_claims):
    (_, claim_id), _ = two_claims
    demo_window.panel.mark_current("corroborated")
    demo_window.undo_stack.undo()
    assert get_claim(demo_window.ws, claim_id)["status"] == "unreviewed"
    assert_panel_shows(demo_window, claim_id)
    demo_window.undo_stack.redo()
    assert get_claim(demo_window.ws, claim_id)["status"] == "corroborated"
    assert_panel_shows(demo_window, claim_id)


def test_switching_source_empties_the_panel_and_the_reason(demo_window, two_claims):
    _, (other_source, _) = two_claims
    demo_window.panel.reason.setText("typed for the first claim")
    demo_window.select_source(other_source)
    assert demo_window.panel.reason.text() == ""
    assert_panel_shows(demo_window, None)
    demo_window.panel.mark_current("disputed")  # nothing selected: nothing marked, and it says so
    assert demo_window.panel.claim_help.text() == "Select a claim in the list first."


def test_undo_after_switching_source_brings_the_changed_claim_into_sight(demo_window, two_claims):
    """Undo changed a claim of another source where the analyst could not see it, and said nothing."""
    (first_source, first), (other_source, second) = two_claims
    demo_window.panel.mark_current("disputed")
    demo_window.select_source(other_source)
    demo_window.panel.select("claim", second)
    demo_window.undo_stack.undo()  # undoes the first claim's mark, in another source
    assert get_claim(demo_window.ws, first)["status"] == "unreviewed"
    assert demo_window.current_source_id() == first_source
    assert_panel_shows(demo_window, first)
    said = demo_window.statusBar().currentMessage()
    assert said.startswith("Undone: Mark claim “") and said.endswith("” disputed.") and str(first) not in said
    demo_window.select_source(other_source)
    demo_window.undo_stack.redo()
    assert demo_window.current_source_id() == first_source and get_claim(demo_window.ws, first)["status"] == "disputed"
    assert_panel_shows(demo_window, first)


def test_undo_names_the_claim_by_its_own_words_not_its_sources_title(demo_window):
    """The status bar quoted the source's title beside a body claim's id, as if those were its words."""
    ws = demo_window.ws
    claim = next(c for r in list_sources(ws) for c in list_claims(ws, r.id) if c["part"] == "text")
    demo_window.select_source(claim["source_id"])
    demo_window.panel.select("claim", claim["id"])
    demo_window.panel.mark_current("disputed")
    demo_window.undo_stack.undo()
    words = clipped(one_line(claim["text"]), 60)
    assert demo_window.statusBar().currentMessage() == f"Undone: Mark claim “{words}” disputed."


def test_a_search_result_selects_its_claim_and_the_panel_follows(demo_window, two_claims):
    _, (other_source, second) = two_claims
    demo_window.panel.reason.setText("stale")
    demo_window.open_item("claim", second, other_source)
    assert demo_window.panel.reason.text() == ""
    assert_panel_shows(demo_window, second)


def test_the_hint_never_says_select_a_claim_under_a_selected_one(demo_window, two_claims):
    (_, claim_id), _ = two_claims
    demo_window.panel.claims.setCurrentItem(None)
    demo_window.panel.mark_current("disputed")
    demo_window.panel.select("claim", claim_id)
    assert demo_window.panel.claim_help.text() != "Select a claim in the list first."
    assert_panel_shows(demo_window, claim_id)


def _click_claim(window, claim_id):
    """What a click on the claim's row does: the row current, its words selected in the reader."""
    tree = window.panel.claims
    tree.setCurrentItem(None)
    rows = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    tree.setCurrentItem(next(row for row in rows if row.data(0, ItemRole)[1] == claim_id))


def _body_claim(window):
    """A claim of the open source's body (a headline opening the text is shown as the title)."""
    source = window.current_source_id()
    return next(c for c in list_claims(window.ws, source) if c["part"] == "text" and c["start"] > 200)


def _select_words(window, source_id, words):
    text = get_source(window.ws, source_id).text
    start = text.index(words)
    window.reader.scroll_to(start, start + len(words))
    return start


def test_add_selection_as_claim_snaps_selects_suggests_and_undoes(demo_window):
    source = list_sources(demo_window.ws)[0].id
    demo_window.select_source(source)
    text = get_source(demo_window.ws, source).text
    # a sentence other sources also report (the company paying for the investigation)
    sentence = next(s for s in text.split(". ") if "investigation" in s and "\n" not in s and s[:2].isalpha())
    words = sentence.split()
    start = text.index(sentence) + 1  # inside the first word
    demo_window.reader.scroll_to(start, text.index(sentence) + len(sentence) - 1)
    before = {c["id"] for c in list_claims(demo_window.ws, source)}
    _action(demo_window, "Add Selection as Claim").trigger()
    [new] = [c for c in list_claims(demo_window.ws, source) if c["id"] not in before]
    assert new["text"].startswith(words[0]) and new["text"].endswith(words[-1].rstrip(".,"))
    assert new["origin"] == "analyst"
    assert get_claim(demo_window.ws, new["id"])["suggestions"] > 0  # looked for at once, in the worker
    assert "failed" not in demo_window.statusBar().currentMessage()
    assert demo_window.panel.current_claim() == new["id"]
    assert_panel_shows(demo_window, new["id"])
    assert "you made this claim" in demo_window.panel.claim_help.text()
    demo_window.undo_stack.undo()
    assert new["id"] not in {c["id"] for c in list_claims(demo_window.ws, source)}
    assert_panel_shows(demo_window, None)
    demo_window.undo_stack.redo()
    assert get_claim(demo_window.ws, new["id"])["text"] == new["text"]
    assert get_claim(demo_window.ws, new["id"])["suggestions"] > 0  # found again, not "none found"
    assert_panel_shows(demo_window, new["id"])


def test_add_title_and_quote_as_claims(demo_window):
    source = next(r.id for r in list_sources(demo_window.ws) if get_source(demo_window.ws, r.id).title)
    demo_window.select_source(source)
    title = get_source(demo_window.ws, source).title
    existing = {c["text"]: c["id"] for c in list_claims(demo_window.ws, source)}
    _action(demo_window, "Add Title as Claim").trigger()
    if title in existing:  # the analysis already made the headline a claim: adding says so and shows it
        assert "already a claim" in demo_window.statusBar().currentMessage()
        assert demo_window.panel.current_claim() == existing[title]
    else:
        assert title in {c["text"] for c in list_claims(demo_window.ws, source)}
    quote = next(q for q in list_quote_rows(demo_window.ws, source))
    demo_window.panel.claimAction.emit("quote", quote.id)
    assert quote.text.strip(' “”"') in {c["text"].strip(' “”"') for c in list_claims(demo_window.ws, source)}


def _open_passages(window, claim_id):
    from briefing.store.suggestions import list_suggestions

    return sorted(s["passage"] for s in list_suggestions(window.ws, claim_id) if s["state"] == "open")


def test_undoing_an_edit_brings_back_the_suggestions_of_the_claims_own_words(demo_window, two_claims):
    """Undo put the claim's words back but left the passages found for the edited ones."""
    claims = list_claims(demo_window.ws, demo_window.current_source_id())
    original, other = [c for c in claims if c["part"] == "text" and c["suggestions"]][:2]
    suggested = _open_passages(demo_window, original["id"])
    demo_window.panel.claimAction.emit("dismiss", other["id"])  # its words free for the edit
    demo_window.claim_actions.ask_text = lambda parent, current, problem="": other["text"]
    demo_window.panel.select("claim", original["id"])
    demo_window.reader.scroll_to(other["start"], other["end"])  # the new words, selected in the reader
    demo_window.panel.claimAction.emit("edit", original["id"])
    assert _open_passages(demo_window, original["id"]) != suggested
    demo_window.undo_stack.undo()  # the edit
    assert get_claim(demo_window.ws, original["id"])["text"] == original["text"]
    assert _open_passages(demo_window, original["id"]) == suggested
    assert_panel_shows(demo_window, original["id"])


def test_edit_claim_text_and_not_a_claim_are_undoable(demo_window, two_claims):
    (source, _), _ = two_claims
    original = _body_claim(demo_window)
    claim_id = original["id"]
    shorter = " ".join(original["text"].split()[1:-1])
    asked = []
    demo_window.claim_actions.ask_text = lambda parent, current, problem="": asked.append(current) or shorter
    _click_claim(demo_window, claim_id)  # clicking the claim selects its words in the reader
    assert demo_window.reader.selected_range() == (original["start"], original["end"])
    demo_window.panel.claimAction.emit("edit", claim_id)
    assert asked == [original["text"]]  # its own words selected: the dialog asks, with them
    edited = get_claim(demo_window.ws, claim_id)
    assert edited["text"] == shorter and edited["origin"] == "analyst"
    assert_panel_shows(demo_window, claim_id)
    listed = _listed_claims(demo_window)
    demo_window.panel.claimAction.emit("dismiss", claim_id)
    assert claim_id not in {c["id"] for c in list_claims(demo_window.ws, source)}
    assert_panel_shows(demo_window, _neighbour(listed, claim_id))  # the next row picked
    demo_window.undo_stack.undo()  # not a claim
    assert claim_id in {c["id"] for c in list_claims(demo_window.ws, source)}
    assert_panel_shows(demo_window, claim_id)  # the claim back, selected
    demo_window.undo_stack.undo()  # the edit
    restored = get_claim(demo_window.ws, claim_id)
    assert (restored["text"], restored["origin"]) == (original["text"], "analysis")
    rejected = demo_window.ws.db.execute("SELECT count(*) FROM rejections WHERE kind = 'claim'").fetchone()[0]
    assert rejected == 0  # the analysis may find its sentence again
    actions = [h.action for h in list_claim_history(demo_window.ws, claim_id)]
    assert actions[-4:] == ["edit", "dismiss", "restore", "edit"]


def test_edit_claim_text_takes_other_words_selected_in_the_reader(demo_window, two_claims):
    original = _body_claim(demo_window)
    claim_id = original["id"]
    demo_window.claim_actions.ask_text = lambda *args: pytest.fail("the selection was there to take")
    _click_claim(demo_window, claim_id)
    demo_window.reader.select_range(original["start"], original["end"] - 1)  # one character less
    demo_window.panel.claimAction.emit("edit", claim_id)
    edited = get_claim(demo_window.ws, claim_id)
    assert edited["start"] == original["start"] and edited["end"] < original["end"]  # snapped to a word
    assert "judged on its earlier words" not in demo_window.statusBar().currentMessage()  # not judged yet


def test_re_wording_a_judged_claim_says_the_judgement_was_made_on_the_earlier_words(demo_window, two_claims):
    original = _body_claim(demo_window)
    claim_id = original["id"]
    demo_window.mark_claim(claim_id, "disputed", "another outlet differs")
    _click_claim(demo_window, claim_id)
    demo_window.reader.select_range(original["start"], original["end"] - 1)
    demo_window.panel.claimAction.emit("edit", claim_id)
    assert demo_window.statusBar().currentMessage().startswith(f"Claim {claim_id} stays disputed, with its reason")


def test_edit_claim_text_asks_again_with_the_refused_words_and_why(demo_window, two_claims):
    (_, claim_id), _ = two_claims
    before = get_claim(demo_window.ws, claim_id)["text"]
    typed = "words that are nowhere in this article"
    answers, asked = iter([typed, None]), []
    demo_window.claim_actions.ask_text = lambda parent, current, problem="": (
        asked.append((current, problem)) or next(answers)
    )
    demo_window.claim_actions.edit_text(claim_id)
    assert get_claim(demo_window.ws, claim_id)["text"] == before
    assert asked[0] == (before, "")
    assert asked[1][0] == typed and "not found word for word" in asked[1][1]  # nothing typed is lost
    assert "not found word for word" in demo_window.statusBar().currentMessage()


def test_the_reader_context_menu_offers_actions_on_the_selection(demo_window):
    source = list_sources(demo_window.ws)[0].id
    demo_window.select_source(source)
    texts = [a.text().replace("&", "") for a in demo_window.reader.selection_actions]
    assert texts == [
        "Annotate Selection…",
        "Add Selection as Claim",
        "Attach Selection as Evidence…",
        "Add Selection as Quote…",
        "Add Selection to Briefing Note",
        "Copy with Citation",
    ]


def test_a_new_claims_suggestions_arrive_from_a_real_worker(demo_window, qtbot):
    from briefing.ui.tasks import TaskRunner

    demo_window.runner = TaskRunner(parent=demo_window)  # a real worker thread with its own connection
    source = list_sources(demo_window.ws)[1].id
    demo_window.select_source(source)
    text = get_source(demo_window.ws, source).text
    sentence = next(s for s in text.split(". ") if len(s.split()) > 6 and "\n" not in s and s[:2].isalpha())
    _select_words(demo_window, source, sentence)
    _action(demo_window, "Add Selection as Claim").trigger()
    claim_id = demo_window.panel.current_claim()
    qtbot.waitUntil(lambda: demo_window.panel.evidence.suggestions.topLevelItemCount() > 0, timeout=20000)
    assert demo_window.panel.current_claim() == claim_id
    assert_panel_shows(demo_window, claim_id)
    demo_window.runner.cancel_all_and_wait()


def test_a_judgement_over_a_colleagues_newer_one_is_refused_and_the_panel_shows_theirs(
    demo_window, two_claims, monkeypatch
):
    """A colleague judged the claim after the panel was drawn: the analyst's judgement is
    refused with who and when, nothing is written or put on the undo stack, and the panel
    shows the stored state; judging again from there goes through."""
    from briefing.store.claims import mark_claim

    (_, claim_id), _ = two_claims
    window = demo_window
    history = len(list_claim_history(window.ws, claim_id))
    undo_steps = window.undo_stack.count()
    monkeypatch.setenv("BRIEFING_ANALYST", "Ben Adler")
    mark_claim(window.ws, claim_id, "corroborated")  # the colleague's write; the panel still shows the old revision
    monkeypatch.setenv("BRIEFING_ANALYST", "Ana Okafor")
    window.panel.reason.setText("contradicted by the utility")
    window.panel.mark_current("disputed")
    words = clipped(one_line(get_claim(window.ws, claim_id)["text"]), 60)
    assert window.statusBar().currentMessage().startswith(f"claim “{words}” was changed by Ben Adler at ")
    assert get_claim(window.ws, claim_id)["status"] == "corroborated"
    assert len(list_claim_history(window.ws, claim_id)) == history + 1
    assert window.undo_stack.count() == undo_steps
    assert_panel_shows(window, claim_id)  # the hint now starts with the colleague's "corroborated"
    window.panel.mark_current("disputed")
    assert get_claim(window.ws, claim_id)["status"] == "disputed"
    assert list_claim_history(window.ws, claim_id)[-1].actor == "Ana Okafor"
    window.undo_stack.undo()
    assert get_claim(window.ws, claim_id)["status"] == "corroborated"
    window.undo_stack.redo()
    # the colleague judges again, on their own connection: undoing the analyst's judgement now
    # would overwrite theirs, so the undo is refused and the step leaves the stack
    from briefing.store import open_workspace

    monkeypatch.setenv("BRIEFING_ANALYST", "Ben Adler")
    with open_workspace(window.ws.path) as colleague:
        mark_claim(colleague, claim_id, "unreviewed")
    monkeypatch.setenv("BRIEFING_ANALYST", "Ana Okafor")
    steps = window.undo_stack.count()
    window.undo_stack.undo()
    assert "was changed by Ben Adler" in window.statusBar().currentMessage()
    assert get_claim(window.ws, claim_id)["status"] == "unreviewed"
    assert window.undo_stack.count() == steps - 1
    assert_panel_shows(window, claim_id)


def test_an_entity_renamed_by_a_colleague_meanwhile_is_not_renamed_over(demo_window, monkeypatch):
    from briefing.store.edits import rename_entity
    from briefing.store.entities import list_entities

    window = demo_window
    entities = window.panel.entities
    group = entities.topLevelItem(0)
    entities.setCurrentItem(group.child(0))
    entity_id, name, _, _ = window.entity_actions.current()

    def colleague_renames_while_the_dialog_is_open(*_args):
        monkeypatch.setenv("BRIEFING_ANALYST", "Ben Adler")
        rename_entity(window.ws, entity_id, f"{name} (checked)")
        monkeypatch.setenv("BRIEFING_ANALYST", "Ana Okafor")
        return "My new name"

    monkeypatch.setattr("briefing.ui.entity_actions.ask_text", colleague_renames_while_the_dialog_is_open)
    window.entity_actions.rename()
    assert "was changed by Ben Adler" in window.statusBar().currentMessage()
    assert next(e["name"] for e in list_entities(window.ws) if e["id"] == entity_id) == f"{name} (checked)"


def test_a_long_suggested_passage_scrolls_in_its_room_and_the_window_keeps_its_size(demo_window, two_claims, qtbot):
    """At 1280x800 a long passage, wrapped in the narrow panel, made the window grow past the
    screen's bottom; it now scrolls in the room the claim's history had, and a short one takes
    the same room: nothing moves from one suggestion to the next."""
    from PySide6.QtWidgets import QApplication

    demo_window.resize(1280, 760)
    panel = demo_window.panel
    panel.setCurrentWidget(panel.claims_widget)
    QApplication.processEvents()
    height, sizes = demo_window.height(), panel.claims_splitter.sizes()
    evidence = panel.evidence
    preview = evidence.preview
    long_passage = "The council said the harbour pumps had failed again on Tuesday night. " * 40
    preview.show_passage(long_passage, "Harbour pumps fail", "Halden Courier", None, "related")
    evidence.history_or_preview.show_preview(True)
    qtbot.waitUntil(lambda: preview.passage_room.isVisible())
    QApplication.processEvents()
    assert demo_window.height() == height and panel.claims_splitter.sizes() == sizes
    assert preview.minimumSizeHint().width() <= 360  # the side panel is not widened over the sources
    lines = preview.passage.fontMetrics().lineSpacing()
    room = preview.passage_room
    assert room.height() >= lines * 2 and room.verticalScrollBar().maximum() > 0  # the rest scrolls
    assert preview.geometry().bottom() <= evidence.history_or_preview.height()
    kept = room.height()
    preview.show_passage("Pumps failed.", "Harbour pumps fail", None, None, "related")
    QApplication.processEvents()
    assert room.height() == kept and panel.claims_splitter.sizes() == sizes


def test_a_dismissed_claim_is_found_again_from_the_claims_menu(demo_window, two_claims):
    """Once the undo history was gone there was no way back to a dismissed claim in the window."""
    (source, claim_id), _ = two_claims
    demo_window.panel.claimAction.emit("dismiss", claim_id)
    demo_window.undo_stack.clear()
    offered = []
    demo_window.claim_actions.pick_dismissed = lambda parent, claims: offered.append(claims) or claims[0][0]
    _action(demo_window, "Dismissed Claims…").trigger()
    assert [c[0] for c in offered[0]] == [claim_id]
    assert claim_id in {c["id"] for c in list_claims(demo_window.ws, source)}
    assert_panel_shows(demo_window, claim_id)
    demo_window.undo_stack.undo()
    assert claim_id not in {c["id"] for c in list_claims(demo_window.ws, source)}
    demo_window.undo_stack.redo()
    _action(demo_window, "Dismissed Claims…").trigger()  # none left: it says so
    assert demo_window.statusBar().currentMessage() == "No claim of this source was dismissed."


def test_the_latest_judgement_is_in_sight_once_the_window_is_laid_out(demo_window):
    """A claim drawn before the window took its size showed the oldest rows of its history: the
    newest judgement was out of sight below them."""
    source, claim = _claims_with_suggestions(demo_window)[0]
    for n in range(8):
        mark_claim(demo_window.ws, claim, ("disputed", "corroborated")[n % 2], f"reason {n}")
    demo_window.hide()
    demo_window.select_source(source)
    demo_window.panel.select("claim", claim)
    demo_window.resize(1280, 800)
    demo_window.show()
    history = demo_window.panel.evidence.history
    last = history.topLevelItem(history.topLevelItemCount() - 1)
    QApplication.processEvents()
    assert last.text(3) == "reason 7"
    assert history.viewport().rect().contains(history.visualItemRect(last))
    history.verticalScrollBar().triggerAction(QScrollBar.SliderAction.SliderToMinimum)  # the analyst looks back
    demo_window.resize(1600, 1000)
    QApplication.processEvents()
    assert history.verticalScrollBar().value() == 0  # and stays where they looked


def test_the_dismissed_claims_picker_names_claims_by_their_words(monkeypatch):
    """It listed '4812: The outage hit…': an id the window shows nowhere; two claims alike in
    their words could not be told apart without it."""
    from briefing.ui import claim_actions

    offered = []
    monkeypatch.setattr(
        claim_actions, "ask_item", lambda parent, title, label, items: offered.append(items) or items[2]
    )
    claims = [(4812, "The outage hit\n40,000 homes."), (4813, "Pumps failed."), (4814, "Pumps failed.")]
    assert claim_actions._pick_dismissed(None, claims) == 4814
    assert offered == [["The outage hit 40,000 homes.", "Pumps failed. (1 of 2)", "Pumps failed. (2 of 2)"]]
    assert claim_actions.dismissed_labels([(1, "\u202eמים\u202c nope")]) == ["\u2068מים nope\u2069"]


def test_a_refused_judgement_keeps_the_reason_typed(demo_window, two_claims, monkeypatch):
    """The reason was cleared as the judgement was asked, so a refusal (a colleague's newer
    judgement, a lost connection) lost what the analyst had typed."""
    from briefing.domain import WorkspaceError
    from briefing.ui import main_window

    def refused(*_args, **_kwargs):
        raise WorkspaceError("the team database: the connection to the server was lost; nothing was saved")

    (_, claim_id), _ = two_claims
    demo_window.panel.reason.setText("ministry figure differs")
    monkeypatch.setattr(main_window, "mark_claim_command", refused)
    demo_window.panel.mark_current("disputed")
    assert get_claim(demo_window.ws, claim_id)["status"] != "disputed"
    assert demo_window.panel.reason.text() == "ministry figure differs"
    assert "connection to the server was lost" in demo_window.statusBar().currentMessage()
    monkeypatch.undo()
    demo_window.panel.mark_current("disputed")
    assert get_claim(demo_window.ws, claim_id)["status"] == "disputed"
    assert demo_window.panel.reason.text() == ""


def _listed_claims(window) -> list[int]:
    tree = window.panel.claims
    return [tree.topLevelItem(i).data(0, ItemRole)[1] for i in range(tree.topLevelItemCount())]


def _neighbour(listed: list[int], claim_id: int) -> int | None:
    at = listed.index(claim_id)
    rest = listed[at + 1 : at + 2] or listed[at - 1 : at] if len(listed) > 1 else []
    return rest[0] if rest else None


def test_not_a_claim_picks_the_next_claim_in_the_list_and_the_reader(demo_window):
    """After Not a Claim no row was picked: the keyboard in the list started again from its top,
    and the next Ctrl+Alt+N said to select a claim (Not a Quote already went on to the next)."""
    source = next(r.id for r in list_sources(demo_window.ws) if len(list_claims(demo_window.ws, r.id)) >= 3)
    demo_window.select_source(source)
    listed = _listed_claims(demo_window)
    demo_window.panel.select("claim", listed[1])
    next(a for a in demo_window.findChildren(QAction) if a.text() == "&Not a Claim").trigger()
    assert_panel_shows(demo_window, listed[2])
    demo_window.panel.select("claim", listed[-1])  # the last: the one before it
    next(a for a in demo_window.findChildren(QAction) if a.text() == "&Not a Claim").trigger()
    assert_panel_shows(demo_window, listed[-2])


def test_the_history_says_its_times_are_utc_and_gives_the_local_time_on_hover(demo_window, two_claims, monkeypatch):
    """The history's When column showed '2026-12-04 15:02' with no zone: UTC, where the refusal
    beside it said '… at 2026-12-04 15:02 UTC' and an analyst in Berlin read it as local time."""
    import time

    from briefing.store.revisions import shown_time

    claim_id = two_claims[0][1]  # selected
    demo_window.panel.mark_current("disputed")
    judged = list_claim_history(demo_window.ws, claim_id)[-1]
    monkeypatch.setenv("TZ", "Europe/Berlin")
    time.tzset()
    try:
        demo_window.evidence_flow.show_claim(claim_id)
        row = demo_window.panel.evidence.history.topLevelItem(0)
        hover = row.toolTip(0)
    finally:
        monkeypatch.undo()
        time.tzset()
    assert row.text(0) == shown_time(judged.at) and row.text(0).endswith(" UTC")  # as a refusal names it
    assert hover.startswith(f"{judged.at[:19].replace('T', ' ')} UTC · ")
    assert hover.endswith(("CET on this computer", "CEST on this computer"))
    width = demo_window.panel.evidence.history.columnWidth(0)
    assert demo_window.panel.evidence.history.fontMetrics().horizontalAdvance(row.text(0)) < width  # never cut
