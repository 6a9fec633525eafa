"""Web archives (.mhtml, .mht): a page saved by a browser as one file, read as its page.

A browser's "Save as single file" (Chrome, Edge, Opera; Internet Explorer's .mht) writes a MIME
message: its first text/html part is the page, the other parts its pictures, styles and frames.
The page goes through the HTML reader. The message's own headers describe the saving, not the
article: From is "<Saved by Blink>" and Date is when it was saved, so neither is taken; its
Subject (the page's <title>) backs up the title. The address the page was saved from
(``Snapshot-Content-Location``, else the page part's ``Content-Location``) is the source's
address unless the page names its own canonical one.
"""

from __future__ import annotations

import dataclasses
from email import policy
from email.errors import MessageError
from email.message import EmailMessage, MIMEPart
from email.parser import BytesParser

from briefing.ingest.extracted import Extracted, FormatError
from briefing.ingest.mail import check_headers, check_parts
from briefing.ingest.web import decode_html, extract_html
from briefing.page_urls import find_page_url, is_plain_url


def read_mhtml(raw: bytes) -> Extracted:
    check_parts(raw, "web archive")
    try:
        message = BytesParser(policy=policy.default).parsebytes(raw)
        check_headers(message, "web archive")
        page = page_part(message)
        html = page.get_payload(decode=True) if page is not None else None
        subject = str(message.get("Subject") or "").strip() or None
        location = message.get("Snapshot-Content-Location") or (page.get("Content-Location") if page else None)
        saved_from = str(location or "").strip()
    except (MessageError, LookupError, ValueError, TypeError, IndexError, AttributeError) as error:
        raise FormatError(f"corrupt web archive ({type(error).__name__}: {error})") from None
    if not isinstance(html, bytes) or not html.strip():
        raise FormatError("web archive holds no web page")
    extracted = extract_html(decode_html(html))
    url = find_page_url(html) or (saved_from if is_plain_url(saved_from) else None)
    return dataclasses.replace(extracted, title=extracted.title or subject, url=url)


def page_part(message: EmailMessage) -> MIMEPart | None:
    """The saved page: the part the archive names as its start, else its first text/html part
    (the page's own frame comes before the frames inside it)."""
    if not message.is_multipart():
        return message if message.get_content_type() == "text/html" else None
    parts = [part for part in message.walk() if not part.is_multipart()]
    start = message.get_param("start", header="content-type")
    if isinstance(start, str):
        named = [part for part in parts if str(part.get("Content-ID") or "").strip() == start.strip()]
        if named:
            return named[0]
    return next((part for part in parts if part.get_content_type() == "text/html"), None)
