from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.search.typos import distance, prefix_ranges


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
