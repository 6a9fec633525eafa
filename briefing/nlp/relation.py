"""The relation a passage of another source bears to a claim: related, supports or contradicts.

"related" is the answer unless the evidence is strong, because a suggestion only says the passage
is on the claim's subject. A source's stance belongs to the whole article rather than the one
passage shown (on FNC-1 a body that calls a story a hoax may do so three paragraphs away from the
passage that matched), so the decision reads the passage *and its source's text* as context:

- cues of the pair: refuting words (hoax, fake, false, debunked, denied, satire ...) in the
  source, in its lead and near the claim's words; the claim's own predicate negated; hedges
  (reportedly, allegedly, claims, unconfirmed, rumour) and attribution; confirmations; question
  marks; word overlap of the lead with the claim; the claim's own polarity (a claim that is itself
  about a hoax or a denial is *supported* by a source calling it one) and the same quantity in the
  same unit differing after unit conversion ("280-pound" and "127 kg" agree, "40,000 households"
  and "62,000 households" do not; "18k gold" is a purity, not 18,000);
- a multinomial logistic regression over these features (weights in
  :mod:`briefing.nlp.relation_weights`, fitted by ``bench/fit_relation_weights.py`` on the dev part
  of FNC-1's train split) gives P(supports), P(contradicts);
- "contradicts" only when its probability passes a threshold chosen, on out-of-fold dev
  predictions, for precision >= 0.85 (none reached it: the threshold is 1.01); "supports" likewise
  above its own threshold; else "related";
- before the model, "supports" when the passage states the claim in its very words (at least six,
  unhedged, in a source without refuting words), and "contradicts" when a narrow cue is bound to the claim's subject
  (``ClaimSides.contradiction_rule``): a plain assertion whose source says one of the claim's names
  "is a hoax / was fake / is not true", or a claim rejecting a figure ("62,000 households, not the
  40,000") met by a passage stating it ("40,000 homes"). Denials, negated predicates and differing
  figures bound to the subject stayed under precision 0.5 on FNC-1's dev part and are left to the model.

Held-out figures are printed by ``bench/claim_related.py``.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left
from functools import lru_cache

from briefing.nlp import relation_weights as weights
from briefing.nlp.relation_rules import (
    COUNTED,
    NAME,
    NOT_PLAIN,
    NOT_PLAIN_MARK,
    REJECTED,
    noun,
    said_false_subjects,
)
from briefing.nlp.relation_text import MEASURED, STOP, WORD, Quantity, key, number, quantities, same, words

NEAR = 12  # a cue counts when a shared word is at most this many words away
DEBUNK = frozenset(
    """
hoax hoaxes fake faked fakes false falsely untrue debunk debunked debunks fabricated fabrication
bogus satire satirical baseless myth
""".split()
)
DENY = frozenset("denied denies deny denying refuted refutes".split())
# a debunking word as the predicate: "the story is a hoax", "turned out to be fake", "not true"
DEBUNKED = re.compile(
    r"\b(?:is|was|are|were|been|be|being|proved|proven|turned out to be|appears to be|revealed as|exposed as)"
    r"\s+(?:(?:an?|the|just|actually|completely|totally|entirely|an elaborate|a complete|a total)\s+)*"
    r"(?:hoax|fake|false|untrue|fabricated|fabrication|bogus|myth|prank)\b"
    r"|\b(?:not|n't) (?:true|real|genuine|accurate)\b|\bno truth\b|\bdebunked\b",
    re.IGNORECASE,
)
# a denial of the report itself: "denied the reports", "denies claims that"
DENIAL = re.compile(
    r"\b(?:denied|denies|deny|denying|refuted|refutes|dismissed)\s+(?:the\s+|these\s+|those\s+|such\s+|any\s+)?"
    r"(?:reports?|claims?|rumou?rs?|allegations?|stor(?:y|ies)|accounts?)\b",
    re.IGNORECASE,
)
NEGATORS = frozenset("not never no n't nor neither".split())
CONFIRM = frozenset("confirmed confirms confirming verified".split())
HEDGES = frozenset(
    """
reportedly allegedly alleged purportedly purported rumor rumors rumour rumours unconfirmed unverified
claims claimed claiming apparently may might could suggests speculation if whether
""".split()
)


# --- words the model reads (each a feature or part of one) ---
REFUTE = (
    DEBUNK
    | DENY
    | frozenset(
        """
refute refuting fraud fraudulent prank pranks pranksters doctored photoshopped misleading retract retracted
retraction nonsense lie lies lied
""".split()
    )
)
SATIRE = frozenset("satire satirical parody spoof onion".split())
CONFIRMING = CONFIRM | frozenset("announced announces officially confirm".split())
ATTRIBUTION = re.compile(
    r"\baccording to (?:a |an |the )?(?:official|police|spokes\w*|statement|ministry|government)\w*"
    r"|\bsaid in a statement\b|\btold (?:reporters|the)\b|\bannounced (?:on|in|that)\b",
    re.IGNORECASE,
)
# a claim that itself doubts or denies ("No, that wasn't Paul Rudd", "Expert casts doubt on ...")
DOUBT = (
    REFUTE
    | SATIRE
    | NEGATORS
    | frozenset(
        "doubt doubts doubted skeptical sceptical questions questioned rumor rumors rumour rumours quit".split()
    )
)
CONTRAST = frozenset("however but despite although though yet contrary".split())
LEAD = 45  # words of a source's lead: its title and first sentence or two
# "supports" needs the passage to hold this share of the claim's words, and its source this share
# (chosen on FNC-1's dev part, on the five suggestions shown per headline: of those said
# "supports", the share right went from 0.68 to 0.80 with these floors)
SAME_WORDS = 6  # a claim's words found in this many or more, in order, in a passage: its own statement
RESTATED_IN_PASSAGE = 0.3
RESTATED_IN_SOURCE = 0.7
FEATURES = (
    "claim_refutes",
    "claim_hedged",
    "claim_question",
    "claim_negated",
    "source_refute",
    "lead_refute",
    "source_debunked",
    "source_denial",
    "refute_near_claim",
    "source_satire",
    "source_hedge",
    "lead_hedge",
    "source_confirm",
    "lead_confirm",
    "source_attribution",
    "negated_predicate",
    "negation_rate",
    "source_question",
    "source_contrast",
    "lead_overlap",
    "source_overlap",
    "passage_overlap",
    "passage_refute",
    "passage_hedge",
    "passage_confirm",
    "passage_rule_contradicts",
    "figures_differ",
    "figures_agree",
    "source_length",
    "claim_refutes_x_source_refute",
    "claim_refutes_x_lead_refute",
    "claim_refutes_x_debunked",
    "claim_hedged_x_source_refute",
    "claim_refutes_x_confirm",
    "claim_doubts",
    "claim_doubts_x_source_refute",
    "claim_doubts_x_no_refute",
    "lead_debunked",
    "source_hoax_fake",
)


class Context:
    """What a source's text says whatever the claim: read once per source (cached by text)."""

    def __init__(self, text: str):
        self.text = text
        self.tokens = words(text)
        tokens, lead = self.tokens, self.tokens[:LEAD]
        self.refute_at = [i for i, w in enumerate(tokens) if w in REFUTE]
        # where each word key stands, for the refuting words near a claim's words
        self.positions: dict[str, list[int]] = {}
        if self.refute_at:
            for i, w in enumerate(tokens):
                self.positions.setdefault(key(w), []).append(i)
        self.lead_keys = {key(w) for w in lead}
        self.keys = {key(w) for w in tokens}
        self.lead_refute = sum(w in REFUTE for w in lead)
        self.lead_hedge = sum(w in HEDGES for w in lead)
        self.lead_confirm = sum(w in CONFIRMING for w in lead)
        self.hedge = sum(w in HEDGES for w in tokens)
        self.confirm = sum(w in CONFIRMING for w in tokens)
        self.satire = sum(w in SATIRE for w in tokens)
        self.contrast = sum(w in CONTRAST for w in tokens)
        self.negators = sum(w in NEGATORS or w.endswith("n't") for w in tokens)
        self.debunked = len(DEBUNKED.findall(text))
        self.denial = len(DENIAL.findall(text))
        self.attribution = len(ATTRIBUTION.findall(text))
        self.questions = text.count("?")
        self.negated = ClaimSides._negated_keys(tokens, reach=2)
        self.lead_debunked = bool(DEBUNKED.search(" ".join(text.split()[: 2 * LEAD])))
        self.hoax_fake = sum(w.startswith("hoax") or w in ("fake", "faked") for w in tokens)
        self.said_false = said_false_subjects(text)


def _within(sorted_positions: list[int], at: int, reach: int) -> bool:
    """Whether any of the sorted positions is at most ``reach`` from ``at``."""
    i = bisect_left(sorted_positions, at - reach)
    return i < len(sorted_positions) and sorted_positions[i] <= at + reach


@lru_cache(maxsize=2048)
def context_of(text: str) -> Context:
    return Context(text)


def _log(count: float) -> float:
    return math.log1p(count)


class ClaimSides:
    """A claim's words, cues and quantities, read once for all its candidate passages."""

    def __init__(self, claim: str):
        self.words = words(claim)
        self.keys = {key(w) for w in self.words if w not in STOP and len(w) > 2}
        self.debunks = bool(DEBUNK.intersection(self.words))
        self.denies = bool(DENY.intersection(self.words))
        self.refutes = bool(REFUTE.intersection(self.words) or SATIRE.intersection(self.words))
        self.hedged = bool(HEDGES.intersection(self.words))
        self.doubts = bool(DOUBT.intersection(self.words)) or any(w.endswith("n't") for w in self.words)
        self.question = "?" in claim
        self.negated = self._negated_keys(self.words)
        self.quantities = [q for q in quantities(claim) if q.dimension in MEASURED]
        # the claim's predicate words: verbs and adjectives are unknown here, so every word that
        # is not a name (capitalised mid-sentence) or a figure
        self.predicates = {key(w.lower()) for w in WORD.findall(claim)[1:] if w.islower() and w.isalpha()} - {
            key(w) for w in STOP
        }
        # the claim's names (capitalised words) and whether it is a plain assertion
        self.subject = {key(w.lower()) for w in NAME.findall(claim) if w.lower() not in STOP and len(w) > 2}
        blocked = DOUBT | HEDGES | NOT_PLAIN
        self.plain = not (blocked.intersection(self.words) or NOT_PLAIN_MARK.search(claim))
        self.rejected = self._rejected(claim)

    @staticmethod
    def _rejected(claim: str) -> tuple[float, frozenset[str], Quantity | None] | None:
        """The figure a claim rejects ("not the 40,000") with the nouns it counts (the one after it,
        else after the claim's other figures: "62,000 households") and, with a unit, its quantity."""
        match = REJECTED.search(claim)
        if not match:
            return None
        counted = [m for m in COUNTED.finditer(claim) if m[2].lower() not in STOP]
        others = {noun(m[2]) for m in counted if m.start() != match.start(1)}
        own = {noun(m[2]) for m in counted if m.start() == match.start(1)}
        measured = [q for q in quantities(claim[match.start(1) : match.start(1) + 24])[:1] if q.dimension in MEASURED]
        return number(match[1]), frozenset(others or own), measured[0] if measured else None

    @staticmethod
    def _negated_keys(tokens: list[str], reach: int = 3) -> set[str]:
        """Words right after a negator ("did not approve" -> approv)."""
        keys: set[str] = set()
        for i, word in enumerate(tokens):
            if word in NEGATORS or word.endswith("n't"):
                keys.update(key(w) for w in tokens[i + 1 : i + 1 + reach] if w not in STOP and w not in NEGATORS)
        return keys

    def relation(self, passage: str, context: str | None = None) -> str:
        """'related', 'supports' or 'contradicts' for a passage found for the claim; ``context``
        is the passage's source text (title and body), the passage itself when not given."""
        if self.contradiction_rule(passage, context):
            return "contradicts"
        if self.said_word_for_word(passage, context):
            return "supports"
        if not self.keys.intersection(key(w) for w in words(passage)):
            return "related"
        supports, contradicts = self.probabilities(passage, context)
        if contradicts >= weights.CONTRADICTS_THRESHOLD:
            return "contradicts"
        if supports >= weights.SUPPORTS_THRESHOLD and self.restated(passage, context):
            return "supports"
        return "related"

    def said_word_for_word(self, passage: str, context: str | None = None) -> bool:
        """The passage states the claim in its very words ("The PGA Tour has confirmed that there
        is no truth to these claims." in three outlets), with no hedge around them, in a source
        whose refuting words are only the claim's own: the same statement supports it. At least
        ``SAME_WORDS`` words: shorter runs recur by chance."""
        n = len(self.words)
        if n < SAME_WORDS or self.question:
            return False
        said = words(passage)
        at = next((i for i in range(len(said) - n + 1) if said[i : i + n] == self.words), None)
        if at is None or HEDGES.intersection(said[:at] + said[at + n :]):
            return False
        source = context_of(context if context else passage)
        return all(source.tokens[i] in self.words for i in source.refute_at)

    def restated(self, passage: str, context: str | None = None) -> bool:
        """Whether the passage and its source carry enough of the claim's words to agree with it
        (``RESTATED_IN_PASSAGE`` of them in the passage, ``RESTATED_IN_SOURCE`` in the source):
        the model learnt its cues on FNC-1, where every pair it saw is about the claim's story;
        in a workspace most suggestions are not, and an agreeing tone of another story is no
        support."""
        if not self.keys:
            return False
        source = context_of(context if context else passage)
        in_passage = len(self.keys.intersection(key(w) for w in words(passage)))
        return in_passage >= RESTATED_IN_PASSAGE * len(self.keys) and len(
            self.keys & source.keys
        ) >= RESTATED_IN_SOURCE * len(self.keys)

    def contradiction_rule(self, passage: str, context: str | None = None) -> str | None:
        """The name of the narrow rule (one of ``RULES``) that makes the passage contradict the
        claim, or None: the model alone never says "contradicts" precisely enough.

        - hoax_of_subject: the claim is a plain assertion and its source says one of the claim's
          names "is a hoax / was fake / were false / is not true" (the name at most three words before);
        - rejected_figure: the claim rejects a figure ("62,000 households, not the 40,000") and the
          passage states that figure of the same counted noun ("40,000 homes")."""
        if self.plain and self.subject and self.subject & context_of(context if context else passage).said_false:
            return "hoax_of_subject"
        if self.rejected and self._states_rejected(passage):
            return "rejected_figure"
        return None

    def _states_rejected(self, passage: str) -> bool:
        assert self.rejected is not None
        value, nouns, measured = self.rejected
        if measured and any(
            q.dimension == measured.dimension and same(q.value, measured.value) for q in quantities(passage)
        ):
            return True  # "not the 127 kg" and "280 pounds": the same quantity after unit conversion
        for match in COUNTED.finditer(passage):
            before = passage[max(0, match.start() - 8) : match.start()].lower().split()
            if same(number(match[1]), value) and noun(match[2]) in nouns and "not" not in before[-2:]:
                return True
        return False

    def probabilities(self, passage: str, context: str | None = None) -> tuple[float, float]:
        """(P(supports), P(contradicts)) of the fitted model."""
        x = self.features(passage, context)
        scores = [
            bias + sum(w * v for w, v in zip(row, x, strict=True))
            for bias, row in zip(weights.BIAS, weights.WEIGHTS, strict=True)
        ]  # related, supports, contradicts
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return exps[1] / total, exps[2] / total

    def features(self, passage: str, context: str | None = None) -> list[float]:
        """The pair's features in the order of ``FEATURES``, standardised as the model was fitted."""
        raw = self.raw_features(passage, context)
        return [(v - m) / s for v, m, s in zip(raw, weights.MEAN, weights.SCALE, strict=True)]

    def raw_features(self, passage: str, context: str | None = None) -> list[float]:
        source = context_of(context if context else passage)
        tokens = words(passage)
        claim = [float(self.refutes), float(self.hedged), float(self.question), float(bool(self.negated))]
        near = self._refute_near(source)
        negated = len((source.negated & self.predicates) - self.negated)
        keys = max(1, len(self.keys))
        figures = self._figures(passage)
        cues = [
            _log(len(source.refute_at)),
            _log(source.lead_refute),
            _log(source.debunked),
            _log(source.denial),
            _log(near),
            _log(source.satire),
            _log(source.hedge),
            _log(source.lead_hedge),
            _log(source.confirm),
            _log(source.lead_confirm),
            _log(source.attribution),
            _log(negated),
            10.0 * source.negators / max(1, len(source.tokens)),
            _log(source.questions),
            _log(source.contrast),
            len(self.keys & source.lead_keys) / keys,
            len(self.keys & source.keys) / keys,
            len(self.keys.intersection(key(w) for w in tokens)) / keys,
            _log(sum(w in REFUTE for w in tokens)),
            _log(sum(w in HEDGES for w in tokens)),
            _log(sum(w in CONFIRMING for w in tokens)),
            float(self._contradicted(passage, tokens)),
            float(figures == "contradicts"),
            float(figures == "supports"),
            _log(len(source.tokens)) / 5.0,
        ]
        refutes = float(self.refutes)
        crossed = [
            refutes * _log(len(source.refute_at)),
            refutes * _log(source.lead_refute),
            refutes * _log(source.debunked + source.denial),
            float(self.hedged) * _log(len(source.refute_at)),
            refutes * _log(source.confirm),
        ]
        doubts, refuting = float(self.doubts), _log(len(source.refute_at))
        polarity = [
            doubts,
            doubts * refuting,
            doubts * float(not source.refute_at),
            float(source.lead_debunked),
            _log(source.hoax_fake),
        ]
        return claim + cues + crossed + polarity

    def _refute_near(self, source: Context) -> int:
        """Refuting words at most ``NEAR`` words from one of the claim's words in the source."""
        if not source.refute_at:
            return 0
        shared = sorted(i for key in self.keys for i in source.positions.get(key, ()))
        return sum(_within(shared, i, NEAR) for i in source.refute_at)

    def _contradicted(self, passage: str, tokens: list[str]) -> bool:
        """The narrow rule of the first version: a debunking predicate, a denial of the report, or
        the claim's predicate negated, all in the passage itself (one feature of the model now)."""
        if not self.debunks and DEBUNKED.search(passage):
            return True
        if not self.denies and DENIAL.search(passage):
            return True
        if HEDGES.intersection(tokens):
            return False  # "may not", "reportedly did not": a hedge is not a contradiction
        negated = self._negated_keys(tokens, reach=2) & self.predicates
        return bool(negated - self.negated)

    def _figures(self, passage: str) -> str | None:
        if not self.quantities:
            return None
        theirs = [q for q in quantities(passage) if q.dimension in MEASURED]
        verdict = None
        for dimension in {q.dimension for q in self.quantities}:
            mine = [q.value for q in self.quantities if q.dimension == dimension]
            other = [q.value for q in theirs if q.dimension == dimension]
            if not other:
                continue
            if any(same(a, b) for a in mine for b in other):
                verdict = verdict or "supports"
            else:
                return "contradicts"
        return verdict


def relation(claim: str, passage: str, context: str | None = None) -> str:
    """'related', 'supports' or 'contradicts' for a passage found for the claim; ``context`` is the
    passage's source text (its title and body), which the decision reads as a whole."""
    return ClaimSides(claim).relation(passage, context)
