"""Migration 0007: source urls."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from sqlite_utils import Database

NAME = "0007_source_urls"


class _PageUrl0007(HTMLParser):
    """A saved page's own address as migration 0007 read it (frozen: ``briefing.page_urls`` may change)."""

    SAFE = re.compile(r"https?://[A-Za-z0-9.-]+(?::\d+)?(?:/[A-Za-z0-9\-._~/?#@!$&()*+,;=%:\[\]]*)?")

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: dict[str, str] = {}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: (value or "").strip() for name, value in attrs}
        if tag == "link" and "canonical" in values.get("rel", "").lower().split():
            self.found.setdefault("canonical", values.get("href", ""))
        elif tag == "meta" and values.get("property", "").lower() == "og:url":
            self.found.setdefault("og", values.get("content", ""))

    @classmethod
    def read(cls, original: bytes) -> str | None:
        finder = cls()
        finder.feed(bytes(original[:200_000]).decode("utf-8", errors="replace"))
        finder.close()
        urls = (finder.found.get("canonical"), finder.found.get("og"))
        return next((u for u in urls if u and len(u) <= 500 and cls.SAFE.fullmatch(u)), None)


def run(db: Database) -> None:
    """Each source keeps the web address it was published at (the analyst can set or correct it);
    saved pages get the one their head names (canonical link, else og:url)."""
    db.execute("ALTER TABLE sources ADD COLUMN url TEXT")
    pages = db.execute(
        "SELECT s.id, o.bytes FROM sources s JOIN originals o ON o.source_id = s.id WHERE s.format = 'html'"
    ).fetchall()
    for source_id, original in pages:
        url = _PageUrl0007.read(original)
        if url is not None:
            db.execute("UPDATE sources SET url = ? WHERE id = ?", [url, source_id])
