"""The web address a source was published at, for the note's list of sources.

Sources keep no address of their own; a saved web page names its own in the original file
(``<link rel="canonical">`` or ``<meta property="og:url">``), so it is read from there at
export. The address is the source's word, not ours: only a plain http(s) address is taken,
and the exports show it as text (a code span in Markdown), never as a live link.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from briefing.domain import BriefingError
from briefing.store import Workspace
from briefing.store.sources import get_original, get_source

HEAD_BYTES = 200_000  # the address sits in the page's head; the body is never parsed
MAX_URL = 500
# printable ASCII without spaces, quotes, backticks, angle brackets or backslashes
SAFE_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::\d+)?(?:/[A-Za-z0-9\-._~/?#@!$&()*+,;=%:\[\]]*)?")


def read_source_links(ws: Workspace, source_ids: set[int]) -> dict[int, str]:
    """source id -> the address its original names, for the sources that name one."""
    links = {}
    for source_id in sorted(source_ids):
        try:
            if get_source(ws, source_id).format != "html":
                continue
            url = find_page_url(get_original(ws, source_id))
        except BriefingError:  # the source or its original is gone: the note flags that already
            continue
        if url is not None:
            links[source_id] = url
    return links


def find_page_url(original: bytes) -> str | None:
    """The canonical link of a saved page, else its og:url; None unless a plain http(s) address."""
    finder = _UrlFinder()
    finder.feed(original[:HEAD_BYTES].decode("utf-8", errors="replace"))
    finder.close()
    return next((url for url in (finder.canonical, finder.og_url) if url and is_plain_url(url)), None)


def is_plain_url(url: str) -> bool:
    return len(url) <= MAX_URL and SAFE_URL.fullmatch(url) is not None


class _UrlFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.canonical: str | None = None
        self.og_url: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: (value or "").strip() for name, value in attrs}
        if tag == "link" and "canonical" in found.get("rel", "").lower().split() and self.canonical is None:
            self.canonical = found.get("href")
        elif tag == "meta" and found.get("property", "").lower() == "og:url" and self.og_url is None:
            self.og_url = found.get("content")
