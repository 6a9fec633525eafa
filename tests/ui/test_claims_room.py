"""The claims tab's room on small screens and with large fonts: the lists get the height their
labels and buttons do not need, a preview moves nothing, the search pane gives way."""

import pytest
from PySide6.QtWidgets import QApplication, QWidget


def _rows_shown(tree) -> float:
    return tree.viewport().height() / max(1, tree.sizeHintForRow(0) if tree.topLevelItemCount() else 18)


def _top(widget, panel) -> int:
    return widget.mapTo(panel, widget.rect().topLeft()).y()


def _claims_tab(window, qtbot, size):
    from tests.ui.test_evidence_preview import _open_claim_with_suggestions

    panel = window.panel
    window.resize(*size)
    _open_claim_with_suggestions(window)
    panel.setCurrentWidget(panel.claims_widget)
    qtbot.waitUntil(lambda: window.size().toTuple() == size and panel.evidence.confirm.isVisible())
    QApplication.processEvents()
    return panel


@pytest.mark.parametrize("size", [(1280, 800), (1600, 1000)])
def test_the_box_buttons_take_no_line_of_their_own(demo_window, qtbot, size):
    """Remove Evidence, and Confirm with Dismiss, each had a line under their lists: at 1280x800
    the two lines cost the lists more than the room kept for a suggestion's preview. They stand
    on their lists' title lines, above the lists."""
    panel = _claims_tab(demo_window, qtbot, size)
    evidence = panel.evidence
    for button, title, tree in (
        (evidence.remove, evidence.evidence_label, evidence.evidence),
        (evidence.confirm, evidence.suggestions_label, evidence.suggestions),
        (evidence.dismiss, evidence.suggestions_label, evidence.suggestions),
    ):
        assert _top(button, panel) + button.height() <= _top(tree, panel)
        assert _top(button, panel) <= _top(title, panel) + title.height()


@pytest.mark.parametrize("font", [9, 15])
def test_a_title_row_puts_its_buttons_under_the_title_where_beside_is_taller(qapp, font):
    """Beside the suggestions' long title at 15 points in a narrow panel, Confirm and Dismiss
    wrapped it on to five lines: the buttons go under it wherever that takes less height."""
    from PySide6.QtWidgets import QPushButton

    from briefing.ui.plain import plain_label
    from briefing.ui.title_row import TitleRow

    box = QWidget()
    large = box.font()
    large.setPointSizeF(font)
    box.setFont(large)
    long_title = "Suggested related passages, one per source · ranked by shared words"
    title = plain_label(long_title, word_wrap=True)
    buttons = [QPushButton("Confirm"), QPushButton("Dismiss")]
    row = TitleRow(title, *buttons)
    box.setLayout(row)
    for width in range(row.minimumSize().width(), 900, 15):
        under = row._under(width, move=False, top=0)
        assert row.heightForWidth(width) <= under
        box.resize(width, row.heightForWidth(width))
        row.setGeometry(box.rect())
        for button in buttons:
            assert button.geometry().right() < width  # whole, inside the row
            assert not button.geometry().intersects(title.geometry())
    wide = 2 * row.sizeHint().width()
    box.resize(wide, row.heightForWidth(wide))
    row.setGeometry(box.rect())
    assert all(b.geometry().top() == 0 for b in buttons)
    assert row.heightForWidth(wide) < row._under(wide, move=False, top=0)


def test_the_bottom_panes_give_way_with_a_large_font(large_font_window, qtbot):
    """At 15 points two empty rows of search results, and the timeline's plot tabbed beside
    them, held the bottom panes at 202 pixels of a 1280x800 window, past the first start's
    share of it: the claims tab above showed one row of each list. At the least they show
    their headings; the first results or plot make room for themselves."""
    from briefing.ui.pane_heights import SEARCH_DOCK_SHARE
    from briefing.ui.window_state import fit_search_dock

    window = large_font_window
    search = window.search_dock
    window.resize(1280, 800)
    qtbot.waitUntil(lambda: window.height() == 800)
    fit_search_dock(window, 800)
    qtbot.waitUntil(lambda: search.height() <= int(800 * SEARCH_DOCK_SHARE))
    QApplication.processEvents()
    assert search.field.isVisible() and search.status.isVisible() and search.results.header().isVisible()
    results = search.results
    assert results.height() >= results.header().height()  # its headings in sight


def test_the_claims_tab_gives_each_list_its_rows_before_sharing_the_rest(large_font_window, qtbot):
    """Shared by fixed shares alone, at 15 points with room for 3 rows of claims and 2 of each
    other list, one list had less (the suggestions 1.8 rows in a 1280x800 window with the bottom
    panes closed). Wherever the room holds them, each list has its rows now."""
    from briefing.ui.window_state import first_columns

    window = large_font_window
    for dock in (window.search_dock, window.timeline):
        dock.close()
    window.resize(1280, 800)
    window.splitter.setSizes(first_columns(window, 1280))
    panel = _claims_tab(window, qtbot, (1280, 800))
    evidence, splitter = panel.evidence, panel.claims_splitter
    lists = (panel.claims, evidence.evidence, evidence.suggestions, evidence.history)
    checked = 0
    for height in range(800, 600, -6):
        window.resize(1280, height)
        qtbot.waitUntil(lambda h=height: window.height() == h)
        QApplication.processEvents()
        if splitter.height() < splitter.wanted(splitter.width()):
            break
        assert all(_rows_shown(tree) >= rows for tree, rows in zip(lists, (3, 2, 2, 2), strict=True)), height
        checked += 1
    assert checked  # the room held them at 1280x800


def test_share_height_raises_a_part_to_its_want_from_the_others_surplus():
    from briefing.ui.claim_boxes import share_height

    assert share_height(100, [10, 10, 10, 0], (0.4, 0.3, 0.3, 0)) == [40, 30, 30, 0]  # shares hold them
    assert share_height(100, [10, 40, 10, 0], (0.4, 0.3, 0.3, 0)) == [34, 40, 26, 0]
    assert share_height(40, [30, 20, 10, 0], (0.5, 0.5, 0, 0)) == [15, 15, 10, 0]  # alike while they last
    assert share_height(40, [30, 10, 0, 0], (0.5, 0.5, 0, 0)) == [30, 10, 0, 0]


def _first_start(window, qtbot, size, share=1.0):
    """The window as a first start lays it out on a screen of ``size`` (``share`` of it)."""
    from PySide6.QtCore import QRect

    from briefing.ui.window_state import fill_screen

    for dock in (window.search_dock, window.timeline):
        dock.show()
    window.search_dock.raise_()
    fill_screen(window, share, QRect(0, 0, *size))
    wanted = (int(size[0] * share), int(size[1] * share))
    qtbot.waitUntil(lambda: window.size().toTuple() == wanted)
    return window.search_dock.isHidden()


@pytest.mark.parametrize(("font", "size", "closed"), [(15, (1280, 800), True), (15, (1600, 1000), False)])
def test_a_first_start_too_short_for_the_claims_tab_leaves_it_the_bottom_panes_room(
    large_font_window, qtbot, font, size, closed
):
    """At 15 points on a 1280x800 screen the bottom panes, even at their least, left the claims
    tab one row of each list. A first start there leaves Search and Timeline closed (Ctrl+F and
    Ctrl+T open them): the claims tab has 3 rows of claims and 2 of evidence, suggestions and
    history. Where there is room they stay."""
    from briefing.ui.claim_boxes import CLAIM_ROWS

    window = large_font_window
    assert _first_start(window, qtbot, size) is closed
    assert window.search_dock.isHidden() is closed and window.timeline.isHidden() is closed
    panel = _claims_tab(window, qtbot, size)
    evidence = panel.evidence
    qtbot.waitUntil(lambda: not panel.findChild(QWidget, "claims-room").verticalScrollBar().isVisible())
    lists = (panel.claims, evidence.evidence, evidence.suggestions, evidence.history)
    assert all(_rows_shown(tree) >= rows for tree, rows in zip(lists, CLAIM_ROWS, strict=True))
    if closed:
        window.search_dock.focus()  # Ctrl+F
        assert window.search_dock.isVisible() and window.search_dock.field.hasFocus()


def test_a_first_start_with_the_usual_font_keeps_the_bottom_panes(demo_window, qtbot):
    for size in ((1280, 800), (1600, 1000)):
        assert not _first_start(demo_window, qtbot, size)
        assert demo_window.search_dock.isVisible()


def test_the_room_kept_for_a_preview_counts_as_the_historys_share(demo_window, qtbot):
    """The history's box is kept as tall as a suggestion's preview, which shows history rows at
    rest; it had its share of the spare height on top, and at 1280x800 that cost each list
    above about 0.6 rows. Where the kept room is more than the share, the box keeps no more."""
    panel = _claims_tab(demo_window, qtbot, (1280, 800))
    box = panel.claims_splitter.widget(3)
    assert box.height() <= box.minimumSizeHint().height() + 1
    assert _rows_shown(panel.evidence.history) >= 2


def test_the_status_bar_keeps_no_room_for_a_button_it_does_not_show(large_font_window, qtbot):
    """A hidden Analyse Now button held the status bar a button's height, 37 pixels at 15 points
    where its line takes 29: the claims tab above lost 8. The button joins the bar when sources
    wait for their analysis, and leaves it after."""
    from PySide6.QtWidgets import QPushButton

    window = large_font_window
    bar, button = window.statusBar(), window.source_actions.analyse_button
    QApplication.processEvents()
    assert not button.isVisible()
    assert bar.height() < QPushButton("Analyse Now").sizeHint().height()
    actions = window.source_actions
    actions.offer_analysis(True)
    qtbot.waitUntil(lambda: button.isVisible() and bar.height() > button.height())
    actions.offer_analysis(False)
    qtbot.waitUntil(lambda: not button.isVisible() and bar.height() < button.height())


# a 1280x800 screen's first start (1152x720, a 484-pixel side panel), a window maximized on it
# (1280x736), and a 1152x720 window laid out for its own size (a 554-pixel side panel)
SMALL_LARGE_FONT_SIZES = [((1280, 800), 0.9), ((1280, 736), 1.0), ((1152, 720), 1.0)]


@pytest.mark.parametrize(("screen", "share"), SMALL_LARGE_FONT_SIZES)
def test_the_suggestions_title_keeps_to_one_line_beside_its_buttons(large_font_window, qtbot, screen, share):
    """At 15 points "Suggested related passages, one per source · ranked by meaning" took two lines
    beside Confirm and Dismiss and kept room for a third (the note "by shared words" is longer):
    72 pixels where the buttons take 32, the suggestions list's second row. "Suggestions" with its
    ranking note keeps to one line, whichever note it shows."""
    from briefing.ui.claim_boxes import RANKED_TITLE
    from briefing.ui.evidence import RANKED_NOTES, SUGGESTIONS_TITLE, WORDS_ONLY_NOTE

    window = large_font_window
    _first_start(window, qtbot, screen, share)
    panel = _claims_tab(window, qtbot, window.size().toTuple())
    evidence = panel.evidence
    title_row = panel.claims_splitter.widget(2).layout().itemAt(0)
    assert title_row.geometry().height() <= evidence.confirm.height()
    for note in (*RANKED_NOTES.values(), WORDS_ONLY_NOTE):
        evidence.suggestions_label.setText(SUGGESTIONS_TITLE + note)
        assert title_row.layout().heightForWidth(title_row.geometry().width()) <= evidence.confirm.height()
    assert RANKED_TITLE.startswith(SUGGESTIONS_TITLE)


@pytest.mark.parametrize(("screen", "share"), SMALL_LARGE_FONT_SIZES)
def test_a_short_window_at_15_points_gives_each_list_two_rows_and_a_half(large_font_window, qtbot, screen, share):
    """At 15 points a 1280x800 screen's first start (1152x720) or a window maximized on it
    (1280x736) showed 3.0 / 1.2 / 1.2 rows of claims, evidence and suggestions: 618 pixels where
    670 were wanted, and the claims list's three rows were given first. With the room the
    suggestions' title, the title lines' gaps and the status bar gave back, shared alike, each
    list shows two rows and a half."""
    window = large_font_window
    _first_start(window, qtbot, screen, share)
    panel = _claims_tab(window, qtbot, window.size().toTuple())
    evidence = panel.evidence
    row = evidence.suggestions.sizeHintForRow(0)  # a line of the font: the demo claim has no evidence yet
    shown = [tree.viewport().height() / row for tree in (panel.claims, evidence.evidence, evidence.suggestions)]
    assert min(shown) >= 2.45, shown


def test_the_notes_pane_opened_on_its_own_takes_a_bottom_panes_first_height(large_font_window, qtbot):
    """At 15 points a 1280x800 screen's first start leaves Search and Timeline closed, and View ▸
    Notes opened the pane at Qt's height for its lists, 188 pixels whatever the font (three notes
    at 15 points): the claims tab above had 468 pixels of the 1152x720 window. It opens at the
    bottom panes' first height, a fifth of the window, with two notes in sight at the least."""
    from briefing.store.annotations import add_annotation
    from briefing.store.sources import source_ids
    from briefing.ui.notes_browser import NOTES_ROWS
    from briefing.ui.pane_heights import first_pane_height

    window = large_font_window
    for number, source in enumerate(source_ids(window.ws)[:4]):
        add_annotation(window.ws, source, 0, 10, f"Note {number}", ())
    assert _first_start(window, qtbot, (1280, 800), 0.9)  # the bottom panes closed
    dock, table = window.notes_dock, window.notes_dock.table
    dock.show_notes()
    qtbot.waitUntil(lambda: dock.isVisible() and table.model().rowCount() == 4)
    QApplication.processEvents()
    rows = table.viewport().height() / table.rowHeight(0)
    assert NOTES_ROWS <= rows < NOTES_ROWS + 1, rows
    assert dock.height() <= max(first_pane_height(window.height()), dock.least_for_rows(NOTES_ROWS))
