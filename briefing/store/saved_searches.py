"""Saved searches: a query the analyst keeps under a name, to run again.

Names are unique with letter case ignored, so ``briefing search --saved Outage`` finds the
search saved as "outage". Saving under a name that exists replaces that search's query.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.domain import BriefingError
from briefing.store.workspace import Workspace, utc_now

MAX_NAME = 100
_SPACE = re.compile(r"\s+")
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class SavedSearch:
    id: int
    name: str
    query: str
    created_at: str


def list_saved_searches(ws: Workspace) -> list[SavedSearch]:
    """Every saved search, by name (case ignored)."""
    rows = ws.db.execute("SELECT id, name, query, created_at FROM saved_searches ORDER BY lower(name), id").fetchall()
    return [SavedSearch(*row) for row in rows]


def find_saved_search(ws: Workspace, name: str) -> SavedSearch | None:
    row = ws.db.execute(
        "SELECT id, name, query, created_at FROM saved_searches WHERE lower(name) = lower(?)", [_clean(name)]
    ).fetchone()
    return SavedSearch(*row) if row else None


def get_saved_search(ws: Workspace, name: str) -> SavedSearch:
    """The search saved under ``name`` (case ignored), or a BriefingError naming the saved ones."""
    found = find_saved_search(ws, name)
    if found is None:
        names = ", ".join(s.name for s in list_saved_searches(ws)) or "none yet"
        raise BriefingError(f"no saved search named {name!r} (saved: {names})")
    return found


def save_search(ws: Workspace, name: str, query: str) -> int:
    """Keep ``query`` under ``name``, replacing the query of a search saved under that name."""
    name = _checked_name(name)
    with ws.transaction() as db:
        existing = find_saved_search(ws, name)
        if existing is not None:
            db.execute("UPDATE saved_searches SET query = ? WHERE id = ?", [query, existing.id])
            return existing.id
        return ws.insert("saved_searches", {"name": name, "query": query, "created_at": utc_now()})


def rename_saved_search(ws: Workspace, search_id: int, name: str) -> None:
    name = _checked_name(name)
    with ws.transaction() as db:
        other = find_saved_search(ws, name)
        if other is not None and other.id != search_id:
            raise BriefingError(f"a search is already saved as {other.name!r}")
        if db.execute("UPDATE saved_searches SET name = ? WHERE id = ?", [name, search_id]).rowcount != 1:
            raise BriefingError(f"no saved search with id {search_id}")


def delete_saved_search(ws: Workspace, search_id: int) -> None:
    with ws.transaction() as db:
        db.execute("DELETE FROM saved_searches WHERE id = ?", [search_id])


def _clean(name: str) -> str:
    return _SPACE.sub(" ", _CONTROL.sub(" ", name)).strip()


def _checked_name(name: str) -> str:
    """One line of at most MAX_NAME characters, spaces evened out."""
    cleaned = _clean(name)
    if not cleaned:
        raise BriefingError("a saved search needs a name")
    if len(cleaned) > MAX_NAME:
        raise BriefingError(f"a saved search's name is at most {MAX_NAME} characters")
    return cleaned
