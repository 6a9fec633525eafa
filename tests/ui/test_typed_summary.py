"""A summary typed and not saved is never lost: another source, another workspace or closing the
window saves it (Undo takes it back), and another edit's refresh leaves it in the editor."""

from PySide6.QtTest import QTest

from briefing.store.claims import list_claims
from briefing.store.sources import get_source
from briefing.ui.source_model import SourceIdRole

TYPED = "My own reading: the utility blames the storm, the council the pumps."


def _type_summary(window) -> int:
    source_id = window.current_source_id()
    window.panel.setCurrentIndex(0)
    window.panel.summary.setFocus()
    window.panel.summary.selectAll()
    QTest.keyClicks(window.panel.summary, TYPED)
    return source_id


def _other_source(window) -> int:
    ids = [window.model.index(row, 0).data(SourceIdRole) for row in range(window.model.rowCount())]
    return next(i for i in ids if i != window.current_source_id())


def test_a_summary_typed_is_saved_when_another_source_is_opened(demo_window):
    source_id = _type_summary(demo_window)
    before = get_source(demo_window.ws, source_id).summary
    demo_window.select_source(_other_source(demo_window))
    assert get_source(demo_window.ws, source_id).summary == TYPED
    assert "summary" in demo_window.statusBar().currentMessage()
    demo_window.undo_stack.undo()
    assert get_source(demo_window.ws, source_id).summary == before


def test_another_edit_leaves_the_summary_being_typed_in_the_editor(demo_window):
    source_id = _type_summary(demo_window)
    claim = next(c for c in list_claims(demo_window.ws) if c["source_id"] == source_id)
    demo_window.mark_claim(claim["id"], "disputed", "")
    assert demo_window.panel.summary.toPlainText() == TYPED


def test_a_summary_saved_by_hand_is_not_saved_again(demo_window):
    _type_summary(demo_window)
    demo_window.panel._save_summary()
    steps = demo_window.undo_stack.count()
    demo_window.select_source(_other_source(demo_window))
    assert demo_window.undo_stack.count() == steps


def test_closing_the_window_saves_the_summary_being_typed(demo_window):
    source_id = _type_summary(demo_window)
    demo_window.close()
    assert get_source(demo_window.ws, source_id).summary == TYPED
