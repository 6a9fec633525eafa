"""Which words name a quote's speaker, one short made-up case per rule."""

import pytest


def speakers(analysis, text):
    names = {e.key: e.name for e in analysis.entities}
    return [(text[q.start : q.end], names.get(q.speaker)) for q in analysis.quotes]


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # 'described as' in a relative clause: the noun the clause describes speaks
            "Glenn Becker, who has in the past described Donald Trump as “a pathological narcissistic "
            "sociopath,” clearly intended the audience to turn away.",
            ("a pathological narcissistic sociopath,", "Glenn Becker"),
        ),
        (  # 'called' in a relative clause
            "Senator Paul Hadley, who called the plan “a disgrace to the state,” voted against it on Monday.",
            ("a disgrace to the state,", "Paul Hadley"),
        ),
    ],
)
def test_a_relative_pronoun_speaks_for_the_noun_it_follows(analyse, text, expected):
    assert expected in speakers(analyse(text), text)


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Donald Keller Praises Veldra Times Political Editor Matthew Boyle: ‘Very Good Reporter.’\n\n"
            "Keller spoke on Monday.",
            ("Very Good Reporter.", "Donald Keller"),
        ),
        (
            "Hillary Brandt Sides With George W. Bush On ‘Radical Islam.’\n\nBrandt spoke on Monday.",
            ("Radical Islam.", "Hillary Brandt"),
        ),
    ],
)
def test_a_headline_the_parser_found_no_subject_in_is_the_opening_name(analyse, text, expected):
    assert expected in speakers(analyse(text), text)
