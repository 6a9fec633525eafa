"""Saving a source's analysis without throwing away the analyst's work.

Re-analysis replaces only machine output nobody has touched: analyst mentions, confirmed
quote speakers, analyst quotes and reviewed claims stay, and rejections keep what the
analyst removed from coming back. Entities are resolved across the whole workspace by
normalised names and aliases (see ``normalise_name``).

Keys of the ``rejections`` table:
- kind 'entity', key = "<type>:<normalised name>" (``type_rejection_key``, written by Delete
  Entity): never create or link an entity of that type by that name ("person:dodd-frank" leaves
  the organisation "Dodd-Frank" alone); key = normalised name alone (older workspaces' deletions):
  of any type (source_id NULL: anywhere; else only in that source);
- kind 'entity', key = "<entity id>:<normalised alias>" (``alias_rejection_key``): never
  link that alias to that entity again (source_id NULL: anywhere; else only in that source, where
  no mention of that form goes to that entity either: a mention taken off it, Not This Entity);
- kind 'quote' / 'claim', key = the exact text, per source (NULL: anywhere).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from briefing.domain import (
    ANALYSIS_VERSION,
    Analysis,
    FoundClaim,
    FoundEntity,
    FoundQuote,
    normalise_name,
)
from briefing.store.entity_resolver import EntityResolver, rejected_keys, unlinked_keys
from briefing.store.entity_settling import settle_entities
from briefing.store.search_index import reindex_sources
from briefing.store.sources import check_range, get_source_text, shown_title_sql
from briefing.store.stale_aliases import prune_stale_aliases
from briefing.store.workspace import Workspace, utc_after

_QUOTE_IN_BRIEFING = "EXISTS (SELECT 1 FROM briefing_items b WHERE b.kind = 'quote' AND b.ref_id = quotes.id)"
# A claim somebody looked at (status, credibility, evidence, a decided suggestion, a
# briefing note) is the analyst's; only untouched machine claims are replaced.
_MACHINE_CLAIMS = """
    source_id = ? AND origin = 'analysis' AND status = 'unreviewed' AND credibility IS NULL AND dismissed = 0
    AND NOT EXISTS (SELECT 1 FROM evidence e WHERE e.claim_id = claims.id)
    AND NOT EXISTS (SELECT 1 FROM claim_suggestions s WHERE s.claim_id = claims.id AND s.state != 'open')
    AND NOT EXISTS (SELECT 1 FROM briefing_items b WHERE b.kind = 'claim' AND b.ref_id = claims.id)
"""
_ID_CHUNK = 500  # ids per IN (...) list
_MACHINE_QUOTES = f"source_id = ? AND origin = 'analysis' AND speaker_confirmed = 0 AND NOT {_QUOTE_IN_BRIEFING}"


def alias_rejection_key(entity_id: int, alias: str) -> str:
    return f"{entity_id}:{normalise_name(alias)}"


def index_quote(ws: Workspace, quote_id: int) -> None:
    """Bring the search index up to date after a quote was added or changed."""
    row = ws.db.execute("SELECT source_id FROM quotes WHERE id = ?", [quote_id]).fetchone()
    if row is not None:
        reindex_sources(ws, [row[0]])


class AnalysisRun:
    """Keeps the workspace's entities in memory from one ``save_analysis`` to the next.

    Reading every entity and alias for each source made a run quadratic in its size. The
    cache is dropped when another connection has committed since (``PRAGMA data_version``)
    and when a save fails; within a run only ``save_analysis`` may change entities on this
    connection.
    """

    def __init__(self) -> None:
        self._resolver: EntityResolver | None = None
        self._data_version: object = None
        self.analysed: set[int] = set()  # the sources saved in this run
        self.yielded: dict[tuple[int, int, int], tuple[str, ...]] = {}  # ``stale_aliases``

    def saved(self, source_id: int, analysis: Analysis, text: str) -> None:
        """Remember the source and the forms each entity found there was called by without the
        text writing them (most are its mentions' words, which the store has: a run over many
        sources keeps only the few others)."""
        self.analysed.add(source_id)
        for found in analysis.entities:
            written = {normalise_name(text[start:end]) for start, end in found.mentions}
            forms = tuple({normalise_name(surface) for surface in (found.name, *found.aliases)} - written)
            for start, end in found.mentions if forms else ():
                self.yielded[(source_id, start, end)] = forms

    def prune_aliases(self, ws: Workspace) -> int:
        """Drop the aliases no source analysed in this run uses any more; returns how many."""
        pruned = prune_stale_aliases(ws, self.analysed, self.yielded)
        self.clear()
        return pruned

    def resolver(self, ws: Workspace) -> EntityResolver:
        version = _data_version(ws)
        if self._resolver is None or self._resolver.ws is not ws or version != self._data_version:
            self._resolver = EntityResolver(ws)
            self._data_version = version
        return self._resolver

    def clear(self) -> None:
        self._resolver = None


def _data_version(ws: Workspace) -> object:
    """What changes when another connection changed the entities: SQLite's data_version; on
    PostgreSQL the entities' and aliases' row count and newest row version (xmin)."""
    if ws.backend == "sqlite":
        return ws.db.execute("PRAGMA data_version").fetchone()[0]
    return tuple(
        ws.db.execute(
            "SELECT (SELECT count(*) FROM entities), (SELECT max(xmin::text::bigint) FROM entities), "
            "(SELECT count(*) FROM entity_aliases), (SELECT max(xmin::text::bigint) FROM entity_aliases)"
        ).fetchone()
        or ()
    )


@contextmanager
def analysis_run(ws: Workspace) -> Iterator[AnalysisRun]:
    """A run of ``save_analysis`` calls; when it ends (unless by an error) the aliases the
    analyses no longer use are dropped (``stale_aliases``). Every way an analysis is saved (the
    command line, the window, an import, a team's worker) is a run, so each prunes alike."""
    run = AnalysisRun()
    yield run
    run.prune_aliases(ws)


def save_analysis(ws: Workspace, source_id: int, analysis: Analysis, run: AnalysisRun | None = None) -> None:
    """Store one source's analysis in one transaction, keeping the analyst's work; without a
    ``run``, the save is a run of its own (``analysis_run``)."""
    if run is None:
        with analysis_run(ws) as own:
            save_analysis(ws, source_id, analysis, own)
        return
    try:
        text = _save_analysis(ws, source_id, analysis, run)
    except BaseException:
        run.clear()
        raise
    run.saved(source_id, analysis, text)


def _save_analysis(ws: Workspace, source_id: int, analysis: Analysis, run: AnalysisRun) -> str:
    """Store the analysis; returns the source's text it was read against."""
    with ws.transaction():
        text = get_source_text(ws, source_id)
        placed = _placed_by_analyst(ws, source_id)
        earlier_claims = _remove_machine_output(ws, source_id)
        resolver = run.resolver(ws)
        resolver.start_source(source_id)
        entity_ids = {found.key: resolver.resolve(found, placed) for found in analysis.entities}
        unlinked = unlinked_keys(ws, source_id)  # words the analyst took off an entity here
        _insert_mentions(ws, source_id, text, analysis.entities, entity_ids, unlinked)
        resolver.settle_names({i for i in entity_ids.values() if i is not None})
        _insert_quotes(ws, source_id, text, analysis.quotes, entity_ids, unlinked)
        moved = settle_entities(resolver, (i for i in entity_ids.values() if i is not None))
        _insert_claims(ws, source_id, text, analysis.claims, earlier_claims)
        rows = [(source_id, *check_range(text, start, end, source_id)) for start, end in analysis.sentences]
        ws.db.conn.executemany('INSERT INTO sentences (source_id, start, "end") VALUES (?, ?, ?)', rows)
        # to the microsecond and never the time it replaces: the window tells a re-analysis by it
        previous = ws.db.execute("SELECT analysed_at FROM sources WHERE id = ?", [source_id]).fetchone()[0]
        ws.db.execute(
            "UPDATE sources SET summary = CASE WHEN summary_edited = 1 THEN summary ELSE ? END, "
            "analysed_at = ?, analysis_version = ? WHERE id = ?",
            [analysis.summary, utc_after(previous), ANALYSIS_VERSION, source_id],
        )
        resolver.forget(_delete_leftover_entities(ws))
        reindex_sources(ws, sorted(moved | {source_id}))
        return text


def characters_to_analyse(ws: Workspace, source_ids: list[int]) -> int:
    """The length of the texts of ``source_ids`` together, in characters."""
    total = 0
    for first in range(0, len(source_ids), _ID_CHUNK):
        chunk = source_ids[first : first + _ID_CHUNK]
        marks = ", ".join("?" * len(chunk))
        total += ws.db.execute(
            f"SELECT coalesce(sum(length(text)), 0) FROM sources WHERE id IN ({marks})", chunk
        ).fetchone()[0]
    return total


@dataclass(frozen=True)
class Analysed:
    """When a source's analysis was last saved (None: never) and the source's title as shown."""

    at: str | None
    title: str


def analysis_times(ws: Workspace, source_ids: Iterable[int]) -> dict[int, str | None]:
    """Each source's last analysis time (None: not analysed); a source deleted is left out. What
    a window drew of a source's claims and quotes is out of date once its time changes: a
    re-analysis drew them again, and its churn is never in the judgement history."""
    ids, times = sorted(set(source_ids)), {}
    for first in range(0, len(ids), _ID_CHUNK):
        chunk = ids[first : first + _ID_CHUNK]
        marks = ", ".join("?" * len(chunk))
        rows = ws.db.execute(f"SELECT id, analysed_at FROM sources WHERE id IN ({marks})", chunk).fetchall()
        times.update({row[0]: row[1] for row in rows})
    return times


def last_analysis(ws: Workspace, source_id: int) -> Analysed | None:
    """The source's last analysis and title; None when the source is gone."""
    row = ws.db.execute(f"SELECT s.analysed_at, {shown_title_sql()} FROM sources s WHERE s.id = ?", [source_id])
    found = row.fetchone()
    return None if found is None else Analysed(found[0], found[1])


def list_sentences(ws: Workspace, source_id: int) -> list[tuple[int, int]]:
    rows = ws.db.execute('SELECT start, "end" FROM sentences WHERE source_id = ? ORDER BY start', [source_id])
    return [(row[0], row[1]) for row in rows]


def _remove_machine_output(ws: Workspace, source_id: int) -> dict[tuple[str, int, int, str], int]:
    """Delete what the analysis will write again; returns the ids of the machine claims deleted,
    by their words, for the claims found again to keep (``briefing claims related 150`` in a
    script still means the same claim after ``briefing analyse --all``)."""
    db = ws.db
    earlier = {
        (part, start, end, words): claim_id
        for claim_id, part, start, end, words in db.execute(
            f'SELECT id, part, start, "end", text FROM claims WHERE {_MACHINE_CLAIMS}', [source_id]
        ).fetchall()
    }
    db.execute("DELETE FROM mentions WHERE source_id = ? AND origin = 'analysis'", [source_id])
    db.execute(f"DELETE FROM quotes WHERE {_MACHINE_QUOTES}", [source_id])
    db.execute(
        "DELETE FROM claim_suggestions WHERE state = 'open' "
        "AND claim_id IN (SELECT id FROM claims WHERE source_id = ?)",
        [source_id],
    )
    db.execute(f"DELETE FROM claims WHERE {_MACHINE_CLAIMS}", [source_id])
    db.execute("DELETE FROM sentences WHERE source_id = ?", [source_id])
    return earlier


def _placed_by_analyst(ws: Workspace, source_id: int) -> dict[tuple[int, int], tuple[int, str]]:
    """The source's machine mentions of entities the analyst edited (merged, split, renamed,
    retyped), by their range: the entity each belongs to now, and its words."""
    rows = ws.db.execute(
        'SELECT m.start, m."end", m.entity_id, m.text FROM mentions m JOIN entities e ON e.id = m.entity_id '
        "WHERE m.source_id = ? AND m.origin = 'analysis' AND e.edited = 1",
        [source_id],
    )
    return {(start, end): (entity_id, text) for start, end, entity_id, text in rows}


def _delete_leftover_entities(ws: Workspace) -> list[int]:
    """Delete machine entities nothing refers to any more; returns their ids."""
    ids = [
        row[0]
        for row in ws.db.execute(
            """
        SELECT id FROM entities WHERE origin = 'analysis' AND edited = 0
        AND NOT EXISTS (SELECT 1 FROM mentions m WHERE m.entity_id = entities.id)
        AND NOT EXISTS (SELECT 1 FROM quotes q WHERE q.speaker_id = entities.id)
        AND NOT EXISTS (SELECT 1 FROM briefing_items b WHERE b.kind = 'entity' AND b.ref_id = entities.id)
        """
        )
    ]
    ws.db.conn.executemany("DELETE FROM entities WHERE id = ?", [(i,) for i in ids])
    return ids


def _links(ws: Workspace, source_id: int) -> list[tuple[int, str]]:
    """(entity id, words) of the source's mentions."""
    sql = "SELECT entity_id, text FROM mentions WHERE source_id = ?"
    return [(row[0], row[1]) for row in ws.db.execute(sql, [source_id])]


def _kept(ws: Workspace, table: str, source_id: int) -> list[tuple[int, int, str]]:
    sql = f'SELECT start, "end", text FROM {table} WHERE source_id = ?'
    return [(row[0], row[1], row[2]) for row in ws.db.execute(sql, [source_id])]


def _insert_mentions(
    ws: Workspace,
    source_id: int,
    text: str,
    entities: Iterable[FoundEntity],
    ids: dict[int, int | None],
    unlinked: set[str],
) -> None:
    """``unlinked``: "<entity id>:<words>" the analyst took off an entity in this source."""
    # A range the analyst decided (kept analyst mention) is theirs, whichever entity it names.
    taken = {(start, end) for start, end, _ in _kept(ws, "mentions", source_id)}
    rows = []
    for found in entities:
        for start, end in found.mentions:
            check_range(text, start, end, source_id)
            if ids[found.key] is None or (start, end) in taken:
                continue
            if unlinked and f"{ids[found.key]}:{normalise_name(text[start:end])}" in unlinked:
                continue
            taken.add((start, end))
            rows.append((ids[found.key], source_id, start, end, text[start:end], found.type))
    ws.db.conn.executemany(
        'INSERT INTO mentions (entity_id, source_id, start, "end", text, origin, found_type) '
        "VALUES (?, ?, ?, ?, ?, 'analysis', ?)",
        rows,
    )


def _insert_quotes(
    ws: Workspace,
    source_id: int,
    text: str,
    quotes: Iterable[FoundQuote],
    ids: dict[int, int | None],
    unlinked: set[str],
) -> None:
    kept = [(start, end) for start, end, _ in _kept(ws, "quotes", source_id)]
    rejected = rejected_keys(ws, "quote", source_id)
    if unlinked:  # of the words taken off an entity here, those no mention of it here reads now
        unlinked = unlinked - {f"{entity_id}:{normalise_name(words)}" for entity_id, words in _links(ws, source_id)}
    for quote in quotes:
        start, end = check_range(text, quote.start, quote.end, source_id)
        # Quotes never overlap, so an overlapping kept quote is the analyst's version of this one.
        if text[start:end] in rejected or any(start < k_end and k_start < end for k_start, k_end in kept):
            continue
        kept.append((start, end))
        speaker_id = None if quote.speaker is None else ids.get(quote.speaker)
        if speaker_id is not None and f"{speaker_id}:{normalise_name(quote.speaker_text or '')}" in unlinked:
            speaker_id = None  # named by words the analyst took off that entity here
        ws.db.execute(
            'INSERT INTO quotes (source_id, text, start, "end", speaker_id, speaker_text, cue, origin) '
            "VALUES (?, ?, ?, ?, ?, ?, ?, 'analysis')",
            [source_id, text[start:end], start, end, speaker_id, quote.speaker_text, quote.cue],
        )


def _insert_claims(
    ws: Workspace,
    source_id: int,
    text: str,
    claims: Iterable[FoundClaim],
    earlier: dict[tuple[str, int, int, str], int] | None = None,
) -> None:
    """Machine claims, except where a kept claim (the analyst's, or one they looked at or
    dismissed) already stands on the same words; a headline claim counts in the title. A claim
    found again on the same words takes the id it had (``earlier``)."""
    earlier = earlier or {}
    kept = ws.db.execute('SELECT part, start, "end", text FROM claims WHERE source_id = ?', [source_id]).fetchall()
    ranges = {(part, start, end) for part, start, end, _ in kept}
    skipped_texts = {claim_text for *_, claim_text in kept} | rejected_keys(ws, "claim", source_id)
    title = None
    for claim in claims:
        if claim.part == "title":
            title = title if title is not None else _title(ws, source_id)
            start, end = check_range(title, claim.start, claim.end, source_id)
            words = title[start:end]
        else:
            start, end = check_range(text, claim.start, claim.end, source_id)
            words = text[start:end]
        if (claim.part, start, end) in ranges or words in skipped_texts:
            continue
        ranges.add((claim.part, start, end))
        values = [source_id, words, start, end, claim.kind, round(claim.score, 4), claim.part]
        same = earlier.get((claim.part, start, end, words))
        columns, marks = ("id, ", "?, ") if same is not None else ("", "")
        ws.db.execute(
            f'INSERT INTO claims ({columns}source_id, text, start, "end", status, origin, kind, score, part) '
            f"VALUES ({marks}?, ?, ?, ?, 'unreviewed', 'analysis', ?, ?, ?)",
            [same, *values] if same is not None else values,
        )


def _title(ws: Workspace, source_id: int) -> str:
    return ws.db.execute("SELECT coalesce(title, '') FROM sources WHERE id = ?", [source_id]).fetchone()[0]
