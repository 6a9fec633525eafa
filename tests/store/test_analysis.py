import re
from datetime import datetime

import pytest

from briefing.domain import ANALYSIS_VERSION, Analysis, BriefingError, FoundClaim, FoundEntity, FoundQuote
from briefing.store.analysis import AnalysisRun, list_sentences, normalise_name, save_analysis
from briefing.store.claims import mark_claim
from briefing.store.edits import add_quote_by_analyst, rename_entity, set_quote_speaker
from briefing.store.entities import list_entities
from briefing.store.evidence import add_evidence
from briefing.store.history import history_for
from briefing.store.search_index import indexed
from briefing.store.sources import add_document, get_source, not_analysed_ids, update_source
from briefing.store.suggestions import confirm_suggestion, dismiss_suggestion, list_suggestions, replace_suggestions
from tests.store.test_sources import make_doc

BACKENDS = ("sqlite", "postgresql")  # tests/conftest.py runs ``ws`` on both

TEXT_A = (
    "Marta Okafor runs Lagos Water. “We restored pumping at dawn,” Okafor said. "
    "“The pumps are old,” an engineer said. The outage hit 40,000 households. "
    "Repairs cost $2 million. “Expect delays,” the utility warned."
)
TEXT_B = "Okafor said the U.S. had sent pumps. Officials in the US confirmed 40,000 households lost water."
SNAPSHOT_TABLES = (
    "sources",
    "entities",
    "entity_aliases",
    "mentions",
    "quotes",
    "claims",
    "evidence",
    "sentences",
    "rejections",
    "claim_suggestions",
    "history",
)


# -- helpers shared with test_edits: Analysis objects built by hand from the text --


def span(text, words, nth=0):
    start = -1
    for _ in range(nth + 1):
        start = text.index(words, start + 1)
    return start, start + len(words)


def found(key, text, name, type_, *aliases):
    """An entity mentioned wherever one of its forms stands as whole words (longest form wins)."""
    ranges: list[tuple[int, int]] = []
    for form in sorted({name, *aliases}, key=len, reverse=True):
        for match in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text):
            if not any(s <= match.start() and match.end() <= e for s, e in ranges):
                ranges.append(match.span())
    return FoundEntity(key, name, type_, tuple(aliases), tuple(sorted(ranges)))


def quoted(text, words, speaker=None, speaker_text=None, cue="said"):
    return FoundQuote(*span(text, words), speaker, speaker_text, cue)


def claim(text, words, kind="figure"):
    return FoundClaim(*span(text, words), kind)


def analysis(text, entities=(), quotes=(), claims=(), summary="A summary."):
    sentences = tuple(m.span() for m in re.finditer(r"[^.]+\.", text))
    return Analysis(tuple(entities), tuple(quotes), tuple(claims), sentences, summary)


def analysis_a(text=TEXT_A, **changes):
    fields = {
        "entities": [found(0, text, "Marta Okafor", "person", "Okafor"), found(1, text, "Lagos Water", "organisation")],
        "quotes": [
            quoted(text, "We restored pumping at dawn,", 0, "Okafor"),
            quoted(text, "The pumps are old,", None, "an engineer"),
        ],
        "claims": [claim(text, "The outage hit 40,000 households."), claim(text, "Repairs cost $2 million.", "money")],
    }
    return analysis(text, **(fields | changes))


def analysis_b(text=TEXT_B):
    entities = [found(0, text, "Okafor", "person"), found(1, text, "U.S.", "place", "US")]
    return analysis(text, entities, [], [claim(text, "Officials in the US confirmed 40,000 households lost water.")])


def add_source(ws, text, title="t"):
    return add_document(ws, make_doc(text, title=title))[0]


def rows(ws, sql, *params):
    return ws.db.execute(sql, params).fetchall()


def fts_quotes(ws, query):
    if not indexed(ws):
        return []  # no search index on PostgreSQL yet; its checks are skipped there
    sql = (
        "SELECT d.ref_id FROM search_fts JOIN search_docs d ON d.id = search_fts.rowid "
        "WHERE search_fts MATCH ? AND d.kind = 'quote'"
    )
    return sorted(r[0] for r in rows(ws, sql, query))


def assert_fts_in_sync(ws):
    # the index is internally consistent and holds exactly the stored quotes, claims and sources
    if not indexed(ws):
        return  # no search index on PostgreSQL yet
    ws.db.execute("INSERT INTO search_fts (search_fts) VALUES ('integrity-check')")
    for kind, table in (("quote", "quotes"), ("claim", "claims"), ("source", "sources")):
        in_index = rows(ws, "SELECT ref_id FROM search_docs WHERE kind = ? ORDER BY ref_id", kind)
        assert in_index == rows(ws, f"SELECT id FROM {table} ORDER BY id")
    assert rows(ws, "SELECT count(*) FROM search_docs") == rows(ws, "SELECT count(*) FROM search_fts")


def snapshot(ws):
    return {t: rows(ws, f"SELECT * FROM {t} ORDER BY 1, 2") for t in SNAPSHOT_TABLES}


def entity_named(ws, name):
    matches = [e for e in list_entities(ws) if e["name"] == name]
    assert len(matches) == 1, [e["name"] for e in list_entities(ws)]
    return matches[0]


# -- tests --


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("U.S.", "us"),
        ("US", "us"),
        ("The Ministry", "ministry"),
        ("Okafor's", "okafor"),
        ("Okafor’s", "okafor"),
        ("  José   Ruiz ", "jose ruiz"),
        ("ÉLYSÉE", "elysee"),
        ("The U.S.’s", "us"),
        ("Theresa May", "theresa may"),
        ("Martin O’Malley", "martin o'malley"),  # one outlet's apostrophe is another's
        ("Martin O'Malley", "martin o'malley"),
    ],
)
def test_normalise_name(name, expected):
    assert normalise_name(name) == expected


def test_save_analysis_stores_entities_quotes_claims_sentences_and_summary(ws):
    a = add_source(ws, TEXT_A)
    assert not_analysed_ids(ws) == [a]
    save_analysis(ws, a, analysis_a(summary="Pumping is back."))
    okafor = entity_named(ws, "Marta Okafor")
    assert (okafor["type"], okafor["aliases"]) == ("person", ["Okafor"])
    assert [TEXT_A[m["start"] : m["end"]] for m in okafor["mentions"]] == ["Marta Okafor", "Okafor"]
    [(speaker_id, speaker_text, cue)] = rows(
        ws, "SELECT speaker_id, speaker_text, cue FROM quotes WHERE text LIKE 'We%'"
    )
    assert (speaker_id, speaker_text, cue) == (okafor["id"], "Okafor", "said")
    assert rows(ws, "SELECT text, kind, status, origin FROM claims ORDER BY start") == [
        ("The outage hit 40,000 households.", "figure", "unreviewed", "analysis"),
        ("Repairs cost $2 million.", "money", "unreviewed", "analysis"),
    ]
    assert list_sentences(ws, a)[0] == span(TEXT_A, "Marta Okafor runs Lagos Water.")
    assert get_source(ws, a).summary == "Pumping is back."
    assert rows(ws, "SELECT analysis_version, analysed_at IS NOT NULL FROM sources") == [(ANALYSIS_VERSION, 1)]
    assert not_analysed_ids(ws) == []
    if indexed(ws):  # the search index is SQLite's until PostgreSQL search lands
        assert len(fts_quotes(ws, "dawn")) == 1
    assert_fts_in_sync(ws)


def test_sources_needing_analysis_lists_older_versions(ws):
    a, b = add_source(ws, TEXT_A, "a"), add_source(ws, TEXT_B, "b")
    save_analysis(ws, a, analysis_a())
    save_analysis(ws, b, analysis_b())
    ws.db.execute("UPDATE sources SET analysis_version = ? WHERE id = ?", [ANALYSIS_VERSION - 1, b])
    assert not_analysed_ids(ws) == [b]


@pytest.mark.parametrize("order", ["full name first", "surname first"])
def test_a_surname_links_to_the_full_name_in_another_source(ws, order):
    a, b = add_source(ws, TEXT_A, "a"), add_source(ws, TEXT_B, "b")
    steps = [(a, analysis_a()), (b, analysis_b())]
    for source_id, result in steps if order == "full name first" else steps[::-1]:
        save_analysis(ws, source_id, result)
    okafor = entity_named(ws, "Marta Okafor")
    assert okafor["aliases"] == ["Okafor"]
    assert {m["source_id"] for m in okafor["mentions"]} == {a, b}
    assert len([e for e in list_entities(ws) if e["type"] == "person"]) == 1


@pytest.mark.parametrize("texts", [("Marta Okafor spoke.", "Okafor left."), ("Okafor left.", "Marta Okafor spoke.")])
def test_a_lone_surname_and_a_full_name_link_without_aliases(ws, texts):
    for number, text in enumerate(texts):
        name = text.removesuffix(" spoke.").removesuffix(" left.")
        save_analysis(ws, add_source(ws, text, str(number)), analysis(text, [found(0, text, name, "person")]))
    [person] = list_entities(ws)
    assert (person["name"], person["aliases"], len(person["mentions"])) == ("Marta Okafor", ["Okafor"], 2)


def test_a_surname_shared_by_two_people_links_to_neither(ws):
    text = "Marta Okafor and James Okafor spoke."
    save_analysis(
        ws,
        add_source(ws, text, "a"),
        analysis(text, [found(0, text, "Marta Okafor", "person"), found(1, text, "James Okafor", "person")]),
    )
    save_analysis(ws, add_source(ws, TEXT_B, "b"), analysis_b())
    assert entity_named(ws, "Okafor")["mentions"][0]["start"] == 0
    assert entity_named(ws, "Marta Okafor")["aliases"] == []


def test_country_forms_become_one_entity_with_aliases(ws):
    texts = ["The United States sent pumps.", "The United States, or U.S., denied it.", "US officials agreed."]
    forms = [("United States",), ("United States", "U.S."), ("US",)]
    for number, (text, names) in enumerate(zip(texts, forms, strict=True)):
        save_analysis(
            ws, add_source(ws, text, str(number)), analysis(text, [found(0, text, names[0], "place", *names[1:])])
        )
    [country] = list_entities(ws)
    assert (country["name"], country["aliases"]) == ("United States", ["U.S."])
    assert len(country["mentions"]) == 4


def test_types_must_agree_to_link(ws):
    texts = ["Jordan scored twice.", "Jordan closed its border."]
    for number, (text, type_) in enumerate(zip(texts, ["person", "place"], strict=True)):
        save_analysis(ws, add_source(ws, text, str(number)), analysis(text, [found(0, text, "Jordan", type_)]))
    assert sorted(e["type"] for e in list_entities(ws)) == ["person", "place"]


def test_reanalysis_replaces_machine_output(ws):
    a = add_source(ws, TEXT_A)
    save_analysis(ws, a, analysis_a(entities=[*analysis_a().entities, found(2, TEXT_A, "Lagos", "place")]))
    old_quotes = fts_quotes(ws, "pumps")
    second = analysis_a(
        quotes=[quoted(TEXT_A, "Expect delays,", 1, "the utility", "warned")],
        claims=[claim(TEXT_A, "Repairs cost $2 million.", "money")],
    )
    save_analysis(ws, a, second)
    if indexed(ws):  # the search index is SQLite's until PostgreSQL search lands
        assert old_quotes and fts_quotes(ws, "pumps") == []
    if indexed(ws):  # the search index is SQLite's until PostgreSQL search lands
        assert fts_quotes(ws, "delays") == [r[0] for r in rows(ws, "SELECT id FROM quotes")]
    assert rows(ws, "SELECT text FROM claims") == [("Repairs cost $2 million.",)]
    assert [e["name"] for e in list_entities(ws)] == ["Marta Okafor", "Lagos Water"]  # "Lagos" was left over
    assert rows(ws, "SELECT count(*) FROM mentions") == [(3,)]
    assert len(list_sentences(ws, a)) == len(second.sentences)
    assert_fts_in_sync(ws)


def test_reanalysis_keeps_the_analysts_work(ws):
    a, b = add_source(ws, TEXT_A, "a"), add_source(ws, TEXT_B, "b")
    save_analysis(ws, a, analysis_a())
    lagos = entity_named(ws, "Lagos Water")["id"]
    pumping, _ = (r[0] for r in rows(ws, "SELECT id FROM quotes ORDER BY start"))
    set_quote_speaker(ws, pumping, lagos)
    delays = add_quote_by_analyst(ws, a, *span(TEXT_A, "Expect delays,"), speaker_id=lagos)
    outage, repairs = (r[0] for r in rows(ws, "SELECT id FROM claims ORDER BY start"))
    mark_claim(ws, outage, "corroborated")
    add_evidence(ws, repairs, b, *span(TEXT_B, "Okafor said"), "supports")
    ws.db.execute(
        'INSERT INTO mentions (entity_id, source_id, start, "end", text, origin) '
        "VALUES (?, ?, ?, ?, 'utility', 'analyst')",
        [lagos, a, *span(TEXT_A, "utility")],
    )
    again = analysis_a(
        entities=[found(0, TEXT_A, "Lagos Water", "organisation", "utility")],
        quotes=[
            quoted(TEXT_A, "We restored pumping at dawn,", None, "Okafor"),
            quoted(TEXT_A, "Expect delays", None, "the utility", "warned"),
        ],
        claims=[claim(TEXT_A, "The outage hit 40,000 households."), claim(TEXT_A, "Repairs cost $2 million.")],
    )
    save_analysis(ws, a, again)
    assert rows(ws, "SELECT id, speaker_id, origin FROM quotes ORDER BY start") == [
        (pumping, lagos, "analysis"),
        (delays, lagos, "analyst"),
    ]
    assert rows(ws, "SELECT id, status FROM claims ORDER BY start") == [
        (outage, "corroborated"),
        (repairs, "unreviewed"),
    ]
    assert rows(ws, "SELECT count(*) FROM evidence") == [(1,)]
    assert rows(ws, "SELECT entity_id, origin FROM mentions WHERE text = 'utility'") == [(lagos, "analyst")]
    assert_fts_in_sync(ws)


def test_analyst_summary_survives_reanalysis(ws):
    a = add_source(ws, TEXT_A)
    save_analysis(ws, a, analysis_a(summary="first"))
    save_analysis(ws, a, analysis_a(summary="second"))
    assert get_source(ws, a).summary == "second"
    update_source(ws, a, summary="The analyst's own words.")
    save_analysis(ws, a, analysis_a(summary="third"))
    assert get_source(ws, a).summary == "The analyst's own words."


@pytest.mark.parametrize(
    "broken",
    [
        {"entities": [FoundEntity(0, "Okafor", "person", (), ((0, 10_000),))]},
        {"entities": [FoundEntity(0, "Okafor", "ministry", (), ((0, 5),))]},
        {"quotes": [FoundQuote(5, 2, None, None, None)]},
        {"claims": [FoundClaim(-1, 4, "figure")]},
    ],
    ids=["mention outside", "unknown type", "empty quote", "negative claim"],
)
def test_a_broken_analysis_writes_nothing(ws, broken):
    a = add_source(ws, TEXT_A)
    save_analysis(ws, a, analysis_a())
    before = snapshot(ws)
    with pytest.raises(BriefingError):
        save_analysis(ws, a, analysis_a(summary="changed", **broken))
    assert snapshot(ws) == before
    assert_fts_in_sync(ws)


def test_save_analysis_of_a_missing_source_fails(ws):
    with pytest.raises(BriefingError, match="source 7 does not exist"):
        save_analysis(ws, 7, analysis("x"))


# -- evidence suggestions --


@pytest.fixture
def claim_and_other(ws):
    a, b = add_source(ws, TEXT_A, "a"), add_source(ws, TEXT_B, "b")
    save_analysis(ws, a, analysis_a())
    return rows(ws, "SELECT id FROM claims ORDER BY start")[0][0], a, b


def test_suggestions_are_listed_best_first_with_their_passage(ws, claim_and_other):
    claim_id, _, b = claim_and_other
    replace_suggestions(
        ws,
        claim_id,
        [
            (b, *span(TEXT_B, "Okafor said"), 0.2, "supports"),
            (b, *span(TEXT_B, "40,000 households lost water"), 0.9, "supports"),
        ],
    )
    listed = list_suggestions(ws, claim_id)
    assert [(s["passage"], s["score"], s["state"]) for s in listed] == [
        ("40,000 households lost water", 0.9, "open"),
        ("Okafor said", 0.2, "open"),
    ]


def test_decided_suggestions_stay_and_dismissed_ones_do_not_return(ws, claim_and_other):
    claim_id, _, b = claim_and_other
    first, second, third = (span(TEXT_B, w) for w in ("Okafor said", "40,000 households", "Officials"))
    replace_suggestions(
        ws, claim_id, [(b, *first, 0.5, "supports"), (b, *second, 0.9, "supports"), (b, *third, 0.1, "contradicts")]
    )
    best, middle, _ = list_suggestions(ws, claim_id)
    evidence_id = confirm_suggestion(ws, best["id"], note="same figure")
    dismiss_suggestion(ws, middle["id"], reason="not about the outage")
    replace_suggestions(ws, claim_id, [(b, *first, 0.99, "supports"), (b, *span(TEXT_B, "US"), 0.3, "supports")])
    assert [(s["passage"], s["state"]) for s in list_suggestions(ws, claim_id)] == [
        ("40,000 households", "confirmed"),
        ("Okafor said", "dismissed"),
        ("US", "open"),
    ]
    assert rows(ws, "SELECT id, relation, note FROM evidence") == [(evidence_id, "supports", "same figure")]
    assert [(j.action, j.new_value, j.reason) for j in history_for(ws, "suggestion", best["id"])] == [
        ("confirm", "confirmed", "same figure")
    ]
    assert [(j.action, j.reason) for j in history_for(ws, "suggestion", middle["id"])] == [
        ("dismiss", "not about the outage")
    ]


def test_reopening_a_confirmed_suggestion_unlinks_its_passage_whatever_its_evidence_id(ws, claim_and_other):
    from briefing.store.evidence import add_evidence, delete_evidence
    from briefing.store.suggestions import reopen_suggestion

    claim_id, _, b = claim_and_other
    replace_suggestions(ws, claim_id, [(b, *span(TEXT_B, "40,000 households"), 0.9, "supports")])
    [suggestion] = list_suggestions(ws, claim_id)
    evidence_id = confirm_suggestion(ws, suggestion["id"])
    add_evidence(ws, claim_id, b, *span(TEXT_B, "Okafor said"), "contradicts")  # another, kept
    reopened = delete_evidence(ws, evidence_id)  # removed and linked again by an undo: a new id
    add_evidence(ws, claim_id, b, *span(TEXT_B, "40,000 households"), "supports", confirms=reopened)
    reopen_suggestion(ws, suggestion["id"])
    assert rows(ws, "SELECT passage FROM evidence") == [("Okafor said",)]
    assert list_suggestions(ws, claim_id)[0]["state"] == "open"


def test_removing_evidence_of_a_confirmed_suggestion_suggests_its_passage_again(ws, claim_and_other):
    from briefing.store.evidence import delete_evidence

    claim_id, _, b = claim_and_other
    passage = span(TEXT_B, "40,000 households")
    replace_suggestions(ws, claim_id, [(b, *passage, 0.9, "related")])
    [suggestion] = list_suggestions(ws, claim_id)
    evidence_id = confirm_suggestion(ws, suggestion["id"])  # meant supports: remove it, attach again
    assert delete_evidence(ws, evidence_id, reason="wrong relation") == [suggestion["id"]]
    [again] = list_suggestions(ws, claim_id)
    assert (again["id"], again["state"], again["start"], again["end"]) == (suggestion["id"], "open", *passage)
    assert [(j.action, j.new_value) for j in history_for(ws, "suggestion", suggestion["id"])] == [
        ("confirm", "confirmed"),
        ("reopen", "open"),
    ]
    # the undo of the removal links it again and confirms the same suggestion again
    add_evidence(ws, claim_id, b, *passage, "related", confirms=[suggestion["id"]])
    assert [s["state"] for s in list_suggestions(ws, claim_id)] == ["confirmed"]
    assert rows(ws, "SELECT relation FROM evidence") == [("related",)]


def test_removing_evidence_linked_by_hand_reopens_no_dismissed_suggestion(ws, claim_and_other):
    from briefing.store.evidence import delete_evidence

    claim_id, _, b = claim_and_other
    passage = span(TEXT_B, "40,000 households")
    replace_suggestions(ws, claim_id, [(b, *passage, 0.9, "related")])
    dismiss_suggestion(ws, list_suggestions(ws, claim_id)[0]["id"])
    evidence_id = add_evidence(ws, claim_id, b, *passage, "supports")
    assert delete_evidence(ws, evidence_id) == []
    assert [s["state"] for s in list_suggestions(ws, claim_id)] == ["dismissed"]


def test_removing_evidence_attached_with_another_relation_than_suggested_suggests_it_again(ws, claim_and_other):
    from briefing.store.evidence import attached_reason, delete_evidence

    claim_id, _, b = claim_and_other
    passage = span(TEXT_B, "40,000 households")
    replace_suggestions(ws, claim_id, [(b, *passage, 0.9, "related")])
    [suggestion] = list_suggestions(ws, claim_id)
    with ws.transaction():  # Attach as: Supports on a passage suggested as related (ui.evidence_commands)
        evidence_id = add_evidence(ws, claim_id, b, *passage, "supports")
        dismiss_suggestion(ws, suggestion["id"], attached_reason("supports", "related"))
    assert delete_evidence(ws, evidence_id, reason="wrong passage") == [suggestion["id"]]
    [again] = list_suggestions(ws, claim_id)
    assert (again["id"], again["state"], again["relation"]) == (suggestion["id"], "open", "related")
    closed = ("dismiss", "dismissed", "attached as supports evidence; suggested as related")
    assert [(j.action, j.new_value, j.reason) for j in history_for(ws, "suggestion", suggestion["id"])] == [
        closed,
        ("reopen", "open", "its evidence was removed"),
    ]
    # the undo of the removal links it again and closes the same suggestion again, saying why as before
    add_evidence(ws, claim_id, b, *passage, "supports", confirms=[suggestion["id"]])
    assert [s["state"] for s in list_suggestions(ws, claim_id)] == ["dismissed"]
    assert [(j.action, j.new_value, j.reason) for j in history_for(ws, "suggestion", suggestion["id"])][-1] == closed
    [evidence_id] = [row[0] for row in rows(ws, "SELECT id FROM evidence")]
    assert delete_evidence(ws, evidence_id) == [suggestion["id"]]  # and the redo opens it again


def test_changing_evidence_sets_its_relation_and_note_and_works_out_credibility_again(ws, claim_and_other):
    from briefing.store.claims import list_claim_history
    from briefing.store.evidence import change_evidence, delete_evidence
    from briefing.store.revisions import StaleWrite, get_revision

    claim_id, _, b = claim_and_other
    evidence_id = add_evidence(ws, claim_id, b, *span(TEXT_B, "40,000 households"), "related", "first")
    assert rows(ws, "SELECT credibility FROM claims WHERE id = ?", claim_id) == [(None,)]
    seen = get_revision(ws, "claim", claim_id).number
    change_evidence(ws, evidence_id, "supports", "line one\nline two", expected=seen)
    assert rows(ws, "SELECT relation, note FROM evidence") == [("supports", "line one\nline two")]
    assert rows(ws, "SELECT credibility FROM claims WHERE id = ?", claim_id) == [(2,)]
    changes = [(j.action, j.old_value, j.new_value) for j in list_claim_history(ws, claim_id)][-2:]
    assert changes == [("relate_evidence", "related", "supports"), ("note_evidence", "first", "line one\nline two")]
    with pytest.raises(StaleWrite):  # a view of the claim from before the change: nothing written
        change_evidence(ws, evidence_id, "contradicts", None, expected=seen)
    with pytest.raises(BriefingError, match="relation: must be one of"):
        change_evidence(ws, evidence_id, "maybe", None)
    assert rows(ws, "SELECT relation, note FROM evidence") == [("supports", "line one\nline two")]
    delete_evidence(ws, evidence_id)  # who removed it, naming its passage: the analyst never sees its number
    with pytest.raises(BriefingError, match="^the evidence passage “40,000 households” was already removed by "):
        change_evidence(ws, evidence_id, "contradicts", None)


def test_a_change_to_evidence_removed_names_its_passage_with_its_own_quotation_marks_once(ws, claim_and_other):
    from briefing.store.claims import add_claim
    from briefing.store.evidence import change_evidence, delete_evidence

    _, a, b = claim_and_other
    claim_id = add_claim(ws, b, *span(TEXT_B, "Officials in the US confirmed 40,000 households lost water."))
    evidence_id = add_evidence(ws, claim_id, a, *span(TEXT_A, "“We restored pumping at dawn,” Okafor said."), "related")
    delete_evidence(ws, evidence_id)
    with pytest.raises(BriefingError, match="^the evidence passage “We restored pumping at dawn,” Okafor said. was"):
        change_evidence(ws, evidence_id, "supports", None)


def test_a_passage_linked_by_hand_is_no_longer_suggested_nor_linked_twice(ws, claim_and_other):
    from briefing.store.claims import list_claim_rows
    from briefing.store.evidence import delete_evidence

    claim_id, a, b = claim_and_other
    passage, other = span(TEXT_B, "40,000 households"), span(TEXT_B, "Okafor said")
    replace_suggestions(ws, claim_id, [(b, *passage, 0.9, "supports"), (b, *other, 0.5, "related")])
    evidence_id = add_evidence(ws, claim_id, b, *passage, "supports")  # pinned, selected, attached
    assert [s["passage"] for s in list_suggestions(ws, claim_id)] == ["Okafor said"]
    row = next(r for r in list_claim_rows(ws, a) if r.id == claim_id)
    assert (row.evidence, row.open_suggestions) == (1, 1)
    with pytest.raises(BriefingError, match="already supports evidence"):
        add_evidence(ws, claim_id, b, *passage, "contradicts")
    assert rows(ws, "SELECT count(*) FROM evidence") == [(1,)]
    delete_evidence(ws, evidence_id)  # unlinked again: suggested again
    assert [s["passage"] for s in list_suggestions(ws, claim_id)] == ["40,000 households", "Okafor said"]


def test_reanalysis_drops_open_suggestions_but_keeps_claims_with_decided_ones(ws, claim_and_other):
    claim_id, a, b = claim_and_other
    repairs = rows(ws, "SELECT id FROM claims ORDER BY start")[1][0]
    replace_suggestions(ws, claim_id, [(b, *span(TEXT_B, "Officials"), 0.4, "supports")])
    replace_suggestions(ws, repairs, [(b, *span(TEXT_B, "US"), 0.4, "supports")])
    dismiss_suggestion(ws, list_suggestions(ws, repairs)[0]["id"])
    save_analysis(ws, a, analysis_a(claims=[]))
    assert rows(ws, "SELECT id FROM claims") == [(repairs,)]
    assert [s["state"] for s in list_suggestions(ws, repairs)] == ["dismissed"]


@pytest.mark.parametrize(
    ("make_call", "message"),
    [
        (lambda c, a, b: (replace_suggestions, 999, [(b, 0, 6, 0.5, "supports")]), "claim 999 does not exist"),
        (lambda c, a, b: (replace_suggestions, c, [(a, 0, 6, 0.5, "supports")]), "another source"),
        (lambda c, a, b: (replace_suggestions, c, [(b, 0, 6, 0.5, "agrees")]), "relation"),
        (
            lambda c, a, b: (replace_suggestions, c, [(b, 0, 6, 0.5, "supports"), (b, 0, 999, 0.1, "supports")]),
            "past the end of source",
        ),
        (lambda c, a, b: (confirm_suggestion, 999), "suggestion 999 does not exist"),
        (lambda c, a, b: (dismiss_suggestion, 999), "suggestion 999 does not exist"),
    ],
)
def test_bad_suggestion_calls_raise_and_change_nothing(ws, claim_and_other, make_call, message):
    claim_id, a, b = claim_and_other
    replace_suggestions(ws, claim_id, [(b, 7, 11, 0.3, "supports")])
    before = snapshot(ws)
    function, *args = make_call(claim_id, a, b)
    with pytest.raises(BriefingError, match=message):
        function(ws, *args)
    assert snapshot(ws) == before


def test_a_suggestion_is_confirmed_once(ws, claim_and_other):
    claim_id, _, b = claim_and_other
    replace_suggestions(ws, claim_id, [(b, 7, 11, 0.3, "supports")])
    [suggestion] = list_suggestions(ws, claim_id)
    confirm_suggestion(ws, suggestion["id"])
    with pytest.raises(BriefingError, match="already confirmed"):
        confirm_suggestion(ws, suggestion["id"])
    assert rows(ws, "SELECT count(*) FROM evidence") == [(1,)]


# -- one AnalysisRun keeps entities in memory across sources, and notices when it must not --


def test_a_run_links_across_sources_like_separate_saves(ws):
    run = AnalysisRun()
    a, b = add_source(ws, TEXT_A, "a"), add_source(ws, TEXT_B, "b")
    save_analysis(ws, a, analysis_a(), run)
    save_analysis(ws, b, analysis_b(), run)
    okafor = [e for e in list_entities(ws) if e["name"] == "Marta Okafor"]
    assert len(okafor) == 1 and {m["source_id"] for m in okafor[0]["mentions"]} == {a, b}


def test_one_person_written_with_either_apostrophe_is_one_entity(ws):
    """'Martin O’Malley' (two sources) and 'Martin O'Malley' (a third) were two people."""
    run = AnalysisRun()
    ids = []
    for n, name in enumerate(("Martin O’Malley", "Martin O'Malley")):
        text = f"{name} spoke in Des Moines on Monday."
        source = add_source(ws, text, f"s{n}")
        save_analysis(ws, source, analysis(text, [found(0, text, name, "person")]), run)
        ids.append(source)
    people = [e for e in list_entities(ws) if "Malley" in e["name"]]
    assert len(people) == 1 and {m["source_id"] for m in people[0]["mentions"]} == set(ids)


def test_a_run_rereads_entities_another_connection_changed(ws_file):
    from briefing.store import open_workspace
    from briefing.store.edits import merge_entities

    board = "Lagos Water Board met on Monday."
    with open_workspace(ws_file) as ws, open_workspace(ws_file) as other:
        run = AnalysisRun()
        a, c, d = add_source(ws, TEXT_A, "a"), add_source(ws, board, "c"), add_source(ws, board + " Again.", "d")
        save_analysis(ws, a, analysis_a(), run)
        save_analysis(ws, c, analysis(board, [found(0, board, "Lagos Water Board", "organisation")]), run)
        ids = {e["name"]: e["id"] for e in list_entities(other)}
        # the analyst merges the board into the utility in the app while the run goes on
        merge_entities(other, ids["Lagos Water"], [ids["Lagos Water Board"]])
        # a stale cache would link the board's name to the merged-away id
        save_analysis(ws, d, analysis(board + " Again.", [found(0, board, "Lagos Water Board", "organisation")]), run)
        entities = {e["name"]: {m["source_id"] for m in e["mentions"]} for e in list_entities(ws)}
        assert entities["Lagos Water"] == {a, c, d}
        assert "Lagos Water Board" not in entities


def test_a_failed_save_drops_the_runs_cache(ws):
    run = AnalysisRun()
    a, b = add_source(ws, TEXT_A, "a"), add_source(ws, TEXT_B, "b")
    good = analysis_b()
    extra = FoundEntity(9, "New Person", "person", (), ((0, 999),))
    bad = Analysis((*good.entities, extra), good.quotes, good.claims, good.sentences, good.summary)
    with pytest.raises(BriefingError):
        save_analysis(ws, b, bad, run)  # the range is outside the text: rolled back
    save_analysis(ws, a, analysis_a(), run)
    assert "New Person" not in {e["name"] for e in list_entities(ws)}
    assert {e["name"] for e in list_entities(ws)} == {"Marta Okafor", "Lagos Water"}


def test_an_entity_is_named_by_the_form_most_sources_use(ws):
    """One headline's "Hammering Hillary Clinton" came first; three sources say "Hillary
    Clinton" and call her "Clinton" after: the name follows the sources, not the first one."""
    first = "Hammering Hillary Clinton, the rally went on. Clinton's aides said nothing."
    save_analysis(
        ws,
        add_source(ws, first, "a"),
        analysis(first, [found(0, first, "Hammering Hillary Clinton", "person", "Clinton")]),
    )
    assert [e["name"] for e in list_entities(ws)] == ["Hammering Hillary Clinton"]
    for n in range(3):
        text = f"Hillary Clinton spoke in town {n}. Clinton said the plan works. “Yes,” said Clinton."
        save_analysis(
            ws,
            add_source(ws, text, f"b{n}"),
            analysis(
                text, [found(0, text, "Hillary Clinton", "person", "Clinton")], [quoted(text, "Yes,", 0, "Clinton")]
            ),
        )
    (entity,) = list_entities(ws)
    assert entity["name"] == "Hillary Clinton"  # a surname alone never becomes the name
    assert {"Hammering Hillary Clinton", "Clinton"} <= set(entity["aliases"])
    assert_fts_in_sync(ws)


def test_a_tie_keeps_the_name_and_an_analyst_name_is_never_replaced(ws):
    texts = ["Lagos Water Corp. cut supply.", "Lagos Water cut supply again.", "Lagos Water said sorry."]
    ids = [add_source(ws, text, f"s{n}") for n, text in enumerate(texts)]
    save_analysis(ws, ids[0], analysis(texts[0], [found(0, texts[0], "Lagos Water Corp", "organisation")]))
    save_analysis(
        ws, ids[1], analysis(texts[1], [found(0, texts[1], "Lagos Water", "organisation", "Lagos Water Corp")])
    )
    assert [e["name"] for e in list_entities(ws)] == ["Lagos Water Corp"]  # one source each: a tie
    rename_entity(ws, list_entities(ws)[0]["id"], "Lagos Water Corporation")
    save_analysis(
        ws, ids[2], analysis(texts[2], [found(0, texts[2], "Lagos Water", "organisation", "Lagos Water Corporation")])
    )
    assert [e["name"] for e in list_entities(ws)] == ["Lagos Water Corporation"]


def test_a_group_named_in_the_singular_and_the_plural_is_one_group(ws):
    texts = ["Republicans voted no.", "One Republican voted yes.", "Republican senators left.", "The Swiss abstained."]
    names = ["Republicans", "Republican", "Republican", "Swiss"]
    ids = []
    for number, (text, name) in enumerate(zip(texts, names, strict=True)):
        ids.append(add_source(ws, text, str(number)))
        save_analysis(ws, ids[-1], analysis(text, [found(0, text, name, "group")]))
    groups = {e["name"]: {m["source_id"] for m in e["mentions"]} for e in list_entities(ws)}
    assert groups == {"Republicans": set(ids[:3]), "Swiss": {ids[3]}}


def test_a_group_kept_in_both_numbers_by_an_older_analysis_comes_together_on_the_plural(ws):
    for name in ("American", "Americans"):
        ws.insert("entities", {"name": name, "type": "group", "created_at": "2026-03-01", "origin": "analysis"})
    text = "An American pilot landed."
    save_analysis(ws, add_source(ws, text), analysis(text, [found(0, text, "American", "group")]))
    named = {e["name"]: len(e["mentions"]) for e in list_entities(ws) if e["mentions"]}
    assert named == {"Americans": 1}


def test_a_name_in_a_datelines_capitals_takes_the_spelling_most_sources_use(ws):
    """A dateline's "WASHINGTON" came first; three sources write "Washington": the name follows
    them. An acronym most sources write in capitals keeps them."""
    texts = ["WASHINGTON — Talks resumed.", "In Washington, talks resumed.", "Washington said no.", "Washington waits."]
    for number, text in enumerate(texts):
        word = text[text.lower().index("washington") :][:10]
        save_analysis(ws, add_source(ws, text, f"w{number}"), analysis(text, [found(0, text, word, "place")]))
    texts = ["NATO met.", "NATO agreed.", "Nato met again."]
    for number, text in enumerate(texts):
        save_analysis(
            ws, add_source(ws, text, f"n{number}"), analysis(text, [found(0, text, text[:4], "organisation")])
        )
    texts = ["MIDWAY ATOLL — Birds returned.", "Midway Atoll is quiet."]  # a tie: a headline's capitals
    for number, text in enumerate(texts):
        save_analysis(ws, add_source(ws, text, f"m{number}"), analysis(text, [found(0, text, text[:12], "place")]))
    named = {e["name"]: (len(e["mentions"]), e["aliases"]) for e in list_entities(ws)}
    assert named == {"Washington": (4, []), "NATO": (3, []), "Midway Atoll": (2, [])}
    assert_fts_in_sync(ws)


def _save(ws, text, title, *entities, quotes=()):
    source = add_source(ws, text, title)
    save_analysis(ws, source, analysis(text, [found(n, text, *e) for n, e in enumerate(entities)], quotes))
    return source


def test_a_surname_read_as_a_body_joins_the_person_the_sources_call_by_it(ws):
    """Sources that never name him in full read "Vance" as an organisation; three others use
    "Vance" alone for Ada Vance: the body's mentions and quotes go to her, in either order."""
    text = "Vance won the vote. “We did it,” Vance said."
    early = _save(ws, text, "early", ("Vance", "organisation"), quotes=[quoted(text, "We did it,", 0, "Vance")])
    assert {e["name"]: e["type"] for e in list_entities(ws)} == {"Vance": "organisation"}
    for n in range(3):
        _save(ws, f"Ada Vance spoke {n}. Vance said the plan works.", f"s{n}", ("Ada Vance", "person", "Vance"))
    late = _save(ws, "Vance lost a seat.", "late", ("Vance", "organisation"))
    (person,) = list_entities(ws)
    assert (person["name"], person["type"]) == ("Ada Vance", "person")
    assert {early, late} <= {m["source_id"] for m in person["mentions"]}
    assert rows(ws, "SELECT count(*) FROM quotes WHERE speaker_id = ?", person["id"]) == [(1,)]
    assert fts_quotes(ws, "speaker:vance") in ([], [rows(ws, "SELECT id FROM quotes")[0][0]])
    assert_fts_in_sync(ws)


def test_a_place_most_sources_name_stays_and_so_does_a_body_the_analyst_worked_on(ws):
    for n in range(3):
        _save(ws, f"Kessel is a town {n}.", f"k{n}", ("Kessel", "place"))
    _save(ws, "Mara Kessel spoke. Kessel said so.", "p", ("Mara Kessel", "person", "Kessel"))
    body = _save(ws, "Brandt cut jobs.", "body", ("Brandt", "organisation"))
    brandt = next(e for e in list_entities(ws) if e["name"] == "Brandt")
    rename_entity(ws, brandt["id"], "BRANDT")  # the analyst's now: edited, never moved
    for n in range(3):
        _save(ws, f"Lena Brandt spoke {n}. Brandt said no.", f"b{n}", ("Lena Brandt", "person", "Brandt"))
    types = {e["name"]: (e["type"], {m["source_id"] for m in e["mentions"]}) for e in list_entities(ws)}
    assert types["Kessel"][0] == "place" and len(types["Kessel"][1]) == 3  # one person source against three
    assert types["BRANDT"] == ("organisation", {body})


def test_a_surname_two_people_are_called_by_stays_a_body(ws):
    """ "Bush" alone stands for Jeb in three sources and for George W. in three others: "the Bush
    administration" read as an organisation goes to neither."""
    body = _save(ws, "The Bush administration acted.", "body", ("Bush", "organisation"))
    for n in range(3):
        _save(ws, f"Jeb Bush spoke {n}. Bush said no.", f"j{n}", ("Jeb Bush", "person", "Bush"))
        _save(ws, f"George W. Bush wrote {n}. Bush said yes.", f"g{n}", ("George W. Bush", "person", "Bush"))
    kinds = {e["name"]: (e["type"], {m["source_id"] for m in e["mentions"]}) for e in list_entities(ws)}
    assert kinds["Bush"] == ("organisation", {body})


def test_a_people_named_by_an_irregular_adjective_or_with_a_hyphen_is_one_group(ws):
    texts = ["Democratic voters stayed home.", "Democrats lost.", "African-Americans voted.", "African Americans won."]
    names = ["Democratic", "Democrats", "African-Americans", "African Americans"]
    ids = [_save(ws, text, str(n), (name, "group")) for n, (text, name) in enumerate(zip(texts, names, strict=True))]
    groups = sorted(({m["source_id"] for m in e["mentions"]}, e["name"]) for e in list_entities(ws))
    assert groups[0] == (set(ids[:2]), "Democrats")
    assert groups[1][0] == set(ids[2:]) and groups[1][1] in names[2:]


def test_two_places_one_of_which_has_the_others_name_among_its_forms_are_one(ws):
    """Two early sources wrote the country two ways and made two places; a third names it both
    ways: they become one, with every mention."""
    ids = [
        _save(ws, "The United States of America voted.", "a", ("United States of America", "place")),
        _save(ws, "The United States voted. The U.S. won.", "b", ("United States", "place", "U.S.")),
    ]
    assert len(list_entities(ws)) == 2
    text = "The United States of America, or the United States, voted."
    ids.append(_save(ws, text, "c", ("United States of America", "place", "United States")))
    (place,) = list_entities(ws)
    assert {m["source_id"] for m in place["mentions"]} == set(ids)
    assert "U.S." in place["aliases"]
    assert_fts_in_sync(ws)


def test_a_body_is_named_by_the_form_most_sources_use_even_one_word_but_not_its_initials(ws):
    """ "Congress" in three sources, "Republican Congress" in one: the body is Congress. "GOP"
    in three sources abbreviates "Grand Old Party": the full name stays."""
    _save(ws, "The Republican Congress, Congress said, acts.", "r", ("Republican Congress", "organisation", "Congress"))
    for n in range(3):
        _save(ws, f"Congress met {n}.", f"c{n}", ("Congress", "organisation"))
    _save(ws, "The Grand Old Party, the GOP, met.", "g", ("Grand Old Party", "organisation", "GOP"))
    for n in range(3):
        _save(ws, f"The GOP met {n}.", f"p{n}", ("GOP", "organisation"))
    assert sorted(e["name"] for e in list_entities(ws)) == ["Congress", "Grand Old Party"]


def test_a_bodys_back_reference_never_becomes_its_name(ws):
    for n in range(3):
        _save(ws, f"The Nazi Party rose {n}. The Party grew.", f"n{n}", ("Nazi Party", "organisation", "Party"))
        _save(ws, f"The Party grew again {n}.", f"p{n}", ("Party", "organisation", "Nazi Party"))
    assert [e["name"] for e in list_entities(ws)] == ["Nazi Party"]


def test_initials_name_a_body_when_nearly_every_source_uses_them(ws):
    _save(ws, "The Grand Old Party, the GOP, met.", "g", ("Grand Old Party", "organisation", "GOP"))
    for n in range(10):
        _save(ws, f"The GOP met {n}.", f"p{n}", ("GOP", "organisation"))
    assert [e["name"] for e in list_entities(ws)] == ["GOP"]


def test_what_a_reanalysis_took_is_missing_with_its_kind_and_no_judgement_recorded(ws, claim_and_other):
    """A machine claim, quote or open suggestion the analysis drew again without it is missing by
    kind and id (the window tells a re-analysis from a fault), and the history records no churn;
    the source's analysis time says when. They raised a bare error the window could not tell."""
    from briefing.store.analysis import analysis_times, last_analysis
    from briefing.store.quotes import list_quote_rows
    from briefing.store.revisions import Missing
    from briefing.store.suggestions import confirm_suggestion

    claim_id, a, b = claim_and_other
    replace_suggestions(ws, claim_id, [(b, *span(TEXT_B, "40,000 households lost water"), 1.0, "supports")])
    suggestion = list_suggestions(ws, claim_id)[0]["id"]
    quote = list_quote_rows(ws, a)[0].id
    with ws.transaction():
        ws.db.execute("UPDATE sources SET analysed_at = '2026-01-05T09:00:00+00:00' WHERE id = ?", [a])
    history = rows(ws, "SELECT count(*) FROM history")
    save_analysis(ws, a, analysis_a(claims=[claim(TEXT_A, "Repairs cost $2 million.", "money")]))
    assert rows(ws, "SELECT count(*) FROM history") == history
    for write, kind, item_id in (
        (lambda: mark_claim(ws, claim_id, "disputed"), "claim", claim_id),
        (lambda: add_evidence(ws, claim_id, b, 0, 7, "supports"), "claim", claim_id),
        (lambda: set_quote_speaker(ws, quote, None), "quote", quote),
        (lambda: confirm_suggestion(ws, suggestion), "suggestion", suggestion),
    ):
        with pytest.raises(Missing) as refused:
            write()
        assert (refused.value.kind, refused.value.item_id) == (kind, item_id)
    times = analysis_times(ws, [a, b, 999])
    assert set(times) == {a, b} and times[a] > "2026-01-05T09:00:00+00:00"
    assert last_analysis(ws, a).at == times[a] and last_analysis(ws, a).title == "a"
    assert last_analysis(ws, 999) is None and analysis_times(ws, []) == {}


class _StoppedClock(datetime):
    """``datetime`` whose clock stands still: analyses in one second, or on a machine whose clock
    is behind."""

    @classmethod
    def now(cls, tz=None):
        return datetime.fromisoformat("2026-03-04T09:00:00.250000+00:00")


def test_two_analyses_in_one_second_have_two_times(ws, monkeypatch):
    """The window tells a re-analysis by the source's analysis time, kept in seconds: a second
    analysis in the same second (a teammate's worker, this window's) went unnoticed."""
    from briefing.store.analysis import analysis_times

    monkeypatch.setattr("briefing.store.workspace.datetime", _StoppedClock)
    a = add_source(ws, TEXT_A, "a")
    seen = []
    for _ in range(3):
        save_analysis(ws, a, analysis_a())
        seen.append(analysis_times(ws, [a])[a])
    assert seen == sorted(set(seen)) and seen[0].startswith("2026-03-04T09:00:00.25"), seen
    # a later time written by an older app (seconds) or a machine whose clock is ahead: still later
    with ws.transaction():
        ws.db.execute("UPDATE sources SET analysed_at = '2026-03-04T09:00:01+00:00' WHERE id = ?", [a])
    save_analysis(ws, a, analysis_a())
    assert analysis_times(ws, [a])[a] == "2026-03-04T09:00:01.000001+00:00"
