"""Finding records and passages by their words: how the demo note's recipe (and a script) names
what it cites without ids, which differ from one workspace to the next."""

from __future__ import annotations

from briefing.domain import BriefingError
from briefing.store.workspace import Workspace

_FINDERS = {
    "quote": "SELECT q.id FROM quotes q JOIN sources s ON s.id = q.source_id WHERE instr(q.text, ?) > 0",
    "claim": "SELECT q.id FROM claims q JOIN sources s ON s.id = q.source_id "
    "WHERE q.dismissed = 0 AND instr(q.text, ?) > 0",
    "annotation": "SELECT q.id FROM annotations q JOIN sources s ON s.id = q.source_id WHERE instr(q.exact, ?) > 0",
    "summary": "SELECT s.id FROM sources s WHERE s.summary IS NOT NULL AND instr(lower(s.title), lower(?)) > 0",
    "entity": "SELECT s.id FROM entities s WHERE lower(s.name) = lower(?)",
}
_IN_SOURCE = " AND instr(lower(coalesce(s.title, '') || ' ' || coalesce(s.outlet, '')), lower(?)) > 0"


def find_record(ws: Workspace, kind: str, words: str, source: str | None = None) -> int | None:
    """The first record of ``kind`` whose text contains ``words`` (a summary: its source's title;
    an entity: its name), in a source whose title or outlet contains ``source``; None if none."""
    if kind not in _FINDERS:
        raise BriefingError(f"item kind: cannot look up {kind!r} records by their words")
    sql, params = _FINDERS[kind], [words]
    if source is not None and kind in ("quote", "claim", "annotation"):
        sql, params = sql + _IN_SOURCE, [words, source]
    row = ws.db.execute(sql + " ORDER BY 1 LIMIT 1", params).fetchone()
    return row[0] if row else None


def find_words(ws: Workspace, source: str, words: str) -> tuple[int, int, int] | None:
    """(source id, start, end) of ``words`` in the first source whose title or outlet contains ``source``."""
    for source_id, text in ws.db.execute(
        "SELECT s.id, s.text FROM sources s WHERE 1 = 1" + _IN_SOURCE + " ORDER BY s.id", [source]
    ).fetchall():
        start = text.find(words)
        if start >= 0 and words:
            return source_id, start, start + len(words)
    return None
