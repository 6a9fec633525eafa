"""Schema 12: each claim suggestion records how it was ranked, every score on one 0-1 scale."""

from __future__ import annotations

import hashlib

import psycopg

from briefing.domain import Document
from briefing.store import open_workspace
from briefing.store.sources import add_document
from briefing.store.suggestions import list_suggestions, replace_suggestions
from briefing.store.views import get_claim_related
from tests.old_schema import workspace_at_schema

TEXT = "Pumps restarted at dawn. The river rose. Crews worked all night."
# (claim, source, start, end, score): claim 1 ranked by words (raw BM25), claim 2 by meaning (0-1)
OLD_ROWS = [(1, 2, 0, 24, 12.5), (1, 3, 25, 39, 5.0), (2, 1, 0, 24, 0.81), (2, 3, 0, 24, 0.4)]


def _schema_11(path) -> None:
    """A workspace as Briefing made it before schema 12, with suggestions of both kinds."""
    db = workspace_at_schema(path, 11)
    for source_id in (1, 2, 3):
        db.execute(
            "INSERT INTO sources (id, path, format, content_hash, text, title, imported_at) "
            "VALUES (?, 'a.txt', 'txt', ?, ?, ?, '2026-03-01')",
            [source_id, f"h{source_id}", TEXT, f"Source {source_id}"],
        )
    _old_claims(db.execute, "?")
    db.conn.commit()
    db.close()


def _old_claims(execute, mark: str) -> None:
    """Two claims and their suggestions as schema 11 stored them (``mark``: the driver's parameter
    mark, '?' or '%s')."""
    for claim_id, source_id in ((1, 1), (2, 2)):
        execute(
            f'INSERT INTO claims (id, source_id, start, "end", text) VALUES ({mark}, {mark}, 0, 24, {mark})',
            [claim_id, source_id, TEXT[:24]],
        )
    for claim_id, source_id, start, end, score in OLD_ROWS:
        execute(
            'INSERT INTO claim_suggestions (claim_id, source_id, start, "end", passage, score, relation) '
            f"VALUES ({', '.join([mark] * 6)}, 'related')",
            [claim_id, source_id, start, end, TEXT[start:end], score],
        )


def _scores(ws, claim_id):
    return [(s["source_id"], s["score"], s["ranking"]) for s in list_suggestions(ws, claim_id)]


def test_an_older_workspace_gets_its_word_scores_as_shares_of_the_best(tmp_path):
    path = tmp_path / "old.briefing"
    _schema_11(path)
    with open_workspace(path) as ws:
        assert _scores(ws, 1) == [(2, 1.0, "words"), (3, 0.4, "words")]
        assert _scores(ws, 2) == [(1, 0.81, "meaning"), (3, 0.4, "meaning")]  # re-ranked before: kept


def test_a_team_database_of_schema_11_is_upgraded_the_same_way(team_database):
    with open_workspace(team_database) as ws:
        for text in ("Source 1", "Source 2", "Source 3"):
            raw = text.encode()
            digest = hashlib.sha256(raw).hexdigest()
            add_document(ws, Document(path="a.txt", format="txt", raw=raw, content_hash=digest, text=TEXT, title=text))
    with psycopg.connect(team_database) as conn:  # back to schema 11: no ranking column, raw scores
        conn.execute("ALTER TABLE claim_suggestions DROP COLUMN ranking")
        conn.execute("ALTER TABLE mentions DROP COLUMN found_type")
        conn.execute("UPDATE briefing_schema SET version = 11")
        _old_claims(conn.execute, "%s")
    with open_workspace(team_database) as ws:
        assert _scores(ws, 1) == [(2, 1.0, "words"), (3, 0.4, "words")]
        assert _scores(ws, 2) == [(1, 0.81, "meaning"), (3, 0.4, "meaning")]


def test_a_suggestion_says_how_it_was_ranked_in_the_claims_view_data(tmp_path):
    path = tmp_path / "old.briefing"
    _schema_11(path)
    with open_workspace(path) as ws:
        replace_suggestions(ws, 1, [(3, 25, 39, 0.9, "related"), (2, 0, 24, 0.7, "supports")], "meaning")
        related = get_claim_related(ws, 1)
    assert [(s["source"]["id"], s["score"], s["ranking"]) for s in related["suggestions"]] == [
        (3, 0.9, "meaning"),
        (2, 0.7, "meaning"),
    ]
