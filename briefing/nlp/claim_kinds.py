"""What kind of checkable statement a sentence makes, read from its live clauses.

Kinds, first match wins: denial, rumour, allegation, promise and plan (only with a figure:
"will cut 2,000 jobs" is a plan, not a fact), money, percent, figure, finding, date,
action. None when no rule applies (the score may still make it a "statement").
"""

from __future__ import annotations

import re

from briefing.nlp.claim_clauses import Clauses
from briefing.nlp.claim_quotes import attribution_ids
from briefing.nlp.claim_words import (
    ACTION_LEMMAS,
    ALLEGATION_LEMMAS,
    ALLEGATION_WORDS,
    DENIAL_LEMMAS,
    DENIAL_OBJECT_LEMMAS,
    DENIAL_WORDS,
    DIGIT,
    FINDING_LEMMAS,
    MONEY,
    MONEY_WORDS,
    NUMBER_WORD,
    NUMBER_WORDS,
    PERCENT,
    PLAN_LEMMAS,
    PROMISE_LEMMAS,
    REPORT_NOUNS,
)

NAMED = frozenset(("PERSON", "ORG", "GPE", "NORP"))
DENIED_NOUNS = frozenset(
    "report claim allegation rumor rumour story news information statement account photo picture image video "
    "tweet post quote document letter email figure number data".split()
)
PERSONAL_PRONOUNS = frozenset("i me you he him she her we us they them".split())
FIGURE_LABELS = frozenset(("CARDINAL", "QUANTITY", "MONEY", "PERCENT"))
# spaCy labels a span of time DATE or TIME like a date: "for 10-15 minutes", "175 years in prison" and
# ages ("a 57-year-old man", "at age 43") are amounts, a figure.
TIME_UNITS = frozenset("second minute hour day night week month year decade century".split())
ANCHORED_AFTER = frozenset("ago before after earlier later from".split())  # "two years ago": a date
ORDINAL = re.compile(r"\d*(?:1st|2nd|3rd|\dth)$|(?:first|second|third|fourth|fifth)$")  # "18th-century"
ANCHORED_WORDS = frozenset("past last next coming previous this that these those first".split())


def figure_kind(sent, live_ids: set[int], skip: frozenset[int] | set[int] = frozenset()) -> str | None:
    """money, percent or figure when a live clause carries a number (in digits or words);
    ``skip``: words that are not part of the claim (the speaker of a quote)."""
    text = "".join(t.text_with_ws for t in sent if t.i not in skip) if skip else sent.text
    labels = set()
    for ent in sent.ents:
        if ent.start in live_ids and (DIGIT.search(ent.text) or _has_number_word(ent)):
            labels.add("QUANTITY" if _time_reading(ent) == "amount" else ent.label_)
    has_number = bool(labels & FIGURE_LABELS) or bool(NUMBER_WORD.search(text))
    if MONEY.search(text) or ("MONEY" in labels and _currency(sent)):
        return "money"
    if has_number and ("PERCENT" in labels or PERCENT.search(text)):
        return "percent"
    if has_number:
        return "figure"
    return None


def claim_kind(sent, clauses: Clauses) -> str | None:
    speaker = attribution_ids(sent)
    live = [t for t in clauses.live if t.i not in speaker]
    live_ids = {t.i for t in live}
    lemmas = {t.lemma_.lower() for t in live}
    lowers = {t.lower_ for t in sent}
    if (
        any(map(_denial_verb, live))
        or any(map(_denies, sent))
        or (lemmas & DENIAL_OBJECT_LEMMAS and lowers & REPORT_NOUNS)
        or _answers_no(sent)
    ):
        return "denial"
    if clauses.rumour:
        return "rumour"
    if lowers & ALLEGATION_WORDS or any(map(_alleges, live)):
        return "allegation"
    figure = figure_kind(sent, live_ids, speaker)
    if figure is not None:
        plan = _plan_kind(live, _figure_tokens(sent, live))
        if plan is not None:
            return plan
        return figure
    return _kind_by_verbs(live) or _date_kind(sent, live_ids)


def _denial_verb(token) -> bool:
    """'denied that …', 'disputes the account', 'has denied it': not a dispute between two
    sides ('a heated dispute', 'the disputed territory'), nor a thing withheld from someone
    ('denied entry to travelers', 'rights that had been denied victims')."""
    lemma = token.lemma_.lower()
    if lemma not in DENIAL_LEMMAS or token.dep_ == "amod" or lemma == "dispute" and token.pos_ == "NOUN":
        return False  # only 'dispute' is a noun too: 'Denies' tagged one in a headline still denies
    children = {c.dep_: c for c in token.children}
    given = "dobj" in children and any(c.dep_ == "prep" and c.lower_ == "to" for c in token.children)
    passive = "dobj" in children and children.get("auxpass") is not None and children["auxpass"].lower_ != "'s"
    return not (given or passive or "dative" in children)


def _answers_no(sent) -> bool:
    """ "No, Banksy hasn't been arrested.": a rumour answered with a negated statement."""
    words = [t for t in sent if not t.is_space]
    if len(words) < 4 or words[0].lower_ != "no" or words[1].text != ",":
        return False
    return any(c.dep_ == "neg" for c in sent.root.children)


def _denies(token) -> bool:
    """ "false", "a hoax", "fake news", "a bogus Banksy": not "a false choice" or "fake
    passports", which deny no report or name, nor someone faking ("he was faking worse")."""
    if token.lower_ not in DENIAL_WORDS:
        return False
    subjects = [c for c in token.children if c.dep_ == "nsubj"]
    if token.pos_ == "VERB" and subjects or any(c.lower_ in PERSONAL_PRONOUNS for c in subjects):
        return False  # someone faking or fabricating something; "seen him fake" (an adjective to the parser)
    if token.dep_ != "amod":
        return True
    head = token.head
    while head.dep_ == "compound" and head.head.i != head.i:
        head = head.head  # "fake stolen Batmobile report": the report is what is fake
    named = head.text[:1].isupper()  # "a bogus Banksy" denies a name (the parser may call it a noun)
    return head.pos_ not in ("NOUN", "PROPN") or named or head.lemma_.lower() in DENIED_NOUNS


def _alleges(token) -> bool:
    """An accusing verb, not one that only describes someone: "anyone claiming that ...".
    "charge" accuses only with what it charges someone with ("charged with fraud", "charged
    that ..."), not as a price ("charges $5") or a battery's ("while charging in the car")."""
    if token.pos_ != "VERB" or token.lemma_ not in ALLEGATION_LEMMAS or token.dep_ in ("acl", "compound", "amod"):
        return False
    return token.lemma_ != "charge" or any(
        _charged_with(c) or c.dep_ == "ccomp" or c.dep_ == "dobj" and _is_person(c) for c in token.children
    )


def _charged_with(token) -> bool:
    """'with fraud', 'with two counts', 'with assaulting': what someone is charged with; not
    'fast charging support, with Audi suggesting ...'."""
    if token.lower_ != "with":
        return False
    for child in token.children:
        if child.dep_ == "pobj" and child.lemma_.lower() in POWER_SOURCES:
            return False  # "charging Apple laptops with portable batteries"
        if child.dep_ == "pobj" and child.pos_ in ("NOUN", "PROPN"):
            return True
        if child.dep_ == "pcomp" and not any(g.dep_ == "nsubj" for g in child.children):
            return True
    return False


# what a device is charged with: no charge against anyone
POWER_SOURCES = frozenset("battery charger cable adapter power pad case dock mat plug outlet brick station".split())
CHARGED_PEOPLE = frozenset("man men woman women person people suspect suspects teen teens boy boys girl girls".split())


def _is_person(token) -> bool:
    """ "him", "two men", "Jane Doe": someone a charge accuses."""
    return token.pos_ == "PRON" or token.ent_type_ in ("PERSON", "NORP") or token.lemma_.lower() in CHARGED_PEOPLE


DONE_WHEN_PAST = frozenset({"seek", "prepare"})


def _plan_kind(live, figures: list) -> str | None:
    """promise or plan when the figure belongs to a pledge, a plan or a future clause."""
    for kind, cues in (("promise", PROMISE_LEMMAS), ("plan", PLAN_LEMMAS)):
        for token in live:
            if token.lemma_ in cues and token.pos_ in ("VERB", "NOUN") and any(_governs(token, f) for f in figures):
                if _done_not_planned(token) or _committed_act(token):
                    continue
                return kind
    for token in live:
        future = token.lower_ in ("will", "shall", "'ll") and token.tag_ == "MD"
        if future or (token.lower_ == "set" and token.i + 1 < len(token.doc) and token.nbor(1).lower_ == "to"):
            if any(_governs(token.head, f) for f in figures):
                return "plan"
    return None


def _done_not_planned(token) -> bool:
    """ "Sought" and "prepared" in the past with no "to" clause report what was done ("two
    patients sought treatment", "prepared 300 meals"), not a plan ("sought to cut 2,000 jobs");
    "planned 300 homes" stays a plan."""
    return (
        token.lemma_ in DONE_WHEN_PAST
        and token.tag_ in ("VBD", "VBN")
        and not any(child.dep_ == "xcomp" for child in token.children)
    )


def _committed_act(token) -> bool:
    """ "committed suicide", "committed fraud": an act, not a pledge ("committed to", "committed
    $5 billion", "committed itself to")."""
    if token.lemma_ != "commit":
        return False
    if any(c.dep_ == "xcomp" or c.dep_ == "prep" and c.lower_ in ("to", "toward", "towards") for c in token.children):
        return False
    return not any(c.dep_ == "dobj" and (DIGIT.search(c.text) or c.ent_type_ == "MONEY") for c in token.children)


def _governs(head, token) -> bool:
    """``token`` is in the clause of ``head`` (or below it)."""
    # spaCy makes a new Token object on each access: compare indexes, never identity
    while token.i != head.i:
        if token.head.i == token.i or token.dep_ in ("ccomp", "advcl", "relcl"):
            return False
        token = token.head
    return True


def _figure_tokens(sent, live) -> list:
    live_ids = {t.i for t in live}
    tokens = [t for t in live if DIGIT.search(t.text) or t.lower_ in NUMBER_WORDS]
    for ent in sent.ents:
        if ent.start in live_ids and ent.label_ in FIGURE_LABELS:
            tokens.append(ent.root)
    return tokens


REFLEXIVES = frozenset("myself yourself himself herself itself ourselves yourselves themselves".split())


def _found_object(token) -> bool:
    """What was found, shown or confirmed: a clause or an object, not the finder itself ('we've
    found ourselves in a Job-less world'; 'reveals herself as the face' does reveal)."""
    if token.dep_ == "ccomp":
        return True
    return token.dep_ == "dobj" and not (token.head.lemma_ == "find" and token.lower_ in REFLEXIVES)


def _kind_by_verbs(live) -> str | None:
    for token in live:
        if token.pos_ != "VERB":
            continue
        if token.lemma_ in FINDING_LEMMAS and any(_found_object(c) for c in token.children):
            return "finding"
        if token.lemma_ in ACTION_LEMMAS and _has_named_subject(token):
            return "action"
    return None


def _date_kind(sent, live_ids: set[int]) -> str | None:
    for ent in sent.ents:
        if ent.start in live_ids and DIGIT.search(ent.text) and _time_reading(ent) == "date":
            return "date"
    return None


def _time_reading(ent) -> str | None:
    """How a DATE or TIME entity reads: "date" ("on Nov. 5", "in 2015", "two years ago") or
    "amount" ("for 17 nights", "75-minute", "175 years", "57-year-old", "age 43"); None for
    other entities."""
    if ent.label_ not in ("DATE", "TIME"):
        return None
    lemmas = [t.lemma_.lower() for t in ent]
    if "age" in lemmas or lemmas[-1] == "old" and TIME_UNITS.intersection(lemmas):
        return "amount"
    after = ent.doc[ent.end] if ent.end < len(ent.doc) else None
    anchored = after is not None and after.lower_ in ANCHORED_AFTER or ANCHORED_WORDS.intersection(lemmas)
    return "amount" if lemmas[-1] in TIME_UNITS and _counted(ent[-1]) and not anchored else "date"


def _counted(unit) -> bool:
    """A number right before the unit word: "17 nights", "75-minute", "six months" (not "9, Friday
    night")."""
    before = unit.nbor(-1) if unit.i > 0 else None
    if before is not None and before.text == "-" and before.i > 0:
        before = before.nbor(-1)
    return (
        before is not None
        and (before.tag_ == "CD" or before.lower_ in NUMBER_WORDS)
        and not ORDINAL.match(before.lower_)
    )


def _has_named_subject(verb) -> bool:
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    return any(t.ent_type_ in NAMED for s in subjects for t in s.subtree)


def _has_number_word(ent) -> bool:
    words = [t.lower_ for t in ent]
    return any(w in NUMBER_WORDS or any(p in NUMBER_WORDS for p in w.split("-")) for w in words)


def _currency(sent) -> bool:
    # "#1" is tagged a currency sign too: a rank, not money
    return any(t.lower_ in MONEY_WORDS or t.tag_ == "$" and t.text != "#" for t in sent) or bool(
        MONEY.search(sent.text)
    )
