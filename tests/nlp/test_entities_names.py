"""Entity names without stray words: verbs, conjunctions and figures at a name's edges."""

import pytest


def names(analysis, kind=None):
    return {e.name for e in analysis.entities if kind is None or e.type == kind}


def mention_texts(text, analysis):
    return {text[s:e] for e in analysis.entities for s, e in e.mentions}


@pytest.mark.parametrize(
    ("text", "name", "stray"),
    [
        (
            "Hammering Priya Castellanos has become a habit for the opposition. "
            "Priya Castellanos says she does not mind.",
            "Priya Castellanos",
            "Hammering Priya Castellanos",
        ),
        ("Although Berm said no, the plan went ahead.", "Berm", "Although Berm"),
        ("Ugo Brennan 1 goal, Kerstin Varga 2 assists.", "Ugo Brennan", "Ugo Brennan 1"),
    ],
)
def test_a_word_at_the_edge_that_is_not_the_name_is_left_out(analyse, text, name, stray):
    analysis = analyse(text)
    assert name in names(analysis)
    assert stray not in mention_texts(text, analysis)
    assert stray not in names(analysis)


def test_a_score_between_two_teams_makes_two_names(analyse):
    text = "Results on Saturday: Halden Rovers 2 Port Meadow United 1."
    found = mention_texts(text, analyse(text))
    assert not any(any(c.isdigit() for c in m) for m in found)
