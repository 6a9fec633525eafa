"""Resolving briefing note items into what an export shows, with citations and verbatim checks."""

from __future__ import annotations

from dataclasses import dataclass, replace

from briefing.domain import file_name_of, local_day
from briefing.note_content import (
    ORPHANED,
    AnnotationContent,
    Citation,
    ClaimContent,
    EntityCard,
    EvidenceContent,
    ItemContent,
    Passage,
    PassageContent,
    QuoteContent,
    SummaryContent,
    last_paragraph_number,
    paragraph_number,
    verify_passage,
)
from briefing.store.history import UNDO_REASON, Judgement, history_for, present_judgement, status_marks
from briefing.store.workspace import Workspace

ENTITY_CARD_QUOTES = 3


@dataclass(frozen=True)
class _Source:
    text: str
    citation: Citation  # without a range


class ItemReader:
    """Reads items of one note; each source's text is read once."""

    def __init__(self, ws: Workspace):
        self.ws = ws
        self._sources: dict[int, _Source | None] = {}

    def content(
        self, kind: str, ref_id: int | None, body: str | None = None, start: int | None = None, end: int | None = None
    ) -> ItemContent | None:
        """None for text items and for records that no longer exist. A passage item is its
        words when added (``body``), checked at ``start``-``end`` of its source ``ref_id``."""
        if kind == "text" or ref_id is None:
            return None
        if kind == "passage":
            return self.selected_passage(ref_id, body or "", start, end)
        reader = {
            "quote": self.quote,
            "claim": self.claim,
            "annotation": self.annotation,
            "summary": self.summary,
            "entity": self.entity,
        }[kind]
        return reader(ref_id)

    def quote(self, quote_id: int) -> QuoteContent | None:
        row = self.ws.db.execute(
            'SELECT q.source_id, q.text, q.start, q."end", coalesce(e.name, q.speaker_text), q.cue '
            "FROM quotes q LEFT JOIN entities e ON e.id = q.speaker_id WHERE q.id = ?",
            [quote_id],
        ).fetchone()
        if row is None:
            return None
        source_id, text, start, end, speaker, cue = row
        return QuoteContent(self.passage(source_id, text, start, end), speaker, cue)

    def claim(self, claim_id: int) -> ClaimContent | None:
        row = self.ws.db.execute(
            'SELECT source_id, text, start, "end", status, credibility, part, dismissed FROM claims WHERE id = ?',
            [claim_id],
        ).fetchone()
        if row is None:
            return None
        source_id, text, start, end, status, credibility, part, dismissed = row
        evidence = tuple(
            EvidenceContent(relation, note, self.passage(e_source, passage, e_start, e_end))
            for e_source, passage, e_start, e_end, relation, note in self.ws.db.execute(
                'SELECT source_id, passage, start, "end", relation, note FROM evidence WHERE claim_id = ? ORDER BY id',
                [claim_id],
            ).fetchall()
        )
        passage = self.passage(source_id, text, start, end, part == "title")
        return ClaimContent(passage, status, credibility, evidence, bool(dismissed))

    def annotation(self, annotation_id: int) -> AnnotationContent | None:
        row = self.ws.db.execute(
            'SELECT source_id, exact, prefix, suffix, start, "end", note, anchor FROM annotations WHERE id = ?',
            [annotation_id],
        ).fetchone()
        if row is None:
            return None
        source_id, exact, prefix, suffix, start, end, note, anchor = row
        tags = tuple(
            r[0]
            for r in self.ws.db.execute(
                "SELECT t.name FROM annotation_tags at JOIN tags t ON t.id = at.tag_id WHERE at.annotation_id = ? "
                "ORDER BY lower(t.name)",
                [annotation_id],
            )
        )
        return AnnotationContent(self.passage(source_id, exact, start, end), prefix, suffix, note, tags, anchor)

    def selected_passage(self, source_id: int, words: str, start: int | None, end: int | None) -> PassageContent | None:
        if self._source(source_id) is None or start is None or end is None:
            return None
        return PassageContent(self.passage(source_id, words, start, end))

    def summary(self, source_id: int) -> SummaryContent | None:
        source = self._source(source_id)
        if source is None:
            return None
        row = self.ws.db.execute("SELECT summary FROM sources WHERE id = ?", [source_id]).fetchone()
        return SummaryContent(row[0], source.citation)

    def entity(self, entity_id: int) -> EntityCard | None:
        db = self.ws.db
        row = db.execute(
            "SELECT name, type, (SELECT count(*) FROM mentions m WHERE m.entity_id = e.id), "
            "(SELECT count(DISTINCT m.source_id) FROM mentions m WHERE m.entity_id = e.id) FROM entities e "
            "WHERE e.id = ?",
            [entity_id],
        ).fetchone()
        if row is None:
            return None
        aliases = tuple(
            r[0] for r in db.execute("SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias", [entity_id])
        )
        quotes = tuple(
            QuoteContent(self.passage(source_id, text, start, end), row[0], cue)
            for source_id, text, start, end, cue in db.execute(
                'SELECT source_id, text, start, "end", cue FROM quotes WHERE speaker_id = ? '
                "ORDER BY length(text) DESC, id LIMIT ?",
                [entity_id, ENTITY_CARD_QUOTES],
            ).fetchall()
        )
        return EntityCard(row[0], row[1], aliases, row[2], row[3], quotes)

    def passage(self, source_id: int, text: str, start: int, end: int, in_title: bool = False) -> Passage:
        """A passage checked against its source's text, or (``in_title``) against its headline,
        which is cited as paragraph 0, "headline"."""
        source = self._source(source_id)
        if source is None:
            return Passage(text, None, ORPHANED)
        base = source.citation
        words = (base.title or "") if in_title else source.text
        check = verify_passage(words, text, start, end)
        # a reader looks for the words where the note says: a moved passage is cited where it is
        # now ('[4, paragraph 3]' beside 'found verbatim at paragraph 3'), not at its stale range
        first, last = start, end
        if check.state == "moved" and check.start is not None and check.end is not None:
            first, last = check.start, check.end
        citation = Citation(
            base.source_id,
            base.title,
            base.outlet,
            base.author,
            base.published,
            base.reliability,
            start,
            end,
            0 if in_title else paragraph_number(words, first),
            None if in_title else last_paragraph_number(words, first, last),
            base.version,
            base.file_name,
            base.newer,
        )
        return Passage(text, citation, replace(check, paragraph=0) if in_title and check.paragraph else check)

    def _source(self, source_id: int) -> _Source | None:
        if source_id not in self._sources:
            row = self.ws.db.execute(
                "SELECT text, title, outlet, author, published, reliability, version, path, "
                "EXISTS (SELECT 1 FROM sources n WHERE n.version_of = sources.id) FROM sources WHERE id = ?",
                [source_id],
            ).fetchone()
            self._sources[source_id] = (
                None
                if row is None
                else _Source(
                    row[0],
                    Citation(
                        source_id,
                        row[1],
                        row[2],
                        row[3],
                        row[4],
                        row[5],
                        version=row[6] or 1,
                        file_name=file_name_of(row[7]) if row[7] else None,
                        newer=bool(row[8]),
                    ),
                )
            )
        return self._sources[source_id]


def remembered(ws: Workspace, kind: str, item_id: int, ref_id: int | None) -> str | None:
    """What the history keeps of a note item whose record is gone: the source it came from
    (written down when the source was deleted), for a claim its last judgement, for an
    annotation its note and tags."""
    parts = []
    cited = _last(ws, "item", item_id, "orphan")
    if cited is not None:
        parts.append(f"From {cited.old_value}.")
    judged = _judged(ws, ref_id) if kind == "claim" else None
    if judged is not None and judged.new_value != "unreviewed":
        reason = judged.reason
        why = f": {reason.strip().rstrip('.')}" if reason and reason != UNDO_REASON else ""
        parts.append(f"It was {judged.new_value}{why} (judged by {judged.actor} on {local_day(judged.at)}).")
    note = _last(ws, "annotation", ref_id, "delete", "note") if kind == "annotation" else None
    if note is not None:
        parts.append(f"The note said: {note.old_value}")
    return " ".join(parts) or None


def _judged(ws: Workspace, claim_id: int | None) -> Judgement | None:
    """The judgement that gave a claim its last status, for its reason (a reason given later for
    that status, not taken back, counts)."""
    last = _last(ws, "claim", claim_id, "mark", "status")
    if last is None or claim_id is None:
        return last
    return present_judgement(status_marks(ws, claim_id).get(claim_id, []), last.new_value or "") or last


def _last(ws: Workspace, kind: str, target_id: int | None, action: str, field: str | None = None) -> Judgement | None:
    """The latest judgement of ``action`` (on ``field``) about a record, or None."""
    if target_id is None:
        return None
    found = [j for j in history_for(ws, kind, target_id) if j.action == action and field in (None, j.field)]
    return found[-1] if found else None
