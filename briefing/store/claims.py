"""Claims the analyst owns: made from any passage, re-spanned, dismissed, listed.

A claim the analyst makes has ``origin='analyst'`` and survives re-analysis; a machine claim
the analyst edits becomes theirs. "Not a claim" keeps the row with ``dismissed = 1``: its
evidence stays, it is hidden everywhere, and re-analysis does not find it again (the kept row
blocks its range and text). Every change goes into the judgement history.
"""

from __future__ import annotations

import re
from typing import Any

from briefing.domain import CLAIM_STATUSES, BriefingError
from briefing.store.history import record_judgement
from briefing.store.origins import claim_origins, suggestion_origins
from briefing.store.records import claim_evidence, read_source_text
from briefing.store.search_index import reindex_sources
from briefing.store.suggestions import list_suggestions
from briefing.store.workspace import Workspace, utc_now

MAX_CLAIM_CHARS = 2000
_WORD = re.compile(r"\w", re.UNICODE)
_CLAIM_COLUMNS = (
    'c.id, c.source_id, coalesce(s.title, \'(untitled)\') AS title, c.text, c.start, c."end" AS "end", c.status, '
    "c.credibility, c.origin, c.kind, c.score, c.dismissed, c.part, "
    "(SELECT count(*) FROM evidence v WHERE v.claim_id = c.id) AS evidence, "
    "(SELECT count(*) FROM claim_suggestions g WHERE g.claim_id = c.id AND g.state = 'open') AS suggestions"
)


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """Widen ``start``-``end`` to whole words, then trim the spaces at either end.

    A selection made by dragging often starts or ends inside a word; a claim is whole words.
    """
    start, end = max(0, min(start, len(text))), max(0, min(end, len(text)))
    if start > end:
        start, end = end, start
    while 0 < start < len(text) and _WORD.match(text[start - 1]) and _WORD.match(text[start]):
        start -= 1
    while 0 < end < len(text) and _WORD.match(text[end - 1]) and _WORD.match(text[end]):
        end += 1
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _checked_span(text: str, start: int, end: int, source_id: int) -> tuple[int, int]:
    if not 0 <= start < end <= len(text):
        raise BriefingError(f"range {start}-{end} is outside source {source_id} (length {len(text)})")
    start, end = snap_to_words(text, start, end)
    if not any(_WORD.match(c) for c in text[start:end]):
        raise BriefingError("a claim needs words: the selection has none")
    if end - start > MAX_CLAIM_CHARS:
        raise BriefingError(f"a claim is at most {MAX_CLAIM_CHARS:,} characters; select one statement")
    return start, end


def part_text(ws: Workspace, source_id: int, part: str = "text") -> str:
    """The words a claim's range counts in: the source's text, or its title."""
    if part == "text":
        return read_source_text(ws, source_id)
    if part != "title":
        raise BriefingError(f"part: must be text or title, not {part!r}")
    row = ws.db.execute("SELECT title FROM sources WHERE id = ?", [source_id]).fetchone()
    if row is None:
        raise BriefingError(f"source {source_id} does not exist")
    if not (row[0] or "").strip():
        raise BriefingError(f"source {source_id} has no title")
    return row[0]


def find_passage(ws: Workspace, source_id: int, passage: str, near: int = 0, part: str = "text") -> tuple[int, int]:
    """The range of ``passage`` in a source's text or title (the occurrence nearest ``near``),
    spaces and line breaks compared loosely; an error names the source when it is not there."""
    words = passage.split()
    if not words:
        raise BriefingError("text: empty passage")
    text = part_text(ws, source_id, part)
    found = [(m.start(), m.end()) for m in _loosely(words[:400]).finditer(text)]
    if not found:
        raise BriefingError(f"text: not found word for word in source {source_id}")
    return min(found, key=lambda span: abs(span[0] - near))


def _loosely(words: list[str]) -> re.Pattern[str]:
    """The words in order with any run of spaces or line breaks between them."""
    return re.compile(r"\s+".join(re.escape(w) for w in words))


def title_span(ws: Workspace, source_id: int) -> tuple[str, int, int]:
    """(part, start, end) of the source's headline as a claim: where it opens the text when it
    does (a pasted page), else the whole title, which importers keep apart from the text."""
    title = part_text(ws, source_id, "title")
    opening = read_source_text(ws, source_id)[: len(title) + 500]
    found = _loosely(title.split()).search(opening)
    if found:
        return "text", found.start(), found.end()
    start, end = snap_to_words(title, 0, len(title))
    return "title", start, end


def claim_at(ws: Workspace, source_id: int, start: int, end: int, part: str = "text") -> dict[str, Any] | None:
    """The claim (dismissed or not) on exactly these words once snapped to whole words, if any."""
    start, end = snap_to_words(part_text(ws, source_id, part), start, end)
    rows = _dicts(ws, f"SELECT {_CLAIM_COLUMNS} FROM claims c JOIN sources s ON s.id = c.source_id "
                      'WHERE c.source_id = ? AND c.part = ? AND c.start = ? AND c."end" = ?',
                  [source_id, part, start, end])
    return rows[0] if rows else None


def add_claim(ws: Workspace, source_id: int, start: int, end: int, reason: str | None = None,
              claim_id: int | None = None, part: str = "text") -> int:
    """Make the passage (of the text, or of the title with ``part='title'``) an analyst claim,
    snapped to whole words; returns its id.

    A dismissed claim on the same words comes back as the analyst's. ``claim_id`` re-creates a
    claim under its old id (redo after undo), so later commands that name it still find it."""
    with ws.transaction() as db:
        text = part_text(ws, source_id, part)
        start, end = _checked_span(text, start, end, source_id)
        same = db.execute(
            'SELECT id, dismissed FROM claims WHERE source_id = ? AND part = ? AND start = ? AND "end" = ?',
            [source_id, part, start, end],
        ).fetchone()
        if same is not None and not same[1]:
            raise BriefingError(f"that passage is already claim {same[0]}")
        if same is not None:
            db.execute("UPDATE claims SET dismissed = 0, origin = 'analyst' WHERE id = ?", [same[0]])
            record_judgement(ws, "restore", "claim", same[0], "dismissed", 1, 0, reason)
            new_id = same[0]
        else:
            row: dict[str, Any] = {"source_id": source_id, "text": text[start:end], "start": start, "end": end,
                                   "status": "unreviewed", "origin": "analyst", "part": part}
            if claim_id is not None:
                row["id"] = claim_id
            new_id = ws.insert("claims", row)
            record_judgement(ws, "add", "claim", new_id, "text", None, text[start:end], reason)
        reindex_sources(ws, [source_id])
        return new_id


def remove_claim(ws: Workspace, claim_id: int, reason: str | None = None) -> None:
    """Delete an analyst claim outright (undoing its creation); a machine claim is dismissed
    instead, so re-analysis does not bring it back."""
    with ws.transaction() as db:
        claim = get_claim(ws, claim_id)
        if claim["origin"] != "analyst":
            raise BriefingError(f"claim {claim_id} was found by the analysis: dismiss it instead")
        db.execute("DELETE FROM claims WHERE id = ?", [claim_id])
        record_judgement(ws, "remove", "claim", claim_id, "text", claim["text"], None, reason)
        reindex_sources(ws, [claim["source_id"]])


def edit_claim_span(ws: Workspace, claim_id: int, start: int, end: int, reason: str | None = None) -> None:
    """Give a claim other words of its source; the claim becomes the analyst's, and the
    sentence the analysis found is not proposed again."""
    with ws.transaction() as db:
        claim = get_claim(ws, claim_id)
        text = part_text(ws, claim["source_id"], claim["part"])
        start, end = _checked_span(text, start, end, claim["source_id"])
        if (start, end) == (claim["start"], claim["end"]):
            return
        other = db.execute(
            'SELECT id FROM claims WHERE source_id = ? AND part = ? AND start = ? AND "end" = ? AND id != ? '
            "AND dismissed = 0",
            [claim["source_id"], claim["part"], start, end, claim_id],
        ).fetchone()
        if other is not None:
            raise BriefingError(f"that passage is already claim {other[0]}")
        if claim["origin"] == "analysis":
            db.execute(
                "INSERT INTO rejections (kind, source_id, key, created_at) VALUES ('claim', ?, ?, ?)",
                [claim["source_id"], claim["text"], utc_now()],
            )
        db.execute(
            "UPDATE claims SET start = ?, \"end\" = ?, text = ?, origin = 'analyst' WHERE id = ?",
            [start, end, text[start:end], claim_id],
        )
        record_judgement(ws, "edit", "claim", claim_id, "text", claim["text"], text[start:end], reason)
        reindex_sources(ws, [claim["source_id"]])


def dismiss_claim(ws: Workspace, claim_id: int, reason: str | None = None) -> None:
    """"Not a claim": hidden from the panels, search and exports, never found again."""
    _set_dismissed(ws, claim_id, True, reason)


def restore_claim(ws: Workspace, claim_id: int, reason: str | None = None) -> None:
    _set_dismissed(ws, claim_id, False, reason)


def _set_dismissed(ws: Workspace, claim_id: int, dismissed: bool, reason: str | None) -> None:
    with ws.transaction() as db:
        claim = get_claim(ws, claim_id)
        if bool(claim["dismissed"]) == dismissed:
            raise BriefingError(f"claim {claim_id} is {'already dismissed' if dismissed else 'not dismissed'}")
        db.execute("UPDATE claims SET dismissed = ? WHERE id = ?", [int(dismissed), claim_id])
        record_judgement(ws, "dismiss" if dismissed else "restore", "claim", claim_id, "dismissed",
                         int(not dismissed), int(dismissed), reason)
        reindex_sources(ws, [claim["source_id"]])


def get_claim(ws: Workspace, claim_id: int) -> dict[str, Any]:
    """One claim with its source title and evidence and suggestion counts, or an error."""
    rows = _dicts(ws, f"SELECT {_CLAIM_COLUMNS} FROM claims c JOIN sources s ON s.id = c.source_id WHERE c.id = ?",
                  [claim_id])
    if not rows:
        raise BriefingError(f"claim {claim_id} does not exist")
    return rows[0]


def list_claims(ws: Workspace, source_id: int | None = None, status: str | None = None,
                include_dismissed: bool = False) -> list[dict[str, Any]]:
    """Claims, source by source in text order, optionally of one source or status."""
    if status is not None and status not in CLAIM_STATUSES:
        raise BriefingError(f"status: must be one of {', '.join(CLAIM_STATUSES)}, not {status!r}")
    where: list[str] = []
    params: list[Any] = []
    if source_id is not None:
        where.append("c.source_id = ?")
        params.append(source_id)
    if status is not None:
        where.append("c.status = ?")
        params.append(status)
    if not include_dismissed:
        where.append("c.dismissed = 0")
    sql = f"SELECT {_CLAIM_COLUMNS} FROM claims c JOIN sources s ON s.id = c.source_id"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return _dicts(ws, sql + " ORDER BY c.source_id, c.start", params)


def claim_related(ws: Workspace, claim_id: int) -> dict[str, Any]:
    """A claim's evidence and open suggestions, each with its source and origin number, and the
    line the panel and the note show ("3 sources, 1 origin"). A suggestion whose origin number is
    one of the evidence's would add no independent origin if confirmed."""
    get_claim(ws, claim_id)
    summary = claim_origins(ws, claim_id)
    numbers = suggestion_origins(ws, claim_id)
    evidence = [
        {"id": e["id"], "source": {"id": e["source_id"], "title": e["title"]}, "passage": e["passage"],
         "relation": e["relation"], "note": e["note"], "start": e["start"], "end": e["end"],
         "origin": summary.origin_of(e["id"])}
        for e in claim_evidence(ws, claim_id)
    ]
    suggestions = [
        {"id": s["id"], "source": {"id": s["source_id"], "title": s["title"]}, "passage": s["passage"],
         "score": s["score"], "relation": s["relation"], "start": s["start"], "end": s["end"],
         "origin": numbers.get(s["id"])}
        for s in list_suggestions(ws, claim_id) if s["state"] == "open"
    ]
    return {"summary": f"evidence from {summary.describe()}" if summary.sources else "no evidence yet",
            "sources": summary.sources, "origins": summary.origins, "evidence": evidence, "suggestions": suggestions}


def _dicts(ws: Workspace, sql: str, params: list[Any]) -> list[dict[str, Any]]:
    cursor = ws.db.execute(sql, params)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
