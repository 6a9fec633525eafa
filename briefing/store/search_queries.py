"""Running a parsed query against the search index: filters, ranking, snippets,
facets and keyset paging (the next page starts after the last row seen, so
paging never rescans with a growing OFFSET).

A query with at most ``RANK_LIMIT`` matches is answered by one statement that
reads the index once: every match with its score (``BM25``) goes into a temporary table,
from which SQLite takes the count, the page and the facets (of every match for
a filtered query, which joins them all anyway; of the first ``FACET_LIMIT``
otherwise). Exact-phrase matches of plain words come before every other match.
Snippets are made for the page's rows only, in a small in-memory index with the
same tokenizer (asking the workspace's index for a snippet by rowid costs a
seek per row and term).

A very common query (more matches than ``RANK_LIMIT``) is not ranked at all:
its rows are listed newest first, its count is shown and its facets count the
first ``FACET_LIMIT`` matches, which keeps the first page fast whatever the
word. A single word or prefix is counted first (rowids only, which costs
little); a longer expression finds out when the statement has scored
``RANK_LIMIT`` + 1 matches, which costs less than ranking them all would.
"""

from __future__ import annotations

import sqlite3
import weakref
from typing import Any

from briefing.cjk import unspace
from briefing.domain import SearchFilters, SearchPage
from briefing.store import pg_search_queries
from briefing.store.migrations import FTS_TOKENIZER
from briefing.store.search_index import phrase
from briefing.store.search_pages import (
    CLOSE,
    OPEN,
    QueryError,
    facets_from,
    filter_conditions,
    named,
    page_of,
    recent,
    with_details,
)
from briefing.store.workspace import Workspace

__all__ = ["CLOSE", "FACET_LIMIT", "OPEN", "RANK_LIMIT", "QueryError", "search_index"]

RANK_LIMIT = 20_000  # a query with more matches is listed newest first, not ranked
FACET_LIMIT = 1_000  # facets of an unfiltered query count its first this-many matches (the page says so)
EXACT_FIRST = 1e6  # taken off an exact-phrase match's score (bm25 scores are far smaller): it sorts first
SNIPPET_TOKENS = 16
# The score: bm25 of the words and titles (a title's words count half), with the speaker column
# weighted so far up that bm25 saturates on it: a quote found by its speaker's name scores the
# same whatever its length (with bm25's length normalisation, "Yes." came before every
# substantive quote of that speaker), ahead of a mention of the name. Less a length prior for
# those quotes: bm25 of the speaker column alone, which is the larger the shorter the row, a
# tenth of it (too little to put a speaker's quote after a mention of the name elsewhere), so a
# speaker's longer quotes come first. Rows found by their words alone score as plain bm25.
# A quote whose speaker column holds an attribution no entity speaks ("a longtime adviser to
# Trump") is not that person's: found by those words, it scores as a mention of them (the
# speaker column weighted as the body), after the quotes of a speaker who is the named person;
# only the rows whose speaker column matched look up whether an entity speaks them. So does a
# quote whose speaker is not a person (an organisation, a place or a group: "Trump Restaurants
# LLC"): only a person is the one the name names.
SPEAKER_WEIGHT = 1000.0
SHORT_QUOTE = 0.1
_SPEAKER_MATCHED = "bm25(search_fts, 0.0, 1.0, 0.0) < 0"
_DESCRIBED = (
    "(SELECT e.type IS NOT 'person' FROM search_docs s LEFT JOIN entities e ON e.id = s.speaker_id "
    "WHERE s.id = search_fts.rowid)"
)
BM25 = (
    f"(CASE WHEN {_SPEAKER_MATCHED} AND {_DESCRIBED} THEN bm25(search_fts, 1.0, 1.0, 0.5) "
    f"ELSE bm25(search_fts, 1.0, {SPEAKER_WEIGHT}, 0.5) - {SHORT_QUOTE} * bm25(search_fts, 0.0, 1.0, 0.0) END)"
)
SNIPPET = f"snippet({{table}}, 0, '{OPEN}', '{CLOSE}', '…', {SNIPPET_TOKENS})"


def search_index(
    ws: Workspace,
    match: str | None,
    filters: SearchFilters,
    limit: int = 20,
    cursor: tuple | None = None,
    exact: str | None = None,
) -> SearchPage:
    """One page of matches of the FTS5 expression ``match`` (None: the newest items);
    ``exact``, an expression whose matches rank before the others."""
    if ws.backend == "postgresql":
        return pg_search_queries.search_index(ws, match, filters, limit, cursor, exact, RANK_LIMIT, FACET_LIMIT)
    where, params = filter_conditions(filters, _TITLED, lambda title: f"title : {phrase(title)}")
    for words in filters.without:
        where.append("d.id NOT IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?)")
        params.append(words)
    try:
        if match is None:
            return recent(ws, where, params, limit, cursor, FACET_LIMIT)
        if where or match.count('"') > 2:
            page = _ranked(ws, match, exact, where, params, limit, cursor)
            if page is not None:
                return page
            ranked = False
        else:
            # one word or prefix: counting its rowids costs little, ranking them more
            total = _count(ws, match, [], [], RANK_LIMIT + 1)
            ranked = total <= RANK_LIMIT
        sample = _first_matches(ws, match, where, params)
        if ranked:
            rows = _best(ws, match, limit + 1, cursor)
        else:
            total = _count(ws, match, where, params)
            rows = _newest(ws, match, where, params, limit + 1, cursor)
        facets = facets_from(ws, sample)
    except sqlite3.OperationalError as exc:
        raise QueryError(f"the search index cannot read this query ({exc})") from None
    return page_of(rows, limit, total, ranked, facets, total > FACET_LIMIT)


_TITLED = """d.source_id IN (
    SELECT t.source_id FROM search_fts JOIN search_docs t ON t.id = search_fts.rowid WHERE search_fts MATCH ?)"""

# CROSS JOIN keeps SQLite from driving a filtered query from search_docs' indexes and
# running the FTS match once per row (measured: a type: filter took 15 s on 1M rows).
_FTS_DOCS = "search_fts CROSS JOIN search_docs d ON d.id = search_fts.rowid"


def _score(exact: str | None) -> tuple[str, list[Any]]:
    """bm25, less EXACT_FIRST for a match of ``exact``; and the expression's parameter."""
    if not exact:
        return BM25, []
    return (
        f"{BM25} - CASE WHEN search_fts.rowid IN (SELECT rowid FROM search_fts WHERE search_fts MATCH ?) "
        f"THEN {EXACT_FIRST} ELSE 0 END"
    ), [exact]


def _best(ws, match, limit, cursor) -> list[tuple]:
    """The best ``limit`` matches of one word or prefix after ``cursor``, ranked in the index
    (nothing joined before the LIMIT); snippets for those only."""
    values: list[Any] = [match]
    after = ""
    if cursor is not None:
        after = f"AND ({BM25} > ? OR ({BM25} = ? AND rowid > ?))"
        values += [cursor[0], cursor[0], cursor[1]]
    best = ws.db.execute(
        f"SELECT rowid, {BM25} FROM search_fts WHERE search_fts MATCH ? {after} ORDER BY {BM25}, rowid LIMIT ?",
        [*values, limit],
    ).fetchall()
    snippets = _snippets(ws, match, [rowid for rowid, _ in best])
    return with_details(ws, [(rowid, snippets.get(rowid, ""), score) for rowid, score in best])


def _ranked(ws, match, exact, where, params, limit, cursor) -> SearchPage | None:
    """The page, count and facets of a query with at most RANK_LIMIT matches, from one
    statement that reads the index once (None when there are more)."""
    score, values = _score(exact)
    values += [match, *params, RANK_LIMIT + 1]
    if not where:
        values.append(FACET_LIMIT)
    after = ""
    if cursor is not None:
        after = "WHERE score > ? OR (score = ? AND id > ?)"
        values += [cursor[0], cursor[0], cursor[1]]
    values.append(limit + 1)
    template = _RANKED_FILTERED if where else _RANKED
    sql = template.format(score=score, where=" AND ".join(["search_fts MATCH ?", *where]), after=after)
    parts: dict[str, list[tuple]] = {}
    for part, key, value in ws.db.execute(sql, values):
        parts.setdefault(part, []).append((key, value))
    total = parts["total"][0][0]
    if total > RANK_LIMIT:
        return None
    best = parts.get("page", [])
    snippets = _snippets(ws, match, [rowid for rowid, _ in best])
    rows = with_details(ws, [(rowid, snippets.get(rowid, ""), rank) for rowid, rank in best])
    facets = {
        "type": parts.get("type", []),
        "status": parts.get("status", []),
        "source": named(ws, "SELECT id, coalesce(title, '(untitled)') FROM sources", parts.get("source", [])),
        "speaker": named(ws, "SELECT id, name FROM entities", parts.get("speaker", [])),
    }
    return page_of(rows, limit, total, True, facets, not where and total > FACET_LIMIT)


# The matches, scored, go into a temporary table m (MATERIALIZED) that the count, the page
# and the facets are read from; f holds the facts facets count: joined for the first
# FACET_LIMIT matches only (a join per match costs as much as scoring it), or for every match
# when a filter has joined them anyway. 'score', not 'rank': that names a column of FTS5 tables.
_PARTS = """
SELECT 'total', count(*), NULL FROM m
UNION ALL SELECT * FROM (SELECT 'page', id, score FROM m {after} ORDER BY score, id LIMIT ?)
UNION ALL SELECT * FROM (SELECT 'type', kind, count(*) FROM f GROUP BY kind ORDER BY 3 DESC, 2)
UNION ALL SELECT * FROM (SELECT 'status', status, count(*) FROM f WHERE status IS NOT NULL
                         GROUP BY status ORDER BY 3 DESC, 2)
UNION ALL SELECT * FROM (SELECT 'source', source, count(*) FROM f GROUP BY source ORDER BY 3 DESC, 2 LIMIT 10)
UNION ALL SELECT * FROM (SELECT 'speaker', speaker, count(*) FROM f WHERE speaker IS NOT NULL
                         GROUP BY speaker ORDER BY 3 DESC, 2 LIMIT 10)"""
_RANKED = (
    """WITH m AS MATERIALIZED (
    SELECT search_fts.rowid AS id, {score} AS score FROM search_fts WHERE {where} LIMIT ?),
f AS MATERIALIZED (
    SELECT d.kind AS kind, d.status AS status, d.source_id AS source, d.speaker_id AS speaker
    FROM (SELECT id FROM m LIMIT ?) x JOIN search_docs d ON d.id = x.id)"""
    + _PARTS
)
_RANKED_FILTERED = (
    f"""WITH m AS MATERIALIZED (
    SELECT search_fts.rowid AS id, {{score}} AS score, d.kind AS kind, d.status AS status,
           d.source_id AS source, d.speaker_id AS speaker
    FROM {_FTS_DOCS} WHERE {{where}} LIMIT ?),
f AS (SELECT * FROM m)"""
    + _PARTS
)


def _count(ws: Workspace, match: str, where: list[str], params: list[Any], up_to: int = -1) -> int:
    """How many matches (at most ``up_to``, which costs less; -1: every one)."""
    inner = (
        f"SELECT 1 FROM {_FTS_DOCS} WHERE {' AND '.join(['search_fts MATCH ?', *where])}"
        if where
        else "SELECT 1 FROM search_fts WHERE search_fts MATCH ?"
    )
    return ws.db.execute(f"SELECT count(*) FROM ({inner} LIMIT ?)", [match, *params, up_to]).fetchone()[0]


def _newest(ws, match, where, params, limit, cursor) -> list[tuple]:
    """The newest matches (by order of import) after ``cursor``, with snippets: no ranking."""
    conditions = ["search_fts MATCH ?", *where]
    values: list[Any] = [match, *params]
    if cursor is not None:
        conditions.append("search_fts.rowid < ?")
        values.append(cursor[1])
    source = _FTS_DOCS if where else "search_fts"
    sql = (
        f"SELECT search_fts.rowid, {SNIPPET.format(table='search_fts')}, 0 FROM {source} "
        f"WHERE {' AND '.join(conditions)} ORDER BY search_fts.rowid DESC LIMIT ?"
    )
    rows = ws.db.execute(sql, [*values, limit]).fetchall()
    return with_details(ws, [(rowid, unspace(snippet), score) for rowid, snippet, score in rows])


def _first_matches(ws, match, where, params) -> list[tuple]:
    """(kind, status, source, speaker) of the first ``FACET_LIMIT`` matches, for facets."""
    sql = (
        f"SELECT d.kind, d.status, d.source_id, d.speaker_id FROM {_FTS_DOCS} "
        f"WHERE {' AND '.join(['search_fts MATCH ?', *where])} LIMIT {FACET_LIMIT}"
    )
    return ws.db.execute(sql, [match, *params]).fetchall()


class _SnippetIndex:
    """A small in-memory FTS5 table with the workspace index's columns and tokenizer: the
    page's rows are copied in and their snippets made there. Its text is kept in a table of
    its own, so that emptying the index does not tokenize it again. One per workspace
    connection, used by the thread that owns it."""

    def __init__(self) -> None:
        self.conn = sqlite3.connect(":memory:")
        self.conn.execute("CREATE TABLE page_text (id INTEGER PRIMARY KEY, body, speaker, title)")
        self.conn.execute(
            "CREATE VIRTUAL TABLE page USING fts5(body, speaker, title, content='page_text', "
            f"content_rowid='id', tokenize='{FTS_TOKENIZER}')"
        )

    def snippets(self, rows: list[tuple], match: str) -> dict[int, str]:
        with self.conn:
            self.conn.executemany("INSERT INTO page_text (id, body, speaker, title) VALUES (?, ?, ?, ?)", rows)
            self.conn.executemany("INSERT INTO page (rowid, body, speaker, title) VALUES (?, ?, ?, ?)", rows)
            try:
                return dict(
                    self.conn.execute(
                        f"SELECT rowid, {SNIPPET.format(table='page')} FROM page WHERE page MATCH ?", [match]
                    )
                )
            finally:
                self.conn.execute("INSERT INTO page (page) VALUES ('delete-all')")
                self.conn.execute("DELETE FROM page_text")


_snippet_indexes: weakref.WeakKeyDictionary[Workspace, _SnippetIndex] = weakref.WeakKeyDictionary()


def _snippets(ws: Workspace, match: str, ids: list[int]) -> dict[int, str]:
    if not ids:
        return {}
    rows = ws.db.execute(
        f"SELECT rowid, body, speaker, title FROM search_fts WHERE rowid IN ({', '.join('?' * len(ids))})", ids
    ).fetchall()
    index = _snippet_indexes.get(ws)
    if index is None:
        index = _snippet_indexes[ws] = _SnippetIndex()
    return {rowid: unspace(snippet) for rowid, snippet in index.snippets(rows, match).items()}
