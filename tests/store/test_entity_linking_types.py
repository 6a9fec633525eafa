"""Linking one-word names across sources whose types the model read differently."""

import psycopg
import pytest

from briefing.store import open_workspace
from briefing.store.analysis import save_analysis
from briefing.store.edits import retype_entity
from briefing.store.entities import list_entities
from briefing.store.postgres import POSTGRES_SCHEMA_VERSION, schema_version
from tests.old_schema import workspace_at_schema
from tests.store.test_analysis import add_source, analysis, found, rows

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
        # one name spelt two ways by the sources ('Wilfried' and 'Wilfred Strauch' in one story)
        ("wilfried strauch", "wilfred strauch", True),
        ("mohammed yusuf", "mohamed yusuf", True),
        ("jonathan okafor", "jonathon okafor", False),  # a letter changed, not one more
        ("erica garner", "eric garner", False),  # his daughter: a woman's name is no man's longer form
        ("paul okafor", "paula okafor", False),
        # a given name mistyped by one key, or two keys swapped ('Donand Trump' once among 549 'Donald')
        ("donand trump", "donald trump", True),
        ("bernei sanders", "bernie sanders", True),
        ("joan smith", "john smith", False),  # two names people bear
        ("karin lee", "karen lee", False),
        ("ronald trump", "donald trump", False),  # never the first letter
        ("dave smith", "dove smith", False),  # too short to tell a typo from another name
        ("kim jong un", "kim jong-un", True),  # a hyphen or a space between the given names
        ("anna smith-jones", "bob jones", False),
        ("safi al-kasasbeh", "moaz al-kasasbeh", False),  # a father and son: 'al' is no given name
        ("donald trump jr", "donald trump", False),  # the generation tells them apart
        ("duncan hunter sr", "duncan hunter", False),
        ("thomas barrack jr", "tom barrack", True),
        ("bush ii", "abdullah ii", False),  # one word and a number: a name of its own
        ("osman abu laban", "salah abu-laban", False),  # brothers: 'abu' is no given name they share
        ("al gore", "tipper gore", False),
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


def test_a_name_with_a_hyphen_or_a_space_is_one_person_across_sources(ws):
    """'Kim Jong Un' in one source and 'Kim Jong-Un' in another were two people. A hyphenated
    surname alone is the one person who has it; its second half is someone else's surname
    ('Dodd-Frank', a law the analysis took for a person, is not Thomas Frank)."""
    _save_person(ws, 1, "Kim Jong Un spoke on Monday.", "Kim Jong Un")
    _save_person(ws, 2, "Kim Jong-Un spoke on Tuesday.", "Kim Jong-Un")
    _save_person(ws, 3, "Michael Zehaf-Bibeau fired.", "Michael Zehaf-Bibeau")
    _save_person(ws, 4, "Zehaf-Bibeau fired.", "Zehaf-Bibeau")
    _save_person(ws, 5, "Thomas Frank wrote.", "Thomas Frank")
    _save_person(ws, 6, "Dodd-Frank passed.", "Dodd-Frank")
    entities = {e["name"]: len(e["mentions"]) for e in list_entities(ws)}
    assert entities == {"Kim Jong Un": 2, "Michael Zehaf-Bibeau": 2, "Thomas Frank": 1, "Dodd-Frank": 1}


def test_a_generation_is_no_surname_nor_a_king_s_number_a_given_name(ws):
    """'Joseph R. Biden Jr.' was apart from 'Joe Biden' (its surname read as 'jr'), 'Abdullah II'
    joined 'Vann R. Newkirk II' (both 'ii'); a lone 'George' is not 'George III'."""
    _save_person(ws, 1, "Joseph R. Biden Jr. spoke.", "Joseph R. Biden Jr.")
    _save_person(ws, 2, "Joe Biden spoke.", "Joe Biden")
    _save_person(ws, 3, "Abdullah II spoke.", "Abdullah II")
    _save_person(ws, 4, "Vann R. Newkirk II wrote.", "Vann R. Newkirk II")
    _save_person(ws, 5, "George III reigned.", "George III")
    _save_person(ws, 6, "George said hello.", "George")
    entities = {e["name"]: len(e["mentions"]) for e in list_entities(ws)}
    assert entities == {
        "Joseph R. Biden Jr.": 2,
        "Abdullah II": 1,
        "Vann R. Newkirk II": 1,
        "George III": 1,
        "George": 1,
    }


def _types(ws):
    return sorted((e["name"], e["type"], len({m["source_id"] for m in e["mentions"]})) for e in list_entities(ws))


def test_an_entity_takes_the_type_most_of_its_sources_read(ws):
    _save(ws, 1, "The set of Batman closed.", "Batman", "place")  # the first source's type stuck
    for number in (2, 3):
        _save(ws, number, "Batman filming resumed.", "Batman", "organisation")
    _save(ws, 4, "Tad Devine, a strategist, spoke.", "Tad Devine", "organisation")
    _save(ws, 5, "Tad Devine said no.", "Tad Devine", "person")
    assert _types(ws) == [("Batman", "organisation", 3), ("Tad Devine", "organisation", 2)]  # a tie keeps it
    _save(ws, 6, "Tad Devine left.", "Tad Devine", "person")
    assert _types(ws) == [("Batman", "organisation", 3), ("Tad Devine", "person", 3)]


def test_a_type_the_analyst_gave_stays_whatever_the_sources_read(ws):
    _save(ws, 1, "Kessel Point shut.", "Kessel Point", "place")
    [entity] = list_entities(ws)
    retype_entity(ws, entity["id"], "organisation")
    for number in (2, 3, 4):
        _save(ws, number, "Kessel Point reopened.", "Kessel Point", "place")
    assert _types(ws) == [("Kessel Point", "organisation", 4)]


def test_a_source_analysed_before_types_were_kept_counts_for_the_entity_s_type(ws):
    for number in (1, 2):
        _save(ws, number, "Homes in Brackenholm boil water.", "Brackenholm", "place")
    ws.db.execute("UPDATE mentions SET found_type = NULL")  # as schema 12 left them
    _save(ws, 3, "Brackenholm said so.", "Brackenholm", "organisation")
    assert _types(ws) == [("Brackenholm", "place", 3)]
    _save(ws, 4, "Brackenholm said so again.", "Brackenholm", "organisation")
    _save(ws, 5, "Brackenholm said no more.", "Brackenholm", "organisation")
    assert _types(ws) == [("Brackenholm", "organisation", 5)]


def test_a_workspace_of_schema_12_keeps_its_entities_and_records_types_after_the_upgrade(tmp_path):
    db = workspace_at_schema(tmp_path / "old.briefing", 12)
    db.execute(
        "INSERT INTO sources (id, path, format, content_hash, text, title, imported_at) "
        "VALUES (1, 'a.txt', 'txt', 'h1', 'Brackenholm shut.', 'Old', '2026-03-01')"
    )
    db.execute("INSERT INTO entities (id, name, type, created_at) VALUES (1, 'Brackenholm', 'place', '2026-03-01')")
    db.execute("INSERT INTO mentions (entity_id, source_id, start, \"end\", text) VALUES (1, 1, 0, 11, 'Brackenholm')")
    db.conn.commit()
    db.close()
    with open_workspace(tmp_path / "old.briefing") as ws:
        assert rows(ws, "SELECT source_id, found_type FROM mentions") == [(1, None)]
        _save(ws, 2, "Brackenholm said so.", "Brackenholm", "organisation")
        assert rows(ws, "SELECT source_id, found_type FROM mentions ORDER BY source_id") == [
            (1, None),
            (2, "organisation"),
        ]
        assert _types(ws) == [("Brackenholm", "place", 2)]


def test_a_team_database_of_schema_12_is_upgraded_on_its_first_write(team_database):
    open_workspace(team_database).close()
    with psycopg.connect(team_database) as conn:  # schema 12's tables: no type beside a mention
        conn.execute("ALTER TABLE mentions DROP COLUMN found_type")
        conn.execute("UPDATE briefing_schema SET version = 12")
    with open_workspace(team_database) as ws:
        _save(ws, 1, "Brackenholm said so.", "Brackenholm", "organisation")
        assert rows(ws, "SELECT found_type FROM mentions") == [("organisation",)]
    with psycopg.connect(team_database) as conn:
        assert schema_version(conn) == POSTGRES_SCHEMA_VERSION == 14


def test_a_person_spelt_two_ways_by_two_sources_is_one_entity(ws):
    _save_person(ws, 1, "Wilfried Strauch said the crater was a meteorite's.", "Wilfried Strauch")
    _save_person(ws, 2, "Wilfred Strauch asked for photos.", "Wilfred Strauch")
    [entity] = list_entities(ws)
    assert len({m["source_id"] for m in entity["mentions"]}) == 2
