"""How a note cites: one entry per source in the list of sources, a passage located by its
paragraph, quoted words wrapped in quotation marks once, a speaker's cue only when it says
something, and a moved passage described by paragraph.

A reader finds a passage by its paragraph and its words; character offsets mean nothing
outside the app, so they appear only in the JSON export as machine data.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from briefing.note_content import RELIABILITY_LABELS, BriefingNote, Citation, SummaryContent, Verification

# quotation marks a quote's stored text may carry at its ends: the note adds its own once
DOUBLE_MARKS = '"“”„‟«»「」『』〝〞＂'
SINGLE_OPENING, SINGLE_CLOSING = "'‘‚‛‹", "'’›"
# cues that say only that words were spoken or where they were found: "— Okafor (said)" adds nothing
SILENT_CUES = frozenset(
    {
        "said",
        "say",
        "says",
        "saying",
        "told",
        "tell",
        "tells",
        "telling",
        "told reporters",
        "added",
        "add",
        "adds",
        "adding",
        "stated",
        "states",
        "continuation",
        "colon",
        "read",
        "reads",
        "according to",
        "wrote",
        "writes",
        "spoke",
        "speaking",
        "explained",
        "remarked",
        "noted",
    }
)


def passage_locator(citation: Citation) -> str | None:
    """'paragraph 3', 'paragraphs 3–4' or 'headline'; None for a whole source (a summary)."""
    if citation.start is None or citation.end is None:
        return None
    if citation.paragraph == 0:
        return "headline"
    return citation.paragraphs


def citation_text(c: Citation, url: str | None = None, field: Callable[[str], str] = str) -> str:
    """'Title. Outlet, by Author, 2026-03-03. Reliability B (usually reliable). https://…';
    ``field`` writes the source's own words (title, outlet, author) as the format needs them."""
    author = f"by {field(c.author)}" if c.author else None
    where = ", ".join(x for x in (c.outlet and field(c.outlet), author, c.published or "undated") if x)
    grade = (
        f"Reliability {c.reliability} ({RELIABILITY_LABELS[c.reliability]})"
        if c.reliability
        else "Reliability not graded"
    )
    version = f" Version {c.version} of the article." if c.version > 1 else ""
    if c.newer:
        version = f" Version {c.version} of the article, since replaced by a newer version."
    return f"{sentence(field(c.shown_title))} {sentence(_capital(where))} {grade}.{version}" + (
        f" {url}" if url else ""
    )


_ENDS_SENTENCE = re.compile(r"[.?!…][\"'”’»)\]]*$")


def sentence(text: str) -> str:
    """The text with a full stop, unless it ends one already: a headline ending in '.', '?' or
    a quoted sentence ('… ‘Honesty Is In Question.’') is not given a second."""
    text = text.strip()
    return text if _ENDS_SENTENCE.search(text) else text + "."


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def describe_check(verification: Verification) -> str:
    """The check of a passage in words for a reader: by paragraph, never by character offset."""
    if verification.state == "moved":
        where = "the headline" if verification.paragraph == 0 else f"paragraph {verification.paragraph}"
        return f"found verbatim at {where}, not where it was recorded"
    return verification.describe()


def unquoted(text: str) -> str:
    """A quote's words without the quotation marks it was stored with, so the note wraps them once:
    '“We restored…”' and '‘We restored…’' both read “We restored…” in the note."""
    text = text.strip()
    if len(text) > 1 and text[0] in SINGLE_OPENING and text[-1] in SINGLE_CLOSING:
        text = text[1:-1]
    if not text:
        return text
    opens, closes = text[0] in DOUBLE_MARKS, text[-1] in DOUBLE_MARKS
    odd = sum(c in DOUBLE_MARKS for c in text) % 2 == 1  # a mark without its pair: the quote's own
    words = text
    if opens and (closes or odd):  # 'was "a first strong signal"': the inner quotation's marks stay
        words = words.lstrip(DOUBLE_MARKS + " ")
    if closes and (opens or odd):
        words = words.rstrip(DOUBLE_MARKS + " ")
    return words or text


def telling_cue(cue: str | None) -> str | None:
    """The cue when it tells the reader something ('confirmed', 'denied'); None for 'said'."""
    if cue is None or " ".join(cue.lower().split()) in SILENT_CUES:
        return None
    return cue


def note_source_ids(note: BriefingNote) -> set[int]:
    """Every source a note cites."""
    found = set()
    for item in note.items:
        citations = [p.citation for p in item.checks()]
        if isinstance(item.content, SummaryContent):
            citations.append(item.content.citation)
        found |= {c.source_id for c in citations if c is not None}
    return found
