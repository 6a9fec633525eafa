"""The search call the CLI and the app make: parse, run, fall back, never fail on input.

A query that finds nothing is searched again with its misspelt bare words corrected from
the index's own vocabulary (briefing.search.typos) when that finds something; the query's
``problem`` says so in one line: ``no results for "investgation"; showing "investigation"``; and
when the corrected query finds nothing either, ``no results for "investgation", nor for
"investigation"``.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from briefing.domain import SearchPage
from briefing.search.query import Query, literal_query, parse
from briefing.search.typos import corrections
from briefing.store import Workspace
from briefing.store.search_index import phrase
from briefing.store.search_queries import CLOSE, OPEN, QueryError, search_index

DEFAULT_LIMIT = 20


@dataclass
class SearchResult:
    query: Query
    page: SearchPage


def search(ws: Workspace, text: str, limit: int = DEFAULT_LIMIT, cursor: tuple | None = None) -> SearchResult:
    """Results for whatever the user typed; malformed input becomes a literal search, and
    misspelt words of a query that finds nothing are corrected."""
    result = _search(ws, parse(text), limit, cursor)
    if result.page.total or not result.query.words:
        return result
    return _corrected(ws, result, limit, cursor)


def _search(ws: Workspace, query: Query, limit: int, cursor: tuple | None) -> SearchResult:
    try:
        return SearchResult(query, _run(ws, query, limit, cursor))
    except QueryError as exc:
        literal = literal_query(query.text, str(exc))
        return SearchResult(literal, _run(ws, literal, limit, cursor))


def _corrected(ws: Workspace, result: SearchResult, limit: int, cursor: tuple | None) -> SearchResult:
    """The query again with its unknown words replaced by the closest known ones, if that finds
    anything; if not, ``result`` saying that neither found anything."""
    found = corrections(ws, result.query.words)
    if not found:
        return result
    corrected = _search(ws, parse(result.query.text, found), limit, cursor)
    if corrected.query.literal or not corrected.query.corrections:
        return result
    typed = ", ".join(f'"{_as_typed(result.query.text, word)}"' for word in corrected.query.corrections)
    shown = ", ".join(f'"{word}"' for word in corrected.query.corrections.values())
    if not corrected.page.total:  # said, or the user is left to wonder whether it was tried
        line = f"no results for {typed}, nor for {shown}"
        result.query.problem = "; ".join(p for p in (line, result.query.problem) if p)
        return result
    line = f"no results for {typed}; showing {shown}"
    corrected.query.problem = "; ".join(p for p in (line, corrected.query.problem) if p)
    return corrected


def _as_typed(text: str, word: str) -> str:
    """``word`` (lower case) as the query wrote it: 'no results for "Hilary"', not "hilary"."""
    found = re.search(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])", text, re.IGNORECASE)
    return found.group() if found else word


def empty_line(result: SearchResult) -> str | None:
    """For a query of filters alone that finds nothing: 'no matches for speaker:nobody'."""
    query = result.query
    if result.page.total or query.match or not query.filter_text:
        return None
    return "no matches for " + " ".join(query.filter_text)


def _run(ws: Workspace, query: Query, limit: int, cursor: tuple | None) -> SearchPage:
    return search_index(ws, _expression(query), query.filters, limit, cursor, _exact_phrase(query))


def _exact_phrase(query: Query) -> str | None:
    """For two or more plain words, the phrase of them side by side: its matches rank first."""
    words = query.phrases
    if query.match and len(words) >= 2 and query.match == " AND ".join(phrase(w) for w in words):
        return phrase(" ".join(words))
    return None


def _expression(query: Query) -> str | None:
    """The FTS5 expression: the words, and the speaker column for speaker: filters, any of them
    (the source: filter is the store's: a title is indexed with its source alone)."""
    speakers = [phrase(s) for s in query.filters.speaker]
    parts = [f"speaker : {speakers[0]}" if len(speakers) == 1 else f"speaker : ({' OR '.join(speakers)})"]
    parts = parts if speakers else []
    if query.match and query.match.startswith("NOT "):  # the speaker's quotes less those words
        return " AND ".join(parts) + " " + query.match
    if query.match:
        parts.insert(0, f"({query.match})" if parts else query.match)
    return " AND ".join(parts) or None


def highlighted_html(snippet: str) -> str:
    """A snippet for the app: escaped, with the matched words in <b>."""
    return html.escape(snippet).replace(OPEN, "<b>").replace(CLOSE, "</b>")


def highlighted_text(snippet: str, start: str = "[", end: str = "]") -> str:
    return snippet.replace(OPEN, start).replace(CLOSE, end)
