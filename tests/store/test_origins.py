"""Credibility counts independent origins: five reprints of one wire story are one voice."""

import pytest

from briefing.store.claims import add_claim, list_claims_with_evidence
from briefing.store.evidence import add_evidence, delete_evidence
from briefing.store.origins import claim_origins, list_claim_origins, suggestion_origins
from briefing.store.sources import add_document
from briefing.store.suggestions import list_suggestions, replace_suggestions
from tests.store.test_sources import make_doc

BACKENDS = ("sqlite", "postgresql")  # tests/conftest.py runs ``ws`` on both

CLAIM = "The control system failed late on Sunday."
FACT = "The control system of the Port Halden plant failed at 06:15 on Monday, the water authority said."
WIRE = (
    f"{FACT} About 40,000 households had no running water for most of the day. Engineers from the "
    "regional grid operator arrived by noon, and tankers reached the market square in the afternoon."
)
OWN = [
    "Families in the old town queued for water since dawn. "
    "Internal logs seen by the Standard show the plant's control system went down at 06:15 on Monday.",
    "A hospital switched to reserve tanks. "
    "Staff at the plant told the Courier the failure began on Monday morning, shortly after six.",
]


def _source(ws, text: str, title: str) -> int:
    return add_document(ws, make_doc(text, title=title))[0]


def _passage(ws, claim: int, source: int, text: str, passage: str, relation: str) -> int:
    start = text.index(passage)
    return add_evidence(ws, claim, source, start, start + len(passage), relation)


@pytest.fixture
def claim(ws):
    source = _source(ws, f"Officials said on Tuesday: {CLAIM}", "Statement")
    return add_claim(ws, source, len("Officials said on Tuesday: "), len("Officials said on Tuesday: ") + len(CLAIM))


def _reprints(ws, count: int) -> list[tuple[int, str]]:
    texts = [f"Outlet {n} — {WIRE}" if n % 2 else f"{WIRE} Copyright Outlet {n}." for n in range(count)]
    return [(_source(ws, text, f"Reprint {n}"), text) for n, text in enumerate(texts)]


def _independent(ws) -> list[tuple[int, str]]:
    return [(_source(ws, text, f"Report {n}"), text) for n, text in enumerate(OWN)]


def _credibility(ws, claim: int) -> int | None:
    return next(c["credibility"] for c in list_claims_with_evidence(ws) if c["id"] == claim)


@pytest.mark.parametrize(
    "reprints, independent, relation, credibility, described",
    [
        pytest.param(5, 0, "supports", 2, "5 sources, 1 origin", id="five reprints supporting are one origin"),
        pytest.param(0, 2, "supports", 1, "2 sources, 2 origins", id="two independent supporting confirm"),
        pytest.param(3, 1, "supports", 1, "4 sources, 2 origins", id="reprints plus an independent report"),
        pytest.param(2, 0, "contradicts", 4, "2 sources, 1 origin", id="two reprints contradicting are one"),
        pytest.param(0, 2, "contradicts", 5, "2 sources, 2 origins", id="two independent contradicting"),
        pytest.param(3, 2, "related", None, "5 sources, 3 origins", id="related counts on neither side"),
    ],
)
def test_credibility_counts_independent_origins(ws, claim, reprints, independent, relation, credibility, described):
    for source, text in _reprints(ws, reprints):
        _passage(ws, claim, source, text, FACT, relation)
    for source, text in _independent(ws)[:independent]:
        _passage(ws, claim, source, text, text.split(". ")[1], relation)
    assert _credibility(ws, claim) == credibility
    summary = claim_origins(ws, claim)
    assert summary.describe() == described
    assert summary.side(relation).describe() == described


def test_evidence_from_other_sentences_of_the_same_wire_copy_is_one_origin(ws, claim):
    (first, text_a), (second, text_b) = _reprints(ws, 2)
    _passage(ws, claim, first, text_a, FACT, "supports")
    _passage(ws, claim, second, text_b, "About 40,000 households had no running water", "supports")
    assert _credibility(ws, claim) == 2
    assert claim_origins(ws, claim).describe() == "2 sources, 1 origin"


def test_related_evidence_neither_supports_nor_contradicts(ws, claim):
    ((reprint, text),) = _reprints(ws, 1)
    (own, own_text), _ = _independent(ws)
    _passage(ws, claim, reprint, text, FACT, "supports")
    _passage(ws, claim, own, own_text, own_text.split(". ")[1], "related")
    summary = claim_origins(ws, claim)
    assert (summary.supports.origins, summary.contradicts.origins, summary.related.origins) == (1, 0, 1)
    assert (summary.sources, summary.origins) == (2, 2)
    assert _credibility(ws, claim) == 2


def test_deleting_a_reprint_regrades_and_numbers_follow_the_evidence(ws, claim):
    reprints = _reprints(ws, 2)
    (own, own_text), _ = _independent(ws)
    ids = [_passage(ws, claim, source, text, FACT, "supports") for source, text in reprints]
    ids.append(_passage(ws, claim, own, own_text, own_text.split(". ")[1], "supports"))
    summary = claim_origins(ws, claim)
    assert [summary.origin_of(i) for i in ids] == [1, 1, 2]
    assert [(e.evidence_id, e.source_id, e.relation) for e in summary.evidence] == [
        (ids[0], reprints[0][0], "supports"),
        (ids[1], reprints[1][0], "supports"),
        (ids[2], own, "supports"),
    ]
    assert _credibility(ws, claim) == 1
    delete_evidence(ws, ids[2])
    assert _credibility(ws, claim) == 2


def test_two_passages_of_one_source_are_one_origin(ws, claim):
    ((source, text),) = _reprints(ws, 1)
    _passage(ws, claim, source, text, FACT, "supports")
    _passage(ws, claim, source, text, "tankers reached the market square", "supports")
    assert claim_origins(ws, claim).describe() == "1 source, 1 origin"
    assert _credibility(ws, claim) == 2


def test_a_claim_without_evidence_has_no_origins(ws, claim):
    summary = claim_origins(ws, claim)
    assert (summary.evidence, summary.describe()) == ((), "0 sources, 0 origins")
    assert list_claim_origins(ws) == {}


def test_suggestions_carry_the_origin_of_the_evidence_they_copy(ws, claim):
    reprints = _reprints(ws, 3)
    independent = _independent(ws)
    _passage(ws, claim, reprints[0][0], reprints[0][1], FACT, "supports")
    suggested = [
        (source, text.index(FACT), text.index(FACT) + len(FACT), 0.9, "supports") for source, text in reprints[1:]
    ]
    suggested += [(source, 0, len(text), 0.5 - n / 10, "related") for n, (source, text) in enumerate(independent)]
    replace_suggestions(ws, claim, suggested)
    origins = suggestion_origins(ws, claim)
    by_source = {s["source_id"]: origins[s["id"]] for s in list_suggestions(ws, claim)}
    assert [by_source[source] for source, _ in reprints[1:] + independent] == [1, 1, 2, 3]
    assert claim_origins(ws, claim).describe() == "1 source, 1 origin"  # suggestions change nothing


def test_many_claims_are_summarised_at_once(ws, claim):
    ((source, text),) = _reprints(ws, 1)
    _passage(ws, claim, source, text, FACT, "contradicts")
    assert list(list_claim_origins(ws)) == [claim]
    assert list_claim_origins(ws, [claim, 999])[999].origins == 0


def test_a_reprint_of_the_claims_own_story_is_no_origin_of_its_own(ws):
    """A claim on a Reuters story, 'corroborated' by the same sentence reprinted under another
    headline, was 'credibility 2 (probably true), 1 source, 1 origin': the claim's own wire copy
    confirmed itself."""
    own_text = f"Outlet A — {WIRE}"
    own_source = _source(ws, own_text, "Wire story")
    start = own_text.index(FACT)
    claim = add_claim(ws, own_source, start, start + len(FACT))
    (copy, copy_text), (other, other_text) = _reprints(ws, 1)[0], _independent(ws)[0]
    _passage(ws, claim, copy, copy_text, FACT, "supports")
    origins = claim_origins(ws, claim)
    assert (origins.sources, origins.origins, origins.own, origins.supports.origins) == (1, 0, 1, 0)
    assert origins.describe() == "1 source, 0 origins (1 copies the claim's own story)"
    assert _credibility(ws, claim) is None  # nothing independent says so yet
    independent = OWN[0].split(". ", 1)[1]
    _passage(ws, claim, other, other_text, independent, "supports")
    origins = claim_origins(ws, claim)
    assert [e.origin for e in origins.evidence] == [0, 1] and _credibility(ws, claim) == 2
    replace_suggestions(ws, claim, [(copy, 0, len(copy_text), 1.0, "related")])
    [suggestion] = list_suggestions(ws, claim)
    assert suggestion_origins(ws, claim) == {suggestion["id"]: 0}


def test_a_reprint_under_another_headline_is_no_origin_of_the_headline_claim(ws):
    """A headline claim ('Water plant fails, …') was confirmed by its own wire copy: the lead of
    the same story reprinted under another headline counted as an independent origin, since the
    headline's own passage was looked for in the body and read without the story around it."""
    headline = "Water plant control system fails, authority says"
    own_source = _source(ws, f"Outlet A — {WIRE}", headline)
    claim = add_claim(ws, own_source, 0, len(headline), part="title")
    (copy, copy_text), (other, other_text) = _reprints(ws, 1)[0], _independent(ws)[0]
    _passage(ws, claim, copy, copy_text, FACT, "supports")
    origins = claim_origins(ws, claim)
    assert origins.describe() == "1 source, 0 origins (1 copies the claim's own story)"
    assert _credibility(ws, claim) is None
    _passage(ws, claim, other, other_text, OWN[0].split(". ", 1)[1], "supports")  # another reporter's words
    assert [e.origin for e in claim_origins(ws, claim).evidence] == [0, 1] and _credibility(ws, claim) == 2


def _own_story_claim(ws) -> int:
    own_text = f"Outlet A — {WIRE}"
    start = own_text.index(FACT)
    claim = add_claim(ws, _source(ws, own_text, "Wire story"), start, start + len(FACT))
    copy, copy_text = _reprints(ws, 1)[0]
    _passage(ws, claim, copy, copy_text, FACT, "supports")
    return claim


def test_a_workspace_graded_before_the_claims_own_story_counted_is_graded_again(tmp_path):
    """Credibility is kept with the claim: a workspace judged under the old rule kept 'probably
    true' for a claim its own reprint confirmed, until the claim's evidence changed."""
    from briefing.store import open_workspace

    path = tmp_path / "old.briefing"
    with open_workspace(path) as ws:
        claim = _own_story_claim(ws)
        ws.db.execute("UPDATE claims SET credibility = 2 WHERE id = ?", [claim])  # as the old rule left it
        ws.db.execute("DELETE FROM _sqlite_migrations WHERE name = '0014_speaker_names'")
        ws.db.execute("PRAGMA user_version = 13")
        ws.db.conn.commit()
    with open_workspace(path) as ws:
        assert _credibility(ws, claim) is None
        ws.db.execute("UPDATE claims SET credibility = 2 WHERE id = ?", [claim])
        ws.db.conn.commit()
    with open_workspace(path) as ws:  # once: an up-to-date workspace is not graded again at every opening
        assert _credibility(ws, claim) == 2


def test_a_team_database_graded_before_the_claims_own_story_counted_is_graded_again(team_database):
    import psycopg

    from briefing.store import open_workspace

    with open_workspace(team_database) as ws:
        claim = _own_story_claim(ws)
    with psycopg.connect(team_database) as conn:
        conn.execute("UPDATE claims SET credibility = 2 WHERE id = %s", [claim])
        conn.execute("UPDATE briefing_schema SET version = 13")
    with open_workspace(team_database) as ws:
        assert _credibility(ws, claim) is None
