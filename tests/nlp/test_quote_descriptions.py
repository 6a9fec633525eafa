"""A speaker described rather than named ('the Vermont senator'), whom no one holds the role
of: the topic takes it up as a pronoun's, not whoever was named last (``quote_descriptions``)."""

import pytest

from tests.nlp.quote_helpers import speakers


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # the subject of a clause put before the description, not the name inside it
            "Daniel Okafor spoke to supporters in Columbus on Monday.\n\n"
            "As for whether Okafor still senses anger toward Lena Ward among his voters, "
            "the Ohio senator acknowledged that there are still “some people” who feel that way.",
            ("some people", "Daniel Okafor"),
        ),
        (  # the description's own words give her sex: never the man named after her
            "Marta Reyes praised the 2011 raid that killed the smuggler Viktor Hale.\n\n"
            "The former first lady said it was “a mistake” to wait so long.",
            ("a mistake", "Marta Reyes"),
        ),
        (  # 'she' in the description's sentence gives it: not the victim named last
            "Marta Reyes spoke out on Tuesday about the death of Paul Hale in Tulsa.\n\n"
            "On a morning radio show, the former secretary of state said she wanted to speak "
            "“directly to white people” about it.",
            ("directly to white people", "Marta Reyes"),
        ),
        (  # the subject of the sentence's main clause would be 'he' there: the description is another
            "Daniel Okafor said he was unlikely to get on with Peter Lind because the Swedish minister "
            "called him “divisive and wrong” in a speech.",
            ("divisive and wrong", "Peter Lind"),
        ),
        (  # a description as a later subject carries the topic on past a name below it
            "Anna Keller says too much is made of Paul Brandt's posts.\n\n"
            "The vice presidential nominee was speaking on Friday in Fort Wayne, hours after Brandt "
            "sent a flurry of messages.\n\n"
            "The Indiana governor said the media are to blame for “he said this, he posted that.”",
            ("he said this, he posted that.", "Anna Keller"),
        ),
        (  # 'hosts Ian Brody and Sara Lund': Brody is a host
            "Marta Reyes told radio hosts Ian Brody and Sara Lund that the plan works. Reyes and her "
            "husband, Paul Reyes, opened the first clinic in 2009.\n\n"
            "“She is exactly right about that,” the host said.",
            ("She is exactly right about that", "Ian Brody"),
        ),
    ],
)
def test_a_description_is_the_topic_not_the_last_name(analyse, text, expected):
    assert expected in speakers(analyse(text), text)


@pytest.mark.parametrize(
    "text, quote",
    [
        (  # 'the prime minister's spokesman': someone known by another, whom the text never names
            "Prime Minister Alan Hale met the unions on Monday. The prime minister's spokesman said "
            "talks would go on.\n\n“We will not walk away,” the spokesman said.",
            "We will not walk away",
        ),
        (  # came in with 'a' and three words before the role
            "Adam Schiff praised the company on Friday. A senior Obama administration official said "
            "the White House agreed.\n\n“We welcome these steps,” the official said.",
            "We welcome these steps",
        ),
    ],
)
def test_a_description_introduced_unnamed_stays_unnamed(analyse, text, quote):
    assert (quote, None) in speakers(analyse(text), text)
