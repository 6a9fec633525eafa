"""The timeline fits the dense dates, zooms and pans, labels its axis, and its marks still open."""

from datetime import date, timedelta
from itertools import combinations

import pytest
from PySide6.QtCore import QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QMouseEvent, QWheelEvent
from PySide6.QtWidgets import QApplication

from briefing.store.sources import list_sources
from briefing.store.views import Timeline
from briefing.ui.timeline import SLOT, ItemRole
from briefing.ui.timeline_dock import TimelineDock
from briefing.ui.timeline_scale import STEPS, dense_range


def spread(outlier: bool = True) -> Timeline:
    """58 sources every 45 days from 2019 to 2026, and one from 2015; a claim each."""
    days = [date(2019, 1, 10) + timedelta(days=45 * i) for i in range(58)]
    days = [date(2015, 6, 1), *days] if outlier else days
    sources = [(i + 1, d.isoformat(), f"Source {i + 1}") for i, d in enumerate(days)]
    claims = [(100 + i, source_id, day, "disputed", f"claim {i}") for i, (source_id, day, _) in enumerate(sources)]
    return Timeline(sources, claims, [])


@pytest.fixture
def dock(qtbot):
    dock = TimelineDock()
    qtbot.addWidget(dock)
    dock.resize(1200, 330)
    dock.show()
    qtbot.waitExposed(dock)
    return dock


def span(view) -> float:
    first, last = view.visible_days()
    return last - first


def ordinal(text: str) -> int:
    return date.fromisoformat(text).toordinal()


def test_the_dense_range_leaves_out_a_lone_outlier_and_keeps_even_spreads():
    even = [(ordinal("2019-01-01") + 40 * i, 1) for i in range(60)]
    assert dense_range(even) == (even[0][0], even[-1][0])
    assert dense_range([(ordinal("2015-06-01"), 1), *even]) == (even[0][0], even[-1][0])
    assert dense_range([*even, (ordinal("2031-01-01"), 1)]) == (even[0][0], even[-1][0])
    week = [(ordinal("2026-03-03") + i, 2) for i in range(7)]
    assert dense_range(week) == (week[0][0], week[-1][0])
    assert dense_range([(ordinal("2026-03-03"), 5)]) == (ordinal("2026-03-03"),) * 2


def crowded() -> Timeline:
    """18 sources in four days of November 2019, and 7 spread over the 21 months before; 4
    claims each."""
    spread_out = [date(2018, 2, 12) + timedelta(days=100 * i) for i in range(7)]
    days = spread_out + [date(2019, 11, 4) + timedelta(days=i % 4) for i in range(18)]
    sources = [(i + 1, d.isoformat(), f"Source {i + 1}") for i, d in enumerate(days)]
    claims = [(100 + 4 * s + k, s, day, "unreviewed", "a claim") for s, day, _ in sources for k in range(4)]
    return Timeline(sources, claims, [])


def test_the_dense_range_fits_a_crowded_few_days_not_the_years_around_them():
    days = [(ordinal("2018-02-12") + 100 * i, 1) for i in range(7)]
    days += [(ordinal("2019-11-04") + i, n) for i, n in enumerate((5, 5, 4, 4))]
    assert dense_range(days) == (ordinal("2019-11-04"), ordinal("2019-11-07"))
    # a source a few days from the crowd is fitted with it
    near = sorted([*days, (ordinal("2019-10-30"), 1)])
    assert dense_range(near) == (ordinal("2019-10-30"), ordinal("2019-11-07"))
    # most sources spread evenly: all of them, as before
    even = [(ordinal("2019-01-01") + 10 * i, 1) for i in range(30)] + [(ordinal("2019-05-01"), 3)]
    assert dense_range(sorted(even)) == (even[0][0], ordinal("2019-10-18"))


def test_a_crowded_few_days_open_readable_with_the_years_before_behind_a_button(dock, qtbot):
    view = dock.view
    view.show_timeline(crowded())
    first, last = view.visible_days()
    assert ordinal("2019-10-01") < first and last < ordinal("2019-12-01")
    marks = view.marks()
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    crowd = [k for k, r in marks.items() if k[2] > 7]  # the crowd's sources and claims
    assert len(crowd) == 18 * 5 and all(shown.contains(marks[k]) for k in crowd)
    assert dock.earlier.isVisible() and dock.earlier.text() == "◂ 7 earlier sources, 2018–2019"
    qtbot.mouseClick(dock.earlier, Qt.MouseButton.LeftButton)
    assert view.visible_days()[0] <= ordinal("2018-02-12")


def test_it_opens_fitted_to_the_dense_dates_with_the_outlier_behind_a_button(dock, qtbot):
    view = dock.view
    view.show_timeline(spread())
    first, last = view.visible_days()
    assert ordinal("2018-09-01") < first <= ordinal("2019-01-10")
    assert ordinal("2026-02-01") <= last < ordinal("2026-09-01")
    assert dock.earlier.isVisible() and dock.earlier.text() == "◂ 1 earlier source, 2015"
    assert not dock.later.isVisible()
    qtbot.mouseClick(dock.earlier, Qt.MouseButton.LeftButton)
    assert view.visible_days()[0] <= ordinal("2015-06-01") and not dock.earlier.isVisible()
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_0)  # zoom to fit
    assert view.visible_days()[0] > ordinal("2018-09-01") and dock.earlier.isVisible()


def test_zoom_by_buttons_keys_and_ctrl_wheel_changes_the_span(dock, qtbot):
    view = dock.view
    view.show_timeline(spread(outlier=False))
    fitted = span(view)
    button = next(b for b in dock.findChildren(type(dock.earlier)) if b.accessibleName() == "Zoom in")
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    assert span(view) == pytest.approx(fitted / 1.5, rel=0.02)
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert span(view) == pytest.approx(fitted, rel=0.02)
    middle = QPointF(view.viewport().width() / 2, 50)
    day_under = view.day_at(middle.x())
    wheel(view, middle, 240, Qt.KeyboardModifier.ControlModifier)
    assert span(view) == pytest.approx(fitted / 1.44, rel=0.02)
    assert view.day_at(middle.x()) == pytest.approx(day_under, abs=1)  # zoomed about the pointer


def wheel(view, at: QPointF, delta: int, modifiers=Qt.KeyboardModifier.NoModifier) -> None:
    event = QWheelEvent(
        at,
        view.viewport().mapToGlobal(at),
        QPoint(),
        QPoint(0, delta),
        Qt.MouseButton.NoButton,
        modifiers,
        Qt.ScrollPhase.NoScrollPhase,
        False,
    )
    QApplication.sendEvent(view.viewport(), event)


def test_the_wheel_and_a_drag_pan_without_opening_anything(dock, qtbot):
    view = dock.view
    view.show_timeline(spread(outlier=False))
    view.zoom_in()
    view.zoom_in()
    first = view.visible_days()[0]
    wheel(view, QPointF(300, 50), -120)  # down: later
    assert view.visible_days()[0] > first
    first = view.visible_days()[0]
    opened = []
    view.opened.connect(lambda *args: opened.append(args))
    viewport = view.viewport()
    start, end = QPointF(600, 60), QPointF(400, 60)
    press = QMouseEvent(
        QMouseEvent.Type.MouseButtonPress,
        start,
        viewport.mapToGlobal(start),
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    move = QMouseEvent(
        QMouseEvent.Type.MouseMove,
        end,
        viewport.mapToGlobal(end),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    release = QMouseEvent(
        QMouseEvent.Type.MouseButtonRelease,
        end,
        viewport.mapToGlobal(end),
        Qt.MouseButton.LeftButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    for event in (press, move, release):
        QApplication.sendEvent(viewport, event)
    assert view.visible_days()[0] > first  # dragged left: later dates come in
    assert opened == []


def assert_apart(rects):
    for a, b in combinations(rects, 2):
        assert not a.intersects(b), (a, b)


def test_the_axis_labels_adapt_to_the_zoom_and_never_overlap(dock):
    view = dock.view
    view.show_timeline(spread())
    units = []
    for _ in range(13):
        labels = dock.axis.labels()
        minor = [rect for row, _, rect in labels if row == "minor"]
        major = [rect for row, _, rect in labels if row == "major"]
        assert len(minor) >= 3 and major  # the ticks, and the larger period they belong to
        assert_apart(minor)
        assert_apart(major)
        units.append(view.axis().unit)
        view.zoom_in()
    order = [step[0] for step in STEPS]
    assert [order.index(u) for u in units] == sorted((order.index(u) for u in units), reverse=True)
    assert units[0] in ("month", "year") and units[-1] in ("weekday", "day")


def click(qtbot, view, where) -> None:
    """Click the middle of ``where``: an item, or a mark's rectangle in the scene."""
    rect = where.sceneBoundingRect() if hasattr(where, "sceneBoundingRect") else where
    view.ensureVisible(rect)
    point = view.mapFromScene(rect.center())
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)


def test_clicking_a_source_or_a_claim_still_opens_it(dock, qtbot):
    view = dock.view
    view.show_timeline(spread())
    marks = view.marks()
    with qtbot.waitSignal(view.opened) as opened:
        click(qtbot, view, marks["claim", 130, 31])
    assert opened.args == ["claim", 130, 31]
    with qtbot.waitSignal(view.opened) as opened:
        click(qtbot, view, marks["source", 12, 12])
    assert opened.args == ["source", 12, 12]


def test_a_column_of_claims_is_one_mark_that_tells_each_claim_apart(dock, qtbot):
    """12,000 claims were 12,000 items, each with its tooltip and data, built anew and deleted
    at every zoom step on the GUI thread. The claims of a column are one item now; the square
    under the pointer still gives its claim's tooltip and click."""
    view = dock.view
    sources = [(1, "2024-05-01", "One day's source"), (2, "2024-05-09", "A later source")]
    claims = [
        (100 + n, 1, "2024-05-01", ("disputed", "corroborated", "unreviewed")[n % 3], f"claim {n}") for n in range(300)
    ]
    claims.append((900, 2, "2024-05-09", "unreviewed", "the later claim"))
    view.show_timeline(Timeline(sources, claims, []))
    assert len(view.scene().items()) < 20  # two dots, two titles, two grids: not one item per claim
    marks = view.marks()
    assert {m for m in marks if m[0] == "claim"} == {("claim", c[0], c[1]) for c in claims}
    square = marks["claim", 250, 1]
    view.ensureVisible(square)
    point = view.mapFromScene(square.center())
    move = QMouseEvent(
        QMouseEvent.Type.MouseMove,
        QPointF(point),
        view.viewport().mapToGlobal(QPointF(point)),
        Qt.MouseButton.NoButton,
        Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view.viewport(), move)  # the pointer comes over the square
    assert [i.toolTip() for i in view.items(point) if i.toolTip()] == ["disputed: claim 150"]
    with qtbot.waitSignal(view.opened) as opened:
        click(qtbot, view, square)
    assert opened.args == ["claim", 250, 1]


def test_clicking_a_days_bar_still_chooses_the_day(dock, qtbot):
    view = dock.view
    days = [
        ((date(2019, 1, 1) + timedelta(days=3 * i)).isoformat(), 1 + i % 4, {"disputed": i % 3}) for i in range(900)
    ]
    view.show_timeline(Timeline([], [], [("2015-06-01", 2, {}), *days]))
    assert dock.earlier.text() == "◂ 2 earlier sources, 2015"
    view.zoom_in()
    bars = [i for i in view.scene().items() if i.data(ItemRole) and i.data(ItemRole)[0] == "day"]
    visible = view.mapToScene(view.viewport().rect()).boundingRect()
    bar = next(b for b in bars if visible.contains(b.sceneBoundingRect()) and b.sceneBoundingRect().height() > 20)
    with qtbot.waitSignal(view.day_chosen) as chosen:
        click(qtbot, view, bar)
    assert chosen.args == [bar.data(ItemRole)[1]]


def test_the_demo_timeline_shows_every_dated_source_by_day(demo_window):
    demo_window.show_timeline()
    dock = demo_window.timeline
    first, last = dock.view.visible_days()
    dated = [ordinal(r.published) for r in list_sources(demo_window.ws) if r.published]
    assert first <= min(dated) and max(dated) + 1 <= last
    assert not dock.earlier.isVisible() and not dock.later.isVisible()
    assert dock.view.axis().unit in ("weekday", "day")
    texts = [text for _, text, _ in dock.axis.labels()]
    assert any(text.startswith("March 2026") or text == "March 2026" for text in texts)


def test_the_keyboard_steps_from_source_to_source_and_opens_one(dock, qtbot):
    """The arrow keys only panned: there was no way to reach a source without the mouse."""
    from PySide6.QtCore import Qt

    view = dock.view
    view.show_timeline(spread(outlier=False))  # every source in sight
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    chosen = [i.data(ItemRole) for i in view.scene().selectedItems()]
    assert chosen == [("source", 2, 2)]  # the second in time
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    with qtbot.waitSignal(view.opened) as opened:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert opened.args == ["source", 1, 1]


def test_zooming_by_key_keeps_the_selected_source_selected_and_in_place(dock, qtbot):
    """'+' redrew every mark, dropping the selection, and zoomed around the middle, away from it."""
    view = dock.view
    view.show_timeline(spread(outlier=False))
    view.setFocus()
    for _ in range(2):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)

    def chosen_x():
        (item,) = view.scene().selectedItems()
        assert item.data(ItemRole) == ("source", 2, 2)
        return view.mapFromScene(item.sceneBoundingRect().center()).x()

    bar = view.horizontalScrollBar()
    bar.setValue(bar.value() + 300)  # the selected dot well left of the middle
    before = chosen_x()
    assert abs(before - view.viewport().width() / 2) > 100  # away from the middle, or the test proves nothing
    for key in (Qt.Key.Key_Plus, Qt.Key.Key_Plus, Qt.Key.Key_Minus):
        qtbot.keyClick(view, key)
        assert abs(chosen_x() - before) <= SLOT  # a dot stands in a column of a few days
    assert span(view) < 5000


def test_a_redraw_keeps_the_zoom_the_dates_and_the_selected_source(dock, qtbot):
    """Opening a source re-ranks its claims, which redraws the timeline in sight: it went back to
    the fitted dates, losing the source stepped to and the zoom."""
    view = dock.view
    view.show_timeline(spread())
    view.setFocus()
    for _ in range(2):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    shown, zoom = view.visible_days(), view.pixels_per_day
    view.show_timeline(spread())  # what an edit elsewhere does
    assert view.visible_days() == pytest.approx(shown, abs=0.01) and view.pixels_per_day == zoom
    assert [i.data(ItemRole) for i in view.scene().selectedItems()] == [("source", 3, 3)]
    qtbot.keyClick(view, Qt.Key.Key_0)  # fitted again: a redraw fits the dates it is given
    fitted = view.visible_days()
    view.show_timeline(spread())
    assert view.fitted and view.visible_days() == pytest.approx(fitted, abs=0.01)


def test_the_first_step_starts_in_sight_not_at_the_outlier_behind_the_edge(dock, qtbot):
    """Ctrl+Right went to the earliest source of all, a lone one behind the edge button: the
    view jumped years away from the dates the analyst was looking at."""
    view = dock.view
    view.show_timeline(spread())  # the 2015 source waits behind '◂ 1 earlier source'
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert [i.data(ItemRole) for i in view.scene().selectedItems()] == [("source", 2, 2)]  # 2019-01-10
    assert view.visible_days()[0] > ordinal("2018-06-01")  # the view stayed on the dense dates
    view.scene().clearSelection()
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)  # the latest in sight
    (chosen,) = view.scene().selectedItems()
    assert 0 <= view.mapFromScene(chosen.sceneBoundingRect().center()).x() <= view.viewport().width()


def test_the_keyboard_steps_from_day_to_day_and_lists_one_and_the_legend_says_the_keys(dock, qtbot):
    """Drawn a bar per day (a large workspace), the timeline had no keyboard way to a day: Ctrl+Right
    selected nothing and Enter did nothing; the legend named only the mouse's gestures."""
    view = dock.view
    days = [((date(2024, 1, 1) + timedelta(days=2 * i)).isoformat(), 1 + i % 3, {}) for i in range(20)]
    view.show_timeline(Timeline([], [], days))
    view.setFocus()
    for _ in range(2):
        qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    assert [i.data(ItemRole) for i in view.scene().selectedItems()] == [("day", days[1][0], 0)]
    with qtbot.waitSignal(view.day_chosen) as chosen:
        qtbot.keyClick(view, Qt.Key.Key_Return)
    assert chosen.args == [days[1][0]]
    for legend in (dock.legend.text(), _dots_legend(dock)):
        assert "Ctrl+←/→" in legend and "Enter" in legend and "+/−" in legend and "←/→ to pan" in legend


def _dots_legend(dock) -> str:
    dock.view.show_timeline(spread(outlier=False))
    return dock.legend.text()


def test_panning_by_the_arrow_keys_is_kept_through_a_resize(dock, qtbot):
    """A pan by the arrows was lost at the next resize, which fitted the dates again; a drag's is kept."""
    view = dock.view
    view.show_timeline(spread())  # fitted to the dense dates, the 2015 source out of sight to the left
    view.setFocus()
    for _ in range(5):
        qtbot.keyClick(view, Qt.Key.Key_Left)
    shown = view.visible_days()
    dock.resize(dock.width() - 100, dock.height())
    qtbot.waitUntil(lambda: view.viewport().width() < 1100)
    assert view.visible_days()[0] == pytest.approx(shown[0], abs=1)  # not fitted again


def test_a_redraw_repaints_the_whole_grid_not_only_where_the_marks_are(dock, qtbot, monkeypatch):
    """An import or a re-analysis redraws the timeline in sight without scrolling it: only the
    marks' places were repainted, and the grid lines of the old scale stayed beside them."""
    view = dock.view
    painted: list[QRectF] = []
    drawn = type(view).drawBackground
    monkeypatch.setattr(view, "drawBackground", lambda p, rect: (painted.append(QRectF(rect)), drawn(view, p, rect)))
    view.show_timeline(crowded())
    qtbot.waitUntil(lambda: bool(painted))  # drawn once in full
    painted.clear()
    imported = crowded()
    view.show_timeline(Timeline([*imported.sources, (99, "2019-11-06", "Imported")], imported.claims, []))
    qtbot.waitUntil(lambda: bool(painted))
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    covered = QRectF()
    for rect in painted:
        covered = covered.united(rect)
    assert covered.contains(shown.adjusted(1, 1, -1, -1))
