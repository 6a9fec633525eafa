"""The line that names a cited source in every export."""

import pytest

from briefing.export.citations import citation_text
from briefing.note_content import Citation


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Pumps back", "Pumps back. Meridian Wire, 2026-03-03. Reliability not graded."),
        ("Wasserman Schultz survives spirited primary.", "Wasserman Schultz survives spirited primary. Meridian"),
        ("Was firing Lewandowski the start of a reset?", "Was firing Lewandowski the start of a reset? Meridian"),
        (
            "Issa: Clinton\u2019s \u2018Honesty Is In Question.\u2019",
            "Issa: Clinton\u2019s \u2018Honesty Is In Question.\u2019 Meridian",
        ),
        (None, "(untitled source). Meridian"),
    ],
)
def test_a_headline_that_ends_a_sentence_gets_no_second_full_stop(title, expected):
    line = citation_text(Citation(1, title, "Meridian Wire", None, "2026-03-03", None))
    assert line.startswith(expected)
    assert ".." not in line and "?." not in line and "\u2019." not in line
