"""Suggested passages previewed in place, evidence attached with a chosen relation, and the
claim pinned for evidence shown above the reader."""

from PySide6.QtCore import Qt

from briefing.domain import one_line
from briefing.export.citations import unquoted
from briefing.store.claims import list_claim_rows, list_claims_with_evidence
from briefing.store.sources import get_source, list_sources
from briefing.store.suggestions import list_suggestions
from briefing.ui.evidence_flow import RELATION_KEY


def _open_claim_with_suggestions(window):
    for row in list_sources(window.ws):
        for claim in list_claim_rows(window.ws, row.id):
            if claim.open_suggestions:
                window.select_source(row.id)
                window.panel.select("claim", claim.id)
                return row.id, claim
    raise AssertionError("the demo has no claim with suggestions")


def _evidence(window, claim_id):
    return next(c for c in list_claims_with_evidence(window.ws) if c["id"] == claim_id)["evidence"]


def test_a_click_previews_a_suggestion_and_open_source_jumps_to_it(demo_window, qtbot):
    claim_source, claim = _open_claim_with_suggestions(demo_window)
    panel = demo_window.panel.evidence
    item = panel.suggestions.topLevelItem(0)
    suggestion = item.data(1, Qt.ItemDataRole.UserRole + 1)
    rect = panel.suggestions.visualItemRect(item)
    qtbot.mouseClick(panel.suggestions.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert demo_window.reader.shown.id == claim_source  # still reading the claim's source
    preview = panel.preview
    assert preview.isVisible()
    source = get_source(demo_window.ws, suggestion["source_id"])
    assert preview.passage.text() == f"“{unquoted(suggestion['passage'])}”"
    assert preview.passage.textFormat() == Qt.TextFormat.PlainText
    for part in (source.title or "(untitled)", source.outlet or "", source.published or "no date"):
        assert part in preview.source_text
    qtbot.waitUntil(lambda: preview.open.height() > 0)  # the claims tab made room for it
    qtbot.mouseClick(preview.open, Qt.MouseButton.LeftButton)
    assert demo_window.reader.shown.id == suggestion["source_id"]
    assert demo_window.reader.selected_range() == (suggestion["start"], suggestion["end"])
    demo_window.navigation.back()  # the jump was recorded
    assert demo_window.reader.shown.id == claim_source


def test_attach_as_from_the_preview_links_the_passage_with_that_relation(demo_window, qtbot):
    _, claim = _open_claim_with_suggestions(demo_window)
    panel = demo_window.panel.evidence
    panel.suggestions.itemClicked.emit(panel.suggestions.topLevelItem(0), 1)
    suggestion = panel.previewed
    other = next(r for r in ("supports", "contradicts", "related") if r != suggestion["relation"])
    qtbot.waitUntil(lambda: panel.preview.attach_buttons[other].height() > 0)
    qtbot.mouseClick(panel.preview.attach_buttons[other], Qt.MouseButton.LeftButton)
    [evidence] = _evidence(demo_window, claim.id)
    assert (evidence["relation"], evidence["start"], evidence["end"]) == (other, suggestion["start"], suggestion["end"])
    adjective = {"supports": "supporting", "contradicts": "contradicting", "related": "related"}[other]
    message = demo_window.statusBar().currentMessage()
    assert message.startswith(f"Attached as {adjective} evidence to claim “") and claim.text[:20] in message
    states = {s["id"]: s["state"] for s in list_suggestions(demo_window.ws, claim.id)}
    assert states[suggestion["id"]] == "dismissed"  # it is decided: no longer offered
    history = demo_window.panel.evidence.history
    shown = [history.topLevelItem(i).text(2) for i in range(history.topLevelItemCount())]
    assert "Suggested passage closed: attached with another relation" in " | ".join(shown)  # not "dismissed"
    demo_window.undo_stack.undo()
    assert _evidence(demo_window, claim.id) == []
    assert {s["id"]: s["state"] for s in list_suggestions(demo_window.ws, claim.id)}[suggestion["id"]] == "open"
    # the suggested relation confirms the suggestion itself
    panel.suggestions.itemClicked.emit(panel.suggestions.topLevelItem(0), 1)
    suggested = panel.previewed["relation"]
    panel.preview.attach_buttons[suggested].click()
    [evidence] = _evidence(demo_window, claim.id)
    assert evidence["relation"] == suggested
    assert {s["id"]: s["state"] for s in list_suggestions(demo_window.ws, claim.id)}[suggestion["id"]] == "confirmed"
    assert panel.previewed is None and not panel.preview.isVisible()  # the list was redrawn


class _Choose:
    """Stands for the Attach Evidence dialog: records the relation it offered first."""

    offered: list[str] = []
    answer = "contradicts"

    def __init__(self, parent, claim, passage, relation="supports"):
        _Choose.offered.append(relation)

    def exec(self):
        return 1

    def values(self):
        return _Choose.answer, None


def test_attaching_shows_the_pinned_claim_says_what_it_did_and_remembers_the_relation(demo_window, qtbot):
    from PySide6.QtCore import QSettings

    QSettings().remove(RELATION_KEY)
    rows = {r.outlet: r.id for r in list_sources(demo_window.ws)}
    wire, standard = rows["Meridian Wire"], rows["The Veldran Standard"]
    demo_window.select_source(wire)
    claim = next(c for c in list_claim_rows(demo_window.ws, wire) if "40,000" in c.text)
    demo_window.panel.select("claim", claim.id)
    flow = demo_window.evidence_flow
    flow.dialog_factory = _Choose
    _Choose.offered.clear()
    reader = demo_window.reader
    assert reader.header is None
    flow.pin()
    bar = flow.pinned_bar
    assert reader.header is bar and bar.isVisible()
    assert bar.label.text().startswith("Pinned: “") and claim.text[:30] in bar.label.text()
    assert bar.label.textFormat() == Qt.TextFormat.PlainText
    assert bar.geometry().bottom() <= reader.viewport().geometry().top()  # above the text, not over it
    demo_window.select_source(standard)
    assert bar.isVisible()  # it stays while the analyst reads other sources
    text = get_source(demo_window.ws, standard).text
    for words in ("about 62,000 households", "62,000"):
        start = text.index(words)
        reader.scroll_to(start, start + len(words))
        flow.attach()
    assert _Choose.offered == ["supports", "contradicts"]  # the last choice comes first next time
    assert [e["relation"] for e in _evidence(demo_window, claim.id)] == ["contradicts", "contradicts"]
    assert demo_window.statusBar().currentMessage().startswith("Attached as contradicting evidence to claim “")
    qtbot.mouseClick(bar.unpin, Qt.MouseButton.LeftButton)
    assert reader.header is None and not bar.isVisible() and flow.pinned is None
    flow.attach()
    assert "no claim pinned" in demo_window.statusBar().currentMessage()


def test_every_suggestion_stays_in_sight_on_one_line_beside_the_preview(demo_window, qtbot):
    _open_claim_with_suggestions(demo_window)
    panel = demo_window.panel.evidence
    tree = panel.suggestions
    rows = [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
    passages = [row.data(1, Qt.ItemDataRole.UserRole + 1)["passage"] for row in rows]
    assert [row.text(1) for row in rows] == [one_line(p) for p in passages]
    assert not any("\n" in row.text(1) for row in rows)
    tree.itemClicked.emit(rows[0], 1)
    qtbot.waitUntil(lambda: panel.preview.open.height() > 0)

    def all_in_sight():
        height = tree.viewport().height()
        return all(0 <= tree.visualItemRect(row).top() and tree.visualItemRect(row).bottom() < height for row in rows)

    qtbot.waitUntil(all_in_sight)
    two_lines = tree.fontMetrics().height() * 2
    assert all(tree.visualItemRect(row).height() < two_lines for row in rows)


def test_a_click_on_evidence_selects_it_for_remove_and_enter_opens_it(demo_window, qtbot):
    """A click on an evidence row opened its passage's source: the claim and its evidence left the
    Claims tab, and Remove Evidence then said to select a piece of evidence first."""
    claim_source, claim = _open_claim_with_suggestions(demo_window)
    panel = demo_window.panel.evidence
    panel.suggestions.itemClicked.emit(panel.suggestions.topLevelItem(0), 1)
    panel.preview.attach_buttons["supports"].click()
    tree = panel.evidence
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == 1 and tree.isVisible())
    row = tree.visualItemRect(tree.topLevelItem(0)).center()
    qtbot.mouseClick(tree.viewport(), Qt.MouseButton.LeftButton, pos=row)
    assert demo_window.reader.shown.id == claim_source and demo_window.panel.current_claim() == claim.id
    qtbot.mouseClick(panel.remove, Qt.MouseButton.LeftButton)
    assert _evidence(demo_window, claim.id) == []
    demo_window.undo_stack.undo()
    qtbot.waitUntil(lambda: tree.topLevelItemCount() == 1)
    evidence = _evidence(demo_window, claim.id)[0]
    tree.setCurrentItem(tree.topLevelItem(0))
    with qtbot.waitSignal(panel.passageOpened):  # Enter, as a double-click, opens its source
        qtbot.keyClick(tree, Qt.Key.Key_Return)
    assert demo_window.reader.shown.id == evidence["source_id"]
