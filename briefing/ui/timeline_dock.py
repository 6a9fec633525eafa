"""The timeline pane: the view with its axis, zoom buttons, span and legend, drawn from the
window's workspace when it comes into sight and after each edit while it is in sight."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QResizeEvent
from PySide6.QtWidgets import QDockWidget, QHBoxLayout, QLabel, QMainWindow, QToolButton, QVBoxLayout, QWidget

from briefing.store import Workspace
from briefing.store.views import timeline_items
from briefing.ui.plain import tip
from briefing.ui.redrawn import DrawnAnalyses
from briefing.ui.search_dock import ROOM_SHARE
from briefing.ui.timeline import TimelineAxis, TimelineView
from briefing.ui.timeline_legend import LegendLabel, place_legend
from briefing.ui.timeline_scale import span_label

PLOT_ROOM = 180  # pixels of plot the pane makes room for when it first shows
BODY_MARGINS = (4, 2, 4, 4)  # left, top, right, bottom of the pane's body
USABLE = 40  # pixels of plot for a row of sources and a row of their claims, at the least
TOO_SHORT = "Too short to show the marks: drag the pane's top edge up, or float it"
# the keys beside the mouse's gestures, in the legend: the view takes them once clicked or Ctrl+T
KEYS_STEP = "Ctrl+←/→ to step"
KEYS_VIEW = "drag, wheel or ←/→ to pan; Ctrl+wheel or +/− to zoom, 0 to fit"


def undated_note(undated: int) -> str:
    """What the timeline leaves out, and how to place it."""
    sources = f"{undated:,} source{'s' if undated != 1 else ''}"
    return f"{sources} without a date (set one in Source Details…, Ctrl+Alt+I)"


class TimelineDock(QDockWidget):
    """The timeline pane; ``workspace`` gives the window's workspace (None until it is open),
    read whenever the pane comes into sight and after each edit while it is in sight."""

    def __init__(
        self,
        parent: QWidget | None = None,
        workspace: Callable[[], Workspace | None] = lambda: None,
        analyses: DrawnAnalyses | None = None,
    ):
        super().__init__("Timeline", parent)
        self.setObjectName("timeline-dock")
        self.workspace = workspace
        self.analyses = analyses or DrawnAnalyses()  # the claims drawn, for a re-analysis (ui.redrawn)
        self.view = TimelineView()
        self.axis = TimelineAxis(self.view)
        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(*BODY_MARGINS)
        layout.setSpacing(2)
        layout.addLayout(self._toolbar())
        self.legend_row = QHBoxLayout()  # the legend, where the buttons leave it too little room
        layout.addLayout(self.legend_row)
        layout.addWidget(self.axis)
        layout.addWidget(self.view, stretch=1)
        # a line of plot at the least, not a scroll area's 70 pixels: tabbed with Search, the pane
        # held the bottom area at its own least (196 pixels at 15 points) however small Search
        # could be; it makes room for the plot when it first shows (make_room)
        self.view.setMinimumHeight(self.view.fontMetrics().height() + 2 * self.view.frameWidth())
        self.setWidget(body)
        self.too_short = False  # the legend says why no mark shows (_span_changed)
        # laid out in the window once (make_room): before, the plot is short only for a moment, and
        # the legend's note for it left the legend a line's height for its two lines
        self._placed = False
        self.setAllowedAreas(Qt.DockWidgetArea.BottomDockWidgetArea | Qt.DockWidgetArea.TopDockWidgetArea)
        self.view.spanChanged.connect(self._span_changed)
        self.visibilityChanged.connect(self._visibility)
        self._grown = False  # the pane made room for the plot once (make_room)
        self._drawn = False  # drawn since bring_up began

    def bring_up(self) -> None:
        """Show the pane, its tab raised, drawn from the workspace as it is now, the keyboard in
        the plot (Ctrl+Right steps, Enter opens, + and − zoom). Drawn once: raising the tab
        draws it already, and drawing twice held a 1,300-source window for over half a second."""
        self._drawn = False
        self.show()
        self.raise_()
        if not self._drawn:  # it was in sight already
            self.draw()
        self.view.setFocus(Qt.FocusReason.ShortcutFocusReason)
        QTimer.singleShot(0, self, self.make_room)  # once the pane is laid out

    def _visibility(self, visible: bool) -> None:
        if visible:  # the tab was raised: the workspace as it is now
            self.draw()
            QTimer.singleShot(0, self, self.make_room)

    def make_room(self) -> None:
        """The first time the plot shows in the window, it is at least PLOT_ROOM high, up to
        ROOM_SHARE of the window: in the bottom pane at 1280x800 it was 60 pixels, three dots a
        month with the rest behind a scroll bar. Once: a pane the analyst makes smaller stays so."""
        window = self.parentWidget()
        self._placed = self._placed or self.isVisible()
        if self._grown or not isinstance(window, QMainWindow) or self.isFloating() or not self.isVisible():
            return
        missing = PLOT_ROOM - self.view.viewport().height()
        if self.view.viewport().height() <= 0 or missing <= 0:
            return
        self._grown = True
        target = min(self.height() + missing, int(window.height() * ROOM_SHARE))
        if target > self.height():
            window.resizeDocks([self], [target], Qt.Orientation.Vertical)

    def keep_room(self) -> None:
        """Another pane opened (the entity page, the briefing note) and left the plot in sight
        too short for a row of marks: it takes back up to PLOT_ROOM, within ROOM_SHARE of the
        window (where the other pane's least height allows; else the plot says why it is empty)."""
        window = self.parentWidget()
        if not isinstance(window, QMainWindow) or self.isFloating() or not self.isVisible():
            return
        if self.visibleRegion().isEmpty() or not self.view.days:
            return
        layout = window.layout()
        if layout is not None:
            layout.activate()  # the other pane laid out at its new size
        missing = PLOT_ROOM - self.view.viewport().height()
        if self.view.viewport().height() >= USABLE or missing <= 0:
            return
        target = min(self.height() + missing, int(window.height() * ROOM_SHARE))
        if target > self.height():
            window.resizeDocks([self], [target], Qt.Orientation.Vertical)

    def draw(self) -> None:
        ws = self.workspace()
        if ws is not None:
            timeline = timeline_items(ws)
            self.view.show_timeline(timeline)
            self.analyses.drew(ws, "claim", [(claim[0], (claim[1],)) for claim in timeline.claims])
            self._drawn = True

    def redraw_if_shown(self) -> None:
        """A date, a status or a source changed: the timeline in sight shows it (a hidden one
        reads the workspace when its tab is raised)."""
        if self.isVisible() and not self.visibleRegion().isEmpty():
            self.draw()

    def _toolbar(self) -> QHBoxLayout:
        row = QHBoxLayout()
        self.earlier = self._button("", "Show the earlier sources too", self.view.show_earlier)
        row.addWidget(self.earlier)
        for text, hint, keys, slot in (
            ("Fit", "Zoom to fit the dates (0)", ["0", "Ctrl+0"], self.view.zoom_to_fit),
            ("−", "Zoom out (−, Ctrl+wheel)", ["-", "Ctrl+-"], self.view.zoom_out),
            ("+", "Zoom in (+, Ctrl+wheel)", ["+", "=", "Ctrl++", "Ctrl+="], self.view.zoom_in),
        ):
            action = QAction(text, self)
            action.setToolTip(tip(hint))
            action.setShortcuts([QKeySequence(k) for k in keys])
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            action.triggered.connect(slot)
            self.addAction(action)
            button = QToolButton()
            button.setDefaultAction(action)
            button.setAccessibleName({"Fit": "Zoom to fit", "−": "Zoom out", "+": "Zoom in"}[text])
            row.addWidget(button)
        self.span = QLabel()
        self.span.setAccessibleName("Shown dates")
        row.addSpacing(8)
        row.addWidget(self.span)
        row.addSpacing(16)
        self.legend = LegendLabel()
        self.toolbar = row
        row.addWidget(self.legend, stretch=1)
        row.addStretch(0)  # the later button at the right edge, the legend beside the buttons or not
        self.later = self._button("", "Show the later sources too", self.view.show_later)
        row.addWidget(self.later)
        return row

    def resizeEvent(self, event: QResizeEvent) -> None:  # noqa: N802 - Qt's name
        super().resizeEvent(event)
        self._place_legend()

    def _place_legend(self) -> None:
        """The legend beside the buttons where their row leaves its lines whole, else under them."""
        body = self.widget()
        if body is not None:
            width = body.width() - BODY_MARGINS[0] - BODY_MARGINS[2]
            place_legend(self.legend, self.toolbar, self.legend_row, width)

    def _button(self, text: str, hint: str, slot) -> QToolButton:
        button = QToolButton()
        button.setText(text)
        button.setToolTip(tip(hint))
        button.setAutoRaise(False)
        button.clicked.connect(slot)
        button.hide()
        return button

    def _span_changed(self) -> None:
        view = self.view
        # the note is a line shorter than the legend it stands for: shown under USABLE, gone only
        # once two lines more are free, or the pane would flicker between the two
        height = view.viewport().height()
        room = USABLE + (2 * self.legend.fontMetrics().lineSpacing() if self.too_short else 0)
        self.too_short = self._placed and bool(view.days) and height < room
        undated = view.timeline.undated
        if not view.days:
            self.span.setText("")
            self.legend.set_lines([f"No source has a published date yet: {undated_note(undated)}" if undated else ""])
            self.earlier.hide()
            self.later.hide()
            self._place_legend()
            return
        self.span.setText(span_label(*view.visible_days()))
        if view.timeline.days:
            marks = "A bar per day (blue: sources; below: claims, grey unreviewed, green corroborated, red disputed)"
            keys = f"Click a day, or {KEYS_STEP} to one and Enter, to list its sources; {KEYS_VIEW}"
        else:
            marks = "● source   ■ claim: grey unreviewed, green corroborated, red disputed"
            keys = f"Click to open, or {KEYS_STEP} to a source and Enter; {KEYS_VIEW}"
        if self.too_short:
            marks, keys = TOO_SHORT, ""
        self.legend.set_lines([f"{marks}. Not shown: {undated_note(undated)}" if undated else marks, keys])
        before, after = view.outside()
        self._edge(self.earlier, before, "◂ {n} earlier source{s}, {years}")
        self._edge(self.later, after, "{n} later source{s}, {years} ▸")
        self._place_legend()

    @staticmethod
    def _edge(button: QToolButton, days: list[tuple[int, int]], text: str) -> None:
        if not days:
            button.hide()
            return
        n = sum(count for _, count in days)
        first, last = date.fromordinal(days[0][0]).year, date.fromordinal(days[-1][0]).year
        years = str(first) if first == last else f"{first}–{last}"
        button.setText(text.format(n=f"{n:,}", s="s" if n != 1 else "", years=years))
        button.setToolTip(tip(f"{n:,} source{'s' if n != 1 else ''} outside the view — click to show"))
        button.show()
