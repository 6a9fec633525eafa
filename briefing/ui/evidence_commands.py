"""The undoable commands of a claim's evidence: confirm or dismiss a suggested passage, attach a
passage the analyst selected in another source, remove evidence. Undo takes each back and the
judgement history keeps both (the panel is ``briefing.ui.evidence``)."""

from __future__ import annotations

from collections.abc import Callable
from typing import NoReturn

from PySide6.QtGui import QUndoCommand

from briefing.store import Workspace
from briefing.store.evidence import add_evidence, attached_reason, change_evidence, delete_evidence, list_evidence
from briefing.store.revisions import GoneWrite, Missing, StaleWrite, find_removal, get_revision
from briefing.store.suggestions import confirm_suggestion, dismiss_suggestion, reopen_suggestion
from briefing.ui.commands import Revisions
from briefing.ui.step_names import claim_words, name_step


class DecideSuggestion(QUndoCommand):
    """Confirm or dismiss a suggested passage; undo reopens it (the history keeps both).

    Confirming adds evidence to the claim: with ``revisions`` it, and the undo that unlinks it,
    are refused when a colleague changed the claim in between (store.revisions)."""

    def __init__(
        self,
        text: str,
        decide: Callable[[Workspace, int, int | None], object],
        ws: Workspace,
        suggestion_id: int,
        changed: Callable[[], None],
        revisions: Revisions | None = None,
    ):
        super().__init__(text)
        self.decide, self.ws, self.suggestion_id, self.changed = decide, ws, suggestion_id, changed
        self.revisions = revisions or Revisions(None)

    def redo(self) -> None:
        self.decide(self.ws, self.suggestion_id, self.revisions.expected())
        self.revisions.wrote()
        self.changed()

    def undo(self) -> None:
        reopen_suggestion(self.ws, self.suggestion_id, expected=self.revisions.expected())
        self.changed()


def confirm_command(
    ws: Workspace, suggestion_id: int, claim_id: int, changed: Callable[[], None], seen: int | None = None
) -> DecideSuggestion:
    """Confirm a suggestion of ``claim_id``, whose revision the analyst saw as ``seen``."""
    command = DecideSuggestion(
        "",
        lambda ws, suggestion, expected: confirm_suggestion(ws, suggestion, expected=expected),
        ws,
        suggestion_id,
        changed,
        Revisions(seen, ws, ("claim", claim_id)),
    )
    name_step(command, "Confirm suggested evidence for claim {}", claim_words(ws, claim_id))
    return command


def dismiss_command(
    ws: Workspace, suggestion_id: int, claim_id: int, changed: Callable[[], None], seen: int | None = None
) -> DecideSuggestion:
    """Dismiss a suggestion: the claim itself is not changed, so no revision is expected."""
    command = DecideSuggestion(
        "", lambda ws, suggestion, _: dismiss_suggestion(ws, suggestion), ws, suggestion_id, changed
    )
    name_step(command, "Dismiss suggestion for claim {}", claim_words(ws, claim_id))
    return command


class AttachEvidence(QUndoCommand):
    """Link a passage the analyst selected to a claim; undo unlinks it. ``seen`` is the claim's
    revision the analyst saw: the link, and each undo and redo, is refused when a colleague
    changed the claim since (store.revisions)."""

    def __init__(
        self,
        ws: Workspace,
        claim_id: int,
        passage: tuple[int, int, int],
        relation: str,
        note: str | None,
        changed: Callable[[], None],
        seen: int | None = None,
    ):
        super().__init__()
        name_step(self, f"Attach {relation} evidence to claim {{}}", claim_words(ws, claim_id))
        self.ws, self.claim_id, self.passage = ws, claim_id, passage
        self.relation, self.note, self.changed = relation, note, changed
        self.evidence_id: int | None = None
        self.revisions = Revisions(seen, ws, ("claim", claim_id))

    def redo(self) -> None:
        source_id, start, end = self.passage
        self.evidence_id = add_evidence(
            self.ws, self.claim_id, source_id, start, end, self.relation, self.note, expected=self.revisions.expected()
        )
        self.revisions.wrote()
        self.changed()

    def undo(self) -> None:
        if self.evidence_id is not None:
            # the passage's link as it is now: an undone Remove Evidence linked it under another id
            source_id, start, end = self.passage
            linked = {"id": self.evidence_id, "source_id": source_id, "start": start, "end": end}
            evidence_id = linked_id(self.ws, self.claim_id, linked)
            delete_evidence(self.ws, evidence_id, reason="undo", expected=self.revisions.expected())
        self.changed()


class RemoveEvidence(QUndoCommand):
    """Unlink evidence; undo links the same passage again. Each is refused when a colleague
    changed the claim since the analyst saw it (``seen``) or this window last wrote it. A
    suggestion confirmed at the passage, or closed when it was attached with another relation, is
    open again, and decided again as it was by the undo."""

    def __init__(
        self, ws: Workspace, evidence: dict, claim_id: int, changed: Callable[[], None], seen: int | None = None
    ):
        super().__init__()
        name_step(self, "Remove evidence from claim {}", claim_words(ws, claim_id))
        self.ws, self.evidence, self.claim_id, self.changed = ws, evidence, claim_id, changed
        self.revisions = Revisions(seen, ws, ("claim", claim_id))
        self.reopened: list[int] = []

    def redo(self) -> None:
        expected = self.revisions.expected()
        reason = "removed by the analyst"
        self.reopened = delete_evidence(
            self.ws, linked_id(self.ws, self.claim_id, self.evidence), reason=reason, expected=expected
        )
        self.revisions.wrote()
        self.changed()

    def undo(self) -> None:
        e, expected = self.evidence, self.revisions.expected()
        e["id"] = add_evidence(
            self.ws,
            self.claim_id,
            e["source_id"],
            e["start"],
            e["end"],
            e["relation"],
            e["note"],
            expected=expected,
            confirms=self.reopened,
        )
        self.changed()


class ChangeEvidence(QUndoCommand):
    """Set how a piece of evidence bears on its claim (its relation) and its note; undo sets
    them back. Each is refused when a colleague changed the claim since the analyst saw it
    (``seen``) or this window last wrote it, or removed the evidence."""

    def __init__(
        self,
        ws: Workspace,
        evidence: dict,
        claim_id: int,
        now: tuple[str, str | None],
        changed: Callable[[], None],
        seen: int | None = None,
    ):
        relation = now[0]
        super().__init__()
        action = f"Change evidence to {relation}" if relation != evidence["relation"] else "Edit evidence note"
        name_step(self, f"{action} for claim {{}}", claim_words(ws, claim_id))
        self.ws, self.evidence, self.claim_id, self.changed = ws, evidence, claim_id, changed
        self.before, self.after = (evidence["relation"], evidence["note"]), now
        self.revisions = Revisions(seen, ws, ("claim", claim_id))

    def redo(self) -> None:
        self._set(self.after, None)
        self.revisions.wrote()
        self.changed()

    def undo(self) -> None:
        self._set(self.before, "undo")
        self.changed()

    def _set(self, values: tuple[str, str | None], reason: str | None) -> None:
        evidence_id = linked_id(self.ws, self.claim_id, self.evidence)
        change_evidence(self.ws, evidence_id, *values, reason, expected=self.revisions.expected())


def linked_id(ws: Workspace, claim_id: int, evidence: dict) -> int:
    """The id of the claim's evidence of the same passage as ``evidence``, whatever it is by now:
    an undo that linked the passage again gave it another id."""
    for now in list_evidence(ws, claim_id):
        if (now["source_id"], now["start"], now["end"]) == (evidence["source_id"], evidence["start"], evidence["end"]):
            return now["id"]
    return evidence["id"]  # gone: the store says who removed it


class AttachSuggestion(QUndoCommand):
    """Make a suggested passage evidence with the relation the analyst chose. The suggestion's
    own relation confirms it; another one links the passage with that relation and closes the
    suggestion, saying why, in one transaction. Undo reopens the suggestion. ``seen`` is the
    claim's revision the analyst saw, as for AttachEvidence."""

    def __init__(
        self, ws: Workspace, suggestion: dict, relation: str, changed: Callable[[], None], seen: int | None = None
    ):
        super().__init__()
        action = f"Attach suggested passage as {relation} evidence"
        name_step(self, f"{action} to claim {{}}", claim_words(ws, suggestion["claim_id"]))
        self.ws, self.suggestion, self.relation, self.changed = ws, suggestion, relation, changed
        self.evidence_id: int | None = None
        self.revisions = Revisions(seen, ws, ("claim", suggestion["claim_id"]))

    def redo(self) -> None:
        s, expected = self.suggestion, self.revisions.expected()
        if self.relation == s["relation"]:
            confirm_suggestion(self.ws, s["id"], expected=expected)
        else:
            with self.ws.transaction():
                self.evidence_id = add_evidence(
                    self.ws, s["claim_id"], s["source_id"], s["start"], s["end"], self.relation, expected=expected
                )
                dismiss_suggestion(self.ws, s["id"], attached_reason(self.relation, s["relation"]))
        self.revisions.wrote()
        self.changed()

    def undo(self) -> None:
        s, expected = self.suggestion, self.revisions.expected()
        with self.ws.transaction():
            if self.evidence_id is not None:  # the passage's evidence: an undone removal linked it under another id
                evidence_id = linked_id(self.ws, s["claim_id"], {**s, "id": self.evidence_id})
                delete_evidence(self.ws, evidence_id, reason="undo", expected=expected, reopen=False)
                expected = None  # checked: the reopened suggestion was dismissed, it unlinks nothing
            reopen_suggestion(self.ws, self.suggestion["id"], expected=expected)
        self.changed()


def gone_refusal(ws, claim_id: int, seen: int | None, gone: tuple[str, int], item: tuple[str, int]) -> NoReturn:
    """The refusal of a change to evidence or a suggested passage (``item``) that is gone: who
    removed its claim, or ``gone`` (the evidence, the passage's source), and when (GoneWrite), else
    StaleWrite when the claim changed since it was shown, else Missing (a re-analysis may have drawn
    it again: ui.redrawn); raised, never returned."""
    current = get_revision(ws, "claim", claim_id)  # the claim gone: who removed it, and how
    removal = find_removal(ws, *gone)
    if removal is not None:
        raise GoneWrite(*gone, removal)
    if seen is not None and current.number != seen:
        raise StaleWrite("claim", claim_id, current)
    what = "that evidence" if item[0] == "evidence" else "that passage"
    raise Missing(*item, f"{what} is no longer there")
