import json

from briefing.export.formats import render_briefing
from tests.export.helpers import CLAIM, EVIDENCE, HIGHLIGHT, NOTE, QUOTE, TEXT_A, TEXT_B


def _document(case):
    return json.loads(render_briefing(case.ws, case.briefing_id, "json"))


def test_json_holds_the_structure_citations_and_checks(case):
    doc = _document(case)
    assert doc["format"] == "briefing-note" and doc["briefing"]["title"] == "Port Halden outage, day 3"
    items = doc["items"]
    assert [(i["position"], i["kind"]) for i in items] == [
        (0, "text"),
        (1, "quote"),
        (2, "claim"),
        (3, "annotation"),
        (4, "summary"),
        (5, "entity"),
    ]
    text, quote, claim, annotation, summary, entity = items
    assert text["markdown"].startswith("## Bottom line")
    assert (quote["text"], quote["speaker"], quote["cue"], quote["citation"]) == (QUOTE, "Mira Okafor", "said", 1)
    assert quote["verification"]["state"] == "verified"
    assert (claim["text"], claim["status"], claim["credibility"]) == (CLAIM, "disputed", 4)
    assert claim["evidence"][0]["text"] == EVIDENCE and claim["evidence"][0]["relation"] == "contradicts"
    assert annotation["note"] == NOTE and annotation["tags"] == ["figures", "logistics"]
    assert summary["citation"] == 1 and entity["quotes"][0]["citation"] == 1
    assert claim["citation"] == 1 and claim["evidence"][0]["citation"] == 2  # one number per source
    assert (quote["paragraph"], quote["locator"]) == (2, "paragraph 2")
    assert (quote["start"], quote["end"]) == (TEXT_A.index(QUOTE), TEXT_A.index(QUOTE) + len(QUOTE))
    first, second = doc["citations"]
    assert first["source"]["title"] == "Pumps back" and first["source"]["outlet"] == "Meridian Wire"
    assert first["source"]["reliability"] == "B" and first["number"] == 1 and second["number"] == 2
    assert "paragraph" not in first and "start" not in first  # a passage's place is the passage's
    assert doc["verification"] == {"checked": 5, "not_verified": []}


def test_annotations_are_w3c_web_annotations(case):
    [annotation] = _document(case)["annotations"]
    assert annotation["@context"] == "http://www.w3.org/ns/anno.jsonld" and annotation["type"] == "Annotation"
    quote_selector, position_selector = annotation["target"]["selector"]
    start = TEXT_A.index(HIGHLIGHT)
    assert quote_selector == {
        "type": "TextQuoteSelector",
        "exact": HIGHLIGHT,
        "prefix": TEXT_A[start - 32 : start],
        "suffix": TEXT_A[start + len(HIGHLIGHT) : start + len(HIGHLIGHT) + 32],
    }
    assert position_selector == {"type": "TextPositionSelector", "start": start, "end": start + len(HIGHLIGHT)}
    assert annotation["target"]["source"] == f"urn:briefing:source:{case.ids['source_a']}"
    assert annotation["body"] == [
        {"type": "TextualBody", "value": NOTE, "format": "text/plain", "purpose": "commenting"},
        {"type": "TextualBody", "value": "figures", "purpose": "tagging"},
        {"type": "TextualBody", "value": "logistics", "purpose": "tagging"},
    ]


def test_reviewed_claims_are_schema_org_claim_reviews(case):
    [review] = _document(case)["claim_reviews"]
    assert review["@context"] == "https://schema.org" and review["@type"] == "ClaimReview"
    assert review["claimReviewed"] == CLAIM
    assert review["reviewRating"]["alternateName"] == "disputed" and review["reviewRating"]["ratingValue"] == 4
    appearance = review["itemReviewed"]["appearance"]
    assert appearance["headline"] == "Pumps back" and appearance["publisher"]["name"] == "Meridian Wire"
    assert appearance["datePublished"] == "2026-03-03"
    [basis] = review["isBasedOn"]
    assert basis["text"] == TEXT_B[: len(EVIDENCE)] and basis["publisher"]["name"] == "The Veldran Standard"
    from briefing.store.history import history_for

    judge = [h.actor for h in history_for(case.ws, "claim", case.ids["claim_id"]) if h.action == "mark"][-1]
    # the review's author is whoever judged the claim, not the note's author (K. Ames)
    assert review["author"] == {"@type": "Person", "name": judge} and review["datePublished"] == "2026-03-04"


def test_unreviewed_claims_are_not_claim_reviews(case):
    from briefing.store.claims import mark_claim

    mark_claim(case.ws, case.ids["claim_id"], "unreviewed")
    doc = _document(case)
    assert doc["claim_reviews"] == [] and doc["items"][2]["status"] == "unreviewed"


def test_an_untitled_source_is_named_by_its_file_in_schema_org_never_a_null_headline():
    from briefing.export.jsonld import _creative_work
    from briefing.note_content import Citation

    untitled = _creative_work(Citation(7, None, None, None, None, None, file_name="body-1819.txt"), {})
    assert "headline" not in untitled and untitled["name"] == "body-1819.txt"
    titled = _creative_work(Citation(8, "Pumps back", None, None, None, None, file_name="pumps.html"), {})
    assert titled["headline"] == "Pumps back" and "name" not in titled
    assert _creative_work(Citation(9, None, None, None, None, None), {}) == {
        "@type": "CreativeWork",
        "@id": "urn:briefing:source:9",
    }
