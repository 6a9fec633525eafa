"""PDF files through pypdf: text with paragraphs recovered from line geometry, plus document info.

pypdf's plain extraction loses paragraph spacing, so a visitor records each line's baseline
and font size: a gap clearly wider than the usual line spacing, or a change of font size
(headline to body), starts a new paragraph. Running headers, footers and page numbers are
dropped, and a paragraph that continues on the next page is kept whole.
"""

from __future__ import annotations

import io
import re
from dataclasses import dataclass
from itertools import pairwise
from statistics import median

from pypdf import PdfReader
from pypdf.errors import (
    DependencyError,
    DeprecationError,
    FileNotDecryptedError,
    LimitReachedError,
    PdfReadError,
    PdfStreamError,
)

from briefing.ingest.dates import parse_date_value
from briefing.ingest.extracted import Extracted, FormatError

PAGE_NUMBER = re.compile(r"^(?:page\s*)?[-–(]?\s*\d{1,4}\s*[-–)]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.I)
# the footer a browser prints on every page: the page's address and the page's number
BROWSER_FOOTER = re.compile(r"^(?:https?|file)://\S+\s+(?:page\s*)?\d{1,4}\s*(?:/|of)\s*\d{1,4}$", re.I)
LINE_NUMBER = re.compile(r"^[A-Z]?(\d{1,3})[A-Z]?$")  # a printer's proof marks some "S32", "R33"
MIN_LINE_NUMBERS = 20  # pleading paper counts 26 or 28 lines a page; a top-ten list is no margin
MIN_RUN = 5
SENTENCE_END = re.compile(r"[.!?][\"'’”»)]*\s*$")
GAP_FACTOR = 1.3  # spacing this much wider than usual separates paragraphs
SIZE_CHANGE = 0.5  # points
SAME_BASELINE = 0.1  # of the font size: pieces of text this close in height stand on one line
MIN_SPACING_SAMPLES = 3
DEFAULT_SPACING = 1.6  # baseline distance / font size of generously set body text
HEADING_EXTRA = 1.5  # points above the body size that make a line a heading
MAX_HEADING_LINES = 4
FOOTNOTE_SCALE = 0.92  # footnotes are set at about 80% of the body size; this much or less
FOOTNOTE_MARK = re.compile(r"^(?:\d{1,3}|[*†‡§¹²³⁴⁵⁶⁷⁸⁹])\s?[^\W\d_]")
MAX_HEADING_CHARS = 300
HEADLINE_SEARCH = 6  # the first page's lines where the headline stands
EDGE_BAND = 2.0  # points: lines this close to the page's top or bottom baseline stand on it
MAX_PAGES = 2000  # a longer document is refused, not cut short without a word
# glyph names pypdf writes for unmapped glyphs: "/g24", "/cid112", "/G2E", "/CP"; "and/or" is none
GLYPH_NAMES = re.compile(r"(?:/(?:[gc]\d{1,5}|cid\d{1,5}|[A-Z]{1,3}[0-9A-Z]{0,4})(?![a-z]))+")
NUMBERED_GLYPH = re.compile(r"/(?:[gc]|cid)\d{1,5}")
GLYPH_LINE_SHARE = 0.5  # a line this much glyph names is dropped
GLYPH_TEXT_SHARE = 0.5  # a document this much glyph names is refused
GLYPH_TEXT = "no readable text: the pdf's fonts map their glyphs to no characters (glyph names such as /g24)"
ABBREVIATED_FILTER = re.compile(r"/[A-Za-z0-9]{1,8}\b")
BOMB = "pdf content too large when unpacked (a decompression bomb?)"


@dataclass
class Line:
    text: str
    y: float | None
    size: float


def read_pdf(raw: bytes) -> Extracted:
    reader = open_pdf(raw)
    pages = drop_glyph_lines([page_lines(page) for page in reader.pages])
    drop_running_lines(pages)
    usual, body = usual_spacing(pages), body_size(pages)
    drop_header_above_headline(pages, body)
    notes: list[list[str]] = []
    paragraphs = join_pages([split_paragraphs(lines, usual, body, notes) for lines in pages]) + notes
    text = "\n\n".join("\n".join(p) for p in paragraphs)
    if not text.strip():
        raise FormatError("no text found (a scanned or image-only pdf? text recognition is not supported)")
    title, author, published = read_info(reader)
    return Extracted(text=text, file_title=title, file_author=author, file_published=published, hard_wrapped=True)


def drop_header_above_headline(pages: list[list[Line]], body: float) -> None:
    """Drop the small lines on the first page's top edge that stand above its headline, in place.

    A one-page article printed from a browser starts with the browser's header ("11/9/15, 6:05
    PM  Grid outage | Courier"), which only repetition over pages marks as a running line: as
    the text's first line, it was the title. The headline is the first page's largest type
    among its first lines, clearly larger than the body.
    """
    lines = pages[0] if pages else []
    top = lines[:HEADLINE_SEARCH]
    if not top or body <= 0 or max(line.size for line in top) < body + HEADING_EXTRA:
        return
    biggest = max(line.size for line in top)
    start = next(index for index, line in enumerate(top) if line.size > biggest - SIZE_CHANGE)
    edge = {id(line) for line in edge_lines(lines)}
    if start and all(id(line) in edge and line.size < body for line in lines[:start]):
        del lines[:start]


def open_pdf(raw: bytes) -> PdfReader:
    if b"%PDF-" not in raw[:1024]:
        raise FormatError("not a pdf file (no %PDF header)")
    try:
        reader = PdfReader(io.BytesIO(raw), strict=False)
        if reader.is_encrypted and not reader.decrypt(""):
            raise FormatError("encrypted pdf (password protected)")
        count = len(reader.pages)  # reading the page tree finds most structural damage early
    except (DependencyError, FileNotDecryptedError):
        raise FormatError("encrypted pdf (password protected)") from None
    except LimitReachedError:
        raise FormatError(BOMB) from None
    except (PdfReadError, PdfStreamError, EOFError, DeprecationError) as error:
        raise refused(error, "corrupt or truncated pdf") from None
    if count > MAX_PAGES:
        raise FormatError(f"pdf too long ({count:,} pages; the limit is {MAX_PAGES:,})")
    return reader


def page_lines(page) -> list[Line]:
    """The page's text lines with their baseline height and font size."""
    lines: list[Line] = [Line("", None, 0.0)]

    def visit(text: str, cm, tm, font, font_size) -> None:
        scale = abs(tm[3] * cm[3]) or 1.0
        for index, piece in enumerate(text.split("\n")):
            if index:
                lines.append(Line("", None, 0.0))
            if piece.strip() and lines[-1].y is None:
                lines[-1].y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
                lines[-1].size = float(font_size or 0) * scale
            lines[-1].text += piece

    try:
        page.extract_text(visitor_text=visit)
    except LimitReachedError:
        raise FormatError(BOMB) from None
    except (PdfReadError, PdfStreamError, DeprecationError, DependencyError) as error:
        raise refused(error, "corrupt pdf page") from None
    return same_baseline_runs([line for line in lines if line.text.strip()])


def same_baseline_runs(lines: list[Line]) -> list[Line]:
    """Lines joined where pypdf broke one at a change of font: a bold word or an italic title
    in a sentence ("turned on **accountability** of senior staff") came out as three lines on
    the same baseline, and the paragraph was cut in three."""
    joined: list[Line] = []
    for line in lines:
        above = joined[-1] if joined else None
        if above is None or above.y is None or line.y is None:
            joined.append(line)
            continue
        if abs(above.y - line.y) > SAME_BASELINE * max(above.size, line.size, 1.0):
            joined.append(line)
            continue
        longer = above if len(above.text.strip()) >= len(line.text.strip()) else line
        joined[-1] = Line(run_on(above.text, line.text), above.y, longer.size)
    return joined


def run_on(text: str, more: str) -> str:
    """``more`` after ``text`` on one line: a space between words, none before punctuation."""
    if text[-1:].isspace() or more[:1].isspace() or more[:1] in ",.;:!?)]’”»%":
        return text + more
    return f"{text} {more}"


def refused(error: Exception, what: str) -> FormatError:
    """The line for a pdf the reader refuses: ``what`` and the reader's reason, unless the reason
    is advice to a programmer ("Install it with: pip install pypdf[brotli]", "removed in pypdf
    7.0.0"), which is said in the analyst's terms."""
    reason = one_line(error)
    if "brotli" in reason.lower():
        return FormatError("pdf compressed with Brotli, a proposed extension of PDF that Briefing cannot read")
    if isinstance(error, DeprecationError):
        name = ABBREVIATED_FILTER.search(reason)
        return FormatError(
            f"{what} (a stream filter named {name.group() if name else 'by an abbreviation'}, "
            "which PDF allows only inside an inline image)"
        )
    return FormatError(f"{what} ({reason})")


def drop_glyph_lines(pages: list[list[Line]]) -> list[list[Line]]:
    """The pages without lines that are glyph names rather than text ("/g24/g149/g135", "/G43/G24"):
    what pypdf gives for a font that maps its glyphs to no characters. When most of the text is
    such, the file is refused: its few readable lines (a cover page) would pass for the document."""
    total = garbage = 0
    kept: list[list[Line]] = []
    for lines in pages:
        kept.append([])
        for line in lines:
            size, names = len(line.text.replace(" ", "")), glyph_name_chars(line.text)
            total, garbage = total + size, garbage + names
            if names < GLYPH_LINE_SHARE * size:
                kept[-1].append(line)
    if total and garbage >= GLYPH_TEXT_SHARE * total:
        raise FormatError(GLYPH_TEXT)
    return kept


def glyph_name_chars(text: str) -> int:
    """How many characters of ``text`` are glyph names: runs of two or more, or "/g24"-like ones."""
    return sum(
        len(match.group())
        for match in GLYPH_NAMES.finditer(text)
        if match.group().count("/") >= 2 or NUMBERED_GLYPH.fullmatch(match.group())
    )


def split_paragraphs(
    lines: list[Line], usual: float, body: float = 0.0, notes: list[list[str]] | None = None
) -> list[list[str]]:
    """Group a page's lines into paragraphs by vertical gaps and font size changes.

    A heading set larger than the body and broken over a few lines is one line: the text
    cleaner would otherwise read its short lines as separate paragraphs ("Why the Authority
    Finally" / "Approved the Terminal"), and the title would keep only the first. Footnotes
    go to ``notes`` when it is given (``set_notes_aside``).
    """
    if not lines:
        return []
    groups = [[lines[0]]]
    for above, line in pairwise(lines):
        if starts_paragraph(above, line, usual):
            groups.append([])
        groups[-1].append(line)
    if notes is not None:
        groups = set_notes_aside(groups, body, notes)
    return [[heading_line(group)] if is_heading(group, body) else [line.text for line in group] for group in groups]


def set_notes_aside(groups: list[list[Line]], body: float, notes: list[list[str]]) -> list[list[Line]]:
    """The page's paragraphs without its footnotes, which are appended to ``notes``.

    A footnote is set smaller than the body in the page's lower half and starts with its mark
    ("1The current markup is temporary"); the small lines right after it continue it. Read in
    place, it split the paragraph it interrupts ("The docu-" / note / "ment just uses"), which
    is joined again here.
    """
    placed = [line.y for group in groups for line in group if line.y is not None]
    if not placed or body <= 0:
        return groups
    middle = (max(placed) + min(placed)) / 2
    kept: list[list[Line]] = []
    in_note = interrupted = False
    for group in groups:
        small = all(line.size <= FOOTNOTE_SCALE * body for line in group) and (group[0].y or middle) < middle
        if small and (in_note or FOOTNOTE_MARK.match(group[0].text.strip())):
            if in_note:
                notes[-1].extend(line.text for line in group)
            else:
                notes.append([line.text for line in group])
            in_note = interrupted = True
            continue
        if interrupted and kept and continues(kept[-1][-1].text, group[0].text):
            kept[-1].extend(group)
        else:
            kept.append(group)
        in_note = interrupted = False
    return kept


def body_size(pages: list[list[Line]]) -> float:
    """The font size most of the text is set in (by characters), 0 when there is none."""
    sizes: dict[float, int] = {}
    for lines in pages:
        for line in lines:
            size = round(line.size, 1)
            sizes[size] = sizes.get(size, 0) + len(line.text)
    return max(sizes, key=lambda size: sizes[size]) if sizes else 0.0


def is_heading(group: list[Line], body: float) -> bool:
    if not 2 <= len(group) <= MAX_HEADING_LINES or body <= 0:
        return False
    text = " ".join(line.text.strip() for line in group)
    return all(line.size >= body + HEADING_EXTRA for line in group) and len(text) <= MAX_HEADING_CHARS


def heading_line(group: list[Line]) -> str:
    """A heading's lines as one; a break after a hyphen keeps it ("long-" + "delayed"):
    headings are set ragged, so a hyphen there belongs to a compound."""
    text = group[0].text.strip()
    for line in group[1:]:
        piece = line.text.strip()
        text = text + piece if text.endswith("-") else f"{text} {piece}"
    return text


def usual_spacing(pages: list[list[Line]]) -> float:
    """Median baseline distance, in font sizes, between consecutive lines of the same size.

    With too few lines to tell, the spacing of ordinary body text stands in, so the gap
    between two one-line paragraphs is not mistaken for normal line spacing.
    """
    pairs = [(a, b) for lines in pages for a, b in pairwise(lines)]
    pairs = [(a, b) for a, b in pairs if abs(a.size - b.size) < SIZE_CHANGE]
    ratios = [r for r in (spacing(a, b) for a, b in pairs) if r is not None and r > 0]
    if len(ratios) >= MIN_SPACING_SAMPLES:
        return median(ratios)
    return min([*ratios, DEFAULT_SPACING])


def spacing(above: Line, line: Line) -> float | None:
    if above.y is None or line.y is None or not line.size:
        return None
    return (above.y - line.y) / line.size


def starts_paragraph(above: Line, line: Line, usual: float) -> bool:
    if abs(above.size - line.size) >= SIZE_CHANGE:
        return True
    ratio = spacing(above, line)
    if ratio is None:
        return False
    if ratio <= 0:
        # a line above the previous one: a new column, or a text box placed out of order; a
        # sentence that runs on from the foot of one column to the head of the next is one paragraph
        return not continues(above.text, line.text)
    return ratio > GAP_FACTOR * usual


def drop_running_lines(pages: list[list[Line]]) -> None:
    """Remove page numbers, headers or footers repeated on several pages and the margin's line
    numbers, in place.

    Only a page's edge lines (``edge_lines``) can be running lines, and a line that ends a
    sentence never counts as repeated: the last lines of two paragraphs may well match.
    """
    repeated = find_running_keys(pages)
    for lines in pages:
        running = {id(line) for line in edge_lines(lines) if is_running(line, repeated)}
        running |= {id(line) for line in line_numbers(lines)}
        lines[:] = [line for line in lines if id(line) not in running]


def line_numbers(lines: list[Line]) -> list[Line]:
    """The numbers a margin counts the page's lines with (pleading paper, bills, proofs): lines
    that are a number alone, MIN_LINE_NUMBERS or more of them counting up one by one."""
    numbered = [(line, int(match[1])) for line in lines if (match := LINE_NUMBER.match(line.text.strip()))]
    counted = long_runs({number for _, number in numbered})
    return [line for line, number in numbered if number in counted]


def long_runs(values: set[int]) -> set[int]:
    """The values in runs of MIN_RUN or more consecutive integers, when MIN_LINE_NUMBERS or more
    are (a number that stands in a line of text breaks the margin's count into runs)."""
    found: set[int] = set()
    for start in (value for value in values if value - 1 not in values):
        end = start
        while end + 1 in values:
            end += 1
        if end - start + 1 >= MIN_RUN:
            found.update(range(start, end + 1))
    return found if len(found) >= MIN_LINE_NUMBERS else set()


def edge_lines(lines: list[Line]) -> list[Line]:
    """The lines where headers and footers stand: the first and last in reading order, and all
    on the page's top and bottom baselines (a header set in two pieces, left and right, and a
    footer that the page draws before its text)."""
    placed = [line.y for line in lines if line.y is not None]
    if not placed:
        return lines[:1] + lines[-1:]
    top, bottom = max(placed), min(placed)
    banded = [
        line for line in lines if line.y is not None and (line.y >= top - EDGE_BAND or line.y <= bottom + EDGE_BAND)
    ]
    return [*{id(line): line for line in lines[:1] + lines[-1:] + banded}.values()]


def find_running_keys(pages: list[list[Line]]) -> set[str]:
    """Keys of lines found at the top or bottom of at least half the pages (two or more)."""
    if len(pages) < 2:
        return set()
    counts: dict[str, int] = {}
    for lines in pages:
        edge = [line for line in edge_lines(lines) if not SENTENCE_END.search(line.text)]
        for key in {running_key(line) for line in edge}:
            counts[key] = counts.get(key, 0) + 1
    return {key for key, n in counts.items() if n >= max(2, len(pages) // 2)}


def running_key(line: Line) -> str:
    # page numbers change from page to page; the rest of a running header does not
    return re.sub(r"\d+", "#", line.text.strip().lower())


def is_running(line: Line, repeated: set[str]) -> bool:
    text = line.text.strip()
    return (
        running_key(line) in repeated or PAGE_NUMBER.match(text) is not None or BROWSER_FOOTER.match(text) is not None
    )


def join_pages(pages: list[list[list[str]]]) -> list[list[str]]:
    """Concatenate the pages' paragraphs, keeping a paragraph split by a page break whole."""
    joined: list[list[str]] = []
    for paragraphs in pages:
        if joined and paragraphs and continues(joined[-1][-1], paragraphs[0][0]):
            joined[-1].extend(paragraphs[0])
            paragraphs = paragraphs[1:]
        joined.extend(paragraphs)
    return joined


def continues(last_line: str, first_line: str) -> bool:
    return not re.search(r"[.!?:\"”’»)]\s*$", last_line) and first_line[:1].islower()


# A page printed to PDF by a browser or a print driver: Chrome and Edge ("Skia/PDF m120", their
# user agent as the creator), headless browsers, wkhtmltopdf, Windows' printer. Its creation date
# is the day the analyst printed it, never the day the article came out.
PRINTED_BY = re.compile(
    r"skia/pdf|headlesschrome|\bchrom(?:e|ium)/|\bfirefox\b|mozilla/\d|wkhtmltopdf|microsoft: print to pdf|\bsafari\b",
    re.I,
)


def read_info(reader: PdfReader) -> tuple[str | None, str | None, str | None]:
    """Title, author and creation date from the document information dictionary; no creation
    date for a page a browser printed (``PRINTED_BY``)."""
    try:
        info = reader.metadata
        if info is None:
            return None, None, None
        programs = f"{info.get('/Producer') or ''} {info.get('/Creator') or ''}"
        created = None if PRINTED_BY.search(programs) else parse_date_value(str(info.get("/CreationDate") or ""))
        return clean_info(info.get("/Title")), clean_info(info.get("/Author")), created
    except (PdfReadError, ValueError, TypeError, AttributeError):
        return None, None, None


def clean_info(value) -> str | None:
    text = str(value).strip() if value is not None else ""
    return text or None


def one_line(error: BaseException) -> str:
    text = " ".join(str(error).split()) or type(error).__name__
    return text[:120]
