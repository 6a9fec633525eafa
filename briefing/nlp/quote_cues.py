"""Finding the cue of a quote and the words that name its speaker.

A cue is a speech verb after the quote ('…,” Okafor said', '…,” said Okafor') or before
it ('She added: “…”'), a verb without a subject of its own that hangs from a clause
with one ('…, saying “…”', 'and declared “…”'), 'according to', a naming verb for a
fragment ('called it “slow and chaotic”'), a colon after a name ('Trump: ‘…’') or a
colon ending the paragraph before. Sentences are found by spaCy, except that the
period of 'Mr.', 'St.' or 'Fla.' ends none.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.nlp.lexicon import QUOTE_VERBS, STANCE_VERBS
from briefing.nlp.marks import pair_marks
from briefing.nlp.parse import Paragraph

OPENING_MARKS = frozenset("“‘«\"'")
PHRASAL_CUES = {"go": "on", "shoot": "back", "fire": "back", "hit": "back", "chime": "in", "weigh": "in", "put": "it"}
FRAGMENT_VERBS = frozenset("call describe label brand term deride praise".split())
FRAGMENT_PREFIXES = ("call", "describ", "label", "brand", "term", "deride", "prais")
ABBREVIATION = re.compile(r"^(?:[A-Z][a-z]{0,4}|(?:[A-Z]\.)+[A-Z]?)\.$")  # Mr. St. Fla. D.C.
LINE_SPEAKER = re.compile(r"\s*(?P<name>[A-Z][\w.’'-]*(?:\s+[A-Z][\w.’'-]*){0,3})(?:,\s*[^:“”\"\n]{1,60})?:\s*")
NOT_LINE_SPEAKERS = frozenset("update note editor’s note watch read photo related breaking warning q a".split())


@dataclass
class Cue:
    verb: str
    speaker_start: int  # absolute range of the words naming the speaker
    speaker_end: int
    head: int | None = None  # absolute offset of the phrase's head word
    verb_i: int | None = None  # the cue verb's token index in its paragraph
    naming: bool = False  # the quote names something ('called it “…”', 'dismissed it as “…”')


def find_cue(para: Paragraph, span) -> Cue | None:
    open_i, close_i = _token_bounds(para, span)
    if open_i is None:
        return None
    inner = para.text[span.open + 1 : span.close].rstrip()
    if inner[-1:] in ",.!?" and not inner[:1].islower():  # speech: the cue usually follows
        if inner[-1:] == "." and _verb_just_before(para, open_i):
            return _cue_before(para, open_i)  # 'and said, “…” The star then recalled'
        return (
            _cue_after(para, close_i)
            or _cue_before(para, open_i)
            or _according_to(para, close_i, open_i)
            or _fragment(para, open_i, span)
        )
    # a fragment inside a sentence: the speaker is the subject before it
    return (
        _fragment(para, open_i, span)
        or _as_fragment(para, open_i)
        or _cue_before(para, open_i, whole_sentence=True)
        or _according_to(para, close_i, open_i)
        or _cue_after(para, close_i)
    )


def _verb_just_before(para: Paragraph, open_i: int) -> bool:
    """'Hayek said, “…”': a cue verb right before the opening mark, a comma or colon between."""
    doc = para.doc
    i = open_i - 1
    if i > 0 and doc[i].text in (",", ":"):
        i -= 1
    return i >= 0 and _is_cue_verb(doc[i]) and not _inside_marks(para, doc[i])


def _token_bounds(para: Paragraph, span) -> tuple[int | None, int]:
    close_i = para.token_from(span.close)
    return para.token_from(span.open), len(para.doc) if close_i is None else close_i


def _cue_after(para: Paragraph, close_i: int) -> Cue | None:
    """'..., Okafor said' / '..., said Okafor' / '..., the spokesperson told reporters'."""
    doc = para.doc
    window: list = []
    for token in doc[close_i + 1 : close_i + 22]:
        if token.text in '“‘«"' or (_starts_sentence(doc, token.i) and window):
            break
        window.append(token)
        if token.text in ".!?;" and len(window) > 1 and not _is_abbreviation(doc, token.i):
            break
    for token in window:
        if _is_cue_verb(token):
            return _cue_for_verb(para, token, window, after_quote=True)
        if _verb_read_as_noun(token):
            return _name_before(para, token, window)
    return _far_cue(para, close_i)


def _far_cue(para: Paragraph, close_i: int) -> Cue | None:
    """'“…,” Trump, the front-runner and polling leader in South Carolina by a wide margin,
    said': the subject right after the quote, its speech verb past a long apposition."""
    doc = para.doc
    if close_i + 1 >= len(doc):
        return None
    first = doc[close_i + 1]
    subject = first if first.dep_ in ("nsubj", "nsubjpass") else first.head
    verb = subject.head
    if subject.dep_ not in ("nsubj", "nsubjpass") or not close_i < subject.i < verb.i or not _is_cue_verb(verb):
        return None
    if subject.i - close_i > 3 or verb.sent.start > close_i + 1 and _starts_sentence(doc, verb.sent.start):
        return None
    return _cue_for_verb(para, verb, list(doc[close_i + 1 : verb.i]), after_quote=True)


def _verb_read_as_noun(token) -> bool:
    """'…,” Viguerie notes.': the small model reads 'notes' or 'points' as a plural noun."""
    return token.tag_ == "NNS" and token.lower_.endswith("s") and token.lower_[:-1] in QUOTE_VERBS


def _name_before(para: Paragraph, verb, window) -> Cue | None:
    name: list = []
    for token in reversed([t for t in window if t.i < verb.i]):
        if token.pos_ not in ("PROPN", "PRON"):
            break
        name.insert(0, token)
    if not name:
        return None
    return _cue(para, verb, name[0].idx, name[-1].idx + len(name[-1].text), name[-1])


def _cue_before(para: Paragraph, open_i: int, whole_sentence: bool = False) -> Cue | None:
    """'Okafor said: “...”' / 'She added that “...”' / 'X told reporters, “...”'; in a
    sentence, past an earlier quote: 'Ortiz says “A” because “B”'."""
    doc = para.doc
    sentence_start = sentence_start_of(doc, open_i)
    reach = open_i if whole_sentence else 14
    for token in reversed(doc[max(sentence_start, open_i - reach) : open_i]):
        if token.text in '”’»"' and not whole_sentence:
            break
        if _is_cue_verb(token) and not _inside_marks(para, token):
            token = _reporting_verb(para, token)
            cue = _cue_for_verb(para, token, list(doc[sentence_start:open_i]))
            if cue is not None:
                return cue
    return None


def _reporting_verb(para: Paragraph, verb):
    """'Djokovic told a TV interviewer that he is feeling “…”', 'Ryan said it’s unrealistic to
    think that “…”': a verb of stance inside what a speech verb reports gives way to that verb."""
    if verb.lemma_ in QUOTE_VERBS:
        return verb
    governor = verb
    for _ in range(4):
        if governor.head is governor or governor.dep_ not in ("ccomp", "xcomp", "advcl", "acomp", "conj"):
            break
        governor = governor.head
        if governor.lemma_ in QUOTE_VERBS and governor.pos_ == "VERB" and not _inside_marks(para, governor):
            has_subject = any(c.dep_ in ("nsubj", "nsubjpass") and not c.is_punct for c in governor.children)
            return governor if has_subject else verb
    return verb


def _is_cue_verb(token) -> bool:
    """A speech verb ('Tweeted' too, taken for a name), or 'went on', 'shot back', 'chimed in'."""
    if token.pos_ not in ("VERB", "AUX"):
        return (
            token.tag_ == "NNP"
            and token.text[1:].islower()
            and token.lower_.endswith("ed")
            and (token.lower_[:-2] in QUOTE_VERBS or token.lower_[:-1] in QUOTE_VERBS)
        )
    if token.lemma_ in QUOTE_VERBS | STANCE_VERBS:
        return True
    particle = PHRASAL_CUES.get(token.lemma_.lower())
    return particle is not None and any(c.lower_ == particle for c in token.children)


def sentence_start_of(doc, i: int) -> int:
    """The start of the sentence holding token i; a period of 'Mr.', 'St.' or 'Fla.' ends none."""
    if not len(doc):
        return 0
    start = doc[min(i, len(doc) - 1)].sent.start
    while start > 0 and _is_abbreviation(doc, start - 1):
        start = doc[start - 1].sent.start
    return start


def _starts_sentence(doc, i: int) -> bool:
    return bool(doc[i].is_sent_start) and not (i > 0 and _is_abbreviation(doc, i - 1))


def _is_abbreviation(doc, i: int) -> bool:
    """'Mr.', 'Sen.', 'Fla.', 'D.C.' (one token, or a word and its period)."""
    text = doc[i].text
    if ABBREVIATION.match(text):
        return True
    return text == "." and i > 0 and not doc[i - 1].whitespace_ and bool(ABBREVIATION.match(doc[i - 1].text + "."))


def _cue_for_verb(para: Paragraph, verb, window, after_quote: bool = False) -> Cue | None:
    subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is not None and (subject.is_punct or _inside_marks(para, subject)):
        subject = None
        before = [t for t in window if t.i < verb.i and not t.is_punct]
        if before:  # '«...» the minister told reporters': the words before the verb
            start, end = before[0].idx, before[-1].idx + len(before[-1].text)
            return _cue(para, verb, start, end, before[-1])
    if subject is not None and subject.lower_ in ("who", "that") and verb.dep_ == "relcl":
        subject = verb.head  # 'Ortiz, who said “…”': the noun the clause describes
        return _cue(para, verb, subject.left_edge.idx, subject.idx + len(subject.text), subject)
    if subject is not None:
        # never the quoted words before it, even when the parser hung them from the subject
        tokens = [t for t in subject.subtree if t.dep_ != "punct" and not (t.i < subject.i and _inside_marks(para, t))]
        start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
        return _cue(para, verb, start, end, subject)
    if after_quote and (named := _name_opening(para, verb, window)) is not None:
        return named
    # 'told AFP': the one told is no speaker
    inverted = _inverted_speaker(para, verb) if after_quote and verb.lemma_ != "tell" else None
    if verb.i and verb.doc[verb.i - 1].pos_ == "PROPN":
        # 'Beck joked, …' or '…,” Viguerie notes.' parsed with the name as a compound of the verb
        named = _name_before(para, verb, list(verb.doc[max(0, verb.i - 6) : verb.i]))
        if named is not None:
            return named
    if after_quote:
        return inverted or _governing_subject(para, verb)
    return _governing_subject(para, verb) or _leading_words(para, verb)


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
    return _cue(para, verb, name[0].idx, name[-1].idx + len(name[-1].text), name[-1])


def _leading_words(para: Paragraph, verb) -> Cue | None:
    """'Q: Your rival, Lee Dong-wook, called it “…”', 'In a statement, her adviser, Jake
    Sullivan, said: “…”' parsed without a subject: the noun phrase just before the verb."""
    doc = para.doc
    words: list = []
    for token in reversed(doc[sentence_start_of(doc, verb.i) : verb.i]):
        if token.is_space or token.text in (",", "-", "–"):
            continue
        if token.is_punct or token.pos_ not in ("PROPN", "NOUN", "ADJ", "DET", "PRON", "NUM") or len(words) == 6:
            break
        words.insert(0, token)
    if not words or not any(t.pos_ == "PROPN" for t in words):
        return None
    return _cue(para, verb, words[0].idx, words[-1].idx + len(words[-1].text), None)


def _cue(para: Paragraph, verb, start: int, end: int, head) -> Cue:
    head_at = None if head is None else para.start + head.idx
    return Cue(_cue_words(verb), para.start + start, para.start + end, head_at, verb.i)


def _inverted_speaker(para: Paragraph, verb) -> Cue | None:
    """'said Marta Okafor, chief executive': the speaker after the verb."""
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
    if name:
        return _cue(para, verb, name[0].idx, name[-1].idx + len(name[-1].text), None)
    return None


def _governing_subject(para: Paragraph, verb) -> Cue | None:
    """A cue with no subject of its own ('…, saying “…”', 'writing:', 'and declared “…”',
    'by saying “…”'): the speaker is the subject of the clause it hangs from."""
    governor = verb
    for _ in range(4):
        if governor.dep_ not in ("advcl", "xcomp", "conj", "pcomp", "prep", "acl", "pobj") or governor.head is governor:
            return _main_clause_subject(para, verb)
        governor = governor.head
        subject = next((c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        if subject is not None and not subject.is_punct and not _inside_marks(para, subject):
            tokens = [t for t in subject.subtree if t.dep_ != "punct"]
            return _cue(para, verb, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text), subject)
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
        if token.dep_ in ("nsubj", "nsubjpass") and token.head.i < verb.i and not _inside_marks(para, token):
            tokens = [t for t in token.subtree if t.dep_ != "punct" and t.i < verb.i]
            return _cue(para, verb, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text), token)
    return None


def in_reported_clause(para: Paragraph, cue: Cue, span) -> bool:
    """'Rubio says Obama is “obsessed”': words quoted inside what a cue verb reports."""
    open_i = para.token_from(span.open + 1)
    if cue.verb_i is None or open_i is None or open_i >= len(para.doc) or cue.verb_i > open_i:
        return False
    verb, first = para.doc[cue.verb_i], para.doc[open_i]
    return any(c.dep_ in ("ccomp", "xcomp", "parataxis") and first in c.subtree for c in verb.children)


def line_cue(para: Paragraph, span) -> Cue | None:
    """'Trump: ‘…’' headlines and 'Ana Ruiz, Veldra Post: “…”' lines: the name before the colon."""
    lead = para.text[: span.open]
    match = LINE_SPEAKER.match(lead)
    if match is None or match["name"].lower() in NOT_LINE_SPEAKERS:
        return None
    if lead[match.end() :].strip() and len(para.text) > 200:
        return None
    return Cue("colon", para.start + match.start("name"), para.start + match.end("name"))


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
        if token.pos_ != "PROPN":
            break
        name.insert(0, token)
    if name:
        return Cue("colon", para.start + name[0].idx, para.start + name[-1].idx + len(name[-1].text), None)
    root = doc[colon_i - 1].sent.root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or _inside_marks(para, subject):
        return None
    tokens = [t for t in subject.subtree if t.dep_ != "punct"]
    return _cue(para, root, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text), subject)


def colon_before(para: Paragraph, span, before: Paragraph | None) -> Cue | None:
    """A paragraph that opens with a quote after one that ends 'Okafor wrote:'; or a paragraph
    that is only a quote after one without quotes whose last sentence has a speaker
    ('Ana Ruiz, 45, said she backs the plan.' then '“We need someone new.”')."""
    if before is None or para.text[: span.open].strip():
        return None
    if before.text.rstrip().endswith(":"):
        return _cue_before(before, len(before.doc), whole_sentence=True) or _last_subject(before)
    only_quote = len(para.text[span.close + 1 :].strip()) < 3 and len(para.text[span.open : span.close].split()) >= 4
    if only_quote and not pair_marks(before.text):
        return _cue_before(before, len(before.doc), whole_sentence=True)
    return None


def _last_subject(para: Paragraph) -> Cue | None:
    """'He then listed the qualities a nominee needs:' ending a paragraph before a quoted one:
    no speech verb, the subject of that last sentence speaks."""
    doc = para.doc
    if not len(doc):
        return None
    root = doc[len(doc) - 1].sent.root
    subject = next((c for c in root.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subject is None or subject.is_punct or _inside_marks(para, subject):
        return None
    tokens = [t for t in subject.subtree if t.dep_ != "punct"]
    return Cue(
        "colon",
        para.start + tokens[0].idx,
        para.start + tokens[-1].idx + len(tokens[-1].text),
        para.start + subject.idx,
    )


def _cue_words(verb) -> str:
    following = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    if verb.lemma_ == "tell" and following is not None and following.lower_ in ("reporters", "journalists"):
        return f"{verb.text} {following.text}"
    return verb.text


def _inside_marks(para: Paragraph, token) -> bool:
    return any(s.open < token.idx < s.close for s in pair_marks(para.text))


def _according_to(para: Paragraph, close_i: int, open_i: int) -> Cue | None:
    text = para.text
    for match in re.finditer(r"(?i)\baccording to\s+([^,.;:“”\"]{2,60}(?:, [A-Z][^,.;:“”\"]{2,50}(?=,))?)", text):
        token_i = para.token_from(match.start())
        if token_i is not None and (0 <= token_i - close_i <= 4 or 0 <= open_i - token_i <= 10):
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
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ in ("advcl", "xcomp", "conj", "acl"):
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if (
        subject is None
        or subject.is_punct
        or subject.lower_ in ("it", "this", "that", "which")
        or _inside_marks(para, subject)
    ):
        return None
    tokens = [t for t in subject.subtree if t.dep_ != "punct"]
    cue = _cue(para, verb, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text), subject)
    cue.naming = True
    return cue


def _fragment(para: Paragraph, open_i: int, span) -> Cue | None:
    """'... called the response “slow and chaotic”': a fragment quote of the subject."""
    doc = para.doc
    if open_i >= len(doc):
        return None
    for token in reversed(doc[sentence_start_of(doc, open_i) : open_i]):
        if token.lemma_ in FRAGMENT_VERBS and token.pos_ == "VERB":
            subject = next((c for c in token.children if c.dep_ == "nsubj"), None)
            if subject is None and token.dep_ in ("advcl", "xcomp", "conj", "acl"):
                subject = next((c for c in token.head.children if c.dep_ == "nsubj"), None)
            if subject is not None:
                tokens = list(subject.subtree)
                start, end = tokens[0].idx, tokens[-1].idx + len(tokens[-1].text)
                return Cue(token.text, para.start + start, para.start + end, para.start + subject.idx)
    return None
