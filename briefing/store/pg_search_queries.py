"""Running a parsed query against a team workspace's search index (PostgreSQL full-text search):
what ``search_queries`` does with FTS5, with the same pages, cursors and facets.

The expression becomes a tsquery (``pg_tsquery``); the filters are the shared SQL over
``search_docs`` (``search_pages``). A query's matches are counted first, up to ``rank_limit`` + 1
(the GIN index gives the rows, nothing is ranked). At most ``rank_limit`` matches are ranked in
one statement that reads them once into a temporary table, from which the server takes the count,
the page and the facets of every match: ``ts_rank`` with the index's weights (a speaker's words
4x, a title's 0.5x, as SQLite's bm25 weights), normalised by the length of the item, its negation
the score (lower first, as bm25), and exact-phrase matches of plain words first. More matches are
listed newest first with their count, and facets of the first ``facet_limit``. Snippets are
``ts_headline``'s for the page's rows only, with the same marks as SQLite's.

The vocabulary for misspelt words: ``search_terms`` holds every term written, read in prefix
ranges; the rows holding a term are counted only for the few close to the typed word.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from briefing.cjk import has_cjk, unspace
from briefing.domain import SearchFilters, SearchPage
from briefing.store.pg_search import CONFIG, joined
from briefing.store.pg_tsquery import ExpressionError, phrase_text, phrases, tsquery_text
from briefing.store.search_index import phrase
from briefing.store.search_pages import (
    CLOSE,
    COLUMNS,
    JOINS,
    OPEN,
    QueryError,
    facets_from,
    filter_conditions,
    page_of,
    recent,
)
from briefing.store.workspace import Workspace

EXACT_FIRST = 1e6  # taken off an exact-phrase match's score: it sorts first
WEIGHTS = "'{0.25, 0.1, 0.125, 1.0}'"  # D (body), C (unused), B (title), A (speaker)
TSQUERY = f"to_tsquery('{CONFIG}', ?)"
SCORE = f"-ts_rank({WEIGHTS}, d.doc, {TSQUERY}, 1)::float8"
HEADLINE = f"StartSel={OPEN}, StopSel={CLOSE}, MaxWords=16, MinWords=8, ShortWord=0, MaxFragments=1"
COUNT_CAP = 1_000  # rows counted for a candidate correction (enough to rank the few close ones)
_TITLED = f"d.source_id IN (SELECT t.source_id FROM search_docs t WHERE t.kind = 'source' AND t.doc @@ {TSQUERY})"
_WORD_MARKS = ("\ue002", "\ue003")
_FORM = re.compile(f"{_WORD_MARKS[0]}([^{_WORD_MARKS[1]}]*){_WORD_MARKS[1]}")


def search_index(
    ws: Workspace,
    match: str | None,
    filters: SearchFilters,
    limit: int,
    cursor: tuple | None,
    exact: str | None,
    rank_limit: int,
    facet_limit: int,
) -> SearchPage:
    """One page of matches of the FTS5 expression ``match`` (None: the newest items)."""
    try:
        where, params = filter_conditions(filters, _TITLED, lambda title: tsquery_text(f"title : {phrase(title)}"))
        if match is None:
            return recent(ws, where, params, limit, cursor, facet_limit)
        query = tsquery_text(match)
        cjk_words = [unspace(p) for p in phrases(match) if has_cjk(p)]
        where, params = [f"d.doc @@ {TSQUERY}", *where], [query, *params]
        page = None
        if _estimate(ws, where, params) <= rank_limit or _count(ws, where, params, rank_limit + 1) <= rank_limit:
            exact_query = exact and tsquery_text(exact)
            page = _ranked(ws, query, cjk_words, exact_query, where, params, limit, cursor, rank_limit)
        return page or _newest(ws, query, cjk_words, where, params, limit, cursor, facet_limit)
    except ExpressionError as exc:
        raise QueryError(f"the search index cannot read this query ({exc})") from None
    except Exception as exc:
        if not type(exc).__module__.startswith("psycopg"):
            raise
        raise QueryError(f"the search index cannot read this query ({str(exc).strip().splitlines()[0]})") from None


def _count(ws: Workspace, where: list[str], params: list[Any], up_to: int | None = None) -> int:
    inner = f"SELECT 1 FROM search_docs d WHERE {' AND '.join(where)}"
    if up_to is None:
        return ws.db.execute(f"SELECT count(*) FROM ({inner}) x", params).fetchone()[0]
    return _through_index(ws, f"SELECT count(*) FROM ({inner} LIMIT {int(up_to)}) x", params)[0][0]


def _through_index(ws: Workspace, sql: str, params: list[Any]) -> list[tuple]:
    """The rows of ``sql``, its matches found through the GIN index: with a LIMIT, the planner
    may read the whole table in order instead, hoping to meet enough matches early (seconds for
    a word that none or few rows hold)."""
    with ws.db.atomic():  # a PgDatabase
        ws.db.execute("SET LOCAL enable_seqscan = off")
        return ws.db.execute(sql, params).fetchall()


def _estimate(ws: Workspace, where: list[str], params: list[Any]) -> float:
    """The planner's guess of the matches (from the index's statistics; no row is read)."""
    plan = ws.db.execute(f"EXPLAIN (FORMAT JSON) SELECT 1 FROM search_docs d WHERE {' AND '.join(where)}", params)
    return float(plan.fetchone()[0][0]["Plan"]["Plan Rows"])


def _ranked(ws, query, cjk_words, exact, where, params, limit, cursor, rank_limit) -> SearchPage | None:
    """Count, page and facets of every match, from one statement that ranks them once (None when
    there are more than ``rank_limit``)."""
    score, values = SCORE, [query]
    if exact:
        score += f" - CASE WHEN d.doc @@ {TSQUERY} THEN {EXACT_FIRST} ELSE 0 END"
        values.append(exact)
    values += params
    after = ""
    if cursor is not None:
        after = "WHERE score > ? OR (score = ? AND id > ?)"
        values += [cursor[0], cursor[0], cursor[1]]
    values.append(limit + 1)
    sql = _RANKED.format(score=score, where=" AND ".join(where), after=after, most=int(rank_limit) + 1)
    total, page, kinds, statuses, sources, speakers = _through_index(ws, sql, values)[0]
    if total > rank_limit:
        return None
    rows = _hit_rows(ws, query, cjk_words, [(rowid, score) for rowid, score in page])
    facets = {
        name: [(key, count) for key, count in pairs]
        for name, pairs in (("type", kinds), ("status", statuses), ("source", sources), ("speaker", speakers))
    }
    return page_of(rows, limit, total, True, facets, False)


def _pairs(select: str) -> str:
    return f"(SELECT coalesce(json_agg(json_build_array(k, n)), '[]') FROM ({select}) x)"


_RANKED = """WITH m AS MATERIALIZED (
    SELECT d.id, {score} AS score, d.kind, d.status, d.source_id, d.speaker_id FROM search_docs d WHERE {where}
    LIMIT {most})
SELECT (SELECT count(*) FROM m), """ + ", ".join(
    (
        _pairs("SELECT id AS k, score AS n FROM m {after} ORDER BY score, id LIMIT ?"),
        _pairs("SELECT kind AS k, count(*) AS n FROM m GROUP BY kind ORDER BY 2 DESC, 1"),
        _pairs("SELECT status AS k, count(*) AS n FROM m WHERE status IS NOT NULL GROUP BY status ORDER BY 2 DESC, 1"),
        _pairs(
            "SELECT coalesce(s.title, '(untitled)') AS k, count(*) AS n FROM m JOIN sources s ON s.id = m.source_id "
            "GROUP BY s.id ORDER BY 2 DESC, s.id LIMIT 10"
        ),
        _pairs(
            "SELECT e.name AS k, count(*) AS n FROM m JOIN entities e ON e.id = m.speaker_id "
            "GROUP BY e.id ORDER BY 2 DESC, e.id LIMIT 10"
        ),
    )
)


def _newest(ws, query, cjk_words, where, params, limit, cursor, facet_limit) -> SearchPage:
    """A very common query: every match counted, the newest listed (by order of import), no ranking."""
    total = _count(ws, where, params)
    conditions, values = list(where), list(params)
    if cursor is not None:
        conditions.append("d.id < ?")
        values.append(cursor[1])
    ids = ws.db.execute(
        f"SELECT d.id FROM search_docs d WHERE {' AND '.join(conditions)} ORDER BY d.id DESC LIMIT ?",
        [*values, limit + 1],
    ).fetchall()
    rows = _hit_rows(ws, query, cjk_words, [(r[0], 0) for r in ids])
    sample = ws.db.execute(
        f"SELECT d.kind, d.status, d.source_id, d.speaker_id FROM search_docs d WHERE {' AND '.join(where)} "
        f"LIMIT {int(facet_limit)}",
        params,
    ).fetchall()
    return page_of(rows, limit, total, False, facets_from(ws, sample), total > facet_limit)


def _hit_rows(ws: Workspace, query: str, cjk_words: list[str], ranked: list[tuple[int, float]]) -> list[tuple]:
    """The page's (id, score) rows with what a hit shows and the headline of each row's text: its
    best passage of at most 16 words, '…' where it is cut (one statement for the page)."""
    if not ranked:
        return []
    found = {
        row[0]: row[1:]
        for row in ws.db.execute(
            f"SELECT d.id, {COLUMNS}, d.body, ts_headline('{CONFIG}', d.body, {TSQUERY}, ?) "
            f"FROM search_docs d {JOINS} WHERE d.id = ANY(?)",
            [query, HEADLINE, [rowid for rowid, _ in ranked]],
        )
    }
    return [
        (*found[rowid][:-2], _shown(joined(found[rowid][-2]), joined(found[rowid][-1]), cjk_words), rowid, score)
        for rowid, score in ranked
        if rowid in found
    ]


def _shown(text: str, headline: str, cjk_words: list[str]) -> str:
    """The passage with the punctuation around it up to the next word, '…' where words are left
    out; words side by side marked as one (a phrase, as SQLite marks it), and a CJK character
    marked only inside a searched CJK word (ts_headline marks every character of the query)."""
    passage = headline.strip().replace(f"{CLOSE} {OPEN}", " ").replace(CLOSE + OPEN, "")
    passage = _MARKED.sub(lambda m: _cjk_mark(m, cjk_words), passage)
    plain = passage.replace(OPEN, "").replace(CLOSE, "")
    at = text.find(plain)
    if at < 0:
        return passage
    before, after = text[:at], text[at + len(plain) :]
    head = "…" if _WORD.search(before) else before.lstrip()
    tail = "…" if _WORD.search(after) else after.rstrip()
    return head + passage + tail


_MARKED = re.compile(f"{OPEN}([^{CLOSE}]*){CLOSE}")
_WORD = re.compile(r"[^\W_]")


def _cjk_mark(match: re.Match, cjk_words: list[str]) -> str:
    marked = match.group(1)
    if not has_cjk(marked) or any(word in marked for word in cjk_words):
        return match.group(0)
    return marked


# --- the vocabulary, for misspelt words -----------------------------------------------------


def count_matches(ws: Workspace, word: str, up_to: int) -> int:
    """Index rows holding ``word``, counted up to ``up_to``."""
    return _count(ws, [f"d.doc @@ {TSQUERY}"], [phrase_text(word)], up_to)


def list_terms(ws: Workspace, ranges: list[tuple[str, str]], keep) -> dict[str, int]:
    """term -> index rows holding it (up to COUNT_CAP), for the terms ``keep`` keeps after
    ``low`` and before ``high`` of each range."""
    terms: dict[str, int] = {}
    for low, high in ranges:
        for (term,) in ws.db.execute("SELECT term FROM search_terms WHERE term > ? AND term < ?", [low, high]):
            if keep(term) and term not in terms:
                terms[term] = _count(ws, ["d.doc @@ ?::tsquery"], [phrase_text(term)], COUNT_CAP)
    return {term: rows for term, rows in terms.items() if rows}


def list_word_forms(ws: Workspace, term: str, sample: int = 20) -> Counter[str]:
    """The words the index keeps as ``term``, as written in the first ``sample`` rows holding it."""
    options = f"StartSel={_WORD_MARKS[0]}, StopSel={_WORD_MARKS[1]}, MaxFragments=3, MaxWords=6, MinWords=1"
    sql = (
        f"SELECT ts_headline('{CONFIG}', d.body || ' ' || d.speaker || ' ' || d.title, ?::tsquery, ?) "
        f"FROM search_docs d WHERE d.doc @@ ?::tsquery LIMIT ?"
    )
    lexeme = phrase_text(term)
    forms: Counter[str] = Counter()
    for (headline,) in _through_index(ws, sql, [lexeme, options, lexeme, sample]):
        forms.update(_FORM.findall(headline))
    return forms
