"""What a redraw does again, counted: opening a source writes its text in one edit and makes
one format per kind of highlight; the claims list is not rebuilt when its rows are the same,
and a list works out each row's sort key once."""

from dataclasses import replace

from PySide6.QtCore import Qt

from briefing.domain import Source
from briefing.store.claims import list_claim_rows
from briefing.store.sources import list_sources
from briefing.ui import reader as reader_module
from briefing.ui.panels import SidePanel
from briefing.ui.reader import Highlight, Reader
from briefing.ui.sorted_items import ItemRole, SortRole

PARAGRAPHS = [f"Paragraph {i} says the council met on {i} May and agreed to nothing." for i in range(40)]
TEXT = "\n\n".join(PARAGRAPHS)


def _source() -> Source:
    return Source(1, "a.txt", "txt", "h", TEXT, "A long article", "Wire", None, "2024-05-01", "en", "", None, None)


def _highlights() -> list[Highlight]:
    starts = [TEXT.index(p) for p in PARAGRAPHS]
    return [
        *(Highlight("entity", 1, s, s + 9, "organisation", "Organisation: council") for s in starts),
        *(Highlight("quote", i, s + 10, s + 20, "", "Quote") for i, s in enumerate(starts)),
        *(Highlight("claim", i, s, s + 30, ("unreviewed", "disputed")[i % 2], "Claim") for i, s in enumerate(starts)),
    ]


def test_opening_a_source_writes_its_text_in_one_edit(qtbot):
    """Each paragraph written on its own was laid out on its own: a long article held the window
    for tens of milliseconds longer than one edit of the whole text does."""
    reader = Reader()
    qtbot.addWidget(reader)
    changes = []
    reader.document().contentsChange.connect(lambda *args: changes.append(args))
    reader.show_source(_source(), _highlights())
    assert reader.toPlainText().count("Paragraph") == len(PARAGRAPHS)
    assert len(changes) <= 3  # the empty state cleared, the article written: not one per paragraph


def test_highlights_of_one_kind_and_style_share_one_format(qtbot, monkeypatch):
    made = []
    original = reader_module._format
    monkeypatch.setattr(reader_module, "_format", lambda *args: made.append(args[0]) or original(*args))
    reader = Reader()
    qtbot.addWidget(reader)
    highlights = _highlights()
    reader.show_source(_source(), highlights)
    assert len(reader.extraSelections()) == len(highlights)
    assert sorted((h.kind, h.style) for h in made) == sorted({(h.kind, h.style) for h in highlights})


def test_the_claims_list_is_not_rebuilt_when_the_ranking_changes_none_of_its_rows(demo_window, monkeypatch):
    """Opening a source re-ranks its suggestions, and the claims list was built again each time
    the ranking came back, the same rows as before; the open claim's suggestions still redraw."""
    source_id = max(list_sources(demo_window.ws), key=lambda r: len(list_claim_rows(demo_window.ws, r.id))).id
    demo_window.select_source(source_id)
    claim = list_claim_rows(demo_window.ws, source_id)[-1]
    demo_window.panel.select("claim", claim.id)
    built, selected = [], []
    original = SidePanel._claim_row
    monkeypatch.setattr(SidePanel, "_claim_row", staticmethod(lambda c: built.append(c) or original(c)))
    demo_window.panel.claimSelected.connect(selected.append)
    demo_window.after_ranking()
    assert built == []
    assert selected == [claim.id]
    assert demo_window.panel.current_claim() == claim.id
    demo_window.panel.mark_current("disputed")  # a row that changed: the list shows it
    assert built
    assert demo_window.panel.claims.currentItem().text(0) == "disputed"


def test_the_same_source_shown_again_keeps_its_text_and_paints_the_highlights_anew(qtbot):
    """Each edit redraws the source it was made in; its words were written out again."""
    reader = Reader()
    qtbot.addWidget(reader)
    versions = {1: (1, None, None)}
    reader.version_of = lambda source: versions[source.id]
    reader.show_source(_source(), _highlights())
    changes = []
    reader.document().contentsChange.connect(lambda *args: changes.append(args))
    fewer = _highlights()[:5]
    reader.show_source(_source(), fewer)
    assert changes == []
    assert len(reader.extraSelections()) == len(fewer)
    assert reader.textCursor().position() == 0 and not reader.textCursor().hasSelection()
    versions[1] = (1, None, 2)  # a newer version came: the line under the title says so
    reader.show_source(_source(), fewer)
    assert changes
    changes.clear()
    reader.setPlainText("something else")  # written by another hand: the source is written again
    changes.clear()
    reader.show_source(_source(), fewer)
    assert changes and reader.toPlainText().startswith("A long article")
    changes.clear()
    edited = replace(_source(), title="A shorter title")
    reader.show_source(edited, fewer)
    assert changes and reader.toPlainText().startswith("A shorter title")


def test_sorting_a_list_works_out_each_rows_sort_key_once(demo_window, monkeypatch):
    """Each comparison of a sort read both rows' data from Qt again: a thousand comparisons for
    the hundred claims of a long article, each time its list was filled."""
    from briefing.ui.sorted_items import ClaimItem, QuoteItem

    worked_out = []
    for item_type in (ClaimItem, QuoteItem):
        original = item_type.key
        monkeypatch.setattr(
            item_type, "key", lambda self, column, o=original: worked_out.append(self) or o(self, column)
        )
    source_id = max(list_sources(demo_window.ws), key=lambda r: len(list_claim_rows(demo_window.ws, r.id))).id
    demo_window.select_source(source_id)
    claims, quotes = demo_window.panel.claims, demo_window.panel.quotes
    rows = claims.topLevelItemCount() + quotes.topLevelItemCount()
    assert claims.topLevelItemCount() > 2
    assert len(worked_out) <= rows
    shown = [claims.topLevelItem(i).data(0, ItemRole)[2] for i in range(claims.topLevelItemCount())]
    assert shown == sorted(shown)  # by position in the text, as the Claim heading sorts
    worked_out.clear()
    claims.sortByColumn(3, Qt.SortOrder.DescendingOrder)  # by score: each row's score key once more
    assert len(worked_out) <= claims.topLevelItemCount()
    scores = [claims.topLevelItem(i).data(0, SortRole)[2] for i in range(claims.topLevelItemCount())]
    assert scores == sorted(scores, reverse=True)


def test_new_counts_of_suggestions_rewrite_their_cells_not_the_list(demo_window, monkeypatch):
    """The first re-ranking of a source's claims mostly changes how many passages each still
    has suggested: the whole list was built again for those numbers."""
    source_id = max(list_sources(demo_window.ws), key=lambda r: len(list_claim_rows(demo_window.ws, r.id))).id
    demo_window.select_source(source_id)
    panel = demo_window.panel
    rows = list_claim_rows(demo_window.ws, source_id)
    panel.select("claim", rows[-1].id)
    built, selected = [], []
    original = SidePanel._claim_row
    monkeypatch.setattr(SidePanel, "_claim_row", staticmethod(lambda c: built.append(c) or original(c)))
    panel.claimSelected.connect(selected.append)
    recounted = [replace(rows[0], evidence=0, open_suggestions=7), *rows[1:]]
    panel.show_claims(recounted)
    assert built == [] and selected == [rows[-1].id]
    cell = next(i for i in _items(panel.claims) if i.data(0, ItemRole)[1] == rows[0].id)
    assert (cell.text(2), cell.toolTip(2)) == ("7 suggested", "7 suggested")
    panel.show_claims([replace(rows[0], status="disputed"), *rows[1:]])  # more than a count: built anew
    assert built
    cell = next(i for i in _items(panel.claims) if i.data(0, ItemRole)[1] == rows[0].id)
    assert cell.text(0) == "disputed"


def _items(tree):
    return [tree.topLevelItem(i) for i in range(tree.topLevelItemCount())]
