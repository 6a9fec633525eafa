"""The web address a source was published at, for the note's list of sources.

The address is kept with the source (``sources.url``): read from a saved page's own
``<link rel="canonical">`` or ``og:url`` when it was imported, or set by the analyst in Source
Details. A source without one is cited without an address. Only a plain http(s) address is
ever stored, and the exports show it as text (a code span in Markdown), never as a live link.
"""

from __future__ import annotations

from briefing.page_urls import find_page_url, is_plain_url
from briefing.store import Workspace
from briefing.store.sources import source_urls

__all__ = ["find_page_url", "is_plain_url", "read_source_links"]


def read_source_links(ws: Workspace, source_ids: set[int]) -> dict[int, str]:
    """source id -> its address, for the sources that have one."""
    return {source_id: url for source_id, url in source_urls(ws, source_ids).items() if is_plain_url(url)}
