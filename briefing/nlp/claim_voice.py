"""News sentences that carry no checkable fact although no hedge or opinion word marks them:
a view held by no one named, and pieces of a sentence the parser split in two.

- A view: "Trump's refusal to endorse Ryan was widely viewed as payback" reports how
  something is seen, by no one who could be asked.
- Pieces: the lower-case rest of a quotation split off after another sentence of its
  paragraph ("... post-9/11 | that was something Fox made an issue,'' said Alex Conant"), or
  a sentence that ends on the title of the next one's name ("... led big states: Bush and
  Govs."). A transcript's lower-case continuation without a quote mark is left alone: in
  debate transcripts it carries the claim.
"""

from __future__ import annotations

from briefing.nlp.marks import QUOTE_TOKENS

VIEW_LEMMAS = frozenset("view see regard consider perceive".split())
TITLES = frozenset(
    """
mr. mrs. ms. dr. gov. govs. sen. sens. rep. reps. gen. lt. col. capt. sgt. adm. cmdr. prof. rev. st. pres.
""".split()
)


def is_piece(sent) -> bool:
    """A part of a sentence the parser split off (see the module docstring)."""
    words = [t for t in sent if not t.is_punct and not t.is_space]
    if not words:
        return False
    if sent.start > 0 and words[0].text.islower() and any(t.text in QUOTE_TOKENS for t in sent):
        return True
    last = words[-1].lower_
    return last in TITLES or last + "." in TITLES and _ends_on_dot(sent, words[-1])


def _ends_on_dot(sent, last) -> bool:
    return [t.text for t in sent if t.i > last.i and not t.is_space] == ["."]


def is_unattributed_view(sent) -> bool:
    """ "X was widely viewed as payback": a passive view with no one named holding it."""
    root = sent.root
    if root.lemma_ not in VIEW_LEMMAS or root.tag_ != "VBN":
        return False
    children = list(root.children)
    passive = any(c.dep_ == "auxpass" for c in children)
    by_someone = any(c.dep_ == "agent" for c in children)
    return passive and not by_someone and any(c.dep_ == "prep" and c.lower_ == "as" for c in children)
