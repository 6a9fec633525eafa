"""Split Entity…: the analyst moves some mentions (or whole name forms) of an entity to a new
one, as an undoable command; undo folds the new entity back into the old."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoCommand
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.domain import ENTITY_TYPES
from briefing.store import Workspace
from briefing.store.edits import merge_entities, remove_alias, split_entity
from briefing.store.entities import entity_page
from briefing.store.mentions import MentionRow
from briefing.ui.plain import plain_label, tip
from briefing.ui.step_names import entity_name, name_step

MentionRole = Qt.ItemDataRole.UserRole + 1  # a mention's id


@dataclass(frozen=True)
class SplitChoice:
    mention_ids: tuple[int, ...]
    name: str
    type: str


class SplitEntity(QUndoCommand):
    def __init__(self, ws: Workspace, entity_id: int, choice: SplitChoice, changed: Callable[[], None]):
        super().__init__()
        name_step(self, "Split {} from {}", choice.name, entity_name(ws, entity_id))
        self.ws, self.entity_id, self.choice, self.changed = ws, entity_id, choice, changed
        self.new_id: int | None = None

    def redo(self) -> None:
        choice = self.choice
        self.new_id = split_entity(
            self.ws, self.entity_id, choice.mention_ids, choice.name, choice.type, reason="split by the analyst"
        )
        self.changed()

    def undo(self) -> None:
        if self.new_id is not None:
            before = set(entity_page(self.ws, self.entity_id, limit=0).aliases)
            merge_entities(self.ws, self.entity_id, [self.new_id], reason="undo")
            for alias in set(entity_page(self.ws, self.entity_id, limit=0).aliases) - before:
                remove_alias(self.ws, self.entity_id, alias, reason="undo")  # the merge named it after the split
        self.changed()


class SplitDialog(QDialog):
    """Tick the mentions (or a name form, for all its mentions) that belong to the new entity."""

    def __init__(self, parent: QWidget | None, name: str, kind: str, mentions: list[MentionRow]):
        super().__init__(parent)
        self.setWindowTitle("Split Entity")
        self.resize(640, 480)
        layout = QVBoxLayout(self)
        layout.addWidget(plain_label(f"Which mentions of “{name}” belong to another entity?", word_wrap=True))
        self.tree = QTreeWidget()
        self.tree.setAccessibleName("Mentions to move")
        self.tree.setHeaderLabels(["Name form and source", "In context"])
        self.tree.setColumnWidth(0, 240)
        self._forms: list[str] = []
        self._fill(mentions)
        layout.addWidget(self.tree, stretch=1)
        form = QFormLayout()
        self.name = QLineEdit(name)
        self.name.setAccessibleName("New entity's name")
        self.type = QComboBox()
        self.type.addItems(list(ENTITY_TYPES))
        self.type.setCurrentText(kind)
        self.entity_name, self._typed = name, False
        self.name.textEdited.connect(self._typed_name)
        self.tree.itemChanged.connect(self._suggest_name)
        form.addRow("New entity's &name:", self.name)
        form.addRow("&Type:", self.type)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        # OK once there is something to move and a name to move it to: an empty choice closed the
        # dialog and left only "split: choose at least one mention to move" in the status bar
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok.setToolTip(tip("Tick the mentions, or a name form for all its mentions, that belong to the new entity"))
        self.tree.itemChanged.connect(self._allow)
        self.name.textChanged.connect(self._allow)
        self._allow()

    def _fill(self, mentions: list[MentionRow]) -> None:
        forms: dict[str, QTreeWidgetItem] = {}
        for m in mentions:
            form = forms.get(m.text)
            if form is None:
                form = forms[m.text] = QTreeWidgetItem([m.text, ""])
                self._forms.append(m.text)
                form.setFlags(form.flags() | Qt.ItemFlag.ItemIsAutoTristate | Qt.ItemFlag.ItemIsUserCheckable)
                form.setCheckState(0, Qt.CheckState.Unchecked)
                self.tree.addTopLevelItem(form)
            item = QTreeWidgetItem([m.source, f"…{m.context}…"])
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(0, Qt.CheckState.Unchecked)
            item.setData(0, MentionRole, m.id)
            item.setToolTip(1, tip(m.context))
            form.addChild(item)
        for form in forms.values():
            form.setText(0, f"{form.text(0)} ({form.childCount()})")
        self.tree.expandAll()

    def _allow(self, *_changed: object) -> None:
        choice = self.choice()
        self.ok.setEnabled(bool(choice.mention_ids) and bool(choice.name))

    def _typed_name(self, _text: str) -> None:
        self._typed = True

    def _suggest_name(self, *_changed: object) -> None:
        """Until the analyst types a name, the new entity takes the first ticked name form ('Ted
        Cruz South Carolina' split off 'Ted Cruz' is not another 'Ted Cruz')."""
        if self._typed:
            return
        for i, text in enumerate(self._forms):
            form = self.tree.topLevelItem(i)
            if form is not None and form.checkState(0) != Qt.CheckState.Unchecked:
                self.name.setText(text)
                return
        self.name.setText(self.entity_name)

    def choice(self) -> SplitChoice:
        ids = []
        for i in range(self.tree.topLevelItemCount()):
            form = self.tree.topLevelItem(i)
            for j in range(form.childCount() if form is not None else 0):
                child = form.child(j) if form is not None else None
                if child is not None and child.checkState(0) == Qt.CheckState.Checked:
                    ids.append(child.data(0, MentionRole))
        return SplitChoice(tuple(ids), self.name.text().strip(), self.type.currentText())
