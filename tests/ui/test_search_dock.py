"""Searching from the demo_window: as you type, results with highlights, opening one."""

from briefing.store.views import item_range
from briefing.ui.panels import ItemRole
from briefing.ui.search_dock import HitRole, HtmlRole, SnippetRole
from briefing.ui.tasks import TaskRunner


def searched(dock, query: str) -> list:
    """The result rows of ``query``, searched in this thread (the rows are there on return)."""
    dock.runner = TaskRunner(synchronous=True)
    dock.field.setText(query)
    dock.run()
    return [dock.results.topLevelItem(i) for i in range(dock.results.topLevelItemCount())]


def test_typing_searches_after_a_pause_and_shows_highlights(demo_window, qtbot):
    dock = demo_window.search_dock
    dock.field.setText("ransom")
    assert dock.timer.isActive()
    qtbot.waitUntil(lambda: dock.results.topLevelItemCount() > 0, timeout=30_000)
    first = dock.results.topLevelItem(0)
    assert "<b>ransom</b>" in first.data(3, HtmlRole).lower()
    assert "results" in dock.status.text()


def test_opening_a_result_scrolls_the_source_to_it(demo_window):
    dock = demo_window.search_dock
    dock.field.setText("speaker:okafor")
    dock.run()
    item = dock.results.topLevelItem(0)
    kind, ref_id, source_id = item.data(0, HitRole)
    dock.open_row(item)
    _, start, end = item_range(demo_window.ws, kind, ref_id)
    assert demo_window.current_source_id() == source_id
    assert demo_window.reader.selected_range() == (start, end)
    assert demo_window.panel.quotes.currentItem().data(0, ItemRole)[1] == ref_id


def test_malformed_queries_say_so_and_never_fail(demo_window):
    dock = demo_window.search_dock
    for text in ('"unbalanced', "AND", "C++", "*", ":", "北京"):
        dock.field.setText(text)
        dock.run()
        assert "results" in dock.status.text() or "recent" in dock.status.text()


def test_more_results_pages_on(demo_window):
    dock = demo_window.search_dock
    dock.field.setText("")
    dock.run()
    shown = dock.results.topLevelItemCount()
    assert dock.more.isEnabled()
    dock.run(more=True)
    assert dock.results.topLevelItemCount() > shown


def test_results_from_the_worker_are_shown_on_the_gui_thread(demo_window, qtbot, monkeypatch):
    import threading

    from briefing.ui.tasks import TaskRunner

    dock = demo_window.search_dock
    dock.runner = TaskRunner(parent=dock)  # a real worker thread
    shown_on = []
    original = dock._show
    monkeypatch.setattr(dock, "_show", lambda *args: (shown_on.append(threading.get_ident()), original(*args)))
    dock.field.setText("ransom")
    dock.run()
    qtbot.waitUntil(lambda: bool(shown_on), timeout=10000)
    assert shown_on == [threading.get_ident()]
    dock.runner.cancel_all_and_wait()


def test_a_capped_query_says_what_was_left_out(demo_window):
    dock = demo_window.search_dock
    dock.field.setText(" OR ".join(f"word{n}" for n in range(100)))
    dock.run()
    assert "64" in dock.status.text() and "results" in dock.status.text()
    dock.field.setText("(" * 600 + "ransom" + ")" * 600)
    dock.run()
    assert "searched literally" in dock.status.text() and "20" in dock.status.text()


def test_saved_searches_are_saved_run_renamed_and_deleted(demo_window, monkeypatch):
    from briefing.store.saved_searches import list_saved_searches

    dock = demo_window.search_dock
    saved = dock.saved
    dock.field.setText("speaker:okafor")
    monkeypatch.setattr("briefing.ui.saved_search_list.ask_text", lambda *args, **kwargs: "Okafor quotes")
    dock.save_button.click()
    assert saved.names() == ["Okafor quotes"]
    assert [s.query for s in list_saved_searches(demo_window.ws)] == ["speaker:okafor"]
    dock.field.setText("")
    saved.itemClicked.emit(saved.item(0))
    assert dock.field.text() == "speaker:okafor" and dock.results.topLevelItemCount() > 0
    assert dock.results.topLevelItem(0).text(2) == "Marta Okafor"
    saved.rename(saved.item(0), "Okafor")
    assert saved.names() == ["Okafor"]
    saved.delete(saved.item(0), confirm=False)
    assert saved.names() == [] and list_saved_searches(demo_window.ws) == []


def test_a_blank_query_cannot_be_saved(demo_window, monkeypatch):
    """Save Search… kept an empty query (which lists the newest items) under a name; the command
    line refuses one."""
    dock = demo_window.search_dock
    asked = []
    monkeypatch.setattr("briefing.ui.saved_search_list.ask_text", lambda *args, **kwargs: asked.append(1) or "x")
    for text in ("", "   "):
        dock.field.setText(text)
        dock.save_button.click()
        assert not dock.save_button.isEnabled()
    assert asked == [] and dock.saved.names() == []
    dock.field.setText("ransom")
    assert dock.save_button.isEnabled()


def test_a_saved_search_shows_chosen_while_its_query_is_in_the_field(demo_window, monkeypatch):
    """The saved search clicked stayed selected after another query was typed over it."""
    dock, saved = demo_window.search_dock, demo_window.search_dock.saved
    monkeypatch.setattr("briefing.ui.saved_search_list.ask_text", lambda *args, **kwargs: "Okafor")
    dock.field.setText("speaker:okafor")
    dock.save_button.click()
    saved.setCurrentItem(saved.item(0))
    saved.itemClicked.emit(saved.item(0))
    assert saved.currentItem() is saved.item(0)
    dock.field.setText("ransom")
    assert saved.currentItem() is None and not saved.selectedItems()


def test_a_misspelt_word_shows_the_correction_in_the_status_line(demo_window):
    dock = demo_window.search_dock
    dock.field.setText("okafr")
    dock.run()
    assert dock.results.topLevelItemCount() > 0
    assert 'no results for "okafr"; showing "Okafor"' in dock.status.text()


def test_a_filter_without_hits_says_so(demo_window):
    dock = demo_window.search_dock
    dock.field.setText("speaker:nobody")
    dock.run()
    assert dock.status.text() == "no matches for speaker:nobody"
    assert dock.results.topLevelItemCount() == 0


def test_one_result_is_said_in_the_singular(demo_window):
    from briefing.store.sources import list_sources

    dock = demo_window.search_dock
    dock.runner = TaskRunner(synchronous=True)
    title = next(r.title for r in list_sources(demo_window.ws) if r.title)
    dock.field.setText(f'type:source "{title}"')
    dock.run()
    assert dock.results.topLevelItemCount() == 1
    assert dock.status.text().startswith("1 result")  # was "1 results"
    assert "showing" not in dock.status.text()  # all of them are shown
    dock.field.setText('"no such words anywhere in the demo"')
    dock.run()
    assert dock.status.text() == "No results"  # was "0 results, showing 0"


def test_the_type_column_shows_a_claims_status_whole(demo_window):
    """'claim · unreviewed' was cut to 'claim · u…'."""
    results = demo_window.search_dock.results
    widest = max(
        results.fontMetrics().horizontalAdvance(f"claim · {s}") for s in ("unreviewed", "corroborated", "disputed")
    )
    assert results.columnWidth(0) > widest


def test_the_first_results_get_room_for_more_rows_once(demo_window, qtbot):
    """At 1280x800 the pane showed one and a half results."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication

    window, dock = demo_window, demo_window.search_dock
    dock.runner = TaskRunner(synchronous=True)
    window.resizeDocks([dock], [1], Qt.Orientation.Vertical)  # as small as it goes
    QApplication.processEvents()
    smallest = dock.height()
    dock.field.setText("water")
    dock.run()
    results = dock.results
    assert results.topLevelItemCount() >= 5

    def rows_shown() -> float:
        return results.viewport().height() / results.visualItemRect(results.topLevelItem(0)).height()

    assert rows_shown() < 2
    qtbot.waitUntil(lambda: rows_shown() >= 4)  # five asked for; the window's other parts keep their room
    window.resizeDocks([dock], [1], Qt.Orientation.Vertical)  # the analyst makes it small again
    QApplication.processEvents()
    dock.run()
    QApplication.processEvents()  # the zero-time timer that would make room runs here
    QApplication.processEvents()  # and the layout it would ask for
    assert dock.height() == smallest  # it stays as the analyst left it


def test_a_hit_matched_in_who_speaks_says_so(demo_window):
    """A quote found through its speaker's name showed a snippet with nothing highlighted."""
    rows = searched(demo_window.search_dock, "okafor")
    through_speaker = [r for r in rows if "<b>" not in r.data(3, HtmlRole) and r.text(2)]
    assert through_speaker, "the demo has quotes of Okafor that do not name her"
    assert all(r.data(3, HtmlRole).endswith("<i>(matched in who speaks)</i>") for r in through_speaker)
    assert not any("matched in who speaks" in r.data(3, HtmlRole) for r in rows if "<b>" in r.data(3, HtmlRole))


def test_a_source_matched_in_its_title_says_so(demo_window):
    """A source whose title alone held the words showed its text's first words, nothing bold."""
    import hashlib

    from briefing.domain import Document
    from briefing.store.sources import add_document

    text, title = "Turnout was high in the morning.", "Zanzibar vote count"
    raw = (title + text).encode()
    digest = hashlib.sha256(raw).hexdigest()
    add_document(demo_window.ws, Document("z.txt", "txt", raw, digest, text, title=title))
    add_document(demo_window.ws, Document("y.txt", "txt", b"y", "y" * 64, "Zanzibar voted.", title="Islands"))
    rows = {r.text(1): r.data(3, HtmlRole) for r in searched(demo_window.search_dock, "zanzibar")}
    assert rows["Zanzibar vote count"].endswith("<i>(matched in the title)</i>")
    assert "<b>Zanzibar</b>" in rows["Islands"] and "matched in" not in rows["Islands"]


def test_a_snippet_s_bidi_override_reverses_nothing(demo_window):
    """A source's U+202E reached the results' HTML: the snippet after it was drawn reversed."""
    import hashlib

    from briefing.domain import Document
    from briefing.store.sources import add_document

    text = "The file invoice\u202efdp.exe was sent to the zanzibar office."
    raw = text.encode()
    add_document(demo_window.ws, Document("z.txt", "txt", raw, hashlib.sha256(raw).hexdigest(), text, title="Mail"))
    (row,) = searched(demo_window.search_dock, "zanzibar")
    assert "\u202e" not in row.data(3, HtmlRole) and "<b>zanzibar</b>" in row.data(3, HtmlRole)
    assert "\u202e" in row.data(3, SnippetRole)  # as in the text, where opening it finds the words


def test_an_edited_note_shows_its_new_words_in_the_results(demo_window):
    """The results kept a note's old words after it was edited, until the search was run again."""
    from briefing.store.annotations import add_annotation, edit_annotation
    from briefing.store.sources import list_sources

    source = list_sources(demo_window.ws)[0]
    note = add_annotation(demo_window.ws, source.id, 0, 10, note="zebra crossing check", tags=("follow-up",))
    dock = demo_window.search_dock
    rows = searched(dock, "zebra")
    dock.results.setCurrentItem(rows[0])
    edit_annotation(demo_window.ws, note, "zebra crossing check EDITED", ("follow-up",))
    demo_window.after_edit()
    [row] = [dock.results.topLevelItem(i) for i in range(dock.results.topLevelItemCount())]
    assert "EDITED" in row.data(3, HtmlRole) and dock.results.currentItem() is row


def test_a_snippet_wrapped_to_more_lines_gets_a_row_tall_enough(demo_window):
    """Rows were two lines high whatever the width: in a 1280-pixel window a snippet's third line
    was cut in half."""
    from PySide6.QtWidgets import QApplication

    from briefing.ui.plain import InertDocument

    results = demo_window.search_dock.results
    rows = searched(demo_window.search_dock, "water")
    others = results.columnWidth(0) + results.columnWidth(2)
    results.setColumnWidth(1, results.viewport().width() - others - 160)  # the Match column 160 pixels wide
    QApplication.processEvents()
    width = results.header().sectionSize(3)
    assert 100 < width < 200
    heights = []
    for item in rows[:5]:
        document = InertDocument()
        document.setDefaultFont(results.font())
        document.setHtml(item.data(3, HtmlRole))
        document.setTextWidth(width)
        heights.append(document.size().height())
        assert results.visualItemRect(item).height() >= document.size().height()
    assert max(heights) > 3 * results.fontMetrics().height()  # a snippet of more than three lines


def test_a_quote_opened_from_search_stays_picked_through_a_refresh(demo_window):
    """Opening a source re-ranks its claims in the background, and the refresh that follows
    rebuilt the Quotes tab with nothing picked: Change Speaker then said to pick a quote."""
    rows = searched(demo_window.search_dock, "speaker:okafor")
    kind, ref_id, _ = rows[0].data(0, HitRole)
    demo_window.search_dock.open_row(rows[0])
    panel = demo_window.panel
    assert kind == "quote" and panel.current_quote() == ref_id
    demo_window.after_edit()  # what the re-ranking's end does
    assert panel.current_quote() == ref_id
    entity = panel.entities.topLevelItem(0).child(0)
    panel.entities.setCurrentItem(entity)
    picked = entity.data(0, ItemRole)
    demo_window.after_edit()
    assert panel.entities.currentItem().data(0, ItemRole) == picked


def test_escape_in_the_search_field_clears_the_query(demo_window, qtbot):
    from PySide6.QtCore import Qt

    dock = demo_window.search_dock
    dock.show()
    assert searched(dock, "ransom")
    dock.field.setFocus()
    qtbot.keyClick(dock.field, Qt.Key.Key_Escape)
    assert dock.field.text() == ""


def test_the_results_never_scroll_sideways_in_a_narrow_window(demo_window, qtbot):
    """At twice the scale on a 1600x1000 screen (800 pixels of room) the fixed Type, Source and
    Speaker columns pushed the matched words off to the right, behind a sideways scroll bar."""
    from PySide6.QtWidgets import QApplication

    demo_window.resize(800, 500)
    dock = demo_window.search_dock
    dock.run_saved("ransom")
    results = dock.results
    qtbot.waitUntil(lambda: results.topLevelItemCount() > 0 and demo_window.width() <= 810)
    QApplication.processEvents()
    assert not results.horizontalScrollBar().isVisible()
    header = results.header()
    assert header.sectionSize(3) >= 160  # the matched words in sight
    demo_window.resize(1600, 1000)  # room again: the columns as they were
    qtbot.waitUntil(lambda: header.sectionSize(1) == 260)


def test_down_in_the_search_field_goes_on_to_the_results_and_enter_opens_one(demo_window, qtbot):
    from PySide6.QtCore import Qt

    dock = demo_window.search_dock
    dock.show()
    rows = searched(dock, "speaker:okafor")
    dock.field.setFocus()
    qtbot.keyClick(dock.field, Qt.Key.Key_Down)
    assert dock.results.hasFocus() and dock.results.currentItem() is rows[0]
    qtbot.keyClick(dock.results, Qt.Key.Key_Return)
    kind, ref_id, source_id = rows[0].data(0, HitRole)
    assert demo_window.reader.selected_range() == item_range(demo_window.ws, kind, ref_id)[1:]


def test_a_correction_that_finds_nothing_either_says_so(demo_window):
    """The status line said "No results" alone: nothing told that "okafr" had been searched as
    "Okafor" too, and found nothing either."""
    dock = demo_window.search_dock
    searched(dock, "okafr zzzqqq")
    assert dock.results.topLevelItemCount() == 0
    assert dock.status.text() == 'No results for "okafr", nor for "Okafor"'
