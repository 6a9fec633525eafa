"""Analysis records: entities, mentions and quotes (claims and evidence: ``store.claims``; notes:
``store.annotations``).

The analysis and the app write these through the functions here; exports read
them back as plain dicts.
"""

from __future__ import annotations

from typing import Any

from briefing.domain import ENTITY_TYPES, BriefingError
from briefing.store.rows import dict_rows, grouped_rows
from briefing.store.search_index import reindex_sources
from briefing.store.workspace import Workspace, utc_now

COUNTED_TABLES = (
    "sources",
    "entities",
    "mentions",
    "quotes",
    "claims",
    "evidence",
    "annotations",
    "tags",
    "briefings",
    "briefing_items",
    "history",
)


def add_entity(ws: Workspace, name: str, type_: str, aliases: tuple[str, ...] = ()) -> int:
    if type_ not in ENTITY_TYPES:
        raise BriefingError(f"entity type: must be one of {', '.join(ENTITY_TYPES)}, not {type_!r}")
    with ws.transaction() as db:
        entity_id = ws.insert("entities", {"name": name, "type": type_, "created_at": utc_now()})
        for alias in dict.fromkeys(a for a in aliases if a != name):
            db.execute("INSERT INTO entity_aliases (entity_id, alias) VALUES (?, ?)", [entity_id, alias])
        return entity_id


def add_mention(ws: Workspace, entity_id: int, source_id: int, start: int, end: int) -> int:
    with ws.transaction():
        text = get_passage(ws, source_id, start, end)
        return ws.insert(
            "mentions", {"entity_id": entity_id, "source_id": source_id, "start": start, "end": end, "text": text}
        )


def add_quote(
    ws: Workspace,
    source_id: int,
    start: int,
    end: int,
    speaker_id: int | None = None,
    speaker_text: str | None = None,
    cue: str | None = None,
) -> int:
    with ws.transaction():
        text = get_passage(ws, source_id, start, end)
        quote_id = ws.insert(
            "quotes",
            {
                "source_id": source_id,
                "text": text,
                "start": start,
                "end": end,
                "speaker_id": speaker_id,
                "speaker_text": speaker_text,
                "cue": cue,
            },
        )
        reindex_sources(ws, [source_id])
        return quote_id


def count_rows(ws: Workspace) -> dict[str, int]:
    return {t: ws.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED_TABLES}


def list_entities(ws: Workspace) -> list[dict[str, Any]]:
    entities = dict_rows(ws, "SELECT id, name, type FROM entities ORDER BY id")
    aliases = grouped_rows(ws, "SELECT entity_id, alias FROM entity_aliases ORDER BY id")
    mentions = grouped_rows(ws, 'SELECT entity_id, source_id, start, "end" FROM mentions ORDER BY source_id, start')
    for entity in entities:
        entity["aliases"] = [a["alias"] for a in aliases.get(entity["id"], [])]
        entity["mentions"] = mentions.get(entity["id"], [])
    return entities


def list_quotes(ws: Workspace) -> list[dict[str, Any]]:
    return dict_rows(
        ws,
        """
        SELECT q.id, q.source_id, q.text, e.name AS speaker, q.speaker_text, q.cue, q.start, q."end"
        FROM quotes q LEFT JOIN entities e ON e.id = q.speaker_id ORDER BY q.source_id, q.start
    """,
    )


def get_source_text(ws: Workspace, source_id: int) -> str:
    """A source's cleaned text; BriefingError when the source does not exist."""
    row = ws.db.execute("SELECT text FROM sources WHERE id = ?", [source_id]).fetchone()
    if row is None:
        raise BriefingError(f"source {source_id} does not exist")
    return row[0]


def get_passage(ws: Workspace, source_id: int, start: int, end: int) -> str:
    """The text of ``start``-``end`` in a source; BriefingError when the range is outside it."""
    text = get_source_text(ws, source_id)
    if not 0 <= start < end <= len(text):
        raise BriefingError(f"range {start}-{end} is outside source {source_id} (length {len(text)})")
    return text[start:end]
