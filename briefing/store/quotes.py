"""Quotes: adding one, every quote of the workspace, and one source's quotes as rows. Speaker changes,
dropped and added quotes are analyst edits (``store.edits``)."""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from briefing.store.changed_words import SourceWords
from briefing.store.rows import dict_rows
from briefing.store.search_index import reindex_sources
from briefing.store.sources import get_passage
from briefing.store.workspace import Workspace


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


def list_quotes(ws: Workspace) -> list[dict[str, Any]]:
    return dict_rows(
        ws,
        """
        SELECT q.id, q.source_id, q.text, e.name AS speaker, q.speaker_text, q.cue, q.start, q."end"
        FROM quotes q LEFT JOIN entities e ON e.id = q.speaker_id ORDER BY q.source_id, q.start, q.id
    """,
    )


@dataclass(frozen=True)
class QuoteRow:
    id: int
    start: int
    end: int
    text: str
    speaker: str | None
    speaker_id: int | None
    cue: str | None
    words_now: str | None = None  # the source's words at its place, when a newer version changed them


def list_quote_rows(ws: Workspace, source_id: int) -> list[QuoteRow]:
    rows = ws.db.execute(
        'SELECT q.id, q.start, q."end", q.text, coalesce(e.name, q.speaker_text), q.speaker_id, q.cue '
        "FROM quotes q LEFT JOIN entities e ON e.id = q.speaker_id WHERE q.source_id = ? ORDER BY q.start, q.id",
        [source_id],
    ).fetchall()
    words = SourceWords.of(ws, source_id)
    return [replace(QuoteRow(*row), words_now=words.now(row[3], row[1], row[2])) for row in rows]
