"""An entity's mentions one by one, with their ids: what the analyst picks from to split it."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.store.sources import shown_title_sql
from briefing.store.workspace import Workspace


@dataclass(frozen=True)
class MentionRow:
    id: int
    source_id: int
    source: str  # the source's title
    start: int
    end: int
    text: str  # the name form as it stands in the source
    context: str  # the words around it, on one line


def list_mentions(ws: Workspace, entity_id: int, context: int = 50) -> list[MentionRow]:
    """Every mention of the entity, by name form, then source and position."""
    rows = ws.db.execute(
        f'SELECT m.id, m.source_id, {shown_title_sql()}, m.start, m."end", m.text, '
        'substr(s.text, max(1, m.start + 1 - ?), m."end" - m.start + 2 * ?) '
        "FROM mentions m JOIN sources s ON s.id = m.source_id WHERE m.entity_id = ? "
        "ORDER BY m.text, m.source_id, m.start",
        [context, context, entity_id],
    ).fetchall()
    return [MentionRow(i, s, title, a, b, text, " ".join(near.split())) for i, s, title, a, b, text, near in rows]
