"""A window on a workspace it may only read refuses a change before a dialog asks for it."""

import pytest
from PySide6.QtWidgets import QDialog, QMessageBox

from briefing.store import open_workspace
from briefing.store.annotations import add_annotation, list_note_rows
from briefing.store.claims import list_claim_rows
from briefing.store.quotes import list_quote_rows
from briefing.ui import annotate, entity_actions, saved_search_list, source_actions
from briefing.ui.main_window import MainWindow
from briefing.ui.read_only import read_only_line
from briefing.ui.tasks import TaskRunner


@pytest.fixture
def reading_window(qtbot, analysed_path, tmp_path, monkeypatch):
    """A window on a copy of the analysed demo workspace opened read-only (as a role granted
    only SELECT, or a file another window has open, is), one annotation on its first source;
    every dialog that would open is recorded instead."""
    copy = tmp_path / "copy.briefing"
    copy.write_bytes(analysed_path.read_bytes())
    with open_workspace(copy) as ws:
        source_id = min(s[0] for s in ws.db.execute("SELECT id FROM sources").fetchall())
        add_annotation(ws, source_id, 0, 8, note="check")
    asked: list[str] = []

    def record(name, answer=None):
        return lambda *args, **kwargs: asked.append(name) or answer

    monkeypatch.setattr(QDialog, "exec", record("dialog", QDialog.DialogCode.Rejected))
    monkeypatch.setattr(QMessageBox, "exec", record("message box", QMessageBox.StandardButton.No))
    for module in (entity_actions, saved_search_list):
        monkeypatch.setattr(module, "ask_text", record("ask_text"))
    monkeypatch.setattr(entity_actions, "ask", record("ask", False))
    monkeypatch.setattr(source_actions, "SourceDetailsDialog", record("source details"))
    monkeypatch.setattr(annotate, "AnnotationDialog", record("annotation"))
    ws = open_workspace(copy, read_only=True)
    window = MainWindow(ws, runner=TaskRunner(synchronous=True), remember=False)
    qtbot.addWidget(window)
    window.show()
    window.select_source(source_id)
    window.quote_actions.choose = record("choose")
    window.asked = asked
    yield window
    window.close()
    ws.close()


def _select_entity(window):
    tree = window.panel.entities
    tree.setCurrentItem(tree.topLevelItem(0).child(0))


def _attach(window):
    window.panel.select("claim", list_claim_rows(window.ws, window.current_source_id())[0].id)
    window.evidence_flow.pin()
    window.reader.select_range(0, 20)
    window.evidence_flow.attach()


def _annotate(window):
    window.reader.select_range(0, 20)
    window.annotate()


ACTIONS = {
    "rename entity": lambda w: (_select_entity(w), w.entity_actions.rename()),
    "merge entity": lambda w: (_select_entity(w), w.entity_actions.merge()),
    "delete entity": lambda w: (_select_entity(w), w.entity_actions.delete()),
    "split entity": lambda w: (_select_entity(w), w.entity_actions.split(w.entity_actions.current()[0])),
    "change speaker": lambda w: w.quote_actions.change_speaker(list_quote_rows(w.ws, w.current_source_id())[0].id),
    "edit claim words": lambda w: w.claim_actions.edit_text(list_claim_rows(w.ws, w.current_source_id())[0].id),
    "attach evidence": _attach,
    "edit source details": lambda w: w.source_actions.edit_details(),
    "new briefing note": lambda w: w.briefing_dock.new_note(),
    "save search": lambda w: w.search_dock.saved.save("outage"),
    "annotate": _annotate,
    "edit annotation": lambda w: w.note_actions.act("edit", list_note_rows(w.ws, w.current_source_id())[0].id),
}


@pytest.mark.parametrize("action", ACTIONS)
def test_a_change_on_a_read_only_workspace_is_refused_before_its_dialog_opens(reading_window, action):
    """Rename Entity…, Merge Into…, a new annotation and the rest opened their dialog on a
    workspace the window may only read; the refusal came once the analyst had typed and chosen."""
    window = reading_window
    ACTIONS[action](window)
    assert window.asked == []
    assert window.statusBar().currentMessage() == read_only_line(window.ws)


def test_a_read_only_window_says_why_its_suggestions_are_not_re_ranked(reading_window, analysed_path, tmp_path, qtbot):
    """A read-only window keeps suggestions ranked by shared words (a re-ranking is stored with
    them): its count of suggestions differed from a colleague's with no reason given."""
    label = reading_window.panel.evidence.suggestions_label
    assert label.text().endswith("by words only") and "read-only" in label.toolTip()
    assert "re-ranking by meaning is off" in label.toolTip()
    other = tmp_path / "writable.briefing"
    other.write_bytes(analysed_path.read_bytes())
    ws = open_workspace(other)
    reading_window.files.switch_to(ws)  # the window goes on to a workspace it may change
    assert "only" not in label.text() and "read-only" not in label.toolTip()
    reading_window.close()
    ws.close()


@pytest.mark.parametrize("palette", ["dark", "light"])
def test_the_read_only_banner_follows_the_palette_and_reads_clearly(reading_window, qapp, qtbot, palette):
    """On the dark palette the banner was a light cream box with brown text."""
    from PySide6.QtGui import QPalette

    from briefing.ui.app import apply_palette
    from briefing.ui.palette_colours import contrast, luminance

    apply_palette(qapp, palette)
    qapp.processEvents()  # the widgets are told of the new palette by posted events
    try:
        banner = reading_window.banner
        qtbot.waitUntil(lambda: banner.isVisible() and banner.width() > 0)
        image = banner.grab().toImage()
        background = image.pixelColor(2, 2)
        window = qapp.palette().color(QPalette.ColorRole.Window)
        assert (luminance(background) < 0.18) == (luminance(window) < 0.18)  # dark on dark, light on light
        pixels = (image.pixelColor(x, y) for x in range(0, image.width(), 2) for y in range(image.height()))
        assert max(contrast(background, p) for p in pixels) >= 4.5  # its words, against its band
    finally:
        apply_palette(qapp, "light")  # the palette belongs to the QApplication the other tests share
