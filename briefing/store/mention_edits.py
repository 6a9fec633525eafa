"""One mention taken off its entity: "not this entity" for a single wrong link (his wife "Pence"
linked to Mike Pence), without splitting it off and deleting what was split.

The mention is deleted and the source is told, by a per-source alias rejection (kind 'entity',
key "<entity id>:<normalised form>", source_id = the source: ``briefing.store.analysis``), not to
link that form to that entity again: re-analysis finds the words and links them elsewhere, or to
an entity of their own, never back. The entity's other mentions of the source by the same words
become the analyst's, so re-analysis keeps them; other sources are left as they are.
"""

from __future__ import annotations

from dataclasses import dataclass

from briefing.domain import normalise_name
from briefing.store.analysis import alias_rejection_key
from briefing.store.history import record_judgement
from briefing.store.revisions import hold, missing, revise
from briefing.store.search_index import reindex_sources
from briefing.store.workspace import Workspace, utc_now


@dataclass(frozen=True)
class Unlinked:
    """What ``unlink_mention`` took off: the entity, the source and the words."""

    entity_id: int
    source_id: int
    text: str
    quotes: int  # quotes in the source no longer given to the entity by these words


def get_mention(ws: Workspace, mention_id: int) -> tuple[int, int, str]:
    """(entity id, source id, words) of a mention; Missing when there is no such mention."""
    row = ws.db.execute("SELECT entity_id, source_id, text FROM mentions WHERE id = ?", [mention_id]).fetchone()
    if row is None:
        raise missing(ws, "mention", mention_id, said=f"mention {mention_id} does not exist")
    return row[0], row[1], row[2]


def unlink_mention(
    ws: Workspace, mention_id: int, reason: str | None = None, *, expected: int | None = None
) -> Unlinked:
    """Take one mention off its entity; re-analysis of its source does not link its words to that
    entity again. A quote of the source the entity spoke only by these words (and no confirmed
    speaker) loses its speaker, keeping the name as text. ``expected``: the entity's revision the
    analyst saw (``store.revisions``)."""
    with ws.transaction() as db:
        entity_id, source_id, text = get_mention(ws, mention_id)
        hold(ws, "entity", entity_id, expected)
        revise(ws, "entity", entity_id, expected)
        db.execute("DELETE FROM mentions WHERE id = ?", [mention_id])
        form = normalise_name(text)
        key = alias_rejection_key(entity_id, text)
        known = "SELECT 1 FROM rejections WHERE kind = 'entity' AND key = ? AND source_id = ?"
        if db.execute(known, [key, source_id]).fetchone() is None:
            ws.insert("rejections", {"kind": "entity", "source_id": source_id, "key": key, "created_at": utc_now()})
        _keep_the_others(ws, entity_id, source_id, form)
        quotes = _unspeak(ws, entity_id, source_id, form)
        db.execute("UPDATE entities SET edited = 1 WHERE id = ?", [entity_id])
        record_judgement(ws, "unlink", "entity", entity_id, "mention", f"{text} (source {source_id})", None, reason)
        if quotes:
            reindex_sources(ws, [source_id])
        return Unlinked(entity_id, source_id, text, quotes)


def _keep_the_others(ws: Workspace, entity_id: int, source_id: int, form: str) -> None:
    """The entity's other mentions of the source by the same words become the analyst's: the
    rejection names the words, and re-analysis keeps these where they are (as a split's are)."""
    rows = ws.db.execute(
        "SELECT id, text FROM mentions WHERE entity_id = ? AND source_id = ? AND origin = 'analysis'",
        [entity_id, source_id],
    ).fetchall()
    for other_id in [i for i, text in rows if normalise_name(text) == form]:
        ws.db.execute("UPDATE mentions SET origin = 'analyst' WHERE id = ?", [other_id])


def _unspeak(ws: Workspace, entity_id: int, source_id: int, form: str) -> int:
    """Unconfirmed quotes of the source the entity speaks by ``form``, when no mention of it there
    reads so any more: their speaker is the name the text gives. Returns how many."""
    still = {
        normalise_name(text)
        for (text,) in ws.db.execute(
            "SELECT text FROM mentions WHERE entity_id = ? AND source_id = ?", [entity_id, source_id]
        ).fetchall()
    }
    if form in still:
        return 0
    rows = ws.db.execute(
        "SELECT id, speaker_text FROM quotes WHERE speaker_id = ? AND source_id = ? AND speaker_confirmed = 0",
        [entity_id, source_id],
    ).fetchall()
    ids = [quote_id for quote_id, said in rows if normalise_name(said or "") == form]
    for quote_id in ids:
        ws.db.execute("UPDATE quotes SET speaker_id = NULL WHERE id = ?", [quote_id])
    return len(ids)
