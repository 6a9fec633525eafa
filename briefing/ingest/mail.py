"""E-mail files (.eml) through the standard library: headers as metadata, the text part as body.

Subject is the title (without "Fwd:"/"Re:" prefixes), the From display name the author and
the Date header the published date. The text/plain part is preferred unless it is blank; a
text/html part goes through the HTML reader. Attachments are ignored, but named when they are
all the message holds. A forwarded-message header block and the
signature after the "-- " delimiter are not part of the article and are cut; so is a phone's
"Sent from my iPhone", and a newsletter's footer and a sign-off's signature block
(``mail_furniture``). A forward that quotes the article line by line ("> ...") gives the
article, without the sender's note above it. A forward's sender is not the article's author.

Headers are read from their raw values: hand-written and badly relayed mail often carries
8-bit bytes in headers instead of RFC 2047 words, which the standard parser keeps as
surrogate escapes; they are decoded as UTF-8, else Windows-1252, before the header is parsed.
"""

from __future__ import annotations

import re
from email import policy
from email.errors import MessageError
from email.headerregistry import BaseHeader
from email.message import EmailMessage, MIMEPart
from email.parser import BytesParser

from briefing.ingest.dates import parse_date_value
from briefing.ingest.decode import decode_text, repair_surrogates, superset_of
from briefing.ingest.extracted import Extracted, FormatError
from briefing.ingest.mail_furniture import cut_mail_furniture
from briefing.ingest.web import decode_html, extract_html

REPLY_PREFIX = re.compile(r"^\s*((re|fwd?|tr|wg|aw)\s*:\s*)+", re.IGNORECASE)
# Gmail's and Thunderbird's dashed line, Apple Mail's sentence, Outlook's rule of underscores
FORWARD_MARKER = re.compile(
    r"^(?:-{2,}\s*(?:forwarded message|original message)\s*-{2,}|begin forwarded message:|_{10,})\s*$", re.I | re.M
)
# Outlook's forward without a rule: the forwarded message's header lines, From first and a Subject among them
FORWARD_HEADER_BLOCK = re.compile(r"^From:[^\n]+\n(?=(?:(?:Sent|Date|To|Cc):[^\n]*\n){0,4}Subject:)", re.I | re.M)
FORWARD_HEADER = re.compile(r"^(from|date|sent|subject|to|cc|reply-to):\s", re.IGNORECASE)
SIGNATURE = re.compile(r"^-- $", re.M)
# a phone's or mail program's line under the message: "Sent from my iPhone", "Get Outlook for iOS"
MOBILE_SIGNATURE = re.compile(
    r"^(?:Sent from my [\w ]{2,30}|Sent from (?:Mail|Outlook|Yahoo Mail) for [\w ]{2,20}|Get Outlook for \w+)\s*$",
    re.M | re.I,
)
QUOTE_MARK = re.compile(r"^> ?")
REPLY_ATTRIBUTION = re.compile(r"^(?:On\b.{0,300}\b(?:wrote|said)|.{1,200}\b(?:wrote|schrieb|a écrit|escribió)):\s*$")
MIN_QUOTED_LINES = 5  # a forward's quoted article, not a reply's quoted sentence or two
QUOTED_SHARE = 3  # the quoted lines hold three times the words of the rest: the article is the quote
LAST_NAME_FIRST = re.compile(r"^([A-Z][\w'’-]+), ([A-Z][\w'’.-]+(?: [A-Z][\w'’.-]+)?)$")
HEADER_NAMES = ("From", "Subject", "Date", "To", "Message-ID", "Content-Type", "MIME-Version")
ENCODED_WORD_CHARSET = re.compile(r"=\?([\w.:-]{1,40})(\*[\w-]{0,20}\?[bBqQ]\?|\?[bBqQ]\?)")
Q_WORD = re.compile(r"=\?[^?\s]{1,60}\?[qQ]\?[^?\s]{0,2000}\?=")
ESCAPED_BYTE = re.compile(r"[\udc80-\udcff]")
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
    left_out = attachments_left_out(message)
    if is_html:
        page = extract_html(body)
        if not page.text.strip():  # an empty <div><br></div> above the attachments
            raise FormatError(describe_no_text(message))
        return Extracted(
            text=cut_mail_furniture(page.text),
            title=subject or page.title,
            author=author or page.author,
            outlet=page.outlet,
            published=published or page.published,
            left_out=left_out,
        )
    body = MOBILE_SIGNATURE.sub("", body.replace("\r\n", "\n"))
    quoted = quoted_article(body)
    if quoted is not None:  # a forward that quotes the article under "On ... wrote:"
        article = drop_forward_headers(cut_signature(quoted).split("\n"))
        text = cut_mail_furniture("\n".join(article))
        return Extracted(text=text, title=subject, published=published, left_out=left_out)
    forwarded = find_forward(body) is not None
    text = cut_mail_furniture(cut_forward_block(cut_signature(cut_reply_quote(body))))
    author = None if forwarded else author
    return Extracted(text=text, title=subject, author=author, published=published, left_out=left_out)


def attachments_left_out(message: EmailMessage) -> tuple[str, ...]:
    """'2 attachments not imported: report.pdf, data.csv (save them to import them)': files the
    sender attached, which the import does not read (images shown in the message's text are
    not named: they are part of its layout)."""
    attached = (part for part in message.walk() if part.get_content_disposition() == "attachment")
    names = [name for part in attached if (name := attachment_name(part))]
    if not names:
        return ()
    shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
    one = len(names) == 1
    them = "it" if one else "them"
    return (f"{len(names)} attachment{'' if one else 's'} not imported: {shown} (save {them} to import {them})",)


def check_parts(raw: bytes, what: str = "e-mail") -> None:
    """Refuse a message with more MIME parts than MAX_PARTS, counted without parsing it."""
    boundaries = {match.group(1).strip() for match in BOUNDARY.finditer(raw)}
    if not boundaries:
        return
    parts = 0
    for match in DELIMITER_LINE.finditer(raw):
        line = match.group(1).rstrip()
        parts += line in boundaries or line.removesuffix(b"--") in boundaries
    if parts > MAX_PARTS:
        raise FormatError(f"{what} has too many parts ({parts:,}; the limit is {MAX_PARTS:,})")


def check_headers(message: EmailMessage, what: str = "e-mail") -> None:
    """Refuse a message with a header longer than MAX_HEADER_CHARS, before any header is parsed."""
    for part in message.walk():
        longest = max((len(value) for _, value in part.raw_items()), default=0)
        if longest > MAX_HEADER_CHARS:
            raise FormatError(
                f"{what} header too long ({longest // 1024:,} KB; the limit is {MAX_HEADER_CHARS // 1024} KB)"
            )


def read_body(message: EmailMessage) -> tuple[str, bool]:
    """The text of the plain part, else of the HTML part when the plain one is missing or blank
    (mail programs send an empty text/plain beside the real HTML message)."""
    for kind in ("plain", "html"):
        part = message.get_body(preferencelist=(kind,))
        if part is not None and (text := read_part(part)).strip():
            return text, kind == "html"
    raise FormatError(describe_no_text(message))


def read_part(part: MIMEPart) -> str:
    """A text part decoded in the charset it declares, else as ``decode_text`` guesses.

    The email package would read an undeclared 8-bit body as ASCII and replace every other
    byte; ``decode_text`` tries the declaration, UTF-8 and a guessed encoding instead.
    """
    payload = part.get_payload(decode=True)
    if not isinstance(payload, bytes):  # a part the package could not decode: take what it offers
        content = part.get_content()
        return content if isinstance(content, str) else decode_text(bytes(content))
    # a stray NUL in a parsed message is a relay's artefact, not a sign of binary data
    payload, charset = payload.replace(b"\x00", b""), part.get_content_charset()
    if is_html_part(part) and charset is None:
        return decode_html(payload)  # the page's own <meta charset>, as a browser reads it
    return decode_text(payload, charset)


def describe_no_text(message: EmailMessage) -> str:
    """Why a message gives no text, naming its attachments: the article may well be one of them."""
    names = [name for part in message.walk() if (name := attachment_name(part))]
    if not names:
        return "no text in the e-mail"
    shown = ", ".join(names[:5]) + (f" and {len(names) - 5} more" if len(names) > 5 else "")
    return f"no text in the e-mail, only attachments: {shown} (save them to import them)"


def attachment_name(part: EmailMessage) -> str | None:
    """The file name of an attached file, its type when it has none; None for the message's
    own text parts and containers."""
    if part.is_multipart():
        return None
    name = part.get_filename()
    if name:
        return repair_surrogates(" ".join(name.split()))[:80]
    return None if part.get_content_maintype() == "text" else part.get_content_type()


def is_html_part(part) -> bool:
    return part.get_content_subtype() == "html"


def read_headers(message: EmailMessage) -> tuple[str | None, str | None, str | None]:
    subject = REPLY_PREFIX.sub("", str(read_header(message, "Subject") or "")).strip().rstrip(" ;,") or None
    author = None
    addresses = getattr(read_header(message, "From"), "addresses", ())
    if addresses:
        author = LAST_NAME_FIRST.sub(r"\2 \1", addresses[0].display_name.strip()) or None  # "Ortiz, Kevin"
    date_header = read_header(message, "Date")
    published = parse_date_value(getattr(date_header, "datetime", None))
    return subject, author, published


def read_header(message: EmailMessage, name: str) -> BaseHeader | None:
    """The first ``name`` header, parsed after its raw 8-bit bytes were decoded."""
    for key, value in message.raw_items():
        if key.lower() == name.lower():
            unfolded = ENCODED_WORD_CHARSET.sub(widen_charset, FOLD.sub("", value))
            unfolded = Q_WORD.sub(escape_raw_bytes, unfolded)
            return policy.default.header_factory(name, repair_surrogates(unfolded))
    return None


def widen_charset(match: re.Match[str]) -> str:
    """An encoded word's charset label replaced by the superset mail programs really write in
    ("=?gb2312?B?...?=" holds GBK)."""
    return f"=?{superset_of(match.group(1))}{match.group(2)}"


def escape_raw_bytes(match: re.Match[str]) -> str:
    """A "Q" encoded word with raw 8-bit bytes in it ("=?iso-8859-1?Q?Fr\xf6sche?="), which the
    email package leaves undecoded, with those bytes written as "=F6" as they should have been."""
    return ESCAPED_BYTE.sub(lambda byte: f"={ord(byte.group(0)) - 0xDC00:02X}", match.group(0))


def quoted_article(text: str) -> str | None:
    """The article a forward quotes line by line ("> ROME - Bernie Sanders met ..."), without
    the quote marks, when the quoted lines hold most of the message's words: the sender's note
    above them ("Team, see below from the Post"), the signature and the "On ..., X wrote:" line
    are not the article. None for a reply that quotes only a little of what it answers."""
    lines = text.split("\n")
    quoted = [line for line in lines if line.startswith(">")]
    if len(quoted) < MIN_QUOTED_LINES:
        return None
    own = sum(len(line.split()) for line in lines if not line.startswith(">"))
    unquoted = [QUOTE_MARK.sub("", line, count=1) for line in quoted]
    if sum(len(line.split()) for line in unquoted) < QUOTED_SHARE * own:
        return None
    return "\n".join(unquoted).strip("\n")


def cut_reply_quote(text: str) -> str:
    """A reply's quote of the message it answers, at its end: the "On ..., X wrote:" line and
    the "> " lines under it."""
    lines = text.rstrip("\n").split("\n")
    end = len(lines)
    while end and (lines[end - 1].startswith(">") or not lines[end - 1].strip()):
        end -= 1
    if end == len(lines):
        return text
    if end and REPLY_ATTRIBUTION.match(lines[end - 1]):
        end -= 1
    return "\n".join(lines[:end]).rstrip("\n")


def cut_signature(text: str) -> str:
    match = SIGNATURE.search(text.replace("\r\n", "\n"))
    return text.replace("\r\n", "\n")[: match.start()] if match else text


def cut_forward_block(text: str) -> str:
    """Drop a forward's marker ("---- Forwarded message ----", "Begin forwarded message:", a
    rule of underscores, or none but Outlook's header lines) and the header lines below it, and
    the sender's short note above them."""
    found = find_forward(text)
    if found is None:
        return text
    start, end = found
    forwarded, note = "\n".join(drop_forward_headers(text[end:].lstrip("\n").split("\n"))), text[:start]
    if len(note.split()) * QUOTED_SHARE <= len(forwarded.split()):
        return forwarded  # the sender's "FYI" above the article is no part of it
    return note + forwarded


def find_forward(text: str) -> tuple[int, int] | None:
    """Where a forwarded message starts: its marker's start and end, or the start of Outlook's
    header lines (twice) when there is no marker."""
    match = FORWARD_MARKER.search(text)
    if match and FORWARD_HEADER.match(text[match.end() :].lstrip("\n")):
        return match.start(), match.end()
    if match and match.group(0).lower().startswith(("-", "begin")):
        return match.start(), match.end()
    block = FORWARD_HEADER_BLOCK.search(text)
    return (block.start(), block.start()) if block else None


def drop_forward_headers(lines: list[str]) -> list[str]:
    """``lines`` without the forwarded message's header lines (and blank lines) at their start."""
    if not lines or not FORWARD_HEADER.match(lines[0].strip()):
        return lines
    while lines and (FORWARD_HEADER.match(lines[0].strip()) or not lines[0].strip()):
        lines = lines[1:]
    return lines
