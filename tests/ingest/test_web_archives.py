"""Web archives (.mhtml, .mht): a browser's page saved as one file is read as that page."""

import quopri

import pytest

from briefing.domain import IngestError
from briefing.ingest import read_document

HEADLINE = "Port strike ends after 12 days"
PARA = "Dock workers in Halden voted on Tuesday to end a 12-day strike, the union said, after talks ran all night."
QUOTE = "“We won what we came for,” said union leader Sam Okafor."
SAVED_FROM = "https://news.example.org/2026/03/04/port-strike-ends?utm_source=feed"
CANONICAL = "https://news.example.org/2026/03/04/port-strike-ends"


def page(canonical: str | None = CANONICAL) -> str:
    link = f'<link rel="canonical" href="{canonical}">' if canonical else ""
    return (
        f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{HEADLINE} | Example News</title>{link}'
        '<meta property="article:published_time" content="2026-03-04T10:00:00Z"></head>'
        f"<body><article><h1>{HEADLINE}</h1><p>{PARA}</p><p>{QUOTE}</p></article></body></html>"
    )


def archive(html: str, *, sender: str = "<Saved by Blink>", snapshot: bool = True, frame_first: bool = False) -> bytes:
    """A Chrome-style archive: the page quoted-printable, an ad frame and a picture beside it."""
    boundary = "----MultipartBoundary--x1----"
    body = quopri.encodestring(html.encode("utf-8")).decode("ascii")
    frame = "<html><body><p>Subscribe to our newsletter for the latest updates every morning.</p></body></html>"
    parts = [
        f"Content-Type: text/html\r\nContent-ID: <frame-main@mhtml.blink>\r\n"
        f"Content-Transfer-Encoding: quoted-printable\r\nContent-Location: {SAVED_FROM}\r\n\r\n{body}",
        f"Content-Type: text/html\r\nContent-ID: <frame-ad@mhtml.blink>\r\n\r\n{frame}",
        "Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\n"
        "Content-Location: https://news.example.org/logo.png\r\n\r\niVBORw0KGgo=",
    ]
    start = ""
    if frame_first:  # an archive naming its page by the start parameter, the frame written first
        parts[0], parts[1] = parts[1], parts[0]
        start = '\r\n\tstart="<frame-main@mhtml.blink>";'
    head = (
        f"From: {sender}\r\n"
        + (f"Snapshot-Content-Location: {SAVED_FROM}\r\n" if snapshot else "")
        + f"Subject: {HEADLINE} | Example News\r\nDate: Fri, 6 Mar 2026 09:00:00 -0000\r\nMIME-Version: 1.0\r\n"
        f'Content-Type: multipart/related;\r\n\ttype="text/html";{start}\r\n\tboundary="{boundary}"\r\n\r\n\r\n'
    )
    return (head + "".join(f"--{boundary}\r\n{p}\r\n" for p in parts) + f"--{boundary}--\r\n").encode("ascii")


@pytest.mark.parametrize("name", ["page.mhtml", "page.mht", "page.eml", "page.txt"])
def test_a_saved_page_is_read_as_the_page_not_as_mail(tmp_path, name):
    """The saving's From and Date are not the article's author and date; the ad frame is not text."""
    path = tmp_path / name
    path.write_bytes(archive(page()))
    doc = read_document(path)
    assert (doc.format, doc.title, doc.text) == ("mhtml", HEADLINE, f"{PARA}\n\n{QUOTE}")
    assert (doc.author, doc.published) == (None, "2026-03-04")
    assert doc.url == CANONICAL  # the page's own address beats the one it was saved from


def test_the_saved_from_address_stands_in_for_a_missing_canonical_one(tmp_path):
    path = tmp_path / "page.mhtml"
    path.write_bytes(archive(page(canonical=None), sender="<Saved by Windows Internet Explorer 8>"))
    assert read_document(path).url == SAVED_FROM
    path.write_bytes(archive(page(canonical=None), snapshot=False, frame_first=True))
    doc = read_document(path)
    assert (doc.text, doc.url) == (f"{PARA}\n\n{QUOTE}", SAVED_FROM)


@pytest.mark.parametrize(
    "raw, reason",
    [
        (b"From: <Saved by Blink>\r\nContent-Type: image/png\r\n\r\niVBORw0KGgo=", "web archive holds no web page"),
        (b"", "empty file"),
        (  # the e-mail reader's bound, said of an archive
            b"From: <Saved by Blink>\r\nContent-Type: multipart/related; boundary=b\r\n\r\n"
            + b"--b\r\n\r\nx\r\n" * 1001,
            r"web archive has too many parts \(1,001",
        ),
    ],
)
def test_an_archive_without_a_page_says_so(tmp_path, raw, reason):
    path = tmp_path / "broken.mhtml"
    path.write_bytes(raw)
    with pytest.raises(IngestError, match=f"broken.mhtml: {reason}"):
        read_document(path)


def test_an_e_mail_saved_under_an_archive_name_stays_an_e_mail(tmp_path):
    """A mail program's message saved as .mhtml (both are MIME) keeps its sender and date."""
    from tests.ingest.builders import make_eml

    path = make_eml(tmp_path / "newsletter.mhtml", subject=HEADLINE, plain=PARA, html=f"<p>{PARA}</p>")
    doc = read_document(path)
    assert (doc.format, doc.title, doc.author, doc.published) == ("eml", HEADLINE, "Jane Doe", "2026-03-04")
