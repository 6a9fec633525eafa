"""A right-to-left override in a received workspace's titles (U+202E) never shows what follows
it reversed: 'report\u202eexe.txt' must not read as a file name it is not, in the source list,
the reader's headline, the search results or the window's title."""

from briefing.store.sources import update_source
from briefing.ui.source_model import SourceIdRole

CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
HOSTILE = "Minutes \u202etxt.exe of the council\u202c meeting"


def test_bidi_controls_of_a_title_take_no_effect_where_it_is_shown(demo_window):
    window = demo_window
    source_id = window.current_source_id()
    update_source(window.ws, source_id, title=HOSTILE, outlet="Wire\u202eService")
    window.refresh_sources(source_id)
    window.show_source(source_id)
    row = next(r for r in range(window.model.rowCount()) if window.model.index(r, 0).data(SourceIdRole) == source_id)
    shown = [window.model.index(row, column).data() for column in (0, 1)]
    assert shown == ["Minutes txt.exe of the council meeting", "WireService"]
    headline = window.reader.document().firstBlock().text()
    assert len(headline) == len(HOSTILE) and not any(c in headline for c in CONTROLS)  # offsets hold
    assert not any(c in window.windowTitle() for c in CONTROLS)


def test_bidi_controls_of_received_names_and_notes_take_no_effect_in_the_lists(demo_window):
    """An entity or an annotation named '…\u202etxt.exe' read reversed in the side panel's tabs,
    the Notes browser and Merge Into…; each is shown with the control made inert."""
    from briefing.store.annotations import add_annotation
    from briefing.ui.merge_dialog import MergeDialog
    from briefing.ui.panels import ItemRole

    window = demo_window
    source_id = window.current_source_id()
    entity_id = window.panel.entities.topLevelItem(0).child(0).data(0, ItemRole)[1]
    window.ws.db.execute("UPDATE entities SET name = ? WHERE id = ?", [HOSTILE, entity_id])
    add_annotation(window.ws, source_id, 0, 5, note=HOSTILE)
    window.show_source(source_id)
    tree = window.panel.entities
    names = [tree.topLevelItem(i).child(j).text(0) for i in range(tree.topLevelItemCount())
             for j in range(tree.topLevelItem(i).childCount())]  # fmt: skip
    notes = [window.panel.notes.topLevelItem(i).text(1) for i in range(window.panel.notes.topLevelItemCount())]
    assert any("txt.exe" in name for name in names) and any("txt.exe" in note for note in notes)
    assert not any(c in shown for shown in names + notes for c in CONTROLS)
    window.notes_dock.refresh()
    model = window.notes_dock.table.model()
    cells = [str(model.index(r, c).data()) for r in range(model.rowCount()) for c in range(model.columnCount())]
    assert any("txt.exe" in cell for cell in cells) and not any(c in cell for cell in cells for c in CONTROLS)
    dialog = MergeDialog(None, "Someone", "person", [], [(entity_id, HOSTILE, "person")])
    assert not any(c in cell for row in dialog.rows() for cell in row for c in CONTROLS)
    dialog.deleteLater()


def test_bidi_controls_of_a_received_name_take_no_effect_on_the_entity_page_or_saved_searches(demo_window):
    from briefing.store.saved_searches import save_search
    from briefing.ui.panels import ItemRole

    window = demo_window
    entity_id = window.panel.entities.topLevelItem(0).child(0).data(0, ItemRole)[1]
    window.ws.db.execute("UPDATE entities SET name = ? WHERE id = ?", [HOSTILE, entity_id])
    window.open_entity(entity_id)
    heading = window.entity_dock.heading.text()
    assert "txt.exe" in heading and not any(c in heading for c in CONTROLS)
    labels = [label.text() for label in window.entity_dock.graph.labels]  # the centre's is its name
    assert "txt.exe" in labels[0] and not any(c in label for label in labels for c in CONTROLS)
    save_search(window.ws, HOSTILE, "ransom")
    saved = window.search_dock.saved
    saved.refresh()
    shown = [saved.item(row).text() for row in range(saved.count())]
    assert any("txt.exe" in name for name in shown) and not any(c in name for name in shown for c in CONTROLS)
    assert HOSTILE in saved.names()  # what the store holds, for the name checks
