"""Find the article in a pasted web page: label each line, then take the best run of lines.

Selecting all on a news page and pasting it into a .txt gives the article surrounded by the
page: menus (runs of short lines), language pickers, subscribe and paywall lines, share rows,
related-headline lists and footers. Each line is labelled from plain features (length,
sentence punctuation, function words, known furniture phrases) and given a value: prose
counts for the article by its size, furniture and short lines against it. Passes over
several lines (``page_blocks``) correct the labels: a table's rows count for nothing, a prose
run shown twice (a ticker) and a photo's caption are furniture. A lead under a title and a
byline or date counts much more, unless such starts come close together (a list of other
stories, whose leads are furniture). The body is the run of lines with the highest total
(the maximum-sum span, as in Finn et al.'s Body Text Extraction), without the furniture
lines inside it; it starts after the first run of byline and date lines near its top (what
is above them is a standfirst), ends above a comments heading that a thread follows, and
takes in a list its last paragraph announces. The headline is found above the body
(``page_headline``); the byline and date lines between headline and body give the author and
the date.

Only text that looks like a pasted page (runs of short lines, several furniture lines) is
read this way, so an ordinary article saved as text is left to the usual cleaner.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.ingest.byline import is_bare_name, is_person_name, name_of_author_line, parse_byline, tidy_author
from briefing.ingest.dates import find_full_dates
from briefing.ingest.metadata import DATELINE, WIRE_DATELINE
from briefing.ingest.page_blocks import (
    cut_at_comments,
    mark_captions,
    mark_repeated_runs,
    mark_table_rows,
    take_announced_list,
    take_numbered_list,
)
from briefing.ingest.page_furniture import (
    CJK,
    NOT_HEADLINE,
    SENTENCE_END,
    SHORT_DATE,
    STOPS,
    count_words,
    is_end_marker,
    is_furniture,
    is_meta_line,
)
from briefing.ingest.page_headline import (
    HEADLINE_LOOKBACK,
    MAX_HEADLINE_WORDS,
    MIN_HEADLINE_WORDS,
    MIN_SHORT_RUN,
    find_headline,
)

# the weights of the line scoring: plain numbers, set on the development half of the pages
PROSE_GAIN = 1.0  # a prose line counts for the article by its size in words
SHORT_COST = 1.5  # a short line without sentence punctuation counts against it ...
SHORT_WORD_COST = 0.3  # ... more when it is longer (a headline in a list of links)
FURNITURE_COST = 4.0  # a furniture line (menu word, subscribe line, share row) counts most
END_COST = 50.0  # a heading that ends articles ("Comments", "Related") cuts the body there
MIN_PROSE_WORDS = 6  # with sentence punctuation
MIN_BARE_PROSE_WORDS = 20  # without it, but with function words
MIN_STOP_SHARE = 0.1
MAX_SHORT_WORDS = 5  # the size of a menu entry
MIN_MENU_LINES = 5  # lines in menus that make a text a pasted page
PASTED_SIGNAL = 5  # menu lines + furniture lines + short lines glued to the next line
MIN_GLUED = 5  # of which menu lines and glued lines
MAX_LEAD_SHARE = 0.25  # prose above a byline or date line at most this share of the body: a standfirst
MAX_STANDFIRST_LINES = 2  # and at most this many lines of it when the line below is a bare name
MAX_PATTERN_CHARS = 1000
TOP_LINES = 6  # the lines of an ordinary text searched for a headline with a byline below
ARTICLE_START_GAIN = 40.0  # a lead under a headline and its byline or date counts this much more
MIN_TEASERS, MAX_TEASER_GAP = 3, 5  # article starts this close to each other: a list of other stories
MAX_INLINE_BLOCK = 8  # lines of an inline "More from Golf" block of links inside the article
MIN_RESUMED_PROSE = 2  # prose lines above such a block that are the article's opening
START_REACH = 3  # the byline or date within this many lines above the lead (blank lines not counted)
# A pasted page's furniture, teasers and comments are short or few: on the benchmark's pages
# (scrapinghub's, dev half) at most 1,197 words of long lines fell outside the article, 5x its
# own. More than this, and more than ``MAX_DROPPED_SHARE`` times what is kept, is no page but
# many texts in one file (articles put together): it is kept whole rather than cut to one.
MAX_DROPPED_PROSE = 3000
MAX_DROPPED_SHARE = 10
LONG_LINE_WORDS = 20


@dataclass
class PastedPage:
    """The article found in a pasted page, and what its top lines say."""

    body: str
    title: str | None = None
    author: str | None = None
    published: str | None = None


def is_prose(line: str) -> bool:
    words = count_words(line)
    if words >= MIN_PROSE_WORDS and SENTENCE_END.search(line):
        return True
    tokens = re.findall(r"\w+", line.lower())
    stop_share = sum(t in STOPS for t in tokens) / max(1, len(tokens))
    return words >= MIN_BARE_PROSE_WORDS and (stop_share >= MIN_STOP_SHARE or CJK.search(line) is not None)


def is_short(line: str) -> bool:
    return count_words(line) <= MAX_SHORT_WORDS and not SENTENCE_END.search(line)


def label_line(line: str) -> str:
    """One of: blank, end (a heading that ends articles), furniture, prose, short, other."""
    if not line.strip():
        return "blank"
    if len(line) > MAX_PATTERN_CHARS:  # no furniture is this long; spare the patterns a huge line
        return "prose" if is_prose(line) else "other"
    if is_end_marker(line):
        return "end"
    if is_furniture(line):
        return "furniture"
    if is_prose(line):
        return "prose"
    return "short" if is_short(line) else "other"


def score_line(line: str, label: str) -> float:
    """How much a line counts for (positive) or against (negative) being article text."""
    words = count_words(line)
    if label in ("blank", "table"):
        return 0.0
    if label == "prose":
        return PROSE_GAIN * words
    if label == "end":
        return -END_COST
    if label == "furniture":
        return -(FURNITURE_COST + SHORT_WORD_COST * words)
    return -(SHORT_COST + SHORT_WORD_COST * words)


def looks_pasted(lines: list[str], labels: list[str]) -> bool:
    """Menus, furniture lines and short lines without blank lines between: a copied page.

    An article saved as text sets its headline, byline and date apart with blank lines; a
    browser's copy puts every block that is not a paragraph on the next line.
    """
    in_menus = run = 0
    for label in labels + ["blank"]:
        if label in ("short", "furniture", "end"):
            run += 1
            continue
        in_menus += run if run >= MIN_SHORT_RUN else 0
        run = 0
    glued = sum(1 for i in range(len(lines) - 1) if lines[i] and lines[i + 1] and labels[i] not in ("prose", "blank"))
    furniture = labels.count("furniture") + labels.count("end")
    return in_menus + glued >= MIN_GLUED and in_menus + glued + furniture >= PASTED_SIGNAL


def find_body_span(scores: list[float]) -> tuple[int, int] | None:
    """(first, last) line of the maximum-sum run of line scores; None when nothing is positive."""
    best, best_span = 0.0, None
    total, start = 0.0, 0
    for index, score in enumerate(scores):
        if total <= 0:
            total, start = 0.0, index
        total += score
        if total > best:
            best, best_span = total, (start, index)
    return best_span


def opening_above_inline_block(lines: list[str], labels: list[str], first: int) -> tuple[int, set[int]]:
    """The article's first line when a block of links with its heading ("MORE FROM GOLF",
    "3/2 - Tiger Woods' Agent, PGA Refute Claims ...") stands between its opening paragraphs and
    the rest, which the body's span took alone; with the block's lines, to be dropped. A
    block is at most ``MAX_INLINE_BLOCK`` lines without prose, one of them a heading of the
    kind that ends articles, under at least ``MIN_RESUMED_PROSE`` prose lines, or under one
    that opens with a dateline ("Abuja (AFP) - Nigeria on Friday claimed..."): a lead."""
    block: list[int] = []
    index = first - 1
    while index >= 0 and labels[index] != "prose" and len(block) <= MAX_INLINE_BLOCK:
        if labels[index] != "blank":
            block.append(index)
        index -= 1
    if index < 0 or len(block) > MAX_INLINE_BLOCK or not any(labels[i] == "end" for i in block):
        return first, set()
    opening = index
    while opening > 0 and labels[opening - 1] in ("prose", "blank"):
        opening -= 1
    prose = [i for i in range(opening, index + 1) if labels[i] == "prose"]
    lead = len(prose) == 1 and bool(WIRE_DATELINE.match(lines[prose[0]]) or DATELINE.match(lines[prose[0]]))
    if len(prose) < MIN_RESUMED_PROSE and not lead:
        return first, set()
    while labels[opening] == "blank":
        opening += 1
    return opening, set(block)


def skip_standfirst(lines: list[str], labels: list[str], first: int, last: int) -> tuple[int, int]:
    """Start the body after a byline or date line near its top: what is above is a standfirst."""
    total = sum(count_words(lines[i]) for i in range(first, last + 1) if labels[i] == "prose")
    above = prose_lines = 0
    found = False
    # a bare name under the first paragraphs is a caption when a date or byline already heads them
    dated = next(
        (is_meta_line(lines[i]) for i in range(first - 1, -1, -1) if labels[i] not in ("blank", "furniture")), False
    )
    for index in range(first, last + 1):
        # only the first run of byline and date lines: a name heading a later section (an
        # interviewee) or a comment's time stamp is no byline, and the comments are no body
        if (
            (above > MAX_LEAD_SHARE * total and prose_lines > 1)
            or labels[index] == "end"
            or (found and labels[index] == "prose")
        ):
            break
        meta = labels[index] in ("short", "other") and is_meta_line(lines[index])
        # a bare name under a few paragraphs is a caption's or a section's ("Status Quo")
        if meta and ((prose_lines <= MAX_STANDFIRST_LINES and not dated) or not is_bare_name(lines[index])):
            first, found = index + 1, True
        above += count_words(lines[index]) if labels[index] == "prose" else 0
        prose_lines += labels[index] == "prose"
    while first < last and labels[first] != "prose":
        first += 1
    return first, last


def article_starts(lines: list[str], labels: list[str]) -> list[int]:
    """Prose lines that open an article: a title-like line, then byline or date lines, then
    this line. A short article under its headline then outweighs a long footer or a comment, and
    a list of related headlines with their bylines (no lead below) gains nothing."""
    starts = []
    for index, label in enumerate(labels):
        if label != "prose":
            continue
        above = [i for i in range(index - 1, -1, -1) if labels[i] != "blank"][: START_REACH + 1]
        metas = 0
        for i in above:
            if labels[i] in ("short", "other") and is_meta_line(lines[i]):
                metas += 1
                continue
            if metas and is_title_shaped(lines[i]):
                starts.append(index)
            break
    return starts


def find_teasers(lines: list[str], starts: list[int]) -> set[int]:
    """The leads of a list of other stories, each under its title, byline and date: MIN_TEASERS
    article starts or more, each within MAX_TEASER_GAP lines of the next. An article's lead is
    followed by its paragraphs, not by another story's title."""
    teasers: set[int] = set()
    run = starts[:1]
    for start in [*starts[1:], None]:
        if start is not None and sum(1 for i in range(run[-1] + 1, start) if lines[i]) <= MAX_TEASER_GAP:
            run.append(start)
            continue
        teasers |= set(run) if len(run) >= MIN_TEASERS else set()
        run = [start] if start is not None else []
    return teasers


def find_author_and_date(lines: list[str]) -> tuple[str | None, str | None]:
    author = published = None
    for index, line in enumerate(lines):
        byline = parse_byline(line)
        if byline and not author:
            author, published = byline.author, published or byline.published
        elif re.fullmatch(r"(?i)by:?", line.strip()) and index + 1 < len(lines) and not author:
            author = lines[index + 1].strip() if is_person_name(lines[index + 1].strip()) else None
        elif (
            not author
            and name_of_author_line(line)
            and (index == 0 or not is_bare_name(line) or dated_beside(lines, index))
        ):
            author = name_of_author_line(line)
        elif not published and count_words(line) <= 15:
            dates = find_full_dates(line)
            published = dates[0][0] if dates else None
    return author, published


def byline_above(lines: list[str], headline: int | None) -> str | None:
    """The author of a "By" line right above the headline ("Von Jane Doe publiziert am ...",
    then the headline): some pages set the byline first."""
    above = [line for line in lines[max(0, (headline or 0) - 4) : headline or 0] if line][-2:]
    bylines = [parse_byline(line) for line in above]
    return next((b.author for b in reversed(bylines) if b and b.author), None)


def dated_beside(lines: list[str], index: int) -> bool:
    """True when the line before or after ``lines[index]`` is a date line: a bare name there is
    the author's ("Jane Doe" over "Nov 13, 2019 4:26 pm"); elsewhere among the lines above the
    body it is a tag, a caption or a section heading ("South Korea", "Neues Leitmotto")."""
    return any(
        0 <= i < len(lines)
        and count_words(lines[i]) <= 15
        and bool(find_full_dates(lines[i]) or SHORT_DATE.search(lines[i]))
        for i in (index - 1, index + 1)
    )


def read_pasted_page(text: str) -> PastedPage | None:
    """The article of a pasted page; None when ``text`` does not look like one."""
    lines = [line.strip() for line in text.split("\n")]
    labels = [label_line(line) for line in lines]
    if not looks_pasted(lines, labels):
        return None
    labels = mark_captions(lines, mark_table_rows(lines, mark_repeated_runs(lines, labels)))
    starts = article_starts(lines, labels)
    teasers = find_teasers(lines, starts)
    labels = ["furniture" if i in teasers else label for i, label in enumerate(labels)]
    scores = [score_line(line, label) for line, label in zip(lines, labels, strict=True)]
    for index in set(starts) - teasers:
        scores[index] += ARTICLE_START_GAIN
    span = find_body_span(scores)
    if span is None:
        return None
    first, inline = opening_above_inline_block(lines, labels, span[0])
    labels = ["furniture" if i in inline else label for i, label in enumerate(labels)]
    first, last = skip_standfirst(lines, labels, first, span[1])
    last = cut_at_comments(lines, labels, first, last)
    last = take_numbered_list(lines, labels, take_announced_list(lines, labels, last))
    headline = find_headline(lines, labels, first, last)
    top = lines[headline + 1 if headline is not None else max(0, first - HEADLINE_LOOKBACK) : first]
    author, published = find_author_and_date([line for line in top if line])
    author = tidy_author(author or byline_above(lines, headline))
    kept = [
        line
        for line, label in zip(lines[first : last + 1], labels[first : last + 1], strict=True)
        if label != "furniture"
    ]
    title = lines[headline] if headline is not None else None
    body = re.sub(r"\n{3,}", "\n\n", "\n".join(kept))  # a dropped line leaves one paragraph break
    left_out = _prose_words(lines) - _prose_words(kept)
    if left_out > max(MAX_DROPPED_PROSE, MAX_DROPPED_SHARE * _prose_words(kept)):
        return None
    return PastedPage(body, title, author, published)


def _prose_words(lines: list[str]) -> int:
    """Words in the long lines: the paragraphs of articles, not menus or teasers."""
    return sum(n for n in (count_words(line) for line in lines) if n >= LONG_LINE_WORDS)


def find_top_headline(text: str) -> tuple[str, str] | None:
    """(headline, author) of a text whose first lines hold a title-like line with a byline on
    the next line, below a caption or a kicker: "caption (credit: ...)", "Headline", "by Jane Doe".

    A text that is no pasted page still carries its headline this way when it was copied from
    a simple page; the cleaner would otherwise join headline and byline into one paragraph.
    """
    lines = [line.strip() for line in text.split("\n", TOP_LINES * 4)[: TOP_LINES * 4]]
    seen = 0
    for index, line in enumerate(lines[:-1]):
        seen += bool(line)
        if seen > TOP_LINES:
            break
        byline = parse_byline(lines[index + 1])
        if line and byline and byline.author and is_title_shaped(line):
            return line, byline.author
    return None


def is_title_shaped(line: str) -> bool:
    words = count_words(line)
    if not MIN_HEADLINE_WORDS <= words <= MAX_HEADLINE_WORDS or len(line) > MAX_PATTERN_CHARS:
        return False
    if line.endswith((".", ",", ";", ":")) or line[:1].islower() or NOT_HEADLINE.search(line):
        return False
    return not is_meta_line(line)
