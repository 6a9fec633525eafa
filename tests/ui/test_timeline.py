"""The timeline shows dated sources and their claims; clicking opens them."""

from briefing.store.sources import list_sources
from briefing.ui.timeline import ItemRole


def test_timeline_places_every_dated_source_and_opens_a_claim(demo_window):
    demo_window.show_timeline()
    items = list(demo_window.timeline.view.marks())
    sources = {d[1] for d in items if d[0] == "source"}
    dated = {r.id for r in list_sources(demo_window.ws) if r.published}
    assert sources == dated
    claim = next(d for d in items if d[0] == "claim")
    demo_window.timeline.view.opened.emit(*claim)
    assert demo_window.current_source_id() == claim[2]
    assert demo_window.panel.current_claim() == claim[1]


def test_a_large_workspace_is_drawn_a_bar_per_day_and_a_day_lists_its_sources(demo_window, monkeypatch):
    from briefing.store import views
    from briefing.ui.source_model import SourceIdRole

    monkeypatch.setattr(views, "TIMELINE_DETAIL_LIMIT", 1)
    demo_window.show_timeline()
    view = demo_window.timeline.view
    days = {i.data(ItemRole)[1] for i in view.scene().items() if i.data(ItemRole)}
    dated = [r for r in list_sources(demo_window.ws) if r.published]
    assert days == {r.published for r in dated}
    assert all(i.data(ItemRole)[0] == "day" for i in view.scene().items() if i.data(ItemRole))
    busiest = max(days, key=lambda d: sum(r.published == d for r in dated))
    bar = next(i for i in view.scene().items() if i.data(ItemRole) and i.data(ItemRole)[1] == busiest)
    assert bar.toolTip().startswith(f"{busiest} · {sum(r.published == busiest for r in dated)} source")
    view.day_chosen.emit(busiest)
    demo_window.filter_timer.stop()  # filter now, not after the test has closed the workspace
    demo_window.filter_timer.timeout.emit()
    model = demo_window.model
    shown = {model.index(row, 0).data(SourceIdRole) for row in range(model.rowCount())}
    assert shown == {r.id for r in dated if r.published == busiest}


def test_the_timeline_says_how_many_sources_it_cannot_place(demo_window, qtbot):
    from briefing.store.views import Timeline

    demo_window.show_timeline()
    dock = demo_window.timeline
    undated = sum(1 for r in list_sources(demo_window.ws) if not r.published)
    if undated:
        assert f"{undated} source" in dock.legend.text()
    else:
        assert "without a date" not in dock.legend.text()
    dock.view.show_timeline(Timeline([], [], [], 3))  # three sources, none dated
    assert dock.legend.text().startswith("No source has a published date yet: 3 sources without a date")
    assert "Source Details" in dock.legend.text()
    dock.view.show_timeline(Timeline([(1, "2025-03-02", "Outage")], [], [], 1))
    marks = dock.legend.full_text().splitlines()[0]  # what the marks mean, then what is not shown
    assert marks.endswith("Not shown: 1 source without a date (set one in Source Details…, Ctrl+Alt+I)")


def test_a_date_set_while_the_timeline_is_in_sight_shows_at_once(demo_window):
    """The timeline in sight kept saying a source had no date (or its old date) until its tab
    was raised again."""
    demo_window.show_timeline()
    source = list_sources(demo_window.ws)[0].id
    demo_window.select_source(source)
    demo_window.edit_source("published", "2019-07-04")
    items = [i.data(ItemRole) for i in demo_window.timeline.view.scene().items() if i.data(ItemRole)]
    assert source in {d[1] for d in items if d[0] == "source"}
    tips = [
        i.toolTip() for i in demo_window.timeline.view.scene().items() if i.data(ItemRole) == ("source", source, source)
    ]
    assert tips and "2019-07-04" in tips[0]


def test_the_timeline_makes_room_for_its_plot_at_1280x800(demo_window, qtbot):
    """In the bottom pane at 1280x800 the plot was 60 pixels high: three dots a month, the rest
    behind a scroll bar, until the analyst found the pane's edge to drag."""
    from briefing.ui.search_dock import ROOM_SHARE

    demo_window.resize(1280, 800)
    demo_window.show()
    qtbot.waitUntil(lambda: demo_window.height() == 800)
    demo_window.show_timeline()
    dock = demo_window.timeline
    qtbot.waitUntil(lambda: dock._grown)
    # twice what it was at the least; the reader above keeps its own least height
    qtbot.waitUntil(lambda: dock.view.viewport().height() >= 120)
    dock.make_room()  # once: a pane the analyst made smaller again stays so
    assert dock.height() <= int(800 * ROOM_SHARE)


def test_opening_the_entity_page_leaves_the_timeline_a_row_of_marks_or_says_why_not(demo_window, qtbot):
    """Opening the entity page left the timeline in sight its axis and no mark; where the plot
    cannot have the height, it says so rather than showing an empty strip."""
    from PySide6.QtCore import Qt

    from briefing.store.entities import list_entities
    from briefing.ui.timeline_dock import TOO_SHORT, USABLE

    demo_window.resize(1280, 800)
    qtbot.waitUntil(lambda: demo_window.height() == 800)
    demo_window.show_timeline()
    dock = demo_window.timeline
    qtbot.waitUntil(lambda: dock._grown)
    demo_window.resizeDocks([dock], [1], Qt.Orientation.Vertical)  # squeezed to its least
    qtbot.waitUntil(lambda: dock.view.viewport().height() < USABLE)
    qtbot.waitUntil(lambda: dock.legend.text().startswith(TOO_SHORT))  # an empty strip says why
    demo_window.open_entity(list_entities(demo_window.ws)[0]["id"])
    qtbot.waitUntil(lambda: dock.view.viewport().height() >= USABLE)
    assert TOO_SHORT not in dock.legend.text() and dock.height() <= demo_window.height() // 2


def test_the_legend_takes_two_lines_in_a_narrow_pane(demo_window, qtbot):
    """At 1280x800 with the entity page running the window's height beside the bottom panes, the
    legend wrapped to five lines beside the earlier and later buttons once zoomed in."""
    from PySide6.QtCore import Qt

    from briefing.store.entities import list_entities

    demo_window.resize(1280, 800)
    qtbot.waitUntil(lambda: demo_window.height() == 800)
    demo_window.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
    demo_window.open_entity(list_entities(demo_window.ws)[0]["id"])
    demo_window.resizeDocks([demo_window.entity_dock], [420], Qt.Orientation.Horizontal)
    demo_window.show_timeline()
    dock = demo_window.timeline
    qtbot.waitUntil(lambda: dock._grown)
    for _ in range(3):
        dock.view.zoom_in()
    qtbot.waitUntil(lambda: dock.earlier.isVisible() or dock.later.isVisible())
    qtbot.waitUntil(lambda: dock.legend.width() > 0 and dock.legend.isVisible())
    spacing = dock.legend.fontMetrics().lineSpacing()
    assert dock.legend.height() <= 2 * spacing + dock.legend.contentsMargins().top() * 2 + 2
    shown = dock.legend.text()
    for words in ("● source", "red disputed", "to pan", "0 to fit"):  # nothing lost: every line whole
        assert words in shown
