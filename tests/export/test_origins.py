"""Exports count independent origins: the note says "3 sources, 1 origin"; the workspace JSON
carries every claim's suggestions and evidence with their origin numbers."""

import io
import json

import docx
import pytest

from briefing.export.formats import BRIEFING_FORMATS, note_origins, render_briefing, render_note_as
from briefing.export.workspace_json import workspace_document
from briefing.store.briefings import add_item, create_briefing, read_briefing
from briefing.store.claims import add_claim, mark_claim
from briefing.store.evidence import add_evidence
from briefing.store.sources import add_document
from briefing.store.suggestions import replace_suggestions
from tests.export.helpers import HtmlText, normal, pdf_text, squeezed
from tests.store.test_sources import make_doc

CLAIM = "The plant failed late on Sunday."
FACT = "The control system of the Port Halden plant failed at 06:15 on Monday, the water authority said."
WIRE = (
    f"{FACT} About 40,000 households had no running water for most of the day. Engineers from the "
    "regional grid operator arrived by noon, and tankers reached the market square in the afternoon."
)
OWN = (
    "Families queued for water since dawn. Internal logs seen by the Standard show the plant's control "
    "system went down at 06:15 on Monday."
)
OWN_FACT = OWN.split(". ")[1]
SUGGESTED = "Staff at the plant said <b>the failure</b> began on Monday morning, shortly after six & not before."


def _source(ws, text: str, title: str, outlet: str) -> int:
    return add_document(ws, make_doc(text, title=title, outlet=outlet))[0]


@pytest.fixture
def reprinted(ws):
    """A claim contradicted by three reprints of one wire story and one report of its own, with
    two open suggestions: a fourth reprint and another independent report."""
    claim_source = _source(ws, f"Ministry statement. {CLAIM}", "Statement", "Ministry")
    claim = add_claim(ws, claim_source, len("Ministry statement. "), len("Ministry statement. ") + len(CLAIM))
    outlets = ("Meridian Wire", "The Courier", "Daily Post", "Evening News")
    reprints = [_source(ws, f"{outlet} — {WIRE}", f"Reprint {n}", outlet) for n, outlet in enumerate(outlets)]
    at = [len(f"{outlet} — ") for outlet in outlets]  # where FACT starts in each reprint
    own = _source(ws, OWN, "Logs", "The Veldran Standard")
    other = _source(ws, SUGGESTED, "Staff", "The Halden Courier")
    for source, start in zip(reprints[:3], at, strict=False):
        add_evidence(ws, claim, source, start, start + len(FACT), "contradicts")
    add_evidence(
        ws, claim, own, OWN.index(OWN_FACT), OWN.index(OWN_FACT) + len(OWN_FACT), "contradicts", note="internal logs"
    )
    replace_suggestions(
        ws,
        claim,
        [(reprints[3], at[3], at[3] + len(FACT), 0.9, "contradicts"), (other, 0, len(SUGGESTED), 0.4, "related")],
    )
    mark_claim(ws, claim, "disputed")
    note = create_briefing(ws, "Outage timing", author="K. Ames", date="2026-03-04")
    add_item(ws, note, "claim", claim)
    return ws, note, claim, {"reprints": reprints, "own": own, "other": other}


def test_the_workspace_json_has_origins_and_suggestions(reprinted):
    ws, _, claim_id, ids = reprinted
    [claim] = [c for c in workspace_document(ws)["claims"] if c["id"] == claim_id]
    assert claim["origins"]["text"] == "4 sources, 2 origins"
    assert claim["origins"]["contradicts"] == {"sources": 4, "origins": 2}
    assert claim["origins"]["supports"] == {"sources": 0, "origins": 0}
    assert [e["origin"] for e in claim["evidence"]] == [1, 1, 1, 2]
    assert claim["credibility"] == 5  # two independent origins contradict; four sources would say the same
    first, second = claim["suggestions"]
    assert (
        first["source_id"],
        first["passage"],
        first["score"],
        first["relation"],
        first["state"],
        first["origin"],
    ) == (ids["reprints"][3], FACT, 0.9, "contradicts", "open", 1)
    assert (second["source_id"], second["passage"], second["relation"], second["origin"]) == (
        ids["other"],
        SUGGESTED,
        "related",
        3,
    )
    assert {"start", "end", "id"} <= set(first)


def test_reprints_alone_grade_as_one_origin(reprinted):
    from briefing.store.evidence import delete_evidence

    ws, _, claim_id, _ = reprinted
    own = ws.db.execute("SELECT id FROM evidence WHERE claim_id = ? AND note = 'internal logs'", [claim_id]).fetchone()
    delete_evidence(ws, own[0])
    [claim] = [c for c in workspace_document(ws)["claims"] if c["id"] == claim_id]
    assert claim["origins"]["text"] == "3 sources, 1 origin" and claim["credibility"] == 4


def test_a_claim_without_evidence_exports_empty_origins(ws):
    source = _source(ws, CLAIM, "Statement", "Ministry")
    add_claim(ws, source, 0, len(CLAIM))
    [claim] = workspace_document(ws)["claims"]
    assert claim["origins"]["text"] == "0 sources, 0 origins"
    assert claim["evidence"] == [] and claim["suggestions"] == []


def _text(data: bytes, fmt: str) -> str:
    if fmt == "pdf":
        return "".join(pdf_text(data)[0])
    return {
        "md": lambda: data.decode("utf-8"),
        "html": lambda: HtmlText(data.decode("utf-8")).text,
        "docx": lambda: "\n".join(p.text for p in docx.Document(io.BytesIO(data)).paragraphs),
        "json": lambda: json.dumps(json.loads(data), ensure_ascii=False),
    }[fmt]()


@pytest.mark.parametrize("fmt", BRIEFING_FORMATS)
def test_every_note_format_says_sources_and_origins(reprinted, fmt):
    ws, note, _, _ = reprinted
    text = _text(render_briefing(ws, note, fmt), fmt)
    if fmt == "pdf":
        assert squeezed("4 sources, 2 origins") in squeezed(text) and squeezed("origin 1") in squeezed(text)
        return
    assert "4 sources, 2 origins" in normal(text)
    if fmt != "json":
        assert "Contradicts, origin 1: “" in normal(text) and "Contradicts, origin 2: “" in normal(text)


def test_the_markdown_note_puts_the_count_next_to_the_evidence(reprinted):
    ws, note, _, _ = reprinted
    lines = render_briefing(ws, note, "md").decode().splitlines()
    at = lines.index("**Evidence:** 4 sources, 2 origins")
    assert lines[at + 2].startswith("- Contradicts, origin 1: “The control system")
    assert lines[at + 5] == f"- Contradicts, origin 2: “{OWN_FACT}” [5, paragraph 1] — internal logs"


def test_the_json_note_numbers_evidence_origins_and_keeps_claim_review_valid(reprinted):
    ws, note, _, _ = reprinted
    doc = json.loads(render_briefing(ws, note, "json"))
    [claim] = doc["items"]
    assert claim["origins"]["text"] == "4 sources, 2 origins"
    assert [e["origin"] for e in claim["evidence"]] == [1, 1, 1, 2]
    [review] = doc["claim_reviews"]
    assert review["@type"] == "ClaimReview" and review["reviewRating"]["@type"] == "Rating"
    assert review["reviewRating"]["ratingValue"] == 5
    assert review["reviewRating"]["ratingExplanation"].endswith("; evidence from 4 sources, 2 origins")
    assert [b["description"] for b in review["isBasedOn"]] == ["contradicts, origin 1"] * 3 + [
        "contradicts, origin 2: internal logs"
    ]
    assert all(
        set(b) <= {"@type", "@id", "headline", "publisher", "author", "datePublished", "text", "description"}
        for b in review["isBasedOn"]
    )


def test_independent_evidence_is_not_labelled_with_origins(ws):
    claim_source = _source(ws, CLAIM, "Statement", "Ministry")
    claim = add_claim(ws, claim_source, 0, len(CLAIM))
    for text in (WIRE, OWN):
        source = _source(ws, text, "Report", "Outlet")
        passage = FACT if text == WIRE else OWN_FACT
        add_evidence(ws, claim, source, text.index(passage), text.index(passage) + len(passage), "supports")
    note = create_briefing(ws, "Timing")
    add_item(ws, note, "claim", claim)
    body = render_briefing(ws, note, "md").decode()
    assert "**Evidence:** 2 sources, 2 origins" in body and "origin 1" not in body
    assert "- Supports: “" in body


def test_a_note_rendered_without_origins_keeps_the_plain_evidence_list(reprinted):
    ws, note, _, _ = reprinted
    body = render_note_as(read_briefing(ws, note), "md").decode()
    assert "**Evidence**\n" in body and "origin" not in body
    with_origins = read_briefing(ws, note)
    assert "4 sources, 2 origins" in render_note_as(with_origins, "md", note_origins(ws, with_origins)).decode()


def test_suggested_text_stays_data_in_the_workspace_json(reprinted):
    ws, _, claim_id, _ = reprinted
    text = json.dumps(workspace_document(ws), ensure_ascii=False)
    [claim] = [c for c in json.loads(text)["claims"] if c["id"] == claim_id]
    assert claim["suggestions"][1]["passage"] == SUGGESTED  # markup kept verbatim, as a string
