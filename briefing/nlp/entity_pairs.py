"""Two names joined by a hyphen, cut apart: "the U.S.-Mexico border", "the Obama-Clinton rift".

The small model reads such a pair as one name, often a body's: "U.S.-Mexico" was an
organisation in 11 real articles. A pair is cut only where each half is a name on its own: a
country or a US state ("U.S.", "Mexico"), or the surname of a person the text names in full
("Barack Obama", "Hillary Clinton"). Names of one thing written with a hyphen stay whole:
"Hewlett-Packard", "Coca-Cola", "Miami-Dade", "Dodd-Frank" (no "Chris Dodd" and "Barney Frank" in
the text), "African-American" (a people's adjective is no country).
"""

from __future__ import annotations

import re

from briefing.domain import normalise_name
from briefing.nlp.lexicon import COUNTRIES, KNOWN_VARIANT_TYPES, KNOWN_VARIANTS, US_STATES
from briefing.nlp.mention import Mention

_PLACES = frozenset(normalise_name(name) for name in COUNTRIES | US_STATES) | frozenset(
    normalise_name(v) for group in KNOWN_VARIANTS if KNOWN_VARIANT_TYPES.get(group[0]) == "place" for v in group
)
PAIR = re.compile(r"(?P<a>[A-Z][\w.’']*)[-‑–](?P<b>[A-Z][\w.’']*)")


def split_name_pairs(mentions: list[Mention]) -> list[Mention]:
    """Each mention of two names joined by a hyphen as two mentions, each typed by what it is."""
    surnames = {m.text.split()[-1] for m in mentions if m.type == "person" and len(m.text.split()) > 1}
    result = []
    for mention in mentions:
        pair = PAIR.fullmatch(mention.text)
        kind = _kind_of_pair(pair, surnames) if pair else None
        if pair is None or kind is None:
            result.append(mention)
            continue
        for half in ("a", "b"):
            start = mention.start + pair.start(half)
            result.append(Mention(start, start + len(pair[half]), pair[half], kind, 2, None, mention.adjectival))
    return result


def _kind_of_pair(pair: re.Match[str], surnames: set[str]) -> str | None:
    """'place' for two countries or states, 'person' for two surnames of people named in full."""
    halves = (pair["a"], pair["b"])
    if all(normalise_name(half) in _PLACES for half in halves):
        return "place"
    if all(half in surnames for half in halves):
        return "person"
    return None
