"""E-mail as mail programs and newsletter services really send it: which part holds the text,
which charset it is in, and what is said when there is no text."""

import base64

import pytest

from briefing.domain import IngestError
from briefing.ingest import read_document

PARA = "The mayor said on Tuesday that the city's grid had failed again, leaving homes without power."
HEADERS = "From: Jane Doe <jane@courier.example>\r\nSubject: {subject}\r\nDate: Wed, 04 Mar 2026 09:30:00 +0100\r\n"


def multipart(subject: str, parts: list[tuple[str, bytes]], kind: str = "mixed") -> bytes:
    """A MIME message from (headers, body) parts; bodies are written as they are."""
    mime = f'MIME-Version: 1.0\r\nContent-Type: multipart/{kind}; boundary="b1"\r\n\r\n'
    message = (HEADERS.format(subject=subject) + mime).encode()
    for headers, body in parts:
        message += b"--b1\r\n" + headers.encode() + b"\r\n\r\n" + body + b"\r\n"
    return message + b"--b1--\r\n"


def write(tmp_path, raw: bytes):
    path = tmp_path / "message.eml"
    path.write_bytes(raw)
    return path


def test_an_empty_plain_part_gives_way_to_the_html_part(tmp_path):
    """A mail program sent an empty text/plain beside the real HTML message: "no text extracted"."""
    raw = multipart(
        "Grid outage",
        [
            ("Content-Type: text/plain; charset=utf-8", b"\r\n"),
            ("Content-Type: text/html; charset=utf-8", f"<html><body><p>{PARA}</p></body></html>".encode()),
        ],
        kind="alternative",
    )
    assert read_document(write(tmp_path, raw)).text == PARA


def test_html_part_without_a_mime_charset_is_read_in_its_meta_charset_and_gb2312_means_gbk(tmp_path):
    """An HTML part that names its charset only in <meta> was refused as "not readable text"; a
    GB2312 label on GBK text (a character GB2312 lacks) garbled the subject."""
    chinese = "电网故障导致港口停电，陶喆表示将尽快恢复供电。"
    meta = '<meta content="text/html; charset=gb2312" http-equiv=Content-Type>'
    html = f"<html><head>{meta}</head><body><p>{chinese}</p>"
    subject = "=?gb2312?B?" + base64.b64encode("陶喆谈停电".encode("gbk")).decode() + "?="
    raw = multipart(
        subject,
        [("Content-Type: text/html;\r\nContent-Transfer-Encoding: base64", base64.encodebytes(html.encode("gbk")))],
    )
    doc = read_document(write(tmp_path, raw))
    assert (doc.title, doc.text) == ("陶喆谈停电", chinese)


@pytest.mark.parametrize("blank_html", [False, True])
def test_a_message_whose_text_is_empty_names_its_attachments(tmp_path, blank_html):
    """A press release sent as a PDF under an empty message: the reason was "no text extracted"."""
    parts = [("Content-Type: text/plain; charset=utf-8", b"\r\n\r\n")]
    if blank_html:
        parts.append(("Content-Type: text/html; charset=utf-8", b'<div dir="ltr"><br></div>'))
    attachment = (
        'Content-Type: application/pdf; name="release.pdf"\r\nContent-Disposition: attachment; filename="release.pdf"'
    )
    parts.append((attachment, b"%PDF-1.4 not really"))
    path = write(tmp_path, multipart("Press release", parts))
    with pytest.raises(IngestError) as caught:
        read_document(path)
    assert caught.value.reason == "no text in the e-mail, only attachments: release.pdf (save them to import them)"
