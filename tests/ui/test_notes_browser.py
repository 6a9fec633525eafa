"""The Notes browser: every annotation of the workspace, filtered by tag and text, opened in the
reader; tag colours in the browser and the reader's highlights."""

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor

from briefing.store.annotations import add_annotation
from briefing.store.sources import get_source, source_ids
from briefing.ui.annotate import AddAnnotationCommand
from briefing.ui.main_window import MainWindow
from briefing.ui.notes_browser import EMPTY_HINT, FilterRole, NoteRole
from briefing.ui.panels import ItemRole
from briefing.ui.reader import NOTE_COLOUR
from briefing.ui.tag_colours import PALETTE, TagColours, default_colour
from briefing.ui.tasks import TaskRunner

HOSTILE = '<img src="x"> see <b>this</b>'


@pytest.fixture
def noted(demo_window):
    """The demo window with four notes over two sources; the Notes pane open."""
    ws = demo_window.ws
    first, second = source_ids(ws)[:2]
    ids = {
        "figures": add_annotation(ws, first, 0, 12, "Check the figure", ("figures", "follow-up")),
        "odd": add_annotation(ws, first, 20, 30, "Tagged oddly", ("50%_done",)),
        "hostile": add_annotation(ws, second, 0, 10, HOSTILE, ()),
        "other": add_annotation(ws, second, 40, 50, "Another figure", ("Figures",)),
    }
    demo_window.after_edit()  # as the window's own commands do: the open source shows its notes
    demo_window.notes_dock.show_notes()
    return demo_window, ids, (first, second)


def _rows(dock) -> list[int]:
    model = dock.model
    return [model.index(r, 0).data(NoteRole)[0] for r in range(model.rowCount())]


def _pick_tag(dock, name: str) -> None:
    for row in range(dock.tags.count()):
        if dock.tags.item(row).data(FilterRole)[1] == name:
            dock.tags.setCurrentRow(row)
            return
    raise AssertionError(f"no tag {name}")


def test_the_notes_model_passes_qt_model_tester(qtmodeltester, noted):
    window, _, _ = noted
    qtmodeltester.check(window.notes_dock.model)


def test_every_note_is_listed_newest_first_with_its_source_and_tags(noted):
    window, ids, (first, _) = noted
    dock = window.notes_dock
    assert _rows(dock) == [ids["other"], ids["hostile"], ids["odd"], ids["figures"]]
    last = dock.model.rowCount() - 1
    cells = [dock.model.index(last, c).data() for c in range(5)]
    assert cells[0] == get_source(window.ws, first).title
    assert cells[2:4] == ["Check the figure", "figures, follow-up"]
    assert dock.status.text() == "4 notes" and not dock.hint.isVisible()
    tags = [dock.tags.item(r).text() for r in range(dock.tags.count())]
    assert tags == ["All notes (4)", "Untagged (1)", "50%_done (1)", "figures (2)", "follow-up (1)"]


def test_markup_in_a_note_is_shown_as_written(noted):
    window, ids, _ = noted
    dock = window.notes_dock
    row = _rows(dock).index(ids["hostile"])
    assert dock.model.index(row, 2).data() == HOSTILE
    assert "&lt;img" in dock.model.index(row, 2).data(Qt.ItemDataRole.ToolTipRole)  # escaped, never an image


def test_a_tag_filters_the_notes_whatever_its_case_and_wildcards(noted, qtbot):
    window, ids, _ = noted
    dock = window.notes_dock
    _pick_tag(dock, "figures")
    assert _rows(dock) == [ids["other"], ids["figures"]]
    _pick_tag(dock, "50%_done")
    assert _rows(dock) == [ids["odd"]]
    assert dock.status.text() == "1 of 4 notes"
    dock.tags.setCurrentRow(1)  # Untagged
    assert _rows(dock) == [ids["hostile"]]


def test_text_filters_note_passage_and_title_and_combines_with_the_tag(noted, qtbot):
    window, ids, _ = noted
    dock = window.notes_dock
    qtbot.keyClicks(dock.field, "figure")
    qtbot.waitUntil(lambda: _rows(dock) == [ids["other"], ids["figures"]])
    _pick_tag(dock, "follow-up")
    assert _rows(dock) == [ids["figures"]]
    dock.field.setText("<img")
    qtbot.waitUntil(lambda: dock.status.text() == "No notes match this filter")
    assert _rows(dock) == []
    dock.tags.setCurrentRow(0)
    assert _rows(dock) == [ids["hostile"]]


@pytest.mark.parametrize("how", ["enter", "double-click"])
def test_a_note_opens_in_the_reader(noted, qtbot, how):
    window, ids, (first, second) = noted
    dock = window.notes_dock
    window.select_source(second)
    index = dock.model.index(_rows(dock).index(ids["odd"]), 1)
    dock.table.setCurrentIndex(index)
    if how == "enter":
        qtbot.keyClick(dock.table, Qt.Key.Key_Return)
    else:
        centre = dock.table.visualRect(index).center()
        qtbot.mouseClick(dock.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)  # Qt wants a press first
        qtbot.mouseDClick(dock.table.viewport(), Qt.MouseButton.LeftButton, pos=centre)
    assert window.current_source_id() == first
    assert window.reader.textCursor().selectedText() == get_source(window.ws, first).text[20:30]


def test_an_annotation_and_its_undo_refresh_the_browser(noted):
    window, _, (first, _) = noted
    dock = window.notes_dock
    command = AddAnnotationCommand(window.ws, first, 60, 70, "Fresh", ("new-tag",), window.after_edit)
    window.push_command(lambda: command)
    assert dock.model.rowCount() == 5 and dock.model.index(0, 2).data() == "Fresh"
    assert any(dock.tags.item(r).text() == "new-tag (1)" for r in range(dock.tags.count()))
    window.undo_stack.undo()
    assert dock.model.rowCount() == 4


def test_an_empty_workspace_says_how_to_make_a_note(qtbot, ws):
    window = MainWindow(ws, runner=TaskRunner(synchronous=True), remember=False)
    qtbot.addWidget(window)
    window.show()
    window.notes_dock.show_notes()
    assert window.notes_dock.hint.isVisible() and not window.notes_dock.table.isVisible()
    assert "Annotate Selection" in EMPTY_HINT and "Help ▸ Getting Started" in EMPTY_HINT
    assert window.notes_dock.hint.text() == EMPTY_HINT


def test_a_tag_takes_a_stable_colour_of_the_palette():
    assert default_colour("figures") == default_colour(" FIGURES") in PALETTE
    assert len({default_colour(f"tag {i}") for i in range(100)}) == len(PALETTE)  # the palette is used
    assert TagColours(None).colour("figures") == default_colour("figures")


def _note_colour(window, source_id: int, start: int, end: int) -> QColor:
    reader = window.reader
    window.select_source(source_id)
    found = [
        s.format.background().color()
        for s in reader.extraSelections()
        if (s.cursor.selectionStart(), s.cursor.selectionEnd())
        == (reader.doc_position(start), reader.doc_position(end))
        and s.format.background().style() != Qt.BrushStyle.NoBrush
    ]
    assert found, "the note is not highlighted"
    return found[-1]  # notes paint over claims and quotes


def test_a_notes_highlight_takes_its_first_tags_colour_and_a_chosen_one(noted):
    window, ids, (first, second) = noted
    dock = window.notes_dock
    assert _note_colour(window, first, 0, 12).name() == default_colour("figures")
    assert _note_colour(window, second, 0, 10).name() == QColor(NOTE_COLOUR).name()  # untagged: as before
    # dashes under a note: an orange tag's note was a quote's twin in the dark palette
    window.select_source(first)
    dashed = {
        s.format.underlineColor().name()
        for s in window.reader.extraSelections()
        if s.format.underlineStyle() == s.format.UnderlineStyle.DashUnderline
    }
    assert default_colour("figures") in dashed
    dock.choose_colour("Figures", ask=lambda initial, parent, title: QColor("#123456"))
    window.select_source(second)
    colour = _note_colour(window, first, 0, 12)
    assert (colour.name(), colour.alpha()) == ("#123456", 70)
    assert dock.model.index(_rows(dock).index(ids["figures"]), 3).data(Qt.ItemDataRole.DecorationRole) == QColor(
        "#123456"
    )
    assert TagColours(window.ws.path).colour("figures") == "#123456"  # kept for the workspace
    dock.set_colour("figures", None)
    assert _note_colour(window, first, 0, 12).name() == default_colour("figures")


def test_a_cancelled_colour_dialog_changes_nothing(noted):
    window, _, _ = noted
    dock = window.notes_dock
    dock.choose_colour("figures", ask=lambda initial, parent, title: QColor())
    assert not dock.colours.is_chosen("figures")


def test_the_notes_screenshot_view_shows_the_pane_and_opens_the_newest_note(qtbot, analysed_path, tmp_path):
    from briefing.store import open_workspace
    from briefing.ui.app import prepare_view

    copy = tmp_path / "copy.briefing"
    copy.write_bytes(analysed_path.read_bytes())
    with open_workspace(copy) as ws:
        source = source_ids(ws)[-1]
        add_annotation(ws, source, 0, 8, "The newest", ("figures",))
        window = MainWindow(ws, runner=TaskRunner(synchronous=True), remember=False)
        qtbot.addWidget(window)
        prepare_view(window, "notes")  # before the window shows, as the screenshot does
        window.resize(1280, 800)
        window.show()
        qtbot.waitUntil(lambda: not window.notes_dock.visibleRegion().isEmpty())
        assert window.current_source_id() == source and window.notes_dock.model.rowCount() == 1


def test_a_note_goes_to_the_briefing_note_by_drag_or_context_menu(noted):
    from briefing.store.briefings import create_briefing
    from briefing.ui.widgets import parse_mime

    window, ids, _ = noted
    dock = window.notes_dock
    index = dock.model.index(_rows(dock).index(ids["odd"]), 2)
    assert dock.model.flags(index) & Qt.ItemFlag.ItemIsDragEnabled
    dragged = parse_mime(dock.model.mimeData([index]))
    assert dragged == ("annotation", ids["odd"])
    window.briefing_dock.refresh(create_briefing(window.ws, "Week 47"))
    dock.addToBriefing.emit(*dragged)  # what the row's Add to Briefing Note does
    items = window.briefing_dock.note.items
    assert (items[-1].kind, items[-1].ref_id) == ("annotation", ids["odd"])


def test_right_clicking_a_tag_offers_its_colour(noted, monkeypatch):
    from PySide6.QtWidgets import QColorDialog

    window, _, _ = noted
    dock = window.notes_dock
    monkeypatch.setattr(QColorDialog, "getColor", lambda *args: QColor("#abcdef"))
    menu = dock.tag_menu("follow-up")
    actions = {a.text(): a for a in menu.actions()}
    assert list(actions) == ["&Colour…", "&Default Colour"] and not actions["&Default Colour"].isEnabled()
    actions["&Colour…"].trigger()
    row = next(r for r in range(dock.tags.count()) if dock.tags.item(r).data(FilterRole)[1] == "follow-up")
    assert dock.colours.colour("follow-up") == "#abcdef"
    assert dock.tags.item(row).icon().pixmap(12, 12).toImage().pixelColor(5, 5) == QColor("#abcdef")
    assert dock.tag_menu("follow-up").actions()[1].isEnabled()  # now it can go back to its default


def test_a_rows_menu_opens_the_note_or_adds_it_to_the_briefing_note(noted):
    from briefing.store.briefings import create_briefing

    window, ids, (first, second) = noted
    dock = window.notes_dock
    window.select_source(second)
    window.briefing_dock.refresh(create_briefing(window.ws, "Week 47"))
    menu = dock.row_menu(dock.model.index(_rows(dock).index(ids["figures"]), 0))
    open_, _edit, _delete, add = menu.actions()
    open_.trigger()
    assert window.current_source_id() == first
    add.trigger()
    last = window.briefing_dock.note.items[-1]
    assert (last.kind, last.ref_id) == ("annotation", ids["figures"])
    assert dock.row_menu(dock.model.index(-1, 0)) is None


def test_a_note_is_edited_and_deleted_from_its_menus_and_both_undo(noted, monkeypatch):
    """A note could be made and undone at once, never changed or deleted later."""
    from PySide6.QtWidgets import QDialog

    from briefing.store.annotations import get_annotation, list_note_rows
    from briefing.ui import annotate

    window, ids, (first, _second) = noted

    def answer(dialog):
        assert dialog.note.toPlainText() == "Check the figure" and dialog.tags.text() == "figures, follow-up"
        dialog.note.setPlainText("Checked: the utility confirms it")
        dialog.tags.setText("figures")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(annotate.AnnotationDialog, "exec", answer)
    menu = window.notes_dock.row_menu(window.notes_dock.model.index(_rows(window.notes_dock).index(ids["figures"]), 0))
    dict((a.text(), a) for a in menu.actions())["&Edit Annotation…"].trigger()
    edited = get_annotation(window.ws, ids["figures"])
    assert (edited["note"], edited["tags"]) == ("Checked: the utility confirms it", ["figures"])
    window.undo_stack.undo()
    restored = get_annotation(window.ws, ids["figures"])
    assert (restored["note"], restored["tags"]) == ("Check the figure", ["figures", "follow-up"])

    window.select_source(first)
    tree = window.panel.notes
    row = next(
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if tree.topLevelItem(i).data(0, ItemRole)[1] == ids["figures"]
    )
    tree.setCurrentItem(row)
    window.panel.noteAction.emit("delete", ids["figures"])  # what the Notes tab's Delete Annotation sends
    assert ids["figures"] not in [n.id for n in list_note_rows(window.ws, first)]
    assert ids["figures"] not in _rows(window.notes_dock)
    window.undo_stack.undo()
    back = get_annotation(window.ws, ids["figures"])  # the same id: a briefing note's item still finds it
    assert (back["note"], back["tags"], back["exact"]) == (
        "Check the figure",
        ["figures", "follow-up"],
        restored["exact"],
    )
    assert ids["figures"] in _rows(window.notes_dock)


def test_tab_leaves_the_notes_list_at_once(noted, qtbot):
    """Tab went from cell to cell, five a note, before it reached anything else."""
    from PySide6.QtWidgets import QApplication

    window, _, _ = noted
    table = window.notes_dock.table
    window.activateWindow()
    table.setFocus()
    table.setCurrentIndex(table.model().index(0, 0))
    qtbot.waitUntil(table.hasFocus)
    qtbot.keyClick(table, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is not table


def test_undoing_a_notes_step_from_another_source_shows_that_note(noted, monkeypatch):
    """Undo of an annotation's edit or deletion, with another source open, changed the note out
    of sight and said only "Undone: Delete annotation."."""
    from PySide6.QtWidgets import QDialog

    from briefing.ui import annotate

    window, ids, (first, second) = noted

    def answer(dialog):
        dialog.note.setPlainText("Checked")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(annotate.AnnotationDialog, "exec", answer)
    for action in ("edit", "delete"):
        window.select_source(first)
        window.panel.noteAction.emit(action, ids["figures"])
        window.select_source(second)
        window.undo_stack.undo()
        assert window.current_source_id() == first
        assert window.panel.current_item() == ("annotation", ids["figures"])
        assert window.reader.selected_range() == (0, 12)
        said = window.statusBar().currentMessage()
        words = window.ws.db.execute("SELECT exact FROM annotations WHERE id = ?", [ids["figures"]]).fetchone()[0]
        assert said.endswith(f" annotation on “{words.strip()}”.")  # its words, no longer its id


def test_the_annotation_dialog_completes_the_tag_being_typed_from_the_tags_in_use(noted, monkeypatch):
    """A tag typed again by hand ("folow-up") became a second tag of another colour."""
    from PySide6.QtWidgets import QDialog

    from briefing.ui import annotate

    window, ids, (first, _second) = noted
    offered = []

    def answer(dialog):
        completer = dialog.tags.completer()
        dialog.tags.setText("figures, FOL")
        completer.setCompletionPrefix(completer.splitPath(dialog.tags.text())[0])
        first = completer.completionModel().index(0, 0)  # the popup's first row, as Enter takes it
        offered.append(first.data())
        dialog.tags.setText(completer.pathFromIndex(first))
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(annotate.AnnotationDialog, "exec", answer)
    window.panel.noteAction.emit("edit", ids["odd"])
    assert offered == ["follow-up"]
    assert annotate.get_annotation(window.ws, ids["odd"])["tags"] == ["figures", "follow-up"]
    window.select_source(first)
    window.reader.scroll_to(60, 70)
    window.annotate()  # a new note is offered the same tags
    assert offered == ["follow-up", "follow-up"]


def test_the_edit_menu_edits_and_deletes_the_picked_annotation(noted, qtbot):
    """Edit and delete were only on right-click menus: no menu of the window offered them."""
    from PySide6.QtGui import QAction

    from briefing.store.annotations import get_annotation

    window, ids, (first, _second) = noted
    actions = {a.text().replace("&", ""): a for a in window.findChildren(QAction)}
    window.select_source(first)
    window.panel.notes.setCurrentItem(None)
    actions["Delete Annotation"].trigger()
    assert "Select an annotation" in window.statusBar().currentMessage()
    window.panel.select("note", ids["odd"])
    actions["Delete Annotation"].trigger()
    assert ids["odd"] not in _rows(window.notes_dock)
    window.undo_stack.undo()
    table = window.notes_dock.table
    table.setCurrentIndex(window.notes_dock.model.index(_rows(window.notes_dock).index(ids["hostile"]), 0))
    table.setFocus()
    qtbot.waitUntil(table.hasFocus)  # the Notes pane's row, not the tab's
    actions["Delete Annotation"].trigger()
    assert ids["hostile"] not in _rows(window.notes_dock)
    assert get_annotation(window.ws, ids["odd"])["note"] == "Tagged oddly"


def test_delete_annotation_picks_the_next_note_of_the_notes_tab(demo_window):
    """After Delete Annotation no row was current: the next Delete said to select an annotation."""
    ws = demo_window.ws
    source = demo_window.current_source_id()
    ids = [add_annotation(ws, source, at, at + 10, f"note {at}", ()) for at in (0, 20, 40)]
    demo_window.after_edit()
    notes = demo_window.panel.notes
    listed = [notes.topLevelItem(i).data(0, ItemRole)[1] for i in range(notes.topLevelItemCount())]
    assert sorted(listed) == sorted(ids)
    demo_window.panel.select("note", listed[1])
    demo_window.note_actions.act_on_current("delete")
    assert demo_window.note_actions.current() == listed[2]
    demo_window.note_actions.act_on_current("delete")  # the last: the one before it
    assert demo_window.note_actions.current() == listed[0]


class _FilledNote:
    """The annotation dialog, filled in and accepted."""

    def __init__(self, *args, **kwargs):
        pass

    def exec(self):
        from PySide6.QtWidgets import QDialog

        return QDialog.DialogCode.Accepted

    def values(self):
        return "Check the dates", ("follow-up",)


def test_annotating_a_selection_says_so_in_the_status_bar(noted, monkeypatch):
    """The dialog closed and nothing else showed the note was kept (the selection still covered
    its highlight): the status bar names the passage and how Undo takes it back."""
    from briefing.ui import annotate

    window, _, (first, _) = noted
    monkeypatch.setattr(
        "briefing.ui.main_window.annotation_command",
        lambda *args: annotate.annotation_command(*args, dialog_factory=_FilledNote),
    )
    text = get_source(window.ws, first).text
    window.select_source(first)
    window.reader.scroll_to(0, 12)
    window.annotate()
    said = window.statusBar().currentMessage()
    assert said.startswith(f"Note added to “{' '.join(text[:12].split())[:20]}")
    assert said.endswith("Undo (Ctrl+Z) takes it back.")
