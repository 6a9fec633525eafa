"""Merge Into… proposes the likely duplicates first; the entity page follows every entity edit."""

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel

from briefing.store.entities import list_entities
from briefing.store.mentions import list_mentions
from briefing.ui.merge_dialog import MergeDialog
from briefing.ui.panels import ItemRole


def entity_id_of(window, name, kind):
    return next(e["id"] for e in list_entities(window.ws) if e["name"] == name and e["type"] == kind)


def select_entity(window, entity_id):
    """Open a source that mentions the entity and select it in the Entities tab."""
    window.select_source(list_mentions(window.ws, entity_id)[0].source_id)
    tree = window.panel.entities
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        for j in range(group.childCount()):
            data = group.child(j).data(0, ItemRole)
            if data and data[1] == entity_id:
                tree.setCurrentItem(group.child(j))
                return
    raise AssertionError(f"entity {entity_id} not in the Entities tab")


def test_the_dialog_lists_likely_duplicates_first_with_their_reason(demo_window, monkeypatch):
    veldra, veldran = entity_id_of(demo_window, "Veldra", "place"), entity_id_of(demo_window, "Veldran", "place")
    select_entity(demo_window, veldra)
    demo_window.entity_actions.open_page()
    everyone = {e["id"] for e in list_entities(demo_window.ws)}
    veldran_sources = {m.source_id for m in list_mentions(demo_window.ws, veldran)}
    seen = {}

    def answer(dialog):
        seen["rows"], seen["chosen"] = dialog.rows(), dialog.chosen()
        seen["heading"] = dialog.findChildren(QLabel)[0].text()
        dialog.filter.setText("KESSEL")
        seen["filtered"] = dialog.rows()
        seen["filtered_groups"] = sorted({row[0] for row in dialog.rows()})
        dialog.filter.clear()
        dialog.choose(veldran)
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(MergeDialog, "exec", answer)
    demo_window.entity_actions.merge()
    group, name, kind, sources, why = seen["rows"][0]
    assert (group, name, kind) == ("Likely duplicates (1)", "Veldran", "place")
    assert sources == f"{len(veldran_sources)} source{'s' if len(veldran_sources) != 1 else ''}"  # twins told apart
    assert all(r[3].endswith(("source", "sources")) for r in seen["rows"])
    assert seen["heading"].startswith("Merge “Veldra” (place, ")
    assert why.startswith("spelling differs by 1")
    assert seen["chosen"] == veldran  # the best proposal is selected: Enter merges into it
    assert len(seen["rows"]) == len(everyone) - 1
    assert [r[0] for r in seen["rows"]][-1].startswith("All other entities")
    assert {r[1] for r in seen["filtered"]} == {"Kessel Point", "Kessel"}
    others = len(everyone) - 1 - sum(1 for r in seen["rows"] if not r[0].startswith("All other"))
    shown = sum(1 for r in seen["filtered"] if r[0].startswith("All other"))
    assert f"All other entities ({shown} of {others})" in seen["filtered_groups"]  # it said all of them
    assert veldra not in {e["id"] for e in list_entities(demo_window.ws)}
    assert demo_window.entity_dock.entity_id == veldran  # the page follows the merged entity
    assert "<b>Veldran</b>" in demo_window.entity_dock.heading.text()
    assert "Veldra" in demo_window.entity_dock.heading.text().split("also", 1)[1]


def test_the_entity_page_shows_a_retype_and_a_rename_at_once(demo_window):
    kessel = entity_id_of(demo_window, "Kessel Point", "organisation")
    select_entity(demo_window, kessel)
    demo_window.entity_actions.open_page()
    heading = demo_window.entity_dock.heading
    assert "(organisation)" in heading.text()
    demo_window.entity_actions.retype("place")
    assert "(place)" in heading.text()
    demo_window.undo_stack.undo()
    assert "(organisation)" in heading.text()
    select_entity(demo_window, kessel)  # the Entities tab was rebuilt by the edit
    demo_window.entity_actions.rename("Kessel Point Plant")
    assert "<b>Kessel Point Plant</b>" in heading.text()
    demo_window.undo_stack.undo()
    assert "<b>Kessel Point</b>" in heading.text()


def test_the_entity_page_behind_the_notes_tab_is_read_when_its_tab_is_raised(demo_window, qtbot, monkeypatch):
    """Every edit read the open entity page again, even behind the briefing note's tab: on a
    large workspace a tenth of a second or more per edit for a page nobody could see."""
    from briefing.ui import entity_actions

    kessel = entity_id_of(demo_window, "Kessel Point", "organisation")
    select_entity(demo_window, kessel)
    demo_window.entity_actions.open_page()
    demo_window.show_briefing()  # its tab in front of the page's
    dock = demo_window.entity_dock
    qtbot.waitUntil(lambda: dock.visibleRegion().isEmpty())  # behind the tab, though still "visible"
    reads = []
    load_page = entity_actions.load_page
    monkeypatch.setattr(entity_actions, "load_page", lambda *a: (reads.append(a), load_page(*a))[1])
    demo_window.entity_actions.retype("place")
    assert reads == [] and "(organisation)" in dock.heading.text()  # not read behind the tab
    dock.raise_()
    qtbot.waitUntil(lambda: "(place)" in dock.heading.text())  # read once in sight
    assert len(reads) == 1


def test_deleting_the_shown_entity_says_so_on_its_page(demo_window):
    kessel = entity_id_of(demo_window, "Kessel Point", "organisation")
    select_entity(demo_window, kessel)
    demo_window.entity_actions.open_page()
    demo_window.entity_actions.delete(confirmed=True)
    dock = demo_window.entity_dock
    assert dock.entity_id is None and "no longer exists" in dock.heading.text()
    assert dock.mentions.topLevelItemCount() == 0 and not dock.split_button.isEnabled()


def test_without_a_likely_duplicate_nothing_is_chosen_until_the_analyst_picks_one(qtbot):
    """Enter merged into the first of 'Similar names, probably different' (Bill for Hillary)."""
    from briefing.store.entity_candidates import MergeCandidate

    bill = MergeCandidate(2, "Bill Clinton", "person", 20.0, "same surname, different first name", 10)
    dialog = MergeDialog(
        None, "Hillary Clinton", "person", [bill], [(2, "Bill Clinton", "person"), (3, "Iowa", "place")]
    )
    qtbot.addWidget(dialog)
    assert dialog.rows()[0][:2] == ("Similar names, probably different (1)", "Bill Clinton")
    merge = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.chosen() is None and not merge.isEnabled()
    dialog.filter.setText("iow")  # typing a name picks the match
    assert dialog.chosen() == 3


def test_a_filter_redraws_the_list_once_however_many_entities_it_hides(qtbot, qtmodeltester):
    """Each stretch of rows a filter hid was a change the tree view laid out anew: a key typed
    over 8,900 entities held the window for two seconds. The list now changes in one step,
    keeping the row chosen while it still matches."""
    everyone = [(i, f"{'Kessel' if i % 2 else 'Veldra'} {i}", "place") for i in range(1, 2001)]
    dialog = MergeDialog(None, "Someone", "person", [], everyone)
    qtbot.addWidget(dialog)
    model, changes = dialog.view.model(), []
    for signal in (model.rowsRemoved, model.rowsInserted, model.layoutChanged, model.modelReset):
        signal.connect(lambda *_, s=signal: changes.append(s))
    dialog.filter.setText("kessel")
    assert len(changes) <= 1
    assert len(dialog.rows()) == 1000 and dialog.rows()[0][:2] == ("All other entities (1000 of 2000)", "Kessel 1")
    dialog.choose(7)
    dialog.filter.setText("kessel 7")
    assert dialog.chosen() == 7  # still listed: still chosen
    dialog.filter.clear()
    assert len(dialog.rows()) == 2000 and dialog.chosen() == 7
    qtmodeltester.check(dialog.view.model())


def test_an_entity_a_colleague_merged_away_says_who_merged_it_into_which(demo_window, monkeypatch):
    """A colleague merged the entity on the page into another: the page said 'This entity no
    longer exists: it was deleted or merged into another.', naming neither them nor the other."""
    from briefing.store.edits import merge_entities

    veldra, veldran = entity_id_of(demo_window, "Veldra", "place"), entity_id_of(demo_window, "Veldran", "place")
    select_entity(demo_window, veldran)
    demo_window.entity_actions.open_page()
    monkeypatch.setenv("BRIEFING_ANALYST", "Ben Adler")
    merge_entities(demo_window.ws, veldra, [veldran])  # theirs, as the team's listener would redraw it
    demo_window.entity_actions.refresh_page()
    said = demo_window.entity_dock.heading.text()
    assert said.startswith("This entity no longer exists: it was merged into “Veldra” by Ben Adler at ")
    assert said.endswith(" UTC.")
