"""Quote variants read from the workspace: the same speaker's words reported differently by two
sources (``briefing.quote_variants`` decides what a variant is).

Computed on read, per speaker, from the quotes as they are now: an analyst's change of speaker
or a dropped quote shows at once, and nothing is stored that re-analysis would have to keep
up to date. A source's quotes are compared only with their speakers' quotes elsewhere.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.quote_variants import QuoteText, Variant, find_variants
from briefing.store.workspace import Workspace


@dataclass(frozen=True)
class VariantSide:
    quote_id: int
    source_id: int
    source: str  # the outlet, else the title
    text: str
    start: int
    end: int
    spans: tuple[tuple[int, int], ...]  # the words that differ, as ranges of ``text``


@dataclass(frozen=True)
class QuoteVariant:
    first: VariantSide
    second: VariantSide
    kinds: tuple[str, ...]
    description: str  # "a number changed, words cut"


def list_entity_variants(ws: Workspace, entity_id: int) -> list[QuoteVariant]:
    """Every variant pair among the entity's quotes, in order of the first quote's id."""
    return _sides(ws, find_variants(_speaker_quotes(ws, entity_id)))


def list_quote_variants(ws: Workspace, quote_id: int) -> list[QuoteVariant]:
    """The quote's variants in other sources; the quote asked about is each pair's ``first``."""
    row = ws.db.execute("SELECT speaker_id FROM quotes WHERE id = ?", [quote_id]).fetchone()
    if row is None or row[0] is None:
        return []
    found = find_variants(_speaker_quotes(ws, row[0]), among=[quote_id])
    return [_facing(v, quote_id) for v in _sides(ws, found)]


def list_source_variants(ws: Workspace, source_id: int) -> dict[int, list[QuoteVariant]]:
    """Quote id -> its variants in other sources, for the source's quotes that have any."""
    found: dict[int, list[QuoteVariant]] = {}
    speakers = ws.db.execute(
        "SELECT speaker_id, group_concat(id) FROM quotes WHERE source_id = ? AND speaker_id IS NOT NULL "
        "GROUP BY speaker_id",
        [source_id],
    ).fetchall()
    for speaker_id, ids in speakers:
        mine = [int(i) for i in ids.split(",")]
        for variant in _sides(ws, find_variants(_speaker_quotes(ws, speaker_id), among=mine)):
            quote_id = variant.first.quote_id if variant.first.source_id == source_id else variant.second.quote_id
            found.setdefault(quote_id, []).append(_facing(variant, quote_id))
    return found


def list_all_variants(ws: Workspace) -> dict[int, list[QuoteVariant]]:
    """Quote id -> its variants, for every speaker quoted in more than one source (exports)."""
    speakers = [
        row[0]
        for row in ws.db.execute(
            "SELECT speaker_id FROM quotes WHERE speaker_id IS NOT NULL GROUP BY speaker_id "
            "HAVING count(DISTINCT source_id) > 1"
        )
    ]
    found: dict[int, list[QuoteVariant]] = {}
    for speaker_id in speakers:
        for variant in list_entity_variants(ws, speaker_id):
            for side in (variant.first, variant.second):
                found.setdefault(side.quote_id, []).append(_facing(variant, side.quote_id))
    return found


def _speaker_quotes(ws: Workspace, speaker_id: int) -> list[QuoteText]:
    rows = ws.db.execute("SELECT id, source_id, text FROM quotes WHERE speaker_id = ?", [speaker_id])
    return [QuoteText(*row) for row in rows]


def _sides(ws: Workspace, variants: list[Variant]) -> list[QuoteVariant]:
    ids = sorted({i for v in variants for i in (v.first, v.second)})
    if not ids:
        return []
    marks = ", ".join("?" * len(ids))
    rows = ws.db.execute(
        "SELECT q.id, q.source_id, coalesce(nullif(s.outlet, ''), s.title, '(untitled)'), q.text, q.start, q.\"end\" "
        f"FROM quotes q JOIN sources s ON s.id = q.source_id WHERE q.id IN ({marks})",
        ids,
    ).fetchall()
    quotes = {row[0]: row for row in rows}
    return [
        QuoteVariant(
            _side(quotes[v.first], v.first_spans), _side(quotes[v.second], v.second_spans), v.kinds, v.describe()
        )
        for v in variants
    ]


def _side(row: tuple, spans: tuple[tuple[int, int], ...]) -> VariantSide:
    quote_id, source_id, source, text, start, end = row
    return VariantSide(quote_id, source_id, source, text, start, end, spans)


def _facing(variant: QuoteVariant, quote_id: int) -> QuoteVariant:
    if variant.first.quote_id == quote_id:
        return variant
    return QuoteVariant(variant.second, variant.first, variant.kinds, variant.description)
