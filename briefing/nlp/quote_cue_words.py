"""What a quote's cue is made of: the cue verbs, the Cue record, and where sentences end.

A cue verb is a speech or stance verb of the lexicon ('said', 'tweeted', 'lamented'), a
phrasal one ('went on', 'shot back', 'chimed in', 'made it clear') or a naming verb for a fragment
('called it “slow and chaotic”'). Sentences are spaCy's, except that the period of
'Mr.', 'St.' or 'Fla.' ends none. ``quote_subjects`` finds who a cue verb's speaker is,
``quote_cues`` which cue a quote has.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from briefing.nlp.lexicon import OBJECT_PRONOUNS, QUOTE_VERBS, STANCE_VERBS
from briefing.nlp.marks import pair_marks
from briefing.nlp.parse import Paragraph

OPENING_MARKS = frozenset("“‘«\"'")
PHRASAL_CUES = {
    "go": "on",
    "shoot": "back",
    "fire": "back",
    "hit": "back",
    "chime": "in",
    "weigh": "in",
    "put": "it",
    "make": "clear",  # 'she made it clear that she has “serious concerns”'
}
ORDER_VERBS = frozenset("order command instruct".split())  # cues of an order given in words of its own
FRAGMENT_VERBS = frozenset("call describe label brand term deride praise".split())
FRAGMENT_PREFIXES = ("call", "describ", "label", "brand", "term", "deride", "prais")
ABBREVIATION = re.compile(r"^(?:[A-Z][a-z]{0,4}|(?:[A-Z]\.)+[A-Z]?)\.$")  # Mr. St. Fla. D.C.


@dataclass
class Cue:
    verb: str
    speaker_start: int  # absolute range of the words naming the speaker
    speaker_end: int
    head: int | None = None  # absolute offset of the phrase's head word
    verb_i: int | None = None  # the cue verb's token index in its paragraph
    naming: bool = False  # the quote names something ('called it “…”', 'dismissed it as “…”')


def is_cue_verb(token) -> bool:
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
    if particle is None:
        return False
    # 'went on', not a preposition further on: 'a news has gone viral on social media about ...'
    return any(c.lower_ == particle and (c.dep_ != "prep" or c.i == token.i + 1) for c in token.children)


def verb_read_as_noun(token) -> bool:
    """'…,” Viguerie notes.': the small model reads 'notes' or 'points' as a plural noun."""
    return token.tag_ == "NNS" and token.lower_.endswith("s") and token.lower_[:-1] in QUOTE_VERBS


def sentence_start_of(doc, i: int) -> int:
    """The start of the sentence holding token i; a period of 'Mr.', 'St.' or 'Fla.' ends none."""
    if not len(doc):
        return 0
    start = doc[min(i, len(doc) - 1)].sent.start
    while start > 0 and is_abbreviation(doc, start - 1):
        start = doc[start - 1].sent.start
    return start


def starts_sentence(doc, i: int) -> bool:
    return bool(doc[i].is_sent_start) and not (i > 0 and is_abbreviation(doc, i - 1))


def is_abbreviation(doc, i: int) -> bool:
    """'Mr.', 'Sen.', 'Fla.', 'D.C.' (one token, or a word and its period)."""
    text = doc[i].text
    if ABBREVIATION.match(text):
        return True
    return text == "." and i > 0 and not doc[i - 1].whitespace_ and bool(ABBREVIATION.match(doc[i - 1].text + "."))


def make_cue(para: Paragraph, verb, start: int, end: int, head) -> Cue:
    head_at = None if head is None else para.start + head.idx
    words = para.text[start:end]
    last = words.rsplit(" ", 1)[-1]
    if " " in words and last.lower() in QUOTE_VERBS and para.text[end : end + 2].lstrip()[:1] in OPENING_MARKS:
        end -= len(last) + 1  # 'Officers at the War Memorial shout ‘there is …’', the verb read as a noun
    return Cue(_cue_words(verb), para.start + start, para.start + end, head_at, verb.i)


def verb_subject(verb, deps: tuple[str, ...] = ("nsubj", "nsubjpass")):
    """The verb's subject; of two, the name nearest before it ('Speaking in Salem, New Hampshire,
    Trump went after Bush': the parser gave 'went' both 'Hampshire' and 'Trump'), never a
    description after a name ('Ortiz, 58, a lawyer, said')."""
    found = [c for c in verb.children if c.dep_ in deps and c.lower_ not in OBJECT_PRONOUNS]
    before = [c for c in found if c.i < verb.i]
    named = [c for c in before if c.pos_ == "PROPN"] or before
    return named[-1] if named else (found[0] if found else None)


TIME_NOUNS = frozenset("month week year day weekend morning afternoon evening night decade hour quarter".split())


def relative_antecedent(subject):
    """'Beck, who has described Trump as “…”': for a relative pronoun, the noun its clause
    describes (the clause may be the cue verb's or one it hangs in); else None."""
    if subject.lower_ not in ("who", "that", "which"):
        return None
    clause = next((t for t in subject.ancestors if t.dep_ == "relcl"), None)
    if clause is not None and clause.head.pos_ not in ("VERB", "AUX"):
        return clause.head
    if clause is not None:
        return None  # 'A video popped up online this week that appears to add …': hung from a verb
    return _noun_before(subject) if subject.tag_ in ("WDT", "WP") else None


def _noun_before(pronoun):
    """The noun right before a relative pronoun the parser hung elsewhere ('a statement that,
    while condemning violence, accused …', 'passages from Genesis that say'), climbing out of
    a prepositional phrase to the noun it describes; None when no noun stands there."""
    if not pronoun.i:
        return None
    noun = pronoun.doc[pronoun.i - 1]
    if noun.lower_ in TIME_NOUNS and noun.dep_ in ("npadvmod", "tmod") and noun.left_edge.i:
        noun = pronoun.doc[noun.left_edge.i - 1]  # 'a TV report late last month that said': the report
    if noun.pos_ not in ("NOUN", "PROPN"):
        return None
    while noun.dep_ == "pobj" and noun.head.dep_ == "prep" and noun.head.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head.head
    return noun


def subject_cue(para: Paragraph, verb, subject, pronoun_head: bool = False) -> Cue:
    """The cue naming the subject's words; for a relative pronoun, its antecedent's (with
    ``pronoun_head``, headed still by the pronoun: 'women who support Sanders as “…”' is no
    name that women give a thing)."""
    named = relative_antecedent(subject)
    if named is not None:
        head = subject if pronoun_head else named
        return make_cue(para, verb, named.left_edge.idx, named.idx + len(named.text), head)
    tokens = [t for t in subject.subtree if t.dep_ != "punct"]
    return make_cue(para, verb, tokens[0].idx, tokens[-1].idx + len(tokens[-1].text), subject)


def _cue_words(verb) -> str:
    following = verb.nbor(1) if verb.i + 1 < len(verb.doc) else None
    if verb.lemma_ == "tell" and following is not None and following.lower_ in ("reporters", "journalists"):
        return f"{verb.text} {following.text}"
    return verb.text


def inside_marks(para: Paragraph, token) -> bool:
    return any(s.open < token.idx < s.close for s in pair_marks(para.text))
