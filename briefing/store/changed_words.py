"""Records whose words their source no longer has at their place.

A claim, quote or annotation carried to a newer version of its article as *altered*
(``store.source_versions``) keeps the words the analyst worked on, at the place they changed
into; the lists of the newer version name those records so the analyst checks them before
relying on a judgement made on other words.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.store.workspace import Workspace


@dataclass(frozen=True)
class SourceWords:
    """A source's text and title, read once for every record of the source a list shows."""

    text: str
    title: str
    newer: bool  # a newer version of an article: only its records can have been carried over altered

    @classmethod
    def of(cls, ws: Workspace, source_id: int) -> SourceWords:
        row = ws.db.execute("SELECT text, title, version_of FROM sources WHERE id = ?", [source_id]).fetchone()
        return cls(row[0] or "", row[1] or "", row[2] is not None) if row else cls("", "", False)

    def now(self, words: str, start: int, end: int, part: str = "text") -> str | None:
        """The words the source has at ``start``-``end`` now, when they are not ``words``; else None."""
        if not self.newer:
            return None
        current = (self.title if part == "title" else self.text)[start:end]
        return None if current == words else current


def changed_words_hint(words: str, words_now: str) -> str:
    """What a changed record's row says on hover."""
    return (
        f"A newer version of the article changed these words: “{' '.join(words.split())}” now reads "
        f"“{' '.join(words_now.split())}”. Check them before relying on what was judged or noted on them."
    )


def words_now(ws: Workspace, source_id: int, words: str, start: int, end: int, part: str = "text") -> str | None:
    """One record's check: the source's words at its place, when they differ from its own."""
    return SourceWords.of(ws, source_id).now(words, start, end, part)
