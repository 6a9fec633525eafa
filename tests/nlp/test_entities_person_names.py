"""Names the words say are people's, or are not, whatever the model guessed."""

from types import SimpleNamespace

import pytest

from briefing.nlp.census_given_names import census_given_names
from briefing.nlp.entities import Cluster
from briefing.nlp.entity_person_names import (
    plain_given_names,
    retype_acronym_places,
    retype_given_name_people,
    retype_name_words,
    retype_word_people,
)
from briefing.nlp.mention import Mention


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


def test_a_given_name_after_updates_from_is_someone_not_a_place():
    text = "Marta Okafor runs the campaign.\n\nWant more updates from Marta? Sign up for her newsletter."
    person = mention_of(text, "Marta Okafor", "organisation")
    at = text.rindex("Marta")
    retype_given_name_people([person, Mention(at, at + 5, "Marta", "place", 1)], text)
    assert person.type == "person"


def test_a_name_opening_with_a_word_given_name_that_the_text_puts_in_a_place_is_no_person():
    text = "Children were killed at Sandy Hook.\n\nThe Sandy Hook shooter used a rifle."
    at = text.rindex("Sandy Hook")
    first, second = (
        mention_of(text, "Sandy Hook", "organisation"),
        Mention(at, at + 10, "Sandy Hook", "organisation", 1),
    )
    retype_given_name_people([first, second], text)
    assert (first.type, second.type) == ("organisation", "organisation")
    text = "Fans booed at Bernie Sanders' rally.\n\nBernie Sanders spoke."  # no word given name: a person
    rally = mention_of(text, "Bernie Sanders", "place")
    retype_given_name_people([rally], text)
    assert rally.type == "person"


def test_a_type_a_keyword_or_the_layout_gave_stays():
    text = "Edison Research polled voters in Ohio."
    mention = mention_of(text, "Edison Research", "organisation", weight=3)
    retype_given_name_people([mention], text)
    assert mention.type == "organisation"


def cluster_of(text: str, name: str, kind: str, weight: int = 1) -> Cluster:
    found, start = [], text.find(name)
    while start != -1:
        found.append(Mention(start, start + len(name), name, kind, weight))
        start = text.find(name, start + len(name))
    return Cluster(found)


def test_a_surname_of_several_people_is_a_person_though_it_joins_none():
    text = 'Donald Trump spoke, then Melania Trump. "I despise Trump," a voter said. Trump demands a recount.'
    lone = Cluster([mention_of(text, "Trump,", "organisation"), mention_of(text, "Trump demands", "organisation")])
    for mention in lone.mentions:
        mention.end, mention.text = mention.start + 5, "Trump"
    clusters = [cluster_of(text, "Donald Trump", "person"), cluster_of(text, "Melania Trump", "person"), lone]
    retype_name_words(clusters, text)
    assert lone.type == "person"


def test_a_word_of_a_persons_name_used_by_a_keyword_as_a_place_stays_a_place():
    text = "Kerry Washington flew to Washington on Monday."
    person = cluster_of(text, "Kerry Washington", "person")
    city = Cluster([Mention(25, 35, "Washington", "place", 3)])
    retype_name_words([person, city], text)
    assert city.type == "place"


@pytest.mark.parametrize("word", ["LGBT", "Israel", "Reuters"])
def test_an_acronym_a_country_or_an_outlet_is_no_persons_name_word(word):
    text = f"Pat {word} spoke. {word} said so."
    person = cluster_of(text, f"Pat {word}", "person")
    other = Cluster([Mention(text.rindex(word), text.rindex(word) + len(word), word, "organisation")])
    retype_name_words([person, other], text)
    assert other.type == "organisation"


def test_a_name_written_as_no_persons_lends_no_words():
    text = "The ''Bernie or Bust'' group marched. Bust said no."
    fake = cluster_of(text, "Bernie or Bust", "person")
    other = Cluster([Mention(text.rindex("Bust"), text.rindex("Bust") + 4, "Bust", "organisation")])
    retype_name_words([fake, other], text)
    assert other.type == "organisation"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("A poll by Morning Consult found the race tied.", "Morning Consult"),
        ("He told Squawk Box on Monday that rates would rise.", "Squawk Box"),
        ("Bill Clinton signed the 1994 Crime Bill, which his wife backed.", "Crime Bill"),
        ("The Congressional Black Caucus met on Tuesday.", "Congressional Black Caucus"),
        ("Workers at Patriot Coal lost their pensions.", "Patriot Coal"),
    ],
)
def test_words_of_the_language_with_no_given_name_first_name_no_person(text, name):
    clusters = [cluster_of(text, name, "person")]
    if name == "Crime Bill":
        clusters.append(cluster_of(text, "Bill Clinton", "person"))
    retype_word_people(clusters, text)
    assert clusters[0].type == "organisation"


def test_a_speech_verb_makes_no_person_of_a_name_after_the():
    text = "After the meeting, the White House announced new sanctions."
    cluster = cluster_of(text, "White House", "person", weight=3)
    retype_word_people([cluster], text)
    assert cluster.type == "organisation"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Tiger Woods played the course in 1997.", "Tiger Woods"),  # a common surname last
        ("Ivanka Trump spoke before Donald Trump did.", "Ivanka Trump"),  # another person's surname
        ("Fancy Bear, a spokesman said, would not comment.", "Fancy Bear"),  # weight 3, no 'the'
    ],
)
def test_a_person_named_with_words_of_the_language_stays_a_person(text, name):
    clusters = [cluster_of(text, name, "person", weight=3 if name == "Fancy Bear" else 1)]
    if name == "Ivanka Trump":
        clusters.append(cluster_of(text, "Donald Trump", "person"))
    retype_word_people(clusters, text)
    assert clusters[0].type == "person"


def test_a_role_keeps_a_person():
    text = "Its chairman, Morning Glory, said so."
    cluster = Cluster([Mention(14, 27, "Morning Glory", "person", 3, "chairman")])
    retype_word_people([cluster], text)
    assert cluster.type == "person"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The letters come with no gag orders from the IRS, the lawyer said.", "IRS"),
        ("My father began his studies at MIT at age 16.", "MIT"),
        ("Several G.O.P. leaders stayed away.", "G.O.P."),
    ],
)
def test_an_acronym_guessed_a_place_is_a_body(text, name):
    cluster = cluster_of(text, name, "place", weight=2)
    retype_acronym_places([cluster], text)
    assert cluster.type == "organisation"


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("MIAMI - Democrats got a taste on Wednesday of where the contest is going.", "MIAMI"),
        ("Talks in ROME went on. Rome was calm.", "ROME"),
        ("Troops crossed into the DPRK on Monday.", "DPRK"),
        ("Voters in the USA are split.", "USA"),
        ("Polls in N.H. closed at 8 p.m.", "N.H."),
    ],
)
def test_a_place_in_capitals_stays_a_place(text, name):
    cluster = cluster_of(text, name, "place")
    retype_acronym_places([cluster], text)
    assert cluster.type == "place"


def test_one_word_with_a_capital_inside_guessed_a_place_is_a_brand():
    from briefing.nlp.entity_person_names import retype_camel_case_places

    def cluster(name, kind):
        return SimpleNamespace(name=name, type=kind, mentions=[Mention(0, len(name), name, kind)])

    clusters = [cluster("SoftBank", "place"), cluster("McAllen", "place"), cluster("Texas", "place")]
    retype_camel_case_places(clusters)
    assert [c.mentions[0].type for c in clusters] == ["organisation", "place", "place"]


def test_a_word_of_a_persons_name_the_text_puts_in_a_place_stays_a_place():
    text = "Georgia Thomas spoke. In Georgia, voters queued."
    person = cluster_of(text, "Georgia Thomas", "person")
    at = text.index("Georgia,")
    state = Cluster([Mention(at, at + 7, "Georgia", "place")])
    retype_name_words([person, state], text)
    assert state.type == "place"
