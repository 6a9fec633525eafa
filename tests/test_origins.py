"""Origins: near-copies across sources are one origin, different reports on one story are not."""

import pytest

from briefing.origins import Excerpt, describe_origins, extend_origins, group_origins, normal_words

WIRE = (
    "Port Halden's water authority said on Tuesday that the control system failed at 06:15 on Monday, "
    "leaving 40,000 households without running water for most of the day."
)
EDITED = (
    "Port Halden's water authority said Tuesday that its control system failed at 06:15 on Monday, "
    "leaving some 40,000 households without running water for most of the day."
)
OWN_WORDS = (
    "About 40,000 homes in Port Halden had no tap water on Monday after a failure in the plant's "
    "control system early that morning, the authority confirmed."
)
DENIAL = "The ministry denied that the outage was caused by an attack and said repairs were complete."
FILLER = (
    "Engineers from the regional grid operator arrived by noon. Residents queued at tankers in the "
    "market square while shops sold out of bottled water. The council will meet on Friday to review "
    "the emergency plan and the cost of the repairs, which officials put at several million."
)
OTHER_FILLER = (
    "Our reporter spoke to families in the old town who had waited since dawn. A hospital "
    "switched to its reserve tanks. The opposition asked why warnings from last year's audit were "
    "ignored, and a union representative blamed years of cuts to maintenance staff at the plant."
)


@pytest.mark.parametrize(
    "passages, expected",
    [
        pytest.param([WIRE, WIRE, WIRE], [1, 1, 1], id="identical reprints"),
        pytest.param([WIRE, EDITED], [1, 1], id="lightly edited reprint"),
        pytest.param([WIRE, WIRE.upper().replace(",", " ;")], [1, 1], id="case and punctuation"),
        pytest.param([WIRE, OWN_WORDS], [1, 2], id="same story in other words"),
        pytest.param([WIRE, DENIAL, EDITED, OWN_WORDS], [1, 2, 1, 3], id="numbered by first appearance"),
        pytest.param([WIRE[:60], WIRE], [1, 1], id="a sentence inside a longer passage"),
        pytest.param(["Twelve people died.", "twelve people DIED"], [1, 1], id="short passages by normal text"),
        pytest.param(["Twelve people died.", "Twelve people were hurt."], [1, 2], id="short passages differ"),
        pytest.param(["", WIRE], [1, 2], id="empty passage"),
        pytest.param([], [], id="nothing"),
    ],
)
def test_group_origins_on_passages(passages, expected):
    assert group_origins(passages) == expected


def test_grouping_is_transitive():
    # A ~ B and B ~ C although A and C share nothing: one origin, in any order
    both = WIRE + " " + DENIAL
    assert group_origins([WIRE, both, DENIAL]) == [1, 1, 1]
    assert group_origins([WIRE, DENIAL, both]) == [1, 1, 1]
    assert group_origins([WIRE, DENIAL]) == [1, 2]


def _article(before: str, passage: str, after: str) -> tuple[str, int]:
    text = f"{before} {passage} {after}"
    return text, text.index(passage)


@pytest.mark.parametrize(
    "context_b, expected",
    [
        pytest.param((FILLER, OTHER_FILLER), [1, 1], id="short sentence inside reprinted copy"),
        pytest.param((OTHER_FILLER, FILLER[::-1]), [1, 2], id="short sentence in an independent report"),
    ],
)
def test_short_passages_are_judged_by_their_surroundings(context_b, expected):
    short = "Twelve people died."
    doc_a, at_a = _article(FILLER, short, OTHER_FILLER)
    doc_b, at_b = _article(context_b[0], short, context_b[1])
    excerpts = [Excerpt(short, "a", doc_a, at_a), Excerpt(short, "b", doc_b, at_b)]
    assert group_origins(excerpts) == expected


def test_another_sentence_of_the_same_wire_copy_is_the_same_origin():
    story = f"{WIRE} {FILLER} {DENIAL} {OTHER_FILLER}"
    reprint = "Meridian Wire reports: " + story.replace("on Tuesday", "Tuesday")
    excerpts = [Excerpt(WIRE, 1, story, 0), Excerpt(DENIAL, 2, reprint)]
    assert group_origins(excerpts) == [1, 1]


def test_a_round_up_carrying_a_wire_story_keeps_its_own_reporting_apart():
    wire = f"{FILLER} {WIRE}"
    round_up = f"{OTHER_FILLER} {DENIAL} {OWN_WORDS} Also today: {wire}"
    excerpts = [Excerpt(WIRE, "wire", wire), Excerpt(DENIAL, "round-up", round_up)]
    assert group_origins(excerpts) == [1, 2]


def test_the_same_source_is_one_origin_whatever_its_passages():
    assert group_origins([Excerpt(WIRE, 7), Excerpt(DENIAL, 7), Excerpt(DENIAL, 8)]) == [1, 1, 1]
    assert group_origins([Excerpt(WIRE, 7), Excerpt(DENIAL, 8)]) == [1, 2]


def test_suggestions_take_the_origin_of_the_evidence_they_copy():
    evidence = [WIRE, DENIAL]
    groups = group_origins(evidence)
    assert extend_origins(evidence, groups, [EDITED, OWN_WORDS, OWN_WORDS.upper(), DENIAL]) == [1, 3, 3, 2]


def test_a_suggestion_never_merges_evidence_origins():
    evidence = [WIRE, FILLER]
    bridge = WIRE + " " + FILLER
    assert extend_origins(evidence, group_origins(evidence), [bridge]) == [1]
    assert group_origins(evidence) == [1, 2]


def test_cjk_text_is_compared_per_character():
    text = "港口水务局周二表示控制系统于周一早上六点十五分发生故障导致四万户家庭停水"
    assert normal_words(text)[:3] == ("港", "口", "水")
    assert group_origins([text, text[:-2] + "。", "市政府表示将在周五开会讨论应急计划和修复费用的问题"]) == [1, 1, 2]


@pytest.mark.parametrize(
    "sources, origins, text",
    [
        (3, 1, "3 sources, 1 origin"),
        (1, 1, "1 source, 1 origin"),
        (2, 2, "2 sources, 2 origins"),
        (0, 0, "0 sources, 0 origins"),
    ],
)
def test_describe_origins(sources, origins, text):
    assert describe_origins(sources, origins) == text
