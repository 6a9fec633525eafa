"""E-mail files (.eml) through the standard library: headers as metadata, the text part as body.

Subject is the title (without "Fwd:"/"Re:" prefixes), the From display name the author and
the Date header the published date. The text/plain part is preferred; a text/html part goes
through the HTML reader. Attachments are ignored. A forwarded-message header block and the
signature after the "-- " delimiter are not part of the article and are cut.

Headers are read from their raw values: hand-written and badly relayed mail often carries
8-bit bytes in headers instead of RFC 2047 words, which the standard parser keeps as
surrogate escapes; they are decoded as UTF-8, else Windows-1252, before the header is parsed.
"""

from __future__ import annotations

import re
from email import policy
from email.errors import MessageError
from email.headerregistry import BaseHeader
from email.message import EmailMessage
from email.parser import BytesParser

from briefing.ingest.dates import parse_date_value
from briefing.ingest.decode import decode_text, repair_surrogates
from briefing.ingest.extracted import Extracted, FormatError
from briefing.ingest.web import extract_html

REPLY_PREFIX = re.compile(r"^\s*((re|fwd?|tr|wg|aw)\s*:\s*)+", re.IGNORECASE)
FORWARD_MARKER = re.compile(r"^-{2,}\s*(forwarded message|original message)\s*-{2,}\s*$", re.I | re.M)
FORWARD_HEADER = re.compile(r"^(from|date|sent|subject|to|cc|reply-to):\s", re.IGNORECASE)
SIGNATURE = re.compile(r"^-- $", re.M)
HEADER_NAMES = ("From", "Subject", "Date", "To", "Message-ID", "Content-Type", "MIME-Version")
FOLD = re.compile(r"\r?\n(?=[ \t])")
# The email package parses a header in time and memory growing with the square of its encoded
# words (a 700 KB Subject needed over 3 GB) and takes ~0.5 ms a MIME part (100,000 took 51 s):
# both are bounded before parsing. Real headers are under a few KB, real mail has a few parts.
MAX_HEADER_CHARS = 65_536
MAX_PARTS = 1_000
BOUNDARY = re.compile(rb"""boundary\s*=\s*["']?([^"'\r\n;]{1,200})""", re.IGNORECASE)
DELIMITER_LINE = re.compile(rb"^--([^\r\n]{1,202})", re.MULTILINE)


def read_eml(raw: bytes) -> Extracted:
    check_parts(raw)
    try:
        message = BytesParser(policy=policy.default).parsebytes(raw)
        check_headers(message)
        if not any(message.get(name) for name in HEADER_NAMES):
            raise FormatError("not an e-mail message (no headers)")
        body, is_html = read_body(message)
        subject, author, published = read_headers(message)
    except (MessageError, LookupError, ValueError, TypeError, IndexError, AttributeError) as error:
        raise FormatError(f"corrupt e-mail ({type(error).__name__}: {error})") from None
    if is_html:
        page = extract_html(body)
        return Extracted(
            text=page.text,
            title=subject or page.title,
            author=author or page.author,
            outlet=page.outlet,
            published=published or page.published,
        )
    text = cut_forward_block(cut_signature(body))
    return Extracted(text=text, title=subject, author=author, published=published)


def check_parts(raw: bytes) -> None:
    """Refuse a message with more MIME parts than MAX_PARTS, counted without parsing it."""
    boundaries = {match.group(1).strip() for match in BOUNDARY.finditer(raw)}
    if not boundaries:
        return
    parts = 0
    for match in DELIMITER_LINE.finditer(raw):
        line = match.group(1).rstrip()
        parts += line in boundaries or line.removesuffix(b"--") in boundaries
    if parts > MAX_PARTS:
        raise FormatError(f"e-mail has too many parts ({parts:,}; the limit is {MAX_PARTS:,})")


def check_headers(message: EmailMessage) -> None:
    """Refuse a message with a header longer than MAX_HEADER_CHARS, before any header is parsed."""
    for part in message.walk():
        longest = max((len(value) for _, value in part.raw_items()), default=0)
        if longest > MAX_HEADER_CHARS:
            raise FormatError(
                f"e-mail header too long ({longest // 1024:,} KB; the limit is {MAX_HEADER_CHARS // 1024} KB)"
            )


def read_body(message: EmailMessage) -> tuple[str, bool]:
    """The preferred text part, decoded in the charset it declares, else as ``decode_text`` guesses.

    The email package would read an undeclared 8-bit body as ASCII and replace every other
    byte; ``decode_text`` tries the declaration, UTF-8 and a guessed encoding instead.
    """
    part = message.get_body(preferencelist=("plain", "html"))
    if part is None:
        raise FormatError("no text in the e-mail (only attachments or other parts)")
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):  # a part the package could not decode: take what it offers
        content = part.get_content()
        return (content if isinstance(content, str) else decode_text(bytes(content))), is_html_part(part)
    # a stray NUL in a parsed message is a relay's artefact, not a sign of binary data
    return decode_text(payload.replace(b"\x00", b""), part.get_content_charset()), is_html_part(part)


def is_html_part(part) -> bool:
    return part.get_content_subtype() == "html"


def read_headers(message: EmailMessage) -> tuple[str | None, str | None, str | None]:
    subject = REPLY_PREFIX.sub("", str(read_header(message, "Subject") or "")).strip() or None
    author = None
    addresses = getattr(read_header(message, "From"), "addresses", ())
    if addresses:
        author = addresses[0].display_name.strip() or None
    date_header = read_header(message, "Date")
    published = parse_date_value(getattr(date_header, "datetime", None))
    return subject, author, published


def read_header(message: EmailMessage, name: str) -> BaseHeader | None:
    """The first ``name`` header, parsed after its raw 8-bit bytes were decoded."""
    for key, value in message.raw_items():
        if key.lower() == name.lower():
            unfolded = FOLD.sub("", value)
            return policy.default.header_factory(name, repair_surrogates(unfolded))
    return None


def cut_signature(text: str) -> str:
    match = SIGNATURE.search(text.replace("\r\n", "\n"))
    return text.replace("\r\n", "\n")[: match.start()] if match else text


def cut_forward_block(text: str) -> str:
    """Drop a "---- Forwarded message ----" line and the header lines right below it."""
    match = FORWARD_MARKER.search(text)
    if not match:
        return text
    lines = text[match.end() :].lstrip("\n").split("\n")
    while lines and (FORWARD_HEADER.match(lines[0]) or not lines[0].strip()):
        lines.pop(0)
    return text[: match.start()] + "\n".join(lines)
