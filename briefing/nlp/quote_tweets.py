"""Embedded posts as quotes: the words of a post a page embeds, with its author as speaker.

A page that embeds a tweet keeps, once it is text, the post's words and then its signature:
"While I respect the professionals at the FBI, this announcement defies explanation. No one
should be above the law. pic.twitter.com/OqctxglquI — Paul Ryan (@SpeakerRyan) July 5, 2016".
No quotation marks, yet it is a direct quote, verbatim, of a named account: the words up to the
signature are the quote (its trailing picture and short links left out), the name before the
handle is the speaker, and the cue is "tweeted". The web importer keeps a post of several lines
in one paragraph, so the quote is the signature's paragraph.
"""

from __future__ import annotations

import re

from briefing.domain import normalise_name
from briefing.embedded_posts import find_signature
from briefing.nlp.entities import Cluster
from briefing.nlp.lexicon import PERSON_TITLES
from briefing.nlp.parse import ParsedText
from briefing.person_names import may_be_same_person

LINK = re.compile(r"(?:https?://|pic\.twitter\.com/)\S*$")
NAME_PREFIXES = PERSON_TITLES | {"the"}
MIN_WORDS = 3  # a post of a picture and a word or two says nothing to quote


def tweet_quotes(parsed: ParsedText, clusters: list[Cluster]) -> list[tuple[int, int, int | None, str]]:
    """(start, end, speaker cluster or None, speaker name) of each embedded post's words. The
    speaker is the entity found as the signature's whole name, else nobody but the name's words."""
    text = parsed.text
    found = []
    for para in parsed.paragraphs:
        match = find_signature(para.text)
        if match is None:
            continue
        end = para.start + _without_links(para.text, match.start())
        start = para.start + len(para.text) - len(para.text.lstrip())
        if len(text[start:end].split()) < MIN_WORDS:
            continue
        name_start, name_end = (para.start + i for i in match.span("name"))
        found.append((start, end, _named(clusters, text, name_start, name_end), match["name"]))
    return found


def _without_links(text: str, end: int) -> int:
    """``end`` moved back over the whitespace, picture links and short links that close a post
    (one pass from the end: a paragraph of thousands of links costs no more than its length)."""
    while True:
        while end > 0 and text[end - 1].isspace():
            end -= 1
        start = end
        while start > 0 and not text[start - 1].isspace():
            start -= 1
        link = LINK.search(text, start, end)
        if link is None or start == end:
            return end
        end = link.start()


def _named(clusters: list[Cluster], text: str, start: int, end: int) -> int | None:
    """The cluster of a mention that is the whole name at [start, end), a title or "the" aside
    ("Rep. Ilhan Omar", "The Nigerian Senate"), and that the cluster is named by: the same
    person ("Donald J. Trump" of Donald Trump) or the same body. None for a part of a name
    ("Browns" of "PFF CLE Browns"), or a name the text's other entity took in ("PFF CLE Browns"
    read into the Cleveland Browns)."""
    for index, cluster in enumerate(clusters):
        for mention in cluster.mentions:
            if start <= mention.start and mention.end == end:
                before = text[start : mention.start].lower().replace(".", " ").split()
                if not all(word in NAME_PREFIXES for word in before):
                    continue
                said, named = normalise_name(mention.text), normalise_name(cluster.name)
                if said == named or cluster.type == "person" and may_be_same_person(said, named):
                    return index
    return None
