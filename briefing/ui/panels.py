"""The side panels beside the reader: summary, entities, quotes, claims and notes."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QMimeData, QPoint, Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.store.views import ClaimRow, EntityRow, NoteRow, QuoteRow
from briefing.ui.evidence import EvidencePanel
from briefing.ui.reader import CLAIM_COLOURS, ENTITY_COLOURS
from briefing.ui.widgets import DragTree, item_mime, make_tree

ItemRole = Qt.ItemDataRole.UserRole + 1  # (kind, id, start, end)
TYPE_LABELS = {"person": "People", "organisation": "Organisations", "place": "Places", "group": "Groups"}
BRIEFING_KINDS = {"quote": "quote", "claim": "claim", "note": "annotation", "entity": "entity"}  # panel -> note item


def _item(values: list[str], kind: str, item_id: int, start: int, end: int) -> QTreeWidgetItem:
    item = QTreeWidgetItem(values)
    item.setData(0, ItemRole, (kind, item_id, start, end))
    for column, value in enumerate(values):
        item.setToolTip(column, value)
    return item


class SidePanel(QTabWidget):
    """Emits ``itemActivated(kind, id, start, end)`` when the analyst picks a row."""

    itemActivated = Signal(str, int, int, int)
    claimSelected = Signal(int)
    summaryEdited = Signal(str)
    claimMarked = Signal(int, str, str)  # claim id, status, reason
    addToBriefing = Signal(str, int)  # briefing item kind, record id

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setAccessibleName("Side panels")
        self.setDocumentMode(True)
        self.summary = QPlainTextEdit(placeholderText="No summary yet. Write one, or run the analysis.")
        self.summary.setAccessibleName("Summary")
        self.entities = make_tree("Entities", ["Entity", "Mentions", "Sources"], 0, {1: 70, 2: 60})
        self.entities.setRootIsDecorated(True)
        self.quotes = make_tree("Quotes", ["Speaker", "Quote"], 1, {0: 120})
        self.claims_widget, self.claims, self.reason = self._claims_tab()
        self.notes = make_tree("Notes", ["Passage", "Note", "Tags"], 1, {0: 130, 2: 80})
        self.addTab(self._summary_tab(), "&Summary")
        self.addTab(self.entities, "&Entities")
        self.addTab(self.quotes, "&Quotes")
        self.addTab(self.claims_widget, "&Claims")
        self.addTab(self.notes, "&Notes")
        for tree in (self.entities, self.quotes, self.claims, self.notes):
            tree.currentItemChanged.connect(self._picked)
            tree.mime_for = _briefing_mime
            tree.setDragEnabled(True)
            tree.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        for tree in (self.quotes, self.claims, self.notes):
            tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            tree.customContextMenuRequested.connect(lambda point, t=tree: self._show_menu(t, point))

    def _summary_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.summary)
        save = QPushButton("Save Summary")
        save.setToolTip("Keep your summary; re-analysis will not replace it")
        save.clicked.connect(lambda: self.summaryEdited.emit(self.summary.toPlainText()))
        layout.addWidget(save, alignment=Qt.AlignmentFlag.AlignRight)
        return tab

    def _claims_tab(self) -> tuple[QWidget, DragTree, QLineEdit]:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        claims = make_tree("Claims", ["Status", "Claim", "Evidence"], 1, {0: 95, 2: 85})
        layout.addWidget(claims)
        reason = QLineEdit(placeholderText="Reason for your judgement (optional)")
        reason.setAccessibleName("Reason")
        layout.addWidget(reason)
        buttons = QHBoxLayout()
        for status, text in (("corroborated", "Co&rroborated"), ("disputed", "&Disputed"),
                             ("unreviewed", "&Unreviewed")):
            button = QPushButton(text)
            button.setToolTip(f"Mark the selected claim {status}")
            button.clicked.connect(lambda _=False, s=status: self.mark_current(s))
            buttons.addWidget(button)
        layout.addLayout(buttons)
        self.claim_help = QLabel("Select a claim, then judge it. Credibility follows from evidence.")
        self.claim_help.setWordWrap(True)
        layout.addWidget(self.claim_help)
        self.evidence = EvidencePanel()
        layout.addWidget(self.evidence, stretch=1)
        layout.setStretch(0, 2)
        return tab, claims, reason

    # -- filling -----------------------------------------------------------
    def show_items(self, summary: str | None, entities: list[EntityRow], quotes: list[QuoteRow],
                   claims: list[ClaimRow], notes: list[NoteRow]) -> None:
        self.summary.setPlainText(summary or "")
        self._fill_entities(entities)
        self.quotes.clear()
        for q in quotes:
            self.quotes.addTopLevelItem(_item([q.speaker or "(unknown)", q.text], "quote", q.id, q.start, q.end))
        self._fill_claims(claims)
        self.notes.clear()
        for n in notes:
            row = _item([n.exact, n.note or "", ", ".join(n.tags)], "note", n.id, n.start, n.end)
            if n.anchor == "orphaned":
                row.setText(0, f"(text changed) {n.exact}")
            self.notes.addTopLevelItem(row)
        self.setTabText(2, f"&Quotes ({len(quotes)})")
        self.setTabText(3, f"&Claims ({len(claims)})")

    def _fill_entities(self, entities: list[EntityRow]) -> None:
        self.entities.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for e in entities:
            group = groups.get(e.type)
            if group is None:
                group = QTreeWidgetItem([TYPE_LABELS.get(e.type, e.type)])
                group.setForeground(0, QBrush(QColor(ENTITY_COLOURS.get(e.type, "#888888"))))
                groups[e.type] = group
                self.entities.addTopLevelItem(group)
            start, end = e.mentions[0]
            group.addChild(_item([e.name, str(len(e.mentions)), str(e.sources)], "entity", e.id, start, end))
        self.entities.expandAll()

    def _fill_claims(self, claims: list[ClaimRow]) -> None:
        current = self.current_claim()
        self.claims.clear()
        for c in claims:
            evidence = f"{c.evidence} linked" if c.evidence else (f"{c.open_suggestions} suggested"
                                                                if c.open_suggestions else "")
            row = _item([c.status, c.text, evidence], "claim", c.id, c.start, c.end)
            row.setForeground(0, QBrush(QColor(CLAIM_COLOURS[c.status])))
            self.claims.addTopLevelItem(row)
            if c.id == current:
                self.claims.blockSignals(True)
                self.claims.setCurrentItem(row)
                self.claims.blockSignals(False)

    # -- selection ---------------------------------------------------------
    def select(self, kind: str, item_id: int) -> None:
        tree = {"entity": self.entities, "quote": self.quotes, "claim": self.claims, "note": self.notes}[kind]
        self.setCurrentIndex({"entity": 1, "quote": 2, "claim": 3, "note": 4}[kind])
        for item in _all_items(tree):
            data = item.data(0, ItemRole)
            if data and data[0] == kind and data[1] == item_id:
                tree.blockSignals(True)
                tree.setCurrentItem(item)
                tree.blockSignals(False)
                tree.scrollToItem(item)
                if kind == "claim":
                    self.claimSelected.emit(item_id)
                return

    def current_claim(self) -> int | None:
        item = self.claims.currentItem()
        data = item.data(0, ItemRole) if item is not None else None
        return data[1] if data else None

    def mark_current(self, status: str) -> None:
        claim_id = self.current_claim()
        if claim_id is None:
            self.claim_help.setText("Select a claim in the list first.")
            return
        self.claimMarked.emit(claim_id, status, self.reason.text().strip())
        self.reason.clear()

    def current_item(self) -> tuple[str, int] | None:
        """(briefing item kind, id) of the row selected in the tab shown; the summary tab gives
        ("summary", 0): the caller knows which source is open."""
        tree = {1: self.entities, 2: self.quotes, 3: self.claims, 4: self.notes}.get(self.currentIndex())
        if tree is None:
            return ("summary", 0) if self.currentIndex() == 0 else None
        item = tree.currentItem()
        data = item.data(0, ItemRole) if item is not None else None
        return (BRIEFING_KINDS[data[0]], data[1]) if data and data[0] in BRIEFING_KINDS else None

    def _show_menu(self, tree: QTreeWidget, point: QPoint) -> None:
        item = tree.itemAt(point)
        data = item.data(0, ItemRole) if item is not None else None
        if item is None or not data:
            return
        tree.setCurrentItem(item)
        menu = QMenu(self)
        if data[0] == "claim":
            for status, text in (("corroborated", "Mark &Corroborated"), ("disputed", "Mark &Disputed"),
                                 ("unreviewed", "Mark &Unreviewed")):
                menu.addAction(text).triggered.connect(lambda _=False, s=status: self.mark_current(s))
            menu.addSeparator()
        add = menu.addAction("Add to &Briefing Note")
        add.setShortcut("Ctrl+B")
        add.triggered.connect(lambda: self.addToBriefing.emit(BRIEFING_KINDS[data[0]], data[1]))
        menu.exec(tree.viewport().mapToGlobal(point))

    def _picked(self, current: QTreeWidgetItem | None, _previous) -> None:
        data = current.data(0, ItemRole) if current is not None else None
        if data:
            self.itemActivated.emit(*data)
            if data[0] == "claim":
                self.claimSelected.emit(data[1])


def _briefing_mime(items: Sequence[QTreeWidgetItem]) -> QMimeData | None:
    data = items[0].data(0, ItemRole) if items else None
    return item_mime(BRIEFING_KINDS[data[0]], data[1]) if data and data[0] in BRIEFING_KINDS else None


def _all_items(tree: QTreeWidget) -> list[QTreeWidgetItem]:
    items: list[QTreeWidgetItem] = []
    for i in range(tree.topLevelItemCount()):
        top = tree.topLevelItem(i)
        if top is None:
            continue
        items.append(top)
        items.extend(child for j in range(top.childCount()) if (child := top.child(j)) is not None)
    return items
