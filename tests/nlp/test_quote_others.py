"""Speakers known through someone else ('Gary Okafor's doctor', 'a CNN viewer') and speakers
brought in unnamed ('a South Korean official claimed'): never the person or body named
beside them (``quote_speakers``, ``quote_pronouns``)."""

import pytest

from tests.nlp.quote_helpers import speakers


@pytest.mark.parametrize(
    "text, quote",
    [
        (  # someone's doctor speaks for himself
            "Gary Okafor says he is healthy.\n\n"
            "“He is extremely fit,” presidential candidate Gary Okafor’s doctor said on Monday.",
            "He is extremely fit",
        ),
        (  # a role known through the one it works for, the name before it
            "Marta Reyes spoke in Toledo on Monday.\n\n“We will win Ohio,” Marta Reyes's campaign manager said.",
            "We will win Ohio",
        ),
        (  # 'a top Reyes adviser': not Reyes
            "Marta Reyes spoke in Toledo on Monday.\n\n“She is on a glide path,” a top Marta Reyes adviser said.",
            "She is on a glide path",
        ),
        (  # a viewer of a network is not the network
            "The tape was played on CNN. Ben Lusk retweeted a message from a CNN viewer that said, "
            "“Audio recording of the shooting just released.”",
            "Audio recording of the shooting just released.",
        ),
        (  # supporters of a candidate
            "Marta Reyes left the stage.\n\nReyes supporters responded with chants of “We are with her” in the hall.",
            "We are with her",
        ),
        (  # the one named in a relative clause after the role is not the one in the role
            "Daniel Okafor spoke on Monday.\n\n“If I was a donor, I’d want answers,” said a prominent "
            "Republican National Committee member who supports Okafor.",
            "If I was a donor, I’d want answers",
        ),
        (  # a sign held by his wife is hers, not his
            "Zhou Lin fell off scaffolding in May. His wife stood on the street for four hours.\n\n"
            "His wife's sign read: “Please help us. My husband is waiting for surgery in the hospital.”",
            "Please help us. My husband is waiting for surgery in the hospital.",
        ),
    ],
)
def test_a_speaker_known_through_someone_named_is_not_them(analyse, text, quote):
    assert (quote, None) in speakers(analyse(text), text)


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # the name right after the role is the one who holds it
            "Curt Lind was fired on Wednesday.\n\n"
            "Lind's son, Grant, defended his father on Facebook, saying: “He is no bigot.”",
            ("He is no bigot.", "Grant"),
        ),
        (
            "Ted Ward and Lena Marsh spoke.\n\n"
            "“It is sad,” said Ward constituent Dan Golvach when asked about Lena Marsh.",
            ("It is sad", "Dan Golvach"),
        ),
        (  # a spokesman speaks for the one he is named with
            "Marta Reyes spoke on Monday.\n\n“We will win,” a Reyes campaign spokesman said.",
            ("We will win", "Marta Reyes"),
        ),
    ],
)
def test_a_role_named_in_apposition_or_speaking_for_someone(analyse, text, expected):
    assert expected in speakers(analyse(text), text)


def test_a_pronoun_after_an_unnamed_speaker_is_theirs_not_a_name_they_mentioned(analyse):
    text = (
        "However, a South Korean official claimed that the two previous leaders, Kim Il-Sung and "
        "Kim Jong-Il, similarly banned the sharing of their names.\n\n"
        "“There is a possibility that it would continue to do so now,” he added."
    )
    assert ("There is a possibility that it would continue to do so now", None) in speakers(analyse(text), text)


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # the one asked answers, not the unnamed one asking
            "A reporter asked Bernie Lind how he is feeling on caucus day. He replied: “The bigger "
            "the turnout, the better I feel.”",
            ("The bigger the turnout, the better I feel.", "Bernie Lind"),
        ),
        (  # an unnamed description in apposition to a name is that person
            "Senator Paul Brandt, a longtime supporter of the plan, declared it a success on Monday.\n\n"
            "“It works,” he said.",
            ("It works", "Paul Brandt"),
        ),
        (  # the unnamed speaker named later: 'known as'
            "An American blogger has said she left her job in May. The woman, who is known only as Lana, "
            "describes herself as a feminist.\n\n“I was in shock,” she said.\n\nOn her blog Lana wrote that she "
            "had lost many friends.",
            ("I was in shock", "Lana"),
        ),
        (  # a name after the unnamed speaker became the subject later
            "“It has no value,” a blogger said, a news site reported on Monday.\n\n"
            "However, Mishaal, an angry blogger, blasted the fatwa.\n\n"
            "“We have snow for fleeting days,” he posted.",
            ("We have snow for fleeting days", "Mishaal"),
        ),
    ],
)
def test_an_unnamed_speaker_does_not_take_every_pronoun(analyse, text, expected):
    assert expected in speakers(analyse(text), text)


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # the outlet reports someone as saying: the one quoted speaks
            "Police in Port Halden are hunting the men. The Courier quoted Inspector Jonas Brekke as saying: "
            "“Law and order has to be maintained, not lynch justice.”",
            ("Law and order has to be maintained, not lynch justice.", "Jonas Brekke"),
        ),
        (  # 'according to' an outlet reporting the sentence's own quote: the next quote goes on with the speaker
            "Marta Okafor, a geologist at the institute, studied the crater.\n\n"
            "“We are convinced that this was a meteorite,” Marta Okafor said at a press conference, according "
            "to the Courier. “You can see two waves on the instruments.”",
            ("You can see two waves on the instruments.", "Marta Okafor"),
        ),
        (  # 'we're told': the writer, who names no one
            "Daniel Okafor said rats occupy the offices. And we're now told they have “taken over” the building.",
            ("taken over", None),
        ),
    ],
)
def test_the_one_quoted_not_the_one_reporting(analyse, text, expected):
    assert expected in speakers(analyse(text), text)


def test_a_body_described_speaks_as_the_topic_not_the_body_named_last(analyse):
    """'The group said' is the watchdog that made the claim, not the militants its claim named."""
    text = (
        "The watchdog group Civic Watch claimed in August that Red Dawn militants were “planning to attack "
        "the water plant.” The group said a “warning bulletin” had been issued to the agencies."
    )
    assert ("warning bulletin", "Civic Watch") in speakers(analyse(text), text)
