"""Editing entities from the Entities tab."""

import pytest

from briefing.store.entities import list_entities
from briefing.store.mentions import LEAD
from briefing.store.sources import list_sources
from briefing.ui.panels import ItemRole


def _select_entity(window, name):
    row = next(r for r in list_sources(window.ws) if r.outlet == "Meridian Wire")
    window.select_source(row.id)
    tree = window.panel.entities
    for i in range(tree.topLevelItemCount()):
        group = tree.topLevelItem(i)
        for j in range(group.childCount()):
            if group.child(j).text(0) == name:
                tree.setCurrentItem(group.child(j))
                return group.child(j).data(0, ItemRole)[1]
    raise AssertionError(f"{name} not in the Entities tab")


def _entity(window, entity_id):
    return next(e for e in list_entities(window.ws) if e["id"] == entity_id)


def test_rename_and_retype_are_undoable(demo_window):
    entity_id = _select_entity(demo_window, "Marta Okafor")
    demo_window.entity_actions.rename("Marta Okafor (HWA)")
    assert _entity(demo_window, entity_id)["name"] == "Marta Okafor (HWA)"
    said = demo_window.statusBar().currentMessage()  # said nothing, unlike merge, split and delete
    assert said == "Renamed “Marta Okafor” to “Marta Okafor (HWA)”. Undo (Ctrl+Z) takes it back."
    assert "Marta Okafor" in _entity(demo_window, entity_id)["aliases"]
    demo_window.undo_stack.undo()
    assert _entity(demo_window, entity_id)["name"] == "Marta Okafor"
    entity_id = _select_entity(demo_window, "Kessel Point")
    demo_window.entity_actions.retype("place")
    assert _entity(demo_window, entity_id)["type"] == "place"
    said = demo_window.statusBar().currentMessage()
    assert said == "“Kessel Point” is now a place, was organisation. Undo (Ctrl+Z) takes it back."
    demo_window.undo_stack.undo()
    assert _entity(demo_window, entity_id)["type"] == "organisation"


def test_merge_and_delete_and_their_undo(demo_window):
    """Merge Into… and Delete Entity could not be undone."""
    vasquel = _select_entity(demo_window, "Ingrid Vasquel")
    okafor = _select_entity(demo_window, "Marta Okafor")
    before = list_entities(demo_window.ws)
    demo_window.entity_actions.merge("Ingrid Vasquel (person)")
    ids = {e["id"] for e in list_entities(demo_window.ws)}
    assert okafor not in ids and vasquel in ids
    assert "Marta Okafor" in _entity(demo_window, vasquel)["aliases"]
    _select_entity(demo_window, "Ingrid Vasquel")
    demo_window.entity_actions.delete(confirmed=True)
    assert vasquel not in {e["id"] for e in list_entities(demo_window.ws)}
    demo_window.undo_stack.undo()
    assert vasquel in {e["id"] for e in list_entities(demo_window.ws)}
    demo_window.undo_stack.undo()
    assert list_entities(demo_window.ws) == before
    demo_window.undo_stack.redo()
    assert okafor not in {e["id"] for e in list_entities(demo_window.ws)}


def test_delete_asks_about_the_entity_of_its_type_only(demo_window, monkeypatch):
    """Deleting keeps the name for other types: the question says which type analysis will drop."""
    asked = []
    monkeypatch.setattr("briefing.ui.entity_actions.ask", lambda _window, title, text: asked.append(text) or False)
    entity_id = _select_entity(demo_window, "Kessel Point")
    demo_window.entity_actions.delete()
    assert asked == [
        "Delete the organisation “Kessel Point” everywhere? Re-analysis will not find an organisation by its "
        "names again (another type keeps them); Edit ▸ Undo brings it back."
    ]
    assert entity_id in {e["id"] for e in list_entities(demo_window.ws)}  # the analyst said no


def test_entity_page_shows_mentions_quotes_and_who_appears_with_it(demo_window):
    entity_id = _select_entity(demo_window, "Marta Okafor")
    demo_window.entity_actions.open_page()
    dock = demo_window.entity_dock
    assert dock.isVisible()
    assert "Marta Okafor" in dock.heading.text()
    assert dock.mentions.topLevelItemCount() >= 4
    assert dock.quotes.topLevelItemCount() >= 5
    assert len(dock.graph.scene().items()) > 10
    # the words around a mention come first, the name early in them: a narrow dock still shows it
    assert dock.mentions.headerItem().text(0) == "In context"
    mention = dock.mentions.topLevelItem(0)
    assert any(word in mention.text(0)[: LEAD + 4] for word in ("Marta", "Okafor"))
    item = dock.quotes.topLevelItem(0)
    source_id, start, end = item.data(0, 257)
    dock.open_row(item)
    assert demo_window.current_source_id() == source_id
    assert demo_window.reader.selected_range() == (start, end)
    assert entity_id


def test_entity_page_counts_every_mention_when_it_lists_only_the_first(demo_window):
    from briefing.store.entities import entity_page

    entity_id = _select_entity(demo_window, "Marta Okafor")
    ws = demo_window.ws
    mentions, sources = ws.db.execute(
        "SELECT count(*), count(DISTINCT source_id) FROM mentions WHERE entity_id = ?", [entity_id]
    ).fetchone()
    quotes = ws.db.execute("SELECT count(*) FROM quotes WHERE speaker_id = ?", [entity_id]).fetchone()[0]
    assert mentions > 3 and sources > 1 and quotes > 2
    dock = demo_window.entity_dock
    dock.show_page(entity_page(ws, entity_id, limit=2), {})
    assert (dock.mentions.topLevelItemCount(), dock.quotes.topLevelItemCount()) == (3, 3)  # and "Show all"
    assert dock.mentions.topLevelItem(2).text(0) == f"Show all {mentions} mentions…"
    assert f"{mentions} mentions in {sources} sources, {quotes} quotes" in dock.heading.text()
    assert dock.tabs.tabText(0) == f"&Mentions (2 of {mentions})"
    assert dock.tabs.tabText(1) == f"Quo&tes (2 of {quotes})"
    assert dock.tabs.tabToolTip(0).startswith(f"Showing the first 2 of {mentions} mentions")
    dock.show_page(entity_page(ws, entity_id), {})  # all of them: the tabs keep their counts
    assert dock.mentions.topLevelItemCount() == mentions
    assert (dock.tabs.tabText(0), dock.tabs.tabText(1), dock.tabs.tabToolTip(0)) == (
        f"&Mentions ({mentions})",
        f"Quo&tes ({quotes})",
        "",
    )


def test_renaming_to_another_entity_s_name_offers_to_merge_into_it(demo_window, monkeypatch):
    """Renaming to another entity's name made two entities of one name without a word, and then
    the question had no Cancel: Escape renamed it anyway."""
    vasquel = _select_entity(demo_window, "Ingrid Vasquel")
    okafor = _select_entity(demo_window, "Marta Okafor")
    asked = []

    def answer(choice):
        monkeypatch.setattr(
            "briefing.ui.entity_actions.choose", lambda parent, title, text, choices: asked.append(text) or choice
        )

    answer(None)  # Cancel or Escape: nothing changes
    demo_window.entity_actions.rename("Ingrid Vasquel")
    assert "already another entity's name" in asked[0]
    assert _entity(demo_window, okafor)["name"] == "Marta Okafor"
    answer(1)  # Rename Anyway: two of one name, as asked
    demo_window.entity_actions.rename("Ingrid Vasquel")
    assert _entity(demo_window, okafor)["name"] == "Ingrid Vasquel"
    demo_window.undo_stack.undo()
    _select_entity(demo_window, "Marta Okafor")
    answer(0)  # Merge Into It
    demo_window.entity_actions.rename("ingrid vasquel")
    ids = {e["id"] for e in list_entities(demo_window.ws)}
    assert okafor not in ids and vasquel in ids


def test_show_all_lists_every_mention_and_keeps_them_listed_after_an_edit(demo_window, monkeypatch):
    """The page listed the first 200 mentions and had no way to the others."""
    from briefing.ui import main_window

    monkeypatch.setattr(main_window, "PAGE_ROWS", 2)
    okafor = _select_entity(demo_window, "Marta Okafor")
    mentions = demo_window.ws.db.execute("SELECT count(*) FROM mentions WHERE entity_id = ?", [okafor]).fetchone()[0]
    demo_window.open_entity(okafor)
    dock = demo_window.entity_dock
    assert dock.mentions.topLevelItemCount() == 3
    dock.open_row(dock.mentions.topLevelItem(2))  # "Show all … mentions…"
    assert dock.mentions.topLevelItemCount() == mentions
    demo_window.after_edit()  # an edit redraws the page: still every mention
    assert dock.mentions.topLevelItemCount() == mentions
    other = _select_entity(demo_window, "Ingrid Vasquel")
    demo_window.open_entity(other)  # another entity: its first rows
    demo_window.open_entity(okafor)
    assert dock.mentions.topLevelItemCount() == 3


def test_in_a_narrow_entity_page_the_words_get_two_thirds_of_the_list(qtbot):
    """Beside a 1280x800 window's panels the page is about 230 pixels wide, and the source
    column's 130 left '…the …' of each mention's context."""
    from briefing.ui.entity_page import SOURCE_WIDTH, EntityDock

    dock = EntityDock()
    qtbot.addWidget(dock)
    dock.show()
    dock.resize(240, 600)
    qtbot.waitUntil(lambda: dock.mentions.viewport().width() < 3 * SOURCE_WIDTH)
    qtbot.waitUntil(lambda: dock.mentions.columnWidth(1) <= dock.mentions.viewport().width() // 3)
    dock.resize(900, 600)
    qtbot.waitUntil(lambda: dock.mentions.columnWidth(1) == SOURCE_WIDTH)


def test_merging_entities_of_two_types_asks_first(demo_window, monkeypatch):
    """'the Clintons' (a group) went into Hillary Clinton (a person) without a word: one slip
    in the list of names, and a note showed two identical entity cards."""
    from briefing.ui import entity_actions

    asked = []
    monkeypatch.setattr(entity_actions, "ask", lambda _parent, _title, text: asked.append(text) or False)
    kessel = _select_entity(demo_window, "Kessel Point")  # an organisation
    demo_window.entity_actions.merge("Marta Okafor (person)")
    assert asked and "is an organisation and “Marta Okafor” a person" in asked[0]
    assert kessel in {e["id"] for e in list_entities(demo_window.ws)}  # not merged
    monkeypatch.setattr(entity_actions, "ask", lambda *_: True)
    demo_window.entity_actions.merge("Marta Okafor (person)")
    assert kessel not in {e["id"] for e in list_entities(demo_window.ws)}
    asked.clear()
    _select_entity(demo_window, "Ingrid Vasquel")
    monkeypatch.setattr(entity_actions, "ask", lambda *a: asked.append(a) or True)
    demo_window.entity_actions.merge("Marta Okafor (person)")  # two people: nothing to ask
    assert asked == []


def test_enter_on_an_entity_opens_its_page(demo_window, qtbot):
    """Enter in the Entities tab scrolled the reader; only a double-click opened the page."""
    from PySide6.QtCore import Qt

    _select_entity(demo_window, "Marta Okafor")
    demo_window.entity_dock.hide()
    tree = demo_window.panel.entities
    tree.setFocus()
    qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert demo_window.entity_dock.isVisible() and "Marta Okafor" in demo_window.entity_dock.heading.text()


def test_after_a_merge_the_entities_tab_picks_the_entity_merged_into(demo_window):
    """The merged entity's row left the list and nothing was picked: Split Entity or Rename
    next said to select an entity first."""
    vasquel = _select_entity(demo_window, "Ingrid Vasquel")
    _select_entity(demo_window, "Marta Okafor")
    demo_window.panel.setCurrentIndex(1)  # the Entities tab, where the analyst merges
    demo_window.entity_actions.merge("Ingrid Vasquel (person)")
    assert demo_window.entity_actions.current()[0] == vasquel
    assert demo_window.panel.currentIndex() == 1


def test_a_wrong_alias_is_removed_for_good_and_undoable(demo_window):
    """The window had no way to take a wrong alias off an entity (a headline's "Donald Trump
    Leads"): only a split, which needs a mention of it, and a stale alias has none."""
    from briefing.store.analysis import rejected_keys
    from briefing.store.edits import add_alias

    entity_id = _select_entity(demo_window, "Marta Okafor")
    add_alias(demo_window.ws, entity_id, "Okafor Leads")  # as a headline's words made it
    demo_window.entity_actions.remove_alias("Okafor Leads")
    assert "Okafor Leads" not in _entity(demo_window, entity_id)["aliases"]
    assert f"{entity_id}:okafor leads" in rejected_keys(demo_window.ws, "entity", 0)
    said = demo_window.statusBar().currentMessage()
    assert said == "“Okafor Leads” is no longer an alias of “Marta Okafor”. Undo (Ctrl+Z) takes it back."
    demo_window.undo_stack.undo()
    assert "Okafor Leads" in _entity(demo_window, entity_id)["aliases"]
    assert f"{entity_id}:okafor leads" not in rejected_keys(demo_window.ws, "entity", 0)
    demo_window.undo_stack.redo()
    assert "Okafor Leads" not in _entity(demo_window, entity_id)["aliases"]


def test_the_context_menu_lists_the_aliases_to_remove(demo_window):
    from briefing.store.edits import add_alias

    entity_id = _select_entity(demo_window, "Marta Okafor")
    add_alias(demo_window.ws, entity_id, "Okafor & Sons")
    menu = demo_window.entity_actions.menu(demo_window.entity_actions.current())
    (aliases,) = [a.menu() for a in menu.actions() if a.text() == "Remove A&lias"]
    assert "Okafor && Sons" in [a.text() for a in aliases.actions()]  # an ampersand, not a shortcut


def test_changing_the_type_to_that_of_a_same_named_entity_offers_to_merge_into_it(demo_window, monkeypatch):
    """Twitter read as a person, made an organisation, stayed a second "Twitter" beside the
    organisation the analysis had: retyping did not say so, as renaming to a taken name does."""
    from briefing.store.entities import add_entity

    kessel = _select_entity(demo_window, "Kessel Point")  # an organisation
    twin = add_entity(demo_window.ws, "Kessel Point", "place")
    asked = []

    def answer(choice):
        monkeypatch.setattr(
            "briefing.ui.entity_actions.choose", lambda parent, title, text, choices: asked.append(text) or choice
        )

    answer(None)  # Cancel or Escape: nothing changes
    demo_window.entity_actions.retype("place")
    assert "already a place called “Kessel Point”" in asked[0]
    assert _entity(demo_window, kessel)["type"] == "organisation"
    answer(1)  # Change Type Anyway: two places of one name, as asked
    demo_window.entity_actions.retype("place")
    assert _entity(demo_window, kessel)["type"] == "place"
    demo_window.undo_stack.undo()
    _select_entity(demo_window, "Kessel Point")
    answer(0)  # Merge Into It: no second question about the two types
    monkeypatch.setattr("briefing.ui.entity_actions.ask", lambda *_: pytest.fail("asked about the types again"))
    demo_window.entity_actions.retype("place")
    ids = {e["id"] for e in list_entities(demo_window.ws)}
    assert kessel not in ids and _entity(demo_window, twin)["type"] == "place"
    demo_window.undo_stack.undo()
    assert _entity(demo_window, kessel)["type"] == "organisation"


def test_not_this_entity_takes_one_mention_off_for_good_and_undo_puts_it_back(demo_window):
    """A single wrong mention could only be split off to a new entity and that one deleted."""
    from briefing.pipeline import analyse_sources
    from briefing.store.history import history_for
    from briefing.ui.entity_page import MentionRole, PassageRole

    entity_id = _select_entity(demo_window, "Marta Okafor")
    demo_window.entity_actions.open_page()
    dock, ws = demo_window.entity_dock, demo_window.ws
    count = dock.mentions.topLevelItemCount()
    words = dict(ws.db.execute("SELECT id, text FROM mentions WHERE entity_id = ?", [entity_id]).fetchall())
    item = next(
        dock.mentions.topLevelItem(i)
        for i in range(count)
        if words.get(dock.mentions.topLevelItem(i).data(0, MentionRole)) == "Okafor"
    )
    mention_id, (source_id, start, end) = item.data(0, MentionRole), item.data(0, PassageRole)
    menu = dock.mention_menu(item)
    assert [a.text() for a in menu.actions()] == ["&Show in Source", "&Not This Entity"]
    menu.actions()[1].trigger()
    assert mention_id not in [r[0] for r in ws.db.execute("SELECT id FROM mentions").fetchall()]
    assert dock.mentions.topLevelItemCount() == count - 1  # the page shows it at once
    said = demo_window.statusBar().currentMessage()
    assert said == (
        "This “Okafor” is no longer a mention of “Marta Okafor”; re-analysis leaves it off. "
        "Undo (Ctrl+Z) takes it back."
    )
    assert history_for(ws, "entity", entity_id)[-1].action == "unlink"
    assert demo_window.undo_stack.undoText() == "Not This Entity: “Okafor”"
    demo_window.undo_stack.undo()
    assert (entity_id, start, end) in ws.db.execute(
        'SELECT entity_id, start, "end" FROM mentions WHERE id = ?', [mention_id]
    ).fetchall()
    assert dock.mentions.topLevelItemCount() == count
    demo_window.undo_stack.redo()
    analyse_sources(ws, [source_id], jobs=1)
    linked = ws.db.execute(
        'SELECT start, "end" FROM mentions WHERE entity_id = ? AND source_id = ?', [entity_id, source_id]
    ).fetchall()
    assert (start, end) not in linked and linked  # her other mentions there stay hers


def test_the_show_all_row_has_no_mention_menu(demo_window):
    from PySide6.QtWidgets import QTreeWidgetItem

    _select_entity(demo_window, "Marta Okafor")
    demo_window.entity_actions.open_page()
    dock = demo_window.entity_dock
    assert dock.mention_menu(QTreeWidgetItem(["Show all 500 mentions…", ""])) is None
