"""The timeline: sources on a time axis with their claims stacked under them, by status.
Clicking a source or a claim opens it. A large workspace is drawn as one bar per day (its
sources, and its claims by status); clicking a day lists its sources.

It opens fitted to the dense part of the dates (one 2015 source among 2019-2026 ones waits at
the edge behind a "◂ 1 earlier source" button; 18 sources of four days among 7 of the two years
before open on those four days); Ctrl+wheel, +/- and the buttons zoom, a drag,
the wheel or the scrollbar pan, and the axis labels days, weeks, months or years as the zoom
allows."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QPoint, QPointF, QRect, QRectF, Qt, Signal
from PySide6.QtGui import QBrush, QColor, QFontMetricsF, QPainter, QPen
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsItem,
    QGraphicsScene,
    QGraphicsView,
    QToolTip,
    QWidget,
)

from briefing.domain import CLAIM_STATUSES
from briefing.store.views import Timeline
from briefing.ui.plain import tip
from briefing.ui.reader import CLAIM_COLOURS
from briefing.ui.timeline_marks import CLAIM_SIZE, GAP, ClaimGrid
from briefing.ui.timeline_scale import Axis, axis_ticks, dense_range, period_label

DOT = 10.0  # a source's dot
ROW = 16.0  # a source's row
SLOT = 14.0  # the narrowest column: days closer than this share one
BAR_HEIGHT = 110.0  # the tallest bar
MARGIN = 24.0  # pixels left free at each end of a fitted span
MAX_PIXELS_PER_DAY = 600.0
ZOOM_STEP = 1.5
TOP = 10.0
LabelRole = 1  # a source mark's date and title as written
ItemRole = 0  # QGraphicsItem.data key: ("source" | "claim", id, source id) or ("day", published, 0)
DayRole = 2  # a source dot's day (an ordinal)
SOURCE_COLOUR, SOURCE_EDGE = "#5b7db1", "#2b3a55"
SOURCE_PAINT = (QPen(QColor(SOURCE_EDGE)), QBrush(QColor(SOURCE_COLOUR)))  # shared by every dot


class TimelineView(QGraphicsView):
    opened = Signal(str, int, int)  # kind, id, source id
    day_chosen = Signal(str)  # a day's bar was clicked: its date
    spanChanged = Signal()  # zoomed or panned: the axis and the edge buttons follow

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setScene(QGraphicsScene(self))
        # redrawn at each zoom step: no index to rebuild (a click's lookup over a few thousand
        # items is quick enough without one)
        self.scene().setItemIndexMethod(QGraphicsScene.ItemIndexMethod.NoIndex)
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAccessibleName("Timeline")
        self.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.timeline = Timeline([], [], [])
        self.days: list[tuple[int, int]] = []  # (ordinal, sources) per dated day, in order
        self.origin = 0  # the ordinal at scene x 0
        self.pixels_per_day = 1.0
        self.fitted = True  # still showing the fit: a resize fits again
        self._pressed: QPointF | None = None
        self.horizontalScrollBar().valueChanged.connect(lambda _: self.spanChanged.emit())

    # -- data -------------------------------------------------------------------------------------
    def show_timeline(self, timeline: Timeline) -> None:
        """Draw ``timeline`` fitted to its dense dates, or, once the analyst has zoomed or panned,
        at the same zoom and dates as before: a redraw after an edit (opening a source re-ranks
        its claims, which counts as one) threw away the place they had stepped or zoomed to."""
        kept = None if self.fitted or not self.days else (self.pixels_per_day, self.day_at(0))
        height = self.verticalScrollBar().value()
        self.timeline = timeline
        if timeline.days:
            self.days = [(date.fromisoformat(d).toordinal(), n) for d, n, _ in timeline.days]
        else:
            counts: dict[int, int] = {}
            for _, day, _ in timeline.sources:
                ordinal = date.fromisoformat(day).toordinal()
                counts[ordinal] = counts.get(ordinal, 0) + 1
            self.days = sorted(counts.items())
        self.origin = self.days[0][0] if self.days else 0
        if kept is None or not self.days:
            self.zoom_to_fit()
            return
        self._set_zoom(kept[0], kept[1], 0)
        self.verticalScrollBar().setValue(height)

    def show_days(self, days: list[tuple[str, int, dict[str, int]]]) -> None:
        self.show_timeline(Timeline([], [], days))

    def show_items(self, sources, claims) -> None:
        self.show_timeline(Timeline(list(sources), list(claims), []))

    # -- zoom and pan -----------------------------------------------------------------------------
    def zoom_to_fit(self) -> None:
        """The dense part of the dates across the width (outliers wait behind the edge buttons)."""
        if self.days:
            self.show_span(*dense_range(self.days))
            self.fitted = True
        else:
            self._draw()
            self.spanChanged.emit()

    def show_span(self, first: int, last: int) -> None:
        """Days ``first`` to ``last`` (ordinals, both shown) across the width."""
        width = max(50.0, self.viewport().width() - 2 * MARGIN)
        self.fitted = False
        self._set_zoom(width / (last - first + 1), (first + last + 1) / 2, self.viewport().width() / 2)

    def zoom_by(self, factor: float, at: float | None = None) -> None:
        """Zoom by ``factor`` keeping the day under viewport x ``at`` there (default: the selected
        source when it is in sight, else the middle)."""
        at = self._chosen_x() if at is None else at
        self.fitted = False
        self._set_zoom(self.pixels_per_day * factor, self.day_at(at), at)

    def zoom_in(self) -> None:
        self.zoom_by(ZOOM_STEP)

    def zoom_out(self) -> None:
        self.zoom_by(1 / ZOOM_STEP)

    def show_earlier(self) -> None:
        """Widen the view to the earliest source, keeping its right end."""
        self.show_span(self.days[0][0], int(self.visible_days()[1]))

    def show_later(self) -> None:
        self.show_span(int(self.visible_days()[0]), self.days[-1][0])

    def _set_zoom(self, pixels_per_day: float, day: float, at: float) -> None:
        self.pixels_per_day = min(MAX_PIXELS_PER_DAY, max(self._least_zoom(), pixels_per_day))
        self._draw()
        self.horizontalScrollBar().setValue(round(self.x_of(day) - at))
        self.spanChanged.emit()

    def _least_zoom(self) -> float:
        """Zoomed out no further than every date across the width."""
        if not self.days:
            return 1.0
        return max(1e-3, (self.viewport().width() - 2 * MARGIN) / (self.days[-1][0] - self.days[0][0] + 1))

    def x_of(self, day: float) -> float:
        return (day - self.origin) * self.pixels_per_day

    def day_at(self, x: float) -> float:
        """The day (a fractional ordinal) at viewport x."""
        return self.origin + self.mapToScene(round(x), 0).x() / self.pixels_per_day

    def visible_days(self) -> tuple[float, float]:
        return self.day_at(0), self.day_at(self.viewport().width())

    def outside(self) -> tuple[list[tuple[int, int]], list[tuple[int, int]]]:
        """The dated days (with their sources) left and right of the view."""
        first, last = self.visible_days()
        return [d for d in self.days if d[0] + 1 <= first], [d for d in self.days if d[0] >= last]

    # -- drawing ----------------------------------------------------------------------------------
    def _draw(self) -> None:
        scene = self.scene()
        chosen = self._chosen()
        kept = chosen.data(ItemRole) if chosen is not None else None
        scene.clear()
        # the grid under the marks is drawn from the view's scale, not from the scene's items: a
        # redraw that scrolled nowhere (an import, a re-analysis) repainted only where marks were,
        # and the old scale's lines stayed beside the new ones
        self.viewport().update()
        if not self.days:
            text = scene.addSimpleText("No dated sources yet: give sources a published date to see them here.")
            text.setBrush(self.palette().text())
            self.setSceneRect(scene.itemsBoundingRect())
            return
        if self.timeline.days:
            bottom = self._bars(self.timeline.days)
        else:
            bottom = self._items(self.timeline.sources, self.timeline.claims)
        right = self.x_of(self.days[-1][0] + 1)
        self.setSceneRect(QRectF(-MARGIN, 0, right + 2 * MARGIN, bottom + TOP))
        if kept is not None:  # the selected source stays selected at every zoom step
            for item in scene.items():
                if item.data(ItemRole) == kept and item.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsSelectable:
                    item.setSelected(True)

    def _bars(self, days: list[tuple[str, int, dict[str, int]]]) -> float:
        """One bar per day: its sources above, its claims by status below; returns the bottom."""
        scene = self.scene()
        most_sources = max(n for _, n, _ in days)
        most_claims = max((sum(c.values()) for _, _, c in days), default=0) or 1
        width = max(1.0, self.pixels_per_day * 0.8)
        for day, count, claims in days:
            x = self.x_of(date.fromisoformat(day).toordinal()) + (self.pixels_per_day - width) / 2
            height = 2 + BAR_HEIGHT * count / most_sources
            parts = [f"{count:,} source{'s' if count != 1 else ''}"]
            if claims:
                by_status = ", ".join(f"{claims[s]:,} {s}" for s in CLAIM_STATUSES if claims.get(s))
                parts.append(f"{sum(claims.values()):,} claims: {by_status}")
            hint = f"{day} · {' · '.join(parts)} — click to list the sources"
            no_pen = QPen(Qt.PenStyle.NoPen)
            marks = [scene.addRect(x, TOP + BAR_HEIGHT - height, width, height, no_pen, QBrush(QColor(SOURCE_COLOUR)))]
            y = TOP + BAR_HEIGHT + 6
            for status in CLAIM_STATUSES:
                if claims.get(status):
                    part = BAR_HEIGHT / 2 * claims[status] / most_claims
                    brush = QBrush(QColor(CLAIM_COLOURS[status]))
                    marks.append(scene.addRect(x, y, width, part, no_pen, brush))
                    y += part
            for mark in marks:
                mark.setToolTip(tip(hint))
                mark.setData(ItemRole, ("day", day, 0))
            # the keyboard steps from day to day (Ctrl+Right) and Enter lists its sources
            marks[0].setData(LabelRole, hint)
            marks[0].setData(DayRole, date.fromisoformat(day).toordinal())
            marks[0].setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        line = scene.addLine(
            self.x_of(self.days[0][0]) - MARGIN / 2,
            TOP + BAR_HEIGHT + 3,
            self.x_of(self.days[-1][0] + 1) + MARGIN / 2,
            TOP + BAR_HEIGHT + 3,
        )
        colour = QColor(self.palette().text().color())
        colour.setAlpha(120)
        line.setPen(QPen(colour))
        return TOP + BAR_HEIGHT * 1.5 + 8

    def _items(self, sources, claims) -> float:
        """Sources as dots in columns (a day, or a few days when zoomed out), titled when there is
        room; each column's claims in a grid under its sources. Returns the lowest mark's bottom."""
        columns: dict[int, list] = {}
        for source_id, day, title in sources:
            columns.setdefault(self._column(day), []).append((source_id, day, title))
        claims_of: dict[int, list] = {}
        for claim in claims:
            claims_of.setdefault(claim[1], []).append(claim)
        width = max(SLOT, self.pixels_per_day) - 4
        bottom = TOP
        for column, rows in columns.items():
            left = column * SLOT if self.pixels_per_day < SLOT else self.x_of(column)
            y = self._sources(rows, left + 2, width)
            column_claims = [c for s in rows for c in claims_of.get(s[0], [])]
            bottom = max(bottom, self._claims(column_claims, left + 2, y + 4, width))
        return bottom

    def _column(self, day: str) -> int:
        ordinal = date.fromisoformat(day).toordinal()
        return int(self.x_of(ordinal) // SLOT) if self.pixels_per_day < SLOT else ordinal

    def _sources(self, rows, left: float, width: float) -> float:
        """Each source a dot, with its title beside it when the column is wide enough; returns
        the y under the last."""
        scene = self.scene()
        metrics = QFontMetricsF(self.font())
        y = TOP
        for source_id, day, title in rows:
            dot = scene.addEllipse(left, y + (ROW - DOT) / 2, DOT, DOT, *SOURCE_PAINT)
            marks: list[QGraphicsItem] = [dot]
            if width >= 70:
                text = metrics.elidedText(title, Qt.TextElideMode.ElideRight, width - DOT - 6)
                label = scene.addSimpleText(text)
                label.setFont(self.font())
                label.setBrush(self.palette().text())
                label.setPos(left + DOT + 4, y + (ROW - metrics.height()) / 2)
                marks.append(label)
            label_text, ordinal = f"{day} · {title}", date.fromisoformat(day).toordinal()
            for mark in marks:
                mark.setToolTip(tip(label_text))
                mark.setData(ItemRole, ("source", source_id, source_id))
                mark.setData(LabelRole, label_text)
                mark.setData(DayRole, ordinal)
            dot.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
            y += ROW
        return y

    def _claims(self, claims, left: float, top: float, width: float) -> float:
        """A grid of squares coloured by status, one item for the column; returns its bottom."""
        if not claims:
            return top
        grid = ClaimGrid(claims, left, top, int((width + GAP) // (CLAIM_SIZE + GAP)))
        self.scene().addItem(grid)
        return grid.bottom

    def marks(self) -> dict[tuple[str, int, int], QRectF]:
        """Every source's and claim's (kind, id, source id), as a click opens it, and where its
        mark is drawn (a day's bar: ("day", date, 0))."""
        found: dict[tuple[str, int, int], QRectF] = {}
        for item in self.scene().items():
            if isinstance(item, ClaimGrid):
                found.update(item.marks())
            elif item.data(ItemRole):
                found.setdefault(item.data(ItemRole), item.sceneBoundingRect())
        return found

    def drawBackground(self, painter: QPainter, rect: QRectF | QRect) -> None:
        """A faint line at each tick of the axis, so a dot reads against its date."""
        super().drawBackground(painter, rect)
        if not self.days:
            return
        axis = self.axis()
        grid = QColor(self.palette().text().color())
        grid.setAlpha(40)  # faint in either palette
        painter.setPen(QPen(grid, 0))
        for tick in axis.minor:
            x = self.x_of(tick.day)
            painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom()))

    def axis(self) -> Axis:
        first, last = self.visible_days()
        metrics = QFontMetricsF(self.font())
        return axis_ticks(first, last, self.pixels_per_day, metrics.horizontalAdvance)

    # -- Qt overrides -----------------------------------------------------------------------------
    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self.fitted and self.days and event.size().width() != event.oldSize().width():
            self.zoom_to_fit()
        self.spanChanged.emit()

    def wheelEvent(self, event) -> None:
        """Ctrl+wheel zooms at the pointer; the wheel pans the time (Shift+wheel: up and down)."""
        delta = event.angleDelta()
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.zoom_by(1.2 ** (delta.y() / 120), event.position().x())
        elif event.modifiers() & Qt.KeyboardModifier.ShiftModifier:
            bar = self.verticalScrollBar()
            bar.setValue(bar.value() - delta.y() // 2)
        else:
            bar = self.horizontalScrollBar()
            bar.setValue(bar.value() - (delta.x() or delta.y()))
            self.fitted = False
        event.accept()

    def keyPressEvent(self, event) -> None:
        key = event.key()
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_in()
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom_out()
        elif key == Qt.Key.Key_0:
            self.zoom_to_fit()
        elif key in (Qt.Key.Key_Right, Qt.Key.Key_Left) and event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            self.step(1 if key == Qt.Key.Key_Right else -1)
        elif key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (chosen := self._chosen()) is not None:
            self._open(chosen.data(ItemRole))
        else:
            super().keyPressEvent(event)
            if key in (Qt.Key.Key_Left, Qt.Key.Key_Right, Qt.Key.Key_Home, Qt.Key.Key_End):
                self.fitted = False  # panned: a resize keeps the dates in sight, as after a drag

    def _open(self, data: tuple) -> None:
        """Open a source or a claim; a day's bar lists the day's sources."""
        if data[0] == "day":
            self.day_chosen.emit(data[1])
        else:
            self.opened.emit(*data)

    def step(self, direction: int) -> None:
        """Select the next (1) or previous (-1) source in time, or day where a day is a bar,
        brought into view (Ctrl+Right, Ctrl+Left; Enter opens it, or lists the day's sources):
        the arrows alone pan."""
        dots = sorted(
            (
                i
                for i in self.scene().items()
                if i.data(ItemRole)
                and i.data(ItemRole)[0] in ("source", "day")
                and i.isSelected() is not None
                and i.flags() & QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            ),
            key=lambda i: (i.sceneBoundingRect().x(), i.sceneBoundingRect().y()),
        )
        if not dots:
            return
        chosen = self._chosen()
        at = dots.index(chosen) + direction if chosen in dots else self._first_in_sight(dots, direction)
        target = dots[max(0, min(len(dots) - 1, at))]
        self.scene().clearSelection()
        target.setSelected(True)
        self.ensureVisible(target)
        where = self.mapToGlobal(self.mapFromScene(target.sceneBoundingRect().bottomRight()))
        QToolTip.showText(where, tip(target.data(LabelRole)), self)  # its date and title, as the mouse shows them

    def _chosen_x(self) -> float:
        """Viewport x of the selected source's dot when it is in sight, else the middle."""
        middle = self.viewport().width() / 2
        chosen = self._chosen()
        if chosen is None:
            return middle
        if not 0 <= self.mapFromScene(chosen.sceneBoundingRect().center()).x() <= self.viewport().width():
            return middle
        # its day, not its dot: a dot sits in a column of a few days, which moves as the zoom changes
        return self.mapFromScene(QPointF(self.x_of(chosen.data(DayRole) + 0.5), 0)).x()

    def _first_in_sight(self, dots: list[QGraphicsItem], direction: int) -> int:
        """Where a first step starts: the first source in sight from the left (1) or the right
        (-1), not the earliest or latest of all, which waits off the view behind an edge button
        and took the view a year away from the dates the analyst was looking at."""
        left, right = self.mapToScene(0, 0).x(), self.mapToScene(self.viewport().width(), 0).x()
        shown = [n for n, dot in enumerate(dots) if left <= dot.sceneBoundingRect().center().x() <= right]
        if not shown:
            return 0 if direction > 0 else len(dots) - 1
        return shown[0] if direction > 0 else shown[-1]

    def _chosen(self) -> QGraphicsItem | None:
        selected = [i for i in self.scene().selectedItems() if i.data(ItemRole)]
        return selected[0] if selected else None

    def mousePressEvent(self, event) -> None:
        self._pressed = event.position()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        pressed, self._pressed = self._pressed, None
        if pressed is None or (event.position() - pressed).manhattanLength() > QApplication.startDragDistance():
            self.fitted = False  # a drag panned the view
            return
        item = self.itemAt(event.position().toPoint())
        if isinstance(item, ClaimGrid):
            claim = item.claim_at(self.mapToScene(event.position().toPoint()))
            data = ("claim", claim[0], claim[1]) if claim is not None else None
        else:
            data = item.data(ItemRole) if item is not None else None
        if data:
            self._open(data)


class TimelineAxis(QWidget):
    """The dates above the view: a row of ticks (days, weeks, months or years) and, under
    it, the larger period they belong to, the first one held at the left edge."""

    def __init__(self, view: TimelineView):
        super().__init__()
        self.view = view
        self.setAccessibleName("Timeline axis")
        metrics = QFontMetricsF(self.font())
        self.setFixedHeight(round(2 * metrics.height() + 12))
        view.spanChanged.connect(self.update)

    def labels(self) -> list[tuple[str, str, QRectF]]:
        """Each label of the axis: its row ("minor" or "major"), its text and where it is drawn,
        in this widget's coordinates."""
        view = self.view
        if not view.days:
            return []
        metrics = QFontMetricsF(self.font())
        axis = view.axis()
        shift = self.mapFromGlobal(view.viewport().mapToGlobal(QPoint(0, 0))).x()  # the view's x 0 here

        def rect(day: float | None, text: str, top: float) -> QRectF:
            left = shift if day is None else view.mapFromScene(QPointF(view.x_of(day), 0)).x() + shift
            return QRectF(left + 3, top, metrics.horizontalAdvance(text), metrics.height())

        row = metrics.height() + 6
        minor = [("minor", t.label, rect(t.day, t.label, 2)) for t in axis.minor]
        major = [("major", t.label, rect(t.day, t.label, row)) for t in axis.major]
        major = [m for m in major if m[2].left() > shift + 3]
        sticky = period_label(axis.unit, view.day_at(0))  # the period the left edge is in
        if sticky:
            held = rect(None, sticky, row)
            if not major or major[0][2].left() > held.right() + 12:
                major.insert(0, ("major", sticky, held))
        return [label for label in minor + major if label[2].right() > shift and label[2].left() < self.width()]

    def paintEvent(self, event) -> None:
        painter = QPainter(self)
        labels = self.labels()
        painter.setPen(self.palette().text().color())
        for _row, text, rect in labels:
            painter.drawText(rect, Qt.AlignmentFlag.AlignLeft | Qt.TextFlag.TextSingleLine, text)
        line = QColor(self.palette().text().color())
        line.setAlpha(120)
        painter.setPen(QPen(line))
        painter.drawLine(0, self.height() - 1, self.width(), self.height() - 1)
        tick = QFontMetricsF(self.font()).height() + 4
        for row, _text, rect in labels:
            if row == "minor":  # a short line where its step starts
                painter.drawLine(QPointF(rect.left() - 3, 0), QPointF(rect.left() - 3, tick))
        painter.end()
