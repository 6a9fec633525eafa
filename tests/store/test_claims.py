import pytest

from briefing.domain import BriefingError, FoundClaim
from briefing.store.analysis import save_analysis
from briefing.store.claim_spans import find_passage, snap_to_words, title_span
from briefing.store.claims import (
    add_claim,
    dismiss_claim,
    edit_claim_span,
    get_claim,
    list_claim_rows,
    list_claims,
    list_claims_with_evidence,
    remove_claim,
    restore_claim,
)
from briefing.store.evidence import add_evidence
from briefing.store.history import history_for
from briefing.store.search_index import indexed
from briefing.store.sources import add_document
from tests.store.test_sources import make_doc

BACKENDS = ("sqlite", "postgresql")  # tests/conftest.py runs ``ws`` on both

TITLE = "Ministry denies pumping failed"
TEXT = f"{TITLE}\n\nThe ministry said pumping never stopped. The outage hit 40,000 households on Monday."
OTHER = "Officials now say 62,000 households lost water."


@pytest.fixture
def source(ws):
    return add_document(ws, make_doc(TEXT, title=TITLE))[0]


@pytest.mark.parametrize(
    "text, start, end, expected",
    [
        ("The outage hit 40,000 homes", 5, 10, "outage"),
        ("The outage hit 40,000 homes", 6, 12, "outage hit"),
        ("The outage hit 40,000 homes", 3, 11, "outage"),
        ("The outage hit 40,000 homes", 16, 27, "40,000 homes"),
        ("  spaced  ", 0, 10, "spaced"),
        ("Ünïcode wörds", 2, 9, "Ünïcode wörds"),
    ],
)
def test_a_selection_snaps_to_whole_words(text, start, end, expected):
    s, e = snap_to_words(text, start, end)
    assert text[s:e] == expected


def _analysis(*claims):
    from briefing.domain import Analysis

    return Analysis(entities=(), quotes=(), claims=tuple(claims), sentences=(), summary=None)


def _range(text: str, part: str) -> tuple[int, int]:
    return text.index(part), text.index(part) + len(part)


def test_an_analyst_claim_survives_reanalysis_and_is_recorded(ws, source):
    start, end = _range(TEXT, "pumping never stopp")
    claim = add_claim(ws, source, start, end, reason="the key denial")
    row = get_claim(ws, claim)
    assert (row["text"], row["origin"], row["status"]) == ("pumping never stopped", "analyst", "unreviewed")
    [entry] = history_for(ws, "claim", claim)
    assert (entry.action, entry.new_value, entry.reason) == ("add", "pumping never stopped", "the key denial")
    save_analysis(
        ws, source, _analysis(FoundClaim(*_range(TEXT, "The outage hit 40,000 households on Monday."), "figure", 0.8))
    )
    assert [c["text"] for c in list_claims(ws, source)] == [
        "pumping never stopped",
        "The outage hit 40,000 households on Monday.",
    ]
    with pytest.raises(BriefingError, match=f"already claim {claim}"):
        add_claim(ws, source, start, end)


def test_a_dismissed_machine_claim_stays_dismissed_and_keeps_its_evidence(ws, source):
    other = add_document(ws, make_doc(OTHER, title="Other"))[0]
    found = FoundClaim(*_range(TEXT, "The outage hit 40,000 households on Monday."), "figure", 0.9)
    save_analysis(ws, source, _analysis(found))
    [claim] = [c["id"] for c in list_claims(ws, source)]
    add_evidence(ws, claim, other, 0, 9, "related")
    dismiss_claim(ws, claim, reason="a figure of speech")
    assert list_claims(ws, source) == [] and list_claim_rows(ws, source) == [] and list_claims_with_evidence(ws) == []
    if indexed(ws):  # the search index is SQLite's until PostgreSQL search lands
        assert ws.db.execute("SELECT count(*) FROM search_docs WHERE kind = 'claim'").fetchone()[0] == 0
    save_analysis(ws, source, _analysis(found))  # re-analysis finds the same sentence
    assert list_claims(ws, source) == []
    assert [c["evidence"] for c in list_claims(ws, source, include_dismissed=True)] == [1]
    restore_claim(ws, claim, reason="undo")
    assert [c["id"] for c in list_claims(ws, source)] == [claim]
    assert [h.action for h in history_for(ws, "claim", claim)][-2:] == ["dismiss", "restore"]
    with pytest.raises(BriefingError, match="not dismissed"):
        restore_claim(ws, claim)


def test_editing_a_machine_claim_makes_it_the_analysts(ws, source):
    found = FoundClaim(*_range(TEXT, "The outage hit 40,000 households on Monday."), "figure", 0.9)
    save_analysis(ws, source, _analysis(found))
    [claim] = [c["id"] for c in list_claims(ws, source)]
    start, end = _range(TEXT, "outage hit 40,000 house")
    edit_claim_span(ws, claim, start - 1, end, reason="shorter")
    row = get_claim(ws, claim)
    assert (row["text"], row["origin"]) == ("outage hit 40,000 households", "analyst")
    save_analysis(ws, source, _analysis(found))  # the old sentence is not proposed again
    assert [c["text"] for c in list_claims(ws, source)] == ["outage hit 40,000 households"]
    [*_, edit] = history_for(ws, "claim", claim)
    assert (edit.old_value, edit.new_value) == (
        "The outage hit 40,000 households on Monday.",
        "outage hit 40,000 households",
    )


def test_undoing_an_added_claim_removes_it_and_redo_brings_back_the_same_id(ws, source):
    claim = add_claim(ws, source, *_range(TEXT, "pumping never stopped"))
    remove_claim(ws, claim, reason="undo")
    assert list_claims(ws, source) == []
    assert add_claim(ws, source, *_range(TEXT, "pumping never stopped"), claim_id=claim) == claim
    found = FoundClaim(*_range(TEXT, "The outage hit 40,000 households on Monday."), "figure", 0.9)
    save_analysis(ws, source, _analysis(found))
    machine = [c["id"] for c in list_claims(ws, source) if c["origin"] == "analysis"][0]
    with pytest.raises(BriefingError, match="dismiss it instead"):
        remove_claim(ws, machine)


@pytest.mark.parametrize(
    "start, end, message",
    [
        (5, 5, "is empty: the start must come before the end"),
        (9, 5, "is empty: the start must come before the end"),
        (-1, 5, r"^start -1: must be 0 or more \(the first character of source \d+\)$"),
        (0, 10_000, r"^end 10000: past the end of source \d+, which has [\d,]+ characters$"),
        (*_range(TEXT, "outage"), "^a claim is a statement of at least 2 words, not 'outage'$"),
        (0, len(TEXT), "^a claim stays within one paragraph: select one statement$"),
    ],
)
def test_bad_ranges_are_refused_in_one_line(ws, source, start, end, message):
    with pytest.raises(BriefingError, match=message):
        add_claim(ws, source, start, end)


def test_a_selection_without_words_is_refused(ws):
    source = add_document(ws, make_doc("Figures: 40 — … 50", title="Punctuation"))[0]
    with pytest.raises(BriefingError, match="needs words"):
        add_claim(ws, source, 12, 15)


def test_the_title_and_an_exact_passage_are_found_in_the_text(ws, source):
    assert title_span(ws, source) == ("text", 0, len(TITLE))  # a pasted page: the headline opens the text
    assert find_passage(ws, source, "pumping   never\nstopped") == _range(TEXT, "pumping never stopped")
    with pytest.raises(BriefingError, match="not found word for word"):
        find_passage(ws, source, "pumping always stopped")
    untitled = add_document(ws, make_doc("No headline here at all.", title=""))[0]
    with pytest.raises(BriefingError, match="no title"):
        title_span(ws, untitled)


def test_listing_filters_by_source_and_status(ws, source):
    from briefing.store.claims import mark_claim

    first = add_claim(ws, source, *_range(TEXT, "pumping never stopped"))
    add_claim(ws, source, *_range(TEXT, "The outage hit 40,000 households"))
    mark_claim(ws, first, "disputed")
    assert [c["id"] for c in list_claims(ws, status="disputed")] == [first]
    assert len(list_claims(ws, source)) == 2
    with pytest.raises(BriefingError, match="status"):
        list_claims(ws, status="false")


def test_adding_the_words_of_a_dismissed_claim_brings_it_back_as_the_analysts(ws, source):
    from briefing.store.claims import claim_at

    found = FoundClaim(*_range(TEXT, "The outage hit 40,000 households on Monday."), "figure", 0.9)
    save_analysis(ws, source, _analysis(found))
    [claim] = [c["id"] for c in list_claims(ws, source)]
    dismiss_claim(ws, claim)
    start, end = _range(TEXT, "The outage hit 40,000 households on Monday.")
    assert claim_at(ws, source, start + 1, end)["dismissed"] == 1
    assert add_claim(ws, source, start, end) == claim
    row = get_claim(ws, claim)
    assert (row["dismissed"], row["origin"]) == (0, "analyst")
    assert claim_at(ws, source, 0, 3) is None


def test_a_headline_apart_from_the_text_is_a_claim_on_the_title(ws):
    from briefing.store.briefing_items import ItemReader

    source = add_document(ws, make_doc(OTHER, title="IBM Denies Layoff Rumors"))[0]
    part, start, end = title_span(ws, source)
    assert (part, start, end) == ("title", 0, len("IBM Denies Layoff Rumors"))
    claim = add_claim(ws, source, start, end, part="title")
    row = get_claim(ws, claim)
    assert (row["part"], row["text"]) == ("title", "IBM Denies Layoff Rumors")
    assert [c.part for c in list_claim_rows(ws, source)] == ["title"]
    from briefing.store.views import item_range

    assert item_range(ws, "claim", claim) == (source, 0, 0)
    content = ItemReader(ws).content("claim", claim)
    assert content.passage.verification.ok and content.passage.citation.locator == "headline"
    save_analysis(ws, source, _analysis(FoundClaim(0, 24, "headline", 0.9, part="title")))
    assert [c["id"] for c in list_claims(ws, source)] == [claim]  # the analysis finds it again: kept once
    with pytest.raises(BriefingError, match="past the end of source"):
        add_claim(ws, source, 0, 40, part="title")


def test_a_passage_typed_with_straight_quotes_finds_the_page_s_curly_ones(ws):
    text = "Officials said the mayor’s “final offer” was a 12‑month freeze — for now."
    source = add_document(ws, make_doc(text, title="Freeze"))[0]
    assert find_passage(ws, source, 'the mayor\'s "final offer" was') == _range(text, "the mayor’s “final offer” was")
    assert find_passage(ws, source, "a 12-month freeze - for now") == _range(text, "a 12‑month freeze — for now")
    with pytest.raises(BriefingError, match="not found word for word"):
        find_passage(ws, source, "the mayors final offer")


def test_a_reason_given_for_the_status_a_claim_has_is_its_judgements_reason_until_undone(ws, source):
    """An analyst judges first and says why later: the claim keeps its status, the reason goes
    into the history and is the one the note gives; an undo ("undo", as the window's records)
    gives the earlier reason back, whatever status marks came before."""
    from briefing.store.claims import mark_claim
    from briefing.store.history import present_judgement, status_marks

    claim = add_claim(ws, source, *_range(TEXT, "The outage hit 40,000 households"))

    def reason_now():
        status = get_claim(ws, claim)["status"]
        judgement = present_judgement(status_marks(ws, claim).get(claim, []), status)
        return status, judgement.reason if judgement else None

    first = mark_claim(ws, claim, "corroborated", "the utility's own figure")
    second = mark_claim(ws, claim, "corroborated", "two outlets give the same count")
    assert second == first + 1 and reason_now() == ("corroborated", "two outlets give the same count")
    marks = status_marks(ws, claim)[claim]
    assert [(m.old_value, m.new_value) for m in marks] == [("unreviewed", "corroborated"), ("corroborated",) * 2]
    # the same reason again, no reason or a reason for "unreviewed": nothing written
    assert mark_claim(ws, claim, "corroborated", " two outlets give the same count ") == second
    assert mark_claim(ws, claim, "corroborated") == second
    assert len(status_marks(ws, claim)[claim]) == 2
    mark_claim(ws, claim, "corroborated", "undo")  # the reason taken back
    assert reason_now() == ("corroborated", "the utility's own figure")
    mark_claim(ws, claim, "disputed", "a later count halves it")
    mark_claim(ws, claim, "corroborated", "undo")  # the dispute undone: the earlier reason again
    assert reason_now() == ("corroborated", "the utility's own figure")
    unreviewed = mark_claim(ws, claim, "unreviewed")
    assert mark_claim(ws, claim, "unreviewed", "why not") == unreviewed
    assert len(status_marks(ws, claim)[claim]) == 6
