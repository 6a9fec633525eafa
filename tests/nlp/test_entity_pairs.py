"""Two names joined by a hyphen ("the U.S.-Mexico border") are two names."""

import pytest

from briefing.nlp.entity_pairs import split_name_pairs
from briefing.nlp.mention import Mention


def _mention(text, form, kind="organisation"):
    start = text.index(form)
    return Mention(start, start + len(form), form, kind)


def test_two_countries_joined_by_a_hyphen_are_two_places(analyse):
    """'U.S.-Mexico' was an organisation of its own in 11 real articles."""
    analysis = analyse("Trump wants a wall along the U.S.-Mexico border. Mexico refused.")
    found = {e.name: e.type for e in analysis.entities}
    assert found.get("U.S.") == "place" and found.get("Mexico") == "place"
    assert "U.S.-Mexico" not in found


def test_two_surnames_of_people_named_in_full_are_two_people():
    text = "Barack Obama and Hillary Clinton met. The Obama-Clinton rift closed."
    mentions = [_mention(text, "Barack Obama", "person"), _mention(text, "Hillary Clinton", "person")]
    mentions.append(_mention(text, "Obama-Clinton"))
    split = split_name_pairs(mentions)
    assert [(m.text, m.type, text[m.start : m.end]) for m in split[2:]] == [
        ("Obama", "person", "Obama"),
        ("Clinton", "person", "Clinton"),
    ]


@pytest.mark.parametrize(
    "form",
    ["Hewlett-Packard", "Coca-Cola", "Miami-Dade", "Dodd-Frank", "African-American", "Asia-Pacific", "Israel-Arab"],
)
def test_a_name_written_with_a_hyphen_stays_whole(form):
    text = f"Senator Chris Dodd spoke of {form} on Monday."  # one surname of the pair is no proof
    mentions = [_mention(text, "Chris Dodd", "person"), _mention(text, form)]
    assert [m.text for m in split_name_pairs(mentions)] == ["Chris Dodd", form]
