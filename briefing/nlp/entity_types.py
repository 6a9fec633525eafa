"""Types the page layout decides: datelines and headlines in capitals.

A wire story opens with a dateline, the place it was filed from, in capitals: "LONDON -",
"ROME (Reuters) -", "BONN 1996-08-22". The small model reads those capitals as an
organisation, or not at all, and the rule that makes short all-capital names acronyms
would do the same; a dateline is a place.
"""

from __future__ import annotations

import re

from briefing.nlp.mentions import Mention
from briefing.nlp.parse import ParsedText

# One to three words in capitals at a paragraph's start, an optional ", REGION", then a date,
# an outlet in brackets, or a dash and a sentence ("CRICKET - ENGLAND WIN" is a headline and
# "CHICAGO 69 59 .539" a table row, not datelines).
_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?[ ]+\d"
DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’]+(?:[ -][A-Z][A-Z.'’]+){0,2})(?:,[ ]+[A-Z][\w.]+(?:[ ][A-Z][\w.]+)?)?"
    rf"(?:[ ]+\d{{4}}-\d\d-\d\d|,?[ ]+{_MONTH}|[ ]+\(\s*[A-Z]|[ ]*[-–—][ ]+(?:\S+[ ]+){{0,3}}[a-z])"
)


def with_datelines(mentions: list[Mention], parsed: ParsedText) -> list[Mention]:
    """Each paragraph's dateline is a place, whatever the model said it was."""
    for para in parsed.paragraphs:
        match = DATELINE.match(para.text)
        if match is None or len(match["place"]) < 3:
            continue
        start, end = para.start + match.start("place"), para.start + match.end("place")
        mentions = [m for m in mentions if not (m.start < end and start < m.end)]
        mentions.append(Mention(start, end, match["place"], "place", 3))
    return sorted(mentions, key=lambda m: m.start)
