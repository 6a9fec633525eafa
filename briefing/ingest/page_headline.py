"""Find the headline of a pasted web page among the lines above its article body.

The headline is the title-like line above the body that a byline, a date or the lead
follows, best with the byline or date right below it, on the lead's topic, and not a short
line among short lines (a menu entry, a section name, a tag); over a run of a gallery's short
captions it is the longer line starting the run, a list item ("* ...") is never one, and
neither is the title under a video's or a recording's label ("VIDEO 3:45"). ``page_lines``
finds the body and asks this module for the line heading it.
"""

from __future__ import annotations

import re

from briefing.ingest.byline import parse_byline
from briefing.ingest.page_furniture import (
    CJK,
    NOT_HEADLINE,
    STOPS,
    WORD,
    count_words,
    is_media_label,
    is_meta_line,
)

# the weights of the headline scoring: plain numbers, set on the development half of the pages
MIN_SHORT_RUN = 3  # this many short lines in a row make a menu
HEADLINE_LOOKBACK = 40  # lines above the body searched for the headline (blank and furniture not counted)
HEADLINE_REACH = 4  # a byline or date this many lines below a headline (furniture not counted)
HEADLINE_BASE, HEADLINE_SHAPE = 1.0, 1.0  # any title-like line; one of 5 to 20 words
MIN_SHAPE_WORDS, MAX_SHAPE_WORDS = 5, 20
HEADLINE_BYLINE, HEADLINE_DATE = 3.0, 2.0  # a byline, a date line below it
HEADLINE_SENTENCE = 1.5  # ending with a full stop: more often a standfirst or a caption
HEADLINE_DISTANCE = 0.05  # per line between it and the body
MIN_HEADLINE_WORDS, MAX_HEADLINE_WORDS = 3, 30
MIN_SHORT_HEADLINE_WORDS = 2  # when a byline or date line follows right below
HEADLINE_RIGHT_ABOVE = 1.5  # the byline or date line is the next line
MIN_CAPTION_RUN = 3  # short caption lines (a gallery's) between a headline and its byline or date
HEADLINE_IN_MENU = 1.5  # a short line among short lines: a menu entry, a section name, a tag
HEADLINE_TOPIC = 3.0  # times the share of its content words found in the lead
LEAD_WORDS = 300
STANDFIRST_TOPIC = 0.5  # a headline above the best line shares at least this part of its topic


def find_headline(lines: list[str], labels: list[str], first: int, last: int | None = None) -> int | None:
    """The index of the headline: the best title-like line in the lines above the body."""
    lead = lead_words(lines, first, first if last is None else last)
    scores = {i: score_headline(lines, labels, i, first) for i in lines_above(labels, first)}
    scores = {i: score + topic_score(lines[i], lead) if score > 0 else score for i, score in scores.items()}
    best_index = max(scores, key=lambda i: (scores[i], i), default=None)
    if best_index is None or scores[best_index] <= 0:
        return None
    best_index = start_of_caption_run(lines, labels, best_index, first)
    above = [i for i in range(best_index - 1, max(-1, best_index - 5), -1) if labels[i] not in ("blank", "furniture")]
    return above[0] if above and is_headline_of_standfirst(lines, labels, above[0], best_index, lead) else best_index


def start_of_caption_run(lines: list[str], labels: list[str], best: int, first: int) -> int:
    """The headline over a run of short caption lines (a photo gallery's "Jane Doe Trinity")
    that sits between it and the byline or date: the line starting the run, of a headline's
    size and longer than every caption below it; ``best`` itself when it ends no such run (a
    short headline right above its date in a run of menu entries of its size stays)."""
    following = [i for i in range(best + 1, first) if labels[i] not in ("blank", "furniture")]
    if labels[best] != "short" or not following or not is_meta_line(lines[following[0]]):
        return best
    captions, longest = 1, count_words(lines[best])
    for index in range(best - 1, max(-1, best - HEADLINE_REACH), -1):
        words = count_words(lines[index])
        if words > longest and words >= MIN_SHAPE_WORDS:
            headline = captions >= MIN_CAPTION_RUN and score_headline(lines, labels, index, first) > 0
            return index if headline else best
        if labels[index] != "short":
            return best
        captions, longest = captions + 1, max(longest, words)
    return best


def is_headline_of_standfirst(lines: list[str], labels: list[str], index: int, best: int, lead: set[str]) -> bool:
    """True when the title-like line ``index`` right above the best line is the headline and the
    best line its standfirst: on the same topic, or the best line a sentence below a title.

    A related story's headline right above is on another topic; a menu entry right above is a
    short line among short lines; a breadcrumb glued to the headline holds the best line.
    """
    line = lines[index]
    if score_headline(lines, labels, index, best + 1) <= 0 or count_words(line) < 5 or in_menu(labels, index):
        return False
    if lines[best] in line:
        return False
    sentence_below = lines[best].endswith(".") and not line.endswith(".")
    return sentence_below or topic_score(line, lead) >= STANDFIRST_TOPIC * topic_score(lines[best], lead)


def lines_above(labels: list[str], first: int) -> list[int]:
    """The HEADLINE_LOOKBACK lines above the body, not counting blank and furniture lines
    (a share row of twenty buttons does not push the headline out of reach)."""
    found: list[int] = []
    index = first - 1
    while index >= 0 and len(found) < HEADLINE_LOOKBACK:
        if labels[index] not in ("blank", "furniture"):
            found.append(index)
        index -= 1
    return found[::-1]


def score_headline(lines: list[str], labels: list[str], index: int, first: int) -> float:
    """How much a line looks like the headline: title-shaped, with a byline or date below it."""
    line = lines[index]
    words = count_words(line)
    if (
        labels[index] in ("blank", "furniture", "end", "table")
        or not MIN_SHORT_HEADLINE_WORDS <= words <= MAX_HEADLINE_WORDS
    ):
        return 0.0
    if line.endswith((",", ";", ":")) or line[:1].islower() or is_meta_line(line) or NOT_HEADLINE.search(line):
        return 0.0
    above = next((lines[i] for i in range(index - 1, -1, -1) if lines[i]), "")
    if is_media_label(above):  # the title of a video or a recording
        return 0.0
    following = [i for i in range(index + 1, first) if labels[i] not in ("blank", "furniture")]
    near = following[:HEADLINE_REACH]
    # the byline or date line right below: the line the article starts from
    right_above_meta = bool(following) and is_meta_line(lines[following[0]])
    if words < MIN_HEADLINE_WORDS and not right_above_meta:
        return 0.0
    score = HEADLINE_BASE + (HEADLINE_SHAPE if MIN_SHAPE_WORDS <= words <= MAX_SHAPE_WORDS else 0.0)
    if any(parse_byline(lines[i]) or re.fullmatch(r"(?i)by:?", lines[i]) for i in near):
        score += HEADLINE_BYLINE
    elif any(is_meta_line(lines[i]) for i in near):
        score += HEADLINE_DATE
    score += HEADLINE_RIGHT_ABOVE if right_above_meta else 0.0
    score -= HEADLINE_IN_MENU if in_menu(labels, index) else 0.0
    if line.endswith("."):
        score -= HEADLINE_SENTENCE
    return score - HEADLINE_DISTANCE * len(following)


def in_menu(labels: list[str], index: int) -> bool:
    """True when a short line stands in a run of short lines without blank lines: a menu."""
    if labels[index] != "short":
        return False
    start = end = index
    while start > 0 and labels[start - 1] in ("short", "furniture"):
        start -= 1
    while end + 1 < len(labels) and labels[end + 1] in ("short", "furniture"):
        end += 1
    return end - start + 1 >= MIN_SHORT_RUN


def content_words(line: str) -> set[str]:
    """Lower-cased words of three letters or more that are not function words, cut to their
    first five letters so that "stabbed" meets "stabbing" (CJK: each character)."""
    words = {w[:5] for w in WORD.findall(line.casefold()) if len(w) >= 3 and w not in STOPS}
    return words | set(CJK.findall(line))


def lead_words(lines: list[str], first: int, last: int) -> set[str]:
    """The content words of the body's first LEAD_WORDS words."""
    found: set[str] = set()
    count = 0
    for line in lines[first : last + 1]:
        found |= content_words(line)
        count += count_words(line)
        if count >= LEAD_WORDS:
            break
    return found


def topic_score(line: str, lead: set[str]) -> float:
    """A headline speaks of what the article's lead speaks of; a related story's headline, a
    menu entry or a sign-in line does not."""
    words = content_words(line)
    if not words or not lead:
        return 0.0
    return HEADLINE_TOPIC * len(words & lead) / len(words)
