"""Causes of missed quotes and wrong speakers found on real news, one short hand-written case each."""

import pytest


def speakers(analysis, text):
    names = {e.key: e.name for e in analysis.entities}
    return [(text[q.start:q.end], names.get(q.speaker)) for q in analysis.quotes]


@pytest.mark.parametrize("text, expected", [
    (  # "she" skips the man named last
        "Senator Hillary Brandt met Donald Keller on Monday.\n\n“We will not back down,” she said.",
        ("We will not back down,", "Hillary Brandt"),
    ),
    (  # "he" skips the woman called Ms.
        "Mr. Oduya sat beside Ms. Varga at the hearing.\n\n“The numbers are wrong,” he said.",
        ("The numbers are wrong,", "Oduya"),
    ),
    (  # the pronoun is resolved from where it stands, not from the quote
        "Tomas Reyes spoke after the vote.\n\nHe says Marta Lind “knows full well what she signed.”",
        ("knows full well what she signed.", "Tomas Reyes"),
    ),
])
def test_pronouns_agree_in_gender(analyse, text, expected):
    assert expected in speakers(analyse(text), text)


@pytest.mark.parametrize("verb", ["tweeted", "lamented", "exclaimed", "fumed", "assured reporters"])
def test_cue_verbs_beyond_say(analyse, verb):
    text = f"“This is a disgrace for the whole county,” Petra Quayle {verb}."
    assert speakers(analyse(text), text) == [("This is a disgrace for the whole county,", "Petra Quayle")]
