"""Plain records passed between the layers; imports nothing of the project."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import lru_cache

ENTITY_TYPES = ("person", "organisation", "place", "group")
CLAIM_STATUSES = ("unreviewed", "corroborated", "disputed")
# The formats a briefing note exports to, in the order the export dialog lists them, and their files
BRIEFING_FORMATS = ("md", "html", "pdf", "docx", "json")
FORMAT_SUFFIXES = {"md": ".md", "html": ".html", "pdf": ".pdf", "docx": ".docx", "json": ".json"}
# What ``briefing --screenshot PNG --view V`` can show (ui/app.py prepare_view puts the window so)
SCREENSHOT_VIEWS = ("reader", "claims", "search", "entity", "timeline", "briefing", "notes", "help")
EVIDENCE_RELATIONS = ("related", "supports", "contradicts")
RELIABILITY_GRADES = ("A", "B", "C", "D", "E", "F")
CREDIBILITY_GRADES = (1, 2, 3, 4, 5, 6)
# how a passage stands against its stored source (``note_content.verify_passage``)
VERIFICATION_STATES = ("verified", "moved", "altered", "orphaned")


# bidi overrides, embeddings and isolates: shown as they are, they make text read backwards
# ("fdp.exe" for "exe.pdf") or drag the words around them; text shown as data needs none of them
BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")


def strip_bidi(text: str) -> str:
    """``text`` without bidi overrides, embeddings and isolates."""
    return BIDI_CONTROLS.sub("", text)


def inert_bidi(text: str) -> str:
    """``text`` with each bidi override, embedding and isolate made a zero-width space: as long as
    before (offsets into it still hold), and a right-to-left override no longer shows what follows
    it reversed ('report.exe' made to read 'exe.troper')."""
    return BIDI_CONTROLS.sub("\u200b", text)


# C0 and C1 controls but tab, line feed and carriage return: an escape sequence recolours a
# terminal that shows the file, and XML cannot hold them
CONTROL_CHARACTERS = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
# what a one-line field may not hold: the controls above, tab, line breaks (U+2028/U+2029 too)
NOT_ONE_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029]")
# a terminal's escape sequence whole ("\x1b[31m", "\x1b[2J", a window title's OSC): without its
# ESC its rest ("[2J") would stay in the text
TERMINAL_SEQUENCE = re.compile(r"\x1b\[[0-?]{0,16}[ -/]{0,4}[@-~]|\x1b\][^\x07\x1b]{0,256}(?:\x07|\x1b\\)")


def inert(text: str) -> str:
    """``text`` without bidi controls, terminal escape sequences or control characters, line
    breaks and tabs kept: text written into a file as data."""
    return CONTROL_CHARACTERS.sub("", TERMINAL_SEQUENCE.sub("", strip_bidi(text)))


_POSSESSIVE = re.compile(r"['’]s?$")


SEARCH_PAGE_MAX = 500  # results one page of a search may hold (`briefing search --limit`)


def counted(number: int, noun: str, plural: str | None = None) -> str:
    """'1 mention', '1,472 mentions'; ``plural`` where adding an s is wrong ('entities')."""
    return f"{number:,} {noun}" if number == 1 else f"{number:,} {plural or noun + 's'}"


def one_of(kind: str) -> str:
    """'a person', 'an organisation': an entity type (or another noun) with its article."""
    return f"{'an' if kind[:1] in 'aeiou' else 'a'} {kind}"


def judged_on_earlier_words(claim_id: int, status: str, evidence: int) -> str | None:
    """What an analyst should know after re-wording a judged claim: its judgement stays, made on
    the words it had; None for an unreviewed claim with no evidence."""
    if status == "unreviewed" and not evidence:
        return None
    kept = f"{status}, with its reason" if status != "unreviewed" else "unreviewed"
    return (
        f"claim {claim_id} stays {kept} and {counted(evidence, 'evidence passage')}, judged on its earlier "
        f"words: check they still hold (mark it unreviewed to judge it again)"
    )


def file_name_of(path: str) -> str:
    """The last part of a stored path, written on any system: 'C:\\cases\\a.txt' -> 'a.txt'."""
    return path.replace("\\", "/").rsplit("/", 1)[-1]


def one_line(text: str) -> str:
    """``text`` with its line breaks and runs of spaces made single spaces: one line of a list."""
    return " ".join(text.split())


@lru_cache(maxsize=65536)  # the store's resolver folds every stored name for each source
def clipped(text: str, limit: int) -> str:
    """``text`` in at most ``limit`` characters, a cut marked: 'Como Educar Seus Fi…'."""
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})


def normalise_name(name: str) -> str:
    """The form entity names are matched by, in the analysis and in the store:
    "The U.S.’s" -> "us", "José  Ruiz" -> "jose ruiz"."""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = text.translate(_APOSTROPHES)  # "O’Malley" in one outlet is "O'Malley" in another
    text = _POSSESSIVE.sub("", text.strip())
    text = " ".join(text.replace(".", "").split())
    return text[4:] if text.startswith("the ") else text


def singular_of(name: str) -> str | None:
    """A group's plural name in the singular, both normalised ("republicans" -> "republican");
    None when it is no such plural ("swiss", "bus")."""
    return name[:-1] if len(name) > 3 and name.endswith("s") and not name.endswith("ss") else None


class BriefingError(Exception):
    """An error a user can act on; its message is one line shown as is."""


ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


def local_day(at: str) -> str:
    """The day a stored time (UTC, ISO 8601) falls on by this computer's clock: a judgement made
    at 8 p.m. in California is stored as the next day in UTC, and a note dates it by the analyst's
    day. A time without a zone is taken as written."""
    try:
        moment = datetime.fromisoformat(at)
    except ValueError:
        return at[:10]
    return at[:10] if moment.tzinfo is None else moment.astimezone().date().isoformat()


def check_iso_date(field_name: str, value: str) -> None:
    """Refuse anything but a real day written YYYY-MM-DD ('2026-02-30' is no day). Where an analyst
    types a date, a date written out ('18 November 2019') is read first (``ingest.dates.written_date``),
    so the message names both forms."""
    if not ISO_DATE.match(value):
        raise BriefingError(f"{field_name}: must be a date such as 2019-11-18 or 18 November 2019, not {value[:40]!r}")
    try:
        date.fromisoformat(value)
    except ValueError:
        raise BriefingError(f"{field_name}: {value} is not a day of the calendar") from None


def check_one_line(field_name: str, value: str) -> None:
    """Refuse a line break, tab or other control character in a one-line field (a title, a name):
    a Markdown front matter or a body line would carry it on."""
    if NOT_ONE_LINE.search(value):
        raise BriefingError(f"{field_name}: must be one line of text without control characters")


def as_one_line(value: str) -> str:
    """What ``check_one_line`` refuses made one line: line breaks, tabs and runs of spaces one
    space, a terminal's escape sequence and other control characters gone, every other character
    kept. For details written before the store refused them."""
    return CONTROL_CHARACTERS.sub("", one_line(TERMINAL_SEQUENCE.sub("", value)))


class WorkspaceError(BriefingError):
    """The workspace file cannot be opened or written."""


class WorkspaceDamaged(WorkspaceError):
    """The workspace file is damaged: a backup restores it (the window offers one)."""


class WorkspaceLocked(WorkspaceError):
    """Another Briefing process has the workspace open for writing."""


class ReadFailed(WorkspaceError):
    """A read the team's server could not answer (gone, out of reach): nothing was changed.
    ``cause`` is the connection's fault alone, for a caller that names what could not be shown."""

    def __init__(self, cause: str, message: str | None = None):
        super().__init__(message or f"{cause}; nothing could be read")
        self.cause = cause


class WorkspaceReadOnly(WorkspaceError):
    """A change was asked of a workspace opened read-only; nothing was written."""


class IngestError(BriefingError):
    """One file cannot be imported; names the file and the reason."""

    def __init__(self, path: str, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


@dataclass(frozen=True)
class Document:
    """A file read and cleaned by an importer, ready to be stored as a source."""

    path: str
    format: str  # txt, md, html, mhtml, pdf, docx, eml
    raw: bytes
    content_hash: str  # sha256 hex of raw
    text: str  # cleaned body, paragraphs separated by one blank line, no headline
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or None
    language: str | None = None  # ISO 639-1 code or None
    url: str | None = None  # the address a web archive names (a saved page's is read from ``raw``)
    left_out: tuple[str, ...] = ()  # what the file holds that is not imported, said at import, never stored


@dataclass(frozen=True)
class Source:
    """A stored source as the rest of the app sees it."""

    id: int
    path: str
    format: str
    content_hash: str
    text: str
    title: str | None
    outlet: str | None
    author: str | None
    published: str | None
    language: str | None
    imported_at: str
    reliability: str | None
    summary: str | None


@dataclass(frozen=True)
class SourceRow:
    """The columns a source list shows, without the text."""

    id: int
    title: str | None
    outlet: str | None
    published: str | None
    reliability: str | None
    quote_count: int = 0
    claim_count: int = 0


@dataclass
class ImportReport:
    """What one import run did, file by file, and what it left for the analysis."""

    imported: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    cancelled: bool = False
    analysed: int = 0
    notes: list[str] = field(default_factory=list)  # warnings that are not failures
    left_out: list[tuple[str, str]] = field(default_factory=list)  # (path, what of the file was not imported)
    older_analysed: int = 0  # sources imported before that this run analysed too (left over)
    not_analysed: int = 0  # sources of the workspace still waiting for the analysis afterwards
    versions: list[str] = field(default_factory=list)  # files stored as a newer version of a source
    carried: dict[str, int] = field(default_factory=dict)  # drift state -> how many of the analyst's records

    @property
    def ok(self) -> bool:
        return not self.failed and not self.cancelled

    def count_analysis(self, waiting_before: list[int], waiting_after: list[int]) -> None:
        """Fill in the analysis counts from the ids of the sources waiting before and after the run."""
        after = set(waiting_after)
        self.older_analysed = len(set(waiting_before) - after)
        self.not_analysed = len(after)

    def summary_line(self) -> str:
        parts = [f"{len(self.imported)} imported"]
        if self.versions:
            count = len(self.versions)
            parts.append(f"{count} new version{'s' if count != 1 else ''} of an existing source" + self._carried())
        parts.append(f"{len(self.unchanged)} already there")
        parts.append(f"{len(self.failed)} failed")
        if self.older_analysed:
            older = self.older_analysed
            parts.append(f"{older} older source{'s' if older != 1 else ''} analysed too")
        if self.not_analysed:
            parts.append(f"{self.not_analysed} not analysed")
        line = ", ".join(parts)
        return line + (" (cancelled)" if self.cancelled else "")

    def _carried(self) -> str:
        """' (the analyst's work: 4 verified, 1 moved)': where the new versions put what was carried over."""
        states = [f"{self.carried[s]} {s}" for s in VERIFICATION_STATES if self.carried.get(s)]
        return f" (the analyst's work: {', '.join(states)})" if states else ""


# -- analysis results (briefing.nlp produces them, briefing.store saves them) --

# Sources analysed by an older version wait for the analysis again (Analyse Now, `briefing analyse`,
# a team's workers). Bump once per release whose rules or model changed what the analysis finds.
# 1: 0.1.0. 2: the rules and lexicons since 0.1.0 (claims, quotes, entities, titles).
ANALYSIS_VERSION = 2


@dataclass(frozen=True)
class FoundEntity:
    """One entity of one source: every mention of it in that source's text."""

    key: int  # position in Analysis.entities, referenced by FoundQuote.speaker
    name: str  # the fullest form used in the source
    type: str  # one of ENTITY_TYPES
    aliases: tuple[str, ...]  # other surface forms in this source
    mentions: tuple[tuple[int, int], ...]  # character ranges in the source text


@dataclass(frozen=True)
class FoundQuote:
    start: int  # range of the quoted words, without the quotation marks
    end: int
    speaker: int | None  # FoundEntity.key, or None when nobody could be named
    speaker_text: str | None  # the words that name the speaker ("she", "the spokesperson", "Okafor")
    cue: str | None  # "said", "told reporters", "according to", "continuation", "fragment"


@dataclass(frozen=True)
class FoundClaim:
    start: int
    end: int
    kind: str  # figure, money, percent, date, allegation, finding, action, ...
    score: float = 0.0  # how check-worthy, 0-1; the panel ranks claims by it
    part: str = "text"  # "title": start and end are offsets in the source's title, not its text


@dataclass(frozen=True)
class Analysis:
    entities: tuple[FoundEntity, ...]
    quotes: tuple[FoundQuote, ...]
    claims: tuple[FoundClaim, ...]
    sentences: tuple[tuple[int, int], ...]
    summary: str


# -- search (briefing.search parses, briefing.store runs) --


@dataclass
class SearchFilters:
    """Field filters of a query; empty lists filter nothing."""

    speaker: list[str] = field(default_factory=list)
    source: list[str] = field(default_factory=list)
    outlet: list[str] = field(default_factory=list)
    entity: list[str] = field(default_factory=list)
    tag: list[str] = field(default_factory=list)
    status: list[str] = field(default_factory=list)
    type: list[str] = field(default_factory=list)
    grade: list[str] = field(default_factory=list)
    date_from: str | None = None
    date_to: str | None = None
    without: list[str] = field(default_factory=list)  # index expressions: items matching one are left out


@dataclass(frozen=True)
class SearchHit:
    kind: str  # source, quote, claim, note
    ref_id: int
    source_id: int
    title: str | None
    outlet: str | None
    published: str | None
    speaker: str | None
    status: str | None
    snippet: str  # highlighted words between \ue000 and \ue001
    position: int  # the index row, for paging


@dataclass
class SearchPage:
    hits: list[SearchHit]
    total: int
    ranked: bool  # False when a very common query is listed newest first
    facets: dict[str, list[tuple[str, int]]]
    facets_partial: bool
    cursor: tuple | None  # pass back for the next page; None on the last page
