import pytest
from hypothesis import given
from hypothesis import strategies as st


def claim_texts(analysis, text):
    return {text[c.start : c.end]: c.kind for c in analysis.claims}


@pytest.mark.parametrize(
    "sentence, kind",
    [
        ("The outage left about 40,000 households under a boil-water notice on Tuesday.", "figure"),
        ("The ministry released VLD 3 million from the national emergency fund.", "money"),
        ("Turnout fell to 38 per cent in the northern districts this year.", "percent"),
        ("The opposition accused the mayor of hiding a ransom demand from the council.", "allegation"),
        ("Investigators found that the attackers had used a stolen password.", "finding"),
    ],
)
def test_checkable_statements_are_claims(analyse, sentence, kind):
    assert claim_texts(analyse(sentence), sentence) == {sentence: kind}


def test_finding_oneself_somewhere_is_no_finding(analyse):
    sentence = "After a long week of talks in Halden, we have found ourselves without an engineer once more."
    assert "finding" not in claim_texts(analyse(sentence), sentence).values()


@pytest.mark.parametrize(
    "sentence",
    [
        "The city should have acted much sooner than it did.",
        "The attackers may have entered through an unpatched gateway.",
        "Who will pay for the tankers now?",
        "I think the council was too slow to explain itself.",
    ],
)
def test_opinions_questions_and_speculation_are_not_claims(analyse, sentence):
    assert analyse(sentence).claims == ()


def test_summary_skips_headline_captions_and_quotes(analyse):
    text = (
        "Water outage enters third day\n\n"
        "Photo: Jonah Reeve / Halden Courier\n\n"
        "The control system at the Kessel Point plant has been offline since Sunday, leaving "
        "40,000 households under a boil-water notice, the utility said on Tuesday.\n\n"
        "“We are doing everything we can for the families affected,” the mayor said.\n\n"
        "Engineers have switched the plant to manual operation and are testing the water every "
        "thirty minutes while investigators examine the control software.\n\n"
        "Schools in three districts will stay closed until the notice is lifted by the health authority."
    )
    summary = analyse(text, title="Water outage enters third day").summary
    assert summary.startswith("The control system at the Kessel Point plant")
    assert "Photo" not in summary and "“" not in summary
    assert "Water outage enters third day" not in summary
    assert 2 <= summary.count(". ") + 1 <= 3


def test_summary_skips_an_embedded_post_and_a_table_row(analyse):
    text = (
        "The control system at the Kessel Point plant has been offline since Sunday, leaving "
        "40,000 households under a boil-water notice, the utility said on Tuesday.\n\n"
        "Watch the mayor visit the plant and meet the engineers on duty.@HaldenCity "
        "pic.twitter.com/P2qpm3h3Pm — Halden City (@HaldenCity) March 3, 2025.\n\n"
        "District | Households without water | Days offline | Schools closed.\n\n"
        "Engineers have switched the plant to manual operation and are testing the water every "
        "thirty minutes while investigators examine the control software."
    )
    summary = analyse(text).summary
    assert summary.startswith("The control system at the Kessel Point plant") and "Engineers" in summary
    assert "pic.twitter" not in summary and "|" not in summary


@given(st.lists(st.lists(st.sampled_from("abcdefg"), max_size=6), min_size=1, max_size=6))
def test_centrality_equals_the_cosine_to_the_rest_of_the_document(sentences):
    from collections import Counter

    from briefing.nlp.summary import _cosine, _cosine_to_rest

    vectors = [Counter(words) for words in sentences]
    document: Counter = Counter()
    for vector in vectors:
        document.update(vector)
    square = sum(v * v for v in document.values())
    for vector in vectors:
        assert _cosine_to_rest(vector, document, square) == pytest.approx(_cosine(vector, document - vector), abs=1e-12)
