"""Acting on the words selected in the reader: its context menu, its shortcuts, and a
selection that never outlives the source it was made in."""

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QContextMenuEvent, QGuiApplication
from PySide6.QtWidgets import QApplication

from briefing.note_content import paragraph_number
from briefing.store.claims import list_claims_with_evidence
from briefing.store.quotes import list_quote_rows
from briefing.store.sources import get_source, list_sources
from briefing.ui.selection_actions import cite_passage

WORDS = "about 62,000 households"


def _select_words(window, outlet="The Veldran Standard", words=WORDS):
    source_id = {r.outlet: r.id for r in list_sources(window.ws)}[outlet]
    window.select_source(source_id)
    text = get_source(window.ws, source_id).text
    start = text.index(words)
    window.reader.scroll_to(start, start + len(words))
    return source_id, text, start


def _context_menu(window, qtbot, trigger=None):
    """Open the reader's context menu on its selection; the entries (text, enabled) it showed,
    after triggering the one whose text starts with ``trigger``."""
    shown = []

    def read_menu():
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(10, read_menu)
            return
        shown.extend(("-" if a.isSeparator() else a.text().replace("&", ""), a.isEnabled(), a) for a in menu.actions())
        menu.close()

    QTimer.singleShot(0, read_menu)
    reader = window.reader
    point = reader.cursorRect().center()
    reader.contextMenuEvent(QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, reader.mapToGlobal(point)))
    qtbot.waitUntil(lambda: bool(shown))
    if trigger is not None:
        next(a for text, _, a in shown if text.startswith(trigger)).trigger()
    return [(text, enabled) for text, enabled, _ in shown]


def test_the_context_menu_offers_what_a_selection_can_become_then_copy(demo_window, qtbot):
    _select_words(demo_window)
    entries = _context_menu(demo_window, qtbot)
    texts = [text for text, _ in entries]
    assert texts[:6] == [
        "Annotate Selection…",
        "Add Selection as Claim",
        texts[2],
        "Add Selection as Quote…",
        "Add Selection to Briefing Note",
        "Copy with Citation",
    ]
    assert texts[2].startswith("Attach Selection as Evidence") and "no claim pinned" in texts[2]
    assert dict(entries)[texts[2]] is False  # nothing to attach to: disabled, and it says why
    assert all(enabled for _, enabled in entries[:2] + entries[3:6])
    assert texts[6] == "-"
    assert any(t.startswith("Copy") for t in texts[7:]) and any(t.startswith("Select All") for t in texts[7:])
    # the menu bar's actions are enabled again, with their own names
    attach = next(a for a in demo_window.reader.selection_actions if a.text().startswith("&Attach"))
    assert attach.isEnabled() and "pinned" not in attach.text()


def test_attach_is_offered_once_a_claim_is_pinned(demo_window, qtbot):
    wire = {r.outlet: r.id for r in list_sources(demo_window.ws)}["Meridian Wire"]
    demo_window.select_source(wire)
    claims = list_claims_with_evidence(demo_window.ws)
    claim = next(c for c in claims if c["source_id"] == wire and "40,000" in c["text"])
    demo_window.panel.select("claim", claim["id"])
    demo_window.evidence_flow.pin()
    _select_words(demo_window)
    entries = dict(_context_menu(demo_window, qtbot))
    assert entries["Attach Selection as Evidence…"] is True


def test_add_as_claim_from_the_context_menu(demo_window, qtbot):
    source_id, _, _ = _select_words(demo_window)
    _context_menu(demo_window, qtbot, trigger="Add Selection as Claim")
    claims = list_claims_with_evidence(demo_window.ws)
    made = [c for c in claims if c["source_id"] == source_id and c["origin"] == "analyst"]
    assert [c["text"] for c in made] == [WORDS]


def test_add_to_briefing_note_adds_a_passage_item_with_its_source_and_range(demo_window, qtbot):
    dock = demo_window.briefing_dock
    dock.new_note({"title": "Week 47", "audience": None, "date": None, "author": None})
    source_id, text, start = _select_words(demo_window)
    _context_menu(demo_window, qtbot, trigger="Add Selection to Briefing Note")
    item = dock.note.items[-1]
    source = get_source(demo_window.ws, source_id)
    assert (item.kind, item.ref_id, item.start, item.end, item.body) == (
        "passage",
        source_id,
        start,
        start + len(WORDS),
        WORDS,
    )
    assert item.verification.state == "verified"
    assert item.content.passage.citation.paragraph == paragraph_number(text, start)
    assert dock.items.item(dock.items.count() - 1).text() == f"Passage: {WORDS} — {source.title}"
    assert "Week 47" in demo_window.statusBar().currentMessage()
    demo_window.undo_stack.undo()
    assert len(dock.note.items) == 0


def test_ctrl_alt_b_adds_the_selection_as_a_passage_item(demo_window, qtbot):
    dock = demo_window.briefing_dock
    dock.new_note({"title": "Week 48", "audience": None, "date": None, "author": None})
    source_id, _, start = _select_words(demo_window)
    demo_window.reader.setFocus()
    qtbot.waitUntil(demo_window.reader.hasFocus)
    modifiers = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.AltModifier
    qtbot.keyClick(demo_window.reader, Qt.Key.Key_B, modifiers)
    qtbot.waitUntil(lambda: dock.note is not None and len(dock.note.items) == 1)
    [item] = dock.note.items
    assert (item.kind, item.ref_id, item.start, item.end) == ("passage", source_id, start, start + len(WORDS))
    assert not any(i.kind == "text" for i in dock.note.items)


def test_copy_with_citation_puts_the_quoted_passage_and_paragraph_on_the_clipboard(demo_window, qtbot):
    source_id, text, start = _select_words(demo_window)
    _context_menu(demo_window, qtbot, trigger="Copy with Citation")
    source = get_source(demo_window.ws, source_id)
    copied = QGuiApplication.clipboard().text()
    first, second = copied.split("\n")
    assert first == f"“{WORDS}”"
    assert second.startswith(f"— {source.title}. {source.outlet}")
    assert f"Paragraph {paragraph_number(text, start)}." in second
    assert str(start) not in second.replace(str(paragraph_number(text, start)), "")  # no character offsets


def test_the_selection_actions_have_shortcuts(demo_window, qtbot):
    _select_words(demo_window)
    QGuiApplication.clipboard().clear()
    demo_window.reader.setFocus()
    qtbot.waitUntil(demo_window.reader.hasFocus)
    qtbot.keyClick(
        demo_window.reader, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert QGuiApplication.clipboard().text().startswith(f"“{WORDS}”")
    shortcuts = {a.text().replace("&", ""): a.shortcut().toString() for a in demo_window.reader.selection_actions}
    assert all(shortcuts.values()), shortcuts


def test_a_citation_of_words_across_paragraphs_names_both_and_quotes_once(demo_window):
    ws = demo_window.ws
    source = get_source(ws, list_sources(ws)[0].id)
    brk = source.text.index("\n\n")
    passage = cite_passage(ws, source, brk - 5, brk + 7)
    assert passage.locator == "paragraphs 1–2"
    quoted = cite_passage(ws, source, 0, 0)
    assert quoted.locator == "paragraph 1"


def test_opening_another_source_leaves_no_selection_behind(demo_window, qtbot):
    source_id, _, _ = _select_words(demo_window)
    reader = demo_window.reader
    assert reader.selected_range() is not None
    other = next(r.id for r in list_sources(demo_window.ws) if r.id != source_id)
    demo_window.table.setCurrentIndex(demo_window.model.index(demo_window.model.row_of(other), 0))  # by hand
    assert reader.shown.id == other
    assert not reader.textCursor().hasSelection()
    assert reader.selected_range() is None
    _select_words(demo_window)
    demo_window.open_passage(other, 0, 0)  # a jump with no range to show
    assert reader.shown.id == other and not reader.textCursor().hasSelection()
    assert reader.verticalScrollBar().value() == 0


def test_a_name_right_clicked_in_the_text_opens_its_entity_page(demo_window, qtbot):
    """Right-clicking a highlighted name offered nothing to do with it, and Qt's greyed-out
    'Copy Link Location'."""
    source_id, text, _ = _select_words(demo_window, words="Okafor")
    reader = demo_window.reader
    start = text.index("Okafor")
    reader.scroll_to(start + 1, start + 1)  # the cursor inside the name, no selection
    entries = [entry for entry, _ in _context_menu(demo_window, qtbot, trigger="Open Entity Page")]
    assert not any("Link Location" in entry for entry in entries)
    [offered] = [entry for entry in entries if entry.startswith("Open Entity Page")]
    assert "Okafor" in offered
    qtbot.waitUntil(lambda: demo_window.entity_dock.isVisible())
    from briefing.store.entities import list_entities

    okafors = {e["id"] for e in list_entities(demo_window.ws) if "Okafor" in e["name"]}
    assert demo_window.entity_dock.entity_id in okafors


def test_every_item_of_the_context_menu_has_its_own_letter(demo_window, qtbot):
    """Annotate and Attach shared A, Claim and Briefing Note's 'Selection' shared L: the letter only
    highlighted the first; Open Entity Page had none."""
    from PySide6.QtGui import QKeySequence

    _, text, start = _select_words(demo_window, words="Okafor")  # a name, selected
    reader = demo_window.reader
    inside = reader.textCursor()
    inside.setPosition(reader.doc_position(start + 2))
    point = reader.cursorRect(inside).center()  # right-clicked inside the name
    texts: list[str] = []

    def read_menu():
        menu = QApplication.activePopupWidget()
        if menu is None:
            QTimer.singleShot(10, read_menu)
            return
        texts.extend(a.text() for a in menu.actions() if not a.isSeparator())
        menu.close()

    QTimer.singleShot(0, read_menu)
    reader.contextMenuEvent(QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, reader.mapToGlobal(point)))
    qtbot.waitUntil(lambda: bool(texts))
    assert any(t.replace("&", "").startswith("Open Entity Page") for t in texts), texts
    letters = [QKeySequence.mnemonic(t).toString() for t in texts]
    assert "" not in letters and len(set(letters)) == len(letters), list(zip(texts, letters, strict=True))
    assert reader.selection_actions[0].text() == "&Annotate Selection…"  # the menu bar's text is back


def test_a_copied_citation_gives_a_headline_ending_in_a_full_stop_no_second_one():
    from briefing.note_content import Citation
    from briefing.ui.selection_actions import CitedPassage

    for title in ("NeverTrump Delegates Disrupt RNC After Rules Report Is Presented.", "Is the Dam Safe?"):
        citation = Citation(1, title, "The Standard", None, "2016-07-18", None, 10, 20, 4, 4)
        reference = CitedPassage("take this fight", citation, None).reference()
        assert reference == f"{title} The Standard, 2016-07-18. Paragraph 4."


def test_a_copied_citation_of_an_older_version_says_a_newer_one_replaced_it():
    """Copied from version 1, the words looked current though version 2 may read otherwise."""
    from briefing.note_content import Citation
    from briefing.ui.selection_actions import CitedPassage

    older = Citation(1, "Dam holds", "The Standard", None, "2016-07-18", None, 10, 20, 4, 4, version=1, newer=True)
    assert CitedPassage("holds", older, None).reference() == (
        "Dam holds. The Standard, 2016-07-18. Paragraph 4. Version 1 of the article, since replaced by a newer version."
    )
    newest = Citation(2, "Dam holds", "The Standard", None, "2016-07-19", None, 10, 20, 4, 4, version=2)
    assert CitedPassage("holds", newest, None).reference().endswith("Paragraph 4. Version 2 of the article.")


def test_copy_with_citation_in_the_quotes_tab_copies_its_quote_with_the_speaker(demo_window, qtbot):
    """Ctrl+Shift+C in the Quotes tab copied whatever the reader had selected, without the speaker."""
    source_id, text, start = _select_words(demo_window, outlet="Meridian Wire", words="pretend this is normal")
    quote = next(q for q in list_quote_rows(demo_window.ws, source_id) if "pretend this is normal" in q.text)
    demo_window.panel.select("quote", quote.id)
    demo_window.reader.scroll_to(0, 5)  # other words selected in the reader
    tree = demo_window.panel.quotes
    tree.setFocus()
    qtbot.waitUntil(tree.hasFocus)
    qtbot.keyClick(tree, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    first, second = QGuiApplication.clipboard().text().split("\n")
    assert first == f"“{quote.text}”"
    assert second.startswith(f"— {quote.speaker}, quoted in {get_source(demo_window.ws, source_id).title}")
    assert f"Paragraph {paragraph_number(text, quote.start)}." in second
    demo_window.reader.scroll_to(quote.start, quote.end)  # the quote selected in the reader: the same
    demo_window.reader.setFocus()
    qtbot.waitUntil(demo_window.reader.hasFocus)
    qtbot.keyClick(
        demo_window.reader, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert QGuiApplication.clipboard().text() == f"{first}\n{second}"


def test_an_entity_in_one_source_is_not_said_to_be_in_1_sources():
    """Its tooltip and the context menu's Open Entity Page read "(1 sources)"."""
    from types import SimpleNamespace

    from briefing.ui.reader import highlights_of

    once = SimpleNamespace(id=1, type="person", name="Charles Woods", sources=1, mentions=[(0, 13)])
    twice = SimpleNamespace(id=2, type="place", name="Libya", sources=2, mentions=[(20, 25)])
    labels = [h.label for h in highlights_of([once, twice], [], [], [])]
    assert labels == ["Person: Charles Woods (1 source)", "Place: Libya (2 sources)"]


def test_words_of_an_untitled_source_are_cited_with_its_file_as_the_note_cites_them(demo_window):
    # Copy with Citation and the note's passage row said "(untitled source)", while the exported
    # note says "(untitled source: 1139.txt)": with nine untitled sources, which one?
    from dataclasses import replace

    from briefing.store.sources import add_document
    from tests.store.test_sources import make_doc

    ws = demo_window.ws
    doc = make_doc("The ferry ran late on Tuesday, the harbour master said.", title="")
    source_id, _ = add_document(ws, replace(doc, title=None, path="/cases/nigeria/1139.txt"))
    assert cite_passage(ws, get_source(ws, source_id), 4, 9).reference() == (
        "(untitled source: 1139.txt). Undated. Paragraph 1."
    )
    demo_window.refresh_sources()
    demo_window.briefing_dock.new_note({"title": "Ferries", "audience": None, "date": None, "author": None})
    demo_window.select_source(source_id)
    demo_window.reader.scroll_to(4, 9)
    demo_window.selection_actions.add_to_note.trigger()
    assert demo_window.briefing_dock.items.item(0).text() == "Passage: ferry — (untitled source: 1139.txt)"
