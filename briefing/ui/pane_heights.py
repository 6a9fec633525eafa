"""The bottom panes' height (Search, Timeline and Notes share one place) against the window's.

Search and Timeline grow for their first results up to ``ROOM_SHARE`` of the window, and the
window keeps the height it is left with. Kept as is, a pane grown in a 1600x1000 window came back
taller than that share of a 1280x800 one, and the claims tab and the reader above it had what was
left. A window shorter than when its panes were saved gives them their share of the window they
were saved in, at most ``ROOM_SHARE`` of this one, and no more than leaves the claims tab its
working rows (``CLAIM_ROWS``); never less than a pane's least height.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtWidgets import QDockWidget

from briefing.ui.search_dock import ROOM_SHARE

if TYPE_CHECKING:
    from briefing.ui.main_window import MainWindow

# a bottom pane's first height, a share of the window's: on an 800-pixel screen the search pane's
# 210 pixels left the claims tab a row and a half of its list
SEARCH_DOCK_SHARE, SEARCH_DOCK_HEIGHTS = 0.2, (130, 210)


def first_pane_height(window_height: int) -> int:
    """A bottom pane's first height in a window ``window_height`` pixels tall."""
    low, high = SEARCH_DOCK_HEIGHTS
    return max(low, min(high, int(window_height * SEARCH_DOCK_SHARE)))


def open_bottom_pane(window: MainWindow) -> QDockWidget | None:
    """The bottom pane open in the window (the others are tabs of the same place), if any."""
    for dock in (window.search_dock, window.timeline, window.notes_dock):
        area = window.dockWidgetArea(dock)
        if not dock.isHidden() and not dock.isFloating() and area == Qt.DockWidgetArea.BottomDockWidgetArea:
            return dock
    return None


def claims_shortfall(window: MainWindow) -> int:
    """The pixels the side panel lacks for the claims tab's working rows, as laid out now."""
    panel = window.panel
    room = panel.height() - panel.tabBar().sizeHint().height()
    return panel.claims_splitter.wanted(panel.width()) - room


class RestoredPanes(QObject):
    """Fits the bottom pane to the window once it first shows, laid out at its size: before, its
    hidden parts have no sizes yet (the side panel 226 pixels wide in an 852-pixel window)."""

    def __init__(self, window: MainWindow, saved_height: int | None) -> None:
        super().__init__(window)
        self.window_, self.saved_height = window, saved_height
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt's name
        if watched is self.window_ and event.type() == QEvent.Type.Show:
            self.window_.removeEventFilter(self)
            QTimer.singleShot(0, self, self._fit)  # once the panel's own layouts have run
        return False

    def _fit(self) -> None:
        fit_restored_panes(self.window_, self.saved_height)
        self.deleteLater()


def fit_restored_panes(window: MainWindow, saved_height: int | None) -> None:
    """The bottom pane restored in a window shorter than the ``saved_height`` it was saved in
    (or one not known): its share of that window, at most ``ROOM_SHARE`` of this one, and short
    enough for the claims tab's working rows where its least height allows."""
    height = window.height()
    if saved_height is not None and height >= saved_height:
        return  # as tall as it was left: the panes stay as they were left
    dock = open_bottom_pane(window)
    layout = window.layout()
    if dock is None or layout is None:
        return
    layout.activate()
    pane = dock.height()
    target = min(pane, int(height * ROOM_SHARE))
    if saved_height:
        target = min(target, pane * height // saved_height)
    target = min(target, pane - max(0, claims_shortfall(window)))
    target = max(target, dock.minimumSizeHint().height())
    if target < pane:
        window.resizeDocks([dock], [target], Qt.Orientation.Vertical)
