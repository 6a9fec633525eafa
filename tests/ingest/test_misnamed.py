"""A file whose name says another format than its bytes: read as what it is, or refused saying what it is."""

import pytest

from briefing.domain import IngestError
from briefing.ingest import read_document
from tests.ingest.builders import make_docx, make_eml, make_pdf

HEADLINE = "Grid outage hits Port Halden"
PARA = "The mayor said on Tuesday that the city's grid had failed again, leaving homes without power."
PAGE = (
    f"<!DOCTYPE html>\n<html><head><title>{HEADLINE}</title></head><body><h1>{HEADLINE}</h1><p>{PARA}</p></body></html>"
)


def renamed(tmp_path, source, name):
    path = tmp_path / name
    path.write_bytes(source.read_bytes())
    return path


@pytest.mark.parametrize("name", ["story.docx", "story.txt", "story.html"])
def test_a_pdf_under_another_name_is_read_as_a_pdf(tmp_path, name):
    path = renamed(tmp_path, make_pdf(tmp_path / "made.pdf", [PARA], headline=HEADLINE), name)
    doc = read_document(path)
    assert (doc.format, doc.title, doc.text) == ("pdf", HEADLINE, PARA)


def test_a_word_document_named_pdf_is_read_as_one(tmp_path):
    path = renamed(tmp_path, make_docx(tmp_path / "made.docx", [PARA], headline=HEADLINE), "story.pdf")
    assert (read_document(path).format, read_document(path).text) == ("docx", PARA)


@pytest.mark.parametrize("name", ["page.txt", "page.md"])
def test_a_web_page_saved_as_text_is_read_as_a_page(tmp_path, name):
    """Its markup was the text: "<html><head><title>..." under the title "<!DOCTYPE html>"."""
    path = tmp_path / name
    path.write_text(PAGE, encoding="utf-8")
    doc = read_document(path)
    assert (doc.format, doc.title, doc.text) == ("html", HEADLINE, PARA)


def test_a_raw_e_mail_saved_as_text_is_read_as_an_e_mail(tmp_path):
    path = renamed(tmp_path, make_eml(tmp_path / "made.eml", subject=HEADLINE, plain=PARA), "message.txt")
    doc = read_document(path)
    assert (doc.format, doc.title, doc.author, doc.text) == ("eml", HEADLINE, "Jane Doe", PARA)


def test_a_pasted_message_with_only_the_headers_people_see_stays_text(tmp_path):
    path = tmp_path / "pasted.txt"
    path.write_text(f"From: Jane Doe\nSent: Tuesday, 3 March 2026\nSubject: {HEADLINE}\n\n{PARA}\n", encoding="utf-8")
    assert read_document(path).format == "txt"


OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(500)
OLD_OFFICE = "it is an old Office file (.doc, .xls, .ppt or Outlook .msg); save it as .docx, .pdf or .eml"
SIGN_IN = "it is a web page (an error or sign-in page saved in place of the document?)"


@pytest.mark.parametrize(
    "name, raw, reason",
    [
        ("report.pdf", PAGE.encode(), f"not a pdf file: {SIGN_IN}"),
        ("report.docx", OLE, f"not a docx file: {OLD_OFFICE}"),
        # Word saves a password-protected .docx as a compound file, not as a zip archive
        ("locked.docx", OLE + "EncryptedPackage".encode("utf-16-le"), "encrypted docx (password protected)"),
        ("message.eml", OLE, f"not an e-mail file: {OLD_OFFICE}"),
        ("memo.txt", b"{\\rtf1\\ansi {\\fonttbl {\\f0 Times;}} Hello}", "not a text file: it is an RTF document"),
        ("scan.pdf", b"\x89PNG\r\n\x1a\n" + bytes(100), "not a pdf file: it is an image (text recognition is not"),
    ],
)
def test_what_cannot_be_read_is_named(tmp_path, name, raw, reason):
    path = tmp_path / name
    path.write_bytes(raw)
    with pytest.raises(IngestError) as caught:
        read_document(path)
    assert caught.value.reason.startswith(reason)
