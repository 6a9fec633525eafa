"""Linking one-word names across sources whose types the model read differently."""

import pytest

from briefing.store.analysis import save_analysis
from briefing.store.entities import list_entities
from tests.store.test_analysis import add_source, analysis, found

BACKENDS = ("sqlite", "postgresql")  # tests/conftest.py runs ``ws`` on both


def _save(ws, number, text, name, type_):
    save_analysis(ws, add_source(ws, text, str(number)), analysis(text, [found(0, text, name, type_)]))


@pytest.mark.parametrize("types", [("place", "organisation"), ("organisation", "place")])
def test_a_one_word_place_and_body_of_the_same_name_are_one_entity(ws, types):
    texts = ["Homes in the Brackenholm district boil their water.", "Saltmarsh and Brackenholm follow on Tuesday."]
    for number, (text, type_) in enumerate(zip(texts, types, strict=True)):
        _save(ws, number, text, "Brackenholm", type_)
    [entity] = list_entities(ws)
    assert (entity["name"], entity["type"], len(entity["mentions"])) == ("Brackenholm", types[0], 2)


def test_a_one_word_person_and_place_stay_apart(ws):
    for number, (text, type_) in enumerate([("Jordan scored twice.", "person"), ("Jordan shut it.", "place")]):
        _save(ws, number, text, "Jordan", type_)
    assert sorted(e["type"] for e in list_entities(ws)) == ["person", "place"]


def _save_person(ws, number, text, name, *aliases):
    save_analysis(ws, add_source(ws, text, str(number)), analysis(text, [found(0, text, name, "person", *aliases)]))


def test_people_sharing_only_a_surname_or_given_name_stay_apart(ws):
    _save_person(ws, 1, "George W. Bush spoke on Monday. Bush thanked the crowd.", "George W. Bush", "Bush")
    _save_person(ws, 2, "Jeb Bush spoke on Tuesday. Bush left early.", "Jeb Bush", "Bush")
    _save_person(ws, 3, "Taylor Swift sang on Monday. Taylor thanked the crowd.", "Taylor Swift", "Taylor")
    _save_person(ws, 4, "Doctors treated Martin Taylor. Taylor felt better.", "Martin Taylor", "Taylor")
    names = sorted(e["name"] for e in list_entities(ws))
    assert names == ["George W. Bush", "Jeb Bush", "Martin Taylor", "Taylor Swift"]


def test_one_person_named_in_full_two_ways_is_one_entity(ws):
    _save_person(ws, 1, "Joseph R. Biden Jr. spoke on Monday. Biden thanked the crowd.", "Joseph R. Biden Jr.", "Biden")
    _save_person(ws, 2, "Joe Biden spoke on Tuesday. Biden left early.", "Joe Biden", "Biden")
    _save_person(ws, 3, "George Bush spoke. Bush left.", "George Bush", "Bush")
    _save_person(ws, 4, "George W. Bush spoke. Bush stayed.", "George W. Bush", "Bush")
    entities = list_entities(ws)
    assert len(entities) == 2
    assert sorted(len({m["source_id"] for m in e["mentions"]}) for e in entities) == [2, 2]


@pytest.mark.parametrize(
    "name, other, same",
    [
        ("joseph r biden jr", "joe biden", True),
        ("george w bush", "george bush", True),
        ("christopher smith", "chris smith", True),
        ("bill clinton", "william j clinton", True),
        ("jeb bush", "george w bush", False),
        ("hillary clinton", "bill clinton", False),
        ("martin taylor", "taylor swift", False),
        ("trump", "donald trump", True),
        ("hammering hillary clinton", "hillary rodham clinton", True),
        ("laura w bush", "george w bush", False),
        ("george h w bush", "george w bush", False),
        ("george walker bush", "george w bush", True),
    ],
)
def test_may_be_same_person(name, other, same):
    from briefing.person_names import may_be_same_person

    assert may_be_same_person(name, other) is same


def test_a_full_name_written_another_way_links_to_the_one_person_it_may_be(ws):
    _save_person(ws, 1, "Paul Ryan spoke on Monday.", "Paul Ryan")
    _save_person(ws, 2, "Paul D. Ryan spoke on Tuesday.", "Paul D. Ryan")
    _save_person(ws, 3, "George W. Bush spoke.", "George W. Bush")
    _save_person(ws, 4, "George H. W. Bush spoke.", "George H. W. Bush")
    _save_person(ws, 5, "George Bush spoke.", "George Bush")  # father or son: neither
    _save_person(ws, 6, "Jeb Bush spoke.", "Jeb Bush")
    entities = {e["name"]: len(e["mentions"]) for e in list_entities(ws)}
    assert entities == {"Paul Ryan": 2, "George W. Bush": 1, "George H. W. Bush": 1, "George Bush": 1, "Jeb Bush": 1}
