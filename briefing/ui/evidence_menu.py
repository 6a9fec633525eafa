"""The context menu of a claim's evidence (a right-click on a row, or the Menu key on the current
one): change how the passage bears on the claim, edit its note, remove it, show it in its source.
Each change is undoable and goes into the claim's history (``store.evidence.change_evidence``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QMenu, QPlainTextEdit, QSizePolicy, QWidget

from briefing.domain import clipped, one_line, strip_bidi
from briefing.store.evidence import list_evidence
from briefing.ui.evidence import RowRole, relation_phrase
from briefing.ui.evidence_commands import ChangeEvidence, gone_refusal
from briefing.ui.plain import plain_label
from briefing.ui.read_only import refuse_change
from briefing.ui.refusals import keep_typed
from briefing.ui.widgets import add_ok_cancel, give_unique_letters, menu_key_at_current

if TYPE_CHECKING:
    from briefing.ui.evidence_flow import EvidenceFlow

RELATION_ITEMS = {"supports": "&Supports", "contradicts": "&Contradicts", "related": "&Related"}
NOTE_LINES = 4  # a few lines in view; a longer note scrolls


class NoteEdit(QPlainTextEdit):
    """An evidence note: a few lines high in any font, its lines kept; Tab moves on, as in a
    single line."""

    def __init__(self, text: str | None = None):
        super().__init__()
        self.setPlainText(text or "")
        self.setPlaceholderText("Why (optional)")
        self.setAccessibleName("Note")
        self.setTabChangesFocus(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def lines_high(self, lines: int) -> int:
        margins = self.contentsMargins().top() + self.contentsMargins().bottom()
        inside = 2 * int(self.document().documentMargin())
        return self.fontMetrics().lineSpacing() * lines + inside + margins

    def sizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(super().sizeHint().width(), self.lines_high(NOTE_LINES))

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        return QSize(super().minimumSizeHint().width(), self.lines_high(NOTE_LINES))


def note_field(text: str | None = None) -> QPlainTextEdit:
    return NoteEdit(text)


def note_of(field: QPlainTextEdit) -> str | None:
    return field.toPlainText().strip() or None


class NoteDialog(QDialog):
    """Edit Note…: the passage, and its note to edit."""

    def __init__(self, parent: QWidget | None, passage: str, note: str | None):
        super().__init__(parent)
        self.setWindowTitle("Edit Evidence Note")
        layout = QFormLayout(self)
        layout.addRow("Passage:", plain_label(f"“{passage[:300]}”", word_wrap=True))
        self.note = note_field(note)
        layout.addRow("&Note:", self.note)
        add_ok_cancel(self, layout)

    def values(self) -> str | None:
        return note_of(self.note)


class EvidenceMenu:
    """The evidence rows' context menu, wired to the flow that shows the claim."""

    def __init__(self, flow: EvidenceFlow, note_dialog=NoteDialog):
        self.flow, self.note_dialog = flow, note_dialog
        tree = flow.window.panel.evidence.evidence
        tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        menu_key_at_current(tree)
        tree.customContextMenuRequested.connect(self.show_menu)

    def show_menu(self, point: QPoint) -> None:
        tree = self.flow.window.panel.evidence.evidence
        item = tree.itemAt(point)
        row = item.data(0, RowRole) if item is not None else None
        if item is None or not row:
            return
        tree.setCurrentItem(item)
        evidence_id, passage = row[1], tuple(row[2:5])
        menu = QMenu(tree)
        relations = menu.addMenu("Change &Relation")
        for relation, label in RELATION_ITEMS.items():
            action = relations.addAction(label)
            action.setCheckable(True)
            action.setChecked(relation == item.text(0))
            action.triggered.connect(lambda _=False, r=relation: self.change_relation(evidence_id, r))
        menu.addAction("Edit &Note…").triggered.connect(lambda: self.edit_note(evidence_id))
        menu.addSeparator()
        menu.addAction("Remove &Evidence").triggered.connect(self.flow.remove_evidence)
        menu.addAction("Show in &Source").triggered.connect(lambda: self.flow.window.open_passage(*passage))
        give_unique_letters(menu)
        menu.exec(tree.viewport().mapToGlobal(point))

    def change_relation(self, evidence_id: int, relation: str) -> None:
        evidence = self._evidence(evidence_id)
        if evidence is None:
            return
        if relation == evidence["relation"]:
            self._say(f"That evidence already {relation_phrase(relation)} the claim; nothing changed.")
            return
        if self._change(evidence, (relation, evidence["note"])):
            said = f"The evidence from {_title(evidence)} now {relation_phrase(relation)} the claim."
            self._say(f"{said} Undo (Ctrl+Z) takes it back.")

    def edit_note(self, evidence_id: int) -> None:
        evidence = self._evidence(evidence_id)
        if evidence is None:
            return
        dialog = self.note_dialog(self.flow.window, evidence["passage"], evidence["note"])
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return
        note = dialog.values()
        if note == evidence["note"]:
            return
        if self._change(evidence, (evidence["relation"], note)):
            self._say(f"Saved the note of the evidence from {_title(evidence)}. Undo (Ctrl+Z) takes it back.")
        else:
            keep_typed(self.flow.window, note, "note")  # the claim or the evidence went: the words are kept

    def _evidence(self, evidence_id: int) -> dict | None:
        """The evidence as stored now; None, and the refusal said, when it or its claim went."""
        window, claim_id, seen = self.flow.window, self.flow.shown_claim, self.flow.shown_revision
        if claim_id is None or refuse_change(window, window.ws):
            return None
        found = next((e for e in list_evidence(window.ws, claim_id) if e["id"] == evidence_id), None)
        if found is None:  # a colleague removed it, or its claim: say who, show the claim as it is now
            gone = ("evidence", evidence_id)
            window.push_command(lambda: gone_refusal(window.ws, claim_id, seen, gone, gone))
        return found

    def _change(self, evidence: dict, now: tuple[str, str | None]) -> bool:
        window, claim_id, seen = self.flow.window, self.flow.shown_claim, self.flow.shown_revision
        assert claim_id is not None  # _evidence found it on the shown claim
        return window.push_command(lambda: ChangeEvidence(window.ws, evidence, claim_id, now, window.after_edit, seen))

    def _say(self, message: str) -> None:
        self.flow.window.statusBar().showMessage(message, 10000)


def _title(evidence: dict) -> str:
    return f"“{clipped(one_line(strip_bidi(evidence['title'])), 60)}”"
