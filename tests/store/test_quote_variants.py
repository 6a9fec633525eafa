"""Quote variants read from the workspace: per speaker, across sources, computed on read."""

from briefing.store.edits import drop_quote, set_quote_speaker
from briefing.store.quote_variants import (
    list_all_variants,
    list_entity_variants,
    list_quote_variants,
    list_source_variants,
)
from briefing.store.sources import add_document
from briefing.store.workspace import utc_now
from tests.store.test_sources import make_doc

BACKENDS = ("sqlite", "postgresql")  # tests/conftest.py runs ``ws`` on both

SAID = "They were told 40,000 homes would be without water until Sunday."
REPORTED = "They were told 62,000 homes would be without water until Sunday."


def _source(ws, text, title, outlet):
    return add_document(ws, make_doc(text, title=title, outlet=outlet))[0]


def _entity(ws, name):
    return ws.insert("entities", {"name": name, "type": "person", "created_at": utc_now(), "origin": "analysis"})


def _quote(ws, source_id, text, speaker_id):
    start = ws.db.execute("SELECT instr(text, ?) - 1 FROM sources WHERE id = ?", [text, source_id]).fetchone()[0]
    record = {"source_id": source_id, "text": text, "start": start, "end": start + len(text), "speaker_id": speaker_id}
    return ws.insert("quotes", record)


def _workspace(ws):
    a = _source(ws, f"“{SAID}” Tenbrook said.", "Outage", "Meridian Wire")
    b = _source(ws, f"“{REPORTED}” Tenbrook said. “{SAID}” Okafor said.", "Outage figures", "")
    tenbrook, okafor = _entity(ws, "Hugo Tenbrook"), _entity(ws, "Marta Okafor")
    quotes = _quote(ws, a, SAID, tenbrook), _quote(ws, b, REPORTED, tenbrook), _quote(ws, b, SAID, okafor)
    return (a, b), (tenbrook, okafor), quotes


def test_an_entity_lists_its_variants_with_sources_and_differing_words(ws):
    (a, b), (tenbrook, okafor), (first, second, _) = _workspace(ws)
    [variant] = list_entity_variants(ws, tenbrook)
    assert (variant.first.quote_id, variant.second.quote_id) == (first, second)
    assert (variant.first.source, variant.second.source) == ("Meridian Wire", "Outage figures")
    assert variant.kinds == ("number",) and variant.description == "a number changed"
    assert [variant.second.text[s:e] for s, e in variant.second.spans] == ["62,000"]
    assert list_entity_variants(ws, okafor) == []  # the same words from another speaker are no variant


def test_a_quote_and_a_source_list_their_variants_facing_them(ws):
    (a, b), (tenbrook, _), (first, second, third) = _workspace(ws)
    [variant] = list_quote_variants(ws, second)
    assert variant.first.quote_id == second and variant.second.quote_id == first
    assert list_quote_variants(ws, third) == []
    assert list(list_source_variants(ws, b)) == [second]
    assert list_source_variants(ws, a)[first][0].second.quote_id == second
    assert sorted(list_all_variants(ws)) == [first, second]


def test_variants_follow_the_analysts_corrections(ws):
    _, (tenbrook, okafor), (first, second, third) = _workspace(ws)
    set_quote_speaker(ws, second, okafor)
    assert list_entity_variants(ws, tenbrook) == []
    assert [v.second.quote_id for v in list_quote_variants(ws, second)] == []  # same source as the other
    set_quote_speaker(ws, second, tenbrook)
    drop_quote(ws, first)
    assert list_entity_variants(ws, tenbrook) == []


def test_an_entitys_mentions_are_listed_by_name_form_with_ids(ws):
    from briefing.store.mentions import list_mentions

    source = _source(ws, "Jordan scored. Jordan closed its border. Michael Jordan smiled.", "Sport", "")
    jordan = _entity(ws, "Jordan")
    for start, text in ((0, "Jordan"), (15, "Jordan"), (41, "Michael Jordan")):
        ws.insert(
            "mentions",
            {"entity_id": jordan, "source_id": source, "start": start, "end": start + len(text), "text": text},
        )
    found = list_mentions(ws, jordan, context=8)
    assert [(m.text, m.start) for m in found] == [("Jordan", 0), ("Jordan", 15), ("Michael Jordan", 41)]
    assert found[0].source == "Sport" and found[0].context == "Jordan scored. Jordan"


def test_the_workspace_json_export_names_each_quotes_variants(ws):
    from briefing.export.workspace_json import workspace_document

    _, _, (first, second, third) = _workspace(ws)
    quotes = {q["id"]: q for q in workspace_document(ws)["quotes"]}
    assert quotes[first]["variants"] == [
        {"quote_id": second, "source_id": quotes[second]["source_id"], "differences": ["number"]}
    ]
    assert [v["quote_id"] for v in quotes[second]["variants"]] == [first]
    assert quotes[third]["variants"] == []
