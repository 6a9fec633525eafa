"""Plain records passed between the layers; imports nothing of the project."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache

ENTITY_TYPES = ("person", "organisation", "place", "group")
CLAIM_STATUSES = ("unreviewed", "corroborated", "disputed")
EVIDENCE_RELATIONS = ("supports", "contradicts")
RELIABILITY_GRADES = ("A", "B", "C", "D", "E", "F")
CREDIBILITY_GRADES = (1, 2, 3, 4, 5, 6)


_POSSESSIVE = re.compile(r"['’]s?$")


@lru_cache(maxsize=65536)  # the store's resolver folds every stored name for each source
def normalise_name(name: str) -> str:
    """The form entity names are matched by, in the analysis and in the store:
    "The U.S.’s" -> "us", "José  Ruiz" -> "jose ruiz"."""
    text = unicodedata.normalize("NFKD", name.casefold())
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = _POSSESSIVE.sub("", text.strip())
    text = " ".join(text.replace(".", "").split())
    return text[4:] if text.startswith("the ") else text


class BriefingError(Exception):
    """An error a user can act on; its message is one line shown as is."""


class WorkspaceError(BriefingError):
    """The workspace file cannot be opened or written."""


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
    format: str  # txt, md, html, pdf, docx, eml
    raw: bytes
    content_hash: str  # sha256 hex of raw
    text: str  # cleaned body, paragraphs separated by one blank line, no headline
    title: str | None = None
    outlet: str | None = None
    author: str | None = None
    published: str | None = None  # ISO date (YYYY-MM-DD) or None
    language: str | None = None  # ISO 639-1 code or None


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
    """What one import run did, file by file."""

    imported: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)  # (path, reason)
    cancelled: bool = False
    analysed: int = 0
    notes: list[str] = field(default_factory=list)  # warnings that are not failures

    @property
    def ok(self) -> bool:
        return not self.failed and not self.cancelled

    def summary_line(self) -> str:
        parts = [f"{len(self.imported)} imported", f"{len(self.unchanged)} already there"]
        parts.append(f"{len(self.failed)} failed")
        line = ", ".join(parts)
        return line + (" (cancelled)" if self.cancelled else "")


# -- analysis results (briefing.nlp produces them, briefing.store saves them) --

ANALYSIS_VERSION = 1  # bump when rules or model change so sources can be re-analysed


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
    kind: str  # figure, money, percent, date, allegation, finding, action


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
