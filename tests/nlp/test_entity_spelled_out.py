"""'U.S. Senate' in one source and 'United States Senate' in another are one body."""

import pytest

from briefing.nlp.entity_forms import spelled_out


@pytest.mark.parametrize(
    ("name", "full"),
    [
        ("U.S. District Court", "United States District Court"),
        ("US Navy", "United States Navy"),
        ("UN Security Council", "United Nations Security Council"),
        ("UK Independence Party", "United Kingdom Independence Party"),
        ("U.S.", None),  # the abbreviation alone is the country's variant already
        ("America First", None),  # a country's name, no abbreviation
        ("USA Today", None),  # an outlet's name is its own
        ("U.S. News & World Report", None),
        ("U.S. and", None),
    ],
)
def test_an_opening_abbreviation_is_written_out(name, full):
    assert spelled_out(name) == full


def test_both_spellings_make_one_entity_with_the_other_as_an_alias(analyse):
    """Unlinked in 300 real articles: 'U.S. Senate' (17) beside 'United States Senate' (6)."""
    found = analyse("The U.S. District Court in Boston ruled on Monday. The United States District Court said no.")
    [court] = [e for e in found.entities if "District Court" in e.name]
    assert {court.name, *court.aliases} == {"U.S. District Court", "United States District Court"}
    found = analyse("The U.S. Senate voted on Monday.")
    [senate] = found.entities
    assert "United States Senate" in senate.aliases  # what links it to the other sources' Senate


def test_dc_written_either_way_is_one_place_and_a_bare_washington_stays_apart(analyse):
    """'D.C.' (24 real articles), 'Washington D.C.' and 'District of Columbia' were three places."""
    found = analyse("Voters in D.C. were angry. The mayor of the District of Columbia spoke in Washington on Monday.")
    places = {e.name: e.aliases for e in found.entities if e.type == "place"}
    assert "Washington" in places and not set(places["Washington"]) & {"D.C.", "District of Columbia"}
    [dc] = [name for name in places if name != "Washington"]
    assert {dc, *places[dc]} >= {"D.C.", "District of Columbia"}
    found = analyse("George Washington crossed the river. Washington later led the army.")
    assert {e.name: e.type for e in found.entities} == {"George Washington": "person"}
