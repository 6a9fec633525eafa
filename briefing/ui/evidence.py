"""A claim's evidence and suggested related passages, with confirm, dismiss and attach.

Every change is an undoable command: confirming a suggestion makes it evidence,
dismissing hides it, attaching links a passage the analyst selected in another
source; undo takes each back and the history keeps both.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.store import Workspace
from briefing.store.analysis import confirm_suggestion, dismiss_suggestion, reopen_suggestion
from briefing.store.history import Judgement
from briefing.store.records import add_evidence, delete_evidence
from briefing.ui.plain import plain_label, tip
from briefing.ui.widgets import make_tree

RowRole = Qt.ItemDataRole.UserRole + 1  # (kind, id, source_id, start, end)


class EvidencePanel(QWidget):
    """Shows the current claim's evidence and open suggestions; emits ``passageOpened``."""

    passageOpened = Signal(int, int, int)  # source id, start, end

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.evidence = make_tree("Evidence", ["Relation", "Passage", "Source", "Origin"], 1, {0: 85, 3: 50})
        self.evidence.headerItem().setToolTip(
            3, "Passages with the same origin number are near-copies (a reprinted wire story): one independent voice")
        self.suggestions = make_tree("Suggested related passages", ["Suggests", "Passage", "Source", "Origin", "Score"],
                                     1, {0: 85, 3: 50, 4: 48})
        self.suggestions.headerItem().setToolTip(
            3, "Suggestions with the same origin number as evidence are near-copies of it: confirming one adds "
               "no independent origin")
        self.evidence_label = plain_label("Evidence")  # names the origins of the evidence
        layout.addWidget(self.evidence_label)
        layout.addWidget(self.evidence)
        self.suggestions_label = plain_label("Suggested related passages, one per source (confirm to make them "
                                             "evidence)", word_wrap=True)
        layout.addWidget(self.suggestions_label)
        layout.addWidget(self.suggestions)
        buttons = QHBoxLayout()
        self.confirm = QPushButton("C&onfirm")
        self.dismiss = QPushButton("Dis&miss")
        self.remove = QPushButton("Remove &Evidence")
        for button in (self.confirm, self.dismiss, self.remove):
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.history = make_tree("Claim history", ["When", "Who", "Change", "Why"], 2, {0: 120, 1: 70, 3: 120})
        self.history.setToolTip("Every judgement on this claim: status, evidence and suggestions, oldest first")
        layout.addWidget(QLabel("History"))
        layout.addWidget(self.history)
        for tree in (self.evidence, self.suggestions):
            tree.itemActivated.connect(self._open)
            tree.itemClicked.connect(self._open)

    def set_ranking_note(self, unavailable: str | None) -> None:
        """Say whether suggestions are re-ranked by meaning, and why not when they are not."""
        if unavailable is None:
            self.suggestions_label.setToolTip("Ranked by shared words, then re-ranked by meaning when a claim opens")
            return
        self.suggestions_label.setText("Suggested related passages, one per source, ranked by shared words "
                                       "(re-ranking by meaning is off here; hover for why)")
        self.suggestions_label.setToolTip(tip(f"Re-ranking by meaning is off: {unavailable}"))

    def show_claim(self, evidence: list[dict], suggestions: list[dict], history: Sequence[Judgement] = ()) -> None:
        self.history.clear()
        for judgement in history:
            change = describe(judgement)
            item = QTreeWidgetItem([judgement.at[:16].replace("T", " "), judgement.actor, change,
                                    judgement.reason or ""])
            item.setToolTip(2, tip(change))
            item.setToolTip(0, tip(f"{judgement.at} (UTC)"))
            self.history.addTopLevelItem(item)
        self.evidence.clear()
        for e in evidence:
            origin = e.get("origin")
            item = QTreeWidgetItem([e["relation"], e["passage"], e["title"], "" if origin is None else str(origin)])
            item.setData(0, RowRole, ("evidence", e["id"], e["source_id"], e["start"], e["end"]))
            item.setToolTip(1, tip((e["note"] or "") + "\n" + e["passage"]))
            self.evidence.addTopLevelItem(item)
        self.suggestions.clear()
        for s in (s for s in suggestions if s["state"] == "open"):
            origin = s.get("origin")
            item = QTreeWidgetItem([s["relation"], s["passage"], s["title"], "" if origin is None else str(origin),
                                    f"{s['score']:.2f}"])
            item.setData(0, RowRole, ("suggestion", s["id"], s["source_id"], s["start"], s["end"]))
            item.setToolTip(1, tip(s["passage"]))
            self.suggestions.addTopLevelItem(item)

    def current(self, tree: QTreeWidget) -> tuple | None:
        item = tree.currentItem()
        return item.data(0, RowRole) if item is not None else None

    def _open(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        _, _, source_id, start, end = item.data(0, RowRole)
        self.passageOpened.emit(source_id, start, end)


def describe(j: Judgement) -> str:
    """One line for a judgement in a claim's history."""
    passage = (j.old_value or j.new_value or "").replace("\n", " ")
    short = f"“{passage[:80]}{'…' if len(passage) > 80 else ''}”"
    if j.action == "mark":
        return f"Status {j.old_value or 'unreviewed'} → {j.new_value}"
    if j.action == "add_evidence":
        return f"Evidence added ({j.field}): {short}"
    if j.action == "remove_evidence":
        return f"Evidence removed ({j.field}): {short}"
    if j.target_kind == "claim":
        new = (j.new_value or "").replace("\n", " ")
        return {"add": f"Claim made: “{new[:80]}”", "edit": f"Claim text changed from {short}",
                "dismiss": "Dismissed: not a claim", "restore": "Claim restored",
                "remove": "Claim removed"}.get(j.action, f"{j.action} {j.field or ''}".strip())
    return {"confirm": "Suggested passage confirmed as evidence", "dismiss": "Suggested passage dismissed",
            "reopen": "Suggested passage reopened"}.get(j.action, f"{j.action} {j.field or ''}".strip())


class DecideSuggestion(QUndoCommand):
    """Confirm or dismiss a suggested passage; undo reopens it (the history keeps both)."""

    def __init__(self, text: str, decide: Callable[[Workspace, int], object], ws: Workspace, suggestion_id: int,
                 changed: Callable[[], None]):
        super().__init__(text)
        self.decide, self.ws, self.suggestion_id, self.changed = decide, ws, suggestion_id, changed

    def redo(self) -> None:
        self.decide(self.ws, self.suggestion_id)
        self.changed()

    def undo(self) -> None:
        reopen_suggestion(self.ws, self.suggestion_id)
        self.changed()


def confirm_command(ws: Workspace, suggestion_id: int, changed: Callable[[], None]) -> DecideSuggestion:
    return DecideSuggestion("Confirm suggested evidence", confirm_suggestion, ws, suggestion_id, changed)


def dismiss_command(ws: Workspace, suggestion_id: int, changed: Callable[[], None]) -> DecideSuggestion:
    return DecideSuggestion("Dismiss suggestion", dismiss_suggestion, ws, suggestion_id, changed)


class AttachEvidence(QUndoCommand):
    def __init__(self, ws: Workspace, claim_id: int, passage: tuple[int, int, int], relation: str,
                 note: str | None, changed: Callable[[], None]):
        super().__init__(f"Attach {relation} evidence")
        self.ws, self.claim_id, self.passage = ws, claim_id, passage
        self.relation, self.note, self.changed = relation, note, changed
        self.evidence_id: int | None = None

    def redo(self) -> None:
        source_id, start, end = self.passage
        self.evidence_id = add_evidence(self.ws, self.claim_id, source_id, start, end, self.relation, self.note)
        self.changed()

    def undo(self) -> None:
        if self.evidence_id is not None:
            delete_evidence(self.ws, self.evidence_id, reason="undo")
        self.changed()


class RemoveEvidence(QUndoCommand):
    """Unlink evidence; undo links the same passage again."""

    def __init__(self, ws: Workspace, evidence: dict, claim_id: int, changed: Callable[[], None]):
        super().__init__("Remove evidence")
        self.ws, self.evidence, self.claim_id, self.changed = ws, evidence, claim_id, changed

    def redo(self) -> None:
        delete_evidence(self.ws, self.evidence["id"], reason="removed by the analyst")
        self.changed()

    def undo(self) -> None:
        e = self.evidence
        e["id"] = add_evidence(self.ws, self.claim_id, e["source_id"], e["start"], e["end"], e["relation"], e["note"])
        self.changed()
