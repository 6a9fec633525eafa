"""Read access to sentences and claims across sources, for related-claim search."""

from __future__ import annotations

from collections.abc import Iterator

from briefing.store.workspace import Workspace


def iter_passages(ws: Workspace) -> Iterator[tuple[int, int, int, str]]:
    """(source_id, start, end, text) of every stored sentence, source by source."""
    cursor = ws.db.execute(
        'SELECT s.source_id, s.start, s."end", substr(src.text, s.start + 1, s."end" - s.start) '
        "FROM sentences s JOIN sources src ON src.id = s.source_id ORDER BY s.source_id, s.start"
    )
    yield from cursor


def list_claim_texts(ws: Workspace) -> list[tuple[int, int, str]]:
    """(claim_id, source_id, text) of every claim."""
    return ws.db.execute("SELECT id, source_id, text FROM claims ORDER BY id").fetchall()
