"""F6 and Shift+F6: keyboard navigation between the main window's panes."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QDockWidget, QTabWidget, QWidget

from briefing.ui.window_state import keep_on_screen

if TYPE_CHECKING:
    from briefing.ui.main_window import MainWindow


def panes(window: MainWindow) -> list[QWidget]:
    """The panes F6 visits, in reading order: sources, reader, side panels, then open docks."""
    notes = getattr(window, "notes_dock", None)  # the workspace's notes, where the window has them
    docks = [window.entity_dock, window.briefing_dock, notes, window.search_dock, window.timeline]
    return [window.table, window.reader, window.panel] + [d for d in docks if d is not None and in_sight(d)]


def in_sight(dock: QDockWidget) -> bool:
    """Shown and not behind another dock's tab (such a dock still says it is visible)."""
    return dock.isVisible() and not dock.visibleRegion().isEmpty()


def keep_hidden_tabs_out_of_reach(window: MainWindow) -> None:
    """Tab and Shift+Tab never land in a dock behind another dock's tab: Qt keeps such a dock
    "visible", off the screen, and the focus went into its fields and buttons where nobody sees
    it (four Tabs through the Timeline's behind Search). Its contents take no focus until its
    tab is raised or it is shown again."""
    for dock in window.findChildren(QDockWidget):
        dock.visibilityChanged.connect(lambda shown, dock=dock: _set_reachable(dock, shown))


def _set_reachable(dock: QDockWidget, shown: bool) -> None:
    inside = dock.widget()
    if inside is not None:
        inside.setEnabled(shown)


def focused_pane(window: MainWindow) -> QWidget | None:
    focus = QApplication.focusWidget()
    return next(
        (pane for pane in panes(window) if focus is not None and (focus is pane or pane.isAncestorOf(focus))), None
    )


def focus_next_pane(window: MainWindow, backwards: bool = False) -> None:
    visited = panes(window)
    current = focused_pane(window)
    at = visited.index(current) if current in visited else -1
    pane = visited[(at + (-1 if backwards else 1)) % len(visited)]
    first_focusable(pane).setFocus(Qt.FocusReason.ShortcutFocusReason)
    window.statusBar().showMessage(pane.accessibleName() or pane.windowTitle(), 2000)


def first_focusable(pane: QWidget) -> QWidget:
    """The pane itself when it takes focus, else its first child that does (a dock's field,
    the list of the side panel's open tab)."""
    if isinstance(pane, QTabWidget) and pane.currentWidget() is not None:
        pane = pane.currentWidget()
    if pane.focusPolicy() != Qt.FocusPolicy.NoFocus and not isinstance(pane, QDockWidget):
        return pane
    for child in pane.findChildren(QWidget):
        if child.focusPolicy() & Qt.FocusPolicy.TabFocus and child.isVisibleTo(pane) and child.isEnabled():
            return child
    return pane


WIDE_SHARE = 0.45  # of the window's width, for the entity page and the briefing note


def open_wide(window: MainWindow, dock: QDockWidget, share: float = WIDE_SHARE) -> None:
    """Show a right-hand dock (the entity page, the briefing note) and raise its tab. One
    narrower than a third of the window takes ``share`` of it, so a page meant for reading is
    not a 300-pixel strip; one already wider (the analyst sized it) keeps its width."""
    _tab_beside_open_pages(window, dock)
    dock.show()
    dock.raise_()
    if not dock.isFloating() and dock.width() < window.width() / 3:
        window.resizeDocks([dock], [int(window.width() * share)], Qt.Orientation.Horizontal)
    keep_on_screen(window)  # a page beside may have made the window wider than the room to its right
    window.timeline.keep_room()  # the page beside took the timeline's height: a row of marks, at least


def _tab_beside_open_pages(window: MainWindow, dock: QDockWidget) -> None:
    """The entity page and the briefing note share one place, a tab each, rather than halving
    the height. Tabbed only when both are open: hidden docks tabbed at start took the main
    window's spare height from the reader and gave it to the search pane."""
    area = window.dockWidgetArea(dock)
    for other in (window.entity_dock, window.briefing_dock):
        if other is dock or other.isHidden() or other.isFloating() or window.dockWidgetArea(other) != area:
            continue
        if dock not in window.tabifiedDockWidgets(other):
            window.tabifyDockWidget(other, dock)
        return
