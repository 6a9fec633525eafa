"""A bare surname two people of the text share: whose is it?"""

import pytest


def owner(analysis, text, at):
    """The name of the entity holding the mention that starts at ``at``."""
    return next(e.name for e in analysis.entities if any(start == at for start, _ in e.mentions))


@pytest.mark.parametrize(
    "text, word, expected",
    [
        (  # named last in full: the nearest person of that surname
            "Hillary Clinton spoke in Ohio on Monday.\n\nFormer president Bill Clinton said his wife was the "
            "best candidate. Clinton said the country needed her.",
            "Clinton said the",
            "Bill Clinton",
        ),
        (  # someone's kin named in passing does not change who the story is about
            "Former President Bill Clinton campaigned in Flint on Monday for his wife Hillary Clinton.\n\n"
            "“It makes no sense,” Clinton said of the health care law.",
            "Clinton said",
            "Bill Clinton",
        ),
        (  # the one the text calls by her given name is not the bare surname's
            "Donald Trump named his running mate. Melania Trump spoke in Cleveland in July.\n\n"
            "Melania was born in a small town. Everything Trump says is a lie, a reader wrote.",
            "Trump says",
            "Donald Trump",
        ),
        (  # a person's surname, not the foundation named after him
            "Donald Trump spoke on Monday. The Trump Foundation is not registered as a charity.\n\n"
            "Reports said Trump called the pageant winner names.",
            "Trump called",
            "Donald Trump",
        ),
    ],
)
def test_a_shared_surname_goes_to_the_one_the_text_means(analyse, text, word, expected):
    analysis = analyse(text)
    assert owner(analysis, text, text.index(word)) == expected
