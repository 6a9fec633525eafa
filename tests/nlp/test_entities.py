import re

from hypothesis import given
from hypothesis import strategies as st


def entity(analysis, name):
    return next(e for e in analysis.entities if e.name == name)


def test_surname_title_and_possessive_resolve_to_the_full_name(analyse):
    text = (
        "HWA chief executive Marta Okafor said the plant was safe. Okafor's team took samples every hour, Okafor added."
    )
    okafor = entity(analyse(text), "Marta Okafor")
    assert okafor.type == "person"
    assert len(okafor.mentions) == 3
    assert [text[s:e] for s, e in okafor.mentions] == ["Marta Okafor", "Okafor", "Okafor"]


def test_acronym_and_short_form_join_the_organisation(analyse):
    text = (
        "The Halden Water Authority (HWA) said the outage began on Sunday. "
        "HWA engineers worked overnight, and the Authority apologised."
    )
    hwa = entity(analyse(text), "Halden Water Authority")
    assert hwa.type == "organisation"
    assert set(hwa.aliases) >= {"HWA"}


def test_country_variants_are_one_place(analyse):
    text = "The United States raised tariffs on Monday. U.S. officials said the US would talk to Canada next week."
    usa = entity(analyse(text), "United States")
    assert usa.type == "place"
    assert {"U.S.", "US"} <= set(usa.aliases)


def test_company_words_fix_the_models_person_guess(analyse):
    text = "The Tidewater Collective claimed the attack, and Valkmoor Pharma N.V. recalled a syrup."
    found = {e.name: e.type for e in analyse(text).entities}
    assert found.get("Tidewater Collective") == "organisation"
    assert found.get("Valkmoor Pharma N.V.") == "organisation"


def test_hyphenated_and_particle_names_stay_whole(analyse):
    text = (
        "Olumide Adeyemi-Bakare said the count was fair, while the EU envoy, "
        "Maarten van den Heuvel, told journalists the talks would go on."
    )
    names = {e.name for e in analyse(text).entities if e.type == "person"}
    assert "Olumide Adeyemi-Bakare" in names
    assert "Maarten van den Heuvel" in names


def test_place_after_preposition(analyse):
    text = "Fires spread from Seferihisar to nearby villages, and hospitals in Dewsbury were full."
    places = {e.name for e in analyse(text).entities if e.type == "place"}
    assert {"Seferihisar", "Dewsbury"} <= places


@given(st.text(alphabet="ab -_é1X", max_size=30), st.text(alphabet="ab -_é1X", min_size=1, max_size=4))
def test_occurrences_match_the_whole_word_regex(text, form):
    from briefing.nlp.entity_extend import _occurrences

    expected = [m.span() for m in re.finditer(rf"(?<![\w-]){re.escape(form)}(?![\w-])", text)]
    assert list(_occurrences(text, form)) == expected
