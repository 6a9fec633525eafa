"""A note's details (title, audience, date, author) as an older workspace may hold them, with line
breaks and control characters the store now refuses: every export writes them on one line, where
a reader sees them (the title, the metadata line) and where a program reads them (front matter,
document properties), and the stored note keeps them until the analyst saves them in Details."""

import io
import json

import pytest

from briefing.domain import NOT_ONE_LINE
from briefing.export.formats import render_briefing
from briefing.store.briefings import add_item, read_briefing
from tests.export.helpers import HtmlText, normal, pdf_text, received_note, split_front_matter

RECEIVED = {
    "title": "Grid outage:\nweek\u2028 47\x07",
    "audience": "Night desk\r\nand editors",
    "date": "2026-03-03\t",
    "author": "Ann\tLee\x1b[31m",
}
ONE_LINE = {
    "title": "Grid outage: week 47",
    "audience": "Night desk and editors",
    "date": "2026-03-03",
    "author": "Ann Lee",
}


@pytest.fixture
def received(ws):
    note = received_note(ws, **RECEIVED)
    add_item(ws, note, "text", body="The pumps are back.")
    return ws, note


def _docx_details(data: bytes) -> dict[str, str]:
    import docx

    properties = docx.Document(io.BytesIO(data)).core_properties
    return {"title": properties.title, "audience": properties.subject, "author": properties.author}


def _pdf_details(data: bytes) -> dict[str, str]:
    pages, reader = pdf_text(data)
    info = reader.metadata
    return {"title": info["/Title"], "audience": info["/Subject"], "author": info["/Author"], "page": pages[0]}


def _html_details(data: bytes) -> dict[str, str]:
    page = data.decode()
    title = page[page.index("<title>") + len("<title>") : page.index("</title>")]
    return {"title": title, "body": HtmlText(page).text}


def _markdown_details(data: bytes) -> dict[str, str]:
    fields, body = split_front_matter(data.decode())
    return {name: fields[name] for name in ONE_LINE} | {"heading": body.strip().split("\n\n")[0]}


def _json_details(data: bytes) -> dict[str, str]:
    return {name: json.loads(data)["briefing"][name] for name in ONE_LINE}


READERS = {"md": _markdown_details, "html": _html_details, "json": _json_details, "docx": _docx_details}


@pytest.mark.parametrize("fmt", sorted(READERS))
def test_each_export_writes_a_received_notes_details_on_one_line(received, fmt):
    ws, note = received
    details = READERS[fmt](render_briefing(ws, note, fmt))
    for name, value in details.items():
        assert not NOT_ONE_LINE.search(value), (name, value)
        if name in ONE_LINE:
            assert value == ONE_LINE[name]
    assert read_briefing(ws, note).title == RECEIVED["title"]  # the stored note is as it was


def test_the_pdf_export_writes_a_received_notes_details_on_one_line(received):
    ws, note = received
    details = _pdf_details(render_briefing(ws, note, "pdf"))
    assert {name: details[name] for name in ("title", "audience", "author")} == {
        name: ONE_LINE[name] for name in ("title", "audience", "author")
    }
    assert f"{ONE_LINE['title']} Audience:" in normal(details["page"])  # the title and the metadata line
    stored = read_briefing(ws, note)
    assert (stored.audience, stored.author) == (RECEIVED["audience"], RECEIVED["author"])
