"""A quote that one person said and an outlet reported: the one who said it is the speaker."""

import pytest

from tests.nlp.quote_helpers import speakers


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a scare-quoted word before the speech verb is no earlier speech
            "Tim Canova ran against the chairwoman.\n\nWhen asked about the absence, Canova “bristled” and "
            "said, “No comment,” The Miami Herald reported.",
            ("No comment,", "Tim Canova"),
        ),
        (  # the parser hangs 'saying' in the clause the outlet reports
            "Donald Trump spoke in New York.\n\nTrump welcomed the news that Kasich would quit, saying the "
            "Ohio Republican was “doing the right thing,” suggesting he might pick him, CNN reported.",
            ("doing the right thing,", "Donald Trump"),
        ),
        (
            "Sadiq Khan won on Thursday.\n\nAsked about the ban, Khan said: “There will always be "
            "exceptions,” the Times reported.",
            ("There will always be exceptions,", "Sadiq Khan"),
        ),
    ],
)
def test_the_one_who_said_it_speaks_not_the_outlet_that_reported_it(analyse, text, expected):
    assert expected in speakers(analyse(text), text)


def test_a_second_speaker_answering_in_the_same_sentence_keeps_the_quote(analyse):
    text = "Anna Berg and Tomas Lind met on Monday.\n\n“We lost,” Berg said, “and it hurts,” Lind added."
    assert speakers(analyse(text), text) == [("We lost,", "Anna Berg"), ("and it hurts,", "Tomas Lind")]
