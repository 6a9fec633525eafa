"""Linguistic features of a sentence for the check-worthiness score (``claim_score``).

Each feature is a number read from the parse: numbers in digits or words, entity types,
tense, person, modality, opinion and topic words, kind cues, length, question. Counts are
capped so one long sentence cannot dominate. The names are the keys of the fitted weights.
"""

from __future__ import annotations

import math

from briefing.nlp.claim_clauses import Clauses
from briefing.nlp.claim_words import (
    CONDITIONAL_WORDS,
    DIGIT,
    DISCOURSE_STARTS,
    FILLER_WORDS,
    FUTURE_WORDS,
    GOVERNMENT_WORDS,
    MODAL_WORDS,
    NEED_PHRASES,
    NUMBER_WORDS,
    OPINION_WORDS,
    RECORD_LEMMAS,
    SPEECH_LEMMAS,
    STAT_WORDS,
    TIME_WORDS,
    TOPIC_WORDS,
)

KINDS = ("money", "percent", "figure", "date", "denial", "rumour", "allegation", "plan", "promise", "finding", "action")
FEATURE_NAMES = (
    "digits",
    "number_words",
    "money_ent",
    "percent_ent",
    "cardinal_ent",
    "date_ent",
    "year",
    "person_ent",
    "org_ent",
    "gpe_ent",
    "norp_ent",
    "law_event_ent",
    "past",
    "perfect",
    "present",
    "first_singular",
    "first_plural",
    "second_person",
    "third_person",
    "future",
    "modal",
    "hedged",
    "vetoed_share",
    "opinion_words",
    "topic_words",
    "stat_words",
    "record_verbs",
    "speech_verbs",
    "comparative",
    "superlative",
    "negation",
    "question",
    "exclamation",
    "discourse_start",
    "government_words",
    "time_words",
    "need_phrase",
    "conditional",
    "filler",
    "named_subject_past",
    "first_person_past",
    "third_person_past",
    "number_and_topic",
    "imperative",
    "log_length",
    "short",
    "no_verb",
    "proper_nouns",
    "nouns",
    "adjectives",
    *(f"kind_{k}" for k in KINDS),
)
FEATURE_INDEX = {name: i for i, name in enumerate(FEATURE_NAMES)}
ENTITY_FEATURES = {
    "MONEY": "money_ent",
    "PERCENT": "percent_ent",
    "CARDINAL": "cardinal_ent",
    "QUANTITY": "cardinal_ent",
    "DATE": "date_ent",
    "TIME": "date_ent",
    "PERSON": "person_ent",
    "ORG": "org_ent",
    "GPE": "gpe_ent",
    "LOC": "gpe_ent",
    "NORP": "norp_ent",
    "LAW": "law_event_ent",
    "EVENT": "law_event_ent",
}
THIRD_PERSON = frozenset("he she they it his her their him them".split())


def sentence_features(sent, clauses: Clauses, kind: str | None) -> list[float]:
    values = [0.0] * len(FEATURE_NAMES)
    live = clauses.live
    _count_entities(values, sent, {t.i for t in live})
    _count_tokens(values, sent, live)
    words = sum(1 for t in sent if not t.is_punct and not t.is_space)
    text = sent.text.rstrip()
    first = next((t for t in sent if not t.is_punct and not t.is_space), None)
    values[FEATURE_INDEX["hedged"]] = float(clauses.hedged)
    values[FEATURE_INDEX["vetoed_share"]] = clauses.vetoed / max(len(sent), 1)
    values[FEATURE_INDEX["question"]] = float(text.endswith("?"))
    values[FEATURE_INDEX["exclamation"]] = float(text.endswith("!"))
    values[FEATURE_INDEX["discourse_start"]] = float(first is not None and first.lower_ in DISCOURSE_STARTS)
    imperative = first is not None and first.tag_ == "VB" and first.dep_ in ("ROOT", "ccomp")
    values[FEATURE_INDEX["imperative"]] = float(imperative)
    values[FEATURE_INDEX["log_length"]] = math.log1p(words)
    values[FEATURE_INDEX["short"]] = float(words < 6)
    lowered = text.lower()
    values[FEATURE_INDEX["need_phrase"]] = float(sum(p in lowered for p in NEED_PHRASES))
    numbers = values[FEATURE_INDEX["digits"]] + values[FEATURE_INDEX["number_words"]]
    values[FEATURE_INDEX["number_and_topic"]] = float(numbers > 0 and values[FEATURE_INDEX["topic_words"]] > 0)
    if kind in KINDS:
        values[FEATURE_INDEX[f"kind_{kind}"]] = 1.0
    return [min(v, 3.0) for v in values]


def _count_entities(values: list[float], sent, live_ids: set[int]) -> None:
    for ent in sent.ents:
        if ent.start not in live_ids:
            continue
        name = ENTITY_FEATURES.get(ent.label_)
        if name is not None:
            values[FEATURE_INDEX[name]] += 1.0
        if ent.label_ == "DATE" and any(t.shape_ == "dddd" for t in ent):
            values[FEATURE_INDEX["year"]] = 1.0


TAG_FEATURES = {
    "VBD": ("past", 1.0),
    "VBZ": ("present", 1.0),
    "VBP": ("present", 1.0),
    "JJR": ("comparative", 1.0),
    "RBR": ("comparative", 1.0),
    "JJS": ("superlative", 1.0),
    "RBS": ("superlative", 1.0),
    "JJ": ("adjectives", 0.5),
    "NNP": ("proper_nouns", 0.5),
    "NNPS": ("proper_nouns", 0.5),
    "NN": ("nouns", 0.5),
    "NNS": ("nouns", 0.5),
}
LIVE_WORDS = ((TOPIC_WORDS, "topic_words"), (STAT_WORDS, "stat_words"))
SENTENCE_WORDS = (
    (frozenset(("i", "me", "my")), "first_singular"),
    (frozenset(("we", "us", "our")), "first_plural"),
    (frozenset(("you", "your")), "second_person"),
    (THIRD_PERSON, "third_person"),
    (OPINION_WORDS, "opinion_words"),
    (GOVERNMENT_WORDS, "government_words"),
    (TIME_WORDS, "time_words"),
    (CONDITIONAL_WORDS, "conditional"),
    (FILLER_WORDS, "filler"),
)


def _word_table(lists) -> dict[str, tuple[int, ...]]:
    table: dict[str, list[int]] = {}
    for words, name in lists:
        for word in words:
            table.setdefault(word, []).append(FEATURE_INDEX[name])
    return {word: tuple(indexes) for word, indexes in table.items()}


LIVE_TABLE = _word_table(LIVE_WORDS)
SENTENCE_TABLE = _word_table(SENTENCE_WORDS)


def _count_tokens(values: list[float], sent, live) -> None:
    """Counts over the live clauses: numbers, tense, parts of speech, topic and record words."""
    index = FEATURE_INDEX
    for token in live:
        lower = token.lower_
        if DIGIT.search(lower):
            values[index["digits"]] += 1.0
        elif lower in NUMBER_WORDS or any(p in NUMBER_WORDS for p in lower.split("-")[1:]):
            values[index["number_words"]] += 1.0
        tagged = TAG_FEATURES.get(token.tag_)
        if tagged is not None:
            values[index[tagged[0]]] += tagged[1]
        elif token.tag_ == "VBN" and token.head.lemma_ == "have":
            values[index["perfect"]] += 1.0
        for i in LIVE_TABLE.get(lower, ()):
            values[i] += 1.0
        if token.pos_ == "VERB" and token.lemma_ in RECORD_LEMMAS:
            values[index["record_verbs"]] += 1.0
    values[index["no_verb"]] = float(not any(t.pos_ in ("VERB", "AUX") for t in live))
    _count_sentence(values, sent)


def _count_sentence(values: list[float], sent) -> None:
    """Counts over the whole sentence: person, modality, opinion, negation, speech, subjects."""
    index = FEATURE_INDEX
    for token in sent:
        lower = token.lower_
        for i in SENTENCE_TABLE.get(lower, ()):
            values[i] += 1.0
        if token.tag_ == "MD" or lower == "going":
            name = "future" if lower in FUTURE_WORDS else "modal" if lower in MODAL_WORDS else None
            if name is not None:
                values[index[name]] += 1.0
        if token.dep_ == "neg":
            values[index["negation"]] += 1.0
        elif token.dep_ in ("nsubj", "nsubjpass") and token.head.tag_ in ("VBD", "VBN"):
            _count_subject(values, token)
        if token.pos_ == "VERB" and token.lemma_ in SPEECH_LEMMAS:
            values[index["speech_verbs"]] += 1.0


def _count_subject(values: list[float], subject) -> None:
    """Who did something in the past: a name, the speaker, or someone else."""
    lower = subject.lower_
    if subject.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or subject.pos_ == "PROPN":
        values[FEATURE_INDEX["named_subject_past"]] += 1.0
    elif lower in ("i", "we"):
        values[FEATURE_INDEX["first_person_past"]] += 1.0
    elif lower in THIRD_PERSON or subject.pos_ == "NOUN":
        values[FEATURE_INDEX["third_person_past"]] += 1.0
