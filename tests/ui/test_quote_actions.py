"""The analyst's quote corrections in the window: Change Speaker…, Not a Quote, Add Selection
as Quote and Split Entity…, each from its menu and context menu, undoable, recorded, and kept
by re-analysis; quote variants marked in the Quotes tab and listed on the entity page; the
notice on a source not in English."""

import re

import pytest
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDialog, QMenu

from briefing.pipeline import analyse_sources
from briefing.store.entities import list_entities
from briefing.store.history import history_for
from briefing.store.mentions import list_mentions
from briefing.store.quotes import list_quote_rows
from briefing.store.sources import get_source, list_sources, update_source
from briefing.ui import entity_actions, panels
from briefing.ui.panels import ItemRole
from briefing.ui.quote_actions import NEW_PERSON, NO_SPEAKER, snap_quote
from briefing.ui.step_names import STATUS_WORDS, quoted


def _action(window, text):
    return next(a for a in window.findChildren(QAction) if a.text().replace("&", "") == text)


def _source(window, outlet):
    return next(r.id for r in list_sources(window.ws) if r.outlet == outlet)


def _quote(window, source_id, words):
    return next(q for q in list_quote_rows(window.ws, source_id) if words in q.text)


def _shown_quotes(window):
    tree = window.panel.quotes
    return [
        (tree.topLevelItem(i).data(0, ItemRole)[1], tree.topLevelItem(i).text(0), tree.topLevelItem(i).text(1))
        for i in range(tree.topLevelItemCount())
    ]


def _stored_quotes(window, source_id):
    return [(q.id, q.speaker or panels.UNKNOWN_SPEAKER, q.text) for q in list_quote_rows(window.ws, source_id)]


def _entity_id(window, name):
    return next(e["id"] for e in list_entities(window.ws) if e["name"] == name)


def _answer(window, answer, preselected=None):
    asked = []

    def choose(parent, title, question, items, current=None):
        asked.append(list(items))
        if preselected is not None:
            preselected.append(current)
        return answer

    window.quote_actions.choose = choose
    return asked


def _fake_menu(monkeypatch, module, offered, pick=None):
    """The module's context menus record what they offer and pick ``pick`` instead of popping up."""

    class Menu(QMenu):
        def exec(self, *args):
            offered.extend(a.text().replace("&", "") for a in self.actions())
            if pick is not None:
                next(a for a in self.actions() if a.text().replace("&", "") == pick).trigger()

    monkeypatch.setattr(module, "QMenu", Menu)


def _context_menu(monkeypatch, tree, item, text):
    """Open the list's real context menu on ``item`` and pick ``text`` from it."""
    offered: list[str] = []
    _fake_menu(monkeypatch, panels, offered, text)
    tree.customContextMenuRequested.emit(tree.visualItemRect(item).center())
    return offered


def _item(tree, quote_id):
    return next(
        tree.topLevelItem(i)
        for i in range(tree.topLevelItemCount())
        if tree.topLevelItem(i).data(0, ItemRole)[1] == quote_id
    )


def test_change_speaker_from_the_menu_offers_people_first_and_undoes(demo_window):
    source = _source(demo_window, "Meridian Wire")
    demo_window.select_source(source)
    quote = _quote(demo_window, source, "pretend this is normal")
    demo_window.panel.select("quote", quote.id)
    preselected: list[str] = []
    asked = _answer(demo_window, "Ingrid Vasquel (person)", preselected)
    _action(demo_window, "Change Speaker…").trigger()
    assert preselected == ["Marta Okafor (person)"]  # Enter keeps the speaker, never the list's first name
    kinds = [choice.rsplit("(", 1)[1] for choice in asked[0][:-2]]
    assert kinds == sorted(kinds, key=lambda k: k != "person)") and asked[0][-2:] == [NEW_PERSON, NO_SPEAKER]
    assert _quote(demo_window, source, "pretend this is normal").speaker == "Ingrid Vasquel"
    assert _shown_quotes(demo_window) == _stored_quotes(demo_window, source)
    said = demo_window.statusBar().currentMessage()  # said nothing; the list's cell is short
    assert said.endswith(": Ingrid Vasquel, was Marta Okafor. Undo (Ctrl+Z) takes it back.")
    [judgement] = history_for(demo_window.ws, "quote", quote.id)
    assert (judgement.action, judgement.old_value, judgement.new_value) == (
        "set_speaker",
        "Marta Okafor",
        "Ingrid Vasquel",
    )
    other = next(s.id for s in list_sources(demo_window.ws) if s.id != source)
    demo_window.select_source(other)  # undo from another source
    demo_window.undo_stack.undo()
    assert _quote(demo_window, source, "pretend this is normal").speaker == "Marta Okafor"
    assert _shown_quotes(demo_window) == _stored_quotes(demo_window, source)
    # the quote changed back is in sight and selected, not the source's top (or another source)
    assert demo_window.current_source_id() == source and demo_window.panel.current_item() == ("quote", quote.id)
    assert demo_window.statusBar().currentMessage() == f"Undone: Change speaker of {quoted(quote.text, STATUS_WORDS)}."
    demo_window.undo_stack.redo()
    assert _quote(demo_window, source, "pretend this is normal").speaker == "Ingrid Vasquel"
    assert _shown_quotes(demo_window) == _stored_quotes(demo_window, source)


def test_change_speaker_to_no_speaker_from_the_context_menu(demo_window, monkeypatch):
    source = _source(demo_window, "Meridian Wire")
    demo_window.select_source(source)
    quote = _quote(demo_window, source, "pretend this is normal")
    _answer(demo_window, NO_SPEAKER)
    offered = _context_menu(
        monkeypatch, demo_window.panel.quotes, _item(demo_window.panel.quotes, quote.id), "Change Speaker…"
    )
    assert {"Change Speaker…", "Not a Quote", "Add as Claim"} <= set(offered)
    assert _quote(demo_window, source, "pretend this is normal").speaker is None
    assert _shown_quotes(demo_window) == _stored_quotes(demo_window, source)
    demo_window.undo_stack.undo()
    assert _quote(demo_window, source, "pretend this is normal").speaker == "Marta Okafor"


@pytest.mark.parametrize("how", ["menu", "context menu"])
def test_not_a_quote_drops_it_and_undo_brings_it_back(demo_window, monkeypatch, how):
    source = _source(demo_window, "Meridian Wire")
    demo_window.select_source(source)
    quote = _quote(demo_window, source, "pretend this is normal")
    if how == "menu":
        demo_window.panel.select("quote", quote.id)
        _action(demo_window, "Not a Quote").trigger()
    else:
        _context_menu(monkeypatch, demo_window.panel.quotes, _item(demo_window.panel.quotes, quote.id), "Not a Quote")
    assert not [q for q in list_quote_rows(demo_window.ws, source) if "pretend this is normal" in q.text]
    assert _shown_quotes(demo_window) == _stored_quotes(demo_window, source)
    assert [j.action for j in history_for(demo_window.ws, "quote", quote.id)] == ["drop"]
    demo_window.undo_stack.undo()
    back = _quote(demo_window, source, "pretend this is normal")
    assert back == quote  # the same quote under its own id: a note citing it finds it again
    assert [j.action for j in history_for(demo_window.ws, "quote", quote.id)] == ["drop", "restore"]
    assert _shown_quotes(demo_window) == _stored_quotes(demo_window, source)
    demo_window.undo_stack.redo()
    assert not [q for q in list_quote_rows(demo_window.ws, source) if "pretend this is normal" in q.text]


def _unquoted_sentence(window, source):
    text = get_source(window.ws, source).text
    quoted = [(q.start, q.end) for q in list_quote_rows(window.ws, source)]
    for sentence in re.split(r"(?<=[.!?])\s+|\n+", text):
        start = text.index(sentence)
        end = start + len(sentence.rstrip("."))
        if len(sentence.split()) > 6 and not any(s < end and start < e for s, e in quoted):
            return text, start, end
    raise AssertionError("no sentence outside the quotes")


def test_add_selection_as_quote_snaps_asks_the_speaker_and_undoes(demo_window):
    source = _source(demo_window, "Meridian Wire")
    demo_window.select_source(source)
    text, start, end = _unquoted_sentence(demo_window, source)
    demo_window.reader.scroll_to(start + 2, end - 1)  # mid-word at both ends
    preselected: list[str] = []
    _answer(demo_window, "Marta Okafor (person)", preselected)
    assert "Add Selection as Quote…" in [a.text().replace("&", "") for a in demo_window.reader.selection_actions]
    _action(demo_window, "Add Selection as Quote…").trigger()
    assert preselected == [NO_SPEAKER]  # no person named within reach of these words
    added = _quote(demo_window, source, text[start:end])
    assert (added.start, added.end, added.speaker) == (start, end, "Marta Okafor")
    assert demo_window.panel.current_quote() == added.id
    assert _shown_quotes(demo_window) == _stored_quotes(demo_window, source)
    assert [j.action for j in history_for(demo_window.ws, "quote", added.id)] == ["add"]
    demo_window.undo_stack.undo()
    assert not [q for q in list_quote_rows(demo_window.ws, source) if q.start == start]
    assert _shown_quotes(demo_window) == _stored_quotes(demo_window, source)
    demo_window.undo_stack.redo()
    assert _quote(demo_window, source, text[start:end]).speaker == "Marta Okafor"


def test_the_person_named_next_to_the_words_is_offered_first(demo_window):
    """Add Selection as Quote opened on "No speaker" though the sentence before named her."""
    from briefing.store.entities import add_entity, add_mention
    from briefing.store.sources import add_document
    from tests.store.test_sources import make_doc

    text = (
        "Jahangir said she was angered by the ruling on Monday. Doing so appeared to be an attempt at "
        "poisoning the election, the lawyer said, and the court would hear it again."
    )
    source, _ = add_document(demo_window.ws, make_doc(text, title="Ruling angers lawyer"))
    person = add_entity(demo_window.ws, "Asma Jahangir", "person")
    add_mention(demo_window.ws, person, source, 0, len("Jahangir"))
    demo_window.refresh_sources(select_id=source)
    start = text.index("Doing so")
    demo_window.reader.scroll_to(start, text.index(", the lawyer"))
    preselected: list[str] = []
    _answer(demo_window, None, preselected)  # cancelled: nothing added
    _action(demo_window, "Add Selection as Quote…").trigger()
    assert preselected == ["Asma Jahangir (person)"]


def test_a_quote_added_with_a_new_person_as_its_speaker_undoes_both(demo_window):
    source = _source(demo_window, "Meridian Wire")
    demo_window.select_source(source)
    text, start, end = _unquoted_sentence(demo_window, source)
    demo_window.reader.scroll_to(start, end)
    _answer(demo_window, NEW_PERSON)
    demo_window.quote_actions.ask_name = lambda parent, title, label: "Obi Ezekwesili"
    _action(demo_window, "Add Selection as Quote…").trigger()
    added = _quote(demo_window, source, text[start:end])
    assert added.speaker == "Obi Ezekwesili" and demo_window.panel.current_quote() == added.id
    demo_window.undo_stack.undo()
    assert not [q for q in list_quote_rows(demo_window.ws, source) if q.start == start]
    assert demo_window.ws.db.execute("SELECT count(*) FROM entities WHERE name = 'Obi Ezekwesili'").fetchone()[0] == 0


@pytest.mark.parametrize(
    "text, selected, expected",
    [
        ("He said “We will publish,” and left.", "“We will publish,”", "We will publish"),
        ("He said “We will publish,” and left.", "e said “We wi", "He said “We will"),
        ("He said “We will publish,” and left.", " “", None),
        ("“Don’t,” she said.", "Don’t,”", "Don’t"),
    ],
)
def test_a_selection_snaps_to_words_inside_the_quotation_marks(text, selected, expected):
    start = text.index(selected)
    span = snap_quote(text, start, start + len(selected))
    assert (text[span[0] : span[1]] if span else None) == expected


def test_quote_edits_are_kept_by_reanalysis(demo_window):
    ws = demo_window.ws
    source = _source(demo_window, "Meridian Wire")
    demo_window.select_source(source)
    moved = _quote(demo_window, source, "pretend this is normal")
    dropped = _quote(demo_window, source, "emergency, because it is one")
    _answer(demo_window, "Ingrid Vasquel (person)")
    demo_window.quote_actions.change_speaker(moved.id)
    demo_window.quote_actions.not_a_quote(dropped.id)
    text, start, end = _unquoted_sentence(demo_window, source)
    demo_window.reader.scroll_to(start, end)
    _answer(demo_window, NO_SPEAKER)
    demo_window.quote_actions.add_selection()
    before = [row[1:] for row in _stored_quotes(demo_window, source)]  # the analysis's quotes get new ids
    analyse_sources(ws, [row.id for row in list_sources(ws)])  # what `briefing analyse --all` runs
    demo_window.show_source(source)
    assert [row[1:] for row in _stored_quotes(demo_window, source)] == before
    assert _quote(demo_window, source, "pretend this is normal").speaker == "Ingrid Vasquel"
    assert not [q for q in list_quote_rows(ws, source) if "emergency, because it is one" in q.text]
    assert _quote(demo_window, source, text[start:end]).speaker is None
    assert _shown_quotes(demo_window) == _stored_quotes(demo_window, source)


def test_split_entity_from_the_menu_moves_the_ticked_mentions_and_undoes(demo_window, monkeypatch):
    ws = demo_window.ws
    okafor = _entity_id(demo_window, "Marta Okafor")
    mentions = list_mentions(ws, okafor)
    form = mentions[-1].text  # the last name form, all its mentions
    moving = {m.id for m in mentions if m.text == form}
    assert 0 < len(moving) < len(mentions)

    def tick_form(dialog):
        tree = dialog.tree
        item = next(
            tree.topLevelItem(i)
            for i in range(tree.topLevelItemCount())
            if tree.topLevelItem(i).text(0).startswith(f"{form} (")
        )
        item.setCheckState(0, item.checkState(0).Checked)  # ticks every mention of the form
        dialog.name.setText("Okafor (the other one)")
        return QDialog.DialogCode.Accepted

    monkeypatch.setattr(entity_actions.SplitDialog, "exec", tick_form)
    demo_window.open_entity(okafor)
    _action(demo_window, "Split Entity…").trigger()
    new = _entity_id(demo_window, "Okafor (the other one)")
    assert {m.id for m in list_mentions(ws, new)} == moving
    assert {m.id for m in list_mentions(ws, okafor)} == {m.id for m in mentions} - moving
    assert [j.action for j in history_for(ws, "entity", new)] == ["split"]
    aliases = next(e["aliases"] for e in list_entities(ws) if e["id"] == okafor)
    demo_window.undo_stack.undo()
    assert {m.id for m in list_mentions(ws, okafor)} == {m.id for m in mentions}
    assert new not in {e["id"] for e in list_entities(ws)}
    assert "Okafor (the other one)" not in next(e["aliases"] for e in list_entities(ws) if e["id"] == okafor)
    assert aliases
    demo_window.undo_stack.redo()
    assert {m.id for m in list_mentions(ws, _entity_id(demo_window, "Okafor (the other one)"))} == moving


def test_split_entity_is_offered_on_the_entity_list_and_the_entity_page(demo_window, monkeypatch):
    offered = []
    demo_window.select_source(_source(demo_window, "Meridian Wire"))
    tree = demo_window.panel.entities
    group = tree.topLevelItem(0)
    tree.setCurrentItem(group.child(0))
    _fake_menu(monkeypatch, entity_actions, offered)
    demo_window.entity_actions.show_menu(tree.visualItemRect(group.child(0)).center())
    assert "Split Entity…" in offered
    asked = []
    monkeypatch.setattr(entity_actions.SplitDialog, "exec", lambda dialog: asked.append(dialog) or 0)
    demo_window.entity_actions.open_page()
    demo_window.entity_dock.split_button.click()
    assert len(asked) == 1 and asked[0].tree.topLevelItemCount() >= 1


def _drachmann(window):
    herald = _source(window, "Northgate Herald")
    return herald, _quote(window, herald, "This reflects badly on us")


def test_a_quote_reported_differently_elsewhere_is_marked_in_the_quotes_tab(demo_window):
    herald, quote = _drachmann(demo_window)
    demo_window.select_source(herald)
    item = _item(demo_window.panel.quotes, quote.id)
    assert item.text(2) == "≠"
    assert "Reported differently by" in item.toolTip(2) and "We will publish what we find" in item.toolTip(2)
    others = [demo_window.panel.quotes.topLevelItem(i) for i in range(demo_window.panel.quotes.topLevelItemCount())]
    assert [i for i in others if i.text(2)] == [item]


def test_the_entity_page_lists_variants_side_by_side_and_opens_their_source(demo_window):
    herald, quote = _drachmann(demo_window)
    demo_window.open_entity(_entity_id(demo_window, "Selma Drachmann"))
    view = demo_window.entity_dock.variants
    assert demo_window.entity_dock.tabs.tabText(2) == "V&ariants (1)"
    [pair] = view.pairs
    assert {pair.first.quote_id, pair.second.quote_id} >= {quote.id}
    shown = view.toPlainText()
    assert "Words changed" in shown and "Northgate Herald" in shown and "We will publish what we find" in shown
    assert "<b style='color:#d9480f'>said</b>" in view.toHtml() or "font-weight" in view.toHtml()
    other = pair.first if pair.first.quote_id != quote.id else pair.second
    view.anchorClicked.emit(f"passage:{other.source_id}:{other.start}:{other.end}")
    assert demo_window.current_source_id() == other.source_id
    assert demo_window.reader.selected_range() == (other.start, other.end)


def test_an_entity_without_variants_says_so(demo_window):
    demo_window.open_entity(_entity_id(demo_window, "Hugo Tenbrook"))
    assert demo_window.entity_dock.variants.pairs == []
    assert "No quote of this entity" in demo_window.entity_dock.variants.toPlainText()


def test_a_source_not_in_english_says_the_analysis_reads_english_only(demo_window):
    source = _source(demo_window, "Meridian Wire")
    demo_window.select_source(source)
    assert demo_window.reader.language_notice == ""
    assert "Language:" not in demo_window.reader.toPlainText()
    assert "run the analysis" in demo_window.panel.summary.placeholderText()
    update_source(demo_window.ws, source, language="pl", summary="")
    demo_window.show_source(source)
    notice = "Language: Polish — entities, quotes and claims are found in English text only"
    assert demo_window.reader.language_notice == notice
    assert notice in demo_window.reader.toPlainText().splitlines()[:4]
    # running the analysis again would give no summary either
    assert demo_window.panel.summary.placeholderText().startswith("No summary: the analysis reads English text only")
    update_source(demo_window.ws, source, language="en-GB")
    demo_window.show_source(source)
    assert "Language:" not in demo_window.reader.toPlainText()
    assert "run the analysis" in demo_window.panel.summary.placeholderText()


def test_no_two_actions_share_a_shortcut(demo_window):
    taken = {}
    for action in demo_window.findChildren(QAction):
        for key in action.shortcuts():
            name = key.toString()
            assert name not in taken, f"{name}: {taken.get(name)} and {action.text()}"
            taken[name] = action.text()
    assert {"Ctrl+Alt+Q", "Ctrl+Alt+S", "Ctrl+Alt+Shift+N", "Ctrl+Alt+Shift+S"} <= set(taken)


@pytest.mark.parametrize(
    "current, chosen", [("Marta Okafor (person)", "Marta Okafor (person)"), (None, "Ada (person)")]
)
def test_the_speaker_dialog_opens_on_the_current_speaker(qapp, monkeypatch, current, chosen):
    from PySide6.QtWidgets import QDialog, QInputDialog

    from briefing.ui.plain import ask_item

    monkeypatch.setattr(QInputDialog, "exec", lambda dialog: QDialog.DialogCode.Accepted)  # Enter at once
    items = ["Ada (person)", "Marta Okafor (person)", NO_SPEAKER]
    assert ask_item(None, "Speaker", "Who says it?", items, current) == chosen


def test_the_split_dialog_names_the_new_entity_after_the_ticked_form_until_a_name_is_typed(qtbot):
    from briefing.store.mentions import MentionRow
    from briefing.ui.split_entity import SplitDialog

    mentions = [
        MentionRow(1, 1, "Rally", 0, 8, "Ted Cruz", "Ted Cruz spoke"),
        MentionRow(2, 1, "Rally", 20, 43, "Ted Cruz South Carolina", "Ted Cruz South Carolina drew"),
    ]
    dialog = SplitDialog(None, "Ted Cruz", "person", mentions)
    qtbot.addWidget(dialog)
    junk = dialog.tree.topLevelItem(1)
    junk.child(0).setCheckState(0, junk.checkState(0).Checked)
    assert dialog.choice().name == "Ted Cruz South Carolina" and dialog.choice().mention_ids == (2,)
    junk.child(0).setCheckState(0, junk.checkState(0).Unchecked)
    assert dialog.name.text() == "Ted Cruz"
    qtbot.keyClicks(dialog.name, " Jr.")
    junk.child(0).setCheckState(0, junk.checkState(0).Checked)
    assert dialog.choice().name == "Ted Cruz Jr."  # what the analyst typed stays


def test_the_split_dialog_offers_ok_once_a_mention_is_ticked_and_named(qtbot):
    """OK with nothing ticked closed the dialog and left "split: choose at least one mention to
    move" in the status bar: the analyst started again from the menu."""
    from briefing.store.mentions import MentionRow
    from briefing.ui.split_entity import SplitDialog

    dialog = SplitDialog(None, "Jordan", "place", [MentionRow(1, 1, "Talks", 0, 6, "Jordan", "Jordan said")])
    qtbot.addWidget(dialog)
    assert not dialog.ok.isEnabled()
    form = dialog.tree.topLevelItem(0)
    form.child(0).setCheckState(0, form.checkState(0).Checked)
    assert dialog.ok.isEnabled()
    dialog.name.clear()
    assert not dialog.ok.isEnabled()  # no name to give the new entity
    qtbot.keyClicks(dialog.name, "Michael Jordan")
    assert dialog.ok.isEnabled()
    form.child(0).setCheckState(0, form.checkState(0).Unchecked)
    assert not dialog.ok.isEnabled()


def test_a_speaker_the_analysis_did_not_find_is_named_as_a_new_person(demo_window):
    """'Obi Ezekwesili' was no entity, and the speaker list could not be typed into."""
    from briefing.store.entities import list_entity_rows

    source = _source(demo_window, "Meridian Wire")
    demo_window.select_source(source)
    quote = _quote(demo_window, source, "pretend this is normal")
    asked = _answer(demo_window, NEW_PERSON)
    demo_window.quote_actions.ask_name = lambda parent, title, label: "  Obi   Ezekwesili "
    demo_window.quote_actions.change_speaker(quote.id)
    assert NEW_PERSON in asked[0]
    assert _quote(demo_window, source, "pretend this is normal").speaker == "Obi Ezekwesili"
    person = demo_window.ws.db.execute("SELECT id, type, origin FROM entities WHERE name = 'Obi Ezekwesili'").fetchone()
    assert person[1:] == ("person", "analyst")
    demo_window.undo_stack.undo()  # the speaker back, and the person gone with nothing else naming it
    assert _quote(demo_window, source, "pretend this is normal").speaker == "Marta Okafor"
    assert "Obi Ezekwesili" not in {e.name for e in list_entity_rows(demo_window.ws, source)}
    assert demo_window.ws.db.execute("SELECT count(*) FROM entities WHERE name = 'Obi Ezekwesili'").fetchone()[0] == 0
    demo_window.undo_stack.redo()
    assert _quote(demo_window, source, "pretend this is normal").speaker == "Obi Ezekwesili"
    # a name the workspace knows is that person, not a second one
    demo_window.quote_actions.ask_name = lambda parent, title, label: "Marta Okafor"
    demo_window.quote_actions.change_speaker(quote.id)
    assert demo_window.ws.db.execute("SELECT count(*) FROM entities WHERE name = 'Marta Okafor'").fetchone()[0] == 1
    assert _quote(demo_window, source, "pretend this is normal").speaker == "Marta Okafor"


def test_split_by_its_shortcut_splits_the_entity_selected_in_the_entities_tab(demo_window, monkeypatch, qtbot):
    """With one entity's page open and another selected in the Entities tab, Ctrl+Alt+Shift+S
    asked which mentions of the page's entity to move, while the row's menu showed the shortcut."""
    asked = []

    class Asked:
        def __init__(self, _parent, name, _kind, _mentions):
            asked.append(name)

        def exec(self):
            return 0

    monkeypatch.setattr(entity_actions, "SplitDialog", Asked)
    demo_window.open_entity(_entity_id(demo_window, "Marta Okafor"))
    demo_window.select_source(_source(demo_window, "Meridian Wire"))
    demo_window.panel.setCurrentIndex(1)
    tree = demo_window.panel.entities
    other = next(
        tree.topLevelItem(g).child(i)
        for g in range(tree.topLevelItemCount())
        for i in range(tree.topLevelItem(g).childCount())
        if "Okafor" not in tree.topLevelItem(g).child(i).text(0)
    )
    tree.setCurrentItem(other)
    demo_window.activateWindow()
    tree.setFocus()
    qtbot.waitUntil(tree.hasFocus)
    _action(demo_window, "Split Entity…").trigger()
    assert asked == [demo_window.entity_actions.current()[1]] and "Okafor" not in asked[0]
    tree.clearFocus()
    demo_window.entity_dock.setFocus()
    _action(demo_window, "Split Entity…").trigger()  # from the page, the page's entity
    assert asked[-1] == "Marta Okafor"


def test_a_speaker_named_in_the_text_but_no_entity_is_offered_and_can_be_taken_away(demo_window):
    """The list showed 'Obi Ezekwesili' while Change Speaker… opened on "No speaker"; choosing
    "No speaker" then did nothing, so a wrong name could not be taken off the quote."""
    source = _source(demo_window, "Meridian Wire")
    quote = _quote(demo_window, source, "pretend this is normal")
    demo_window.ws.db.execute(
        "UPDATE quotes SET speaker_id = NULL, speaker_text = 'Obi Ezekwesili' WHERE id = ?", [quote.id]
    )
    demo_window.select_source(source)
    preselected: list[str] = []
    asked = _answer(demo_window, "Obi Ezekwesili (named in the text)", preselected)
    demo_window.quote_actions.change_speaker(quote.id)
    assert preselected == ["Obi Ezekwesili (named in the text)"] and asked[0][0] == preselected[0]
    assert history_for(demo_window.ws, "quote", quote.id) == []  # Enter changes nothing
    _answer(demo_window, NO_SPEAKER)
    demo_window.quote_actions.change_speaker(quote.id)
    assert _quote(demo_window, source, "pretend this is normal").speaker is None
    assert _shown_quotes(demo_window) == _stored_quotes(demo_window, source)
    demo_window.undo_stack.undo()
    back = _quote(demo_window, source, "pretend this is normal")
    assert (back.speaker, back.speaker_id) == ("Obi Ezekwesili", None)
    _answer(demo_window, "Marta Okafor (person)")
    demo_window.quote_actions.change_speaker(quote.id)
    assert _quote(demo_window, source, "pretend this is normal").speaker == "Marta Okafor"


def test_show_variants_from_a_marked_quote_opens_its_speakers_variants(demo_window, monkeypatch):
    """The ≠ told of variants only in a tooltip: nothing the keyboard could reach."""
    from PySide6.QtGui import QGuiApplication

    herald, quote = _drachmann(demo_window)
    demo_window.select_source(herald)
    tree = demo_window.panel.quotes
    offered = _context_menu(monkeypatch, tree, _item(tree, quote.id), "Show Variants")
    assert {"Show Variants", "Copy with Citation"} <= set(offered)
    dock = demo_window.entity_dock
    assert dock.isVisible() and dock.entity_id == _entity_id(demo_window, "Selma Drachmann")
    assert dock.tabs.currentWidget() is dock.variants and len(dock.variants.pairs) == 1
    _context_menu(monkeypatch, tree, _item(tree, quote.id), "Copy with Citation")
    assert QGuiApplication.clipboard().text().split("\n")[1].startswith("— Selma Drachmann, quoted in ")
    plain = next(tree.topLevelItem(i) for i in range(tree.topLevelItemCount()) if not tree.topLevelItem(i).text(2))
    shown: list[tuple[str, bool]] = []

    class Menu(QMenu):
        def exec(self, *args):
            shown.extend((a.text().replace("&", ""), a.isEnabled()) for a in self.actions())

    monkeypatch.setattr(panels, "QMenu", Menu)
    tree.customContextMenuRequested.emit(tree.visualItemRect(plain).center())
    assert ("Show Variants", False) in shown  # no ≠, nothing to show
    assert _action(demo_window, "Show Variants").text() == "Show &Variants"  # in the Quotes menu too


def test_show_variants_of_one_quote_puts_its_pairs_first(qapp):
    """Show Variants of a quote by a speaker with 19 pairs opened on another quote's pair."""
    from briefing.store.quote_variants import QuoteVariant, VariantSide
    from briefing.ui.variants_view import VariantsView

    def pair(first: int, second: int) -> QuoteVariant:
        sides = [VariantSide(q, q, f"Outlet {q}", f"words of quote {q}", 0, 5, ()) for q in (first, second)]
        return QuoteVariant(sides[0], sides[1], ("cut",), "words cut")

    view = VariantsView()
    view.show_variants([pair(1, 2), pair(3, 4), pair(5, 3)])
    view.put_first(3)
    assert [(v.first.quote_id, v.second.quote_id) for v in view.pairs] == [(3, 4), (5, 3), (1, 2)]
    text = view.toPlainText()
    assert text.index("words of quote 4") < text.index("words of quote 1")


def test_not_a_quote_picks_the_next_quote_in_the_list_and_the_reader(demo_window):
    """After Not a Quote no row was picked while the reader selected the source's first quote:
    the next Ctrl+Alt+Shift+N said to select a quote."""
    source = _source(demo_window, "Meridian Wire")
    demo_window.select_source(source)
    quotes = list_quote_rows(demo_window.ws, source)
    assert len(quotes) >= 3
    demo_window.panel.select("quote", quotes[1].id)
    _action(demo_window, "Not a Quote").trigger()
    following = quotes[2]
    assert demo_window.panel.current_quote() == following.id
    assert demo_window.reader.selected_range() == (following.start, following.end)
    demo_window.panel.select("quote", quotes[-1].id)  # the last: the one before it
    _action(demo_window, "Not a Quote").trigger()
    assert demo_window.panel.current_quote() == quotes[-2].id


def test_a_selection_over_a_quote_is_refused_before_the_speaker_is_asked(demo_window):
    """The speaker was asked, then the store refused the overlapping quote."""
    source = _source(demo_window, "Meridian Wire")
    demo_window.select_source(source)
    quote = _quote(demo_window, source, "pretend this is normal")
    demo_window.reader.scroll_to(quote.start + 3, quote.end + 4)
    asked = _answer(demo_window, "Marta Okafor (person)")
    _action(demo_window, "Add Selection as Quote…").trigger()
    assert asked == []
    assert "overlaps the quote “I am not going to pretend" in demo_window.statusBar().currentMessage()
    assert demo_window.panel.current_quote() == quote.id


def test_a_quote_without_speaker_is_listed_as_change_speaker_names_it(demo_window):
    """The list said "(unknown)" where Change Speaker… offered "No speaker"."""
    source = _source(demo_window, "Meridian Wire")
    demo_window.select_source(source)
    quote = _quote(demo_window, source, "pretend this is normal")
    _answer(demo_window, NO_SPEAKER)
    demo_window.quote_actions.change_speaker(quote.id)
    assert _item(demo_window.panel.quotes, quote.id).text(0) == f"({NO_SPEAKER.lower()})"


def test_new_person_offers_the_name_the_text_gives(demo_window):
    """A speaker named in the text but no entity had to be typed again to become a person."""
    source = _source(demo_window, "Meridian Wire")
    quote = _quote(demo_window, source, "pretend this is normal")
    demo_window.ws.db.execute(
        "UPDATE quotes SET speaker_id = NULL, speaker_text = 'Obi Ezekwesili' WHERE id = ?", [quote.id]
    )
    demo_window.select_source(source)
    _answer(demo_window, NEW_PERSON)
    offered = []

    def ask_name(parent, title, label, text=""):
        offered.append(text)
        return text

    demo_window.quote_actions.ask_name = ask_name
    demo_window.quote_actions.change_speaker(quote.id)
    assert offered == ["Obi Ezekwesili"]
    changed = _quote(demo_window, source, "pretend this is normal")
    assert changed.speaker == "Obi Ezekwesili" and changed.speaker_id is not None


def test_the_readers_tooltip_names_a_quote_without_speaker_as_the_list_does():
    from briefing.store.quotes import QuoteRow
    from briefing.ui.reader import highlights_of

    [unsaid, said] = highlights_of(
        [], [QuoteRow(1, 0, 5, "words", None, None, "said"), QuoteRow(2, 9, 14, "more", "Ada", 3, None)], [], []
    )
    assert (unsaid.label, said.label) == ("Quote, no speaker (said)", "Quote by Ada")


def test_the_line_under_a_right_to_left_headline_reads_left_to_right(demo_window):
    """With an Arabic outlet first, the whole line ran right to left: the date read 02-12-2014."""
    from PySide6.QtCore import Qt

    source = _source(demo_window, "Meridian Wire")
    update_source(demo_window.ws, source, outlet="الجزيرة", author="مراسل", published="2014-12-02")
    demo_window.show_source(source)
    line = demo_window.reader.document().findBlockByNumber(1)
    assert line.blockFormat().layoutDirection() == Qt.LayoutDirection.LeftToRight
    assert line.text().startswith("\u2068الجزيرة\u2069 · \u2068by مراسل\u2069 · \u20682014-12-02\u2069")
