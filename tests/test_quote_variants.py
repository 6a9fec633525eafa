"""Quote variants: the same speaker's words reported differently by two sources."""

import pytest

from briefing.quote_variants import QuoteText, find_variants

BASE = "For four days residents were told there was no ransom. They were told 40,000 homes were affected."


def _pair(first: str, second: str, same_source: bool = False):
    quotes = [QuoteText(1, 1, first), QuoteText(2, 1 if same_source else 2, second)]
    return find_variants(quotes)


@pytest.mark.parametrize(
    "other, kinds, first_words, second_words",
    [
        (BASE.replace("40,000", "62,000"), ("number",), ["40,000"], ["62,000"]),
        (BASE.replace("forty", "x").replace("four days", "five days"), ("number",), ["four"], ["five"]),
        (BASE.replace("there was no ransom", "there was a ransom"), ("negation",), ["no"], ["a"]),
        ("We are not ruling anything out at this stage, he said", ("negation",), None, None),
        (
            "For four days residents were told there was no ransom. They were told homes were affected.",
            ("cut",),
            ["40,000"],
            [],
        ),
        (BASE.replace("residents", "people"), ("changed",), ["residents"], ["people"]),
        (BASE.replace("40,000", "62,000").replace("residents", "people"), ("number", "changed"), None, None),
    ],
)
def test_a_changed_quote_is_flagged_with_what_changed(other, kinds, first_words, second_words):
    first = BASE if "ruling" not in other else "We are ruling anything out at this stage, he said"
    found = _pair(first, other)
    assert len(found) == 1
    variant = found[0]
    assert variant.kinds == kinds
    if first_words is not None:
        assert [first[s:e] for s, e in variant.first_spans] == first_words
        assert [other[s:e] for s, e in variant.second_spans] == second_words


def test_dropped_not_and_n_t_count_as_negation():
    found = _pair("I am not going to pretend this is normal at all.", "I am going to pretend this is normal at all.")
    assert [v.kinds for v in found] == [("negation",)]
    found = _pair(
        "We don't expect the water back before Sunday night.", "We do expect the water back before Sunday night."
    )
    assert [v.kinds for v in found] == [("negation",)]


@pytest.mark.parametrize(
    "other",
    [
        BASE,
        BASE.upper(),
        "“" + BASE.replace(".", ",") + "”",
        "  ".join(BASE.split()),
        "They were told 40,000 homes were affected.",  # an excerpt: trimmed at its start
        "For four days residents were told there was no ransom.",  # trimmed at its end
    ],
)
def test_the_same_quotation_or_an_excerpt_is_not_a_variant(other):
    assert _pair(BASE, other) == []


def test_different_quotes_of_one_speaker_are_not_variants():
    assert _pair(BASE, "Water in Port Halden is being treated, tested and monitored around the clock.") == []
    assert _pair("within 72 hours", "within days") == []


def test_quotes_from_the_same_source_are_not_compared():
    assert _pair(BASE, BASE.replace("40,000", "62,000"), same_source=True) == []


def test_among_limits_the_pairs_to_those_quotes():
    quotes = [
        QuoteText(1, 1, BASE),
        QuoteText(2, 2, BASE.replace("40,000", "62,000")),
        QuoteText(3, 3, BASE.replace("no ransom", "a ransom")),
    ]
    assert {(v.first, v.second) for v in find_variants(quotes)} == {(1, 2), (1, 3), (2, 3)}
    assert {(v.first, v.second) for v in find_variants(quotes, among=[3])} == {(1, 3), (2, 3)}
    variant = find_variants(quotes, among=[3])[0]
    assert variant.other(3) == 1 and variant.describe() == "a negation added or dropped"


def test_a_source_finds_the_same_pairs_as_the_whole_speaker():
    # the second quote's four rarest words are all its own: it is found from the first one's side
    first = "We will publish what we find, including anything that reflects badly on us."
    second = "We said we would publish what we found, including anything that reflects badly on us. This too,"
    quotes = [QuoteText(1, 1, first), QuoteText(2, 2, second), QuoteText(3, 3, "Nothing else to add today.")]
    assert [(v.first, v.second) for v in find_variants(quotes)] == [(1, 2)]
    assert [(v.first, v.second) for v in find_variants(quotes, among=[2])] == [(1, 2)]
    assert [(v.first, v.second) for v in find_variants(quotes, among=[1])] == [(1, 2)]


def test_among_finds_exactly_the_pairs_the_whole_set_has_with_those_quotes():
    """Asking for a few quotes skips most of a speaker's others; it must never skip a pair."""
    import random

    rng = random.Random(7)
    vocabulary = [f"word{n}" for n in range(300)] + ["not", "40,000", "62,000"]
    base = [" ".join(rng.choices(vocabulary[:120], k=rng.randint(6, 16))) for _ in range(40)]
    quotes, next_id = [], 1
    for n, text in enumerate(base * 3):  # each text three times, edited, in other sources
        words = text.split()
        cut = rng.randrange(len(words))
        edited = " ".join(words[:cut] + [rng.choice(vocabulary)] + words[cut + rng.randint(0, 2) :])
        quotes.append(QuoteText(next_id, n % 17, edited if n >= len(base) else text))
        next_id += 1
    # a quote whose own rarest words are its alone finds nobody; the other finds it by theirs
    shared = "the harbour board said 40,000 homes would wait for the new pumps until spring"
    quotes.append(QuoteText(next_id, 90, f"zeta1 zeta2 zeta3 zeta4 {shared}"))
    quotes.append(QuoteText(next_id + 1, 91, shared.replace("40,000", "62,000")))
    every = find_variants(quotes)
    assert len(every) > 20  # the set has variants to lose
    assert (next_id, next_id + 1) in {(v.first, v.second) for v in every}
    for asked in ([1], [5, 9], list(range(30, 45)), [q.id for q in quotes if q.source_id == 3], [next_id]):
        wanted = {(v.first, v.second) for v in every if v.first in asked or v.second in asked}
        assert {(v.first, v.second) for v in find_variants(quotes, among=asked)} == wanted


def test_the_same_quotes_asked_again_are_not_compared_again(monkeypatch):
    """Each edit redraws the open source and entity page; a rename changes no quote, and the
    speaker's quotes were compared pair by pair again each time."""
    from briefing import quote_variants

    compared = []
    original = quote_variants.compare
    monkeypatch.setattr(quote_variants, "compare", lambda a, b: compared.append((a, b)) or original(a, b))
    quotes = [QuoteText(11, 1, BASE), QuoteText(12, 2, BASE.replace("40,000", "63,000"))]
    first = find_variants(quotes)
    assert compared and [(v.first, v.second) for v in first] == [(11, 12)]
    compared.clear()
    assert find_variants(list(quotes)) == first
    assert find_variants(quotes, among=[12]) == first  # another question: answered anew
    assert compared
    compared.clear()
    assert find_variants(quotes, among=[12]) == first
    assert compared == []
    changed = [quotes[0], QuoteText(12, 2, BASE.replace("no ransom", "a ransom"))]  # words changed: anew
    assert find_variants(changed)[0].kinds == ("negation",)
    assert compared
