"""Clean extracted text the same way for every format.

``clean_text`` normalises characters and whitespace, drops web boilerplate, rebuilds paragraphs
(one blank line between them; wrapped lines joined) and repairs words glued by scrapers.
Quotation marks are never touched: quote extraction needs them exactly as published. The only
way a quotation mark disappears is with a whole boilerplate line, and ``clean_text_reporting``
returns those lines so callers and tests can account for every character dropped.
"""

from __future__ import annotations

import re
import unicodedata

from briefing.domain import TERMINAL_SEQUENCE
from briefing.ingest.boilerplate import drop_boilerplate
from briefing.ingest.glue import repair_glue
from briefing.ingest.paragraphs import SOFT_HYPHEN, assemble_paragraphs, split_blocks

# spaces that should be ordinary spaces; the ideographic space (U+3000) is left to CJK text
ODD_SPACES = re.compile(r"[\t\u00a0\u1680\u2000-\u200a\u202f\u205f]")
# invisible characters that only get in the way of search and matching
# a soft hyphen ending a line after a letter stays until the lines are joined: it marks a hyphenated word
INVISIBLE = re.compile(r"(?<![^\W\d_])\u00ad|\u00ad(?![ \t]*\n)|[\u200b\u2060\ufeff\u180e]")
# joiners matter inside Indic, Persian and emoji sequences; next to ASCII they are junk
STRAY_JOINERS = re.compile(r"(?:(?<=[\x00-\x7f])|^)[\u200c\u200d]+|[\u200c\u200d]+(?=[\x00-\x7f]|$)", re.M)
LINE_BREAKS = re.compile(r"\r\n|[\r\x0b\x0c\x85\u2028]")
CONTROLS = re.compile(r"[\x00-\x08\x0e-\x1f\x7f-\x84\x86-\x9f]")
# every C0 and C1 control but tab and newline; for one-line fields those two become spaces
OTHER_CONTROLS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
SPACE_RUNS = re.compile(r" {2,}")
# typesetting ligatures ("ﬁgures" in a PDF) as their letters: search and quotes match words, not glyphs
LIGATURES = str.maketrans(
    {"\ufb00": "ff", "\ufb01": "fi", "\ufb02": "fl", "\ufb03": "ffi", "\ufb04": "ffl", "\ufb05": "st", "\ufb06": "st"}
)
QUOTE_MARKS = frozenset("\"'«»‹›‘’‚‛“”„‟「」『』〝〞〟＂＇")


def clean_text(text: str, *, hard_wrapped: bool = False) -> str:
    """Return ``text`` cleaned; ``hard_wrapped`` joins line breaks inside paragraphs (PDF)."""
    return clean_text_reporting(text, hard_wrapped=hard_wrapped)[0]


def clean_text_reporting(text: str, *, hard_wrapped: bool = False) -> tuple[str, list[str]]:
    """Clean ``text`` and also return the boilerplate lines that were dropped."""
    lines, dropped = drop_boilerplate(normalise_characters(text).split("\n"))
    assembled = assemble_paragraphs(lines, hard_wrapped=hard_wrapped)
    repaired = [repair_glue(line.replace(SOFT_HYPHEN, "")) for line in assembled]
    lines, dropped_late = drop_boilerplate(repaired)
    return join_paragraphs(lines), dropped + dropped_late


def strip_controls(value: str, *, keep_breaks: bool = False) -> str:
    """``value`` without C0/C1 control characters (an escape sequence loses its ESC).

    Tab and newline stay when ``keep_breaks``; otherwise they become spaces, as a title or
    an author is one line. XML (DOCX) and terminals cannot take the others.
    """
    value = OTHER_CONTROLS.sub("", TERMINAL_SEQUENCE.sub("", value))
    return value if keep_breaks else value.replace("\t", " ").replace("\n", " ")


def normalise_characters(text: str) -> str:
    """Unify line breaks and spaces, drop invisible characters, spell out ligatures, compose
    accents (NFC)."""
    text = LINE_BREAKS.sub("\n", text).replace("\u2029", "\n\n").translate(LIGATURES)
    text = unicodedata.normalize("NFC", CONTROLS.sub("", ODD_SPACES.sub(" ", TERMINAL_SEQUENCE.sub("", text))))
    # NFC first so characters it turns into ASCII count as ASCII neighbours of joiners, and
    # again because removing invisibles can bring a letter next to its combining accent
    text = STRAY_JOINERS.sub("", INVISIBLE.sub("", text))
    text = unicodedata.normalize("NFC", text)
    return "\n".join(SPACE_RUNS.sub(" ", line).strip() for line in text.split("\n"))


def join_paragraphs(lines: list[str]) -> str:
    """Lines with empty strings as paragraph breaks -> text with exactly one blank line between."""
    return "\n\n".join("\n".join(p) for p in split_blocks(lines))


def split_paragraphs(text: str) -> list[str]:
    return [p for p in text.split("\n\n") if p.strip()]


def count_quote_marks(text: str) -> dict[str, int]:
    counts: dict[str, int] = {}
    for ch in text:
        if ch in QUOTE_MARKS:
            counts[ch] = counts.get(ch, 0) + 1
    return counts
