"""A briefing note and what it holds, as the store reads it and the exports write it: items,
their citations and the check of a passage against its stored source. Imports nothing of the
project."""

from __future__ import annotations

import re
from dataclasses import dataclass

BRIEFING_ITEM_KINDS = ("quote", "claim", "annotation", "summary", "entity", "text", "passage")
RELIABILITY_LABELS = {
    "A": "completely reliable",
    "B": "usually reliable",
    "C": "fairly reliable",
    "D": "not usually reliable",
    "E": "unreliable",
    "F": "reliability cannot be judged",
}
CREDIBILITY_LABELS = {
    1: "confirmed",
    2: "probably true",
    3: "possibly true",
    4: "doubtful",
    5: "improbable",
    6: "truth cannot be judged",
}


@dataclass(frozen=True)
class Citation:
    """Where a passage comes from; start/end None for a whole source (a summary)."""

    source_id: int
    title: str | None
    outlet: str | None
    author: str | None
    published: str | None
    reliability: str | None
    start: int | None = None
    end: int | None = None
    paragraph: int | None = None  # 1-based paragraph of ``start`` in the source text; 0: the headline
    last_paragraph: int | None = None  # the paragraph of the passage's last character, when another
    version: int = 1  # which version of its article the source is (a newer copy imported over it)
    file_name: str | None = None  # the name of the file imported, which tells untitled sources apart
    newer: bool = False  # a newer version of its article was imported since: the note cites an older one

    @property
    def shown_title(self) -> str:
        """The title; for an untitled source, the file it came from: '(untitled source: fnc_837.txt)'."""
        if self.title:
            return self.title
        return f"(untitled source: {self.file_name})" if self.file_name else "(untitled source)"

    @property
    def paragraphs(self) -> str:
        """'paragraph 3', or 'paragraphs 3–4' for a passage across a paragraph break."""
        if self.last_paragraph is not None and self.last_paragraph != self.paragraph:
            return f"paragraphs {self.paragraph}–{self.last_paragraph}"
        return f"paragraph {self.paragraph}"

    @property
    def locator(self) -> str:
        """'paragraph 3, characters 120-180', 'headline', or 'whole source'."""
        if self.start is None or self.end is None:
            return "whole source"
        if self.paragraph == 0:
            return "headline"
        return f"{self.paragraphs}, characters {self.start}-{self.end}"


@dataclass(frozen=True)
class Verification:
    """How a passage compares with the stored source text at export time.

    verified: exact at its range; moved: verbatim elsewhere (start/end/paragraph say where);
    altered: not in the source verbatim; orphaned: its record or source is gone."""

    state: str
    start: int | None = None
    end: int | None = None
    paragraph: int | None = None

    @property
    def ok(self) -> bool:
        return self.state == "verified"

    def describe(self) -> str:
        """One line for a reader of the export; empty when verified."""
        if self.state == "moved":
            return (
                f"found verbatim at paragraph {self.paragraph} (characters {self.start}-{self.end}), "
                "not where it was recorded"
            )
        return {
            "verified": "",
            "altered": "not found verbatim in the stored source text",
            "orphaned": "no longer in the workspace (its record or source was deleted); shown as it was when added",
        }[self.state]


def paragraph_number(text: str, offset: int) -> int:
    """1-based number of the paragraph (blank-line separated) holding ``offset``."""
    return len(_PARAGRAPH_BREAK.findall(text, 0, max(0, offset))) + 1


def last_paragraph_number(text: str, start: int, end: int) -> int:
    """The paragraph holding the last character of ``text[start:end]``."""
    return paragraph_number(text, max(start, end - 1))


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")


def verify_passage(source_text: str, text: str, start: int, end: int) -> Verification:
    """Check ``text`` against ``source_text[start:end]``; a moved passage reports the nearest copy."""
    if text and 0 <= start < end <= len(source_text) and source_text[start:end] == text:
        return Verification("verified", start, end, paragraph_number(source_text, start))
    hits = [m.start() for m in re.finditer(re.escape(text), source_text)] if text else []
    if not hits:
        return Verification("altered")
    found = min(hits, key=lambda hit: abs(hit - start))
    return Verification("moved", found, found + len(text), paragraph_number(source_text, found))


ORPHANED = Verification("orphaned")


@dataclass(frozen=True)
class Passage:
    """A piece of source text as a note shows it: the words, their citation and their check."""

    text: str
    citation: Citation | None  # None when the source is gone
    verification: Verification


@dataclass(frozen=True)
class QuoteContent:
    passage: Passage
    speaker: str | None  # the speaker entity's name, else the words naming the speaker
    cue: str | None


@dataclass(frozen=True)
class EvidenceContent:
    relation: str  # supports or contradicts
    note: str | None
    passage: Passage


@dataclass(frozen=True)
class ClaimContent:
    passage: Passage
    status: str
    credibility: int | None
    evidence: tuple[EvidenceContent, ...]
    dismissed: bool = False  # dismissed as not a claim after it went into the note


@dataclass(frozen=True)
class AnnotationContent:
    passage: Passage  # the exact text, checked at its position
    prefix: str
    suffix: str
    note: str | None
    tags: tuple[str, ...]
    anchor: str  # anchored, moved, orphaned (the app's re-anchoring)


@dataclass(frozen=True)
class PassageContent:
    """Words the analyst selected in a source, checked at export like a quote."""

    passage: Passage


@dataclass(frozen=True)
class SummaryContent:
    summary: str | None
    citation: Citation


@dataclass(frozen=True)
class EntityCard:
    name: str
    type: str
    aliases: tuple[str, ...]
    mentions: int
    sources: int
    quotes: tuple[QuoteContent, ...]  # a few things the entity said


ItemContent = QuoteContent | ClaimContent | AnnotationContent | PassageContent | SummaryContent | EntityCard


@dataclass(frozen=True)
class BriefingItem:
    """One item of a note. ``content`` is None for text items and for records that are gone;
    ``body`` is the analyst's Markdown for text items, else the item's words when it was added.
    A passage item's ``ref_id`` is its source and ``start``/``end`` its place there."""

    id: int
    position: int
    kind: str
    ref_id: int | None
    body: str | None
    content: ItemContent | None
    start: int | None = None
    end: int | None = None
    revision: int = 1  # the stored revision read (store.revisions)
    was: str | None = None  # for a record that is gone: where it came from and how it was judged

    @property
    def verification(self) -> Verification | None:
        """The check of the item's own passage; None for text, summaries and entity cards."""
        if self.kind == "text":
            return None
        if self.content is None:
            return ORPHANED
        passage = getattr(self.content, "passage", None)
        return passage.verification if isinstance(passage, Passage) else None

    def checks(self) -> list[Passage]:
        """Every checked passage of the item: its own, its evidence's, its entity quotes'."""
        content = self.content
        if isinstance(content, ClaimContent):
            return [content.passage, *(e.passage for e in content.evidence)]
        if isinstance(content, EntityCard):
            return [q.passage for q in content.quotes]
        if isinstance(content, QuoteContent | AnnotationContent | PassageContent):
            return [content.passage]
        return []


@dataclass(frozen=True)
class BriefingNote:
    id: int
    title: str
    audience: str | None
    date: str | None
    author: str | None
    created_at: str
    updated_at: str
    items: tuple[BriefingItem, ...]

    def problems(self) -> list[tuple[BriefingItem, Verification]]:
        """Items with a passage that is not verified (orphaned items included), in note order."""
        found = []
        for item in self.items:
            own = item.verification
            states = [own] if own is not None and own.state == "orphaned" else []
            states += [p.verification for p in item.checks() if not p.verification.ok]
            found += [(item, state) for state in states]
        return found


@dataclass(frozen=True)
class BriefingRow:
    """A note as the list of notes shows it."""

    id: int
    title: str
    audience: str | None
    date: str | None
    author: str | None
    updated_at: str
    items: int
