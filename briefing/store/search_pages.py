"""What both search indexes share: the filters' SQL over ``search_docs`` (the same facts on
SQLite and PostgreSQL), a page of hits with their details, facets, and the newest items of a
query without words. ``search_queries`` (SQLite's FTS5) and ``pg_search_queries`` (PostgreSQL's
full-text search) match and rank; this module turns their rows into a ``SearchPage``.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Any

from briefing.domain import BriefingError, SearchFilters, SearchHit, SearchPage
from briefing.store.sources import shown_title_sql
from briefing.store.workspace import Workspace

OPEN, CLOSE = "\ue000", "\ue001"  # a snippet's match marks
# a speaker known only by a description ("a police spokesperson") is shown in its words
_SPEAKER = "coalesce(e.name, (SELECT qs.speaker_text FROM quotes qs WHERE d.kind = 'quote' AND qs.id = d.ref_id))"
COLUMNS = f"""d.kind, d.ref_id, d.source_id, {shown_title_sql()}, s.outlet, s.published, {_SPEAKER}, d.status"""
JOINS = """JOIN sources s ON s.id = d.source_id LEFT JOIN entities e ON e.id = d.speaker_id"""
_ENTITY_SOURCES = """d.source_id IN (
    SELECT m.source_id FROM mentions m JOIN entities e ON e.id = m.entity_id
    WHERE e.name LIKE ? OR e.id IN (SELECT entity_id FROM entity_aliases WHERE alias LIKE ?))"""
_TAGGED = """d.kind = 'note' AND d.ref_id IN (
    SELECT at.annotation_id FROM annotation_tags at JOIN tags t ON t.id = at.tag_id WHERE t.name = ?)"""


class QueryError(BriefingError):
    """The index refused the expression; the caller retries it as a literal search."""


def filter_conditions(filters: SearchFilters, titled: str, title_match) -> tuple[list[str], list[Any]]:
    """SQL conditions on ``search_docs d`` and their parameters; ``titled``, the condition of a
    ``source:`` filter, given ``title_match(title)``."""
    where: list[str] = []
    params: list[Any] = []
    for column, values in (("d.kind", filters.type), ("d.status", filters.status), ("d.grade", filters.grade)):
        if values:
            where.append(f"{column} IN ({', '.join('?' * len(values))})")
            params.extend(values)
    if filters.date_from:
        where.append("d.published >= ?")
        params.append(filters.date_from)
    if filters.date_to:
        where.append("d.published <= ?")
        params.append(filters.date_to)
    if filters.outlet:  # any of them, as for a source: or speaker: given twice
        outlets = [_outlet_condition(outlet) for outlet in filters.outlet]
        where.append(_either([condition for condition, _ in outlets]))
        params.extend(value for _, values in outlets for value in values)
    if filters.source:
        where.append(_either([titled] * len(filters.source)))
        params.extend(title_match(title) for title in filters.source)
    for entity in filters.entity:
        where.append(_ENTITY_SOURCES)
        params.extend([f"%{entity}%", f"%{entity}%"])
    for tag in filters.tag:
        where.append(_TAGGED)
        params.append(tag)
    return where, params


def _outlet_condition(outlet: str) -> tuple[str, list[str]]:
    """An outlet holding each word of ``outlet`` as a whole word, or as the start of one for a
    word of ``WORD_START`` letters or more: "outlet:ap" finds "AP" and "AP News", not "Apple
    Daily"; "outlet:reut", "Reuters"; "outlet:courier", "Halden Courier". Words are split at
    spaces and the punctuation of names such as "nytimes.com" or "Al-Jazeera"; no word: as written."""
    words = _WORD.findall(outlet)
    if not words:
        return "d.outlet LIKE ?", [f"%{outlet}%"]
    patterns = [f"% {word}%" if len(word) >= WORD_START else f"% {word} %" for word in words]
    return " AND ".join([f"{_OUTLET_WORDS} LIKE ?"] * len(words)), patterns


WORD_START = 4  # letters from which an outlet: word finds the outlets with a word starting with it


_WORD = re.compile(r"[^\W_]+")
_OUTLET_WORDS = "' ' || {} || ' '".format(
    functools.reduce(lambda sql, mark: f"replace({sql}, '{mark}', ' ')", [*".-/(),:’&_", "''"], "d.outlet")
)


def _either(conditions: list[str]) -> str:
    return conditions[0] if len(conditions) == 1 else "(" + " OR ".join(conditions) + ")"


def with_details(ws: Workspace, ranked_rows: list[tuple]) -> list[tuple]:
    """(id, snippet, score) rows with what a hit shows, in their order."""
    if not ranked_rows:
        return []
    ids = [row[0] for row in ranked_rows]
    details = {
        row[0]: row[1:]
        for row in ws.db.execute(
            f"SELECT d.id, {COLUMNS} FROM search_docs d {JOINS} WHERE d.id IN ({', '.join('?' * len(ids))})", ids
        )
    }
    return [(*details[rowid], snippet, rowid, score) for rowid, snippet, score in ranked_rows if rowid in details]


def recent(ws: Workspace, where: list[str], params: list[Any], limit: int, cursor, facet_limit: int) -> SearchPage:
    """No words: the newest items first (by publication date, then the order of import)."""
    conditions = list(where)
    values = list(params)
    if cursor is not None:
        conditions.append("(coalesce(d.published, '') < ? OR (coalesce(d.published, '') = ? AND d.id < ?))")
        values.extend([cursor[0], cursor[0], cursor[1]])
    clause = f"WHERE {' AND '.join(conditions)}" if conditions else ""
    sql = (
        f"SELECT {COLUMNS}, substr(CASE d.kind WHEN 'source' THEN s.text WHEN 'quote' THEN q.text "
        f"WHEN 'claim' THEN c.text ELSE a.note END, 1, 200), d.id, coalesce(d.published, '') "
        f"FROM search_docs d {JOINS} LEFT JOIN quotes q ON d.kind = 'quote' AND q.id = d.ref_id "
        f"LEFT JOIN claims c ON d.kind = 'claim' AND c.id = d.ref_id "
        f"LEFT JOIN annotations a ON d.kind = 'note' AND a.id = d.ref_id "
        f"{clause} ORDER BY coalesce(d.published, '') DESC, d.id DESC LIMIT ?"
    )
    rows = ws.db.execute(sql, [*values, limit + 1]).fetchall()
    total_clause = f"WHERE {' AND '.join(where)}" if where else ""
    total = ws.db.execute(f"SELECT count(*) FROM search_docs d {total_clause}", params).fetchone()[0]
    facets, partial = _recent_facets(ws, where, params, total, facet_limit)
    return page_of(rows, limit, total, False, facets, partial)


def page_of(rows, limit, total, ranked, facets, partial) -> SearchPage:
    more = len(rows) > limit
    rows = rows[:limit]
    hits = [_hit(row) for row in rows]
    cursor = (rows[-1][-1], rows[-1][-2]) if more and rows else None
    return SearchPage(hits, total, ranked, facets, partial, cursor)


def _hit(row: tuple) -> SearchHit:
    kind, ref_id, source_id, title, outlet, published, speaker, status, snippet, position, _ = row
    return SearchHit(kind, ref_id, source_id, title, outlet, published, speaker, status, snippet or "", position)


def facets_from(ws: Workspace, sample: list[tuple]) -> dict[str, list[tuple[str, int]]]:
    kinds = Counter(row[0] for row in sample)
    statuses = Counter(row[1] for row in sample if row[1] is not None)
    sources = Counter(row[2] for row in sample).most_common(10)
    speakers = Counter(row[3] for row in sample if row[3] is not None).most_common(10)
    return {
        "type": kinds.most_common(),
        "status": statuses.most_common(),
        "source": named(ws, "SELECT id, coalesce(title, '(untitled)') FROM sources", sources),
        "speaker": named(ws, "SELECT id, name FROM entities", speakers),
    }


def named(ws: Workspace, sql: str, counted: list[tuple[int, int]]) -> list[tuple[str, int]]:
    if not counted:
        return []
    ids = [key for key, _ in counted]
    names = dict(ws.db.execute(f"{sql} WHERE id IN ({', '.join('?' * len(ids))})", ids).fetchall())
    return [(names.get(key, "?"), count) for key, count in counted]


def _recent_facets(ws, where, params, total, facet_limit) -> tuple[dict[str, list[tuple[str, int]]], bool]:
    clause = f"WHERE {' AND '.join(where)}" if where else ""
    inner = (
        f"SELECT d.kind, d.status, d.source_id, d.speaker_id FROM search_docs d {clause} "
        f"ORDER BY d.id DESC LIMIT {facet_limit}"
    )
    return _facet_counts(ws, inner, list(params)), total > facet_limit


def _facet_counts(ws: Workspace, inner: str, params: list[Any]) -> dict[str, list[tuple[str, int]]]:
    queries = {
        "type": f"SELECT kind, count(*) FROM ({inner}) x GROUP BY kind ORDER BY count(*) DESC",
        "status": f"SELECT status, count(*) FROM ({inner}) x WHERE status IS NOT NULL GROUP BY status "
        f"ORDER BY count(*) DESC",
        "source": f"SELECT coalesce(s.title, '(untitled)'), count(*) FROM ({inner}) x JOIN sources s "
        f"ON s.id = x.source_id GROUP BY s.id ORDER BY count(*) DESC LIMIT 10",
        "speaker": f"SELECT e.name, count(*) FROM ({inner}) x JOIN entities e ON e.id = x.speaker_id "
        f"GROUP BY e.id ORDER BY count(*) DESC LIMIT 10",
    }
    return {name: [(str(r[0]), r[1]) for r in ws.db.execute(sql, params).fetchall()] for name, sql in queries.items()}
