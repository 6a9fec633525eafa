"""Composing a briefing note in the app: add from the panels, drop, reorder, write, undo, export."""

from html.parser import HTMLParser

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QMimeData
from PySide6.QtWidgets import QApplication

from briefing.store.briefings import read_briefing
from briefing.ui.briefing_pane import EMPTY_NOTE_HELP, ItemIdRole
from briefing.ui.panels import ItemRole
from briefing.ui.widgets import BRIEFING_MIME, item_mime, parse_mime


@pytest.fixture
def window(demo_window):
    demo_window.briefing_dock.new_note(
        {"title": "Outage brief", "audience": "Desk", "date": "2026-03-10", "author": "Tester"}
    )
    return demo_window


def note(window):
    return read_briefing(window.ws, window.briefing_dock.current_id())


def rows(window):
    items = window.briefing_dock.items
    return [items.item(i).data(ItemIdRole) for i in range(items.count())]


def select_first(tree, tab_index, window):
    window.panel.setCurrentIndex(tab_index)
    tree.setCurrentItem(tree.topLevelItem(0))
    return tree.topLevelItem(0).data(0, ItemRole)


def test_with_no_note_the_pane_says_what_to_do_and_a_new_note_starts_empty(demo_window):
    dock = demo_window.briefing_dock
    demo_window.show_briefing()
    assert dock.notes.count() == 0 and dock.help.isVisible() and "Ctrl+B" in dock.help.text()
    dock.new_note({"title": "First", "audience": None, "date": None, "author": None})
    dock.new_note({"title": "Second", "audience": None, "date": None, "author": None})
    assert dock.notes.count() == 2 and dock.notes.currentText() == "Second (0)" and dock.items.count() == 0
    assert dock.help.isVisible() and dock.help.text() == EMPTY_NOTE_HELP  # how to fill the new note
    select_first(demo_window.panel.quotes, 2, demo_window)
    demo_window.add_to_briefing()
    assert dock.items.count() == 1 and not dock.help.isVisible()


def test_ctrl_b_adds_the_selected_quote_claim_and_summary(window):
    quote = select_first(window.panel.quotes, 2, window)
    window.add_to_briefing()
    claim = select_first(window.panel.claims, 3, window)
    window.add_to_briefing()
    window.panel.setCurrentIndex(0)
    window.add_to_briefing()
    items = note(window).items
    assert [(i.kind, i.ref_id) for i in items] == [
        ("quote", quote[1]),
        ("claim", claim[1]),
        ("summary", window.current_source_id()),
    ]
    assert all(i.verification is None or i.verification.ok for i in items)
    assert window.briefing_dock.items.count() == 3
    # the summary's row gives the summary's first words after its source's title, not the title twice
    row = window.briefing_dock.items.item(2).text()
    summary = items[2].content.summary
    assert row.startswith("Summary: ") and " ".join(summary.split())[:40] in row


def test_a_dropped_panel_row_lands_where_it_is_dropped(window):
    quote = window.panel.quotes.topLevelItem(0)
    claim = window.panel.claims.topLevelItem(0)
    mime = window.panel.quotes.mimeData([quote])
    assert parse_mime(mime) == ("quote", quote.data(0, ItemRole)[1])
    dock = window.briefing_dock
    dock.items.dropped.emit(*parse_mime(mime), 0)
    dock.items.dropped.emit(*parse_mime(window.panel.claims.mimeData([claim])), 0)
    assert [i.kind for i in note(window).items] == ["claim", "quote"]


def test_the_mime_format_round_trips_and_rejects_junk():
    assert parse_mime(item_mime("annotation", 12)) == ("annotation", 12)
    junk = QMimeData()
    junk.setData(BRIEFING_MIME, b"quote:twelve")
    assert parse_mime(junk) is None
    assert parse_mime(QMimeData()) is None


def test_reorder_edit_text_remove_and_undo_everything(window, qtbot):
    dock = window.briefing_dock
    dock.add_text()
    select_first(window.panel.quotes, 2, window)
    window.add_to_briefing()
    text_id, quote_id = rows(window)
    dock.items.setCurrentRow(1)
    dock.step(-1)
    assert rows(window) == [quote_id, text_id]
    dock.items.setCurrentRow(1)
    dock.editor.setPlainText("## Assessment\n\nThe **ministry** timeline is wrong.")
    dock.save_editor()
    assert note(window).items[1].body.startswith("## Assessment")
    qtbot.waitUntil(lambda: "The ministry timeline is wrong." in dock.preview.toPlainText())  # live preview
    assert "Assessment" in dock.preview.toPlainText() and "font-weight:" in dock.preview.toHtml()
    dock.items.setCurrentRow(0)
    dock.remove_selected()
    assert [i.kind for i in note(window).items] == ["text"]
    stack = window.undo_stack
    stack.undo()  # remove
    assert [i.kind for i in note(window).items] == ["quote", "text"]
    stack.undo()  # text edit
    assert note(window).items[1].body.startswith("New section")
    stack.undo()  # move
    assert [i.kind for i in note(window).items] == ["text", "quote"]
    stack.redo()
    assert [i.kind for i in note(window).items] == ["quote", "text"]


def test_deleting_a_note_is_undone_with_its_items(window):
    select_first(window.panel.quotes, 2, window)
    window.add_to_briefing()
    dock = window.briefing_dock
    dock.delete_note(confirmed=True)
    assert "Outage brief" not in [dock.notes.itemText(i) for i in range(dock.notes.count())]
    window.undo_stack.undo()
    assert dock.notes.currentText() == "Outage brief (1)"
    assert [i.kind for i in note(window).items] == ["quote"]


def test_details_are_edited_and_undone(window):
    dock = window.briefing_dock
    dock.edit_details({"title": "Renamed brief", "audience": "Minister", "date": "2026-03-11", "author": "Tester"})
    assert (note(window).title, note(window).audience) == ("Renamed brief", "Minister")
    window.undo_stack.undo()
    assert (note(window).title, note(window).audience) == ("Outage brief", "Desk")


class _Text(HTMLParser):
    def __init__(self):
        super().__init__()
        self.parts = []

    def handle_data(self, data):
        self.parts.append(data)


def test_exporting_an_empty_note_says_so(window, tmp_path):
    window.briefing_dock.export(str(tmp_path / "empty.md"), "md")
    assert "the note has no items yet, only its title" in window.statusBar().currentMessage()


@pytest.mark.parametrize("fmt", ["md", "html", "pdf", "docx", "json"])
def test_the_export_button_writes_each_format(window, tmp_path, fmt):
    select_first(window.panel.quotes, 2, window)
    window.add_to_briefing()
    quote = note(window).items[0].content
    target = tmp_path / f"brief.{fmt}"
    window.briefing_dock.export(str(target), fmt)
    assert target.exists() and "Exported" in window.statusBar().currentMessage()
    if fmt == "pdf":
        text = " ".join(page.extract_text() for page in PdfReader(target).pages)
    elif fmt == "docx":
        import docx

        text = " ".join(p.text for p in docx.Document(str(target)).paragraphs)
    elif fmt == "html":
        parser = _Text()
        parser.feed(target.read_text(encoding="utf-8"))
        text = " ".join(parser.parts)
    else:
        text = target.read_text(encoding="utf-8")
    words = quote.passage.text.split()[:4]
    assert " ".join(words) in " ".join(text.split()).replace("\\u201c", "“")
    assert quote.passage.citation.title in " ".join(text.split())


def test_a_quote_dropped_after_it_was_added_is_flagged_in_red(window):
    from PySide6.QtCore import Qt

    from briefing.store.edits import drop_quote

    quote = select_first(window.panel.quotes, 2, window)
    window.add_to_briefing()
    drop_quote(window.ws, quote[1])  # the analyst decides it was not a quote after all
    window.briefing_dock.refresh()
    row = window.briefing_dock.items.item(0)
    assert row.text().startswith("⚠")
    assert row.foreground().color() == Qt.GlobalColor.red
    assert "Not verified (orphaned)" in row.toolTip()


def test_a_real_drop_event_on_the_list_adds_the_item_above_the_row_under_the_pointer(window):
    from PySide6.QtCore import QPointF, Qt
    from PySide6.QtGui import QDropEvent

    dock = window.briefing_dock
    dock.add_text()
    items = dock.items
    top = items.visualItemRect(items.item(0)).topLeft() + QPointF(4, 1).toPoint()
    quote = window.panel.quotes.topLevelItem(0)
    mime = window.panel.quotes.mimeData([quote])  # kept: the event only points to it
    event = QDropEvent(
        QPointF(top), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    )
    items.dropEvent(event)
    assert [i.kind for i in note(window).items] == ["quote", "text"]


def test_the_pane_offers_the_formats_the_exporter_writes():
    from briefing.export import formats
    from briefing.ui import export_dialog

    assert export_dialog.BRIEFING_FORMATS == formats.BRIEFING_FORMATS
    assert export_dialog.SUFFIXES == formats.SUFFIXES


def test_search_results_add_their_quote_or_their_sources_summary(window):
    from tests.ui.test_search_dock import searched

    dock = window.search_dock
    rows = searched(dock, "ransom")
    targets = [dock.briefing_item(r) for r in rows]
    quote = next(t for t in targets if t[0] == "quote")
    summary = next(t for t in targets if t[0] == "summary")
    dock.addToBriefing.emit(*quote)
    dock.addToBriefing.emit(*summary)
    assert [(i.kind, i.ref_id) for i in note(window).items] == [quote, summary]


def test_the_panes_buttons_work_when_clicked(window, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QDialog, QPushButton

    from briefing.ui import briefing_pane, export_dialog

    dock = window.briefing_dock
    buttons = {b.text().replace("&", ""): b for b in dock.findChildren(QPushButton)}
    buttons["Add Text"].click()
    assert [i.kind for i in note(window).items] == ["text"]
    target = tmp_path / "clicked.md"
    monkeypatch.setattr(export_dialog, "save_file", lambda *a, **k: (str(target), "Markdown (*.md)"))
    buttons["Export…"].click()
    assert target.read_text(encoding="utf-8").startswith('---\ntitle: "Outage brief"')
    monkeypatch.setattr(briefing_pane.DetailsDialog, "exec", lambda self: QDialog.DialogCode.Accepted)
    buttons["New…"].click()
    assert dock.notes.currentText() == "Untitled briefing note (0)"


def test_a_link_in_the_preview_opens_only_after_the_analyst_saw_it(window, monkeypatch):
    from PySide6.QtCore import QUrl
    from PySide6.QtGui import QDesktopServices
    from PySide6.QtWidgets import QMessageBox

    asked, opened = [], []
    monkeypatch.setattr(QDesktopServices, "openUrl", lambda url: opened.append(url.toString()))
    answer = [QMessageBox.StandardButton.No]
    monkeypatch.setattr(QMessageBox, "exec", lambda box: asked.append(box.text()) or answer[0])
    dock = window.briefing_dock
    dock.preview.anchorClicked.emit(QUrl("https://example.org/report"))
    assert "https://example.org/report" in asked[0] and opened == []
    answer[0] = QMessageBox.StandardButton.Yes
    dock.preview.anchorClicked.emit(QUrl("https://example.org/report"))
    assert opened == ["https://example.org/report"]
    dock.preview.anchorClicked.emit(QUrl("file:///etc/passwd"))
    assert len(asked) == 2 and len(opened) == 1 and "Not opened" in window.statusBar().currentMessage()


@pytest.fixture
def export_settings():
    """The export dialog's remembered folder and format, cleared before and after (the tests' own
    QSettings: conftest points the user's config folder at a temporary one)."""
    from PySide6.QtCore import QSettings

    from briefing.ui.export_dialog import FOLDER_KEY, FORMAT_KEY

    settings = QSettings()
    for key in (FOLDER_KEY, FORMAT_KEY):
        settings.remove(key)
    yield settings
    for key in (FOLDER_KEY, FORMAT_KEY):
        settings.remove(key)


def _answer_dialog(monkeypatch, answers: list, asked: list) -> None:
    from briefing.ui import export_dialog

    def save_file_name(parent, caption, suggested, filters, selected=""):
        asked.append((suggested, selected))
        return answers.pop(0)

    monkeypatch.setattr(export_dialog, "save_file", save_file_name)


@pytest.mark.parametrize(
    "typed, chosen, written, magic",
    [
        ("week47.pdf", "Markdown (*.md)", "week47.pdf", b"%PDF"),  # the typed extension wins over the filter
        ("week47.DOCX", "Markdown (*.md)", "week47.DOCX", b"PK"),
        ("week47", "PDF (*.pdf)", "week47.pdf", b"%PDF"),  # no extension typed: the filter's is added
        ("week 47. draft", "Web page (*.html)", "week 47. draft.html", b"<!DOCTYPE html>"),
    ],
)
def test_the_export_dialog_writes_the_format_the_typed_name_asks_for(
    window, tmp_path, monkeypatch, export_settings, typed, chosen, written, magic
):
    _answer_dialog(monkeypatch, [(str(tmp_path / typed), chosen)], [])
    window.briefing_dock.export()
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("week")] == [written]
    assert (tmp_path / written).read_bytes().startswith(magic)


def test_the_export_dialog_opens_in_the_last_export_folder(window, tmp_path, monkeypatch, export_settings):
    from pathlib import Path

    folder = tmp_path / "briefings"
    folder.mkdir()
    asked: list = []
    _answer_dialog(monkeypatch, [(str(folder / "week47.pdf"), "Markdown (*.md)"), ("", "")], asked)
    window.briefing_dock.export()
    window.briefing_dock.export()  # cancelled: nothing written, nothing changed
    first, second = asked
    assert Path(first[0]).parent == Path.home() and first[1] == "Markdown (*.md)"
    assert second == (str(folder / "Outage brief.pdf"), "PDF (*.pdf)")
    assert [p.name for p in folder.iterdir()] == ["week47.pdf"]


def test_a_text_section_a_colleague_saved_meanwhile_is_not_overwritten(window, monkeypatch):
    """Two analysts edit the same text section: the later save is refused with who and when, the
    colleague's text is shown, and the analyst's own words wait on the clipboard."""
    from PySide6.QtWidgets import QApplication

    from briefing.store import open_workspace
    from briefing.store.briefings import update_text

    dock = window.briefing_dock
    dock.add_text()
    (text_id,) = rows(window)
    dock.items.setCurrentRow(0)
    monkeypatch.setenv("BRIEFING_ANALYST", "Ben Adler")
    with open_workspace(window.ws.path) as colleague:
        update_text(colleague, text_id, "Ben's assessment")
    monkeypatch.setenv("BRIEFING_ANALYST", "Ana Okafor")
    dock.editor.setPlainText("Ana's assessment")
    dock.save_editor()
    message = window.statusBar().currentMessage()
    assert "briefing item “Ben's assessment” was changed by Ben Adler" in message and "clipboard" in message
    assert note(window).items[0].body == "Ben's assessment"
    assert QApplication.clipboard().text() == "Ana's assessment"
    assert dock.editor.toPlainText() == "Ben's assessment"


def test_the_item_list_keeps_room_when_the_text_editor_opens(window, qtbot):
    """At 1600x1000 the editor under a text section left the item list about two lines."""
    from PySide6.QtWidgets import QApplication

    from briefing.ui.briefing_pane import MIN_ITEM_LINES

    dock = window.briefing_dock
    dock.add_text()
    dock.items.setCurrentRow(0)
    QApplication.processEvents()
    assert dock.editor.isVisible()
    assert dock.items.height() >= dock.items.fontMetrics().lineSpacing() * MIN_ITEM_LINES


def test_the_item_buttons_stay_put_when_the_text_editor_opens_and_closes(demo_window):
    """Choosing a quote after a text section closed the editor and the buttons moved down:
    a second click where Move Up had been landed in the list."""
    from PySide6.QtWidgets import QPushButton

    from briefing.store.briefings import add_item, create_briefing

    window = demo_window
    note = create_briefing(window.ws, "Buttons")
    add_item(window.ws, note, "text", body="Bottom line")
    add_item(window.ws, note, "quote", window.ws.db.execute("SELECT min(id) FROM quotes").fetchone()[0])
    window.show_briefing()
    dock = window.briefing_dock
    dock.refresh(note)
    move_up = next(b for b in dock.findChildren(QPushButton) if b.text() == "Move Up")

    def where() -> int:
        QApplication.processEvents()
        return move_up.mapTo(dock, move_up.rect().topLeft()).y()

    dock.items.setCurrentRow(0)  # the text section: the editor opens
    assert dock.editor.isVisible()
    with_editor = where()
    dock.items.setCurrentRow(1)  # the quote: the editor closes
    assert not dock.editor.isVisible()
    assert where() == with_editor


def test_an_entity_row_says_how_much_the_workspace_holds_of_it(window):
    """'Entity: Hillary Clinton (person) · Hillary Clinton' said the name twice."""
    from briefing.store.briefings import add_item
    from briefing.store.entities import list_entities

    entity = max(list_entities(window.ws), key=lambda e: len(e["mentions"]))
    dock = window.briefing_dock
    add_item(window.ws, dock.current_id(), "entity", entity["id"])
    dock.refresh()
    [text] = [dock.items.item(i).text() for i in range(dock.items.count())]
    sources = len({m["source_id"] for m in entity["mentions"]})
    assert text.count(entity["name"]) == 1, text
    assert text.endswith(f"· {len(entity['mentions'])} mentions in {sources} source{'s' if sources != 1 else ''}")


def test_a_claim_re_worded_after_it_went_into_the_note_is_listed_by_its_words_now(window):
    """The pane listed it under the words it had when added, while the preview and every
    export showed the new ones."""
    from briefing.store.claims import edit_claim_span, get_claim

    claim_id = select_first(window.panel.claims, 3, window)[1]
    window.add_to_briefing()
    claim = get_claim(window.ws, claim_id)
    shorter = claim["start"] + claim["text"].rstrip(". ").rindex(" ")  # the last word dropped
    edit_claim_span(window.ws, claim_id, claim["start"], shorter)
    window.briefing_dock.refresh()
    text = window.briefing_dock.items.item(0).text()
    assert " ".join(get_claim(window.ws, claim_id)["text"].split()) in text and claim["text"] not in text


def test_delete_names_a_very_long_received_note_title_in_a_few_lines(demo_window, monkeypatch):
    from briefing.store.briefings import create_briefing
    from briefing.ui import briefing_pane

    dock = demo_window.briefing_dock
    dock.refresh(create_briefing(demo_window.ws, "Received \u202e" + "brief " * 2000))
    asked = []
    monkeypatch.setattr(briefing_pane, "confirm_delete", lambda parent, title, text: asked.append(text) or False)
    dock.delete_note()
    assert len(asked[0]) < 300 and "\u202e" not in asked[0]


@pytest.mark.parametrize(
    ("title", "stem"),
    [
        (
            "Teen trader's \"$72M\": what holds up <draft> & what doesn't",
            "Teen traders 72M what holds up draft what doesnt",
        ),
        ("L’Oréal’s week 47", "LOréals week 47"),
        ("Port Halden: where the accounts disagree", "Port Halden where the accounts disagree"),
        ("???", "briefing"),
        ("हिन्दी समाचार", "हिन्दी समाचार"),  # vowel signs were spaces: "ह न द सम च र"
        ("مُحَمَّد", "مُحَمَّد"),
        ("e\u0301cole", "école"),
        ("soft\u00adware", "software"),
        ("Week\U000e0041\U000e0042 47 \u202eevil\u202c\u200b.", "Week 47 evil"),
        ("\u3164\u3164", "briefing"),  # Hangul fillers: a name of invisible letters
        ("\u3164 Week 47 \u3164", "Week 47"),
        ("CON", "CON briefing"),  # Windows keeps "CON.pdf" for the console
        ("lpt1:", "lpt1 briefing"),
        ("x" * 79 + " yz", "x" * 79),  # no space at the end of the name
    ],
)
def test_the_export_dialog_names_the_file_after_the_title_without_splitting_words(title, stem):
    from briefing.ui.export_dialog import file_stem

    assert file_stem(title) == stem


def test_a_right_to_left_title_keeps_the_count_after_it_and_loses_its_bidi_controls(demo_window):
    """'DNC leak — אמר (1)' showed as 'DNC leak — (1) אמר': the Hebrew word pulled the count to
    its left; an override from a received workspace turned the count around."""
    dock = demo_window.briefing_dock
    dock.new_note({"title": "DNC leak — אמר \u202e(v2)", "audience": None, "date": None, "author": None})
    assert dock.notes.currentText() == "\u2068DNC leak — אמר (v2)\u2069 (0)"
    select_first(demo_window.panel.quotes, 2, demo_window)
    demo_window.add_to_briefing()
    assert demo_window.statusBar().currentMessage() == "Added to “\u2068DNC leak — אמר (v2)\u2069”."
    assert dock.notes.currentText() == "\u2068DNC leak — אמר (v2)\u2069 (1)"


def test_the_preview_lays_a_right_to_left_paragraph_out_right_to_left(demo_window, qtbot):
    """The preview showed a Hebrew title aligned left with its full stop at the wrong end (Qt reads
    no dir="auto"), where the exports now lay it out right to left."""
    from PySide6.QtCore import Qt

    dock = demo_window.briefing_dock
    dock.new_note({"title": "סיכום השבוע: המרוץ.", "audience": None, "date": None, "author": None})
    dock.add_text()
    dock.items.setCurrentRow(0)
    dock.editor.setPlainText("English paragraph.")
    dock.save_editor()
    qtbot.waitUntil(lambda: "English paragraph." in dock.preview.toPlainText())
    directions = {}
    block = dock.preview.document().begin()
    while block.isValid():
        directions[block.text().strip()] = block.textDirection()
        block = block.next()
    assert directions["סיכום השבוע: המרוץ."] == Qt.LayoutDirection.RightToLeft
    assert directions["English paragraph."] == Qt.LayoutDirection.LeftToRight


def test_a_note_title_an_older_workspace_holds_with_a_line_break_is_listed_on_one_line(demo_window):
    """The list of notes showed such a title on two lines, cut to half their height in the box."""
    from tests.export.helpers import received_note

    note = received_note(demo_window.ws, "Point de la semaine:\nles délégués")
    dock = demo_window.briefing_dock
    dock.refresh(note)
    assert dock.notes.currentText() == "Point de la semaine: les délégués (0)"
