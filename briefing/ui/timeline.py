"""The timeline: sources on a time axis with their claims stacked under them, by status.
Clicking a source or a claim opens it. A large workspace is drawn as one bar per day (its
sources, and its claims by status); clicking a day lists its sources."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor, QPainter, QPen
from PySide6.QtWidgets import QDockWidget, QGraphicsItem, QGraphicsScene, QGraphicsView, QWidget

from briefing.store.views import Timeline
from briefing.ui.plain import tip
from briefing.ui.reader import CLAIM_COLOURS

DAY_WIDTH = 90.0
CLAIM_SIZE = 9.0
BAR_DAY_WIDTH = 10.0  # a day's column when the timeline draws bars
BAR_HEIGHT = 110.0  # the tallest bar
ItemRole = 0  # QGraphicsItem.data key: ("source" | "claim", id, source id) or ("day", published, 0)
STATUSES = ("unreviewed", "corroborated", "disputed")


class TimelineView(QGraphicsView):
    opened = Signal(str, int, int)  # kind, id, source id
    day_chosen = Signal(str)  # a day's bar was clicked: its date

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAccessibleName("Timeline")
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)

    def show_timeline(self, timeline: Timeline) -> None:
        if timeline.days:
            self.show_days(timeline.days)
        else:
            self.show_items(timeline.sources, timeline.claims)

    def show_days(self, days: list[tuple[str, int, dict[str, int]]]) -> None:
        """One bar per day: its sources above, its claims by status below."""
        scene = self.scene()
        scene.clear()
        text = self.palette().text()
        first = date.fromisoformat(days[0][0])
        most_sources = max(n for _, n, _ in days)
        most_claims = max((sum(c.values()) for _, _, c in days), default=0) or 1
        month = ""
        for day, count, claims in days:
            x = (date.fromisoformat(day) - first).days * BAR_DAY_WIDTH
            if day[:7] != month:  # a label at the first dated day of each month
                month = day[:7]
                label = scene.addSimpleText(month)
                label.setBrush(text)
                label.setPos(x, 0)
            height = 2 + BAR_HEIGHT * count / most_sources
            parts = [f"{count:,} source{'s' if count != 1 else ''}"]
            if claims:
                by_status = ", ".join(f"{claims[s]:,} {s}" for s in STATUSES if claims.get(s))
                parts.append(f"{sum(claims.values()):,} claims: {by_status}")
            hint = f"{day} · {' · '.join(parts)} — click to list the sources"
            bar = scene.addRect(x, 40 + BAR_HEIGHT - height, BAR_DAY_WIDTH - 2, height, QPen(Qt.PenStyle.NoPen),
                                QBrush(QColor("#5b7db1")))
            y = 40 + BAR_HEIGHT + 6
            marks = [bar]
            for status in STATUSES:
                if claims.get(status):
                    part = BAR_HEIGHT / 2 * claims[status] / most_claims
                    colour = QColor(CLAIM_COLOURS[status])
                    marks.append(scene.addRect(x, y, BAR_DAY_WIDTH - 2, part, QPen(Qt.PenStyle.NoPen), QBrush(colour)))
                    y += part
            for mark in marks:
                mark.setToolTip(tip(hint))
                mark.setData(ItemRole, ("day", day, 0))
        scene.addLine(-20, 40 + BAR_HEIGHT + 3, x + BAR_DAY_WIDTH + 20, 40 + BAR_HEIGHT + 3, QPen(text.color()))
        legend = scene.addSimpleText(f"{sum(n for _, n, _ in days):,} dated sources: a bar per day (blue: sources; "
                                     "below: claims, grey unreviewed, green corroborated, red disputed) — "
                                     "click a day to list its sources")
        legend.setBrush(text)
        legend.setPos(-20, -26)
        self.setSceneRect(scene.itemsBoundingRect().adjusted(-30, -10, 30, 10))
        self.centerOn(x, 0)  # the most recent days

    def show_items(self, sources, claims) -> None:
        scene = self.scene()
        scene.clear()
        if not sources:
            text = scene.addSimpleText("No dated sources yet: give sources a published date to see them here.")
            text.setBrush(self.palette().text())
            return
        first = date.fromisoformat(sources[0][1])
        x_of = {}
        for day in sorted({s[1] for s in sources}):
            x = (date.fromisoformat(day) - first).days * DAY_WIDTH
            x_of[day] = x
            label = scene.addSimpleText(day)
            label.setBrush(self.palette().text())
            label.setPos(x - label.boundingRect().width() / 2, 0)
        scene.addLine(-20, 28, max(x_of.values()) + 20, 28, QPen(self.palette().text().color()))
        self._sources(scene, sources, x_of)
        self._claims(scene, claims, x_of)
        legend = scene.addSimpleText("● source   ■ claim: grey unreviewed, green corroborated, red disputed — "
                                     "click to open")
        legend.setBrush(self.palette().text())
        legend.setPos(-20, -26)
        self.setSceneRect(scene.itemsBoundingRect().adjusted(-30, -10, 30, 10))

    def _sources(self, scene, sources, x_of) -> None:
        row_of: dict[str, int] = {}
        for source_id, day, title in sources:
            row = row_of.get(day, 0)
            row_of[day] = row + 1
            y = 40 + row * 18
            dot = scene.addEllipse(x_of[day] - 5, y, 10, 10, QPen(QColor("#2b3a55")), QBrush(QColor("#5b7db1")))
            dot.setToolTip(tip(f"{day} · {title}"))
            dot.setData(ItemRole, ("source", source_id, source_id))
            dot.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self._source_rows = row_of

    def _claims(self, scene, claims, x_of) -> None:
        base = 40 + 18 * max(self._source_rows.values(), default=1) + 16
        stack: dict[str, int] = {}
        for claim_id, source_id, day, status, text in claims:
            n = stack.get(day, 0)
            stack[day] = n + 1
            column, row = divmod(n, 12)
            x = x_of[day] - 30 + column * (CLAIM_SIZE + 2)
            y = base + row * (CLAIM_SIZE + 2)
            colour = QColor(CLAIM_COLOURS[status])
            mark = scene.addRect(x, y, CLAIM_SIZE, CLAIM_SIZE, QPen(colour.darker()), QBrush(colour))
            mark.setToolTip(tip(f"{status}: {text[:200]}"))
            mark.setData(ItemRole, ("claim", claim_id, source_id))

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        item = self.itemAt(event.position().toPoint())
        data = item.data(ItemRole) if item is not None else None
        if data and data[0] == "day":
            self.day_chosen.emit(data[1])
        elif data:
            self.opened.emit(*data)


class TimelineDock(QDockWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__("Timeline", parent)
        self.setObjectName("timeline-dock")
        self.view = TimelineView()
        self.setWidget(self.view)
        self.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea | Qt.DockWidgetArea.TopDockWidgetArea)
