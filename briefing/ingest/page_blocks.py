"""Blocks of a pasted page's lines that their one-line labels misjudge, and where the body ends.

``page_lines`` labels each line on its own; a few things show only across lines. A run of
prose lines the page shows twice is a news ticker or a teaser list, the rows of a table are
the article's figures, prose lines right above a photo credit are a caption. At the body's
end, a comments heading with a thread or a form below it ends the body, and a list the last
paragraph announces with a colon, or a numbered list right below it, is the article's.
"""

from __future__ import annotations

import re

from briefing.ingest.page_furniture import (
    count_words,
    is_comments_heading,
    is_meta_line,
    is_photo_credit,
    is_thread_line,
)

MIN_TABLE_ROWS, MIN_TABLE_FIGURES = 3, 3  # rows of a table in a row; figures in a row
FIGURE = re.compile(r"[+-]?\d[\d.,:%]*")
THREAD_REACH = 8  # a comment's time stamp or "Reply" this many lines below a comments heading
MIN_LIST_ITEMS, MIN_ITEM_WORDS = 3, 4  # the lines of a list the body's last paragraph announces
NUMBERED_ITEM = re.compile(r"(\d{1,2})[.)]\s+\S")
MAX_ITEM_GAP = 3  # lines between the items of a numbered list (a link, an image's caption)
MIN_REPEATED_RUN = 3  # prose lines in a row shown twice on the page: a ticker, a teaser list


def mark_repeated_runs(lines: list[str], labels: list[str]) -> list[str]:
    """Furniture for prose lines in a run of them that the page shows twice: a news ticker or
    a teaser list repeated at the top and the bottom. An article states a paragraph once (a
    question put to each of several people comes with different answers between)."""
    prose = [i for i, label in enumerate(labels) if label == "prose"]
    runs: dict[tuple[str, ...], list[int]] = {}
    for k in range(len(prose) - MIN_REPEATED_RUN + 1):
        run = prose[k : k + MIN_REPEATED_RUN]
        if all(labels[i] in ("prose", "blank") for i in range(run[0], run[-1] + 1)):
            runs.setdefault(tuple(lines[i] for i in run), []).append(k)
    marked = list(labels)
    for starts in runs.values():
        for k in starts if len(starts) > 1 else []:
            for i in prose[k : k + MIN_REPEATED_RUN]:
                marked[i] = "furniture"
    return marked


def is_table_row(line: str) -> bool:
    """A row of figures: "3 Kevin Harvick 5033 4 6 15 26", "Chelsea 12 8 2 2 26" (a date line is none)."""
    tokens = line.split()
    figures = sum(bool(FIGURE.fullmatch(t)) for t in tokens)
    return figures >= MIN_TABLE_FIGURES and 2 * figures >= len(tokens) and not is_meta_line(line)


def mark_table_rows(lines: list[str], labels: list[str]) -> list[str]:
    """ "table" for the rows of a table (MIN_TABLE_ROWS rows of figures in a row): an article's
    results or standings, which count neither for nor against the body around them."""
    rows = [labels[i] in ("short", "other") and is_table_row(lines[i]) for i in range(len(lines))]
    marked = list(labels)
    index = 0
    while index < len(lines):
        end = index
        while end < len(lines) and rows[end]:
            end += 1
        if end - index >= MIN_TABLE_ROWS:
            marked[index:end] = ["table"] * (end - index)
        index = end + 1
    return marked


def mark_captions(lines: list[str], labels: list[str]) -> list[str]:
    """Furniture for the prose lines right above a photo credit ("Photo: Jane Doe, AP") with no
    blank line between: an image's caption. A paragraph ends with a blank line."""
    marked = list(labels)
    for index, line in enumerate(lines):
        if not is_photo_credit(line):
            continue
        above = index - 1
        while above >= 0 and labels[above] == "prose":
            marked[above] = "furniture"
            above -= 1
    return marked


def take_announced_list(lines: list[str], labels: list[str], last: int) -> int:
    """The end of the body taken on through the list its last paragraph announces with a colon
    ("The tour's dates:", then "June 9 -- Coral Sky Amphitheatre, West Palm Beach, FL"): at
    least MIN_LIST_ITEMS lines right below it, of MIN_ITEM_WORDS words on average (a menu's
    entries are single words). A list scores no more than a menu, so it ended the body."""
    if labels[last] != "prose" or not lines[last].endswith(":"):
        return last
    start = next((i for i in range(last + 1, len(lines)) if lines[i]), len(lines))
    end = start
    while end < len(lines) and lines[end] and labels[end] in ("short", "other"):
        end += 1
    words = sum(count_words(lines[i]) for i in range(start, end))
    return end - 1 if end - start >= MIN_LIST_ITEMS and words >= MIN_ITEM_WORDS * (end - start) else last


def take_numbered_list(lines: list[str], labels: list[str], last: int) -> int:
    """The end of the body taken on through a numbered list right below it ("1) Lego Star Wars
    75188", a link, "2) Polistil 960574", ...): items numbered from 1 in order, at least
    MIN_LIST_ITEMS, each within MAX_ITEM_GAP lines of the one before (blank lines not counted),
    with the lines glued below the last one. A list of picks scores like a menu."""
    number, end, gap = 1, last, 0
    for index in range(last + 1, len(lines)):
        if not lines[index]:
            continue
        item = NUMBERED_ITEM.match(lines[index])
        if item and int(item.group(1)) == number and labels[index] in ("short", "other", "prose"):
            number, end, gap = number + 1, index, 0
        elif labels[index] == "end" or gap >= MAX_ITEM_GAP:
            break
        else:
            gap += 1
    if number - 1 < MIN_LIST_ITEMS:
        return last
    while end + 1 < len(lines) and lines[end + 1] and labels[end + 1] in ("short", "other"):
        end += 1
    return end


def cut_at_comments(lines: list[str], labels: list[str], first: int, last: int) -> int:
    """End the body above a comments heading that a thread or a comment form follows ("12
    comments", then "2 days ago", "Reply"; "Leave a Reply", then "Name *"): a long thread or a
    form's consent paragraphs outweigh the heading's cost, but never are the article."""
    for index in range(first + 1, last + 1):
        if labels[index] != "end" or not is_comments_heading(lines[index]):
            continue
        below = [i for i in range(index + 1, len(lines)) if lines[i]][:THREAD_REACH]
        if any(is_thread_line(lines[i]) for i in below):
            return max((i for i in range(first, index) if labels[i] == "prose"), default=last)
    return last
