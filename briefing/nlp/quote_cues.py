"""Finding the cue of a quote and the words that name its speaker.

A cue is a speech verb after the quote ('…,” Okafor said', '…,” said Okafor') or before
it ('She added: “…”'), a verb without a subject of its own that hangs from a clause
with one ('…, saying “…”', 'and declared “…”'), 'according to', a naming verb for a
fragment ('called it “slow and chaotic”'). What a cue verb is lives in ``quote_cue_words``;
who its subject is, in ``quote_subjects``; a colon after a name in a sentence or a colon
ending the paragraph before, in ``quote_colons``; cues a line's layout gives ('Trump: ‘…’',
a signed quote, a headline), in ``quote_lines``.
"""

from __future__ import annotations

import re

from briefing.nlp.lexicon import QUOTE_VERBS
from briefing.nlp.marks import QUOTE_TOKENS
from briefing.nlp.parse import Paragraph
from briefing.nlp.quote_cue_words import (
    FRAGMENT_VERBS,
    ORDER_VERBS,
    PHRASAL_CUES,
    Cue,
    inside_marks,
    is_abbreviation,
    is_cue_verb,
    make_cue,
    relative_antecedent,
    sentence_start_of,
    starts_sentence,
    subject_cue,
    verb_read_as_noun,
    verb_subject,
)
from briefing.nlp.quote_subjects import cue_for_verb, name_before

# a clause of its own after a quote, not its attribution: '“That makes me smart,” when Clinton blasted him'
SUBORDINATORS = frozenset("when while because after before if unless until since although though whereas".split())
NO_ONE = frozenset("everyone everybody anyone anybody someone somebody nobody people many some all few".split())
REPORTED_CLAUSES = frozenset("ccomp xcomp parataxis advcl".split())
NOT_REPORTED = frozenset("nsubj nsubjpass punct aux auxpass neg cc conj".split())  # a verb's words that report nothing


def find_cue(para: Paragraph, span) -> Cue | None:
    open_i, close_i = _token_bounds(para, span)
    if open_i is None:
        return None
    inner = para.text[span.open + 1 : span.close].rstrip()
    if inner[-1:] in ",.!?" and not inner[:1].islower():  # speech: the cue usually follows
        if inner[-1:] == "." and _verb_just_before(para, open_i):
            return cue_before(para, open_i)  # 'and said, “…” The star then recalled'
        if inner[-1:] == "," and _verb_just_before(para, open_i) and not _speech_earlier(para, open_i):
            # 'Canova said, “No comment,” the Miami Herald reported': the one who said it spoke;
            # the cue after reports the whole (not so in '“…,” he said, “…,” she replied')
            cue = cue_before(para, open_i)
            if cue is not None:
                return cue
        return (
            _cue_after(para, close_i)
            or (_any_verb_after(para, close_i) if inner.endswith(",") else None)
            or cue_before(para, open_i)
            or _according_to(para, close_i, open_i)
            or _fragment(para, open_i, span)
        )
    # a fragment inside a sentence: the speaker is the subject before it; a fragment ending in
    # a comma sets off its attribution after it ('a “lawful source of income,” as a memo put it')
    after = _attribution_after(para, close_i) if inner[-1:] == "," else None
    if inner[-1:] in "?!" and _cue_verb_follows(para, close_i):
        # '... but Moscow strongly denies — “why wouldn’t you want to raise it?” asked Dunn': a
        # question set off with its own cue after it is that speaker's, not the clause's before
        after = _cue_after(para, close_i)
    return (
        after
        or _fragment(para, open_i, span)
        or _as_fragment(para, open_i)
        # an order gives its words in a clause ('commanded the party to “do the right thing and …”'); a
        # word or two after it are the writer's ('ordered the release of documents, including “playbooks”')
        or cue_before(para, open_i, whole_sentence=True, orders=len(inner.split()) > 3)
        or _according_to(para, close_i, open_i)
        or _cue_after(para, close_i)
    )


def _cue_verb_follows(para: Paragraph, close_i: int) -> bool:
    """'…?” asked Dunn', '…!” she shouted', '…?” Dunn asked': a cue verb right after the closing
    mark, or after one name or pronoun there; not a new sentence ('…!” She replied that …')."""
    doc = para.doc
    following = doc[close_i + 1 : close_i + 3]
    if not len(following) or (following[0].pos_ != "PROPN" and not following[0].text[:1].islower()):
        return False
    if is_cue_verb(following[0]):
        return True
    return len(following) == 2 and following[0].pos_ in ("PROPN", "PRON") and is_cue_verb(following[1])


def _verb_just_before(para: Paragraph, open_i: int) -> bool:
    """'Hayek said, “…”': a cue verb right before the opening mark, a comma or colon between."""
    doc = para.doc
    i = open_i - 1
    if i > 0 and doc[i].text in (",", ":"):
        i -= 1
    return i >= 0 and is_cue_verb(doc[i]) and not inside_marks(para, doc[i])


def _speech_earlier(para: Paragraph, open_i: int) -> bool:
    """An earlier quote of the sentence closing on a comma, '?' or '!': speech with its own
    attribution, which the verb before this one may be ('“…,” he said, “…”'); a scare-quoted
    word is none ('Canova “bristled” and said, “…”')."""
    doc = para.doc
    start = sentence_start_of(doc, open_i)
    return any(
        t.text in QUOTE_TOKENS and t.i > start and doc[t.i - 1].text in (",", "?", "!") for t in doc[start:open_i]
    )


def _token_bounds(para: Paragraph, span) -> tuple[int | None, int]:
    close_i = para.token_from(span.close)
    return para.token_from(span.open), len(para.doc) if close_i is None else close_i


def _attribution_after(para: Paragraph, close_i: int) -> Cue | None:
    """'…” as a memo put it', '…” Hoover said.': right after the closing mark, a noun phrase
    (after 'as') and its cue verb, and nothing else: no clause of its own, no colon after."""
    doc = para.doc
    i = close_i + 1
    if i < len(doc) and doc[i].lower_ == "as":
        i += 1
    for token in doc[i : i + 7]:
        if is_cue_verb(token) and token.i > i:
            if token.i + 1 < len(doc) and doc[token.i + 1].text == ":":
                return None
            return cue_for_verb(para, token, list(doc[close_i + 1 : token.i + 1]), after_quote=True)
        if token.is_punct or token.pos_ in ("VERB", "AUX", "CCONJ", "ADP", "SCONJ"):
            return None
    return None


def _cue_after(para: Paragraph, close_i: int) -> Cue | None:
    """'..., Okafor said' / '..., said Okafor' / '..., the spokesperson told reporters'."""
    doc = para.doc
    window: list = []
    for token in doc[close_i + 1 : close_i + 22]:
        if token.text in '“‘«"' or (starts_sentence(doc, token.i) and window):
            break
        window.append(token)
        if token.text in ".!?;" and len(window) > 1 and not is_abbreviation(doc, token.i):
            break
    for token in window:
        if is_cue_verb(token) and not _opens_own_clause(doc, close_i, token):
            if _reports_its_own(doc, close_i, token):
                return None
            return cue_for_verb(para, token, window, after_quote=True)
        if verb_read_as_noun(token):
            return name_before(para, token, window)
        if _read_as_noun(doc, token) and token.i > close_i + 1:
            # '“…,” the editorial read.' parsed with 'read' as a noun: the words before it wrote it
            words = [t for t in window if t.i < token.i and not t.is_punct]
            return make_cue(para, token, words[0].idx, words[-1].idx + len(words[-1].text), words[-1])
    return _far_cue(para, close_i)


def _reports_its_own(doc, close_i: int, verb) -> bool:
    """'“… that a peace deal was reached with.”' then, on the next line, 'The government claimed
    a deal was reached after talks': after a quote that ended its sentence and its line, a verb
    that reports a clause of its own is the next paragraph's, not the quote's cue ('“We will
    win.” Hoover said he was sure.' on one line is Hoover's)."""
    ended = close_i > 0 and doc[close_i - 1].text in (".", "!", "?")
    line_ends = "\n" in doc[close_i].whitespace_ or (close_i + 1 < len(doc) and "\n" in doc[close_i + 1].text)
    return ended and line_ends and any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children)


def _read_as_noun(doc, token) -> bool:
    """'the statement read.': 'read' tagged a noun, ending the clause."""
    following = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return token.lower_ in ("read", "reads") and token.pos_ == "NOUN" and (following is None or following.is_punct)


def _any_verb_after(para: Paragraph, close_i: int) -> Cue | None:
    """'“France will always be France,” an angry Hollande retaliated.': a quote ending in a comma,
    then a subject and its verb that end the sentence: whatever the verb, that subject spoke."""
    doc = para.doc
    for token in doc[close_i + 1 : close_i + 8]:
        if token.is_punct:
            return None
        if token.pos_ == "VERB" and token.i + 1 < len(doc) and doc[token.i + 1].text in (".", ","):
            if _opens_own_clause(doc, close_i, token):
                return None
            subject = verb_subject(token, ("nsubj",))
            if subject is None or subject.i <= close_i or subject.pos_ not in ("PROPN", "PRON", "NOUN"):
                return None
            if subject.tag_ in ("WP", "WDT"):
                return None  # '“Hamilton,” which opened in May': a name of a work, not a speaker
            return cue_for_verb(para, token, list(doc[close_i + 1 : token.i + 1]), after_quote=True)
    return None


def _opens_own_clause(doc, close_i: int, verb) -> bool:
    """The verb heads a clause the words after the closing mark open ('“…,” when Clinton blasted
    him'), which attributes nothing; a cue after such a clause still does ('“…” if she lost by
    more, said Wasserman')."""
    first = doc[close_i + 1] if close_i + 1 < len(doc) else None
    return first is not None and first.lower_ in SUBORDINATORS and first.head.i == verb.i


def _far_cue(para: Paragraph, close_i: int) -> Cue | None:
    """'“…,” Trump, the front-runner and polling leader in South Carolina by a wide margin,
    said': the subject right after the quote, its speech verb past a long apposition."""
    doc = para.doc
    if close_i + 1 >= len(doc):
        return None
    first = doc[close_i + 1]
    subject = first if first.dep_ in ("nsubj", "nsubjpass") else first.head
    verb = subject.head
    if subject.dep_ not in ("nsubj", "nsubjpass") or not close_i < subject.i < verb.i or not is_cue_verb(verb):
        return None
    if subject.i - close_i > 3 or verb.sent.start > close_i + 1 and starts_sentence(doc, verb.sent.start):
        return None
    return cue_for_verb(para, verb, list(doc[close_i + 1 : verb.i]), after_quote=True)


def cue_before(para: Paragraph, open_i: int, whole_sentence: bool = False, orders: bool = True) -> Cue | None:
    """'Okafor said: “...”' / 'She added that “...”' / 'X told reporters, “...”'; in a
    sentence, past an earlier quote: 'Ortiz says “A” because “B”'. A cue verb whose words
    hold the quote wins over a nearer one that does not ('She says Trump’s tweets accusing
    Machado … are “lies”', 'saying anybody who complains … “is not having a good night”')."""
    doc = para.doc
    sentence_start = sentence_start_of(doc, open_i)
    reach = open_i if whole_sentence else 14
    verbs = []
    for token in reversed(doc[max(sentence_start, open_i - reach) : open_i]):
        if token.text in '”’»"' and not whole_sentence:
            break
        if is_cue_verb(token) and not inside_marks(para, token) and (orders or token.lemma_ not in ORDER_VERBS):
            if not _in_brackets(doc, token, open_i):
                verbs.append(token)
    first = doc[min(open_i + 1, len(doc) - 1)]
    holding = [v for v in verbs if first in v.subtree]
    # 'Audience members laughed when he urged voters, “…”': a speech verb whose clause ends
    # at the comma or colon before the mark introduces the quote, whatever the parse hung it on
    leading = [v for v in verbs if _introduces(doc, v, open_i)][:1] or holding[:1]
    for token in leading + [v for v in verbs if v not in leading]:
        token = _reporting_verb(para, token)
        cue = cue_for_verb(para, token, list(doc[sentence_start:open_i]))
        if cue is not None:
            return cue
    return None


def _in_brackets(doc, token, open_i: int) -> bool:
    """'Andrei Kazaryan (who Mysterious Universe suggests was one of the investigators), said, “…”':
    a verb in brackets closed before the quote is an aside's."""
    closing = next((t.i for t in doc[token.i : open_i] if t.text in ")]"), None)
    if closing is None:
        return False
    return any(t.text in "([" for t in doc[sentence_start_of(doc, token.i) : token.i])


def _introduces(doc, verb, open_i: int) -> bool:
    """'told reporters, “…”', 'urged voters: “…”': the verb's words end at a comma or colon
    right before the opening mark."""
    if open_i < 2 or doc[open_i - 1].text not in (",", ":") or verb.lemma_ not in QUOTE_VERBS:
        return False
    return max(t.i for t in verb.subtree if t.i < open_i - 1 and not t.is_punct) == open_i - 2


def _reporting_verb(para: Paragraph, verb):
    """'Djokovic told a TV interviewer that he is feeling “…”', 'Ryan said it’s unrealistic to
    think that “…”': a verb of stance inside what a speech verb reports gives way to that verb;
    so does a speech verb whose subject is 'it' ('Obama said it would tell a story of “…”').
    'Americans, Obama said, have come to believe “…”': the one saying so set off in commas."""
    subject = verb_subject(verb)
    speech = verb.lemma_ in QUOTE_VERBS or verb.lemma_.lower() in PHRASAL_CUES  # 'went on about “…”' too
    if speech and (subject is None or subject.lower_ != "it"):
        return verb
    governor = verb
    for _ in range(4):
        aside = _aside_speech_verb(para, governor)
        if aside is not None:
            return aside
        if governor.head is governor or governor.dep_ not in ("ccomp", "xcomp", "advcl", "acomp", "conj"):
            break
        governor = governor.head
        if governor.lemma_ in QUOTE_VERBS and governor.pos_ == "VERB" and not inside_marks(para, governor):
            has_subject = any(c.dep_ in ("nsubj", "nsubjpass") and not c.is_punct for c in governor.children)
            return governor if has_subject else verb
    return verb


def _aside_speech_verb(para: Paragraph, clause):
    """A speech verb with a named subject hung from the clause as an aside ('Obama said,')."""
    for child in clause.children:
        if child.dep_ == "parataxis" and child.lemma_ in QUOTE_VERBS and not inside_marks(para, child):
            subject = verb_subject(child)
            if subject is not None and subject.pos_ in ("PROPN", "PRON") and subject.lower_ != "it":
                return child
    return None


def in_reported_clause(para: Paragraph, cue: Cue, span) -> bool:
    """'Rubio says Obama is “obsessed”': words quoted inside what a cue verb reports, a clause
    of it; or inside its object when someone in particular speaks ('Cruz warned of a
    “ferocious” battle', not the nameless many of 'officials promised a “robust” response')."""
    open_i = para.token_from(span.open + 1)
    if cue.verb_i is None or open_i is None or open_i >= len(para.doc) or cue.verb_i > open_i:
        return False
    verb, first = para.doc[cue.verb_i], para.doc[open_i]
    holder = next((c for c in verb.children if c.i > verb.i and first in c.subtree), None)
    subject = verb_subject(verb)
    if holder is None or holder.dep_ in NOT_REPORTED or (subject is not None and subject.lower_ in NO_ONE):
        return False  # 'everyone involved agrees it must be “robust”': no one in particular speaks
    if holder.dep_ in REPORTED_CLAUSES:
        return True
    return subject is not None and subject.tag_ != "NNS" and not inside_marks(para, subject)


def _according_to(para: Paragraph, close_i: int, open_i: int) -> Cue | None:
    """'according to Reuters' right after the quote, or shortly before it; not one reporting an
    earlier quote of its own sentence ('“…,” Strauch said, according to AFP. “…”': Strauch's)."""
    text = para.text
    for match in re.finditer(r"(?i)\baccording to\s+([^,.;:“”\"]{2,60}(?:, [A-Z][^,.;:“”\"]{2,50}(?=,))?)", text):
        token_i = para.token_from(match.start())
        if token_i is None or not (0 <= token_i - close_i <= 4 or 0 <= open_i - token_i <= 10):
            continue
        doc = para.doc
        if token_i < open_i and any(t.text in QUOTE_TOKENS for t in doc[sentence_start_of(doc, token_i) : token_i]):
            continue
        if token_i >= close_i and "\n" in text[doc[close_i].idx : match.start()]:
            continue  # 'According to Oliver, …' opening the next line reports what follows
        start = match.start(1)
        return Cue("according to", para.start + start, para.start + start + len(match[1].rstrip()))
    return None


def _as_fragment(para: Paragraph, open_i: int) -> Cue | None:
    """'Manafort dismissed the kerfuffle as “absurd.”', 'referred to immigrants as “criminals”':
    words a subject used for something, after 'as' hanging from its verb."""
    doc = para.doc
    i = open_i - 1
    while i > 0 and open_i - i <= 3 and doc[i].pos_ in ("DET", "ADJ"):
        i -= 1
    if i < 1 or doc[i].lower_ != "as" or doc[i].head.pos_ != "VERB" or doc[i].head.i > i:
        return None
    verb = doc[i].head
    if verb.tag_ == "VBN" and not any(c.lemma_ == "have" for c in verb.children):
        return None  # 'Known in Brazil as ‘Foguetinho’', 'seen as a “lifeboat”': no one speaks
    subject = verb_subject(verb, ("nsubj",))
    if subject is None and verb.dep_ in ("advcl", "xcomp", "conj", "acl"):
        subject = verb_subject(verb.head, ("nsubj",))
    if (
        subject is None
        or subject.is_punct
        or (subject.lower_ in ("it", "this", "that", "which") and relative_antecedent(subject) is None)
        or inside_marks(para, subject)
    ):
        return None
    cue = subject_cue(para, verb, subject, pronoun_head=True)
    cue.naming = True
    return cue


def _fragment(para: Paragraph, open_i: int, span) -> Cue | None:
    """'... called the response “slow and chaotic”': a fragment quote of the subject; not past
    a nearer speech verb whose words hold the quote."""
    doc = para.doc
    if open_i >= len(doc):
        return None
    first = doc[min(open_i + 1, len(doc) - 1)]
    for token in reversed(doc[sentence_start_of(doc, open_i) : open_i]):
        if token.lemma_ not in FRAGMENT_VERBS and _speaks_for_itself(para, token, first):
            return None  # 'a turn that called to mind …, Cruz pledged to oppose it “today, …”'
        if token.lemma_ in FRAGMENT_VERBS and token.pos_ == "VERB":
            subject = verb_subject(token, ("nsubj",))
            named = _name_described(para, token) if subject is None else None
            if named is not None:
                return named
            if subject is None and token.dep_ in ("advcl", "xcomp", "conj", "acl"):
                subject = verb_subject(token.head, ("nsubj",))
            if subject is not None:
                cue = subject_cue(para, token, subject, pronoun_head=True)
                cue.verb, cue.verb_i = token.text, None
                return cue
    return None


def labels_the_addressed(para: Paragraph, span) -> bool:
    """'called on the “interim” government to withdraw': the quoted words describe those a
    subject calls on (the noun after the marks, object of 'on'); they are no words of the subject's."""
    open_i, close_i = _token_bounds(para, span)
    if open_i is None or open_i + 1 >= close_i:
        return False
    noun = para.doc[open_i + 1]
    while noun.head.i != noun.i and open_i < noun.i < close_i:
        noun = noun.head
    if noun.i <= close_i or noun.dep_ != "pobj" or noun.head.lower_ not in ("on", "upon"):
        return False
    return noun.head.head.lemma_ == "call"


def _name_described(para: Paragraph, verb) -> Cue | None:
    """'which its chief, Tim Cook, called “…”' parsed with the verb describing the name before it
    (no relative pronoun of its own): that name calls it so."""
    name = verb.head
    if verb.dep_ != "acl" or name.pos_ != "PROPN" or any(c.tag_ in ("WP", "WDT") for c in verb.children):
        return None
    if any(c.dep_ == "relcl" for c in name.children):
        return None  # 'Bannon, who Beck on Wednesday called “…”': someone else in a clause about him
    words = [c for c in name.lefts if c.dep_ == "compound"] + [name]
    cue = make_cue(para, verb, words[0].idx, name.idx + len(name.text), name)
    cue.verb, cue.verb_i = verb.text, None
    return cue


def _speaks_for_itself(para: Paragraph, verb, first) -> bool:
    """A cue verb with a subject of its own, one that names someone, whose words hold the quote."""
    if not is_cue_verb(verb) or first not in verb.subtree:
        return False
    subject = verb_subject(verb, ("nsubj",))
    return (
        subject is not None and subject.lower_ not in ("who", "that", "which", "it") and not inside_marks(para, subject)
    )
