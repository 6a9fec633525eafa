"""A quote that one person said and an outlet reported: the one who said it is the speaker."""

import pytest

from tests.nlp.quote_helpers import speakers


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a scare-quoted word before the speech verb is no earlier speech
            "Tim Canova ran against the chairwoman.\n\nWhen asked about the absence, Canova “bristled” and "
            "said, “No comment,” The Miami Herald reported.",
            ("No comment", "Tim Canova"),
        ),
        (  # the parser hangs 'saying' in the clause the outlet reports
            "Donald Trump spoke in New York.\n\nTrump welcomed the news that Kasich would quit, saying the "
            "Ohio Republican was “doing the right thing,” suggesting he might pick him, CNN reported.",
            ("doing the right thing", "Donald Trump"),
        ),
        (
            "Sadiq Khan won on Thursday.\n\nAsked about the ban, Khan said: “There will always be "
            "exceptions,” the Times reported.",
            ("There will always be exceptions", "Sadiq Khan"),
        ),
    ],
)
def test_the_one_who_said_it_speaks_not_the_outlet_that_reported_it(analyse, text, expected):
    assert expected in speakers(analyse(text), text)


def test_a_second_speaker_answering_in_the_same_sentence_keeps_the_quote(analyse):
    text = "Anna Berg and Tomas Lind met on Monday.\n\n“We lost,” Berg said, “and it hurts,” Lind added."
    assert speakers(analyse(text), text) == [("We lost", "Anna Berg"), ("and it hurts", "Tomas Lind")]


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # the aide speaks, not the president the aide serves
            "Marta Okafor wants a second term.\n\n“They have assured us the plant will reopen,” said an aide "
            "to Mayor Marta Okafor, who hopes to be re-elected.",
            ("They have assured us the plant will reopen", None),
        ),
        (
            "Marta Okafor wants a second term.\n\nA spokesman for Marta Okafor said: “The plant will reopen.”",
            ("The plant will reopen.", None),
        ),
        (  # a role with the holder's name in apposition names the holder
            "Marta Okafor wants a second term.\n\n“The plant will reopen,” said a spokesman for the utility, "
            "Jonas Brekke.",
            ("The plant will reopen", "Jonas Brekke"),
        ),
    ],
)
def test_a_role_serving_someone_named_is_not_that_someone(analyse, text, expected):
    assert expected in speakers(analyse(text), text)


# Cases found in real articles (FNC-1 and PolNeAR train), written with the demo's invented names.
@pytest.mark.parametrize(
    "text, expected",
    [
        pytest.param(
            "Dr Anna Berg said the crater may be linked to the asteroid.\n\nThe astronomy expert at Halden "
            "University said: “The impact occurred about 12 hours before the asteroid passed.”",
            ("The impact occurred about 12 hours before the asteroid passed.", None),
            id="an expert at a university speaks for themselves, not for it",
        ),
        pytest.param(
            "The plant shut on Monday.\n\nA spokesman for the Halden Water Authority said: “The plant will reopen.”",
            ("The plant will reopen.", "Halden Water Authority"),
            id="a spokesman speaks for the body",
        ),
        pytest.param(
            "Anna Berg spoke on Monday.\n\nIf the city is indeed hiding the figures — as many residents believe, "
            "but Halden strongly denies — “why wouldn’t you ask for them?” asked Berg, now a partner at a firm.",
            ("why wouldn’t you ask for them?", "Anna Berg"),
            id="a question takes the cue right after it, not a clause's verb before it",
        ),
        pytest.param(
            "Tomas Lind wrote to Anna Berg in June, telling her, “you are an all-star player and we need you!” "
            "She replied that it was an honour.",
            ("you are an all-star player and we need you!", "Tomas Lind"),
            id="a new sentence after an exclamation is no cue of it",
        ),
        pytest.param(
            "Jonas Brekke was dismissed by the Halden Water Authority this week.\n\nThe post showed a man in a "
            "wig. It says: “Let him in to the restroom with your daughter.”",
            ("Let him in to the restroom with your daughter.", None),
            id="'it' takes up the post, not the last body named",
        ),
        pytest.param(
            "The Halden Water Authority met on Monday. It said: “The plant will reopen.”",
            ("The plant will reopen.", "Halden Water Authority"),
            id="'it' after a body as the topic is the body",
        ),
    ],
)
def test_who_speaks_where_the_words_around_a_quote_mislead(analyse, text, expected):
    assert expected in speakers(analyse(text), text)
