"""Reopening a workspace comes back where the analyst left it: the source, its scroll position,
the entity page and the open panes; a first start fills most of the screen."""

import pytest
from PySide6.QtCore import QPoint
from PySide6.QtGui import QGuiApplication

from briefing.store import open_workspace
from briefing.store.entities import list_entity_rows
from briefing.store.sources import get_source
from briefing.ui.claim_boxes import CLAIM_BOX_SIZES
from briefing.ui.main_window import MainWindow
from briefing.ui.source_model import SourceIdRole
from briefing.ui.tasks import TaskRunner
from briefing.ui.window_state import FIRST_START_SHARE


@pytest.fixture
def workspace_copy(analysed_path, tmp_path):
    copy = tmp_path / "reopened.briefing"
    copy.write_bytes(analysed_path.read_bytes())
    return copy


def _open_window(qtbot, path):
    """As the app opens one: the window painted first, the workspace attached after."""
    window = MainWindow(None, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    window.resize(1400, 900)
    window.show()
    qtbot.waitExposed(window)
    ws = open_workspace(path)
    window.attach(ws)
    return window, ws


def _close(window, ws):
    window.close()
    ws.close()


def _top_character(window) -> int:
    return window.reader.cursorForPosition(QPoint(0, 0)).position()


def _longest_other_source(window) -> int:
    """The source with the most text, other than the one open (the reader must scroll)."""
    ids = [window.model.index(row, 0).data(SourceIdRole) for row in range(window.model.rowCount())]
    others = [i for i in ids if i != window.current_source_id()]
    return max(others, key=lambda i: len(get_source(window.ws, i).text))


def test_reopening_shows_the_last_source_scrolled_as_it_was(qtbot, private_settings, workspace_copy):
    window, ws = _open_window(qtbot, workspace_copy)
    source_id = _longest_other_source(window)
    window.select_source(source_id)
    bar = window.reader.verticalScrollBar()
    window.splitter.setSizes([500, 400, 500])  # a narrow reader: the text scrolls
    qtbot.waitUntil(lambda: bar.maximum() > 400)
    bar.setValue(bar.maximum() // 2)
    top = _top_character(window)
    assert top > 0
    _close(window, ws)

    window, ws = _open_window(qtbot, workspace_copy)
    assert window.current_source_id() == source_id
    assert not window.navigation.back_action.isEnabled()  # coming back is not a jump to undo
    assert window.reader.verticalScrollBar().value() > 0
    shown_top = _top_character(window)
    line = window.reader.document().findBlock(top).layout().lineForTextPosition(0).textLength()
    assert abs(shown_top - top) <= max(line, 80)  # the same line at the top, whatever wraps
    _close(window, ws)


def test_reopening_shows_the_open_panes_and_the_entity_page(qtbot, private_settings, workspace_copy):
    window, ws = _open_window(qtbot, workspace_copy)
    person = next(e for e in list_entity_rows(ws, window.current_source_id()) if e.type == "person")
    window.show_briefing()
    window.open_entity(person.id)
    window.show_timeline()
    assert window.briefing_dock.toggleViewAction().isChecked()
    _close(window, ws)

    window, ws = _open_window(qtbot, workspace_copy)
    assert window.briefing_dock.toggleViewAction().isChecked()
    assert window.timeline.toggleViewAction().isChecked()
    assert window.entity_dock.toggleViewAction().isChecked() and window.entity_dock.entity_id == person.id
    window.entity_dock.close()
    window.briefing_dock.close()
    _close(window, ws)

    window, ws = _open_window(qtbot, workspace_copy)  # closed panes stay closed
    assert not window.briefing_dock.toggleViewAction().isChecked()
    assert not window.entity_dock.toggleViewAction().isChecked()
    _close(window, ws)


def test_another_workspace_opens_at_its_own_first_source(qtbot, private_settings, workspace_copy, tmp_path):
    window, ws = _open_window(qtbot, workspace_copy)
    first = window.current_source_id()
    window.select_source(_longest_other_source(window))
    _close(window, ws)
    other = tmp_path / "other.briefing"
    other.write_bytes(workspace_copy.read_bytes())
    window, ws = _open_window(qtbot, other)
    assert window.current_source_id() == first
    _close(window, ws)


def test_a_first_start_fills_most_of_the_screen_centred(qtbot, private_settings):
    window = MainWindow(None, runner=TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    room = (window.screen() or QGuiApplication.primaryScreen()).availableGeometry()
    least = window.minimumSizeHint()  # over 90% of the test's 800-pixel screen: the window's least width
    assert window.width() == max(int(room.width() * FIRST_START_SHARE), least.width())
    assert window.height() == max(int(room.height() * FIRST_START_SHARE), least.height())
    centre = window.geometry().center()
    assert abs(centre.x() - room.center().x()) <= 2 and abs(centre.y() - room.center().y()) <= 2
    window.close()


def test_reopening_keeps_the_claims_tab_sizes(qtbot, private_settings, workspace_copy):
    window, ws = _open_window(qtbot, workspace_copy)
    window.panel.setCurrentWidget(window.panel.claims_widget)
    splitter = window.panel.claims_splitter
    qtbot.waitUntil(lambda: sum(splitter.sizes()) > 400)
    total = sum(splitter.sizes())
    splitter.setSizes([total - 330, 110, 110, 110])
    wanted = splitter.sizes()
    assert wanted != CLAIM_BOX_SIZES
    _close(window, ws)

    window, ws = _open_window(qtbot, workspace_copy)
    window.panel.setCurrentWidget(window.panel.claims_widget)
    qtbot.waitUntil(lambda: window.panel.claims_splitter.sizes() == wanted)
    _close(window, ws)


def test_reopening_shows_the_side_panel_tab_that_was_open(qtbot, private_settings, workspace_copy):
    window, ws = _open_window(qtbot, workspace_copy)
    window.panel.setCurrentWidget(window.panel.claims_widget)
    _close(window, ws)

    window, ws = _open_window(qtbot, workspace_copy)
    qtbot.waitUntil(lambda: window.current_source_id() is not None)
    assert window.panel.currentWidget() is window.panel.claims_widget  # not the Summary tab
    _close(window, ws)


def test_saved_searches_are_listed_when_the_window_opens_before_its_workspace(qtbot, private_settings, workspace_copy):
    """The app paints its window first and opens the workspace after: the pane had listed
    nothing and stayed empty until another search was saved."""
    from briefing.store.saved_searches import save_search

    with open_workspace(workspace_copy) as ws:
        save_search(ws, "Okafor quotes", "speaker:okafor")
    window, ws = _open_window(qtbot, workspace_copy)
    assert window.search_dock.saved.names() == ["Okafor quotes"]
    _close(window, ws)


def _window_on(qtbot, path):
    """As the app opens one, at the size the settings give it (the offscreen screen is 800x800)."""
    window = MainWindow(open_workspace(path), runner=TaskRunner(synchronous=True))
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window


def test_a_pane_grown_in_a_taller_window_comes_back_within_a_shorter_one(qtbot, private_settings, workspace_copy):
    """The search pane grown for its first results to 40% of a 1600x1000 window came back 400
    pixels tall on a smaller screen: half the window, the claims tab squeezed to a row of each
    list. It comes back at most its share of the window, leaving the claims tab its rows."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    from briefing.ui.pane_heights import claims_shortfall
    from briefing.ui.search_dock import ROOM_SHARE

    window, ws = _open_window(qtbot, workspace_copy)
    window.resize(1600, 1000)
    qtbot.waitUntil(lambda: window.height() == 1000)
    window.resizeDocks([window.search_dock], [400], Qt.Orientation.Vertical)  # as _make_room grows it
    qtbot.waitUntil(lambda: window.search_dock.height() > 340)  # the area's tabs (Search, Timeline) aside
    _close(window, ws)

    window = _window_on(qtbot, workspace_copy)
    search = window.search_dock
    assert window.height() < 1000 and search.isVisible()  # the smaller screen
    qtbot.waitUntil(lambda: search.height() <= int(window.height() * ROOM_SHARE))
    QApplication.processEvents()
    assert claims_shortfall(window) <= 0 or search.height() <= search.minimumSizeHint().height()
    _close(window, window.ws)


def test_a_pane_comes_back_as_it_was_left_in_a_window_as_tall(qtbot, private_settings, workspace_copy):
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window = _window_on(qtbot, workspace_copy)
    window.resizeDocks([window.search_dock], [window.height() // 2], Qt.Orientation.Vertical)  # the analyst's
    qtbot.waitUntil(lambda: window.search_dock.height() > window.height() // 2 - 60)
    left = window.search_dock.height()
    _close(window, window.ws)

    window = _window_on(qtbot, workspace_copy)
    QApplication.processEvents()  # the zero-time timer that would fit the pane runs here
    QApplication.processEvents()  # and the layout it would ask for
    assert window.search_dock.height() == left
    _close(window, window.ws)


def test_an_entity_page_opened_in_a_reopened_window_gives_its_graph_room(qtbot, private_settings, workspace_copy):
    """The page restored with the window was laid out while its graph was empty and asked for no
    room: the graph stayed eight lines high, the lists took the rest, in every later session."""
    window, ws = _open_window(qtbot, workspace_copy)
    person = next(e for e in list_entity_rows(ws, window.current_source_id()) if e.type == "person")
    window.open_entity(person.id)
    first = window.entity_dock.graph.height()
    _close(window, ws)

    window, ws = _open_window(qtbot, workspace_copy)
    window.entity_dock.close()
    window.open_entity(person.id)
    graph = window.entity_dock.graph
    qtbot.waitUntil(lambda: graph.isVisible())
    assert graph.height() > 2 * graph.minimumHeight()
    assert graph.height() >= first * 0.8
    _close(window, ws)
