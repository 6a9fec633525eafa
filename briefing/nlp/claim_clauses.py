"""Clauses of a sentence and which of them a hedge or an opinion takes out of a claim.

A hedge ("might", the modal "may", "perhaps") or a first-person opinion ("I think")
vetoes only the clause it belongs to: in "I think we lost 800,000 jobs" the opinion is
"I think" and the figure stays checkable. In a reported rumour ("Apple could unveil a
watch, sources say") the hedge is the rumour itself, so the clause stays and the claim is
marked as a rumour.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.nlp.claim_quotes import SAY_LEMMAS, has_figure, is_said, quoted_spans, reported_view_heads
from briefing.nlp.claim_words import (
    EVALUATIVE_WORDS,
    FIRST_PERSON,
    HEDGE_WORDS,
    OPINION_LEMMAS,
    RUMOUR_LEMMAS,
    RUMOUR_WORDS,
)

CLAUSE_DEPS = frozenset("ROOT ccomp advcl relcl parataxis csubj acl".split())
DEGREE = frozenset("more less most least so very".split())
HEARSAY_NOUNS = frozenset("report rumor rumour".split())  # not "suggestion": often a proposal
HEARSAY_VERBS = frozenset("say suggest indicate claim emerge circulate surface swirl".split())
BELIEF_LEMMAS = frozenset("think believe feel hope wish pray doubt".split())
OPINION_PHRASES = ("in my view", "in my opinion", "ought to")
# the writer's guess: "It's reasonable to assume [the watch will cost $500]", "safe to say [it is
# an interesting direction]"; and "I wouldn't be surprised to see [that come with a strap]"
GUESS_ADJECTIVES = frozenset("reasonable safe fair".split())
GUESS_VERBS = frozenset("assume say expect guess presume predict bet".split())
# what a deals page tells its reader to do: "You'll also find AirPods 2 for $150" (with a figure
# too); not "save" or "pay", which a debate says of a policy ("you could save $50 billion")
SHOPPING_LEMMAS = frozenset("find snag grab nab".split())


@dataclass
class Clauses:
    live: list  # tokens outside vetoed clauses
    vetoed: int  # how many tokens were vetoed
    hedged: bool  # a hedge was found (vetoed or kept as a rumour)
    rumour: bool  # the sentence reports a rumour


def clause_head(token):
    """The verb heading the clause ``token`` belongs to (the sentence root at most)."""
    while True:
        dep = token.dep_
        if dep in CLAUSE_DEPS or (dep == "conj" and token.pos_ in ("VERB", "AUX")) or token.head.i == token.i:
            return token
        token = token.head


def split_clauses(sent) -> Clauses:
    rumour = any((t.lower_ in RUMOUR_WORDS or t.lemma_ in RUMOUR_LEMMAS) and not _supposed(t) for t in sent)
    rumour = rumour or _said_to(sent) or any(map(_hearsay, sent))
    vetoed_heads = _addressed_to_reader(sent) | _writer_guess(sent)
    hedged = False
    for token in sent:
        if _is_hedge(token):
            # a hedge takes its clause and the clauses under it ("might act because ...")
            hedged = True
            head = clause_head(token)
            vetoed_heads.update(t.i for t in head.subtree if t.dep_ in CLAUSE_DEPS and t.dep_ != "ccomp")
            vetoed_heads.add(head.i)
        elif _is_opinion(token) or _is_evaluation(token):
            # an opinion takes only its own clause: "I think [we lost 800,000 jobs]"
            hedged = True
            vetoed_heads.add(clause_head(token).i)
        elif _is_belief(token):
            # what someone else believes is their view, not a fact: "he believed [the United
            # States would win]"; a figure in it stays checkable ("she thinks [40 jobs went]")
            hedged = True
            vetoed_heads |= _belief_heads(token)
    if rumour and hedged:
        return Clauses(list(sent), 0, True, True)
    heads: dict[int, list] = {}
    for token in sent:
        heads.setdefault(clause_head(token).i, []).append(token)
    vetoed_heads |= reported_view_heads(sent, heads)
    if any(p in sent.text.lower() for p in OPINION_PHRASES):
        vetoed_heads.add(sent.root.i)
    if not vetoed_heads:
        return Clauses(list(sent), 0, hedged, rumour)
    live = [t for t in sent if clause_head(t).i not in vetoed_heads]
    return Clauses(live, len(sent) - len(live), hedged, rumour)


def _addressed_to_reader(sent) -> set[int]:
    """Heads of the clauses where the writer talks to the reader, which state no fact ("you can
    bet that ...", "you'll see nothing like that"), and of the clauses under them: "you" as a
    subject in the writer's own words (in a quote it is the speaker's audience)."""
    quoted = quoted_spans(sent)
    heads: set[int] = set()
    for token in sent:
        if token.lower_ == "you" and token.dep_ in ("nsubj", "nsubjpass") and token.i not in quoted:
            head = clause_head(token)
            if _generic(head):
                heads.update(t.i for t in head.subtree if t.dep_ in CLAUSE_DEPS)
                heads.add(head.i)
    return heads


def _writer_guess(sent) -> set[int]:
    """Heads of the clauses the writer guesses at and of the clause that says so: "it's
    reasonable to assume [...]", "safe to say [...]", "I wouldn't be surprised to see [...]";
    a fact the sentence states beside the guess stays ("This is a leap over the Apple Watch,
    which Apple has said would cost $349, so safe to say ...")."""
    quoted = quoted_spans(sent)
    heads: set[int] = set()
    for token in sent:
        if token.i in quoted or not (_guessing(token) or _not_surprised(token)) or _reported(token):
            continue
        heads.update(t.i for t in token.subtree if t.dep_ in CLAUSE_DEPS or t.i == token.i)
        if token.head.dep_ == "acomp" or any(c.dep_ == "acomp" for c in token.head.children):
            heads.add(clause_head(token.head).i)  # "It's reasonable to assume", "I wouldn't be surprised"
    return heads


def _reported(token) -> bool:
    """Under a speech verb: "The minister said it was reasonable to assume ..." is the minister's."""
    return any(map(is_said, (token, *token.ancestors)))


def _guessing(token) -> bool:
    """ "reasonable to assume", "safe to say": the verb of a guess under its adjective, or beside
    it under the copula ("It's [reasonable] [to assume]")."""
    if token.lemma_ not in GUESS_VERBS or token.dep_ != "xcomp":
        return False
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
        return False
    head = token.head
    return head.lower_ in GUESS_ADJECTIVES or any(
        c.dep_ == "acomp" and c.lower_ in GUESS_ADJECTIVES for c in head.children
    )


def _not_surprised(token) -> bool:
    """ "I wouldn't be (at all) surprised to see / if ...": a first-person guess."""
    if token.lower_ != "surprised" or token.dep_ != "acomp":
        return False
    verb = token.head
    subjects = [c for c in verb.children if c.dep_ == "nsubj"]
    negated = any(c.dep_ == "neg" for c in verb.children)
    return negated and any(c.lower_ in FIRST_PERSON for c in subjects)


def _generic(head) -> bool:
    """A present or modal "you" clause with no figure ("you can bet", "you only have two choices"),
    or where the reader is told what to buy, figure or not; in the past it is an accusation someone
    can check ("you voted for the war"); a condition ("if you don't believe ...") is left to the
    rules on conditions."""
    if head.tag_ in ("VBD", "VBN") or any(
        c.dep_ == "mark" or c.dep_ in ("aux", "auxpass") and c.tag_ == "VBD" for c in head.children
    ):
        return False
    if head.lemma_ in SHOPPING_LEMMAS and not any(c.dep_ == "ccomp" for c in head.children):
        return True  # "you will find that 40,000 households ..." tells a fact
    return not has_figure(list(head.subtree))


def _is_hedge(token) -> bool:
    lower = token.lower_
    if lower in HEDGE_WORDS:
        return True
    if token.lemma_ in ("seem", "appear") and any(c.dep_ in ("xcomp", "ccomp") for c in token.children):
        return True  # "seemed to implore", "does not appear ready"
    if _obligation(token):
        return True
    if token.tag_ != "MD":
        return False  # "May" the month is a proper noun, never a hedge
    if lower in ("may", "should", "must"):
        return True
    if lower == "could":
        following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
        return following is None or following.lower_ not in ("not", "n't", "never")
    return False


def speculates(span) -> bool:
    """A hedge of what may be true ("ISIS Might Be Harvesting Organs", "Apple could unveil"),
    outside quotation marks: a headline reporting it reports a rumour. A call ("should be
    investigated", "needs to get away from ...") is no rumour, nor a hedge in someone's quoted
    words ("Warren Hammers CEO: 'You Should Be Criminally Investigated'")."""
    quoted = quoted_spans(span)
    return any(
        _is_hedge(t) and not _obligation(t) and t.lower_ not in ("should", "must") and t.i not in quoted for t in span
    )


def _obligation(token) -> bool:
    """ "there needs to be a law", "we have to do more", "they'll need to find": 'need to' and
    'have to' as 'must' is, in the present or after a modal ('had to resign' is a fact)."""
    if token.lemma_ not in ("need", "have") or token.pos_ not in ("VERB", "AUX"):
        return False
    present = token.tag_ in ("VBZ", "VBP") or (
        token.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "MD" for c in token.children)
    )
    return present and any(
        c.dep_ == "xcomp" and any(a.dep_ == "aux" and a.lower_ == "to" for a in c.children) for c in token.children
    )


def _is_opinion(token) -> bool:
    if token.lemma_ not in OPINION_LEMMAS or token.pos_ != "VERB":
        return False
    return any(c.dep_ == "nsubj" and c.lower_ in FIRST_PERSON for c in token.children)


def _is_belief(token) -> bool:
    """ "(he said) he believed", "(she said) she prays": a reported belief of someone else."""
    if token.lemma_ not in BELIEF_LEMMAS or token.pos_ != "VERB" or token.tag_ == "VBN":
        return False
    if token.dep_ not in ("ccomp", "parataxis") or token.head.lemma_ not in SAY_LEMMAS:
        return False  # only a belief someone is reported to hold: "Trump said he believed ..."
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    return bool(subjects) and not any(c.lower_ in FIRST_PERSON for c in subjects)


def _belief_heads(token) -> set[int]:
    """The belief's clause and what is believed, unless that carries a figure."""
    heads = {clause_head(token).i}
    for said in token.children:
        if said.dep_ == "ccomp" and not has_figure(list(said.subtree)):
            heads.update(t.i for t in said.subtree if t.dep_ in CLAUSE_DEPS)
    return heads


def _is_evaluation(token) -> bool:
    """An evaluative word as its clause's predicate ("the results are alarming"), or "too early"."""
    if token.pos_ == "ADJ" and any(c.lower_ == "too" for c in token.children):
        return True
    if token.pos_ == "ADJ" and token.dep_ in ("acomp", "attr") and any(c.lower_ in DEGREE for c in token.children):
        return True  # "she has been more careful than Trump", "is so unfair"
    if token.lower_ not in EVALUATIVE_WORDS or token.tag_ not in ("JJ", "JJR", "JJS", "VBG"):
        return False
    return token.dep_ in ("acomp", "attr", "ROOT", "oprd", "ccomp")


def _said_to(sent) -> bool:
    """ "is said to", "is reported to", "is believed to": the passive of hearsay."""
    for token in sent:
        if token.lemma_ in ("say", "report", "believe", "rumor", "rumour", "understand") and token.tag_ == "VBN":
            if any(c.dep_ == "xcomp" for c in token.children) and any(c.dep_ == "auxpass" for c in token.children):
                if not _supposed(token):
                    return True
    return False


def _hearsay(token) -> bool:
    """ "There are reports that the Batmobile has been stolen", "amid reports circulating that
    ...": reports that no one is named for, with what they say in a clause of their own."""
    if token.lemma_.lower() not in HEARSAY_NOUNS or token.pos_ != "NOUN" or _supposed(token):
        return False
    if token.lemma_.lower() == "report" and token.tag_ != "NNS" and any(c.dep_ == "det" for c in token.children):
        return False  # "a new report says ...": one document, its finding; headlines' "..., report says" stays
    if token.dep_ == "pobj" and token.head.lower_ in ("before", "after", "since", "until"):
        return False  # "hours before reports that she had clinched it": a time, no rumour told
    if any(
        c.dep_ in ("poss", "compound", "nmod") or c.dep_ == "prep" and c.lower_ in ("by", "from", "in")
        for c in token.children
    ):
        return False  # "Reuters' report", "a CNN report", "a report by the inspector", "reports in the Times"
    if any(
        c.dep_ == "det" and c.lower_ in ("the", "this", "that", "these", "those", "his", "her", "its", "their")
        for c in token.children
    ):
        return False  # a report named before: "the report that he filed"
    clauses = [c for c in token.children if c.dep_ in ("acl", "ccomp")]
    # "reports circulating that ..."
    clauses += [g for c in clauses if c.dep_ == "acl" for g in c.children if g.dep_ == "ccomp"]
    if token.dep_ == "nsubj" and token.head.lemma_ in HEARSAY_VERBS:
        return any(c.dep_ == "ccomp" for c in token.head.children)  # "reports say (that) ..."
    return any(any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children) for c in clauses)


def _supposed(token) -> bool:
    """In a condition ("if there are people who are believed to be ..."): no rumour reported."""
    while True:
        if token.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in ("if", "unless") for c in token.children):
            return True
        if token.head.i == token.i:
            return False
        token = token.head
