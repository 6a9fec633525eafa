import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.search.query import parse


@pytest.mark.parametrize("text, match", [
    ("okafor", '"okafor"'),
    ("water outage", '"water" AND "outage"'),
    ('"boil-water notice"', '"boil water notice"'),
    ("ransom OR demand", '("ransom" OR "demand")'),
    ("ransom NOT hoax", '"ransom" NOT "hoax"'),
    ("-hoax ransom", '"ransom" NOT "hoax"'),
    ("outag*", '"outag"*'),
    ("(a OR b) AND c", '("a" OR "b") AND "c"'),
    ("e-mail", '"e mail"'),
    ("don't", '"don t"'),
    ("北京", '"北 京"'),
    ("", None),
])
def test_language(text, match):
    query = parse(text)
    assert query.match == match
    assert not query.literal


@pytest.mark.parametrize("text, field, value", [
    ("speaker:okafor water", "speaker", ["okafor"]),
    ('speaker:"Marta Okafor"', "speaker", ["Marta Okafor"]),
    ("status:disputed", "status", ["disputed"]),
    ("type:quotes", "type", ["quote"]),
    ("grade:AB", "grade", ["A", "B"]),
    ("outlet:courier", "outlet", ["courier"]),
    ("tag:figures", "tag", ["figures"]),
    ("entity:HWA", "entity", ["HWA"]),
    ("source:ministry", "source", ["ministry"]),
])
def test_field_filters(text, field, value):
    assert getattr(parse(text).filters, field) == value


def test_date_bounds_accept_partial_dates():
    filters = parse("from:2026-03 to:2026").filters
    assert (filters.date_from, filters.date_to) == ("2026-03-01", "2026-12-31")


@pytest.mark.parametrize("text", [
    '"unbalanced', "AND", "a AND", "NOT x", "(a", "a )", "*", ":", "type:foo", "from:yesterday",
    "status:maybe", "OR", "C++ AND", "((", '""',
])
def test_malformed_input_falls_back_to_a_literal_search(text):
    query = parse(text)
    assert query.literal and query.problem
    assert query.match is None or '"' in query.match


def test_a_field_without_a_value_is_just_a_word():
    assert parse("speaker:").match == '"speaker"'


@settings(max_examples=3000, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40))
def test_parse_never_raises(text):
    query = parse(text)
    assert query.match is None or query.match.count('"') % 2 == 0
