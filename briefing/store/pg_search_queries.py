"""Running a parsed query against a team workspace's search index (PostgreSQL full-text search):
what ``search_queries`` does with FTS5, with the same pages, cursors and facets.

The expression becomes a tsquery (``pg_tsquery``); the filters are the shared SQL over
``search_docs`` (``search_pages``). A query the planner expects to have at most ``rank_limit``
matches is ranked in one statement that reads them once into a temporary table, from which the
server takes the count, the page with its details and headlines, and the facets of every match:
``ts_rank`` with the index's weights (a speaker's words 4x, a title's 0.5x, as SQLite's bm25
weights), normalised by the length of the item (but for a quote found by its speaker: ``SCORE``),
its negation the score (lower first, as bm25),
and exact-phrase matches of plain words first. A query expected to have more is counted first, by
the statement that lists it newest first when there are more than ``rank_limit`` (with its count,
and facets of the first ``facet_limit``), and ranked when there are not. Snippets are
``ts_headline``'s for the page's rows only, with the same marks as SQLite's; facet names are
joined to the ten sources and speakers counted, not to every match. Each search is two round
trips to the server: the planner's estimate, then the one statement (settings sent with it).

The vocabulary for misspelt words: ``search_terms`` holds every term written, read in prefix
ranges; the rows holding a term are counted only for the few close to the typed word, in one
statement, and the written forms of the closest read in one more.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

from briefing.cjk import has_cjk, unspace
from briefing.domain import SearchFilters, SearchPage
from briefing.store.pg_database import server_reading, translate
from briefing.store.pg_search import CONFIG, joined
from briefing.store.pg_tsquery import ExpressionError, in_speaker_text, phrase_text, phrases, tsquery_text
from briefing.store.search_index import phrase
from briefing.store.search_pages import (
    CLOSE,
    COLUMNS,
    JOINS,
    OPEN,
    QueryError,
    filter_conditions,
    page_of,
    recent,
)
from briefing.store.workspace import Workspace

EXACT_FIRST = 1e6  # taken off an exact-phrase match's score: it sorts first
WEIGHTS = "'{0.25, 0.1, 0.125, 1.0}'"  # D (body), C (unused), B (title), A (speaker)
TSQUERY = f"to_tsquery('{CONFIG}', ?)"
# A quote found by its speaker's name (a word of the query under weight A: the first tsquery,
# ``in_speaker_text``) is ranked without the length normalisation, which put "Yes." before every
# substantive quote of that speaker, and a little lower the fewer words it holds (SQLite's length
# prior, see search_queries.BM25); the rest as ts_rank normalised by length, a quote whose speaker
# is an attribution no entity speaks ("a longtime adviser to Trump") too: it is not that person's,
# nor is one whose speaker is not a person (an organisation, a place, a group: "Trump Restaurants LLC").
SHORT_QUOTE = 0.1
SCORE = (
    f"-(CASE WHEN d.speaker_id IS NOT NULL AND d.doc @@ {TSQUERY} "
    "AND (SELECT e.type FROM entities e WHERE e.id = d.speaker_id) = 'person' "
    f"THEN ts_rank({WEIGHTS}, d.doc, {TSQUERY}, 0) * (1 - {SHORT_QUOTE} / ln(length(d.doc) + 2.0)) "
    f"ELSE ts_rank({WEIGHTS}, d.doc, {TSQUERY}, 1) END)::float8"
)
HEADLINE = f"StartSel={OPEN}, StopSel={CLOSE}, MaxWords=16, MinWords=8, ShortWord=0, MaxFragments=1"
READ_AT_MOST = 4  # a query expected to have few matches is read up to this many times rank_limit once
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
        for words in filters.without:
            where.append(f"NOT (d.doc @@ {TSQUERY})")
            params.append(tsquery_text(words))
        if match is None:
            return recent(ws, where, params, limit, cursor, facet_limit)
        query = tsquery_text(match)
        cjk_words = [unspace(p) for p in phrases(match) if has_cjk(p)]
        where, params = [f"d.doc @@ {TSQUERY}", *where], [query, *params]
        exact_query = exact and tsquery_text(exact)
        ranked = (
            ws,
            query,
            in_speaker_text(match),
            cjk_words,
            exact_query,
            where,
            params,
            limit,
            cursor,
            rank_limit,
            facet_limit,
        )
        newest = (ws, query, cjk_words, where, params, limit, cursor, facet_limit)
        if _estimate(ws, where, params) > rank_limit:
            # counted first: the count of a very common query is the costly part of listing it
            return _newest(*newest, more_than=rank_limit) or _ranked(*ranked) or _newest(*newest)
        # ranked, or listed newest from the same rows when the planner misjudged a query that has
        # more; read once more when it has many more (all of them, once: the planner would read
        # them again for the page and for the sample, expecting few)
        return _ranked(*ranked) or _newest(*newest, read_once=True)
    except ExpressionError as exc:
        raise QueryError(f"the search index cannot read this query ({exc})") from None
    except Exception as exc:
        if not type(exc).__module__.startswith("psycopg"):
            raise
        raise QueryError(f"the search index cannot read this query ({str(exc).strip().splitlines()[0]})") from None


def _count(ws: Workspace, where: list[str], params: list[Any], up_to: int) -> int:
    inner = f"SELECT 1 FROM search_docs d WHERE {' AND '.join(where)} LIMIT {int(up_to)}"
    return _through_index(ws, f"SELECT count(*) FROM ({inner}) x", params)[0][0]


def _through_index(ws: Workspace, sql: str, params: list[Any]) -> list[tuple]:
    """The rows of ``sql``, its matches found through the GIN index, in one round trip.

    With a LIMIT, the planner may read the whole table in order instead, hoping to meet enough
    matches early (seconds for a word that none or few rows hold). The settings go with the
    statement in one simple query (client-side binding), whose statements run in one implicit
    transaction, so that SET LOCAL holds for this statement only: no sequential scan; no JIT
    (compiling took longer than it saved, 35-55 ms); memory enough for a very common word's
    bitmap of matching rows to stay exact (a lossy one makes the server recheck every row of
    a page)."""
    from psycopg import ClientCursor

    with server_reading(ws) as conn, ClientCursor(conn) as cursor:
        cursor.execute(_SETTINGS + translate(sql), params)
        for _ in range(_SETTINGS.count(";")):
            cursor.nextset()
        return cursor.fetchall()


_SETTINGS = "SET LOCAL enable_seqscan = off; SET LOCAL jit = off; SET LOCAL work_mem = '64MB'; "


def _estimate(ws: Workspace, where: list[str], params: list[Any]) -> float:
    """The planner's guess of the matches (from the index's statistics; no row is read)."""
    plan = ws.db.execute(f"EXPLAIN (FORMAT JSON) SELECT 1 FROM search_docs d WHERE {' AND '.join(where)}", params)
    return float(plan.fetchone()[0][0]["Plan"]["Plan Rows"])


def _ranked(
    ws, query, in_speaker, cjk_words, exact, where, params, limit, cursor, rank_limit, facet_limit
) -> SearchPage | None:
    """Count, page (with its details and headlines) and facets of every match, from one
    statement that ranks them once; or, with more than ``rank_limit`` matches but fewer than
    ``READ_AT_MOST`` times that, the newest listed from the same rows (None when there are more)."""
    score, values = SCORE, [in_speaker, query, query]
    if exact:
        score += f" - CASE WHEN d.doc @@ {TSQUERY} THEN {EXACT_FIRST} ELSE 0 END"
        values.append(exact)
    values += params
    after = before = ""
    if cursor is not None:
        after, before = "AND (score > ? OR (score = ? AND id > ?))", "AND id < ?"
        values += [cursor[0], cursor[0], cursor[1], limit + 1, cursor[1], limit + 1]
    else:
        values += [limit + 1, limit + 1]
    values += [query, HEADLINE]
    most = READ_AT_MOST * int(rank_limit) + 1
    sql = _RANKED.format(
        score=score,
        where=" AND ".join(where),
        after=after,
        before=before,
        most=most,
        rank_limit=int(rank_limit),
        sample=int(facet_limit),
    )
    total, page, kinds, statuses, sources, speakers = _through_index(ws, sql, values)[0]
    if total >= most:
        return None
    facets = {
        name: [(key, count) for key, count in pairs]
        for name, pairs in (("type", kinds), ("status", statuses), ("source", sources), ("speaker", speakers))
    }
    ranked = total <= rank_limit
    return page_of(_shown_rows(cjk_words, page), limit, total, ranked, facets, not ranked and total > facet_limit)


def _pairs(select: str) -> str:
    return f"(SELECT coalesce(json_agg(json_build_array(k, n)), '[]') FROM ({select}) x)"


# The page's rows as a hit shows them, with the headline of each row's text: its best passage of
# at most 16 words, '…' where it is cut (ts_headline is the costly part: for the page's rows only).
_PAGE_ROWS = f"""(SELECT coalesce(json_agg(json_build_array(p.id, p.score, {COLUMNS}, d.body,
        ts_headline('{CONFIG}', d.body, {TSQUERY}, ?)) ORDER BY p.n), '[]')
    FROM p JOIN search_docs d ON d.id = p.id {JOINS}{{only}})"""


def _facets(rows: str) -> str:
    """The facets of ``rows``: kinds and statuses, and the ten sources and speakers with most rows
    (counted by id before the names are joined: a join per row cost as much as ranking it)."""
    return ", ".join(
        (
            _pairs(f"SELECT kind AS k, count(*) AS n FROM {rows} GROUP BY kind ORDER BY 2 DESC, 1"),
            _pairs(
                f"SELECT status AS k, count(*) AS n FROM {rows} WHERE status IS NOT NULL GROUP BY status "
                "ORDER BY 2 DESC, 1"
            ),
            _pairs(
                f"SELECT coalesce(s.title, '(untitled)') AS k, x.n FROM (SELECT source_id, count(*) AS n FROM {rows} "
                "GROUP BY source_id ORDER BY 2 DESC, 1 LIMIT 10) x JOIN sources s ON s.id = x.source_id "
                "ORDER BY x.n DESC, x.source_id"
            ),
            _pairs(
                f"SELECT e.name AS k, x.n FROM (SELECT speaker_id, count(*) AS n FROM {rows} "
                "WHERE speaker_id IS NOT NULL GROUP BY speaker_id) x JOIN entities e ON e.id = x.speaker_id "
                "ORDER BY x.n DESC, e.id LIMIT 10"
            ),
        )
    )


# m: the matches, scored, up to READ_AT_MOST times rank_limit; with at most rank_limit of them,
# the page is the best (p1) and the facets count them all; with more, the page is the newest
# (p2) and the facets count the first sample of them (f).
_RANKED = (
    """WITH m AS MATERIALIZED (
    SELECT d.id, {score} AS score, d.kind, d.status, d.source_id, d.speaker_id FROM search_docs d WHERE {where}
    LIMIT {most}),
c AS MATERIALIZED (SELECT count(*) AS n FROM m),
p1 AS MATERIALIZED (
    SELECT id, score, row_number() OVER (ORDER BY score, id) AS n FROM m
    WHERE (SELECT n FROM c) <= {rank_limit} {after} ORDER BY score, id LIMIT ?),
p2 AS MATERIALIZED (
    SELECT id, 0.0::float8 AS score, row_number() OVER (ORDER BY id DESC) AS n FROM m
    WHERE (SELECT n FROM c) > {rank_limit} {before} ORDER BY id DESC LIMIT ?),
p AS (SELECT * FROM p1 UNION ALL SELECT * FROM p2),
f AS MATERIALIZED (
    SELECT kind, status, source_id, speaker_id FROM m WHERE (SELECT n FROM c) <= {rank_limit}
    UNION ALL
    (SELECT kind, status, source_id, speaker_id FROM m WHERE (SELECT n FROM c) > {rank_limit}
     ORDER BY id LIMIT {sample}))
SELECT (SELECT n FROM c), """
    + _PAGE_ROWS.replace("{only}", "")
    + ", "
    + _facets("f")
)

# A very common query: every match counted, the newest listed (by order of import), no ranking;
# facets of the first (oldest) matches. Each read as the plan suits it: the count from the GIN
# index, the page and the sample from the primary key, in order, stopping early (none of them
# when the count is at most {more}).
_NEWEST = (
    """WITH c AS MATERIALIZED (SELECT count(*) AS n FROM search_docs d WHERE {where}),
p AS MATERIALIZED (
    SELECT d.id, 0.0::float8 AS score, row_number() OVER (ORDER BY d.id DESC) AS n FROM search_docs d
    WHERE {conditions} AND (SELECT n FROM c) > {more} ORDER BY d.id DESC LIMIT ?),
f AS MATERIALIZED (
    SELECT d.kind, d.status, d.source_id, d.speaker_id FROM search_docs d
    WHERE {where} AND (SELECT n FROM c) > {more} ORDER BY d.id LIMIT {sample})
SELECT (SELECT n FROM c), """
    + _PAGE_ROWS.replace("{only}", "")
    + ", "
    + _facets("f")
)
# The same from the matches read once into a temporary table.
_NEWEST_READ_ONCE = (
    """WITH a AS MATERIALIZED (
    SELECT d.id, d.kind, d.status, d.source_id, d.speaker_id FROM search_docs d WHERE {where}),
p AS MATERIALIZED (
    SELECT id, 0.0::float8 AS score, row_number() OVER (ORDER BY id DESC) AS n FROM a {after}
    ORDER BY id DESC LIMIT ?),
f AS MATERIALIZED (SELECT kind, status, source_id, speaker_id FROM a ORDER BY id LIMIT {sample})
SELECT (SELECT count(*) FROM a), """
    + _PAGE_ROWS.replace("{only}", "")
    + ", "
    + _facets("f")
)


def _newest(ws, query, cjk_words, where, params, limit, cursor, facet_limit, more_than=-1, read_once=False):
    """A very common query: every match counted, the newest listed, facets of the first
    ``facet_limit`` (None, having only counted, when there are at most ``more_than``)."""
    after = [] if cursor is None else [cursor[1]]
    if read_once:
        sql = _NEWEST_READ_ONCE.format(
            where=" AND ".join(where), after="WHERE id < ?" if after else "", sample=int(facet_limit)
        )
        values = [*params, *after, limit + 1, query, HEADLINE]
    else:
        conditions = " AND ".join([*where, "d.id < ?"] if after else where)
        sql = _NEWEST.format(
            conditions=conditions, where=" AND ".join(where), sample=int(facet_limit), more=int(more_than)
        )
        values = [*params, *params, *after, limit + 1, *params, query, HEADLINE]
    total, page, kinds, statuses, sources, speakers = _through_index(ws, sql, values)[0]
    if total <= more_than:
        return None
    facets = {
        name: [(key, count) for key, count in pairs]
        for name, pairs in (("type", kinds), ("status", statuses), ("source", sources), ("speaker", speakers))
    }
    return page_of(_shown_rows(cjk_words, page), limit, total, False, facets, total > facet_limit)


def _shown_rows(cjk_words: list[str], page: list[list]) -> list[tuple]:
    """The page's rows (id, score, details, body, headline) as ``page_of`` reads them."""
    return [(*row[2:-2], _shown(joined(row[-2]), joined(row[-1]), cjk_words), row[0], row[1]) for row in page]


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


def holds_any(ws: Workspace, words: list[str]) -> bool:
    """Whether some index row holds one of ``words`` (at least one), asked in one statement."""
    return _count(ws, [f"d.doc @@ {TSQUERY}"], [" | ".join(f"({phrase_text(word)})" for word in words)], 1) > 0


def list_terms(ws: Workspace, ranges: list[tuple[str, str]], keep) -> dict[str, int]:
    """term -> index rows holding it (up to COUNT_CAP), for the terms ``keep`` keeps after
    ``low`` and before ``high`` of each range (one statement reads the ranges, one counts)."""
    if not ranges:
        return {}
    sql = " UNION ".join(["SELECT term FROM search_terms WHERE term > ? AND term < ?"] * len(ranges))
    found = [term for (term,) in ws.db.execute(sql, [bound for pair in ranges for bound in pair])]
    terms = sorted(term for term in found if keep(term))
    if not terms:
        return {}
    counted = _through_index(ws, _COUNT_EACH, [[phrase_text(term) for term in terms]])
    return {term: rows for term, (rows,) in zip(terms, counted, strict=True) if rows}


# Each term's rows counted up to COUNT_CAP, in the order of the terms given.
_COUNT_EACH = f"""SELECT (SELECT count(*) FROM (SELECT 1 FROM search_docs d WHERE d.doc @@ t.q LIMIT {COUNT_CAP}) x)
FROM unnest(?::tsquery[]) WITH ORDINALITY AS t(q, i) ORDER BY t.i"""


def list_word_forms(ws: Workspace, terms: list[str], sample: int = 20) -> dict[str, Counter[str]]:
    """term -> the words the index keeps as it, as written in the first ``sample`` rows holding
    it, for each of ``terms`` in one statement."""
    options = f"StartSel={_WORD_MARKS[0]}, StopSel={_WORD_MARKS[1]}, MaxFragments=3, MaxWords=6, MinWords=1"
    forms: dict[str, Counter[str]] = {term: Counter() for term in terms}
    if not terms:
        return forms
    rows = _through_index(ws, _FORMS, [options, [phrase_text(term) for term in terms], sample])
    for i, headline in rows:
        forms[terms[i - 1]].update(_FORM.findall(headline))
    return forms


# Each term's first rows (the bitmap scan's, in the table's order), its marked words in each.
_FORMS = f"""SELECT t.i, ts_headline('{CONFIG}', d.body || ' ' || d.speaker || ' ' || d.title, t.q, ?)
FROM unnest(?::tsquery[]) WITH ORDINALITY AS t(q, i)
CROSS JOIN LATERAL (SELECT d.body, d.speaker, d.title FROM search_docs d WHERE d.doc @@ t.q LIMIT ?) d"""
