"""bench.metadata_real's flags on made-up authors, outlets and titles."""

import pytest

from bench.metadata_real import flag_value


@pytest.mark.parametrize(
    ("kind", "value", "outlet", "flags"),
    [
        ("author", "Mira Okafor", None, []),
        ("author", "Mira Okafor and Tomas J. Lind", None, []),
        ("author", "Ann van der Berg", None, []),
        ("author", "Mira Okafor is a reporter", None, ["sentence"]),
        ("author", "Mira Okafor writes about ferries, harbours and the lighthouse", None, ["sentence", "not-people"]),
        ("author", "The harbour reopened in spring.", None, ["sentence"]),
        ("author", "Copyright 2026 Halden Courier", None, ["copyright"]),
        ("author", "© Halden Courier", None, ["copyright"]),
        ("author", "Admin", None, ["role"]),
        ("author", "Staff Writer", None, ["role"]),
        ("author", "Hcadmin", None, ["role"]),
        ("author", "March 12, 2026", None, ["date", "not-people"]),
        ("author", "mira@haldencourier.example", None, ["url"]),
        ("author", "https://haldencourier.example/mira", None, ["url"]),
        ("author", "The Interior; Defence ministries", None, ["not-people", "organisation"]),
        ("author", "Mira Okafor; Halden Press", None, ["not-people", "organisation"]),
        ("author", "Tomas Lind Associated", None, ["organisation"]),
        ("author", "Halden News", "Halden News", ["organisation", "outlet"]),
        ("author", "HNB", "HNB International", ["outlet"]),
        ("author", "Meridian Wire", "Halden Courier", ["organisation"]),
        ("outlet", "Halden Courier", None, []),
        ("outlet", "haldencourier.example", None, []),
        ("outlet", "Hosted", None, ["generic"]),
        ("outlet", "Copyright 2014", None, ["copyright"]),
        ("outlet", "2014", None, ["date"]),
        ("outlet", "Editor", None, ["role"]),
        ("outlet", "Haldenhub | Veldra's popular news platform", None, ["tagline"]),
        ("outlet", "Expert advice for harbour pilots", None, ["tagline"]),
        ("title", "Harbour authority approves ferry terminal on March 12", None, []),
        ("title", "March 12, 2026", None, ["date"]),
        ("title", "Home", None, ["generic"]),
        ("title", "Copyright 2026 Halden Courier", None, ["copyright"]),
        ("author", None, None, []),
        ("outlet", "  ", None, []),
    ],
)
def test_values_are_flagged_for_what_they_are(kind, value, outlet, flags):
    assert flag_value(kind, value, outlet) == flags
