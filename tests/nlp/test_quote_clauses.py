"""The speaker from the right clause: causes of wrong speakers on real news, one short hand-written case each."""

import pytest

from briefing.nlp.parse import Paragraph
from briefing.nlp.quote_cues import _reporting_verb


def speakers(analysis, text):
    names = {e.key: e.name for e in analysis.entities}
    return [(text[q.start : q.end], names.get(q.speaker)) for q in analysis.quotes]


@pytest.mark.parametrize(
    "text, expected",
    [
        (  # a day right before a participle is no name: the clause's subject speaks
            "Mayor Ivo Brandt unleashed a series of posts early Friday saying that rival Alma Reyes had shown "
            "bad judgment in using the budget “as a piggy bank for friends.”",
            ("as a piggy bank for friends.", "Ivo Brandt"),
        ),
        (  # a fragment ending in a comma, its attribution right after it, wins over an earlier verb
            "Several members of the council echo those worries, because the main test is a "
            "“lawful source of investment income,” as Marta Okafor put it.",
            ("lawful source of investment income,", "Marta Okafor"),
        ),
        (  # a participle set off after a relative clause speaks for the clause around it
            "Mayor Ivo Brandt was defensive when asked about not paying a builder who said he was owed "
            "money for a library, saying, “Maybe he did not do a good job, and I was not satisfied.”",
            ("Maybe he did not do a good job, and I was not satisfied.", "Ivo Brandt"),
        ),
        (  # the speaker set off in commas, not the subject of the belief he reports
            "During his years in office, Mr. Brandt said, a majority of voters have come to believe "
            "“that the river is worth saving and that we should act now.”",
            ("that the river is worth saving and that we should act now.", "Brandt"),
        ),
    ],
)
def test_speaker_from_the_right_clause(analyse, text, expected):
    assert expected in speakers(analyse(text), text)


def test_it_inside_what_someone_said_is_no_speaker(nlp):
    """'said it would tell a story of “…”': the museum tells, the governor speaks."""
    text = "Governor Alma Reyes, opening the museum on Saturday, said it would tell a story of “suffering and delight.”"
    doc = nlp(text)
    tell = next(t for t in doc if t.text == "tell")
    assert _reporting_verb(Paragraph(0, doc, text), tell).text == "said"
