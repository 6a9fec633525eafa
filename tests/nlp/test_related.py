import pytest

from briefing.nlp.related import Passage, PassageIndex, relation

PASSAGES = [
    Passage(2, 0, 60, "Some 62,000 households lost running water, an internal report says."),
    Passage(2, 61, 120, "The mayor opened a new library in the harbour district."),
    Passage(3, 0, 70, "About 40,000 homes were left without safe tap water, the utility said."),
    Passage(3, 71, 140, "No ransom demand was received, the ministry said."),
    Passage(1, 0, 50, "The outage left 40,000 households without water."),
]


def test_related_passages_come_from_other_sources_ranked():
    found = PassageIndex(PASSAGES).related("The outage left 40,000 households without water.", exclude_source=1)
    assert [s.passage.source_id for s in found][:2] in ([2, 3], [3, 2])
    assert all(s.passage.source_id != 1 for s in found)
    assert "library" not in " ".join(s.passage.text for s in found)


@pytest.mark.parametrize("claim, passage, expected", [
    ("40,000 households were cut off.", "62,000 households were cut off.", "contradicts"),
    ("A ransom was demanded.", "No ransom demand was received.", "contradicts"),
    ("40,000 households were cut off.", "About 40,000 homes lost water.", "supports"),
    ("The outage began in 2026 at the plant.", "In 2026 the plant's outage began.", "supports"),
    ("Some 62,000 homes lost water.", "About 62k homes lost water.", "supports"),
    ("The bill was VLD 4.2 million.", "The bill came to VLD 4,200,000.", "supports"),
    ("The board approved the merger.", "The board turned down the merger.", "contradicts"),
])
def test_suggested_relation(claim, passage, expected):
    assert relation(claim, passage) == expected
