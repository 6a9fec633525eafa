"""Back and Forward across the window's jumps: keys, mouse buttons and the View menu."""

from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QKeySequence

from briefing.store.claims import list_claim_rows
from briefing.store.sources import get_source, list_sources
from briefing.store.views import item_range
from briefing.ui.evidence import RowRole
from briefing.ui.navigation import History, Location
from briefing.ui.search_dock import HitRole


def _claim_with_suggestions(window):
    for row in list_sources(window.ws):
        for claim in list_claim_rows(window.ws, row.id):
            if claim.open_suggestions:
                return row.id, claim.id
    raise AssertionError("the demo has no claim with suggestions")


def _where(window):
    return window.reader.shown.id, window.reader.selected_range()


def test_back_and_forward_over_a_search_result_a_hand_pick_and_a_suggestion(demo_window, qtbot):
    window, reader = demo_window, demo_window.reader
    navigation = window.navigation
    start_id = window.current_source_id()
    assert not navigation.back_action.isEnabled() and not navigation.forward_action.isEnabled()

    # 1. a search result: a quote in its source, selected
    dock = window.search_dock
    dock.field.setText("speaker:okafor")
    dock.run()
    item = dock.results.topLevelItem(0)
    kind, ref_id, quote_source = item.data(0, HitRole)
    dock.open_row(item)
    quote_range = item_range(window.ws, kind, ref_id)[1:]
    assert _where(window) == (quote_source, quote_range)
    assert navigation.back_action.isEnabled()

    # 2. a source picked in the list by hand
    claim_source, claim_id = _claim_with_suggestions(window)
    picked = next(r.id for r in list_sources(window.ws) if r.id not in (quote_source, claim_source, start_id))
    window.table.setCurrentIndex(window.model.index(window.model.row_of(picked), 0))
    assert reader.shown.id == picked

    # 3. a suggested passage opened from a claim's evidence panel
    window.select_source(claim_source)  # a jump as well: the claim's own source
    window.panel.select("claim", claim_id)
    suggestions = window.panel.evidence.suggestions
    suggestion = suggestions.topLevelItem(0)
    _, _, suggested_source, start, end = suggestion.data(0, RowRole)
    with qtbot.waitSignal(window.panel.evidence.passageOpened):  # once the list has had the event
        suggestions.itemActivated.emit(suggestion, 1)  # a double-click
    assert _where(window) == (suggested_source, (start, end))

    # Back with Alt+Left (the View menu's action, QKeySequence.Back)
    assert navigation.back_action.shortcut() == QKeySequence(QKeySequence.StandardKey.Back)
    reader.setFocus()
    qtbot.waitUntil(reader.hasFocus)
    qtbot.keyClick(reader, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert reader.shown.id == claim_source
    # Back with the mouse's back button, in the reader
    qtbot.mousePress(reader.viewport(), Qt.MouseButton.BackButton, pos=QPoint(50, 50))
    assert reader.shown.id == picked
    navigation.back_action.trigger()
    assert _where(window) == (quote_source, quote_range)  # the quote is selected again
    navigation.back_action.trigger()
    assert reader.shown.id == start_id
    assert not navigation.back_action.isEnabled()
    navigation.back()  # nowhere to go (the disabled menu item cannot ask): says so, stays
    assert reader.shown.id == start_id and "Nothing to go back" in window.statusBar().currentMessage()

    # Forward with the mouse's forward button on the window, then Alt+Right
    assert navigation.forward_action.isEnabled()
    qtbot.mousePress(window, Qt.MouseButton.ForwardButton, pos=QPoint(5, 5))
    assert _where(window) == (quote_source, quote_range)
    qtbot.keyClick(reader, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert reader.shown.id == picked
    # a new jump forgets what was ahead
    window.open_passage(start_id, 0, 0)
    assert not navigation.forward_action.isEnabled()


def test_an_entity_mention_and_a_timeline_item_are_jumps_too(demo_window):
    window, reader = demo_window, demo_window.reader
    first = window.current_source_id()
    other = next(r.id for r in list_sources(window.ws) if r.id != first)
    text = get_source(window.ws, other).text
    window.entity_dock.passageOpened.emit(other, 0, text.index(" "))  # a mention on the entity page
    assert _where(window) == (other, (0, text.index(" ")))
    third = next(r.id for r in list_sources(window.ws) if r.id not in (first, other))
    window.timeline.view.opened.emit("source", third, third)
    assert reader.shown.id == third
    window.navigation.back()
    assert _where(window) == (other, (0, text.index(" ")))
    window.navigation.back()
    assert reader.shown.id == first


def test_the_view_menu_has_back_and_forward(demo_window):
    view = next(a.menu() for a in demo_window.menuBar().actions() if a.text() == "&View")
    texts = [a.text() for a in view.actions()]
    assert "&Back" in texts and "Fo&rward" in texts


def test_history_forgets_what_was_ahead_and_skips_repeats():
    history = History(limit=3)
    a, b, c, d = (Location(i, None, 0) for i in range(4))
    history.record(a)
    history.record(a)
    assert history.behind == [a]
    history.record(b)
    assert history.back(c) == b and history.ahead == [c]
    history.record(d)
    assert history.ahead == [] and history.behind == [a, d]
    for location in (b, c, d):
        history.record(location)
    assert len(history.behind) == 3
    assert History().back(None) is None


def test_back_returns_to_the_entity_page_a_graph_node_left(demo_window):
    """On one entity's page a click on a node of its graph opened another; Back moved the reader
    only, and the page stayed on the entity clicked."""
    from briefing.store.entities import entity_page, list_entities

    window = demo_window
    window.select_source(list_sources(window.ws)[0].id)
    first = next(e["id"] for e in list_entities(window.ws) if entity_page(window.ws, e["id"]).neighbours)
    window.open_entity(first)
    neighbour = entity_page(window.ws, first).neighbours[0][0]
    window.entity_dock.entityOpened.emit(neighbour)  # a click on the node
    assert window.entity_dock.entity_id == neighbour
    window.navigation.back()
    assert window.entity_dock.entity_id == first
    window.navigation.forward()
    assert window.entity_dock.entity_id == neighbour
