"""The search call the CLI and the app make: parse, run, fall back, never fail on input."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from briefing.domain import SearchPage
from briefing.search.query import Query, parse
from briefing.store import Workspace
from briefing.store.search_index import phrase
from briefing.store.search_queries import CLOSE, OPEN, QueryError, search_index

DEFAULT_LIMIT = 20


@dataclass
class SearchResult:
    query: Query
    page: SearchPage


def search(ws: Workspace, text: str, limit: int = DEFAULT_LIMIT, cursor: tuple | None = None) -> SearchResult:
    """Results for whatever the user typed; malformed input becomes a literal search."""
    query = parse(text)
    try:
        return SearchResult(query, _run(ws, query, limit, cursor))
    except QueryError as exc:
        literal = parse(" ".join(re.findall(r"[^\W_]+", text)))
        literal.literal, literal.problem = True, str(exc)
        return SearchResult(literal, _run(ws, literal, limit, cursor))


def _run(ws: Workspace, query: Query, limit: int, cursor: tuple | None) -> SearchPage:
    return search_index(ws, _expression(query), query.filters, limit, cursor, _exact_phrase(query))


def _exact_phrase(query: Query) -> str | None:
    """For two or more plain words, the phrase of them side by side: its matches rank first."""
    words = query.phrases
    if query.match and len(words) >= 2 and query.match == " AND ".join(phrase(w) for w in words):
        return phrase(" ".join(words))
    return None


def _expression(query: Query) -> str | None:
    """The FTS5 expression: the words, and the speaker column for speaker: filters (the source:
    filter is the store's: a title is indexed with its source alone)."""
    parts = [f"speaker : {phrase(s)}" for s in query.filters.speaker]
    if query.match:
        parts.insert(0, f"({query.match})" if parts else query.match)
    return " AND ".join(parts) or None


def highlighted_html(snippet: str) -> str:
    """A snippet for the app: escaped, with the matched words in <b>."""
    return html.escape(snippet).replace(OPEN, "<b>").replace(CLOSE, "</b>")


def highlighted_text(snippet: str, start: str = "[", end: str = "]") -> str:
    return snippet.replace(OPEN, start).replace(CLOSE, end)
