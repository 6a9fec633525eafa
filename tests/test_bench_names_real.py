"""The names screen marks what a reader should look at first."""

import pytest

from bench.names_real import suspicions


@pytest.mark.parametrize(
    "name, marks",
    [
        ("rang Taylor", ["lower word"]),  # a verb in front of the name
        ("42nd Street", []),  # an ordinal is no word in lower case
        ("state Department of Revenue Services", ["lower word"]),
        ("Lester Holt of NBC News", []),  # a connector: read, not marked
        ("bin Laden", []),
        ("pro-Clinton", []),
        ("Bill de Blasio", []),
        ("Donald Trump Invokes", ["headline word"]),
        ("CanberraWellington", ["run-together"]),
        ("twitter.com/jdoe", ["url"]),
    ],
)
def test_suspicions(name, marks):
    assert suspicions(name) == marks
