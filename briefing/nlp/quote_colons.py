"""Quotes after a colon: a whole sentence quoted after a name or a clause in the same
sentence ('Pollster Daron Shaw: “…”', 'Politico reveals a few facts: “…”'), or a paragraph
that opens with a quote after one ending with a colon or with a speaker of its own."""

from __future__ import annotations

from briefing.nlp.marks import pair_marks
from briefing.nlp.parse import Paragraph
from briefing.nlp.quote_cue_words import Cue, inside_marks, is_cue_verb, make_cue, sentence_start_of, verb_subject
from briefing.nlp.quote_cues import cue_before


def colon_in_sentence(para: Paragraph, span) -> Cue | None:
    """'Pollster Daron Shaw: “…”', 'Politico reveals a few facts: “…”': a whole sentence quoted
    after a colon belongs to the name just before the colon, else to the clause's subject."""
    inner = para.text[span.open + 1 : span.close].strip()
    colon_i = para.token_from(span.open)
    if not para.text[: span.open].rstrip().endswith(":") or len(inner.split()) < 4 or not colon_i:
        return None
    doc = para.doc
    name: list = []
    for token in reversed(doc[sentence_start_of(doc, colon_i) : colon_i - 1]):
        if token.pos_ != "PROPN" or token.ent_type_ in ("DATE", "TIME"):  # '… said early on Wednesday:'
            break
        name.insert(0, token)
    if not name:
        return _clause_subject(para, colon_i)
    named = Cue("colon", para.start + name[0].idx, para.start + name[-1].idx + len(name[-1].text), None)
    if not _place_of(name[-1]):
        return named
    # a place closing the clause ('… what the pair were doing in Lebanon:') speaks only for want of a subject
    return _clause_subject(para, colon_i) or named


def _clause_subject(para: Paragraph, colon_i: int) -> Cue | None:
    """The subject of the clause before the colon, or the noun phrase opening its sentence."""
    doc = para.doc
    colon = doc[colon_i - 1]
    root = colon.sent.root
    if root.i >= colon_i and colon.dep_ == "punct" and colon.head.i < colon.i and colon.head.pos_ == "VERB":
        root = colon.head  # the clause before the colon hung from the quoted words: 'Cohel questioned …: “Is he …”'
    subject = verb_subject(root)
    if subject is None or inside_marks(para, subject):
        return _opening_noun(para, sentence_start_of(doc, colon_i), colon_i)
    tokens = [t for t in subject.subtree if t.dep_ != "punct"]
    return make_cue(para, root, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text), subject)


def _place_of(token) -> bool:
    """A name closing a clause as the object of its preposition ('… what the pair were doing in
    Lebanon:'), not a byline's 'by Times' Ben Sisario:'."""
    return token.dep_ == "pobj" and token.head.lower_ in ("in", "at", "on", "from", "to", "into", "near")


def _opening_noun(para: Paragraph, start: int, colon_i: int) -> Cue | None:
    """'A Twitter account set up by his family to help find him said early on Wednesday: “…”',
    parsed with the quote as the sentence's root and the speech verb without a subject: the
    noun phrase opening the sentence."""
    if not any(is_cue_verb(t) and verb_subject(t) is None for t in para.doc[start:colon_i]):
        return None
    words: list = []
    for token in para.doc[start:]:
        if token.pos_ not in ("DET", "PROPN", "NOUN", "ADJ", "NUM") or len(words) == 6:
            break
        words.append(token)
    if not words or words[-1].pos_ not in ("NOUN", "PROPN"):
        return None
    end = words[-1].idx + len(words[-1].text)
    return Cue("colon", para.start + words[0].idx, para.start + end, para.start + words[-1].idx)


def colon_before(para: Paragraph, span, before: Paragraph | None) -> Cue | None:
    """A paragraph that opens with a quote after one that ends 'Okafor wrote:'; or a paragraph
    that is only a quote after one without quotes whose last sentence has a speaker
    ('Ana Ruiz, 45, said she backs the plan.' then '“We need someone new.”')."""
    if before is None or para.text[: span.open].strip():
        return None
    if before.text.rstrip().endswith(":"):
        return cue_before(before, len(before.doc), whole_sentence=True) or _last_subject(before)
    only_quote = len(para.text[span.after :].strip()) < 3 and len(para.text[span.open : span.close].split()) >= 4
    if only_quote and not pair_marks(before.text):
        return cue_before(before, len(before.doc), whole_sentence=True)
    return None


def _last_subject(para: Paragraph) -> Cue | None:
    """'He then listed the qualities a nominee needs:' ending a paragraph before a quoted one:
    no speech verb, the subject of that last sentence speaks."""
    doc = para.doc
    if not len(doc):
        return None
    root = doc[len(doc) - 1].sent.root
    subject = verb_subject(root)
    if subject is None or subject.is_punct or inside_marks(para, subject):
        return None
    tokens = [t for t in subject.subtree if t.dep_ != "punct"]
    return Cue(
        "colon",
        para.start + tokens[0].idx,
        para.start + tokens[-1].idx + len(tokens[-1].text),
        para.start + subject.idx,
    )
