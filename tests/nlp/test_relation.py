"""The suggested relation: "related" unless the fitted model is confident of supports or contradicts.

The model reads the passage with its source's text as context (``relation(claim, passage,
context)``); its weights and thresholds come from ``bench/fit_relation_weights.py``.
"""

import pytest

from briefing.nlp import relation_weights
from briefing.nlp.relation import FEATURES, ClaimSides, quantities, relation

HOAX = [
    (
        "Spider burrowed into tourist's stomach",
        "The story of the spider in the tourist's stomach is a hoax.",
        "Spider story a hoax. The story of the spider in the tourist's stomach is a hoax, a fake made up "
        "for clicks. Doctors denied the reports and said it is not true; the photos were doctored.",
    ),
    (
        "Banksy arrested in London, identity revealed",
        "Banksy has not been arrested, his publicist said.",
        "Banksy arrest is a hoax. Banksy has not been arrested, his publicist said. The story is fake and "
        "came from a satire site; she denied the reports and called them false.",
    ),
]
CONFIRMED = [
    (
        "Aaron Sorkin confirms Christian Bale will play Steve Jobs",
        "Sorkin has confirmed that Christian Bale will play Steve Jobs.",
        "Christian Bale will play Steve Jobs. Screenwriter Aaron Sorkin confirmed that Christian Bale will "
        "play Steve Jobs in the biopic, he said on Monday. Bale did not have to audition.",
    ),
]
NEUTRAL = [
    (
        "The outage left 40,000 households without water.",
        "The outage hit the harbour district on Monday.",
        "Water outage in the harbour. The outage hit the harbour district on Monday. Engineers worked "
        "through the night, the utility said, and schools stayed open.",
    ),
]


def probabilities(claim, passage, context):
    return ClaimSides(claim).probabilities(passage, context)


def test_weights_match_features():
    n = len(FEATURES)
    assert len(relation_weights.MEAN) == len(relation_weights.SCALE) == n
    assert len(relation_weights.BIAS) == len(relation_weights.WEIGHTS) == 3
    assert all(len(row) == n for row in relation_weights.WEIGHTS)
    assert 0 < relation_weights.SUPPORTS_THRESHOLD <= 1.01
    assert 0 < relation_weights.CONTRADICTS_THRESHOLD <= 1.01


@pytest.mark.parametrize("claim, passage, context", HOAX)
def test_hoax_and_denial_lean_to_contradicts(claim, passage, context):
    supports, contradicts = probabilities(claim, passage, context)
    assert contradicts > supports
    for other in CONFIRMED + NEUTRAL:
        assert contradicts > probabilities(*other)[1]
    assert relation(claim, passage, context) in ("contradicts", "related")  # never "supports"


@pytest.mark.parametrize("claim, passage, context", CONFIRMED)
def test_clear_confirmation_leans_to_supports(claim, passage, context):
    supports, contradicts = probabilities(claim, passage, context)
    assert supports > contradicts
    for other in HOAX + NEUTRAL:
        assert supports > probabilities(*other)[0]
    assert supports > 0.4  # short synthetic articles stay near the threshold: FNC-1's agreeing bodies are long
    assert relation(claim, passage, context) in ("supports", "related")  # never "contradicts"


@pytest.mark.parametrize("claim, passage, context", NEUTRAL)
def test_on_topic_neutral_is_related(claim, passage, context):
    assert relation(claim, passage, context) == "related"
    assert relation(claim, passage) == "related"


def test_thresholds_decide(monkeypatch):
    claim, passage, context = HOAX[0]
    supports, contradicts = probabilities(claim, passage, context)
    monkeypatch.setattr(relation_weights, "CONTRADICTS_THRESHOLD", contradicts + 1e-6)
    monkeypatch.setattr(relation_weights, "SUPPORTS_THRESHOLD", 1.01)
    assert relation(claim, passage, context) == "related"  # just under the threshold: the default
    monkeypatch.setattr(relation_weights, "CONTRADICTS_THRESHOLD", contradicts - 1e-6)
    assert relation(claim, passage, context) == "contradicts"
    monkeypatch.setattr(relation_weights, "CONTRADICTS_THRESHOLD", 1.01)
    monkeypatch.setattr(relation_weights, "SUPPORTS_THRESHOLD", supports - 1e-6)
    assert relation(claim, passage, context) == "supports"


def test_contradicts_comes_before_supports(monkeypatch):
    monkeypatch.setattr(relation_weights, "CONTRADICTS_THRESHOLD", 0.0)
    monkeypatch.setattr(relation_weights, "SUPPORTS_THRESHOLD", 0.0)
    assert relation(*HOAX[0]) == "contradicts"


def test_nothing_shared_says_nothing(monkeypatch):
    monkeypatch.setattr(relation_weights, "CONTRADICTS_THRESHOLD", 0.0)
    assert relation("The mayor resigned", "It is a hoax.", "It is a hoax. A fake, denied and debunked.") == "related"


def test_context_defaults_to_the_passage():
    claim, passage, _ = HOAX[0]
    assert ClaimSides(claim).raw_features(passage) == ClaimSides(claim).raw_features(passage, passage)


def test_a_claim_about_a_hoax_is_not_contradicted_by_the_hoax():
    claim = "Nasa darkness story is a hoax"
    context = "The Nasa darkness story is a hoax. Nasa said the six days of darkness story is fake."
    hoax = probabilities(claim, "The Nasa darkness story is a hoax.", context)[1]
    plain = probabilities("Nasa confirms six days of darkness", "The Nasa darkness story is a hoax.", context)[1]
    assert hoax < plain


@pytest.mark.parametrize(
    "text, expected",
    [
        ("a 280-pound man", [("mass", pytest.approx(127.0, rel=0.01))]),
        ("127 kg", [("mass", 127.0)]),
        ("16 feet", [("length", pytest.approx(4.877, rel=0.01))]),
        ("18k gold", []),
        ("$5,000", [("$", 5000.0)]),
        ("$4.2 million", [("$", 4.2e6)]),
        ("in 2014", []),
        ("12%", [("percent", 12.0)]),
    ],
)
def test_quantities(text, expected):
    assert [(q.dimension, q.value) for q in quantities(text)] == expected


@pytest.mark.parametrize(
    "claim, passage, differ",
    [
        ("The suspect weighs 280 pounds", "The suspect, who weighs 90 kg, was arrested.", True),
        ("The crater is 16 feet deep", "The crater is 12 metres deep.", True),
        ("The 280-pound suspect was arrested", "The suspect, who weighs 127 kg, was arrested.", False),
        ("The watch is made of 18k gold", "The 18,000 watches were made of gold.", False),
        ("The plant closed on March 3", "The plant closed on March 5 after the storm.", False),
    ],
)
def test_figures_feature(claim, passage, differ):
    assert (ClaimSides(claim)._figures(passage) == "contradicts") is differ


# --- the override: "contradicts" only on a cue bound to the claim's subject ---
OUTAGE = "The outage affected about 62,000 households, not the 40,000 cited by the city"


@pytest.mark.parametrize(
    "claim, passage, context, rule",
    [
        (
            "Graffiti Artist Banksy Arrested In London",
            "Banksy was said to have been arrested in London.",
            "The Banksy arrest is a hoax, his publicist told The Independent.",
            "hoax_of_subject",
        ),
        (
            "Teen Makes $72 Million on the Stock Market",
            "The teen said he made $72 million trading stocks.",
            "But now CNBC is reporting that the $72 Million figure is totally bogus.",
            "hoax_of_subject",
        ),
        (
            "Microsoft Hires Robot Guards for Its Campus",
            "Robot guards were seen on the campus.",
            "The company said rumours that its robots guard the Microsoft campus aren't true.",
            "hoax_of_subject",
        ),
        (OUTAGE, "The boil-water notice remains in force for approximately 40,000 homes", None, "rejected_figure"),
        (OUTAGE, "About 40,000 households were affected, the city said.", None, "rejected_figure"),
    ],
)
def test_rule_fires_on_a_cue_bound_to_the_subject(claim, passage, context, rule):
    assert ClaimSides(claim).contradiction_rule(passage, context) == rule
    assert relation(claim, passage, context) == "contradicts"


@pytest.mark.parametrize(
    "claim, passage, context",
    [
        # the hoax is said of another subject
        (
            "Graffiti Artist Banksy Arrested In London",
            "Banksy was said to have been arrested in London.",
            "Banksy was arrested on Monday. A separate story about a shark in the Thames is a hoax.",
        ),
        # the claim itself doubts, denies, asks or attributes: a hoax verdict agrees with it
        (
            "No, Banksy Hasn't Been Arrested",
            "Banksy was said to have been arrested.",
            "The Banksy arrest is a hoax, his publicist said.",
        ),
        ("Was Banksy Arrested?", "Banksy was said to have been arrested.", "The Banksy arrest is a hoax."),
        ("Police Deny Banksy Arrest", "Banksy was said to have been arrested.", "The Banksy arrest is a hoax."),
        # the cue is far from the claim's name
        (
            "Graffiti Artist Banksy Arrested In London",
            "Banksy was said to have been arrested.",
            "Banksy fans shared a post that, according to several of the newspaper's editors, is a hoax.",
        ),
        # another figure, another counted noun, or the figure negated
        (OUTAGE, "The notice covers 62,000 households.", None),
        (OUTAGE, "The notice covers 40,000 businesses.", None),
        (OUTAGE, "The outage reached 62,000 households, not 40,000 homes.", None),
        # a claim that rejects no figure
        ("The outage affected about 62,000 households", "The notice covers 40,000 homes.", None),
    ],
)
def test_rule_does_not_fire_off_subject(claim, passage, context):
    assert ClaimSides(claim).contradiction_rule(passage, context) is None


@pytest.mark.parametrize(
    "claim, passage",
    [
        ("The 280-pound suspect was not the 127 kg man police described", "The suspect weighs 127 kg."),
        ("The suspect is 90 kg, not the 127 kg police described", "The 280-pound suspect was arrested."),
        ("The storm cut power to 12,000 houses, not the 8,000 reported", "Power is out in 8,000 homes."),
    ],
)
def test_rejected_figure_units_and_nouns(claim, passage):
    sides = ClaimSides(claim)
    assert sides.rejected is not None
    assert sides.contradiction_rule(passage) == "rejected_figure"
    assert sides.contradiction_rule("The storm and the suspect made the news.") is None


def test_the_rule_comes_before_the_model(monkeypatch):
    monkeypatch.setattr(relation_weights, "SUPPORTS_THRESHOLD", 0.0)
    assert relation(OUTAGE, "The boil-water notice remains in force for approximately 40,000 homes") == "contradicts"


def test_supports_needs_the_claim_restated(monkeypatch):
    """An agreeing tone in a passage of another story is no support: "supports" needs the passage
    to hold part of the claim's words and its source most of them."""
    monkeypatch.setattr(relation_weights, "SUPPORTS_THRESHOLD", 0.0)
    claim = "The city council approved the new water treatment plant on Tuesday."
    restating = "On Tuesday the council approved a new water treatment plant for the city."
    other_story = "The council confirmed on Tuesday that the budget vote was postponed."
    other_source = other_story + " Officials confirmed the schedule. The mayor announced a review."
    assert relation(claim, restating) == "supports"
    assert relation(claim, other_story, other_source) == "related"
    # the passage restates the claim, but its source holds too few of the claim's other words
    sides = ClaimSides(claim)
    assert sides.restated(restating, restating)
    assert not sides.restated("The council approved it.", "The council approved it. Nothing else.")


def test_a_passage_stating_the_claim_in_its_very_words_supports_it(monkeypatch):
    """The same sentence in another outlet ("The tour has confirmed that there is no truth to these
    claims.") was only "related"; said in its very words, unhedged, it supports the claim, unless
    its source calls something a hoax or the words are a question's or a hedge's."""
    monkeypatch.setattr(relation_weights, "SUPPORTS_THRESHOLD", 1.01)  # the model alone never says it
    claim = "The tour has confirmed that there is no truth to these claims."
    assert relation(claim, f"Meanwhile, {claim.lower()[:-1]}, a spokesman said.") == "supports"
    assert relation(claim, f"Some said {claim.lower()}", f"It was a hoax. Some said {claim.lower()}") == "related"
    assert relation(claim, f"It is unconfirmed whether {claim.lower()}") == "related"
    short = "The tour confirmed it."
    assert relation(short, f"Yes, {short.lower()}") == "related"  # too few words to be the same statement
