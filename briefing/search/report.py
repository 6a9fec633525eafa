"""Search results on a terminal or as JSON, for ``briefing search``; saved searches for
``briefing search --save/--saved`` and ``briefing searches``."""

from __future__ import annotations

import json
import shlex
import sys

from briefing.domain import SEARCH_PAGE_MAX, BriefingError, SearchHit
from briefing.search.engine import SearchResult, empty_line, highlighted_text, search
from briefing.store import Workspace
from briefing.store.saved_searches import (
    delete_saved_search,
    find_saved_search,
    get_saved_search,
    list_saved_searches,
    save_search,
)
from briefing.store.search_queries import CLOSE, FACET_LIMIT, OPEN
from briefing.terminal import echo, echo_json

MAX_LIMIT = SEARCH_PAGE_MAX


def print_search(ws: Workspace, text: str, limit: int, after: str | None, as_json: bool) -> int:
    if not 1 <= limit <= MAX_LIMIT:
        raise BriefingError(f"--limit: must be between 1 and {MAX_LIMIT}")
    result = search(ws, text, limit, decode_cursor(after))
    if as_json:
        echo_json(result_document(result))
    else:
        _print_text(result, sys.stdout.isatty())
    return 0


def result_document(result: SearchResult) -> dict:
    page = result.page
    return {
        "query": result.query.text,
        "literal": result.query.literal,
        "problem": result.query.problem,
        "corrected": result.query.corrections or None,
        "total": page.total,
        "ranked": page.ranked,
        "facets": {name: _by_name(values) for name, values in page.facets.items()},
        "facets_partial": page.facets_partial,
        "hits": [_hit_document(h) for h in page.hits],
        "next": encode_cursor(page.cursor),
    }


def _by_name(values: list[tuple[str, int]]) -> dict[str, int]:
    """Counts by name, those of two sources or speakers of one name added up: a dict of the pairs
    kept the last one only (two "10 Things to Know for Today." said 7 of 20 matches)."""
    counts: dict[str, int] = {}
    for name, count in values:
        counts[name] = counts.get(name, 0) + count
    return counts


def _hit_document(hit: SearchHit) -> dict:
    return {
        "type": hit.kind,
        "id": hit.ref_id,
        "source_id": hit.source_id,
        "title": hit.title,
        "outlet": hit.outlet,
        "published": hit.published,
        "speaker": hit.speaker,
        "status": hit.status,
        "snippet": highlighted_text(hit.snippet, "[", "]"),
    }


def facet_line(page) -> str:
    """'quote 12, claim 3'; above FACET_LIMIT matches the counts come from the first ones."""
    facets = ", ".join(f"{name} {count}" for name, count in page.facets.get("type", []))
    if facets and page.facets_partial:
        return f"in the first {FACET_LIMIT:,}: {facets}"
    return facets


def _print_text(result: SearchResult, colour: bool) -> None:
    page = result.page
    if result.query.literal and result.query.text.strip() and result.query.match is not None:
        echo(f"(searched literally for the words: {result.query.problem})")
    elif result.query.problem:
        echo(f"({result.query.problem})")
    order = "" if page.ranked or not result.query.match else ", newest first"
    echo(empty_line(result) or f"{page.total} result{'s' if page.total != 1 else ''}{order}")
    facets = facet_line(page)
    if facets:
        echo(f"  {facets}")
    styles = {OPEN: "\033[1m", CLOSE: "\033[0m"} if colour else {OPEN: "[", CLOSE: "]"}
    for hit in page.hits:
        where = ", ".join(p for p in (hit.outlet, hit.published) if p)
        who = f"{hit.speaker}: " if hit.speaker else ""
        status = f" [{hit.status}]" if hit.status else ""
        echo()
        echo(f"{hit.kind}{status} · {hit.title or '(untitled)'}" + (f" ({where})" if where else ""))
        snippet = " ".join(hit.snippet.split())  # one line: a paragraph break in it is a space, not "\ufffd"
        echo(f"  {who}{snippet}", styles=styles)  # the match marks become bold after the rest is escaped
    if page.cursor is not None:
        echo()
        # quoted for a shell: pasted bare, bash took the quotes out of ["",866] and zsh the brackets as a glob
        echo(f"more: --after {shlex.quote(encode_cursor(page.cursor) or '')}")


def encode_cursor(cursor: tuple | None) -> str | None:
    return None if cursor is None else json.dumps(list(cursor), separators=(",", ":"))


def decode_cursor(text: str | None) -> tuple | None:
    if text is None:
        return None
    try:
        value = json.loads(text)
    except json.JSONDecodeError:
        value = None
    if not (isinstance(value, list) and len(value) == 2 and isinstance(value[1], int)):
        raise BriefingError("--after: not a cursor printed by briefing search")
    return tuple(value)


def print_saved_search(ws: Workspace, name: str, limit: int, after: str | None, as_json: bool) -> int:
    """Run the search saved as ``name``."""
    if not name.strip():
        raise BriefingError("--saved: give the name of a saved search (see 'briefing searches')")
    return print_search(ws, get_saved_search(ws, name).query, limit, after, as_json)


def save_and_print(ws: Workspace, name: str, text: str) -> int:
    if not text.strip():
        raise BriefingError("--save: give the query to save after the name")
    before = find_saved_search(ws, name)
    save_search(ws, name, text)
    saved = get_saved_search(ws, name)
    if before is None:
        echo(f"saved search {saved.name!r}: {saved.query}")
    else:  # the old query is named, so it can be saved again if the name was a slip
        echo(f"replaced search {saved.name!r}: {saved.query} (it was: {before.query})")
    return 0


def delete_and_print(ws: Workspace, name: str) -> int:
    saved = get_saved_search(ws, name)
    delete_saved_search(ws, saved.id)
    echo(f"deleted search {saved.name!r}: {saved.query}")
    return 0


def print_saved_searches(ws: Workspace, as_json: bool) -> int:
    searches = list_saved_searches(ws)
    if as_json:
        echo_json([{"name": s.name, "query": s.query, "created_at": s.created_at} for s in searches])
    elif not searches:
        echo("no saved searches (save one with: briefing search --save NAME QUERY)")
    for saved in [] if as_json else searches:
        echo(f"{saved.name}  {saved.query}")
    return 0
