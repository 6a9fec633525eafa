"""Subheads: short title-like lines between paragraphs, read as headlines are.

A dek under the headline ("Language unclear on whether single mothers are covered, experts
say.") or a subhead in the body states its fact in headline grammar: no article, no "is",
often set in title case. The sentence rules read such a line as a sentence and let it go
(too few features of a claim, or every word a proper noun); here it is found, and the
finder judges it as it judges a headline, true-cased first.

A subhead is one line of one sentence, three to ``MAX_WORDS`` words, with a paragraph after
it: either right under the headline (the dek, at most ``MAX_DEKS`` lines in a row) or, in
the body, a line in title case or one without a closing mark. A line ending on a colon or a
comma, or on a speech verb with nothing said, introduces what follows ("From Bloomberg:", "As
The Mirror reports,", "The document reads"), and one opening on a quote mark is speech, not
a title (a headline's 'quoted words' inside the line are its own); section
labels ("ABSTRACT.", "News Analysis."), kickers, bylines and captions are left to the
judge, which asks for a verb or a figure and drops page furniture (``claim_junk``).
"""

from __future__ import annotations

import re

from briefing.nlp.claim_headline import sentence_ranges
from briefing.nlp.claim_junk import is_junk
from briefing.nlp.parse import ParsedText, after_bullet
from briefing.nlp.title_lines import is_title_case_line

MIN_WORDS, MAX_WORDS = 3, 20
MAX_DEKS = 2
OPENING_QUOTE = re.compile(r"^[\"“”„«»‘']")
GLUED = re.compile(r"[a-z][A-Z][a-z]+[A-Z]")  # "FlagShareLikeReply": a page's widgets run together
CLOSING_MARK = re.compile(r"[.?!…\"'”’)\]]$")
# a few words ending on a speech verb with nothing said: the line before a quoted passage
LEAD_IN = re.compile(
    r"(?:\S+\s+){1,3}(?:reads?|says?|said|writes?|wrote|states?|stated|adds?|added|explains?|explained|"
    r"continues?|continued|reports?|reported|notes?|noted)"
)


def subhead_paragraphs(parsed: ParsedText, headline_end: int, has_headline: bool) -> dict[int, bool]:
    """The indexes of the paragraphs that are subheads, each with True for a dek: deks lie
    right under the headline (which ends at ``headline_end`` in the text, or is the title,
    apart from it, when ``has_headline``); title-like lines lie in the body."""
    paragraphs = parsed.paragraphs
    found: dict[int, bool] = {}
    first = next((i for i, p in enumerate(paragraphs) if p.start >= headline_end), len(paragraphs))
    deks = has_headline
    for i in range(first, len(paragraphs) - 1):  # a subhead has a paragraph after it
        line = paragraphs[i].text.strip()
        if not is_short_line(line) or after_bullet(parsed.text, paragraphs[i].start):  # a list's item
            deks = False
            continue
        if deks and i - first < MAX_DEKS:
            found[i] = True
        elif i > first and is_title_like(line):
            found[i] = False
    return found


def is_short_line(line: str) -> bool:
    """One line of one sentence, few words, not opening on a quote mark, not a lead-in to what
    follows, not page furniture."""
    if "\n" in line or line.endswith((":", ",")) or line[:1].islower() or OPENING_QUOTE.match(line) or is_junk(line):
        return False  # a lower-case start is the rest of a line above: "of group's methods ..."
    if LEAD_IN.fullmatch(line):
        return False  # "The document reads", "As The Mirror reports,": what follows is the point
    if GLUED.search(line):
        return False
    return MIN_WORDS <= len(line.split()) <= MAX_WORDS and len(sentence_ranges(line)) == 1


def is_title_like(line: str) -> bool:
    """Set as a title: in title case, or without the closing mark a sentence of the body has."""
    return is_title_case_line(line) or not CLOSING_MARK.search(line)


# a run-in subhead in capitals before a paragraph's first sentence: "THE BORROWING Back when he
# wrote his book, ...", "SAVE A QUARTER Let's say ..."
MIN_RUN_ON_WORDS = 8  # the sentence after a run-in subhead
RUN_IN_HEAD = re.compile(r"(?:[A-Z][A-Z'’&-]*\s+){2,6}(?=[A-Z][a-z])")


def run_in_head_end(text: str) -> int:
    """Where the sentence begins after a run-in subhead in capitals; 0 when it opens with none.
    Capitals that name something ("AT&T CEO Randall Stephenson", "NEW YORK Officials") hold no
    word of the language of four letters or more, as a subhead's do."""
    from briefing.nlp.entity_words import dictionary_words

    match = RUN_IN_HEAD.match(text)
    if match is None or len(text[match.end() :].split()) < MIN_RUN_ON_WORDS:
        return 0  # "ISIS BEHEADS American Journalist": a headline in capitals, not a subhead before one
    words = [w.strip("'’&-").lower() for w in match.group().split()]
    return match.end() if any(len(w) >= 4 and w in dictionary_words() for w in words) else 0
