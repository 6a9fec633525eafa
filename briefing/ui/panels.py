"""The side panels beside the reader: summary, entities, quotes, claims and notes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace

from PySide6.QtCore import QEvent, QMimeData, QModelIndex, QPoint, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QBoxLayout,
    QLabel,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.domain import inert_bidi
from briefing.languages import is_analysed_language
from briefing.store.annotations import NoteRow
from briefing.store.claims import ClaimRow
from briefing.store.entities import EntityRow
from briefing.store.quote_variants import QuoteVariant
from briefing.store.quotes import QuoteRow
from briefing.ui.claim_boxes import claim_box, claims_splitter
from briefing.ui.evidence import EvidencePanel
from briefing.ui.flow_layout import FlowLayout
from briefing.ui.palette_colours import readable
from briefing.ui.panel_marks import evidence_cell, mark_changed, mark_variants
from briefing.ui.picked_rows import all_items, pick_again, picked_row, row_identity
from briefing.ui.plain import tip
from briefing.ui.reader import CLAIM_COLOURS, ENTITY_COLOURS
from briefing.ui.reason_return import ask_judgement
from briefing.ui.sorted_items import ClaimItem, ItemRole, QuoteItem, SortRole
from briefing.ui.widgets import DragTree, ReasonEdit, VerticalRoom, item_mime, make_tree, menu_key_at_current

NO_CLAIM = -1  # claimSelected's id when no claim is selected
TYPE_LABELS = {"person": "People", "organisation": "Organisations", "place": "Places", "group": "Groups"}
BRIEFING_KINDS = {"quote": "quote", "claim": "claim", "note": "annotation", "entity": "entity"}  # panel -> note item
# Tab labels with mnemonics the menu bar (File, Edit, Source, Claims, Quotes, Briefing, View, Help)
# and the entity page's tabs do not use: Alt+C opens the Claims menu, Alt+L the Claims tab.
TAB_LABELS = ("Summar&y", "Ent&ities", "Q&uotes", "C&laims", "&Notes")
SUMMARY_HINT = "No summary yet. Write one, or run the analysis."
SUMMARY_NOT_READ = "No summary: the analysis reads English text only. Write one here and save it."
UNKNOWN_SPEAKER = "(no speaker)"  # as Change Speaker… names the choice


# the judging keys, shown on the Claims tab's buttons and bound in the Claims menu
JUDGE_KEYS = {"corroborated": "Ctrl+Alt+C", "disputed": "Ctrl+Alt+D", "unreviewed": "Ctrl+Alt+U"}


def _item(
    values: list[str], kind: str, item_id: int, start: int, end: int, item_type: type[QTreeWidgetItem] = QTreeWidgetItem
) -> QTreeWidgetItem:
    shown = [inert_bidi(value) for value in values]  # a received name's U+202E reverses nothing after it
    item = item_type(shown)
    item.setData(0, ItemRole, (kind, item_id, start, end))
    for column, value in enumerate(shown):
        item.setToolTip(column, tip(value))
    return item


class SidePanel(QTabWidget):
    """Emits ``itemActivated(kind, id, start, end)`` when the analyst picks a row."""

    itemActivated = Signal(str, int, int, int)
    claimSelected = Signal(int)  # the selected claim's id, NO_CLAIM: after every change of selection or list
    claimAction = Signal(str, int)  # "edit" | "dismiss" a claim, "quote" (add a quote as a claim); the id
    quoteAction = Signal(str, int)  # "speaker" (change it) | "drop" (not a quote) | "variants" | "copy"; its id
    noteAction = Signal(str, int)  # "edit" | "delete" an annotation; its id
    summaryEdited = Signal(str)
    claimMarked = Signal(int, str, str)  # claim id, status, reason
    addToBriefing = Signal(str, int)  # briefing item kind, record id

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._revisions: dict[int, int] = {}  # claim id -> the revision the list shows
        self._note_revisions: dict[int, int] = {}  # annotation id -> the revision the Notes tab shows
        self._claims_shown: tuple[tuple[ClaimRow, ...], str] | None = None  # the rows listed, in this palette
        self.summary_source: int | None = None  # the source whose summary is shown (and typed into)
        self.summary_shown: str | None = None  # its summary as stored when drawn
        self.setAccessibleName("Side panels")
        self.setDocumentMode(True)
        self.summary = QPlainTextEdit(placeholderText=SUMMARY_HINT)
        self.summary.setAccessibleName("Summary")
        self.summary.setTabChangesFocus(True)  # Tab goes on to Save Summary: a tab typed in prose traps the keyboard
        self.entities = make_tree("Entities", ["Entity", "Mentions", "Sources"], 0, {1: 70, 2: 60})
        self.entities.setRootIsDecorated(True)
        # the two counts measure different things: say which, where the analyst looks for it
        self.entities.headerItem().setToolTip(1, "Mentions of the entity in this source")
        self.entities.headerItem().setToolTip(2, "Sources of the workspace that mention the entity")
        self.quotes = make_tree("Quotes", ["Speaker", "Quote", "Variant"], 1, {0: 120, 2: 58})
        self.quotes.headerItem().setToolTip(
            1, "Click a heading to sort; Quote sorts by position in the text, Speaker by name then position"
        )
        self.quotes.setSortingEnabled(True)
        self.quotes.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        self.quotes.headerItem().setToolTip(
            2,
            "≠: the same speaker's words are reported differently by another "
            "source; hover it to see where and what differs",
        )
        self.claims_widget, self.claims, self.reason = self._claims_tab()
        self.notes = make_tree("Notes", ["Passage", "Note", "Tags"], 1, {0: 130, 2: 80})
        for page, label in zip(
            (self._summary_tab(), self.entities, self.quotes, self.claims_widget, self.notes), TAB_LABELS, strict=True
        ):
            self.addTab(page, label)
        # a tab's mnemonic (Alt+L) takes the keyboard into its list too, so the arrows move there
        self.keyed = (self.summary, self.entities, self.quotes, self.claims, self.notes)
        self.tabBar().installEventFilter(self)
        # every tab in sight, never scrolled; shortened ("Quo…") only when the window has no room for
        # them whole: a large font or a scaled screen held the window wider than the screen
        self.setUsesScrollButtons(False)
        self.setElideMode(Qt.TextElideMode.ElideRight)
        self.tabs_whole = True  # window_state.fit_side_tabs: False where the screen has no room for them
        for index, label in enumerate(TAB_LABELS):
            self.tabBar().setTabToolTip(index, tip(label.replace("&", "")))
        for tree in (self.entities, self.quotes, self.claims, self.notes):
            tree.currentItemChanged.connect(lambda current, _previous, t=tree: self.picked_row(t, current))
            tree.mime_for = _briefing_mime
            tree.setDragEnabled(True)
            tree.setDragDropMode(QAbstractItemView.DragDropMode.DragOnly)
        for tree in (self.quotes, self.claims, self.notes):
            tree.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
            menu_key_at_current(tree)
            tree.customContextMenuRequested.connect(lambda point, t=tree: self._show_menu(t, point))

    def whole_tabs_width(self) -> int:
        """The panel's width with every tab's name whole."""
        frame = self.style().pixelMetric(QStyle.PixelMetric.PM_DefaultFrameWidth)
        return self.tabBar().sizeHint().width() + 2 * frame

    def minimumSizeHint(self) -> QSize:  # noqa: N802 - Qt's name
        hint = super().minimumSizeHint()
        if self.tabs_whole:
            hint.setWidth(max(hint.width(), self.whole_tabs_width()))
        return hint

    def eventFilter(self, watched, event) -> bool:
        if watched is self.tabBar() and event.type() == QEvent.Type.Shortcut:
            QTimer.singleShot(0, self, self._focus_current_list)  # after the tab bar switched tabs
        return super().eventFilter(watched, event)

    def _focus_current_list(self) -> None:
        self.keyed[self.currentIndex()].setFocus(Qt.FocusReason.ShortcutFocusReason)

    def _summary_tab(self) -> QWidget:
        tab = QWidget()
        layout = QVBoxLayout(tab)
        layout.addWidget(self.summary)
        save = QPushButton("Save Summary")
        save.setToolTip("Keep your summary; re-analysis will not replace it")
        save.clicked.connect(self._save_summary)
        layout.addWidget(save, alignment=Qt.AlignmentFlag.AlignRight)
        return tab

    def _save_summary(self) -> None:
        self.summaryEdited.emit(self.summary.toPlainText())
        self.summary.document().setModified(False)  # saved: nothing typed is left to keep

    def _claims_tab(self) -> tuple[QWidget, DragTree, ReasonEdit]:
        """The claim list with the judging row under it, then the claim's evidence, suggestions
        and history: four boxes the analyst sizes with the splitter's handles."""
        tab = QWidget()
        layout = QVBoxLayout(tab)
        claims = make_tree("Claims", ["Status", "Claim", "Evidence", "Score"], 1, {0: 95, 2: 85, 3: 48})
        claims.headerItem().setToolTip(
            3,
            "How check-worthy the analysis found the claim; ★ marks yours. "
            "Click a heading to sort; Claim sorts by position in the text.",
        )
        claims.setSortingEnabled(True)
        claims.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        reason = ReasonEdit(placeholderText="Reason for your judgement (optional)")
        reason.setAccessibleName("Reason")
        reason.setToolTip(tip("Why you judge the claim so. Return, or a button below, marks the claim with it."))
        reason.returnPressed.connect(self.judge_with_reason)
        buttons = FlowLayout()  # one line, or two where a large font leaves no room for one
        for status, key in JUDGE_KEYS.items():
            # no mnemonic: Alt+letters belong to the menus and tabs; the Claims menu's keys mark
            button = QPushButton(status.capitalize())
            button.setToolTip(tip(f"Mark the selected claim {status} ({key})"))
            button.clicked.connect(lambda _=False, s=status: self.mark_current(s))
            buttons.add(button)
        self.claim_help = QLabel("Select a claim, then judge it. Credibility follows from evidence.")
        self.claim_help.setWordWrap(True)
        self.claim_help.setTextFormat(Qt.TextFormat.PlainText)  # it quotes claim kinds found in sources
        # the hint under the list, the reason and the buttons at the foot: a hint a line longer for
        # the next claim (its evidence named) takes the line from the list, and the buttons stay put
        judged = claim_box(claims, self.claim_help, reason, buttons)
        judged_layout = judged.layout()
        if isinstance(judged_layout, QBoxLayout):
            judged_layout.setStretch(0, 1)
        self.evidence = EvidencePanel(tab)
        self.evidence.hide()  # it fills the boxes below; their places are the splitter's
        self.claims_splitter = claims_splitter(judged, claims, self.evidence)
        layout.setContentsMargins(0, 0, 0, 0)
        # on a short screen the boxes scroll rather than push the window past its bottom edge
        # (a suggestion's preview opened under four lists asked for more than 720 pixels)
        room = VerticalRoom(self.claims_splitter)
        room.setObjectName("claims-room")
        room.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # its lists and buttons take the focus
        layout.addWidget(room)
        return tab, claims, reason

    # -- filling -----------------------------------------------------------
    def show_items(
        self,
        summary: str | None,
        entities: list[EntityRow],
        quotes: list[QuoteRow],
        claims: list[ClaimRow],
        notes: list[NoteRow],
        variants: Mapping[int, list[QuoteVariant]] | None = None,
        language: str | None = None,
    ) -> None:
        if not self.summary.document().isModified():  # a summary being typed stays through a refresh
            self.summary.setPlainText(summary or "")
            self.summary_shown = summary  # what the typing starts from: a colleague's since is not saved over
        # a source the analysis does not read never gets a summary from it: running it again is no help
        self.summary.setPlaceholderText(SUMMARY_HINT if is_analysed_language(language) else SUMMARY_NOT_READ)
        # the rows picked stay picked through a refresh (an edit, the re-ranking that follows
        # opening a source): a quote opened from Search lost its row, and Change Speaker said to pick one
        kept = [(tree, picked_row(tree)) for tree in (self.entities, self.quotes, self.notes)]
        self._fill_entities(entities)
        self.quotes.clear()
        for q in quotes:
            row = _item([q.speaker or UNKNOWN_SPEAKER, q.text, ""], "quote", q.id, q.start, q.end, QuoteItem)
            shown = (variants or {}).get(q.id, [])
            row.setData(0, SortRole, (q.start, len(shown)))
            mark_variants(row, shown)
            mark_changed(row, 1, q.words_now)
            self.quotes.addTopLevelItem(row)
        self._fill_claims(claims)
        self.notes.clear()
        self._note_revisions = {n.id: n.revision for n in notes}
        for n in notes:
            row = _item([n.exact, n.note or "", ", ".join(n.tags)], "note", n.id, n.start, n.end)
            mark_changed(row, 0, n.words_now)  # with what the words read now
            if n.anchor in ("altered", "orphaned") and not row.text(0).startswith("(text changed)"):
                row.setText(0, f"(text changed) {n.exact}")  # words changed in a newer version, or gone
            self.notes.addTopLevelItem(row)
        for tab, count in ((2, len(quotes)), (3, len(claims)), (4, len(notes))):  # a note added shows
            self.setTabText(tab, f"{TAB_LABELS[tab]} ({count})")
        for tree, picked in kept:
            pick_again(tree, picked)

    def show_claims(self, claims: list[ClaimRow]) -> None:
        """The claims list alone drawn again (their suggestions were re-ranked), the selected
        claim kept."""
        self._fill_claims(claims)
        self.setTabText(3, f"{TAB_LABELS[3]} ({len(claims)})")

    def _fill_entities(self, entities: list[EntityRow]) -> None:
        self.entities.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for e in entities:
            group = groups.get(e.type)
            if group is None:
                group = QTreeWidgetItem([TYPE_LABELS.get(e.type, e.type)])
                group.setForeground(0, QBrush(readable(ENTITY_COLOURS.get(e.type, "#888888"))))
                groups[e.type] = group
                self.entities.addTopLevelItem(group)
            start, end = e.mentions[0]
            group.addChild(_item([e.name, str(len(e.mentions)), str(e.sources)], "entity", e.id, start, end))
        self.entities.expandAll()

    def _fill_claims(self, claims: list[ClaimRow]) -> None:
        """Rebuild the list, keep the selected claim if it is still there, and say which claim is
        selected now (none, when it is gone): the evidence panel redraws from that alone."""
        current, picked = self.current_claim(), picked_row(self.claims)
        self._revisions = {c.id: c.revision for c in claims}
        shown = (tuple(claims), self.palette().color(QPalette.ColorRole.Base).name())
        if shown == self._claims_shown or self._recount(shown):  # the re-ranking after a source opens
            self.claimSelected.emit(current or NO_CLAIM)  # its suggestions below may have changed
            return
        self._claims_shown = shown
        self.claims.blockSignals(True)
        try:
            self.claims.clear()
            for c in claims:
                self.claims.addTopLevelItem(self._claim_row(c))
            pick_again(self.claims, picked)  # by its words and place when found again under a new id
        finally:
            self.claims.blockSignals(False)
        self.claimSelected.emit(self.current_claim() or NO_CLAIM)

    def _recount(self, shown: tuple[tuple[ClaimRow, ...], str]) -> bool:
        """Only evidence or suggestion counts changed: those cells written anew (else False)."""
        before = self._claims_shown
        if before is None or before[1] != shown[1] or len(before[0]) != len(shown[0]):
            return False
        pairs = [(old, new) for old, new in zip(before[0], shown[0], strict=True) if old != new]
        if any(replace(old, evidence=c.evidence, open_suggestions=c.open_suggestions) != c for old, c in pairs):
            return False
        rows = {item.data(0, ItemRole)[1]: item for item in all_items(self.claims)}
        for _, c in pairs:
            text = inert_bidi(evidence_cell(c))
            rows[c.id].setText(2, text)
            rows[c.id].setToolTip(2, tip(text))
        self._claims_shown = shown
        return True

    @staticmethod
    def _claim_row(c: ClaimRow) -> QTreeWidgetItem:
        evidence = evidence_cell(c)
        score = "★" if c.origin == "analyst" else ("" if c.score is None else f"{c.score:.2f}")
        row = _item([c.status, c.text, evidence, score], "claim", c.id, c.start, c.end, ClaimItem)
        row.setData(
            0,
            SortRole,
            (0 if c.origin == "analyst" else 1, c.start, 2.0 if c.origin == "analyst" else (c.score or 0.0)),
        )
        row.setForeground(0, QBrush(readable(CLAIM_COLOURS[c.status])))
        kind = f"{c.kind} " if c.kind else ""
        made = "you made it" if c.origin == "analyst" else "found by the analysis"
        row.setToolTip(3, tip(f"Score {c.score:.2f} ({kind}claim, {made})" if c.score is not None else made))
        mark_changed(row, 1, c.words_now)
        return row

    # -- selection ---------------------------------------------------------
    def select(self, kind: str, item_id: int) -> None:
        tree = {"entity": self.entities, "quote": self.quotes, "claim": self.claims, "note": self.notes}[kind]
        self.setCurrentIndex({"entity": 1, "quote": 2, "claim": 3, "note": 4}[kind])
        for item in all_items(tree):
            data = item.data(0, ItemRole)
            if data and data[0] == kind and data[1] == item_id:
                tree.blockSignals(True)
                tree.setCurrentItem(item)
                tree.blockSignals(False)
                tree.scrollToItem(item)
                if kind == "claim":
                    self.claimSelected.emit(item_id)
                return
        if kind == "claim":  # not in this source's list (dismissed, or gone): nothing is selected
            self.claims.setCurrentIndex(QModelIndex())

    def pick(self, kind: str, item_id: int) -> None:
        """Make a listed entity, quote or note current quietly: no change of tab, no jump in the reader."""
        tree = {"entity": self.entities, "quote": self.quotes, "note": self.notes}[kind]
        keep = next(
            (i for i in all_items(tree) if (d := i.data(0, ItemRole)) and (d[0], d[1]) == (kind, item_id)), None
        )
        if keep is not None:
            pick_again(tree, row_identity(keep))

    def current_quote(self) -> int | None:
        item = self.quotes.currentItem()
        data = item.data(0, ItemRole) if item is not None else None
        return data[1] if data else None

    def quote_after(self, quote_id: int) -> int | None:
        return self.listed_after("quote", quote_id)

    def listed_after(self, kind: str, item_id: int) -> int | None:
        """The quote, claim or note listed after ``item_id`` (before it, for the last), as the list
        is sorted: what is picked next when it goes, so the analyst goes on down the list."""
        tree = {"quote": self.quotes, "claim": self.claims, "note": self.notes}[kind]
        listed = [d[1] for item in all_items(tree) if (d := item.data(0, ItemRole))]
        if item_id not in listed or len(listed) < 2:
            return None
        at = listed.index(item_id)
        return listed[at + 1] if at + 1 < len(listed) else listed[at - 1]

    def current_claim(self) -> int | None:
        item = self.claims.currentItem()
        data = item.data(0, ItemRole) if item is not None else None
        return data[1] if data else None

    def shown_revision(self, claim_id: int) -> int | None:
        """The revision of the claim as this list shows it (store.revisions); None when the list
        does not show it."""
        return self._revisions.get(claim_id)

    def shown_note_revision(self, annotation_id: int) -> int | None:
        """The revision of the annotation as the Notes tab shows it; None when it does not show it."""
        return self._note_revisions.get(annotation_id)

    def mark_current(self, status: str) -> None:
        claim_id = self.current_claim()
        if claim_id is None:
            self.claim_help.setText("Select a claim in the list first.")
            return
        self.claimMarked.emit(claim_id, status, self.reason.text().strip())  # the window clears it once saved

    def judge_with_reason(self) -> None:
        """Return in the reason field: which judgement, then the claim marked with the reason."""
        item = self.claims.currentItem()
        if item is None or self.current_claim() is None:
            self.claim_help.setText("Select a claim in the list first.")
            return
        ask_judgement(self.reason, JUDGE_KEYS, item.data(0, Qt.ItemDataRole.DisplayRole), self.mark_current)

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
            for status, text in (
                ("corroborated", "Mark &Corroborated"),
                ("disputed", "Mark &Disputed"),
                ("unreviewed", "Mark &Unreviewed"),
            ):
                menu.addAction(text).triggered.connect(lambda _=False, s=status: self.mark_current(s))
            menu.addSeparator()
            menu.addAction("&Edit Claim Text…").triggered.connect(lambda: self.claimAction.emit("edit", data[1]))
            menu.addAction("&Not a Claim").triggered.connect(lambda: self.claimAction.emit("dismiss", data[1]))
            menu.addSeparator()
        if data[0] == "quote":
            speaker = menu.addAction("Change &Speaker…")
            speaker.setShortcut("Ctrl+Alt+S")
            speaker.triggered.connect(lambda: self.quoteAction.emit("speaker", data[1]))
            drop = menu.addAction("&Not a Quote")
            drop.setShortcut("Ctrl+Alt+Shift+N")
            drop.triggered.connect(lambda: self.quoteAction.emit("drop", data[1]))
            variants = menu.addAction("Show &Variants")
            variants.setEnabled(bool(item.text(2)))  # the ≠ of the same words reported differently
            variants.triggered.connect(lambda: self.quoteAction.emit("variants", data[1]))
            menu.addSeparator()
            menu.addAction("Add as &Claim").triggered.connect(lambda: self.claimAction.emit("quote", data[1]))
            copy = menu.addAction("Copy &with Citation")
            copy.setShortcut("Ctrl+Shift+C")
            copy.triggered.connect(lambda: self.quoteAction.emit("copy", data[1]))
        if data[0] == "note":
            menu.addAction("&Edit Annotation…").triggered.connect(lambda: self.noteAction.emit("edit", data[1]))
            menu.addAction("&Delete Annotation").triggered.connect(lambda: self.noteAction.emit("delete", data[1]))
            menu.addSeparator()
        add = menu.addAction("Add to &Briefing Note")
        add.setShortcut("Ctrl+B")
        add.triggered.connect(lambda: self.addToBriefing.emit(BRIEFING_KINDS[data[0]], data[1]))
        menu.exec(tree.viewport().mapToGlobal(point))

    def picked_row(self, tree: QTreeWidget, current: QTreeWidgetItem | None) -> None:
        if current is not None and not current.isSelected():
            # Qt makes the first row current, unselected, when the keyboard comes into a list with
            # none: the row the judging buttons act on showed only a dotted frame round one cell
            current.setSelected(True)
        data = current.data(0, ItemRole) if current is not None else None
        if data:
            self.itemActivated.emit(*data)
        if tree is self.claims:
            self.claimSelected.emit(data[1] if data else NO_CLAIM)


def _briefing_mime(items: Sequence[QTreeWidgetItem]) -> QMimeData | None:
    data = items[0].data(0, ItemRole) if items else None
    return item_mime(BRIEFING_KINDS[data[0]], data[1]) if data and data[0] in BRIEFING_KINDS else None
