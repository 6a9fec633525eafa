import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.search.query import MAX_DEPTH, MAX_TERMS, parse


@pytest.mark.parametrize(
    "text, match",
    [
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
    ],
)
def test_language(text, match):
    query = parse(text)
    assert query.match == match
    assert not query.literal


@pytest.mark.parametrize(
    "text, field, value",
    [
        ("speaker:okafor water", "speaker", ["okafor"]),
        ('speaker:"Marta Okafor"', "speaker", ["Marta Okafor"]),
        ("status:disputed", "status", ["disputed"]),
        ("type:quotes", "type", ["quote"]),
        ("grade:AB", "grade", ["A", "B"]),
        ("outlet:courier", "outlet", ["courier"]),
        ("tag:figures", "tag", ["figures"]),
        ("entity:HWA", "entity", ["HWA"]),
        ("source:ministry", "source", ["ministry"]),
    ],
)
def test_field_filters(text, field, value):
    assert getattr(parse(text).filters, field) == value


def test_date_bounds_accept_partial_dates():
    filters = parse("from:2026-03 to:2026").filters
    assert (filters.date_from, filters.date_to) == ("2026-03-01", "2026-12-31")


@pytest.mark.parametrize(
    "text",
    [
        '"unbalanced',
        "AND",
        "a AND",
        "NOT x",
        "(a",
        "a )",
        "*",
        ":",
        "type:foo",
        "from:yesterday",
        "status:maybe",
        "OR",
        "C++ AND",
        "((",
        '""',
    ],
)
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


def _terms(match: str | None) -> int:
    return 0 if match is None else match.count('"') // 2


def test_many_terms_are_capped_with_a_one_line_explanation():
    query = parse(" OR ".join(f"word{i}" for i in range(2000)))
    assert not query.literal and _terms(query.match) == MAX_TERMS
    assert query.problem == f"only the first {MAX_TERMS} different terms were searched; 1,936 more were left out"


def test_repeated_terms_count_once():
    query = parse("(" + " OR ".join(["water", "Water", "outage"] * 1000) + ") ministry ministry -hoax -hoax")
    assert query.match == '("water" OR "outage") AND "ministry" NOT "hoax"' and query.problem is None


def test_a_cut_query_stays_well_formed_and_keeps_its_filters():
    words = " ".join(f"w{i}" for i in range(MAX_TERMS - 1))
    query = parse(f"type:quote {words} (a OR (b AND speaker:okafor NOT c))")
    assert not query.literal and query.match is not None and query.match.endswith('"w62" AND ("a")')
    assert query.filters.type == ["quote"] and query.filters.speaker == ["okafor"]


@pytest.mark.parametrize(
    "text",
    [
        "(" * 600 + "water" + ")" * 600,
        "(" * 600 + "water",
        "NOT " * 600 + "water outage",
        "-" * 5000 + "water outage",
        "water " + "NOT -" * 600 + "outage",
    ],
)
def test_deep_nesting_is_capped_not_an_error(text):
    query = parse(text)
    assert query.literal and query.problem == f"parentheses or NOTs nested more than {MAX_DEPTH} deep"
    assert query.match is not None and "water" in query.match


def test_a_literal_search_is_capped_and_deduplicated_too():
    query = parse('"' + " ".join(f"w{i}" for i in range(3000)) + " w1 w1")
    assert query.literal and _terms(query.match) == MAX_TERMS
    assert query.problem is not None and "\n" not in query.problem and "left out" in query.problem
