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
