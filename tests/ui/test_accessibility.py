"""Every control a keyboard or screen-reader user reaches has a name, and F6 moves between panes."""

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractItemView,
    QAbstractScrollArea,
    QApplication,
    QComboBox,
    QLineEdit,
    QWidget,
)

from briefing.ui.panes import focus_next_pane, focused_pane, panes

SKIPPED = ("QScrollBar", "QTabBar", "QHeaderView", "QToolButton", "QSplitterHandle")


def _unnamed(window):
    window.show_briefing()
    window.show_timeline()
    missing = []
    for child in window.findChildren(QWidget):
        if child.focusPolicy() == Qt.FocusPolicy.NoFocus or type(child).__name__ in SKIPPED:
            continue
        if isinstance(child.parent(), QWidget) and isinstance(child.parent().parent(), QComboBox):
            continue  # a combo box's own pop-up list
        if isinstance(child, QAbstractButton):
            named = bool(child.text() or child.accessibleName() or child.toolTip())
        elif isinstance(child, (QLineEdit, QComboBox, QAbstractItemView, QAbstractScrollArea)):
            named = bool(child.accessibleName())
        else:
            continue
        if not named:
            missing.append(f"{type(child).__name__} in {type(child.parent()).__name__}")
    return missing


def test_every_focusable_control_has_an_accessible_name(demo_window):
    first_entity = demo_window.panel.entities.topLevelItem(0).child(0)
    demo_window.open_entity(first_entity.data(0, Qt.ItemDataRole.UserRole + 1)[1])
    assert _unnamed(demo_window) == []


def test_f6_moves_the_focus_from_pane_to_pane_and_back(demo_window, qtbot):
    window = demo_window
    window.search_dock.raise_()  # a layout kept from another test may have the timeline's tab on top
    QApplication.processEvents()
    window.table.setFocus()
    seen = []
    for _ in range(len(panes(window))):
        focus_next_pane(window)
        seen.append(focused_pane(window))
    assert seen[-1] is window.table and window.reader in seen and window.panel in seen
    assert window.search_dock in seen
    focus_next_pane(window, backwards=True)
    assert focused_pane(window) is seen[-2]


def test_f6_into_the_side_panel_lands_in_the_open_tab(demo_window):
    from PySide6.QtWidgets import QApplication

    demo_window.panel.setCurrentIndex(2)
    demo_window.reader.setFocus()
    focus_next_pane(demo_window)
    assert QApplication.focusWidget() is demo_window.panel.quotes


def test_f6_skips_a_pane_behind_another_panes_tab(demo_window):
    person = demo_window.panel.entities.topLevelItem(0).child(0)
    demo_window.show_briefing()
    demo_window.open_entity(person.data(0, Qt.ItemDataRole.UserRole + 1)[1])  # its tab over the note's
    assert demo_window.entity_dock in panes(demo_window)
    assert demo_window.briefing_dock not in panes(demo_window)


def test_tab_never_lands_in_a_pane_behind_another_panes_tab(demo_window, qtbot):
    """The Timeline behind Search: Tab from the last search result went into its buttons, out of sight."""
    from PySide6.QtWidgets import QApplication

    demo_window.activateWindow()
    demo_window.search_dock.focus()
    qtbot.waitUntil(demo_window.search_dock.field.hasFocus)
    hidden = demo_window.timeline
    assert hidden.visibleRegion().isEmpty()  # behind the Search tab
    for _ in range(30):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
        focus = QApplication.focusWidget()
        assert focus is not None and not hidden.isAncestorOf(focus)
    demo_window.show_timeline()  # its tab raised: in reach again
    assert QApplication.focusWidget() is hidden.view


def test_the_timeline_is_drawn_once_when_brought_up(demo_window, monkeypatch):
    """Raising its tab draws it: a second draw doubled the wait on a large workspace."""
    from briefing.ui import timeline_dock

    drawn = []
    real = timeline_dock.timeline_items
    monkeypatch.setattr(timeline_dock, "timeline_items", lambda ws: drawn.append(1) or real(ws))
    demo_window.show_timeline()
    assert len(drawn) == 1
    demo_window.show_timeline()  # in sight already: drawn again, once, as it is now
    assert len(drawn) == 2


def test_a_focused_reader_or_preview_shows_a_focus_frame(demo_window, qapp, qtbot):
    """Fusion marks a focused field or button, not a focused text view: the reader and the note
    preview showed nothing when tabbed to."""
    from PySide6.QtGui import QPalette

    from briefing.ui.app import configure_application

    configure_application(qapp)
    demo_window.show_briefing()
    highlight = qapp.palette().color(QPalette.ColorRole.Highlight)
    demo_window.activateWindow()
    for view in (demo_window.reader, demo_window.briefing_dock.preview, demo_window.panel.entities):
        demo_window.panel.setCurrentWidget(demo_window.panel.entities)  # the entity list in sight
        edge = view.height() // 2
        assert view.grab().toImage().pixelColor(0, edge) != highlight
        view.setFocus()
        qtbot.waitUntil(view.hasFocus)
        assert view.grab().toImage().pixelColor(0, edge) == highlight


def test_the_window_opens_with_the_keyboard_in_the_source_list(demo_window, qtbot):
    """It opened in the search field at the bottom, the first in Qt's focus chain: the arrows moved
    nothing and a screen reader announced an empty field, not the source being read."""
    demo_window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is not None)
    assert QApplication.focusWidget() is demo_window.table
    assert demo_window.table.currentIndex().isValid()


def test_no_label_hides_its_words_behind_a_name(demo_window):
    """A screen reader reads a label's accessible name instead of its text: the search status
    ("28 results · claim 18…"), the entity page's heading and the notes' status were read as
    "Search status", "Entity" and "Notes status"."""
    from PySide6.QtGui import QAccessible
    from PySide6.QtWidgets import QLabel

    person = demo_window.panel.entities.topLevelItem(0).child(0)
    demo_window.open_entity(person.data(0, Qt.ItemDataRole.UserRole + 1)[1])
    demo_window.search_dock.run_saved("ransom")
    demo_window.notes_dock.show_notes()
    hidden = []
    for label in demo_window.findChildren(QLabel):
        read = QAccessible.queryAccessibleInterface(label).text(QAccessible.Text.Name)
        if label.text() and label.accessibleName() and read == label.accessibleName() != label.text():
            hidden.append(f"{read!r} for {label.text()[:40]!r}")
    assert hidden == [], "\n".join(hidden)
