"""Linking evidence to claims from the window: suggestions to confirm or dismiss, and a
passage the analyst selects in another source for a pinned claim."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from briefing.domain import CREDIBILITY_LABELS, BriefingError
from briefing.pipeline import semantic_unavailable
from briefing.store.analysis import list_suggestions
from briefing.store.claims import get_claim
from briefing.store.history import claim_history
from briefing.store.origins import OriginSummary, claim_origins, suggestion_origins
from briefing.store.records import claim_evidence
from briefing.store.sources import get_source
from briefing.store.views import item_range
from briefing.ui.evidence import AttachEvidence, RemoveEvidence, confirm_command, dismiss_command
from briefing.ui.panels import NO_CLAIM
from briefing.ui.plain import plain_label
from briefing.ui.widgets import add_ok_cancel

NO_CLAIM_HINT = "Select a claim, then judge it. Credibility follows from the evidence of independent sources."


def claim_hint(claim: dict, origins: OriginSummary) -> str:
    """One line under the claim list about the selected claim: status, credibility, evidence."""
    parts = [claim["status"].capitalize()]
    if claim["credibility"] is not None:
        parts.append(f"credibility {claim['credibility']} ({CREDIBILITY_LABELS.get(claim['credibility'], '')})")
    parts.append(f"evidence from {origins.describe()}" if claim["evidence"]
                 else "no evidence yet")
    made = "you made this claim" if claim["origin"] == "analyst" else (
        f"found by the analysis{' as ' + claim['kind'] if claim['kind'] else ''}")
    return " · ".join(parts + [made])


class EvidenceDialog(QDialog):
    def __init__(self, parent: QWidget | None, claim: str, passage: str):
        super().__init__(parent)
        self.setWindowTitle("Attach Evidence")
        layout = QFormLayout(self)
        for label, text in (("Claim:", claim), ("Passage:", passage)):
            layout.addRow(label, plain_label(f"“{text[:300]}”", word_wrap=True))
        self.relation = QComboBox()
        self.relation.addItems(["supports", "contradicts", "related"])
        self.relation.setAccessibleName("Relation")
        layout.addRow("The passage &", self.relation)
        self.note = QLineEdit(placeholderText="Why (optional)")
        self.note.setAccessibleName("Note")
        layout.addRow("&Note:", self.note)
        add_ok_cancel(self, layout)

    def values(self) -> tuple[str, str | None]:
        return self.relation.currentText(), self.note.text().strip() or None


class EvidenceFlow:
    """Wires the evidence panel of the claims tab to the window and its undo stack."""

    def __init__(self, window, dialog_factory=EvidenceDialog):
        self.window = window
        self.dialog_factory = dialog_factory
        self.pinned: int | None = None
        self.shown_claim: int | None = None
        panel = window.panel.evidence
        window.panel.claimSelected.connect(self.show_claim)
        panel.confirm.clicked.connect(lambda: self._suggestion_command(confirm_command))
        panel.dismiss.clicked.connect(lambda: self._suggestion_command(dismiss_command))
        panel.remove.clicked.connect(self.remove_evidence)
        panel.passageOpened.connect(self._open_passage)
        panel.set_ranking_note(semantic_unavailable())  # cheap: looks for the packages, loads nothing

    def show_claim(self, claim_id: int) -> None:
        """Redraw evidence, suggestions, history and the hint of ``claim_id`` (NO_CLAIM: none)
        from the store; a reason typed for another claim is cleared, never saved on this one."""
        panel = self.window.panel
        claim = None
        if claim_id != NO_CLAIM:
            try:
                claim = get_claim(self.window.ws, claim_id)
            except BriefingError:
                claim = None
        if claim is None or claim["dismissed"]:
            claim_id = NO_CLAIM
        if claim_id != (self.shown_claim or NO_CLAIM):
            panel.reason.clear()
        self.shown_claim = None if claim_id == NO_CLAIM else claim_id
        if claim is None or self.shown_claim is None:
            panel.evidence.show_claim([], [], [])
            panel.evidence.evidence_label.setText("Evidence")
            panel.claim_help.setText(NO_CLAIM_HINT)
            return
        ws = self.window.ws
        origins, numbers = claim_origins(ws, claim_id), suggestion_origins(ws, claim_id)
        evidence = [{**e, "origin": origins.origin_of(e["id"])} for e in claim_evidence(ws, claim_id)]
        suggestions = [{**s, "origin": numbers.get(s["id"])} for s in list_suggestions(ws, claim_id)]
        panel.evidence.show_claim(evidence, suggestions, claim_history(ws, claim_id))
        panel.evidence.evidence_label.setText(f"Evidence: {origins.describe()}" if evidence else "Evidence")
        panel.claim_help.setText(claim_hint(claim, origins))
        self.window.claim_actions.rerank_when_opened(claim_id)

    def refresh(self) -> None:
        """Show the claim selected in the Claims tab, as the store has it now."""
        self.show_claim(self.window.panel.current_claim() or NO_CLAIM)

    def pin(self) -> None:
        claim_id = self.window.panel.current_claim()
        if claim_id is None:
            self.window.statusBar().showMessage("Select a claim in the Claims tab first.", 6000)
            return
        self.pinned = claim_id
        self.window.statusBar().showMessage(
            "Claim pinned. Open another source, select the passage, then Claims ▸ Attach Selection as Evidence.")

    def attach(self) -> None:
        window = self.window
        selected, source_id = window.reader.selected_range(), window.current_source_id()
        if self.pinned is None or selected is None or source_id is None:
            window.statusBar().showMessage("Pin a claim first, then select a passage in another source.", 6000)
            return
        claim_source, start, end = item_range(window.ws, "claim", self.pinned)
        claim_text = get_source(window.ws, claim_source).text
        passage = window.reader.shown.text[selected[0]:selected[1]]
        dialog = self.dialog_factory(window, claim_text[start:end], passage)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        relation, note = dialog.values()
        window.push_command(lambda: AttachEvidence(window.ws, self.pinned, (source_id, *selected), relation, note,
                                            window.after_edit))

    def remove_evidence(self) -> None:
        current = self.window.panel.evidence.current(self.window.panel.evidence.evidence)
        if current is None or self.shown_claim is None:
            self.window.statusBar().showMessage("Select a piece of evidence first.", 6000)
            return
        evidence = next(e for e in claim_evidence(self.window.ws, self.shown_claim) if e["id"] == current[1])
        claim_id = self.shown_claim
        self.window.push_command(lambda: RemoveEvidence(self.window.ws, evidence, claim_id, self.window.after_edit))

    def _suggestion_command(self, command_type) -> None:
        current = self.window.panel.evidence.current(self.window.panel.evidence.suggestions)
        if current is None:
            self.window.statusBar().showMessage("Select a suggested passage first.", 6000)
            return
        self.window.push_command(lambda: command_type(self.window.ws, current[1], self.window.after_edit))

    def _open_passage(self, source_id: int, start: int, end: int) -> None:
        self.window.select_source(source_id)
        self.window.reader.scroll_to(start, end)
