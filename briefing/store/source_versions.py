"""Source versions: a newer copy of an article already imported, and the analyst's work carried to it.

A document is the next version of a stored source when its web address equals the source's,
or (when either has no address) its title and outlet do, once normalised, and its text or its
headline differs (a corrected headline over the same text is news too).
It is stored as a new source row with ``version_of`` naming the version it replaces; lists show
the newest version of each article and reach the older ones through it.

In the same transaction, the analyst's work moves from the previous version to the new one
where its passage still matches (an altered one keeps its words, at the place they changed into,
so the note's checks keep flagging it): annotations, the analyst's claims and the claims they judged
(with status, credibility and evidence), evidence passages taken from the previous version,
the analyst's quotes and confirmed speakers, the analyst's mentions, an edited summary and the
briefing note's summary items. Records keep their ids, so briefing notes, evidence and the
judgement history follow them. Each passage is placed with ``briefing.text_versions`` (the
note's own check, verified or moved, then the word diff for altered or orphaned); an orphaned
record stays on the previous version. Every outcome is kept in ``version_carries`` and recorded
in the judgement history.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field

from briefing.domain import Document
from briefing.note_content import Verification
from briefing.store.analysis import _remove_machine_output
from briefing.store.history import record_judgement
from briefing.store.search_index import reindex_sources
from briefing.store.sources import NEWEST, document_url, find_source_by_hash, insert_document
from briefing.store.workspace import Workspace, utc_now
from briefing.text_versions import TextDiff, shares_text

CONTEXT = 32  # characters of prefix and suffix an annotation keeps, as add_annotation does
CARRY_KINDS = ("annotation", "claim", "evidence", "quote", "mention")
_CARRIED_FIELDS = ("title", "outlet", "author", "published", "url", "language", "reliability")
_REASON = "a newer version of the source was imported"
_KEPT_CLAIM = """(origin = 'analyst' OR status != 'unreviewed' OR credibility IS NOT NULL OR dismissed = 1
    OR EXISTS (SELECT 1 FROM evidence e WHERE e.claim_id = claims.id)
    OR EXISTS (SELECT 1 FROM claim_suggestions g WHERE g.claim_id = claims.id AND g.state != 'open')
    OR EXISTS (SELECT 1 FROM briefing_items b WHERE b.kind = 'claim' AND b.ref_id = claims.id))"""
_KEPT_QUOTE = """(origin = 'analyst' OR speaker_confirmed = 1
    OR EXISTS (SELECT 1 FROM briefing_items b WHERE b.kind = 'quote' AND b.ref_id = quotes.id))"""
_PUNCTUATION = re.compile(r"[^\w\s]+", re.UNICODE)


@dataclass(frozen=True)
class Carry:
    """What happened to one record when a newer version came in."""

    kind: str  # annotation, claim, evidence, quote or mention
    ref_id: int
    state: str  # verified, moved, altered or orphaned
    passage: str  # the words as they stood in the previous version
    old_start: int | None
    old_end: int | None
    new_start: int | None
    new_end: int | None
    part: str = "text"  # "title": a headline claim, whose offsets count in the title


@dataclass(frozen=True)
class StoredDocument:
    """What importing one document did: ``created`` (a new source), ``unchanged`` (its content,
    or the same text under a newer version's address, is stored already) or ``version``."""

    source_id: int
    status: str
    previous_id: int | None = None
    carries: tuple[Carry, ...] = field(default=())

    def counts(self) -> Counter[str]:
        return Counter(carry.state for carry in self.carries)

    def describe(self, name: str) -> str:
        """'v2.html: a newer version of source 3, stored as source 9; carried over: 2 verified, 1 moved'."""
        return (
            f"{name}: a newer version of source {self.previous_id}, stored as source {self.source_id}; "
            f"carried over: {describe_carries(self.carries)}"
        )


@dataclass(frozen=True)
class VersionRow:
    id: int
    version: int
    title: str | None
    outlet: str | None
    published: str | None
    url: str | None
    imported_at: str
    characters: int
    newest: bool


def normalised(value: str | None) -> str:
    """A title or outlet compared without case, punctuation or spacing differences."""
    if not value:
        return ""
    folded = unicodedata.normalize("NFKC", value).casefold()
    return " ".join(_PUNCTUATION.sub(" ", folded).split())


def find_previous_version(
    ws: Workspace, url: str | None, title: str | None, outlet: str | None, text: str | None = None
) -> int | None:
    """The newest stored version of the article a document with this address, title and outlet
    would update: the same address, or (when either has none) the same title and outlet and,
    given the document's ``text``, a paragraph in common (a column that comes back under the
    same headline every day is a new source each time)."""
    if url:
        row = ws.db.execute(
            f"SELECT s.id FROM sources s WHERE s.url = ? AND {NEWEST} ORDER BY s.id DESC LIMIT 1", [url]
        ).fetchone()
        if row is not None:
            return row[0]
    key = (normalised(title), normalised(outlet))
    if not all(key):
        return None
    rows = ws.db.execute(
        f"SELECT s.id, s.title, s.outlet, s.url FROM sources s WHERE {NEWEST} AND s.title IS NOT NULL "
        "AND s.outlet IS NOT NULL ORDER BY s.id DESC"
    ).fetchall()
    for source_id, stored_title, stored_outlet, stored_url in rows:
        if (url is None or stored_url is None) and (normalised(stored_title), normalised(stored_outlet)) == key:
            if text is None or shares_text(_text_and_title(ws, source_id)[0], text):
                return source_id
    return None


def imported_title(ws: Workspace, source_id: int) -> str | None:
    """The headline the source came with: the title, or the one the analyst's first correction
    (or a correction carried from an older version) replaced."""
    row = ws.db.execute(
        "SELECT old_value FROM history WHERE target_kind = 'source' AND target_id = ? AND field = 'title' "
        "AND action IN ('edit', 'carry_version') ORDER BY id LIMIT 1",
        [source_id],
    ).fetchone()
    if row is not None:
        return row[0]
    return ws.db.execute("SELECT title FROM sources WHERE id = ?", [source_id]).fetchone()[0]


def import_document(ws: Workspace, doc: Document) -> StoredDocument:
    """Store ``doc``: once per content, as the next version of an article it updates (carrying
    the analyst's work over), or as a new source. One transaction."""
    with ws.transaction():
        existing = find_source_by_hash(ws, doc.content_hash)
        if existing is not None:
            return StoredDocument(existing, "unchanged")
        url = document_url(doc)
        previous = find_previous_version(ws, url, doc.title, doc.outlet, doc.text)
        if previous is None:
            return StoredDocument(insert_document(ws, doc, url), "created")
        text, version = ws.db.execute("SELECT text, version FROM sources WHERE id = ?", [previous]).fetchone()
        if text == doc.text and normalised(imported_title(ws, previous)) == normalised(doc.title):
            return StoredDocument(previous, "unchanged", previous)
        source_id = insert_document(ws, doc, url, version_of=previous, version=version + 1)
        record_judgement(ws, "new_version", "source", source_id, "version_of", None, previous, _REASON)
        carries = carry_over(ws, previous, source_id)
        return StoredDocument(source_id, "version", previous, tuple(carries))


def carry_over(ws: Workspace, previous_id: int, source_id: int) -> list[Carry]:
    """Move the analyst's work from ``previous_id`` to its newer version ``source_id`` where the
    passage still matches; call inside the import's transaction."""
    old_text, old_title = _text_and_title(ws, previous_id)
    new_text, new_title = _text_and_title(ws, source_id)
    diffs = {"text": TextDiff(old_text, new_text), "title": TextDiff(old_title, new_title)}
    carries: list[Carry] = []
    for kind, sql in _CARRIED.items():
        for ref_id, part, passage, start, end in ws.db.execute(sql, [previous_id]).fetchall():
            found = diffs[part or "text"].locate(passage, start, end)
            carry = _carried(kind, ref_id, passage, start, end, found, part or "text")
            if found.state != "orphaned":
                _move(ws, kind, ref_id, source_id, new_title if part == "title" else new_text, passage, found)
            _record(ws, source_id, previous_id, carry)
            carries.append(carry)
    _carry_source_fields(ws, previous_id, source_id)
    ws.db.execute(
        "INSERT INTO rejections (kind, source_id, key, created_at) "
        "SELECT kind, ?, key, ? FROM rejections WHERE source_id = ?",
        [source_id, utc_now(), previous_id],
    )
    _remove_machine_output(ws, previous_id)  # the newer version's analysis replaces it
    reindex_sources(ws, [previous_id, source_id])
    return carries


_CARRIED = {
    "annotation": 'SELECT id, NULL, exact, start, "end" FROM annotations WHERE source_id = ? ORDER BY start, id',
    "claim": f'SELECT id, part, text, start, "end" FROM claims WHERE source_id = ? AND {_KEPT_CLAIM} '
    "ORDER BY part, start, id",
    "evidence": 'SELECT id, NULL, passage, start, "end" FROM evidence WHERE source_id = ? ORDER BY start, id',
    "quote": f'SELECT id, NULL, text, start, "end" FROM quotes WHERE source_id = ? AND {_KEPT_QUOTE} '
    "ORDER BY start, id",
    "mention": "SELECT id, NULL, text, start, \"end\" FROM mentions WHERE source_id = ? AND origin = 'analyst' "
    "ORDER BY start, id",
}


def _text_and_title(ws: Workspace, source_id: int) -> tuple[str, str]:
    text, title = ws.db.execute("SELECT text, title FROM sources WHERE id = ?", [source_id]).fetchone()
    return text or "", title or ""


def _carried(kind: str, ref_id: int, passage: str, start: int, end: int, found: Verification, part: str) -> Carry:
    return Carry(kind, ref_id, found.state, passage, start, end, found.start, found.end, part)


def _move(ws: Workspace, kind: str, ref_id: int, source_id: int, text: str, passage: str, found: Verification) -> None:
    assert found.start is not None and found.end is not None
    start, end = found.start, found.end
    # An altered passage keeps the words the analyst worked on at the place they changed into, so
    # every later check (the note's export, the briefing pane, origins) still flags it as altered.
    words = passage if found.state == "altered" else text[start:end]
    db = ws.db
    if kind == "annotation":
        anchor = "anchored" if found.state == "verified" else "moved"
        db.execute(
            'UPDATE annotations SET source_id = ?, start = ?, "end" = ?, exact = ?, prefix = ?, suffix = ?, '
            "anchor = ?, updated_at = ? WHERE id = ?",
            [
                source_id,
                start,
                end,
                words,
                text[max(0, start - CONTEXT) : start],
                text[end : end + CONTEXT],
                anchor,
                utc_now(),
                ref_id,
            ],
        )
    elif kind == "evidence":
        db.execute(
            'UPDATE evidence SET source_id = ?, start = ?, "end" = ?, passage = ? WHERE id = ?',
            [source_id, start, end, words, ref_id],
        )
    else:
        table = {"claim": "claims", "quote": "quotes", "mention": "mentions"}[kind]
        db.execute(
            f'UPDATE {table} SET source_id = ?, start = ?, "end" = ?, text = ? WHERE id = ?',
            [source_id, start, end, words, ref_id],
        )


def _record(ws: Workspace, source_id: int, previous_id: int, carry: Carry) -> None:
    ws.db.execute(
        "INSERT INTO version_carries (source_id, previous_id, kind, ref_id, state, passage, "
        "old_start, old_end, new_start, new_end) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            source_id,
            previous_id,
            carry.kind,
            carry.ref_id,
            carry.state,
            carry.passage,
            carry.old_start,
            carry.old_end,
            carry.new_start,
            carry.new_end,
        ],
    )
    old = f"source {previous_id}, characters {carry.old_start}-{carry.old_end}"
    if carry.state == "orphaned":
        new = f"{old} (orphaned: not found in source {source_id}, left on the previous version)"
    else:
        new = f"source {source_id}, characters {carry.new_start}-{carry.new_end} ({carry.state})"
    # evidence is recorded against its claim, as adding and removing it are
    target_kind, target_id = carry.kind, carry.ref_id
    if carry.kind == "evidence":
        row = ws.db.execute("SELECT claim_id FROM evidence WHERE id = ?", [carry.ref_id]).fetchone()
        target_kind, target_id = "claim", row[0]
    record_judgement(
        ws,
        "carry_version",
        target_kind,
        target_id,
        f"{carry.kind} {carry.ref_id}" if carry.kind == "evidence" else "source",
        old,
        new,
        _REASON,
    )


def _carry_source_fields(ws: Workspace, previous_id: int, source_id: int) -> None:
    """The analyst's corrections of the previous version's details, its grade and an edited
    summary hold for the newer version; an empty detail is filled from the previous version."""
    columns = ", ".join(_CARRIED_FIELDS)
    old = dict(
        zip(
            _CARRIED_FIELDS,
            ws.db.execute(f"SELECT {columns} FROM sources WHERE id = ?", [previous_id]).fetchone(),
            strict=True,
        )
    )
    new = dict(
        zip(
            _CARRIED_FIELDS,
            ws.db.execute(f"SELECT {columns} FROM sources WHERE id = ?", [source_id]).fetchone(),
            strict=True,
        )
    )
    edited = {
        row[0]
        for row in ws.db.execute(
            "SELECT DISTINCT field FROM history WHERE target_kind = 'source' AND target_id = ? AND action = 'edit'",
            [previous_id],
        )
    }
    for name in _CARRIED_FIELDS:
        if old[name] is not None and old[name] != new[name] and (new[name] is None or name in edited):
            ws.db.execute(f"UPDATE sources SET {name} = ? WHERE id = ?", [old[name], source_id])
            record_judgement(ws, "carry_version", "source", source_id, name, new[name], old[name], _REASON)
    summary, summary_edited = ws.db.execute(
        "SELECT summary, summary_edited FROM sources WHERE id = ?", [previous_id]
    ).fetchone()
    if summary_edited:
        ws.db.execute("UPDATE sources SET summary = ?, summary_edited = 1 WHERE id = ?", [summary, source_id])
        record_judgement(ws, "carry_version", "source", source_id, "summary", None, summary, _REASON)
    items = ws.db.execute(
        "SELECT id, briefing_id FROM briefing_items WHERE kind = 'summary' AND ref_id = ?", [previous_id]
    ).fetchall()
    for item_id, briefing_id in items:
        ws.db.execute("UPDATE briefing_items SET ref_id = ? WHERE id = ?", [source_id, item_id])
        record_judgement(
            ws,
            "carry_version",
            "briefing",
            briefing_id,
            f"item {item_id}",
            f"summary {previous_id}",
            f"summary {source_id}",
            _REASON,
        )


def list_versions(ws: Workspace, source_id: int) -> list[VersionRow]:
    """Every version of ``source_id``'s article, oldest first."""
    rows = ws.db.execute(
        """WITH RECURSIVE up(id, version_of) AS (
               SELECT id, version_of FROM sources WHERE id = ?
               UNION SELECT s.id, s.version_of FROM sources s JOIN up ON s.id = up.version_of),
           down(id) AS (
               SELECT id FROM up WHERE version_of IS NULL
               UNION SELECT s.id FROM sources s JOIN down ON s.version_of = down.id)
           SELECT s.id, s.version, s.title, s.outlet, s.published, s.url, s.imported_at, length(s.text),
                  NOT EXISTS (SELECT 1 FROM sources n WHERE n.version_of = s.id)
           FROM sources s WHERE s.id IN (SELECT id FROM up UNION SELECT id FROM down)
           ORDER BY s.version, s.id""",
        [source_id],
    ).fetchall()
    return [
        VersionRow(i, v, title, outlet, published, url, at, size, bool(newest))
        for i, v, title, outlet, published, url, at, size, newest in rows
    ]


def previous_version(ws: Workspace, source_id: int) -> int | None:
    row = ws.db.execute("SELECT version_of FROM sources WHERE id = ?", [source_id]).fetchone()
    return row[0] if row else None


def newer_version(ws: Workspace, source_id: int) -> int | None:
    row = ws.db.execute("SELECT id FROM sources WHERE version_of = ? ORDER BY id DESC LIMIT 1", [source_id]).fetchone()
    return row[0] if row else None


def newest_version(ws: Workspace, source_id: int) -> int:
    """The newest version of ``source_id``'s article (the source itself when no newer one exists)."""
    row = ws.db.execute(
        """WITH RECURSIVE down(id) AS (
               SELECT CAST(? AS BIGINT) UNION SELECT s.id FROM sources s JOIN down ON s.version_of = down.id)
           SELECT max(id) FROM down""",
        [source_id],
    ).fetchone()
    return row[0] if row and row[0] is not None else source_id


def source_version(ws: Workspace, source_id: int) -> tuple[int, int | None, int | None]:
    """(version number, previous version's id, newer version's id) of one source."""
    row = ws.db.execute("SELECT version, version_of FROM sources WHERE id = ?", [source_id]).fetchone()
    if row is None:
        return 1, None, None
    return row[0], row[1], newer_version(ws, source_id)


def list_carries(ws: Workspace, source_id: int) -> list[Carry]:
    """What happened to the analyst's work when ``source_id`` came in as a newer version."""
    rows = ws.db.execute(
        "SELECT kind, ref_id, state, passage, old_start, old_end, new_start, new_end, "
        "coalesce((SELECT c.part FROM claims c WHERE v.kind = 'claim' AND c.id = v.ref_id), 'text') "
        "FROM version_carries v WHERE source_id = ? ORDER BY id",
        [source_id],
    ).fetchall()
    return [Carry(*row) for row in rows]


def describe_carries(carries: list[Carry] | tuple[Carry, ...]) -> str:
    """'4 verified, 1 moved, 1 altered, 1 orphaned' (states with none left out), or 'nothing to carry over'."""
    counts = Counter(carry.state for carry in carries)
    parts = [f"{counts[state]} {state}" for state in ("verified", "moved", "altered", "orphaned") if counts[state]]
    return ", ".join(parts) if parts else "nothing to carry over"
