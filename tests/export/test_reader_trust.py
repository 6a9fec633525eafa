"""What a reader of an exported note relies on: one entry per source with its address, passages
by paragraph, the analyst's reasons, quotation marks once, no empty cues, document metadata."""

from __future__ import annotations

import hashlib
import io
import json
import re
import time
import zipfile
from datetime import UTC, datetime

import docx
import pytest

from briefing.domain import Document
from briefing.export.formats import BRIEFING_FORMATS, render_briefing
from briefing.export.note import render_note
from briefing.store.briefings import add_item, create_briefing, read_briefing
from briefing.store.claims import add_claim, mark_claim
from briefing.store.entities import add_entity
from briefing.store.history import current_actor
from briefing.store.quotes import add_quote
from briefing.store.sources import add_document
from tests.export.helpers import CLAIM, QUOTE, HtmlText, docx_paragraphs, normal, pdf_text, split_front_matter, squeezed
from tests.export.test_links import Links

URL = "https://www.haldencourier.example/news/2026/03/04/ransom-demand"
PAGE_TEXT = (
    "Residents queued for bottled water on Wednesday.\n\n"
    "“We were told nothing for two days,” said Ada Merrow, a teacher.\n\n"
    "Councillor Tenbrook said the city had received a ransom demand. ‘No demand was received,’ the ministry confirmed."
)
SPOKEN = "“We were told nothing for two days,”"
CONFIRMED = "‘No demand was received,’"


def _page(ws) -> int:
    raw = (
        '<html><head><link rel="canonical" href="' + URL + '"><meta property="og:url" content="https://other.example/">'
        "<title>Ransom demand</title></head><body><p>Residents queued.</p></body></html>"
    ).encode()
    doc = Document(
        path="page.html",
        format="html",
        raw=raw,
        content_hash=hashlib.sha256(raw).hexdigest(),
        text=PAGE_TEXT,
        title="Ransom demand",
        outlet="The Halden Courier",
        author="Rhea Castellane",
        published="2026-03-04",
    )
    return add_document(ws, doc)[0]


@pytest.fixture
def page_note(case):
    """The case's note plus a web page source: two quotes (one stored with its quotation marks)."""
    ws = case.ws
    page = _page(ws)
    merrow = add_entity(ws, "Ada Merrow", "person")
    start = PAGE_TEXT.index(SPOKEN)
    spoken = add_quote(ws, page, start, start + len(SPOKEN), merrow, "Ada Merrow", "said")
    start = PAGE_TEXT.index(CONFIRMED)
    confirmed = add_quote(ws, page, start, start + len(CONFIRMED), None, "the ministry", "confirmed")
    for quote in (spoken, confirmed):
        add_item(ws, case.briefing_id, "quote", quote)
    return case


def _reader_text(data: bytes, fmt: str) -> str:
    if fmt == "md":
        return split_front_matter(data.decode())[1]
    if fmt == "html":
        return HtmlText(data.decode()).text
    if fmt == "docx":
        return "\n".join(text for _, text in docx_paragraphs(data))
    return "\n".join(pdf_text(data)[0])


def test_each_source_has_one_number_and_passages_cite_it_with_their_paragraph(case):
    """The quote and the claim both come from source A: one entry, cited twice by paragraph."""
    body = split_front_matter(render_briefing(case.ws, case.briefing_id, "md").decode())[1]
    assert f"“{QUOTE}” [1, paragraph 2]" in body and f"{CLAIM} [1, paragraph 2]" in body
    sources = body.split("## Sources\n\n")[1].strip().splitlines()
    assert [line.split(".")[0] for line in sources] == ["1", "2"]
    assert sources[0].startswith("1. Pumps back. Meridian Wire, by Sam Ortolan, 2026-03-03.")


@pytest.mark.parametrize("fmt", BRIEFING_FORMATS)
def test_no_format_locates_a_passage_by_character_offsets(case, fmt):
    text = render_briefing(case.ws, case.briefing_id, fmt).decode("utf-8", errors="replace")
    readable = text if fmt == "json" else _reader_text(render_briefing(case.ws, case.briefing_id, fmt), fmt)
    if fmt == "json":  # offsets stay as machine data, never in the words a reader sees
        doc = json.loads(text)
        readable = " ".join([c["text"] for c in doc["citations"]] + [i.get("locator") or "" for i in doc["items"]])
    assert not re.search(r"characters?\s*\d", readable), readable


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "pdf"])
def test_the_source_list_gives_a_web_pages_address_as_text(page_note, fmt):
    data = render_briefing(page_note.ws, page_note.briefing_id, fmt)
    text = _reader_text(data, fmt)
    entry = "3. Ransom demand. The Halden Courier, by Rhea Castellane, 2026-03-04. Reliability not graded."
    if fmt == "pdf":
        assert squeezed(entry + URL) in squeezed(text)
        return
    shown = entry.removeprefix("3. ") if fmt == "html" else entry  # an HTML list numbers itself
    assert normal(shown) in normal(text) and URL in text
    if fmt == "md":
        assert f"{entry} `{URL}`" in text  # a code span: no renderer makes it a link
    if fmt == "html":
        assert URL not in Links(data.decode()).urls


def test_the_json_note_gives_each_source_once_with_its_address(page_note):
    doc = json.loads(render_briefing(page_note.ws, page_note.briefing_id, "json"))
    assert [c["source"]["url"] for c in doc["citations"]] == [None, None, URL]
    quotes = [i for i in doc["items"] if i["kind"] == "quote"]
    assert [q["citation"] for q in quotes] == [1, 3, 3]
    assert [q["locator"] for q in quotes] == ["paragraph 2", "paragraph 2", "paragraph 3"]


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "pdf"])
def test_a_claim_shows_the_analysts_reason_for_its_status(case, fmt):
    text = _reader_text(render_briefing(case.ws, case.briefing_id, fmt), fmt)
    today = datetime.now(UTC).astimezone().date().isoformat()  # the day on this computer's clock
    reason = f"Why disputed: the ministry's own figure is higher (judged by {current_actor()} on {today})."
    clean = normal(text.replace("**", "").replace("\\", ""))
    assert (squeezed(reason) in squeezed(text)) if fmt == "pdf" else (normal(reason) in clean)


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "pdf"])
def test_a_claim_judged_without_a_reason_still_says_who_judged_it_and_when(case, fmt):
    mark_claim(case.ws, case.ids["claim_id"], "corroborated")
    text = _reader_text(render_briefing(case.ws, case.briefing_id, fmt), fmt)
    today = datetime.now(UTC).astimezone().date().isoformat()  # the day on this computer's clock
    line = f"Corroborated: judged by {current_actor()} on {today}."
    clean = normal(text.replace("*", "").replace("\\", ""))
    assert (squeezed(line) in squeezed(text)) if fmt == "pdf" else (normal(line) in clean)
    assert "figure is higher" not in text  # the earlier reason was for another status


@pytest.fixture
def california(monkeypatch):
    """This computer's clock set to Pacific time (UTC-8 in March)."""
    monkeypatch.setenv("TZ", "America/Los_Angeles")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_a_judgement_and_the_check_are_dated_by_the_analysts_day(case, california, monkeypatch):
    """Judged at 8 p.m. in California, stored as the next day in UTC: the note said the next day."""
    monkeypatch.setattr("briefing.store.history.utc_now", lambda: "2026-03-05T04:00:00+00:00")
    mark_claim(case.ws, case.ids["claim_id"], "corroborated")
    note = render_briefing(case.ws, case.briefing_id, "md").decode()
    assert f"Corroborated: judged by {current_actor()} on 2026-03-04." in note.replace("*", "").replace("\\", "")
    checked = render_note(read_briefing(case.ws, case.briefing_id), generated="2026-03-05T04:30:00+00:00")
    assert "against its stored source on 2026-03-04." in checked.markdown()


def test_a_claims_latest_reason_is_the_one_shown_and_an_undo_is_no_reason(case):
    ws, claim = case.ws, case.ids["claim_id"]
    mark_claim(ws, claim, "corroborated", reason="the ministry corrected itself")
    mark_claim(ws, claim, "disputed", reason="undo")
    doc = json.loads(render_briefing(ws, case.briefing_id, "json"))
    [item] = [i for i in doc["items"] if i["kind"] == "claim"]
    assert item["judgement"]["reason"] == "the ministry's own figure is higher"
    assert doc["claim_reviews"][0]["reviewBody"] == "the ministry's own figure is higher"
    mark_claim(ws, claim, "corroborated", reason="the ministry corrected itself")
    body = render_briefing(ws, case.briefing_id, "md").decode()
    assert "**Why corroborated:** the ministry corrected itself" in body and "figure is higher" not in body


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "pdf"])
def test_a_quote_stored_with_its_quotation_marks_is_wrapped_once(page_note, fmt):
    text = normal(_reader_text(render_briefing(page_note.ws, page_note.briefing_id, fmt), fmt))
    assert "“We were told nothing for two days,” [3, paragraph 2]" in text
    assert "“No demand was received,” [3, paragraph 3]" in text
    assert not re.search('[“"‘\'][“"‘]', text.replace("\\", ""))


def test_a_cue_that_says_nothing_is_left_out_and_one_that_tells_is_kept(page_note):
    body = render_briefing(page_note.ws, page_note.briefing_id, "md").decode()
    assert "(said)" not in body and "— Mira Okafor\n" in body and "— Ada Merrow\n" in body
    assert "— the ministry (confirmed)" in body


def test_the_pdf_says_title_author_subject_and_creation_date(case):
    _, reader = pdf_text(render_briefing(case.ws, case.briefing_id, "pdf"))
    info = reader.metadata
    assert (info.title, info.author, info.subject) == ("Port Halden outage, day 3", "K. Ames", "Crisis desk")
    assert info.creator.startswith("Briefing ") and info.creation_date is not None


def test_the_word_document_numbers_its_pages_in_the_footer(case):
    data = render_briefing(case.ws, case.briefing_id, "docx")
    footer = docx.Document(io.BytesIO(data)).sections[0].footer
    assert footer.paragraphs[0].text.startswith("Page ")
    xml = zipfile.ZipFile(io.BytesIO(data)).read("word/footer1.xml").decode()
    assert re.search(r'w:instr=" PAGE\b', xml) and re.search(r'w:instr=" NUMPAGES\b', xml)


def test_a_note_citing_one_source_many_times_lists_it_once(ws):
    text = "First paragraph.\n\nThe outage hit 40,000 households.\n\nThe outage hit 62,000 households."
    source, _ = add_document(
        ws,
        Document(
            path="a.txt",
            format="txt",
            raw=text.encode(),
            content_hash=hashlib.sha256(text.encode()).hexdigest(),
            text=text,
            title="Report",
            outlet="Wire",
        ),
    )
    note = create_briefing(ws, "Figures")
    for figure in ("40,000", "62,000"):
        sentence = f"The outage hit {figure} households."
        add_item(ws, note, "claim", add_claim(ws, source, text.index(sentence), text.index(sentence) + len(sentence)))
    body = render_briefing(ws, note, "md").decode()
    assert "[1, paragraph 2]" in body and "[1, paragraph 3]" in body and "\n2. " not in body


@pytest.mark.parametrize("fmt", ["md", "json"])
def test_a_passage_across_a_paragraph_break_cites_both_paragraphs(page_note, fmt):
    """Evidence confirmed from a suggestion can run over a paragraph break; it was cited by the
    paragraph it starts in alone."""
    start = PAGE_TEXT.index("on Wednesday.")
    end = PAGE_TEXT.index(" said Ada")
    add_item(page_note.ws, page_note.briefing_id, "passage", page_note_source(page_note), start=start, end=end)
    data = render_briefing(page_note.ws, page_note.briefing_id, fmt).decode()
    if fmt == "json":
        passages = [i for i in json.loads(data)["items"] if i["kind"] == "passage"]
        assert [p["locator"] for p in passages] == ["paragraphs 1–2"]
    else:
        assert "[3, paragraphs 1–2]" in data


def page_note_source(case) -> int:
    return case.ws.db.execute("SELECT id FROM sources WHERE title = 'Ransom demand'").fetchone()[0]


@pytest.mark.parametrize(
    "stored, shown",
    [
        ("“We were told nothing,”", "We were told nothing,"),  # a quote with its own marks: wrapped once
        ("‘No demand was received,’", "No demand was received,"),
        ("“We were told nothing", "We were told nothing"),  # a quote running on into the next paragraph
        ('last weekend was "a first strong signal"', 'last weekend was "a first strong signal"'),
        ('"a first strong signal" was all he said', '"a first strong signal" was all he said'),
    ],
)
def test_quotation_marks_inside_a_passage_keep_their_pairs(stored, shown):
    """An annotation ending in a quotation lost its closing mark: '“…was "a first strong signal”'."""
    from briefing.export.citations import unquoted

    assert unquoted(stored) == shown


MULTI_LINE_NOTE = "Check before Friday:\n1. the tanker count\n\n# with the city <em>desk</em>"


def test_an_annotations_note_keeps_its_lines_in_every_format(case):
    """A note of three lines was printed as one: 'Check before Friday: 1. the tanker count # with
    the city', its list and its lines run together."""
    from briefing.store.annotations import edit_annotation

    edit_annotation(case.ws, case.ids["annotation_id"], MULTI_LINE_NOTE, ("logistics",))
    lines = ["Check before Friday:", "1. the tanker count", "# with the city <em>desk</em>"]
    md = render_briefing(case.ws, case.briefing_id, "md").decode()
    written = "**Note:** Check before Friday:  \n1\\. the tanker count  \n\\# with the city &lt;em&gt;desk&lt;/em&gt;\n"
    assert written in md
    html = render_briefing(case.ws, case.briefing_id, "html").decode()
    assert "Check before Friday:<br>\n1. the tanker count<br>\n# with the city &lt;em&gt;desk&lt;/em&gt;</p>" in html
    paragraphs = docx_paragraphs(render_briefing(case.ws, case.briefing_id, "docx"))
    assert ("Normal", "Note: " + "\n".join(lines)) in paragraphs
    pages, _ = pdf_text(render_briefing(case.ws, case.briefing_id, "pdf"))
    printed = [normal(line) for line in "\n".join(pages).splitlines()]
    assert any(line.endswith("Check before Friday:") for line in printed)
    assert lines[1] in printed and lines[2] in printed
