"""Who a passage is about: the subjects of its clauses, for resolving a speaker's pronoun.

News keeps its topic as subject: 'Kasich differed.' then '“…,” he said'. Each subject is
kept as the words that name it ('Gov. Scott Walker', never 'Trump' of 'Walker, vanquished by
Trump') and ranked: one outside any reported clause over one inside ('Lou said Lew had…'),
then the later sentence, then, within a sentence, the main clause over a subordinate one
('Ryan hedged when Tapper asked'). A pronoun that is itself a subject ('He added that…')
passes the topic on once resolved: its position counts as a subject mention of its person.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import deque
from dataclasses import dataclass, field

from briefing.nlp.captions import is_caption
from briefing.nlp.entity_words import is_given_name
from briefing.nlp.lexicon import OBJECT_PRONOUNS, QUOTE_VERBS, ROLE_NOUNS
from briefing.nlp.marks import QUOTE_TOKENS, pair_marks
from briefing.nlp.parse import ParsedText

REPORTED = frozenset(("ccomp",))  # 'Lou said Lew had his eyes on…': Lew is what is reported, Lou the topic
SUBJECT_DEPS = frozenset(("nsubj", "nsubjpass"))
MAIN_CLAUSE = frozenset(("ROOT", "parataxis"))
NOUN_CLAUSES = frozenset(("relcl", "acl"))
RELATIVE_WORDS = frozenset(("who", "whom", "which", "that", "whose"))
FINITE_TAGS = frozenset(("VBD", "VBZ", "VBP"))
MODIFIER_DEPS = frozenset(("advmod", "amod", "npadvmod", "compound"))  # what the parser takes a name for at times

Rank = tuple[bool, int, bool]  # (outside a reported clause, sentence start, in the main clause)
# someone brought in unnamed as a subject ('However, a South Korean official claimed that …', 'a blogger
# said'): a 'he' or 'she' after it is theirs, not a person named inside what they said
UNNAMED_HEADS = ROLE_NOUNS | frozenset(
    """
source blogger man woman person expert observer witness resident insider member relative friend neighbour
neighbor employee user viewer reader fan supporter critic voter passenger bystander survivor defector
""".split()
)
UNNAMED_ARTICLES = frozenset(("a", "an", "another", "one"))


@dataclass
class Subjects:
    """The text's subjects in order, as (start, end, rank) of each word naming one, and the
    he/she subjects resolved so far, per entity cluster."""

    spans: list[tuple[int, int, Rank]] = field(default_factory=list)
    pronouns: dict[int, list[tuple[int, int, str]]] = field(default_factory=dict)
    pending: deque[tuple[int, int, str]] = field(default_factory=deque)  # he/she subjects not yet resolved
    unnamed: list[tuple[int, int, Rank]] = field(default_factory=list)  # 'a South Korean official' (its head)

    def rank_at(self, start: int, end: int) -> Rank | None:
        """The best rank of a subject word inside [start, end), None when there is none."""
        i = bisect_left(self.spans, (start,))
        best = None
        for s, _, rank in self.spans[i : i + 8]:
            if s >= end:
                break
            best = rank if best is None else max(best, rank)
        return best

    def positions(self, index: int, mentions, pronoun: str | None = None) -> list[tuple[int, int]]:
        """Where a cluster was named, and where that pronoun, as a subject, stood for it."""
        found = [(m.start, m.end) for m in mentions]
        return found + [(s, e) for s, e, word in self.pronouns.get(index, []) if word == pronoun]


def find_subjects(parsed: ParsedText) -> Subjects:
    """The subject words of the text and its he/she subjects outside quotation marks."""
    spans: list[tuple[int, int, Rank]] = []
    pending: list[tuple[int, int, str]] = []
    unnamed: list[tuple[int, int, Rank]] = []
    for para in parsed.paragraphs:
        if is_caption(para.text):
            continue  # 'Gunned down: Cirillo is raced to an ambulance …': a picture's, not the story's
        quoted = None
        for t in para.doc:
            if not is_subject(t):
                continue
            rank = (_unreported(t), para.start + t.sent.start_char, _in_main_clause(t))
            for word in _naming_words(t):
                spans.append((para.start + word.idx, para.start + word.idx + len(word.text), rank))
            if _unnamed(t):
                unnamed.append((para.start + t.idx, para.start + t.idx + len(t.text), rank))
            if t.lower_ in ("he", "she"):
                if quoted is None:
                    quoted = [(s.open, s.close) for s in pair_marks(para.text)]
                if not any(s <= t.idx < e for s, e in quoted):
                    pending.append((para.start + t.idx, para.start + t.idx + len(t.text), t.lower_))
    return Subjects(sorted(spans), {}, deque(pending), unnamed)


def _unnamed(subject) -> bool:
    """A person brought in without a name, speaking: 'a South Korean official claimed', 'one
    source said', 'another blogger posted'; not 'a lawyer, John Smith' or 'Sen. Boxer, a
    longtime supporter', named in apposition, nor 'a reporter asked Sanders', whose answer is
    the one asked."""
    verb = subject.head
    if subject.pos_ not in ("NOUN", "PROPN") or subject.lower_ not in UNNAMED_HEADS or not _speaking(verb):
        return False
    if any(c.dep_ in ("dobj", "dative") and c.pos_ in ("PROPN", "PRON") for c in verb.children):
        return False
    children = list(subject.children)
    if any(c.dep_ == "appos" and c.pos_ == "PROPN" for c in children):
        return False
    if any(c.dep_ == "poss" for c in children):
        return True  # "The Prime Minister's Deputy Official Spokesman declined to comment"
    article = subject.left_edge  # 'One longtime NBC employee', where 'One' may hang from 'longtime'
    if article.lower_ not in UNNAMED_ARTICLES or article.dep_ not in ("det", "nummod"):
        return False
    doc = subject.doc
    return not (article.i >= 2 and doc[article.i - 1].text == "," and doc[article.i - 2].pos_ == "PROPN")


def _speaking(verb) -> bool:
    """A verb of speech, or one that leads to it: 'claimed', 'declined to comment', 'was keen
    to point out', 'had dirty words for him, calling him …'."""
    if verb.lemma_ in QUOTE_VERBS:
        return True
    leads = [c for c in verb.children if c.dep_ == "xcomp" or (c.dep_ == "advcl" and c.tag_ == "VBG")]
    leads += [g for c in verb.children if c.dep_ == "acomp" for g in c.children if g.dep_ == "xcomp"]
    return any(c.lemma_ in QUOTE_VERBS for c in leads)


def _office_holder(office, of) -> bool:
    """'Chief of Police Charles Bordeleau', 'Secretary of State John Kerry': a title with 'of'
    before a name that opens with a given name (not 'the president of Corvane Systems')."""
    if office.lower_ not in ROLE_NOUNS or not office.text[:1].isupper():
        return False
    name = [t for t in of.subtree if t.i > of.i]
    return any(t.pos_ == "PROPN" and t.text[:1].isupper() and is_given_name(t.lower_) for t in name[1:])


def _naming_words(subject) -> list:
    """The subject's head and the heads that stand for the same one: apposition, 'like' or
    'including', 'named', 'called' or 'known as', names joined by 'and', the noun a 'who' stands for."""
    found: list = []
    todo = [subject]
    if subject.lower_ == "who" and subject.head.dep_ == "relcl":
        todo.append(subject.head.head)  # 'with Clinton — who has called for…': the one 'who' stands for
    while todo and len(found) < 8:
        token = todo.pop()
        if token.dep_ != "prep":
            found.append(token)
        for child in token.children:
            if child.dep_ in ("appos", "conj") or (child.dep_ == "pobj" and token.dep_ == "prep"):
                todo.append(child)
            elif child.dep_ == "prep" and child.lower_ in ("like", "including"):
                todo.append(child)
            elif child.dep_ == "prep" and child.lower_ == "of" and _office_holder(token, child):
                todo.append(child)  # 'Chief of Police Charles Bordeleau would not confirm': Bordeleau
            elif child.dep_ == "acl" and child.lower_ in ("named", "called"):
                todo.extend(c for c in child.children if c.dep_ in ("oprd", "attr", "dobj", "npadvmod"))
            elif child.dep_ in ("acl", "relcl") and child.lower_ == "known":
                # 'The woman, who is known only as Lana, describes …': Lana
                todo.extend(g for c in child.children if c.lower_ == "as" for g in c.children if g.dep_ == "pobj")
    return found


def is_subject(token) -> bool:
    """A clause's subject, also a name misread as a modifier ('Jolly said he would…' parsed
    'Jolly' as an adverb) or an object: a capitalised word right before a verb that has no
    subject, or opening the sentence and hung from such a verb."""
    dep = token.dep_
    if dep in SUBJECT_DEPS:
        # '«…,» said Tanielu' parsed with the closing mark as a subject
        return not token.is_punct and token.lower_ not in OBJECT_PRONOUNS and not _describes_a_noun(token)
    if not token.text[:1].isupper():
        return False
    if dep == "pobj":
        return token.pos_ == "PROPN" and (_misread_object(token) or _according_to_opening(token))
    verb = token.head
    if token.i == token.sent.start and token.n_lefts == 0 and verb.i > token.i and _finite_without_subject(verb):
        return True  # 'Trump, appearing after Clinton, cited problems …' parsed Trump as a clause of 'cited'
    return dep in MODIFIER_DEPS and token.i + 1 == verb.i and verb.pos_ == "VERB" and _without_subject(verb)


def _according_to_opening(token) -> bool:
    """'According to Oliver, the staff had trained for it. “…,” he said': the one a sentence
    opens by reporting is its source, as its subject would be."""
    to = token.head
    according = to.head if to.lower_ == "to" else None
    if according is None or according.lower_ != "according":
        return False
    opening = next((t for t in token.sent if not (t.is_punct or t.is_space)), None)
    return opening is not None and opening.i == according.i  # the sentence opens with it


def _misread_object(token) -> bool:
    """'At an event in St. Clairsville, Ohio, 62-year-old Brenda Johnson also railed against…'
    parsed Johnson as the object of 'in': a name right before a finite verb (adverbs aside)
    that has no subject of its own."""
    doc, after = token.doc, token.i + 1
    while after < len(doc) and doc[after].pos_ == "ADV":
        after += 1
    if after == len(doc):
        return False
    return _finite_without_subject(doc[after])


def _finite_without_subject(verb) -> bool:
    return verb.pos_ == "VERB" and verb.tag_ in FINITE_TAGS and _without_subject(verb)


def _without_subject(verb) -> bool:
    return not any(c.dep_ in SUBJECT_DEPS for c in verb.children)


def _describes_a_noun(subject) -> bool:
    """The subject of a clause that describes a noun, not the passage's topic: 'Asked about her
    vote in the event that Clinton faces Trump, she replied' (Clinton is no subject the pronoun
    takes up), 'the deal Clinton signed'. A relative word ('who has called for…') stands for the
    noun, which stays a subject."""
    return subject.head.dep_ in NOUN_CLAUSES and subject.lower_ not in RELATIVE_WORDS


def _unreported(subject) -> bool:
    """Not inside a clause some verb reports ('Lou said Lew had his eyes on…'). A clause the
    parser hung from a speech verb across a quotation is the narrative, not what is reported:
    'Sondland has amended his testimony — “I now do recall,” he said'."""
    return not any(
        t.dep_ in REPORTED and not _quote_between(subject, t.head) for t in [subject.head, *subject.head.ancestors]
    )


def _quote_between(subject, verb) -> bool:
    low, high = sorted((subject.i, verb.i))
    return any(t.text in QUOTE_TOKENS for t in subject.doc[low + 1 : high])


def _in_main_clause(subject) -> bool:
    """The subject of the sentence's main verb (or one joined to it), not of a clause
    hanging from it ('when Tapper asked', 'if Sanders wins')."""
    verb = subject.head
    while verb.dep_ == "conj" and verb.head is not verb:
        verb = verb.head
    return verb.dep_ in MAIN_CLAUSE
