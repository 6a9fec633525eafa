"""An entity's mentions one by one, with their ids: what the analyst picks from to split it."""

from __future__ import annotations

from dataclasses import dataclass

from briefing.store.sources import versioned_title_sql
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


LEAD = 20  # characters of context shown before a mention: a narrow column still shows the name


def context_sql(context: int) -> str:
    """The SQL for the source text around a mention ``m`` of source ``s``: ``context`` characters
    on either side (``in_context`` makes a line of it)."""
    return f'substr(s.text, max(1, m.start + 1 - {int(context)}), m."end" - m.start + {2 * int(context)})'


def in_context(near: str, start: int, end: int, context: int) -> str:
    """The mention with a few words before it and more after, on one line: 'that the ministry's
    Ingrid Vasquel said on Monday the pumps…'. Shown in a column that cuts its end, the name comes
    early enough to be seen."""
    at = min(start, context)
    before, rest = near[:at], near[at:]
    if len(before) > LEAD:
        before = before[-LEAD:]
        before = before.split(None, 1)[1] if " " in before.strip() else before  # no half word
    if len(rest) == end - start + context and " " in rest[end - start :]:
        rest = rest.rsplit(None, 1)[0]  # the text goes on: no half word at the end either
    return " ".join(f"{before}{rest}".split())


def list_mentions(ws: Workspace, entity_id: int, context: int = 50) -> list[MentionRow]:
    """Every mention of the entity, by name form, then source and position."""
    rows = ws.db.execute(
        f'SELECT m.id, m.source_id, {versioned_title_sql()}, m.start, m."end", m.text, {context_sql(context)} '
        "FROM mentions m JOIN sources s ON s.id = m.source_id WHERE m.entity_id = ? "
        "ORDER BY m.text, m.source_id, m.start",
        [entity_id],
    ).fetchall()
    return [
        MentionRow(i, s, title, a, b, text, in_context(near, a, b, context)) for i, s, title, a, b, text, near in rows
    ]
