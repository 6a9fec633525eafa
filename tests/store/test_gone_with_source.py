"""What a deleted source takes with it (its claims, quotes, annotations, and passages that were
other claims' evidence) says who deleted the source and when, to a colleague who acts on one
later; on both engines."""

import re

import pytest

from briefing.store.annotations import add_annotation, edit_annotation, get_annotation
from briefing.store.briefings import add_item, create_briefing
from briefing.store.claims import add_claim, get_claim, list_claim_history, mark_claim
from briefing.store.edits import add_quote_by_analyst, drop_quote, restore_quote, set_quote_speaker
from briefing.store.evidence import add_evidence, delete_evidence
from briefing.store.history import history_for
from briefing.store.revisions import Gone, GoneWrite, StaleWrite, get_revision
from briefing.store.source_snapshots import delete_source_keeping, restore_snapshot
from briefing.store.sources import add_document, get_source
from briefing.store.views import item_range
from tests.store.test_sources import make_doc

BACKENDS = ("sqlite", "postgresql")  # tests/conftest.py runs ``ws`` on both

TEXT = "The outage hit 40,000 households on Monday. “Pumping never stopped,” the utility said."
BY_BEN = r"was deleted by Ben Adler at \d{4}-\d\d-\d\d \d\d:\d\d UTC"


@pytest.fixture
def taken(ws, monkeypatch):
    """A source with a claim, a quote, an annotation and a passage that is evidence for another
    source's claim; Ben deletes it. The ids, and the other claim's revision before."""
    monkeypatch.setenv("BRIEFING_ANALYST", "Ana Okafor")
    source = add_document(ws, make_doc(TEXT, title="Outage ends"))[0]
    other = add_document(ws, make_doc("Officials said 40,000 households lost water.", title="Wire"))[0]
    ids = {
        "claim": add_claim(ws, source, 0, 42),
        "quote": add_quote_by_analyst(ws, source, 45, 67, None),
        "annotation": add_annotation(ws, source, 4, 10, "check the figure", ()),
        "other": add_claim(ws, other, 0, 44),
        "source": source,
    }
    ids["evidence"] = add_evidence(ws, ids["other"], source, 15, 32, "supports")
    ids["seen"] = get_revision(ws, "claim", ids["other"]).number
    monkeypatch.setenv("BRIEFING_ANALYST", "Ben Adler")
    ids["snapshot"] = delete_source_keeping(ws, source, "duplicate")
    monkeypatch.setenv("BRIEFING_ANALYST", "Ana Okafor")
    return ids


def _source_of(kind: str, item_id: int) -> str:
    return rf"^the source of the {kind}, “Outage ends”, {BY_BEN}"


@pytest.mark.parametrize(
    ("kind", "write"),
    [
        ("claim", lambda ws, ids: mark_claim(ws, ids["claim"], "disputed")),
        ("claim", lambda ws, ids: add_evidence(ws, ids["claim"], ids["other"], 0, 9, "supports")),
        ("quote", lambda ws, ids: set_quote_speaker(ws, ids["quote"], None)),
        ("quote", lambda ws, ids: drop_quote(ws, ids["quote"])),
        ("annotation", lambda ws, ids: edit_annotation(ws, ids["annotation"], "mine", ())),
        ("evidence", lambda ws, ids: delete_evidence(ws, ids["evidence"])),
    ],
)
def test_a_write_to_what_the_source_took_names_who_deleted_it(ws, taken, kind, write):
    """Judging a claim whose source a colleague had deleted said 'claim 12 does not exist'."""
    with pytest.raises(GoneWrite, match=_source_of(kind, taken[kind]) + "; nothing was saved$"):
        write(ws, taken)


def test_a_write_the_analyst_saw_before_the_deletion_says_so(ws, taken):
    pattern = _source_of("claim", taken["claim"]) + " after you opened it; nothing was saved$"
    with pytest.raises(GoneWrite, match=pattern):
        mark_claim(ws, taken["claim"], "disputed", expected=1)


@pytest.mark.parametrize(
    ("kind", "read"),
    [
        ("claim", lambda ws, ids: get_claim(ws, ids["claim"])),
        ("quote", lambda ws, ids: item_range(ws, "quote", ids["quote"])),
        ("annotation", lambda ws, ids: get_annotation(ws, ids["annotation"])),
        ("annotation", lambda ws, ids: item_range(ws, "note", ids["annotation"])),
    ],
)
def test_a_read_of_what_the_source_took_names_who_deleted_it(ws, taken, kind, read):
    with pytest.raises(Gone, match=_source_of(kind, taken[kind]) + "$"):
        read(ws, taken)


def test_the_source_itself_and_a_note_item_of_its_claim_name_who_deleted_it(ws, taken):
    with pytest.raises(Gone, match=rf"^source “Outage ends” {BY_BEN}$"):
        get_source(ws, taken["source"])
    note = create_briefing(ws, "Outage")
    with pytest.raises(GoneWrite, match=_source_of("claim", taken["claim"])):
        add_item(ws, note, "claim", taken["claim"])


def test_a_claim_that_lost_evidence_with_the_source_counts_a_revision(ws, taken):
    """A colleague's deletion took the passage supporting the claim; a judgement made on the
    evidence shown before was kept as if nothing had changed."""
    with pytest.raises(
        StaleWrite, match=r"^claim “Officials said 40,000 households lost water\.” was changed by Ben Adler at "
    ):
        mark_claim(ws, taken["other"], "corroborated", expected=taken["seen"])
    assert get_claim(ws, taken["other"])["status"] == "unreviewed"


def test_undo_brings_everything_back_and_the_history_says_both(ws, taken, monkeypatch):
    monkeypatch.setenv("BRIEFING_ANALYST", "Ben Adler")
    restore_snapshot(ws, taken["snapshot"])
    monkeypatch.setenv("BRIEFING_ANALYST", "Ana Okafor")
    assert mark_claim(ws, taken["claim"], "disputed") == 2
    assert [(j.action, j.field) for j in list_claim_history(ws, taken["claim"])][-3:] == [
        ("delete", "source"),
        ("restore", "source"),
        ("mark", "status"),
    ]
    for kind in ("quote", "annotation", "evidence"):
        assert [j.action for j in history_for(ws, kind, taken[kind]) if j.field == "source"] == ["delete", "restore"]
    edit_annotation(ws, taken["annotation"], "mine", ())  # all there again, as before
    set_quote_speaker(ws, taken["quote"], None)
    delete_evidence(ws, taken["evidence"])


def test_a_quote_dropped_by_a_colleague_says_so_and_its_undo_names_the_deletion(ws, monkeypatch):
    source = add_document(ws, make_doc(TEXT, title="Outage ends"))[0]
    quote = add_quote_by_analyst(ws, source, 45, 67, None)
    monkeypatch.setenv("BRIEFING_ANALYST", "Ben Adler")
    dropped = drop_quote(ws, quote)
    with pytest.raises(GoneWrite, match=r"^quote “Pumping never stopped,” was dropped as not a quote by Ben Adler at "):
        set_quote_speaker(ws, quote, None)
    delete_source_keeping(ws, source)
    with pytest.raises(GoneWrite, match=rf"^source “Outage ends” {BY_BEN}; nothing was saved$"):
        restore_quote(ws, dropped)


def test_a_source_deleted_without_a_title_is_named_plainly(ws, monkeypatch):
    source = add_document(ws, make_doc(TEXT, title=""))[0]
    claim = add_claim(ws, source, 0, 42)
    monkeypatch.setenv("BRIEFING_ANALYST", "Ben Adler")
    delete_source_keeping(ws, source)
    with pytest.raises(GoneWrite) as refused:
        mark_claim(ws, claim, "disputed")
    assert re.match(rf"^the source of the claim {BY_BEN}; nothing was saved$", str(refused.value))
