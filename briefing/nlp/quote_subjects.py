"""Who a cue verb's speaker is, as the words that name them.

The verb's own subject ('Okafor said'); the name after an inverted verb ('said Marta
Okafor, chief executive'); a name set off after the quote ('“…,” Ramos, 58, told AFP');
for a verb without a subject of its own ('…, saying “…”', 'and declared “…”', 'writing:')
the subject of the clause it hangs from; else the noun phrase just before the verb.
"""

from __future__ import annotations

from briefing.nlp.parse import Paragraph
from briefing.nlp.quote_cue_words import (
    OPENING_MARKS,
    Cue,
    inside_marks,
    is_cue_verb,
    make_cue,
    relative_antecedent,
    sentence_start_of,
    subject_cue,
    verb_subject,
)
from briefing.nlp.quote_topics import is_subject

PROMPTING_VERBS = frozenset("prompt urge lead force push press provoke spur inspire drive move".split())
# verbs whose object is heard speaking: 'Ms. Pressler quoted him saying, “…”', 'heard Smith saying'
HEARING_VERBS = frozenset("quote hear overhear record catch film".split())
# verbs that tell what someone made known, as speech verbs do, without introducing quotes themselves
DISCLOSING_LEMMAS = frozenset("indicate disclose reveal signal".split())


def cue_for_verb(para: Paragraph, verb, window, after_quote: bool = False) -> Cue | None:
    subject = verb_subject(verb)
    if subject is not None and (subject.is_punct or inside_marks(para, subject)):
        subject = None
        before = [t for t in window if t.i < verb.i and not t.is_punct]
        if before:  # '«...» the minister told reporters': the words before the verb
            start, end = before[0].idx, before[-1].idx + len(before[-1].text)
            return make_cue(para, verb, start, end, before[-1])
    if subject is not None and relative_antecedent(subject) is not None:
        return subject_cue(para, verb, subject)  # 'Ortiz, who said “…”': the noun the clause describes
    if subject is not None:
        # never the quoted words before it, even when the parser hung them from the subject
        tokens = [t for t in subject.subtree if t.dep_ != "punct" and not (t.i < subject.i and inside_marks(para, t))]
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        return make_cue(para, verb, start, end, subject)
    if after_quote and (named := _name_opening(para, verb, window)) is not None:
        return named
    # 'told AFP': the one told is no speaker
    inverted = _inverted_speaker(para, verb) if after_quote and verb.lemma_ != "tell" else None
    if verb.i and _name_right_before(verb.doc[verb.i - 1]):
        # 'Beck joked, …' or '…,” Viguerie notes.' parsed with the name as a compound of the verb
        named = name_before(para, verb, list(verb.doc[max(0, verb.i - 6) : verb.i]))
        if named is not None:
            return named
    if after_quote:
        return inverted or governing_subject(para, verb)
    return governing_subject(para, verb) or leading_words(para, verb)


def _name_right_before(token) -> bool:
    """A name, or a subject, right before the verb; never a day or time ('tweets early Friday
    saying …': Friday says nothing)."""
    if token.ent_type_ in ("DATE", "TIME") or token.dep_ == "npadvmod":
        return False
    return (token.pos_ == "PROPN" and token.text[:1].isupper()) or is_subject(token)  # not 'referred to heaven'


def _name_opening(para: Paragraph, verb, window) -> Cue | None:
    """'“…,” Ramos, 58, told AFP' parsed without a subject: the name right after the quote,
    set off by commas before the verb."""
    name = []
    for token in window:
        if token.i >= verb.i or token.pos_ != "PROPN":
            break
        name.append(token)
    if not name or name[-1].i + 1 == verb.i or verb.doc[name[-1].i + 1].text != ",":
        return None
    return make_cue(para, verb, name[0].idx, name[-1].idx + len(name[-1].text), name[-1])


def name_before(para: Paragraph, verb, window) -> Cue | None:
    name: list = []
    for token in reversed([t for t in window if t.i < verb.i]):
        if token.pos_ not in ("PROPN", "PRON") and not is_subject(token):
            break
        name.insert(0, token)
    if not name:
        return None
    return make_cue(para, verb, name[0].idx, name[-1].idx + len(name[-1].text), name[-1])


def leading_words(para: Paragraph, verb) -> Cue | None:
    """'Q: Your rival, Lee Dong-wook, called it “…”', 'In a statement, her adviser, Jake
    Sullivan, said: “…”' parsed without a subject: the noun phrase just before the verb; past
    an aside set off by commas ('Trump, in Kentucky, said')."""
    doc = para.doc
    words: list = []
    start = sentence_start_of(doc, verb.i)
    aside = False
    bracket = None
    for token in reversed(doc[start : verb.i]):
        if "\n" in token.text_with_ws:
            break  # a line break ends the phrase even where the parser ran two lines together
        if bracket is not None or token.text == ")":
            bracket = None if token.text == "(" else token  # 'Andrei Kazaryan (who … investigators), said'
            continue
        if token.is_space or token.text in (",", "-", "–"):
            continue
        if token.pos_ == "ADP" and words and not aside and token.i > start and doc[token.i - 1].text == ",":
            words, aside = [], True
            continue
        if token.is_punct or token.pos_ not in ("PROPN", "NOUN", "ADJ", "DET", "PRON", "NUM") or len(words) == 6:
            break
        words.insert(0, token)
    if not words or not any(t.pos_ == "PROPN" for t in words):
        return None
    return make_cue(para, verb, words[0].idx, words[-1].idx + len(words[-1].text), None)


def _inverted_speaker(para: Paragraph, verb) -> Cue | None:
    """'said Marta Okafor, chief executive': the speaker after the verb; never the subject of
    the clause the verb reports."""
    after = [t for t in verb.doc[verb.i + 1 : verb.i + 16]]
    name: list = []
    for position, token in enumerate(after):
        if (
            token.text == ","
            and name
            and not any(t.pos_ == "PROPN" for t in name)
            and position + 1 < len(after)
            and after[position + 1].pos_ == "PROPN"
        ):
            name = []  # 'said its spokeswoman, Áine Ní Bhriain': the name in apposition
            continue
        if token.is_punct or token.pos_ in ("VERB", "AUX", "ADP", "SCONJ", "CCONJ"):
            break
        name.append(token)
    if name and _reported_subject(name):
        return None  # 'and said House Speaker Paul Ryan should resign': what is said, not who
    if name:
        return make_cue(para, verb, name[0].idx, name[-1].idx + len(name[-1].text), None)
    return None


def _reported_subject(name) -> bool:
    """The words after a verb are the subject of a clause that follows them at once ('said
    Paul Ryan should resign'), not a speaker set off after the verb ('said Robert Reich, who…')."""
    last = name[-1]
    following = last.doc[last.i + 1] if last.i + 1 < len(last.doc) else None
    return (
        following is not None
        and not following.is_punct
        and any(t.dep_ in ("nsubj", "nsubjpass") and t.head.i > last.i and t.tag_ != "WP" for t in name)
    )


def _prompted(governor):
    """'That prompted Rubio to call…', 'urged Sanders to say…': the one a verb of prompting
    moves to speak (its object, a name or pronoun), or the one quoted or heard speaking
    ('quoted him saying'); else None."""
    if governor.lemma_ not in PROMPTING_VERBS | HEARING_VERBS:
        return None
    return next((c for c in governor.children if c.dep_ == "dobj" and c.pos_ in ("PROPN", "PRON")), None)


def _quoted_as(governor, came):
    """'The Daily Mail reports a police spokesperson as saying: “…”', 'quoted Smith as saying':
    the one quoted, the object of the verb that 'as' hangs from; else None."""
    if came.lower_ != "as" or came.dep_ != "prep":
        return None
    return next((c for c in governor.children if c.dep_ == "dobj" and c.i < came.i), None)


def governing_subject(para: Paragraph, verb) -> Cue | None:
    """A cue with no subject of its own ('…, saying “…”', 'writing:', 'and declared “…”',
    'by saying “…”'): the speaker is the subject of the clause it hangs from."""
    governor = verb
    for _ in range(4):
        if governor.dep_ not in ("advcl", "xcomp", "conj", "pcomp", "prep", "acl", "pobj") or governor.head is governor:
            return _main_clause_subject(para, verb)
        came, governor = governor, governor.head
        if came.i == verb.i and _with_participle(verb):
            # 'with one close acquaintance telling the paper: “…”': the one the participle describes
            return make_cue(para, verb, governor.left_edge.idx, governor.idx + len(governor.text), governor)
        if came.i == verb.i and _where_clause(governor):
            # '…around the stadium - where the Panthers played - while chanting, “…”': the clause
            # that says where is an aside; the participle hangs from the one around it
            came, governor = governor, governor.head
        controller = _prompted(governor) if came.dep_ == "xcomp" else _quoted_as(governor, came)
        if controller is not None and not inside_marks(para, controller):
            # 'That prompted Rubio to call Trump “very flexible”': the one prompted speaks
            return make_cue(para, verb, controller.left_edge.idx, controller.idx + len(controller.text), controller)
        joined = came.i == verb.i and verb.dep_ == "conj" and is_cue_verb(verb)
        if (
            (verb.tag_ == "VBG" or joined)
            and governor.dep_ == "ccomp"
            and (is_cue_verb(governor.head) or governor.head.lemma_ in DISCLOSING_LEMMAS)
            and governor.head.i < verb.i
        ):
            # 'Trump argued that a database would keep them out, saying it's “…”', 'Suu Kyi said it
            # was too early but added, “…”': the parser hung the cue in what the speaker said;
            # it is the speaker's, not the database's or the 'it's. Not a report after the quote:
            # 'Canova bristled and said, “…,” the Herald reported'; nor the one said to be tackled:
            # 'The Secret Service indicated Gonzalez was tackled …, saying he was “…”'
            governor = governor.head
        outer = _outer_subject(para, verb, governor) if came.i == verb.i else None
        if outer is not None:
            return make_cue(para, verb, outer.left_edge.idx, outer.idx + len(outer.text), outer)
        subject = verb_subject(governor)
        if subject is not None and subject.lower_ in ("who", "that") and governor.dep_ == "relcl":
            return _described_noun_cue(para, verb, governor)
        if subject is not None and not subject.is_punct and not inside_marks(para, subject):
            tokens = [t for t in subject.subtree if t.dep_ != "punct"]
            return make_cue(para, verb, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text), subject)
    return None


def _described_noun_cue(para: Paragraph, verb, clause) -> Cue | None:
    """'an academic named Eric Kingson, who worked the crowd, praising “…”': the noun the
    relative clause describes; 'A video popped up online this week that appears to add …',
    the clause hung from the verb: that verb's subject."""
    noun = clause.head
    if noun.pos_ in ("VERB", "AUX"):
        noun = verb_subject(noun)
    if noun is None:
        return None
    return make_cue(para, verb, noun.left_edge.idx, noun.idx + len(noun.text), noun)


def _with_participle(verb) -> bool:
    """'…, with one close acquaintance telling the paper: “…”': a participle describing the
    noun after a clause's 'with' says what that one did (not 'issued a statement saying', the
    issuer's, nor 'replaced it with softer language calling for “…”', the one who replaced)."""
    noun = verb.head
    return (
        verb.dep_ == "acl"
        and verb.tag_ == "VBG"
        and noun.pos_ in ("NOUN", "PROPN")
        and noun.dep_ == "pobj"
        and noun.head.lower_ == "with"
        and noun.head.i > 0
        and noun.doc[noun.head.i - 1].text == ","
    )


def _where_clause(clause) -> bool:
    """A clause opened by 'where' ('where the Panthers played the Vikings')."""
    return clause.head is not clause and any(
        c.dep_ == "advmod" and c.lower_ == "where" and c.i < clause.i for c in clause.children
    )


def _outer_subject(para: Paragraph, verb, governor):
    """'Trump was defensive about not paying an architect who said he was stiffed, saying, “…”':
    a participle set off by a comma after a relative clause the parser hung it in speaks for
    the subject of the clause around it, not for the relative clause's noun."""
    doc = verb.doc
    if verb.tag_ != "VBG" or governor.dep_ != "relcl" or not verb.i or doc[verb.i - 1].text != ",":
        return None
    for clause in governor.head.ancestors:
        subject = verb_subject(clause)
        if subject is not None and not subject.is_punct and subject.tag_ not in ("WP", "WDT"):
            return None if inside_marks(para, subject) else subject
    return None


def _main_clause_subject(para: Paragraph, verb) -> Cue | None:
    """', writing “…”' where the parser took the quoted words into the sentence (the participle
    then looks like their subject): a participle right before the opening mark speaks for the
    subject of the clause before it, the last one in the sentence with its verb ahead of it."""
    doc = para.doc
    after = verb.i + 1
    while after < len(doc) and doc[after].text in (",", ":"):
        after += 1
    if verb.tag_ != "VBG" or after >= len(doc) or doc[after].text not in OPENING_MARKS:
        return None
    for token in reversed(doc[sentence_start_of(doc, verb.i) : verb.i]):
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.i < verb.i and not inside_marks(para, token):
            tokens = [t for t in token.subtree if t.dep_ != "punct" and t.i < verb.i]
            return make_cue(para, verb, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text), token)
    return None
