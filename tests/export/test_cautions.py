"""A note says when a claim's judgement may no longer hold: re-worded after it was judged,
evidence gone since (removed, or its source deleted) or re-related, or dismissed as not a claim."""

import json

import pytest

from briefing.export.formats import render_briefing
from briefing.store.claims import dismiss_claim, edit_claim_span, restore_claim
from briefing.store.source_snapshots import delete_source_keeping, restore_snapshot
from tests.export.helpers import (
    CLAIM,
    EVIDENCE,
    TEXT_A,
    TEXT_B,
    HtmlText,
    docx_paragraphs,
    pdf_text,
    split_front_matter,
)

BACKENDS = ("sqlite", "postgresql")  # tests/conftest.py runs ``ws`` on both


def exported(case):
    fields, body = split_front_matter(render_briefing(case.ws, case.briefing_id, "md").decode())
    doc = json.loads(render_briefing(case.ws, case.briefing_id, "json"))
    (claim,) = [i for i in doc["items"] if i["kind"] == "claim"]
    return fields["judgements_to_check"], body, claim["cautions"]


def test_a_note_without_changes_since_the_judgement_has_no_caution(case):
    count, body, cautions = exported(case)
    assert (count, cautions) == (0, []) and "Check the judgement" not in body


def test_a_claim_re_worded_after_its_judgement_is_flagged_with_its_earlier_words(case):
    shorter = CLAIM.index(" 40,000")
    start = TEXT_A.index(CLAIM)
    edit_claim_span(case.ws, case.ids["claim_id"], start, start + shorter)
    count, body, cautions = exported(case)
    assert count == 1
    assert "**Check the judgement:** 1 claim's judgement may no longer hold" in body
    assert "**Check the judgement:** It was judged disputed on" in body and f"“{CLAIM}”" in body
    assert cautions == [f"It was judged disputed on {cautions[0].split(' on ')[1][:10]} when its words were “{CLAIM}”"]
    edit_claim_span(case.ws, case.ids["claim_id"], start, start + len(CLAIM))  # back to the judged words
    assert exported(case)[0] == 0


def test_evidence_lost_with_its_source_is_flagged_until_the_source_comes_back(case):
    snapshot = delete_source_keeping(case.ws, case.ids["source_b"])
    count, body, cautions = exported(case)
    assert count == 1
    assert cautions == ["1 evidence passage it was judged with was removed since with its source."]
    assert EVIDENCE not in body  # gone from the note, but not silently
    restore_snapshot(case.ws, snapshot)
    assert exported(case)[0] == 0


def _change_relation(case, relation: str, note: str = "later and higher") -> None:
    from briefing.store.evidence import change_evidence, list_evidence

    [evidence] = [e for e in list_evidence(case.ws, case.ids["claim_id"]) if e["passage"] == EVIDENCE]
    change_evidence(case.ws, evidence["id"], relation, note)


def test_evidence_it_was_judged_with_that_changed_relation_since_is_flagged(case):
    """Judged disputed with contradicting evidence that now supports the claim: the note said nothing."""
    _change_relation(case, "supports")
    count, body, cautions = exported(case)
    assert count == 1
    said = "1 evidence passage it was judged with was changed since from contradicts to supports."
    assert cautions == [said]
    assert f"**Check the judgement:** {said}" in body
    _change_relation(case, "related")  # changed again: from what it was judged with
    assert exported(case)[2] == ["1 evidence passage it was judged with was changed since from contradicts to related."]
    _change_relation(case, "contradicts")  # back as judged
    assert exported(case)[0] == 0


def test_several_changed_relations_are_said_in_one_caution(case):
    from briefing.store.claims import mark_claim
    from briefing.store.evidence import add_evidence, change_evidence

    claim_id, later = case.ids["claim_id"], TEXT_B.index("The ministry")
    other = add_evidence(case.ws, claim_id, case.ids["source_b"], later, len(TEXT_B), "related")
    mark_claim(case.ws, claim_id, "unreviewed", "a second look")
    mark_claim(case.ws, claim_id, "disputed", "judged with both")
    _change_relation(case, "supports")
    change_evidence(case.ws, other, "supports", None)
    assert exported(case)[2] == [
        "2 evidence passages it was judged with were changed since: 1 from contradicts to supports, "
        "1 from related to supports."
    ]


def test_a_new_note_or_evidence_linked_after_the_judgement_is_no_caution(case):
    from briefing.store.evidence import add_evidence, change_evidence

    _change_relation(case, "contradicts", "a note written since")
    later = TEXT_B.index("The ministry")
    evidence_id = add_evidence(case.ws, case.ids["claim_id"], case.ids["source_b"], later, len(TEXT_B), "related")
    change_evidence(case.ws, evidence_id, "supports", None)  # not weighed by the judgement
    assert exported(case)[0] == 0


def test_a_claim_dismissed_after_it_went_into_the_note_is_flagged(case):
    dismiss_claim(case.ws, case.ids["claim_id"])
    count, _, cautions = exported(case)
    assert (count, cautions) == (1, ["It has since been dismissed as not a claim."])
    restore_claim(case.ws, case.ids["claim_id"])
    assert exported(case)[0] == 0


def test_a_judgement_that_may_no_longer_hold_is_published_as_no_claim_review(case):
    """The JSON's schema.org ClaimReviews published a dismissed claim as 'disputed', and a
    re-worded one with words nobody judged."""

    def reviews() -> list:
        return json.loads(render_briefing(case.ws, case.briefing_id, "json"))["claim_reviews"]

    assert len(reviews()) == 1
    dismiss_claim(case.ws, case.ids["claim_id"])
    assert reviews() == []
    restore_claim(case.ws, case.ids["claim_id"])
    start = TEXT_A.index(CLAIM)
    edit_claim_span(case.ws, case.ids["claim_id"], start, start + CLAIM.index(" 40,000"))
    assert reviews() == []


@pytest.mark.parametrize("fmt", ["html", "docx", "pdf"])
def test_every_format_shows_the_caution(case, fmt):
    dismiss_claim(case.ws, case.ids["claim_id"])
    _change_relation(case, "supports")

    data = render_briefing(case.ws, case.briefing_id, fmt)
    if fmt == "html":
        text = HtmlText(data.decode()).text
    elif fmt == "docx":
        text = " ".join(t for _, t in docx_paragraphs(data))
    else:
        text = " ".join(pdf_text(data)[0])
    text = " ".join(text.split())
    assert "Check the judgement: 1 claim's judgement" in text and "It has since been dismissed as not a claim" in text
    assert "1 evidence passage it was judged with was changed since from contradicts to supports." in text


def test_untitled_sources_are_told_apart_by_their_files(case):
    """Two untitled sources were both '(untitled source). Undated.': a reader could not check [1] or [2]."""
    from briefing.store.sources import update_source

    case.ws.db.execute("UPDATE sources SET path = ? WHERE id = ?", ["/cases/fnc_1027.txt", case.ids["source_b"]])
    update_source(case.ws, case.ids["source_b"], title="")
    _, body, _ = exported(case)
    assert "2. (untitled source: fnc\\_1027.txt). The Veldran Standard, undated." in body  # Markdown-escaped
    doc = json.loads(render_briefing(case.ws, case.briefing_id, "json"))
    assert [c["source"]["file"] for c in doc["citations"]] == ["a.txt", "fnc_1027.txt"]


def test_an_item_whose_source_was_deleted_still_says_where_it_came_from_and_how_it_was_judged(case):
    """It came out as '## Claim (no longer in the workspace)' with no source, reason or analyst."""
    delete_source_keeping(case.ws, case.ids["source_a"])
    body, doc = _markdown_and_json(case)
    claim = body.split("## Claim (no longer in the workspace)")[1].split("## ")[0]
    was = "*From “Pumps back”, Meridian Wire, 2026-03-03. It was disputed: the ministry's own figure is higher"
    assert was in claim
    assert "(judged by " in claim and "Not verified (orphaned)" in claim
    quote = body.split("## Quote (no longer in the workspace)")[1].split("## ")[0]
    assert "*From “Pumps back”, Meridian Wire, 2026-03-03.*" in quote
    (item,) = [i for i in doc["items"] if i["kind"] == "claim"]
    assert item["was"].startswith("From “Pumps back”, Meridian Wire, 2026-03-03. It was disputed")


def _markdown_and_json(case):
    _, body = split_front_matter(render_briefing(case.ws, case.briefing_id, "md").decode())
    doc = json.loads(render_briefing(case.ws, case.briefing_id, "json"))
    return body, doc


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "pdf"])
def test_a_dismissed_claims_heading_says_it_was_dismissed_in_every_format(case, fmt):
    """The heading still said 'Claim: disputed', the caution only further down."""
    dismiss_claim(case.ws, case.ids["claim_id"])
    data = render_briefing(case.ws, case.briefing_id, fmt)
    if fmt == "md":
        text = data.decode()
    elif fmt == "html":
        text = HtmlText(data.decode()).text
    elif fmt == "docx":
        text = " ".join(t for _, t in docx_paragraphs(data))
    else:
        text = " ".join(pdf_text(data)[0])
    text = " ".join(text.split())
    assert "Claim (dismissed): was disputed" in text and "Claim: disputed" not in text
    items = json.loads(render_briefing(case.ws, case.briefing_id, "json"))["items"]
    (claim,) = [i for i in items if i["kind"] == "claim"]
    assert claim["dismissed"] is True and claim["status"] == "disputed"
    restore_claim(case.ws, case.ids["claim_id"])
    assert "Claim: disputed" in render_briefing(case.ws, case.briefing_id, "md").decode()
