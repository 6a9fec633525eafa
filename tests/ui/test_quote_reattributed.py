"""A quote a colleague re-attributed while this window's analyst chose a speaker for it: the
change is refused with who re-attributed it and when, and the colleague's speaker stays; an undo
never puts back the speaker from before a colleague's later change. Quotes carry no revision:
the speaker shown is compared. On a workspace file (two connections to it) and on a team
workspace."""

import re

import pytest

from briefing.store import open_workspace
from briefing.store.edits import set_quote_speaker
from briefing.store.entities import list_entity_rows
from briefing.store.history import history_for
from briefing.store.quotes import list_quote_rows
from briefing.store.revisions import item_name
from briefing.store.sources import list_sources

BY_BEN = r"was re-attributed by Ben Adler at \d{4}-\d\d-\d\d \d\d:\d\d UTC after you opened it; nothing was saved"


@pytest.fixture
def quote(shared_window, analysed_copy, monkeypatch):
    """The wire's 'pretend this is normal' quote open; ``colleague(entity_id)`` is Ben giving it
    another speaker on his own connection."""
    window = shared_window
    monkeypatch.setenv("BRIEFING_ANALYST", "Ana Okafor")
    wire = next(r.id for r in list_sources(window.ws) if r.outlet == "Meridian Wire")
    window.select_source(wire)
    found = next(q for q in list_quote_rows(window.ws, wire) if "pretend this is normal" in q.text)
    window.panel.select("quote", found.id)
    people = {e.name: e.id for e in list_entity_rows(window.ws, wire) if e.type == "person"}

    def colleague(entity_id: int | None) -> None:
        monkeypatch.setenv("BRIEFING_ANALYST", "Ben Adler")
        with open_workspace(analysed_copy) as theirs:
            set_quote_speaker(theirs, found.id, entity_id, "checked the recording")
        monkeypatch.setenv("BRIEFING_ANALYST", "Ana Okafor")

    return window, wire, found.id, people, colleague


def _speaker(window, wire: int, quote_id: int) -> str | None:
    return next(q.speaker for q in list_quote_rows(window.ws, wire) if q.id == quote_id)


def test_a_speaker_chosen_while_a_colleague_re_attributed_the_quote_is_refused(quote):
    """Ben gave the quote to Ingrid Vasquel while Ana's Speaker dialog was open; Ana's choice of
    no speaker was saved over his, unsaid."""
    window, wire, quote_id, people, colleague = quote

    def choose(*_args):  # the colleague saves while the dialog is open
        colleague(people["Ingrid Vasquel"])
        return "No speaker"

    window.quote_actions.choose = choose
    steps = window.undo_stack.count()
    window.quote_actions.change_speaker(quote_id)
    said = window.statusBar().currentMessage()
    assert re.match(rf"^quote “{re.escape(item_name(window.ws, 'quote', quote_id))}” {BY_BEN}", said), said
    assert _speaker(window, wire, quote_id) == "Ingrid Vasquel"
    assert window.undo_stack.count() == steps
    assert [j.actor for j in history_for(window.ws, "quote", quote_id)] == ["Ben Adler"]


def test_undoing_a_speaker_change_after_a_colleagues_later_one_is_refused(quote):
    window, wire, quote_id, people, colleague = quote
    window.quote_actions.choose = lambda *_args: "No speaker"
    window.quote_actions.change_speaker(quote_id)
    assert _speaker(window, wire, quote_id) is None
    window.undo_stack.undo()  # nobody in between: it goes through, and redo too
    assert _speaker(window, wire, quote_id) == "Marta Okafor"
    window.undo_stack.redo()
    assert _speaker(window, wire, quote_id) is None
    colleague(people["Ingrid Vasquel"])
    steps = window.undo_stack.count()
    window.undo_stack.undo()
    named = re.escape(item_name(window.ws, "quote", quote_id))  # by its words, never its id
    assert re.match(rf"^Undo step dropped: quote “{named}” {BY_BEN}", window.statusBar().currentMessage())
    assert _speaker(window, wire, quote_id) == "Ingrid Vasquel"
    assert window.undo_stack.count() == steps - 1
