"""The main window's geometry and layout, and per workspace the source being read, its scroll
position and the entity page shown, kept between runs (QSettings)."""

from __future__ import annotations

import hashlib
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QByteArray, QRect, QSettings, QSize, Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QMainWindow, QWidget

from briefing.ui.pane_heights import RestoredPanes, first_pane_height
from briefing.ui.small_screen import fit_small_screen, give_claims_room

if TYPE_CHECKING:
    from briefing.ui.main_window import MainWindow

FIRST_START_SHARE = 0.9  # of the screen's available room, on a first start
FIRST_START_COLUMNS = (0.28, 0.42, 0.30)  # of the window's width: sources, reader, side panels
FIT_SLACK = 40  # the window's margins and dock separators, beside the columns' least widths
TAB_COUNTS_ROOM = 80  # for the counts the Quotes and Claims tabs show once a source is open


def _parts(window: MainWindow):
    return (
        ("main/geometry", window.saveGeometry, window.restoreGeometry),
        ("main/splitter", window.splitter.saveState, window.splitter.restoreState),
        ("main/table", window.table.horizontalHeader().saveState, window.table.horizontalHeader().restoreState),
        ("main/state", window.saveState, window.restoreState),
        ("claims/splitter", window.panel.claims_splitter.saveState, window.panel.claims_splitter.restoreState),
        ("claims/columns", window.panel.claims.header().saveState, window.panel.claims.header().restoreState),
    )


PANEL_TAB = "main/panel_tab"  # the side panel's tab (Summary, Entities, Quotes, Claims, Notes)
HEIGHT = "main/height"  # the window's, for the bottom panes' heights kept with it (fit_restored_panes)


def save_state(window: MainWindow) -> None:
    settings = QSettings()
    for key, save, _ in _parts(window):
        settings.setValue(key, save())
    settings.setValue(PANEL_TAB, window.panel.currentIndex())
    settings.setValue(HEIGHT, window.height())
    if window.attached:
        save_reading(window, settings)


def restore_state(window: MainWindow) -> None:
    settings = QSettings()
    if not isinstance(settings.value("main/geometry"), QByteArray):
        fill_screen(window)
    for key, _, restore in _parts(window):
        value = settings.value(key)
        if isinstance(value, QByteArray):
            restore(value)
    tab = settings.value(PANEL_TAB)
    if isinstance(tab, (int, str)) and str(tab).isdigit() and int(tab) < window.panel.count():
        window.panel.setCurrentIndex(int(tab))  # back at the Claims tab where the analyst left it
    if isinstance(settings.value("main/state"), QByteArray):
        RestoredPanes(window, _int(settings.value(HEIGHT)))  # a smaller screen than last time


def fill_screen(window: QWidget, share: float = FIRST_START_SHARE, room: QRect | None = None) -> None:
    """A first start: most of the screen's available room (or of ``room``), centred on it."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    if room is None and screen is not None:
        room = screen.availableGeometry()
    if room is None:
        return
    if getattr(window, "panel", None) is not None:
        fit_screen(cast("MainWindow", window), room.size())
    # no less than the window's least size (a large font, a scaled screen), placed by its real size
    least = window.minimumSizeHint().expandedTo(window.minimumSize())
    width = min(room.width(), max(int(room.width() * share), least.width()))
    height = min(room.height(), max(int(room.height() * share), least.height()))
    window.resize(width, height)
    window.move(room.x() + (room.width() - width) // 2, room.y() + (room.height() - height) // 2)
    splitter = getattr(window, "splitter", None)
    if splitter is not None:  # sources, reader, side panels: the reader the widest
        splitter.setSizes(first_columns(window, width))
    fit_search_dock(window, height)
    if getattr(window, "panel", None) is not None:
        give_claims_room(cast("MainWindow", window))


def first_columns(window: QWidget, width: int) -> list[int]:
    """The first widths of the sources, the reader and the side panels in a window ``width`` wide.
    The panel is widened towards its tabs' whole width with what the source list can spare (the
    reader keeps its share): with a large font the panel's share alone shortened them to "E…"."""
    sizes = [int(width * share) for share in FIRST_START_COLUMNS]
    panel, splitter = getattr(window, "panel", None), getattr(window, "splitter", None)
    if panel is None or splitter is None:
        return sizes
    wanted = panel.whole_tabs_width()
    sources = splitter.widget(0)
    spare = sizes[0] - sources.minimumSizeHint().expandedTo(sources.minimumSize()).width()
    moved = max(0, min(wanted - sizes[2], spare))
    return [sizes[0] - moved, sizes[1], sizes[2] + moved]


def fit_side_tabs(window: MainWindow, room: int | None = None) -> None:
    """The side panel at least as wide as its tabs whole where the screen (``room`` pixels wide)
    has room for them beside the sources, the reader and the entity page or the note; else the
    tabs may shorten ("Quo…"): with a large font or a scaled screen, tabs never shortened held the
    window wider than the screen."""
    if room is None:
        screen = window.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        room = screen.availableGeometry().width()
    panel, splitter = window.panel, window.splitter
    docks = max(window.entity_dock.minimumSizeHint().width(), window.briefing_dock.minimumSizeHint().width())
    sources = splitter.widget(0)
    least = sources.minimumWidth() if sources is not None else 0
    beside = least + window.reader.minimumWidth() + docks + 4 * splitter.handleWidth()
    # the tabs' counts ("Quotes (11)") come once the workspace is open: the panel reckons their width itself
    panel.tabs_whole = beside + panel.whole_tabs_width() + TAB_COUNTS_ROOM + FIT_SLACK <= room
    panel.updateGeometry()


def fit_screen(window: MainWindow, room: QSize | None = None) -> None:
    """The side tabs, the columns' least widths and the right-hand pages' place for a screen
    with ``room`` (by default the window's screen's available room)."""
    if room is None:
        screen = window.screen() or QGuiApplication.primaryScreen()
        if screen is None:
            return
        room = screen.availableGeometry().size()
    fit_side_tabs(window, room.width())
    fit_small_screen(window, room)
    fit_side_tabs(window, room.width())  # narrower columns may leave the tabs room to show whole


def keep_on_screen(window: QWidget) -> None:
    """Move the window back onto its screen where it grew past the edges (a page opened beside
    it), its left and top edges first where it is larger than the screen."""
    screen = window.screen() or QGuiApplication.primaryScreen()
    layout = window.layout()
    if screen is None:
        return
    if layout is not None:
        layout.activate()  # grown to its new least size now, not after the next events
    room, frame = screen.availableGeometry(), window.frameGeometry()
    x = max(room.left(), min(frame.left(), room.right() + 1 - frame.width()))
    y = max(room.top(), min(frame.top(), room.bottom() + 1 - frame.height()))
    if (x, y) != (frame.left(), frame.top()):
        window.move(x, y)


def fit_search_dock(window: QWidget, height: int) -> None:
    """The search dock's first height for a window ``height`` pixels tall."""
    dock = getattr(window, "search_dock", None)
    if isinstance(window, QMainWindow) and dock is not None:
        window.resizeDocks([dock], [first_pane_height(height)], Qt.Orientation.Vertical)


# -- the workspace's reading place ----------------------------------------
def workspace_key(window: MainWindow) -> str | None:
    """The settings group of the open workspace (by its file's path, or a team workspace's
    connection string), None for one in memory."""
    if not window.attached:
        return None
    ws = window.ws
    if ws.path is not None:
        where = str(ws.path.resolve())
    elif ws.conninfo is not None:
        where = ws.name  # a team workspace by its connection string, password left out
    else:
        return None
    return "workspaces/" + hashlib.sha1(where.encode()).hexdigest()[:16]


def save_reading(window: MainWindow, settings: QSettings | None = None) -> None:
    """The source open, the character at the top of the reader, the entity page shown."""
    group = workspace_key(window)
    if group is None:
        return
    settings = settings or QSettings()
    source_id = window.current_source_id()
    top = window.reader.cursorForPosition(window.reader.viewport().rect().topLeft()).position()
    entity = window.entity_dock.entity_id if _is_open(window.entity_dock) else None
    for name, value in (("source", source_id), ("top", top if source_id is not None else None), ("entity", entity)):
        if value is None:
            settings.remove(f"{group}/{name}")
        else:
            settings.setValue(f"{group}/{name}", int(value))


def restore_reading(window: MainWindow) -> None:
    """Back where the analyst left this workspace: its source, scrolled as it was, and its
    entity page. A source or entity gone since is skipped without a word."""
    group = workspace_key(window)
    if group is None:
        return
    settings = QSettings()
    source_id = _int(settings.value(f"{group}/source"))
    if source_id is not None and window.model.row_of(source_id) is not None:
        window._select(source_id)
        top = _int(settings.value(f"{group}/top"))
        if top is not None and window.current_source_id() == source_id:
            scroll_to_character(window.reader, top)
    entity_id = _int(settings.value(f"{group}/entity"))
    if entity_id is not None and _is_open(window.entity_dock):
        window.open_entity(entity_id)
    if window.entity_dock.entity_id is None:
        window.entity_dock.close()  # an empty entity page is no pane to come back to


def _is_open(dock) -> bool:
    """Open, even behind another dock's tab (isVisible is False there)."""
    return dock.toggleViewAction().isChecked()


def scroll_to_character(reader, position: int) -> None:
    """Scroll the reader so the line holding character ``position`` of its document is at the top."""
    document = reader.document()
    block = document.findBlock(min(position, max(0, document.characterCount() - 1)))
    if not block.isValid():
        return
    top = document.documentLayout().blockBoundingRect(block).top()
    layout = block.layout()
    if layout is not None and layout.lineCount():
        line = layout.lineForTextPosition(position - block.position())
        if line.isValid():
            top += line.y()
    reader.verticalScrollBar().setValue(int(top))


def _int(value) -> int | None:
    try:
        return int(value) if value is not None else None
    except (TypeError, ValueError):
        return None
