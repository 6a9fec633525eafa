"""Sources: imported documents, their original bytes and their full-text index."""

from __future__ import annotations

import re
from dataclasses import asdict
from typing import Any

from briefing.domain import RELIABILITY_GRADES, BriefingError, Document, Source, SourceRow
from briefing.store.history import record_judgement
from briefing.store.search_index import reindex_sources, unindex_source
from briefing.store.workspace import Workspace, utc_now

EDITABLE_FIELDS = ("title", "outlet", "author", "published", "language", "reliability", "summary")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_SOURCE_COLUMNS = (
    "id, path, format, content_hash, text, title, outlet, author, published, "
    "language, imported_at, reliability, summary"
)


def find_source_by_hash(ws: Workspace, content_hash: str) -> int | None:
    row = ws.db.execute("SELECT id FROM sources WHERE content_hash = ?", [content_hash]).fetchone()
    return row[0] if row else None


def add_document(ws: Workspace, doc: Document) -> tuple[int, bool]:
    """Store ``doc`` as a source; returns (id, created). Same content is stored once."""
    with ws.transaction() as db:
        existing = find_source_by_hash(ws, doc.content_hash)
        if existing is not None:
            return existing, False
        record = asdict(doc)
        raw = record.pop("raw")
        record["imported_at"] = utc_now()
        source_id = ws.insert("sources", record)
        db.execute("INSERT INTO originals (source_id, bytes) VALUES (?, ?)", [source_id, raw])
        reindex_sources(ws, [source_id])
        return source_id, True


def get_source(ws: Workspace, source_id: int) -> Source:
    row = ws.db.execute(f"SELECT {_SOURCE_COLUMNS} FROM sources WHERE id = ?", [source_id]).fetchone()
    if row is None:
        raise BriefingError(f"source {source_id} does not exist")
    return Source(*row)


def get_original(ws: Workspace, source_id: int) -> bytes:
    row = ws.db.execute("SELECT bytes FROM originals WHERE source_id = ?", [source_id]).fetchone()
    if row is None:
        raise BriefingError(f"source {source_id} has no stored original")
    return bytes(row[0])


def list_sources(ws: Workspace) -> list[SourceRow]:
    """Every source with its quote and claim counts, newest publication first."""
    rows = ws.db.execute(
        """
        SELECT s.id, s.title, s.outlet, s.published, s.reliability,
               (SELECT count(*) FROM quotes q WHERE q.source_id = s.id),
               (SELECT count(*) FROM claims c WHERE c.source_id = s.id AND c.dismissed = 0)
        FROM sources s
        ORDER BY s.published IS NULL, s.published DESC, s.id
        """
    ).fetchall()
    return [SourceRow(*row) for row in rows]


def iter_sources(ws: Workspace) -> list[Source]:
    rows = ws.db.execute(f"SELECT {_SOURCE_COLUMNS} FROM sources ORDER BY id").fetchall()
    return [Source(*row) for row in rows]


def update_source(ws: Workspace, source_id: int, reason: str | None = None, **changes: Any) -> Source:
    """Change editable metadata; every change is recorded in the judgement history."""
    for field, value in changes.items():
        _validate_field(field, value)
    with ws.transaction() as db:
        old = get_source(ws, source_id)
        for field, value in changes.items():
            value = value.strip() or None if isinstance(value, str) else value
            if getattr(old, field) == value:
                continue
            db.execute(f"UPDATE sources SET {field} = ? WHERE id = ?", [value, source_id])
            if field == "summary":  # re-analysis must not overwrite the analyst's summary
                db.execute("UPDATE sources SET summary_edited = 1 WHERE id = ?", [source_id])
            record_judgement(ws, "edit", "source", source_id, field, getattr(old, field), value, reason)
        reindex_sources(ws, [source_id])
    return get_source(ws, source_id)


def delete_source(ws: Workspace, source_id: int) -> None:
    with ws.transaction() as db:
        old = get_source(ws, source_id)
        unindex_source(ws, source_id)
        db.execute("DELETE FROM sources WHERE id = ?", [source_id])
        record_judgement(ws, "delete", "source", source_id, None, old.title, None, None)


def _validate_field(field: str, value: Any) -> None:
    if field not in EDITABLE_FIELDS:
        raise BriefingError(f"{field}: not an editable source field")
    if value is None or (isinstance(value, str) and not value.strip()):
        return
    if not isinstance(value, str):
        raise BriefingError(f"{field}: must be text")
    if field == "reliability" and value not in RELIABILITY_GRADES:
        raise BriefingError(f"reliability: must be one of A-F, not {value!r}")
    if field == "published" and not _ISO_DATE.match(value.strip()):
        raise BriefingError(f"published: must be a date as YYYY-MM-DD, not {value!r}")


SOURCE_ORDER = {
    "title": "lower(coalesce(s.title, ''))",
    "outlet": "lower(coalesce(s.outlet, ''))",
    "published": "s.published",  # NULLs sort as '' would, and the index on published serves it
    "grade": "coalesce(s.reliability, 'Z')",
    "quotes": "(SELECT count(*) FROM quotes q WHERE q.source_id = s.id)",
    "claims": "(SELECT count(*) FROM claims c WHERE c.source_id = s.id AND c.dismissed = 0)",
}


def source_ids(ws: Workspace, order: str = "published", descending: bool = True, text: str = "") -> list[int]:
    """Ids of the sources whose title, outlet or date contain ``text``, in the asked order.
    The list view holds only these ids and fetches rows for what it shows."""
    if order not in SOURCE_ORDER:
        raise BriefingError(f"cannot sort sources by {order!r}")
    where, params = "", []
    if text.strip():
        where = "WHERE s.title LIKE ? OR s.outlet LIKE ? OR s.published LIKE ?"
        params = [f"%{text.strip()}%"] * 3
    direction = "DESC" if descending else "ASC"
    sql = f"SELECT s.id FROM sources s {where} ORDER BY {SOURCE_ORDER[order]} {direction}, s.id {direction}"
    return [row[0] for row in ws.db.execute(sql, params)]


def source_rows(ws: Workspace, ids: list[int]) -> dict[int, SourceRow]:
    """The list columns of these sources (a page of the view), by id."""
    found: dict[int, SourceRow] = {}
    for start in range(0, len(ids), 500):
        chunk = ids[start:start + 500]
        rows = ws.db.execute(
            f"""SELECT s.id, s.title, s.outlet, s.published, s.reliability,
                   (SELECT count(*) FROM quotes q WHERE q.source_id = s.id),
                   (SELECT count(*) FROM claims c WHERE c.source_id = s.id AND c.dismissed = 0)
                FROM sources s WHERE s.id IN ({", ".join("?" * len(chunk))})""",
            chunk,
        ).fetchall()
        found.update((row[0], SourceRow(*row)) for row in rows)
    return found
