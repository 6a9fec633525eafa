"""A briefing note with every kind of item, and readers that turn each export back into text."""

from __future__ import annotations

import io
import json
import re
import unicodedata
from dataclasses import dataclass, field
from html.parser import HTMLParser

from briefing.store.annotations import add_annotation
from briefing.store.briefings import add_item, create_briefing
from briefing.store.claims import add_claim, mark_claim
from briefing.store.entities import add_entity, add_mention
from briefing.store.evidence import add_evidence
from briefing.store.quotes import add_quote
from briefing.store.sources import add_document, update_source
from tests.store.test_sources import make_doc

TEXT_A = (
    "The control system failed late on Sunday.\n\n"
    "“We restored pumping at dawn and nobody will drink untreated water,” said Mira Okafor. "
    "The outage hit 40,000 households.\n\nTankers reached Saltmarsh by noon."
)
TEXT_B = "Officials now say 62,000 households lost water.\n\nThe ministry has not commented."
QUOTE = "We restored pumping at dawn and nobody will drink untreated water,"
CLAIM = "The outage hit 40,000 households."
EVIDENCE = "Officials now say 62,000 households lost water."
HIGHLIGHT = "Tankers reached Saltmarsh"
NOTE = "Check the tanker count with the city."
SUMMARY = "Pumping restored; 40,000 households affected."
INTRO = "## Bottom line\n\nThe figures **disagree**; see the [ministry site](https://example.org/press)."
ITEM_TEXTS = (QUOTE, CLAIM, EVIDENCE, HIGHLIGHT, NOTE, SUMMARY, "Mira Okafor", "Bottom line", "The figures disagree")
CITATION_TEXTS = (
    "Pumps back",
    "Meridian Wire",
    "Reliability B (usually reliable)",
    "Figures revised",
    "The Veldran Standard",
    "Reliability C (fairly reliable)",
    "2026-03-03",
)


@dataclass
class Case:
    ws: object
    briefing_id: int
    ids: dict[str, int] = field(default_factory=dict)


def make_case(ws) -> Case:
    a, _ = add_document(
        ws, make_doc(TEXT_A, title="Pumps back", outlet="Meridian Wire", author="Sam Ortolan", published="2026-03-03")
    )
    b, _ = add_document(ws, make_doc(TEXT_B, title="Figures revised", outlet="The Veldran Standard"))
    update_source(ws, a, reliability="B", summary=SUMMARY)
    update_source(ws, b, reliability="C")
    okafor = add_entity(ws, "Mira Okafor", "person", aliases=("Okafor",))
    add_mention(ws, okafor, a, TEXT_A.index("Mira"), TEXT_A.index("Mira") + 11)
    quote = add_quote(ws, a, TEXT_A.index(QUOTE), TEXT_A.index(QUOTE) + len(QUOTE), okafor, "Mira Okafor", "said")
    claim = add_claim(ws, a, TEXT_A.index(CLAIM), TEXT_A.index(CLAIM) + len(CLAIM))
    add_evidence(ws, claim, b, 0, len(EVIDENCE), "contradicts", note="later and higher")
    mark_claim(ws, claim, "disputed", reason="the ministry's own figure is higher")
    start = TEXT_A.index(HIGHLIGHT)
    annotation = add_annotation(ws, a, start, start + len(HIGHLIGHT), note=NOTE, tags=("logistics", "figures"))
    note = create_briefing(ws, "Port Halden outage, day 3", audience="Crisis desk", date="2026-03-04", author="K. Ames")
    ids = {"intro": add_item(ws, note, "text", body=INTRO)}
    for kind, ref in (
        ("quote", quote),
        ("claim", claim),
        ("annotation", annotation),
        ("summary", a),
        ("entity", okafor),
    ):
        ids[kind] = add_item(ws, note, kind, ref)
    ids.update(source_a=a, source_b=b, quote_id=quote, claim_id=claim, annotation_id=annotation)
    return Case(ws, note, ids)


def normal(text: str) -> str:
    """Text compared without layout: compatibility forms folded, whitespace collapsed."""
    return " ".join(unicodedata.normalize("NFKC", text).split())


def squeezed(text: str) -> str:
    """Text without any whitespace, for PDF lines broken anywhere (after hyphens too)."""
    return re.sub(r"\s+", "", unicodedata.normalize("NFKC", text))


def split_front_matter(markdown: str) -> tuple[dict, str]:
    """A tiny reader for the front matter we write: `key: value` lines, values null, ints or
    double-quoted strings (read as JSON strings, which YAML double-quoted scalars here are)."""
    assert markdown.startswith("---\n")
    head, body = markdown[4:].split("\n---\n", 1)
    fields = {}
    for line in head.split("\n"):
        key, value = line.split(": ", 1)
        assert re.fullmatch(r"[a-z_]+", key), line
        fields[key] = json.loads(value)
    return fields, body


class HtmlText(HTMLParser):
    """Visible text of an HTML page plus every tag with its attributes."""

    def __init__(self, html: str):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []
        self.chunks: list[str] = []
        self.skip = 0
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        self.skip += tag in ("style", "title")

    def handle_endtag(self, tag):
        self.skip -= tag in ("style", "title")

    def handle_data(self, data):
        if not self.skip:
            self.chunks.append(data)

    @property
    def text(self) -> str:
        return normal(" ".join(self.chunks))


def pdf_text(data: bytes) -> tuple[list[str], object]:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    return [page.extract_text() for page in reader.pages], reader


def docx_paragraphs(data: bytes) -> list[tuple[str, str]]:
    import docx

    document = docx.Document(io.BytesIO(data))
    return [(p.style.name, p.text) for p in document.paragraphs]


def received_note(ws, title: str, **fields: str) -> int:
    """A note whose title or details the store refuses (a line break, an escape sequence), as a
    workspace received from elsewhere may hold it."""
    note = create_briefing(ws, "Received")
    values = {"title": title, **fields}
    columns = ", ".join(f"{name} = ?" for name in values)
    ws.db.execute(f"UPDATE briefings SET {columns} WHERE id = ?", [*values.values(), note])
    return note
