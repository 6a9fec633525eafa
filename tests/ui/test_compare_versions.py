"""Source versions in the window: 'v2' in the list, the reader's version line and its link, the
Compare Versions dialog (changed words marked, source text escaped, the carry-over outcome)."""

import hashlib

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QTextCursor

from briefing.domain import Document
from briefing.store.annotations import add_annotation
from briefing.store.source_versions import import_document
from briefing.store.sources import get_source, list_sources, update_source
from briefing.ui.compare_versions import CompareVersionsDialog
from briefing.ui.source_model import SourceIdRole

HOSTILE = "A reader wrote <img src=x> under the article."


def new_version(window):
    """The demo's first listed source imported again with a word changed, a paragraph added at
    its top and one of its own annotations; returns (old id, new id, note id)."""
    ws = window.ws
    old = get_source(ws, list_sources(ws)[0].id)
    paragraphs = old.text.split("\n\n")
    first_words = paragraphs[0].split()
    note = add_annotation(ws, old.id, 0, len(first_words[0]) + 1 + len(first_words[1]), note="opening")
    changed = paragraphs[-1].split()
    changed[len(changed) // 2] = "zeppelin"
    paragraphs[-1] = " ".join(changed)
    text = "\n\n".join([HOSTILE, *paragraphs])
    raw = text.encode()
    doc = Document(
        path="v2.txt",
        format="txt",
        raw=raw,
        content_hash=hashlib.sha256(raw).hexdigest(),
        text=text,
        title=old.title,
        outlet=old.outlet,
    )
    stored = import_document(ws, doc)
    assert stored.status == "version"
    window.refresh_sources(select_id=stored.source_id)
    return old.id, stored.source_id, note


def _row_text(window, source_id):
    row = window.model.row_of(source_id)
    return window.model.index(row, 0).data(Qt.ItemDataRole.DisplayRole)


def _link_point(reader, words):
    """Where ``words`` stand in the reader's viewport."""
    cursor = reader.document().find(words)
    assert not cursor.isNull(), words
    middle = QTextCursor(reader.document())
    middle.setPosition((cursor.selectionStart() + cursor.selectionEnd()) // 2)
    return reader.cursorRect(middle).center()


def test_the_list_and_the_reader_show_the_version(qtbot, demo_window):
    old_id, new_id, _ = new_version(demo_window)
    assert demo_window.model.row_of(old_id) is None  # the list shows the newest version only
    assert _row_text(demo_window, new_id).startswith("v2 · ")
    qtbot.waitUntil(lambda: demo_window.reader.shown is not None and demo_window.reader.shown.id == new_id)
    assert "Version 2 · Compare with previous version…" in demo_window.reader.toPlainText()


def test_clicking_the_version_link_opens_the_comparison(qtbot, demo_window):
    _, new_id, _ = new_version(demo_window)
    reader = demo_window.reader
    qtbot.waitUntil(lambda: reader.shown is not None and reader.shown.id == new_id)
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=_link_point(reader, "Compare with previous"))
    qtbot.waitUntil(lambda: demo_window.source_actions.compare_dialog is not None)
    dialog = demo_window.source_actions.compare_dialog
    qtbot.waitUntil(dialog.isVisible)
    assert isinstance(dialog, CompareVersionsDialog) and dialog.source_id == new_id


def test_compare_dialog_shows_changed_words_escaped_and_the_outcome(qtbot, demo_window):
    old_id, new_id, note = new_version(demo_window)
    compare = next(
        a for a in demo_window.findChildren(QAction) if a.text().replace("&", "") == "Compare with Previous Version…"
    )
    compare.trigger()
    dialog = demo_window.source_actions.compare_dialog
    assert dialog is not None
    qtbot.waitUntil(dialog.isVisible)
    shown = dialog.text.toPlainText()
    assert HOSTILE in shown  # the words as written, not an image
    assert "&lt;img src=x&gt;" in dialog.text.toHtml() and "<img" not in dialog.text.toHtml()
    assert "zeppelin" in shown and "+ Added:" in shown and "~ Changed:" in shown
    highlighted = [
        run for run in dialog.changes if run.kind == "changed" for kind, words in run.runs if kind == "added"
    ]
    assert highlighted  # the changed word is marked as added in its paragraph
    assert "1 moved" in dialog.summary.text()  # the note above which a paragraph was inserted
    assert demo_window.ws.db.execute("SELECT source_id FROM annotations WHERE id = ?", [note]).fetchone()[0] == new_id
    dialog.open_previous.click()
    qtbot.waitUntil(lambda: demo_window.reader.shown is not None and demo_window.reader.shown.id == old_id)
    assert "Version 1 (an older version) · Open the newest version" in demo_window.reader.toPlainText()


def test_a_source_without_a_previous_version_says_so(qtbot, demo_window):
    first = demo_window.model.index(0, 0).data(SourceIdRole)
    demo_window.select_source(first)
    demo_window.source_actions.compare_versions(first)
    assert demo_window.source_actions.compare_dialog is None
    assert "no previous version" in demo_window.statusBar().currentMessage()


def test_the_context_menu_offers_the_comparison_for_a_newer_version(qtbot, demo_window):
    _, new_id, _ = new_version(demo_window)
    demo_window.select_source(new_id)
    menu = demo_window.source_actions.context_menu()
    assert "Compare with Previous Version…" in [a.text() for a in menu.actions()]
    menu.deleteLater()


def test_an_older_version_opens_though_unlisted_and_links_to_the_newest(qtbot, demo_window):
    old_id, new_id, _ = new_version(demo_window)
    reader = demo_window.reader
    demo_window.select_source(old_id)  # as a search result or a note of the older version does
    qtbot.waitUntil(lambda: reader.shown is not None and reader.shown.id == old_id)
    qtbot.mouseClick(reader.viewport(), Qt.MouseButton.LeftButton, pos=_link_point(reader, "Open the newest"))
    qtbot.waitUntil(lambda: reader.shown is not None and reader.shown.id == new_id)
    demo_window.navigation.back()
    qtbot.waitUntil(lambda: reader.shown is not None and reader.shown.id == old_id)


def test_importing_a_newer_copy_of_a_page_in_the_window_reports_a_new_version(qtbot, demo_window, demo_dir, tmp_path):
    from briefing.ui.import_flow import import_counted

    page = (demo_dir / "02-halden-courier-ransom-claim.html").read_text(encoding="utf-8")
    newer = page.replace("demanding VLD 4.2 million", "demanding VLD 4.8 million", 1)
    assert newer != page
    target = tmp_path / "halden-updated.html"
    target.write_text(newer, encoding="utf-8")
    report = import_counted(demo_window.ws, [target], lambda *a: None, lambda: False)
    assert (report.imported, report.versions) == ([], [str(target)])
    demo_window._import_finished(report)
    message = demo_window.statusBar().currentMessage()
    assert "1 new version of an existing source" in message and "Compare with Previous Version" in message
    versioned = [demo_window.model.index(r, 0).data() for r in range(demo_window.model.rowCount())]
    assert sum(title.startswith("v2 · Ransom demand") for title in versioned) == 1
    assert len(versioned) == len(list_sources(demo_window.ws))


def test_importing_a_newer_version_of_the_source_being_read_shows_it(qtbot, demo_window, demo_dir, tmp_path):
    """The reader went empty ('No source selected') and the list lost its selection when the
    article being read came in again as a newer version."""
    from briefing.store.source_versions import newest_version
    from briefing.ui.import_flow import import_counted

    page = (demo_dir / "02-halden-courier-ransom-claim.html").read_text(encoding="utf-8")
    reading = next(s.id for s in list_sources(demo_window.ws) if (s.title or "").startswith("Ransom demand"))
    demo_window.select_source(reading)
    target = tmp_path / "halden-updated.html"
    target.write_text(page.replace("demanding VLD 4.2 million", "demanding VLD 4.8 million", 1), encoding="utf-8")
    demo_window._import_finished(import_counted(demo_window.ws, [target], lambda *a: None, lambda: False))
    newer = newest_version(demo_window.ws, reading)
    assert newer != reading and demo_window.current_source_id() == newer
    assert "4.8 million" in demo_window.reader.toPlainText()


def test_compare_is_offered_in_the_source_menu_only_for_a_source_with_a_previous_version(qtbot, demo_window):
    """It was enabled for every source, and answered in the status bar that there was none."""
    menu = next(a.menu() for a in demo_window.menuBar().actions() if a.text() == "&Source")
    compare = next(a for a in menu.actions() if a.text().startswith("&Compare"))
    demo_window.select_source(list_sources(demo_window.ws)[0].id)
    menu.aboutToShow.emit()
    assert not compare.isEnabled()
    old, new, _ = new_version(demo_window)
    demo_window.select_source(new)
    menu.aboutToShow.emit()
    assert compare.isEnabled()


def test_a_flagged_headline_claim_opens_at_the_headline(qtbot, demo_window):
    """Double-clicking an altered headline claim selected as many characters of the article's
    first paragraph as the headline had: words the claim never judged."""
    from briefing.store.claims import add_claim, claim_at, mark_claim

    ws = demo_window.ws
    old = get_source(ws, list_sources(ws)[0].id)
    words = old.title.split()
    headline = claim_at(ws, old.id, 0, len(old.title), part="title")
    claim = headline["id"] if headline else add_claim(ws, old.id, 0, len(old.title), part="title")
    mark_claim(ws, claim, "disputed")
    title = " ".join([*words[:-1], "reportedly", words[-1]])  # a word inserted: the claim is altered
    url = "https://news.example/2026/headline"
    update_source(ws, old.id, url=url)  # the same address: the next version whatever its headline
    text = old.text + "\n\nThis article was updated."
    raw = f'<html><head><link rel="canonical" href="{url}"></head><body>{text}</body></html>'.encode()
    doc = Document(
        path="v2.html",
        format="html",
        raw=raw,
        content_hash=hashlib.sha256(raw).hexdigest(),
        text=text,
        title=title,
        outlet=old.outlet,
    )
    stored = import_document(ws, doc)
    assert stored.status == "version"
    demo_window.refresh_sources(select_id=stored.source_id)
    demo_window.source_actions.compare_versions(stored.source_id)
    dialog = demo_window.source_actions.compare_dialog
    qtbot.waitUntil(dialog.isVisible)
    [item] = [
        dialog.flagged.item(i)
        for i in range(dialog.flagged.count())
        if dialog.flagged.item(i).text().startswith("Altered")
        and f"(was “{old.title[:40]}" in dialog.flagged.item(i).text()
    ]
    dialog.flagged.itemActivated.emit(item)
    reader = demo_window.reader
    qtbot.waitUntil(lambda: reader.textCursor().hasSelection())
    assert reader.textCursor().selectedText() == title
    assert item.text().startswith("Altered headline claim")
