"""Keyboard traps: Ctrl+Z in the reason field, Tab in the Annotate dialog, Alt+letters that do
one thing each, input dialogs wide enough for their titles."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractButton, QApplication, QTabBar

from briefing.store.claims import get_claim, list_claim_history, list_claim_rows
from briefing.ui.annotate import AnnotationDialog
from briefing.ui.plain import input_dialog

CTRL = Qt.KeyboardModifier.ControlModifier


def _judged_claim(window, qtbot, reason: str = "ministry figure differs") -> int:
    """A claim marked disputed through the panel, the reason field focused and empty again."""
    source_id = window.current_source_id()
    claim_id = list_claim_rows(window.ws, source_id)[0].id
    window.panel.select("claim", claim_id)
    window.panel.reason.setFocus()
    qtbot.keyClicks(window.panel.reason, reason)
    window.panel.mark_current("disputed")
    window.activateWindow()
    qtbot.waitUntil(lambda: window.panel.reason.hasFocus() and window.isActiveWindow())
    return claim_id


def test_ctrl_z_in_the_emptied_reason_field_undoes_the_judgement(demo_window, qtbot):
    claim_id = _judged_claim(demo_window, qtbot)
    assert get_claim(demo_window.ws, claim_id)["status"] == "disputed"
    qtbot.keyClick(demo_window.panel.reason, Qt.Key.Key_Z, CTRL)
    assert get_claim(demo_window.ws, claim_id)["status"] == "unreviewed"
    assert demo_window.panel.reason.text() == ""  # the saved reason is not typed back
    qtbot.keyClick(demo_window.panel.reason, Qt.Key.Key_Z, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert get_claim(demo_window.ws, claim_id)["status"] == "disputed"


def test_ctrl_z_undoes_typing_not_yet_saved_and_then_the_judgement(demo_window, qtbot):
    claim_id = _judged_claim(demo_window, qtbot)
    reason = demo_window.panel.reason
    qtbot.keyClicks(reason, "second thoughts")
    qtbot.keyClick(reason, Qt.Key.Key_Z, CTRL)
    assert reason.text() == "" and get_claim(demo_window.ws, claim_id)["status"] == "disputed"
    qtbot.keyClick(reason, Qt.Key.Key_Z, CTRL)  # nothing typed left: now the judgement
    assert get_claim(demo_window.ws, claim_id)["status"] == "unreviewed"


def test_tab_in_the_annotate_dialog_moves_to_the_tags(qtbot):
    dialog = AnnotationDialog(None, "the passage")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    dialog.note.setFocus()
    qtbot.waitUntil(dialog.note.hasFocus)
    qtbot.keyClicks(dialog.note, "matters")
    qtbot.keyClick(dialog.note, Qt.Key.Key_Tab)
    assert dialog.note.toPlainText() == "matters"
    assert QApplication.focusWidget() is dialog.tags


def _mnemonic(text: str) -> str | None:
    key = QKeySequence.mnemonic(text)
    return key.toString() if not key.isEmpty() else None


def _alt_letters(window) -> list[tuple[str, str]]:
    """(Alt+letter, what it opens) of the menu bar, every visible tab bar and visible button."""
    found = [(_mnemonic(a.text()), f"menu {a.text()}") for a in window.menuBar().actions() if a.isVisible()]
    for bar in window.findChildren(QTabBar):
        if bar.isVisible():
            found += [(_mnemonic(bar.tabText(i)), f"tab {bar.tabText(i)}") for i in range(bar.count())]
    for button in window.findChildren(QAbstractButton):
        if button.isVisible() and not isinstance(button.parent(), QTabBar):
            found.append((_mnemonic(button.text()), f"button {button.text()}"))
    return [(key, what) for key, what in found if key]


def test_every_alt_letter_does_one_thing(demo_window):
    demo_window.panel.setCurrentWidget(demo_window.panel.claims_widget)  # its buttons in sight
    person = demo_window.panel.entities.topLevelItem(0).child(0)
    demo_window.open_entity(person.data(0, Qt.ItemDataRole.UserRole + 1)[1])
    letters = _alt_letters(demo_window)
    assert ("Alt+C", "menu &Claims") in letters and any(what.startswith("tab C&laims") for _, what in letters)
    seen: dict[str, str] = {}
    clashes = [(key, seen[key], what) for key, what in letters if seen.setdefault(key, what) != what]
    assert clashes == []


def test_an_input_dialog_is_wide_enough_for_its_title(qtbot):
    dialog = input_dialog(None, "Rename Saved Search Across Every Workspace", "New name:")
    qtbot.addWidget(dialog)
    title = dialog.fontMetrics().horizontalAdvance(dialog.windowTitle())
    assert dialog.minimumWidth() > title + 100
    assert input_dialog(None, "Rename Entity", "New name:").minimumWidth() >= 360


def test_inside_each_menu_every_item_has_its_own_letter(demo_window):
    """Alt+B then D only highlighted 'Briefing Note Details…' (Delete had D too) and ran nothing."""
    from PySide6.QtWidgets import QMenu

    clashes, bare = [], []
    menus = [a.menu() for a in demo_window.menuBar().actions() if isinstance(a.menu(), QMenu)]
    while menus:
        menu = menus.pop()
        seen: dict[str, str] = {}
        for action in menu.actions():
            if action.isSeparator() or not action.isVisible():
                continue
            if isinstance(action.menu(), QMenu):
                menus.append(action.menu())
            key = _mnemonic(action.text())
            if key is None:
                bare.append(action.text())
            elif seen.setdefault(key, action.text()) != action.text():
                clashes.append((menu.title(), key, seen[key], action.text()))
    assert clashes == []
    assert bare == []  # Source ▸ Delete Selected Sources… had none: arrows and Return only


def test_tab_in_the_summary_moves_on_and_types_no_tab(demo_window, qtbot):
    summary = demo_window.panel.summary
    demo_window.panel.setCurrentIndex(0)
    demo_window.activateWindow()
    summary.setFocus()
    qtbot.waitUntil(summary.hasFocus)
    before = summary.toPlainText()
    qtbot.keyClick(summary, Qt.Key.Key_Tab)
    assert summary.toPlainText() == before
    assert not summary.hasFocus()


def test_words_in_the_reader_are_selected_from_the_keyboard(demo_window, qtbot):
    """The reader had no caret: Shift+arrows selected nothing, so Add as Claim, Annotate and Attach
    as Evidence needed the mouse."""
    reader = demo_window.reader
    demo_window.activateWindow()
    reader.setFocus()
    qtbot.waitUntil(reader.hasFocus)
    for _ in range(8):  # down past the headline and the meta line, into the text
        if reader.source_offset(reader.textCursor().position()) is not None:
            break
        qtbot.keyClick(reader, Qt.Key.Key_Down)
    qtbot.keyClick(reader, Qt.Key.Key_Home)
    for _ in range(3):
        qtbot.keyClick(reader, Qt.Key.Key_Right, CTRL | Qt.KeyboardModifier.ShiftModifier)
    selected = reader.selected_range()
    assert selected is not None
    start, end = selected
    assert len(reader.shown.text[start:end].split()) == 3


def _field_and_list(window, place: str):
    """A filter or search field and the list under it, in sight."""
    if place == "sources":
        return window.filter_edit, window.table
    if place == "search":
        window.search_dock.focus()
        window.search_dock.run_saved("ransom")
        return window.search_dock.field, window.search_dock.results
    if place == "notes":
        from briefing.store.annotations import add_annotation

        add_annotation(window.ws, window.current_source_id(), 0, 12, "Check the figure", ())
        window.notes_dock.show_notes()
        return window.notes_dock.field, window.notes_dock.table
    if place == "shortcuts":
        dialog = window.help.show(0)
        return dialog.filter, dialog.shortcuts
    from briefing.ui.merge_dialog import MergeDialog

    dialog = MergeDialog(window, "Hillary Clinton", "person", [], [(2, "Bill Clinton", "person"), (3, "Iowa", "place")])
    dialog.show()
    return dialog.filter, dialog.view


@pytest.mark.parametrize("place", ["sources", "search", "notes", "shortcuts", "merge"])
def test_down_in_a_filter_field_moves_into_its_list(demo_window, qtbot, place):
    """Down in a filter or the search field did nothing: the list of what it found was three Tabs away."""
    field, view = _field_and_list(demo_window, place)
    field.window().activateWindow()
    field.setFocus()
    qtbot.waitUntil(field.hasFocus)
    qtbot.keyClick(field, Qt.Key.Key_Down)
    assert view.hasFocus()
    assert view.currentIndex().isValid()
    qtbot.keyClick(view, Qt.Key.Key_Down)  # the arrows go on in the list
    assert view.hasFocus()


def test_ctrl_return_in_the_annotate_dialog_note_saves_it(qtbot):
    """Return in the note starts a new line, so the dialog's OK was two Tabs away; Ctrl+Return saves
    it, as in the briefing note's section editor."""
    dialog = AnnotationDialog(None, "Officials said the plant was closed")
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.activateWindow()
    qtbot.waitUntil(dialog.note.hasFocus)
    qtbot.keyClicks(dialog.note, "check the date")
    with qtbot.waitSignal(dialog.accepted):
        qtbot.keyClick(dialog.note, Qt.Key.Key_Return, CTRL)
    assert dialog.values() == ("check the date", ())


def test_show_briefing_note_puts_the_keyboard_in_the_note(demo_window, qtbot):
    """Ctrl+Shift+B opened the note and left the keyboard where it was, unlike Ctrl+T (the timeline)
    and Ctrl+Shift+N (the notes): its items were a few F6 presses away."""
    from PySide6.QtGui import QAction

    demo_window.activateWindow()
    demo_window.table.setFocus()
    qtbot.waitUntil(demo_window.table.hasFocus)
    next(a for a in demo_window.findChildren(QAction) if a.text() == "&Show Briefing Note").trigger()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is demo_window.briefing_dock.items)


def test_tabbing_into_a_side_list_highlights_the_row_the_keyboard_is_on(demo_window, qtbot):
    """Alt+L or Tab into the Claims list made its first claim current (the reader selected it, the
    judging buttons acted on it) without highlighting its row: only a dotted frame round one cell."""
    panel = demo_window.panel
    panel.setCurrentWidget(panel.claims_widget)
    assert panel.claims.currentItem() is None
    demo_window.activateWindow()
    panel.claims.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(panel.claims.hasFocus)
    current = panel.claims.currentItem()
    assert current is not None and current.isSelected()
    assert panel.current_claim() == current.data(0, Qt.ItemDataRole.UserRole + 1)[1]


def _pick(monkeypatch, status: str | None, offered: list):
    """The judgement menu answered with ``status`` (None: Escape); what it offered, kept."""
    from briefing.ui import reason_return

    def pick(menu, at):
        offered.append([(a.text(), a.isEnabled()) for a in menu.actions()])
        return next((a for a in menu.actions() if a.data() == status), None)

    monkeypatch.setattr(reason_return, "pick", pick)


def test_return_in_the_reason_field_marks_the_claim_with_the_reason(demo_window, qtbot, monkeypatch):
    """Return in the reason field did nothing: the reason waited for a click on a button."""
    claim_id = list_claim_rows(demo_window.ws, demo_window.current_source_id())[0].id
    demo_window.panel.select("claim", claim_id)
    reason = demo_window.panel.reason
    offered: list = []
    _pick(monkeypatch, None, offered)
    qtbot.keyClicks(reason, "two outlets say otherwise")
    qtbot.keyClick(reason, Qt.Key.Key_Return)
    assert offered == [[("&Corroborated", True), ("&Disputed", True), ("&Unreviewed (as now)", False)]]
    assert reason.text() == "two outlets say otherwise"  # Escape: nothing marked, nothing lost
    assert get_claim(demo_window.ws, claim_id)["status"] == "unreviewed"
    _pick(monkeypatch, "disputed", offered)
    qtbot.keyClick(reason, Qt.Key.Key_Return)
    assert get_claim(demo_window.ws, claim_id)["status"] == "disputed" and reason.text() == ""
    [judgement] = [j for j in list_claim_history(demo_window.ws, claim_id) if j.action == "mark"]
    assert judgement.reason == "two outlets say otherwise"


def test_return_in_the_reason_field_without_a_claim_says_to_select_one(demo_window, qtbot, monkeypatch):
    offered: list = []
    _pick(monkeypatch, "disputed", offered)
    demo_window.panel.claims.setCurrentItem(None)
    qtbot.keyClick(demo_window.panel.reason, Qt.Key.Key_Return)
    assert offered == [] and demo_window.panel.claim_help.text() == "Select a claim in the list first."
