"""Read one file into a Document: check it, extract by format, clean, find metadata.

Every failure becomes ``IngestError(path, reason)`` with a short lower-case reason; no other
exception leaves ``read_document``, whatever the bytes, because an import run reports bad
files one by one and carries on. No string field of the Document holds a surrogate character
(an undecodable byte that a parser or the file system kept): the store could not save it.
"""

from __future__ import annotations

import dataclasses
import hashlib
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any, TypeVar

from briefing.domain import Document, IngestError
from briefing.ingest import files
from briefing.ingest.boilerplate import is_release_furniture
from briefing.ingest.byline import PROGRAM_VALUE, outlet_or_credit, tidy_author, tidy_outlet
from briefing.ingest.clean import clean_text, strip_controls
from briefing.ingest.dates import date_in_file_name, make_date, parse_date_value
from briefing.ingest.decode import repair_surrogates
from briefing.ingest.extracted import Extracted, FormatError
from briefing.ingest.language import guess_language
from briefing.ingest.mail import read_eml
from briefing.ingest.metadata import TextMetadata, pick, read_text_metadata, strip_site_affix
from briefing.ingest.mhtml import read_mhtml
from briefing.ingest.pdf import read_pdf
from briefing.ingest.plain import read_markdown, read_txt
from briefing.ingest.sniff import actual_format
from briefing.ingest.web import read_html
from briefing.ingest.word import read_docx

READERS: dict[str, Callable[[bytes], Extracted]] = {
    "txt": read_txt,
    "md": read_markdown,
    "html": read_html,
    "mhtml": read_mhtml,
    "pdf": read_pdf,
    "docx": read_docx,
    "eml": read_eml,
}
PLACEHOLDER_TITLES = frozenset({"untitled", "document", "document1", "title", "no title", "new document"})
PLACEHOLDER_AUTHORS = frozenset(
    {"admin", "administrator", "user", "owner", "unknown", "author", "anonymous", "microsoft office user"}
)
R = TypeVar("R", Document, Extracted)
FILE_SUFFIXES = (".doc", ".docx", ".pdf", ".txt", ".rtf", ".odt", ".indd", ".html", ".htm")


def read_document(path: str | Path) -> Document:
    """Read, clean and describe one file; raises IngestError for any bad input."""
    name = str(path)
    try:
        return build_document(Path(path))
    except IngestError:
        raise
    except FormatError as error:
        raise IngestError(name, error.reason) from None
    except MemoryError:
        raise IngestError(name, "could not be read (out of memory)") from None
    except RecursionError:
        raise IngestError(name, "could not be read (structure nested too deeply)") from None
    except Exception as error:  # noqa: BLE001 - the contract: only IngestError escapes
        raise IngestError(name, describe_unexpected(error)) from None


def build_document(path: Path) -> Document:
    raw = read_bytes(path)
    fmt = actual_format(raw, files.FORMAT_BY_SUFFIX[files.suffix_of(path)])
    extracted = READERS[fmt](raw)
    if len(extracted.text) > files.MAX_TEXT_CHARS:  # checked before cleaning, which needs ~20 bytes a character
        raise FormatError(files.describe_too_long(len(extracted.text), files.MAX_TEXT_CHARS))
    extracted = without_surrogates(extracted)
    if extracted.title and is_release_furniture(extracted.title):
        # a Subject or <h1> saying only "Press release": the headline is in the text
        extracted = dataclasses.replace(extracted, title=None)
    text = clean_text(extracted.text, hard_wrapped=extracted.hard_wrapped)
    found = read_text_metadata(text, extracted.title)
    if not found.body.strip():
        raise FormatError("no text extracted")
    # a file's or page's own fields say more than the text, but carry site names, placeholders
    # ("Admin"), role sentences and copyright lines: the same checks as text bylines
    named = pick(extracted.author, found.author, plausible_author(extracted.file_author))
    outlet = outlet_or_credit(tidy_outlet(one_line(pick(extracted.outlet, found.outlet))), one_line(named))
    author = tidy_author(one_line(named), outlet)  # "CBS News" by CBS News is no author
    # only a page's or file's title field carries the site's name; a headline read from a text file's
    # lines does not (there, "Take C.A.R.E. - comwrap at DMEXCO" is one headline)
    field_title = (
        extracted.title if fmt in ("txt", "md") else strip_site_affix(extracted.title, outlet, extracted.outlet)
    )
    title = pick(field_title, found.title, strip_site_affix(plausible_title(extracted.file_title), outlet))
    document = Document(
        path=str(path.absolute()),  # "pol/a.txt" would mean nothing once the working folder changed
        format=fmt,
        raw=raw,
        content_hash=hashlib.sha256(raw).hexdigest(),
        text=found.body,
        title=one_line(title),
        outlet=outlet,
        author=author,
        published=choose_published(extracted, found, path.stem),
        language=guess_language(f"{title or ''}\n{found.body}"),
        url=extracted.url,
        left_out=extracted.left_out,
    )
    return without_surrogates(document)


def one_line(value: str | None) -> str | None:
    """A metadata field on one line, without control characters; None when nothing is left."""
    return " ".join(strip_controls(value).split()) or None if value else None


def without_surrogates(record: R) -> R:
    """``record`` (a dataclass) with surrogates repaired in every string field.

    Applied to what a format reader returns, so cleaning sees real characters, and again to
    the Document, so a path with undecodable bytes cannot carry one into the store either.
    """
    changes: dict[str, Any] = {
        field.name: repair_surrogates(value)
        for field in dataclasses.fields(record)
        if isinstance(value := getattr(record, field.name), str)
    }
    return dataclasses.replace(record, **changes)


def read_bytes(path: Path) -> bytes:
    """The file's bytes after the checks that need no parsing: kind, size, emptiness."""
    name = str(path)
    if files.suffix_of(path) not in files.SUPPORTED_SUFFIXES:
        raise IngestError(name, files.describe_unsupported(path))
    try:
        size = path.stat().st_size
        if not path.is_file():
            raise IngestError(name, "not a file")
        if size > files.MAX_FILE_BYTES:
            raise IngestError(name, files.describe_oversize(size, files.MAX_FILE_BYTES))
        raw = path.read_bytes()
    except FileNotFoundError:
        raise IngestError(name, "no such file") from None
    except OSError as error:
        raise IngestError(name, f"could not be opened ({error.strerror or type(error).__name__})") from None
    if len(raw) > files.MAX_FILE_BYTES:  # it grew while we looked
        raise IngestError(name, files.describe_oversize(len(raw), files.MAX_FILE_BYTES))
    if not raw.strip():
        raise IngestError(name, "empty file")
    return raw


def choose_published(extracted: Extracted, found: TextMetadata, file_name: str = "") -> str | None:
    """Article metadata, then the text, then the file's creation date, then a date in the file's
    name (``date_in_file_name``); always a valid ISO date.

    A file date that contradicts the dateline's month and day is the day the file was made,
    not the day the article was published, so it is not used.
    """
    for value in (extracted.published, found.published):
        iso = parse_date_value(value) if value else None
        if iso:
            return iso
    file_date = parse_date_value(extracted.file_published) if extracted.file_published else None
    file_date = file_date or date_in_file_name(file_name)
    if file_date and found.dateline_date and file_date[5:] != found.dateline_date:
        return dateline_near(found.dateline_date, file_date)
    return file_date


def dateline_near(month_day: str, file_date: str, days: int = 7) -> str | None:
    """The dateline's month and day ("12-08") in the year that puts it within ``days`` of the
    file's date (a file saved or named a day off the dateline's 'Dec. 8'), else None: a file date
    further off is the day the file was made, not the day the article came out."""
    made = date.fromisoformat(file_date)
    month, day = (int(part) for part in month_day.split("-"))
    for year in (made.year, made.year - 1, made.year + 1):
        value = make_date(year, month, day)
        if value and abs((date.fromisoformat(value) - made).days) <= days:
            return value
    return None


def plausible_title(title: str | None) -> str | None:
    """A file-level title, unless it is a placeholder, a press-release label or a file name."""
    if not title or len(title.strip()) < 3 or PROGRAM_VALUE.fullmatch(title.strip()):
        return None
    lower = title.strip().lower()
    if lower in PLACEHOLDER_TITLES or lower.startswith("microsoft word - ") or lower.endswith(FILE_SUFFIXES):
        return None
    return None if is_release_furniture(title) else title.strip()


def plausible_author(author: str | None) -> str | None:
    if not author or author.strip().lower() in PLACEHOLDER_AUTHORS:
        return None
    return author.strip()


def describe_unexpected(error: Exception) -> str:
    detail = " ".join(str(error).split())[:160]
    return (
        f"could not be read ({type(error).__name__}: {detail})"
        if detail
        else (f"could not be read ({type(error).__name__})")
    )
