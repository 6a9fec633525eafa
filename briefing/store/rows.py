"""Query results as plain dicts, for the readers that hand rows to exports and the CLI."""

from __future__ import annotations

from typing import Any

from briefing.store.workspace import Workspace


def dict_rows(ws: Workspace, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    """Each row as a dict keyed by column name."""
    cursor = ws.db.execute(sql, params or [])
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def grouped_rows(ws: Workspace, sql: str) -> dict[int, list[dict[str, Any]]]:
    """Rows grouped by their first column, which is left out of each dict."""
    groups: dict[int, list[dict[str, Any]]] = {}
    for row in dict_rows(ws, sql):
        key = row.pop(next(iter(row)))
        groups.setdefault(key, []).append(row)
    return groups
