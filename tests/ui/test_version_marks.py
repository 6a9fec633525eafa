"""A claim, quote or note carried to a newer version of its article that changed its words is
marked in the side panel's lists ("(text changed)", the new words on hover), and the selected
claim's line says so: the judgement was made on other words."""

import hashlib

from briefing.domain import Document
from briefing.store.annotations import add_annotation
from briefing.store.briefings import add_item, create_briefing
from briefing.store.claims import add_claim, claim_at, list_claim_rows, mark_claim
from briefing.store.evidence import add_evidence
from briefing.store.quotes import add_quote
from briefing.store.source_versions import import_document
from briefing.store.sources import get_source, list_sources


def _texts(tree, column):
    return [tree.topLevelItem(i).text(column) for i in range(tree.topLevelItemCount())]


def _reworded(window):
    """The first source's last paragraph judged, quoted and noted, then a version with one of its
    words changed imported; returns the new version's id."""
    ws = window.ws
    old = get_source(ws, list_sources(ws)[0].id)
    paragraphs = old.text.split("\n\n")
    start = old.text.rindex(paragraphs[-1])
    end = start + len(paragraphs[-1])
    mark_claim(ws, add_claim(ws, old.id, start, end, "analyst's claim"), "corroborated")
    add_item(
        ws, create_briefing(ws, "Morning note"), "quote", add_quote(ws, old.id, start, end, speaker_text="A witness")
    )
    first = old.text.index(paragraphs[0])
    kept = claim_at(ws, old.id, first, first + len(paragraphs[0]))
    mark_claim(ws, kept["id"] if kept else add_claim(ws, old.id, first, first + len(paragraphs[0])), "disputed")
    add_annotation(ws, old.id, start, end, note="to check")
    words = paragraphs[-1].split()
    words[len(words) // 2] = "zeppelin"
    text = "\n\n".join([*paragraphs[:-1], " ".join(words)])
    raw = text.encode()
    digest = hashlib.sha256(raw).hexdigest()
    doc = Document(
        path="v2.txt", format="txt", raw=raw, content_hash=digest, text=text, title=old.title, outlet=old.outlet
    )
    stored = import_document(ws, doc)
    assert stored.status == "version"
    window.refresh_sources(select_id=stored.source_id)
    return stored.source_id


def test_records_on_changed_words_are_marked_in_the_lists(qtbot, demo_window):
    new_id = _reworded(demo_window)
    panel = demo_window.panel
    qtbot.waitUntil(lambda: demo_window.reader.shown is not None and demo_window.reader.shown.id == new_id)
    qtbot.waitUntil(lambda: any(t.startswith("(text changed) ") for t in _texts(panel.claims, 1)))
    for tree, column in ((panel.claims, 1), (panel.quotes, 1), (panel.notes, 0)):
        marked = [t for t in _texts(tree, column) if t.startswith("(text changed) ")]
        assert len(marked) == 1, (tree, _texts(tree, column))
        row = next(tree.topLevelItem(i) for i, t in enumerate(_texts(tree, column)) if t == marked[0])
        assert "zeppelin" in row.toolTip(column) and "now reads" in row.toolTip(column)


def test_the_selected_claim_says_its_words_changed(qtbot, demo_window):
    _reworded(demo_window)
    panel = demo_window.panel
    qtbot.waitUntil(lambda: any(t.startswith("(text changed) ") for t in _texts(panel.claims, 1)))
    row = next(i for i, t in enumerate(_texts(panel.claims, 1)) if t.startswith("(text changed) "))
    panel.claims.setCurrentItem(panel.claims.topLevelItem(row))
    qtbot.waitUntil(lambda: "a newer version of the article changed its words" in panel.claim_help.text())
    other = next(i for i, t in enumerate(_texts(panel.claims, 1)) if not t.startswith("(text changed) "))
    panel.claims.setCurrentItem(panel.claims.topLevelItem(other))
    qtbot.waitUntil(lambda: "newer version" not in panel.claim_help.text())


def test_a_source_with_one_version_marks_nothing(qtbot, demo_window):
    panel = demo_window.panel
    qtbot.waitUntil(lambda: demo_window.reader.shown is not None)
    for tree, column in ((panel.claims, 1), (panel.quotes, 1), (panel.notes, 0)):
        assert not any(t.startswith("(text changed)") for t in _texts(tree, column))


def test_evidence_on_words_a_newer_version_changed_is_marked(qtbot, demo_window):
    """Evidence carried to a newer version that reworded it was listed with the old words only."""
    ws = demo_window.ws
    sources = list_sources(ws)
    other = next(s.id for s in sources[1:] if list_claim_rows(ws, s.id))
    claim = list_claim_rows(ws, other)[0].id
    old = get_source(ws, sources[0].id)
    last = old.text.split("\n\n")[-1]
    start = old.text.rindex(last)
    add_evidence(ws, claim, old.id, start, start + len(last), "supports")
    _reworded(demo_window)
    demo_window.select_source(other)
    panel = demo_window.panel
    qtbot.waitUntil(lambda: any(i for i in range(panel.claims.topLevelItemCount())))
    panel.select("claim", claim)
    rows = panel.evidence.evidence
    qtbot.waitUntil(lambda: rows.topLevelItemCount() == 1)
    assert rows.topLevelItem(0).text(1).startswith("(text changed) ")
    assert "zeppelin" in rows.topLevelItem(0).toolTip(1)
