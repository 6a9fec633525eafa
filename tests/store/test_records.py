import pytest

from briefing.domain import BriefingError
from briefing.store.annotations import add_annotation, list_annotations_with_tags
from briefing.store.claims import add_claim, list_claims_with_evidence, mark_claim
from briefing.store.counts import count_rows
from briefing.store.entities import add_entity, add_mention, list_entities
from briefing.store.evidence import add_evidence
from briefing.store.history import history_for
from briefing.store.quotes import add_quote, list_quotes
from briefing.store.search_index import indexed
from briefing.store.sources import add_document, delete_source
from tests.store.test_sources import make_doc

BACKENDS = ("sqlite", "postgresql")  # tests/conftest.py runs ``ws`` on both

TEXT_A = "“We restored pumping at dawn,” said Mira Okafor. The outage hit 40,000 households."
TEXT_B = "Officials now say 62,000 households lost water, according to the ministry."


@pytest.fixture
def two_sources(ws):
    a, _ = add_document(ws, make_doc(TEXT_A, title="A"))
    b, _ = add_document(ws, make_doc(TEXT_B, title="B"))
    return a, b


def test_entities_quotes_and_mentions_round_trip(ws, two_sources):
    a, _ = two_sources
    okafor = add_entity(ws, "Mira Okafor", "person", aliases=("Okafor", "Mira Okafor", "Okafor"))
    start = TEXT_A.index("Mira")
    add_mention(ws, okafor, a, start, start + len("Mira Okafor"))
    add_quote(ws, a, 0, TEXT_A.index("”") + 1, speaker_id=okafor, speaker_text="Mira Okafor", cue="said")
    [entity] = list_entities(ws)
    assert entity["aliases"] == ["Okafor"]
    assert entity["mentions"] == [{"source_id": a, "start": start, "end": start + 11}]
    [quote] = list_quotes(ws)
    assert quote["speaker"] == "Mira Okafor" and quote["text"].startswith("“We restored")
    if indexed(ws):  # the search index is SQLite's until PostgreSQL search lands
        hits = ws.db.execute(
            "SELECT d.ref_id FROM search_fts JOIN search_docs d ON d.id = search_fts.rowid "
            "WHERE search_fts MATCH 'pumping' AND d.kind = 'quote'"
        ).fetchall()
        assert hits == [(quote["id"],)]


def test_ranges_outside_the_text_are_refused(ws, two_sources):
    a, _ = two_sources
    with pytest.raises(BriefingError, match="past the end of source"):
        add_claim(ws, a, 10, len(TEXT_A) + 5)
    assert count_rows(ws)["claims"] == 0


def test_evidence_links_claims_across_sources(ws, two_sources):
    a, b = two_sources
    claim = add_claim(ws, a, TEXT_A.index("The outage"), len(TEXT_A))
    add_evidence(ws, claim, b, 0, TEXT_B.index(","), "contradicts", note="later figure")
    with pytest.raises(BriefingError, match="another source"):
        add_evidence(ws, claim, a, 0, 5, "supports")
    with pytest.raises(BriefingError, match="related, supports, contradicts"):
        add_evidence(ws, claim, b, 0, 5, "maybe")
    [row] = list_claims_with_evidence(ws)
    assert row["status"] == "unreviewed"
    assert row["evidence"][0]["relation"] == "contradicts"
    assert row["evidence"][0]["passage"] == "Officials now say 62"


def test_mark_claim_records_history(ws, two_sources):
    a, _ = two_sources
    claim = add_claim(ws, a, 0, 10)
    mark_claim(ws, claim, "disputed", reason="ministry gives 62,000")
    mark_claim(ws, claim, "disputed")  # no change, no entry
    with pytest.raises(BriefingError, match="status"):
        mark_claim(ws, claim, "false")
    added, entry = history_for(ws, "claim", claim)
    assert (added.action, added.new_value) == ("add", "“We restored")  # snapped to whole words
    assert (entry.old_value, entry.new_value, entry.reason) == ("unreviewed", "disputed", "ministry gives 62,000")


def test_annotation_keeps_text_quote_and_position_selectors(ws, two_sources):
    a, _ = two_sources
    start = TEXT_A.index("40,000")
    add_annotation(ws, a, start, start + 6, note="check", tags=("figures", "figures", " "), context=8)
    [ann] = list_annotations_with_tags(ws)
    assert (ann["exact"], ann["prefix"], ann["suffix"]) == ("40,000", "age hit ", " househo")
    assert ann["tags"] == ["figures"]


def test_an_annotation_is_edited_and_comes_back_whole_after_its_deletion(ws, two_sources):
    from briefing.search.engine import search
    from briefing.store.annotations import delete_annotation, edit_annotation, get_annotation, restore_annotation

    a, _ = two_sources
    start = TEXT_A.index("40,000")
    note = add_annotation(ws, a, start, start + 6, note="check", tags=("figures",))
    edit_annotation(ws, note, "checked: confirmed", ("figures", "done"), reason="utility confirms")
    assert [(j.field, j.new_value) for j in history_for(ws, "annotation", note)] == [
        ("note", "checked: confirmed"),
        ("tags", "figures, done"),
    ]
    kept = get_annotation(ws, note)
    delete_annotation(ws, note)
    assert list_annotations_with_tags(ws) == []
    restore_annotation(ws, kept)
    [back] = list_annotations_with_tags(ws)
    assert (back["id"], back["note"], back["tags"], back["exact"]) == (
        note,
        "checked: confirmed",
        ["done", "figures"],
        "40,000",
    )
    assert search(ws, "confirmed type:note").page.total == 1  # searchable again


def test_deleting_a_source_cascades_and_cleans_quote_index(ws, two_sources):
    a, _ = two_sources
    add_quote(ws, a, 0, 10, speaker_text="Okafor")
    add_claim(ws, a, 0, 10)
    delete_source(ws, a)
    counts = count_rows(ws)
    assert (counts["sources"], counts["quotes"], counts["claims"]) == (1, 0, 0)
    if indexed(ws):  # the search index is SQLite's until PostgreSQL search lands
        assert ws.db.execute("SELECT count(*) FROM search_fts WHERE search_fts MATCH 'okafor'").fetchone()[0] == 0
    if indexed(ws):  # the search index is SQLite's until PostgreSQL search lands
        assert ws.db.execute("SELECT count(*) FROM search_docs WHERE source_id = ?", [a]).fetchone()[0] == 0


@pytest.mark.parametrize(
    "supports, contradicts, expected",
    [
        (0, 0, 3),
        (1, 0, 2),
        (2, 0, 1),
        (0, 1, 4),
        (0, 2, 5),
        (1, 1, 6),
        (2, 1, 2),
        (1, 2, 4),
    ],
)
def test_credibility_follows_from_evidence(supports, contradicts, expected):
    from briefing.store.evidence import credibility_from_evidence

    assert credibility_from_evidence(supports, contradicts) == expected


def test_evidence_sets_credibility_and_deleting_it_resets(ws, two_sources):
    from briefing.store.evidence import delete_evidence, list_evidence

    a, b = two_sources
    claim = add_claim(ws, a, 0, 10)
    evidence = add_evidence(ws, claim, b, 0, 9, "supports", note="same figure")
    assert list_claims_with_evidence(ws)[0]["credibility"] == 2
    assert list_evidence(ws, claim)[0]["note"] == "same figure"
    delete_evidence(ws, evidence, reason="wrong passage")
    assert list_claims_with_evidence(ws)[0]["credibility"] is None
    assert [(h.action, h.field, h.reason) for h in history_for(ws, "claim", claim)][1:] == [
        ("add_evidence", "supports", "same figure"),
        ("remove_evidence", "supports", "wrong passage"),
    ]


def test_a_claims_history_gathers_marks_evidence_and_suggestions(ws, two_sources):
    from briefing.store.claims import list_claim_history, mark_claim
    from briefing.store.evidence import delete_evidence
    from briefing.store.suggestions import dismiss_suggestion, list_suggestions, replace_suggestions

    a, b = two_sources
    claim = add_claim(ws, a, 0, 10)
    other = add_claim(ws, a, 11, 20)
    mark_claim(ws, claim, "disputed", "the ministry changed its figure")
    evidence = add_evidence(ws, claim, b, 0, 9, "contradicts")
    delete_evidence(ws, evidence, reason="wrong passage")
    replace_suggestions(ws, claim, [(b, 0, 9, 0.5, "supports")])
    dismiss_suggestion(ws, list_suggestions(ws, claim)[0]["id"], "not the same event")
    mark_claim(ws, other, "corroborated")
    assert [(h.action, h.reason) for h in list_claim_history(ws, claim)] == [
        ("add", None),
        ("mark", "the ministry changed its figure"),
        ("add_evidence", None),
        ("remove_evidence", "wrong passage"),
        ("dismiss", "not the same event"),
    ]
