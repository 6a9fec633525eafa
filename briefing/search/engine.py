"""The search call the CLI and the app make: parse, run, fall back, never fail on input."""

from __future__ import annotations

import html
import re
from dataclasses import dataclass

from briefing.domain import SearchPage
from briefing.search.query import Query, _quoted, parse
from briefing.store import Workspace
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
        return SearchResult(query, search_index(ws, _expression(query), query.filters, limit, cursor))
    except QueryError as exc:
        literal = parse(" ".join(re.findall(r"[^\W_]+", text)))
        literal.literal, literal.problem = True, str(exc)
        return SearchResult(literal, search_index(ws, _expression(literal), literal.filters, limit, cursor))


def _expression(query: Query) -> str | None:
    """The FTS5 expression: the words, an exact-phrase bonus, speaker and source columns."""
    match = query.match
    words = query.phrases
    if match and len(words) >= 2 and match == " AND ".join(_quoted(w) for w in words):
        # plain words: passages with them side by side rank first
        match = f"{_quoted(' '.join(words))} OR ({match})"
    columns = [f"speaker : {_quoted(s)}" for s in query.filters.speaker]
    columns += [f"title : {_quoted(s)}" for s in query.filters.source]
    # plain words look in what was said and who said it, not in the source's title
    parts = ([f"{{body speaker}} : ({match})"] if match else []) + columns
    return " AND ".join(parts) if parts else None


def highlighted_html(snippet: str) -> str:
    """A snippet for the app: escaped, with the matched words in <b>."""
    return html.escape(snippet).replace(OPEN, "<b>").replace(CLOSE, "</b>")


def highlighted_text(snippet: str, start: str = "[", end: str = "]") -> str:
    return snippet.replace(OPEN, start).replace(CLOSE, end)
