"""Merge Into… proposes likely duplicates first, each with its reason."""

import time

import pytest

from briefing.domain import BriefingError
from briefing.store.entity_candidates import merge_candidates
from tests.store.test_analysis import add_source

BACKENDS = ("sqlite", "postgresql")  # tests/conftest.py runs ``ws`` on both


def add_entities(ws, *entities):
    """(name, type[, aliases]) -> ids, in order."""
    ids = []
    with ws.transaction() as db:
        for name, kind, *aliases in entities:
            [entity_id] = db.execute(
                "INSERT INTO entities (name, type, created_at) VALUES (?, ?, '2026-01-01') RETURNING id", [name, kind]
            ).fetchone()
            ids.append(entity_id)
            for alias in aliases[0] if aliases else ():
                db.execute("INSERT INTO entity_aliases (entity_id, alias) VALUES (?, ?)", [entity_id, alias])
    return ids


def add_mention(ws, entity_id, source_id):
    with ws.transaction() as db:
        db.execute(
            "INSERT INTO mentions (entity_id, source_id, start, \"end\", text) VALUES (?, ?, 0, 1, 'x')",
            [entity_id, source_id],
        )


def ranked(ws, entity_id):
    return [(c.name, c.reason) for c in merge_candidates(ws, entity_id)]


def test_surname_alias_initials_and_spelling_come_first_with_their_reason(ws):
    target, *_ = add_entities(
        ws,
        ("Adam Neumann", "person"),
        ("Neumann", "person"),
        ("A. Neumann", "person"),
        ("Adam Neuman", "person"),
        ("Eva Neumann", "person"),
        ("Adam Smith", "person"),
        ("Neumann Holdings", "place"),
        ("Adam", "person", ["Adam Neumann"]),
        ("Berlin", "place"),
    )
    found = dict(ranked(ws, target))
    assert found["Neumann"] == "same surname"
    assert found["A. Neumann"] == "initials ‘A. Neumann’"
    assert found["Adam Neuman"] == "spelling differs by 1"
    assert found["Adam"] == "alias ‘Adam Neumann’"
    assert found["Eva Neumann"] == "same surname, different first name"
    assert "Berlin" not in found and "Adam Smith" not in found
    order = [name for name, _ in ranked(ws, target)]
    assert order.index("Adam") < order.index("Neumann") < order.index("Eva Neumann")
    assert order.index("Adam Neuman") < order.index("Eva Neumann")
    likely = {c.name for c in merge_candidates(ws, target) if c.likely}
    assert {"Adam", "Neumann", "A. Neumann", "Adam Neuman"} <= likely
    assert "Eva Neumann" not in likely


def test_a_generational_suffix_or_a_longer_name_ranks_low(ws):
    trump, *_ = add_entities(
        ws,
        ("Donald Trump", "person"),
        ("Donald Trump Jr.", "person"),
        ("Trump", "person"),
        ("D. Trump", "person"),
        ("Donald J. Trump", "person"),
    )
    order = ranked(ws, trump)
    names = [name for name, _ in order]
    assert names[-1] == "Donald Trump Jr."
    assert dict(order)["Donald Trump Jr."] == "different generation (Jr.)"
    assert not next(c for c in merge_candidates(ws, trump) if c.name == "Donald Trump Jr.").likely
    assert set(names[:3]) == {"Trump", "D. Trump", "Donald J. Trump"}


def test_an_acronym_and_another_type_rank_lower_but_are_proposed(ws):
    authority, *_ = add_entities(
        ws,
        ("Halden Water Authority", "organisation"),
        ("HWA", "organisation"),
        ("Halden Water Authority", "person"),
        ("Halden", "place"),
        ("Port Halden", "place"),
    )
    candidates = merge_candidates(ws, authority)
    by_name = {(c.name, c.type): c for c in candidates}
    assert by_name["HWA", "organisation"].reason == "initials ‘HWA’"
    mistyped = by_name["Halden Water Authority", "person"]
    assert mistyped.reason == "same name; typed person"
    assert mistyped.score < by_name["HWA", "organisation"].score
    assert ("Port Halden", "place") not in by_name


def test_an_organisations_first_words_are_a_likely_short_form_but_a_first_name_is_not(ws):
    kessel, corvane, _, donald, _ = add_entities(
        ws,
        ("Kessel", "organisation"),
        ("Corvane", "organisation"),
        ("Corvane Systems", "organisation"),
        ("Donald", "person"),
        ("Donald Trump", "person"),
    )
    [systems] = merge_candidates(ws, corvane)
    assert (systems.name, systems.reason, systems.likely) == ("Corvane Systems", "short for ‘Corvane Systems’", True)
    [trump] = merge_candidates(ws, donald)
    assert (trump.reason, trump.likely) == ("‘Donald’ is part of ‘Donald Trump’", False)
    assert merge_candidates(ws, kessel) == []


def test_sources_mentioning_both_break_a_tie(ws):
    target, first, second = add_entities(
        ws, ("Neumann", "person"), ("Adam Neumann", "person"), ("Eva Neumann", "person")
    )
    assert [c.name for c in merge_candidates(ws, target)] == ["Adam Neumann", "Eva Neumann"]
    source = add_source(ws, "Neumann spoke.", "a")
    add_mention(ws, target, source)
    add_mention(ws, second, source)
    candidates = merge_candidates(ws, target)
    assert [c.name for c in candidates] == ["Eva Neumann", "Adam Neumann"]
    assert candidates[0].shared_sources == 1 and candidates[0].score == candidates[1].score
    assert first


def test_an_entity_that_is_gone_is_an_error(ws):
    with pytest.raises(BriefingError, match="no longer exists"):
        merge_candidates(ws, 12345)


FIRST = "Adam Eva John Maria Jonas Petra Hugo Selma Lucas Clara Nadia Orla Marta Ingrid Elin Anna".split()
LAST = [
    a + b + c
    for a in "Neu Kess Hald Vend Mor Brenn Tal Ost Wen Drach Ketter Salm Lind Ferr Dov Ben".split()
    for b in ("", "en", "er", "a")
    for c in "mann berg holt quist dorf stad ridge son ley wick".split()
]


def test_ten_thousand_entities_answer_quickly(ws, capsys):
    names = [f"{first} {last}" for first in FIRST for last in LAST][:9_000] + LAST + [f"{w} Ministry" for w in LAST]
    kinds = ["person" if i < 9_640 else "organisation" for i in range(len(names))]
    ids = add_entities(ws, *zip(names, kinds, strict=True), ("Adam Neuman", "person"))
    assert len(ids) >= 10_000
    started = time.perf_counter()
    candidates = merge_candidates(ws, ids[-1])
    elapsed = time.perf_counter() - started
    with capsys.disabled():
        print(f"\nmerge_candidates over {len(ids):,} entities: {elapsed * 1000:.0f} ms")
    assert candidates[0].name == "Adam Neumann"
    assert candidates[0].reason == "spelling differs by 1"


def test_a_lone_surname_alias_never_makes_another_first_name_a_likely_duplicate(ws):
    """Hillary Clinton's alias 'Clinton' matched 'Bill Clinton' as the same surname, and Merge
    Into… offered him first among the likely duplicates."""
    hillary, bill, lone = add_entities(
        ws,
        ("Hillary Clinton", "person", ["Clinton", "Mrs. Clinton"]),
        ("Bill Clinton", "person", ["Clinton"]),
        ("Clinton", "person"),
    )
    found = {c.name: c for c in merge_candidates(ws, hillary)}
    assert not found["Bill Clinton"].likely and found["Bill Clinton"].reason == "same surname, different first name"
    assert found["Clinton"].likely  # the lone surname may still be hers


def test_a_bodys_names_are_compared_in_a_bodys_words(ws):
    """'Democratic Party' beside 'Republican Party' was 'same surname, different first name'."""
    target, *_ = add_entities(
        ws,
        ("Democratic Party", "organisation"),
        ("Republican Party", "organisation"),
        ("Party", "organisation"),
    )
    found = dict(ranked(ws, target))
    assert found["Republican Party"] == "same last word, different first words"
    assert found["Party"] == "same last word"


def test_a_bodys_last_words_are_its_likely_short_form(ws):
    """'Obama White House' put 'House' first among the likely duplicates and 'White House' among
    the names probably different ('same last word, different first words')."""
    target, white, *_ = add_entities(
        ws,
        ("Obama White House", "organisation"),
        ("White House", "organisation"),
        ("House", "organisation"),
        ("Trump White House", "organisation"),
    )
    first = merge_candidates(ws, target)[0]
    assert (first.name, first.reason, first.likely) == ("White House", "short for ‘Obama White House’", True)
    assert dict(ranked(ws, target))["Trump White House"] == "same last word, different first words"
    [short] = [c for c in merge_candidates(ws, white) if c.name == "Obama White House"]
    assert short.reason == "short for ‘Obama White House’" and short.likely


def test_each_entity_counts_the_sources_that_mention_it(ws):
    from briefing.store.entity_candidates import entity_source_counts

    pence, karen, nobody = add_entities(ws, ("Mike Pence", "person"), ("Pence", "person"), ("Nobody", "person"))
    first, second = add_source(ws, "Pence spoke.", "a"), add_source(ws, "Pence left.", "b")
    for entity_id, source_id in ((pence, first), (pence, first), (pence, second), (karen, second)):
        add_mention(ws, entity_id, source_id)
    assert entity_source_counts(ws) == {pence: 2, karen: 1}  # Nobody is mentioned nowhere
    assert nobody not in entity_source_counts(ws)
