"""The window on a small screen: a 1280x800 screen scaled one and a half times leaves 853x533
pixels, and the entity page or the briefing note beside the sources, the reader and the side
panels held the window at 926x519 (the page) or 975x587 (the note), past the screen's right
and bottom edges.

Where the screen is that small, the source list and the reader may be narrower, and the pages
on the right run the window's full height beside the search pane rather than above it. A large
font asks the same of a 1280x800 screen: at 15 points the note held the window 802 pixels tall.

A window too short for the claims tab's lists beside the bottom panes (Search and Timeline, at
15 points on a 1280x800 screen) starts with those panes closed: at their least they left one
row of each list. Ctrl+F and Ctrl+T bring them back, and the window keeps them as they are left.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QSize, Qt

if TYPE_CHECKING:
    from briefing.ui.main_window import MainWindow

LEAST_WIDTHS = (180, 320)  # the source list's and the reader's, where the screen has room
SMALL_LEAST_WIDTHS = (110, 240)  # where it has not: a title's first words, a short line of text
SLACK = 40  # the window's margins, the splitter's handles and the docks' separators
TITLE_BAR = 30  # the window manager's, inside the screen's available room
# lines of the font in the window's height, at most, for the bottom panes to give way on a first
# start: 15 points on a 1280x800 screen leave 31 to 35; the usual font there, 50 or more
FEW_LINES = 40


def fit_small_screen(window: MainWindow, room: QSize) -> None:
    """The columns' least widths and the right-hand pages' place for a screen of ``room``."""
    pages = (window.entity_dock, window.briefing_dock)
    page = max(d.minimumSizeHint().width() for d in pages)
    panel = window.panel.minimumSizeHint().width()
    wide = sum(LEAST_WIDTHS) + panel + page + SLACK <= room.width()
    sources, reader = LEAST_WIDTHS if wide else SMALL_LEAST_WIDTHS
    left = window.splitter.widget(0)
    if left is not None:
        left.setMinimumWidth(sources)
    window.reader.setMinimumWidth(reader)
    bars = window.menuBar().sizeHint().height() + window.statusBar().sizeHint().height()
    stacked = max(d.minimumSizeHint().height() for d in pages) + window.search_dock.minimumSizeHint().height()
    tall = bars + stacked + SLACK + TITLE_BAR <= room.height()
    side = Qt.DockWidgetArea.BottomDockWidgetArea if tall else Qt.DockWidgetArea.RightDockWidgetArea
    window.setCorner(Qt.Corner.BottomRightCorner, side)


def give_claims_room(window: MainWindow) -> bool:
    """On a first start, close Search and Timeline where the window is short for its font
    (``FEW_LINES``) and the side panel, laid out at the window's size, is too short for
    ``CLAIM_ROWS`` of the claims tab's lists; True if it closed them."""
    if window.height() > FEW_LINES * window.fontMetrics().lineSpacing():
        return False
    layout = window.layout()
    if layout is not None:
        layout.activate()  # laid out at the size just given, before it shows
    panel = window.panel
    room = panel.height() - panel.tabBar().sizeHint().height()
    if room >= panel.claims_splitter.wanted(panel.width()):
        return False
    for dock in (window.search_dock, window.timeline):
        dock.close()
    return True
