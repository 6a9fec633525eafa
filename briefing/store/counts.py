"""How many rows each table of a workspace holds (``briefing info``, copies and checks)."""

from __future__ import annotations

from briefing.store.workspace import Workspace

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


def count_rows(ws: Workspace) -> dict[str, int]:
    return {t: ws.db.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED_TABLES}
