"""The web address a saved page names for itself: ``<link rel="canonical">``, else ``og:url``,
else the "saved from url" mark a browser writes at the top of a page it saves.

The address is the page's word, not ours: only a plain http(s) address is taken, and the app
and the exports show it as text, never as a live link. Imports nothing of the project, so the
store (which keeps it in ``sources.url``) and the exports can both use it.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

HEAD_BYTES = 200_000  # the address sits in the page's head; the body is never parsed
MAX_URL = 500
SAVED_FROM = re.compile(r"saved from url=\(\d{1,4}\)(\S{1,600})")
# printable ASCII without spaces, quotes, backticks, angle brackets or backslashes
SAFE_URL = re.compile(r"https?://[A-Za-z0-9.-]+(?::\d+)?(?:/[A-Za-z0-9\-._~/?#@!$&()*+,;=%:\[\]]*)?")


def find_page_url(original: bytes) -> str | None:
    """The canonical link of a saved page, else its og:url; None unless a plain http(s) address."""
    finder = _UrlFinder()
    finder.feed(original[:HEAD_BYTES].decode("utf-8", errors="replace"))
    finder.close()
    found = (finder.canonical, finder.og_url, finder.saved_from)
    return next((url for url in found if url and is_plain_url(url)), None)


def is_plain_url(url: str) -> bool:
    return len(url) <= MAX_URL and SAFE_URL.fullmatch(url) is not None


class _UrlFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.canonical: str | None = None
        self.og_url: str | None = None
        self.saved_from: str | None = None

    def handle_comment(self, data: str) -> None:
        # "<!-- saved from url=(0047)https://news.example/... -->": the length, then the address
        match = SAVED_FROM.match(data.strip())
        if match and self.saved_from is None:
            self.saved_from = match.group(1)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = {name: (value or "").strip() for name, value in attrs}
        if tag == "link" and "canonical" in found.get("rel", "").lower().split() and self.canonical is None:
            self.canonical = found.get("href")
        elif tag == "meta" and found.get("property", "").lower() == "og:url" and self.og_url is None:
            self.og_url = found.get("content")
