"""One mention of a name in a text: where it sits, its type and how sure that type is.

Found and cleaned paragraph by paragraph in briefing/nlp/mentions.py, added over the whole
text by briefing/nlp/mention_passes.py, linked into entities by briefing/nlp/entities.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass


@dataclass
class Mention:
    start: int
    end: int
    text: str
    type: str
    weight: int = 1  # how sure the type is: 3 when a title, role or keyword says so
    role: str | None = None
    adjectival: bool = False  # "Veldran utilities": a name used as a modifier
    common: bool = False  # "Scholars have long debated": one word a sentence start capitalises, read as a noun

    def cut_to(self, name: str) -> Mention:
        """The mention narrowed to ``name``, a part of its text, in its place; ``name``'s words may
        stand apart by other spaces in the text ('Trump  Tower', 'Newt\xa0Gingrich'), as rules that
        split a name into words and join them again write them."""
        found = re.search(r"\s+".join(map(re.escape, name.split())), self.text)
        if found is None:
            raise ValueError(f"{name!r} is not part of {self.text!r}")
        start = self.start + found.start()
        return Mention(start, start + len(found.group()), found.group(), self.type, self.weight, self.role)

    def inside(self, ranges: list[tuple[int, int]]) -> bool:
        return any(s <= self.start and self.end <= e for s, e in ranges)
