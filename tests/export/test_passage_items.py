"""A passage the analyst selected in a source, as a note item: cited with its source in the
list of sources, shown as a block quote in every format, and checked at export like a quote."""

import io
import json

import docx
import pytest

from briefing.export.formats import render_briefing
from briefing.export.note import FLAG_PREFIX
from briefing.store.briefings import add_passage, create_briefing, read_briefing
from briefing.store.sources import add_document, delete_source, update_source
from tests.export.helpers import HtmlText, normal, pdf_text, split_front_matter, squeezed
from tests.store.test_sources import make_doc

TEXT = (
    "The control system failed late on Sunday.\n\n"
    "Engineers said the <b>valves</b> & pumps were replaced in 2019.\n\n"
    "Tankers reached Saltmarsh by noon."
)
WORDS = "the <b>valves</b> & pumps were replaced in 2019"
ALTERED = TEXT.replace("replaced in 2019", "replaced in 2021")
ALTERED_FLAG = f"{FLAG_PREFIX} (altered): the passage is not found verbatim in the stored source text."


@pytest.fixture
def note(ws):
    source, _ = add_document(
        ws,
        make_doc(TEXT, title="Valves <i>old</i>", outlet="Meridian Wire", author="Sam Ortolan", published="2026-03-03"),
    )
    update_source(ws, source, reliability="B")
    briefing_id = create_briefing(ws, "Port Halden outage")
    start = TEXT.index(WORDS)
    item_id = add_passage(ws, briefing_id, source, start, start + len(WORDS))
    return ws, briefing_id, source, item_id


def _alter(ws, source_id):
    ws.db.execute("UPDATE sources SET text = ? WHERE id = ?", [ALTERED, source_id])
    ws.db.conn.commit()


def test_markdown_block_quotes_the_passage_and_cites_its_source(note):
    ws, briefing_id, _, _ = note
    fields, body = split_front_matter(render_briefing(ws, briefing_id, "md").decode())
    assert fields["not_verified"] == 0
    assert "## Passage: Valves &lt;i&gt;old&lt;/i&gt;" in body
    assert "> “the &lt;b&gt;valves&lt;/b&gt; &amp; pumps were replaced in 2019” [1, paragraph 2]" in body
    assert "<b>" not in body and "<i>" not in body  # untrusted words are never markup
    sources = body.split("## Sources", 1)[1]
    assert "1. Valves" in sources and "Meridian Wire" in sources and "Reliability B (usually reliable)" in sources
    assert "Every passage was checked word for word" in body


def test_html_shows_the_passage_as_an_escaped_block_quote(note):
    ws, briefing_id, _, _ = note
    html = render_briefing(ws, briefing_id, "html").decode()
    page = HtmlText(html)
    assert not any(tag in ("b", "i") for tag, _ in page.tags)
    assert "blockquote" in [tag for tag, _ in page.tags]
    assert normal(f"“{WORDS}” [1, paragraph 2]") in page.text
    assert "Valves <i>old</i>. Meridian Wire, by Sam Ortolan, 2026-03-03." in page.text


def test_pdf_and_docx_carry_the_passage_and_its_citation(note):
    ws, briefing_id, _, _ = note
    pages, _ = pdf_text(render_briefing(ws, briefing_id, "pdf"))
    text = squeezed("".join(pages))
    assert squeezed(f"{WORDS}” [1, paragraph 2]") in text
    assert squeezed("Valves <i>old</i>. Meridian Wire") in text
    document = docx.Document(io.BytesIO(render_briefing(ws, briefing_id, "docx")))
    quoted = [p for p in document.paragraphs if WORDS in p.text]
    assert [p.style.name for p in quoted] == ["Quote"]
    assert "[1, paragraph 2]" in quoted[0].text
    assert any("Valves <i>old</i>. Meridian Wire" in p.text for p in document.paragraphs)


def test_json_gives_the_kind_its_source_and_its_check(note):
    ws, briefing_id, source, _ = note
    doc = json.loads(render_briefing(ws, briefing_id, "json"))
    assert doc["format_version"] == 2
    [item] = doc["items"]
    start = TEXT.index(WORDS)
    assert (item["kind"], item["ref_id"], item["text"], item["citation"]) == ("passage", source, WORDS, 1)
    assert (item["paragraph"], item["locator"], item["start"], item["end"]) == (
        2,
        "paragraph 2",
        start,
        start + len(WORDS),
    )
    assert item["verification"]["state"] == "verified"
    assert [c["source"]["id"] for c in doc["citations"]] == [source]
    assert doc["verification"] == {"checked": 1, "not_verified": []}


def test_an_altered_source_flags_the_passage_in_every_format(note):
    ws, briefing_id, source, item_id = note
    _alter(ws, source)
    [item] = read_briefing(ws, briefing_id).items
    assert item.verification.state == "altered"
    assert item.body == WORDS  # the words as they were when added
    _, body = split_front_matter(render_briefing(ws, briefing_id, "md").decode())
    label, rest = ALTERED_FLAG.split(": ", 1)
    assert f"**{label}:** {rest}" in body
    assert normal(ALTERED_FLAG) in HtmlText(render_briefing(ws, briefing_id, "html").decode()).text
    pages, _ = pdf_text(render_briefing(ws, briefing_id, "pdf"))
    assert squeezed(ALTERED_FLAG) in squeezed("".join(pages))
    document = docx.Document(io.BytesIO(render_briefing(ws, briefing_id, "docx")))
    assert any(p.text == ALTERED_FLAG for p in document.paragraphs)
    doc = json.loads(render_briefing(ws, briefing_id, "json"))
    assert doc["items"][0]["verification"]["state"] == "altered"
    assert doc["verification"]["not_verified"][0]["item_id"] == item_id


def test_a_moved_passage_is_found_where_it_now_stands(note):
    ws, briefing_id, source, _ = note
    ws.db.execute("UPDATE sources SET text = ? WHERE id = ?", ["New first paragraph.\n\n" + TEXT, source])
    ws.db.conn.commit()
    [item] = read_briefing(ws, briefing_id).items
    assert (item.verification.state, item.verification.paragraph) == ("moved", 3)


def test_a_deleted_source_leaves_the_passage_orphaned_with_its_words(note):
    ws, briefing_id, source, _ = note
    delete_source(ws, source)
    [item] = read_briefing(ws, briefing_id).items
    assert item.verification.state == "orphaned"
    _, body = split_front_matter(render_briefing(ws, briefing_id, "md").decode())
    assert "## Passage (no longer in the workspace)" in body
    assert f"{FLAG_PREFIX} (orphaned)" in body
    doc = json.loads(render_briefing(ws, briefing_id, "json"))
    assert doc["items"][0]["text_when_added"] == WORDS
