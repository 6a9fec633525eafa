import pytest

from briefing.domain import BriefingError
from briefing.store.analysis import save_analysis
from briefing.store.edits import (
    add_alias,
    add_quote_by_analyst,
    delete_entity,
    drop_quote,
    merge_entities,
    remove_alias,
    rename_entity,
    restore_quote,
    retype_entity,
    set_quote_speaker,
    split_entity,
)
from briefing.store.entities import list_entities
from briefing.store.history import history_for
from briefing.store.search_index import indexed
from tests.store.test_analysis import (
    TEXT_A,
    TEXT_B,
    add_source,
    analysis,
    analysis_a,
    analysis_b,
    assert_fts_in_sync,
    entity_named,
    found,
    fts_quotes,
    quoted,
    rows,
    snapshot,
    span,
)

BACKENDS = ("sqlite", "postgresql")  # tests/conftest.py runs ``ws`` on both

TEXT_M1 = "“Prices will rise,” Meridian Wire reported on Monday."
TEXT_M2 = "Meridian said the report was wrong."
TEXT_SPLIT = "Marta Okafor met James Okafor. “We disagree,” James Okafor said later."


@pytest.fixture
def two_sources(ws):
    a, b = add_source(ws, TEXT_A, "a"), add_source(ws, TEXT_B, "b")
    save_analysis(ws, a, analysis_a())
    save_analysis(ws, b, analysis_b())
    return a, b


def reanalyse(ws, a, b):
    save_analysis(ws, a, analysis_a())
    save_analysis(ws, b, analysis_b())


def quote_id(ws, words):
    [(found_id,)] = rows(ws, "SELECT id FROM quotes WHERE text LIKE ?", f"%{words}%")
    return found_id


def entity_edited(ws, entity_id):
    return rows(ws, "SELECT edited, origin FROM entities WHERE id = ?", entity_id)[0]


def last_judgement(ws, kind, target_id):
    judgement = history_for(ws, kind, target_id)[-1]
    return judgement.action, judgement.field, judgement.old_value, judgement.new_value, judgement.reason


def test_a_renamed_entity_keeps_its_name_through_reanalysis(ws, two_sources):
    okafor = entity_named(ws, "Marta Okafor")["id"]
    rename_entity(ws, okafor, "  Dr Marta Okafor ", reason="her title")
    reanalyse(ws, *two_sources)
    entity = entity_named(ws, "Dr Marta Okafor")
    assert entity["id"] == okafor
    assert entity["aliases"] == ["Okafor", "Marta Okafor"]
    assert {m["source_id"] for m in entity["mentions"]} == set(two_sources)
    assert last_judgement(ws, "entity", okafor) == ("rename", "name", "Marta Okafor", "Dr Marta Okafor", "her title")
    assert entity_edited(ws, okafor) == (1, "analysis")


@pytest.mark.parametrize(
    ("found_type", "new_type"),
    [("organisation", "place"), ("person", "organisation"), ("place", "group")],
)
def test_a_retyped_entity_keeps_its_type_through_reanalysis(ws, found_type, new_type):
    text = "Meridian Wire reported the outage."
    source = add_source(ws, text)
    save_analysis(ws, source, analysis(text, [found(0, text, "Meridian Wire", found_type)]))
    [entity] = list_entities(ws)
    retype_entity(ws, entity["id"], new_type, reason="it is a wire service")
    save_analysis(ws, source, analysis(text, [found(0, text, "Meridian Wire", found_type)]))
    [again] = list_entities(ws)
    assert (again["id"], again["type"], len(again["mentions"])) == (entity["id"], new_type, 1)
    assert last_judgement(ws, "entity", entity["id"])[-1] == "it is a wire service"


def test_an_added_alias_links_other_sources(ws):
    text = "M. Okafor denied it."
    save_analysis(ws, add_source(ws, TEXT_A, "a"), analysis_a())
    okafor = entity_named(ws, "Marta Okafor")["id"]
    add_alias(ws, okafor, "M. Okafor", reason="initial")
    save_analysis(ws, add_source(ws, text, "c"), analysis(text, [found(0, text, "M. Okafor", "person")]))
    assert len(entity_named(ws, "Marta Okafor")["mentions"]) == 3
    assert last_judgement(ws, "entity", okafor) == ("add_alias", "alias", None, "M. Okafor", "initial")


def test_a_removed_alias_does_not_come_back(ws, two_sources):
    a, b = two_sources
    okafor = entity_named(ws, "Marta Okafor")["id"]
    remove_alias(ws, okafor, "Okafor", reason="another Okafor")
    reanalyse(ws, a, b)
    marta = entity_named(ws, "Marta Okafor")
    assert marta["aliases"] == []
    assert {m["source_id"] for m in marta["mentions"]} == {a}
    assert {m["source_id"] for m in entity_named(ws, "Okafor")["mentions"]} == {b}
    assert last_judgement(ws, "entity", okafor)[-1] == "another Okafor"


def test_merged_entities_stay_merged_through_reanalysis(ws):
    m1, m2 = add_source(ws, TEXT_M1, "m1"), add_source(ws, TEXT_M2, "m2")
    first = analysis(
        TEXT_M1,
        [found(0, TEXT_M1, "Meridian Wire", "organisation")],
        [quoted(TEXT_M1, "Prices will rise,", 0, "Meridian Wire", "reported")],
    )
    second = analysis(TEXT_M2, [found(0, TEXT_M2, "Meridian", "organisation")])
    save_analysis(ws, m1, first)
    save_analysis(ws, m2, second)
    wire, short = entity_named(ws, "Meridian Wire")["id"], entity_named(ws, "Meridian")["id"]
    merge_entities(ws, wire, [short], reason="same outlet")
    save_analysis(ws, m2, second)
    save_analysis(ws, m1, first)
    [entity] = list_entities(ws)
    assert (entity["id"], entity["aliases"]) == (wire, ["Meridian"])
    assert {m["source_id"] for m in entity["mentions"]} == {m1, m2}
    assert rows(ws, "SELECT speaker_id FROM quotes") == [(wire,)]
    assert last_judgement(ws, "entity", wire) == ("merge", "merged", "Meridian", "Meridian Wire", "same outlet")


def test_merge_moves_quote_speakers_and_types_link_after(ws):
    m1, m2 = add_source(ws, TEXT_M1, "m1"), add_source(ws, TEXT_M2, "m2")
    save_analysis(ws, m1, analysis(TEXT_M1, [found(0, TEXT_M1, "Meridian Wire", "organisation")]))
    second = analysis(
        TEXT_M2, [found(0, TEXT_M2, "Meridian", "person")], [quoted(TEXT_M2, "the report was wrong", 0, "Meridian")]
    )
    save_analysis(ws, m2, second)
    wire, person = entity_named(ws, "Meridian Wire")["id"], entity_named(ws, "Meridian")["id"]
    merge_entities(ws, wire, [person, person])
    save_analysis(ws, m2, second)
    assert [e["id"] for e in list_entities(ws)] == [wire]
    assert rows(ws, "SELECT speaker_id FROM quotes") == [(wire,)]


def test_a_split_stays_split_through_reanalysis(ws):
    source = add_source(ws, TEXT_SPLIT)
    conflated = analysis(
        TEXT_SPLIT,
        [found(0, TEXT_SPLIT, "Marta Okafor", "person", "James Okafor")],
        [quoted(TEXT_SPLIT, "We disagree,", 0, "James Okafor")],
    )
    save_analysis(ws, source, conflated)
    marta = entity_named(ws, "Marta Okafor")
    james_mentions = [m for m in rows(ws, "SELECT id, text FROM mentions") if m[1] == "James Okafor"]
    james = split_entity(ws, marta["id"], [m[0] for m in james_mentions], "James Okafor", reason="two people")
    save_analysis(ws, source, conflated)
    assert entity_named(ws, "Marta Okafor")["aliases"] == []
    assert [m["start"] for m in entity_named(ws, "Marta Okafor")["mentions"]] == [0]
    assert len(entity_named(ws, "James Okafor")["mentions"]) == 2
    assert rows(ws, "SELECT speaker_id, speaker_confirmed FROM quotes") == [(james, 1)]
    assert entity_edited(ws, james) == (1, "analyst")
    assert last_judgement(ws, "entity", marta["id"])[-1] == "two people"


def test_a_source_s_mentions_stay_where_a_merge_then_a_split_put_them(ws):
    """Merged into Jeb Bush, then split off by its full name alone: after 'analyse --all' the
    source's 'Mr. Bush' mentions and their quotes had gone to the split-off "John Ellis Bush",
    which the analysis's cluster is named after."""
    jeb_text = "Jeb Bush spoke in Iowa. Jeb Bush left early."
    text = "John Ellis Bush was born in Texas. “We will win,” Mr. Bush said. Mr. Bush smiled."
    other, source = add_source(ws, jeb_text, "jeb"), add_source(ws, text, "wasps")
    save_analysis(ws, other, analysis(jeb_text, [found(0, jeb_text, "Jeb Bush", "person")]))
    conflated = analysis(
        text,
        [found(0, text, "John Ellis Bush", "person", "Mr. Bush")],
        [quoted(text, "We will win,", 0, "Mr. Bush")],
    )
    save_analysis(ws, source, conflated)
    jeb, full = entity_named(ws, "Jeb Bush")["id"], entity_named(ws, "John Ellis Bush")["id"]
    merge_entities(ws, jeb, [full])
    named_so = [m[0] for m in rows(ws, "SELECT id, text FROM mentions") if m[1] == "John Ellis Bush"]
    split_off = split_entity(ws, jeb, named_so, "John Ellis Bush")

    def where() -> list[tuple[str, int]]:
        return rows(ws, "SELECT text, entity_id FROM mentions WHERE source_id = ? ORDER BY start", source)

    before = where()
    assert before == [("John Ellis Bush", split_off), ("Mr. Bush", jeb), ("Mr. Bush", jeb)]
    save_analysis(ws, source, conflated)
    assert where() == before
    assert rows(ws, "SELECT speaker_id FROM quotes") == [(jeb,)]


def test_a_split_keeps_the_alias_the_entity_s_other_mentions_still_read(ws):
    """One "Pence" split off "Mike Pence" under the name "Pence" took the alias "Pence" from Mike
    Pence, though two of his mentions still read "Pence": the next analysis could not put them back."""
    text = "Mike Pence spoke. Pence said the plan works. Pence left. His wife, Pence, smiled."
    source = add_source(ws, text)
    conflated = analysis(text, [found(0, text, "Mike Pence", "person", "Pence")])
    save_analysis(ws, source, conflated)
    mike = entity_named(ws, "Mike Pence")
    last = [m[0] for m in rows(ws, "SELECT id, start FROM mentions WHERE text = 'Pence' ORDER BY start")][-1]
    split_entity(ws, mike["id"], [last], "Pence", reason="Karen Pence")
    assert entity_named(ws, "Mike Pence")["aliases"] == ["Pence"]
    save_analysis(ws, source, conflated)
    kept = [m["start"] for m in entity_named(ws, "Mike Pence")["mentions"]]
    assert kept == [0, text.index("Pence said"), text.index("Pence left")]
    assert [m["start"] for m in entity_named(ws, "Pence")["mentions"]] == [text.index("Pence, smiled")]


def test_a_same_name_split_separates_a_person_from_a_country(ws):
    text = "Jordan scored. Jordan closed its border."
    source = add_source(ws, text)
    save_analysis(ws, source, analysis(text, [found(0, text, "Jordan", "person")]))
    [person] = list_entities(ws)
    country = split_entity(ws, person["id"], [rows(ws, "SELECT max(id) FROM mentions")[0][0]], "Jordan", "place")
    save_analysis(ws, source, analysis(text, [found(0, text, "Jordan", "person")]))
    assert [(e["id"], e["type"], len(e["mentions"])) for e in list_entities(ws)] == [
        (person["id"], "person", 1),
        (country, "place", 1),
    ]


def test_a_deleted_entity_does_not_come_back(ws, two_sources):
    okafor = entity_named(ws, "Marta Okafor")["id"]
    delete_entity(ws, okafor, reason="not relevant")
    reanalyse(ws, *two_sources)
    assert [e["name"] for e in list_entities(ws)] == ["Lagos Water", "U.S."]
    assert rows(ws, "SELECT speaker_id, speaker_text FROM quotes WHERE text LIKE 'We%'") == [(None, "Okafor")]
    assert last_judgement(ws, "entity", okafor) == ("delete", "name", "Marta Okafor", None, "not relevant")


TEXT_LAW_A = "Dodd-Frank said the banks were safe."
TEXT_LAW_B = "Congress passed Dodd-Frank in 2010."


def _law_sources(ws):
    """'Dodd-Frank' read as a person in one source and as an organisation in another."""
    a, b = add_source(ws, TEXT_LAW_A, "a"), add_source(ws, TEXT_LAW_B, "b")
    found_a = analysis(TEXT_LAW_A, [found(0, TEXT_LAW_A, "Dodd-Frank", "person")])
    found_b = analysis(TEXT_LAW_B, [found(0, TEXT_LAW_B, "Dodd-Frank", "organisation")])
    save_analysis(ws, a, found_a)
    save_analysis(ws, b, found_b)
    return lambda: (save_analysis(ws, a, found_a), save_analysis(ws, b, found_b))


def _types_named(ws, name):
    return sorted(e["type"] for e in list_entities(ws) if e["name"] == name)


def test_deleting_a_wrongly_typed_entity_keeps_the_same_name_of_another_type(ws):
    """Deleting the person "Dodd-Frank" made the next analysis drop the organisation too."""
    reanalyse_both = _law_sources(ws)
    assert _types_named(ws, "Dodd-Frank") == ["organisation", "person"]
    person = next(e["id"] for e in list_entities(ws) if e["type"] == "person")
    delete_entity(ws, person)
    reanalyse_both()
    assert _types_named(ws, "Dodd-Frank") == ["organisation"]
    assert rows(ws, "SELECT key FROM rejections WHERE kind = 'entity'") == [("person:dodd-frank",)]


def test_deleting_a_retyped_entity_also_keeps_analysis_from_reading_it_as_its_old_type(ws):
    text = "Meridian said the report was wrong."
    source = add_source(ws, text)
    found_here = analysis(text, [found(0, text, "Meridian", "organisation")])
    save_analysis(ws, source, found_here)
    [entity] = list_entities(ws)
    retype_entity(ws, entity["id"], "person")
    delete_entity(ws, entity["id"])
    save_analysis(ws, source, found_here)
    assert list_entities(ws) == []


def test_a_name_deleted_by_an_older_app_stays_rejected_in_every_type(ws):
    """Workspaces made before deletions were typed hold the bare name: it still means any type."""
    ws.insert("rejections", {"kind": "entity", "source_id": None, "key": "dodd-frank", "created_at": "2026-01-01"})
    _law_sources(ws)
    assert _types_named(ws, "Dodd-Frank") == []


def test_an_alias_given_by_the_analyst_lifts_the_deletion_of_that_name_in_the_entity_type(ws, two_sources):
    okafor = entity_named(ws, "Marta Okafor")["id"]
    lagos = entity_named(ws, "Lagos Water")["id"]
    delete_entity(ws, okafor)
    add_alias(ws, lagos, "Okafor")  # the analyst's own word: the organisation is called so
    okafor_keys = "SELECT key FROM rejections WHERE key LIKE '%okafor' ORDER BY key"
    assert rows(ws, okafor_keys) == [("person:marta okafor",), ("person:okafor",)]
    retype_entity(ws, lagos, "person")
    add_alias(ws, lagos, "Marta Okafor")
    assert rows(ws, okafor_keys) == [("person:okafor",)]


def test_a_confirmed_speaker_is_searchable_and_survives_reanalysis(ws, two_sources):
    pumping = quote_id(ws, "pumping")
    lagos = entity_named(ws, "Lagos Water")["id"]
    set_quote_speaker(ws, pumping, lagos, reason="the utility spoke")
    if indexed(ws):  # the search index is SQLite's until PostgreSQL search lands
        assert fts_quotes(ws, "speaker:lagos") == [pumping]
    if indexed(ws):  # the search index is SQLite's until PostgreSQL search lands
        assert fts_quotes(ws, "speaker:okafor") == []
    reanalyse(ws, *two_sources)
    assert rows(ws, "SELECT speaker_id, speaker_text FROM quotes WHERE id = ?", pumping) == [(lagos, "Lagos Water")]
    assert last_judgement(ws, "quote", pumping) == (
        "set_speaker",
        "speaker",
        "Marta Okafor",
        "Lagos Water",
        "the utility spoke",
    )
    assert entity_edited(ws, lagos) == (1, "analysis")
    assert_fts_in_sync(ws)


def test_a_speaker_can_be_set_to_nobody(ws, two_sources):
    pumping = quote_id(ws, "pumping")
    set_quote_speaker(ws, pumping, None)
    reanalyse(ws, *two_sources)
    assert rows(ws, "SELECT speaker_id, speaker_confirmed FROM quotes WHERE id = ?", pumping) == [(None, 1)]
    assert_fts_in_sync(ws)


def test_a_dropped_quote_does_not_come_back(ws, two_sources):
    old = quote_id(ws, "pumps are old")
    drop_quote(ws, old, reason="not a quote")
    if indexed(ws):  # the search index is SQLite's until PostgreSQL search lands
        assert fts_quotes(ws, "old") == []
    reanalyse(ws, *two_sources)
    if indexed(ws):  # the search index is SQLite's until PostgreSQL search lands
        assert fts_quotes(ws, "old") == []
    assert rows(ws, "SELECT count(*) FROM quotes") == [(1,)]
    assert last_judgement(ws, "quote", old) == ("drop", "text", "The pumps are old,", None, "not a quote")
    assert_fts_in_sync(ws)


def test_an_analyst_quote_is_searchable_and_survives_reanalysis(ws, two_sources):
    a, _ = two_sources
    lagos = entity_named(ws, "Lagos Water")["id"]
    added = add_quote_by_analyst(ws, a, *span(TEXT_A, "Expect delays"), speaker_id=lagos, cue="warned", reason="missed")
    if indexed(ws):  # the search index is SQLite's until PostgreSQL search lands
        assert fts_quotes(ws, "delays") == [added]
    save_analysis(ws, a, analysis_a(quotes=[quoted(TEXT_A, "Expect delays,", None, "the utility", "warned")]))
    assert rows(ws, "SELECT id, origin, speaker_id FROM quotes") == [(added, "analyst", lagos)]
    assert last_judgement(ws, "quote", added) == ("add", "text", None, "Expect delays", "missed")
    assert_fts_in_sync(ws)


def test_an_analyst_can_add_back_a_dropped_quote(ws, two_sources):
    a, _ = two_sources
    drop_quote(ws, quote_id(ws, "pumps are old"))
    add_quote_by_analyst(ws, a, *span(TEXT_A, "The pumps are old,"))
    assert rows(ws, "SELECT count(*) FROM rejections WHERE kind = 'quote'") == [(0,)]


def test_a_restored_quote_is_the_same_quote_under_its_own_id(ws, two_sources):
    old = quote_id(ws, "pumps are old")
    before = rows(ws, "SELECT * FROM quotes WHERE id = ?", old)
    dropped = drop_quote(ws, old, reason="not a quote")
    assert restore_quote(ws, dropped, reason="undo") == old
    assert rows(ws, "SELECT * FROM quotes WHERE id = ?", old) == before
    if indexed(ws):  # the search index is SQLite's until PostgreSQL search lands
        assert fts_quotes(ws, "old") == [old]
    assert rows(ws, "SELECT count(*) FROM rejections WHERE kind = 'quote'") == [(0,)]
    assert last_judgement(ws, "quote", old) == ("restore", "text", None, "The pumps are old,", "undo")
    with pytest.raises(BriefingError, match=f"quote {old} exists already"):
        restore_quote(ws, dropped)
    assert_fts_in_sync(ws)


BAD_CALLS = {
    "rename missing": (lambda ws, ids: rename_entity(ws, 999, "X"), "entity 999 does not exist"),
    "rename empty": (lambda ws, ids: rename_entity(ws, ids["okafor"], "  "), "must not be empty"),
    "retype unknown": (lambda ws, ids: retype_entity(ws, ids["okafor"], "ministry"), "entity type"),
    "alias empty": (lambda ws, ids: add_alias(ws, ids["okafor"], ""), "must not be empty"),
    "alias is name": (lambda ws, ids: add_alias(ws, ids["okafor"], "marta okafor"), "already the name"),
    "remove unknown alias": (lambda ws, ids: remove_alias(ws, ids["okafor"], "Mo"), "has no alias"),
    "merge into itself": (lambda ws, ids: merge_entities(ws, ids["okafor"], [ids["okafor"]]), "into itself"),
    "merge nothing": (lambda ws, ids: merge_entities(ws, ids["okafor"], []), "at least one"),
    "merge half missing": (lambda ws, ids: merge_entities(ws, ids["okafor"], [ids["lagos"], 999]), "999"),
    "split nothing": (lambda ws, ids: split_entity(ws, ids["okafor"], [], "X"), "at least one"),
    "split foreign mention": (lambda ws, ids: split_entity(ws, ids["okafor"], ids["mentions"], "X"), "not a mention"),
    "split unknown type": (lambda ws, ids: split_entity(ws, ids["okafor"], ids["mentions"][:1], "X", "x"), "type"),
    "delete missing": (lambda ws, ids: delete_entity(ws, 999), "entity 999"),
    "speaker of missing quote": (lambda ws, ids: set_quote_speaker(ws, 999, None), "quote 999"),
    "missing speaker": (lambda ws, ids: set_quote_speaker(ws, ids["quote"], 999), "entity 999"),
    "drop missing quote": (lambda ws, ids: drop_quote(ws, 999), "quote 999"),
    "quote outside text": (lambda ws, ids: add_quote_by_analyst(ws, ids["a"], 5, 99_999), "past the end of source"),
    "quote overlapping": (lambda ws, ids: add_quote_by_analyst(ws, ids["a"], *span(TEXT_A, "pumping")), "overlaps"),
    "quote missing speaker": (lambda ws, ids: add_quote_by_analyst(ws, ids["a"], 0, 5, speaker_id=999), "entity 999"),
}


@pytest.mark.parametrize("case", BAD_CALLS)
def test_bad_edits_raise_and_write_nothing(ws, two_sources, case):
    call, message = BAD_CALLS[case]
    okafor, lagos = entity_named(ws, "Marta Okafor")["id"], entity_named(ws, "Lagos Water")["id"]
    mentions = _mention_ids(ws, okafor) + _mention_ids(ws, lagos)  # the last one is not Okafor's
    ids = {
        "a": two_sources[0],
        "okafor": okafor,
        "lagos": lagos,
        "mentions": mentions,
        "quote": quote_id(ws, "pumping"),
    }
    before = snapshot(ws)
    with pytest.raises(BriefingError, match=message):
        call(ws, ids)
    assert snapshot(ws) == before
    assert_fts_in_sync(ws)


def _mention_ids(ws, entity_id):
    return [r[0] for r in rows(ws, "SELECT id FROM mentions WHERE entity_id = ? ORDER BY id", entity_id)]


def test_a_split_moves_only_the_quotes_its_moved_mentions_name(ws):
    """Splitting off one junk form under the entity's own name moved every quote whose speaker
    text was that name, in every source: two quotes of Ted Cruz went to the split-off entity."""
    rally, said = "Ted Cruz South Carolina drew crowds.", "“I am his friend,” Ted Cruz said."
    first, second = add_source(ws, rally, "rally"), add_source(ws, said, "said")
    save_analysis(ws, first, analysis(rally, [found(0, rally, "Ted Cruz", "person", "Ted Cruz South Carolina")]))
    save_analysis(
        ws,
        second,
        analysis(said, [found(0, said, "Ted Cruz", "person")], [quoted(said, "“I am his friend,”", 0, "Ted Cruz")]),
    )
    [cruz] = list_entities(ws)  # one entity, named by its longest form
    junk = [m for m, text in rows(ws, "SELECT id, text FROM mentions WHERE source_id = ?", first)]
    new = split_entity(ws, cruz["id"], junk, "Ted Cruz", reason="a cut through a headline")
    assert rows(ws, "SELECT speaker_id FROM quotes") == [(cruz["id"],)]
    assert [m["source_id"] for m in entity_named_by_id(ws, new)["mentions"]] == [first]


def entity_named_by_id(ws, entity_id):
    return next(e for e in list_entities(ws) if e["id"] == entity_id)


def test_renaming_back_leaves_no_alias_of_the_name_only_typed(ws, two_sources):
    """An undone rename ('Mar' -> 'Mar-a-Lago', then back) left 'Mar-a-Lago' as an alias, which
    Merge Into… then gave as a likely duplicate's reason."""
    okafor = entity_named(ws, "Marta Okafor")["id"]
    before = entity_named(ws, "Marta Okafor")["aliases"]
    rename_entity(ws, okafor, "Marta Okafor-Reyes")
    assert entity_named(ws, "Marta Okafor-Reyes")["aliases"] == [*before, "Marta Okafor"]  # the sources' name stays
    rename_entity(ws, okafor, "Marta Okafor", reason="undo")
    assert entity_named(ws, "Marta Okafor")["aliases"] == before


def _entity_state(ws):
    return (
        list_entities(ws),
        rows(ws, "SELECT id, speaker_id, speaker_text, speaker_confirmed FROM quotes ORDER BY id"),
        rows(ws, "SELECT kind, key FROM rejections ORDER BY id"),
    )


def test_a_merge_and_a_deletion_are_undone_exactly(ws, two_sources):
    """Merge Into… and Delete Entity could not be undone; the snapshot puts back ids, names,
    aliases, mentions, the quotes spoken and the names re-analysis leaves alone."""
    from briefing.store.entity_snapshots import restore_entity_snapshot, take_entity_snapshot

    okafor, lagos = entity_named(ws, "Marta Okafor")["id"], entity_named(ws, "Lagos Water")["id"]
    before = _entity_state(ws)
    with ws.transaction():
        kept = take_entity_snapshot(ws, [lagos, okafor])
        merge_entities(ws, lagos, [okafor], reason="wrong")
    assert okafor not in [e["id"] for e in list_entities(ws)]
    restore_entity_snapshot(ws, kept)
    assert _entity_state(ws) == before
    with ws.transaction():
        kept = take_entity_snapshot(ws, [okafor])
        delete_entity(ws, okafor, reason="wrong")
    restore_entity_snapshot(ws, kept)
    assert _entity_state(ws) == before
    reanalyse(ws, *two_sources)  # analysis finds her again as before: no rejection was left behind
    assert entity_named(ws, "Marta Okafor")["id"] == okafor
    assert [j.action for j in history_for(ws, "entity", okafor)][-1] == "restore"


def test_a_merge_leaves_one_card_in_a_note_that_showed_both_and_undo_puts_the_second_back(ws, two_sources):
    """A note with cards for both entities showed two identical cards after a merge."""
    from briefing.store.briefings import add_item, create_briefing, read_briefing
    from briefing.store.entity_snapshots import restore_entity_snapshot, take_entity_snapshot

    okafor, lagos = entity_named(ws, "Marta Okafor")["id"], entity_named(ws, "Lagos Water")["id"]
    note = create_briefing(ws, "Water")
    add_item(ws, note, "entity", okafor)
    add_item(ws, note, "text", None, "Between the cards")
    add_item(ws, note, "entity", lagos)
    other = create_briefing(ws, "Only her")
    add_item(ws, other, "entity", okafor)

    def shown(briefing_id):
        return [(i.position, i.kind, i.ref_id) for i in read_briefing(ws, briefing_id).items]

    before = shown(note)
    with ws.transaction():
        kept = take_entity_snapshot(ws, [lagos, okafor])
        merge_entities(ws, lagos, [okafor], reason="same")
    assert shown(note) == [(0, "text", None), (1, "entity", lagos)]
    assert shown(other) == [(0, "entity", lagos)]  # a note with one of them keeps its card, re-pointed
    removed = [j for j in history_for(ws, "briefing", note) if j.action == "remove_item"]
    assert removed and removed[-1].old_value == f"entity {okafor}"
    restore_entity_snapshot(ws, kept)
    assert shown(note) == before
    assert shown(other) == [(0, "entity", okafor)]


def test_renaming_or_merging_a_speaker_reindexes_its_quotes_not_their_sources(ws, two_sources):
    """Renaming a speaker indexed every source it speaks in again, every word of each: 1.2 s on
    the window's thread for a speaker of 764 quotes. Only its quotes' speaker field changes."""
    from briefing.search.engine import search

    def found(query):
        return [hit.ref_id for hit in search(ws, query).page.hits if hit.kind == "quote"]

    okafor = entity_named(ws, "Marta Okafor")["id"]
    pumping = quote_id(ws, "pumping")
    sources_before = rows(ws, "SELECT id, ref_id FROM search_docs WHERE kind = 'source' ORDER BY ref_id")
    rename_entity(ws, okafor, "Marta Okafor-Ibe")
    assert pumping in found("speaker:ibe")
    assert rows(ws, "SELECT id, ref_id FROM search_docs WHERE kind = 'source' ORDER BY ref_id") == sources_before
    lagos = entity_named(ws, "Lagos Water")["id"]
    merge_entities(ws, lagos, [okafor])  # its quotes now spoken by the utility, its names aliases of it
    assert pumping in found("speaker:lagos")
    assert rows(ws, "SELECT speaker_id FROM search_docs WHERE kind = 'quote' AND ref_id = ?", pumping) == [(lagos,)]
    assert_fts_in_sync(ws)


@pytest.mark.parametrize("edit", ["merge", "delete"])
def test_undoing_a_merge_or_delete_reindexes_the_speakers_quotes_not_their_sources(ws, two_sources, monkeypatch, edit):
    """Undoing a merge indexed every source either entity was mentioned in again, every word of
    each: 0.4 s on the window's thread to undo a merge into a speaker of 300 real articles. Only
    the speaker field of their quotes changes back."""
    from briefing.store import entity_snapshots
    from briefing.store.entity_snapshots import restore_entity_snapshot, take_entity_snapshot

    okafor, lagos = entity_named(ws, "Marta Okafor")["id"], entity_named(ws, "Lagos Water")["id"]
    pumping = quote_id(ws, "pumping")
    index = "SELECT kind, ref_id, source_id, speaker_id FROM search_docs ORDER BY kind, ref_id"
    before, by_name = rows(ws, index), fts_quotes(ws, "speaker:okafor")
    with ws.transaction():
        kept = take_entity_snapshot(ws, [lagos, okafor] if edit == "merge" else [okafor])
        if edit == "merge":
            merge_entities(ws, lagos, [okafor], reason="same")
        else:
            delete_entity(ws, okafor)
    assert rows(ws, index) != before  # the quote is spoken by another now, or by no entity
    whole = []
    reindex = entity_snapshots.__dict__.get("reindex_sources")
    if reindex is not None:
        monkeypatch.setattr(entity_snapshots, "reindex_sources", lambda w, ids: whole.append(ids) or reindex(w, ids))
    restore_entity_snapshot(ws, kept)
    assert whole == []
    assert rows(ws, index) == before
    assert fts_quotes(ws, "speaker:okafor") == by_name
    assert pumping in by_name or not indexed(ws)
    assert_fts_in_sync(ws)


def test_undoing_a_merge_writes_the_mentions_back_in_one_statement_not_one_a_row(ws, two_sources, monkeypatch):
    """One insert a mention took a quarter of a second to undo a merge into a speaker of 300
    real articles (1,500 mentions), on the window's thread."""
    from briefing.store.entity_snapshots import restore_entity_snapshot, take_entity_snapshot

    okafor, lagos = entity_named(ws, "Marta Okafor")["id"], entity_named(ws, "Lagos Water")["id"]
    add_alias(ws, okafor, "M. Okafor")
    state = "SELECT * FROM {} ORDER BY id"
    before = {table: rows(ws, state.format(table)) for table in ("mentions", "entity_aliases")}
    assert len(before["mentions"]) > 1 and before["entity_aliases"]
    with ws.transaction():
        kept = take_entity_snapshot(ws, [lagos, okafor])
        merge_entities(ws, lagos, [okafor], reason="same")
    inserted = []
    one = type(ws).insert
    monkeypatch.setattr(type(ws), "insert", lambda self, table, row: inserted.append(table) or one(self, table, row))
    restore_entity_snapshot(ws, kept)
    assert "mentions" not in inserted and "entity_aliases" not in inserted
    assert {table: rows(ws, state.format(table)) for table in before} == before


TEXT_WIFE = "Mike Pence spoke. Pence said the plan works. His wife, Pence, smiled. “Thank you,” Pence said."


def _pence(ws):
    """Two sources of the same text, where the analysis read Mike Pence's wife as him."""
    conflated = analysis(
        TEXT_WIFE,
        [found(0, TEXT_WIFE, "Mike Pence", "person", "Pence")],
        [quoted(TEXT_WIFE, "Thank you,", 0, "Pence")],
    )
    first, second = add_source(ws, TEXT_WIFE, "first"), add_source(ws, TEXT_WIFE, "second")
    for source in (first, second):
        save_analysis(ws, source, conflated)
    return first, second, conflated


def _starts(ws, entity_id, source):
    sql = "SELECT start FROM mentions WHERE entity_id = ? AND source_id = ? ORDER BY start"
    return [r[0] for r in rows(ws, sql, entity_id, source)]


def test_a_mention_taken_off_its_entity_stays_off_in_that_source_only(ws):
    """A single wrong mention could only be split off and the split entity deleted."""
    from briefing.store.mention_edits import unlink_mention

    first, second, conflated = _pence(ws)
    mike = entity_named(ws, "Mike Pence")["id"]
    wife = TEXT_WIFE.index("Pence, smiled")
    [wrong] = rows(ws, "SELECT id FROM mentions WHERE source_id = ? AND start = ?", first, wife)
    done = unlink_mention(ws, wrong[0], reason="his wife")
    assert (done.entity_id, done.source_id, done.text) == (mike, first, "Pence")
    kept = [0, TEXT_WIFE.index("Pence said"), TEXT_WIFE.index("Pence said", 50)]
    assert _starts(ws, mike, first) == kept
    assert last_judgement(ws, "entity", mike) == ("unlink", "mention", f"Pence (source {first})", None, "his wife")
    for source in (first, second):
        save_analysis(ws, source, conflated)
    assert _starts(ws, mike, first) == kept  # the other "Pence" mentions of the source stay his
    assert _starts(ws, mike, second) == sorted([*kept, wife])  # another source is left alone
    assert entity_named(ws, "Mike Pence")["aliases"] == ["Pence"]
    assert rows(ws, "SELECT speaker_id FROM quotes ORDER BY source_id") == [(mike,), (mike,)]
    assert_fts_in_sync(ws)


def test_a_quote_spoken_only_by_words_taken_off_an_entity_loses_that_speaker(ws):
    from briefing.store.mention_edits import unlink_mention

    text = "Mike Pence spoke. “Thank you,” Karen said. Karen smiled."
    conflated = analysis(
        text, [found(0, text, "Mike Pence", "person", "Karen")], [quoted(text, "Thank you,", 0, "Karen")]
    )
    source = add_source(ws, text)
    save_analysis(ws, source, conflated)
    mike = entity_named(ws, "Mike Pence")["id"]
    said = rows(ws, "SELECT id FROM mentions WHERE text = 'Karen' ORDER BY start")
    assert unlink_mention(ws, said[0][0]).quotes == 0  # another "Karen" still reads so
    assert unlink_mention(ws, said[1][0]).quotes == 1
    assert rows(ws, "SELECT speaker_id, speaker_text FROM quotes") == [(None, "Karen")]
    save_analysis(ws, source, conflated)
    assert _starts(ws, mike, source) == [0]
    assert rows(ws, "SELECT speaker_id, speaker_text FROM quotes") == [(None, "Karen")]


def test_taking_a_mention_off_is_undone_exactly(ws):
    from briefing.store.entity_snapshots import restore_entity_snapshot, take_entity_snapshot
    from briefing.store.mention_edits import unlink_mention

    first, _, conflated = _pence(ws)
    mike = entity_named(ws, "Mike Pence")["id"]
    before = (_entity_state(ws), rows(ws, "SELECT id, origin FROM mentions ORDER BY id"))
    with ws.transaction():
        kept = take_entity_snapshot(ws, [mike])
        unlink_mention(ws, _mention_ids(ws, mike)[2])
    restore_entity_snapshot(ws, kept)
    assert (_entity_state(ws), rows(ws, "SELECT id, origin FROM mentions ORDER BY id")) == before
    save_analysis(ws, first, conflated)  # no rejection left behind: all four are his again
    assert len(_starts(ws, mike, first)) == 4


def test_taking_off_a_mention_that_is_not_there_writes_nothing(ws, two_sources):
    from briefing.store.mention_edits import unlink_mention

    before = snapshot(ws)
    with pytest.raises(BriefingError, match="mention 999 does not exist"):
        unlink_mention(ws, 999)
    assert snapshot(ws) == before


def test_the_entity_list_counts_sources_and_mentions_and_filters_by_type_and_source(ws, two_sources):
    """What 'briefing entities' lists, on both engines."""
    from briefing.store.entities import list_entity_summaries

    a, b = two_sources
    okafor = entity_named(ws, "Marta Okafor")["id"]
    rows = list_entity_summaries(ws)
    assert [(r.name, r.sources, r.mentions, r.aliases) for r in rows][0] == ("Marta Okafor", 2, 3, ("Okafor",))
    assert [r.id for r in list_entity_summaries(ws, "person")] == [okafor]
    assert {r.name for r in list_entity_summaries(ws, source_id=b)} == {"Marta Okafor", "U.S."}
    assert list_entity_summaries(ws, "group", a) == []


def test_a_mention_taken_off_stays_off_after_a_merge_into_or_of_its_entity(ws):
    """Not This Entity on his wife's "Pence" was lifted by the next merge: merging another "Pence"
    into Mike Pence allowed the name everywhere, and merging Mike Pence into a duplicate dropped
    his rejections; re-analysis linked her to him again."""
    from briefing.store.entities import add_entity
    from briefing.store.mention_edits import unlink_mention

    first, _, conflated = _pence(ws)
    mike = entity_named(ws, "Mike Pence")["id"]
    wife = TEXT_WIFE.index("Pence, smiled")
    [(wrong,)] = rows(ws, "SELECT id FROM mentions WHERE source_id = ? AND start = ?", first, wife)
    unlink_mention(ws, wrong)
    merge_entities(ws, mike, [add_entity(ws, "Pence", "person")])
    save_analysis(ws, first, conflated)
    assert wife not in _starts(ws, mike, first)
    michael = add_entity(ws, "Michael Pence", "person")
    merge_entities(ws, michael, [mike])
    save_analysis(ws, first, conflated)
    assert wife not in _starts(ws, michael, first) and len(_starts(ws, michael, first)) == 3
