"""The line that names a cited source in every export."""

import json

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


def test_two_versions_of_one_article_are_told_apart_in_the_source_list(ws):
    """A note citing an article and its newer version listed two identical sources."""
    from briefing.export.formats import render_briefing
    from briefing.store.briefings import add_item, create_briefing
    from briefing.store.sources import insert_document
    from tests.export.helpers import split_front_matter
    from tests.store.test_sources import make_doc

    with ws.transaction():
        first = insert_document(ws, make_doc("Pumps restarted at dawn.", title="Pumps back"), None)
        second = insert_document(ws, make_doc("Pumps restarted at noon.", title="Pumps back"), None, first, 2)
    note = create_briefing(ws, "Versions")
    add_item(ws, note, "passage", first, start=0, end=15)
    add_item(ws, note, "passage", second, start=0, end=15)
    body = split_front_matter(render_briefing(ws, note, "md").decode())[1]
    sources = body.split("## Sources\n\n")[1].strip().splitlines()
    assert len(sources) == 2 and sources[0] != sources[1]
    assert "Version 2 of the article." in sources[1] and "replaced" not in sources[1]
    # the older one says a newer version replaced it: a reader of the note knows it is not the latest
    assert "Version 1 of the article, since replaced by a newer version." in sources[0]
    cited = json.loads(render_briefing(ws, note, "json"))["citations"]
    assert [(c["source"]["version"], c["source"]["replaced_by_newer_version"]) for c in cited] == [
        (1, True),
        (2, False),
    ]
