"""What a file's bytes are, whatever its name says.

A misnamed file of a format Briefing reads is read as what it is: a PDF saved as ".docx", a web
page saved as ".txt" (its markup leaked into the text), a raw e-mail saved as ".txt". A web page
or an e-mail named ".pdf" or ".docx" is refused, saying so: it is nearly always an error or
sign-in page saved in place of the document. Formats Briefing cannot read (old Office files,
RTF, OpenDocument, images) are refused with their name and what to do, rather than as
"corrupt" or decoded into control words.
"""

from __future__ import annotations

import re

from briefing.ingest.extracted import FormatError

BOM = b"\xef\xbb\xbf"
HTML_START = (b"<!doctype html", b"<html")
HEADER_LINE = re.compile(rb"^[A-Za-z][A-Za-z0-9-]{0,60}:")
# headers a mail server or program writes, which a person pasting a message into a text file does not
TRANSPORT_HEADERS = frozenset(
    b"received return-path message-id mime-version content-type delivered-to dkim-signature x-mailer".split()
)
MESSAGE_HEADERS = frozenset(b"from subject date".split())
MAX_HEADER_LINES = 300
SAVE_AS = "save it as .docx or .pdf"
OLE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the compound file of old Office formats
# Office saves a password-protected .docx, .xlsx or .pptx as a compound file with this stream
ENCRYPTED_PACKAGE = "EncryptedPackage".encode("utf-16-le")
OLD_OFFICE = "an old Office file (.doc, .xls, .ppt or Outlook .msg); save it as .docx, .pdf or .eml"
IMAGE = "an image (text recognition is not supported)"
# (how the bytes start, what they are); checked in order
UNREADABLE = (
    (OLE, OLD_OFFICE),
    (b"{\\rtf", f"an RTF document; {SAVE_AS}"),
    (b"\x89PNG", IMAGE),
    (b"\xff\xd8\xff", IMAGE),
    (b"GIF8", IMAGE),
    (b"II*\x00", IMAGE),
    (b"MM\x00*", IMAGE),
)
# an Office Open XML or OpenDocument archive that is not a Word document, by a name inside it
OTHER_ARCHIVES = (
    (b"mimetypeapplication/vnd.oasis.opendocument", f"an OpenDocument file; {SAVE_AS}"),
    (b"xl/workbook.xml", "an Excel workbook; save it as .pdf"),
    (b"ppt/presentation.xml", "a PowerPoint presentation; save it as .pdf"),
)
NAMED = {
    "pdf": "a pdf file",
    "docx": "a docx file",
    "eml": "an e-mail file",
    "html": "an html file",
    "mhtml": "a web archive",
    "txt": "a text file",
    "md": "a markdown file",
}
DESCRIPTIONS = {
    "pdf": "a PDF document",
    "docx": "a Word document",
    "html": "a web page",
    "eml": "an e-mail message",
    "mhtml": "a web archive",
}


def actual_format(raw: bytes, named: str) -> str:
    """The format to read ``raw`` as, given the format its name says; raises FormatError for a
    file that is something Briefing cannot read, or a page saved in place of a document."""
    if raw.startswith(OLE) and ENCRYPTED_PACKAGE in raw:
        raise FormatError(f"encrypted {'docx' if named == 'docx' else 'office document'} (password protected)")
    other = describe_unreadable(raw)
    if other is not None:
        raise FormatError(f"not {NAMED[named]}: it is {other}")
    found = sniff_format(raw)
    if found is None or found == named:
        return named
    if named in ("pdf", "docx") and found in ("html", "eml"):
        hint = " (an error or sign-in page saved in place of the document?)" if found == "html" else ""
        raise FormatError(f"not {NAMED[named]}: it is {DESCRIPTIONS[found]}{hint}")
    return found


def describe_unreadable(raw: bytes) -> str | None:
    for start, description in UNREADABLE:
        if raw.startswith(start):
            return description
    if raw.startswith(b"PK\x03\x04") and b"word/document.xml" not in raw:
        for marker, description in OTHER_ARCHIVES:
            if marker in raw:
                return description
    return None


def sniff_format(raw: bytes) -> str | None:
    """The supported format the bytes unmistakably are, or None."""
    if raw[:1024].removeprefix(BOM).lstrip().startswith(b"%PDF-"):  # not anywhere in the first KB, as readers allow:
        return "pdf"  # an e-mail or a page may quote a PDF's first line
    if raw.startswith(b"PK\x03\x04"):
        return "docx" if b"word/document.xml" in raw else None
    head = raw[:4096].removeprefix(BOM).lstrip()
    if head[:64].lower().startswith(HTML_START):
        return "html"
    if is_web_archive(head):  # no mail headers but From and Subject: a browser's page saved as one file
        return "mhtml"
    return "eml" if is_raw_message(head) else None


def is_web_archive(head: bytes) -> bool:
    """A browser's single-file page: the sender "<Saved by Blink>" (Chrome; Internet Explorer and
    add-ons write their own names) or a snapshot's address. An HTML e-mail with pictures is a
    multipart/related message too, so that alone says nothing."""
    headers = b"\n" + head.replace(b"\r\n", b"\n").split(b"\n\n", 1)[0].lower()
    return b"\nsnapshot-content-location:" in headers or b"\nfrom: <saved by " in headers


def is_raw_message(head: bytes) -> bool:
    """Headers as a mail server writes them, from the first line to a blank one: a sender,
    subject or date, and a header only mail programs write (Received, Message-ID, MIME-Version)."""
    names: set[bytes] = set()
    lines = head.replace(b"\r\n", b"\n").split(b"\n")
    if lines and lines[0].startswith(b"From "):  # an mbox file's separator line
        lines = lines[1:]
    for line in lines[:MAX_HEADER_LINES]:
        if not line.strip():
            break
        if line[:1] in (b" ", b"\t"):  # a folded header's continuation
            continue
        if not HEADER_LINE.match(line):
            return False
        names.add(line.split(b":", 1)[0].lower())
    return bool(names & MESSAGE_HEADERS) and bool(names & TRANSPORT_HEADERS)
