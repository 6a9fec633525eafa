from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.search.typos import distance, one_edit_apart, prefix_ranges


@given(st.text(alphabet="abcde", max_size=8), st.text(alphabet="abcde", max_size=8), st.integers(0, 3))
@settings(max_examples=500, deadline=None)
def test_distance_is_a_capped_symmetric_edit_count(a, b, limit):
    d = distance(a, b, limit)
    assert d == distance(b, a, limit) and 0 <= d <= limit + 1
    assert (d == 0) == (a == b)
    assert d >= min(abs(len(a) - len(b)), limit + 1)


def test_distance_counts_a_swap_as_one_edit():
    assert distance("investgation", "investigation", 2) == 1
    assert distance("thier", "their", 1) == 1
    assert distance("neuman", "neumann", 1) == 1
    assert distance("water", "outage", 2) == 3


@given(st.text(alphabet="abcdefgh", min_size=3, max_size=10), st.integers(1, 2))
def test_the_ranges_hold_the_term_with_a_late_slip_and_with_an_early_swap(term, limit):
    ranges = prefix_ranges(term, limit)
    late = term + "z"
    swapped = term[1] + term[0] + term[2:]
    for candidate in (late, swapped):
        assert any(low < candidate < high for low, high in ranges), (candidate, ranges)


@given(st.text(alphabet="abcdefgh", min_size=3, max_size=10), st.integers(1, 2), st.integers(0, 3))
def test_the_ranges_hold_the_term_with_an_early_letter_doubled(term, limit, at):
    """The typed term lacks a letter of a double one: "imigr" for "immigr", "hilari" for "hillari"."""
    at = min(at, len(term) - 1)
    doubled = term[: at + 1] + term[at:]
    assert any(low < doubled < high for low, high in prefix_ranges(term, limit)), (doubled, term)


def _vocabulary(monkeypatch, rows: dict[str, int], forms: dict[str, dict[str, int]]) -> list[list[str]]:
    """Stand the index's vocabulary in for ``typos``: terms with their rows and written forms;
    returns the lists of terms whose forms were read."""
    from collections import Counter

    from briefing.search import typos

    asked: list[list[str]] = []
    monkeypatch.setattr(typos, "list_terms", lambda ws, ranges, keep: {t: n for t, n in rows.items() if keep(t)})

    def word_forms(ws, terms):
        asked.append(list(terms))
        return {term: Counter(forms[term]) for term in terms}

    monkeypatch.setattr(typos, "list_word_forms_of", word_forms)
    return asked


def test_a_term_in_fewer_rows_is_not_read_once_a_word_one_edit_away_is_found(monkeypatch):
    from briefing.search.typos import _closest

    asked = _vocabulary(
        monkeypatch,
        {"elect": 900, "elec": 40, "elet": 30},
        {"elect": {"elect": 5}, "elec": {"elec": 3}, "elet": {"elet": 9}},
    )
    assert _closest(None, "elecd") == "elect"
    assert asked == [["elect"]]


def test_a_term_in_fewer_rows_still_wins_when_its_word_is_nearer(monkeypatch):
    from briefing.search.typos import _closest

    # the term in most rows is written two edits away, one in fewer rows one edit away
    asked = _vocabulary(
        monkeypatch,
        {"parliament": 1000, "parlement": 20, "parlimen": 5},
        {"parliament": {"parliaments": 7}, "parlement": {"parlement": 1}, "parlimen": {"parlimens": 1}},
    )
    assert _closest(None, "parliment") == "parlement"
    assert asked == [["parliament"], ["parlement", "parlimen"]]


def test_a_term_in_fewer_rows_is_read_when_no_form_is_close_enough(monkeypatch):
    from briefing.search.typos import _closest

    asked = _vocabulary(monkeypatch, {"water": 1000, "rather": 20}, {"water": {"waters": 9}, "rather": {"rather": 1}})
    assert _closest(None, "wather") == "rather"
    assert asked == [["water"], ["rather"]]


def test_terms_in_as_many_rows_are_all_read(monkeypatch):
    from briefing.search.typos import _closest

    # rows counted up to a cap tie: the word's count among the forms decides
    asked = _vocabulary(
        monkeypatch,
        {"briefe": 1000, "brieft": 1000},
        {"briefe": {"briefe": 2}, "brieft": {"brieft": 6}},
    )
    assert _closest(None, "briefx") == "brieft"
    assert sorted(asked[0]) == ["briefe", "brieft"] and len(asked) == 1


@given(st.text(alphabet="abc", max_size=6), st.text(alphabet="abc", max_size=6))
@settings(max_examples=500, deadline=None)
def test_one_edit_apart_is_a_distance_of_one(a, b):
    assert one_edit_apart(a, b) == (distance(a, b, 1) == 1)
