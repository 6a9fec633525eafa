"""A photo's caption set as a paragraph of its own, as news pages print them between the
story's paragraphs: one line without the closing mark a sentence of the body has, behind a
short label ("Gunned down: Cirillo is raced to an ambulance …", "PA Surprise find: …") or
pointing at the picture ("Vet Faye Bethell, 29 (pictured), carried out …", "Officer Wilson
(right, collecting a commendation) …", "Pictured, Queen Elizabeth II meets guests …") or
behind a picture agency's credit ("REUTERS/John Schults Vogue's new office in 1 WTC").

A caption restates the story or shows what a picture shows: it holds no claim of its own and
no subject a later "he" or "she" stands for. A labelled line with a closing mark is the
story's ("Analysis: the vote was close."), and so is a live update's or a timeline's entry
("Update: Police say …", "Monday: The suspect was charged", "In 2013: 54 bodies found …"), or
a speaker's words behind their name ("TRUMP: We're going to win", "David Wasserman: “Indiana
…” [538]"). A label may stand over two sentences ("Killed: Cpl. Nathan Cirillo was shot dead …
He leaves behind a young son"); a pointer at the picture stands in a caption of one.
"""

from __future__ import annotations

import re

from briefing.nlp.census_surnames import census_surnames
from briefing.nlp.entity_words import is_given_name

CLOSING_MARK = re.compile(r"[.?!…][\"'”’)\]]*\s*$")
# a second sentence ("Killed: Cpl. Cirillo was shot dead … He leaves behind a young son")
NEXT_SENTENCE = re.compile(r"[.?!…][\"'”’)\]]*\s+[\"'“‘]?[A-Z]")
MAX_WORDS = 80
# a short label in sentence case, perhaps behind a picture agency's name or a credit ("Facebook /
# Dylan Thomas Sore: When the red line began to blister …"), a colon, a sentence
LABELLED = re.compile(
    r"(?:[A-Z]{2,5}\s+|(?:Getty|Rex|Alamy|Reuters|Shutterstock)\s+|[A-Z][\w.]*\s/\s[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*)?\s+)?"
    r"(?P<label>[A-Z][a-z][\w'’-]*(?: [\w'’-]+){0,3}): (?P<opening>[A-Z0-9‘'\"“])"
)
# a picture agency's credit in the capitals credits are set in, run into the caption it closes on
# the page ("REUTERS/John Schults Vogue's new office in 1 WTC"); "Reuters/Ipsos poll: …" is a poll's
CREDIT_OPENING = re.compile(r"(?:REUTERS|AFP|EPA|AP Photo|AP PHOTO|Getty Images|GETTY IMAGES)\s*/\s*[A-Z]")
QUOTE_MARKS = "‘'\"“"
INTERRUPTED = re.compile(r"[-–—]\s*$")  # a transcript's speaker cut off: "Clinton: We did not. We —"
NOT_CAPTION_LABELS = re.compile(
    r"(?i)(?:updated?|breaking(?: news)?|exclusive|correction|clarification|editor'?s note|note|live|analysis|"
    r"opinion|watch|listen|warning|monday|tuesday|wednesday|thursday|friday|saturday|sunday|today|tonight|"
    r"yesterday|january|february|march|april|may|june|july|august|september|october|november|december|"
    r"question|answer)$|.*\d"  # a label with a figure dates a timeline's entry: "In 2013: 54 bodies found …"
)
PICTURE_MARK = re.compile(
    r"(?i)\((?:pictured|left|right|centre|center|top|bottom|above|below|inset|front|middle|"
    r"far (?:left|right)|second (?:from )?(?:left|right)|from (?:left|right))\b[^()]{0,80}\)|"
    r",\s*pictured\s*(?:,|$)|^pictured\b|^(?:above|below|inset|left|right|top|bottom)\s*[,:]|"
    # "Meng Xiangyan pictured with her son as she tries to sell him …", "ISIS fighters pictured in June 2014"
    r"\bpictured (?:with|at|in|on|during|outside|inside|here|beside|alongside|holding|wearing|leaving|arriving)\b|"
    r"^seen (?:here|above|below|left|right)\b"
)


def is_caption(paragraph: str) -> bool:
    """True for a paragraph set as a picture's caption: one line without a closing mark, behind
    a label, or of one sentence pointing at the picture."""
    text = paragraph.strip()
    if not text or "\n" in text or CLOSING_MARK.search(text) or len(text.split()) > MAX_WORDS:
        return False
    if CREDIT_OPENING.match(text):
        return True
    labelled = LABELLED.match(text)
    if labelled and not NOT_CAPTION_LABELS.match(labelled["label"]):
        if not NEXT_SENTENCE.search(text) or _labels_a_picture(labelled, text):
            return True
    return not NEXT_SENTENCE.search(text) and bool(PICTURE_MARK.search(text))


def _labels_a_picture(labelled: re.Match[str], text: str) -> bool:
    """A label over sentences of a picture's caption, not a speaker's name over what they said
    ("David Wasserman: “Indiana … points.” [538]", "Clinton: We did not. We —")."""
    label = labelled["label"].split()
    if labelled["opening"] in QUOTE_MARKS or INTERRUPTED.search(text):
        return False
    if len(label) == 1:
        word = label[0].lower()
        return not is_given_name(word) and word not in census_surnames()
    return not all(word[:1].isupper() for word in label)  # "Final moments", not "Hillary Clinton"
