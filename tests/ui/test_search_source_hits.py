"""Opening a search result of kind source shows the matched words, selected, not the top."""

from briefing.store.search_queries import CLOSE, OPEN
from briefing.store.sources import get_source
from briefing.ui.search_dock import HitRole, match_range


def _source_hits(dock, query):
    dock.field.setText(query)
    dock.run()
    items = [dock.results.topLevelItem(i) for i in range(dock.results.topLevelItemCount())]
    return [item for item in items if item.data(0, HitRole)[0] == "source"]


def test_a_source_hit_opens_its_source_with_the_match_selected(demo_window):
    dock, reader = demo_window.search_dock, demo_window.reader
    hits = _source_hits(dock, "type:source households")
    assert hits, "the demo's sources mention households"
    for item in hits[:3]:
        _, source_id, _ = item.data(0, HitRole)
        dock.open_row(item)
        text = get_source(demo_window.ws, source_id).text
        selected = reader.selected_range()
        assert demo_window.current_source_id() == source_id and selected is not None
        assert text[selected[0] : selected[1]].lower() == "households"
        assert 0 <= reader.cursorRect().center().y() <= reader.viewport().height()  # scrolled into view


def test_the_match_is_found_where_the_snippet_shows_it():
    text = "Water cut. The water returned on Monday, officials said. More water came later."
    snippet = f"…The {OPEN}water{CLOSE} returned on Monday, officials…"
    start, end = match_range(text, snippet)
    assert (start, end) == (text.index("water returned"), text.index("water returned") + 5)
    # a snippet the text no longer holds word for word: the first occurrence of its words, any case
    start, end = match_range(text, f"…a {OPEN}Water{CLOSE} story…")
    assert (start, end) == (0, 5)
    assert match_range(text, "no marked words") is None
    assert match_range(text, f"{OPEN}absent{CLOSE}") is None
