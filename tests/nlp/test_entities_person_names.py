"""Names the words say are people's, or are not, whatever the model guessed."""

import pytest

from briefing.nlp.census_given_names import census_given_names
from briefing.nlp.entity_person_names import (
    plain_given_names,
    retype_given_name_people,
)
from briefing.nlp.mentions import Mention


def mention_of(text: str, name: str, kind: str, weight: int = 1) -> Mention:
    start = text.index(name)
    return Mention(start, start + len(name), name, kind, weight)


def test_the_census_names_are_given_names_and_words_of_the_language_are_left_out():
    assert {"lester", "keith", "jill", "dustin"} <= census_given_names()
    assert {"lester", "dustin", "bernie"} <= plain_given_names()
    assert not {"dallas", "virginia", "morgan"} & (plain_given_names() - census_given_names())
    assert "dallas" not in plain_given_names()


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The commission chose NBC's Lester Holt to moderate the first debate.", "Lester Holt"),
        ("Police shot Keith Lamont Scott, a 43-year-old black man, on Tuesday.", "Keith Lamont Scott"),
        ("Clinton went up against Bernie Sanders five times.", "Bernie Sanders"),
        ("The talks were hosted by Dwight D. Eisenhower in 1955.", "Dwight D. Eisenhower"),
    ],
)
def test_a_full_name_with_a_given_name_first_is_a_person_whatever_the_model_guessed(text, name):
    for kind in ("organisation", "place"):
        mention = mention_of(text, name, kind)
        retype_given_name_people([mention], text)
        assert mention.type == "person"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("He appeared on Fox News' The Kelly File. It drew millions.", "Kelly File"),
        ("Another 6 a.m. workout at a Hilton Garden Inn, another huddle.", "Hilton Garden Inn"),
        ("Clinton spoke to the Alabama-based Phil Waldrep Ministries in June.", "Phil Waldrep Ministries"),
        ("Shares of Morgan Stanley and Charles Schwab fell.", "Morgan Stanley"),
        ("Shares of Morgan Stanley and Charles Schwab fell.", "Charles Schwab"),
        ("The Christian News Service reported it.", "Christian News Service"),
    ],
)
def test_a_thing_named_with_a_given_name_first_keeps_its_type(text, name):
    mention = mention_of(text, name, "organisation")
    retype_given_name_people([mention], text)
    assert mention.type == "organisation"


def test_a_given_name_the_text_puts_in_a_place_names_no_person():
    text = "Fans in Charlotte cheered the Charlotte Panthers on Sunday."
    city, team = mention_of(text, "Charlotte", "place"), mention_of(text, "Charlotte Panthers", "place")
    retype_given_name_people([city, team], text)
    assert team.type == "place"


def test_a_type_a_keyword_or_the_layout_gave_stays():
    text = "Edison Research polled voters in Ohio."
    mention = mention_of(text, "Edison Research", "organisation", weight=3)
    retype_given_name_people([mention], text)
    assert mention.type == "organisation"
