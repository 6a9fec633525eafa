"""The search index follows every write on both backends, and PostgreSQL's pieces hold:
the expression rewritten as a tsquery, and snippets given back their own spacing."""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.search.engine import search
from briefing.store.annotations import add_annotation
from briefing.store.claims import add_claim, dismiss_claim, mark_claim
from briefing.store.edits import set_quote_speaker
from briefing.store.entities import add_entity
from briefing.store.pg_search import joined
from briefing.store.pg_tsquery import tsquery_text
from briefing.store.quotes import add_quote
from briefing.store.search_index import rebuild
from briefing.store.sources import add_document, delete_source, update_source
from tests.search.test_engine import A, B, _doc

BACKENDS = ("sqlite", "postgresql")  # tests/conftest.py runs ``ws`` on both


def found(ws, query):
    return sorted((h.kind, h.ref_id) for h in search(ws, query, limit=50).page.hits)


def test_every_write_reaches_the_index(ws):
    a, _ = add_document(ws, _doc(A, "Pumps back on", "2026-03-03", "Meridian Wire"))
    b, _ = add_document(ws, _doc(B, "Report says 62,000 homes hit", "2026-03-07"))
    assert found(ws, "pumping") == [("source", a)]
    quote = add_quote(ws, a, 1, A.index("”"), speaker_text="the utility", cue="said")
    assert found(ws, "pumping") == [("quote", quote), ("source", a)]
    okafor = add_entity(ws, "Marta Okafor", "person", aliases=("Okafor",))
    set_quote_speaker(ws, quote, okafor)
    assert found(ws, "speaker:okafor") == [("quote", quote)]
    claim = add_claim(ws, b, 0, B.index(","))
    mark_claim(ws, claim, "disputed")
    assert found(ws, "status:disputed") == [("claim", claim)]
    dismiss_claim(ws, claim, reason="not a claim")
    assert found(ws, "status:disputed") == []
    note = add_annotation(ws, b, 0, 9, note="check", tags=("figures",))
    assert found(ws, "tag:figures") == [("note", note)]
    update_source(ws, a, title="Water flows again")
    assert found(ws, "source:flows") == [("quote", quote), ("source", a)] and found(ws, "source:pumps") == []
    update_source(ws, b, reliability="A")
    assert ("note", note) in found(ws, "grade:A")
    delete_source(ws, b)
    assert found(ws, "ransom") == [] and found(ws, "tag:figures") == []
    before = found(ws, "pumping OR water")
    rebuild(ws)
    assert found(ws, "pumping OR water") == before


@pytest.mark.parametrize(
    "expression, tsquery",
    [
        ('"ransom" AND "demand"', "('ransom' & 'demand')"),
        ('("ransom" OR "hoax") AND "water"', "(('ransom' | 'hoax') & 'water')"),
        ('"ransom" NOT "hoax" AND "note"', "(('ransom' & !'hoax') & 'note')"),
        ('"Boil water notice"', "('boil' <-> 'water' <-> 'notice')"),
        ('"outag"*', "'outag':*"),
        ('"boil wat"*', "('boil' <-> 'wat':*)"),
        ('speaker : "marta okafor"', "('marta':A <-> 'okafor':A)"),
        ('title : "back on"', "('back':B <-> 'on':B)"),
        (
            'NEAR("water" "outage", 1)',
            "('water' <1> 'outage' | 'outage' <1> 'water' | 'water' <2> 'outage' | 'outage' <2> 'water')",
        ),
        ('"北 京"', "('北' <-> '京')"),
        ('"it\'s"', "'it''s'"),
    ],
)
def test_the_expression_becomes_a_tsquery(expression, tsquery):
    assert tsquery_text(expression) == tsquery


_TEXT = st.text(alphabet=st.sampled_from("ab 北京서울。，“”—…-,.'"), max_size=25)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(_TEXT)
def test_a_snippet_gets_back_the_spacing_of_its_text(ws, text):
    if ws.backend != "postgresql":
        return
    spaced = ws.db.execute("SELECT briefing_search_spaced(?)", [text]).fetchone()[0]
    assert joined(spaced) == text


def test_a_count_with_a_limit_reads_the_index_not_the_table(ws):
    """A word few rows hold, counted up to a limit: the planner would read the table in order,
    hoping to meet matches early (5 s on a million rows for a word none holds)."""
    if ws.backend != "postgresql":
        return
    from briefing.store.pg_search_queries import _through_index

    add_document(ws, _doc(A, "Pumps back on"))
    sql = (
        "EXPLAIN SELECT count(*) FROM (SELECT 1 FROM search_docs d WHERE d.doc @@ to_tsquery('briefing', ?) LIMIT 1) x"
    )
    assert "Seq Scan" in str(ws.db.execute(sql, ["'nothing'"]).fetchall())  # what the planner picks alone
    plan = str(_through_index(ws, sql, ["'nothing'"]))
    assert "Seq Scan" not in plan and "idx_search_docs_doc" in plan


SPOKEN = "“We will win Iowa,” said Clinton's campaign manager Robby Mook."


def _spoken_by_mook(ws):
    source, _ = add_document(ws, _doc(SPOKEN, "Campaign day", "2026-03-03"))
    mook = add_entity(ws, "Robby Mook", "person")
    return add_quote(
        ws, source, 1, SPOKEN.index("”"), speaker_id=mook, speaker_text="Clinton's campaign manager Robby Mook"
    )


def test_a_workspace_indexed_with_the_words_describing_speakers_is_upgraded(tmp_path):
    """Schema 13 indexed the attribution's words with the speaker's name (migration 0014)."""
    from briefing.store import open_workspace

    path = tmp_path / "old.briefing"
    with open_workspace(path) as ws:
        quote = _spoken_by_mook(ws)
        ws.db.execute(
            "UPDATE search_fts SET speaker = ? WHERE rowid = (SELECT id FROM search_docs WHERE kind = 'quote')",
            ["Robby Mook Clinton's campaign manager Robby Mook"],
        )
        ws.db.conn.commit()
        ws.db.execute("DELETE FROM _sqlite_migrations WHERE name = '0014_speaker_names'")
        ws.db.execute("PRAGMA user_version = 13")
        ws.db.conn.commit()
        assert found(ws, "speaker:clinton") == [("quote", quote)]
    with open_workspace(path) as ws:
        assert found(ws, "speaker:clinton") == [] and found(ws, "speaker:mook") == [("quote", quote)]


def test_a_team_database_indexed_with_the_words_describing_speakers_is_upgraded(team_database):
    import psycopg

    from briefing.store import open_workspace

    with open_workspace(team_database) as ws:
        quote = _spoken_by_mook(ws)
    with psycopg.connect(team_database) as conn:  # as schema 13 indexed it
        conn.execute(
            "UPDATE search_docs SET speaker = 'Robby Mook Clinton''s campaign manager Robby Mook' WHERE kind = 'quote'"
        )
        conn.execute("UPDATE briefing_schema SET version = 13")
    with open_workspace(team_database) as ws:
        assert found(ws, "speaker:clinton") == [] and found(ws, "speaker:mook") == [("quote", quote)]
