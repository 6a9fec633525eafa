import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from briefing.nlp.marks import pair_marks


def inner_texts(text):
    return [text[s.inner[0] : s.inner[1]] for s in pair_marks(text)]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("“We restored pumping,” said Okafor. “It is fine.”", ["We restored pumping,", "It is fine."]),
        ('"Straight," she said, "and again."', ["Straight,", "and again."]),
        ("‘Single curly,’ he said, near the Authority’s gate.", ["Single curly,"]),
        ("«Nous sommes prêts», a dit la ministre.", ["Nous sommes prêts"]),
        ('“Curly open, straight close," she said.', ["Curly open, straight close,"]),
        ("The world' s response was ‘slow’.", ["slow"]),
        ("The workers’ union said ‘no deal’ today.", ["no deal"]),
        ("It rained in the '90s and nobody's fault.", []),
        (
            "“This quote opens here and carries on into the next paragraph",
            ["This quote opens here and carries on into the next paragraph"],
        ),
        ('He said "no', []),
        ("She called it “a “nested” problem” today.", ["a “nested” problem"]),
        ("“Mislead voters,’’ Moy said. “And again.”", ["Mislead voters,", "And again."]),
        ("They said “no’’ to a ‘review’’ today.", ["no", "review"]),
    ],
)
def test_pairs_marks_in_scraped_text(text, expected):
    assert inner_texts(text) == expected


MARKS = st.sampled_from(list("“”‘’«»\"' ab.,"))


@settings(max_examples=400, deadline=None)
@given(st.lists(MARKS, max_size=60).map("".join))
def test_pairing_never_fails_and_spans_are_ordered(text):
    spans = pair_marks(text)
    for span in spans:
        assert 0 <= span.open < span.close <= len(text)
    assert all(a.close <= b.open for a, b in zip(spans, spans[1:], strict=False))
