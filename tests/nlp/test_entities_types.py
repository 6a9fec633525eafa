"""Entity types the layout, the lexicon and the rest of the text decide."""

import pytest

from briefing.nlp.entities import Cluster
from briefing.nlp.mentions import Mention


def types(analysis):
    return {e.name: e.type for e in analysis.entities}


@pytest.mark.parametrize(
    "text",
    [
        "LONDON - Shares in Corvane Systems fell on Tuesday after the company cut its forecast.",
        "ROME (Newswire) - Talks on the port of Halden broke down late on Friday.",
        "OSLO 2024-03-02\n\nThe ferry to Bergen was cancelled because of the storm.",
    ],
)
def test_a_dateline_is_a_place(analyse, text):
    place = text.split()[0]
    assert types(analyse(text)).get(place) == "place"


def test_a_headline_in_capitals_is_not_a_dateline(analyse):
    text = "TENNIS - KETTRIDGE WINS IN THREE SETS\n\nJonas Kettridge beat the top seed on Sunday."
    assert "TENNIS" not in {n for n, t in types(analyse(text)).items() if t == "place"}


def test_a_table_row_is_not_a_dateline(analyse):
    text = "Standings after Sunday:\n\nHALDEN 12 4 .750\n\nPORTMEADOW 10 6 .625"
    assert types(analyse(text)).get("HALDEN") != "place"


def test_news_outlets_are_organisations(analyse):
    text = "Corvane Systems will cut 300 jobs, Bloomberg reported on Monday. Business Insider first reported the talks."
    found = types(analyse(text))
    assert found.get("Bloomberg") == "organisation"
    assert found.get("Business Insider") == "organisation"


def test_a_name_listed_with_its_country_is_a_person(analyse):
    text = (
        "Results from the Hamlet Cup tennis tournament on Thursday :\n\n"
        "Renzo Furlan ( Italy ) beat Sebastien Lareau ( Canada ) 6-4 6-2\n\n"
        "Shares of Bayern Munich ( Germany ) rose. Munich is in Germany."
    )
    found = types(analyse(text))
    assert found.get("Renzo Furlan") == "person"
    assert found.get("Sebastien Lareau") == "person"
    assert found.get("Bayern Munich") != "person"


@pytest.mark.parametrize(
    "text",
    [
        "Slovakia beat Malta 2-0 in Bratislava on Wednesday.",
        "IRAQ SAYS TALKS WITH UN WENT WELL\n\nBaghdad said the talks went well.",
        "Fighting spread across the West Bank overnight.",
    ],
)
def test_a_country_is_a_place(analyse, text):
    found = types(analyse(text))
    country = next(c for c in ("Slovakia", "IRAQ", "West Bank") if c in text)
    assert found.get(country) == "place"


def test_a_person_named_like_a_country_stays_a_person(analyse):
    text = (
        "Representative Steve Israel spoke to the caucus on Tuesday.\n\n"
        "“We will have to recruit interns to sit in the seats,” Israel said."
    )
    assert types(analyse(text)).get("Steve Israel") == "person"


def test_an_organisation_word_opening_a_line_before_a_noun_is_no_name(analyse):
    text = "Ministry of Harbours, Republic of Veldra - Press release - 4 March\n\nThe Ministry met on Monday."
    found = types(analyse(text))
    assert "Press" not in found
    assert found.get("Veldra") == "place"


def test_a_full_name_decides_the_type_of_its_surname():
    """'Sexton said' read as an organisation three times: the full name still says person."""
    forms = [("Marcus Sexton", "person"), ("Sexton", "organisation"), ("Sexton", "person")]
    forms += [("Sexton", "organisation")] * 2
    cluster = Cluster([Mention(i * 20, i * 20 + len(f), f, kind) for i, (f, kind) in enumerate(forms)])
    assert cluster.type == "person"
    assert Cluster([Mention(0, 6, "Sexton", "organisation"), Mention(9, 15, "Sexton", "person")]).type != "person"
