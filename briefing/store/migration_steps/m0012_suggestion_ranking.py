"""Migration 0012: a suggestion says how it was ranked, and every score is on one 0-1 scale."""

from __future__ import annotations

from typing import TYPE_CHECKING

from briefing.store.migration_steps import run_script

if TYPE_CHECKING:
    from sqlite_utils import Database

NAME = "0012_suggestion_ranking"

# A claim's suggestions ranked by shared words held raw BM25 sums (any size); those re-ranked by
# meaning held a cosine or a blend in 0-1. A claim whose best suggestion scores over 1 was ranked
# by words: its scores become shares of the best one. The others were ranked by meaning.
_RANKING = """
ALTER TABLE claim_suggestions ADD COLUMN ranking TEXT NOT NULL DEFAULT 'words'
    CHECK (ranking IN ('words','meaning'));
UPDATE claim_suggestions SET ranking = 'meaning'
    WHERE claim_id IN (SELECT claim_id FROM claim_suggestions GROUP BY claim_id HAVING max(score) <= 1);
UPDATE claim_suggestions SET score = round(claim_suggestions.score / m.best, 4)
    FROM (SELECT claim_id, max(score) AS best FROM claim_suggestions GROUP BY claim_id) AS m
    WHERE m.claim_id = claim_suggestions.claim_id AND claim_suggestions.ranking = 'words';
"""


def run(db: Database) -> None:
    """Claim suggestions record whether they were ranked by shared words or re-ranked by meaning,
    so the claim panel, ``briefing claims related`` and the export can say which, and a score by
    words is the share of the claim's best one (1.00 first) instead of a raw BM25 sum."""
    run_script(db, _RANKING)
