"""Every passage is checked word for word at export; what does not match is flagged in every format."""

import io
import json

import docx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from briefing.export.docx import FLAG_COLOUR
from briefing.export.formats import render_briefing
from briefing.note_content import paragraph_number, verify_passage
from briefing.store.annotations import delete_annotation
from briefing.store.briefings import read_briefing
from tests.export.helpers import CLAIM, TEXT_A, HtmlText, normal, pdf_text, split_front_matter, squeezed

SOURCE = "First paragraph says 40,000.\n\nSecond paragraph says 40,000 again.\n\nThird."


@pytest.mark.parametrize(
    "words, start, end, expected",
    [
        ("40,000", 21, 27, ("verified", 21, 27, 1)),
        ("40,000", 0, 6, ("moved", 21, 27, 1)),  # the copy nearest the recorded place
        ("40,000", 60, 66, ("moved", 52, 58, 2)),
        ("62,000", 21, 27, ("altered", None, None, None)),
        ("Third.", 67, 73, ("verified", 67, 73, 3)),
        ("", 0, 0, ("altered", None, None, None)),
        ("40,000", 70, 90, ("moved", 52, 58, 2)),  # a range beyond the text is not an error
    ],
)
def test_verify_passage(words, start, end, expected):
    result = verify_passage(SOURCE, words, start, end)
    assert (result.state, result.start, result.end, result.paragraph) == expected


@given(st.text(min_size=1), st.data())
def test_a_passage_at_its_own_range_is_verified_and_a_found_one_is_real(text, data):
    start = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(start + 1, len(text)))
    assert verify_passage(text, text[start:end], start, end).state == "verified"
    elsewhere = data.draw(st.integers(0, len(text)))
    found = verify_passage(text, text[start:end], elsewhere, elsewhere + end - start)
    assert found.state in ("verified", "moved")
    assert text[found.start : found.end] == text[start:end]
    assert found.paragraph == paragraph_number(text, found.start)


def test_paragraph_numbers_count_blank_line_breaks():
    assert [paragraph_number(SOURCE, i) for i in (0, 29, 30, 66, 67)] == [1, 1, 2, 2, 3]


@pytest.fixture
def drifted(case):
    """The quote altered, the claim's range moved, the annotation deleted."""
    ws = case.ws
    ws.db.execute(
        "UPDATE quotes SET text = 'We restored pumping at dawn and everyone is safe,' WHERE id = ?",
        [case.ids["quote_id"]],
    )
    ws.db.execute('UPDATE claims SET start = 0, "end" = ? WHERE id = ?', [len(CLAIM), case.ids["claim_id"]])
    ws.db.conn.commit()
    delete_annotation(ws, case.ids["annotation_id"])
    return case


FLAGS = (
    "Not verified (altered): the quote is not found verbatim in the stored source text.",
    "Not verified (moved): the claim is found verbatim at paragraph 2, not where it was recorded.",
    "Not verified (orphaned): this annotation is no longer in the workspace (its record or source was deleted); "
    "shown as it was when added.",
)


def test_the_store_read_exposes_the_states_for_the_app(drifted):
    note = read_briefing(drifted.ws, drifted.briefing_id)
    states = {item.kind: item.verification and item.verification.state for item in note.items}
    assert states == {
        "text": None,
        "quote": "altered",
        "claim": "moved",
        "annotation": "orphaned",
        "summary": None,
        "entity": None,
    }
    # the entity card shows the altered quote too, so it is flagged there as well
    assert [(item.kind, v.state) for item, v in note.problems()] == [
        ("quote", "altered"),
        ("claim", "moved"),
        ("annotation", "orphaned"),
        ("entity", "altered"),
    ]


def test_markdown_and_html_flag_what_does_not_match(drifted):
    fields, body = split_front_matter(render_briefing(drifted.ws, drifted.briefing_id, "md").decode())
    assert fields["not_verified"] == 4
    assert "**Not verified:** 4 passages do not match the stored sources word for word" in body
    for flag in FLAGS:
        label, rest = flag.split(": ", 1)
        assert f"**{label}:** {rest}" in body
    assert "> “Tankers reached Saltmarsh”" in body  # the orphaned annotation, as it was when added
    page = HtmlText(render_briefing(drifted.ws, drifted.briefing_id, "html").decode())
    assert sum(1 for tag, attrs in page.tags if tag == "p" and attrs.get("class") == "flag") == 5
    for flag in FLAGS:
        assert normal(flag) in page.text


def test_pdf_and_docx_flag_what_does_not_match(drifted):
    pages, _ = pdf_text(render_briefing(drifted.ws, drifted.briefing_id, "pdf"))
    for flag in FLAGS:
        assert squeezed(flag) in squeezed("".join(pages))
    document = docx.Document(io.BytesIO(render_briefing(drifted.ws, drifted.briefing_id, "docx")))
    red = [p.text for p in document.paragraphs if p.runs and p.runs[0].font.color.rgb == FLAG_COLOUR]
    entity_flag = FLAGS[0].replace("the quote is", "a quote is")  # the entity card shows the same quote
    assert red == [red[0], *FLAGS, entity_flag]
    assert red[0].startswith("Not verified: 4 passages do not match")


def test_json_carries_the_states(drifted):
    doc = json.loads(render_briefing(drifted.ws, drifted.briefing_id, "json"))
    by_kind = {item["kind"]: item for item in doc["items"]}
    assert by_kind["quote"]["verification"]["state"] == "altered"
    moved = by_kind["claim"]["verification"]
    assert (moved["state"], moved["found_start"], moved["found_paragraph"]) == ("moved", TEXT_A.index(CLAIM), 2)
    assert by_kind["annotation"]["verification"]["state"] == "orphaned"
    assert by_kind["annotation"]["text_when_added"] == "Tankers reached Saltmarsh"
    assert [p["state"] for p in doc["verification"]["not_verified"]] == ["altered", "moved", "orphaned", "altered"]
    assert doc["annotations"] == []


def test_a_moved_passage_is_cited_where_its_words_are_now(drifted):
    """The claim was cited '[1, paragraph 1]' beside 'found verbatim at paragraph 2': a reader
    looked in paragraph 1 and did not find it."""
    body = split_front_matter(render_briefing(drifted.ws, drifted.briefing_id, "md").decode())[1]
    assert f"{CLAIM} [1, paragraph 2]" in body
    doc = json.loads(render_briefing(drifted.ws, drifted.briefing_id, "json"))
    claim = next(item for item in doc["items"] if item["kind"] == "claim")
    assert (claim["paragraph"], claim["locator"], claim["start"]) == (2, "paragraph 2", 0)  # offsets: as recorded
