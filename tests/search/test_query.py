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


@pytest.mark.parametrize(
    "text, problem",
    [
        ("*", "'*' has no letters or digits; nothing left to search for: the most recent items are listed"),
        ("from:2019-13 pumps", "from:2019-13 is not a date"),
        ("to:yesterday pumps", "to:yesterday: dates are written YYYY, YYYY-MM or YYYY-MM-DD"),
        ("from:2016-04-31 pumps", "from:2016-04-31 is not a date (that month has 30 days)"),
        ("speaker: pumps", "speaker: needs a value"),  # was searched as the word "speaker", silently
        ("(status:)", "status: needs a value"),
    ],
)
def test_the_problem_names_what_was_not_read(text, problem):
    assert parse(text).problem == problem


def test_a_field_without_a_value_is_just_a_word():
    assert parse("speaker:").match == '"speaker"'
    update = parse("Update: pumps")  # no field of ours: a word
    assert update.problem is None and update.match is not None and "update" in update.match.lower()


def test_a_month_bound_ends_on_the_month_s_last_day():
    assert parse("to:2016-02 pumps").filters.date_to == "2016-02-29"


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


@pytest.mark.parametrize(
    "text, match",
    [
        ('"water outage"~5', 'NEAR("water" "outage", 5)'),
        ('"water outage"~5 ransom', 'NEAR("water" "outage", 5) AND "ransom"'),
        ('ransom NOT "boil-water notice"~3', '"ransom" NOT NEAR("boil water" "notice", 3)'),
        ('"停電 発表"~3', 'NEAR("停 電" "発 表", 3)'),
        ('"water"~5', '"water"'),
        ('"a b"~999999', 'NEAR("a" "b", 1000)'),
    ],
)
def test_proximity(text, match):
    query = parse(text)
    assert query.match == match and not query.literal


def test_a_broken_proximity_query_is_searched_literally_without_its_distance():
    query = parse('"water outage"~5 "unbalanced')
    assert query.literal and query.match == '"water" AND "outage" AND "unbalanced"'


@given(
    st.lists(st.text(alphabet="abcé北 -'", min_size=1, max_size=8), min_size=1, max_size=4),
    st.integers(min_value=0, max_value=10**6),
)
@settings(max_examples=300, deadline=None)
def test_any_proximity_parses_to_near_or_falls_back(words, distance):
    query = parse('"' + " ".join(words) + f'"~{distance}')
    assert query.match is None or query.literal or query.match.startswith(("NEAR(", '"'))
    assert query.match is None or str(distance) not in query.match.replace(str(min(distance, 1000)), "", 1)


@pytest.mark.parametrize(
    "text, words",
    [
        ("neuman water", ["neuman", "water"]),
        ('"neuman" -water outag* speaker:neuman e-mail ab', []),
        ('Investgation NOT hoax (pumps OR "x y")', ["investgation", "pumps"]),
        ("北京 ransom2", []),
        ("Neuman's report", ["neuman", "report"]),
        ("neuman\u2019s", ["neuman"]),
        ("o'neuman ab's", []),
    ],
)
def test_only_bare_words_may_be_corrected(text, words):
    assert parse(text).words == words


def test_a_possessive_is_corrected_with_its_s_kept():
    query = parse("neuman\u2019s outage", {"neuman": "Neumann"})
    assert query.match == '"Neumann s" AND "outage"'


def test_corrections_replace_bare_words_only():
    query = parse('neuman "neuman" speaker:neuman -neuman water', {"neuman": "Neumann"})
    assert query.match == '"Neumann" AND "neuman" NOT "neuman" AND "water"'
    assert query.corrections == {"neuman": "Neumann"} and query.filters.speaker == ["neuman"]


@given(st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40), st.text(max_size=10))
@settings(max_examples=300, deadline=None)
def test_parse_with_corrections_never_raises(text, replacement):
    query = parse(text, {w: replacement or "x" for w in parse(text).words})
    assert query.match is None or isinstance(query.match, str)


def test_filters_are_kept_as_typed_for_messages():
    assert parse('speaker:"Marta Okafor" type:claim').filter_text == ['speaker:"Marta Okafor"', "type:claim"]


def test_a_group_that_starts_with_a_group_keeps_its_own_brackets():
    # "(a OR b) AND c" starts with a bracket without being one group: NOT must take all of it
    assert parse("x NOT ((a OR b) AND c)").match == '"x" NOT (("a" OR "b") AND "c")'
    assert parse("x NOT ((a))").match == '"x" NOT ("a")'


@pytest.mark.parametrize(
    "text, match",
    [
        ("\u201cbuild a wall\u201d", '"build a wall"'),
        ("\u201ebuild a wall\u201c", '"build a wall"'),
        ("\u00abbuild a wall\u00bb", '"build a wall"'),
        ("\u201cwater outage\u201d~5", 'NEAR("water" "outage", 5)'),
    ],
)
def test_typographic_quotes_make_a_phrase(text, match):
    query = parse(text)
    assert (query.match, query.literal) == (match, False)
    assert query.text == text  # shown and saved as typed


def test_typographic_quotes_around_a_speaker():
    assert parse("speaker:\u201cDonald Trump\u201d wall").filters.speaker == ["Donald Trump"]


def test_an_apostrophe_stays_inside_its_word():
    assert parse("Trump\u2019s").match == parse("Trump's").match == '"Trump s"'


@pytest.mark.parametrize(
    "text, field, values",
    [
        ("status:corroborated OR status:disputed", "status", ["corroborated", "disputed"]),
        ("wall type:quote OR type:claim", "type", ["quote", "claim"]),
        ("grade:A OR grade:B outage", "grade", ["A", "B"]),
        ("speaker:trump OR speaker:clinton", "speaker", ["trump", "clinton"]),
        ("source:latest OR source:brexit", "source", ["latest", "brexit"]),
        ("outlet:AP OR outlet:UPI", "outlet", ["AP", "UPI"]),
    ],
)
def test_or_between_filters_of_one_field_takes_either_value(text, field, values):
    query = parse(text)
    assert (getattr(query.filters, field), query.literal, query.problem) == (values, False, None)


@pytest.mark.parametrize("text", ["entity:trump OR entity:clinton", "status:disputed OR type:quote"])
def test_or_between_other_filters_says_why_it_is_not_read(text):
    query = parse(text)
    assert query.literal
    assert query.problem == (
        "OR cannot join filters, except two of the same speaker:, source:, outlet:, type:, status: or grade:"
    )


def test_or_between_words_and_filters_is_unchanged():
    assert parse("ransom OR hoax status:disputed").match == '("ransom" OR "hoax")'


def test_not_with_a_speaker_filter_is_read():
    query = parse("speaker:clinton -email NOT server")
    assert (query.match, query.literal) == ('NOT "email" NOT "server"', False)


def test_not_alone_leaves_its_words_out_of_every_item():
    query = parse("type:quote -email NOT (server OR hack)")
    assert (query.match, query.literal, query.problem) == (None, False, None)
    assert query.filters.without == ['"email"', '("server" OR "hack")']
