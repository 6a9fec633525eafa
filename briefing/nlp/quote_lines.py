"""Cues that a line's layout gives: 'Trump: ‘…’' headlines and 'Name, Outlet: “…”' lines, a
quote signed with a dash and a name, a transcript's speaker label, and a headline's subject."""

from __future__ import annotations

import re

from briefing.nlp.entity_words import OPENING_WORDS
from briefing.nlp.parse import Paragraph
from briefing.nlp.quote_cue_words import Cue, inside_marks, verb_subject

LINE_SPEAKER = re.compile(r"\s*(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})(?:,\s*[^:“”\"\n]{1,60})?:\s*")
SIGNED = re.compile(
    r"[^\S\n]*[―—–-]{1,2}[^\S\n]*(?P<name>[A-Z][\w.’'-]*(?:[^\S\n]+[A-Z][\w.’'-]*){0,4})[^\S\n]*\.?[^\S\n]*(?:\n|$)"
)
TRANSCRIPT_LABEL = re.compile(r"\s*(?P<name>[A-Z][A-Z’'-]+(?:\s+[A-Z][A-Z’'-]+){0,2}):\s")
NOT_LINE_SPEAKERS = frozenset("update note editor’s note watch read photo related breaking warning q a".split())


def line_cue(para: Paragraph, span) -> Cue | None:
    """'Trump: ‘…’' headlines and 'Ana Ruiz, Veldra Post: “…”' lines: the name before the colon."""
    lead = para.text[: span.open]
    match = LINE_SPEAKER.match(lead)
    # a sentence's opening word before its comma is no name: 'However, Cohel questioned what …: “…”'
    if match is None or match["name"].lower() in NOT_LINE_SPEAKERS | OPENING_WORDS:
        return None
    if lead[match.end() :].strip() and len(para.text) > 200:
        return None
    return Cue("colon", para.start + match.start("name"), para.start + match.end("name"))


def signed_cue(para: Paragraph, span) -> Cue | None:
    """'“He can’t even answer a question.” ― Esther Tapia': a paragraph that is a quote signed
    with a dash and a name, as readers' and voters' words are listed, a line each."""
    if para.text[para.text.rfind("\n", 0, span.open) + 1 : span.open].strip() or not span.closed:
        return None
    match = SIGNED.match(para.text, span.after)
    if match is None:
        return None
    name = match["name"]
    if name.endswith(".") and len(name.split()[-1]) > 2:  # the period ends the line, not an initial
        name = name[:-1]
    start = para.start + match.start("name")
    return Cue("signed", start, start + len(name))


def transcript_cue(para: Paragraph, span) -> Cue | None:
    """'"WALLACE: Let’s start with…' / '"PENCE: Well, look, …': a quoted transcript line
    whose speaker is the capitalised label at its head."""
    match = TRANSCRIPT_LABEL.match(para.text, span.open + 1, span.close)
    if match is None or para.text[: span.open].strip() or match["name"].lower() in NOT_LINE_SPEAKERS:
        return None
    return Cue("transcript", para.start + match.start("name"), para.start + match.end("name"))


def headline_subject(para: Paragraph) -> Cue:
    """The subject of a headline's main verb ('Retired General Reveals ‘…’ Experience'); where
    the parser found none in the capitalised words, the name opening it ('Gillibrand on Hillary
    Releasing Her Speeches: ‘…’'), else its first subject; else no one."""
    root = para.doc[0].sent.root if len(para.doc) else None
    subject = verb_subject(root) if root else None
    if subject is None or subject.is_punct or inside_marks(para, subject):
        opening = next((e for e in para.doc.ents if e.start == 0 and e.label_ in ("PERSON", "ORG")), None)
        if opening is not None:
            start, end = para.start + opening.start_char, para.start + opening.end_char
            return Cue("headline", start, end, para.start + opening[-1].idx)
        # 'Black Lawmakers Rip Donald Trump As A ‘…’' parsed with a name as the root: the first subject
        subject = next((t for t in para.doc if t.dep_ in ("nsubj", "nsubjpass") and not inside_marks(para, t)), None)
        if subject is None and root is not None:
            return _words_before_root(para, root)
        if subject is None or subject.pos_ == "PRON":
            return Cue("headline", para.start, para.start)
    tokens = [t for t in subject.subtree if t.dep_ != "punct"]
    start, end = para.start + tokens[0].idx, para.start + tokens[-1].idx + len(tokens[-1].text)
    return Cue("headline", start, end, para.start + subject.idx)


def _words_before_root(para: Paragraph, root) -> Cue:
    """'Frustrated Parents Rally Nationwide To ‘…’' parsed with the verb as a noun ('Rally') and
    no subject: the words that modify it from the left are who acts."""
    before = [t for t in root.lefts if t.dep_ in ("compound", "amod", "nmod")]
    if not before or before[0].i != 0 or before[-1].i + 1 != root.i or root.pos_ != "PROPN":
        return Cue("headline", para.start, para.start)
    start, end = para.start + before[0].idx, para.start + before[-1].idx + len(before[-1].text)
    return Cue("headline", start, end, para.start + before[-1].idx)
