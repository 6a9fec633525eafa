"""Groups of people and lone surnames: peoples and families are groups, and a lone name the
text treats as a person's stays a person."""

import pytest

from briefing.nlp.entities import Cluster
from briefing.nlp.entity_people import plural_singulars, retype_families, retype_peoples
from briefing.nlp.mention import Mention


def types(analysis):
    return {e.name: e.type for e in analysis.entities}


def cluster(kind: str, *texts: str) -> Cluster:
    return Cluster([Mention(i * 20, i * 20 + len(t), t, kind, 1) for i, t in enumerate(texts)])


@pytest.mark.parametrize("word", ["Latinos", "Latino", "Hispanics", "Sikhs"])
def test_a_people_named_by_origin_is_a_group_whatever_the_model_said(word):
    found = cluster("organisation", word)
    retype_peoples([found])
    assert found.type == "group"


def test_a_name_that_is_no_people_keeps_its_type():
    found = cluster("organisation", "Pfizer")
    retype_peoples([found])
    assert found.type == "organisation"


def test_the_plural_of_a_persons_surname_is_the_family():
    clintons, bushes = cluster("organisation", "Clintons"), cluster("person", "Bushes")
    retype_families([cluster("person", "Hillary Clinton"), clintons, cluster("person", "George W. Bush"), bushes])
    assert (clintons.type, bushes.type) == ("group", "group")


def test_a_lone_word_the_model_guessed_a_person_makes_no_family():
    springboks = cluster("organisation", "Springboks")
    retype_families([cluster("person", "Springbok"), springboks])
    assert springboks.type == "organisation"


def test_a_surname_ending_in_s_stays_a_person():
    williams = cluster("person", "Williams")
    retype_families([cluster("person", "Venus Williams"), cluster("person", "Ann William"), williams])
    assert williams.type == "person"


def test_a_plural_with_no_person_of_its_singular_keeps_its_type():
    fords = cluster("organisation", "Fords")
    retype_families([cluster("person", "Ann Lee"), fords])
    assert fords.type == "organisation"


def test_plural_singulars():
    assert plural_singulars("bushes") == {"bushe", "bush"}
    assert plural_singulars("kennedys") == {"kennedy"}
    assert plural_singulars("ross") == set()


def test_families_and_peoples_in_news(analyse):
    text = (
        "Mr. Clinton spoke in Iowa. The Clintons preferred the Dominican Republic.\n\n"
        "Sanders won among Latinos in Nevada, the poll found."
    )
    found = types(analyse(text))
    assert found.get("Clintons") == "group"
    assert found.get("Latinos") == "group"


def test_lone_names_listed_together_or_taken_up_by_he_stay_people(analyse):
    text = (
        "Critics likened the salutes to those of followers of Hitler and Mussolini.\n\n"
        "For more than half a century, Vigurie has dedicated his life to the movement."
    )
    found = types(analyse(text))
    assert found.get("Hitler") == "person"
    assert found.get("Mussolini") == "person"
    assert found.get("Vigurie") == "person"


def test_a_pronoun_after_a_brand_may_be_the_earlier_persons(analyse):
    found = types(analyse("Follow Adelle Nazarian on Twitter at her handle."))
    assert found.get("Adelle Nazarian") == "person"
    assert found.get("Twitter") == "organisation"


def test_a_group_called_by_a_name_is_no_person(analyse):
    text = "A new group called Black Votes Matter, led by Democratic strategists, is trying to raise money."
    assert types(analyse(text)).get("Black Votes Matter") == "organisation"


def in_context(nlp, text: str, name: str) -> bool:
    from briefing.nlp.entity_people import person_in_context
    from briefing.nlp.parse import parse_texts

    parsed = next(iter(parse_texts(nlp, [text])))
    start = text.index(name)
    return person_in_context(cluster_at(start, name), parsed, [])


def cluster_at(start: int, name: str) -> Cluster:
    return Cluster([Mention(start, start + len(name), name, "person", 1)])


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("For more than half a century, Zorblat has dedicated his life to the movement.", True),
        ("Zorblat spoke on Monday. He said the band would play.", True),
        ("He uses apps like Zorblat, and his fortune grew.", False),  # 'his' is the one before
        ("Zorblat offered to give him the money.", False),  # an object, not the name's
    ],
)
def test_a_pronoun_takes_up_a_lone_name_only_as_subject_or_owner_after_it(nlp, text, person):
    assert in_context(nlp, text, "Zorblat") is person


def test_an_acronym_that_speaks_is_a_body_not_a_surname(analyse):
    # 'Yusuf said' after 'Halima Sadiq Yusuf' is her; 'the Chinese CDC said' is no person
    analysis = analyse("Officials at the Chinese CDC said the risk was low. The CDC asked people to stay calm.")
    assert {(e.name, e.type) for e in analysis.entities} == {("Chinese", "group"), ("CDC", "organisation")}
