"""A photo's caption set as a paragraph of its own, as news pages print them between the
story's paragraphs: one line without the closing mark a sentence of the body has, behind a
short label ("Gunned down: Cirillo is raced to an ambulance …", "PA Surprise find: …") or
pointing at the picture ("Vet Faye Bethell, 29 (pictured), carried out …", "Officer Wilson
(right, collecting a commendation) …", "Pictured, Queen Elizabeth II meets guests …").

A caption restates the story or shows what a picture shows: it holds no claim of its own and
no subject a later "he" or "she" stands for. A labelled line with a closing mark is the
story's ("Analysis: the vote was close."), and so is a live update's or a timeline's entry
("Update: Police say …", "Monday: The suspect was charged"), or a transcript's speaker
("TRUMP: We're going to win").
"""

from __future__ import annotations

import re

CLOSING_MARK = re.compile(r"[.?!…][\"'”’)\]]*\s*$")
# a second sentence: a caption has one ("David Wasserman: “Indiana … points.” [538]" quotes an analyst)
NEXT_SENTENCE = re.compile(r"[.?!…][\"'”’)\]]*\s+[\"'“‘]?[A-Z]")
MAX_WORDS = 60
# a short label in sentence case, perhaps behind a picture agency's name, a colon, a sentence
LABELLED = re.compile(
    r"(?:[A-Z]{2,5}\s+|(?:Getty|Rex|Alamy|Reuters|Shutterstock)\s+)?"
    r"(?P<label>[A-Z][a-z][\w'’-]*(?: [\w'’-]+){0,3}): [A-Z‘'\"“]"
)
NOT_CAPTION_LABELS = re.compile(
    r"(?i)(?:updated?|breaking(?: news)?|exclusive|correction|clarification|editor'?s note|note|live|analysis|"
    r"opinion|watch|listen|warning|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|"
    r"yesterday|january|february|march|april|may|june|july|august|september|october|november|december|"
    r"day \d+|week \d+|question|answer)$"
)
PICTURE_MARK = re.compile(
    r"(?i)\((?:pictured|left|right|centre|center|top|bottom|above|below|inset|front|middle|"
    r"far (?:left|right)|second (?:from )?(?:left|right)|from (?:left|right))\b[^()]{0,80}\)|"
    r",\s*pictured\s*(?:,|$)|^pictured\b|^(?:above|below|inset|left|right|top|bottom)\s*[,:]|"
    r"^seen (?:here|above|below|left|right)\b"
)


def is_caption(paragraph: str) -> bool:
    """True for a paragraph set as a picture's caption: one line of one sentence, no closing
    mark, a label or a pointer at the picture."""
    text = paragraph.strip()
    if not text or "\n" in text or CLOSING_MARK.search(text) or NEXT_SENTENCE.search(text):
        return False
    if len(text.split()) > MAX_WORDS:
        return False
    labelled = LABELLED.match(text)
    if labelled and not NOT_CAPTION_LABELS.match(labelled["label"]):
        return True
    return bool(PICTURE_MARK.search(text))
