"""Linking evidence to claims from the window: suggestions to confirm or dismiss, and a
passage the analyst selects in another source for a pinned claim."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QPushButton,
    QSizePolicy,
    QWidget,
)

from briefing.domain import BriefingError, WorkspaceError, clipped, one_line, strip_bidi
from briefing.note_content import CREDIBILITY_LABELS
from briefing.store.changed_words import words_now
from briefing.store.claim_spans import snap_to_words
from briefing.store.claims import get_claim, list_claim_history
from briefing.store.evidence import list_evidence
from briefing.store.history import (
    UNDO_REASON,
    current_actor,
    history_for,
    last_deletion,
    present_judgement,
    status_marks,
)
from briefing.store.origins import OriginSummary, claim_origins, suggestion_origins
from briefing.store.revisions import shown_time
from briefing.store.sources import get_source
from briefing.store.suggestions import list_suggestions
from briefing.suggesting import semantic_unavailable
from briefing.ui.evidence import RELATIONS
from briefing.ui.evidence_commands import (
    AttachEvidence,
    AttachSuggestion,
    RemoveEvidence,
    confirm_command,
    dismiss_command,
    gone_refusal,
)
from briefing.ui.evidence_menu import EvidenceMenu, note_field, note_of
from briefing.ui.panels import NO_CLAIM
from briefing.ui.plain import plain_label, tip
from briefing.ui.read_only import refuse_change
from briefing.ui.redrawn import unpinned_line
from briefing.ui.refusals import keep_typed
from briefing.ui.slot_errors import showing
from briefing.ui.widgets import add_ok_cancel

if TYPE_CHECKING:
    from briefing.store import Workspace
    from briefing.ui.main_window import MainWindow

NO_CLAIM_HINT = "Select a claim, then judge it. Credibility follows from the evidence of independent sources."
RELATION_KEY = "evidence/relation"  # QSettings: the relation chosen last, offered first next time
ADJECTIVES = {"supports": "supporting", "contradicts": "contradicting", "related": "related"}
READ_ONLY_RANKING = (
    "this workspace is open read-only here, and a re-ranking is saved with the suggestions: they keep "
    "the order they were saved in (a colleague who can write re-ranks them when a claim opens)"
)
NOT_PINNED = "no claim pinned: Claims ▸ Pin Claim for Evidence, Ctrl+Alt+P"


def short(text: str, limit: int = 60) -> str:
    return clipped(" ".join(text.split()), limit)


def attached_message(relation: str, claim_text: str) -> str:
    return f"Attached as {ADJECTIVES.get(relation, relation)} evidence to claim “{short(claim_text)}”."


class PinnedBar(QFrame):
    """'Pinned: <claim> [Unpin]' above the reader while a claim waits for evidence."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("pinned-claim")
        self.setAccessibleName("Pinned claim")
        self.setAutoFillBackground(True)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        row = QHBoxLayout(self)
        row.setContentsMargins(10, 3, 4, 3)
        self.label = plain_label()
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)  # it is elided
        row.addWidget(self.label, stretch=1)
        self.go = QPushButton("Go to Claim")
        self.go.setToolTip(tip("Open the pinned claim in its source, ready to judge (Ctrl+Alt+G)"))
        row.addWidget(self.go)
        self.unpin = QPushButton("Unpin")
        self.unpin.setToolTip("Stop collecting evidence for this claim")
        row.addWidget(self.unpin)
        self.setBackgroundRole(QPalette.ColorRole.AlternateBase)  # set apart from the text, in both palettes
        self.claim_text = ""

    def _elide(self) -> None:
        """As much of the claim as the reader's width holds, cut with an ellipsis."""
        room = max(80, self.label.width())
        self.label.setText(
            self.label.fontMetrics().elidedText(f"Pinned: “{self.claim_text}”", Qt.TextElideMode.ElideRight, room)
        )

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def show_claim(self, text: str) -> None:
        self.claim_text = " ".join(text.split())
        self._elide()
        self.label.setToolTip(
            tip(
                "Select a passage, then right-click ▸ Attach Selection as Evidence (Ctrl+Alt+E)"
                f"\n\n{' '.join(text.split())}"
            )
        )


# a claim's kind as the hint says it: 'found by the analysis as figure' (as money, as percent) read as typos
KIND_WORDS = {
    "action": "an action",
    "allegation": "an allegation",
    "date": "a dated event",
    "denial": "a denial",
    "figure": "a figure",
    "finding": "a finding",
    "headline": "the headline",
    "money": "a sum of money",
    "percent": "a percentage",
    "plan": "a plan",
    "promise": "a promise",
    "rumour": "a rumour",
    "statement": "a statement",
}


HINT_REASON_CHARS = 80


def claim_hint(claim: dict, origins: OriginSummary, changed: bool = False, reason: str | None = None) -> str:
    """One line under the claim list about the selected claim: status and the reason it was
    judged so, credibility, evidence."""
    status = claim["status"].capitalize()
    why = one_line(reason or "").strip()
    parts = [f"{status} (why: {clipped(why, HINT_REASON_CHARS)})" if why and why != UNDO_REASON else status]
    if claim["credibility"] is not None:
        parts.append(f"credibility {claim['credibility']} ({CREDIBILITY_LABELS.get(claim['credibility'], '')})")
    parts.append(f"evidence from {origins.describe()}" if claim["evidence"] else "no evidence yet")
    made = (
        "you made this claim"
        if claim["origin"] == "analyst"
        else (f"found by the analysis{' as ' + KIND_WORDS.get(claim['kind'], claim['kind']) if claim['kind'] else ''}")
    )
    return " · ".join(parts + [made] + (["a newer version of the article changed its words"] if changed else []))


def _words(evidence: dict) -> tuple[str, int, int]:
    return evidence["passage"], evidence["start"], evidence["end"]


class EvidenceDialog(QDialog):
    def __init__(self, parent: QWidget | None, claim: str, passage: str, relation: str = "supports"):
        super().__init__(parent)
        self.setWindowTitle("Attach Evidence")
        layout = QFormLayout(self)
        for label, text in (("Claim:", claim), ("Passage:", passage)):
            layout.addRow(label, plain_label(f"“{text[:300]}”", word_wrap=True))
        self.relation = QComboBox()
        self.relation.addItems(list(RELATIONS))
        self.relation.setCurrentText(relation if relation in RELATIONS else "supports")
        self.relation.setToolTip("Supports and contradicts count towards the claim's credibility; related does not")
        self.relation.setAccessibleName("Relation")
        layout.addRow("The passage &", self.relation)
        self.note = note_field()  # a few lines: a note keeps its lines in the history and the briefing
        layout.addRow("&Note:", self.note)
        add_ok_cancel(self, layout)

    def values(self) -> tuple[str, str | None]:
        return self.relation.currentText(), note_of(self.note)


class EvidenceFlow:
    """Wires the evidence panel of the claims tab to the window and its undo stack."""

    def __init__(self, window: MainWindow, dialog_factory=EvidenceDialog):
        self.window = window
        self.dialog_factory = dialog_factory
        self.pinned: int | None = None
        self.pinned_source: int | None = None  # the pinned claim's: who deleted it, if a colleague does
        self.pinned_revision: int | None = None  # the pinned claim's revision its bar shows
        self.shown_claim: int | None = None
        self.shown_revision: int | None = None  # the shown claim's revision its evidence was drawn from
        self.relation = str(QSettings().value(RELATION_KEY, "supports"))
        self.pinned_bar = PinnedBar()
        self.pinned_bar.unpin.clicked.connect(self.unpin)
        self.pinned_bar.go.clicked.connect(self.go_to_pinned)
        self.pinned_bar.hide()
        panel = window.panel.evidence
        window.panel.claimSelected.connect(self.show_claim)
        panel.confirm.clicked.connect(lambda: self._suggestion_command(confirm_command))
        panel.dismiss.clicked.connect(lambda: self._suggestion_command(dismiss_command))
        panel.remove.clicked.connect(self.remove_evidence)
        self.menu = EvidenceMenu(self)  # a right-click, or the Menu key, on an evidence row
        panel.passageOpened.connect(self._open_passage)
        panel.suggestionAttached.connect(self.attach_suggestion)
        panel.set_ranking_note(semantic_unavailable())  # cheap: looks for the packages, loads nothing
        window.runner.idle.connect(self._note_when_idle)

    def attached(self, ws: Workspace) -> None:
        """Say why a workspace open read-only keeps its suggestions ranked as they were saved: a
        re-ranking by meaning is stored with them, and nothing can be stored here."""
        read_only = READ_ONLY_RANKING if ws.read_only else None
        self.window.panel.evidence.set_ranking_note(semantic_unavailable() or read_only)

    def show_claim(self, claim_id: int) -> None:
        """Redraw evidence, suggestions, history and the hint of ``claim_id`` (NO_CLAIM: none)
        from the store; a reason typed for another claim is cleared, never saved on this one."""
        with showing("The claim"):
            self._show_claim(claim_id)

    def _show_claim(self, claim_id: int) -> None:
        panel = self.window.panel
        claim = None
        if claim_id != NO_CLAIM:
            try:
                claim = get_claim(self.window.ws, claim_id)
            except WorkspaceError:
                raise  # the server out of reach: said in one line, never drawn as no claim selected
            except BriefingError:
                claim = None
        if claim is None or claim["dismissed"]:
            claim_id = NO_CLAIM
        same = claim_id == (self.shown_claim or NO_CLAIM)  # drawn again: what is picked below stays
        if not same:
            panel.reason.clear()
        self.shown_claim = None if claim_id == NO_CLAIM else claim_id
        self.shown_revision = None if claim is None or self.shown_claim is None else claim["revision"]
        if claim is None or self.shown_claim is None:
            panel.evidence.show_claim([], [], [])
            panel.evidence.note_none_found(False)
            panel.evidence.evidence_label.setText("Evidence")
            panel.claim_help.setText(NO_CLAIM_HINT)
            return
        ws = self.window.ws
        origins, numbers = claim_origins(ws, claim_id), suggestion_origins(ws, claim_id)
        evidence = [
            {**e, "origin": origins.origin_of(e["id"]), "words_now": words_now(ws, e["source_id"], *_words(e))}
            for e in list_evidence(ws, claim_id)
        ]
        suggestions = [{**s, "origin": numbers.get(s["id"])} for s in list_suggestions(ws, claim_id)]
        suggestions = _with_sources(ws, suggestions)
        drawn = [(s["id"], (claim["source_id"], s["source_id"])) for s in suggestions]
        self.window.analyses.drew(ws, "suggestion", drawn)  # a re-analysis of either source redraws it
        panel.evidence.show_claim(evidence, suggestions, list_claim_history(ws, claim_id), keep=same)
        open_ = any(s["state"] == "open" for s in suggestions)
        panel.evidence.note_none_found(not open_ and not self.window.runner.busy(), decided=bool(suggestions))
        panel.evidence.evidence_label.setText(f"Evidence: {origins.describe()}" if evidence else "Evidence")
        now = words_now(ws, claim["source_id"], claim["text"], claim["start"], claim["end"], claim["part"])
        judged = present_judgement(status_marks(ws, claim_id).get(claim_id, []), claim["status"])
        reason = judged.reason if judged is not None and claim["status"] != "unreviewed" else None
        panel.claim_help.setText(claim_hint(claim, origins, now is not None, reason))
        self.window.claim_actions.rerank_when_opened(claim_id)

    def _note_when_idle(self) -> None:
        """A claim shown while the worker ran could not yet say none was found; once the worker
        is done it can (a task that found passages redraws the claim itself)."""
        if self.shown_claim is None or self.window.runner.busy():
            return
        suggestions = list_suggestions(self.window.ws, self.shown_claim)
        open_ = any(s["state"] == "open" for s in suggestions)
        self.window.panel.evidence.note_none_found(not open_, decided=bool(suggestions))

    def refresh(self) -> None:
        """Show the claim selected in the Claims tab, as the store has it now."""
        self.show_claim(self.window.panel.current_claim() or NO_CLAIM)
        if self.pinned is None:
            return
        claim = self._live_claim(self.pinned)
        if claim is None:
            ws, pinned, text = self.window.ws, self.pinned, self.pinned_bar.claim_text
            said = unpinned_by_colleague(ws, pinned, self.pinned_source, text)
            said = said or unpinned_line(ws, self.window.analyses, pinned, text)  # or a re-analysis took it
            self.unpin()  # the pinned claim was dismissed or removed
            if said:  # the bar went away while the analyst read elsewhere: say why
                self.window.statusBar().showMessage(said, 20000)
            return
        self.pinned_revision = claim["revision"]  # its words, as stored now, are drawn again
        if " ".join(claim["text"].split()) != self.pinned_bar.claim_text:
            self.pinned_bar.show_claim(claim["text"])

    def pin(self) -> None:
        claim_id = self.window.panel.current_claim()
        claim = self._live_claim(claim_id) if claim_id is not None else None
        if claim_id is None or claim is None:
            self.window.statusBar().showMessage("Select a claim in the Claims tab first.", 6000)
            return
        text = claim["text"]
        self.pinned, self.pinned_revision, self.pinned_source = claim_id, claim["revision"], claim["source_id"]
        self.pinned_bar.show_claim(text)
        self.window.reader.set_header(self.pinned_bar)
        self.window.statusBar().showMessage(
            f"Pinned claim “{short(text)}”. Select a passage in another source, then right-click ▸ "
            "Attach Selection as Evidence (Ctrl+Alt+E).",
            10000,
        )

    def unpin(self) -> None:
        self.pinned = self.pinned_revision = None
        self.window.reader.set_header(None)

    def go_to_pinned(self) -> None:
        """Back to the pinned claim once its evidence is gathered: its source in the reader and
        the claim selected in the Claims tab, ready to judge; a jump Back returns from."""
        claim = self._live_claim(self.pinned) if self.pinned is not None else None
        if claim is None:
            if self.pinned is not None:
                self.unpin()  # dismissed or removed since it was pinned
            self.window.statusBar().showMessage(f"Nothing to go to: {NOT_PINNED}.", 6000)
            return
        self.window.open_item("claim", claim["id"], claim["source_id"])
        self.window.panel.claims.setFocus()  # arrows, Ctrl+Alt+C / D / U act on it at once

    def attach_unavailable(self) -> str | None:
        """Why Attach as Evidence cannot run now, or None."""
        return NOT_PINNED if self.pinned is None else None

    def attach(self) -> None:
        window = self.window
        selected, source_id = window.reader.selected_range(), window.current_source_id()
        if self.pinned is None:
            window.statusBar().showMessage(f"Cannot attach: {NOT_PINNED}.", 8000)
            return
        if selected is None or source_id is None or window.reader.shown is None:
            window.statusBar().showMessage("Select the passage to attach in the reader first.", 6000)
            return
        if refuse_change(window, window.ws):
            return
        claim_id, claim_text, seen = self.pinned, self._claim_text(self.pinned) or "", self.pinned_revision
        selected = snap_to_words(window.reader.shown.text, *selected)  # a drag often starts inside a word
        if selected[1] <= selected[0]:
            window.statusBar().showMessage("Selection: only spaces are selected; select words.", 6000)
            return
        passage = window.reader.shown.text[selected[0] : selected[1]]
        dialog = self.dialog_factory(window, claim_text, passage, relation=self.relation)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        relation, note = dialog.values()
        self._remember(relation)
        if window.push_command(
            lambda: AttachEvidence(window.ws, claim_id, (source_id, *selected), relation, note, window.after_edit, seen)
        ):
            window.statusBar().showMessage(attached_message(relation, claim_text), 10000)
        else:
            keep_typed(window, note, "note")  # the claim went meanwhile: the words typed are kept

    def attach_suggestion(self, suggestion_id: int, relation: str) -> None:
        """Make the previewed suggestion evidence with ``relation``."""
        window = self.window
        suggestion = window.panel.evidence.previewed
        if suggestion is None or suggestion["id"] != suggestion_id:
            return
        claim_text = self._claim_text(suggestion["claim_id"]) or ""
        seen = self.shown_revision if suggestion["claim_id"] == self.shown_claim else None
        if window.push_command(lambda: AttachSuggestion(window.ws, suggestion, relation, window.after_edit, seen)):
            window.statusBar().showMessage(attached_message(relation, claim_text), 10000)

    def _remember(self, relation: str) -> None:
        self.relation = relation
        QSettings().setValue(RELATION_KEY, relation)

    def _claim_text(self, claim_id: int) -> str | None:
        """The claim's words (a headline claim's from the title), or None when it is gone."""
        claim = self._live_claim(claim_id)
        return None if claim is None else claim["text"]

    def _live_claim(self, claim_id: int) -> dict | None:
        """The claim as stored now, or None when it is gone or dismissed."""
        try:
            claim = get_claim(self.window.ws, claim_id)
        except WorkspaceError:
            raise  # the server out of reach: a pinned claim stays pinned, the window says why
        except BriefingError:
            return None
        return None if claim["dismissed"] else claim

    def remove_evidence(self) -> None:
        window = self.window
        current = window.panel.evidence.current(window.panel.evidence.evidence)
        if current is None or self.shown_claim is None:
            window.statusBar().showMessage("Select a piece of evidence first.", 6000)
            return
        claim_id, seen = self.shown_claim, self.shown_revision
        evidence = next((e for e in list_evidence(window.ws, claim_id) if e["id"] == current[1]), None)
        if evidence is None:  # a colleague removed it meanwhile: say who, show the claim as it is now
            window.push_command(
                lambda: gone_refusal(window.ws, claim_id, seen, ("evidence", current[1]), ("evidence", current[1]))
            )
            return
        if window.push_command(lambda: RemoveEvidence(window.ws, evidence, claim_id, window.after_edit, seen)):
            claim_text = self._claim_text(claim_id) or ""
            window.statusBar().showMessage(
                f"Removed the evidence from “{short(evidence['title'])}” on claim “{short(claim_text)}”. "
                "Undo (Ctrl+Z) puts it back.",
                10000,
            )

    def _suggestion_command(self, command_type) -> None:
        current = self.window.panel.evidence.current(self.window.panel.evidence.suggestions)
        if current is None or self.shown_claim is None:
            self.window.statusBar().showMessage("Select a suggested passage first.", 6000)
            return
        claim_id, seen, window = self.shown_claim, self.shown_revision, self.window
        suggestion = next((s for s in list_suggestions(window.ws, claim_id) if s["id"] == current[1]), None)
        if suggestion is None:  # gone with its source?
            window.push_command(
                lambda: gone_refusal(window.ws, claim_id, seen, ("source", current[2]), ("suggestion", current[1]))
            )
            return
        if window.push_command(lambda: command_type(window.ws, current[1], claim_id, window.after_edit, seen)):
            # said as Attach as: Supports says it: a click on Confirm or Dismiss said nothing
            claim_text = self._claim_text(claim_id) or ""
            window.statusBar().showMessage(_decided(command_type is confirm_command, suggestion, claim_text), 10000)

    def _open_passage(self, source_id: int, start: int, end: int) -> None:
        self.window.open_passage(source_id, start, end)  # a jump: Back returns to the claim


def _decided(confirmed: bool, suggestion: dict, claim_text: str) -> str:
    """What the status bar says of a suggested passage made evidence (``confirmed``) or dismissed."""
    if confirmed:
        return attached_message(suggestion["relation"], claim_text)
    return f"Dismissed the passage suggested from “{short(suggestion['title'])}”. Undo (Ctrl+Z) brings it back."


def _with_sources(ws, suggestions: list[dict]) -> list[dict]:
    """Each suggestion with its source's outlet and date, for the preview."""
    found: dict[int, tuple[str | None, str | None]] = {}
    for s in suggestions:
        if s["source_id"] not in found:
            try:
                source = get_source(ws, s["source_id"])
                found[s["source_id"]] = (source.outlet, source.published)
            except BriefingError:
                found[s["source_id"]] = (None, None)
    return [{**s, "outlet": found[s["source_id"]][0], "published": found[s["source_id"]][1]} for s in suggestions]


def unpinned_by_colleague(ws, claim_id: int, source_id: int | None, text: str) -> str | None:
    """Why the pinned claim is gone when someone else removed it: who dismissed or removed it,
    or deleted its source, and when; None when the analyst did it here, or nobody is recorded."""
    deleted = last_deletion(ws, "source", source_id) if source_id is not None else None
    if deleted is not None:
        done = f"deleted the source of the pinned claim “{short(strip_bidi(text))}”"
    else:
        marks = [j for j in history_for(ws, "claim", claim_id) if j.action in ("dismiss", "remove")]
        deleted = marks[-1] if marks else None
        how = "dismissed" if deleted and deleted.action == "dismiss" else "removed"
        done = f"{how} the pinned claim “{short(strip_bidi(text))}”"
    if deleted is None or deleted.actor == current_actor(ws):
        return None
    return f"{deleted.actor} {done} at {shown_time(deleted.at)}; it is no longer pinned."
