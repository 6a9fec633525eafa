"""What a reader of a briefing note must know before trusting a claim's judgement, read from the
judgement history: the claim was re-worded after it was judged, evidence it was judged with has
gone since (removed, or its source deleted) or bears on it otherwise since (its relation
changed: a passage that contradicted it now supports it), or the analyst has since dismissed it
as not a claim. Each passage of the note is still checked word for word (``note_content``);
these are about the judgement, which no word-for-word check can see.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping

from briefing.domain import counted, one_line
from briefing.note_content import BriefingNote, ClaimContent
from briefing.store import Workspace
from briefing.store.claims import dismissed_among
from briefing.store.evidence import relations_changed_since
from briefing.store.history import Judgement, history_for
from briefing.store.source_snapshots import EVIDENCE_GONE


def note_cautions(ws: Workspace, note: BriefingNote, judgements: Mapping[int, Judgement]) -> dict[int, tuple[str, ...]]:
    """claim id -> its cautions (plain text, one sentence each), for the note's claims that have any;
    ``judgements`` is ``formats.note_judgements``: the history row that gave each claim its status."""
    claims = {item.ref_id: item.content for item in note.items if isinstance(item.content, ClaimContent)}
    dismissed = dismissed_among(ws, [claim_id for claim_id in claims if claim_id is not None])
    found: dict[int, tuple[str, ...]] = {}
    for claim_id, claim in claims.items():
        if claim_id is None or not isinstance(claim, ClaimContent):
            continue
        cautions = []
        judgement = judgements.get(claim_id)
        if judgement is not None:
            history = history_for(ws, "claim", claim_id)
            later = [j for j in history if j.id > judgement.id]
            cautions += _reworded(claim, judgement, later) + _evidence_gone(claim, later)
            cautions += _relations_changed(ws, claim_id, judgement, history)
        if claim_id in dismissed:
            cautions.append("It has since been dismissed as not a claim.")
        if cautions:
            found[claim_id] = tuple(cautions)
    return found


def _reworded(claim: ClaimContent, judgement: Judgement, later: list[Judgement]) -> list[str]:
    """The claim's words when it was judged, when they are no longer its words."""
    edits = [j for j in later if j.action == "edit" and j.field == "text"]
    if not edits or edits[0].old_value is None or edits[0].old_value == claim.passage.text:
        return []
    judged = one_line(edits[0].old_value)
    end = "" if judged.rstrip("”’\"')").endswith((".", "!", "?")) else "."  # '…laws.”', not '…laws.”.'
    return [f"It was judged {judgement.new_value} on {judgement.at[:10]} when its words were “{judged}”{end}"]


def _evidence_gone(claim: ClaimContent, later: list[Judgement]) -> list[str]:
    """Evidence passages removed after the judgement that the claim no longer has."""
    present = {(e.relation, e.passage.text) for e in claim.evidence}
    gone = [j for j in later if j.action == "remove_evidence" and (j.field, j.old_value) not in present]
    unique = {(j.field, j.old_value): j for j in gone}
    if not unique:
        return []
    with_source = EVIDENCE_GONE.split("{")[0]
    deleted = all((j.reason or "").startswith(with_source) for j in unique.values())
    why = " with their source" if deleted and len(unique) > 1 else " with its source" if deleted else ""
    passages = counted(len(unique), "evidence passage")
    return [f"{passages} it was judged with {'was' if len(unique) == 1 else 'were'} removed since{why}."]


def _relations_changed(ws: Workspace, claim_id: int, judgement: Judgement, history: list[Judgement]) -> list[str]:
    """Evidence passages the claim was judged with whose relation was changed since, and is not
    back to the one judged with (a passage linked after the judgement was not weighed by it)."""
    linked: dict[str | None, bool] = {}  # passage -> linked when the claim was judged
    for j in history:
        if j.id < judgement.id and j.action in ("add_evidence", "remove_evidence"):
            linked[j.new_value if j.action == "add_evidence" else j.old_value] = j.action == "add_evidence"
    changes = Counter(
        (then, now) for passage, then, now in relations_changed_since(ws, claim_id, judgement.id) if linked.get(passage)
    )
    if not changes:
        return []
    total = sum(changes.values())
    said = f"{counted(total, 'evidence passage')} it was judged with {'was' if total == 1 else 'were'} changed since"
    if len(changes) == 1:
        [(then, now)] = changes
        return [f"{said} from {then} to {now}."]
    each = ", ".join(f"{n} from {then} to {now}" for (then, now), n in sorted(changes.items()))
    return [f"{said}: {each}."]
