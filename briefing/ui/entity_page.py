"""The entity page: aliases, mentions across sources, quotes, the quotes other sources report
differently (variants), and who appears with it, drawn as a small graph; opening a mention,
quote or variant shows its passage."""

from __future__ import annotations

import html
import math

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPalette, QPen, QTransform
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QGraphicsEllipseItem,
    QGraphicsScene,
    QGraphicsSimpleTextItem,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolTip,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.domain import counted, inert_bidi
from briefing.store.entities import EntityPage
from briefing.store.quote_variants import QuoteVariant
from briefing.ui.plain import tip
from briefing.ui.reader import ENTITY_COLOURS
from briefing.ui.variants_view import VariantsView
from briefing.ui.widgets import make_tree, menu_key_at_current

PassageRole = Qt.ItemDataRole.UserRole + 1  # (source id, start, end)
MentionRole = Qt.ItemDataRole.UserRole + 2  # a mention row's mention id
PAGE_ROWS = 200  # mentions and quotes a page lists until the analyst asks for all of them
ALL_ROWS = 1_000_000
EntityRole = 0  # QGraphicsItem.data key: the entity a node or label opens
NODE_SIZE = 16.0
CENTRE_SIZE = 26.0
LABEL_WIDTH = 150.0  # a longer name is elided (its tooltip has it whole); narrower in a narrow view
SOURCE_WIDTH = 130  # the source column of the mention and quote lists: the words take the rest


GRAPH_LEAST_LINES = 8
GRAPH_WANTED_LINES = 20  # what the graph asks for, empty or not (see ``sizeHint``)


class CooccurrenceGraph(QGraphicsView):
    """The entity in the middle, the entities sharing its sources around it; line width
    grows with the number of shared sources. Clicking a node or its label emits its id; so
    does Enter on the node the arrow keys ring (around the circle; Home and End: first, last).

    Labels sit outside their node, away from the centre; a label that would overlap another is
    moved down until it is clear (a thin leader line then joins it to its node), and a long name
    is elided, whole in the tooltip."""

    entityClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAccessibleName("Co-occurrence graph")
        # eight lines of text high at the least: a fixed 260 pixels held the window taller than a
        # scaled or large-font screen; the splitter below gives it more where there is room
        self.setMinimumHeight(GRAPH_LEAST_LINES * self.fontMetrics().lineSpacing())
        self.labels: list[QGraphicsSimpleTextItem] = []
        self.page: EntityPage | None = None
        self.label_width = LABEL_WIDTH
        self._pressed: QPointF | None = None
        self.nodes: list[tuple[QPointF, str, int]] = []  # (point, hint, entity id) around the circle
        self.current: int | None = None  # the node the keyboard is on
        self._ring: QGraphicsEllipseItem | None = None

    def show_page(self, page: EntityPage) -> None:
        scene = self.scene()
        scene.clear()
        self.labels, self.page, self.nodes, self._ring = [], page, [], None
        self.current = None
        count = len(page.neighbours)
        across, down = self._measure(count)
        most = max((n[3] for n in page.neighbours), default=1)
        nodes = []
        for i, (entity_id, name, kind, shared) in enumerate(page.neighbours):
            angle = 2 * math.pi * i / max(1, count) - math.pi / 2
            point = QPointF(across * math.cos(angle), down * math.sin(angle))
            line = scene.addLine(0, 0, point.x(), point.y(), QPen(QColor("#9aa3ad"), 1 + 5 * shared / most))
            line.setZValue(-1)
            hint = f"{name} ({kind}): {shared} shared source{'s' if shared != 1 else ''} — click to open"
            nodes.append((point, name, hint, entity_id))
            self.nodes.append((point, hint, entity_id))
            self._dot(point, kind, hint, entity_id, NODE_SIZE)
        self._dot(QPointF(0, 0), page.type, page.name, None, CENTRE_SIZE)
        placed = [self._label(page.name, page.name, None, self._centre_rect(page.name)).sceneBoundingRect()]
        for point, name, hint, entity_id in sorted(nodes, key=lambda n: n[0].y()):
            text = self._elided(name)
            rect = self._clear_of(self._wanted_rect(point, text), placed)
            placed.append(rect)
            self._label(text, hint, entity_id, rect)
            if abs(rect.center().y() - point.y()) > rect.height():  # moved away: a leader line
                anchor = QPointF(rect.left() if point.x() >= 0 else rect.right(), rect.center().y())
                leader = scene.addLine(point.x(), point.y(), anchor.x(), anchor.y(), QPen(QColor("#9aa3ad"), 0.5))
                leader.setZValue(-1)
        self.setSceneRect(scene.itemsBoundingRect().adjusted(-12, -12, 12, 12))
        self._fit()

    def label_rects(self) -> list[QRectF]:
        """Where each label is drawn, in scene coordinates (the centre's first)."""
        return [label.sceneBoundingRect() for label in self.labels]

    def _dot(self, point: QPointF, kind: str, hint: str, entity_id: int | None, size: float) -> None:
        colour = QColor(ENTITY_COLOURS.get(kind, "#888888"))
        dot = self.scene().addEllipse(
            point.x() - size / 2, point.y() - size / 2, size, size, QPen(colour.darker()), QBrush(colour)
        )
        dot.setToolTip(tip(hint))
        if entity_id is not None:
            dot.setData(EntityRole, entity_id)
            dot.setCursor(Qt.CursorShape.PointingHandCursor)

    def _label(self, text: str, hint: str, entity_id: int | None, rect: QRectF) -> QGraphicsSimpleTextItem:
        backdrop = QColor(self.palette().base().color())
        backdrop.setAlpha(210)  # the lines under a label do not cross its letters
        back = self.scene().addRect(rect, QPen(Qt.PenStyle.NoPen), QBrush(backdrop))
        back.setZValue(-0.5)
        label = self.scene().addSimpleText(inert_bidi(text))  # as written, but a U+202E reverses nothing
        label.setFont(self.font())
        label.setBrush(self.palette().text())
        label.setPos(rect.topLeft())
        label.setToolTip(tip(hint))
        for item in (label, back) if entity_id is not None else ():
            item.setData(EntityRole, entity_id)
            item.setCursor(Qt.CursorShape.PointingHandCursor)
        self.labels.append(label)
        return label

    def _measure(self, count: int) -> tuple[float, float]:
        """The ellipse's radii, and the labels' width, for the view's size. The labels beside the
        nodes take the width first; the height, which a narrow dock has more of, gives the
        ellipse room for every label of a side to stack (a line of text per node)."""
        width, height = self.viewport().width() - 24, self.viewport().height() - 24
        self.label_width = max(80.0, min(LABEL_WIDTH, width / 2 - 60 - NODE_SIZE))
        across = max(50.0, min(130.0, width / 2 - self.label_width - NODE_SIZE))
        return across, max(70.0, count * 9.0, min(130.0, height / 2 - 24))

    def _elided(self, name: str) -> str:
        return QFontMetricsF(self.font()).elidedText(name, Qt.TextElideMode.ElideRight, self.label_width)

    def _text_size(self, text: str) -> tuple[float, float]:
        metrics = QFontMetricsF(self.font())
        return metrics.horizontalAdvance(text) + 2, metrics.height() + 1

    def _centre_rect(self, name: str) -> QRectF:
        width, height = self._text_size(name)
        return QRectF(-width / 2, CENTRE_SIZE / 2 + 2, width, height)

    def _wanted_rect(self, point: QPointF, text: str) -> QRectF:
        """Beside the node, on the side away from the centre, centred on its height."""
        width, height = self._text_size(text)
        gap = NODE_SIZE / 2 + 4
        left = point.x() + gap if point.x() >= -0.5 else point.x() - gap - width
        return QRectF(left, point.y() - height / 2, width, height)

    @staticmethod
    def _clear_of(rect: QRectF, placed: list[QRectF]) -> QRectF:
        """``rect`` moved down until it overlaps none of ``placed`` (with a pixel between)."""
        rect = QRectF(rect)
        while True:
            hits = [p for p in placed if rect.intersects(p.adjusted(-1, -1, 1, 1))]
            if not hits:
                return rect
            rect.moveTop(max(p.bottom() for p in hits) + 2)

    def _fit(self) -> None:
        """The whole graph when it fits; never smaller than 60 % (then it scrolls), never enlarged."""
        area, rect = self.viewport().size(), self.sceneRect()
        if rect.isEmpty() or area.isEmpty():
            return
        scale = min(1.0, max(0.6, min(area.width() / rect.width(), area.height() / rect.height())))
        self.setTransform(QTransform.fromScale(scale, scale))
        self.centerOn(rect.center())

    def sizeHint(self) -> QSize:
        """Room for a ring of names, whatever the scene holds: a page restored with the window was
        laid out before its graph had one (an empty scene asks for nothing), and the splitter kept
        it at its least, eight lines, with the lists taking the rest in every session after."""
        return QSize(super().sizeHint().width(), GRAPH_WANTED_LINES * self.fontMetrics().lineSpacing())

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.page is not None and event.oldSize().width() != event.size().width():
            self.show_page(self.page)  # labels as wide as the new size allows
        else:
            self._fit()

    def keyPressEvent(self, event) -> None:
        """The arrows go round the nodes, Enter opens the ringed one: without them the entities
        that share the page's sources could not be reached without a mouse."""
        key, count = event.key(), len(self.nodes)
        moves = {Qt.Key.Key_Right: 1, Qt.Key.Key_Down: 1, Qt.Key.Key_Left: -1, Qt.Key.Key_Up: -1}
        if count and key in moves:
            self.choose(0 if self.current is None and moves[key] > 0 else ((self.current or 0) + moves[key]) % count)
        elif count and key in (Qt.Key.Key_Home, Qt.Key.Key_End):
            self.choose(0 if key == Qt.Key.Key_Home else count - 1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space) and self.current is not None:
            self.entityClicked.emit(self.nodes[self.current][2])
        else:
            super().keyPressEvent(event)

    def choose(self, index: int) -> None:
        """Ring node ``index`` in the highlight colour and say what it is, as hovering does."""
        point, hint, _ = self.nodes[index]
        self.current = index
        if self._ring is None:
            pen = QPen(self.palette().color(QPalette.ColorRole.Highlight), 3)
            self._ring = self.scene().addEllipse(QRectF(), pen, QBrush(Qt.BrushStyle.NoBrush))
        size = NODE_SIZE + 8
        self._ring.setRect(point.x() - size / 2, point.y() - size / 2, size, size)
        self.ensureVisible(self._ring.sceneBoundingRect())
        where = self.mapToGlobal(self.mapFromScene(point + QPointF(NODE_SIZE, NODE_SIZE)))
        QToolTip.showText(where, tip(hint.replace("click to open", "Enter opens it")), self)

    def mousePressEvent(self, event) -> None:
        self._pressed = event.position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        pressed, self._pressed = self._pressed, None
        if pressed is None or (event.position() - pressed).manhattanLength() > QApplication.startDragDistance():
            return
        item = self.itemAt(event.position().toPoint())
        entity_id = item.data(EntityRole) if item is not None else None
        if entity_id is not None and event.button() == Qt.MouseButton.LeftButton:
            self.entityClicked.emit(entity_id)


def _tab_label(label: str, shown: int, total: int) -> str:
    """A list's tab names its count, and the share it shows when it shows only the first rows:
    'Mentions (200 of 472)', 'Mentions (472)' once all are shown."""
    return f"{label} ({shown:,} of {total:,})" if shown < total else f"{label} ({total:,})"


def _shown_tip(shown: int, total: int, what: str) -> str:
    return f"Showing the first {shown:,} of {total:,} {what}" if shown < total else ""


class EntityDock(QDockWidget):
    """Emits ``passageOpened(source_id, start, end)`` when a mention or quote is opened."""

    passageOpened = Signal(int, int, int)
    splitRequested = Signal(int)  # the entity's id
    entityOpened = Signal(int)  # a node of the graph was clicked: that entity's id
    allRequested = Signal(int)  # "Show all …" was opened: the entity's id, to list every row
    unlinkRequested = Signal(int, int)  # Not This Entity on a mention row: the entity's id, the mention's

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Entity", parent)
        self.setObjectName("entity-dock")
        self.entity_id: int | None = None
        self.rows = PAGE_ROWS  # how many mentions and quotes the page lists
        body = QWidget()
        layout = QVBoxLayout(body)
        self.heading = QLabel("Double-click an entity in the Entities tab to see it across sources.")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)  # the app's markup; names are escaped
        self.heading.setObjectName("entity-heading")  # no accessible name: a screen reader reads its words
        top = QHBoxLayout()
        top.addWidget(self.heading, stretch=1)
        self.split_button = QPushButton("S&plit Entity…")
        self.split_button.setToolTip("Move some mentions, or name forms, to a new entity")
        self.split_button.clicked.connect(self._split)
        self.split_button.setEnabled(False)
        top.addWidget(self.split_button, alignment=Qt.AlignmentFlag.AlignTop)
        layout.addLayout(top)
        splitter = QSplitter(Qt.Orientation.Vertical)
        self.graph = CooccurrenceGraph()
        self.graph.entityClicked.connect(self.entityOpened)
        splitter.addWidget(self.graph)
        self.tabs = tabs = QTabWidget()
        # the words first, taking the room left: in a narrow dock the name and its quote still show
        self.mentions = make_tree("Mentions", ["In context", "Source"], stretch=0, widths={1: SOURCE_WIDTH})
        self.quotes = make_tree("Quotes by this entity", ["Quote", "Source"], stretch=0, widths={1: SOURCE_WIDTH})
        self.variants = VariantsView()
        self.variants.passageOpened.connect(self.passageOpened)
        tabs.addTab(self.mentions, "&Mentions")
        tabs.addTab(self.quotes, "Quo&tes")
        tabs.addTab(self.variants, "V&ariants")  # Alt+V is the View menu
        splitter.addWidget(tabs)
        layout.addWidget(splitter)
        self.setWidget(body)
        for tree in (self.mentions, self.quotes):
            tree.itemActivated.connect(self.open_row)
            tree.itemClicked.connect(self.open_row)
            tree.viewport().installEventFilter(self)
        self.mentions.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.mentions.customContextMenuRequested.connect(self._show_mention_menu)
        menu_key_at_current(self.mentions)

    def show_page(
        self,
        page: EntityPage,
        quote_ranges: dict[int, tuple[int, int]],
        variants: list[QuoteVariant] | None = None,
        bring_forward: bool = True,
    ) -> None:
        """Show ``page``; ``bring_forward``: also show the dock and raise its tab (False when the
        page is only brought up to date after an edit)."""
        # the same entity drawn again (an edit, a re-analysis): the rows picked stay picked
        picked = (
            [(t, _passage_of(t.currentItem())) for t in (self.mentions, self.quotes)]
            if page.id == self.entity_id
            else []
        )
        self.entity_id = page.id
        self.split_button.setEnabled(True)
        # a received name's U+202E reverses nothing after it
        aliases = f" — also {html.escape(inert_bidi(', '.join(page.aliases)))}" if page.aliases else ""
        name, kind = html.escape(inert_bidi(page.name)), html.escape(page.type)
        self.heading.setText(
            f"<b>{name}</b> ({kind}){aliases}<br>{counted(page.mention_total, 'mention')} in "
            f"{counted(page.source_total, 'source')}, {counted(page.quote_total, 'quote')}"
        )
        self.tabs.setTabText(0, _tab_label("&Mentions", len(page.mentions), page.mention_total))
        self.tabs.setTabText(1, _tab_label("Quo&tes", len(page.quotes), page.quote_total))
        self.tabs.setTabToolTip(0, _shown_tip(len(page.mentions), page.mention_total, "mentions, newest sources first"))
        self.tabs.setTabToolTip(1, _shown_tip(len(page.quotes), page.quote_total, "quotes"))
        self.mentions.clear()
        for source_id, title, start, end, context, mention_id in page.mentions:
            item = QTreeWidgetItem([f"…{context}…", title])
            item.setData(0, PassageRole, (source_id, start, end))
            item.setData(0, MentionRole, mention_id)
            item.setToolTip(0, tip(context))
            item.setToolTip(1, tip(title))
            self.mentions.addTopLevelItem(item)
        self.quotes.clear()
        for quote_id, source_id, title, text in page.quotes:
            start, end = quote_ranges.get(quote_id, (0, 0))
            item = QTreeWidgetItem([text, title])
            item.setData(0, PassageRole, (source_id, start, end))
            item.setToolTip(0, tip(text))
            item.setToolTip(1, tip(title))
            self.quotes.addTopLevelItem(item)
        for tree, passage in picked:
            _pick_passage(tree, passage)
        self._offer_all(self.mentions, len(page.mentions), page.mention_total, "mention")
        self._offer_all(self.quotes, len(page.quotes), page.quote_total, "quote")
        self.variants.show_variants(variants or [])
        self.tabs.setTabText(2, f"V&ariants ({len(variants or [])})")
        self.graph.show_page(page)
        if bring_forward:
            self.show()
            self.raise_()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """In a narrow list (the dock beside a 1280x800 window's panels) the source column gives
        the words two thirds of the width; a wider one gives it SOURCE_WIDTH again."""
        if event.type() == QEvent.Type.Resize:
            for tree in (self.mentions, self.quotes):
                if watched is tree.viewport():
                    room = tree.viewport().width()
                    tree.setColumnWidth(1, max(60, room // 3) if room < 3 * SOURCE_WIDTH else SOURCE_WIDTH)
        return super().eventFilter(watched, event)

    def show_gone(self, message: str) -> None:
        """The entity shown no longer exists (deleted, or merged away without a target to show)."""
        self.entity_id = None
        self.split_button.setEnabled(False)
        self.heading.setText(html.escape(message))
        for tree in (self.mentions, self.quotes):
            tree.clear()
        self.variants.show_variants([])
        self.tabs.setTabText(0, "&Mentions")
        self.tabs.setTabText(1, "Quo&tes")
        self.tabs.setTabText(2, "V&ariants")
        self.graph.scene().clear()
        self.graph.labels, self.graph.page = [], None

    def _split(self) -> None:
        if self.entity_id is not None:
            self.splitRequested.emit(self.entity_id)

    def mention_menu(self, item: QTreeWidgetItem) -> QMenu | None:
        """A mention row's menu: show it in its source, or take it off this entity (None for the
        "Show all …" row)."""
        mention_id = item.data(0, MentionRole)
        if mention_id is None or self.entity_id is None:
            return None
        entity_id = self.entity_id
        menu = QMenu(self)
        menu.addAction("&Show in Source").triggered.connect(lambda: self.open_row(item))
        unlink = menu.addAction("&Not This Entity")
        unlink.setToolTip("Take this mention off the entity; re-analysis of its source does not link it again")
        unlink.triggered.connect(lambda: self.unlinkRequested.emit(entity_id, mention_id))
        menu.setToolTipsVisible(True)
        return menu

    def _show_mention_menu(self, point: QPoint) -> None:
        item = self.mentions.itemAt(point)
        menu = self.mention_menu(item) if item is not None else None
        if menu is not None:
            menu.exec(self.mentions.viewport().mapToGlobal(point))

    def open_row(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        passage = item.data(0, PassageRole)
        if passage is not None:
            self.passageOpened.emit(*passage)
        elif self.entity_id is not None:  # the last row: "Show all 605 mentions"
            self.allRequested.emit(self.entity_id)

    @staticmethod
    def _offer_all(tree: QTreeWidget, shown: int, total: int, noun: str) -> None:
        """A last row that lists every one, where the page shows the first only."""
        if shown < total:
            item = QTreeWidgetItem([f"Show all {counted(total, noun)}…", ""])
            font = item.font(0)
            font.setItalic(True)
            item.setFont(0, font)
            item.setToolTip(0, tip(f"Listed: the first {shown:,}. Click or press Enter to list all {total:,}."))
            tree.addTopLevelItem(item)


def _passage_of(item: QTreeWidgetItem | None) -> tuple[int, int, int] | None:
    data = item.data(0, PassageRole) if item is not None else None
    return tuple(data) if data else None


def _pick_passage(tree: QTreeWidget, passage: tuple[int, int, int] | None) -> None:
    """The row of the same passage current again, else the one row over its place in the same
    source (a newer analysis ends a quote a character sooner); none when it went."""
    if passage is None:
        return
    source_id, start, end = passage
    rows = [(row, _passage_of(row)) for i in range(tree.topLevelItemCount()) if (row := tree.topLevelItem(i))]
    same = [row for row, at in rows if at == passage]
    over = [row for row, at in rows if at and at[0] == source_id and at[1] < end and start < at[2]]
    found = same[0] if same else over[0] if len(over) == 1 else None
    if found is not None:
        tree.setCurrentItem(found)  # no click: the reader stays where it is
