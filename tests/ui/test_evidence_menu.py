"""The evidence rows' context menu: change the relation, edit the note, remove, show in source."""

from PySide6.QtCore import Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QDialog, QMenu

from briefing.store.claims import list_claim_history, list_claim_rows
from briefing.store.evidence import delete_evidence, list_evidence
from briefing.store.sources import list_sources
from briefing.ui import evidence_menu
from briefing.ui.evidence import describe


def _claim_with_evidence(window) -> int:
    """A claim of the demo with one piece of evidence, confirmed from its first suggestion."""
    for row in list_sources(window.ws):
        for claim in list_claim_rows(window.ws, row.id):
            if claim.open_suggestions:
                window.select_source(row.id)
                window.panel.select("claim", claim.id)
                panel = window.panel.evidence
                panel.suggestions.setCurrentItem(panel.suggestions.topLevelItem(0))
                panel.confirm.click()
                assert panel.evidence.topLevelItemCount() == 1
                return claim.id
    raise AssertionError("the demo has no claim with suggestions")


def _fake_menu(monkeypatch, offered: list[str], pick: str | None = None) -> None:
    class Menu(QMenu):
        def exec(self, *args):
            actions = [(a.text(), a) for a in self.actions() if not a.isSeparator()]
            for text, action in list(actions):
                if action.menu() is not None:
                    actions += [(f"{text} ▸ {sub.text()}", sub) for sub in action.menu().actions()]
            offered.extend(text.replace("&", "") for text, _ in actions)
            if pick is not None:
                next(action for text, action in actions if text.replace("&", "") == pick).trigger()

    monkeypatch.setattr(evidence_menu, "QMenu", Menu)


def _pick(monkeypatch, window, text: str) -> list[str]:
    offered: list[str] = []
    _fake_menu(monkeypatch, offered, text)
    tree = window.panel.evidence.evidence
    tree.customContextMenuRequested.emit(tree.visualItemRect(tree.topLevelItem(0)).center())
    return offered


def _stored(window, claim_id):
    return [(e["relation"], e["note"]) for e in list_evidence(window.ws, claim_id)]


def test_the_menu_offers_the_evidence_actions_each_with_its_own_letter(demo_window, monkeypatch):
    _claim_with_evidence(demo_window)
    offered = _pick(monkeypatch, demo_window, "Change Relation ▸ Supports")  # the confirmed relation, or another
    assert offered == [
        "Change Relation",
        "Edit Note…",
        "Remove Evidence",
        "Show in Source",
        "Change Relation ▸ Supports",
        "Change Relation ▸ Contradicts",
        "Change Relation ▸ Related",
    ]


def test_changing_the_relation_from_the_menu_is_undoable_and_in_the_history(demo_window, monkeypatch):
    claim_id = _claim_with_evidence(demo_window)
    [(was, note)] = _stored(demo_window, claim_id)
    other = "contradicts" if was != "contradicts" else "supports"
    _pick(monkeypatch, demo_window, f"Change Relation ▸ {other.capitalize()}")
    assert _stored(demo_window, claim_id) == [(other, note)]
    assert demo_window.panel.evidence.evidence.topLevelItem(0).text(0) == other  # drawn again
    assert describe(list_claim_history(demo_window.ws, claim_id)[-1]) == f"Evidence changed from {was} to {other}"
    assert "Undo (Ctrl+Z)" in demo_window.statusBar().currentMessage()
    demo_window.undo_stack.undo()
    assert _stored(demo_window, claim_id) == [(was, note)]
    demo_window.undo_stack.redo()
    assert _stored(demo_window, claim_id) == [(other, note)]


def test_editing_the_note_keeps_its_lines_and_undo_takes_it_back(demo_window, monkeypatch):
    claim_id = _claim_with_evidence(demo_window)
    [(relation, before)] = _stored(demo_window, claim_id)
    shown: list[tuple[str, str | None]] = []

    class Dialog:
        def __init__(self, parent, passage, note):
            shown.append((passage, note))

        def exec(self):
            return QDialog.DialogCode.Accepted

        def values(self):
            return "same figure\nsecond outlet"

    demo_window.evidence_flow.menu.note_dialog = Dialog
    _pick(monkeypatch, demo_window, "Edit Note…")
    assert shown and shown[0][1] == before
    assert _stored(demo_window, claim_id) == [(relation, "same figure\nsecond outlet")]
    demo_window.undo_stack.undo()
    assert _stored(demo_window, claim_id) == [(relation, before)]


def test_a_change_to_evidence_removed_meanwhile_is_refused_and_writes_nothing(demo_window, monkeypatch):
    claim_id = _claim_with_evidence(demo_window)
    [evidence] = list_evidence(demo_window.ws, claim_id)
    delete_evidence(demo_window.ws, evidence["id"])  # another window, the row still drawn here
    depth = demo_window.undo_stack.count()
    _pick(
        monkeypatch,
        demo_window,
        "Change Relation ▸ Related" if evidence["relation"] != "related" else "Change Relation ▸ Supports",
    )
    assert list_evidence(demo_window.ws, claim_id) == []
    assert demo_window.undo_stack.count() == depth
    said = demo_window.statusBar().currentMessage()
    assert "nothing was saved" in said  # who changed the claim, as Remove Evidence says


def test_the_menu_key_opens_the_menu_on_the_current_evidence_and_show_in_source_goes_there(demo_window, monkeypatch):
    claim_id = _claim_with_evidence(demo_window)
    [evidence] = list_evidence(demo_window.ws, claim_id)
    offered: list[str] = []
    _fake_menu(monkeypatch, offered, "Show in Source")
    tree = demo_window.panel.evidence.evidence
    tree.setCurrentItem(tree.topLevelItem(0))
    at = tree.inputMethodQuery(Qt.InputMethodQuery.ImCursorRectangle).center()
    QApplication.sendEvent(tree, QContextMenuEvent(QContextMenuEvent.Reason.Keyboard, at, tree.mapToGlobal(at)))
    assert "Change Relation" in offered
    assert demo_window.current_source_id() == evidence["source_id"]


def test_the_evidence_dialogs_note_is_a_few_lines_and_keeps_them(qtbot):
    from PySide6.QtGui import QFont
    from PySide6.QtWidgets import QPlainTextEdit

    from briefing.ui.evidence_flow import EvidenceDialog

    for size in (10, 15):  # the default font, and the 15 pt one of a large-text desktop
        dialog = EvidenceDialog(None, "The outage ended.", "Water came back on Tuesday.")
        dialog.setFont(QFont(dialog.font().family(), size))
        qtbot.addWidget(dialog)
        dialog.show()
        note = dialog.note
        assert isinstance(note, QPlainTextEdit)
        note.setPlainText("same figure\nsecond outlet\n")
        assert dialog.values()[1] == "same figure\nsecond outlet"
        lines = note.fontMetrics().lineSpacing()
        assert 3 * lines <= note.height() <= 6 * lines  # a few lines, not a page
        assert dialog.sizeHint().height() < 800 - 100  # whole on a 1280x800 screen, with its title bar
