"""Entities and their mentions: adding them, an analysis's list of them, one source's entities as
rows and an entity's page. Merging, splitting and renaming them are analyst edits (``store.edits``)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from briefing.domain import ENTITY_TYPES, BriefingError
from briefing.store.briefings import drop_twin_entity_cards
from briefing.store.mentions import context_sql, in_context
from briefing.store.revisions import created
from briefing.store.rows import dict_rows, grouped_rows
from briefing.store.sources import get_passage, versioned_title_sql
from briefing.store.workspace import Workspace, utc_now


def add_entity(ws: Workspace, name: str, type_: str, aliases: tuple[str, ...] = (), origin: str = "analysis") -> int:
    if type_ not in ENTITY_TYPES:
        raise BriefingError(f"entity type: must be one of {', '.join(ENTITY_TYPES)}, not {type_!r}")
    with ws.transaction() as db:
        entity_id = ws.insert("entities", {"name": name, "type": type_, "created_at": utc_now(), "origin": origin})
        created(ws, "entity", entity_id)
        for alias in dict.fromkeys(a for a in aliases if a != name):
            db.execute("INSERT INTO entity_aliases (entity_id, alias) VALUES (?, ?)", [entity_id, alias])
        return entity_id


def nearest_person(ws: Workspace, source_id: int, start: int, end: int, reach: int = 300) -> int | None:
    """The person named nearest a passage of a source (within ``reach`` characters of it, outside
    it), or None: the likeliest speaker to offer first for words the analyst marks as a quote."""
    row = ws.db.execute(
        "SELECT m.entity_id FROM mentions m JOIN entities e ON e.id = m.entity_id WHERE m.source_id = ? "
        'AND e.type = \'person\' AND (m."end" <= ? OR m.start >= ?) AND m.start < ? AND m."end" > ? '
        'ORDER BY CASE WHEN m."end" <= ? THEN ? - m."end" ELSE m.start - ? END, m.id LIMIT 1',
        [source_id, start, end, end + reach, start - reach, start, start, end],
    ).fetchone()
    return row[0] if row else None


def add_mention(ws: Workspace, entity_id: int, source_id: int, start: int, end: int) -> int:
    with ws.transaction():
        text = get_passage(ws, source_id, start, end)
        return ws.insert(
            "mentions", {"entity_id": entity_id, "source_id": source_id, "start": start, "end": end, "text": text}
        )


def move_entity_rows(ws: Workspace, target_id: int, other_id: int) -> None:
    """What points at entity ``other_id`` points at ``target_id``: its mentions (a range both
    mention keeps the target's), the quotes it speaks and the briefing items that cite it (a
    note citing both keeps the target's card)."""
    db = ws.db
    drop_twin_entity_cards(ws, target_id, other_id, reason="its entity was merged into another the note shows")
    db.execute(
        "DELETE FROM mentions WHERE entity_id = ? AND EXISTS (SELECT 1 FROM mentions t WHERE t.entity_id = ? "
        'AND t.source_id = mentions.source_id AND t.start = mentions.start AND t."end" = mentions."end")',
        [other_id, target_id],
    )
    db.execute("UPDATE mentions SET entity_id = ? WHERE entity_id = ?", [target_id, other_id])
    db.execute("UPDATE quotes SET speaker_id = ? WHERE speaker_id = ?", [target_id, other_id])
    db.execute("UPDATE briefing_items SET ref_id = ? WHERE kind = 'entity' AND ref_id = ?", [target_id, other_id])


def get_entity(ws: Workspace, entity_id: int) -> tuple[str, str, int] | None:
    """(name, type, revision) of one entity; None when it is gone."""
    row = ws.db.execute("SELECT name, type, revision FROM entities WHERE id = ?", [entity_id]).fetchone()
    return (row[0], row[1], row[2]) if row is not None else None


def list_entities(ws: Workspace) -> list[dict[str, Any]]:
    entities = dict_rows(ws, "SELECT id, name, type FROM entities ORDER BY id")
    aliases = grouped_rows(ws, "SELECT entity_id, alias FROM entity_aliases ORDER BY id")
    mentions = grouped_rows(ws, 'SELECT entity_id, source_id, start, "end" FROM mentions ORDER BY source_id, start')
    for entity in entities:
        entity["aliases"] = [a["alias"] for a in aliases.get(entity["id"], [])]
        entity["mentions"] = mentions.get(entity["id"], [])
    return entities


@dataclass(frozen=True)
class EntityRow:
    id: int
    name: str
    type: str
    mentions: tuple[tuple[int, int], ...]  # ranges in this source
    sources: int  # how many sources mention it


def list_entity_rows(ws: Workspace, source_id: int) -> list[EntityRow]:
    ranges: dict[int, list[tuple[int, int]]] = {}
    for entity_id, start, end in ws.db.execute(
        'SELECT entity_id, start, "end" FROM mentions WHERE source_id = ? ORDER BY start', [source_id]
    ):
        ranges.setdefault(entity_id, []).append((start, end))
    if not ranges:
        return []
    marks = ", ".join("?" * len(ranges))
    rows = ws.db.execute(
        f"SELECT e.id, e.name, e.type, (SELECT count(DISTINCT m.source_id) FROM mentions m WHERE m.entity_id = e.id) "
        f"FROM entities e WHERE e.id IN ({marks}) ORDER BY e.type, e.name",
        list(ranges),
    ).fetchall()
    return [EntityRow(i, name, kind, tuple(ranges[i]), count) for i, name, kind, count in rows]


@dataclass(frozen=True)
class EntityPage:
    id: int
    name: str
    type: str
    aliases: tuple[str, ...]
    mentions: tuple[tuple[int, str, int, int, str, int], ...]  # source id, title, start, end, context, mention id
    quotes: tuple[tuple[int, int, str, str], ...]  # quote id, source id, title, text
    neighbours: tuple[tuple[int, str, str, int], ...]  # entity id, name, type, shared sources
    # all the entity has, of which ``mentions`` and ``quotes`` show the first ``limit``
    mention_total: int = 0
    source_total: int = 0
    quote_total: int = 0


def entity_page(ws: Workspace, entity_id: int, context: int = 60, limit: int = 200) -> EntityPage:
    """Everything the entity page shows: aliases, mentions in context, quotes, co-occurring entities.
    Mentions (newest sources first) and quotes are the first ``limit`` of each; the totals count all."""
    row = ws.db.execute("SELECT name, type FROM entities WHERE id = ?", [entity_id]).fetchone()
    if row is None:
        raise BriefingError(f"entity {entity_id} no longer exists")
    aliases = tuple(
        r[0] for r in ws.db.execute("SELECT alias FROM entity_aliases WHERE entity_id = ? ORDER BY alias", [entity_id])
    )
    mentions = tuple(
        (source_id, title or "(untitled)", start, end, in_context(snippet, start, end, context), mention_id)
        for source_id, title, start, end, snippet, mention_id in ws.db.execute(
            f'SELECT m.source_id, {versioned_title_sql()}, m.start, m."end", {context_sql(context)}, m.id '
            "FROM mentions m JOIN sources s ON s.id = m.source_id WHERE m.entity_id = ? "
            "ORDER BY coalesce(s.published, '') DESC, m.source_id, m.start LIMIT ?",
            [entity_id, limit],
        )
    )
    quotes = tuple(
        ws.db.execute(
            f"SELECT q.id, q.source_id, {versioned_title_sql()}, q.text FROM quotes q "
            "JOIN sources s ON s.id = q.source_id WHERE q.speaker_id = ? ORDER BY q.source_id, q.start LIMIT ?",
            [entity_id, limit],
        ).fetchall()
    )
    neighbours = tuple(
        ws.db.execute(
            """SELECT e.id, e.name, e.type, count(DISTINCT m.source_id) AS shared FROM mentions m
           JOIN entities e ON e.id = m.entity_id
           WHERE m.source_id IN (SELECT source_id FROM mentions WHERE entity_id = ?) AND m.entity_id != ?
           GROUP BY e.id ORDER BY shared DESC, e.name LIMIT 12""",
            [entity_id, entity_id],
        ).fetchall()
    )
    mention_total, source_total = ws.db.execute(
        "SELECT count(*), count(DISTINCT source_id) FROM mentions WHERE entity_id = ?", [entity_id]
    ).fetchone()
    quote_total = ws.db.execute("SELECT count(*) FROM quotes WHERE speaker_id = ?", [entity_id]).fetchone()[0]
    return EntityPage(
        entity_id, row[0], row[1], aliases, mentions, quotes, neighbours, mention_total, source_total, quote_total
    )


@dataclass(frozen=True)
class EntitySummary:
    """One line of ``briefing entities``: how many sources and mentions, and its aliases."""

    id: int
    name: str
    type: str
    sources: int
    mentions: int
    aliases: tuple[str, ...]


def list_entity_summaries(ws: Workspace, type_: str | None = None, source_id: int | None = None) -> list[EntitySummary]:
    """Every entity (of ``type_``; mentioned in ``source_id``), the most mentioned first."""
    where: list[str] = []
    params: list[object] = []
    if type_ is not None:
        where.append("e.type = ?")
        params.append(type_)
    if source_id is not None:
        where.append("EXISTS (SELECT 1 FROM mentions s WHERE s.entity_id = e.id AND s.source_id = ?)")
        params.append(source_id)
    rows = ws.db.execute(
        "SELECT e.id, e.name, e.type, count(DISTINCT m.source_id), count(m.id) FROM entities e "
        f"LEFT JOIN mentions m ON m.entity_id = e.id {'WHERE ' + ' AND '.join(where) if where else ''} "
        "GROUP BY e.id, e.name, e.type ORDER BY count(m.id) DESC, e.name, e.id",
        params,
    ).fetchall()
    aliases = grouped_rows(ws, "SELECT entity_id, alias FROM entity_aliases ORDER BY alias")
    return [
        EntitySummary(i, name, kind, sources, mentions, tuple(a["alias"] for a in aliases.get(i, [])))
        for i, name, kind, sources, mentions in rows
    ]
