"""The entity page: aliases, mentions across sources, quotes, the quotes other sources report
differently (variants), and who appears with it, drawn as a small graph; opening a mention,
quote or variant shows its passage."""

from __future__ import annotations

import html
import math

from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QDockWidget,
    QGraphicsScene,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from briefing.store.quote_variants import QuoteVariant
from briefing.store.views import EntityPage
from briefing.ui.plain import tip
from briefing.ui.reader import ENTITY_COLOURS
from briefing.ui.variants_view import VariantsView
from briefing.ui.widgets import make_tree

PassageRole = Qt.ItemDataRole.UserRole + 1  # (source id, start, end)


class CooccurrenceGraph(QGraphicsView):
    """The entity in the middle, the entities sharing its sources around it; line width
    grows with the number of shared sources."""

    entityClicked = Signal(int)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAccessibleName("Co-occurrence graph")
        self.setMinimumHeight(260)

    def show_page(self, page: EntityPage) -> None:
        scene = self.scene()
        scene.clear()
        radius = 150.0
        most = max((n[3] for n in page.neighbours), default=1)
        for i, (_entity_id, name, kind, shared) in enumerate(page.neighbours):
            angle = 2 * math.pi * i / max(1, len(page.neighbours)) - math.pi / 2
            point = QPointF(radius * math.cos(angle), radius * math.sin(angle))
            pen = QPen(QColor("#9aa3ad"), 1 + 5 * shared / most)
            scene.addLine(0, 0, point.x(), point.y(), pen)
            self._node(point, name, kind, f"{name}: {shared} shared source{'s' if shared != 1 else ''}")
        self._node(QPointF(0, 0), page.name, page.type, page.name, size=26)
        self.setSceneRect(scene.itemsBoundingRect().adjusted(-20, -20, 20, 20))

    def _node(self, point: QPointF, name: str, kind: str, hint: str, size: float = 16) -> None:
        scene = self.scene()
        colour = QColor(ENTITY_COLOURS.get(kind, "#888888"))
        dot = scene.addEllipse(
            point.x() - size / 2, point.y() - size / 2, size, size, QPen(colour.darker()), QBrush(colour)
        )
        dot.setToolTip(tip(hint))
        label = scene.addSimpleText(name)
        label.setBrush(self.palette().text())
        bounds = label.boundingRect()
        label.setPos(point.x() - bounds.width() / 2, point.y() + size / 2 + 2)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self.fitInView(self.sceneRect(), Qt.AspectRatioMode.KeepAspectRatio)


class EntityDock(QDockWidget):
    """Emits ``passageOpened(source_id, start, end)`` when a mention or quote is opened."""

    passageOpened = Signal(int, int, int)
    splitRequested = Signal(int)  # the entity's id

    def __init__(self, parent: QWidget | None = None):
        super().__init__("Entity", parent)
        self.setObjectName("entity-dock")
        self.entity_id: int | None = None
        body = QWidget()
        layout = QVBoxLayout(body)
        self.heading = QLabel("Double-click an entity in the Entities tab to see it across sources.")
        self.heading.setWordWrap(True)
        self.heading.setTextFormat(Qt.TextFormat.RichText)  # the app's markup; names are escaped
        self.heading.setAccessibleName("Entity")
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
        splitter.addWidget(self.graph)
        self.tabs = tabs = QTabWidget()
        self.mentions = make_tree("Mentions", ["Source", "In context"], widths={0: 200})
        self.quotes = make_tree("Quotes by this entity", ["Source", "Quote"], widths={0: 200})
        self.variants = VariantsView()
        self.variants.passageOpened.connect(self.passageOpened)
        tabs.addTab(self.mentions, "&Mentions")
        tabs.addTab(self.quotes, "Quo&tes")
        tabs.addTab(self.variants, "&Variants")
        splitter.addWidget(tabs)
        layout.addWidget(splitter)
        self.setWidget(body)
        for tree in (self.mentions, self.quotes):
            tree.itemActivated.connect(self.open_row)
            tree.itemClicked.connect(self.open_row)

    def show_page(
        self, page: EntityPage, quote_ranges: dict[int, tuple[int, int]], variants: list[QuoteVariant] | None = None
    ) -> None:
        self.entity_id = page.id
        self.split_button.setEnabled(True)
        aliases = f" — also {html.escape(', '.join(page.aliases))}" if page.aliases else ""
        sources = len({m[0] for m in page.mentions})
        name, kind = html.escape(page.name), html.escape(page.type)
        self.heading.setText(
            f"<b>{name}</b> ({kind}){aliases}<br>{len(page.mentions)} mentions in "
            f"{sources} sources, {len(page.quotes)} quotes"
        )
        self.mentions.clear()
        for source_id, title, start, end, context in page.mentions:
            item = QTreeWidgetItem([title, f"…{context}…"])
            item.setData(0, PassageRole, (source_id, start, end))
            item.setToolTip(1, tip(context))
            self.mentions.addTopLevelItem(item)
        self.quotes.clear()
        for quote_id, source_id, title, text in page.quotes:
            start, end = quote_ranges.get(quote_id, (0, 0))
            item = QTreeWidgetItem([title, text])
            item.setData(0, PassageRole, (source_id, start, end))
            item.setToolTip(1, tip(text))
            self.quotes.addTopLevelItem(item)
        self.variants.show_variants(variants or [])
        self.tabs.setTabText(2, f"&Variants ({len(variants or [])})")
        self.graph.show_page(page)
        self.show()
        self.raise_()

    def _split(self) -> None:
        if self.entity_id is not None:
            self.splitRequested.emit(self.entity_id)

    def open_row(self, item: QTreeWidgetItem, _column: int = 0) -> None:
        self.passageOpened.emit(*item.data(0, PassageRole))
