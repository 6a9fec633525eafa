"""A colleague (or ``briefing analyse``) analyses a source again while this window still shows its
claims, quotes and suggested passages: the analysis draws again what nobody touched, a quote under
a new id and a claim it no longer finds not at all. Acting on one of them says when the source was
analysed again, nothing is saved, the history records no churn, and the window is drawn again. On
a workspace file (two connections to it) and on a team workspace."""

import re
from dataclasses import replace
from datetime import datetime

import pytest
from PySide6.QtWidgets import QApplication

from briefing.pipeline import analyse_sources
from briefing.store import open_workspace
from briefing.store.briefings import create_briefing, list_briefings
from briefing.store.claims import get_claim, list_claim_rows, mark_claim
from briefing.store.entities import list_entities
from briefing.store.quotes import list_quote_rows
from briefing.store.revisions import item_name
from briefing.store.sources import get_source, list_sources
from briefing.store.suggestions import list_suggestions
from briefing.ui.evidence import RowRole
from briefing.ui.evidence_flow import NO_CLAIM_HINT
from briefing.ui.search_dock import HitRole, SnippetRole
from briefing.ui.sorted_items import ItemRole
from tests.ui.dialogs import AcceptedEvidence

AT = r"\d{4}-\d\d-\d\d \d\d:\d\d UTC"
DROPPED = "40,000"  # the words of the claim the newer analysis no longer finds


def _without_the_claim(analyse, batch):
    """The analysis as a newer Briefing might find it: the same, less one claim."""
    (text, title), found = batch[0], analyse(batch)[0]
    kept = tuple(c for c in found.claims if DROPPED not in (text if c.part == "text" else title)[c.start : c.end])
    return [replace(found, claims=kept)]


@pytest.fixture
def shown(shared_window, analysed_copy, monkeypatch):
    """The wire's story open at its 40,000 claim; ``reanalyse()`` is Ben analysing the wire again on
    his own connection, with an analysis that no longer finds that claim."""
    window = shared_window
    monkeypatch.setenv("BRIEFING_ANALYST", "Ana Okafor")
    rows = {r.outlet: r.id for r in list_sources(window.ws)}
    wire, standard = rows["Meridian Wire"], rows["The Veldran Standard"]
    window.briefing_dock.refresh(create_briefing(window.ws, "Outage"))
    window.select_source(wire)
    claim = next(c.id for c in list_claim_rows(window.ws, wire) if DROPPED in c.text)
    window.panel.select("claim", claim)

    def reanalyse() -> None:
        monkeypatch.setenv("BRIEFING_ANALYST", "Ben Adler")
        with open_workspace(analysed_copy) as theirs:
            assert analyse_sources(theirs, [wire], call=_without_the_claim) == 1
        monkeypatch.setenv("BRIEFING_ANALYST", "Ana Okafor")

    ids = {"claim": claim, "quote": list_quote_rows(window.ws, wire)[0].id}
    return window, wire, standard, ids, reanalyse


def _said(window) -> str:
    return window.statusBar().currentMessage()


def _redrawn(kind: str, item_id: int, title: str) -> str:
    return (
        rf"^The {kind}s of “{re.escape(title[:20])}.*” were redrawn when it was analysed again at {AT}; "
        rf"that {kind} is no longer there, nothing was saved\."  # never its id ({item_id})
    )


def _history_rows(window) -> int:
    return window.ws.db.execute("SELECT count(*) FROM history").fetchone()[0]


def _pin_and_select(window, standard):
    window.evidence_flow.pin()
    window.select_source(standard)
    start = get_source(window.ws, standard).text.index("households")
    window.reader.scroll_to(start, start + len("households"))


class _Noted(AcceptedEvidence):
    def values(self):
        return "supports", "the utility's own count"


ON_A_REDRAWN_ITEM = {
    "judge": ("claim", None, lambda w, ids: w.panel.mark_current("disputed")),
    "not a claim": ("claim", None, lambda w, ids: w.claim_actions.not_a_claim(ids["claim"])),
    "edit its words": ("claim", None, lambda w, ids: w.claim_actions.edit_text(ids["claim"])),
    "add it to the note": ("claim", None, lambda w, ids: w.add_to_briefing("claim", ids["claim"])),
    "drag it to the note": ("claim", None, lambda w, ids: w.briefing_dock.items.dropped.emit("claim", ids["claim"], 0)),
    "attach evidence": (
        "claim",
        lambda w, standard: (setattr(w.evidence_flow, "dialog_factory", _Noted), _pin_and_select(w, standard)),
        lambda w, ids: w.evidence_flow.attach(),
    ),
    "confirm its suggestion": (
        "claim",
        lambda w, standard: w.panel.evidence.suggestions.setCurrentItem(w.panel.evidence.suggestions.topLevelItem(0)),
        lambda w, ids: w.panel.evidence.confirm.click(),
    ),
    "change the speaker": (
        "quote",
        None,
        lambda w, ids: (
            setattr(w.quote_actions, "choose", lambda *a: "No speaker"),
            w.quote_actions.change_speaker(ids["quote"]),
        ),
    ),
    "not a quote": ("quote", None, lambda w, ids: w.quote_actions.not_a_quote(ids["quote"])),
    "quote as a claim": ("quote", None, lambda w, ids: w.claim_actions.add_quote(ids["quote"])),
    "quote in the note": ("quote", None, lambda w, ids: w.add_to_briefing("quote", ids["quote"])),
    "quote's variants": ("quote", None, lambda w, ids: w.quote_actions.show_variants(ids["quote"])),
    "copy the quote": ("quote", None, lambda w, ids: w.selection_actions.copy_quote(ids["quote"])),
}


@pytest.mark.parametrize("action", ON_A_REDRAWN_ITEM)
def test_acting_on_what_a_reanalysis_redrew_says_when_it_was_analysed_again(shown, action, monkeypatch):
    """Each said 'Claim 12 does not exist.' (or 'quote 3 no longer exists', 'claim 12 was deleted
    by a colleague'), some raised it past the window, and the window went on showing it."""
    window, wire, standard, ids, reanalyse = shown
    kind, before, act = ON_A_REDRAWN_ITEM[action]
    if before is not None:
        before(window, standard)
    monkeypatch.setattr(window.claim_actions, "ask_text", lambda *args: pytest.fail("words asked for"))
    title, steps = get_source(window.ws, wire).title, window.undo_stack.count()
    reanalyse()
    history = _history_rows(window)
    QApplication.clipboard().setText("")
    act(window, ids)
    assert re.match(_redrawn(kind, ids[kind], title), _said(window)), _said(window)
    assert window.undo_stack.count() == steps
    assert _history_rows(window) == history  # nothing written by this window, and no churn recorded
    assert all(note.items == 0 for note in list_briefings(window.ws))
    reading = window.current_source_id()
    stored = len(list_claim_rows(window.ws, reading)) + len(list_quote_rows(window.ws, reading))
    listed = window.panel.claims.topLevelItemCount() + window.panel.quotes.topLevelItemCount()
    assert listed == stored  # drawn again as stored now
    kept = "the utility's own count" if action == "attach evidence" else ""
    assert QApplication.clipboard().text() == kept  # the note typed waits there


def test_a_reason_typed_for_a_claim_a_reanalysis_took_waits_on_the_clipboard(shown):
    window, wire, _, ids, reanalyse = shown
    window.panel.reason.setText("the ministry's figure")
    reanalyse()
    window.panel.mark_current("corroborated")
    said = _said(window)
    assert re.match(_redrawn("claim", ids["claim"], get_source(window.ws, wire).title), said), said
    assert said.endswith("no longer there, nothing was saved. Your reason is on the clipboard.")
    assert QApplication.clipboard().text() == "the ministry's figure"


def test_the_line_and_its_clipboard_note_hold_in_a_1280_pixel_window(shown):
    """With a long title the line ran past the status bar's end, the clipboard's note unread."""
    from briefing.store.sources import update_source

    window, wire, _, _, reanalyse = shown
    update_source(
        window.ws, wire, title="Port Halden's water plant runs by hand after a ransomware attack on its control system"
    )
    window.after_edit()
    window.resize(1280, 800)
    window.panel.select("claim", next(c.id for c in list_claim_rows(window.ws, wire) if DROPPED in c.text))
    window.panel.reason.setText("the ministry's figure")
    reanalyse()
    window.panel.mark_current("corroborated")
    bar = window.statusBar()
    assert bar.currentMessage().endswith("Your reason is on the clipboard.")
    assert bar.fontMetrics().horizontalAdvance(bar.currentMessage()) < bar.width() - 20, bar.currentMessage()


def test_words_typed_for_a_claim_a_reanalysis_took_meanwhile_wait_on_the_clipboard(shown, monkeypatch):
    window, wire, _, ids, reanalyse = shown

    def typed(*args):
        assert args[2] == "", args[2]  # asked once: the words stand in the source
        reanalyse()  # while the dialog was open
        return "about 40,000 households under a boil-water notice"

    monkeypatch.setattr(window.claim_actions, "ask_text", typed)
    window.reader.setTextCursor(window.reader.textCursor())  # no selection: the words are asked for
    window.claim_actions.edit_text(ids["claim"])
    said = _said(window)
    assert re.match(_redrawn("claim", ids["claim"], get_source(window.ws, wire).title), said), said
    assert said.endswith("no longer there, nothing was saved. Your words are on the clipboard."), said
    assert QApplication.clipboard().text() == "about 40,000 households under a boil-water notice"


def test_a_person_named_for_a_quote_a_reanalysis_took_meanwhile_is_not_left_behind(shown):
    window, wire, _, ids, reanalyse = shown
    people = len(list_entities(window.ws))

    def chosen(*args):
        reanalyse()  # while the speaker was being chosen
        return "New person…"

    window.quote_actions.choose = chosen
    window.quote_actions.ask_name = lambda *args: "Tomas Reyes"
    window.quote_actions.change_speaker(ids["quote"])
    assert re.match(_redrawn("quote", ids["quote"], get_source(window.ws, wire).title), _said(window)), _said(window)
    assert len(list_entities(window.ws)) == people


def test_redoing_a_judgement_on_a_claim_a_reanalysis_took_drops_the_step_and_says_why(shown):
    """The judgement undone left the claim the machine's again; the re-analysis took it, and the
    redo said 'claim 12 was deleted by a colleague after you opened it'."""
    window, wire, _, ids, reanalyse = shown
    window.panel.mark_current("disputed")
    window.undo_stack.undo()
    steps = window.undo_stack.count()
    reanalyse()
    window.undo_stack.redo()
    title = get_source(window.ws, wire).title
    assert re.match("^Undo step dropped: " + _redrawn("claim", ids["claim"], title)[1:], _said(window)), _said(window)
    assert window.undo_stack.count() == steps - 1


def test_redoing_a_judgement_on_a_claim_a_reanalysis_found_again_drops_the_step_and_says_why(shown):
    """Found again on the same words, the claim keeps its id with a first revision: the redo said
    'claim 3 was changed by someone else at an unknown time'."""
    window, wire, _, _, reanalyse = shown
    claim = next(c.id for c in list_claim_rows(window.ws, wire) if DROPPED not in c.text)
    window.panel.select("claim", claim)
    window.panel.mark_current("disputed")
    window.undo_stack.undo()
    reanalyse()
    window.undo_stack.redo()
    title = re.escape(get_source(window.ws, wire).title[:20])
    said = rf"^Undo step dropped: The claims of “{title}.*” were redrawn when it was analysed again at {AT}; "
    words = re.escape(get_claim(window.ws, claim)["text"][:20])
    found = rf"the claim “{words}.*” was found again, shown as it is now, nothing was saved\."
    assert re.match(said + found, _said(window)), _said(window)
    assert get_claim(window.ws, claim)["status"] == "unreviewed"


def test_a_pinned_claim_a_reanalysis_took_says_why_it_is_no_longer_pinned(shown):
    """The pin went away unsaid when the window was next drawn."""
    window, wire, standard, ids, reanalyse = shown
    window.evidence_flow.pin()
    words = re.escape(get_claim(window.ws, ids["claim"])["text"][:20])
    window.select_source(standard)
    reanalyse()
    window.after_edit()  # a team window draws a colleague's change: the pinned claim is gone
    title = re.escape(get_source(window.ws, wire).title[:20])
    said = rf"^The claims of “{title}.*” were redrawn when it was analysed again at {AT}; the pinned claim “{words}.*”"
    assert re.match(said + r" is no longer there, and no longer pinned\.$", _said(window)), _said(window)
    assert window.evidence_flow.pinned is None


def test_a_suggested_passage_a_reanalysis_redrew_says_so(shown):
    """A claim found again keeps its id, but its suggested passages are drawn anew: confirming one
    shown before said 'That passage is no longer there.'"""
    window, wire, _, _, reanalyse = shown
    claim = next(
        c.id for c in list_claim_rows(window.ws, wire) if DROPPED not in c.text and list_suggestions(window.ws, c.id)
    )
    window.panel.select("claim", claim)
    listed = window.panel.evidence.suggestions
    listed.setCurrentItem(listed.topLevelItem(0))
    reanalyse()
    window.panel.evidence.confirm.click()
    title = re.escape(get_source(window.ws, wire).title[:20])
    said = rf"^The suggested passages were redrawn when “{title}.*” was analysed again at {AT}; that passage is no"
    assert re.match(said, _said(window)), _said(window)
    assert get_claim(window.ws, claim)["evidence"] == 0


def test_a_suggested_passage_ranked_again_meanwhile_says_so_and_the_new_ones_are_shown(shown, analysed_copy):
    """Ranking a claim's suggestions again (a colleague's window opening it with the model
    installed, a source analysed) gives them new ids: confirming one shown before said only
    'That passage is no longer there.', and the list went on showing the old ones."""
    from briefing.store.suggestions import replace_suggestions

    window, wire, standard, ids, _ = shown
    listed = window.panel.evidence.suggestions
    listed.setCurrentItem(listed.topLevelItem(0))
    again = [
        (s["source_id"], s["start"], s["end"], s["score"], s["relation"])
        for s in list_suggestions(window.ws, ids["claim"])
    ]
    with open_workspace(analysed_copy) as theirs:
        replace_suggestions(theirs, ids["claim"], again, "meaning")
    window.panel.evidence.confirm.click()
    assert _said(window).startswith("The suggested passages were ranked again since they were shown;"), _said(window)
    now = {s["id"] for s in list_suggestions(window.ws, ids["claim"])}
    shown_now = {_row_id(listed, i) for i in range(listed.topLevelItemCount())}
    assert shown_now == now and get_claim(window.ws, ids["claim"])["evidence"] == 0


def _row_id(tree, row: int) -> int:
    from briefing.ui.evidence import RowRole

    return tree.topLevelItem(row).data(0, RowRole)[1]


def _search_hit(window, kind: str, ref_id: int, query: str):
    from briefing.ui.search_dock import HitRole

    dock = window.search_dock
    dock.field.setText(query)
    dock.run()
    rows = [dock.results.topLevelItem(i) for i in range(dock.results.topLevelItemCount())]
    return next(r for r in rows if r.data(0, HitRole)[:2] == (kind, ref_id))


def test_a_search_result_a_reanalysis_took_says_so_when_opened_or_added(shown):
    """Opening said 'claim 12 does not exist'; adding it to the note 'Claim 12 does not exist.'"""
    window, wire, _, ids, reanalyse = shown
    window.select_source(next(s.id for s in list_sources(window.ws) if s.id != wire))
    window.analyses._drawn.clear()  # listed by the search alone, as a source never opened is
    hit = _search_hit(window, "claim", ids["claim"], "boil-water notice")
    reanalyse()
    title = get_source(window.ws, wire).title
    window.search_dock.open_row(hit)
    assert re.match(_redrawn("claim", ids["claim"], title), _said(window)), _said(window)
    window.search_dock.addToBriefing.emit("claim", ids["claim"])
    assert re.match(_redrawn("claim", ids["claim"], title), _said(window)), _said(window)
    assert all(note.items == 0 for note in list_briefings(window.ws))


def test_a_timeline_claim_a_reanalysis_took_says_so_when_opened(shown):
    """Clicking its mark said 'claim 12 does not exist'."""
    window, wire, _, ids, reanalyse = shown
    window.analyses._drawn.clear()  # drawn in the timeline alone, as a source never opened is
    window.show_timeline()
    reanalyse()
    window.timeline.view.opened.emit("claim", ids["claim"], wire)
    assert re.match(_redrawn("claim", ids["claim"], get_source(window.ws, wire).title), _said(window)), _said(window)


def test_a_claim_gone_without_a_reanalysis_is_said_as_before(shown):
    """Only a later analysis of the source is said to have redrawn it."""
    window, wire, _, ids, _ = shown
    with window.ws.transaction():  # gone some other, unrecorded way
        window.ws.db.execute("DELETE FROM claims WHERE id = ?", [ids["claim"]])
    window.panel.mark_current("disputed")
    assert _said(window) == "That claim is no longer there; nothing was saved."  # it said 'Claim 2 does not exist'


@pytest.mark.parametrize("act", ["not_a_quote", "change_speaker"])
def test_a_quote_gone_without_a_reanalysis_is_said_without_its_id(shown, act):
    """It said 'Quote 3 no longer exists.': a number the window shows nowhere."""
    window, wire, _, ids, _ = shown
    window.quote_actions.choose = lambda *a: pytest.fail("asked for a speaker")
    with window.ws.transaction():  # gone some other, unrecorded way
        window.ws.db.execute("DELETE FROM quotes WHERE id = ?", [ids["quote"]])
    getattr(window.quote_actions, act)(ids["quote"])
    assert _said(window) == "That quote is no longer there; nothing was saved."


@pytest.mark.parametrize("where", ["search", "drop"])
def test_a_claim_dismissed_meanwhile_is_not_added_to_the_note_from_a_search_or_a_drag(
    shown, analysed_copy, monkeypatch, where
):
    """The claims list refused a claim a colleague had dismissed since; a search result's Add to
    Briefing Note and a drag into the note added it, and the note cited a non-claim."""
    from briefing.store.claims import dismiss_claim

    window, wire, _, ids, _ = shown
    if where == "search":
        _search_hit(window, "claim", ids["claim"], "boil-water notice")
    monkeypatch.setenv("BRIEFING_ANALYST", "Ben Adler")
    with open_workspace(analysed_copy) as theirs:
        dismiss_claim(theirs, ids["claim"], "a headline, not a claim")
    monkeypatch.setenv("BRIEFING_ANALYST", "Ana Okafor")
    if where == "search":
        window.search_dock.addToBriefing.emit("claim", ids["claim"])
    else:
        window.briefing_dock.items.dropped.emit("claim", ids["claim"], 0)
    named = re.escape(item_name(window.ws, "claim", ids["claim"]))
    said = rf"^claim “{named}” was dismissed as not a claim by Ben Adler at {AT} after you opened it; nothing"
    assert re.match(said, _said(window)), _said(window)
    assert all(note.items == 0 for note in list_briefings(window.ws))


def test_a_judgement_saved_before_the_reanalysis_keeps_the_claim(shown):
    """A judged claim is the analyst's: the re-analysis keeps it, and acting on it goes on."""
    window, wire, _, ids, reanalyse = shown
    mark_claim(window.ws, ids["claim"], "disputed")
    window.after_edit()
    reanalyse()
    window.panel.mark_current("corroborated")
    assert get_claim(window.ws, ids["claim"])["status"] == "corroborated"


class _StoppedClock(datetime):
    @classmethod
    def now(cls, tz=None):
        return datetime.fromisoformat("2026-03-04T09:00:00.250000+00:00")


def test_a_reanalysis_in_the_second_the_window_drew_it_is_noticed(shown, monkeypatch):
    """Analysis times were kept in seconds: a colleague's re-analysis within the second this window
    drew the source said 'quote 3 does not exist' instead."""
    window, wire, _standard, _ids, reanalyse = shown
    monkeypatch.setattr("briefing.store.workspace.datetime", _StoppedClock)
    reanalyse()
    window.after_edit()  # drawn in the second of that analysis
    quote = list_quote_rows(window.ws, wire)[0].id
    reanalyse()  # and analysed again in that second
    window.quote_actions.not_a_quote(quote)
    assert re.match(_redrawn("quote", quote, get_source(window.ws, wire).title), _said(window)), _said(window)


def _current(tree):
    item = tree.currentItem()
    return None if item is None else item.data(0, ItemRole)


def test_a_reanalysis_keeps_the_rows_picked_by_their_words_and_place(shown):
    """A re-analysis redrew the lists and the quote picked went (found again under a new id):
    Change Speaker said to pick one. The same words at the same place are picked again; a claim
    the analysis no longer finds leaves no claim picked, not another one."""
    window, wire, _standard, ids, reanalyse = shown
    panel = window.panel
    panel.select("quote", ids["quote"])
    entity = next(i for i in _rows(panel.entities) if i.data(0, ItemRole))
    panel.select("entity", entity.data(0, ItemRole)[1])
    words = {panel.quotes: 1, panel.entities: 0}  # the column of a row's words
    picked = {tree: (_current(tree), tree.currentItem().text(column)) for tree, column in words.items()}
    reanalyse()
    window.refresh_sources()  # as the window's analysis and a colleague's change redraw it
    for tree, (before, said) in picked.items():
        kind, _id, start, end = _current(tree)
        assert (kind, start, end, tree.currentItem().text(words[tree])) == (before[0], *before[2:], said)
        assert tree.currentItem().isSelected()
    assert _current(panel.quotes)[1] != ids["quote"]  # found again under a new id
    assert panel.current_claim() is None and panel.claims.selectedItems() == []  # the 40,000 claim went
    assert not panel.evidence.isVisible() and panel.claim_help.text() == NO_CLAIM_HINT


def test_a_claim_found_again_stays_picked_and_its_evidence_shown(shown):
    window, wire, _standard, ids, reanalyse = shown
    panel = window.panel
    kept = next(c for c in list_claim_rows(window.ws, wire) if DROPPED not in c.text)
    panel.select("claim", kept.id)
    reanalyse()
    window.refresh_sources()
    assert panel.current_claim() == kept.id and panel.claims.currentItem().isSelected()


def _rows(tree):
    rows = []
    for n in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(n)
        rows += [top, *(top.child(m) for m in range(top.childCount()))]
    return rows


def test_a_reanalysis_keeps_the_search_result_picked_by_its_words(shown):
    """The results searched again after a re-analysis lost the quote picked: its id was new."""
    window, wire, _standard, ids, reanalyse = shown
    dock = window.search_dock
    dock.runner = window.runner  # in place
    words = list_quote_rows(window.ws, wire)[0].text
    dock.field.setText(f'"{words.strip("“”,. ")}"')
    dock.show()
    dock.run()
    rows = [dock.results.topLevelItem(n) for n in range(dock.results.topLevelItemCount())]
    picked = next(row for row in rows if tuple(row.data(0, HitRole)) == ("quote", ids["quote"], wire))
    dock.results.setCurrentItem(picked)
    snippet = picked.data(3, SnippetRole)
    reanalyse()
    window.after_edit()  # searched again, as after any change
    current = dock.results.currentItem()
    assert current is not None and current.data(3, SnippetRole) == snippet
    kind, quote, source = current.data(0, HitRole)
    assert (kind, source) == ("quote", wire) and quote != ids["quote"]


def test_a_reanalysis_keeps_the_suggested_passage_picked_and_previewed(shown):
    """The claim's suggestions are ranked again after a re-analysis, under new ids: the passage
    picked and previewed went, and the claim's history took the preview's place."""
    window, wire, _standard, _ids, reanalyse = shown
    panel, suggestions = window.panel, window.panel.evidence.suggestions
    claim = next(
        c.id
        for c in list_claim_rows(window.ws, wire)
        if DROPPED not in c.text and any(s["state"] == "open" for s in list_suggestions(window.ws, c.id))
    )
    panel.select("claim", claim)
    first = suggestions.topLevelItem(0)
    suggestions.setCurrentItem(first)
    suggestions.itemClicked.emit(first, 1)  # previewed
    before = tuple(first.data(0, RowRole))
    reanalyse()
    window.refresh_sources()
    now = tuple(suggestions.currentItem().data(0, RowRole))
    assert now[2:] == before[2:] and now[1] != before[1]  # the same passage, suggested anew
    assert panel.evidence.history_or_preview.previewing() and panel.evidence.previewed["id"] == now[1]


def test_a_quote_a_newer_analysis_ends_a_character_sooner_stays_picked(shown, analysed_copy):
    """A newer analysis trimmed the quote's last character: no row had its words and place, and
    the quote picked went (a source of the 300 real articles analysed again: 2 of its 4 quotes)."""
    window, wire, _standard, _ids, _reanalyse = shown
    quote = list_quote_rows(window.ws, wire)[0]
    window.panel.select("quote", quote.id)

    def sooner(analyse, batch):
        found = analyse(batch)[0]
        quotes = tuple(replace(q, end=q.end - 1) if q.start == quote.start else q for q in found.quotes)
        return [replace(found, quotes=quotes)]

    with open_workspace(analysed_copy) as theirs:
        assert analyse_sources(theirs, [wire], call=sooner) == 1
    window.refresh_sources()
    assert tuple(window.panel.quotes.currentItem().data(0, ItemRole))[2:] == (quote.start, quote.end - 1)


def test_a_reanalysis_keeps_the_quote_picked_on_the_entity_page(shown):
    """The entity page was filled anew after every change: its quote picked went."""
    window, wire, _standard, _ids, reanalyse = shown
    quote = next(q for q in list_quote_rows(window.ws, wire) if q.speaker_id is not None)
    window.open_entity(quote.speaker_id)
    quotes = window.entity_dock.quotes
    row = next(
        quotes.topLevelItem(n)
        for n in range(quotes.topLevelItemCount())
        if quotes.topLevelItem(n).text(0) == quote.text
    )
    quotes.setCurrentItem(row)
    reanalyse()
    window.after_edit()
    assert quotes.currentItem() is not None and quotes.currentItem().text(0) == quote.text
