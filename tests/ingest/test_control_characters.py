"""C0 and C1 control characters never reach the store from an import, nor a Word export."""

from __future__ import annotations

import pytest

from briefing.export.formats import render_briefing
from briefing.ingest import read_document
from briefing.ingest.clean import strip_controls
from briefing.store.briefings import add_item
from briefing.store.sources import add_document
from tests.export.helpers import docx_paragraphs, received_note
from tests.ingest.builders import make_eml, make_pdf
from tests.store.test_sources import make_doc

BODY = "The mayor said on Tuesday that the grid had failed again. " * 3
CONTROLS = "".join(chr(c) for c in [*range(0x20), *range(0x7F, 0xA0)])


def test_strip_controls_keeps_tab_and_newline_only_when_asked():
    assert strip_controls("a\x01b\x1b[31mc\x85d\x9fe\tf\ng") == "abcde f g"  # an escape sequence goes whole
    assert strip_controls("a\x01\tb\nc\x0b", keep_breaks=True) == "a\tb\nc"
    assert strip_controls(CONTROLS) == "  "


def test_controls_in_email_headers_are_stripped(tmp_path):
    path = make_eml(
        tmp_path / "m.eml", subject="Grid\x01 fails\x1b[0m again", sender="Ann\x1b Lee\x9b <a@x.org>", plain=BODY
    )
    document = read_document(path)
    assert (document.title, document.author) == ("Grid fails again", "Ann Lee")  # the sequence goes whole


def test_controls_in_a_pdf_title_are_stripped(tmp_path):
    path = make_pdf(tmp_path / "t.pdf", [BODY], title="Grid\x01 fails\x07", author="Ann\x1b Lee")
    document = read_document(path)
    assert document.title == "Grid fails"
    assert not any(ch in CONTROLS for ch in f"{document.text}{document.author}")


@pytest.mark.parametrize("value", ["Grid\x01 fails", "Grid\x1b[31m fails", "Grid\x9b fails", "Grid\x00 fails"])
def test_a_docx_export_citing_an_old_source_with_controls_is_written(ws, value):
    source, _ = add_document(ws, make_doc(BODY, title=value, outlet=value, author=value))
    note = received_note(ws, f"Note {value}", author=value)  # the store refuses these; a received file may hold them
    add_item(ws, note, "text", body=f"Intro {value}")
    add_item(ws, note, "summary", source)
    paragraphs = docx_paragraphs(render_briefing(ws, note, "docx"))
    assert any("Grid fails" in text or "Grid[31m fails" in text for _, text in paragraphs)


def test_a_terminal_escape_sequence_leaves_nothing_behind(tmp_path):
    """Without its ESC, '\\x1b[2J' left '[2J' in the text, and a claim began with it."""
    from briefing.ingest.clean import clean_text

    text = "Lazar told \x1b[2J\x1b[31mreporters\x1b[0m outside the courthouse. \x1b]0;a title\x07Done."
    assert clean_text(text) == "Lazar told reporters outside the courthouse. Done."
    assert strip_controls("Edited \x1b[31mRED\x1b[0m title") == "Edited RED title"
    path = tmp_path / "escapes.txt"
    path.write_text(f"Court hears case.\n\n{text}\n", encoding="utf-8")
    assert "[2J" not in read_document(path).text
